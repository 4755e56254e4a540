"""A workbook read straight from its XML: the cells, names, merges, lists and styles the
anchors need, and nothing else (no object per styled position, no formatting objects).

Both directions use it: ``read`` loads each returned workbook into it, and ``prepare`` loads a
template once. Values come out as openpyxl gives them with ``data_only=False`` (text, int,
float, bool, ``datetime`` for a number in a date format, ``"=..."`` for a formula), so the
rules of :mod:`pepdocs.formats.excel.anchors` and ``values`` read the same whichever loaded
the workbook. Dates are serials counted in the workbook's date system (1900, or 1904 when
``workbookPr date1904`` says so; ECMA-376 Part 1, 18.17.4.1).

Opening goes through the safe-open layer (zip limits, macros, DTDs, XML element budget), and
every worksheet is measured before it is parsed, against the same cell and area limits
``pepdocs.safety.package.vet_workbook`` applies before openpyxl.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import posixpath
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from pepdocs.errors import DocumentError, UnsafeDocumentError
from pepdocs.safety.package import (
    MAX_SHEET_AREA,
    MAX_SHEET_CELLS,
    SafeZip,
    open_package,
    parse_xml,
)

__all__ = [
    "Cell",
    "Sheet",
    "Styles",
    "Workbook",
    "column_letter",
    "coordinate",
    "load_workbook",
    "split_reference",
]

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_M = f"{{{MAIN}}}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_WORKBOOK = "xl/workbook.xml"
#: ECMA-376 Part 1, 18.8.30: the built-in number formats that show dates or times
_BUILTIN_DATES = frozenset({*range(14, 23), 45, 46, 47})
_BUILTIN_FORMATS = {9: "0%", 10: "0.00%", 14: "mm-dd-yy"}
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
#: quoted text, [colour]/[$-locale] blocks and escaped characters are not date codes
_NOT_CODES = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def coordinate(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


@lru_cache(maxsize=8192)
def split_reference(ref: str) -> tuple[int, int] | None:
    """(row, column) of ``B12`` or ``$B$12``; None for anything else."""
    match = _CELL_REF.match(ref.strip())
    if not match:
        return None
    return int(match.group(2)), column_number(match.group(1))


@lru_cache(maxsize=8192)
def range_bounds(ref: str) -> tuple[int, int, int, int] | None:
    """(min_col, min_row, max_col, max_row) of ``A1`` or ``A1:C9``; None for a whole row or
    column (``$6:$6``) or anything else. Kept by the reference (a template's merges and
    lists are the same in every form filled from it)."""
    first, _, last = ref.replace("$", "").partition(":")
    start = split_reference(first)
    end = split_reference(last) if last else start
    if start is None or end is None:
        return None
    return (
        min(start[1], end[1]),
        min(start[0], end[0]),
        max(start[1], end[1]),
        max(start[0], end[0]),
    )


def _is_date_code(code: str) -> bool:
    bare = _NOT_CODES.sub("", code).lower()
    return any(letter in bare for letter in "dmyhs") and "general" not in bare


@dataclass(frozen=True, slots=True)
class CellStyle:
    """What one ``cellXfs`` entry means to pepdocs."""

    number_format: str
    is_date: bool
    locked: bool
    wrap: bool
    font_size: float


@dataclass(slots=True)
class Styles:
    """The workbook's cell formats (``xl/styles.xml``), by ``s`` index."""

    formats: list[CellStyle] = field(default_factory=list)
    #: the numFmtId of each cellXfs entry (the writer adds date and quote-prefix variants)
    format_ids: list[int] = field(default_factory=list)

    DEFAULT = CellStyle("General", False, True, False, 11.0)

    def get(self, index: int) -> CellStyle:
        if 0 <= index < len(self.formats):
            return self.formats[index]
        return self.DEFAULT

    @classmethod
    def parse(cls, root: etree._Element | None) -> Styles:
        styles = cls()
        if root is None:
            return styles
        ns = _namespace(root)
        codes = dict(_BUILTIN_FORMATS)
        for fmt in root.iterfind(f"{ns}numFmts/{ns}numFmt"):
            number = _int(fmt.get("numFmtId"), -1)
            codes[number] = fmt.get("formatCode", "")
        sizes = []
        for font in root.iterfind(f"{ns}fonts/{ns}font"):
            size = font.find(f"{ns}sz")
            sizes.append(_float(size.get("val") if size is not None else None, 11.0))
        for xf in root.iterfind(f"{ns}cellXfs/{ns}xf"):
            number = _int(xf.get("numFmtId"), 0)
            code = codes.get(number, "General")
            alignment = xf.find(f"{ns}alignment")
            protection = xf.find(f"{ns}protection")
            font = _int(xf.get("fontId"), 0)
            styles.format_ids.append(number)
            styles.formats.append(
                CellStyle(
                    number_format=code,
                    is_date=number in _BUILTIN_DATES or (number >= 164 and _is_date_code(code)),
                    locked=protection is None or _truth(protection.get("locked"), True),
                    wrap=alignment is not None and _truth(alignment.get("wrapText"), False),
                    font_size=sizes[font] if 0 <= font < len(sizes) else 11.0,
                )
            )
        return styles


