"""Table anchors: a repeating table found by its header row, its columns and data rows."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from pepdocs.formats.word._xml import SDT, SDTCONTENT, TBL, TC, TR, Element, P
from pepdocs.formats.word.checkboxes import (
    CELL_TICKS,
    CHECKED_GLYPHS,
    UNCHECKED_GLYPHS,
    box_holders,
    inside_control,
    tick_and_cross_legend,
)
from pepdocs.formats.word.document import DocumentIndex, Scope
from pepdocs.formats.word.labels import occurrence_of
from pepdocs.formats.word.slots import RegionSlot, Slot, Where, holds_text, read_text_box
from pepdocs.formats.word.tables import GridCell, TableGrid, cell_span, grid_before, row_tcs
from pepdocs.formats.word.text import block_text, normalise, paragraph_text
from pepdocs.mapping.spec import Anchor, FieldSpec, FormValue

#: How close a table header must be to the mapping's header (rapidfuzz ratio, 0-100) when it
#: is not equal after normalising: tolerates "Lead person" vs "Lead Person(s)".
HEADER_SIMILARITY = 85


def _headers(anchor: Anchor) -> list[str]:
    headers = anchor.options.get("header") or anchor.options.get("headers")
    if isinstance(headers, str):
        return [headers]
    if isinstance(headers, Sequence):
        return [str(h) for h in headers]
    return [anchor.key] if anchor.key else []


def _header_score(cell_text: str, wanted: str) -> int:
    if cell_text == wanted:
        return 100
    if not cell_text:
        return 0
    return int(fuzz.ratio(cell_text, wanted))


def _best_column(cells: list[tuple[GridCell, str]], wanted: Sequence[str]) -> GridCell | None:
    """The cell closest to one of the ``wanted`` header texts (already normalised)."""
    for name in wanted:  # an exact header is the closest there is: the first one wins
        for cell, text in cells:
            if text == name:
                return cell
    best: tuple[int, GridCell | None] = (0, None)
    for name in wanted:
        for cell, text in cells:
            score = _header_score(text, name)
            if score >= HEADER_SIMILARITY and score > best[0]:
                best = (score, cell)
    return best[1]


@lru_cache(maxsize=1024)
def _normalised(names: tuple[str, ...]) -> tuple[str, ...]:
    # Header names are the mapping's: normalised once per process, not per row per document.
    return tuple(normalise(name) for name in names)


def find_table(index: DocumentIndex, anchor: Anchor, spec: FieldSpec, scope: Scope) -> Slot | None:
    names = tuple(_headers(anchor))
    headers = _normalised(names)
    if not headers:
        return None
    occurrence = occurrence_of(anchor.options)
    matches: list[tuple[int, TableGrid, int]] = []
    # a header row names at least one column exactly (fuzzy matching is for the rest): only
    # rows holding one of the header texts are candidates, taken in document order
    candidates = sorted({place for h in headers for place in index.rows_by_text.get(h, ())})
    for grid_number, number in candidates:
        grid = index.grids[grid_number]
        if not index.in_range(grid.rows[number], scope):
            continue
        score = header_row_score(index.row_texts(grid, number), headers)
        if score is not None:
            matches.append((score, grid, number))
    if not matches:
        return None
    if "occurrence" in anchor.options:
        # the n-th table with this header row, in document order
        if occurrence > len(matches):
            return None
        _, grid, header_number = matches[occurrence - 1]
    else:
        # the closest header row; the first of equals
        _, grid, header_number = max(matches, key=lambda m: m[0])
    header_cells = index.row_texts(grid, header_number)
    columns, missing = table_columns(grid, header_cells, spec, names)
    placed = [(grid, number) for number in _data_rows(grid, header_number)]
    if "occurrence" not in anchor.options:
        placed.extend(_continued(index, grid, header_number))
    data_rows = [row_grid.rows[number] for row_grid, number in placed]
    row_columns = {row_grid.rows[number]: row_grid.columns(number) for row_grid, number in placed}
    table_number = index.grid_number(grid)
    return TableSlot(
        TableSlotData(grid.tbl, grid.rows[header_number], data_rows, columns, missing, row_columns),
        f"table {table_number} (header row {header_number + 1})",
    )


def header_row_score(row: list[tuple[GridCell, str]], headers: Sequence[str]) -> int | None:
    """How well a row's cells (with their normalised texts) name the ``headers`` (normalised):
    the sum of each header's best match, None when one names no cell closely enough."""
    if len(row) < len(headers):
        return None
    texts = {text for _, text in row}
    best = [
        100 if header in texts else max(_header_score(text, header) for text in texts)
        for header in headers
    ]
    if min(best) < HEADER_SIMILARITY:
        return None
    return sum(best)


