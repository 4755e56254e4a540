"""The term's reports, to download: the cohort workbook (``pepdocs report --db --term``) and
the corporate parenting board's summary as PDF (the workbook's Summary sheet printed by
LibreOffice: counts and charts, no child named). A designated teacher's cover their
school's children only. Each is made when asked for, from the PEPs' latest versions, checked
as of today; the audit log records who made which (``report.made``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from pepdocs.errors import PepdocsError
from pepdocs.store import workbench as records
from pepdocs.web.refusals import NotVisible

if TYPE_CHECKING:
    from pepdocs.web.app import Workbench
    from pepdocs.web.security import Session

__all__ = ["ROUTES"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def page(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    return await run_in_threadpool(_page, workbench, request, session, "", 200)


def _page(workbench: Workbench, request: Request, session: Session, error: str,
          status: int) -> Response:
    from pepdocs.web.pages import term_of

    store = records.acting_as(workbench.store, session.principal.user)
    term, terms = term_of(store, request)
    return workbench.render(request, "reports.html", status, term=term, terms=terms,
                            error=error, today=dt.date.today())


async def download(workbench: Workbench, request: Request) -> Response:
    session = workbench.session(request)
    return await run_in_threadpool(_download, workbench, request, session)


def _download(workbench: Workbench, request: Request, session: Session) -> Response:
    from pepdocs.web.pages import term_of

    what = request.path_params["what"]
    if what not in ("workbook", "board"):
        raise NotVisible
    store = records.acting_as(workbench.store, session.principal.user)
    term, _terms = term_of(store, request)
    if term is None:
        raise NotVisible
    today = dt.date.today()
    try:
        made = records.term_report(store, term, as_of=today, schools=session.principal.scope,
                                   board=what == "board")
    except PepdocsError as problem:
        return _page(workbench, request, session, problem.message, 503)
    stem = f"peps-{term.academic_year}-{term.term}-{today.isoformat()}"
    if what == "board":
        assert made.board is not None
        content, media, name = made.board, "application/pdf", f"board-summary-{stem}.pdf"
    else:
        content, media, name = made.workbook, XLSX, f"cohort-{stem}.xlsx"
    return Response(content, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


ROUTES = [
    ("/reports", page, ["GET"]),
    ("/reports/{what}", download, ["GET"]),
]
