"""Document ids: written into a form as it is filled, read back from a returned form.

The id itself is whatever the caller names (the store gives each form it sends one); the
engine for the form's kind decides where it goes (a custom document property, a Word document
variable, a PDF information entry: :mod:`pepdocs.formats.docid`).
"""

from __future__ import annotations

from typing import Protocol, cast

from pepdocs.errors import PepdocsError
from pepdocs.formats import OpenedDocument, get_engine, opened
from pepdocs.formats.base import DocumentIdEngine

__all__ = ["read_document_id", "write_document_id"]

_KINDS = ("docx", "xlsx", "pdf")


class _ReadsOpenedId(Protocol):
    def read_document_id(self, data: bytes | OpenedDocument, source: str = ...) -> str | None: ...


def _engine(kind: str) -> DocumentIdEngine:
    engine = get_engine(kind)
    if not hasattr(engine, "write_document_id") or not hasattr(engine, "read_document_id"):
        raise PepdocsError(f"the {kind} engine cannot carry a document id")
    return cast(DocumentIdEngine, engine)


def write_document_id(kind: str, data: bytes, document_id: str) -> bytes:
    """``data``, a form of ``kind`` just filled, with ``document_id`` written into it."""
    return _engine(kind).write_document_id(data, document_id)


def read_document_id(data: bytes | OpenedDocument, source: str = "<document>") -> str | None:
    """The document id a returned form carries (Word, Excel or PDF, told by its content), or
    None when it carries none (it was made without one, or a tool stripped it). Raises
    ``DocumentError`` for a file that is none of those kinds or cannot be opened. Given the
    document opened once (``pepdocs.formats.open_document``), a built-in engine reads the id
    from what it parsed of it, and what it parsed serves the reading that follows."""
    document = opened(data, source)
    if document.kind not in _KINDS:
        return None
    engine = _engine(document.kind)
    if getattr(engine, "READS_OPENED", False):
        return cast(_ReadsOpenedId, engine).read_document_id(document, source)
    return engine.read_document_id(document.data, source)
