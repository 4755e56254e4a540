"""Running a batch: every roster row -> a pre-filled form in its authority's format.

The per-record work (:func:`make_record`) is a pure function of the roster row, the child's
previous PEP, the options and the mapping/template files: it validates the rolled-forward
PEP once, fills the form with the per-process prepared template (the Word engine parses and
locates a template once per process, so a record costs a render and a zip write) and writes
the file atomically. The parent streams the roster in chunks, hands each chunk to the
process pool (``--jobs``), writes the manifest as results come back and never holds more
than a chunk, so memory stays flat however many children there are.

Output names are predictable: ``<authority>-<LA child id>-<academic year>-<term>.<ext>``
(the UPN stands in when the roster has no child id). An id that does not survive as a file
name exactly (``A/1``, ``A 1``, ``Łucja-7``, lower case that a Windows or Mac folder would
fold) gets a short hash of the exact id after a ``~``, so distinct ids never share a file;
two rows whose names still meet are refused. A file is never overwritten unless ``force``,
except an output this batch made earlier and nobody changed since (its SHA-256 is the
manifest's or the journal's), which is re-made when its inputs changed and skipped when
they did not.

One batch at a time writes into a folder (a lock held for the run; released by the system
if the process dies), a rerun first removes the temporary files a killed run left, and
``--jobs`` workers (:mod:`pepdocs.batch.pool`) are forked with the templates the parent
prepared, leave Ctrl-C to the parent and are killed with it (Linux: ``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, Protocol

from pepdocs._io import _umask, read_json_file, write_atomic
from pepdocs._version import __version__
from pepdocs.batch.manifest import (
    MANIFEST_CSV,
    MANIFEST_JSON,
    Entry,
    ManifestWriter,
    OutputFolderError,
    Record,
    clear_journal,
    journal,
    read_manifest,
)
from pepdocs.batch.pool import in_order, pool_context, start_pool, worker_started
from pepdocs.batch.rollforward import PreviousPeps, index_previous, roll_forward
from pepdocs.batch.roster import Roster, RosterRow, open_roster
from pepdocs.binding import fill_with_report, unplaced_values
from pepdocs.errors import (
    AuthorityNotFoundError,
    OutputExistsError,
    PepdocsError,
    PepValidationError,
    UsageError,
)
from pepdocs.mapping.registry import (
    FormSummary,
    iter_mapping_files,
    list_authorities,
    load_form,
    resolve_form,
)
from pepdocs.mapping.spec import FormSpec
from pepdocs.model import load_pep, validate_pep
from pepdocs.model.phases import list_phases
from pepdocs.model.validate import NCY_BY_PHASE
from pepdocs.report import FillReport

__all__ = [
    "ZIP_NAME",
    "BatchOptions",
    "BatchRecorder",
    "BatchResult",
    "RowFailed",
    "document_id_for",
    "iter_planned",
    "make_record",
    "output_name",
    "plan_record",
    "run_batch",
]

ZIP_NAME = "batch.zip"
#: Rows handed to the pool at a time (times ``jobs``): bounds memory and is the unit of one
#: LibreOffice start for ``--pdf`` (a cold start costs seconds, a form about one).
CHUNK_PER_JOB = 64
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")
#: an id kept as it is in a file name: what no file system changes or folds
_LOSSLESS_ID = re.compile(r"[A-Z0-9][A-Z0-9_-]*")
#: hex digits of the SHA-256 of the exact id added to a name that is not lossless
_ID_HASH_DIGITS = 10
#: failures kept for the command's summary; the manifest holds all of them
_FAILURES_SHOWN = 20


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What ``pepdocs batch`` was asked to do (see the command's help)."""

    out_dir: Path
    authority: str | None = None
    previous: tuple[Path, ...] = ()
    meeting_date: dt.date | None = None
    jobs: int = 1
    force: bool = False
    pdf: bool = False
    zip: bool = False
    mappings_dirs: tuple[str, ...] = ()
    #: the day the batch is planned on (terms are counted from it); default: today
    today: dt.date | None = None
    #: an attendance export whose latest figures go into each child's form
    attendance: Path | None = None
    #: a row whose PEP holds values its form has no place for fails instead of being made
    strict: bool = False
    #: write a document id into each form (:func:`document_id_for` its input hash) and keep
    #: each row's PEP on its entry, for a store that records what the batch sends
    document_ids: bool = False


