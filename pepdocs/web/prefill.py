"""Pre-fill a term from the workbench: ``pepdocs batch`` (a roster) or ``pepdocs batch
--from-903`` (the 903 export's files and a people file) run by the server, in the
background, for a Virtual School officer; then the zip of forms and the manifest to download.

The files uploaded are written under names of our making into a private folder (0700, files
0600, a size limit each, as returned forms are: :mod:`.uploads`), and read there by the
batch's own readers (the same safe-open layer as the command line). The batch runs in a
thread the application owns, one run at a time per person, with ``jobs=1`` (no worker
processes inside the server); it records into the store what it sends, as ``batch --db``
does, acting as the person. Its page (``/prefill/RUN``) shows a progress bar and a link to
update it; with scripts on (``static/progress.js``) the bar moves by itself (it asks
``/prefill/RUN/status`` every two seconds) and the page reloads once when the run ends. (A
page that reloads itself on a timer, ``<meta http-equiv="refresh">``, fails WCAG 2.2.1.)
A run's folder (the forms, made for the children of the term) is deleted when the same person
starts another run, and when the server stops.
"""

from __future__ import annotations

import atexit
import datetime as dt
import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response

from pepdocs.errors import PepdocsError, UsageError
from pepdocs.store import TermKey, parse_term
from pepdocs.store import workbench as records
from pepdocs.web.refusals import NotVisible, Refused
from pepdocs.web.security import same_token
from pepdocs.web.uploads import MAX_REQUEST_BYTES, _write, shown_name

if TYPE_CHECKING:
    from pepdocs.batch import BatchOptions, BatchResult
    from pepdocs.store import Store, StoreRecorder
    from pepdocs.web.app import Workbench
    from pepdocs.web.security import Session

__all__ = ["ROUTES", "PrefillRun", "PrefillRuns"]

#: bytes of one roster, 903 file or people file
MAX_FILE_BYTES = 50 * 1024 * 1024
ROSTER_SUFFIXES = (".csv", ".xlsx")
EXPORT_SUFFIXES = (".csv", ".xml")
State = Literal["running", "finished", "failed"]


@dataclass(slots=True)
class PrefillRun:
    """One pre-fill: who started it, for which term, how far it is, what it made."""

    run_id: str
    user: str
    term: TermKey
    source: str
    folder: Path
    total: int | None = None
    done: int = 0
    state: State = "running"
    summary: str = ""
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problem: str = ""
    recorded: int = 0
    zip_path: Path | None = None
    manifest: Path | None = None

    def advance(self, rows: int) -> None:
        self.done += rows

    @property
    def message(self) -> str:
        about = f" of about {self.total}" if self.total else ""
        return f"{self.done}{about} forms made."

    @property
    def percent(self) -> int:
        if self.state != "running":
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0


@dataclass(slots=True)
class PrefillRuns:
    """The server's pre-fill runs, by id; one running at a time per person."""

    _runs: dict[str, PrefillRun] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        atexit.register(self.clear)

    def running(self, user: str) -> PrefillRun | None:
        with self._lock:
            return next(
                (run for run in self._runs.values()
                 if run.user == user and run.state == "running"),
                None,
            )

    def latest(self, user: str) -> PrefillRun | None:
        with self._lock:
            mine = [run for run in self._runs.values() if run.user == user]
        return mine[-1] if mine else None

    def get(self, run_id: str, user: str) -> PrefillRun | None:
        """The run, if it is this person's (another's is not found)."""
        with self._lock:
            run = self._runs.get(run_id)
        return run if run is not None and run.user == user else None

    def add(self, run: PrefillRun) -> None:
        """Keep ``run``, forgetting (and deleting the folder of) the person's earlier ones."""
        with self._lock:
            for old in [old for old in self._runs.values() if old.user == run.user]:
                del self._runs[old.run_id]
                shutil.rmtree(old.folder, ignore_errors=True)
            self._runs[run.run_id] = run

    def clear(self) -> None:
        with self._lock:
            for run in self._runs.values():
                shutil.rmtree(run.folder, ignore_errors=True)
            self._runs.clear()


def runs_of(workbench: Workbench) -> PrefillRuns:
    """The pre-fill runs of this application."""
    return workbench.prefills


def term_choices(today: dt.date) -> list[TermKey]:
    """This academic year's terms and next year's: what a pre-fill may be for."""
    from pepdocs.compliance import academic_year_of

    year = academic_year_of(today)
    start = int(year[:4])
    following = f"{start + 1}-{(start + 2) % 100:02d}"
    return [TermKey(label, name) for label in (year, following)
            for name in ("autumn", "spring", "summer")]


