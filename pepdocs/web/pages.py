"""The workbench's pages: sign-in, dashboard, children, a child, returned forms (upload), a
review (a problem field typed again), a form's download, and the steps on a PEP (start
review, approve, send back, lock). Each handler reads the store through its public API
(:mod:`pepdocs.store` and :mod:`pepdocs.store.workbench`), acting as the person signed in;
each view of a child's record adds an audit line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pepdocs.errors import PepdocsError, PepValidationError, UsageError
from pepdocs.safety.package import MAX_INPUT_BYTES
from pepdocs.store import STATES, NotFoundError, TermKey, parse_term
from pepdocs.store import workbench as records
from pepdocs.store.page_images import page_image, page_images
from pepdocs.web.collecting import redirect_to, start_collecting
from pepdocs.web.refusals import NotVisible, Refused
from pepdocs.web.security import same_token
from pepdocs.web.uploads import (
    MAX_FILES,
    MAX_REQUEST_BYTES,
    Upload,
    shown_name,
)

if TYPE_CHECKING:
    from pepdocs.store import Store
    from pepdocs.web.app import Workbench
    from pepdocs.web.security import Session

__all__ = ["ROUTES", "bind", "returns_page", "term_of"]

Page = Callable[["Workbench", Request], Awaitable[Response]]

STATE_NAMES = {state: state.replace("_", " ") for state in STATES}
#: what the dashboard counts as still to come back
AWAITING = ("prefilled", "sent", "returned_to_school")
TO_REVIEW = ("returned", "in_review")
#: children listed per page
PAGE_SIZE = 100
#: the dashboard's overdue list: the longest overdue, the rest on the children page
OVERDUE_SHOWN = 25


def bind(workbench: Workbench, page: Page) -> Callable[[Request], Awaitable[Response]]:
    return partial(page, workbench)


def _acting(workbench: Workbench, session: Session) -> Store:
    return records.acting_as(workbench.store, session.principal.user)


def term_of(store: Store, request: Request) -> tuple[TermKey | None, list[TermKey]]:
    terms = store.terms()
    asked = request.query_params.get("term", "")
    if asked:
        try:
            term = parse_term(asked)
        except UsageError:
            term = None
        if term in terms:
            return term, terms
    return (terms[-1] if terms else None), terms


# -- signing in and out ----------------------------------------------------------------------


async def login(workbench: Workbench, request: Request) -> Response:
    principal = workbench.links.redeem(request.path_params["token"])
    if principal is None:
        return workbench.render(request, "signed_out.html", 403, reason="link used or expired")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        "pepdocs_session",
        workbench.sessions.start(principal),
        httponly=True,
        samesite="strict",
        secure=workbench.secure,
        path="/",
    )
    return response


async def logout(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    await workbench.form(request, session)
    workbench.sessions.end(request.cookies.get("pepdocs_session"))
    response = workbench.render(request, "signed_out.html", 200, reason="signed out")
    response.delete_cookie("pepdocs_session", path="/")
    return response


# -- the dashboard -----------------------------------------------------------------------------


async def dashboard(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    return await run_in_threadpool(_dashboard, workbench, request, session)


def _dashboard(workbench: Workbench, request: Request, session: Session) -> Response:
    store = _acting(workbench, session)
    term, terms = term_of(store, request)
    scope = session.principal.scope
    counts: dict[str, int] = dict.fromkeys(STATES, 0)
    overdue: list[Any] = []
    ratings: dict[str, int] = {}
    if term is not None:
        rows = records.children(store, term, schools=scope)
        for row in rows:
            counts[row.state] += 1
        ratings = dict(sorted(records.rated(rows).items()))
        seen = {row.child_id for row in rows}
        overdue = [
            (child, item)
            for child, item in workbench.deadlines.overdue(workbench.store, dt.date.today())
            if child in seen
        ]
    total = sum(counts.values())
    summary = {
        "total": total,
        "awaiting": sum(counts[state] for state in AWAITING),
        "to_review": sum(counts[state] for state in TO_REVIEW),
        "approved": counts["approved"] + counts["locked"],
        "overdue": len(overdue),
    }
    return workbench.render(
        request, "dashboard.html", term=term, terms=terms, counts=counts, states=STATE_NAMES,
        top=max(counts.values(), default=0) or 1, summary=summary, overdue=overdue,
        ratings=ratings, overdue_shown=OVERDUE_SHOWN,
    )


# -- children ----------------------------------------------------------------------------------


async def children(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    return await run_in_threadpool(_children, workbench, request, session)


#: the children page's choices of next PEP deadline (``DueItem.status``)
DUE_CHOICES = {"overdue": "overdue", "due-soon": "due soon", "ok": "not due soon",
               "no-date": "no date known", "exempt": "no PEP needed"}


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _children(workbench: Workbench, request: Request, session: Session) -> Response:
    store = _acting(workbench, session)
    term, terms = term_of(store, request)
    query = request.query_params
    search, school, state = query.get("q", ""), query.get("school", ""), query.get("state", "")
    rating, due = query.get("rating", ""), query.get("due", "")
    due_by_text = query.get("due_by", "").strip()
    due_by = _day(due_by_text)
    rows: list[records.ChildRow] = []
    schools: dict[str, str] = {}
    ratings: list[str] = []
    deadlines = workbench.deadlines.by_child(workbench.store, dt.date.today())
    if term is not None:
        everyone = records.children(store, term, schools=session.principal.scope)
        schools = {row.urn: row.school for row in everyone if row.urn}
        ratings = sorted(records.rated(everyone))
        rows = records.narrow(
            everyone, search=search, school=school, states=(state,) if state in STATES else (),
            rating=rating if rating in ratings else "",
        )
        if due in DUE_CHOICES:
            rows = [row for row in rows if (found := deadlines.get(row.child_id)) is not None
                    and found.status == due]
        if due_by is not None:
            rows = [row for row in rows if (found := deadlines.get(row.child_id)) is not None
                    and found.due is not None and found.due <= due_by]
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    number = query.get("page", "1")
    page = min(max(int(number), 1), pages) if number.isdigit() else 1
    shown = rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return workbench.render(
        request, "children.html", term=term, terms=terms, rows=shown, found=len(rows),
        search=search, school=school, state=state, states=STATE_NAMES, page=page, pages=pages,
        first=(page - 1) * PAGE_SIZE + 1,
        schools=sorted(schools.items(), key=lambda item: item[1].casefold()),
        rating=rating, ratings=ratings, due=due, due_choices=DUE_CHOICES,
        due_by=due_by_text, due_by_error=bool(due_by_text) and due_by is None,
        deadlines={row.child_id: deadlines.get(row.child_id) for row in shown},
    )


async def child(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    return await run_in_threadpool(_child, workbench, request, session, None, 200)


def _child(
    workbench: Workbench, request: Request, session: Session, error: str | None, status: int,
    reason: str = "", field_error: str | None = None, field_term: str = "",
) -> Response:
    store = _acting(workbench, session)
    child_id = request.path_params["child_id"]
    try:
        record = records.child_record(store, child_id, session.principal.scope)
    except NotFoundError:
        raise NotVisible from None
    records.record_view(store, record.child_id, "child.viewed")
    return workbench.render(
        request, "child.html", status, record=record, states=STATE_NAMES, error=error,
        reason=reason, field_error=field_error, field_term=field_term,
    )


async def decide(workbench: Workbench, request: Request) -> Response:
    """Approve, or send back with a reason, one PEP at the version the person saw."""
    session = workbench.session(request)
    fields = await workbench.form(request, session)
    if not session.principal.may_change:
        raise NotVisible
    return await run_in_threadpool(_decide, workbench, request, session, fields)


def _decide(
    workbench: Workbench, request: Request, session: Session, fields: dict[str, str]
) -> Response:
    store = _acting(workbench, session)
    child_id = request.path_params["child_id"]
    try:
        record = records.child_record(store, child_id, session.principal.scope)
        term = parse_term(fields.get("term", ""))
        expected = int(fields.get("version", ""))
    except (NotFoundError, UsageError, ValueError):
        raise NotVisible from None
    action, reason = fields.get("action", ""), fields.get("reason", "").strip()
    options: dict[str, Any] = {
        "term": term, "authority": record.authority, "expected_version": expected,
    }
    if action == "send_back" and not reason:
        return _child(workbench, request, session, None, 400, field_term=str(term),
                      field_error="Say why the PEP goes back: the school will act on the reason.")
    try:
        if action == "approve":
            store.approve(record.ident, **options)
        elif action == "review":
            store.start_review(record.ident, **options)
        elif action == "lock":
            store.lock(record.ident, **options)
        elif action == "send_back":
            store.send_back(record.ident, reason, **options)
        else:
            raise NotVisible
    except PepdocsError as problem:
        return _child(workbench, request, session, str(problem), 409, reason)
    anchor = f"decision-{term.academic_year}-{term.term}"
    return RedirectResponse(f"/children/{child_id}#{anchor}", status_code=303)


# -- returned forms ----------------------------------------------------------------------------


async def returns(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    outcome: dict[str, Any] | None = None
    # the outcome of this person's upload, once read (``collecting``)
    run = workbench.collecting.get(request.query_params.get("upload", ""),
                                   session.principal.user)
    if run is not None and run.state != "running":
        outcome = {"result": run.result} if run.result else {"error": run.problem}
    return await run_in_threadpool(returns_page, workbench, request, session, outcome)


def returns_page(
    workbench: Workbench, request: Request, session: Session, outcome: Any, status: int = 200
) -> Response:
    store = _acting(workbench, session)
    term, terms = term_of(store, request)
    forms = records.returned_forms(store, term, session.principal.scope) if term else []
    return workbench.render(
        request, "returns.html", status, term=term, terms=terms, forms=forms, outcome=outcome,
        states=STATE_NAMES, max_files=MAX_FILES,
    )


async def upload(workbench: Workbench, request: Request) -> Response:

    session = workbench.session(request)
    workbench.check_origin(request)
    if not session.principal.may_change:
        raise NotVisible
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > MAX_REQUEST_BYTES:
        return returns_page(workbench, request, session, {"error": "The upload is too large: "
                        "send the forms in several smaller uploads."}, 413)
    form = await request.form(max_files=MAX_FILES, max_fields=10)
    try:
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
        if not same_token(fields.get("csrf"), session.csrf):
            raise Refused
        files = [item for item in form.getlist("forms") if isinstance(item, UploadFile)]
        files = [item for item in files if item.filename]
        if not files:
            return returns_page(workbench, request, session,
                            {"error": "Choose one or more returned forms to upload."}, 400)
        if workbench.collecting.running(session.principal.user) is not None:
            return returns_page(workbench, request, session, {"error": "Forms you uploaded "
                                "are still being read: wait for them to finish."}, 409)
        uploads = [Upload(item.filename or "form", item.file) for item in files]
        run = await run_in_threadpool(start_collecting, workbench, session.principal.user,
                                      uploads, MAX_INPUT_BYTES)
    finally:
        await form.close()
    return redirect_to(run)


async def review(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    return await run_in_threadpool(_review, workbench, request, session)


def _review(
    workbench: Workbench, request: Request, session: Session, status: int = 200,
    **problem: str,
) -> Response:
    store = _acting(workbench, session)
    try:
        found = records.review(store, request.path_params["uid"], session.principal.scope)
    except NotFoundError:
        raise NotVisible from None
    if found.child is not None:
        records.record_view(store, found.child.child_id, "review.viewed")
    drawn = (
        page_images(store, found.document.uid, session.principal.scope)
        if not found.document.removed
        else None
    )
    return workbench.render(
        request, "review.html", status, review=found, states=STATE_NAMES,
        page_count=len(drawn.pages) if drawn else 0,
        pages_problem=drawn.problem if drawn else "the form was removed by retention",
        assigned=request.query_params.get("assigned", ""), **problem
    )


async def page_picture(workbench: Workbench, request: Request) -> Response:
    """One page of a returned form, as the review page shows it (PNG, drawn by the store's
    :mod:`~pepdocs.store.page_images`; 404 outside the person's scope)."""
    session = workbench.session(request)
    store = _acting(workbench, session)
    try:
        content = await run_in_threadpool(
            page_image, store, request.path_params["uid"], request.path_params["number"],
            session.principal.scope,
        )
    except NotFoundError:
        raise NotVisible from None
    return Response(content, media_type="image/png")


async def assign(workbench: Workbench, request: Request) -> Response:
    """Text a returned form held that no field took, put in a field: the PEP's next version."""
    session = workbench.session(request)
    fields = await workbench.form(request, session)
    if not session.principal.may_change:
        raise NotVisible
    return await run_in_threadpool(_assign, workbench, request, session, fields)


def _assign(
    workbench: Workbench, request: Request, session: Session, fields: dict[str, str]
) -> Response:
    store = _acting(workbench, session)
    uid, path, typed = request.path_params["uid"], fields.get("path", ""), fields.get("value", "")
    index = fields.get("text", "")
    if not path:
        return _review(workbench, request, session, 400, assign_error="Choose the field this "
                       "text belongs in.", assign_index=index, typed=typed)
    try:
        number = records.assign_text(
            store, uid, int(index), path, typed, expected_version=int(fields.get("version", "")),
            schools=session.principal.scope,
        )
    except (NotFoundError, ValueError):
        raise NotVisible from None
    except PepValidationError as problem:
        return _review(workbench, request, session, 400, assign_error=str(problem),
                       assign_index=index, typed=typed)
    except PepdocsError as problem:
        return _review(workbench, request, session, 409, error=str(problem))
    return RedirectResponse(f"/returns/{uid}?assigned={number}#unmapped", status_code=303)


async def correct(workbench: Workbench, request: Request) -> Response:
    """One unreadable field of a returned form, typed again: the PEP's next version."""
    session = workbench.session(request)
    fields = await workbench.form(request, session)
    if not session.principal.may_change:
        raise NotVisible
    return await run_in_threadpool(_correct, workbench, request, session, fields)


def _correct(
    workbench: Workbench, request: Request, session: Session, fields: dict[str, str]
) -> Response:
    store = _acting(workbench, session)
    uid, path, typed = request.path_params["uid"], fields.get("path", ""), fields.get("value", "")
    try:
        expected = int(fields.get("version", ""))
        records.correct_field(store, uid, path, typed, expected_version=expected,
                              schools=session.principal.scope)
        found = records.review(store, uid, session.principal.scope)
    except (NotFoundError, ValueError):
        raise NotVisible from None
    except PepValidationError as problem:
        return _review(workbench, request, session, 400, field_error=str(problem),
                       field_path=path, typed=typed)
    except PepdocsError as problem:
        return _review(workbench, request, session, 409, error=str(problem))
    assert found.child is not None
    anchor = f"pep-{found.child.academic_year}-{found.child.term}"
    return RedirectResponse(f"/children/{found.child.child_id}#{anchor}", status_code=303)


_MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


async def download(workbench: Workbench, request: Request) -> Response:
    """A stored form, as a download (never shown in the page), by its id in the store."""
    session = workbench.session(request)
    return await run_in_threadpool(_download, workbench, request, session)


def _download(workbench: Workbench, request: Request, session: Session) -> Response:
    store = _acting(workbench, session)
    try:
        found, child_id, content = records.document(
            store, request.path_params["uid"], session.principal.scope
        )
    except NotFoundError:
        raise NotVisible from None
    if child_id is not None:
        records.record_view(store, child_id, "document.viewed")
    name = shown_name(found.name or f"form.{found.kind}")
    return Response(
        content,
        media_type=_MEDIA.get(found.kind, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


ROUTES: list[tuple[str, Page, list[str]]] = [
    ("/", dashboard, ["GET"]),
    ("/login/{token}", login, ["GET"]),
    ("/logout", logout, ["POST"]),
    ("/children", children, ["GET"]),
    ("/children/{child_id:int}", child, ["GET"]),
    ("/children/{child_id:int}/decision", decide, ["POST"]),
    ("/returns", returns, ["GET"]),
    ("/returns", upload, ["POST"]),
    ("/returns/{uid}", review, ["GET"]),
    ("/returns/{uid}/correct", correct, ["POST"]),
    ("/returns/{uid}/assign", assign, ["POST"]),
    ("/returns/{uid}/pages/{number:int}", page_picture, ["GET"]),
    ("/documents/{uid}", download, ["GET"]),
]
