"""``pepdocs users``: the accounts people sign in to the shared workbench with
(``pepdocs serve --shared``, docs/workbench.md). A password is typed at a prompt (asked
twice) or read from standard input with ``--password-stdin``: never an argument, which
would stay in the shell's history and show in the process list."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from pepdocs.cli.options import db_option, user_option
from pepdocs.errors import UsageError

if TYPE_CHECKING:
    from pepdocs.store.accounts import AccountInfo

_ROLES = ("officer", "designated_teacher", "read_only")

_password_stdin = click.option(
    "--password-stdin", is_flag=True,
    help="Read the password from the first line of standard input instead of a prompt.",
)
_school = click.option(
    "--school", "schools", multiple=True, metavar="URN",
    help="A designated teacher's school, by URN (repeatable; needed for that role only).",
)
_role = click.option(
    "--role", type=click.Choice(_ROLES), required=True,
    help="officer: every child, may change; designated_teacher: their schools' children, "
    "read only; read_only: every child, read only.",
)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise UsageError("--password-stdin: standard input has no password on its first line")
        return line
    typed: str = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return typed


def _line(account: AccountInfo) -> str:
    schools = f" ({', '.join(account.schools)})" if account.schools else ""
    state = "disabled" if account.disabled else "active"
    last = account.last_login_at.strftime("%Y-%m-%d %H:%M") if account.last_login_at else "never"
    return (f"{account.username:<24} {account.name:<24} {account.role}{schools:<10} "
            f"{state:<8} last sign-in {last}")


@click.group()
def users() -> None:
    """The accounts of the shared workbench (pepdocs serve --shared): who signs in, with
    which role.

    \b
    Examples:
      pepdocs users add ola.officer --name "Ola Officer" --role officer
      pepdocs users add dee@school.example --name "Dee Teacher" \\
          --role designated_teacher --school 100001
      pepdocs users list
      pepdocs users set-password ola.officer
      echo "$NEW_PASSWORD" | pepdocs users set-password ola.officer --password-stdin
      pepdocs users set-role dee@school.example --role read_only
      pepdocs users disable dee@school.example
    """


@users.command("add")
@click.argument("username")
@click.option("--name", required=True, help="The person's name, as the pages show it.")
@click.option("--email", default=None, help="Their email address (kept, not used to sign in).")
@_role
@_school
@_password_stdin
@db_option
@user_option
def add(username: str, name: str, email: str | None, role: str, schools: tuple[str, ...],
        password_stdin: bool, db: str | None, user: str | None) -> None:
    """Add an account; asks for its password (at least 12 characters).

    \b
    Examples:
      pepdocs users add ola.officer --name "Ola Officer" --role officer
      pepdocs users add dee@school.example --name "Dee Teacher" \\
          --role designated_teacher --school 100001 --password-stdin < password.txt
    """
    from pepdocs.store import open_store
    from pepdocs.store.accounts import Accounts, check_password, check_role, normal_username

    login = normal_username(username)
    check_role(role, schools)
    password = _password(password_stdin)
    check_password(password, login)
    with open_store(db, user=user) as store:
        account = Accounts(store).add(login, name=name, role=role, password=password,
                                      schools=schools, email=email)
    click.echo(f"added {account.username} ({account.role.replace('_', ' ')})")


@users.command("list")
@db_option
@user_option
def list_accounts(db: str | None, user: str | None) -> None:
    """List the accounts: username, name, role (and schools), active or disabled, last
    sign-in.

    \b
    Example:
      pepdocs users list --db term.db
    """
    from pepdocs.store import open_store
    from pepdocs.store.accounts import Accounts

    with open_store(db, user=user) as store:
        accounts = Accounts(store).list_all()
    if not accounts:
        click.echo("no accounts: add one with pepdocs users add")
    for account in accounts:
        click.echo(_line(account))


@users.command("disable")
@click.argument("username")
@click.option("--enable", is_flag=True, help="Enable a disabled account again instead.")
@db_option
@user_option
def disable(username: str, enable: bool, db: str | None, user: str | None) -> None:
    """Disable an account: it can no longer sign in, and a session it has ends within 30
    seconds. Accounts are never deleted (the audit log names them).

    \b
    Examples:
      pepdocs users disable dee@school.example
      pepdocs users disable dee@school.example --enable
    """
    from pepdocs.store import open_store
    from pepdocs.store.accounts import Accounts

    with open_store(db, user=user) as store:
        accounts = Accounts(store)
        account = accounts.enable(username) if enable else accounts.disable(username)
    click.echo(f"{account.username}: {'disabled' if account.disabled else 'active'}")


@users.command("set-password")
@click.argument("username")
@_password_stdin
@db_option
@user_option
def set_password(username: str, password_stdin: bool, db: str | None, user: str | None) -> None:
    """Set an account's password (a forgotten one); asks for it, or reads it from standard
    input.

    \b
    Examples:
      pepdocs users set-password ola.officer
      pepdocs users set-password ola.officer --password-stdin < password.txt
    """
    from pepdocs.store import open_store
    from pepdocs.store.accounts import Accounts, check_password, normal_username

    login = normal_username(username)
    with open_store(db, user=user) as store:
        accounts = Accounts(store)
        accounts.get(login)  # an unknown name is told before a password is asked for
        password = _password(password_stdin)
        check_password(password, login)
        accounts.set_password(login, password)
    click.echo(f"{login}: password set")


@users.command("set-role")
@click.argument("username")
@_role
@_school
@db_option
@user_option
def set_role(username: str, role: str, schools: tuple[str, ...], db: str | None,
             user: str | None) -> None:
    """Change an account's role (and a designated teacher's schools); a signed-in session
    follows within 30 seconds.

    \b
    Examples:
      pepdocs users set-role dee@school.example --role designated_teacher \\
          --school 100001 --school 100002
      pepdocs users set-role ola.officer --role read_only
    """
    from pepdocs.store import open_store
    from pepdocs.store.accounts import Accounts

    with open_store(db, user=user) as store:
        account = Accounts(store).set_role(username, role, schools)
    schools_shown = f" of {', '.join(account.schools)}" if account.schools else ""
    click.echo(f"{account.username}: {account.role.replace('_', ' ')}{schools_shown}")


COMMANDS = [users]
