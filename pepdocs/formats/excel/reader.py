"""Reading a completed workbook: every mapped field, a report line per field, the answers
no mapping entry covers. The workbook is read from its XML (:mod:`.workbook`), never built
as an openpyxl workbook."""

from __future__ import annotations

from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.formats.excel.anchors import FORMULA_NOT_READ, Book, locate
from pepdocs.formats.excel.values import cell_text, plain
from pepdocs.formats.excel.workbook import Cell, Sheet, load_workbook
from pepdocs.formats.opened import OpenedDocument, opened
from pepdocs.mapping.spec import FieldSpec, FormSpec, FormValue
from pepdocs.mapping.transforms import Transform

__all__ = ["X14_NOTE", "opened_book", "read"]

#: the note for drop-down lists kept in an Excel 2010 extension (``x14:dataValidation``)
X14_NOTE = (
    "some drop-down lists are stored in an Excel 2010 extension that pepdocs cannot check; "
    "entries in those cells were not checked against their list"
)


def read(form: FormSpec, data: bytes | OpenedDocument, name: str) -> DocumentReading:
    """Read every mapped field of a completed workbook: its bytes, or the document opened
    once, whose parsed workbook is then reused by every form read from it (recognition
    scores each candidate form by reading it). ``name`` labels messages only."""
    book = opened_book(opened(data, name))
    workbook = book.book
    notes = [X14_NOTE] if any(sheet.extension_lists for sheet in workbook.sheets) else []
    readings: dict[int, Reading] = {}
    claimed: set[tuple[str, int, int]] = set()
    for index, spec in enumerate(form.fields):
        if spec.repeating:
            readings[index] = _read_table(book, form, spec, claimed)
            continue
        reading = Reading("missing")
        for anchor in spec.anchors:
            target = locate(book, anchor)
            if target is None:
                continue
            sheet, cell = target
            claimed.add((sheet.title, cell.row, cell.column))
            value, cell_notes = _read_cell(book, sheet, cell, spec.transform)
            location = f"{sheet.title}!{cell.coordinate}"
            reading = Reading(
                "empty" if value is None else "found", value, location, anchor, cell_notes
            )
            break
        readings[index] = reading
    return DocumentReading(readings, _unmapped(book, claimed), notes)


def opened_book(document: OpenedDocument) -> Book:
    """The returned workbook's cells and lookups, parsed once per opened document (nothing
    reading does changes them)."""

    def parse() -> Book:
        workbook, _ = load_workbook(
            document.data, document.name, blanks=False, package=document.package("xlsx")
        )
        return Book(workbook)

    return document.kept("excel book", parse)


def _check_list(book: Book, sheet: Sheet, cell: Cell, text: FormValue) -> str | None:
    if text is None:
        return None
    entries = book.dropdown(sheet, cell)
    if entries is None:
        return None
    shown = cell.value if isinstance(cell.value, str) else plain(cell.value)
    allowed = {entry.strip().casefold() for entry in entries}
    if shown.strip().casefold() in allowed:
        return None
    return f"not one of the drop-down entries of {sheet.title}!{cell.coordinate}"


def _read_cell(
    book: Book, sheet: Sheet, cell: Cell, transform: Transform | None
) -> tuple[FormValue, list[str]]:
    if cell.formula:
        value, note = book.formula_value(sheet, cell)
        return value, [note]
    text = cell_text(cell.value, cell.style.number_format, transform)
    problem = _check_list(book, sheet, cell, text)
    return text, [problem] if problem else []


def _other_headers(form: FormSpec, spec: FieldSpec) -> list[tuple[str, ...]]:
    return [
        tuple(anchor.options.get("header", ()))
        for other in form.fields
        if other is not spec
        for anchor in other.anchors
        if anchor.kind == "table"
    ]


def _read_table(
    book: Book, form: FormSpec, spec: FieldSpec, claimed: set[tuple[str, int, int]]
) -> Reading:
    for anchor in spec.anchors:
        if anchor.kind != "table":
            continue
        table = book.table(anchor, spec.columns)
        if table is None:
            continue
        sheet = table.sheet
        notes = [f"column {header!r} not found" for header in table.missing]
        stops = [header for header in _other_headers(form, spec) if len(header) > 1]
        rows: list[dict[str, str]] = []
        for row_index in range(table.header_row + 1, sheet.max_row + 1):
            cells = {header: sheet.cell(row_index, col) for header, col in table.columns.items()}
            texts = [str(c.value) for c in cells.values() if isinstance(c.value, str)]
            # another table's header row further down the same columns ends this one
            if texts and stops:
                row_texts = book.labels.texts(texts)
                if any(book.labels.matches_in(row_texts, header) >= 2 for header in stops):
                    break
            row: dict[str, str] = {}
            for column in spec.columns:
                cell = cells.get(column.header)
                if cell is None:
                    continue
                claimed.add((sheet.title, cell.row, cell.column))
                value, cell_notes = _read_cell(book, sheet, cell, column.transform)
                notes.extend(
                    f"row {len(rows) + 1}, column {column.header!r}: {note}"
                    for note in cell_notes
                    if note != FORMULA_NOT_READ or value is None
                )
                if value is not None:
                    row[column.header] = value if isinstance(value, str) else plain(value)
            if row:
                rows.append(row)
        location = f"sheet {sheet.title!r} table under row {table.header_row}"
        return Reading("found" if rows else "empty", rows or None, location, anchor, notes)
    return Reading("missing")


def _unmapped(book: Book, claimed: set[tuple[str, int, int]]) -> list[str]:
    """Answers typed into unlocked (answer) cells that no mapping entry reads."""
    found: list[str] = []
    for sheet in book.book.sheets:
        if sheet.state != "visible" or not sheet.protected:
            continue  # without sheet protection, locked/unlocked says nothing
        for row in sheet.rows():
            for cell in row:
                if cell.value in (None, "") or (sheet.title, cell.row, cell.column) in claimed:
                    continue
                if cell.merged or cell.style.locked:
                    continue
                label = sheet.cell(cell.row, cell.column - 1).value if cell.column > 1 else None
                prefix = (
                    f"{label}" if isinstance(label, str) else f"{sheet.title}!{cell.coordinate}"
                )
                found.append(f"{prefix}: {plain(cell.value)[:200]}")
    return found