def table_columns(
    grid: TableGrid,
    header_cells: list[tuple[GridCell, str]],
    spec: FieldSpec,
    names: Sequence[str],
) -> tuple[list[TableColumn], list[str]]:
    """The mapping's columns placed on a table's header row (``header_cells``: each cell
    with its normalised text), and the headers not on it."""
    columns: list[TableColumn] = []
    missing: list[str] = []
    specs = spec.columns or ()
    wanted_columns = (
        [
            (c.header, c.path, (c.header, *c.aliases), not holds_text(c.transform), c.position)
            for c in specs
            if not c.ticked
        ]
        if specs
        else [(h, h, (h,), True, 0) for h in names]
    )
    for spec_column in specs:
        if spec_column.ticked:
            ticked = _ticked_columns(header_cells, spec_column.ticked)
            if ticked is None:
                missing.append(spec_column.header)
            else:
                columns.append(
                    TableColumn(
                        spec_column.header,
                        spec_column.path,
                        -1,
                        False,
                        ticked=ticked,
                        mark=spec_column.mark,
                    )
                )
    for header, path, aliases, checkbox, position in wanted_columns:
        if position:
            # a column placed by number: its header cell is blank (roles printed down it)
            if position <= grid.width:
                columns.append(TableColumn(header, path, position - 1, checkbox))
            else:
                missing.append(header)
            continue
        cell = _best_column(header_cells, _normalised(aliases))
        if cell is None:
            missing.append(header)
        else:
            legend = tick_and_cross_legend(cell.text())
            columns.append(TableColumn(header, path, cell.col, checkbox, legend))
    return columns, missing


#: a cross standing for "no" in a column whose header prints a tick and a cross
_CROSSES = frozenset({"\u2717", "\u2718", "x", "X"})
#: ... and a tick standing for "yes" beside it
_TICKS = frozenset({"\u2713", "\u2714"})


def _ticked_columns(
    header_cells: list[tuple[GridCell, str]], headers: Sequence[str]
) -> tuple[tuple[str, int], ...] | None:
    """(header as the mapping gives it, grid column) of each ticked-among column; None when
    one is not on the form."""
    found = []
    for header in headers:
        cell = _best_column(header_cells, _normalised((header,)))
        if cell is None:
            return None
        found.append((header, cell.col))
    return tuple(found)


def _is_ticked(tc: Element) -> bool:
    """A cell of a band grid with a tick in it: a ticked box, a tick or cross glyph, or an X."""
    text = block_text(tc).strip()
    if text.casefold() in CELL_TICKS or (len(text) == 1 and text in CHECKED_GLYPHS):
        return True
    region = RegionSlot(tc, "")
    value = region.read() if region.mark is not None else None
    return value is True


def _ticked_header(
    columns: dict[int, Element], ticked: Sequence[tuple[str, int]], mark: str = ""
) -> str:
    """The header of the ticked column of a row ("" when none is, all of them when several
    are: a person must look); with ``mark``, of the column whose cell holds that letter."""
    chosen = [
        header
        for header, col in ticked
        if (tc := columns.get(col)) is not None
        and (_has_mark(tc, mark) if mark else _is_ticked(tc))
    ]
    return ", ".join(chosen)


def _mark_words(tc: Element) -> list[str]:
    return [word for word in re.split(r"[\s,/;&+]+", block_text(tc)) if word]


def _has_mark(tc: Element, mark: str) -> bool:
    """Whether a cell holds the letter ``mark`` as a word of its own ("N", "N T", "n")."""
    return mark.casefold() in {word.casefold() for word in _mark_words(tc)}


def _tick_header(
    columns: dict[int, Element],
    ticked: Sequence[tuple[str, int]],
    value: object,
    where: Where,
    letter: str = "",
) -> None:
    """Tick the column whose header is ``value`` and clear the others (with ``letter``: type
    it in that column's cell and take it out of the others', leaving other letters)."""
    wanted = normalise(str(value)) if value not in (None, "") else ""
    if wanted and wanted not in {normalise(header) for header, _ in ticked}:
        raise where.error(
            f"{value!r} is none of the columns to tick ({', '.join(h for h, _ in ticked)})"
        )
    for header, col in ticked:
        tc = columns.get(col)
        if tc is None:
            continue
        if letter:
            others = [w for w in _mark_words(tc) if w.casefold() != letter.casefold()]
            if normalise(header) == wanted:
                others.append(letter)
            if others != _mark_words(tc):
                region = RegionSlot(tc, "")
                region.mark = None
                region.write(" ".join(others), where)
            continue
        mark = "\u2713" if normalise(header) == wanted else ""
        if mark or _is_ticked(tc):
            region = RegionSlot(tc, "")
            region.mark = None
            region.write(mark, where)