def term_start(term: TermKey) -> dt.date:
    """The first day of ``term`` (the default term dates; the day the batch plans from)."""
    from pepdocs.compliance import TermCalendar

    calendar = TermCalendar()
    return calendar.term_span(calendar.year(term.academic_year), term.term)[0]


def _authorities() -> list[tuple[str, str]]:
    from pepdocs.mapping.registry import list_authorities

    return [(found.name, found.display_name) for found in list_authorities()]


# -- the run itself -----------------------------------------------------------------------------


def _run(store: Store, run: PrefillRun, options: BatchOptions, roster: Path | None,
         export: Path | None, people: Path | None) -> None:
    from pepdocs.store import StoreRecorder

    recorder = StoreRecorder(store, folder=str(options.out_dir))
    try:
        result = (
            _from_roster(run, options, roster, recorder) if roster is not None
            else _from_903(run, options, export, people, recorder)
        )
        run.summary = result.summary()
        run.failures = list(result.failures) + list(result.unplaced)
        run.notes += list(result.notes)
        run.zip_path, run.manifest = result.zip_path, result.manifest_csv
        run.state = "finished"
    except PepdocsError as problem:
        run.problem, run.state = problem.message, "failed"
    # a thread's failure must reach the page, not vanish with the thread
    except Exception:
        run.problem = "the pre-fill stopped unexpectedly; nothing more was made"
        run.state = "failed"
    finally:
        recorder.finish()
        run.recorded = recorder.recorded
        run.notes += list(recorder.notes)


def _from_roster(run: PrefillRun, options: BatchOptions, roster: Path | None,
                 recorder: StoreRecorder) -> BatchResult:
    from pepdocs.batch import run_batch
    from pepdocs.batch.roster import estimate_rows

    assert roster is not None
    run.total = estimate_rows(roster)
    return run_batch(roster, options, run.advance, recorder)


def _from_903(run: PrefillRun, options: BatchOptions, export: Path | None,
              people_path: Path | None, recorder: StoreRecorder) -> BatchResult:
    from pepdocs.cohort import load_cohort, load_people, prefill_from_903
    from pepdocs.compliance import load_settings

    assert export is not None
    as_of = options.today or dt.date.today()
    cohort = load_cohort(export, as_of, settings=load_settings(options.authority))
    people = load_people(people_path) if people_path is not None else None
    if people is not None:
        run.notes += [str(problem) for problem in people.problems[:20]]
    run.total = sum(child.needs_pep for child in cohort.children)
    done = prefill_from_903(cohort, options, people=people, progress=run.advance,
                            recorder=recorder)
    return done.batch


# -- the pages ----------------------------------------------------------------------------------


def _officer(workbench: Workbench, request: Request) -> Session:
    session = workbench.session(request)
    if not session.principal.may_change:
        raise NotVisible
    return session


async def page(workbench: Workbench, request: Request) -> Response:
    session = _officer(workbench, request)
    return await run_in_threadpool(_page, workbench, request, session, "", 200)


def _page(workbench: Workbench, request: Request, session: Session, error: str,
          status: int, field: str = "") -> Response:
    today = dt.date.today()
    choices = term_choices(today)
    return workbench.render(
        request, "prefill.html", status, terms=choices, term=choices[0], error=error,
        field=field, authorities=_authorities(),
        latest=runs_of(workbench).latest(session.principal.user),
    )


def _save(item: UploadFile, folder: Path, suffixes: tuple[str, ...]) -> Path | str:
    """The upload written into ``folder`` under its cleaned name, or why not."""
    name = shown_name(item.filename or "file")
    if not name.lower().endswith(suffixes):
        return f"{name}: not a {' or '.join(suffixes)} file"
    target = folder / name
    if target.exists():
        return f"{name}: sent twice"
    if not _write(item.file, target, MAX_FILE_BYTES):
        return f"{name}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
    return target


async def start(workbench: Workbench, request: Request) -> Response:
    session = _officer(workbench, request)
    workbench.check_origin(request)
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > MAX_REQUEST_BYTES:
        return _page(workbench, request, session, "The upload is too large.", 413)
    form = await request.form(max_files=200, max_fields=20)
    try:
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
        if not same_token(fields.get("csrf"), session.csrf):
            raise Refused
        return await run_in_threadpool(_start, workbench, request, session, fields, form)
    finally:
        await form.close()


