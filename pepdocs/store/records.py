"""Operations on the store's rows inside one session: children and PEPs found or made, a
new version added, a workflow step taken, each with its audit line. The :class:`Store`
methods and the jobs (recording a batch, collecting returns) compose these in one
transaction each."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, insert, or_, select
from sqlalchemy.orm import Session

from pepdocs.errors import UsageError
from pepdocs.store.audit import field_changes
from pepdocs.store.errors import ConcurrentEditError, NotFoundError
from pepdocs.store.schema import AuditEntry, Child, Document, Pep, PepVersion, utcnow
from pepdocs.store.workflow import Action, State, next_state

__all__ = [
    "TERMS",
    "TermKey",
    "add_version",
    "audit",
    "audit_line",
    "child_key",
    "data_sha256",
    "find_child",
    "find_pep",
    "get_or_make_child",
    "get_or_make_pep",
    "insert_many",
    "insert_rows",
    "latest_version",
    "next_step",
    "next_version",
    "parse_term",
    "pep_label",
    "take_step",
]

TERMS = ("autumn", "spring", "summer")
_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True, order=True)
class TermKey:
    """An academic year and a term of it: ``2025-26`` and ``spring``."""

    academic_year: str
    term: str

    def __str__(self) -> str:
        return f"{self.academic_year} {self.term}"

    @property
    def order(self) -> tuple[str, int]:
        return (self.academic_year, TERMS.index(self.term) if self.term in TERMS else 3)


def parse_term(text: str) -> TermKey:
    """``2025-26 spring``, ``spring 2025-26`` or ``2025-26/spring``; a ``UsageError`` that
    shows the form otherwise."""
    parts = [part for part in re.split(r"[\s/,]+", text.strip().lower()) if part]
    years = [part for part in parts if _YEAR.match(part)]
    terms = [part for part in parts if part in TERMS]
    if len(parts) == 2 and len(years) == 1 and len(terms) == 1:
        match = _YEAR.match(years[0])
        assert match is not None
        if int(match.group(2)) == (int(match.group(1)) + 1) % 100:
            return TermKey(years[0], terms[0])
    raise UsageError(
        "--term: write an academic year and a term, as 2025-26 spring (terms: autumn, spring, "
        "summer)"
    )


def child_key(la_child_id: str | None, upn: str | None) -> str | None:
    """How the store keys a child within its authority: the LA child id, else the UPN."""
    if la_child_id:
        return str(la_child_id)
    if upn:
        return f"upn:{upn}"
    return None


def data_sha256(data: Mapping[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    ).hexdigest()


def pep_label(child: Child, pep: Pep) -> str:
    """``child 2015090, 2025-26 spring``: how messages name a PEP (ids, never names)."""
    who = child.la_child_id or child.upn or child.child_key
    return f"child {who}, {pep.academic_year} {pep.term}"


def audit_line(
    actor: str,
    action: str,
    *,
    child_id: int | None = None,
    pep_id: int | None = None,
    document_id: int | None = None,
    run_id: int | None = None,
    version: int | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    reason: str | None = None,
    changes: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """One line of the audit log as a row, not yet written (:func:`audit` adds it to a
    session; a job writing many inserts them together with :func:`insert_many`)."""
    return {
        "at": utcnow(),
        "actor": actor,
        "action": action,
        "child_id": child_id,
        "pep_id": pep_id,
        "document_id": document_id,
        "run_id": run_id,
        "version": version,
        "from_state": from_state,
        "to_state": to_state,
        "reason": reason,
        "changes": changes,
    }


def audit(
    session: Session,
    actor: str,
    action: str,
    *,
    child: Child | None = None,
    pep: Pep | None = None,
    document: Document | None = None,
    run_id: int | None = None,
    version: int | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    reason: str | None = None,
    changes: list[dict[str, str]] | None = None,
) -> AuditEntry:
    """Append one line to the audit log (flushed with the session's transaction)."""
    entry = AuditEntry(
        **audit_line(
            actor,
            action,
            child_id=child.id if child is not None else (
                pep.child_id if pep is not None else None
            ),
            pep_id=pep.id if pep is not None else None,
            document_id=document.id if document is not None else None,
            run_id=run_id,
            version=version,
            from_state=from_state,
            to_state=to_state,
            reason=reason,
            changes=changes,
        )
    )
    session.add(entry)
    return entry


def insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """``rows`` (each with the same columns) inserted into ``table`` in ``session``'s
    transaction. On SQLite: one statement run for every row by the driver
    (``executemany``), each value converted by its column's type as SQLAlchemy would (JSON
    written as such, dates as the database keeps them), without SQLAlchemy's work per row:
    a batch of returns has hundreds of findings, and that work cost more than the
    database's. On a server: a few statements of many rows each."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        # a server (PostgreSQL) costs a round trip per statement run: SQLAlchemy's
        # "insertmanyvalues" sends the rows as a few INSERTs of many VALUES each instead
        connection.execute(insert(table), list(rows))
        return
    columns = list(rows[0])
    compiled = insert(table).inline().compile(dialect=dialect, column_keys=columns)
    if compiled.positional and compiled.positiontup:
        columns = list(compiled.positiontup)
    converted = [
        (index, to)
        for index, name in enumerate(columns)
        if (to := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    values: list[Any] = []
    for row in rows:
        line = [row[name] for name in columns]
        for index, to in converted:
            if line[index] is not None:
                line[index] = to(line[index])
        values.append(tuple(line) if compiled.positional else dict(zip(columns, line, strict=True)))
    connection.exec_driver_sql(compiled.string, values)


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """``rows`` (each with the same columns) inserted into ``table`` in ``session``'s
    transaction as one statement; their ids, in the rows' order."""
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.connection().execute(statement, list(rows)).scalars())


