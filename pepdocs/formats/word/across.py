"""Tables whose items run across: headers printed down the first column, one item a column.

A progress grid with the prime areas across the top and "Now" / "By the next PEP" down the
side, or a sign-off grid with the signatories as columns and Name / Signature / Date as rows,
is a repeating table turned on its side. ``transpose`` reads such a table down its columns,
so the repeating-table anchor (``{table: {header: [...], transposed: true}}``) places the
mapping's columns on the first column's cells and reads each later column as one item. Fill
writes item *n* into the *n*-th item column and adds columns, copied from the last one, when
there are more items than the form prints.
"""

from __future__ import annotations

import copy

from pepdocs.formats.word._xml import Element, first_child, w
from pepdocs.formats.word.document import DocumentIndex, Scope
from pepdocs.formats.word.labels import occurrence_of
from pepdocs.formats.word.repeating import (
    TableSlot,
    TableSlotData,
    _data_rows,
    header_row_score,
    table_columns,
)
from pepdocs.formats.word.slots import RegionSlot, Where
from pepdocs.formats.word.tables import GridCell, TableGrid, build_grid, row_tcs, table_rows
from pepdocs.formats.word.text import block_text, normalise
from pepdocs.mapping.spec import Anchor, FieldSpec, FormValue

__all__ = ["find_transposed_table", "transpose"]

_GRID_COL = w("gridCol")
_TBL_GRID = w("tblGrid")


def transpose(grid: TableGrid) -> TableGrid | None:
    """The table read down its columns: row *c* of the result is grid column *c*, its cells
    the same ``w:tc`` elements (a cell spanning columns spans rows here, and a vertical merge
    spans columns). Each row of the result is keyed by a cell of its own (the first cell
    standing in that column alone); None when some column has none, or the table is one
    column or one row."""
    if grid.width < 2 or len(grid.rows) < 2:
        return None
    turned: dict[int, GridCell] = {}  # id(original cell) -> its turned copy

    def turn(cell: GridCell) -> GridCell:
        found = turned.get(id(cell))
        if found is None:
            found = GridCell(cell.tc, cell.col, cell.row, cell.rows, cell.span)
            turned[id(cell)] = found
        return found

    result = TableGrid(tbl=grid.tbl, width=len(grid.rows))
    for column in range(grid.width):
        slots: list[GridCell | None] = []
        for row in range(len(grid.rows)):
            cell = grid.slots[row][column] if column < len(grid.slots[row]) else None
            slots.append(turn(cell) if cell is not None else None)
        own = next(
            (cell.tc for cell in slots if cell is not None and cell.rows == 1), None
        )  # a cell one column wide keys the row
        if own is None:
            return None
        distinct: list[GridCell] = []
        for cell in slots:
            if cell is not None and cell not in distinct:
                distinct.append(cell)
        result.rows.append(own)
        result.slots.append(slots)
        result.distinct.append(distinct)
        result.placed.append([(cell.col, cell.span, cell.tc) for cell in distinct])
    if len(set(map(id, result.rows))) != len(result.rows):
        return None
    return result


def _texts(grid: TableGrid, row: int) -> list[tuple[GridCell, str]]:
    return [(cell, normalise(block_text(cell.tc))) for cell in grid.row_cells(row)]


def find_transposed_table(
    index: DocumentIndex, anchor: Anchor, spec: FieldSpec, scope: Scope
) -> TableSlot | None:
    """The table whose first column names the anchor's headers best, read across."""
    names = tuple(str(name) for name in anchor.options.get("header") or ())
    headers = tuple(normalise(name) for name in names)
    if not headers:
        return None
    occurrence = occurrence_of(anchor.options)
    candidates = sorted(
        {number for h in headers for number, row in index.rows_by_text.get(h, ())}
    )  # tables with a cell holding one of the headers exactly
    matches: list[tuple[int, int, TableGrid]] = []
    for number in candidates:
        grid = index.grids[number]
        if not index.in_range(grid.tbl, scope):
            continue
        turned = transpose(grid)
        if turned is None:
            continue
        score = header_row_score(_texts(turned, 0), headers)
        if score is not None:
            matches.append((score, number, turned))
    if not matches:
        return None
    if "occurrence" in anchor.options:
        if occurrence > len(matches):
            return None
        _, number, turned = matches[occurrence - 1]
    else:
        _, number, turned = max(matches, key=lambda m: m[0])
    columns, missing = table_columns(turned, _texts(turned, 0), spec, names)
    rows = _data_rows(turned, 0)
    data = TableSlotData(
        turned.tbl,
        turned.rows[0],
        [turned.rows[row] for row in rows],
        columns,
        missing,
        {turned.rows[row]: turned.columns(row) for row in rows},
    )
    return TransposedTableSlot(data, f"table {number + 1} (headers down column 1)")


class TransposedTableSlot(TableSlot):
    """A repeating table read across (``transpose``): reading is the table slot's own; fill
    writes into the printed item columns, adding copies of the last one as needed."""

    def write(self, value: FormValue, where: Where) -> None:
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise where.error("a table takes a list of rows")
        if self.data.missing:
            raise where.error(
                "the template's table has no row "
                + ", ".join(repr(m) for m in self.data.missing)
            )
        if not self.data.data_rows:
            raise where.error("the template's table has no column beside its headers to copy")
        for _ in range(len(value) - len(self.data.data_rows)):
            _add_column(self.data.tbl, where)
        grid = transpose(build_grid(self.data.tbl))
        if grid is None:
            raise where.error("the template's table cannot be read across after adding columns")
        for number, row in enumerate(range(1, len(grid.rows))):
            record = value[number] if number < len(value) else {}
            assert isinstance(record, dict)
            cells = grid.columns(row)
            for column in self.data.columns:
                tc = cells.get(column.grid_col)
                if tc is None:
                    continue
                text = record.get(column.header, record.get(column.path))
                if text is None and not block_text(tc).strip():
                    continue  # already blank
                self._region(tc, column).write(text if text is not None else "", where)


def _add_column(tbl: Element, where: Where) -> None:
    """A copy of the table's last column after it, its cells emptied."""
    for tr in table_rows(tbl):
        cells = row_tcs(tr)
        if not cells:
            continue
        added = copy.deepcopy(cells[-1])
        cells[-1].addnext(added)
        RegionSlot(added, "").write("", where)
    grid = first_child(tbl, _TBL_GRID)
    if grid is not None:
        columns = [node for node in grid if node.tag == _GRID_COL]
        if columns:
            columns[-1].addnext(copy.deepcopy(columns[-1]))
