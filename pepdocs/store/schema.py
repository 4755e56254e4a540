"""The store's tables, as typed SQLAlchemy models (docs/store.md draws them).

Children; PEPs (one per child per academic year and term) with every version kept; documents
(every form sent or received: SHA-256, authority, form, mapping version; the bytes in a
content-addressed folder or in ``document_blobs``); extraction results with each field's
report and raw text (one JSON value per extraction); check findings; runs of ``batch`` and
``collect``; and the audit log, which the database itself keeps append-only (triggers
refuse UPDATE and DELETE on it); and the workbench's accounts (shared mode).

Times are UTC, stored without a zone. The schema's history is the Alembic migrations in
``pepdocs/store/migrations/versions``; a test checks these models and the migrated
database agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Account",
    "AuditEntry",
    "Base",
    "Child",
    "Document",
    "DocumentBlob",
    "Extraction",
    "FindingRow",
    "Pep",
    "PepVersion",
    "Run",
    "Setting",
    "utcnow",
]

#: JSON, as JSONB on PostgreSQL
Json = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
#: names constraints predictably, so migrations can name them on every database
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Now, in UTC, without a zone (as every time in the store is kept)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: Json, list[Any]: Json}


class Child(Base):
    """A child, by authority and LA child id (``upn:<UPN>`` where there is no LA id)."""

    __tablename__ = "children"
    __table_args__ = (UniqueConstraint("authority", "child_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    authority: Mapped[str] = mapped_column(String(64))
    child_key: Mapped[str] = mapped_column(String(128))
    la_child_id: Mapped[str | None] = mapped_column(String(64), index=True)
    upn: Mapped[str | None] = mapped_column(String(13), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Pep(Base):
    """One child's PEP for one term. ``version`` is the latest content version's number;
    ``revision`` counts every change to this row and is checked on each write (optimistic
    locking: a write based on an older revision fails instead of overwriting)."""

    __tablename__ = "peps"
    __table_args__ = (
        UniqueConstraint("child_id", "academic_year", "term"),
        Index("ix_peps_term_state", "academic_year", "term", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id"))
    academic_year: Mapped[str] = mapped_column(String(7))
    term: Mapped[str] = mapped_column(String(6))
    state: Mapped[str] = mapped_column(String(24))
    version: Mapped[int] = mapped_column(Integer, default=0)
    revision: Mapped[int] = mapped_column(Integer)
    authority: Mapped[str | None] = mapped_column(String(64))
    form: Mapped[str | None] = mapped_column(String(64))
    approved_version: Mapped[int | None] = mapped_column(Integer)
    locked_version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __mapper_args__ = {"version_id_col": revision}  # noqa: RUF012 (SQLAlchemy reads it)


class PepVersion(Base):
    """A PEP's content at one version: never changed once written."""

    __tablename__ = "pep_versions"
    __table_args__ = (UniqueConstraint("pep_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pep_id: Mapped[int] = mapped_column(ForeignKey("peps.id"))
    number: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]
    data_sha256: Mapped[str] = mapped_column(String(64))
    #: prefill (batch), return (collect), edit (a person), amend (after the PEP was locked)
    origin: Mapped[str] = mapped_column(String(16))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    rating: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(128))


class Document(Base):
    """A form sent (``batch``) or received (``collect``). ``uid`` is the document id written
    into a sent form; a received form gets its own. The bytes are in the documents folder
    (``stored_in`` folder) or in ``document_blobs`` (database), or were removed by retention
    (``removed``: the name goes too; the SHA-256 stays)."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("direction", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    direction: Mapped[str] = mapped_column(String(8))
    pep_id: Mapped[int | None] = mapped_column(ForeignKey("peps.id"), index=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str | None] = mapped_column(String(255))
    authority: Mapped[str | None] = mapped_column(String(64))
    form: Mapped[str | None] = mapped_column(String(64))
    form_version: Mapped[str | None] = mapped_column(String(32))
    template: Mapped[str | None] = mapped_column(String(255))
    #: a received form: the sent form it answers, and how it was matched to it
    answers_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    matched_by: Mapped[str | None] = mapped_column(String(16))
    unchanged: Mapped[bool | None] = mapped_column(Boolean)
    stored_in: Mapped[str] = mapped_column(String(8))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    created_by: Mapped[str] = mapped_column(String(128))
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class DocumentBlob(Base):
    """A document's bytes, when the store keeps them in the database."""

    __tablename__ = "document_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Extraction(Base):
    """What reading a received form gave: which form, how it was recognised, the counts,
    the unmapped text, the notes and each field's report (the PEP itself is the version it
    made). ``field_reports`` is one JSON list, in the order the form was read
    (:mod:`pepdocs.store.fieldreports`): each field's path, status, location, anchor and
    notes, and ``raw``, the text as typed, for a field that could not be read or was refused
    (removed with the document by retention)."""

    __tablename__ = "extractions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    pep_version_id: Mapped[int | None] = mapped_column(ForeignKey("pep_versions.id"))
    authority: Mapped[str] = mapped_column(String(64))
    form: Mapped[str] = mapped_column(String(64))
    #: document_id (the id the form carries), known, printed or inferred (recognition)
    how: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    found: Mapped[int] = mapped_column(Integer)
    empty: Mapped[int] = mapped_column(Integer)
    unparseable: Mapped[int] = mapped_column(Integer)
    invalid: Mapped[int] = mapped_column(Integer)
    missing: Mapped[int] = mapped_column(Integer)
    unmapped: Mapped[list[Any]]
    notes: Mapped[list[Any]]
    #: JSON, not JSONB, on PostgreSQL too: kept as written (cheaper to write and read back),
    #: as nothing queries inside it
    field_reports: Mapped[list[Any]] = mapped_column(JSON(none_as_null=True))


class FindingRow(Base):
    """A check finding on a PEP version, as of the day it was checked."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    pep_version_id: Mapped[int] = mapped_column(ForeignKey("pep_versions.id"), index=True)
    as_of: Mapped[dt.date] = mapped_column(Date)
    rule_id: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(128))
    severity: Mapped[str] = mapped_column(String(8))
    basis: Mapped[str] = mapped_column(String(32))
    section: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(String(255))


class Run(Base):
    """One ``batch`` or ``collect`` (or retention, restore) over the store."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    folder: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(128))
    counts: Mapped[dict[str, Any] | None]


class AuditEntry(Base):
    """One line of the audit log: who, when, what. ``changes`` lists the fields a new
    version changed (``{"path": ..., "change": "added" | "removed" | "changed"}``): paths
    and presence only; the values are in the versions. Append-only: the database refuses
    UPDATE and DELETE on this table."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"), index=True)
    pep_id: Mapped[int | None] = mapped_column(ForeignKey("peps.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    version: Mapped[int | None] = mapped_column(Integer)
    from_state: Mapped[str | None] = mapped_column(String(24))
    to_state: Mapped[str | None] = mapped_column(String(24))
    reason: Mapped[str | None] = mapped_column(Text)
    changes: Mapped[list[Any] | None]


class Setting(Base):
    """A store-wide setting (``documents``: where new documents go)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Account(Base):
    """A person who signs in to the workbench in shared mode (``pepdocs users``): a role,
    the URNs of a designated teacher's schools, an Argon2id password hash (never the
    password). Disabled, never deleted: the audit log names accounts."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    email: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(24))
    schools: Mapped[list[Any]]
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(128))
    password_changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    disabled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