@dataclass(slots=True)
class Cell:
    """One ``<c>`` of a worksheet, its value as openpyxl would give it (formulas as text)."""

    row: int
    column: int
    value: Any
    style: CellStyle
    style_index: int = 0
    formula: bool = False
    #: a non-top-left position of a merged range
    merged: bool = False

    @property
    def coordinate(self) -> str:
        return coordinate(self.row, self.column)


@dataclass(slots=True)
class Validation:
    """A data validation: its type, its first formula and the ranges it covers."""

    kind: str
    formula: str
    ranges: tuple[tuple[int, int, int, int], ...]

    def covers(self, row: int, column: int) -> bool:
        return any(
            left <= column <= right and top <= row <= bottom
            for left, top, right, bottom in self.ranges
        )


@dataclass(slots=True)
class Sheet:
    """One worksheet: its cells by (row, column) and what the anchors ask of it."""

    title: str
    part: str
    state: str
    protected: bool
    cells: dict[tuple[int, int], Cell]
    merged: list[tuple[int, int, int, int]]
    validations: list[Validation]
    widths: dict[int, float]
    heights: dict[int, float]
    styles: Styles
    #: an Excel 2010 extension holds data validations pepdocs cannot check
    extension_lists: bool = False
    #: the parsed worksheet (the writer edits copies of a template's)
    xml: etree._Element | None = None
    _rows: list[list[Cell]] | None = None
    #: the text cells by text, made and kept by the reader's label lookups (``anchors``)
    label_index: Any = None

    @property
    def max_row(self) -> int:
        return max((row for row, _ in self.cells), default=1)

    def cell(self, row: int, column: int) -> Cell:
        """The cell at a position; a blank one (the sheet's default style) if none is stored."""
        found = self.cells.get((row, column))
        if found is None:
            return Cell(row, column, None, self.styles.DEFAULT)
        return found

    def rows(self) -> list[list[Cell]]:
        """Stored cells row by row, top to bottom and left to right."""
        if self._rows is None:
            by_row: dict[int, list[Cell]] = {}
            for key in sorted(self.cells):
                by_row.setdefault(key[0], []).append(self.cells[key])
            self._rows = list(by_row.values())
        return self._rows

    def text_cells(self) -> Iterator[Cell]:
        for row in self.rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.strip():
                    yield cell


@dataclass(slots=True)
class Workbook:
    """The sheets (in tab order), workbook-scoped defined names and the date system."""

    sheets: list[Sheet]
    #: defined name (lower case) -> (sheet title, reference) destinations
    names: dict[str, list[tuple[str, str]]]
    date1904: bool
    styles: Styles
    #: names of the parts: workbook, its relationships, each sheet by title
    parts: dict[str, str] = field(default_factory=dict)
    #: worksheet-scoped defined names (lower case) -> destinations, by sheet title
    local_names: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)

    def sheet(self, title: str) -> Sheet | None:
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet
        return None


# -- loading -----------------------------------------------------------------------------------


#: sheets read from returned workbooks, by their XML and what their values depend on: a
#: batch of returned forms repeats most sheets byte for byte (the lists, sheets left blank)
_READ_SHEETS: OrderedDict[tuple[Any, ...], Sheet] = OrderedDict()
_READ_SHEETS_HELD = 64


#: what the parts every form of a template shares mean (its workbook part with the sheets and
#: defined names, relationships, styles, shared strings), by a digest of their bytes, kept for
#: reading: a returned form's parts are those of its template unless someone changed them
_READ_PARTS: OrderedDict[tuple[str, bytes], Any] = OrderedDict()
_READ_PARTS_HELD = 32
#: a part larger than this is a document's own data (a roster's strings), not a template's:
#: not kept
_READ_PART_BYTES = 1 << 20


