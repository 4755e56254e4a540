"""Anchors to slots: where each anchor kind finds its value in a document.

Semantics of every kind are documented in docs/word-engine.md; in short: ``control`` (tag,
then alias), ``legacy`` (ffData name or bookmark), ``label`` (cell right of / below the
label cell, or text after ``Label:``), ``checkbox``/``checkboxes`` (boxes by their labels),
``table`` (by header row), ``heading`` (block under a heading), ``cell`` (1-based table, row,
cell numbers, last resort).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

from rapidfuzz import fuzz

from pepdocs.errors import MappingError
from pepdocs.formats.word._xml import BOOKMARK_START, SDT, SECTPR, TBL, TC, Element, P, w
from pepdocs.formats.word.checkboxes import CELL_TICKS, CellMark, Mark, paragraph_tokens
from pepdocs.formats.word.controls import ContentControl
from pepdocs.formats.word.document import DocumentIndex, _all_bold_cell, _shaded
from pepdocs.formats.word.legacy import match_legacy
from pepdocs.formats.word.slots import (
    AfterLabelSlot,
    BlockSlot,
    BookmarkSlot,
    ControlSlot,
    GroupSlot,
    LegacySlot,
    MarkSlot,
    RegionSlot,
    Slot,
    TableColumn,
    TableSlot,
    TableSlotData,
    holds_text,
)
from pepdocs.formats.word.tables import GridCell, TableGrid, top_level_tables
from pepdocs.formats.word.text import block_text, normalise, paragraph_text
from pepdocs.mapping.spec import Anchor, FieldSpec, FormSpec

_T = TypeVar("_T")

WORD_ANCHORS = (
    "control",
    "legacy",
    "bookmark",
    "label",
    "checkbox",
    "checkboxes",
    "table",
    "heading",
    "cell",
)

#: How close a table header must be to the mapping's header (rapidfuzz ratio, 0-100) when it
#: is not equal after normalising: tolerates "Lead person" vs "Lead Person(s)".
HEADER_SIMILARITY = 85


def locate(index: DocumentIndex, anchor: Anchor, spec: FieldSpec, source: str = "") -> Slot | None:
    """The slot an anchor points at in this document, or None when it is not there."""
    kind = anchor.kind
    options = anchor.options
    if kind == "control":
        found = _controls(index, anchor.key, _opt_str(options, "alias"))
        if not found:
            return None
        return ControlSlot(found, f"content control {anchor.key!r}")
    if kind == "legacy":
        fields = match_legacy(index.legacy_fields, anchor.key)
        if not fields:
            return find_bookmark(index, anchor.key)
        return LegacySlot(fields, f"legacy form field {anchor.key!r}") if fields else None
    occurrence = _occurrence(options)
    if kind == "label":
        return _text_field(
            spec,
            find_label(
                index,
                anchor.key,
                _opt_str(options, "direction"),
                _scope(index, options),
                occurrence,
            ),
        )
    if kind == "checkbox":
        mark = find_mark(index, anchor.key, _scope(index, options), occurrence)
        return MarkSlot(mark[0], mark[1]) if mark else None
    if kind == "checkboxes":
        return find_group(index, anchor, _scope(index, options))
    if kind == "table":
        return find_table(index, anchor, spec, _scope(index, options))
    if kind == "heading":
        return _text_field(
            spec, find_heading(index, anchor.key, _scope(index, options), occurrence, options)
        )
    if kind == "bookmark":
        return find_bookmark(index, anchor.key)
    if kind == "cell":
        return _text_field(spec, find_cell(index, anchor, source))
    raise MappingError(
        f"field {spec.path!r}: anchor kind {kind!r} is not a Word anchor "
        f"(use one of: {', '.join(WORD_ANCHORS)})",
        source or None,
        anchor.line or spec.line or None,
    )


def _controls(index: DocumentIndex, key: str, alias: str | None) -> list[ContentControl]:
    """By ``w:tag`` first, then by ``w:alias`` (the anchor's alias, else its key)."""
    by_tag, by_alias = index.controls_by_key
    if key in by_tag:
        return by_tag[key]
    found: list[ContentControl] = []
    for name in dict.fromkeys((alias or key, key)):
        found.extend(c for c in by_alias.get(name, []) if c not in found)
    return found


def _text_field(spec: FieldSpec, slot: Slot | None) -> Slot | None:
    """A box of a text field reads as text even when all it holds is a typed ☒."""
    if isinstance(slot, RegionSlot) and holds_text(spec.transform):
        slot.mark = None
    return slot


def _occurrence(options: Mapping[str, Any]) -> int:
    try:
        return max(int(options.get("occurrence") or 1), 1)
    except (TypeError, ValueError):
        return 1


def _opt_str(options: Mapping[str, Any], name: str) -> str | None:
    value = options.get(name)
    return str(value) if value is not None else None


def _scope(index: DocumentIndex, options: Mapping[str, Any]) -> tuple[int, int] | None:
    section = options.get("section")
    if not section:
        return None
    found = index.section_range(str(section))
    # A named section that is not on this form scopes to nothing: the anchor is missing.
    return found if found is not None else (0, 0)


# --- labels -------------------------------------------------------------------------------


def _label_match(text: str, label: str) -> int:
    """2: the cell says exactly the label; 1: the label plus a note (``Date of birth
    (dd/mm/yyyy)``); 0: no match."""
    if text == label:
        return 2
    if text.startswith(label) and text[len(label) : len(label) + 2] in (" (", " [", ":"):
        return 1
    return 0


def _looks_like_label(tc: Element) -> bool:
    return _shaded(tc) or _all_bold_cell(tc)


def _cell_location(index: DocumentIndex, grid: TableGrid, cell: GridCell) -> str:
    number = index.grids.index(grid) + 1
    return f"table {number} row {cell.row + 1}"


def find_label(
    index: DocumentIndex,
    label: str,
    direction: str | None,
    scope: tuple[int, int] | None,
    occurrence: int = 1,
) -> Slot | None:
    """The ``occurrence``-th place (1-based, exact label cells first) ``label`` gives."""
    return _nth(_label_slots(index, label, direction, scope), occurrence)


def _nth(found: Iterator[_T], occurrence: int) -> _T | None:
    for number, item in enumerate(found, start=1):
        if number >= occurrence:
            return item
    return None


def _label_slots(
    index: DocumentIndex, label: str, direction: str | None, scope: tuple[int, int] | None
) -> Iterator[Slot]:
    wanted = normalise(label)
    if not wanted:
        return
    if direction in (None, "right", "below"):
        for strength in (2, 1):
            for grid, cell, text in index.cell_entries:
                if _label_match(text, wanted) != strength or not index.in_range(cell.tc, scope):
                    continue
                target = _value_cell(index, grid, cell, direction)
                if target is not None:
                    where = "below" if target.row > cell.row else "right of"
                    yield RegionSlot(
                        target.tc,
                        f"{_cell_location(index, grid, target)} ({where} {label!r})",
                    )
    if direction in (None, "after"):
        # A paragraph starting with the label first; then the label later in a line after
        # a gap (``Name: Ava    Date of birth: ...``), which needs the form's other labels
        # to know where each answer ends.
        starts, later = _label_pattern(label)
        for pattern in (starts, later):
            for paragraph, text in index.paragraph_texts:
                if not index.in_range(paragraph, scope):
                    continue
                if pattern.search(text):
                    yield AfterLabelSlot(
                        paragraph, pattern, f"text after {label!r}", _next_labels(index, wanted)
                    )


def _next_labels(index: DocumentIndex, own: str) -> list[re.Pattern[str]]:
    """The form's other labels as they appear later in a line (``Name: Ava   Date of birth:
    ...``), so one label's answer does not swallow the next."""
    patterns = []
    for other in index.label_texts:
        if normalise(other) != own and other.strip().rstrip(":").split():
            patterns.append(_label_pattern(other)[1])
    return patterns


def _label_pattern(label: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``Label:`` at a paragraph's start, and after a tab or two spaces later in a line."""
    words = label.strip().rstrip(":").split()
    body = r"\s+".join(re.escape(word) for word in words)
    return (
        re.compile(rf"^\s*{body}\s*[:\-\u2013]", re.IGNORECASE),
        re.compile(rf"(?:\t|\s\s)\s*{body}\s*[:\-\u2013]", re.IGNORECASE),
    )


def _value_cell(
    index: DocumentIndex, grid: TableGrid, cell: GridCell, direction: str | None
) -> GridCell | None:
    right = grid.right_of(cell, cell.row)
    below = grid.below(cell)
    if direction == "right":
        return right
    if direction == "below":
        return below
    if right is None:
        return below
    if below is not None and (
        # a header row of label cells (all shaded/bold) has its values underneath
        (_looks_like_label(cell.tc) and _looks_like_label(right.tc))
        # so does a row whose next cell is another of the form's labels
        or index.cell_text.get(right, "") in index.label_keys
    ):
        return below
    return right


# --- checkboxes ---------------------------------------------------------------------------


def find_mark(
    index: DocumentIndex, label: str, scope: tuple[int, int] | None, occurrence: int = 1
) -> tuple[Mark, str] | None:
    """The checkbox a label belongs to: a box beside it in the same paragraph (exact label
    first), a box alone in the cell right or left of a label cell, then looser matches."""
    return _nth(_marks(index, label, scope), occurrence)


def _marks(
    index: DocumentIndex, label: str, scope: tuple[int, int] | None
) -> Iterator[tuple[Mark, str]]:
    wanted = normalise(label)
    loose: list[tuple[Mark, str]] = []
    for paragraph, pairs in index.mark_paragraphs:
        if not index.in_range(paragraph, scope):
            continue
        question = index.mark_questions.get(paragraph, "")
        for text, mark in pairs:
            said = normalise(text)
            # "CAMHS involved? Yes" names the Yes box of that question's line
            if said == wanted or (question and _loose(f"{question} {text}") == _loose(wanted)):
                yield mark, f"{mark.kind} beside {label!r}"
            elif _word_edge(said, wanted):
                loose.append((mark, f"{mark.kind} beside {label!r}"))
    for grid, cell, text in index.cell_entries:
        if text != wanted or not index.in_range(cell.tc, scope):
            continue
        for neighbour in (grid.right_of(cell, cell.row), grid.left_of(cell, cell.row)):
            if neighbour is None:
                continue
            box = _box_cell(index, neighbour)
            if box is not None:
                where = _cell_location(index, grid, neighbour)
                yield box, f"{box.kind} beside {label!r} ({where})"
                break
    yield from loose


def _loose(text: str) -> str:
    """Normalised and without question marks and colons anywhere."""
    return " ".join(normalise(text).replace("?", " ").replace(":", " ").split())


def _word_edge(said: str, wanted: str) -> bool:
    """The label starts or ends the text at a word boundary ("CAMHS involved? Yes" ends
    with "yes")."""
    if said.startswith(wanted) and (len(said) == len(wanted) or not said[len(wanted)].isalnum()):
        return True
    return said.endswith(wanted) and (
        len(said) == len(wanted) or not said[-len(wanted) - 1].isalnum()
    )


def _box_cell(index: DocumentIndex, cell: GridCell) -> Mark | None:
    marks: list[Mark] = []
    text = ""
    for paragraph in cell.tc.iter(P):
        for token in paragraph_tokens(paragraph, index.legacy_by_begin):
            if isinstance(token, str):
                text += token
            else:
                marks.append(token)
    if len(marks) == 1 and not text.strip():
        return marks[0]
    if not marks and text.strip().casefold() in CELL_TICKS | {""}:
        if any(True for _ in cell.tc.iter(TBL)):
            return None
        return CellMark(cell.tc)
    return None


def find_group(index: DocumentIndex, anchor: Anchor, scope: tuple[int, int] | None) -> Slot | None:
    labels = group_options(anchor)
    marks: dict[str, Mark] = {}
    for key, label in labels.items():
        found = find_mark(index, label, scope)
        if found is not None:
            marks[key] = found[0]
    if not marks:
        return None
    slot = GroupSlot(
        marks,
        labels,
        f"checkboxes {', '.join(repr(labels[k]) for k in marks)}",
        bool(anchor.options.get("multiple")),
    )
    missing = [labels[k] for k in labels if k not in marks]
    if missing:
        slot.notes.append("no checkbox found for: " + ", ".join(missing))
    return slot


def group_options(anchor: Anchor) -> dict[str, str]:
    """A checkbox group's option key -> label, however the loader nested it."""
    options = anchor.options.get("options")
    if isinstance(options, Mapping):
        return {str(k): str(v) for k, v in options.items()}
    return {
        str(k): str(v)
        for k, v in anchor.options.items()
        if k not in ("section", "multiple", "direction") and isinstance(v, str)
    }


# --- tables -------------------------------------------------------------------------------


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


def _best_column(cells: list[tuple[GridCell, str]], names: Sequence[str]) -> GridCell | None:
    best: tuple[int, GridCell | None] = (0, None)
    for name in names:
        wanted = normalise(name)
        for cell, text in cells:
            score = _header_score(text, wanted)
            if score >= HEADER_SIMILARITY and score > best[0]:
                best = (score, cell)
    return best[1]


def find_table(
    index: DocumentIndex, anchor: Anchor, spec: FieldSpec, scope: tuple[int, int] | None
) -> Slot | None:
    headers = _headers(anchor)
    if not headers:
        return None
    occurrence = _occurrence(anchor.options)
    matches: list[tuple[int, TableGrid, int]] = []
    for grid in index.grids:
        for number in range(len(grid.rows)):
            if not index.in_range(grid.rows[number], scope):
                continue
            row = index.row_texts(grid, number)
            if len(row) < len(headers):
                continue
            # a header row names at least one column exactly; fuzzy matching is for the rest
            if not any(normalise(h) == text for h in headers for _, text in row):
                continue
            matched = [_best_column(row, [h]) for h in headers]
            if any(m is None for m in matched):
                continue
            score = sum(max(_header_score(t, normalise(h)) for _, t in row) for h in headers)
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
    columns: list[TableColumn] = []
    missing: list[str] = []
    specs = spec.columns or ()
    wanted_columns = (
        [(c.header, c.path, (c.header, *c.aliases), not holds_text(c.transform)) for c in specs]
        if specs
        else [(h, h, (h,), True) for h in headers]
    )
    for header, path, names, checkbox in wanted_columns:
        cell = _best_column(header_cells, names)
        if cell is None:
            missing.append(header)
        else:
            columns.append(TableColumn(header, path, cell.col, checkbox))
    data_rows = _data_rows(grid, header_number)
    if "occurrence" not in anchor.options:
        data_rows.extend(_continued(index, grid, header_number))
    table_number = index.grids.index(grid) + 1
    return TableSlot(
        TableSlotData(grid.tbl, grid.rows[header_number], data_rows, columns, missing),
        f"table {table_number} (header row {header_number + 1})",
    )


def _data_rows(grid: TableGrid, header_number: int) -> list[Element]:
    rows = []
    for number in range(header_number + 1, len(grid.rows)):
        if grid.width > 1 and len(grid.row_cells(number)) == 1:
            break  # a full-width row ends the list: a section heading or a note
        rows.append(grid.rows[number])
    return rows


def _continued(index: DocumentIndex, grid: TableGrid, header_number: int) -> list[Element]:
    """Rows of tables right after this one that repeat its header row: a school that ran out
    of rows copied the table (or Word split it)."""
    header = [text for _, text in index.row_texts(grid, header_number)]
    rows: list[Element] = []
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
        rows.extend(_data_rows(following, 0))
        node = node.getnext()
    return rows


# --- heading blocks -----------------------------------------------------------------------


def find_heading(
    index: DocumentIndex,
    title: str,
    scope: tuple[int, int] | None,
    occurrence: int = 1,
    options: Mapping[str, Any] | None = None,
) -> Slot | None:
    level = (options or {}).get("level")
    markers = [
        m
        for m in index.find_markers(title)
        if index.in_range(m.element, scope) and (level is None or m.level == int(level))
    ]
    for marker in markers[occurrence - 1 :]:
        if marker.kind == "row" and marker.grid is not None:
            entry = index.cell_of_tc.get(marker.element)
            below = marker.grid.below(entry[1]) if entry else None
            if below is not None:
                return RegionSlot(
                    below.tc, f"{_cell_location(index, marker.grid, below)} (under {title!r})"
                )
            continue
        return _block_after(index, marker.element, title)
    if markers:
        return None
    wanted = normalise(title)
    for grid, cell, text in index.cell_entries:
        if text == wanted and index.in_range(cell.tc, scope):
            target = grid.below(cell) or grid.right_of(cell, cell.row)
            if target is not None:
                return RegionSlot(
                    target.tc, f"{_cell_location(index, grid, target)} (under {title!r})"
                )
    for paragraph, text in index.paragraph_texts:
        parent = paragraph.getparent()
        if (
            normalise(text) == wanted
            and index.in_range(paragraph, scope)
            and parent is not None
            and parent.tag != TC
        ):
            return _block_after(index, paragraph, title)
    return None


def _block_after(index: DocumentIndex, heading: Element, title: str) -> Slot:
    blocks: list[Element] = []
    for node in heading.itersiblings():
        tag = node.tag
        if tag == P:
            if index.paragraph_level(node) is not None:
                break
            blocks.append(node)
        elif tag == SDT:
            blocks.append(node)
        elif tag == TBL:
            if not any(block_text(b).strip() for b in blocks):
                grid = index.grid_of_table.get(node)
                if grid is not None and len(grid.cells()) == 1:
                    only = grid.cells()[0][1]
                    return RegionSlot(only.tc, f"box under {title!r}")
            break
        elif tag == SECTPR:
            break
    return BlockSlot(heading, blocks, f"text under {title!r}")


# --- bookmarks ----------------------------------------------------------------------------


def find_bookmark(index: DocumentIndex, name: str) -> Slot | None:
    """A legacy form field the bookmark names (Word mirrors field names as bookmarks), else
    the text between ``bookmarkStart`` and its ``bookmarkEnd`` in one paragraph."""
    fields = [f for f in index.legacy_fields if f.kind != "other" and name in f.names]
    if fields:
        return LegacySlot(fields, f"legacy form field {name!r}")
    for start in index.body.iter(BOOKMARK_START):
        if start.get(w("name")) != name:
            continue
        parent = start.getparent()
        identifier = start.get(w("id"))
        if parent is None:
            return None
        for node in start.itersiblings():
            if node.tag == w("bookmarkEnd") and node.get(w("id")) == identifier:
                return BookmarkSlot(start, node, f"bookmark {name!r}")
        return None
    return None


# --- cell coordinates ---------------------------------------------------------------------


def find_cell(index: DocumentIndex, anchor: Anchor, source: str) -> Slot | None:
    """``{cell: {table: 3, row: 2, col: 1}}``: the 3rd table of the body (python-docx's
    ``Document.tables`` order, nested tables not counted), its 2nd row, the 1st cell of that
    row as a reader sees it (merged cells count once). All 1-based."""
    try:
        table = int(anchor.options["table"])
        row = int(anchor.options["row"])
        col = int(anchor.options["col"])
    except (KeyError, TypeError, ValueError):
        raise MappingError(
            "cell anchor needs whole numbers table, row and col (1-based)",
            source or None,
            anchor.line or None,
        ) from None
    tables = top_level_tables(index.body)
    if not 1 <= table <= len(tables):
        return None
    grid = index.grid_of_table[tables[table - 1]]
    if not 1 <= row <= len(grid.rows):
        return None
    cells = grid.row_cells(row - 1)
    if not 1 <= col <= len(cells):
        return None
    return RegionSlot(cells[col - 1].tc, f"table {table} row {row} cell {col}")


def label_texts(form: FormSpec) -> tuple[str, ...]:
    """Every label text the form's anchors use (label anchors and checkbox labels)."""
    texts: list[str] = []
    for spec in form.fields:
        for anchor in spec.anchors:
            if anchor.kind in ("label", "checkbox", "heading") and anchor.key:
                texts.append(anchor.key)
    return tuple(dict.fromkeys(texts))
