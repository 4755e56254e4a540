"""The document id in a PDF form: an entry of the document information dictionary
(``/PepdocsDocumentId``; ISO 32000-1, 14.3.3 "Document Information Dictionary"), added to a
filled form as an incremental update (the form's own bytes come first, unchanged). Readers
keep the entry when a form is filled in and saved; printing to a new PDF drops it, and then
``collect`` matches the form by UPN and term."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any

from pypdf import PdfWriter
from pypdf.generic import (
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from pepdocs.formats.docid import check_document_id, is_document_id
from pepdocs.formats.opened import OpenedDocument, opened
from pepdocs.formats.pdf.once import opened_summary

__all__ = ["INFO_KEY", "read_document_id", "write_document_id"]

INFO_KEY = "/PepdocsDocumentId"


def write_document_id(data: bytes, document_id: str) -> bytes:
    """A filled PDF form with ``document_id`` in its document information dictionary."""
    check_document_id(document_id)
    updated = _append_info(data, document_id)
    if updated is not None:
        return updated
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.add_metadata({NameObject(INFO_KEY): TextStringObject(document_id)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)\s*\n")
_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj")
_ENTRY = 20  # bytes of one cross-reference entry (ISO 32000-1, 7.5.4)


def _append_info(data: bytes, document_id: str) -> bytes | None:
    """``data`` with an incremental update (ISO 32000-1, 7.5.6) that writes a new version of
    its information dictionary holding the id, when the last cross-reference section is a
    table that lists that dictionary (as the forms this engine fills end): only the
    dictionary, a one-entry table and a trailer are appended, nothing else is parsed. None
    for any other shape of file (the caller lets pypdf do it)."""
    found = _STARTXREF.search(data[-64:])
    if found is None:
        return None
    start = int(found.group(1))
    if data[start : start + 4] != b"xref":
        return None
    position = start + 4
    while data[position : position + 1] in (b"\r", b"\n", b" "):
        position += 1
    subsections: list[tuple[int, int, int]] = []  # (first object, count, where entries start)
    while True:
        subsection = _SUBSECTION.match(data, position)
        if subsection is None:
            break
        first, count = int(subsection.group(1)), int(subsection.group(2))
        subsections.append((first, count, subsection.end()))
        position = subsection.end() + count * _ENTRY
    if not data.startswith(b"trailer", position):
        return None
    try:
        trailer = DictionaryObject.read_from_stream(_stream_at(data, position + 7), _detached())
        info = trailer.raw_get("/Info")
        if not isinstance(info, IndirectObject):
            return None
        where = _entry(data, subsections, info.idnum)
        if where is None:
            return None
        header = _OBJECT.match(data, where)
        if header is None or int(header.group(1)) != info.idnum:
            return None
        stream = _stream_at(data, header.end())
        entries = DictionaryObject.read_from_stream(stream, _detached())
    except Exception:  # not the shape this writer expects: pypdf does the update instead
        return None
    entries[NameObject(INFO_KEY)] = TextStringObject(document_id)
    trailer[NameObject("/Prev")] = NumberObject(start)
    out = io.BytesIO()
    out.write(data if data.endswith(b"\n") else data + b"\n")
    offset = out.tell()
    out.write(b"%d %d obj\n" % (info.idnum, info.generation))
    entries.write_to_stream(out)
    out.write(b"\nendobj\n")
    table = out.tell()
    out.write(b"xref\n%d 1\n%010d %05d n \ntrailer\n" % (info.idnum, offset, info.generation))
    trailer.write_to_stream(out)
    out.write(b"\nstartxref\n%d\n%%%%EOF\n" % table)
    return out.getvalue()


def _entry(data: bytes, subsections: list[tuple[int, int, int]], number: int) -> int | None:
    """Where object ``number`` is, by the last cross-reference section, if it lists it."""
    for first, count, start in subsections:
        if first <= number < first + count:
            entry = data[start + (number - first) * _ENTRY :][:_ENTRY]
            return int(entry[:10]) if entry[17:18] == b"n" else None
    return None


@lru_cache(maxsize=1)
def _detached() -> Any:
    """The document pypdf's parser ties references to (they are only written back)."""
    return PdfWriter()


def _stream_at(data: bytes, position: int) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.seek(position)
    while stream.read(1) in (b" ", b"\r", b"\n"):
        pass
    stream.seek(-1, io.SEEK_CUR)
    return stream


def read_document_id(data: bytes | OpenedDocument, source: str = "<document>") -> str | None:
    """The document id a returned PDF (its bytes, or the document opened once) carries, or
    None. The bounded worker reads the entry as it parses the PDF for its summary (the one
    recognition and reading use too: the PDF is parsed once, in the worker, and never in
    this process); only an id of the shape pepdocs writes is accepted. ``DocumentError`` or
    ``UnsafeDocumentError`` for a PDF that cannot be opened."""
    text = opened_summary(opened(data, source)).document_id
    return text if is_document_id(text) else None
