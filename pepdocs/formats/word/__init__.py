"""The Word (.docx) engine: fill an authority's Word form from form values, and read a
completed one back (the ``FormEngine`` contract of ``pepdocs.formats.base``).

Anchor semantics are documented in docs/word-engine.md. Layout, bottom up:

- ``_xml``, ``package``: names, element helpers; the .docx read safely, written back with
  only changed parts replaced;
- ``text``, ``tables``, ``controls``, ``legacy``, ``checkboxes``: what Word constructs hold
  (visible text, table grids, content controls, legacy form fields, boxes of every kind);
- ``document``: one body with cached lookups (headings, sections, cells, controls);
- ``slots``: a place a value is read from and written to; ``labels``, ``boxes``,
  ``repeating``, ``headings`` find them per anchor kind; ``locate`` dispatches;
- ``reader``, ``writer`` (prepared templates), ``templated`` (Jinja forms), ``heights`` (rows
  that grow with their text), ``printing`` (the copy sent to the printer: prompts blank);
- ``docid``: the document id a filled form carries (``write_document_id``, ``read_document_id``);
- ``once``: the package and index kept on a document opened once (``pepdocs.formats.opened``).
"""

from __future__ import annotations

from collections.abc import Sequence

from pepdocs.formats.base import DocumentReading
from pepdocs.formats.opened import OpenedDocument
from pepdocs.formats.word.docid import read_document_id, write_document_id
from pepdocs.formats.word.printing import print_copy
from pepdocs.formats.word.reader import read_document
from pepdocs.formats.word.templated import JinjaTemplate
from pepdocs.formats.word.writer import PreparedTemplate, prepare
from pepdocs.mapping.spec import FieldSpec, FillNote, FormSpec, FormValue

__all__ = [
    "READS_OPENED",
    "JinjaTemplate",
    "PreparedTemplate",
    "fill",
    "prepare",
    "print_copy",
    "read",
    "read_document_id",
    "write_document_id",
]


def fill(
    form: FormSpec,
    values: Sequence[tuple[FieldSpec, FormValue]],
    *,
    notes: list[FillNote] | None = None,
) -> bytes:
    """The form's template filled with ``values`` (``None`` leaves a blank as it is).

    A table row of fixed height that a value goes into is made to grow with it (Word would
    cut the text off); ``notes`` gets a :class:`FillNote` for each value that needed it.
    The template is prepared once per process and reused (``prepare``)."""
    return prepare(form).fill(values, notes)


#: ``read`` takes an opened document too (:func:`pepdocs.formats.read_form`)
READS_OPENED = True


def read(form: FormSpec, data: bytes | OpenedDocument, name: str) -> DocumentReading:
    """Read a completed form (its bytes, or the document opened once); ``name`` is used in
    messages only."""
    return read_document(form, data, name)
