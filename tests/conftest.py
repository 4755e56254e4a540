"""Fixtures shared across the test tree (kept small: most tests build their own data)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from pepdocs.errors import ComponentMissingError
from pepdocs.office import find_soffice

# The facts pepdocs keeps about mapping files between runs (pepdocs.mapping.filecache) go to
# a folder of this test run, not the user's cache; subprocesses inherit it.
os.environ["PEPDOCS_CACHE_DIR"] = tempfile.mkdtemp(prefix="pepdocs-test-cache-")


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
