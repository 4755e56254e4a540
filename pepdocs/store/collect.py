"""``pepdocs collect DIR``: every returned form in a folder read, matched to what was sent,
stored as a new version, and one table of what needs a person.

Matching: the document id written into each sent form (:mod:`pepdocs.formats.docid`) names
the form it answers, so the form is read as exactly that authority form (no recognition
needed). A form without one (a tool stripped it, or it was printed and scanned to PDF) is
recognised (``pepdocs.recognition``) and matched by the child's LA child id or UPN and the
PEP's academic year and term. A form carrying another child's document id is matched by its
own identifiers instead, and flagged.

Each form is one transaction, its bytes written (content-addressed) before the rows commit;
a form whose SHA-256 the store already received is skipped, so a collect killed half-way is
finished by running it again, without duplicates.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pepdocs.api import extract_with_form
from pepdocs.binding import Extraction as Read
from pepdocs.binding import extract_form, mapped_view, read_document_id
from pepdocs.compliance import check_pep
from pepdocs.errors import PepdocsError, PepValidationError
from pepdocs.mapping.registry import resolve_form
from pepdocs.mapping.spec import FormSpec
from pepdocs.model import load_pep
from pepdocs.model.paths import get_path, set_path
from pepdocs.safety.package import read_input
from pepdocs.store.documents import sha256_of
from pepdocs.store.records import (
    TermKey,
    add_version,
    audit,
    get_or_make_pep,
    latest_version,
    pep_label,
    take_step,
)
from pepdocs.store.schema import (
    Child,
    Document,
    Extraction,
    ExtractionField,
    FindingRow,
    Pep,
    PepVersion,
    utcnow,
)
from pepdocs.store.store import PepSummary, Store

__all__ = [
    "RETURN_SUFFIXES",
    "Attention",
    "CollectResult",
    "Collector",
    "collect",
    "returned_files",
]

RETURN_SUFFIXES = (".docx", ".xlsx", ".pdf")
_SKIPPED_NAMES = ("manifest.json", "manifest.csv", "batch.zip")
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


class Collector:
    """Collects returned forms one at a time into a store (what :func:`collect` runs over a
    folder; the web workbench hands it one upload at a time): :meth:`collect_file` each,
    then :meth:`finish`. Each form is one transaction."""

    def __init__(
        self, store: Store, folder: Path, as_of: dt.date, mappings_dirs: Sequence[str] = ()
    ) -> None:
        self.store = store
        self.folder = folder
        self.as_of = as_of
        self.mappings_dirs = tuple(mappings_dirs)
        self.result = CollectResult(str(folder))
        self.run_id = store.start_run("collect", str(folder))
        self._forms: dict[tuple[str, str], FormSpec | None] = {}
        self.terms: set[TermKey] = set()

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

    def _sent(self, session: Session, uid: str | None) -> _Sent | None:
        if uid is None:
            return None
        row = session.execute(
            select(Document, Child)
            .join(Child, Child.id == Document.child_id)
            .where(Document.uid == uid, Document.direction == "sent")
        ).first()
        if row is None:
            return None
        document, child = row
        if document.pep_id is None:
            return None
        version = session.scalar(
            select(PepVersion)
            .where(PepVersion.document_id == document.id)
            .order_by(PepVersion.number.desc())
        )
        return _Sent(
            document.id,
            document.pep_id,
            child,
            document.authority,
            document.form,
            version.data if version is not None else None,
        )

    def _read(self, data: bytes, name: str, sent: _Sent | None) -> tuple[Read, FormSpec, str]:
        spec = self._form(sent.authority, sent.form) if sent is not None else None
        if spec is not None:
            try:
                return extract_form(data, spec, name), spec, "document_id"
            except PepdocsError:
                pass  # not readable as the form sent (re-made elsewhere): recognise it
        extraction, spec = extract_with_form(data, name=name, mappings_dirs=self.mappings_dirs)
        return extraction, spec, "inferred" if extraction.report.inferred else "recognised"

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

    # -- storing -------------------------------------------------------------------------------

    def collect_file(self, path: Path) -> None:
        """Collect one returned form (a file in the collector's folder)."""
        name = str(path.relative_to(self.folder))
        try:
            data = read_input(path)
        except PepdocsError as problem:
            self._failed(name, problem)
            return
        digest = sha256_of(data)
        with self.store.session() as session:
            if self._already(session, digest):
                self.result.already += 1
                return
        try:
            uid = read_document_id(data, name)
        except PepdocsError:
            uid = None  # reading it below says what is wrong with the file
        with self.store.session() as session:
            sent = self._sent(session, uid)
        try:
            read, spec, how = self._read(data, name, sent)
        except PepdocsError as problem:
            self._failed(name, problem)
            return
        if self.store.documents.folder is not None:
            self.store.documents.put_file(data, digest)  # before the rows commit
        try:
            with self.store.session() as session:
                match = self._match(session, read, sent, name)
                self._store(session, data, digest, name, read, spec, how, match)
        except IntegrityError:
            # another collect stored the same form meanwhile (one received row per SHA-256)
            if not self._already_stored(digest):
                raise
            self.result.already += 1

    def _already_stored(self, digest: str) -> bool:
        with self.store.session() as session:
            return self._already(session, digest)

    def _already(self, session: Session, digest: str) -> bool:
        return (
            session.scalar(
                select(Document.id).where(
                    Document.direction == "received", Document.sha256 == digest
                )
            )
            is not None
        )

    def _failed(self, name: str, problem: PepdocsError) -> None:
        self.result.failed += 1
        message = str(problem)
        if message.startswith(f"{name}: "):
            message = message[len(name) + 2 :]
        self.result.attention.append(Attention("-", "", name, "unreadable", text=message))

    def _store(
        self,
        session: Session,
        data: bytes,
        digest: str,
        name: str,
        read: Read,
        spec: FormSpec,
        how: str,
        match: _Match | None,
    ) -> None:
        report = read.report
        document = Document(
            uid=str(uuid.uuid4()),
            direction="received",
            pep_id=match.pep.id if match else None,
            child_id=match.child.id if match else None,
            sha256=digest,
            size=len(data),
            kind=Path(name).suffix.lstrip(".").lower(),
            name=name[:255],
            authority=report.authority,
            form=report.form,
            form_version=None if spec.inferred else spec.version,
            template=None if spec.inferred else spec.template.name,
            answers_id=match.sent.document_id if match and match.sent else None,
            matched_by=match.matched_by if match else "none",
            stored_in=self.store.documents.put(session, data, digest),
            run_id=self.run_id,
            created_at=utcnow(),
            created_by=self.store.user,
        )
        session.add(document)
        session.flush()
        child = _child_name(match.child) if match else "-"
        term = f"{match.pep.academic_year} {match.pep.term}" if match else ""
        extraction = self._extraction(session, document, read, how)
        self._problems(read, child, term, name)
        if match is None:
            self.result.unmatched += 1
            audit(session, self.store.user, "document.unmatched", document=document,
                  run_id=self.run_id)
            self.result.attention.append(
                Attention("-", "", name, "matching no child",
                          text=f"read as {report.authority}/{report.form}")
            )
            return
        pep = match.pep
        self.terms.add(TermKey(pep.academic_year, pep.term))
        previous = latest_version(session, pep)
        sent_data = match.sent.data if match.sent else None
        if sent_data is None and previous is not None and previous.origin == "prefill":
            sent_data = previous.data
        unchanged = sent_data is not None and _same_on_form(read.pep, sent_data, spec)
        document.unchanged = unchanged
        if unchanged:
            self.result.attention.append(
                Attention(child, term, name, "returned unchanged since pre-fill")
            )
        new_data = _merged(previous.data if previous is not None else None, read.pep, spec)
        checked = check_pep(new_data, self.as_of)
        origin = "amend" if pep.state == "locked" else "return"
        version = add_version(
            session,
            pep,
            new_data,
            origin=origin,
            actor=self.store.user,
            document=document,
            rating=checked.rating,
            run_id=self.run_id,
            previous=previous,
        )
        extraction.pep_version_id = version.id
        if checked.findings:
            session.execute(
                insert(FindingRow),
                [
                    {
                        "pep_version_id": version.id,
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
                ],
            )
        if not report.inferred:
            pep.authority, pep.form = report.authority, report.form
        take_step(
            session,
            pep,
            "return",
            actor=self.store.user,
            what=pep_label(match.child, pep),
            document=document,
            run_id=self.run_id,
        )
        self.result.collected += 1

    def _extraction(self, session: Session, document: Document, read: Read, how: str) -> Extraction:
        report = read.report
        counts = report.counts()
        row = Extraction(
            document_id=document.id,
            authority=report.authority,
            form=report.form,
            how=how,
            confidence=round(report.confidence, 3),
            found=counts["found"],
            empty=counts["empty"],
            unparseable=counts["unparseable"],
            invalid=counts["invalid"],
            missing=counts["missing"],
            unmapped=list(report.unmapped),
            notes=list(report.notes),
        )
        session.add(row)
        session.flush()
        typed = _typed(read.pep)
        fields = [
            {
                "extraction_id": row.id,
                "path": entry.path[:255],
                "status": entry.status,
                "location": entry.location or None,
                "anchor_used": entry.anchor_used,
                "raw": _raw(entry.raw) if entry.status == "unparseable" else (
                    typed.get(entry.path) if entry.status == "invalid" else None
                ),
                "notes": list(entry.notes) or None,
            }
            for entry in report.fields
        ]
        if fields:
            session.execute(insert(ExtractionField), fields)
        return row

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
        """The run's result, with the PEPs still awaiting a return in the terms collected
        (and ``term``)."""
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


def _same_on_form(returned: Mapping[str, Any], sent: Mapping[str, Any], form: FormSpec) -> bool:
    """True when the returned form holds what was sent, on every field it can give back."""
    return _comparable(returned, form) == _comparable(sent, form)


def _whole_leaves(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Dotted paths to values, a list counting as one value."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from _whole_leaves(value, f"{prefix}{key}.")
    elif data is not None and data != "":
        yield prefix.rstrip("."), data


def _merged(
    previous: Mapping[str, Any] | None, returned: Mapping[str, Any], form: FormSpec
) -> dict[str, Any]:
    """The returned PEP, with what the previous version holds that the form has no place for
    (identifiers, fields of another form) carried over; the form's own fields are the
    form's, blank ones included. Falls back to the returned PEP alone when the two do not
    make a valid PEP together."""
    result = copy.deepcopy(dict(returned))
    if previous is None:
        return result
    single: set[str] = set()
    lists: set[str] = set()
    for spec in form.fields:
        (lists if spec.repeating else single).update(
            spec.paths[:1] if spec.repeating else spec.paths
        )
    carried = False
    for path, value in _whole_leaves(previous):
        if path == "unresolved" or path in single:
            continue
        if any(path == root or path.startswith(f"{root}.") for root in lists):
            continue
        if any(path.startswith(f"{owned}.") for owned in single):
            continue
        if get_path(result, path) is None:
            set_path(result, path, copy.deepcopy(value))
            carried = True
    if not carried:
        return result  # the returned PEP alone, valid as extraction left it
    try:
        return load_pep(result)
    except PepValidationError:
        return copy.deepcopy(dict(returned))


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
