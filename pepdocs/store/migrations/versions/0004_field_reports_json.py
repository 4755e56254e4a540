"""Each extraction's field reports as one JSON value on its row (``extractions.field_reports``)
instead of a row per field (``extraction_fields``, dropped): writing ~90 rows per returned
form was most of what the store cost in ``collect``, and nothing queried them by SQL.

Existing rows move into the JSON in the order they were written (by id), each as
``pepdocs.store.fieldreports`` keeps a field report (keys with no value left out); the
downgrade writes them back as rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
#: as the models write JSON: None as SQL NULL
_NULLABLE_JSON = sa.JSON(none_as_null=True).with_variant(
    postgresql.JSONB(none_as_null=True), "postgresql"
)
#: extractions moved per statement (each with its ~90 field reports)
CHUNK = 500

_extractions = sa.table(
    "extractions", sa.column("id", sa.Integer), sa.column("field_reports", sa.JSON())
)
_fields = sa.table(
    "extraction_fields",
    sa.column("id", sa.Integer),
    sa.column("extraction_id", sa.Integer),
    sa.column("path", sa.String),
    sa.column("status", sa.String),
    sa.column("location", sa.Text),
    sa.column("anchor_used", sa.String),
    sa.column("raw", _NULLABLE_JSON),
    sa.column("notes", _NULLABLE_JSON),
)
#: the columns a field report's keys come from
_KEYS = ("path", "status", "location", "anchor_used", "raw", "notes")


def _chunks(connection: sa.Connection) -> Iterator[list[int]]:
    """Every extraction's id, oldest first, CHUNK at a time."""
    query = sa.select(_extractions.c.id).order_by(_extractions.c.id)
    ids = list(connection.execute(query).scalars())
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _kept(row: Any) -> dict[str, Any]:
    """A field's row as the JSON keeps it: path and status; location, anchor, raw text and
    notes only when they have a value."""
    item: dict[str, Any] = {"path": row["path"], "status": row["status"]}
    if row["location"]:
        item["location"] = row["location"]
    if row["anchor_used"]:
        item["anchor_used"] = row["anchor_used"]
    if row["raw"] is not None:
        item["raw"] = row["raw"]
    if row["notes"]:
        item["notes"] = list(row["notes"])
    return item


def upgrade() -> None:
    with op.batch_alter_table("extractions") as table:
        # JSON on PostgreSQL too (not JSONB): kept as written, nothing queries inside it
        table.add_column(sa.Column("field_reports", sa.JSON(), nullable=True))
    connection = op.get_bind()
    for ids in _chunks(connection):
        kept: dict[int, list[dict[str, Any]]] = {extraction: [] for extraction in ids}
        for row in connection.execute(
            sa.select(_fields.c.extraction_id, *(_fields.c[key] for key in _KEYS))
            .where(_fields.c.extraction_id.in_(ids))
            .order_by(_fields.c.id)
        ):
            kept[row.extraction_id].append(_kept(row._mapping))
        connection.execute(
            sa.update(_extractions)
            .where(_extractions.c.id == sa.bindparam("extraction"))
            .values(field_reports=sa.bindparam("reports", type_=sa.JSON())),
            [{"extraction": key, "reports": reports} for key, reports in kept.items()],
        )
    op.drop_index(op.f("ix_extraction_fields_extraction_id"), table_name="extraction_fields")
    op.drop_table("extraction_fields")
    with op.batch_alter_table("extractions") as table:
        table.alter_column("field_reports", existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    op.create_table(
        "extraction_fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("extraction_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("anchor_used", sa.String(length=16), nullable=True),
        sa.Column("raw", JSON, nullable=True),
        sa.Column("notes", JSON, nullable=True),
        sa.ForeignKeyConstraint(
            ["extraction_id"],
            ["extractions.id"],
            name=op.f("fk_extraction_fields_extraction_id_extractions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extraction_fields")),
    )
    op.create_index(
        op.f("ix_extraction_fields_extraction_id"), "extraction_fields", ["extraction_id"]
    )
    connection = op.get_bind()
    for ids in _chunks(connection):
        rows = [
            {
                "extraction_id": extraction,
                "path": str(item["path"])[:255],
                "status": item["status"],
                "location": item.get("location"),
                "anchor_used": item.get("anchor_used"),
                "raw": item.get("raw"),
                "notes": item.get("notes") or None,
            }
            for extraction, reports in connection.execute(
                sa.select(_extractions.c.id, _extractions.c.field_reports)
                .where(_extractions.c.id.in_(ids))
                .order_by(_extractions.c.id)
            )
            for item in reports or ()
        ]
        if rows:
            connection.execute(sa.insert(_fields), rows)
    # not a batch (on SQLite: a copy of the table, and dropping the old one is refused
    # while the field rows refer to it): SQLite drops a column in place since 3.35
    op.drop_column("extractions", "field_reports")
