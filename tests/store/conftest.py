"""Fixtures of the store's tests: a store on each engine, and a term's forms made once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pepdocs.batch.returns import ReturnsMade
from pepdocs.store import Store, open_store
from tests.store.term import term_forms


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """An empty store on SQLite, then on PostgreSQL."""
    with open_store(database_url, user="tester") as opened:
        yield opened


@pytest.fixture(scope="session")
def term(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, ReturnsMade]:
    """The samples' batch (with document ids) and the schools' returns, made once."""
    return term_forms(tmp_path_factory.mktemp("term"))