def _data_rows(grid: TableGrid, header_number: int) -> list[int]:
    """Numbers of the rows under the header row that hold the table's entries."""
    rows = []
    for number in range(header_number + 1, len(grid.rows)):
        if grid.width > 1 and len(grid.distinct[number]) == 1:
            break  # a full-width row ends the list: a section heading or a note
        if grid.totals_row(number):
            break  # "Total requested | £790": the items' sum, not an item
        rows.append(number)
    return rows


def _continued(
    index: DocumentIndex, grid: TableGrid, header_number: int
) -> list[tuple[TableGrid, int]]:
    """Rows of tables right after this one that repeat its header row: a school that ran out
    of rows copied the table (or Word split it)."""
    header = [text for _, text in index.row_texts(grid, header_number)]
    rows: list[tuple[TableGrid, int]] = []
    node = grid.tbl.getnext()
    while node is not None:
        if node.tag == P and not paragraph_text(node).strip():
            node = node.getnext()
            continue
        following = index.grid_of_table.get(node) if node.tag == TBL else None
        if following is None or not following.rows:
            break
        if [text for _, text in index.row_texts(following, 0)] != header:
            break
        rows.extend((following, number) for number in _data_rows(following, 0))
        node = node.getnext()
    return rows


# --- repeating tables ---------------------------------------------------------------------


@dataclass(eq=False)
class TableColumn:
    header: str  # the mapping's header: the key of row dicts
    path: str
    grid_col: int
    #: a cell holding only a checkbox is a yes/no box (else its mark is text: "☒" typed)
    checkbox: bool = True
    #: the header prints a legend of a tick and a cross (``On track ✓/✗``): a cell holding
    #: only a cross says no, not a ticked box
    legend: bool = False
    #: (header as printed, grid column) of the columns one of which is ticked in each row,
    #: the value being that column's header (a band grid); () for a column of its own
    ticked: tuple[tuple[str, int], ...] = ()
    #: the letter typed in the chosen column instead of a tick (``N``), or empty
    mark: str = ""


@dataclass(eq=False)
class TableSlotData:
    tbl: Element
    header_row: Element
    data_rows: list[Element]
    columns: list[TableColumn]
    missing: list[str] = field(default_factory=list)
    #: grid column -> w:tc of each data row, as the table grids found them
    row_columns: dict[Element, dict[int, Element]] = field(default_factory=dict)


