"""The workbench in shared mode, put together: :func:`create_shared_app` (``pepdocs serve
--shared``; the sign-in pages are :mod:`pepdocs.web.auth`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pepdocs.store.accounts import Accounts
from pepdocs.web.app import Workbench, create_app
from pepdocs.web.auth import ABSOLUTE, IDLE, SharedMode
from pepdocs.web.security import LoginLinks, LoginThrottle, Sessions

if TYPE_CHECKING:
    from argon2 import PasswordHasher
    from starlette.applications import Starlette

    from pepdocs.store import Store

__all__ = ["create_shared_app"]


def create_shared_app(
    store: Store,
    *,
    secure: bool = False,
    hosts: Sequence[str] = ("127.0.0.1", "localhost", "testserver"),
    hasher: PasswordHasher | None = None,
    throttle: LoginThrottle | None = None,
    sessions: Sessions | None = None,
) -> Starlette:
    """The workbench over ``store`` in shared mode: people sign in with their accounts."""
    shared = SharedMode(Accounts(store, hasher), throttle or LoginThrottle())
    kept = sessions or Sessions(idle=IDLE, absolute=ABSOLUTE)
    kept.check = shared.current
    kept.ended = lambda principal: shared.accounts.signed_out(principal.user)
    bench = Workbench(store, secure=secure, sessions=kept, links=LoginLinks(enabled=False),
                      shared=shared)
    return create_app(store, secure=secure, hosts=hosts, workbench=bench)
