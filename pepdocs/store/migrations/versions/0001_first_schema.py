"""The first schema: children, PEPs and their versions, documents, runs, settings and the
append-only audit log.

Revision ID: 0001
Revises:
Create Date: 2026-05-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)
_POSTGRES_TRIGGERS = (
    "CREATE FUNCTION pepdocs_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
    "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit "
    "FOR EACH ROW EXECUTE FUNCTION pepdocs_audit_append_only()",
    "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit "
    "FOR EACH STATEMENT EXECUTE FUNCTION pepdocs_audit_append_only()",
)


def upgrade() -> None:
    op.create_table(
        "children",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("authority", sa.String(length=64), nullable=False),
        sa.Column("child_key", sa.String(length=128), nullable=False),
        sa.Column("la_child_id", sa.String(length=64), nullable=True),
        sa.Column("upn", sa.String(length=13), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_children")),
        sa.UniqueConstraint(
            "authority", "child_key", name=op.f("uq_children_authority_child_key")
        ),
    )
    op.create_index(op.f("ix_children_la_child_id"), "children", ["la_child_id"])
    op.create_index(op.f("ix_children_upn"), "children", ["upn"])
    op.create_table(
        "document_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_document_blobs")),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("folder", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("actor", sa.String(length=128), nullable=False),
        sa.Column("counts", JSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "peps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("academic_year", sa.String(length=7), nullable=False),
        sa.Column("term", sa.String(length=6), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("authority", sa.String(length=64), nullable=True),
        sa.Column("form", sa.String(length=64), nullable=True),
        sa.Column("approved_version", sa.Integer(), nullable=True),
        sa.Column("locked_version", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.id"], name=op.f("fk_peps_child_id_children")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_peps")),
        sa.UniqueConstraint(
            "child_id", "academic_year", "term", name=op.f("uq_peps_child_id_academic_year_term")
        ),
    )
    op.create_index("ix_peps_term_state", "peps", ["academic_year", "term", "state"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("pep_id", sa.Integer(), nullable=True),
        sa.Column("child_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=True),
        sa.Column("authority", sa.String(length=64), nullable=True),
        sa.Column("form", sa.String(length=64), nullable=True),
        sa.Column("form_version", sa.String(length=32), nullable=True),
        sa.Column("template", sa.String(length=255), nullable=True),
        sa.Column("answers_id", sa.Integer(), nullable=True),
        sa.Column("matched_by", sa.String(length=16), nullable=True),
        sa.Column("unchanged", sa.Boolean(), nullable=True),
        sa.Column("stored_in", sa.String(length=8), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=128), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["answers_id"], ["documents.id"], name=op.f("fk_documents_answers_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.id"], name=op.f("fk_documents_child_id_children")
        ),
        sa.ForeignKeyConstraint(["pep_id"], ["peps.id"], name=op.f("fk_documents_pep_id_peps")),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_documents_run_id_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("direction", "sha256", name=op.f("uq_documents_direction_sha256")),
        sa.UniqueConstraint("uid", name=op.f("uq_documents_uid")),
    )
    op.create_index(op.f("ix_documents_child_id"), "documents", ["child_id"])
    op.create_index(op.f("ix_documents_created_at"), "documents", ["created_at"])
    op.create_index(op.f("ix_documents_pep_id"), "documents", ["pep_id"])
    op.create_index(op.f("ix_documents_sha256"), "documents", ["sha256"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=128), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=True),
        sa.Column("pep_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("from_state", sa.String(length=24), nullable=True),
        sa.Column("to_state", sa.String(length=24), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("changes", JSON, nullable=True),
        sa.ForeignKeyConstraint(
            ["child_id"], ["children.id"], name=op.f("fk_audit_child_id_children")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_audit_document_id_documents")
        ),
        sa.ForeignKeyConstraint(["pep_id"], ["peps.id"], name=op.f("fk_audit_pep_id_peps")),
        sa.ForeignKeyConstraint(["run_id"], ["runs.id"], name=op.f("fk_audit_run_id_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index(op.f("ix_audit_at"), "audit", ["at"])
    op.create_index(op.f("ix_audit_child_id"), "audit", ["child_id"])
    op.create_index(op.f("ix_audit_pep_id"), "audit", ["pep_id"])
    op.create_table(
        "pep_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pep_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("data", JSON, nullable=False),
        sa.Column("data_sha256", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_pep_versions_document_id_documents")
        ),
        sa.ForeignKeyConstraint(["pep_id"], ["peps.id"], name=op.f("fk_pep_versions_pep_id_peps")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pep_versions")),
        sa.UniqueConstraint("pep_id", "number", name=op.f("uq_pep_versions_pep_id_number")),
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    triggers = _POSTGRES_TRIGGERS if postgres else _SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    for table in (
        "pep_versions", "audit", "documents", "peps", "settings", "runs", "document_blobs",
        "children",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS pepdocs_audit_append_only()")