class BatchRecorder(Protocol):
    """What records a batch's outputs elsewhere (the PEP record, ``pepdocs.store``): called
    with each chunk of entries after their files are durable and before the manifest lists
    them, so a batch killed in between is recorded by its rerun (``unchanged`` entries are
    handed over again; recording must be idempotent)."""

    def record(self, out_dir: Path, entries: Sequence[Entry]) -> None: ...


def document_id_for(input_hash: str) -> str:
    """The document id written into a form made from ``input_hash``: a UUID derived from it,
    so a rerun that re-makes the same form gives it the same id."""
    return str(uuid.uuid5(_DOCUMENT_IDS, input_hash))


#: the namespace of batch document ids (a fixed, random UUID)
_DOCUMENT_IDS = uuid.UUID("5f0d1a6e-8c3b-4e27-9a41-2d6b7c9e0f13")


@dataclass(slots=True)
class BatchResult:
    """What a batch did: counts by status, failures (the first few) and where things are."""

    counts: Counter[str]
    failures: list[str]
    manifest_csv: Path
    manifest_json: Path
    zip_path: Path | None = None
    ignored_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: rows whose form could not hold every value (made anyway; --strict fails them)
    incomplete: int = 0
    #: the first few of those, ``row 3: no place on the form: targets: ...`` (all are in
    #: the manifest's warnings)
    unplaced: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def exit_code(self) -> int:
        """1 when some rows failed (the others were made), else 0."""
        return 1 if self.counts.get("failed") else 0

    def summary(self) -> str:
        parts = [
            f"{self.counts.get(status, 0)} {status}"
            for status in ("made", "updated", "unchanged", "kept", "failed")
            if self.counts.get(status)
        ]
        line = f"{self.total} rows: " + (", ".join(parts) if parts else "nothing to do")
        if self.incomplete:
            line += (
                f"; {self.incomplete} {'form' if self.incomplete == 1 else 'forms'} without "
                "room for every value (see warnings)"
            )
        return line


@dataclass(frozen=True, slots=True)
class _Task:
    row: RosterRow
    duplicate_of: int | None = None


# --- per-process state ----------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    options: BatchOptions
    previous: PreviousPeps
    made_before: Mapping[str, Record]
    today: dt.date
    forms: dict[tuple[str, str | None, str | None], tuple[FormSpec | None, str]] = field(
        default_factory=dict
    )
    fingerprints: dict[Path, str] = field(default_factory=dict)
    authorities: dict[str, tuple[FormSummary, ...]] | None = None


_STATE: _State | None = None


def _init_worker(
    options: BatchOptions,
    previous: PreviousPeps,
    made_before: Mapping[str, Record],
    today: dt.date,
    parent: int = 0,
) -> None:
    global _STATE
    worker_started(parent)
    if _STATE is not None and _STATE.options is options:
        return  # forked from the batch process: its forms and prepared templates come along
    _STATE = _State(options, previous, made_before, today)


def _work(task: _Task) -> Entry:
    assert _STATE is not None, "worker not initialised"
    return make_record(task.row, _STATE, task.duplicate_of)


# --- one record --------------------------------------------------------------------------------


def output_name(authority: str, child_id: str, academic_year: str, term: str, kind: str) -> str:
    """``eastborough-2015090-2025-26-summer.docx``; characters a file name cannot safely hold
    become ``_``. An id that does not come through that unchanged (or that holds lower case,
    which Windows and macOS folders fold) also gets ``~`` and a hash of the exact id:
    ``A/1`` and ``A_1`` are two children, so ``A_1~3f0c9e21aa`` and ``A_1``."""
    parts = [_SAFE_NAME.sub("_", part).strip("_") or "_" for part in (authority, child_id)]
    if not _LOSSLESS_ID.fullmatch(child_id):
        digest = hashlib.sha256(child_id.encode("utf-8")).hexdigest()[:_ID_HASH_DIGITS]
        parts[1] = f"{parts[1]}~{digest}"
    parts += [_SAFE_NAME.sub("_", part).strip("_") or "_" for part in (academic_year, term)]
    return "-".join(parts) + f".{kind}"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _forms_of(state: _State, authority: str) -> tuple[FormSummary, ...]:
    if state.authorities is None:
        state.authorities = {
            known.name: known.forms for known in list_authorities(state.options.mappings_dirs)
        }
    forms = state.authorities.get(authority.strip().lower())
    if forms is None:
        # the registry's message: known authorities and a "did you mean"
        resolve_form(authority, extra_dirs=state.options.mappings_dirs)
        raise PepdocsError(f"unknown authority {authority!r}")
    return forms


