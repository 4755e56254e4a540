"""Who is signed in, and how: one-time login links, server-side sessions, CSRF tokens, and
the throttle on password sign-ins (shared mode).

Local mode (``pepdocs serve`` on 127.0.0.1) signs its one user in with a link printed on
the terminal: a random token, good once, for a few minutes. Opening it starts a session: a
random id in a cookie (HttpOnly, SameSite=Strict, Secure when served over https) that names
a session kept in the server's memory, with an idle and an absolute expiry. Each session has
its own CSRF token, which every form that changes anything carries and every POST checks.
Nothing here is stored on disk: restarting the server signs everyone out.

Shared mode (``pepdocs serve --shared``) signs people in with a password instead
(:mod:`pepdocs.web.auth`); its sessions re-read the account now and then (``check``), so a
disabled account or a changed role takes effect within ``recheck`` seconds, and
:class:`LoginThrottle` slows down guessing, per account and per client address.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from pepdocs.store.accounts import ROLES, Role

__all__ = [
    "COOKIE",
    "ROLES",
    "Attempt",
    "LoginLinks",
    "LoginThrottle",
    "Principal",
    "Role",
    "Session",
    "Sessions",
    "same_token",
]

#: the session cookie's name
COOKIE = "pepdocs_session"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who acts: a name (written in the audit log), a role, and for a designated teacher
    the URNs of their schools (they see those schools' children only)."""

    user: str
    role: Role
    schools: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.role == "designated_teacher" and not self.schools:
            raise ValueError("a designated teacher needs the URN of their school")

    @property
    def may_change(self) -> bool:
        """Upload returns, approve, send back: Virtual School officers only."""
        return self.role == "officer"

    @property
    def scope(self) -> Collection[str] | None:
        """The schools this person may see (None: every school)."""
        return self.schools if self.role == "designated_teacher" else None


@dataclass(slots=True)
class Session:
    principal: Principal
    csrf: str
    started: float
    seen: float
    checked: float = 0.0


