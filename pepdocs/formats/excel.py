"""The Excel engine: fill an authority's .xlsx PEP workbook and read a completed one back.

Anchors (docs/excel-pdf.md): ``cell`` (``'Child & Care'!B4``), ``name`` (a workbook defined
name), ``label`` (the answer is in the cell right of or below a label cell, on one sheet or
any) and ``table`` (a header row; every non-blank row under it is read, rows people added
included).

Filling keeps the workbook as the authority built it: it is loaded WITHOUT ``data_only`` (a
workbook loaded with cached values and saved loses its formulas, docs/excel-pdf.md), only answer
cells are written, formula cells are never written, and text from a PEP is always stored as
text: openpyxl turns any string starting with ``=`` into a formula, so such text is forced to
a string cell and gets Excel's ``quotePrefix``. Dates, whole numbers, amounts and percentages
are written as real numbers so the workbook's own formulas (the PP+ total) add them up.

Reading never trusts a formula's cached result (it is whatever the last program to save the
file computed, or nothing if openpyxl or a script wrote it). A ``SUM`` over cells and ranges is
recomputed from the cells it names; any other formula is reported as not read. Each answer in
a cell with a drop-down list (data validation of type ``list``) is checked against that list,
because pasting into a cell bypasses Excel's check; a value outside it gets a note.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from pepdocs.errors import DocumentError, MappingError, PepdocsError, TransformError
from pepdocs.formats.addresses import breakable, may_hold_address
from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.formats.docid import read_document_id as _read_package_id
from pepdocs.formats.docid import write_document_id
from pepdocs.mapping.dates import format_date
from pepdocs.mapping.spec import Anchor, ColumnSpec, FieldSpec, FillNote, FormSpec, FormValue
from pepdocs.mapping.transforms import (
    DateTransform,
    DecimalTransform,
    IntTransform,
    MoneyTransform,
    PercentTransform,
    Transform,
    normalise_label,
)
from pepdocs.safety.package import vet_workbook
from pepdocs.safety.sanitize import FORMULA_TRIGGERS, clean_text

__all__ = [
    "fill",
    "open_workbook",
    "print_copy",
    "read",
    "read_document_id",
    "write_document_id",
]

#: Excel's limit on the characters one cell holds (Excel specifications and limits).
MAX_CELL_CHARS = 32_767
#: what a formula cell that is not recomputed says in the report
FORMULA_NOT_READ = "a formula pepdocs does not recompute: not read (its saved result may be stale)"
_NUMERIC = (IntTransform, DecimalTransform, MoneyTransform, PercentTransform)
_SUM = re.compile(r"^=\s*SUM\s*\((?P<args>[^()]*)\)\s*$", re.IGNORECASE)
_REF = re.compile(
    r"^(?:(?:'(?P<quoted>(?:[^']|'')+)'|(?P<sheet>[A-Za-z_][\w.]*))!)?"
    r"(?P<ref>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$"
)


# -- opening -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _template_bytes(path: Path, mtime_ns: int) -> bytes:
    return path.read_bytes()


def _load(data: bytes, name: str, notes: list[str] | None = None) -> Workbook:
    """openpyxl's workbook, formulas as formulas, after the safe-open checks."""
    vetted = vet_workbook(data, name)  # checked, measured and re-packed before openpyxl
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            book = load_workbook(
                io.BytesIO(vetted.data), data_only=False, keep_links=False, keep_vba=False
            )
        except PepdocsError:
            raise
        except Exception:  # openpyxl raises many kinds on damaged parts; all mean "damaged"
            raise DocumentError("is not a readable Excel workbook (damaged?)", name) from None
    if notes is not None:
        for warning in caught:
            text = str(warning.message)
            if "Data Validation extension" in text:
                notes.append(
                    "some drop-down lists are stored in an Excel 2010 extension that pepdocs "
                    "cannot check; entries in those cells were not checked against their list"
                )
            elif "Conditional Formatting extension" not in text:
                notes.append(f"openpyxl: {text}")
    return book


def open_workbook(data: bytes, name: str) -> Workbook:
    """An untrusted workbook opened as the engine opens one (safe-open checks first, formulas
    as formulas): the engine's inspection API for inference and recognition."""
    return _load(data, name)


