"""``pepdocs collect DIR``: every returned form in a folder read, matched to what was sent,
stored as a new version, and one table of what needs a person.

Matching: the document id written into each sent form (:mod:`pepdocs.formats.docid`) names
the form it answers, so the form is read as exactly that authority form (no recognition
needed). A form without one (a tool stripped it, or it was printed and scanned to PDF) is
recognised (``pepdocs.recognition``) and matched by the child's LA child id or UPN and the
PEP's academic year and term. A form carrying another child's document id is matched by its
own identifiers instead, and flagged.

Forms are stored in batches (50 by default, ``PEPDOCS_COLLECT_BATCH``), one transaction
each, their bytes written (content-addressed) and made durable before the rows commit; a
form whose SHA-256 the store already received is skipped, so a collect killed half-way (in
the middle of a batch or between two) is finished by running it again, without duplicates.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pepdocs.api import extract_with_form
from pepdocs.binding import Extraction as Read
from pepdocs.binding import extract_form, mapped_view, read_document_id
from pepdocs.compliance import check_pep
from pepdocs.errors import PepdocsError, PepValidationError, UsageError
from pepdocs.formats import OpenedDocument, open_document
from pepdocs.mapping.registry import resolve_form
from pepdocs.mapping.spec import FormSpec
from pepdocs.model import load_pep
from pepdocs.model.paths import get_path, set_path
from pepdocs.safety.package import read_input
from pepdocs.store.documents import sha256_of
from pepdocs.store.fieldreports import stored_field_reports
from pepdocs.store.records import (
    TermKey,
    audit_line,
    get_or_make_pep,
    insert_many,
    insert_rows,
    latest_version,
    next_step,
    next_version,
    pep_label,
)
from pepdocs.store.schema import (
    AuditEntry,
    Base,
    Child,
    Document,
    Extraction,
    FindingRow,
    Pep,
    PepVersion,
    utcnow,
)
from pepdocs.store.store import PepSummary, Store

__all__ = [
    "BATCH_FORMS",
    "BATCH_SECONDS",
    "RETURN_SUFFIXES",
    "Attention",
    "CollectResult",
    "Collector",
    "batch_forms_setting",
    "collect",
    "returned_files",
]

RETURN_SUFFIXES = (".docx", ".xlsx", ".pdf")
_SKIPPED_NAMES = ("manifest.json", "manifest.csv", "batch.zip")
#: forms stored per transaction (``PEPDOCS_COLLECT_BATCH`` changes it), and the longest a
#: form read waits for its batch to fill before it is stored anyway (seconds)
BATCH_FORMS = 50
BATCH_SECONDS = 30.0
#: states a PEP is in while its form is still awaited
AWAITING = ("prefilled", "sent", "returned_to_school")


@dataclass(frozen=True, slots=True)
class Attention:
    """One line of the table of what needs a person. ``text`` is what the form holds (raw
    text of a field that could not be read, a refused value, unmapped text): shown to the
    person who asked, never logged."""

    child: str
    term: str
    file: str
    what: str
    path: str = ""
    text: str = field(default="", repr=False)


@dataclass(slots=True)
class CollectResult:
    folder: str
    collected: int = 0
    already: int = 0
    unmatched: int = 0
    failed: int = 0
    attention: list[Attention] = field(default_factory=list)
    terms: list[TermKey] = field(default_factory=list)
    no_return: list[PepSummary] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.collected + self.already + self.unmatched + self.failed

    def summary(self) -> str:
        terms = ", ".join(str(term) for term in self.terms) or "no term"
        return (
            f"{self.total} forms: {self.collected} collected, {self.already} already collected, "
            f"{self.unmatched} matching no child, {self.failed} unreadable; "
            f"{len(self.no_return)} with no return ({terms})"
        )


def returned_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The returned forms in ``folder`` and its sub-folders (Word, Excel, PDF), by name:
    not hidden files, Office lock files (``~$...``) or a batch's manifests."""
    root = Path(folder)
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith((".", "~$")) for part in relative.parts):
            continue
        if path.name in _SKIPPED_NAMES or path.suffix.lower() not in RETURN_SUFFIXES:
            continue
        if path.is_file():
            found.append(path)
    return found


