"""The engine registry: which :class:`~pepdocs.formats.base.FormEngine` serves which file kind.

The three engines that ship are registered by module name and imported on first use (reading
a Word form should not pay for importing pypdf or openpyxl). Anything else, a new engine or a
test's stand-in, is handed over as an object: :meth:`EngineRegistry.register` for good,
:meth:`EngineRegistry.using` for the length of a ``with`` block. Every layer above reaches
engines through :data:`ENGINES` (``get_engine``), so a stand-in registered there is the one
``fill``, ``extract``, the batch and the mapping check all use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import cast

from pepdocs.errors import PepdocsError
from pepdocs.formats.base import DocumentReading, FormEngine
from pepdocs.formats.opened import OpenedDocument, ReadsOpened
from pepdocs.mapping.spec import FormSpec

__all__ = [
    "BUILTIN_ENGINES",
    "ENGINES",
    "EngineRegistry",
    "get_engine",
    "list_kinds",
    "read_form",
]

#: file kind (``FormSpec.kind``) -> module implementing :class:`FormEngine`
BUILTIN_ENGINES: Mapping[str, str] = {
    "docx": "pepdocs.formats.word",
    "xlsx": "pepdocs.formats.excel",
    "pdf": "pepdocs.formats.pdf",
}


class EngineRegistry:
    """Engines by file kind: module names imported when first asked for, or engine objects."""

    def __init__(self, modules: Mapping[str, str] = BUILTIN_ENGINES) -> None:
        self._modules: dict[str, str] = dict(modules)
        self._engines: dict[str, FormEngine] = {}

    def register(self, kind: str, engine: FormEngine) -> None:
        """Serve ``kind`` with ``engine`` from now on (replacing what served it before)."""
        self._engines[kind] = engine

    @contextmanager
    def using(self, kind: str, engine: FormEngine) -> Iterator[FormEngine]:
        """Serve ``kind`` with ``engine`` inside the ``with`` block, then restore what was."""
        previous = self._engines.get(kind)
        self._engines[kind] = engine
        try:
            yield engine
        finally:
            if previous is None:
                del self._engines[kind]
            else:
                self._engines[kind] = previous

    def get(self, kind: str) -> FormEngine:
        """The engine for ``kind``; :class:`PepdocsError` naming the known kinds if none."""
        engine = self._engines.get(kind)
        if engine is not None:
            return engine
        module_name = self._modules.get(kind)
        if module_name is None:
            known = ", ".join(sorted({*self._modules, *self._engines}))
            raise PepdocsError(f"no form engine for kind {kind!r}: use one of {known}")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # Only "the engine itself is absent" means unsupported; a missing import *inside*
            # an engine is a real bug and must surface as one.
            if exc.name != module_name:
                raise
            raise PepdocsError(f"{kind} forms are not supported (no {module_name})") from None
        engine = cast(FormEngine, module)
        self._engines[kind] = engine
        return engine

    def kinds(self) -> list[str]:
        """File kinds an engine can be had for (built-in modules that import, and objects)."""
        available = []
        for kind in dict.fromkeys([*self._modules, *self._engines]):
            try:
                self.get(kind)
            except PepdocsError:
                continue
            available.append(kind)
        return available


#: The registry every layer uses.
ENGINES = EngineRegistry()


def get_engine(kind: str) -> FormEngine:
    """The engine for ``kind`` (``docx``, ``xlsx``, ``pdf``) from :data:`ENGINES`."""
    return ENGINES.get(kind)


def list_kinds() -> list[str]:
    """File kinds whose engine is installed."""
    return ENGINES.kinds()


def read_form(form: FormSpec, document: OpenedDocument) -> DocumentReading:
    """The engine for ``form``'s kind reading ``document`` as ``form``, once per form for that
    document (a candidate read while recognising it is not read again when it wins). An
    engine that declares ``READS_OPENED`` (the built-in ones) is handed the opened document
    and reuses what was parsed of it; any other gets its bytes."""

    def read(spec: FormSpec, opened: OpenedDocument) -> DocumentReading:
        engine = get_engine(spec.kind)
        if getattr(engine, "READS_OPENED", False):
            return cast(ReadsOpened, engine).read(spec, opened, opened.name)
        return engine.read(spec, opened.data, opened.name)

    return document.reading(form, read)