def _form_for(state: _State, authority: str, phase: str | None, ncy: Any) -> tuple[FormSpec, str]:
    """The authority's form for ``phase`` (cached per process) and a warning, if any.

    An authority without a form for the phase gets the form of another phase the year group
    also fits: Reception is early years and school age at once, and many authorities use
    their school-age form from Reception (docs/model.md).
    """
    key = (authority, phase, ncy if isinstance(ncy, str) else None)
    cached = state.forms.get(key)
    if cached is None:
        cached = state.forms[key] = _choose_form(state, authority, phase, ncy)
    spec, message = cached
    if spec is None:
        raise PepdocsError(message)
    return spec, message


def _choose_form(
    state: _State, authority: str, phase: str | None, ncy: Any
) -> tuple[FormSpec | None, str]:
    dirs = state.options.mappings_dirs
    try:
        # The usual case: the registry reads only the headers and the one form needed.
        return resolve_form(authority, phase=phase, extra_dirs=dirs), ""
    except AuthorityNotFoundError:
        pass  # unknown authority (raised below with the registry's hint), or no such phase
    forms = _forms_of(state, authority)
    listed = ", ".join(summary.form for summary in forms)
    if phase is None:
        return None, (
            f"no phase for this child and {authority} has several forms ({listed}); "
            "add a Phase or NCY column"
        )
    fits = [other for other in list_phases() if isinstance(ncy, str) and ncy in NCY_BY_PHASE[other]]
    for summary in forms:
        if summary.form in fits:
            return load_form(summary.source), (
                f"{authority} has no {phase} form; its {summary.form} form is used "
                "(the year group fits both)"
            )
    return None, f"{authority} has no {phase} form (its forms: {listed})"


def _fingerprint(state: _State, spec: FormSpec) -> str:
    """SHA-256 of the mapping file and the template: a changed form re-makes its outputs."""
    found = state.fingerprints.get(spec.source)
    if found is None:
        digest = hashlib.sha256(__version__.encode())
        for path in (spec.source, spec.template):
            digest.update(_file_sha256(Path(path)).encode())
        found = state.fingerprints[spec.source] = digest.hexdigest()
    return found


def _previous_pep(state: _State, row: RosterRow, warnings: list[str]) -> dict[str, Any] | None:
    """The child's previous PEP as stored, or None. Not validated here: the rolled-forward
    PEP is, and only when that fails is the previous one checked (validation is the largest
    cost of a record; doing it once is what keeps a batch fast)."""
    path = state.previous.find(row.get("child.la_child_id"), row.get("child.upn"))
    if path is None:
        if state.options.previous:
            warnings.append("no previous PEP found for this child")
        return None
    try:
        data = read_json_file(path)
    except PepdocsError as problem:
        warnings.append(f"previous PEP not used: {problem}")
        return None
    if not isinstance(data, dict) or not isinstance(data.get("meta", {}), dict):
        warnings.append(f"previous PEP not used: {os.path.basename(path)} is not a PEP")
        return None
    return data


class RowFailed(PepdocsError):
    """One roster row cannot be made (the reason names the column or rule, never a value)."""


def _fail(entry: Entry, reason: str) -> Entry:
    entry.status = "failed"
    entry.warnings.insert(0, reason)
    return entry


def make_record(row: RosterRow, state: _State, duplicate_of: int | None = None) -> Entry:
    """Make one child's form; never raises for a bad row (the entry says why it failed)."""
    entry = Entry(row=row.number)
    try:
        return _make(row, state, entry, duplicate_of)
    except OutputFolderError:
        raise  # the folder, not the row: the batch stops with one line
    except PepdocsError as problem:
        return _fail(entry, str(problem))
    except Exception as problem:  # a bug must not stop the other children's forms
        return _fail(entry, f"internal error ({type(problem).__name__}); please report it")


