"""Filling a workbook template, prepared once: per record only the worksheets whose cells the
mapping writes are rewritten (and ``workbook.xml`` when a table outgrows a print area).

``prepare`` reads the template once (the :mod:`.workbook` model for the anchors, each sheet's
parsed XML, the zip's compressed members) and adds two variants of every cell format to
``styles.xml``: one with Excel's ``quotePrefix`` (text starting with ``=``, ``+``, ``-``,
``@`` stays text when someone edits the cell) and, for a format that shows no date, one with
the built-in short date (format 14). ``fill`` then works out every cell's new value and style
from the model, edits copies of the sheets' XML, and writes the package with the untouched
members' compressed bytes copied (:mod:`.zipped`).

Cells are written as Excel writes them by hand: text as an inline string (``t="inlineStr"``,
ECMA-376 Part 1, 18.3.1.4; Excel, LibreOffice and openpyxl read it), numbers and date serials
as ``<v>``, booleans as ``t="b"``. Formula cells are never written.
"""

from __future__ import annotations

import copy
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from pepdocs.errors import MappingError, PepdocsError
from pepdocs.formats.excel.anchors import Book, Table, locate
from pepdocs.formats.excel.values import typed
from pepdocs.formats.excel.workbook import (
    Cell,
    Sheet,
    Workbook,
    column_letter,
    datetime_to_serial,
    load_workbook,
    range_bounds,
    split_reference,
)
from pepdocs.formats.excel.zipped import PreparedZip
from pepdocs.mapping.spec import Anchor, FieldSpec, FillNote, FormSpec, FormValue
from pepdocs.mapping.transforms import Transform
from pepdocs.safety.package import read_input
from pepdocs.safety.sanitize import FORMULA_TRIGGERS, clean_text

__all__ = [
    "DEFAULT_ROW_HEIGHT",
    "MAX_CELL_CHARS",
    "MAX_ROW_HEIGHT",
    "PreparedWorkbook",
    "fill",
    "prepare",
]

#: Excel's limit on the characters one cell holds (Excel specifications and limits).
MAX_CELL_CHARS = 32_767
#: Excel's tallest row (Excel specifications and limits), in points
MAX_ROW_HEIGHT = 409.0
#: Excel's row height when none is stored (Calibri 11), in points
DEFAULT_ROW_HEIGHT = 15.0
#: line height as a share of the font size, and characters per unit of column width (a
#: unit is one digit of the workbook's default font; letters of a 10 pt text font are
#: about as wide, so 1.0 errs towards a taller row rather than a cut one)
_LEADING, _CHARS_PER_WIDTH = 1.25, 1.0
_DEFAULT_COLUMN_WIDTH = 8.43
#: ECMA-376 Part 1, 18.8.30: built-in format 14, the locale's short date
_SHORT_DATE = 14
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_STYLES_PART = "xl/styles.xml"


@dataclass(slots=True)
class _Write:
    """One cell's new content: a value to store and the cell format it gets."""

    sheet: Sheet
    row: int
    column: int
    value: Any
    style: int
    path: str


@dataclass(slots=True)
class _Record:
    """What one fill changes, before any XML is touched."""

    writes: dict[tuple[str, int, int], _Write] = field(default_factory=dict)
    heights: dict[tuple[str, int], float] = field(default_factory=dict)