def _open_template(form: FormSpec) -> Workbook:
    path = Path(form.template)
    try:
        data = _template_bytes(path, path.stat().st_mtime_ns)
    except OSError as exc:
        raise MappingError(
            f"template {path} cannot be read ({exc.strerror})", str(form.source)
        ) from None
    return _load(data, str(path))


# -- finding things ----------------------------------------------------------------------------


def _same_text(cell_text: str, wanted: str) -> bool:
    """A label or header as typed on the form: exact, else ignoring case, spacing, ``:``,
    ``*`` and the like (people re-type headers)."""
    if cell_text.strip() == wanted.strip():
        return True
    key = normalise_label(wanted)
    return bool(key) and normalise_label(cell_text) == key


def _text_cells(ws: Worksheet) -> Iterator[Cell]:
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.strip():
                yield cell


@dataclass
class _Table:
    ws: Worksheet
    header_row: int
    #: column header (as the mapping names it) -> column index
    columns: dict[str, int]
    missing: list[str] = field(default_factory=list)


class _Book:
    """A loaded workbook with the lookups the anchors need (merged ranges, names, lists)."""

    def __init__(self, book: Workbook, form: FormSpec) -> None:
        self.book = book
        self.form = form
        self._merged: dict[str, dict[str, tuple[int, int, int, int]]] = {}
        self._lists: dict[str, list[tuple[Any, list[str] | None]]] = {}

    # sheets and cells
    def sheet(self, title: str | None) -> Worksheet | None:
        if title is None:
            return self.book.worksheets[0] if self.book.worksheets else None
        if title in self.book.sheetnames:
            return self.book[title]
        for ws in self.book.worksheets:  # a sheet renamed only in case or spacing
            if _same_text(ws.title, title):
                return ws
        return None

    def merged(self, ws: Worksheet) -> dict[str, tuple[int, int, int, int]]:
        """Cell coordinate -> (min_col, min_row, max_col, max_row) of its merged range."""
        found = self._merged.get(ws.title)
        if found is None:
            found = {}
            for merged_range in ws.merged_cells.ranges:
                bounds = merged_range.bounds
                for row in range(bounds[1], bounds[3] + 1):
                    for col in range(bounds[0], bounds[2] + 1):
                        found[ws.cell(row, col).coordinate] = bounds
            self._merged[ws.title] = found
        return found

    def top_left(self, ws: Worksheet, cell: Cell | MergedCell) -> Cell:
        bounds = self.merged(ws).get(cell.coordinate)
        if bounds is not None:
            cell = ws.cell(bounds[1], bounds[0])
        assert isinstance(cell, Cell)
        return cell

    def at_ref(self, sheet: str | None, ref: str) -> tuple[Worksheet, Cell] | None:
        ws = self.sheet(sheet)
        if ws is None:
            return None
        col, row, _, _ = range_boundaries(ref.replace("$", ""))
        if col is None or row is None:
            return None
        return ws, self.top_left(ws, ws.cell(row, col))

    def defined_name(self, name: str) -> tuple[Worksheet, Cell] | None:
        found = self.book.defined_names.get(name)
        if found is None:  # names are case-insensitive in Excel
            found = next(
                (dn for key, dn in self.book.defined_names.items() if key.lower() == name.lower()),
                None,
            )
        if found is None:
            for ws in self.book.worksheets:  # a name scoped to one sheet
                local = ws.defined_names.get(name)
                if local is not None:
                    found = local
                    break
        if found is None:
            return None
        for title, ref in found.destinations:
            target = self.at_ref(title, ref.split(":")[0])
            if target is not None:
                return target
        return None

    def label(self, anchor: Anchor) -> tuple[Worksheet, Cell] | None:
        wanted = anchor.key
        options = anchor.options
        occurrence = int(options.get("occurrence", 1))
        if options.get("sheet"):
            ws = self.sheet(options["sheet"])
            sheets = [ws] if ws is not None else []
        else:
            sheets = list(self.book.worksheets)
        seen = 0
        for ws in sheets:
            for cell in _text_cells(ws):
                if not _same_text(str(cell.value), wanted):
                    continue
                seen += 1
                if seen == occurrence:
                    return ws, self._beside(ws, cell, options.get("direction", "right"))
        return None

    def _beside(self, ws: Worksheet, label: Cell, direction: str) -> Cell:
        min_col, min_row, max_col, max_row = self.merged(ws).get(
            label.coordinate, (label.column, label.row, label.column, label.row)
        )
        if direction == "below":
            return self.top_left(ws, ws.cell(max_row + 1, min_col))
        return self.top_left(ws, ws.cell(min_row, max_col + 1))

    def table(self, anchor: Anchor, columns: Sequence[ColumnSpec]) -> _Table | None:
        header = [str(text) for text in anchor.options.get("header", ())]
        occurrence = int(anchor.options.get("occurrence", 1))
        if anchor.options.get("sheet"):
            ws = self.sheet(anchor.options["sheet"])
            sheets = [ws] if ws is not None else []
        else:
            sheets = list(self.book.worksheets)
        seen = 0
        for ws in sheets:
            for row in ws.iter_rows():
                texts = [
                    (cell.column, str(cell.value))
                    for cell in row
                    if isinstance(cell.value, str) and cell.value.strip()
                ]
                if len(texts) < len(header) or not all(
                    any(_same_text(text, wanted) for _, text in texts) for wanted in header
                ):
                    continue
                seen += 1
                if seen != occurrence:
                    continue
                found: dict[str, int] = {}
                missing: list[str] = []
                for column in columns:
                    names = (column.header, *column.aliases)
                    col = next(
                        (c for c, text in texts if any(_same_text(text, n) for n in names)),
                        None,
                    )
                    if col is None:
                        missing.append(column.header)
                    else:
                        found[column.header] = col
                return _Table(ws, row[0].row, found, missing)
        return None

    # drop-down lists
    def dropdown(self, ws: Worksheet, coordinate: str) -> list[str] | None:
        """The entries of the list validation covering a cell, or None (no list, or a list
        pepdocs cannot resolve)."""
        validations = self._lists.get(ws.title)
        if validations is None:
            validations = [
                (dv.sqref, self._list_entries(ws, dv.formula1 or ""))
                for dv in ws.data_validations.dataValidation
                if dv.type == "list"
            ]
            self._lists[ws.title] = validations
        for sqref, entries in validations:
            if coordinate in sqref:
                return entries
        return None

    def _list_entries(self, ws: Worksheet, formula: str) -> list[str] | None:
        formula = formula.strip()
        if formula.startswith('"') and formula.endswith('"'):
            # An inline list: Excel separates entries with commas whatever the locale.
            return [entry.strip() for entry in formula[1:-1].split(",")]
        formula = formula.lstrip("=")
        cells = self._cells_of(ws, formula)
        if cells is None:
            named = self.book.defined_names.get(formula)
            if named is None:
                return None
            cells = []
            for title, ref in named.destinations:
                found = self._cells_of(ws, f"{_quote(title)}!{ref}")
                cells.extend(found or [])
        return [_plain(cell.value) for cell in cells if cell.value not in (None, "")]

    def _cells_of(self, ws: Worksheet, reference: str) -> list[Cell] | None:
        """The cells of ``A1``, ``A1:B9`` or ``'Sheet'!A1:B9``; None if not a reference."""
        match = _REF.match(reference.strip())
        if not match:
            return None
        title = match.group("quoted")
        title = title.replace("''", "'") if title else match.group("sheet")
        target = self.sheet(title) if title else ws
        if target is None:
            return None
        min_col, min_row, max_col, max_row = range_boundaries(match.group("ref").replace("$", ""))
        if None in (min_col, min_row, max_col, max_row):
            return None
        assert min_col and min_row and max_col and max_row
        return [
            target.cell(row, col)
            for row in range(min_row, max_row + 1)
            for col in range(min_col, max_col + 1)
        ]

    # formulas
    def formula_value(self, ws: Worksheet, cell: Cell) -> tuple[str | None, str]:
        """(value, note) for a formula cell: a SUM recomputed from its cells, else nothing."""
        formula = cell.value if isinstance(cell.value, str) else ""
        match = _SUM.match(formula)
        if not match:
            return None, FORMULA_NOT_READ
        total = Decimal(0)
        numbers = 0
        for argument in _split_arguments(match.group("args")):
            cells = self._cells_of(ws, argument)
            if cells is None:
                return None, FORMULA_NOT_READ
            for part in cells:
                value = part.value
                if _is_formula(part):
                    return None, FORMULA_NOT_READ
                # SUM adds numbers only: text (even "12") and booleans in a range are skipped,
                # as Excel and LibreOffice do.
                if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                    total += Decimal(str(value))
                    numbers += 1
        note = "recomputed from the cells of its SUM formula (the saved result is not used)"
        if numbers == 0:
            return None, note
        return _number_text(total), note