def get_or_make_child(
    session: Session, authority: str, la_child_id: str | None, upn: str | None
) -> Child:
    """The child of ``authority`` with this LA child id (else UPN), made if new; a UPN
    learnt later is recorded."""
    key = child_key(la_child_id, upn)
    if key is None:
        raise UsageError("a child needs an LA child id or a UPN to be stored")
    child = session.scalar(
        select(Child).where(Child.authority == authority, Child.child_key == key)
    )
    if child is None:
        child = Child(
            authority=authority, child_key=key, la_child_id=la_child_id or None, upn=upn or None
        )
        session.add(child)
        session.flush()
    elif upn and not child.upn:
        child.upn = upn
    return child


def find_child(session: Session, ident: str, authority: str | None = None) -> Child:
    """The child ``ident`` names (an LA child id or a UPN); ``NotFoundError`` when none,
    ``UsageError`` when it names children of several authorities and none is given."""
    text = ident.strip()
    query = select(Child).where(
        or_(Child.la_child_id == text, Child.upn == text.upper(), Child.child_key == text)
    )
    if authority:
        query = query.where(Child.authority == authority.strip().lower())
    found = list(session.scalars(query))
    if not found:
        raise NotFoundError(f"{text}: no child with this LA child id or UPN in the store")
    if len(found) > 1:
        names = ", ".join(sorted(child.authority for child in found))
        raise UsageError(f"{text}: children of several authorities ({names}); pass --authority")
    return found[0]


def find_pep(session: Session, child: Child, term: TermKey | None = None) -> Pep:
    """The child's PEP for ``term``, or its latest; ``NotFoundError`` when there is none."""
    query = select(Pep).where(Pep.child_id == child.id)
    if term is not None:
        query = query.where(Pep.academic_year == term.academic_year, Pep.term == term.term)
    peps = list(session.scalars(query))
    if not peps:
        what = f" for {term}" if term is not None else ""
        raise NotFoundError(
            f"child {child.la_child_id or child.upn}: no PEP{what} in the store"
        )
    return max(peps, key=lambda pep: TermKey(pep.academic_year, pep.term).order)


def get_or_make_pep(session: Session, child: Child, term: TermKey) -> tuple[Pep, bool]:
    """The child's PEP for ``term``; True when it is new (state not yet set)."""
    pep = session.scalar(
        select(Pep).where(
            Pep.child_id == child.id,
            Pep.academic_year == term.academic_year,
            Pep.term == term.term,
        )
    )
    if pep is not None:
        return pep, False
    pep = Pep(
        child_id=child.id,
        academic_year=term.academic_year,
        term=term.term,
        state="new",
        version=0,
    )
    session.add(pep)
    session.flush()
    return pep, True