def _part_meaning(
    package: SafeZip,
    part: str,
    keep: bool,
    interpret: Callable[[etree._Element | None], Any],
    *,
    empty_allowed: bool = False,
) -> tuple[bytes, Any]:
    """The bytes of ``part`` and ``interpret`` of them parsed (within the package's budget;
    an empty part, where ``empty_allowed``, is interpreted as None); for reading (``keep``)
    the same bytes read before are not parsed or interpreted again. What is kept is never
    changed by the reader: a template's ``Styles`` (which the writer adds to) is made afresh."""
    raw = package.read(part)
    if not raw and empty_allowed:
        return raw, interpret(None)
    keep = keep and len(raw) <= _READ_PART_BYTES
    key = (part, hashlib.sha256(raw).digest())
    found = _READ_PARTS.get(key) if keep else None
    if found is None:
        found = interpret(parse_xml(raw, package.source, part, package.budget))
        if keep:
            _READ_PARTS[key] = found
            if len(_READ_PARTS) > _READ_PARTS_HELD:
                _READ_PARTS.popitem(last=False)
    else:
        _READ_PARTS.move_to_end(key)
    return raw, found


@dataclass(frozen=True, slots=True)
class _WorkbookPart:
    """What ``xl/workbook.xml`` says: strict or not, date system, names, sheet entries."""

    strict: bool
    date1904: bool
    names: dict[str, list[tuple[str, str]]]
    local: dict[int, dict[str, list[tuple[str, str]]]]
    #: (relationship id, name, state) of each sheet, in tab order
    sheets: tuple[tuple[str, str, str], ...]

    @classmethod
    def parse(cls, root: etree._Element) -> _WorkbookPart:
        if root.tag.startswith(f"{{{_STRICT_MAIN}}}"):
            return cls(True, False, {}, {}, ())
        ns = _namespace(root)
        properties = root.find(f"{ns}workbookPr")
        date1904 = properties is not None and _truth(properties.get("date1904"), False)
        names, local = _defined_names(root, ns)
        sheets = tuple(
            (element.get(f"{_R}id", ""), element.get("name", ""), element.get("state", "visible"))
            for element in root.iterfind(f"{ns}sheets/{ns}sheet")
        )
        return cls(False, date1904, names, local, sheets)


def load_workbook(
    data: bytes, source: str, *, blanks: bool = True, package: SafeZip | None = None
) -> tuple[Workbook, SafeZip]:
    """A returned or template workbook, through the safe-open checks and the sheet limits.

    ``blanks=False`` (reading) leaves out cells with neither a value nor a formula (a blank
    cell reads as blank whether or not it is stored) and keeps no XML; sheets and the parts
    every form shares (workbook, relationships, styles, shared strings) whose bytes were read
    before are then taken from small caches instead of parsed again. ``package`` is ``data``
    already opened by ``open_package`` (as ``xlsx``), when the caller has it.
    """
    if package is None:
        package = open_package(data, source, "xlsx")
    keep = not blanks
    book: _WorkbookPart = _part_meaning(package, _WORKBOOK, keep, _WorkbookPart.parse)[1]
    if book.strict:
        raise DocumentError(
            "is saved as Strict Open XML, which pepdocs does not read: save it again from "
            "Excel as an ordinary Excel Workbook (.xlsx)",
            source,
        )
    rels = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = (
        _part_meaning(package, rels, keep, functools.partial(_targets, rels))[1]
        if package.has(rels)
        else {}
    )
    styles_part = next((t for t in targets.values() if t.endswith("styles.xml")), "")
    styles_xml, styles = (
        _part_meaning(package, styles_part, keep, Styles.parse, empty_allowed=True)
        if package.has(styles_part)
        else (b"", Styles.parse(None))
    )
    strings_part = next((t for t in targets.values() if t.endswith("sharedStrings.xml")), "")
    strings_xml, strings = (
        _part_meaning(package, strings_part, keep, _shared_strings, empty_allowed=True)
        if package.has(strings_part)
        else (b"", [])
    )
    date1904 = book.date1904
    # what a sheet's values depend on besides its own bytes
    depends = hashlib.sha256(styles_xml + b"\0" + strings_xml).digest() + bytes([date1904])
    sheets: list[Sheet] = []
    local_names: dict[str, dict[str, list[tuple[str, str]]]] = {}
    parts = {"workbook": _WORKBOOK}
    for index, (rid, title, state) in enumerate(book.sheets):
        part = targets.get(rid, "")
        if not part or not package.has(part):
            continue  # a chart sheet or a dangling reference: no cells to read
        raw = package.read(part)
        key = (hashlib.sha256(raw).digest(), depends, state, title)
        sheet = _READ_SHEETS.get(key) if keep else None
        if sheet is None:
            sheet = _sheet(
                parse_xml(raw, source, part, package.budget),
                raw,
                part,
                title,
                state,
                styles,
                strings,
                date1904,
                source,
                blanks,
            )
            if keep:
                sheet.xml = None
                _READ_SHEETS[key] = sheet
                if len(_READ_SHEETS) > _READ_SHEETS_HELD:
                    _READ_SHEETS.popitem(last=False)
        else:
            _READ_SHEETS.move_to_end(key)
        local_names[title] = book.local.get(index, {})
        sheets.append(sheet)
        parts[title] = part
    return Workbook(sheets, book.names, date1904, styles, parts, local_names), package


