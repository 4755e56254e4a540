"""``pepdocs db retention --before DATE``: documents past the authority's retention period
removed, each with an audit line.

What goes: the document's bytes (its file, or its blob), its file name (a school may have
named it after the child) and what its extraction kept as typed (the raw text of fields
that could not be read or were refused, taken out of its field reports; unmapped text).
What stays: the document's row with its SHA-256 and dates (so the record still shows a form
was sent or received), the PEP versions (the record itself; the store keeps every version)
and the audit log (append-only). Without ``apply`` nothing is changed: the documents that
would go are listed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select, update

from pepdocs.store.fieldreports import without_raw
from pepdocs.store.schema import AuditEntry, Document, DocumentBlob, Extraction, utcnow
from pepdocs.store.store import Store

__all__ = ["RetentionResult", "apply_retention"]


@dataclass(slots=True)
class RetentionResult:
    before: dt.date
    applied: bool
    documents: list[str] = field(default_factory=list)
    files_removed: int = 0


def apply_retention(store: Store, before: dt.date, *, apply: bool = False) -> RetentionResult:
    """Remove the documents stored before ``before`` (see the module docstring)."""
    result = RetentionResult(before, apply)
    cutoff = dt.datetime.combine(before, dt.time())
    freed: set[tuple[str, str]] = set()
    with store.session() as session:
        documents = list(
            session.scalars(
                select(Document)
                .where(Document.created_at < cutoff, Document.stored_in != "removed")
                .order_by(Document.created_at, Document.id)
            )
        )
        result.documents = [document.uid for document in documents]
        if not apply:
            return result
        for document in documents:
            freed.add((document.sha256, document.stored_in))
            document.stored_in = "removed"
            document.name = None
            document.removed_at = utcnow()
            extraction = session.execute(
                select(Extraction.id, Extraction.field_reports).where(
                    Extraction.document_id == document.id
                )
            ).first()
            if extraction is not None:
                session.execute(
                    update(Extraction)
                    .where(Extraction.id == extraction.id)
                    .values(unmapped=[], field_reports=without_raw(extraction.field_reports))
                )
            session.add(
                AuditEntry(
                    at=utcnow(),
                    actor=store.user,
                    action="document.removed",
                    child_id=document.child_id,
                    pep_id=document.pep_id,
                    document_id=document.id,
                    reason=f"retention: stored before {before.isoformat()}",
                )
            )
        session.flush()
        # every removed document's bytes (this run's, and any a crash left behind before)
        removed = set(
            session.scalars(select(Document.sha256).where(Document.stored_in == "removed"))
        )
        live = set(
            session.scalars(select(Document.sha256).where(Document.stored_in != "removed"))
        )
        gone = sorted((removed | {digest for digest, _ in freed}) - live)
        for digest in gone:
            # a blob goes in this transaction
            if session.get(DocumentBlob, digest) is not None:
                store.documents.remove(session, digest, "database")
                result.files_removed += 1
    # files go once the rows saying they are removed have committed (a crash in between
    # leaves files no row reads, which the next run removes)
    if store.documents.folder is not None:
        for digest in gone:
            path = store.documents.path_of(digest)
            if path.is_file():
                path.unlink(missing_ok=True)
                result.files_removed += 1
    return result
