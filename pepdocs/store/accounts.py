"""The workbench's accounts (shared mode): who may sign in, with which role, and checking a
password.

An account has a username (letters, digits and ``. _ - @ +``; an email address will do), a
display name, a role (``officer``: every child, may change; ``designated_teacher``: only the
children of their schools, by URN, read only; ``read_only``: every child, read only), and an
Argon2id hash of its password (argon2-cffi; never the password). Accounts are disabled,
never deleted: the audit log names them.

Every sign-in, failed sign-in (never the password typed), password change and change to an
account is a line in the store's audit log, with who acted and, for sign-ins, the client's
address.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from pepdocs.errors import UsageError
from pepdocs.store.errors import NotFoundError
from pepdocs.store.records import audit
from pepdocs.store.schema import Account, utcnow

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from pepdocs.store.store import Store

__all__ = [
    "MIN_PASSWORD",
    "ROLES",
    "AccountInfo",
    "Accounts",
    "Role",
    "SignIn",
    "check_password",
    "check_role",
    "normal_username",
]

Role = Literal["officer", "designated_teacher", "read_only"]
ROLES: tuple[Role, ...] = ("officer", "designated_teacher", "read_only")
#: the shortest password accepted (NCSC: length over complexity rules)
MIN_PASSWORD = 12
#: the longest: hashing a megabyte on every attempt would be a way to load the server
MAX_PASSWORD = 1024
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._@+-]{0,127}")
_URN = re.compile(r"\d{6,7}")
#: who a failed sign-in with a name no account has is recorded as (never the name typed:
#: a password typed in the wrong box would land in the log)
UNKNOWN = "(no such account)"


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account as the library hands it out: everything but the password's hash."""

    username: str
    name: str
    email: str | None
    role: Role
    schools: tuple[str, ...]
    created_at: dt.datetime
    created_by: str
    password_changed_at: dt.datetime
    disabled_at: dt.datetime | None
    last_login_at: dt.datetime | None

    @property
    def disabled(self) -> bool:
        return self.disabled_at is not None


@dataclass(frozen=True, slots=True)
class SignIn:
    """What checking a password gave: the account if it signs in, else why not (for the
    audit log; a person is told only that the name or password is wrong)."""

    account: AccountInfo | None
    problem: str = ""


def _info(row: Account) -> AccountInfo:
    return AccountInfo(
        username=row.username,
        name=row.name,
        email=row.email,
        role=cast(Role, row.role),
        schools=tuple(row.schools or ()),
        created_at=row.created_at,
        created_by=row.created_by,
        password_changed_at=row.password_changed_at,
        disabled_at=row.disabled_at,
        last_login_at=row.last_login_at,
    )


def normal_username(given: str) -> str:
    """``given`` as accounts are kept: trimmed, lower case; refused unless letters, digits
    and ``. _ - @ +`` (at most 128)."""
    name = given.strip().casefold()
    if not _USERNAME.fullmatch(name):
        raise UsageError(
            "a username is 1 to 128 letters, digits and . _ - @ + (an email address will do), "
            "starting with a letter or digit"
        )
    return name


def check_role(role: str, schools: Iterable[str]) -> tuple[Role, list[str]]:
    if role not in ROLES:
        raise UsageError(f"role {role!r}: one of {', '.join(ROLES)}")
    urns = sorted({urn.strip() for urn in schools if urn.strip()})
    for urn in urns:
        if not _URN.fullmatch(urn):
            raise UsageError(f"school {urn!r}: a school is named by its URN (6 or 7 digits)")
    if role == "designated_teacher" and not urns:
        raise UsageError("a designated teacher needs the URN of their school (--school URN)")
    if role != "designated_teacher" and urns:
        raise UsageError("only a designated teacher is limited to schools: leave out --school")
    return role, urns


def check_password(password: str, username: str) -> None:
    """Refuse a password too short, too long, or the username itself."""
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"a password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise UsageError(f"a password has at most {MAX_PASSWORD} characters")
    if password.strip().casefold() == username.casefold():
        raise UsageError("the password must not be the username")


