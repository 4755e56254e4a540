"""Counting how often each document is parsed: every module of pepdocs that holds one of the
functions that open a document (the safe package opener, the openpyxl loader's vetting)
gets a counting wrapper of that same function for the length of a test, and so does a PDF
worker's request (the worker's summaries kept from earlier tests are forgotten first).
Nothing is replaced: each call still does the real work; the counter only notes which
document (by the name it was opened under) it was for."""

from __future__ import annotations

import functools
import importlib
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from pepdocs.safety import package, pdf
from pepdocs.safety._pdf_pool import Worker

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
#: (the module that defines it, the function's name, the position of its document name);
#: ``open_pdf`` parses the PDF in this process with pypdf too, after the worker's parse
_OPENERS = (
    (package, "open_package", 1),
    (package, "vet_workbook", 1),
    (pdf, "open_pdf", 1),
)


class ParseCounter:
    """``parses[name]``: how many times the document opened as ``name`` was parsed (a zip
    package opened by the safe opener, a workbook vetted for openpyxl, a PDF run through
    the bounded worker, a PDF opened with pypdf in this process); ``by_opener[name]`` says
    by which."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parses: Counter[str] = Counter()
        self.by_opener: dict[str, list[str]] = {}
        for name in _MODULES:
            importlib.import_module(name)
        # A PDF is parsed by the bounded worker, which keeps summaries of the same bytes: each
        # request that reaches a worker is one parse, named after the document asked about.
        pdf.stop_pdf_workers()  # and forget their summaries: each PDF is asked about afresh
        names: dict[bytes, str] = {}
        inspect = pdf.inspect_pdf

        def inspect_naming(data: bytes, source: str, *args: Any, **kwargs: Any) -> Any:
            names[data] = source
            return inspect(data, source, *args, **kwargs)

        for module in list(sys.modules.values()):
            if (
                module is not None
                and module.__name__.startswith("pepdocs")
                and getattr(module, "inspect_pdf", None) is inspect
            ):
                monkeypatch.setattr(module, "inspect_pdf", inspect_naming)
        ask = Worker.ask

        def asking(worker: Worker, request: dict[str, Any], data: bytes, seconds: float) -> Any:
            source = names.get(data, "")
            self.parses[source] += 1
            self.by_opener.setdefault(source, []).append("pdf worker")
            return ask(worker, request, data, seconds)

        monkeypatch.setattr(Worker, "ask", asking)
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
