"""Form engines, one per file kind, found by the mapping file's ``kind`` in a registry.

Engines are imported on first use: reading a Word form should not pay for importing pypdf,
and a kind with no engine fails with one clear line instead of at import. Tests and new
engines hand an engine object to :data:`ENGINES` (``register``, or ``using`` for a block).

A returned document is opened once (:func:`open_document`) and handed down as such: the
document id, recognition and the reading all reuse what was parsed of it (:func:`read_form`).
"""

from __future__ import annotations

from pepdocs.formats.base import DocumentReading, FormEngine, Reading
from pepdocs.formats.opened import OpenedDocument, open_document, opened
from pepdocs.formats.registry import (
    BUILTIN_ENGINES,
    ENGINES,
    EngineRegistry,
    get_engine,
    list_kinds,
    read_form,
)

__all__ = [
    "BUILTIN_ENGINES",
    "ENGINES",
    "DocumentReading",
    "EngineRegistry",
    "FormEngine",
    "OpenedDocument",
    "Reading",
    "get_engine",
    "list_kinds",
    "open_document",
    "opened",
    "read_form",
]
