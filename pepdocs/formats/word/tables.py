"""Tables as a grid: rows and grid columns with merged cells resolved.

``w:gridSpan`` widens a cell, ``w:gridBefore`` skips columns at a row's start, and
``w:vMerge`` continues the cell above (17.4.85); python-docx repeats merged cells, so cells
here are deduplicated on the origin ``w:tc``. Rows and cells wrapped in row- or cell-level
content controls are included. Nested tables are separate grids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pepdocs.formats.word._xml import (
    SDT,
    SDTCONTENT,
    TBL,
    TC,
    TCPR,
    TR,
    Element,
    first_child,
    w,
)
from pepdocs.formats.word.text import block_text

#: A totals line's first cell: "Total", "Total requested", "Grand total:", "TOTAL COST"
_TOTAL = re.compile(r"^(?:grand\s+|sub\s*-?\s*)?totals?\b(?!\s+(?:number|of))", re.IGNORECASE)

@dataclass(eq=False, slots=True)
class GridCell:
    tc: Element
    row: int  # first row (0-based)
    col: int  # first grid column (0-based)
    span: int = 1
    rows: int = 1  # rows covered by a vertical merge

    def text(self) -> str:
        return block_text(self.tc)


@dataclass(eq=False)
class TableGrid:
    tbl: Element
    rows: list[Element] = field(default_factory=list)
    #: slots[r][c]: the cell covering grid column c of row r (None where no cell is)
    slots: list[list[GridCell | None]] = field(default_factory=list)
    width: int = 0
    #: row_cells of each row, made with the grid (a grid is read, never changed)
    distinct: list[list[GridCell]] = field(default_factory=list)
    #: (grid column, span, w:tc) of each row's own cells, continuations of merges included
    placed: list[list[tuple[int, int, Element]]] = field(default_factory=list)

    def columns(self, row: int) -> dict[int, Element]:
        """Grid column -> the row's own ``w:tc`` covering it (``repeating.row_columns`` of
        the row, from what building the grid found)."""
        out: dict[int, Element] = {}
        for column, span, tc in self.placed[row]:
            for offset in range(span):
                out[column + offset] = tc
        return out

    def totals_row(self, row: int) -> bool:
        """Whether row ``row`` is a table's totals line ("Total", "Total requested", "Grand
        total: £790"), printed under its items: a sum, not an item."""
        cells = self.distinct[row] if 0 <= row < len(self.distinct) else []
        if not cells or cells[0].row != row:
            return False
        return _TOTAL.match(" ".join(cells[0].text().split())) is not None

    def row_cells(self, row: int) -> list[GridCell]:
        """The distinct cells of one row, left to right (a vertically merged cell counts in
        every row it covers)."""
        return list(self.distinct[row])

    def cells(self) -> list[tuple[int, GridCell]]:
        """(row, cell) for each cell where it starts."""
        return [
            (number, cell)
            for number, cells in enumerate(self.distinct)
            for cell in cells
            if cell.row == number
        ]

    def right_of(self, cell: GridCell, row: int) -> GridCell | None:
        column = cell.col + cell.span
        slots = self.slots[row]
        while column < len(slots):
            other = slots[column]
            if other is not None and other is not cell:
                return other
            column += 1
        return None

    def left_of(self, cell: GridCell, row: int) -> GridCell | None:
        column = cell.col - 1
        slots = self.slots[row]
        while column >= 0:
            other = slots[column] if column < len(slots) else None
            if other is not None and other is not cell:
                return other
            column -= 1
        return None

    def below(self, cell: GridCell) -> GridCell | None:
        row = cell.row + cell.rows
        if row >= len(self.rows):
            return None
        slots = self.slots[row]
        return slots[cell.col] if cell.col < len(slots) else None


_VAL = w("val")
_TRPR = w("trPr")
_GRID_BEFORE = w("gridBefore")
_GRID_SPAN = w("gridSpan")
_VMERGE = w("vMerge")


def _int_prop(element: Element | None, name: str, default: int) -> int:
    """``name``'s ``w:val`` (a Clark name: every cell of every table passes here)."""
    if element is None:
        return default
    node = first_child(element, name)
    if node is None:
        return default
    try:
        return max(int(node.get(_VAL) or default), 0)
    except ValueError:
        return default


_CUSTOM_XML = w("customXml")