def _split_arguments(text: str) -> list[str]:
    parts: list[str] = []
    current = ""
    quoted = False
    for char in text:
        if char == "'":
            quoted = not quoted
        if char == "," and not quoted:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def _quote(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _is_formula(cell: Cell) -> bool:
    value = cell.value
    if isinstance(value, ArrayFormula | DataTableFormula):
        return True
    return cell.data_type == "f" or (
        isinstance(value, str) and value.startswith("=") and cell.data_type != "s"
    )


# -- values: cell <-> form text ---------------------------------------------------------------


def _number_text(number: Decimal) -> str:
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return _number_text(Decimal(repr(value)))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _is_percent_format(cell: Cell) -> bool:
    return "%" in str(cell.number_format or "")


def _cell_text(cell: Cell, transform: Transform | None) -> FormValue:
    """A cell's value as form text (or bool); None for a blank cell."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if isinstance(transform, DateTransform):
            return format_date(day, transform.format)
        return day.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if _is_percent_format(cell):
            # 0.982 shown as 98.2%: the form value is what a person sees
            number *= 100
        return _number_text(number)
    return str(value)


def _typed(text: str, transform: Transform, cell: Cell) -> Any:
    """The value to store for form text: a date or number where the transform reads one
    back (so formulas can add the cells up), else the text itself."""
    try:
        if isinstance(transform, DateTransform):
            iso = transform.from_form(text)
            return dt.date.fromisoformat(iso) if iso else text
        if isinstance(transform, _NUMERIC):
            number = transform.from_form(text)
            if number is None:
                return text
            amount = Decimal(str(number))
            if isinstance(transform, PercentTransform) and _is_percent_format(cell):
                amount /= 100
            if amount == amount.to_integral_value():
                return int(amount)
            return float(amount) if not isinstance(transform, MoneyTransform) else amount
    except (TransformError, InvalidOperation, ValueError):
        return text
    return text


def _write(cell: Cell, value: FormValue, transform: Transform, where: str) -> None:
    if isinstance(value, bool):
        cell.value = value
        return
    if not isinstance(value, str):
        raise PepdocsError(f"{where}: a cell holds one value, not a list")
    text = clean_text(value)
    if len(text) > MAX_CELL_CHARS:
        raise PepdocsError(f"{where}: longer than Excel's {MAX_CELL_CHARS} characters per cell")
    typed = _typed(text, transform, cell)
    cell.value = typed
    if isinstance(typed, str):
        # A string starting with "=" would be saved as a formula: force it to text. The
        # quote prefix keeps Excel from re-reading other trigger characters as a formula
        # when someone edits the cell.
        cell.data_type = "s"
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True


# -- fill --------------------------------------------------------------------------------------


def _locate(book: _Book, anchor: Anchor) -> tuple[Worksheet, Cell] | None:
    if anchor.kind == "cell":
        return book.at_ref(anchor.options.get("sheet"), str(anchor.options.get("ref", "")))
    if anchor.kind == "name":
        return book.defined_name(anchor.key)
    if anchor.kind == "label":
        return book.label(anchor)
    return None


def _where(form: FormSpec, spec: FieldSpec, anchor: Anchor | None = None) -> str:
    anchor = anchor or spec.anchor
    return f"{form.source}:{anchor.line or spec.line}: {spec.path} ({anchor.describe()})"


def _copy_style(source: Cell, target: Cell) -> None:
    if source.has_style:
        target.font = copy(source.font)
        target.border = copy(source.border)
        target.fill = copy(source.fill)
        target.number_format = source.number_format
        target.protection = copy(source.protection)
        target.alignment = copy(source.alignment)


def _fill_table(
    book: _Book,
    form: FormSpec,
    spec: FieldSpec,
    rows: Sequence[Mapping[str, str]],
    written: list[tuple[Worksheet, Cell, str]],
) -> None:
    table = None
    for anchor in spec.anchors:
        if anchor.kind == "table":
            table = book.table(anchor, spec.columns)
            if table is not None:
                break
    if table is None:
        raise MappingError(
            f"{spec.path}: table anchor not found in the template ({spec.anchor.describe()})",
            str(form.source),
            spec.anchor.line or spec.line,
        )
    ws = table.ws
    for number, row in enumerate(rows, start=1):
        row_index = table.header_row + number
        for column in spec.columns:
            col = table.columns.get(column.header)
            if col is None:
                continue
            cell = ws.cell(row_index, col)
            if isinstance(cell, MergedCell):
                continue
            if cell.value not in (None, "") or _is_formula(cell):
                raise PepdocsError(
                    f"{_where(form, spec)}: the table has room for {number - 1} rows in the "
                    f"template and {len(rows)} are needed"
                )
            if not cell.has_style:  # a row beyond the formatted ones: look like the one above
                _copy_style(ws.cell(row_index - 1, col), cell)
            value = row.get(column.header)
            if value in (None, ""):
                continue
            _write(cell, value, column.transform, f"{_where(form, spec)} row {number}")
            written.append((ws, cell, f"{spec.path}.{number}.{column.path}"))


def fill(
    form: FormSpec,
    values: Sequence[tuple[FieldSpec, FormValue]],
    *,
    notes: list[FillNote] | None = None,
) -> bytes:
    """The template of ``form`` with ``values`` written into its answer cells.

    A row too low for the wrapped text written into it is made taller (Excel and
    LibreOffice print a row at its stored height, cutting off the rest); ``notes`` gets a
    :class:`FillNote` for each value whose row had a set height that was too low.
    """
    book = _Book(_open_template(form), form)
    written: list[tuple[Worksheet, Cell, str]] = []
    for spec, value in values:
        if value is None:
            continue
        if spec.repeating:
            if not isinstance(value, list):
                raise PepdocsError(f"{_where(form, spec)}: a table needs rows")
            rows = [row for row in value if isinstance(row, Mapping)]
            _fill_table(book, form, spec, rows, written)
            continue
        target = None
        for anchor in spec.anchors:
            target = _locate(book, anchor)
            if target is not None:
                break
        if target is None:
            raise MappingError(
                f"{spec.path}: no anchor of this field is in the template "
                f"({', '.join(a.describe() for a in spec.anchors)})",
                str(form.source),
                spec.line,
            )
        _, cell = target
        if _is_formula(cell):
            raise MappingError(
                f"{spec.path}: {spec.anchor.describe()} is a formula cell; a formula is never "
                "overwritten: set fill: false",
                str(form.source),
                spec.line,
            )
        _write(cell, value, spec.transform, _where(form, spec))
        written.append((target[0], cell, spec.path))
    _fit_rows(written, notes)
    _extend_print_areas(written)
    buffer = io.BytesIO()
    book.book.save(buffer)
    return buffer.getvalue()


def _extend_print_areas(written: Sequence[tuple[Worksheet, Cell, str]]) -> None:
    """A sheet's print area grows down to the last row written: table rows added below the
    template's rows would otherwise be left off every printout."""
    lowest: dict[str, tuple[Worksheet, int]] = {}
    for ws, cell, _ in written:
        held = lowest.get(ws.title)
        if held is None or cell.row > held[1]:
            lowest[ws.title] = (ws, cell.row)
    for ws, row in lowest.values():
        area = ws.print_area
        if not area or "," in area:
            continue  # none set (the used range prints), or several ranges: left as they are
        reference = area.split("!")[-1].replace("$", "")
        try:
            min_col, min_row, max_col, max_row = range_boundaries(reference)
        except ValueError:
            continue
        if min_col is None or min_row is None or max_col is None or max_row is None:
            continue
        if row > max_row:
            first, last = get_column_letter(min_col), get_column_letter(max_col)
            ws.print_area = f"{first}{min_row}:{last}{row}"


# -- row heights -------------------------------------------------------------------------------

#: Excel's tallest row (Excel specifications and limits), in points
MAX_ROW_HEIGHT = 409.0
#: Excel's row height when none is stored (Calibri 11), in points
DEFAULT_ROW_HEIGHT = 15.0
#: line height as a share of the font size, and characters per unit of column width (a
#: unit is one digit of the workbook's default font; letters of a 10 pt text font are
#: about as wide, so 1.0 errs towards a taller row rather than a cut one)
_LEADING, _CHARS_PER_WIDTH = 1.25, 1.0
_DEFAULT_COLUMN_WIDTH = 8.43


def _span_width(ws: Worksheet, cell: Cell) -> float:
    """The width of a cell in character units, across its merged range."""
    first = last = cell.column
    for merged in ws.merged_cells.ranges:
        if cell.coordinate in merged and merged.min_row == cell.row:
            first, last = merged.min_col, merged.max_col
            break
    total = 0.0
    for column in range(first, last + 1):
        letter = get_column_letter(column)
        dimension = ws.column_dimensions.get(letter)
        width = dimension.width if dimension is not None and dimension.width else None
        total += width or _DEFAULT_COLUMN_WIDTH
    return total


def _lines_needed(cell: Cell, width: float) -> int:
    text = cell.value if isinstance(cell.value, str) else ""
    per_line = max(1, int(width * _CHARS_PER_WIDTH))
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


def _fit_rows(
    written: Sequence[tuple[Worksheet, Cell, str]], notes: list[FillNote] | None
) -> None:
    """Wrapped text cells whose rows are too low to show their text get taller rows."""
    template: dict[tuple[str, int], float | None] = {}  # each row's height as the form set it
    for ws, cell, path in written:
        if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
            continue
        size = float(cell.font.sz or 11) if cell.font is not None else 11.0
        needed = _lines_needed(cell, _span_width(ws, cell)) * size * _LEADING + 2
        dimension = ws.row_dimensions[cell.row]
        stored = template.setdefault((ws.title, cell.row), dimension.height)
        if needed <= (dimension.height or DEFAULT_ROW_HEIGHT):
            continue
        dimension.height = min(math.ceil(needed), MAX_ROW_HEIGHT)
        if notes is None or (stored is None and needed <= MAX_ROW_HEIGHT):
            continue  # a row of no set height: Excel's default was never meant to hold it
        if needed > MAX_ROW_HEIGHT:
            message = (
                f"longer than Excel's tallest row ({MAX_ROW_HEIGHT:.0f} pt) shows; the cell "
                "holds it all, but a printout ends at the row's edge"
            )
        else:
            message = f"the row was {stored or 0:.0f} pt high; made {dimension.height:.0f} pt"
        notes.append(FillNote(path, "taller", message))


# -- printing ----------------------------------------------------------------------------------


def print_copy(data: bytes, name: str) -> bytes:
    """The copy of a filled workbook that goes to the printer: email and web addresses in
    text cells can wrap after an ``@``, a dot or a slash (``pepdocs.formats.addresses``),
    not in the middle of a word. The workbook itself keeps them as typed."""
    book = _load(data, name)
    changed = False
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and may_hold_address(value) and not _is_formula(cell):
                    broken = breakable(value)
                    if broken != value:
                        cell.value = broken
                        changed = True
    if not changed:
        return data
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- read --------------------------------------------------------------------------------------


def _check_list(book: _Book, ws: Worksheet, cell: Cell, text: FormValue) -> str | None:
    if text is None:
        return None
    entries = book.dropdown(ws, cell.coordinate)
    if entries is None:
        return None
    shown = _plain(cell.value) if not isinstance(cell.value, str) else cell.value
    allowed = {entry.strip().casefold() for entry in entries}
    if shown.strip().casefold() in allowed:
        return None
    return f"not one of the drop-down entries of {ws.title}!{cell.coordinate}"


def _read_cell(
    book: _Book, ws: Worksheet, cell: Cell, transform: Transform | None
) -> tuple[FormValue, list[str]]:
    if _is_formula(cell):
        value, note = book.formula_value(ws, cell)
        return value, [note]
    text = _cell_text(cell, transform)
    problem = _check_list(book, ws, cell, text)
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
    book: _Book, form: FormSpec, spec: FieldSpec, claimed: set[tuple[str, str]]
) -> Reading:
    for anchor in spec.anchors:
        if anchor.kind != "table":
            continue
        table = book.table(anchor, spec.columns)
        if table is None:
            continue
        ws = table.ws
        notes = [f"column {header!r} not found" for header in table.missing]
        stops = _other_headers(form, spec)
        rows: list[dict[str, str]] = []
        for row_index in range(table.header_row + 1, ws.max_row + 1):
            cells = {header: ws.cell(row_index, col) for header, col in table.columns.items()}
            texts = [str(c.value) for c in cells.values() if isinstance(c.value, str)]
            # another table's header row further down the same columns ends this one
            if any(
                len(header) > 1 and sum(any(_same_text(t, h) for t in texts) for h in header) >= 2
                for header in stops
            ):
                break
            row: dict[str, str] = {}
            for column in spec.columns:
                cell = cells.get(column.header)
                if cell is None:
                    continue
                claimed.add((ws.title, cell.coordinate))
                value, cell_notes = _read_cell(book, ws, cell, column.transform)
                notes.extend(
                    f"row {len(rows) + 1}, column {column.header!r}: {note}"
                    for note in cell_notes
                    if note != FORMULA_NOT_READ or value is None
                )
                if value is not None:
                    row[column.header] = value if isinstance(value, str) else _plain(value)
            if row:
                rows.append(row)
        location = f"sheet {ws.title!r} table under row {table.header_row}"
        return Reading("found" if rows else "empty", rows or None, location, anchor, notes)
    return Reading("missing")