@dataclass(slots=True)
class _Sent:
    document_id: int
    pep_id: int
    child: Child
    authority: str | None
    form: str | None
    data: dict[str, Any] | None


@dataclass(slots=True)
class _Match:
    pep: Pep
    child: Child
    matched_by: str
    sent: _Sent | None = None


@dataclass(slots=True)
class _Pending:
    """A form read and waiting for its batch's transaction."""

    name: str
    data: bytes
    digest: str
    read: Read
    spec: FormSpec
    how: str
    #: the row of the sent form its document id names, if any
    sent_id: int | None


@dataclass(slots=True)
class _Planned:
    """One form of a batch on its way into the store: its document row and what becomes of
    the PEP it matched."""

    pending: _Pending
    match: _Match | None
    #: the document's row, and its id once inserted
    document: dict[str, Any]
    document_id: int = 0
    data: dict[str, Any] | None = None
    rating: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)
    #: the data of the version the new one follows (the PEP's latest in the store, or one
    #: made earlier in the batch; None: the PEP has none)
    previous: dict[str, Any] | None = None
    #: the new version's row, and its id once inserted
    version: dict[str, Any] | None = None
    version_id: int | None = None


@dataclass(slots=True)
class _Known:
    received: set[str] = field(default_factory=set)
    sent: dict[str, tuple[int, str | None, str | None]] = field(default_factory=dict)


def batch_forms_setting() -> int:
    """Forms stored per transaction: ``PEPDOCS_COLLECT_BATCH``, else :data:`BATCH_FORMS`."""
    text = os.environ.get("PEPDOCS_COLLECT_BATCH", "").strip()
    if not text:
        return BATCH_FORMS
    if not text.isdigit() or int(text) < 1:
        raise UsageError(
            "PEPDOCS_COLLECT_BATCH: write how many forms to store per transaction, as 50"
        )
    return int(text)