def _targets(rels: str, root: etree._Element) -> dict[str, str]:
    """Relationship id -> the part it points to (external targets left out)."""
    base = posixpath.dirname(posixpath.dirname(rels))
    found = {}
    for rel in root:
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(base, target))
        found[rel.get("Id", "")] = path
    return found


def _shared_strings(root: etree._Element | None) -> list[str]:
    if root is None:
        return []
    ns = _namespace(root)
    return [_string_text(item, ns) for item in root.iterfind(f"{ns}si")]


def _string_text(item: etree._Element, ns: str) -> str:
    """The text of an ``<si>`` or ``<is>``: its ``<t>``, or its runs' ``<t>`` (phonetic
    ``<rPh>`` readings left out, as Excel shows them)."""
    plain = item.find(f"{ns}t")
    if plain is not None:
        return plain.text or ""
    return "".join(t.text or "" for t in item.iterfind(f"{ns}r/{ns}t"))


def _defined_names(
    root: etree._Element, ns: str
) -> tuple[dict[str, list[tuple[str, str]]], dict[int, dict[str, list[tuple[str, str]]]]]:
    names: dict[str, list[tuple[str, str]]] = {}
    local: dict[int, dict[str, list[tuple[str, str]]]] = {}
    for element in root.iterfind(f"{ns}definedNames/{ns}definedName"):
        name = element.get("name", "")
        destinations = destinations_of(element.text or "")
        if not name or not destinations:
            continue
        scope = element.get("localSheetId")
        if scope is not None and scope.isdigit():
            local.setdefault(int(scope), {})[name.lower()] = destinations
        else:
            names.setdefault(name.lower(), destinations)
    return names, local


_DESTINATION = re.compile(
    r"^(?:'((?:[^']|'')+)'|([^'!,\s][^!,]*))!(\$?[A-Za-z]*\$?\d*(?::\$?[A-Za-z]*\$?\d*)?)$"
)


def destinations_of(text: str) -> list[tuple[str, str]]:
    """(sheet title, reference) of each area of a defined name's value (``'A b'!$B$6``,
    ``Lists!$A$2:$A$5``, several areas separated by commas); [] for a formula or ``#REF!``."""
    found = []
    for area in _split_areas(text.strip()):
        match = _DESTINATION.match(area.strip())
        if not match:
            return []
        title = match.group(1).replace("''", "'") if match.group(1) else match.group(2)
        found.append((title, match.group(3)))
    return found


def _split_areas(text: str) -> list[str]:
    areas, current, quoted = [], "", False
    for char in text:
        if char == "'":
            quoted = not quoted
        if char == "," and not quoted:
            areas.append(current)
            current = ""
        else:
            current += char
    areas.append(current)
    return areas