class PreparedWorkbook:
    """A workbook template read once; :meth:`fill` makes one filled workbook per record."""

    def __init__(self, data: bytes, source: str, form: FormSpec) -> None:
        workbook, _ = load_workbook(data, source)
        self.workbook: Workbook = workbook
        self.book = Book(workbook)
        self.form = form
        self.source = source
        # by the anchor object's id, the anchor kept beside its result (so the id stays its)
        self._targets: dict[int, tuple[Anchor, tuple[Sheet, Cell] | None]] = {}
        self._tables: dict[int, tuple[Anchor, Table | None]] = {}
        styles_xml = _styles_xml(data, source)
        self.quoted, self.dated, new_styles = _style_variants(styles_xml, workbook)
        self.zip = PreparedZip.from_bytes(data)
        if new_styles is not None:
            self.zip = self.zip.replaced({_STYLES_PART: new_styles})
        self._workbook_xml = _parsed_member(data, "xl/workbook.xml", source)
        self._print_areas = _print_areas(self._workbook_xml, workbook)

    # -- where values go ------------------------------------------------------------------------
    def target(self, anchor: Anchor) -> tuple[Sheet, Cell] | None:
        held = self._targets.get(id(anchor))
        if held is None or held[0] is not anchor:
            held = (anchor, locate(self.book, anchor))
            self._targets[id(anchor)] = held
        return held[1]

    def table(self, anchor: Anchor, spec: FieldSpec) -> Table | None:
        held = self._tables.get(id(anchor))
        if held is None or held[0] is not anchor:
            held = (anchor, self.book.table(anchor, spec.columns))
            self._tables[id(anchor)] = held
        return held[1]

    # -- one record -----------------------------------------------------------------------------
    def fill(
        self,
        values: Sequence[tuple[FieldSpec, FormValue]],
        notes: list[FillNote] | None = None,
    ) -> bytes:
        record = _Record()
        for spec, value in values:
            if value is None:
                continue
            if spec.repeating:
                if not isinstance(value, list):
                    raise PepdocsError(f"{self._where(spec)}: a table needs rows")
                rows = [row for row in value if isinstance(row, Mapping)]
                self._fill_table(record, spec, rows)
                continue
            target = None
            for anchor in spec.anchors:
                target = self.target(anchor)
                if target is not None:
                    break
            if target is None:
                raise MappingError(
                    f"{spec.path}: no anchor of this field is in the template "
                    f"({', '.join(a.describe() for a in spec.anchors)})",
                    str(self.form.source),
                    spec.line,
                )
            sheet, cell = target
            if cell.formula:
                raise MappingError(
                    f"{spec.path}: {spec.anchor.describe()} is a formula cell; a formula is "
                    "never overwritten: set fill: false",
                    str(self.form.source),
                    spec.line,
                )
            self._write(record, sheet, cell, cell.style_index, value, spec.transform, spec.path,
                        self._where(spec))  # fmt: skip
        self._fit_rows(record, notes)
        return self._package(record)

    def _where(self, spec: FieldSpec, anchor: Anchor | None = None) -> str:
        anchor = anchor or spec.anchor
        return f"{self.form.source}:{anchor.line or spec.line}: {spec.path} ({anchor.describe()})"

    def _write(
        self,
        record: _Record,
        sheet: Sheet,
        cell: Cell,
        style: int,
        value: FormValue,
        transform: Transform,
        path: str,
        where: str,
    ) -> None:
        key = (sheet.title, cell.row, cell.column)
        if isinstance(value, bool):
            record.writes[key] = _Write(sheet, cell.row, cell.column, value, style, path)
            return
        if not isinstance(value, str):
            raise PepdocsError(f"{where}: a cell holds one value, not a list")
        text = clean_text(value)
        if len(text) > MAX_CELL_CHARS:
            raise PepdocsError(f"{where}: longer than Excel's {MAX_CELL_CHARS} characters per cell")
        number_format = self.workbook.styles.get(style).number_format
        stored_value = typed(text, transform, number_format)
        if isinstance(stored_value, str):
            if text.startswith(FORMULA_TRIGGERS):
                style = self.quoted.get(style, style)
        elif not isinstance(stored_value, int | float | Decimal) and not (
            self.workbook.styles.get(style).is_date  # a date, in a cell showing no date
        ):
            style = self.dated.get(style, style)
        record.writes[key] = _Write(sheet, cell.row, cell.column, stored_value, style, path)

    def _fill_table(
        self, record: _Record, spec: FieldSpec, rows: Sequence[Mapping[str, str]]
    ) -> None:
        table = None
        for anchor in spec.anchors:
            if anchor.kind == "table":
                table = self.table(anchor, spec)
                if table is not None:
                    break
        if table is None:
            raise MappingError(
                f"{spec.path}: table anchor not found in the template ({spec.anchor.describe()})",
                str(self.form.source),
                spec.anchor.line or spec.line,
            )
        sheet = table.sheet
        merged = self.book.merged(sheet)
        for number, row in enumerate(rows, start=1):
            row_index = table.header_row + number
            for column in spec.columns:
                col = table.columns.get(column.header)
                if col is None or (
                    (row_index, col) in merged
                    and merged[(row_index, col)][:2]
                    != (
                        col,
                        row_index,
                    )
                ):
                    continue
                cell = sheet.cell(row_index, col)
                pending = record.writes.get((sheet.title, row_index, col))
                if cell.value not in (None, "") or cell.formula or pending is not None:
                    raise PepdocsError(
                        f"{self._where(spec)}: the table has room for {number - 1} rows in the "
                        f"template and {len(rows)} are needed"
                    )
                style = cell.style_index
                if not style:  # a row beyond the formatted ones: look like the one above
                    above = record.writes.get((sheet.title, row_index - 1, col))
                    style = (
                        above.style
                        if above is not None
                        else sheet.cell(row_index - 1, col).style_index
                    )
                    style = self._unquoted(style)
                value = row.get(column.header)
                if value in (None, ""):
                    if style != cell.style_index:
                        record.writes[(sheet.title, row_index, col)] = _Write(
                            sheet, row_index, col, None, style, ""
                        )
                    continue
                self._write(record, sheet, cell, style, value, column.transform,
                            f"{spec.path}.{number}.{column.path}",
                            f"{self._where(spec)} row {number}")  # fmt: skip

    def _unquoted(self, style: int) -> int:
        for plain, quoted in self.quoted.items():
            if quoted == style:
                return plain
        for plain, dated in self.dated.items():
            if dated == style:
                return plain
        return style

    # -- row heights ----------------------------------------------------------------------------
    def _fit_rows(self, record: _Record, notes: list[FillNote] | None) -> None:
        """Wrapped text cells whose rows are too low to show their text get taller rows."""
        for write in record.writes.values():
            style = self.workbook.styles.get(write.style)
            if not isinstance(write.value, str) or not style.wrap:
                continue
            sheet = write.sheet
            needed = _lines_needed(write.value, self._span_width(sheet, write)) * style.font_size
            needed = needed * _LEADING + 2
            stored = sheet.heights.get(write.row)
            current = record.heights.get((sheet.title, write.row), stored)
            if needed <= (current or DEFAULT_ROW_HEIGHT):
                continue
            height = min(math.ceil(needed), MAX_ROW_HEIGHT)
            record.heights[(sheet.title, write.row)] = height
            if notes is None or (stored is None and needed <= MAX_ROW_HEIGHT):
                continue  # a row of no set height: Excel's default was never meant to hold it
            if needed > MAX_ROW_HEIGHT:
                message = (
                    f"longer than Excel's tallest row ({MAX_ROW_HEIGHT:.0f} pt) shows; the cell "
                    "holds it all, but a printout ends at the row's edge"
                )
            else:
                message = f"the row was {stored or 0:.0f} pt high; made {height:.0f} pt"
            notes.append(FillNote(write.path, "taller", message))

    def _span_width(self, sheet: Sheet, write: _Write) -> float:
        """The width of a cell in character units, across its merged range."""
        first = last = write.column
        for left, top, right, bottom in sheet.merged:
            if top == write.row and left <= write.column <= right and top <= write.row <= bottom:
                first, last = left, right
                break
        return sum(
            sheet.widths.get(column) or _DEFAULT_COLUMN_WIDTH for column in range(first, last + 1)
        )

    # -- the package ----------------------------------------------------------------------------
    def _package(self, record: _Record) -> bytes:
        by_sheet: dict[str, list[_Write]] = {}
        for write in record.writes.values():
            by_sheet.setdefault(write.sheet.title, []).append(write)
        for title, _row in record.heights:
            by_sheet.setdefault(title, [])
        parts: dict[str, bytes] = {}
        lowest: dict[str, int] = {}
        for title, writes in by_sheet.items():
            sheet = self.workbook.sheet(title)
            assert sheet is not None and sheet.xml is not None
            heights = {row: h for (name, row), h in record.heights.items() if name == title}
            parts[sheet.part] = _sheet_xml(sheet, writes, heights)
            written = [write.row for write in writes if write.path]
            if written:
                lowest[title] = max(written)
        areas = self._grown_print_areas(lowest)
        if areas:
            parts["xl/workbook.xml"] = _workbook_xml(self._workbook_xml, areas)
        return self.zip.write(parts)

    def _grown_print_areas(self, lowest: Mapping[str, int]) -> dict[int, str]:
        """A sheet's print area grows down to the last row written: table rows added below
        the template's rows would otherwise be left off every printout."""
        grown: dict[int, str] = {}
        for index, sheet in enumerate(self.workbook.sheets):
            row = lowest.get(sheet.title)
            area = self._print_areas.get(index)
            if row is None or area is None:
                continue
            min_col, min_row, max_col, max_row = area
            if row > max_row:
                title = "'" + sheet.title.replace("'", "''") + "'"
                grown[index] = (
                    f"{title}!${column_letter(min_col)}${min_row}:${column_letter(max_col)}${row}"
                )
        return grown


