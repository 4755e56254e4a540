"""The Excel engine: fill an authority's .xlsx PEP workbook and read a completed one back.

Anchors (docs/excel-pdf.md): ``cell`` (``'Child & Care'!B4``), ``name`` (a workbook defined
name), ``label`` (the answer is in the cell right of or below a label cell, on one sheet or
any) and ``table`` (a header row; every non-blank row under it is read, rows people added
included).

Both directions work on the workbook's XML, not on an openpyxl workbook:

- ``workbook``: the cells, names, merges, drop-down lists and styles, read from the XML
  through the safe-open layer and the sheet limits;
- ``anchors``: finding cells, labels and tables, the list covering a cell, ``SUM``;
- ``values``: cell values <-> form text;
- ``writer``: a template prepared once; per record only the sheets written to are rewritten,
  every other member's compressed bytes copied (``zipped``);
- ``reader``: a completed workbook read field by field;
- ``inspect``: openpyxl, for inference, recognition and the print copy.

Filling keeps the workbook as the authority built it: only answer cells are written, formula
cells never are, and text from a PEP is always stored as text (an inline string; text starting
with ``=``, ``+``, ``-`` or ``@`` also gets Excel's ``quotePrefix``). Dates, whole numbers,
amounts and percentages are written as real numbers so the workbook's own formulas (the PP+
total) add them up.

Reading never trusts a formula's cached result (it is whatever the last program to save the
file computed, or nothing if openpyxl or a script wrote it). A ``SUM`` over cells and ranges is
recomputed from the cells it names; any other formula is reported as not read. Each answer in
a cell with a drop-down list (data validation of type ``list``) is checked against that list,
because pasting into a cell bypasses Excel's check; a value outside it gets a note.
"""

from __future__ import annotations

from pepdocs.formats.docid import DOCUMENT_ID_PROPERTY, check_document_id, custom_property_changes
from pepdocs.formats.docid import read_document_id as _read_package_id
from pepdocs.formats.excel.anchors import FORMULA_NOT_READ
from pepdocs.formats.excel.inspect import open_workbook, print_copy
from pepdocs.formats.excel.reader import opened_book, read
from pepdocs.formats.excel.writer import MAX_CELL_CHARS, PreparedWorkbook, fill, prepare
from pepdocs.formats.excel.zipped import rewrite_members
from pepdocs.formats.opened import OpenedDocument

#: ``read`` takes an opened document too (:func:`pepdocs.formats.read_form`)
READS_OPENED = True

__all__ = [
    "FORMULA_NOT_READ",
    "MAX_CELL_CHARS",
    "READS_OPENED",
    "PreparedWorkbook",
    "fill",
    "open_workbook",
    "opened_book",
    "prepare",
    "print_copy",
    "read",
    "read_document_id",
    "write_document_id",
]


def write_document_id(data: bytes, document_id: str) -> bytes:
    """A workbook pepdocs filled with ``document_id`` as its custom property
    (:mod:`pepdocs.formats.docid`); the other members' compressed bytes are copied."""
    check_document_id(document_id)
    return rewrite_members(data, custom_property_changes(DOCUMENT_ID_PROPERTY, document_id))


def read_document_id(data: bytes | OpenedDocument, source: str = "<document>") -> str | None:
    """The document id a returned workbook carries as a custom property
    (:mod:`pepdocs.formats.docid`), or None; ``write_document_id`` puts it there."""
    return _read_package_id(data, "xlsx", source)