@dataclass(slots=True)
class LoginLinks:
    """One-time tokens: each signs in ``principal`` once, within ``lifetime`` seconds.
    Shared mode's are not ``enabled``: none is issued, none redeemed."""

    lifetime: float = 15 * 60
    enabled: bool = True
    clock: Callable[[], float] = time.monotonic
    _tokens: dict[str, tuple[Principal, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def issue(self, principal: Principal) -> str:
        if not self.enabled:
            raise ValueError("shared mode signs people in with passwords, not one-time links")
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens[token] = (principal, self.clock() + self.lifetime)
        return token

    def redeem(self, token: str) -> Principal | None:
        """The principal the token signs in, once; None if unknown, used or expired."""
        with self._lock:
            found = self._tokens.pop(token, None)
        if found is None or not self.enabled:
            return None
        principal, expires = found
        return principal if self.clock() < expires else None


@dataclass(slots=True)
class Sessions:
    """Signed-in sessions by their cookie's id: expire after ``idle`` seconds unused, or
    ``absolute`` seconds after sign-in, whichever comes first.

    ``check`` (shared mode) gives a session's principal as the account now stands, or None
    if it may no longer sign in (disabled); it is asked at most every ``recheck`` seconds
    per session. ``ended`` hears of each session ended by signing out."""

    idle: float = 60 * 60
    absolute: float = 10 * 60 * 60
    clock: Callable[[], float] = time.monotonic
    check: Callable[[Principal], Principal | None] | None = None
    recheck: float = 30.0
    ended: Callable[[Principal], None] | None = None
    _sessions: dict[str, Session] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, principal: Principal) -> str:
        now = self.clock()
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[sid] = Session(principal, secrets.token_urlsafe(32), now, now, now)
        return sid

    def get(self, sid: str | None) -> Session | None:
        if not sid:
            return None
        now = self.clock()
        with self._lock:
            session = self._sessions.get(sid)
            if session is None:
                return None
            if now - session.seen > self.idle or now - session.started > self.absolute:
                del self._sessions[sid]
                return None
            session.seen = now
            due = self.check is not None and now - session.checked >= self.recheck
        if due and self.check is not None:
            current = self.check(session.principal)
            with self._lock:
                if current is None:
                    self._sessions.pop(sid, None)
                    return None
                session.principal, session.checked = current, now
        return session

    def end(self, sid: str | None) -> None:
        if sid:
            with self._lock:
                session = self._sessions.pop(sid, None)
            if session is not None and self.ended is not None:
                self.ended(session.principal)

    def end_others(self, user: str, keep: str | None) -> int:
        """End every session of ``user`` but ``keep`` (their password changed); how many."""
        with self._lock:
            others = [
                sid for sid, session in self._sessions.items()
                if session.principal.user == user and sid != keep
            ]
            for sid in others:
                del self._sessions[sid]
        return len(others)


@dataclass(slots=True)
class _Failures:
    count: int = 0
    last: float = 0.0
    pending: int = 0


@dataclass(slots=True)
class Attempt:
    """A sign-in under way, counted as a failure until it succeeds: so that many tries sent
    at once cannot all slip in before the first failure is counted."""

    throttle: LoginThrottle
    account: str
    address: str
    wait: float = 0.0

    @property
    def allowed(self) -> bool:
        return self.wait <= 0

    def succeeded(self) -> None:
        self.throttle._settle(self, success=True)

    def failed(self) -> None:
        self.throttle._settle(self, success=False)


@dataclass(slots=True)
class LoginThrottle:
    """Slows down password guessing, per account and per client address.

    ``free`` failures in a row are allowed (``free_per_address`` from one address, where a
    whole office may sit behind one); each failure past that locks the account (or the
    address) for ``delay`` seconds, doubling with every further failure up to ``longest``.
    A success clears the account's count (not the address's); a count is forgotten
    ``forget`` seconds after its last failure."""

    free: int = 5
    free_per_address: int = 20
    delay: float = 30.0
    longest: float = 15 * 60
    forget: float = 60 * 60
    clock: Callable[[], float] = time.monotonic
    most_kept: int = 100_000
    _failures: dict[tuple[str, str], _Failures] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def attempt(self, account: str, address: str) -> Attempt:
        """Start a sign-in for ``account`` from ``address``: ``allowed``, or the seconds to
        ``wait`` before another try (the attempt is then not counted)."""
        key, where = account.strip().casefold(), address or "unknown"
        now = self.clock()
        with self._lock:
            self._prune(now)
            wait = max(
                self._wait(self._failures.get(("account", key)), self.free, now),
                self._wait(self._failures.get(("address", where)), self.free_per_address, now),
            )
            if wait <= 0:
                for kind, name in (("account", key), ("address", where)):
                    entry = self._failures.setdefault((kind, name), _Failures())
                    entry.pending += 1
        return Attempt(self, key, where, wait)

    def _wait(self, entry: _Failures | None, free: int, now: float) -> float:
        if entry is None:
            return 0.0
        counted = entry.count + entry.pending
        if counted < free:
            return 0.0
        if entry.count < free:  # only sign-ins still being checked make up the count
            return self.delay
        locked = min(self.delay * 2.0 ** (counted - free), self.longest)
        return max(0.0, entry.last + locked - now)

    def _settle(self, attempt: Attempt, *, success: bool) -> None:
        if not attempt.allowed:
            return
        now = self.clock()
        with self._lock:
            for kind, name in (("account", attempt.account), ("address", attempt.address)):
                entry = self._failures.get((kind, name))
                if entry is None:
                    continue
                entry.pending = max(0, entry.pending - 1)
                if not success:
                    entry.count += 1
                    entry.last = now
                elif kind == "account":
                    entry.count = 0
                if entry.count == 0 and entry.pending == 0:
                    del self._failures[(kind, name)]

    def _prune(self, now: float) -> None:
        stale = [
            key for key, entry in self._failures.items()
            if not entry.pending and now - entry.last > self.forget
        ]
        for key in stale:
            del self._failures[key]
        if len(self._failures) > self.most_kept:  # a flood of made-up names: oldest go
            oldest = sorted(self._failures, key=lambda key: self._failures[key].last)
            for key in oldest[: len(self._failures) - self.most_kept]:
                if not self._failures[key].pending:
                    del self._failures[key]


def same_token(given: str | None, expected: str) -> bool:
    """A CSRF token compared in constant time."""
    return bool(given) and secrets.compare_digest(str(given), expected)