def _lines_needed(text: str, width: float) -> int:
    per_line = max(1, int(width * _CHARS_PER_WIDTH))
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


# -- XML ---------------------------------------------------------------------------------------


def _namespace(root: etree._Element) -> str:
    tag = root.tag if isinstance(root.tag, str) else ""
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _serialise(root: etree._Element) -> bytes:
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


def _sheet_xml(sheet: Sheet, writes: Sequence[_Write], heights: Mapping[int, float]) -> bytes:
    """The sheet's XML with ``writes`` in its cells and ``heights`` on its rows."""
    assert sheet.xml is not None
    root = copy.deepcopy(sheet.xml)
    ns = _namespace(root)
    data = root.find(f"{ns}sheetData")
    if data is None:
        data = etree.SubElement(root, f"{ns}sheetData")
    rows: dict[int, etree._Element] = {}
    number = 0
    for row in data.iterfind(f"{ns}row"):
        number = int(row.get("r") or number + 1)
        rows[number] = row
    wanted_rows = sorted({w.row for w in writes} | set(heights))
    for row_number in wanted_rows:
        if row_number not in rows:
            rows[row_number] = _insert_row(data, ns, rows, row_number)
    by_row: dict[int, list[_Write]] = {}
    for write in writes:
        by_row.setdefault(write.row, []).append(write)
    for row_number, row_writes in by_row.items():
        row = rows[row_number]
        cells = _cells_of_row(row, ns, row_number)
        for write in sorted(row_writes, key=lambda w: w.column):
            element = cells.get(write.column)
            if element is None:
                element = _insert_cell(row, ns, cells, row_number, write.column)
            _set_cell(element, ns, write)
    for row_number, height in heights.items():
        rows[row_number].set("ht", _number(height))
        rows[row_number].set("customHeight", "1")
    _grow_dimension(
        root, ns, max(wanted_rows, default=0), max((w.column for w in writes), default=0)
    )
    return _serialise(root)


