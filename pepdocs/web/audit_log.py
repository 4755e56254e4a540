"""The audit log page (``/audit``), for Virtual School officers only (others: 404): every
view and change, newest first, 100 to a page, filtered by child (LA child id, UPN or the
store's ``#id``), person, action and days. Filtering by a child is itself a view of that
child's record, so it is audited (``audit.viewed``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from pepdocs.store import workbench as records
from pepdocs.web.refusals import NotVisible

if TYPE_CHECKING:
    from pepdocs.web.app import Workbench
    from pepdocs.web.security import Session

__all__ = ["ROUTES"]

PAGE_SIZE = 100


def _day(text: str) -> tuple[dt.date | None, bool]:
    """The day written (YYYY-MM-DD), and whether what was written was not one."""
    if not text:
        return None, False
    try:
        return dt.date.fromisoformat(text), False
    except ValueError:
        return None, True


async def page(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    if session.principal.role != "officer":
        raise NotVisible
    return await run_in_threadpool(_page, workbench, request, session)


def _page(workbench: Workbench, request: Request, session: Session) -> Response:
    store = records.acting_as(workbench.store, session.principal.user)
    query = request.query_params
    child, actor, action = query.get("child", ""), query.get("actor", ""), query.get("action", "")
    since_text, until_text = query.get("since", "").strip(), query.get("until", "").strip()
    since, since_bad = _day(since_text)
    until, until_bad = _day(until_text)
    number = query.get("page", "1")
    page_number = max(int(number), 1) if number.isdigit() else 1
    found = records.audit_log(
        store, child=child, actor=actor, action=action, since=since, until=until,
        offset=(page_number - 1) * PAGE_SIZE, limit=PAGE_SIZE,
    )
    if child.strip():  # one child's lines: a view of their record
        for child_id in sorted({line.child_id for line in found.lines if line.child_id}):
            records.record_view(store, child_id, "audit.viewed")
    pages = max(1, -(-found.total // PAGE_SIZE))
    return workbench.render(
        request, "audit_log.html", found=found, child=child, actor=actor, action=action,
        since=since_text, until=until_text, since_bad=since_bad, until_bad=until_bad,
        page=min(page_number, pages), pages=pages, first=(page_number - 1) * PAGE_SIZE + 1,
    )


ROUTES = [("/audit", page, ["GET"])]
