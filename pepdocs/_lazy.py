"""Packages whose public names are imported when first used (PEP 562).

A package's ``__init__`` names what it offers and which module defines each name; nothing is
imported until a name is asked for. ``import pepdocs`` and every command then pay only for
what they use (the form engines pull in lxml, openpyxl, docxtpl and pypdf; the model,
marshmallow). The package still imports each name under ``TYPE_CHECKING``, for type
checkers, and lists it in ``__all__``; tests/test_facade.py checks the three agree.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``exports`` maps each public name to
    the module defining it. A name, once imported, is kept in the package's namespace."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *exports})

    return __getattr__, __dir__