def _insert_row(
    data: etree._Element, ns: str, rows: dict[int, etree._Element], number: int
) -> etree._Element:
    row = etree.Element(f"{ns}row", r=str(number))
    later = [r for r in rows if r > number]
    if later:
        rows[min(later)].addprevious(row)
    else:
        data.append(row)
    return row


def _cells_of_row(row: etree._Element, ns: str, number: int) -> dict[int, etree._Element]:
    cells: dict[int, etree._Element] = {}
    column = 0
    for c in row.iterfind(f"{ns}c"):
        ref = c.get("r")
        position = split_reference(ref) if ref else None
        column = position[1] if position is not None else column + 1
        if position is None:
            c.set("r", f"{column_letter(column)}{number}")
        cells[column] = c
    return cells


def _insert_cell(
    row: etree._Element, ns: str, cells: dict[int, etree._Element], number: int, column: int
) -> etree._Element:
    c = etree.Element(f"{ns}c", r=f"{column_letter(column)}{number}")
    later = [col for col in cells if col > column]
    if later:
        cells[min(later)].addprevious(c)
    else:
        row.append(c)
    cells[column] = c
    spans = row.get("spans")
    if spans is not None:
        del row.attrib["spans"]  # optional (18.3.1.73); a stale one misleads readers
    return c


def _set_cell(c: etree._Element, ns: str, write: _Write) -> None:
    if write.style:
        c.set("s", str(write.style))
    elif "s" in c.attrib:
        del c.attrib["s"]
    if not write.path:  # a style for a blank cell in a grown table
        return
    for child in list(c):
        c.remove(child)
    value = write.value
    if isinstance(value, bool):
        c.set("t", "b")
        etree.SubElement(c, f"{ns}v").text = "1" if value else "0"
    elif isinstance(value, str):
        c.set("t", "inlineStr")
        text = etree.SubElement(etree.SubElement(c, f"{ns}is"), f"{ns}t")
        text.text = value
        if value != value.strip() or "\n" in value:
            text.set(_XML_SPACE, "preserve")
    else:
        if "t" in c.attrib:
            del c.attrib["t"]
        etree.SubElement(c, f"{ns}v").text = _number(value)