def _start(workbench: Workbench, request: Request, session: Session, fields: dict[str, str],
           form: FormData) -> Response:
    from pepdocs.batch import BatchOptions

    runs = runs_of(workbench)
    user = session.principal.user
    if runs.running(user) is not None:
        return _page(workbench, request, session,
                     "A pre-fill of yours is still running: wait for it to finish.", 409)
    try:
        term = parse_term(fields.get("term", ""))
    except UsageError:
        term = None
    if term not in term_choices(dt.date.today()):
        return _page(workbench, request, session, "Choose the term to pre-fill.", 400, "term")
    authority = fields.get("authority", "")
    if authority and authority not in dict(_authorities()):
        return _page(workbench, request, session, "Choose an authority from the list.", 400,
                     "authority")
    rosters = [item for item in form.getlist("roster")
               if isinstance(item, UploadFile) and item.filename]
    exports = [item for item in form.getlist("export")
               if isinstance(item, UploadFile) and item.filename]
    peoples = [item for item in form.getlist("people")
               if isinstance(item, UploadFile) and item.filename]
    if bool(rosters) == bool(exports):
        return _page(workbench, request, session,
                     "Upload a roster, or the 903 export's files (not both).", 400, "roster")
    if exports and not authority:
        return _page(workbench, request, session,
                     "Choose the authority whose 903 export this is.", 400, "authority")
    if peoples and not exports:
        return _page(workbench, request, session,
                     "A people file goes with the 903 export's files.", 400, "people")
    folder = Path(tempfile.mkdtemp(prefix="pepdocs-prefill-"))
    (folder / "in").mkdir(mode=0o700)
    roster = export = people = None
    problems: list[str] = []
    if rosters:
        saved = _save(rosters[0], folder / "in", ROSTER_SUFFIXES)
        roster = saved if isinstance(saved, Path) else None
        problems += [] if isinstance(saved, Path) else [saved]
    else:
        export = folder / "in" / "903"
        export.mkdir(mode=0o700)
        for item in exports:
            saved = _save(item, export, EXPORT_SUFFIXES)
            problems += [] if isinstance(saved, Path) else [saved]
        if peoples:
            (folder / "in" / "people").mkdir(mode=0o700)
            saved = _save(peoples[0], folder / "in" / "people", ROSTER_SUFFIXES)
            people = saved if isinstance(saved, Path) else None
            problems += [] if isinstance(saved, Path) else [saved]
    if problems:
        shutil.rmtree(folder, ignore_errors=True)
        return _page(workbench, request, session, "; ".join(problems), 400,
                     "roster" if rosters else "export")
    assert term is not None
    options = BatchOptions(
        out_dir=folder / "forms", authority=authority or None, zip=True,
        today=term_start(term), document_ids=True,
    )
    run = PrefillRun(secrets.token_urlsafe(16), user, term,
                     "roster" if roster is not None else "903 export", folder)
    runs.add(run)
    store = records.acting_as(workbench.store, user)
    threading.Thread(target=_run, args=(store, run, options, roster, export, people),
                     daemon=True, name="pepdocs-prefill").start()
    return RedirectResponse(f"/prefill/{run.run_id}", status_code=303)


async def progress(workbench: Workbench, request: Request) -> Response:
    session = _officer(workbench, request)
    run = runs_of(workbench).get(request.path_params["run_id"], session.principal.user)
    if run is None:
        raise NotVisible
    return workbench.render(request, "prefill_run.html", run=run)


async def status(workbench: Workbench, request: Request) -> Response:
    """How far the run has got, for the page's script (``static/progress.js``)."""
    session = _officer(workbench, request)
    run = runs_of(workbench).get(request.path_params["run_id"], session.principal.user)
    if run is None:
        raise NotVisible
    return JSONResponse(
        {"state": run.state, "done": run.done, "total": run.total, "message": run.message}
    )


async def download(workbench: Workbench, request: Request) -> Response:
    """The run's zip of forms and manifests, or its manifest alone (``manifest.csv``)."""
    session = _officer(workbench, request)
    run = runs_of(workbench).get(request.path_params["run_id"], session.principal.user)
    what = request.path_params["what"]
    if run is None or run.state != "finished":
        raise NotVisible
    path = {"forms.zip": run.zip_path, "manifest.csv": run.manifest}.get(what)
    if path is None or not path.is_file():
        raise NotVisible
    year, term = run.term.academic_year, run.term.term
    media = "application/zip" if what.endswith(".zip") else "text/csv"
    return FileResponse(path, media_type=media,
                        filename=f"pre-filled-{year}-{term}-{what}")


ROUTES = [
    ("/prefill", page, ["GET"]),
    ("/prefill", start, ["POST"]),
    ("/prefill/{run_id}", progress, ["GET"]),
    ("/prefill/{run_id}/status", status, ["GET"]),
    ("/prefill/{run_id}/{what}", download, ["GET"]),
]