def plan_record(
    row: RosterRow, state: _State, entry: Entry, duplicate_of: int | None = None
) -> tuple[dict[str, Any], FormSpec]:
    """The validated PEP a row becomes and the form it goes on (``entry`` gets the child id,
    authority, form and warnings); a bad row raises :class:`RowFailed` or another
    ``PepdocsError``. Pure: reads the previous PEP and the mapping, writes nothing."""
    options = state.options
    child_id = row.get("child.la_child_id") or row.get("child.upn") or ""
    entry.child_id = str(child_id)
    authority = row.get("meta.authority") or options.authority
    entry.authority = str(authority or "")
    if row.problems:
        more = f" (and {len(row.problems) - 1} more)" if len(row.problems) > 1 else ""
        raise RowFailed(row.problems[0] + more)
    if duplicate_of is not None:
        raise RowFailed(f"the same child as row {duplicate_of}; only the first is made")
    if not child_id:
        raise RowFailed("no LA child id or UPN: the output could not be named")
    if not row.get("child.date_of_birth"):
        raise RowFailed("missing date of birth")
    if not authority:
        raise RowFailed("no authority: add an Authority column or pass --authority")

    values = dict(row.values)
    values["meta.authority"] = authority
    previous = _previous_pep(state, row, entry.warnings)
    try:
        return _rolled(state, values, previous, entry)
    except PepValidationError as invalid:
        if previous is None:
            raise RowFailed(f"not a valid PEP: {invalid}") from None
        problems = validate_pep(previous)
        if not problems:
            raise RowFailed(f"not a valid PEP: {invalid}") from None
    # The previous PEP brought the problem: make the form from the roster alone.
    entry.warnings[:] = [f"previous PEP not used: it is not valid ({problems[0]})"]
    try:
        return _rolled(state, values, None, entry)
    except PepValidationError as invalid:
        raise RowFailed(f"not a valid PEP: {invalid}") from None


def _rolled(
    state: _State, values: dict[str, Any], previous: dict[str, Any] | None, entry: Entry
) -> tuple[dict[str, Any], FormSpec]:
    pep, notes = roll_forward(
        values, previous, today=state.today, meeting_date=state.options.meeting_date
    )
    entry.warnings.extend(notes)
    phase = pep["meta"].get("phase")
    ncy = (pep.get("education") or {}).get("ncy")
    spec, warning = _form_for(state, str(values["meta.authority"]), phase, ncy)
    entry.form = spec.form
    if warning:
        entry.warnings.append(warning)
    if phase not in spec.covers:
        pep["meta"]["phase"] = spec.form
    return load_pep(pep), spec


#: the start of a manifest warning about a value the form has no place for
UNPLACED = "no place on the form: "


def _make(row: RosterRow, state: _State, entry: Entry, duplicate_of: int | None) -> Entry:
    data, spec = plan_record(row, state, entry, duplicate_of)
    options = state.options
    unplaced = unplaced_values(data, spec)
    if options.strict and unplaced:
        paths = ", ".join(item.path for item in unplaced[:3])
        more = f" and {len(unplaced) - 3} more" if len(unplaced) > 3 else ""
        raise RowFailed(f"{spec.label} has no place for {paths}{more} (--strict): not made")
    entry.warnings.extend(FillReport(spec.authority, spec.form, unplaced).lines())
    child_id = entry.child_id
    meta = data["meta"]
    name = output_name(
        spec.authority, str(child_id), meta["academic_year"], meta["term"], spec.kind
    )
    entry.output = name
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    # a form with a document id is not the same output as one without
    with_id = b"+document-id" if options.document_ids else b""
    entry.input_hash = _sha256(canonical + _fingerprint(state, spec).encode() + with_id)
    if options.document_ids:
        entry.pep = data
    # Plain strings, not Path objects: pathlib interns every path part, and an interned
    # string per output is memory that grows with the batch.
    target = os.path.join(options.out_dir, name)

    overwrite = options.force
    if os.path.isdir(target):
        raise RowFailed(f"{name} in the output folder is a folder; move it away")
    if os.path.lexists(target) and not options.force:
        before = state.made_before.get(name)
        current = _file_sha256(target) if os.path.isfile(target) else ""
        if before is None or before.sha256 != current:
            entry.status = "kept"
            entry.sha256 = current
            entry.warnings.append(
                "a file of this name exists that this batch did not make (or it was edited "
                "since); kept: use --force to replace it"
            )
            return entry
        if before.input_hash == entry.input_hash:
            entry.status = "unchanged"
            entry.sha256 = current
            return entry
        overwrite = True
        entry.status = "updated"

    document_id = document_id_for(entry.input_hash) if options.document_ids else None
    # The PEP is already validated, so it is bound to the form directly rather than through
    # api.fill (which validates again and re-resolves the form: a third of a record's time).
    document, report = fill_with_report(
        data, spec, strict=options.strict, document_id=document_id
    )
    # paths the mapping lacks are listed above already; add what only filling finds out
    entry.warnings.extend(
        line
        for line in FillReport(spec.authority, spec.form, report.unplaced, report.overflow).lines()
        if line not in entry.warnings
    )
    entry.sha256 = _sha256(document)
    # recorded before the file appears: a batch killed after the move still knows it is its own
    journal(options.out_dir, name, entry.input_hash, entry.sha256)
    _write_output(target, document, overwrite=overwrite)
    if entry.status != "updated":
        entry.status = "made"
    return entry