def _sheet(
    root: etree._Element,
    raw: bytes,
    part: str,
    title: str,
    state: str,
    styles: Styles,
    strings: list[str],
    date1904: bool,
    source: str,
    blanks: bool,
) -> Sheet:
    ns = _namespace(root)
    cells: dict[tuple[int, int], Cell] = {}
    shared: dict[str, tuple[str, int, int]] = {}
    heights: dict[int, float] = {}
    data = root.find(f"{ns}sheetData")
    rows = data.findall(f"{ns}row") if data is not None else []
    stored = sum(len(row) for row in rows)
    if stored > MAX_SHEET_CELLS:
        raise UnsafeDocumentError(
            f"sheet {part} has {stored:,} cells, over the limit of {MAX_SHEET_CELLS:,}: "
            "refused (not a form or roster)",
            source,
        )
    c_tag = f"{ns}c"
    tags = v_tag, _, is_tag = (f"{ns}v", f"{ns}f", f"{ns}is")
    t_tag = f"{ns}t"
    formats, default = styles.formats, styles.DEFAULT
    count = len(formats)
    columns = _COLUMNS
    #: ``s`` attribute -> (style index, style), worked out once per sheet
    styled: dict[str | None, tuple[int, CellStyle]] = {}
    row_number = last_column = 0
    for row in rows:
        row_number = _int(row.get("r"), row_number + 1)
        height = row.get("ht")
        if height is not None:
            heights[row_number] = _float(height, 15.0)
        column = 0
        for c in row.iterchildren(c_tag):
            ref = c.get("r")
            column = (columns.get(ref) or _column_of(ref)) if ref else column + 1
            if not column:
                continue
            children = len(c)
            if not blanks and not children:
                continue  # no value, no formula: a blank cell reads as blank
            s = c.get("s")
            found_style = styled.get(s)
            if found_style is None:
                index = _int(s, 0) if s else 0
                found_style = styled[s] = (
                    index,
                    formats[index] if 0 <= index < count else default,
                )
            style_index, style = found_style
            value: Any = None
            formula = False
            only = c[0] if children == 1 else None
            kind = c.get("t")
            if only is not None and only.tag == is_tag and kind == "inlineStr":
                # the commonest cell of a filled form: text stored inline, as one <t> (looked
                # at directly: ``find`` goes through ElementPath, a third of a cell's cost)
                first = only[0] if len(only) else None
                if first is not None and first.tag == t_tag:
                    value = first.text or ""
                else:
                    value = _string_text(only, ns)
            elif only is not None and only.tag == v_tag and kind in (None, "n", "s"):
                value = _number_or_string(only.text, kind, style, strings, date1904)
            elif children:
                value, formula = _value(
                    c, ns, tags, style, strings, date1904, shared, row_number, column
                )
            if value is None and not blanks:
                continue
            cells[(row_number, column)] = Cell(
                row_number, column, value, style, style_index, formula
            )
        last_column = max(last_column, column)
    merged = []
    positions = 0
    last_row = row_number
    for merge in root.iterfind(f"{ns}mergeCells/{ns}mergeCell"):
        bounds = range_bounds(merge.get("ref", ""))
        if bounds is None:
            continue
        merged.append(bounds)
        left, top, right, bottom = bounds
        positions += (right - left + 1) * (bottom - top + 1)
        last_row, last_column = max(last_row, bottom), max(last_column, right)
    if last_row * last_column > MAX_SHEET_AREA or positions > MAX_SHEET_AREA:
        raise UnsafeDocumentError(
            f"sheet {part} reaches row {last_row:,} and column {last_column:,} (merges "
            f"included), over the limit of {MAX_SHEET_AREA:,} cells: refused; delete stray "
            "cells or merges far from the data",
            source,
        )
    for left, top, right, bottom in merged:
        for r in range(top, bottom + 1):
            for col in range(left, right + 1):
                found = cells.get((r, col))
                if found is not None and (r, col) != (top, left):
                    found.merged = True  # openpyxl's MergedCell: no value of its own
                    found.value = None
    validations = []
    for element in root.iterfind(f"{ns}dataValidations/{ns}dataValidation"):
        ranges = tuple(
            bounds
            for ref in (element.get("sqref") or "").split()
            if (bounds := range_bounds(ref)) is not None
        )
        formula = element.find(f"{ns}formula1")
        validations.append(
            Validation(
                element.get("type", "none"),
                (formula.text or "") if formula is not None else "",
                ranges,
            )
        )
    widths: dict[int, float] = {}
    for col in root.iterfind(f"{ns}cols/{ns}col"):
        if col.get("width") is None:
            continue
        for number in range(_int(col.get("min"), 1), min(_int(col.get("max"), 1), 16384) + 1):
            widths[number] = _float(col.get("width"), 0.0)
    protection = root.find(f"{ns}sheetProtection")
    return Sheet(
        title=title,
        part=part,
        state=state,
        protected=protection is not None and _truth(protection.get("sheet"), False),
        cells=cells,
        merged=merged,
        validations=validations,
        widths=widths,
        heights=heights,
        styles=styles,
        extension_lists=b"x14:dataValidation" in raw,
        xml=root,
    )


_COLUMNS: dict[str, int] = {}


