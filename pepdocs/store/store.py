"""The :class:`Store`: one object over the PEP record, for the commands and the workbench.

Open it with :func:`open_store` (``with open_store("pepdocs.db") as store: ...``): the
location is resolved (``--db``, ``PEPDOCS_DB``, the per-user default), a SQLite file is
created owner-only on first use, and an older schema is upgraded in place. Each method runs
in its own transaction; :meth:`Store.session` gives one to code that needs several steps at
once. Callers never write SQL: the queries the web layer needs (PEPs by state per term,
overdue, returns outstanding, a child's history) are methods here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from pepdocs.errors import ComponentMissingError, PepdocsError
from pepdocs.store import jsontext
from pepdocs.store.audit import current_user
from pepdocs.store.documents import DocumentFiles
from pepdocs.store.errors import ConcurrentEditError, NotFoundError, StoreError
from pepdocs.store.fieldreports import field_report
from pepdocs.store.location import StoreLocation, locate, prepare_sqlite_file
from pepdocs.store.migrate import ensure_schema
from pepdocs.store.records import (
    TermKey,
    add_version,
    find_child,
    find_pep,
    latest_version,
    pep_label,
    take_step,
)
from pepdocs.store.schema import (
    AuditEntry,
    Child,
    Document,
    Extraction,
    FindingRow,
    Pep,
    PepVersion,
    Run,
    utcnow,
)
from pepdocs.store.workflow import STATES, Action

if TYPE_CHECKING:
    from pepdocs.compliance import CheckResult, DueItem

__all__ = [
    "ChildHistory",
    "PepSummary",
    "StepResult",
    "Store",
    "StoredPep",
    "VersionSummary",
    "open_store",
]


@dataclass(frozen=True, slots=True)
class PepSummary:
    """One PEP as dashboards list it: ids, term, state and version; no names."""

    pep_id: int
    child_id: int
    authority: str
    la_child_id: str | None
    upn: str | None
    academic_year: str
    term: str
    state: str
    version: int
    form: str | None
    updated_at: dt.datetime

    @property
    def child(self) -> str:
        return self.la_child_id or self.upn or f"#{self.child_id}"

    @property
    def term_key(self) -> TermKey:
        return TermKey(self.academic_year, self.term)


@dataclass(frozen=True, slots=True)
class StoredPep:
    """A PEP version's data with where it is in the store (``label`` names it in results)."""

    summary: PepSummary
    number: int
    data: dict[str, Any] = field(repr=False)
    created_at: dt.datetime
    created_by: str
    origin: str

    @property
    def label(self) -> str:
        s = self.summary
        return f"store:{s.child}/{s.academic_year}/{s.term}/v{self.number}"


@dataclass(frozen=True, slots=True)
class VersionSummary:
    number: int
    origin: str
    created_at: dt.datetime
    created_by: str
    rating: str | None
    document: str | None
    problems: dict[str, int]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: dt.datetime
    actor: str
    action: str
    academic_year: str | None
    term: str | None
    version: int | None
    from_state: str | None
    to_state: str | None
    reason: str | None
    changes: tuple[dict[str, str], ...]


@dataclass(slots=True)
class ChildHistory:
    """Everything the store holds about one child's PEPs, oldest first: each PEP's versions
    and every audit line (what changed, field by field; who; when)."""

    child: str
    authority: str
    peps: list[tuple[PepSummary, list[VersionSummary]]]
    entries: list[HistoryEntry]


@dataclass(frozen=True, slots=True)
class StepResult:
    """A workflow step taken on one PEP."""

    summary: PepSummary
    before: str
    after: str


def _summary(pep: Pep, child: Child) -> PepSummary:
    return PepSummary(
        pep_id=pep.id,
        child_id=child.id,
        authority=child.authority,
        la_child_id=child.la_child_id,
        upn=child.upn,
        academic_year=pep.academic_year,
        term=pep.term,
        state=pep.state,
        version=pep.version,
        form=pep.form,
        updated_at=pep.updated_at,
    )


