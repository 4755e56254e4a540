"""Where the store is, how it is made (owner-only), and its schema: migrated from nothing and
from the first schema on both engines, in agreement with the models, append-only audit."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from pepdocs.errors import UsageError
from pepdocs.store import SCHEMA_REVISION, SchemaError, Store, locate, open_store
from pepdocs.store.location import default_database
from pepdocs.store.migrate import FIRST_REVISION, alembic_config, current_revision
from pepdocs.store.schema import Base


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_store_is_owner_only_file_and_folder(tmp_path: Path) -> None:
    path = tmp_path / "vs" / "pepdocs.db"
    with open_store(path) as store:
        store.counts()
        assert store.created
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    for companion in path.parent.iterdir():  # SQLite's write-ahead log takes the file's mode
        assert _mode(companion) == 0o600, companion.name


def test_the_default_store_is_in_the_users_data_folder(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_database() == tmp_path / "data" / "pepdocs" / "pepdocs.db"
    found = locate(None)
    assert found.sqlite_path == default_database()
    assert found.documents_folder == tmp_path / "data" / "pepdocs" / "pepdocs-documents"


def test_pepdocs_db_names_the_store_and_a_postgresql_url_gets_psycopg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PEPDOCS_DB", str(tmp_path / "x.db"))
    assert locate(None).sqlite_path == tmp_path / "x.db"
    server = locate("postgresql://vs:secret@dbhost/pepdocs")
    assert server.url.startswith("postgresql+psycopg://") and server.sqlite_path is None
    assert server.documents_folder is None  # a server keeps documents in the database
    assert "secret" not in server.describe()
    monkeypatch.setenv("PEPDOCS_DOCUMENTS", str(tmp_path / "shared"))
    assert locate("postgresql://vs@dbhost/pepdocs").documents_folder == tmp_path / "shared"
    monkeypatch.setenv("PEPDOCS_DOCUMENTS", "database")
    assert locate(tmp_path / "y.db").documents_folder is None


def test_an_unsupported_database_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="SQLite or PostgreSQL, not mysql"):
        locate("mysql://vs@dbhost/pepdocs")


def test_the_schema_revision_is_the_migrations_head(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        script = ScriptDirectory.from_config(alembic_config(connection))  # type: ignore[arg-type]
    engine.dispose()
    assert script.get_current_head() == SCHEMA_REVISION
    assert [rev.revision for rev in script.walk_revisions()][-1] == FIRST_REVISION


def _differences(url: str) -> list[object]:
    engine = sa.create_engine(locate(url).url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def test_an_empty_database_migrates_to_exactly_what_the_models_say(database_url: str) -> None:
    with open_store(database_url) as store, store.engine.connect() as connection:
        assert current_revision(connection) == SCHEMA_REVISION
    assert _differences(database_url) == []


def test_a_store_of_the_first_schema_upgrades_in_place_keeping_its_rows(database_url: str) -> None:
    location = locate(database_url)
    store = Store(location, upgrade=False)
    with store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), FIRST_REVISION)  # type: ignore[arg-type]
        connection.execute(
            sa.text(
                "INSERT INTO children (authority, child_key, la_child_id, created_at) "
                "VALUES ('eastborough', '2015090', '2015090', CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO peps (child_id, academic_year, term, state, version, revision, "
                "created_at, updated_at) VALUES (1, '2025-26', 'summer', 'prefilled', 0, 1, "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    store.close()
    with open_store(database_url) as upgraded:  # opening upgrades
        [pep] = upgraded.peps()
        assert (pep.child, pep.state) == ("2015090", "prefilled")
        with upgraded.engine.connect() as connection:
            assert current_revision(connection) == SCHEMA_REVISION
    assert _differences(database_url) == []


def test_a_store_made_by_a_newer_pepdocs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_store(path).close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    with pytest.raises(SchemaError, match="made by a newer pepdocs"):
        open_store(path)


def test_an_unreachable_server_is_one_line_naming_the_store_without_password() -> None:
    from pepdocs.store import StoreError

    with pytest.raises(StoreError) as raised:
        open_store("postgresql://vs:secret@/pepdocs?host=/nonexistent-socket-dir")
    assert "cannot open the store" in str(raised.value)
    assert "secret" not in str(raised.value)
    assert "\n" not in str(raised.value)


def test_documents_can_be_kept_in_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEPDOCS_DOCUMENTS", "database")
    with open_store(tmp_path / "x.db") as store:
        assert store.documents.folder is None and store.documents.where == "database"
    assert not (tmp_path / "x-documents").exists()
    assert not any(name.endswith("documents") for name in os.listdir(tmp_path))
