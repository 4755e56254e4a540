"""Form engines, one per file kind, found by the mapping file's ``kind`` in a registry.

Engines are imported on first use: reading a Word form should not pay for importing pypdf,
and a kind with no engine fails with one clear line instead of at import. Tests and new
engines hand an engine object to :data:`ENGINES` (``register``, or ``using`` for a block).
"""

from __future__ import annotations

from pepdocs.formats.base import DocumentReading, FormEngine, Reading
from pepdocs.formats.registry import (
    BUILTIN_ENGINES,
    ENGINES,
    EngineRegistry,
    get_engine,
    list_kinds,
)

__all__ = [
    "BUILTIN_ENGINES",
    "ENGINES",
    "DocumentReading",
    "EngineRegistry",
    "FormEngine",
    "Reading",
    "get_engine",
    "list_kinds",
]
