"""Finding a mapping's anchors in a workbook: cells, defined names, labels, tables, the
drop-down list covering a cell, and the one formula pepdocs recomputes (``SUM``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pepdocs.formats.excel.values import number_text, plain
from pepdocs.formats.excel.workbook import Cell, Sheet, Workbook, range_bounds, split_reference
from pepdocs.mapping.spec import Anchor, ColumnSpec
from pepdocs.mapping.transforms import normalise_label

__all__ = ["FORMULA_NOT_READ", "Book", "Table", "label_key", "same_text"]

#: what a formula cell that is not recomputed says in the report
FORMULA_NOT_READ = "a formula pepdocs does not recompute: not read (its saved result may be stale)"
_SUM = re.compile(r"^=\s*SUM\s*\((?P<args>[^()]*)\)\s*$", re.IGNORECASE)
_REF = re.compile(
    r"^(?:(?:'(?P<quoted>(?:[^']|'')+)'|(?P<sheet>[A-Za-z_][\w.]*))!)?"
    r"(?P<ref>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$"
)


def same_text(cell_text: str, wanted: str) -> bool:
    """A label or header as typed on the form: exact, else ignoring case, spacing, ``:``,
    ``*`` and the like (people re-type headers)."""
    if cell_text.strip() == wanted.strip():
        return True
    key = normalise_label(wanted)
    return bool(key) and normalise_label(cell_text) == key


_NOT_WORD = re.compile(r"[^\w]+")


def label_key(text: str) -> str:
    """``normalise_label(text)``, the same string, made quicker for ASCII text (most of a
    workbook's): there case-folding is lowering, and NFKD and the combining marks it
    separates have nothing to do. A workbook's every text cell is keyed, answers included."""
    if text.isascii():
        return " ".join(_NOT_WORD.sub(" ", text.lower().replace("&", " and ")).split())
    return normalise_label(text)


#: normalised label texts, kept across workbooks (the forms of one authority share their
#: labels); emptied when full, so a workbook of a million distinct texts cannot grow it
_KEYS: dict[str, str] = {}
_KEYS_HELD = 20_000


class _Labels:
    """:func:`same_text` with each text normalised once (a form's labels are compared with
    every mapping entry's label and every table header)."""

    def key(self, text: str) -> str:
        found = _KEYS.get(text)
        if found is None:
            if len(_KEYS) >= _KEYS_HELD:
                _KEYS.clear()
            found = _KEYS[text] = label_key(text)
        return found

    def matches(self, texts: Sequence[str], wanted: Sequence[str]) -> int:
        """How many of ``wanted`` one of ``texts`` reads as."""
        return self.matches_in(self.texts(texts), wanted)

    def texts(self, texts: Sequence[str]) -> tuple[set[str], set[str]]:
        """``texts`` stripped and normalised, for :meth:`matches_in` (made once for a row
        compared with several headers)."""
        return {text.strip() for text in texts}, {self.key(text) for text in texts}

    def matches_in(self, texts: tuple[set[str], set[str]], wanted: Sequence[str]) -> int:
        """How many of ``wanted`` one of the texts (:meth:`texts`) reads as."""
        stripped, keys = texts
        return sum(
            1
            for one in wanted
            if one.strip() in stripped or ((key := self.key(one)) and key in keys)
        )

    def same(self, cell_text: str, wanted: str) -> bool:
        if cell_text.strip() == wanted.strip():
            return True
        key = self.key(wanted)
        return bool(key) and self.key(cell_text) == key


#: a sheet's text cells (in reading order) by normalised text, and by text stripped where
#: that normalises to nothing
_SheetIndex = tuple[dict[str, list[Cell]], dict[str, list[Cell]]]
#: where a sheet's list validations are: (row, column) -> the first list validation's number
#: for ranges of up to ``_INDEXED_CELLS`` cells, and the numbers of larger ranges, in order
_ListLayout = tuple[dict[tuple[int, int], int], tuple[int, ...]]
#: a sheet's list layout and each list validation's entries (by its number)
_ListIndex = tuple[_ListLayout, dict[int, list[str] | None]]
#: list layouts by the validations' ranges, kept across workbooks (every form filled from one
#: template has the same validations: placing thousands of cells once per workbook was a
#: tenth of reading one); emptied when full
_LAYOUTS: dict[tuple[tuple[int, tuple[tuple[int, int, int, int], ...]], ...], _ListLayout] = {}
_LAYOUTS_HELD = 64
#: a list validation's range up to this many cells is looked up by position
_INDEXED_CELLS = 4_096


@dataclass(slots=True)
class Table:
    sheet: Sheet
    header_row: int
    #: column header (as the mapping names it) -> column index
    columns: dict[str, int]
    missing: list[str] = field(default_factory=list)


class Book:
    """A workbook with the lookups the anchors need (merged ranges, names, lists)."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self._merged: dict[str, dict[tuple[int, int], tuple[int, int, int, int]]] = {}
        self._lists: dict[str, _ListIndex] = {}
        self.labels = _Labels()

    def same_text(self, cell_text: str, wanted: str) -> bool:
        return self.labels.same(cell_text, wanted)

    def _label_cells(self, wanted: str, sheets: Sequence[Sheet]) -> list[tuple[Sheet, Cell]]:
        """(sheet, cell) of every text cell of ``sheets`` that reads as ``wanted``
        (:meth:`same_text`), in reading order (sheet by sheet in the order given, row by
        row)."""
        key = self.labels.key(wanted)
        found: list[tuple[Sheet, Cell]] = []
        for sheet in sheets:
            normalised, unworded = self._sheet_index(sheet)
            # text that is the same once stripped has the same normalised form, so a wanted
            # text with one finds its exact matches among its normalised ones
            hits = normalised.get(key) if key else unworded.get(wanted.strip())
            found.extend((sheet, cell) for cell in hits or ())
        return found

    def _sheet_index(self, sheet: Sheet) -> _SheetIndex:
        """A sheet's text cells in reading order by their normalised text, and those whose
        normalised text is empty (``***``) by their text stripped; made when a label is first
        looked for on the sheet and kept on it (a sheet read before, such as a form's lists,
        is indexed once)."""
        found: _SheetIndex | None = sheet.label_index
        if found is None:
            normalised: dict[str, list[Cell]] = {}
            unworded: dict[str, list[Cell]] = {}
            key = self.labels.key
            for cell in sheet.text_cells():
                text = str(cell.value)
                normal = key(text)
                if normal:
                    normalised.setdefault(normal, []).append(cell)
                else:
                    unworded.setdefault(text.strip(), []).append(cell)
            found = sheet.label_index = (normalised, unworded)
        return found

    # sheets and cells
    def sheet(self, title: str | None) -> Sheet | None:
        sheets = self.book.sheets
        if title is None:
            return sheets[0] if sheets else None
        found = self.book.sheet(title)
        if found is not None:
            return found
        for sheet in sheets:  # a sheet renamed only in case or spacing
            if self.same_text(sheet.title, title):
                return sheet
        return None

    def merged(self, sheet: Sheet) -> dict[tuple[int, int], tuple[int, int, int, int]]:
        """(row, column) -> (min_col, min_row, max_col, max_row) of its merged range."""
        found = self._merged.get(sheet.title)
        if found is None:
            found = self._merged[sheet.title] = _merge_map(tuple(sheet.merged))
        return found

    def bounds(self, sheet: Sheet, row: int, column: int) -> tuple[int, int, int, int]:
        return self.merged(sheet).get((row, column), (column, row, column, row))

    def top_left(self, sheet: Sheet, row: int, column: int) -> Cell:
        bounds = self.merged(sheet).get((row, column))
        if bounds is not None:
            row, column = bounds[1], bounds[0]
        return sheet.cell(row, column)

    def at_ref(self, title: str | None, ref: str) -> tuple[Sheet, Cell] | None:
        sheet = self.sheet(title)
        if sheet is None:
            return None
        bounds = range_bounds(ref.split(":")[0])
        if bounds is None:
            return None
        return sheet, self.top_left(sheet, bounds[1], bounds[0])

    def defined_name(self, name: str) -> tuple[Sheet, Cell] | None:
        key = name.lower()  # names are case-insensitive in Excel
        found = self.book.names.get(key)
        if found is None:
            for sheet in self.book.sheets:  # a name scoped to one sheet
                found = self.book.local_names.get(sheet.title, {}).get(key)
                if found is not None:
                    break
        for title, ref in found or ():
            target = self.at_ref(title, ref.split(":")[0])
            if target is not None:
                return target
        return None

    def label(self, anchor: Anchor) -> tuple[Sheet, Cell] | None:
        wanted = anchor.key
        options = anchor.options
        occurrence = int(options.get("occurrence", 1))
        found = self._label_cells(wanted, self._sheets(options.get("sheet")))
        if not 1 <= occurrence <= len(found):
            return None
        sheet, cell = found[occurrence - 1]
        return sheet, self._beside(sheet, cell, options.get("direction", "right"))

    def _sheets(self, title: str | None) -> list[Sheet]:
        if title:
            sheet = self.sheet(title)
            return [sheet] if sheet is not None else []
        return list(self.book.sheets)

    def _beside(self, sheet: Sheet, label: Cell, direction: str) -> Cell:
        min_col, min_row, max_col, max_row = self.bounds(sheet, label.row, label.column)
        if direction == "below":
            return self.top_left(sheet, max_row + 1, min_col)
        return self.top_left(sheet, min_row, max_col + 1)

    def table(self, anchor: Anchor, columns: Sequence[ColumnSpec]) -> Table | None:
        header = [str(text) for text in anchor.options.get("header", ())]
        occurrence = int(anchor.options.get("occurrence", 1))
        seen = 0
        for sheet in self._sheets(anchor.options.get("sheet")):
            for row in sheet.rows():
                texts = [
                    (cell.column, str(cell.value))
                    for cell in row
                    if isinstance(cell.value, str) and cell.value.strip()
                ]
                if len(texts) < len(header) or not all(
                    any(self.same_text(text, wanted) for _, text in texts) for wanted in header
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
                        (c for c, text in texts if any(self.same_text(text, n) for n in names)),
                        None,
                    )
                    if col is None:
                        missing.append(column.header)
                    else:
                        found[column.header] = col
                return Table(sheet, row[0].row, found, missing)
        return None

    # drop-down lists
    def dropdown(self, sheet: Sheet, cell: Cell) -> list[str] | None:
        """The entries of the list validation covering a cell, or None (no list, or a list
        pepdocs cannot resolve)."""
        lists = self._lists.get(sheet.title)
        if lists is None:
            lists = self._lists[sheet.title] = self._index_lists(sheet)
        (positions, large), entries = lists
        found = positions.get((cell.row, cell.column))
        for number in large:  # ranges too big to index, in the sheet's order
            if found is not None and found < number:
                break
            if sheet.validations[number].covers(cell.row, cell.column):
                found = number
                break
        if found is None:
            return None
        if found not in entries:  # each list resolved when first asked for
            entries[found] = self._list_entries(sheet, sheet.validations[found].formula)
        return entries[found]

    def _index_lists(self, sheet: Sheet) -> _ListIndex:
        """The list validations of a sheet: their layout (``_list_layout``), and their
        entries by number as they are resolved."""
        ranges = tuple(
            (number, validation.ranges)
            for number, validation in enumerate(sheet.validations)
            if validation.kind == "list"
        )
        return _list_layout(ranges), {}

    def _list_entries(self, sheet: Sheet, formula: str) -> list[str] | None:
        formula = formula.strip()
        if formula.startswith('"') and formula.endswith('"'):
            # An inline list: Excel separates entries with commas whatever the locale.
            return [entry.strip() for entry in formula[1:-1].split(",")]
        formula = formula.lstrip("=")
        cells = self.cells_of(sheet, formula)
        if cells is None:
            named = self.book.names.get(formula.lower())
            if named is None:
                return None
            cells = []
            for title, ref in named:
                cells.extend(self.cells_of(sheet, f"{_quote(title)}!{ref}") or [])
        return [plain(cell.value) for cell in cells if cell.value not in (None, "")]

    def cells_of(self, sheet: Sheet, reference: str) -> list[Cell] | None:
        """The cells of ``A1``, ``A1:B9`` or ``'Sheet'!A1:B9``; None if not a reference."""
        match = _REF.match(reference.strip())
        if not match:
            return None
        title = match.group("quoted")
        title = title.replace("''", "'") if title else match.group("sheet")
        target = self.sheet(title) if title else sheet
        if target is None:
            return None
        bounds = range_bounds(match.group("ref"))
        if bounds is None:
            return None
        min_col, min_row, max_col, max_row = bounds
        return [
            target.cell(row, col)
            for row in range(min_row, max_row + 1)
            for col in range(min_col, max_col + 1)
        ]

    # formulas
    def formula_value(self, sheet: Sheet, cell: Cell) -> tuple[str | None, str]:
        """(value, note) for a formula cell: a SUM recomputed from its cells, else nothing."""
        formula = cell.value if isinstance(cell.value, str) else ""
        match = _SUM.match(formula)
        if not match:
            return None, FORMULA_NOT_READ
        total = Decimal(0)
        numbers = 0
        for argument in _split_arguments(match.group("args")):
            cells = self.cells_of(sheet, argument)
            if cells is None:
                return None, FORMULA_NOT_READ
            for part in cells:
                value = part.value
                if part.formula:
                    return None, FORMULA_NOT_READ
                # SUM adds numbers only: text (even "12") and booleans in a range are skipped,
                # as Excel and LibreOffice do.
                if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                    total += Decimal(str(value))
                    numbers += 1
        note = "recomputed from the cells of its SUM formula (the saved result is not used)"
        if numbers == 0:
            return None, note
        return number_text(total), note


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


def locate(book: Book, anchor: Anchor) -> tuple[Sheet, Cell] | None:
    """The cell an anchor names (``cell``, ``name`` or ``label``), or None."""
    if anchor.kind == "cell":
        return book.at_ref(anchor.options.get("sheet"), str(anchor.options.get("ref", "")))
    if anchor.kind == "name":
        return book.defined_name(anchor.key)
    if anchor.kind == "label":
        return book.label(anchor)
    return None


__all__ += ["locate", "split_reference"]


#: merge maps by the merged ranges, kept across workbooks (every form filled from one
#: template has the same merges); emptied when full
_MERGE_MAPS: dict[tuple[tuple[int, int, int, int], ...], dict[tuple[int, int], Any]] = {}
_MERGE_MAPS_HELD = 64


def _merge_map(
    merged: tuple[tuple[int, int, int, int], ...],
) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Each position of the merged ranges -> its range (a later range wins, as before)."""
    found = _MERGE_MAPS.get(merged)
    if found is None:
        found = {}
        for bounds in merged:
            for row in range(bounds[1], bounds[3] + 1):
                for col in range(bounds[0], bounds[2] + 1):
                    found[(row, col)] = bounds
        if len(_MERGE_MAPS) >= _MERGE_MAPS_HELD:
            _MERGE_MAPS.clear()
        _MERGE_MAPS[merged] = found
    return found


def _list_layout(
    ranges: tuple[tuple[int, tuple[tuple[int, int, int, int], ...]], ...],
) -> _ListLayout:
    """(row, column) -> the number of the first list validation covering it, for ranges of
    up to :data:`_INDEXED_CELLS` cells; the numbers of larger ranges, to test in order."""
    found = _LAYOUTS.get(ranges)
    if found is not None:
        return found
    positions: dict[tuple[int, int], int] = {}
    large: list[int] = []
    for number, bounds in ranges:
        for left, top, right, bottom in bounds:
            if (right - left + 1) * (bottom - top + 1) > _INDEXED_CELLS:
                large.append(number)
                continue
            for row in range(top, bottom + 1):
                for column in range(left, right + 1):
                    positions.setdefault((row, column), number)
    if len(_LAYOUTS) >= _LAYOUTS_HELD:
        _LAYOUTS.clear()
    found = _LAYOUTS[ranges] = (positions, tuple(large))
    return found
