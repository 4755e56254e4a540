"""Fixtures of the workbench's tests: a store holding the samples' term (the batch recorded,
and with the schools' returns collected), the application over it, and a client signed in
through a one-time link as a given person."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from pepdocs.batch.returns import ReturnsMade
from pepdocs.store import Store, open_store
from pepdocs.store.collect import collect
from pepdocs.web import Principal, create_app, sign_in_link
from tests.store.term import AS_OF, record_batch, term_forms

OFFICER = Principal("Ola Officer", "officer")
SUMMER = "2025-26 summer"

Term = tuple[Path, Path, ReturnsMade]


@pytest.fixture(scope="session")
def term(tmp_path_factory: pytest.TempPathFactory) -> Term:
    """The samples' batch (with document ids) and the schools' returns, made once."""
    return term_forms(tmp_path_factory.mktemp("term"))


@pytest.fixture(scope="session")
def collected_template(tmp_path_factory: pytest.TempPathFactory, term: Term) -> Path:
    """A store folder with the batch recorded and the returns collected, made once."""
    batch, returned, _ = term
    folder = tmp_path_factory.mktemp("collected")
    with open_store(folder / "store" / "pepdocs.db", user="batch") as store:
        record_batch(store, batch, folder / "sent")
        collect(store, returned, as_of=AS_OF)
    return folder / "store"


@pytest.fixture
def sent_store(tmp_path: Path, term: Term) -> Iterator[Store]:
    """A store holding the batch as sent: every PEP pre-filled, no returns yet."""
    with open_store(tmp_path / "store" / "pepdocs.db", user="batch") as store:
        record_batch(store, term[0], tmp_path / "sent")
        yield store


@pytest.fixture
def collected_store(tmp_path: Path, collected_template: Path) -> Iterator[Store]:
    """A copy of the store with the returns collected (each test changes its own)."""
    shutil.copytree(collected_template, tmp_path / "store")
    with open_store(tmp_path / "store" / "pepdocs.db", user="tester") as store:
        yield store


def signed_in(app: Starlette, principal: Principal = OFFICER) -> TestClient:
    """A client that opened a one-time sign-in link for ``principal``."""
    client = TestClient(app)
    link = sign_in_link(app, "http://testserver", principal)
    answer = client.get(link.removeprefix("http://testserver"), follow_redirects=False)
    assert answer.status_code == 303
    return client


@pytest.fixture
def officer(collected_store: Store) -> TestClient:
    return signed_in(create_app(collected_store))


@pytest.fixture
def client_for(collected_store: Store) -> Callable[[Principal], TestClient]:
    app = create_app(collected_store)
    return lambda principal: signed_in(app, principal)


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def child_id(store: Store, la_child_id: str, term: str = SUMMER) -> int:
    from pepdocs.store import parse_term
    from pepdocs.store.workbench import children

    rows = [row for row in children(store, parse_term(term)) if row.la_child_id == la_child_id]
    assert rows, f"no child {la_child_id} in {term}"
    return rows[0].child_id
