"""The store's schema, versioned: Alembic migrations shipped inside the package.

Opening a store upgrades an older schema in place (:func:`ensure_schema`); ``pepdocs db
upgrade`` does the same on purpose. :data:`SCHEMA_REVISION` is the newest migration's id (a
test checks it is Alembic's head), so opening a store that is up to date reads one row and
never loads Alembic.
"""

from __future__ import annotations

from importlib import resources

from sqlalchemy import Connection, Engine, inspect, text

from pepdocs.store.errors import SchemaError

__all__ = [
    "FIRST_REVISION",
    "SCHEMA_REVISION",
    "alembic_config",
    "current_revision",
    "ensure_schema",
    "upgrade",
]

#: the first schema pepdocs shipped, and the newest (the migrations' head)
FIRST_REVISION = "0001"
SCHEMA_REVISION = "0004"
#: the revisions in order, oldest first
REVISIONS = ("0001", "0002", "0003", "0004")
#: a number no other application is likely to use for PostgreSQL's advisory lock
_UPGRADE_LOCK = 0x7065_7064  # "pepd"


def alembic_config(connection: Connection) -> object:
    """An Alembic ``Config`` running the shipped migrations on ``connection``."""
    from alembic.config import Config

    config = Config()
    folder = resources.files("pepdocs.store") / "migrations"
    config.set_main_option("script_location", str(folder))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The schema revision the database is at, or None for an empty database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the database's schema up to ``revision`` (default the newest); returns the
    revisions before and after. On PostgreSQL an advisory lock keeps two users' first
    opens from migrating at once."""
    from alembic import command

    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        before = current_revision(connection)
        _refuse_unknown(before)
        config = alembic_config(connection)
        command.upgrade(config, revision)  # type: ignore[arg-type]
        after = current_revision(connection)
    return before, after or ""


def _refuse_unknown(revision: str | None) -> None:
    if revision is not None and revision not in REVISIONS:
        raise SchemaError(
            f"the store's schema is {revision}, which this pepdocs does not know (it knows up to "
            f"{SCHEMA_REVISION}): it was made by a newer pepdocs; upgrade pepdocs"
        )


def ensure_schema(engine: Engine) -> None:
    """Upgrade the store's schema if it is older than this pepdocs (or absent)."""
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision == SCHEMA_REVISION:
        return
    _refuse_unknown(revision)
    upgrade(engine)