def _number(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return (
            format(value.normalize(), "f")
            if value != value.to_integral_value()
            else str(int(value))
        )
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return _number(datetime_to_serial(value, False))


def _grow_dimension(root: etree._Element, ns: str, row: int, column: int) -> None:
    dimension = root.find(f"{ns}dimension")
    if dimension is None or not row:
        return
    bounds = range_bounds(dimension.get("ref", ""))
    if bounds is None:
        return
    min_col, min_row, max_col, max_row = bounds
    max_col, max_row = max(max_col, column), max(max_row, row)
    dimension.set("ref", f"{column_letter(min_col)}{min_row}:{column_letter(max_col)}{max_row}")


def _parsed_member(data: bytes, name: str, source: str) -> etree._Element:
    from pepdocs.safety.package import open_package

    return open_package(data, source, "xlsx").parse(name)


def _styles_xml(data: bytes, source: str) -> etree._Element | None:
    from pepdocs.safety.package import open_package

    package = open_package(data, source, "xlsx")
    return package.parse(_STYLES_PART) if package.has(_STYLES_PART) else None


def _style_variants(
    root: etree._Element | None, workbook: Workbook
) -> tuple[dict[int, int], dict[int, int], bytes | None]:
    """Each cell format's quote-prefixed twin and, for formats showing no date, its short-date
    twin, added to ``styles.xml`` once per template: (quoted, dated, the new styles part)."""
    if root is None:
        return {}, {}, None
    ns = _namespace(root)
    xfs = root.find(f"{ns}cellXfs")
    if xfs is None:
        return {}, {}, None
    originals = list(xfs.iterfind(f"{ns}xf"))
    quoted: dict[int, int] = {}
    dated: dict[int, int] = {}
    count = len(originals)
    for index, xf in enumerate(originals):
        twin = copy.deepcopy(xf)
        twin.set("quotePrefix", "1")
        xfs.append(twin)
        quoted[index] = count
        count += 1
        if not workbook.styles.get(index).is_date:
            twin = copy.deepcopy(xf)
            twin.set("numFmtId", str(_SHORT_DATE))
            twin.set("applyNumberFormat", "1")
            xfs.append(twin)
            dated[index] = count
            count += 1
    xfs.set("count", str(count))
    return quoted, dated, _serialise(root)


def _print_areas(root: etree._Element, workbook: Workbook) -> dict[int, tuple[int, int, int, int]]:
    """Each sheet's print area when it is one range (sheet index -> bounds)."""
    ns = _namespace(root)
    areas: dict[int, tuple[int, int, int, int]] = {}
    for name in root.iterfind(f"{ns}definedNames/{ns}definedName"):
        scope = name.get("localSheetId")
        if name.get("name") != "_xlnm.Print_Area" or scope is None or not scope.isdigit():
            continue
        text = (name.text or "").strip()
        if "," in text:
            continue  # several ranges: left as they are
        bounds = range_bounds(text.split("!")[-1])
        if bounds is not None and int(scope) < len(workbook.sheets):
            areas[int(scope)] = bounds
    return areas


def _workbook_xml(root: etree._Element, areas: Mapping[int, str]) -> bytes:
    root = copy.deepcopy(root)
    ns = _namespace(root)
    for name in root.iterfind(f"{ns}definedNames/{ns}definedName"):
        scope = name.get("localSheetId")
        if name.get("name") == "_xlnm.Print_Area" and scope is not None and scope.isdigit():
            area = areas.get(int(scope))
            if area is not None:
                name.text = area
    return _serialise(root)


# -- prepared templates, cached ----------------------------------------------------------------

_PREPARED: dict[tuple[str, int, int, str], PreparedWorkbook] = {}


def prepare(form: FormSpec) -> PreparedWorkbook:
    """The prepared template of a form, cached per template file (path, mtime, size) and
    mapping file."""
    path = str(form.template)
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise MappingError(
            f"template {path} cannot be read ({exc.strerror})", str(form.source)
        ) from None
    key = (path, stat.st_mtime_ns, stat.st_size, str(form.source))
    prepared = _PREPARED.get(key)
    if prepared is None:
        prepared = PreparedWorkbook(read_input(Path(path)), path, form)
        if len(_PREPARED) > 64:
            _PREPARED.clear()
        _PREPARED[key] = prepared
    return prepared


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
    return prepare(form).fill(values, notes)
