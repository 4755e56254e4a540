"""The facade (``import pepdocs``) and the packages that load their names on first use: what
``__all__`` promises is there, and it is the object its module defines."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import pepdocs

PACKAGE = Path(pepdocs.__file__).parent
LAZY_PACKAGES = ["pepdocs", "pepdocs.model", "pepdocs.mapping", "pepdocs.legacy"]


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_name_in_all_is_the_object_its_module_defines(package: str) -> None:
    module = importlib.import_module(package)
    table = module._LAZY
    for name in module.__all__:
        value = getattr(module, name)
        if name in table:
            assert value is getattr(importlib.import_module(table[name]), name), name


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_type_checkers_see_the_same_names_the_package_loads(package: str) -> None:
    """The ``if TYPE_CHECKING:`` imports name exactly the lazily loaded names."""
    module = importlib.import_module(package)
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                typed.update({alias.name: statement.module or "" for alias in statement.names})
    assert typed == module._LAZY


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'fil'"):
        pepdocs.fil  # noqa: B018


def test_dir_lists_the_names_not_yet_loaded() -> None:
    assert {"fill", "extract", "run_batch"} <= set(dir(pepdocs))
