"""Shared mode: signing in with a username and password (``pepdocs serve --shared``).

:func:`pepdocs.web.auth_app.create_shared_app` is the workbench with accounts
(:class:`pepdocs.store.accounts.Accounts`) instead of one-time links: ``/login`` asks for a
username and password (its form carries a CSRF token of its own, in a cookie, since there is
no session yet), checks them through the throttle (:class:`~pepdocs.web.security.
LoginThrottle`: per account and per client address) and starts a session whose principal is
the account's role and schools. ``/password`` lets a person change their own password (their
other sessions end). Every sign-in, failed or refused sign-in, sign-out and password change
is an audit line; the password never is.

The session cookie is marked Secure when the server is told it is served over https
(``secure``) or the request came over https: directly, or through a reverse proxy trusted to
say so (uvicorn's ``--forwarded-allow-ips``, docs/workbench.md).
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

import anyio
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pepdocs.errors import UsageError
from pepdocs.store.accounts import MIN_PASSWORD, AccountInfo, Accounts, check_password
from pepdocs.web.refusals import NotSignedIn, Refused
from pepdocs.web.security import COOKIE, LoginThrottle, Principal, same_token

if TYPE_CHECKING:
    from pepdocs.web.app import Workbench

__all__ = ["ABSOLUTE", "IDLE", "LOGIN_COOKIE", "ROUTES", "SharedMode"]

#: the sign-in form's own CSRF token (there is no session to keep it in yet)
LOGIN_COOKIE = "pepdocs_login"
#: shared mode's sessions: 30 minutes unused, 10 hours at most
IDLE = 30 * 60
ABSOLUTE = 10 * 60 * 60
WRONG = "The username or password is not right."
#: passwords checked at once: Argon2id takes 64 MiB and about a second each, so a flood of
#: sign-ins waits its turn instead of taking the server's memory and threads
CHECKED_AT_ONCE = 2


@dataclass(slots=True)
class SharedMode:
    """What shared mode adds to the workbench: the accounts and the sign-in throttle."""

    accounts: Accounts
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    checking: anyio.CapacityLimiter = field(
        default_factory=lambda: anyio.CapacityLimiter(CHECKED_AT_ONCE)
    )

    @staticmethod
    def principal(account: AccountInfo) -> Principal:
        return Principal(account.username, account.role, frozenset(account.schools) or None)

    def current(self, principal: Principal) -> Principal | None:
        """``principal``'s account as it stands now; None once disabled or gone."""
        account = self.accounts.find(principal.user)
        if account is None or account.disabled:
            return None
        return self.principal(account)


def _shared(workbench: Workbench) -> SharedMode:
    if workbench.shared is None:  # the routes are added in shared mode only
        raise NotSignedIn
    return workbench.shared


def _secure(workbench: Workbench, request: Request) -> bool:
    return workbench.secure or request.url.scheme == "https"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _wait_text(seconds: float) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"{minutes} minute{'s' if minutes > 1 else ''}"


# -- signing in --------------------------------------------------------------------------------


async def login_page(workbench: Workbench, request: Request) -> Response:
    _shared(workbench)
    if workbench.sessions.get(request.cookies.get(COOKIE)) is not None:
        return RedirectResponse("/", status_code=303)
    return _login_form(workbench, request, 200)


def _login_form(
    workbench: Workbench, request: Request, status: int, error: str = "", username: str = ""
) -> Response:
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
    response = workbench.render(
        request, "login.html", status, login_csrf=token, error=error, username=username
    )
    response.set_cookie(
        LOGIN_COOKIE, token, max_age=60 * 60, httponly=True, samesite="strict",
        secure=_secure(workbench, request), path="/login",
    )
    return response


async def sign_in(workbench: Workbench, request: Request) -> Response:
    shared = _shared(workbench)
    workbench.check_origin(request)
    form = await request.form(max_files=0, max_fields=10)
    fields = {key: value for key, value in form.items() if isinstance(value, str)}
    if not same_token(fields.get("csrf"), request.cookies.get(LOGIN_COOKIE) or ""):
        raise Refused
    username = fields.get("username", "").strip()[:200]
    password = fields.get("password", "")
    if not username or not password:
        return _login_form(workbench, request, 400, "Enter your username and your password.",
                           username)
    client = _client(request)
    attempt = shared.throttle.attempt(username, client)
    if not attempt.allowed:
        await run_in_threadpool(shared.accounts.refused, username, client=client,
                                why="too many failed sign-ins")
        return _login_form(
            workbench, request, 429,
            f"Too many failed sign-ins. Wait {_wait_text(attempt.wait)} and try again.", username,
        )
    try:
        result = await anyio.to_thread.run_sync(
            partial(shared.accounts.sign_in, username, password, client=client),
            limiter=shared.checking,
        )
    except BaseException:
        attempt.failed()
        raise
    if result.account is None:
        attempt.failed()
        return _login_form(workbench, request, 401, WRONG, username)
    attempt.succeeded()
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        COOKIE, workbench.sessions.start(shared.principal(result.account)), httponly=True,
        samesite="strict", secure=_secure(workbench, request), path="/",
    )
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


# -- changing one's password -------------------------------------------------------------------


async def password_page(workbench: Workbench, request: Request) -> Response:
    _shared(workbench)
    workbench.session(request)
    return _password_form(workbench, request, 200)


def _password_form(
    workbench: Workbench, request: Request, status: int, *, field: str = "",
    field_error: str = "", error: str = "", done: bool = False,
) -> Response:
    return workbench.render(
        request, "password.html", status, field=field, field_error=field_error, error=error,
        done=done, shortest=MIN_PASSWORD,
    )


async def change_password(workbench: Workbench, request: Request) -> Response:
    shared = _shared(workbench)
    session = workbench.session(request)
    fields = await workbench.form(request, session)
    user = session.principal.user
    current, new = fields.get("current", ""), fields.get("new", "")
    if new != fields.get("confirm", ""):
        return _password_form(workbench, request, 400, field="confirm",
                              field_error="The two new passwords are not the same.")
    try:
        check_password(new, user)
    except UsageError as problem:
        return _password_form(workbench, request, 400, field="new",
                              field_error=f"{str(problem)[0].upper()}{str(problem)[1:]}.")
    attempt = shared.throttle.attempt(user, _client(request))
    if not attempt.allowed:
        return _password_form(
            workbench, request, 429,
            error=f"Too many wrong passwords. Wait {_wait_text(attempt.wait)} and try again.",
        )
    try:
        changed = await anyio.to_thread.run_sync(
            partial(shared.accounts.change_password, user, current, new),
            limiter=shared.checking,
        )
    except BaseException:
        attempt.failed()
        raise
    if not changed:
        attempt.failed()
        return _password_form(workbench, request, 400, field="current",
                              field_error="That is not your current password.")
    attempt.succeeded()
    workbench.sessions.end_others(user, request.cookies.get(COOKIE))
    return _password_form(workbench, request, 200, done=True)


Page = Callable[["Workbench", Request], Awaitable[Response]]

ROUTES: list[tuple[str, Page, list[str]]] = [
    ("/login", login_page, ["GET"]),
    ("/login", sign_in, ["POST"]),
    ("/password", password_page, ["GET"]),
    ("/password", change_password, ["POST"]),
]
