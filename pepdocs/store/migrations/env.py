"""Alembic's environment for the store: migrations run on the connection pepdocs hands over
(``pepdocs.store.migrate``), never on one this file opens from a config file."""

from __future__ import annotations

from alembic import context

from pepdocs.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("pepdocs store migrations run through pepdocs db upgrade")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