def _write_output(target: str, data: bytes, *, overwrite: bool) -> None:
    """:func:`pepdocs._io.write_atomic` without its fsync per file.

    Still atomic (a temporary file in the same folder, then a rename, or a hard link that
    fails if the name was taken meanwhile), but durability comes from one ``os.sync`` per
    chunk (:func:`_sync_chunk`) before the manifest lists the chunk: an fsync per form cost
    more than making the form on this machine (25-100 ms against about 15).
    """
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".part", dir=os.path.dirname(target)
        )
    except OSError as exc:
        raise OutputFolderError(
            f"{os.path.dirname(target)}: cannot write here ({exc.strerror})"
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        if overwrite:
            os.replace(temporary, target)
            return
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise
        except OSError:
            # no hard links here (FAT, some network shares): check, then rename
            if os.path.exists(target):
                raise FileExistsError(target) from None
            os.replace(temporary, target)
            return
        os.unlink(temporary)
    except FileExistsError:
        _remove(temporary)
        raise OutputExistsError(target) from None
    except OSError as exc:
        _remove(temporary)
        if exc.errno in _FOLDER_ERRORS:
            raise OutputFolderError(
                f"{os.path.dirname(target)}: cannot write here ({exc.strerror})"
            ) from None
        raise PepdocsError(f"{target}: cannot write here ({exc.strerror})") from None
    except BaseException:
        _remove(temporary)
        raise


#: errors that are the folder's, not one file's: the batch stops instead of failing every row
_FOLDER_ERRORS = frozenset(
    {errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.ENOENT}
)


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _sync_chunk() -> None:
    """Make a chunk's forms durable with one call (Unix); Windows has no ``os.sync``, and
    there the files are as durable as the operating system's cache makes them."""
    sync = getattr(os, "sync", None)
    if sync is not None:
        sync()


# --- the batch ---------------------------------------------------------------------------------


_ROSTER_SECTION = re.compile(r"^roster\s*:", re.MULTILINE)
_AUTHORITY_LINE = re.compile(r"^authority\s*:\s*['\"]?([\w-]+)", re.MULTILINE)


def _scan_mappings(mappings_dirs: Sequence[str]) -> tuple[set[str], list[Path]]:
    """Authority names and the files with a ``roster:`` section, from the mapping files'
    text: loading every mapping fully only to find these costs seconds per batch."""
    names: set[str] = set()
    with_roster: list[Path] = []
    for path in iter_mapping_files(mappings_dirs):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the registry reports a broken mapping when it is used
        names.update(match.lower() for match in _AUTHORITY_LINE.findall(text))
        if _ROSTER_SECTION.search(text):
            with_roster.append(path)
    return names, with_roster


def _roster_columns(authority: str | None, files: Sequence[Path]) -> dict[str, str]:
    """Header -> model path from the ``roster: columns:`` sections of the mapping files (of
    ``authority`` when given, else of every authority), in the registry's priority order."""
    columns: dict[str, str] = {}
    wanted = authority.strip().lower() if authority else None
    for path in files:
        spec = load_form(path, require_template=False)
        if wanted is not None and spec.authority != wanted:
            continue
        section = spec.settings.get("roster")
        named = section.get("columns") if isinstance(section, Mapping) else None
        if isinstance(named, Mapping):
            for header, model_path in named.items():
                columns.setdefault(str(header), str(model_path))
    return columns


def _tasks(roster: Roster, default_authority: str | None) -> Iterator[_Task]:
    """The roster's rows, a repeated child (same authority and id) marked as a duplicate."""
    # keyed by an 8-byte digest, not the strings: this is the one thing kept per row
    first_row: dict[bytes, int] = {}
    for row in roster.rows():
        child_id = row.get("child.la_child_id") or row.get("child.upn")
        authority = row.get("meta.authority") or default_authority or ""
        if child_id:
            key = hashlib.blake2b(
                f"{str(authority).lower()}\0{child_id}".encode(), digest_size=8
            ).digest()
            if key in first_row:
                yield _Task(row, first_row[key])
                continue
            first_row[key] = row.number
        yield _Task(row)


def _chunks(tasks: Iterator[_Task], size: int) -> Iterator[list[_Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _convert_to_pdf(entries: Sequence[Entry], options: BatchOptions) -> None:
    """PDFs of the chunk's new Word/Excel outputs, with one LibreOffice start: prompts left
    blank, tagged for screen readers (``pepdocs.bundle.print_to_pdf``)."""
    from pepdocs.bundle import print_to_pdf

    wanted = [
        entry
        for entry in entries
        if entry.status in ("made", "updated") and not entry.output.endswith(".pdf")
    ]
    if not wanted:
        return
    with tempfile.TemporaryDirectory(prefix=".pdf-", dir=options.out_dir) as scratch:
        try:
            made = print_to_pdf([options.out_dir / entry.output for entry in wanted], scratch)
        except PepdocsError as problem:
            for entry in wanted:
                entry.warnings.append(f"no PDF: {problem}")
            return
        for entry, pdf in zip(wanted, made, strict=True):
            data = pdf.read_bytes()
            target = options.out_dir / pdf.name
            try:
                write_atomic(target, data, force=options.force or entry.status == "updated")
            except OutputExistsError:
                entry.warnings.append("the PDF exists already; kept: use --force to replace it")
                continue
            entry.pdf, entry.pdf_sha256 = pdf.name, _sha256(data)


def _work_many(tasks: list[_Task]) -> list[Entry]:
    return [_work(task) for task in tasks]


#: rows sent to a worker at a time: enough to make the hand-over cheap, few enough to balance
_PER_SUBMIT = 8


def _prepare_forms(state: _State, tasks: Sequence[_Task]) -> None:
    """Parse the mappings and prepare the templates of the forms ``tasks`` need, in this
    process and writing nothing: one row of each (authority, phase, year group) is planned
    and filled, and the form thrown away."""
    seen: set[tuple[Any, ...]] = set()
    for task in tasks:
        row = task.row
        key = (row.get("meta.authority"), row.get("meta.phase"), row.get("education.ncy"))
        if key in seen:
            continue
        seen.add(key)
        try:
            data, spec = plan_record(row, state, Entry(row=row.number), task.duplicate_of)
            fill_with_report(data, spec)
        except PepdocsError:
            continue  # the row fails in its worker, with its reason in the manifest


def _results(tasks: Iterator[_Task], state: _State, jobs: int) -> Iterator[list[Entry]]:
    """The entries of ``tasks`` in roster order, in chunks of :data:`CHUNK_PER_JOB` x jobs."""
    global _STATE
    size = CHUNK_PER_JOB * max(jobs, 1)
    _STATE = state
    if jobs <= 1:
        for chunk in _chunks(tasks, size):
            yield [make_record(task.row, state, task.duplicate_of) for task in chunk]
        return
    context = pool_context()
    done: list[Entry] = []
    if context.get_start_method() == "fork":
        # The forms of the first chunk's rows are prepared here, before the workers exist,
        # so every worker forked after has them: prepared once, not once per worker (a form
        # first met later is prepared by each worker that meets it).
        first = list(islice(tasks, size))
        _prepare_forms(state, first)
        tasks = chain(first, tasks)
    executor = start_pool(
        jobs,
        context,
        _init_worker,
        (state.options, state.previous, state.made_before, state.today, os.getpid()),
    )
    # Rows go out a few at a time, at most two chunks ahead of the manifest: the workers
    # never wait for the parent's manifest writing, and memory stays flat.
    entries = in_order(
        executor,
        _work_many,
        tasks,
        per_submit=_PER_SUBMIT,
        ahead=max(2 * size // _PER_SUBMIT, 2 * jobs),
        stopped=(
            "a --jobs worker process stopped; if run_batch is called from a script, "
            'put the call under if __name__ == "__main__":'
        ),
    )
    try:
        for entry in entries:
            done.append(entry)
            if len(done) >= size:
                yield done
                done = []
        if done:
            yield done
    except BaseException:
        entries.close()  # stops the pool (its workers finish the rows they hold)
        # workers stopped mid-write leave their temporary files behind
        for kind in ("docx", "xlsx", "pdf"):
            for stray in state.options.out_dir.glob(f".*.{kind}.*.part"):
                stray.unlink(missing_ok=True)
        raise


def iter_planned(
    roster_path: str | os.PathLike[str], options: BatchOptions
) -> Iterator[tuple[Entry, dict[str, Any] | None, FormSpec | None]]:
    """Each row's entry, validated PEP and form as :func:`run_batch` would make them, without
    writing anything (for previews, tools and the benchmarks)."""
    _, with_roster = _scan_mappings(options.mappings_dirs)
    roster = open_roster(roster_path, _roster_columns(options.authority, with_roster))
    state = _State(options, index_previous(options.previous), {}, options.today or dt.date.today())
    for task in _tasks(roster, options.authority):
        entry = Entry(row=task.row.number)
        try:
            data, spec = plan_record(task.row, state, entry, task.duplicate_of)
        except PepdocsError as problem:
            yield _fail(entry, str(problem)), None, None
            continue
        yield entry, data, spec


def run_batch(
    roster_path: str | os.PathLike[str] | Roster,
    options: BatchOptions,
    progress: Callable[[int], None] | None = None,
    recorder: BatchRecorder | None = None,
) -> BatchResult:
    """Make every roster row's form in ``options.out_dir``; see the module docstring.

    ``roster_path`` is a roster file, or a :class:`Roster` already built (the rows of a 903
    cohort: :func:`pepdocs.cohort.prefill_from_903`).

    ``progress`` is called with the number of rows just finished. With ``jobs`` above 1 the
    workers are started with ``spawn``, which re-imports the calling script: call this under
    ``if __name__ == "__main__":`` in a script (the ``pepdocs`` command does).

    ``recorder`` (the PEP record's, ``pepdocs.store``) is handed each chunk of entries once
    their files are durable; each form then carries a document id.

    Raises ``PepdocsError`` only for what stops the whole batch (an unreadable roster, a bad
    option, LibreOffice missing with ``pdf``); a bad row is a ``failed`` entry in the manifest
    instead.
    """
    if recorder is not None and not options.document_ids:
        options = dataclasses.replace(options, document_ids=True)
    if options.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    if options.pdf:
        from pepdocs.office import find_soffice

        find_soffice("--pdf")  # before any work: a missing LibreOffice stops the batch now
    names, with_roster = _scan_mappings(options.mappings_dirs)
    if options.authority and options.authority.strip().lower() not in names:
        resolve_form(options.authority, extra_dirs=options.mappings_dirs)  # raises, with hints
    roster = (
        roster_path
        if isinstance(roster_path, Roster)
        else open_roster(roster_path, _roster_columns(options.authority, with_roster))
    )
    attendance_problems: list[str] = []
    if options.attendance is not None:
        from pepdocs.batch.attendance import load_attendance, with_attendance

        attendance = load_attendance(options.attendance)
        roster, attendance_problems = with_attendance(roster, attendance), attendance.problems
    out_dir = options.out_dir
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir}: --out must be a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(
            f"{out_dir}: cannot make the output folder ({exc.strerror})"
        ) from None
    with _folder_lock(out_dir):
        return _run_locked(roster, options, progress, attendance_problems, recorder)


def _run_locked(
    roster: Roster,
    options: BatchOptions,
    progress: Callable[[int], None] | None,
    notes: list[str],
    recorder: BatchRecorder | None = None,
) -> BatchResult:
    out_dir = options.out_dir
    _clean_leftovers(out_dir)
    previous = index_previous(options.previous)
    made_before = read_manifest(out_dir)
    roster_name = os.path.basename(roster.path)
    state = _State(options, previous, made_before, options.today or dt.date.today())
    notes = [*previous.skipped, *notes]
    others = sorted({record.roster for record in made_before.values()} - {"", roster_name})
    if others:
        notes.append(
            f"{out_dir} also holds forms made from another roster ({', '.join(others[:3])}); "
            "they stay on record and are left alone"
        )

    writer = ManifestWriter(out_dir, roster_name)
    archive = _Archive(out_dir) if options.zip else None
    failures: list[str] = []
    unplaced: list[str] = []
    incomplete = 0
    listed: dict[str, int] = {}
    try:
        for entries in _results(_tasks(roster, options.authority), state, options.jobs):
            _sync_chunk()
            _refuse_shared_names(entries, listed)
            if options.pdf:
                _convert_to_pdf(entries, options)
            if recorder is not None:
                # the files are durable (above); their rows commit now, before the manifest
                recorder.record(out_dir, entries)
            for entry in entries:
                writer.add(entry)
                if entry.status == "failed":
                    if len(failures) < _FAILURES_SHOWN:
                        failures.append(f"row {entry.row}: {entry.warnings[0]}")
                    continue
                missing = [line for line in entry.warnings if line.startswith(UNPLACED)]
                if missing:
                    incomplete += 1
                    if len(unplaced) < _FAILURES_SHOWN:
                        unplaced.extend(f"row {entry.row}: {line}" for line in missing[:3])
                if archive is not None:
                    archive.add(entry)
            if progress is not None:
                progress(len(entries))
        summary = {
            "counts": dict(writer.counts),
            "skipped_previous": previous.skipped,
            "ignored_columns": roster.ignored,
        }
        earlier = {
            output: (
                record if record.roster else Record(record.input_hash, record.sha256, roster_name)
            )
            for output, record in made_before.items()
            if output not in listed
        }
        manifest_csv, manifest_json = writer.finish(summary, earlier)
        clear_journal(out_dir)
    except BaseException:
        writer.abandon()
        if archive is not None:
            archive.abandon()
        raise
    zip_path = archive.finish(manifest_csv, manifest_json) if archive is not None else None
    return BatchResult(
        counts=writer.counts,
        failures=failures,
        manifest_csv=manifest_csv,
        manifest_json=manifest_json,
        zip_path=zip_path,
        ignored_columns=roster.ignored,
        notes=notes,
        incomplete=incomplete,
        unplaced=unplaced,
    )


def _refuse_shared_names(entries: Sequence[Entry], listed: dict[str, int]) -> None:
    """A second row whose output name is already this run's (two ids whose names meet in
    spite of the hash) fails instead of being reported as done."""
    for entry in entries:
        if not entry.output or entry.status == "failed":
            continue
        first = listed.setdefault(entry.output, entry.row)
        if first != entry.row:
            entry.status = "failed"
            entry.warnings.insert(
                0,
                f"its output name {entry.output} is row {first}'s (a different child id): "
                "not made; give the children distinct ids",
            )
            entry.sha256 = ""


@contextlib.contextmanager
def _folder_lock(out_dir: Path) -> Iterator[None]:
    """Hold the output folder for this batch: a second batch into it is refused in one line
    instead of mixing its files and manifest with ours. The lock (``flock`` on the folder
    itself, so no lock file is left behind) goes with the process however it ends; where
    there is no ``fcntl`` (Windows) no lock is taken."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        descriptor = os.open(out_dir, os.O_RDONLY)
    except OSError as exc:
        raise OutputFolderError(f"{out_dir}: cannot be opened ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UsageError(
                f"{out_dir}: another pepdocs batch is writing into this folder; wait for it "
                "to finish or choose another --out"
            ) from None
        yield
    finally:
        os.close(descriptor)


#: temporary names this batch's writers use (``tempfile.mkstemp`` adds 8 characters)
_LEFTOVER = re.compile(
    r"^\.(?:.+\.(?:docx|xlsx|pdf)|"
    + "|".join(re.escape(name) for name in (MANIFEST_CSV, MANIFEST_JSON, ZIP_NAME))
    + r")\.[A-Za-z0-9_]{8}\.part$"
)


def _clean_leftovers(out_dir: Path) -> None:
    """Remove the temporary files and folders a batch killed in this folder left (the lock
    is held: no other batch is writing them)."""
    with os.scandir(out_dir) as found:
        for item in found:
            if item.name.startswith(".pdf-") and item.is_dir(follow_symlinks=False):
                shutil.rmtree(item.path, ignore_errors=True)
            elif _LEFTOVER.match(item.name) and item.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(item.path)


class _Archive:
    """``batch.zip``: the outputs (stored: they are zips or PDFs already) and the manifests,
    written as the batch goes and renamed into place at the end."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        handle, name = tempfile.mkstemp(prefix=f".{ZIP_NAME}.", suffix=".part", dir=out_dir)
        os.close(handle)
        self.temporary = Path(name)
        self.zip = zipfile.ZipFile(self.temporary, "w", compression=zipfile.ZIP_STORED)

    def add(self, entry: Entry) -> None:
        for name in (entry.output, entry.pdf):
            if name and (self.out_dir / name).is_file():
                self.zip.write(self.out_dir / name, name)

    def finish(self, *manifests: Path) -> Path:
        for manifest in manifests:
            self.zip.write(manifest, manifest.name, compress_type=zipfile.ZIP_DEFLATED)
        self.zip.close()
        target = self.out_dir / ZIP_NAME
        os.replace(self.temporary, target)
        return target

    def abandon(self) -> None:
        self.zip.close()
        self.temporary.unlink(missing_ok=True)
