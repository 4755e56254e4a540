"""``pepdocs users``: accounts added, listed, disabled, given a password and a role from the
command line; the password comes from a prompt (asked twice) or standard input, never an
argument; mistakes are one line and exit 2."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pepdocs.cli import cli, main
from pepdocs.store import open_store
from pepdocs.store.accounts import Accounts

PASSWORD = "correct horse battery"


def _run(*args: str, stdin: str = "") -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output


def test_users_help_shows_examples() -> None:
    for command in ([], ["add"], ["list"], ["disable"], ["set-password"], ["set-role"]):
        code, out = _run("users", *command, "--help")
        assert code == 0 and "pepdocs users" in out and "Example" in out


def test_an_account_is_added_from_a_prompt_and_listed(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, out = _run("users", "add", "Dee@School.Example", "--name", "Dee Teacher", "--role",
                     "designated_teacher", "--school", "100001", "--db", db, "--user", "admin",
                     stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 0, out
    assert "added dee@school.example (designated teacher)" in out and PASSWORD not in out
    code, out = _run("users", "list", "--db", db)
    assert code == 0
    assert "dee@school.example" in out and "designated_teacher (100001)" in out
    assert "active" in out and "never" in out
    with open_store(db) as store:
        assert Accounts(store).sign_in("dee@school.example", PASSWORD, client="t").account


def test_a_password_is_read_from_stdin_and_changed(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    assert _run("users", "add", "ola", "--name", "Ola", "--role", "officer",
                "--password-stdin", "--db", db, stdin=f"{PASSWORD}\n")[0] == 0
    code, out = _run("users", "set-password", "ola", "--password-stdin", "--db", db,
                     stdin="a brand new passphrase\n")
    assert code == 0 and "ola: password set" in out
    with open_store(db) as store:
        accounts = Accounts(store)
        assert accounts.sign_in("ola", "a brand new passphrase", client="t").account


def test_roles_change_and_accounts_are_disabled_and_enabled(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    _run("users", "add", "ola", "--name", "Ola", "--role", "officer", "--password-stdin",
         "--db", db, stdin=f"{PASSWORD}\n")
    code, out = _run("users", "set-role", "ola", "--role", "designated_teacher", "--school",
                     "100002", "--db", db)
    assert code == 0 and "ola: designated teacher of 100002" in out
    assert "ola: disabled" in _run("users", "disable", "ola", "--db", db)[1]
    assert "disabled" in _run("users", "list", "--db", db)[1]
    assert "ola: active" in _run("users", "disable", "ola", "--enable", "--db", db)[1]


def test_mistakes_are_one_line_and_exit_2(
    tmp_path: Path, capsys: object, monkeypatch: object
) -> None:
    import io

    import pytest

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # type: ignore[attr-defined]
    db = str(tmp_path / "s.db")
    for args in (
        ["users", "add", "dee", "--name", "Dee", "--role", "designated_teacher",
         "--password-stdin", "--db", db],
        ["users", "set-password", "nobody", "--password-stdin", "--db", db],
        ["users", "add", "ola", "--name", "Ola", "--role", "officer", "--password-stdin",
         "--db", db],
    ):
        with pytest.raises(SystemExit) as stopped:
            main(args)
        assert stopped.value.code == 2
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "needs the URN of their school" in err
    assert "account nobody: not in the store" in err
    assert "standard input has no password" in err
    assert "Traceback" not in err
