"""Returned forms read in the background, with a page that shows how far it has got.

An upload of returned forms (``POST /returns``) is written to a private folder as
:mod:`.uploads` does (names of our making, 0700/0600, a size limit each); then a thread the
server owns hands each file to the store's :class:`~pepdocs.store.Collector` (the same
safe-open layer, matching and checks as ``pepdocs collect``), counting as it goes, one upload
at a time per person. The browser is sent to ``/returns/upload/RUN``, which shows the
forms read so far with a progress bar and a link to update it; with scripts on
(``static/progress.js``, the one script, served by the server itself) the bar moves by
itself (it asks ``/returns/upload/RUN/status`` every two seconds) and the page reloads once
when all are read. When done, the page shows what ``collect`` shows: the summary, the files
refused and what needs a person. The folder is removed as soon as the forms are read (the
store keeps the documents).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from pepdocs.errors import PepdocsError
from pepdocs.store import Collector
from pepdocs.store import workbench as records
from pepdocs.web.refusals import NotVisible
from pepdocs.web.uploads import SUFFIXES, Refused, Upload, UploadResult, _unused, _write, shown_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pepdocs.store import Store
    from pepdocs.web.app import Workbench

__all__ = ["ROUTES", "CollectRun", "CollectRuns", "start_collecting"]

State = Literal["running", "finished", "failed"]


@dataclass(slots=True)
class CollectRun:
    run_id: str
    user: str
    total: int
    done: int = 0
    state: State = "running"
    result: UploadResult | None = None
    problem: str = ""

    @property
    def percent(self) -> int:
        if self.state != "running":
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0

    @property
    def message(self) -> str:
        return f"{self.done} of {self.total} forms read."


@dataclass(slots=True)
class CollectRuns:
    """The server's uploads being read, by id; one at a time per person; the last few
    finished kept for their pages."""

    keep: int = 5
    _runs: dict[str, CollectRun] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def running(self, user: str) -> CollectRun | None:
        with self._lock:
            return next((run for run in self._runs.values()
                         if run.user == user and run.state == "running"), None)

    def get(self, run_id: str, user: str) -> CollectRun | None:
        with self._lock:
            run = self._runs.get(run_id)
        return run if run is not None and run.user == user else None

    def add(self, run: CollectRun) -> None:
        with self._lock:
            mine = [old for old in self._runs.values()
                    if old.user == run.user and old.state != "running"]
            for old in mine[: max(0, len(mine) + 1 - self.keep)]:
                del self._runs[old.run_id]
            self._runs[run.run_id] = run


def _collect(store: Store, run: CollectRun, root: Path, kept: list[Path],
             refused: list[Refused]) -> None:
    try:
        collector = Collector(store, root, dt.date.today())
        for path in kept:
            collector.collect_file(path)
            run.done += 1
        run.result = UploadResult(collector.finish(), refused)
        run.state = "finished"
    except PepdocsError as problem:
        run.problem, run.state = problem.message, "failed"
    # a thread's failure must reach the page, not vanish with the thread
    except Exception:
        run.problem, run.state = "reading the forms stopped unexpectedly", "failed"
    finally:
        shutil.rmtree(root, ignore_errors=True)


def start_collecting(
    workbench: Workbench, user: str, uploads: Iterable[Upload], limit: int
) -> CollectRun:
    """Write ``uploads`` into a private folder and start reading them in a thread; the run
    (see the module docstring). Files that are not Word, Excel or PDF, or are over ``limit``
    bytes, are refused and listed, as :func:`.uploads.collect_uploads` does."""
    root = Path(tempfile.mkdtemp(prefix="pepdocs-upload-"))
    os.chmod(root, 0o700)
    kept: list[Path] = []
    refused: list[Refused] = []
    for upload in uploads:
        name = shown_name(upload.name)
        if not name.lower().endswith(SUFFIXES):
            refused.append(Refused(name, "not a Word (.docx), Excel (.xlsx) or PDF form"))
            continue
        target = _unused(root, name)
        if not _write(upload.stream, target, limit):
            refused.append(Refused(name, f"larger than {limit // (1024 * 1024)} MB"))
            continue
        kept.append(target)
    run = CollectRun(secrets.token_urlsafe(16), user, len(kept))
    workbench.collecting.add(run)
    store = records.acting_as(workbench.store, user)
    threading.Thread(target=_collect, args=(store, run, root, kept, refused), daemon=True,
                     name="pepdocs-collect").start()
    return run


def redirect_to(run: CollectRun) -> Response:
    return RedirectResponse(f"/returns/upload/{run.run_id}", status_code=303)


async def progress(workbench: Workbench, request: Request) -> Response:
    """The reading's page while it runs; once done, the returned forms page showing its
    outcome (``/returns?upload=RUN``)."""
    session = workbench.session(request)
    run = workbench.collecting.get(request.path_params["run_id"], session.principal.user)
    if run is None:
        raise NotVisible
    if run.state == "running":
        return workbench.render(request, "collecting.html", run=run)
    return RedirectResponse(f"/returns?upload={run.run_id}", status_code=303)


async def status(workbench: Workbench, request: Request) -> Response:
    """How far the reading has got, for the page's script (``static/progress.js``)."""
    session = workbench.session(request)
    run = workbench.collecting.get(request.path_params["run_id"], session.principal.user)
    if run is None:
        raise NotVisible
    return JSONResponse(
        {"state": run.state, "done": run.done, "total": run.total, "message": run.message}
    )


ROUTES = [
    ("/returns/upload/{run_id}", progress, ["GET"]),
    ("/returns/upload/{run_id}/status", status, ["GET"]),
]
