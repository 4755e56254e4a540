"""Who is signed in, and how: one-time login links, server-side sessions, CSRF tokens.

Local mode (``pepdocs serve`` on 127.0.0.1) signs its one user in with a link printed on
the terminal: a random token, good once, for a few minutes. Opening it starts a session: a
random id in a cookie (HttpOnly, SameSite=Strict, Secure when served over https) that names
a session kept in the server's memory, with an idle and an absolute expiry. Each session has
its own CSRF token, which every form that changes anything carries and every POST checks.
Nothing here is stored on disk: restarting the server signs everyone out.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "ROLES",
    "LoginLinks",
    "Principal",
    "Role",
    "Session",
    "Sessions",
    "same_token",
]

Role = Literal["officer", "designated_teacher", "read_only"]
ROLES: tuple[Role, ...] = ("officer", "designated_teacher", "read_only")


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


@dataclass(slots=True)
class LoginLinks:
    """One-time tokens: each signs in ``principal`` once, within ``lifetime`` seconds."""

    lifetime: float = 15 * 60
    clock: Callable[[], float] = time.monotonic
    _tokens: dict[str, tuple[Principal, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def issue(self, principal: Principal) -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens[token] = (principal, self.clock() + self.lifetime)
        return token

    def redeem(self, token: str) -> Principal | None:
        """The principal the token signs in, once; None if unknown, used or expired."""
        with self._lock:
            found = self._tokens.pop(token, None)
        if found is None:
            return None
        principal, expires = found
        return principal if self.clock() < expires else None


@dataclass(slots=True)
class Sessions:
    """Signed-in sessions by their cookie's id: expire after ``idle`` seconds unused, or
    ``absolute`` seconds after sign-in, whichever comes first."""

    idle: float = 60 * 60
    absolute: float = 10 * 60 * 60
    clock: Callable[[], float] = time.monotonic
    _sessions: dict[str, Session] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, principal: Principal) -> str:
        now = self.clock()
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[sid] = Session(principal, secrets.token_urlsafe(32), now, now)
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
            return session

    def end(self, sid: str | None) -> None:
        if sid:
            with self._lock:
                self._sessions.pop(sid, None)


def same_token(given: str | None, expected: str) -> bool:
    """A CSRF token compared in constant time."""
    return bool(given) and secrets.compare_digest(str(given), expected)
