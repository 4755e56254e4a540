"""The workbench's application: routes, the security wrapping every response, templates.

:func:`create_app` builds a Starlette application over an open
:class:`~pepdocs.store.Store`. Every page needs a signed-in session (:mod:`.security`);
every POST carries the session's CSRF token and, when the browser sends one, an Origin of
this server; every response forbids framing, sniffing, referrers and caching, and a Content
Security Policy allows scripts, styles and images from this server only. A page or record a
person may not see answers 404, as one that does not exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pepdocs.compliance import DueItem
from pepdocs.store import Store
from pepdocs.web.collecting import CollectRuns
from pepdocs.web.deadlines import Deadlines
from pepdocs.web.prefill import PrefillRuns
from pepdocs.web.refusals import NotSignedIn, NotVisible, Refused
from pepdocs.web.security import (
    COOKIE,
    LoginLinks,
    Principal,
    Session,
    Sessions,
    same_token,
)

if TYPE_CHECKING:
    from pepdocs.web.auth import SharedMode

__all__ = ["COOKIE", "Workbench", "create_app", "sign_in_link"]

_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@dataclass(slots=True)
class Workbench:
    """What the routes share: the store, sessions, login links and the page templates."""

    store: Store
    secure: bool = False
    sessions: Sessions = field(default_factory=Sessions)
    links: LoginLinks = field(default_factory=LoginLinks)
    #: shared mode's accounts and sign-in throttle (pepdocs.web.auth); None in local mode
    shared: SharedMode | None = None
    templates: Environment = field(
        default_factory=lambda: Environment(
            loader=PackageLoader("pepdocs.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
    )

    deadlines: Deadlines = field(default_factory=Deadlines)
    prefills: PrefillRuns = field(default_factory=PrefillRuns)
    collecting: CollectRuns = field(default_factory=CollectRuns)

    def overdue(self, as_of: dt.date) -> list[DueItem]:
        """The children overdue a PEP as of ``as_of`` (:class:`.deadlines.Deadlines`: kept,
        and redone only for the children whose PEPs gained a version)."""
        return [item for _, item in self.deadlines.overdue(self.store, as_of)]

    def session(self, request: Request) -> Session:
        found = self.sessions.get(request.cookies.get(COOKIE))
        if found is None:
            raise NotSignedIn
        return found

    def render(
        self, request: Request, template: str, status: int = 200, **values: Any
    ) -> HTMLResponse:
        session = self.sessions.get(request.cookies.get(COOKIE))
        page = self.templates.get_template(template).render(
            request=request,
            principal=session.principal if session else None,
            csrf=session.csrf if session else "",
            shared=self.shared is not None,
            **values,
        )
        return HTMLResponse(page, status_code=status)

    async def form(self, request: Request, session: Session) -> dict[str, str]:
        """A POSTed form's fields, once its CSRF token and origin are checked."""
        self.check_origin(request)
        form = await request.form(max_files=0, max_fields=50)
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
        if not same_token(fields.get("csrf"), session.csrf):
            raise Refused
        return fields

    def check_origin(self, request: Request) -> None:
        origin = request.headers.get("origin")
        if origin is not None and origin != _origin(request):
            raise Refused


def _origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


Handler = Callable[[Request], Awaitable[Response]]


def _guarded(workbench: Workbench, handler: Handler) -> Handler:
    """The handler, with the refusals turned into their pages."""

    async def run(request: Request) -> Response:
        try:
            response = await handler(request)
        except NotSignedIn:
            response = workbench.render(request, "signed_out.html", 401, reason="not signed in")
        except NotVisible:
            response = workbench.render(request, "not_found.html", 404)
        except Refused:
            response = workbench.render(request, "refused.html", 403)
        return response

    return run


class SecurityHeaders:
    """Adds the security headers to every answer: pages, static files, errors."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(
    store: Store,
    *,
    secure: bool = False,
    hosts: Sequence[str] = ("127.0.0.1", "localhost", "testserver"),
    workbench: Workbench | None = None,
) -> Starlette:
    """The workbench over ``store``. ``secure``: served over https (cookies marked Secure);
    ``hosts``: the Host names it answers to (others get 400: no DNS rebinding)."""
    from pepdocs.web import audit_log, collecting, pages, prefill, reports

    bench = workbench or Workbench(store, secure=secure)
    routes: list[BaseRoute] = [
        Route(path, _guarded(bench, pages.bind(bench, handler)), methods=methods)
        for path, handler, methods in [
            *collecting.ROUTES, *pages.ROUTES, *prefill.ROUTES, *reports.ROUTES,
            *audit_log.ROUTES,
        ]
    ]
    if bench.shared is not None:
        from pepdocs.web import auth

        routes += [
            Route(path, _guarded(bench, pages.bind(bench, handler)), methods=methods)
            for path, handler, methods in auth.ROUTES
        ]
    routes.append(Mount("/static", app=StaticFiles(packages=[("pepdocs.web", "static")]),
                        name="static"))

    async def not_found(request: Request, _problem: Exception) -> Response:
        return bench.render(request, "not_found.html", 404)

    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)),
        ],
        exception_handlers={404: not_found},
    )
    app.state.workbench = bench
    return app


def sign_in_link(app: Starlette, base: str, principal: Principal) -> str:
    """A one-time sign-in link for ``principal`` on the server at ``base``."""
    bench: Workbench = app.state.workbench
    return f"{base.rstrip('/')}/login/{bench.links.issue(principal)}"