class Accounts:
    """The accounts in ``store``. Changes are made, and recorded in the audit log, as
    ``store.user``. ``hasher``: argon2-cffi's ``PasswordHasher`` (its defaults: RFC 9106's
    low-memory Argon2id profile); a hash made with other parameters still verifies and is
    remade with these at the next sign-in."""

    def __init__(self, store: Store, hasher: PasswordHasher | None = None) -> None:
        self.store = store
        self.hasher = hasher or PasswordHasher()
        self._decoy: str | None = None
        self._decoy_lock = threading.Lock()

    # -- reading -----------------------------------------------------------------------------

    def get(self, username: str) -> AccountInfo:
        name = normal_username(username)
        with self.store.session() as session:
            return _info(self._row(session, name))

    def find(self, username: str) -> AccountInfo | None:
        """The account named ``username``, or None (also for a name no account could have)."""
        try:
            return self.get(username)
        except UsageError:
            return None

    def list_all(self) -> list[AccountInfo]:
        with self.store.session() as session:
            rows = session.scalars(select(Account).order_by(Account.username)).all()
            return [_info(row) for row in rows]

    def any_enabled(self) -> bool:
        return any(not account.disabled for account in self.list_all())

    # -- changing ----------------------------------------------------------------------------

    def add(
        self,
        username: str,
        *,
        name: str,
        role: str,
        password: str,
        schools: Iterable[str] = (),
        email: str | None = None,
    ) -> AccountInfo:
        login = normal_username(username)
        checked_role, urns = check_role(role, schools)
        check_password(password, login)
        shown = name.strip()[:128] or login
        digest = self.hasher.hash(password)
        with self.store.session() as session:
            if session.scalar(select(Account.id).where(Account.username == login)) is not None:
                raise UsageError(f"account {login}: there is one already")
            now = utcnow()
            row = Account(
                username=login, name=shown, email=(email or "").strip()[:255] or None,
                role=checked_role, schools=urns, password_hash=digest, created_at=now,
                created_by=self.store.user, password_changed_at=now,
            )
            session.add(row)
            audit(session, self.store.user, "account.added", reason=_described(login, row))
            session.flush()
            return _info(row)

    def set_role(self, username: str, role: str, schools: Iterable[str] = ()) -> AccountInfo:
        login = normal_username(username)
        checked_role, urns = check_role(role, schools)
        with self.store.session() as session:
            row = self._row(session, login)
            row.role, row.schools = checked_role, urns
            audit(session, self.store.user, "account.role", reason=_described(login, row))
            return _info(row)

    def disable(self, username: str) -> AccountInfo:
        return self._enabled(username, False)

    def enable(self, username: str) -> AccountInfo:
        return self._enabled(username, True)

    def _enabled(self, username: str, enabled: bool) -> AccountInfo:
        login = normal_username(username)
        with self.store.session() as session:
            row = self._row(session, login)
            if enabled and row.disabled_at is not None:
                row.disabled_at = None
                audit(session, self.store.user, "account.enabled", reason=login)
            elif not enabled and row.disabled_at is None:
                row.disabled_at = utcnow()
                audit(session, self.store.user, "account.disabled", reason=login)
            return _info(row)

    def set_password(self, username: str, password: str) -> AccountInfo:
        """An administrator sets ``username``'s password (a new account's first, or a
        forgotten one)."""
        login = normal_username(username)
        check_password(password, login)
        digest = self.hasher.hash(password)
        with self.store.session() as session:
            row = self._row(session, login)
            row.password_hash, row.password_changed_at = digest, utcnow()
            audit(session, self.store.user, "account.password", reason=login)
            return _info(row)

    # -- signing in --------------------------------------------------------------------------

    def sign_in(self, username: str, password: str, *, client: str) -> SignIn:
        """Check ``password`` for ``username``: the account if it signs in (its last sign-in
        recorded), else why not. Either way one audit line, with ``client`` (the address the
        request came from) and never the password. A name without an account costs the same
        hashing as one with, so timing does not tell which names exist. The hashing runs
        outside any transaction (SQLite's writers would wait a second for each sign-in)."""
        try:
            login = normal_username(username)
        except UsageError:
            login = ""
        found = self.find(login) if login else None
        digest = self._digest(login) if found is not None else self._decoy_hash()
        matches = self._verify(digest, password)
        rehashed = (
            self.hasher.hash(password)
            if matches and found is not None and self.hasher.check_needs_rehash(digest)
            else None
        )
        where = f"from {client}"[:200]
        with self.store.session() as session:
            row = self._find(session, login) if found is not None else None
            if row is None:
                audit(session, UNKNOWN, "login.failed", reason=f"{where}: no such account")
                return SignIn(None, "no such account")
            if not matches or row.password_hash != digest:
                audit(session, login, "login.failed", reason=f"{where}: wrong password")
                return SignIn(None, "wrong password")
            if row.disabled_at is not None:
                audit(session, login, "login.failed", reason=f"{where}: account disabled")
                return SignIn(None, "account disabled")
            if rehashed is not None:
                row.password_hash = rehashed
            row.last_login_at = utcnow()
            audit(session, login, "login", reason=where)
            return SignIn(_info(row))

    def refused(self, username: str, *, client: str, why: str) -> None:
        """An audit line for a sign-in refused before its password was checked (too many
        failures lately)."""
        account = self.find(username)
        actor = account.username if account is not None else UNKNOWN
        with self.store.session() as session:
            audit(session, actor, "login.refused", reason=f"from {client}: {why}"[:200])

    def signed_out(self, username: str) -> None:
        with self.store.session() as session:
            audit(session, username, "logout")

    def change_password(self, username: str, current: str, new: str) -> bool:
        """The person changes their own password: False (and an audit line) if ``current``
        is not their password; the new one must pass :func:`check_password`."""
        login = normal_username(username)
        check_password(new, login)
        digest = self._digest(login)
        right = self._verify(digest, current)
        fresh = self.hasher.hash(new) if right else ""
        with self.store.session() as session:
            row = self._row(session, login)
            if not right or row.disabled_at is not None or row.password_hash != digest:
                audit(session, login, "password.failed", reason="current password wrong")
                return False
            row.password_hash, row.password_changed_at = fresh, utcnow()
            audit(session, login, "password.changed")
            return True

    # -- helpers -----------------------------------------------------------------------------

    def _verify(self, digest: str, password: str) -> bool:
        if len(password) > MAX_PASSWORD:
            return False
        try:
            return self.hasher.verify(digest, password)
        except (VerificationError, InvalidHashError):
            return False

    def _decoy_hash(self) -> str:
        with self._decoy_lock:
            if self._decoy is None:
                self._decoy = self.hasher.hash("not a password of any account")
            return self._decoy

    def _digest(self, login: str) -> str:
        with self.store.session() as session:
            return self._row(session, login).password_hash

    @staticmethod
    def _find(session: Session, login: str) -> Account | None:
        return session.scalar(select(Account).where(Account.username == login))

    def _row(self, session: Session, login: str) -> Account:
        row = self._find(session, login)
        if row is None:
            raise NotFoundError(f"account {login}: not in the store (pepdocs users list)")
        return row


def _described(login: str, row: Account) -> str:
    schools = f" of {', '.join(row.schools)}" if row.schools else ""
    return f"{login}: {row.role.replace('_', ' ')}{schools}"
