"""Counting how often each document is parsed: every module of pepdocs that holds one of the
functions that open a document (the safe package opener, the bounded PDF worker, the
openpyxl loader's vetting) gets a counting wrapper of that same function for the length of
a test. Nothing is replaced: each call still does the real work; the counter only notes
which document (by the name it was opened under) it was for."""

from __future__ import annotations

import functools
import importlib
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from pepdocs.safety import package, pdf

#: loaded first, so that every module holding an opener by name is found and wrapped
_MODULES = (
    "pepdocs.api",
    "pepdocs.binding",
    "pepdocs.formats.excel",
    "pepdocs.formats.pdf",
    "pepdocs.formats.word",
    "pepdocs.inference",
    "pepdocs.inference.forms",
    "pepdocs.inference.pdf",
    "pepdocs.legacy.convert",
    "pepdocs.recognition",
    "pepdocs.store.collect",
)
#: (the module that defines it, the function's name, the position of its document name)
_OPENERS = (
    (package, "open_package", 1),
    (package, "vet_workbook", 1),
    (pdf, "inspect_pdf", 1),
)


class ParseCounter:
    """``parses[name]``: how many times the document opened as ``name`` was parsed (a zip
    package opened by the safe opener, a workbook vetted for openpyxl, a PDF run through
    the bounded worker); ``by_opener[name]`` says by which."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parses: Counter[str] = Counter()
        self.by_opener: dict[str, list[str]] = {}
        for name in _MODULES:
            importlib.import_module(name)
        for home, function_name, position in _OPENERS:
            original = getattr(home, function_name)
            counting = self._counting(original, function_name, position)
            for module in list(sys.modules.values()):
                if module is None or not module.__name__.startswith("pepdocs"):
                    continue
                if getattr(module, function_name, None) is original:
                    monkeypatch.setattr(module, function_name, counting)

    def _counting(
        self, original: Callable[..., Any], function_name: str, position: int
    ) -> Callable[..., Any]:
        @functools.wraps(original)
        def counting(*args: Any, **kwargs: Any) -> Any:
            source = args[position] if len(args) > position else kwargs.get("source", "")
            self.parses[str(source)] += 1
            self.by_opener.setdefault(str(source), []).append(function_name)
            return original(*args, **kwargs)

        return counting
