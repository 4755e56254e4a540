"""The document id in a PDF form: an entry of the document information dictionary
(``/PepdocsDocumentId``; ISO 32000-1, 14.3.3 "Document Information Dictionary"), added to a
filled form as an incremental update (the form's own bytes come first, unchanged). Readers
keep the entry when a form is filled in and saved; printing to a new PDF drops it, and then
``collect`` matches the form by UPN and term."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from pepdocs.formats.docid import check_document_id, is_document_id
from pepdocs.safety.pdf import open_pdf

__all__ = ["INFO_KEY", "read_document_id", "write_document_id"]

INFO_KEY = "/PepdocsDocumentId"


def write_document_id(data: bytes, document_id: str) -> bytes:
    """A filled PDF form with ``document_id`` in its document information dictionary."""
    check_document_id(document_id)
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.add_metadata({NameObject(INFO_KEY): TextStringObject(document_id)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_document_id(data: bytes, source: str = "<document>") -> str | None:
    """The document id a returned PDF carries, or None. The PDF is opened by the bounded
    opener (``DocumentError`` or ``UnsafeDocumentError`` for one that cannot be)."""
    reader, _ = open_pdf(data, source, refuse_dynamic_xfa=False)
    try:
        info = reader.metadata
        value = info.get(INFO_KEY) if info is not None else None
    except Exception:  # a damaged information dictionary: the form simply carries no id
        return None
    text = str(value) if value is not None else None
    return text if is_document_id(text) else None
