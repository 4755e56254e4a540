"""Fixtures shared across the test tree (kept small: most tests build their own data)."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pepdocs.errors import ComponentMissingError
from pepdocs.office import find_soffice

# The facts pepdocs keeps about mapping files between runs (pepdocs.mapping.filecache) go to
# a folder of this test run, not the user's cache; subprocesses inherit it.
os.environ["PEPDOCS_CACHE_DIR"] = tempfile.mkdtemp(prefix="pepdocs-test-cache-")
# The default store (docs/store.md) lives in the user's data folder: a test that reaches it
# gets one of this run instead, and no test inherits a store from the shell.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="pepdocs-test-data-")
for _name in ("PEPDOCS_DB", "PEPDOCS_DOCUMENTS", "PEPDOCS_USER"):
    os.environ.pop(_name, None)

#: a PostgreSQL server for the store's tests (.ci/postgres starts one and prints this)
POSTGRES_ENV = "PEPDOCS_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def libreoffice() -> Path:
    """The real ``soffice``. Skips when it is absent, unless ``PEPDOCS_REQUIRE_LIBREOFFICE``
    is set (CI sets it: there a missing LibreOffice must fail, not hide the tests)."""
    try:
        return find_soffice("the LibreOffice tests")
    except ComponentMissingError as missing:
        if os.environ.get("PEPDOCS_REQUIRE_LIBREOFFICE"):
            pytest.fail(f"PEPDOCS_REQUIRE_LIBREOFFICE is set but {missing}")
        pytest.skip(str(missing))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that needs the real LibreOffice, directly or through another fixture, is
    marked ``libreoffice`` here, so the quick run (``-m "not slow and not libreoffice"``)
    cannot miss one that forgot its marker."""
    for item in items:
        if "libreoffice" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.libreoffice)


def _postgres_server() -> str:
    """The test server's URL; skips when there is none, unless PEPDOCS_REQUIRE_POSTGRES is
    set (CI sets it: there a missing server must fail, not hide the tests)."""
    import sqlalchemy as sa

    url = os.environ.get(POSTGRES_ENV, "")
    problem = f"no PostgreSQL server for the tests ({POSTGRES_ENV} is not set; .ci/postgres start)"
    if url:
        try:
            engine = sa.create_engine(url)
            with engine.connect():
                pass
            engine.dispose()
            return url
        except sa.exc.OperationalError as error:
            problem = f"the PostgreSQL server at {POSTGRES_ENV} does not answer ({error.orig})"
    if os.environ.get("PEPDOCS_REQUIRE_POSTGRES"):
        pytest.fail(f"PEPDOCS_REQUIRE_POSTGRES is set but {problem}")
    pytest.skip(problem)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A new, empty PostgreSQL database on the test server for one test, dropped after it."""
    import sqlalchemy as sa

    server = _postgres_server()
    name = f"pepdocs_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    url = sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store on each engine: a SQLite file, and a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store" / "pepdocs.db")
    return str(request.getfixturevalue("postgres_url"))