def latest_version(session: Session, pep: Pep) -> PepVersion | None:
    if not pep.version:
        return None
    return session.scalar(
        select(PepVersion).where(PepVersion.pep_id == pep.id, PepVersion.number == pep.version)
    )


def next_version(
    pep: Pep,
    data: Mapping[str, Any],
    *,
    origin: str,
    actor: str,
    previous: Mapping[str, Any] | None,
    document_id: int | None = None,
    rating: str | None = None,
    run_id: int | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The row of ``pep``'s next version holding ``data`` and its audit line listing the
    fields it changed from ``previous`` (the data of the PEP's latest version, None when it
    has none); ``pep`` moves to that number. The rows are not written: :func:`add_version`
    adds them to a session, a job storing many versions inserts them together."""
    number = pep.version + 1
    now = utcnow()
    row = {
        "pep_id": pep.id,
        "number": number,
        "data": dict(data),
        "data_sha256": data_sha256(data),
        "origin": origin,
        "document_id": document_id,
        "rating": rating,
        "created_at": now,
        "created_by": actor,
    }
    pep.version = number
    pep.updated_at = now
    line = audit_line(
        actor,
        f"version.{origin}",
        child_id=pep.child_id,
        pep_id=pep.id,
        document_id=document_id,
        run_id=run_id,
        version=number,
        changes=field_changes(previous, data),
    )
    return row, line


def add_version(
    session: Session,
    pep: Pep,
    data: Mapping[str, Any],
    *,
    origin: str,
    actor: str,
    document: Document | None = None,
    rating: str | None = None,
    run_id: int | None = None,
    expected_version: int | None = None,
    previous: PepVersion | None = None,
    flush: bool = True,
) -> PepVersion:
    """Store ``data`` as the PEP's next version (nothing is overwritten), with an audit line
    listing the fields it changed. ``expected_version``: the version the change was based on;
    when the PEP has moved on since, ``ConcurrentEditError``. ``previous``: the PEP's latest
    version when the caller has it already (else it is read). ``flush=False`` leaves the
    rows to the session's next flush (a caller storing many versions at once flushes once);
    the version's id is known only after it."""
    if expected_version is not None and expected_version != pep.version:
        raise ConcurrentEditError(
            f"the PEP is now at version {pep.version}, not {expected_version}: someone else "
            "changed it; nothing was written; read it again"
        )
    if previous is None or previous.number != pep.version:
        previous = latest_version(session, pep)
    row, line = next_version(
        pep,
        data,
        origin=origin,
        actor=actor,
        previous=previous.data if previous is not None else None,
        document_id=document.id if document is not None else None,
        rating=rating,
        run_id=run_id,
    )
    version = PepVersion(**row)
    session.add(version)
    if flush:
        session.flush()
    session.add(AuditEntry(**line))
    return version


def next_step(
    pep: Pep,
    action: Action,
    *,
    actor: str,
    what: str = "the PEP",
    reason: str | None = None,
    document_id: int | None = None,
    run_id: int | None = None,
) -> tuple[State, dict[str, Any]]:
    """Move ``pep`` by ``action`` through the workflow table (``TransitionError`` if not
    allowed); its new state and the step's audit line, not yet written (:func:`take_step`
    adds it to a session)."""
    before = None if pep.state == "new" else cast(State, pep.state)
    after = next_state(before, action, what)
    pep.state = after
    pep.updated_at = utcnow()
    if action == "approve":
        pep.approved_version = pep.version
    elif action == "lock":
        pep.locked_version = pep.version
    line = audit_line(
        actor,
        f"state.{action}",
        child_id=pep.child_id,
        pep_id=pep.id,
        document_id=document_id,
        run_id=run_id,
        version=pep.version or None,
        from_state=before,
        to_state=after,
        reason=reason,
    )
    return after, line


def take_step(
    session: Session,
    pep: Pep,
    action: Action,
    *,
    actor: str,
    what: str = "the PEP",
    reason: str | None = None,
    document: Document | None = None,
    run_id: int | None = None,
) -> State:
    """Move ``pep`` by ``action`` through the workflow table (``TransitionError`` if not
    allowed) and log the step."""
    after, line = next_step(
        pep,
        action,
        actor=actor,
        what=what,
        reason=reason,
        document_id=document.id if document is not None else None,
        run_id=run_id,
    )
    session.add(AuditEntry(**line))
    return after
