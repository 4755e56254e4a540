"""Extraction results (each field's report and raw text), check findings, and the rating
of each PEP version.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("pep_versions") as table:
        table.add_column(sa.Column("rating", sa.String(length=16), nullable=True))
    op.create_table(
        "extractions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("pep_version_id", sa.Integer(), nullable=True),
        sa.Column("authority", sa.String(length=64), nullable=False),
        sa.Column("form", sa.String(length=64), nullable=False),
        sa.Column("how", sa.String(length=16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("found", sa.Integer(), nullable=False),
        sa.Column("empty", sa.Integer(), nullable=False),
        sa.Column("unparseable", sa.Integer(), nullable=False),
        sa.Column("invalid", sa.Integer(), nullable=False),
        sa.Column("missing", sa.Integer(), nullable=False),
        sa.Column("unmapped", JSON, nullable=False),
        sa.Column("notes", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_extractions_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["pep_version_id"],
            ["pep_versions.id"],
            name=op.f("fk_extractions_pep_version_id_pep_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extractions")),
        sa.UniqueConstraint("document_id", name=op.f("uq_extractions_document_id")),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pep_version_id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("rule_id", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("basis", sa.String(length=32), nullable=False),
        sa.Column("section", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("path", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["pep_version_id"],
            ["pep_versions.id"],
            name=op.f("fk_findings_pep_version_id_pep_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    op.create_index(op.f("ix_findings_pep_version_id"), "findings", ["pep_version_id"])
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


def downgrade() -> None:
    op.drop_table("extraction_fields")
    op.drop_table("findings")
    op.drop_table("extractions")
    with op.batch_alter_table("pep_versions") as table:
        table.drop_column("rating")
