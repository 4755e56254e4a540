"""The field reports' migration (0004): a store of the first schema with returns in it
upgrades in place, each extraction's field rows moved, in order, into one JSON value on its
row; the migration undoes (the rows come back) and redoes to the same reports; on SQLite
and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from sqlalchemy.dialects import postgresql

from pepdocs.store import SCHEMA_REVISION, Store, collect, locate, open_store
from pepdocs.store.migrate import FIRST_REVISION, alembic_config, current_revision
from pepdocs.store.schema import Document, Extraction
from pepdocs.store.workbench import review
from tests.store.term import MEETING, record_batch

Term = tuple[Path, Path, Any]
JSON = sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")
NOW = sa.func.now()

_CHILDREN = sa.table(
    "children", sa.column("id"), sa.column("authority"), sa.column("child_key"),
    sa.column("la_child_id"), sa.column("created_at"),
)
_PEPS = sa.table(
    "peps", sa.column("id"), sa.column("child_id"), sa.column("academic_year"),
    sa.column("term"), sa.column("state"), sa.column("version"), sa.column("revision"),
    sa.column("authority"), sa.column("form"), sa.column("created_at"), sa.column("updated_at"),
)
_VERSIONS = sa.table(
    "pep_versions", sa.column("id"), sa.column("pep_id"), sa.column("number"),
    sa.column("data", JSON), sa.column("data_sha256"), sa.column("origin"),
    sa.column("document_id"), sa.column("created_at"), sa.column("created_by"),
)
_DOCUMENTS = sa.table(
    "documents", sa.column("id"), sa.column("uid"), sa.column("direction"), sa.column("pep_id"),
    sa.column("child_id"), sa.column("sha256"), sa.column("size"), sa.column("kind"),
    sa.column("name"), sa.column("stored_in"), sa.column("created_at"), sa.column("created_by"),
)
_EXTRACTIONS = sa.table(
    "extractions", sa.column("id"), sa.column("document_id"), sa.column("pep_version_id"),
    sa.column("authority"), sa.column("form"), sa.column("how"), sa.column("confidence"),
    sa.column("found"), sa.column("empty"), sa.column("unparseable"), sa.column("invalid"),
    sa.column("missing"), sa.column("unmapped", JSON), sa.column("notes", JSON),
)
_FIELDS = sa.table(
    "extraction_fields", sa.column("id"), sa.column("extraction_id"), sa.column("path"),
    sa.column("status"), sa.column("location"), sa.column("anchor_used"),
    sa.column("raw", JSON), sa.column("notes", JSON),
)
#: field rows as schema 0003 held them: (path, status, location, anchor, raw, notes)
ROWS = [
    ("child.first_name", "found", "content control 'first_name'", "primary", None, None),
    ("meta.meeting_date", "unparseable", "label 'Date of meeting'", "primary",
     "31st Febtember", None),
    ("child.upn", "invalid", "label 'UPN'", "fallback", "A12345678901X",
     ["The UPN's check letter is wrong."]),
    ("targets.0.due_date", "unparseable", "table 'Targets' row 1", None, ["next", "week"], None),
    ("views.child", "empty", "heading 'Child's views'", "primary", None, None),
    ("signoff.qa_rating", "missing", None, None, None, None),
]
DATA = {"meta": {"authority": "eastborough", "academic_year": "2025-26", "term": "summer"},
        "child": {"la_child_id": "2015090", "first_name": "Ola"}}


def _first_schema_with_a_return(url: str) -> None:
    """A store made at the first schema with a child, a PEP, its version and the returned
    form it came from; upgraded to the schema before this migration, where the form's
    extraction and its field rows are added (two forms: one with no field rows)."""
    store = Store(locate(url), upgrade=False)
    with store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), FIRST_REVISION)  # type: ignore[arg-type]
        connection.execute(sa.insert(_CHILDREN).values(
            id=1, authority="eastborough", child_key="2015090", la_child_id="2015090",
            created_at=NOW))
        connection.execute(sa.insert(_PEPS).values(
            id=1, child_id=1, academic_year="2025-26", term="summer", state="returned",
            version=1, revision=1, authority="eastborough", form="school_age",
            created_at=NOW, updated_at=NOW))
        for number, uid in ((1, "returned-one"), (2, "returned-two")):
            connection.execute(sa.insert(_DOCUMENTS).values(
                id=number, uid=uid, direction="received", pep_id=1, child_id=1,
                sha256=f"{number:064d}", size=10, kind="docx", name=f"{uid}.docx",
                stored_in="folder", created_at=NOW, created_by="tester"))
        connection.execute(sa.insert(_VERSIONS).values(
            id=1, pep_id=1, number=1, data=DATA, data_sha256="0" * 64, origin="return",
            document_id=1, created_at=NOW, created_by="tester"))
    with store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")  # type: ignore[arg-type]
        for number in (1, 2):
            connection.execute(sa.insert(_EXTRACTIONS).values(
                id=number, document_id=number, pep_version_id=1 if number == 1 else None,
                authority="eastborough", form="school_age", how="document_id", confidence=1.0,
                found=1, empty=1, unparseable=2, invalid=1, missing=1, unmapped=[], notes=[]))
        connection.execute(sa.insert(_FIELDS), [
            {"extraction_id": 1, "path": path, "status": status, "location": location,
             "anchor_used": anchor, "raw": raw, "notes": notes}
            for path, status, location, anchor, raw, notes in ROWS
        ])
    store.close()


def test_a_store_of_the_first_schema_keeps_each_returns_field_reports_in_order(
    database_url: str,
) -> None:
    _first_schema_with_a_return(database_url)
    with open_store(database_url, user="tester") as store:  # opening upgrades
        with store.engine.connect() as connection:
            assert current_revision(connection) == SCHEMA_REVISION == "0004"
        assert "extraction_fields" not in sa.inspect(store.engine).get_table_names()
        assert store.field_reports("returned-one") == [
            {"path": path, "status": status, "location": location, "raw": raw,
             "notes": notes or []}
            for path, status, location, _, raw, notes in ROWS
        ]
        assert store.field_reports("returned-two") == []
        found = review(store, "returned-one")
        assert [read.path for read in found.problems] == [
            "meta.meeting_date", "targets.0.due_date", "child.upn", "signoff.qa_rating"
        ]
        assert found.fields[2].raw == "A12345678901X"
        assert found.fields[2].notes == ("The UPN's check letter is wrong.",)
        first = next(read for read in found.fields if read.path == "child.first_name")
        assert (first.value, first.location, first.raw) == ("Ola", "content control "
                                                              "'first_name'", None)


def _reports(store: Store) -> dict[str, list[dict[str, Any]]]:
    with store.session() as session:
        return {
            uid: reports
            for uid, reports in session.execute(
                sa.select(Document.uid, Extraction.field_reports).join(
                    Extraction, Extraction.document_id == Document.id
                )
            )
        }


def test_the_migration_undoes_to_rows_and_redoes_to_the_same_reports(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, returned, _ = term
    record_batch(store, batch, tmp_path / "sent")
    collect(store, returned, as_of=MEETING)
    before = _reports(store)
    reviews = {uid: review(store, uid) for uid in before}
    kept = sum(len(reports) for reports in before.values())
    assert len(before) == 12 and kept > 12 * 40
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0003")  # type: ignore[arg-type]
        rows = connection.execute(sa.select(sa.func.count()).select_from(_FIELDS)).scalar()
        typed = connection.execute(
            sa.select(_FIELDS.c.raw).where(_FIELDS.c.status == "unparseable")
        ).scalars().all()
    assert rows == kept and "31st Febtember" in typed
    assert "field_reports" not in {
        column["name"] for column in sa.inspect(store.engine).get_columns("extractions")
    }
    with store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")  # type: ignore[arg-type]
    assert _reports(store) == before
    assert {uid: review(store, uid) for uid in before} == reviews