def _column_of(ref: str) -> int:
    """The column of a cell reference (``B12`` -> 2); 0 for a malformed one. Kept by the
    whole reference: the forms of one template repeat their cells' references."""
    found = _COLUMNS.get(ref)
    if found is None:
        letters = ref.rstrip("0123456789").lstrip("$").replace("$", "")
        if not (0 < len(letters) <= 3 and letters.isascii() and letters.isalpha()):
            return 0
        if len(_COLUMNS) >= 100_000:
            _COLUMNS.clear()
        found = _COLUMNS[ref] = column_number(letters)
    return found


def _value(
    c: etree._Element,
    ns: str,
    tags: tuple[str, str, str],
    style: CellStyle,
    strings: list[str],
    date1904: bool,
    shared: dict[str, tuple[str, int, int]],
    row: int,
    column: int,
) -> tuple[Any, bool]:
    kind = c.get("t", "n")
    f = v = item = None
    v_tag, f_tag, is_tag = tags
    for child in c:
        tag = child.tag
        if tag == v_tag:
            v = child
        elif tag == f_tag:
            f = child
        elif tag == is_tag:
            item = child
    if f is not None:
        return "=" + _formula_text(f, shared, row, column), True
    if kind == "inlineStr":
        return (_string_text(item, ns) if item is not None else None), False
    text = v.text if v is not None else None
    if text is None:
        return None, False
    if kind in ("s", "n"):
        return _number_or_string(text, kind, style, strings, date1904), False
    if kind in ("str", "e"):
        return text, False
    if kind == "b":
        return text.strip() in ("1", "true"), False
    if kind == "d":
        try:
            return dt.datetime.fromisoformat(text.strip()), False
        except ValueError:
            return text, False
    return _number_or_string(text, kind, style, strings, date1904), False


def _number_or_string(
    text: str | None, kind: str | None, style: CellStyle, strings: list[str], date1904: bool
) -> Any:
    """The value of a ``<v>`` of a shared-string cell (``t="s"``) or of a number (no ``t``,
    ``t="n"`` or a type pepdocs does not know), a date where the style shows one."""
    if text is None:
        return None
    if kind == "s":
        index = _int(text, -1)
        return strings[index] if 0 <= index < len(strings) else None
    number: int | float
    try:
        number = int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text
    if style.is_date:
        return serial_to_datetime(number, date1904, style.number_format)
    return number


def _formula_text(
    f: etree._Element, shared: dict[str, tuple[str, int, int]], row: int, column: int
) -> str:
    """A formula's text; a shared formula's dependent cell gets the master's formula moved to
    its own position (as openpyxl does, with openpyxl's translator: imported only then)."""
    text = f.text or ""
    if f.get("t") != "shared":
        return text
    index = f.get("si", "")
    if text:
        shared[index] = (text, row, column)
        return text
    master = shared.get(index)
    if master is None:
        return ""
    from openpyxl.formula.translate import Translator

    moved: str = Translator("=" + master[0], coordinate(master[1], master[2])).translate_formula(
        coordinate(row, column)
    )
    return moved[1:]


def serial_to_datetime(serial: float, date1904: bool, number_format: str) -> Any:
    """An Excel date serial as ``datetime`` (or ``time`` for a time-only format) in the
    workbook's date system; 1900's serial 60 is Excel's 29 February 1900, which never was."""
    if date1904:
        moment = _EPOCH_1904 + dt.timedelta(days=serial)
    else:
        if serial < 60:
            serial += 1  # before Excel's phantom 29/02/1900 the count is one day off
        moment = _EPOCH_1900 + dt.timedelta(days=serial)
    moment = moment.replace(microsecond=0) if moment.microsecond < 500 else moment
    if 0 <= serial < 1 and not any(code in number_format.lower() for code in "dy"):
        return moment.time()
    return moment


def datetime_to_serial(moment: dt.date, date1904: bool) -> int | float:
    """A date as the workbook's serial number (whole days for a date)."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime(moment.year, moment.month, moment.day)
    days = (moment - (_EPOCH_1904 if date1904 else _EPOCH_1900)).total_seconds() / 86400
    if not date1904 and days < 61:
        days -= 1
    return int(days) if days == int(days) else days


# -- small readers -----------------------------------------------------------------------------


def _namespace(root: etree._Element) -> str:
    tag = root.tag if isinstance(root.tag, str) else ""
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _float(text: str | None, default: float) -> float:
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


def _truth(text: str | None, default: bool) -> bool:
    if text is None:
        return default
    return text.strip().lower() in ("1", "true", "on")