class TableSlot(Slot):
    def __init__(self, data: TableSlotData, location: str) -> None:
        super().__init__()
        self.data = data
        self.location = location
        if data.missing:
            self.notes.append("columns not on the form: " + ", ".join(data.missing))

    def covers(self) -> list[Element]:
        return [self.data.tbl]

    def _region(self, tc: Element, column: TableColumn) -> RegionSlot:
        region = RegionSlot(tc, self.location)
        if not column.checkbox:
            region.mark = None
        return region

    def read(self) -> FormValue:
        rows: list[dict[str, str]] = []
        # Most cells hold typed text only: whether any holds a control, field or box is
        # found for each table at once, not cell by cell.
        holders: dict[Element, tuple[set[Element], bool]] = {}
        crosses = self._crosses_mean_no()
        for tr in self.data.data_rows:
            cells: dict[str, FormValue] = {}
            columns = self.data.row_columns.get(tr) or row_columns(tr)
            table = _table_of(tr)
            if table not in holders:
                holders[table] = (box_holders(table), inside_control(table))
            boxes, in_control = holders[table]
            for column in self.data.columns:
                if column.ticked:
                    cells[column.header] = _ticked_header(columns, column.ticked, column.mark)
                    continue
                tc = columns.get(column.grid_col)
                if tc is None:
                    cells[column.header] = None
                elif column.header in crosses and block_text(tc).strip() in _CROSSES:
                    cells[column.header] = "No"
                elif in_control or tc in boxes or inside_control(tc, table):
                    cells[column.header] = self._region(tc, column).read()
                elif column.checkbox and (typed := _typed_box_first(tc)):
                    # "☒ came" (or "X came", the X typed over the box) under "Came to my
                    # PEP": a box typed as a glyph or an X, then the column's word
                    cells[column.header] = typed == "x" or self._region(tc, column).read()
                else:
                    # what a RegionSlot of a box with nothing but text reads
                    cells[column.header] = read_text_box(tc)
            # A row of empty boxes and unticked checkboxes is a blank row, not data.
            if not any(v is True or (isinstance(v, str) and v.strip()) for v in cells.values()):
                continue
            row: dict[str, str] = {}
            for header, value in cells.items():
                if isinstance(value, bool):
                    row[header] = "Yes" if value else "No"
                else:
                    row[header] = value if isinstance(value, str) else ""
            rows.append(row)
        return rows or None

    def _crosses_mean_no(self) -> set[str]:
        """The columns in which a lone cross (✗ ✘) says no: the header prints a tick and a
        cross, or the column's other answers are lone ticks (✔ for yes, ✘ for no)."""
        found = {column.header for column in self.data.columns if column.legend}
        for column in self.data.columns:
            if column.header in found:
                continue
            answers = set()
            for tr in self.data.data_rows:
                tc = (self.data.row_columns.get(tr) or row_columns(tr)).get(column.grid_col)
                if tc is not None:
                    answers.add(block_text(tc).strip())
            if answers & _TICKS and answers & _CROSSES:
                found.add(column.header)
        return found

    def write(self, value: FormValue, where: Where) -> None:
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise where.error("a table takes a list of rows")
        if self.data.missing:
            raise where.error(
                "the template's table has no column "
                + ", ".join(repr(m) for m in self.data.missing)
            )
        rows = self.data.data_rows
        if not rows:
            raise where.error("the template's table has no row under its header to copy")
        template = copy.deepcopy(_row_unit(rows[0]))
        for tc in template.iter(TC):
            RegionSlot(tc, "").write("", where)
        targets = list(rows)
        last = _row_unit(rows[-1])
        while len(targets) < len(value):
            new_unit = copy.deepcopy(template)
            last.addnext(new_unit)
            last = new_unit
            targets.append(new_unit if new_unit.tag == TR else next(new_unit.iter(TR)))
        for number, tr in enumerate(targets):
            record = value[number] if number < len(value) else {}
            assert isinstance(record, dict)
            columns = row_columns(tr)
            for column in self.data.columns:
                if column.ticked:
                    text = record.get(column.header, record.get(column.path))
                    _tick_header(columns, column.ticked, text, where, column.mark)
                    continue
                tc = columns.get(column.grid_col)
                if tc is None:
                    continue
                # Rows beyond the data are cleared but kept, so a school can add more.
                text = record.get(column.header, record.get(column.path))
                if text is None and not block_text(tc).strip():
                    continue  # already blank
                self._region(tc, column).write(text if text is not None else "", where)


#: a box typed over with an X, then a word or two: "X came", "x attended"
_X_THEN_WORDS = re.compile(r"^[xX]\s+[A-Za-z][A-Za-z ]{0,28}$")


def _typed_box_first(tc: Element) -> str:
    """How a cell's text starts with a typed box: ``glyph`` (``☒ came``, ``☐ came``), ``x``
    (``X came``: the X typed over the box), or empty."""
    text = " ".join(block_text(tc).split())
    if text and (text[0] in CHECKED_GLYPHS or text[0] in UNCHECKED_GLYPHS):
        return "glyph"
    if _X_THEN_WORDS.match(text) and normalise(text[1:]).strip() not in _NEGATIVE_WORDS:
        return "x"
    return ""


#: words after an X that say no rather than naming the column's yes ("X No")
_NEGATIVE_WORDS = frozenset({"no", "n", "not", "none", "false", "did not come", "absent"})


def _table_of(tr: Element) -> Element:
    """The ``w:tbl`` a row belongs to (through any repeating-section controls around it)."""
    node = tr.getparent()
    while node is not None and node.tag != TBL:
        node = node.getparent()
    return node if node is not None else tr


def _row_unit(tr: Element) -> Element:
    """What to copy for a new row: the row, or the repeating-section item control around it
    (``w15:repeatingSectionItem``: Word expects one item per row)."""
    content = tr.getparent()
    item = content.getparent() if content is not None and content.tag == SDTCONTENT else None
    if item is not None and content is not None and item.tag == SDT and len(content) == 1:
        return item
    return tr


def row_columns(tr: Element) -> dict[int, Element]:
    """Grid column -> the ``w:tc`` covering it, for one row (``gridBefore``/``gridSpan``
    applied; works on rows copied for new data, which no grid has seen)."""
    column = grid_before(tr)
    out: dict[int, Element] = {}
    for tc in row_tcs(tr):
        span = cell_span(tc)
        for offset in range(span):
            out[column + offset] = tc
        column += span
    return out
