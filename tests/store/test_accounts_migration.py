"""The accounts table's migration (0003): a store of the previous schema (0002) upgrades in
place keeping its rows, an empty database reaches the same schema, and the migration undoes
cleanly; on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from argon2 import PasswordHasher

from pepdocs.store import SCHEMA_REVISION, Store, locate, open_store
from pepdocs.store.accounts import Accounts
from pepdocs.store.migrate import alembic_config, current_revision

QUICK = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _tables(store: Store) -> set[str]:
    return set(sa.inspect(store.engine).get_table_names())


def test_a_store_of_the_previous_schema_gains_accounts_keeping_its_rows(
    database_url: str,
) -> None:
    store = Store(locate(database_url), upgrade=False)
    with store.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")  # type: ignore[arg-type]
        connection.execute(sa.text(
            "INSERT INTO children (authority, child_key, la_child_id, created_at) "
            "VALUES ('eastborough', '2015090', '2015090', CURRENT_TIMESTAMP)"
        ))
    assert "accounts" not in _tables(store)
    store.close()
    with open_store(database_url, user="tester") as upgraded:
        with upgraded.engine.connect() as connection:
            assert current_revision(connection) == SCHEMA_REVISION
            kept = connection.execute(sa.text("SELECT la_child_id FROM children")).scalars()
            assert list(kept) == ["2015090"]
        accounts = Accounts(upgraded, QUICK)
        accounts.add("ola", name="Ola", role="officer", password="correct horse battery")
        assert accounts.sign_in("ola", "correct horse battery", client="x").account


def test_an_empty_database_gets_accounts_and_the_migration_undoes(database_url: str) -> None:
    with open_store(database_url, user="tester") as store:
        assert "accounts" in _tables(store)
        Accounts(store, QUICK).add("ola", name="Ola", role="officer",
                                   password="correct horse battery")
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0002")  # type: ignore[arg-type]
        assert "accounts" not in _tables(store)
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")  # type: ignore[arg-type]
            assert current_revision(connection) == SCHEMA_REVISION
        assert Accounts(store, QUICK).list_all() == []