class Collector:
    """Collects returned forms into a store (what :func:`collect` runs over a folder; the web
    workbench hands it one upload at a time): :meth:`collect_file` each, then :meth:`finish`.

    Forms are read one at a time and stored in batches: ``batch_forms`` of them (default
    ``PEPDOCS_COLLECT_BATCH``, else 50), or whatever was read within ``batch_seconds``, in one
    transaction, their bytes written and made durable (one sync for the batch) before it
    begins. :meth:`flush` stores what is waiting; :meth:`finish` does too."""

    def __init__(
        self,
        store: Store,
        folder: Path,
        as_of: dt.date,
        mappings_dirs: Sequence[str] = (),
        *,
        batch_forms: int | None = None,
        batch_seconds: float = BATCH_SECONDS,
    ) -> None:
        self.store = store
        self.folder = folder
        self.as_of = as_of
        self.mappings_dirs = tuple(mappings_dirs)
        self.batch_forms = batch_forms if batch_forms is not None else batch_forms_setting()
        self.batch_seconds = batch_seconds
        self.result = CollectResult(str(folder))
        self.run_id = store.start_run("collect", str(folder))
        self._forms: dict[tuple[str, str], FormSpec | None] = {}
        self._pending: list[_Pending] = []
        self._pending_since = 0.0
        self._known_rows: _Known | None = None
        self.terms: set[TermKey] = set()
        #: the rows of the batch being stored (the session holds its objects weakly)
        self._held: list[Base] = []
        self._paths: dict[int, tuple[FormSpec, _FormPaths]] = {}

    @property
    def waiting(self) -> list[str]:
        """The names of the forms read and waiting for their batch to be stored."""
        return [one.name for one in self._pending]

    # -- reading -------------------------------------------------------------------------------

    def _form(self, authority: str | None, form: str | None) -> FormSpec | None:
        if not authority or not form:
            return None
        key = (authority, form)
        if key not in self._forms:
            try:
                self._forms[key] = resolve_form(
                    authority, form=form, extra_dirs=self.mappings_dirs
                )
            except PepdocsError:
                self._forms[key] = None
        return self._forms[key]

    def _known(self) -> _Known:
        """What the store held when this collector first looked (one query each, not one
        per form): the forms received, and the forms sent by document id."""
        if self._known_rows is None:
            known = _Known()
            with self.store.session() as session:
                known.received.update(
                    session.scalars(
                        select(Document.sha256).where(Document.direction == "received")
                    )
                )
                for row in session.execute(
                    select(Document.uid, Document.id, Document.authority, Document.form).where(
                        Document.direction == "sent", Document.pep_id.is_not(None)
                    )
                ):
                    known.sent[row.uid] = (row.id, row.authority, row.form)
            self._known_rows = known
        return self._known_rows

    def _sent_head(self, uid: str | None) -> tuple[int, str | None, str | None] | None:
        """The sent form a document id names: its row, authority and form. A form sent since
        the collector first looked is asked for; another collect's receipts meanwhile are
        found when the batch is stored."""
        if uid is None:
            return None
        known = self._known()
        if uid not in known.sent:
            with self.store.session() as session:
                row = session.execute(
                    select(Document.id, Document.authority, Document.form).where(
                        Document.uid == uid,
                        Document.direction == "sent",
                        Document.pep_id.is_not(None),
                    )
                ).first()
            if row is None:
                return None
            known.sent[uid] = (row.id, row.authority, row.form)
        return known.sent[uid]

    def _sent(
        self, session: Session, ids: set[int]
    ) -> tuple[dict[int, _Sent], dict[int, PepVersion | None]]:
        """The sent forms of ``ids``, with their children and the PEP versions they carried;
        and the latest version of each PEP they answer. Each PEP is loaded once (and held, so
        matching finds it in the session), each version's JSON read once: a form answering
        a PEP whose latest version is the one it carried (the usual case) costs no second
        read of it."""
        if not ids:
            return {}, {}
        found: dict[int, _Sent] = {}
        for document, child in session.execute(
            select(Document, Child)
            .join(Child, Child.id == Document.child_id)
            .where(Document.id.in_(ids))
        ):
            assert document.pep_id is not None
            found[document.id] = _Sent(
                document.id, document.pep_id, child, document.authority, document.form, None
            )
        latest = self._latest(session, {answered.pep_id for answered in found.values()})
        carried = {
            version.document_id: version
            for version in latest.values()
            if version is not None and version.document_id in found
        }
        missing = set(found) - set(carried)
        if missing:
            for version in session.scalars(
                select(PepVersion)
                .where(PepVersion.document_id.in_(missing))
                .order_by(PepVersion.number)
            ):
                if version.document_id is not None:
                    carried[version.document_id] = version  # the latest wins
        for document_id, version in carried.items():
            found[document_id].data = version.data
        return found, latest

    def _latest(self, session: Session, pep_ids: set[int]) -> dict[int, PepVersion | None]:
        """The PEPs of ``pep_ids`` (loaded into the session and held until the batch is
        stored) and each one's latest version, in two queries for a batch."""
        if not pep_ids:
            return {}
        peps = list(session.scalars(select(Pep).where(Pep.id.in_(pep_ids))))
        self._held.extend(peps)  # the session holds its objects weakly
        found: dict[int, PepVersion | None] = {pep.id: None for pep in peps}
        for version in session.scalars(
            select(PepVersion)
            .join(Pep, (Pep.id == PepVersion.pep_id) & (Pep.version == PepVersion.number))
            .where(Pep.id.in_(pep_ids))
        ):
            found[version.pep_id] = version
        return found

    def _read(
        self, data: OpenedDocument, name: str, head: tuple[int, str | None, str | None] | None
    ) -> tuple[Read, FormSpec, str, int | None]:
        spec = self._form(head[1], head[2]) if head is not None else None
        if head is not None and spec is not None:
            try:
                return extract_form(data, spec, name), spec, "document_id", head[0]
            except PepdocsError:
                pass  # not readable as the form sent (re-made elsewhere): recognise it
        extraction, spec = extract_with_form(data, name=name, mappings_dirs=self.mappings_dirs)
        how = "inferred" if extraction.report.inferred else "recognised"
        return extraction, spec, how, head[0] if head is not None else None

    # -- matching ------------------------------------------------------------------------------

    def _children(
        self, session: Session, authority: str | None, la_child_id: Any, upn: Any
    ) -> list[tuple[Child, str]]:
        found: list[tuple[Child, str]] = []
        for value, column, how in (
            (la_child_id, Child.la_child_id, "child_id_term"),
            (upn, Child.upn, "upn_term"),
        ):
            if not isinstance(value, str) or not value.strip():
                continue
            query = select(Child).where(column == value.strip())
            if authority:
                query = query.where(or_(Child.authority == authority))
            children = list(session.scalars(query))
            if len(children) == 1:
                found.append((children[0], how))
                break
        return found

    def _match(
        self, session: Session, read: Read, sent: _Sent | None, file: str
    ) -> _Match | None:
        pep_data = read.pep
        la_child_id = get_path(pep_data, "child.la_child_id")
        upn = get_path(pep_data, "child.upn")
        if sent is not None:
            ids = {value for value in (la_child_id, upn) if isinstance(value, str) and value}
            own = {value for value in (sent.child.la_child_id, sent.child.upn) if value}
            if not ids or ids & own:
                pep = session.get(Pep, sent.pep_id)
                assert pep is not None
                return _Match(pep, sent.child, "document_id", sent)
            self.result.attention.append(
                Attention(
                    _child_name(sent.child), "", file, "carries another child's document id",
                    text="matched by the identifiers on the form instead",
                )
            )
        authority = read.report.authority if not read.report.inferred else None
        year, term = get_path(pep_data, "meta.academic_year"), get_path(pep_data, "meta.term")
        candidates = self._children(session, authority, la_child_id, upn)
        if not candidates and authority:
            candidates = self._children(session, None, la_child_id, upn)
        if not candidates or not (isinstance(year, str) and isinstance(term, str)):
            return None
        child, how = candidates[0]
        pep, _ = get_or_make_pep(session, child, TermKey(year, term))
        return _Match(pep, child, how)

    # -- collecting ----------------------------------------------------------------------------

    def collect_file(self, path: Path) -> None:
        """Collect one returned form (a file in the collector's folder): read now, stored
        with its batch."""
        name = str(path.relative_to(self.folder))
        try:
            data = read_input(path)
        except PepdocsError as problem:
            self._failed(name, problem)
            return
        digest = sha256_of(data)
        if any(waiting.digest == digest for waiting in self._pending):
            self.result.already += 1
            return
        if digest in self._known().received:
            self.result.already += 1
            return
        # Opened once: the document id, recognition and the reading share one parse (only
        # the bytes wait to be stored, not what was parsed of them).
        document = open_document(data, name)
        try:
            uid = read_document_id(document, name)
        except PepdocsError:
            uid = None  # reading it below says what is wrong with the file
        head = self._sent_head(uid)
        try:
            read, spec, how, sent_id = self._read(document, name, head)
        except PepdocsError as problem:
            self._failed(name, problem)
            return
        if not self._pending:
            self._pending_since = time.monotonic()
        self._pending.append(_Pending(name, data, digest, read, spec, how, sent_id))
        if (
            len(self._pending) >= self.batch_forms
            or time.monotonic() - self._pending_since >= self.batch_seconds
        ):
            self.flush()

    def flush(self) -> None:
        """Store the forms read and waiting, in one transaction. Their bytes are written and
        made durable first (one sync for the batch), so a crash at any point leaves at worst
        files no row names yet, which the rerun adopts; a rerun skips every form stored."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        with _collections_paused():
            self._flush(pending)

    def _flush(self, pending: Sequence[_Pending]) -> None:
        if self.store.documents.folder is not None:
            self.store.documents.put_files((one.data, one.digest) for one in pending)
        try:
            self._store_together(pending)
        except IntegrityError:
            # another collect stored one of these meanwhile (one received row per SHA-256):
            # store them one at a time, each already stored counted as such
            for one in pending:
                try:
                    self._store_together([one])
                except IntegrityError:
                    if not self._already_stored(one.digest):
                        raise
                    self.result.already += 1

    def _store_together(self, pending: Sequence[_Pending]) -> None:
        """``pending`` in one transaction; the result's counts and table as they were when it
        fails."""
        result = self.result
        saved = (result.collected, result.already, result.unmatched, len(result.attention),
                 set(self.terms))
        try:
            with self.store.session() as session:
                self._store(session, pending)
            self._known().received.update(one.digest for one in pending)
        except BaseException:
            result.collected, result.already, result.unmatched = saved[:3]
            del result.attention[saved[3]:]
            self.terms = saved[4]
            raise
        finally:
            self._held.clear()

    def _already_stored(self, digest: str) -> bool:
        with self.store.session() as session:
            return bool(self._already(session, [digest]))

    def _already(self, session: Session, digests: Sequence[str]) -> set[str]:
        """Which of ``digests`` the store has received already."""
        return set(
            session.scalars(
                select(Document.sha256).where(
                    Document.direction == "received", Document.sha256.in_(digests)
                )
            )
        )

    def _failed(self, name: str, problem: PepdocsError) -> None:
        self.result.failed += 1
        message = str(problem)
        if message.startswith(f"{name}: "):
            message = message[len(name) + 2 :]
        self.result.attention.append(Attention("-", "", name, "unreadable", text=message))

    # -- storing -------------------------------------------------------------------------------

    def _store(self, session: Session, pending: Sequence[_Pending]) -> None:
        """A batch's rows, each kind inserted as one statement for the batch (no ORM object
        per row; the PEPs, which are checked against their revision when written, stay
        ORM objects): the documents; the versions and the audit lines, then the PEPs; the
        extractions (each with its field reports) and findings."""
        stored = self._already(session, [one.digest for one in pending])
        sent, latest = self._sent(session, {one.sent_id for one in pending if one.sent_id})
        planned: list[_Planned] = []
        #: within the batch: each PEP's newest data and origin, before its version is made
        newest: dict[int, tuple[dict[str, Any], str]] = {}
        with session.no_autoflush:
            for one in pending:
                if one.digest in stored:
                    self.result.already += 1
                    continue
                match = self._match(
                    session, one.read, sent.get(one.sent_id) if one.sent_id else None, one.name
                )
                planned.append(self._plan(session, one, match, newest, latest))
        if not planned:
            return
        ids = insert_rows(session, _table(Document), [plan.document for plan in planned])
        lines: list[dict[str, Any]] = []
        with session.no_autoflush:
            for plan, document_id in zip(planned, ids, strict=True):
                plan.document_id = document_id
                lines.extend(self._record(plan))
        versioned = [plan for plan in planned if plan.version is not None]
        ids = insert_rows(
            session, _table(PepVersion), [plan.version for plan in versioned if plan.version]
        )
        for plan, version_id in zip(versioned, ids, strict=True):
            plan.version_id = version_id
        insert_many(session, _table(AuditEntry), lines)
        session.flush()  # the PEPs, each checked against its revision (and any blobs)
        self._extractions(session, planned)

    def _plan(
        self,
        session: Session,
        one: _Pending,
        match: _Match | None,
        newest: dict[int, tuple[dict[str, Any], str]],
        latest: dict[int, PepVersion | None],
    ) -> _Planned:
        report = one.read.report
        spec = one.spec
        document = {
            "uid": str(uuid.uuid4()),
            "direction": "received",
            "pep_id": match.pep.id if match else None,
            "child_id": match.child.id if match else None,
            "sha256": one.digest,
            "size": len(one.data),
            "kind": Path(one.name).suffix.lstrip(".").lower(),
            "name": one.name[:255],
            "authority": report.authority,
            "form": report.form,
            "form_version": None if spec.inferred else spec.version,
            "template": None if spec.inferred else spec.template.name,
            "answers_id": match.sent.document_id if match and match.sent else None,
            "matched_by": match.matched_by if match else "none",
            "unchanged": None,
            "stored_in": self.store.documents.put(session, one.data, one.digest),
            "run_id": self.run_id,
            "created_at": utcnow(),
            "created_by": self.store.user,
        }
        plan = _Planned(one, match, document)
        child = _child_name(match.child) if match else "-"
        term = f"{match.pep.academic_year} {match.pep.term}" if match else ""
        self._problems(one.read, child, term, one.name)
        if match is None:
            self.result.unmatched += 1
            self.result.attention.append(
                Attention("-", "", one.name, "matching no child",
                          text=f"read as {report.authority}/{report.form}")
            )
            return plan
        pep = match.pep
        self.terms.add(TermKey(pep.academic_year, pep.term))
        previous_data: dict[str, Any] | None = None
        previous_origin = ""
        if pep.id in newest:
            previous_data, previous_origin = newest[pep.id]
        else:
            previous = latest[pep.id] if pep.id in latest else latest_version(session, pep)
            if previous is not None:
                previous_data, previous_origin = previous.data, previous.origin
        plan.previous = previous_data
        sent_data = match.sent.data if match.sent else None
        if sent_data is None and previous_data is not None and previous_origin == "prefill":
            sent_data = previous_data
        paths = self._form_paths(spec)
        # text typed where the form has no field for it is a change too
        unchanged = (
            sent_data is not None
            and not one.read.report.unmapped
            and _same_on_form(one.read.pep, sent_data, spec, paths)
        )
        document["unchanged"] = unchanged
        if unchanged:
            self.result.attention.append(
                Attention(child, term, one.name, "returned unchanged since pre-fill")
            )
        plan.data = _merged(previous_data, one.read.pep, spec, paths)
        newest[pep.id] = (plan.data, "return")
        checked = check_pep(plan.data, self.as_of)
        plan.rating = checked.rating
        plan.findings = [
            {
                "as_of": self.as_of,
                "rule_id": finding.rule_id[:16],
                "name": finding.name[:128],
                "severity": finding.severity,
                "basis": finding.basis[:32],
                "section": finding.section[:64],
                "message": finding.message,
                "path": finding.path[:255],
            }
            for finding in checked.findings
        ]
        return plan

    def _form_paths(self, spec: FormSpec) -> _FormPaths:
        """``spec``'s paths, worked out once per form (the spec is held with them, so its id
        names it while this collector lives)."""
        kept = self._paths.get(id(spec))
        if kept is None:
            kept = self._paths[id(spec)] = (spec, _FormPaths.of(spec))
        return kept[1]

    def _record(self, plan: _Planned) -> list[dict[str, Any]]:
        """The PEP's new version (``plan.version``) and its step to *returned*: their audit
        lines (or the audit line of a form matching no child)."""
        match = plan.match
        if match is None or plan.data is None:
            return [
                audit_line(self.store.user, "document.unmatched",
                           document_id=plan.document_id, run_id=self.run_id)
            ]
        pep = match.pep
        report = plan.pending.read.report
        origin = "amend" if pep.state == "locked" else "return"
        plan.version, changed = next_version(
            pep,
            plan.data,
            origin=origin,
            actor=self.store.user,
            previous=plan.previous,
            document_id=plan.document_id,
            rating=plan.rating,
            run_id=self.run_id,
        )
        if not report.inferred:
            pep.authority, pep.form = report.authority, report.form
        _, stepped = next_step(
            pep,
            "return",
            actor=self.store.user,
            what=pep_label(match.child, pep),
            document_id=plan.document_id,
            run_id=self.run_id,
        )
        self.result.collected += 1
        return [changed, stepped]

    def _extractions(self, session: Session, planned: Sequence[_Planned]) -> None:
        """Each form's extraction with its field reports (one JSON value on its row), then
        every finding of the batch, in one statement each."""
        rows = []
        findings: list[dict[str, Any]] = []
        for plan in planned:
            report = plan.pending.read.report
            counts = report.counts()
            rows.append({
                "document_id": plan.document_id,
                "pep_version_id": plan.version_id,
                "authority": report.authority,
                "form": report.form,
                "how": plan.pending.how,
                "confidence": round(report.confidence, 3),
                "found": counts["found"],
                "empty": counts["empty"],
                "unparseable": counts["unparseable"],
                "invalid": counts["invalid"],
                "missing": counts["missing"],
                "unmapped": list(report.unmapped),
                "notes": list(report.notes),
                "field_reports": stored_field_reports(
                    report.fields, _typed(plan.pending.read.pep)
                ),
            })
            if plan.version_id is not None:
                findings.extend(
                    {"pep_version_id": plan.version_id, **finding} for finding in plan.findings
                )
        insert_many(session, _table(Extraction), rows)
        # no ORM (nor SQLAlchemy) work per row: a batch has hundreds of findings
        insert_many(session, _table(FindingRow), findings)

    def _problems(self, read: Read, child: str, term: str, name: str) -> None:
        report = read.report
        typed = _typed(read.pep)
        for entry in report.fields:
            if entry.status == "unparseable":
                text = _text(entry.raw)
                self.result.attention.append(
                    Attention(child, term, name, "unparseable", entry.path, text)
                )
            elif entry.status == "invalid":
                why = "; ".join(entry.notes)
                shown = typed.get(entry.path, "")
                text = f"{shown} ({why})" if shown and why else shown or why
                self.result.attention.append(
                    Attention(child, term, name, "invalid", entry.path, text)
                )
        for unmapped in report.unmapped:
            self.result.attention.append(Attention(child, term, name, "unmapped", "", unmapped))
        if report.inferred:
            self.result.attention.append(
                Attention(child, term, name, "low confidence",
                          text="no known form matched: read with an inferred mapping")
            )

    def finish(self, term: TermKey | None = None) -> CollectResult:
        """Store what is waiting (:meth:`flush`); the run's result, with the PEPs still
        awaiting a return in the terms collected (and ``term``)."""
        self.flush()
        terms = set(self.terms)
        if term is not None:
            terms.add(term)
        if not terms:
            latest = self.store.latest_term()
            if latest is not None:
                terms.add(latest)
        self.result.terms = sorted(terms, key=lambda key: key.order)
        for key in self.result.terms:
            self.result.no_return.extend(self.store.peps(key, AWAITING))
        self.store.finish_run(
            self.run_id,
            {
                "collected": self.result.collected,
                "already": self.result.already,
                "unmatched": self.result.unmatched,
                "failed": self.result.failed,
            },
        )
        return self.result


@contextlib.contextmanager
def _collections_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a batch is stored: the batch makes
    tens of thousands of short-lived objects (rows, JSON, copies of PEPs) that reference
    counting frees when it ends, and each collection they would set off scans every object
    the process holds (forms waiting, mappings, templates). Collections resume after, as
    they were (a caller that had them off keeps them off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _child_name(child: Child) -> str:
    return child.la_child_id or child.upn or child.child_key


def _typed(pep: Mapping[str, Any]) -> dict[str, str]:
    """The refused values as typed, by path (the PEP's ``unresolved`` list)."""
    found: dict[str, str] = {}
    for item in pep.get("unresolved") or ():
        if isinstance(item, Mapping) and isinstance(item.get("path"), str):
            found.setdefault(item["path"], str(item.get("text") or ""))
    return found


def _raw(value: Any) -> Any:
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list):
        return [_raw(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _raw(item) for key, item in value.items()}
    return str(value)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return str(_raw(value))


def _comparable(pep: Mapping[str, Any], form: FormSpec) -> dict[str, Any]:
    """What a form can hold of ``pep`` and give back as written: the mapped view without
    fields whose transform cannot be read back or that go one way only, without list rows
    with nothing in them, and with a box's "not answered" as "no" (a checkbox has two
    states)."""
    view = mapped_view(pep, form)
    for spec in form.fields:
        if spec.repeating:
            kept = [column.path for column in spec.columns if column.transform.reversible]
            rows = [
                {path: (None if item.get(path) is False else item.get(path)) for path in kept}
                for item in view.get(spec.paths[0]) or []
            ]
            view[spec.paths[0]] = [row for row in rows if any(v is not None for v in row.values())]
        elif not spec.transform.reversible or not (spec.fill and spec.extract):
            for path in spec.paths:
                view.pop(path, None)
        else:
            for path in spec.paths:
                if view.get(path) is False:
                    view[path] = None
    return view


def _same_on_form(
    returned: Mapping[str, Any],
    sent: Mapping[str, Any],
    form: FormSpec,
    paths: _FormPaths | None = None,
) -> bool:
    """True when the returned form holds what was sent, on every field it can give back.
    A single field that differs settles it at once (most returns differ in their first
    fields); only a form that agrees on all of them is compared whole. ``paths``: the
    form's (:meth:`_FormPaths.of`), when the caller keeps them."""
    owned = paths if paths is not None else _FormPaths.of(form)
    for path in owned.compared:
        before, after = get_path(sent, path), get_path(returned, path)
        if (None if before is False else before) != (None if after is False else after):
            return False
    return _comparable(returned, form) == _comparable(sent, form)


@dataclass(frozen=True, slots=True)
class _FormPaths:
    """What a form has a place for in a PEP: its single fields' paths and its repeating
    sections' lists (for :func:`_merged`), and the single fields :func:`_comparable` keeps
    (for :func:`_same_on_form`)."""

    single: frozenset[str]
    lists: frozenset[str]
    compared: tuple[str, ...]

    @classmethod
    def of(cls, form: FormSpec) -> _FormPaths:
        single: dict[str, None] = {}
        lists: set[str] = set()
        one_way: set[str] = set()
        for spec in form.fields:
            if spec.repeating:
                lists.add(spec.paths[0])
                continue
            single.update(dict.fromkeys(spec.paths))
            if not spec.transform.reversible or not (spec.fill and spec.extract):
                one_way.update(spec.paths)
        # _comparable keeps a single field's value (a box's False as None) when no
        # repeating section has its path and every field with its path reads back
        compared = tuple(path for path in single if path not in lists and path not in one_way)
        return cls(frozenset(single), frozenset(lists), compared)

    def owns(self, path: str) -> bool:
        """True when the form has a place for ``path``: one of its single fields or a path
        under one, or one of its repeating sections or a path under one."""
        if path in self.single or path in self.lists:
            return True
        parts = path.split(".")
        for end in range(1, len(parts)):
            prefix = ".".join(parts[:end])
            if prefix in self.single or prefix in self.lists:
                return True
        return False


#: the types of a PEP's values (checked before the slower ``Mapping`` check)
_ATOMS = (str, int, float, bool, type(None))


def _whole_leaves(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Dotted paths to values, a list counting as one value."""
    kind = type(data)
    if kind is dict or (kind not in _ATOMS and isinstance(data, Mapping)):
        for key, value in data.items():
            yield from _whole_leaves(value, f"{prefix}{key}.")
    elif data is not None and data != "":
        yield prefix.rstrip("."), data


def _copied(value: Any) -> Any:
    """A copy of a PEP's data (what the JSON columns hold: dictionaries, lists and values
    that cannot change), its dictionaries and lists new: three times faster than
    ``copy.deepcopy``, which also copies what cannot change."""
    kind = type(value)
    if kind is dict or (kind not in _ATOMS and isinstance(value, Mapping)):
        return {key: _copied(item) for key, item in value.items()}
    if kind is list:
        return [_copied(item) for item in value]
    return value


def _merged(
    previous: Mapping[str, Any] | None,
    returned: Mapping[str, Any],
    form: FormSpec,
    paths: _FormPaths | None = None,
) -> dict[str, Any]:
    """The returned PEP, with what the previous version holds that the form has no place for
    (identifiers, fields of another form) carried over; the form's own fields are the
    form's, blank ones included. Falls back to the returned PEP alone when the two do not
    make a valid PEP together. ``paths``: the form's (:meth:`_FormPaths.of`), when the
    caller keeps them. The result shares nothing with ``returned`` or ``previous``."""
    result = {key: _copied(value) for key, value in returned.items()}
    if previous is None:
        return result
    owned = paths if paths is not None else _FormPaths.of(form)
    carried = False
    for path, value in _whole_leaves(previous):
        if path == "unresolved" or owned.owns(path):
            continue
        if get_path(result, path) is None:
            set_path(result, path, _copied(value))
            carried = True
    if not carried:
        return result  # the returned PEP alone, valid as extraction left it
    try:
        return load_pep(result)
    except PepValidationError:
        return {key: _copied(value) for key, value in returned.items()}


def collect(
    store: Store,
    folder: str | os.PathLike[str],
    *,
    as_of: dt.date | None = None,
    term: TermKey | None = None,
    mappings_dirs: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> CollectResult:
    """Collect every returned form in ``folder`` into ``store`` (see the module docstring).

    ``as_of`` is the day each return is checked on (its findings are stored with it);
    ``term`` adds a term whose outstanding returns are listed (by default the terms the
    forms matched, else the store's latest).
    """
    root = Path(folder)
    if not root.is_dir():
        raise PepdocsError(f"{root}: not a folder of returned forms")
    collector = Collector(store, root, as_of or dt.date.today(), mappings_dirs)
    for path in returned_files(root):
        collector.collect_file(path)
        if progress is not None:
            progress(1)
    return collector.finish(term)