def table_rows(tbl: Element) -> list[Element]:
    """The table's rows, including rows inside row-level (repeating section) controls."""
    rows: list[Element] = []
    for node in tbl.iterchildren(TR, SDT, _CUSTOM_XML):  # not w:tblPr, w:tblGrid
        if node.tag == TR:
            rows.append(node)
        elif node.tag == SDT:
            content = first_child(node, SDTCONTENT)
            if content is not None:
                rows.extend(table_rows(content))
        else:
            rows.extend(table_rows(node))
    return rows


def row_tcs(tr: Element) -> list[Element]:
    cells: list[Element] = []
    # libxml2 passes over w:trPr and the like (every row of every table comes here)
    for node in tr.iterchildren(TC, SDT, _CUSTOM_XML):
        if node.tag == TC:
            cells.append(node)
        else:
            content = first_child(node, SDTCONTENT) if node.tag == SDT else node
            if content is not None:
                cells.extend(row_tcs(content))
    return cells


def _cell_properties(tc: Element) -> tuple[int, Element | None]:
    """A cell's ``w:gridSpan`` (at least 1) and ``w:vMerge``, in one look at its ``w:tcPr``
    (every cell of every table passes here)."""
    span = 1
    merge = None
    properties = first_child(tc, TCPR)
    if properties is not None:
        for node in properties:
            tag = node.tag
            if tag == _GRID_SPAN:
                try:
                    span = max(int(node.get(_VAL) or 1), 1)
                except ValueError:
                    span = 1
            elif tag == _VMERGE:
                merge = node
    return span, merge


def grid_before(tr: Element) -> int:
    """Grid columns skipped at the row's start (``w:trPr/w:gridBefore``)."""
    return _int_prop(first_child(tr, _TRPR), _GRID_BEFORE, 0)


def cell_span(tc: Element) -> int:
    """Grid columns the cell covers (``w:gridSpan``, at least 1)."""
    return _cell_properties(tc)[0]


def spanned(root: Element) -> frozenset[Element]:
    """The cells with a ``w:gridSpan`` or ``w:vMerge`` and the rows with a ``w:gridBefore``
    under ``root``, found in one libxml2 walk: ``build_grid`` then reads the properties of
    these few only (every other cell is one column wide, and not merged)."""
    found: set[Element] = set()
    for node in root.iter(_GRID_SPAN, _VMERGE, _GRID_BEFORE):
        properties = node.getparent()  # w:tcPr or w:trPr
        owner = properties.getparent() if properties is not None else None
        if owner is not None:
            found.add(owner)
    return frozenset(found)


def build_grid(tbl: Element, special: frozenset[Element] | None = None) -> TableGrid:
    """The table's grid; ``special``: ``spanned`` of the table or of a document around it
    (found here when not given)."""
    if special is None:
        special = spanned(tbl)
    grid = TableGrid(tbl=tbl, rows=table_rows(tbl))
    above: list[GridCell | None] = []
    for number, tr in enumerate(grid.rows):
        column = grid_before(tr) if tr in special else 0
        slots: list[GridCell | None] = [None] * column
        distinct: list[GridCell] = []
        placed: list[tuple[int, int, Element]] = []
        for tc in row_tcs(tr):
            span, merge = _cell_properties(tc) if tc in special else (1, None)
            placed.append((column, span, tc))
            cell: GridCell | None = None
            if merge is not None and number and (merge.get(_VAL) or "continue") == "continue":
                candidate = above[column] if column < len(above) else None
                if candidate is not None:
                    candidate.rows += 1
                    cell = candidate
            if cell is None:
                cell = GridCell(tc, number, column, span)
            if cell not in distinct:
                distinct.append(cell)
            if span == 1:
                slots.append(cell)
            else:
                slots.extend([cell] * span)
            column += span
        grid.slots.append(slots)
        grid.distinct.append(distinct)
        grid.placed.append(placed)
        if len(slots) > grid.width:
            grid.width = len(slots)
        above = slots
    return grid


def iter_tables(root: Element) -> list[Element]:
    """Every table in document order, nested ones included."""
    return list(root.iter(TBL))


def top_level_tables(body: Element) -> list[Element]:
    """Tables directly in the body (or in block-level controls there), as python-docx's
    ``Document.tables`` counts them: the numbering the ``cell`` anchor uses."""
    out: list[Element] = []
    for node in body:
        if node.tag == TBL:
            out.append(node)
        elif node.tag == SDT:
            content = first_child(node, SDTCONTENT)
            if content is not None:
                out.extend(top_level_tables(content))
    return out