def _engine(location: StoreLocation) -> Engine:
    if location.sqlite_path is not None:
        engine = create_engine(
            location.url,
            connect_args={"timeout": 30},
            json_serializer=jsontext.dumps,
            json_deserializer=jsontext.loads,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_connect(connection: Any, _record: Any) -> None:
            # pysqlite's own transaction handling is switched off so that the BEGIN below
            # is the only one (SQLAlchemy's documented recipe); WAL lets readers go on
            # while a collect writes; foreign keys are off in SQLite unless asked for.
            connection.isolation_level = None
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            # IMMEDIATE: a writer takes the lock when it starts, so two writers wait for
            # each other instead of one failing half-way
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ComponentMissingError(
            "a PostgreSQL store needs the psycopg driver: pip install 'pepdocs[postgres]'"
        ) from None
    return create_engine(
        location.url,
        pool_pre_ping=True,
        json_serializer=jsontext.dumps,
        json_deserializer=jsontext.loads,
    )


class Store:
    """The PEP record on a database (see the module docstring and docs/store.md).

    ``user`` is who acts (recorded in the audit log): ``--user``, the web user, else
    ``PEPDOCS_USER``, else the operating system's user name.
    """

    def __init__(
        self, location: StoreLocation, *, user: str | None = None, upgrade: bool = True
    ) -> None:
        self.location = location
        self.user = current_user(user)
        self.created = False
        if location.sqlite_path is not None:
            self.created = prepare_sqlite_file(location.sqlite_path)
        self.engine = _engine(location)
        try:
            if upgrade:
                ensure_schema(self.engine)
        except OperationalError as problem:
            self.engine.dispose()
            raise StoreError(
                f"{location.describe()}: cannot open the store ({_reason(problem)})"
            ) from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.documents = DocumentFiles(location.documents_folder)

    # -- sessions ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error. A write
        based on a PEP someone else changed meanwhile raises ``ConcurrentEditError``."""
        with self._sessions() as session:
            try:
                with session.begin():
                    yield session
            except StaleDataError:
                raise ConcurrentEditError(
                    "someone else changed this PEP since it was read: nothing was written; "
                    "read it again and repeat the change"
                ) from None
            except OperationalError as problem:
                raise StoreError(
                    f"{self.location.describe()}: the store could not complete the change "
                    f"({_reason(problem)}); nothing was written"
                ) from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def describe(self) -> str:
        return self.location.describe()

    # -- runs ----------------------------------------------------------------------------------

    def start_run(self, kind: str, folder: str | None) -> int:
        with self.session() as session:
            run = Run(kind=kind, folder=folder, actor=self.user, started_at=utcnow())
            session.add(run)
            session.flush()
            return run.id

    def finish_run(self, run_id: int, counts: Mapping[str, Any]) -> None:
        with self.session() as session:
            run = session.get(Run, run_id)
            if run is not None:
                run.finished_at = utcnow()
                run.counts = dict(counts)

    # -- the workflow --------------------------------------------------------------------------

    def step(
        self,
        child: str,
        action: Action,
        *,
        term: TermKey | None = None,
        authority: str | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> StepResult:
        """Take one workflow step on a child's PEP (of ``term``, else the latest).
        ``expected_version``: the version the person saw; if the PEP moved on since,
        ``ConcurrentEditError`` and nothing is written."""
        with self.session() as session:
            found = find_child(session, child, authority)
            pep = find_pep(session, found, term)
            label = pep_label(found, pep)
            if expected_version is not None and pep.version != expected_version:
                raise ConcurrentEditError(
                    f"{label}: now at version {pep.version}, not {expected_version}: someone "
                    "else changed it; nothing was written"
                )
            before = pep.state
            after = take_step(session, pep, action, actor=self.user, what=label, reason=reason)
            return StepResult(_summary(pep, found), before, after)

    def approve(self, child: str, **options: Any) -> StepResult:
        """Approve the PEP (PP+ is released against an approved PEP in many authorities)."""
        return self.step(child, "approve", **options)

    def send_back(self, child: str, reason: str, **options: Any) -> StepResult:
        """Return the PEP to the school with ``reason`` (kept in the audit log, not logged)."""
        if not reason.strip():
            raise PepdocsError("send-back needs a reason the school can act on")
        return self.step(child, "send_back", reason=reason.strip(), **options)

    def lock(self, child: str, **options: Any) -> StepResult:
        return self.step(child, "lock", **options)

    def mark_sent(self, child: str, **options: Any) -> StepResult:
        return self.step(child, "send", **options)

    def start_review(self, child: str, **options: Any) -> StepResult:
        return self.step(child, "review", **options)

    def step_many(
        self, action: Action, term: TermKey, states: Sequence[str], reason: str | None = None
    ) -> list[StepResult]:
        """Take ``action`` on every PEP of ``term`` in one of ``states``, in one transaction."""
        done = []
        with self.session() as session:
            rows = session.execute(
                select(Pep, Child)
                .join(Child, Child.id == Pep.child_id)
                .where(
                    Pep.academic_year == term.academic_year,
                    Pep.term == term.term,
                    Pep.state.in_(states),
                )
                .order_by(Child.authority, Child.child_key)
            ).all()
            for pep, child in rows:
                before = pep.state
                after = take_step(
                    session, pep, action, actor=self.user, what=pep_label(child, pep),
                    reason=reason,
                )
                done.append(StepResult(_summary(pep, child), before, after))
        return done

    def save_version(
        self,
        child: str,
        data: Mapping[str, Any],
        *,
        expected_version: int,
        term: TermKey | None = None,
        authority: str | None = None,
    ) -> int:
        """A person's edit: ``data`` (validated) becomes the PEP's next version, if the PEP is
        still at ``expected_version`` (else ``ConcurrentEditError``). On an approved or
        locked PEP the edit goes back for review (a locked PEP changes only this way)."""
        from pepdocs.model import load_pep

        pep_data = load_pep(data)
        with self.session() as session:
            found = find_child(session, child, authority)
            pep = find_pep(session, found, term)
            origin = "amend" if pep.state == "locked" else "edit"
            version = add_version(
                session,
                pep,
                pep_data,
                origin=origin,
                actor=self.user,
                expected_version=expected_version,
            )
            if pep.state in ("approved", "locked"):
                take_step(session, pep, "return", actor=self.user, what=pep_label(found, pep))
            return version.number

    # -- reading -------------------------------------------------------------------------------

    def peps(
        self,
        term: TermKey | None = None,
        states: Sequence[str] | None = None,
        authority: str | None = None,
    ) -> list[PepSummary]:
        """The PEPs of ``term`` (all terms if None), optionally only in ``states``."""
        with self.session() as session:
            query = select(Pep, Child).join(Child, Child.id == Pep.child_id)
            if term is not None:
                query = query.where(
                    Pep.academic_year == term.academic_year, Pep.term == term.term
                )
            if states:
                query = query.where(Pep.state.in_(states))
            if authority:
                query = query.where(Child.authority == authority)
            rows = session.execute(query.order_by(Child.authority, Child.child_key)).all()
            return [_summary(pep, child) for pep, child in rows]

    def terms(self) -> list[TermKey]:
        """The terms the store holds PEPs for, oldest first."""
        with self.session() as session:
            found = session.execute(select(Pep.academic_year, Pep.term).distinct()).all()
        return sorted((TermKey(year, term) for year, term in found), key=lambda t: t.order)

    def latest_term(self) -> TermKey | None:
        terms = self.terms()
        return terms[-1] if terms else None

    def peps_by_state(self, term: TermKey | None = None) -> dict[TermKey, Counter[str]]:
        """How many PEPs are in each state, per term (a dashboard's first table)."""
        with self.session() as session:
            query = select(Pep.academic_year, Pep.term, Pep.state, func.count()).group_by(
                Pep.academic_year, Pep.term, Pep.state
            )
            if term is not None:
                query = query.where(
                    Pep.academic_year == term.academic_year, Pep.term == term.term
                )
            counts: dict[TermKey, Counter[str]] = {}
            for year, term_name, state, count in session.execute(query):
                counts.setdefault(TermKey(year, term_name), Counter())[state] = count
        return dict(sorted(counts.items(), key=lambda item: item[0].order))

    def returns_outstanding(self, term: TermKey) -> list[PepSummary]:
        """PEPs of ``term`` whose form went out and has not come back (pre-filled, sent, or
        returned to the school)."""
        return self.peps(term, ("prefilled", "sent", "returned_to_school"))

    def current(
        self,
        term: TermKey | None = None,
        *,
        all_versions: bool = False,
        states: Sequence[str] | None = None,
    ) -> Iterator[StoredPep]:
        """The PEPs' data: each PEP's latest version (of ``term``, else of every term), or
        every version with ``all_versions``. Streamed in batches: 60,000 PEPs never sit in
        memory at once."""
        with self.session() as session:
            query = (
                select(PepVersion, Pep, Child)
                .join(Pep, Pep.id == PepVersion.pep_id)
                .join(Child, Child.id == Pep.child_id)
            )
            if not all_versions:
                query = query.where(PepVersion.number == Pep.version)
            if term is not None:
                query = query.where(
                    Pep.academic_year == term.academic_year, Pep.term == term.term
                )
            if states:
                query = query.where(Pep.state.in_(states))
            query = query.order_by(Child.authority, Child.child_key, Pep.id, PepVersion.number)
            result = session.execute(query.execution_options(yield_per=1000))
            try:
                for version, pep, child in result:
                    yield StoredPep(
                        _summary(pep, child),
                        version.number,
                        version.data,
                        version.created_at,
                        version.created_by,
                        version.origin,
                    )
            finally:
                result.close()  # a caller that stops early leaves no cursor open

    def check(
        self, as_of: dt.date | None = None, term: TermKey | None = None
    ) -> list[CheckResult]:
        """``check_pep`` on each PEP's latest version (of ``term``, else every PEP)."""
        from pepdocs.compliance import check_pep

        return [
            check_pep(stored.data, as_of, source=stored.label)
            for stored in self.current(term)
        ]

    def due(self, as_of: dt.date | None = None, term: TermKey | None = None) -> list[DueItem]:
        """Each child's next PEP deadline from the PEPs on record (``due_schedule``)."""
        from pepdocs.compliance import due_schedule

        return due_schedule(
            [(stored.label, stored.data) for stored in self.current(term)], as_of
        )

    def overdue(self, as_of: dt.date | None = None) -> list[DueItem]:
        """The children whose next PEP deadline has passed, most pressing first."""
        return [item for item in self.due(as_of) if item.status == "overdue"]

    def version_data(
        self, child: str, *, term: TermKey | None = None, number: int | None = None,
        authority: str | None = None,
    ) -> StoredPep:
        """One version of a child's PEP (the latest unless ``number``)."""
        with self.session() as session:
            found = find_child(session, child, authority)
            pep = find_pep(session, found, term)
            version = (
                latest_version(session, pep)
                if number is None
                else session.scalar(
                    select(PepVersion).where(
                        PepVersion.pep_id == pep.id, PepVersion.number == number
                    )
                )
            )
            if version is None:
                raise NotFoundError(f"{pep_label(found, pep)}: no version {number or ''}".strip())
            return StoredPep(
                _summary(pep, found), version.number, version.data, version.created_at,
                version.created_by, version.origin,
            )

    def history(self, child: str, authority: str | None = None) -> ChildHistory:
        """Every PEP, version and audit line of one child, oldest first."""
        with self.session() as session:
            found = find_child(session, child, authority)
            peps = list(session.scalars(select(Pep).where(Pep.child_id == found.id)))
            peps.sort(key=lambda pep: TermKey(pep.academic_year, pep.term).order)
            by_id = {pep.id: pep for pep in peps}
            listed = []
            for pep in peps:
                versions = []
                rows = session.execute(
                    select(PepVersion, Document)
                    .outerjoin(Document, Document.id == PepVersion.document_id)
                    .where(PepVersion.pep_id == pep.id)
                    .order_by(PepVersion.number)
                ).all()
                for version, document in rows:
                    versions.append(
                        VersionSummary(
                            number=version.number,
                            origin=version.origin,
                            created_at=version.created_at,
                            created_by=version.created_by,
                            rating=version.rating,
                            document=document.uid if document is not None else None,
                            problems=self._problems(session, version.id),
                        )
                    )
                listed.append((_summary(pep, found), versions))
            entries = []
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.child_id == found.id)
                .order_by(AuditEntry.at, AuditEntry.id)
            ):
                of = by_id.get(entry.pep_id) if entry.pep_id is not None else None
                entries.append(
                    HistoryEntry(
                        at=entry.at,
                        actor=entry.actor,
                        action=entry.action,
                        academic_year=of.academic_year if of else None,
                        term=of.term if of else None,
                        version=entry.version,
                        from_state=entry.from_state,
                        to_state=entry.to_state,
                        reason=entry.reason,
                        changes=tuple(entry.changes or ()),
                    )
                )
            return ChildHistory(
                child=found.la_child_id or found.upn or found.child_key,
                authority=found.authority,
                peps=listed,
                entries=entries,
            )

    @staticmethod
    def _problems(session: Session, version_id: int) -> dict[str, int]:
        extraction = session.scalar(
            select(Extraction).where(Extraction.pep_version_id == version_id)
        )
        findings = session.execute(
            select(FindingRow.severity, func.count())
            .where(FindingRow.pep_version_id == version_id)
            .group_by(FindingRow.severity)
        ).all()
        problems = {f"{severity} findings": count for severity, count in findings}
        if extraction is not None:
            problems.update(
                unparseable=extraction.unparseable,
                invalid=extraction.invalid,
                unmapped=len(extraction.unmapped or ()),
            )
        return {key: value for key, value in problems.items() if value}

    def field_reports(self, document_uid: str) -> list[dict[str, Any]]:
        """The field reports of a received document's extraction (raw text included: for the
        person fixing them, never for logs)."""
        with self.session() as session:
            reports = session.scalar(
                select(Extraction.field_reports)
                .join(Document, Document.id == Extraction.document_id)
                .where(Document.uid == document_uid)
            )
        return [
            {key: value for key, value in field_report(item).items() if key != "anchor_used"}
            for item in reports or ()
        ]

    def document_bytes(self, uid: str) -> bytes:
        """A stored document's bytes (checked against its SHA-256)."""
        with self.session() as session:
            document = session.scalar(select(Document).where(Document.uid == uid))
            if document is None:
                raise NotFoundError(f"{uid}: no such document in the store")
            return self.documents.read(session, document.sha256, document.stored_in)

    def counts(self) -> dict[str, int]:
        """How many rows each kind of record has (for ``db info``)."""
        with self.session() as session:
            return {
                "children": session.scalar(select(func.count()).select_from(Child)) or 0,
                "PEPs": session.scalar(select(func.count()).select_from(Pep)) or 0,
                "versions": session.scalar(select(func.count()).select_from(PepVersion)) or 0,
                "documents": session.scalar(select(func.count()).select_from(Document)) or 0,
                "audit lines": session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            }


def _reason(problem: DBAPIError) -> str:
    """The database's complaint, first line only, with no SQL and no parameters (which
    could hold a child's data)."""
    original = getattr(problem, "orig", None)
    text = str(original if original is not None else problem).strip().splitlines()
    return text[0][:200] if text else type(problem).__name__


def open_store(
    db: str | os.PathLike[str] | None = None,
    *,
    user: str | None = None,
    upgrade: bool = True,
) -> Store:
    """The store ``db`` names (a file path or URL), else ``PEPDOCS_DB``, else the per-user
    default; created on first use and upgraded in place (see :mod:`pepdocs.store.location`)."""
    return Store(locate(db), user=user, upgrade=upgrade)


#: every state, for dashboards that list zero counts too
ALL_STATES = STATES