def read(form: FormSpec, data: bytes, name: str) -> DocumentReading:
    """Read every mapped field of a completed workbook (``name`` labels messages only)."""
    notes: list[str] = []
    book = _Book(_load(data, name, notes), form)
    readings: dict[int, Reading] = {}
    claimed: set[tuple[str, str]] = set()
    for index, spec in enumerate(form.fields):
        if spec.repeating:
            readings[index] = _read_table(book, form, spec, claimed)
            continue
        reading = Reading("missing")
        for anchor in spec.anchors:
            target = _locate(book, anchor)
            if target is None:
                continue
            ws, cell = target
            claimed.add((ws.title, cell.coordinate))
            value, cell_notes = _read_cell(book, ws, cell, spec.transform)
            location = f"{ws.title}!{cell.coordinate}"
            reading = Reading(
                "empty" if value is None else "found", value, location, anchor, cell_notes
            )
            break
        readings[index] = reading
    return DocumentReading(readings, _unmapped(book, claimed), notes)


def _unmapped(book: _Book, claimed: set[tuple[str, str]]) -> list[str]:
    """Answers typed into unlocked (answer) cells that no mapping entry reads."""
    found: list[str] = []
    for ws in book.book.worksheets:
        if ws.sheet_state != "visible" or not ws.protection.sheet:
            continue  # without sheet protection, locked/unlocked says nothing
        for row in ws.iter_rows():
            for cell in row:
                if cell.value in (None, "") or (ws.title, cell.coordinate) in claimed:
                    continue
                if isinstance(cell, MergedCell) or cell.protection.locked:
                    continue
                label = ws.cell(cell.row, cell.column - 1).value if cell.column > 1 else None
                prefix = f"{label}" if isinstance(label, str) else f"{ws.title}!{cell.coordinate}"
                found.append(f"{prefix}: {_plain(cell.value)[:200]}")
    return found


def read_document_id(data: bytes, source: str = "<document>") -> str | None:
    """The document id a returned workbook carries as a custom property
    (:mod:`pepdocs.formats.docid`), or None; ``write_document_id`` puts it there."""
    return _read_package_id(data, "xlsx", source)
