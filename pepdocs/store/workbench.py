"""Queries and records for the web workbench (``pepdocs serve``, docs/workbench.md), over a
:class:`~pepdocs.store.Store`: the children of a term with their names and schools, one
child's record (each PEP's versions, what changed, documents, findings), a returned form's
review (fields read, problems first, raw text), and an audit line for every view of a
child's record. The web layer writes no SQL: what it needs is here.

Children are addressed by the store's own row id (``child_id``), so a URL never carries a
UPN. ``schools`` (a set of URNs) narrows every query to those schools' children, for a
designated teacher: a child outside it is not found, exactly as a child that does not exist.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pepdocs.model.paths import drop_path, get_path, set_path
from pepdocs.store.audit import field_changes
from pepdocs.store.errors import NotFoundError
from pepdocs.store.fieldreports import field_report
from pepdocs.store.records import TermKey, audit
from pepdocs.store.schema import (
    AuditEntry,
    Child,
    Document,
    Extraction,
    FindingRow,
    Pep,
    PepVersion,
)
from pepdocs.store.store import Store

if TYPE_CHECKING:
    from pepdocs.compliance import DueItem

__all__ = [
    "PROBLEM_STATUSES",
    "AuditLine",
    "AuditPage",
    "ChildRecord",
    "ChildRow",
    "DocumentRow",
    "FieldRead",
    "FindingLine",
    "PepRecord",
    "Review",
    "TermReport",
    "VersionRecord",
    "acting_as",
    "assign_text",
    "audit_log",
    "child_markers",
    "child_record",
    "children",
    "correct_field",
    "document",
    "due_by_child",
    "narrow",
    "rated",
    "ratings",
    "record_view",
    "returned_forms",
    "review",
    "term_report",
    "versions_marker",
]

#: field statuses a person must look at, in the order the review page lists them
PROBLEM_STATUSES = ("unparseable", "invalid", "missing")


@dataclass(frozen=True, slots=True)
class ChildRow:
    """One child in a term's list: the store's id, identifiers, name and school (from the
    PEP's latest version), state and rating."""

    child_id: int
    authority: str
    la_child_id: str | None
    upn: str | None
    name: str
    school: str
    urn: str
    academic_year: str
    term: str
    state: str
    version: int
    rating: str | None

    @property
    def ident(self) -> str:
        return self.la_child_id or self.upn or f"#{self.child_id}"


@dataclass(frozen=True, slots=True)
class FindingLine:
    rule_id: str
    name: str
    severity: str
    basis: str
    section: str
    message: str
    path: str


@dataclass(frozen=True, slots=True)
class DocumentRow:
    uid: str
    direction: str
    name: str | None
    kind: str
    size: int
    form: str | None
    created_at: dt.datetime
    matched_by: str | None
    unchanged: bool | None
    removed: bool


@dataclass(slots=True)
class VersionRecord:
    number: int
    origin: str
    created_at: dt.datetime
    created_by: str
    rating: str | None
    data: dict[str, Any] = field(repr=False)
    document: DocumentRow | None
    findings: list[FindingLine]
    #: what changed from the version before (paths, added/removed/changed), and the values
    changes: list[tuple[str, str, Any, Any]] = field(repr=False)


@dataclass(slots=True)
class PepRecord:
    pep_id: int
    academic_year: str
    term: str
    state: str
    version: int
    approved_version: int | None
    locked_version: int | None
    versions: list[VersionRecord]

    @property
    def term_key(self) -> TermKey:
        return TermKey(self.academic_year, self.term)


@dataclass(slots=True)
class ChildRecord:
    child_id: int
    authority: str
    la_child_id: str | None
    upn: str | None
    name: str
    school: str
    urn: str
    peps: list[PepRecord]
    documents: list[DocumentRow]

    @property
    def ident(self) -> str:
        return self.la_child_id or self.upn or f"#{self.child_id}"


@dataclass(frozen=True, slots=True)
class FieldRead:
    path: str
    status: str
    location: str | None
    raw: Any
    notes: tuple[str, ...]
    value: Any


@dataclass(slots=True)
class Review:
    """A returned form as read: its document, the PEP it became a version of, each field
    read (problems first), the text the form holds that no field took, the reader's notes."""

    document: DocumentRow
    child: ChildRow | None
    version: int | None
    how: str
    confidence: float
    fields: list[FieldRead]
    unmapped: list[str]
    notes: list[str]

    @property
    def problems(self) -> list[FieldRead]:
        return [read for read in self.fields if read.status in PROBLEM_STATUSES]


def acting_as(store: Store, user: str) -> Store:
    """The same store (engine, sessions, documents) acting as ``user`` in the audit log: one
    per web request, so two people's requests never share who acts."""
    acting = copy.copy(store)
    acting.user = user.strip()[:128] or store.user
    return acting


def _name(data: Mapping[str, Any]) -> str:
    parts = [get_path(data, "child.first_name"), get_path(data, "child.last_name")]
    return " ".join(str(part) for part in parts if part) or ""


def _school(data: Mapping[str, Any]) -> tuple[str, str]:
    name = get_path(data, "education.setting_name")
    urn = get_path(data, "education.urn")
    return (str(name) if name else "", str(urn) if urn else "")


def _row(child: Child, pep: Pep, version: PepVersion | None) -> ChildRow:
    data = version.data if version is not None else {}
    school, urn = _school(data)
    return ChildRow(
        child_id=child.id,
        authority=child.authority,
        la_child_id=child.la_child_id,
        upn=child.upn,
        name=_name(data),
        school=school,
        urn=urn,
        academic_year=pep.academic_year,
        term=pep.term,
        state=pep.state,
        version=pep.version,
        rating=version.rating if version is not None else None,
    )


def children(
    store: Store,
    term: TermKey,
    *,
    schools: Collection[str] | None = None,
    search: str = "",
    school: str = "",
    states: Collection[str] = (),
) -> list[ChildRow]:
    """The children with a PEP in ``term``, by name: ``search`` matches a name, LA child id
    or UPN (case-insensitive); ``school`` a URN; ``states`` the PEP's state; ``schools``
    (a designated teacher's) narrows to those URNs whatever else is asked."""
    data = PepVersion.data
    with store.session() as session:
        rows = session.execute(
            select(
                Child.id, Child.authority, Child.la_child_id, Child.upn,
                data[("child", "first_name")].as_string(),
                data[("child", "last_name")].as_string(),
                data[("education", "setting_name")].as_string(),
                data[("education", "urn")].as_string(),
                Pep.academic_year, Pep.term, Pep.state, Pep.version, PepVersion.rating,
            )
            .join(Pep, Pep.child_id == Child.id)
            .outerjoin(
                PepVersion, (PepVersion.pep_id == Pep.id) & (PepVersion.number == Pep.version)
            )
            .where(Pep.academic_year == term.academic_year, Pep.term == term.term)
        ).all()
    listed = [
        ChildRow(
            child_id=row[0], authority=row[1], la_child_id=row[2], upn=row[3],
            name=" ".join(part for part in (row[4], row[5]) if part),
            school=row[6] or "", urn=row[7] or "", academic_year=row[8], term=row[9],
            state=row[10], version=row[11], rating=row[12],
        )
        for row in rows
    ]
    if schools is not None:
        listed = [row for row in listed if row.urn in schools]
    return narrow(listed, search=search, school=school, states=states)


def narrow(
    rows: Iterable[ChildRow], *, search: str = "", school: str = "",
    states: Collection[str] = (), rating: str = "",
) -> list[ChildRow]:
    """``rows`` whose name, LA child id or UPN contains ``search`` (case-insensitive), at
    the school with URN ``school``, in one of ``states``, rated ``rating`` (``unrated``:
    no rating); by name."""
    wanted = search.strip().casefold()
    found = []
    for row in rows:
        if school and row.urn != school:
            continue
        if states and row.state not in states:
            continue
        if rating and (row.rating or "unrated") != rating:
            continue
        if wanted and not any(
            wanted in (text or "").casefold() for text in (row.name, row.la_child_id, row.upn)
        ):
            continue
        found.append(row)
    found.sort(key=lambda row: (row.name.casefold(), row.ident))
    return found


def ratings(store: Store, term: TermKey, schools: Collection[str] | None = None) -> Counter[str]:
    """How many of ``term``'s PEPs are rated what (their latest version's check rating;
    ``unrated`` where none was made)."""
    return rated(children(store, term, schools=schools))


def rated(rows: Iterable[ChildRow]) -> Counter[str]:
    """How many of ``rows`` are rated what (``unrated`` where no check rated the version)."""
    return Counter(row.rating or "unrated" for row in rows)


def versions_marker(store: Store) -> tuple[int, int]:
    """(the newest PEP version's row id, how many versions): changes whenever any PEP gains
    a version, so what is worked out from the PEPs' data alone (deadlines) can be kept
    until it does."""
    with store.session() as session:
        newest, count = session.execute(
            select(func.max(PepVersion.id), func.count(PepVersion.id))
        ).one()
    return (newest or 0, count or 0)


def _document_row(document: Document) -> DocumentRow:
    return DocumentRow(
        uid=document.uid,
        direction=document.direction,
        name=document.name,
        kind=document.kind,
        size=document.size,
        form=document.form,
        created_at=document.created_at,
        matched_by=document.matched_by,
        unchanged=document.unchanged,
        removed=document.stored_in == "removed",
    )


def _in_scope(child: Child, session: Session, schools: Collection[str] | None) -> bool:
    """True when ``child`` is one of ``schools``' (by the school of any PEP version's
    latest), or when there is no narrowing."""
    if schools is None:
        return True
    latest = session.execute(
        select(PepVersion.data)
        .join(Pep, Pep.id == PepVersion.pep_id)
        .where(Pep.child_id == child.id, PepVersion.number == Pep.version)
    ).scalars()
    return any(_school(data)[1] in schools for data in latest)


def _child(session: Session, child_id: int, schools: Collection[str] | None) -> Child:
    child = session.get(Child, child_id)
    if child is None or not _in_scope(child, session, schools):
        raise NotFoundError(f"child #{child_id}: not in the store")
    return child


def child_record(
    store: Store, child_id: int, schools: Collection[str] | None = None
) -> ChildRecord:
    """Everything the workbench shows of one child: each PEP (newest term first) with every
    version, what each changed from the one before, its findings and its document; and
    every document sent or received. ``NotFoundError`` outside ``schools``."""
    with store.session() as session:
        child = _child(session, child_id, schools)
        peps = list(session.scalars(select(Pep).where(Pep.child_id == child.id)))
        peps.sort(key=lambda pep: TermKey(pep.academic_year, pep.term).order, reverse=True)
        records = []
        latest: dict[str, Any] = {}
        for pep in peps:
            rows = session.execute(
                select(PepVersion, Document)
                .outerjoin(Document, Document.id == PepVersion.document_id)
                .where(PepVersion.pep_id == pep.id)
                .order_by(PepVersion.number)
            ).all()
            version_ids = [version.id for version, _ in rows]
            findings: dict[int, list[FindingLine]] = {}
            for row in session.scalars(
                select(FindingRow)
                .where(FindingRow.pep_version_id.in_(version_ids))
                .order_by(FindingRow.id)
            ):
                findings.setdefault(row.pep_version_id, []).append(
                    FindingLine(row.rule_id, row.name, row.severity, row.basis, row.section,
                                row.message, row.path)
                )
            versions = []
            previous: dict[str, Any] | None = None
            for version, document in rows:
                versions.append(
                    VersionRecord(
                        number=version.number,
                        origin=version.origin,
                        created_at=version.created_at,
                        created_by=version.created_by,
                        rating=version.rating,
                        data=version.data,
                        document=_document_row(document) if document is not None else None,
                        findings=findings.get(version.id, []),
                        changes=_changes(previous, version.data) if previous is not None else [],
                    )
                )
                previous = version.data
            if versions and not latest:
                latest = versions[-1].data
            records.append(
                PepRecord(pep.id, pep.academic_year, pep.term, pep.state, pep.version,
                          pep.approved_version, pep.locked_version, versions)
            )
        documents = [
            _document_row(document)
            for document in session.scalars(
                select(Document)
                .where(Document.child_id == child.id)
                .order_by(Document.created_at.desc(), Document.id.desc())
            )
        ]
        school, urn = _school(latest)
        return ChildRecord(child.id, child.authority, child.la_child_id, child.upn,
                           _name(latest), school, urn, records, documents)


def _changes(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> list[tuple[str, str, Any, Any]]:
    """What changed between two versions: (path, added/removed/changed, before, after)."""
    return [
        (change["path"], change["change"], _at(before, change["path"]),
         _at(after, change["path"]))
        for change in field_changes(before, after)
    ]


def _at(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, Mapping):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def review(store: Store, uid: str, schools: Collection[str] | None = None) -> Review:
    """A received form as read (see :class:`Review`); ``NotFoundError`` for a document that
    is not a received form, or whose child is outside ``schools``."""
    with store.session() as session:
        document = session.scalar(
            select(Document).where(Document.uid == uid, Document.direction == "received")
        )
        extraction = (
            session.scalar(select(Extraction).where(Extraction.document_id == document.id))
            if document is not None
            else None
        )
        if document is None or extraction is None:
            raise NotFoundError(f"{uid}: no returned form with this id in the store")
        row: ChildRow | None = None
        data: Mapping[str, Any] = {}
        number: int | None = None
        if document.child_id is not None:
            child = _child(session, document.child_id, schools)
            pep = session.get(Pep, document.pep_id) if document.pep_id is not None else None
            version = (
                session.scalar(
                    select(PepVersion).where(PepVersion.id == extraction.pep_version_id)
                )
                if extraction.pep_version_id is not None
                else None
            )
            if pep is not None:
                row = _row(child, pep, version)
            if version is not None:
                data, number = version.data, version.number
        elif schools is not None:
            raise NotFoundError(f"{uid}: no returned form with this id in the store")
        fields = [
            FieldRead(
                path=read["path"],
                status=read["status"],
                location=read["location"],
                raw=read["raw"],
                notes=tuple(str(note) for note in read["notes"]),
                value=_at(data, read["path"]),
            )
            for read in map(field_report, extraction.field_reports or ())
        ]
        fields.sort(
            key=lambda read: PROBLEM_STATUSES.index(read.status)
            if read.status in PROBLEM_STATUSES
            else len(PROBLEM_STATUSES)
        )
        return Review(
            document=_document_row(document),
            child=row,
            version=number,
            how=extraction.how,
            confidence=extraction.confidence,
            fields=fields,
            unmapped=[str(text) for text in extraction.unmapped or ()],
            notes=[str(note) for note in extraction.notes or ()],
        )



def _with_value(store: Store, row: ChildRow, path: str, text: str) -> tuple[TermKey, Any]:
    """The term of ``row``'s PEP and a copy of its current data with ``path`` set to ``text``
    (stripped; dropped when empty): what a person's edit on the review page saves."""
    term = TermKey(row.academic_year, row.term)
    current = store.version_data(row.ident, term=term, authority=row.authority)
    data = copy.deepcopy(current.data)
    value = text.strip()
    if value:
        set_path(data, path, value)
    else:
        drop_path(data, path)
    return term, data

def correct_field(
    store: Store,
    uid: str,
    path: str,
    text: str,
    *,
    expected_version: int,
    schools: Collection[str] | None = None,
) -> int:
    """A person's correction of one field a returned form held unreadably: ``text`` (as
    typed, validated with the whole PEP) becomes the field's value in the PEP's next version
    (origin ``edit``), and the form's raw text for it leaves the PEP's ``unresolved`` list.
    Only a field the review lists as a problem may be corrected this way; the PEP must still
    be at ``expected_version`` (else ``ConcurrentEditError``). ``PepValidationError`` names
    the field when the value is not valid. Returns the new version's number."""
    found = review(store, uid, schools)
    if found.child is None or path not in {read.path for read in found.problems}:
        raise NotFoundError(f"{uid}: no field {path} to correct on this returned form")
    row = found.child
    term, data = _with_value(store, row, path, text)
    kept = [
        item for item in data.get("unresolved") or ()
        if not (isinstance(item, Mapping) and item.get("path") == path)
    ]
    if kept:
        data["unresolved"] = kept
    else:
        data.pop("unresolved", None)
    return store.save_version(
        row.ident, data, expected_version=expected_version, term=term,
        authority=row.authority,
    )


def document(
    store: Store, uid: str, schools: Collection[str] | None = None
) -> tuple[DocumentRow, int | None, bytes]:
    """A stored document (sent or received) with its child's id and its bytes (checked
    against its SHA-256); ``NotFoundError`` when there is none, its bytes were removed by
    retention, or its child is outside ``schools`` (a form matching no child is then not
    found either)."""
    with store.session() as session:
        found = session.scalar(select(Document).where(Document.uid == uid))
        if found is None or found.stored_in == "removed":
            raise NotFoundError(f"{uid}: no such document in the store")
        if found.child_id is not None:
            _child(session, found.child_id, schools)
        elif schools is not None:
            raise NotFoundError(f"{uid}: no such document in the store")
        row, child_id = _document_row(found), found.child_id
    return row, child_id, store.document_bytes(uid)


def returned_forms(
    store: Store, term: TermKey, schools: Collection[str] | None = None
) -> list[tuple[DocumentRow, ChildRow | None, int]]:
    """The forms received for ``term``'s PEPs (and those matching no child), newest first,
    each with its child and how many fields need a person."""
    with store.session() as session:
        rows = session.execute(
            select(Document, Extraction, Child, Pep, PepVersion)
            .join(Extraction, Extraction.document_id == Document.id)
            .outerjoin(Child, Child.id == Document.child_id)
            .outerjoin(Pep, Pep.id == Document.pep_id)
            .outerjoin(
                PepVersion, (PepVersion.pep_id == Pep.id) & (PepVersion.number == Pep.version)
            )
            .where(Document.direction == "received")
            .order_by(Document.created_at.desc(), Document.id.desc())
        ).all()
        listed: list[tuple[DocumentRow, ChildRow | None, int]] = []
        for document, extraction, child, pep, version in rows:
            if pep is not None and (pep.academic_year, pep.term) != (
                term.academic_year, term.term
            ):
                continue
            row: ChildRow | None = None
            if child is not None and pep is not None:
                row = _row(child, pep, version)
                if schools is not None and row.urn not in schools:
                    continue
            elif schools is not None:
                continue
            problems = extraction.unparseable + extraction.invalid + len(extraction.unmapped or ())
            listed.append((_document_row(document), row, problems))
        return listed


def record_view(store: Store, child_id: int, what: str) -> None:
    """An audit line: ``store.user`` viewed ``what`` (``child.viewed``, ``review.viewed``) of
    this child's record."""
    with store.session() as session:
        child = session.get(Child, child_id)
        if child is None:
            raise NotFoundError(f"child #{child_id}: not in the store")
        audit(session, store.user, what[:32], child=child)


# -- deadlines, child by child -----------------------------------------------------------------


def child_markers(store: Store) -> dict[int, int]:
    """Each child's newest PEP version's row id: it changes when any of the child's PEPs
    gains a version, so a deadline worked out from the child's PEPs can be kept until then."""
    with store.session() as session:
        rows = session.execute(
            select(Pep.child_id, func.max(PepVersion.id))
            .join(PepVersion, PepVersion.pep_id == Pep.id)
            .group_by(Pep.child_id)
        )
        return {child_id: newest for child_id, newest in rows}


def due_by_child(
    store: Store, child_ids: Collection[int] | None, as_of: dt.date
) -> dict[int, DueItem]:
    """Each child's next PEP deadline as of ``as_of`` (``due_schedule`` on the latest version
    of each of the child's PEPs), by the store's child id; every child when ``child_ids`` is
    None. Worked out one child at a time, so a caller can keep the answers and redo only the
    children whose PEPs changed (:func:`child_markers`)."""
    from pepdocs.compliance import due_schedule

    by_child: dict[int, list[tuple[str, Mapping[str, Any]]]] = {}
    wanted = None if child_ids is None else list(child_ids)
    chunks = [wanted[start : start + 500] for start in range(0, len(wanted), 500)] if (
        wanted is not None
    ) else [None]
    with store.session() as session:
        for chunk in chunks:
            query = (
                select(Pep.child_id, Pep.academic_year, Pep.term, PepVersion.data)
                .join(PepVersion, (PepVersion.pep_id == Pep.id)
                      & (PepVersion.number == Pep.version))
            )
            if chunk is not None:
                query = query.where(Pep.child_id.in_(chunk))
            for child_id, year, term, data in session.execute(query):
                by_child.setdefault(child_id, []).append((f"#{child_id} {year} {term}", data))
    found: dict[int, DueItem] = {}
    for child_id, peps in by_child.items():
        items = due_schedule(peps, as_of)
        if items:
            found[child_id] = items[0]
    return found


# -- unmapped text, assigned to a field --------------------------------------------------------


def assign_text(
    store: Store,
    uid: str,
    index: int,
    path: str,
    text: str,
    *,
    expected_version: int,
    schools: Collection[str] | None = None,
) -> int:
    """A person's reading of text a returned form held that no field took: the form's
    ``index``-th unmapped text (as the review lists it) belongs in field ``path``, with the
    value ``text`` (the text itself, or as the person tidied it; validated with the whole
    PEP). Saved as the PEP's next version (origin ``edit``); the audit log also records which
    of the form's texts went where (``text.assigned``). Only a field the form's mapping reads
    may be named, and the PEP must still be at ``expected_version``
    (``ConcurrentEditError``). The form's text as read is kept as it was. Returns the new
    version's number."""
    found = review(store, uid, schools)
    if (
        found.child is None
        or not 0 <= index < len(found.unmapped)
        or path not in {read.path for read in found.fields}
    ):
        raise NotFoundError(f"{uid}: no text {index} or field {path} on this returned form")
    row = found.child
    term, data = _with_value(store, row, path, text)
    number = store.save_version(
        row.ident, data, expected_version=expected_version, term=term, authority=row.authority,
    )
    with store.session() as session:
        document = session.scalar(select(Document).where(Document.uid == uid))
        pep = session.get(Pep, document.pep_id) if document and document.pep_id else None
        audit(session, store.user, "text.assigned", pep=pep, document=document, version=number,
              reason=f"unmapped text {index + 1} of the form",
              changes=[{"path": path, "change": "assigned"}])
    return number


# -- the audit log -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: dt.datetime
    actor: str
    action: str
    child_id: int | None
    child: str
    version: int | None
    from_state: str | None
    to_state: str | None
    reason: str | None
    paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AuditPage:
    lines: list[AuditLine]
    total: int
    actors: list[str]
    actions: list[str]


def audit_log(
    store: Store,
    *,
    child: str = "",
    actor: str = "",
    action: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
    offset: int = 0,
    limit: int = 100,
) -> AuditPage:
    """The audit log, newest first, a page at a time: ``child`` an LA child id, UPN or the
    store's id (``#12``); ``actor`` and ``action`` exactly; ``since``/``until`` days
    (inclusive, UTC). Also every actor and action the log holds (for the filters)."""
    with store.session() as session:
        query = select(AuditEntry, Child).outerjoin(Child, Child.id == AuditEntry.child_id)
        wanted = child.strip()
        if wanted:
            ids = [int(wanted[1:])] if wanted.startswith("#") and wanted[1:].isdigit() else list(
                session.scalars(
                    select(Child.id).where(
                        (Child.la_child_id == wanted) | (Child.upn == wanted.upper())
                    )
                )
            )
            query = query.where(AuditEntry.child_id.in_(ids))
        if actor:
            query = query.where(AuditEntry.actor == actor)
        if action:
            query = query.where(AuditEntry.action == action)
        if since is not None:
            query = query.where(AuditEntry.at >= dt.datetime.combine(since, dt.time()))
        if until is not None:
            query = query.where(
                AuditEntry.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time())
            )
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.execute(
            query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .offset(max(offset, 0)).limit(limit)
        ).all()
        lines = [
            AuditLine(
                at=entry.at, actor=entry.actor, action=entry.action, child_id=entry.child_id,
                child=(found.la_child_id or found.upn or f"#{found.id}") if found else "",
                version=entry.version, from_state=entry.from_state, to_state=entry.to_state,
                reason=entry.reason,
                paths=tuple(
                    str(change.get("path", "")) for change in entry.changes or ()
                    if isinstance(change, Mapping)
                ),
            )
            for entry, found in rows
        ]
        actors = list(session.scalars(select(AuditEntry.actor).distinct().order_by(
            AuditEntry.actor)))
        actions = list(session.scalars(select(AuditEntry.action).distinct().order_by(
            AuditEntry.action)))
    return AuditPage(lines, total, actors, actions)


# -- a term's reports --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TermReport:
    """The cohort workbook of a term's PEPs (``.xlsx`` bytes), and the corporate parenting
    board's summary (``.pdf`` bytes: counts and charts, no child named) when asked for."""

    workbook: bytes
    board: bytes | None
    peps: int


def term_report(
    store: Store,
    term: TermKey,
    *,
    as_of: dt.date,
    schools: Collection[str] | None = None,
    board: bool = False,
) -> TermReport:
    """``pepdocs report --db --term`` as bytes: each PEP of ``term`` (its latest version;
    only ``schools``' children when narrowed) checked as of ``as_of`` into the cohort
    workbook, and with ``board`` the board's PDF (LibreOffice; ``ComponentMissingError``
    without it). An audit line (``report.made``) records who made it."""
    import tempfile
    from pathlib import Path

    from pepdocs.compliance import check_pep, cohort_report

    results = [
        check_pep(stored.data, as_of, source=stored.label)
        for stored in store.current(term)
        if schools is None or _school(stored.data)[1] in schools
    ]
    with tempfile.TemporaryDirectory(prefix="pepdocs-report-") as folder:
        out = Path(folder) / "report.xlsx"
        cohort_report(results, out, as_of, pdf=board)
        made = TermReport(
            out.read_bytes(), out.with_suffix(".pdf").read_bytes() if board else None,
            len(results),
        )
    with store.session() as session:
        audit(session, store.user, "report.made",
              reason=f"{term.academic_year} {term.term}: {len(results)} PEPs"
              + (", board summary" if board else ""))
    return made
