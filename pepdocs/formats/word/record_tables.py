"""Records printed as small tables of "label | answer" rows, one table (or run of rows) per item.

Forms that give each target a box of its own print it as rows rather than columns::

    | Target 1 (academic)                                     |
    | SMART target               | Lily-Mae will write ...    |
    | Key strategies             | Weekly writing conference  |
    | Adult responsible          | Mr Huxtable                |
    | Review date                | 24/04/2026                 |

A record starts at a row whose first cell is the ``start`` label (numbered or not: ``Last
term's target 1``; an aside in brackets is allowed); its other answers are the rows after it,
in the same table, whose first cells are the section's column headers, up to the next start
row or the table's end. The answer is the row's next cell.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from lxml import etree

from pepdocs.formats.word._xml import TC, Element, P, T
from pepdocs.formats.word.document import DocumentIndex, Scope
from pepdocs.formats.word.tables import GridCell, TableGrid
from pepdocs.formats.word.text import normalise

__all__ = ["TableRecord", "copy_table_record", "find_table_records", "label_and_answer"]

#: an aside in brackets after a printed label ("Target 1 (academic)")
_ASIDE = re.compile(r"\s*\([^()]*\)\s*")


class TableRecord:
    """One record's answer cells: the start row's and each column's (by header)."""

    def __init__(self, table: Element, start: Element, fields: dict[str, Element]) -> None:
        self.table = table
        self.start = start
        self.fields = fields

    @property
    def cells(self) -> list[Element]:
        return list(dict.fromkeys([self.start, *self.fields.values()]))


@lru_cache(maxsize=256)
def _start_label(start: str) -> re.Pattern[str]:
    """The start label alone in a cell, numbered or not, with an optional colon."""
    words = r"\s+".join(re.escape(word) for word in normalise(start).split())
    return re.compile(rf"^(?:\d{{1,2}}\s*[.)]\s*)?{words}(?:\s*(?:no\.?|#)?\s*\d+)?\s*:?$")


def _label_of(cell: GridCell) -> str:
    """A label cell's text, normalised, without an aside in brackets or a trailing colon."""
    return normalise(_ASIDE.sub(" ", cell.text())).rstrip(":").strip()


def find_table_records(
    index: DocumentIndex, start: str, headers: list[str], scope: Scope
) -> list[TableRecord]:
    """The records printed as rows of tables (see the module's docstring)."""
    pattern = _start_label(start)
    wanted = {normalise(_ASIDE.sub(" ", header)).rstrip(":").strip(): header for header in headers}
    records: list[TableRecord] = []
    for grid in index.grids:
        if not index.in_range(grid.tbl, scope):
            continue
        current: TableRecord | None = None
        for number in range(len(grid.rows)):
            pair = label_and_answer(grid, number)
            if pair is None:
                continue
            label, answer = pair
            text = _label_of(label)
            if pattern.match(text):
                current = TableRecord(grid.tbl, answer.tc, {})
                records.append(current)
            elif current is not None and text in wanted and wanted[text] not in current.fields:
                current.fields[wanted[text]] = answer.tc
    return records


def label_and_answer(grid: TableGrid, number: int) -> tuple[GridCell, GridCell] | None:
    """A row of two cells (a label and its answer), as they start in this row."""
    cells = [cell for cell in grid.row_cells(number) if cell.row == number]
    if len(cells) != 2:
        return None
    return cells[0], cells[1]


def copy_table_record(model: TableRecord, after: TableRecord, number: int) -> TableRecord:
    """``model``'s table copied after ``after``'s (with an empty paragraph between, so that
    Word keeps them two tables), its first number made ``number``."""
    table = copy.deepcopy(model.table)
    spacer = etree.Element(P)
    after.table.addnext(spacer)
    spacer.addnext(table)
    originals = list(model.table.iter(TC))
    copies = list(table.iter(TC))
    twin = dict(zip(originals, copies, strict=True))
    record = TableRecord(
        table, twin[model.start], {header: twin[tc] for header, tc in model.fields.items()}
    )
    _renumber_table(table, set(record.cells), number)
    return record


_FIRST_NUMBER = re.compile(r"\d+")


def _renumber_table(table: Element, answers: set[Element], number: int) -> None:
    """``Target 1 (academic)`` -> ``Target 2 (academic)``: the first number printed in the
    table's print (its title or start label), never in an answer."""
    for cell in table.iter(TC):
        if cell in answers:
            continue
        for node in cell.iter(T):
            text = node.text or ""
            found = _FIRST_NUMBER.search(text)
            if found:
                node.text = text[: found.start()] + str(number) + text[found.end() :]
                return
