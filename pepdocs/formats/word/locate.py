"""Anchors to slots: where each anchor kind finds its value in a document.

Semantics of every kind are documented in docs/word-engine.md; in short: ``control`` (tag,
then alias), ``legacy`` (ffData name or bookmark), ``label`` (cell right of / below the
label cell, or text after ``Label:``), ``checkbox``/``checkboxes`` (boxes by their labels),
``table`` (by header row), ``heading`` (block under a heading), ``cell`` (1-based table, row,
cell numbers, last resort).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pepdocs.errors import MappingError
from pepdocs.formats.word._xml import BOOKMARK_START, w
from pepdocs.formats.word.across import find_transposed_table
from pepdocs.formats.word.boxes import find_group, find_mark
from pepdocs.formats.word.controls import ContentControl
from pepdocs.formats.word.document import DocumentIndex, Scope
from pepdocs.formats.word.headings import find_heading
from pepdocs.formats.word.labels import find_label, label_texts, occurrence_of
from pepdocs.formats.word.people import find_people
from pepdocs.formats.word.records import find_records
from pepdocs.formats.word.repeating import find_table
from pepdocs.formats.word.slots import (
    BookmarkSlot,
    ControlSlot,
    LegacySlot,
    MarkSlot,
    RegionSlot,
    Slot,
    holds_text,
)
from pepdocs.formats.word.tables import top_level_tables
from pepdocs.mapping.anchors import ANCHOR_KINDS
from pepdocs.mapping.spec import Anchor, FieldSpec

__all__ = ["WORD_ANCHORS", "label_texts", "locate"]


#: The anchor kinds of Word forms: the mapping loader's list, the one home of anchor kinds.
WORD_ANCHORS = ANCHOR_KINDS["docx"]


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
        fields = list(index.legacy_by_name.get(anchor.key, ()))
        if not fields:
            return find_bookmark(index, anchor.key)
        return LegacySlot(fields, f"legacy form field {anchor.key!r}") if fields else None
    occurrence = occurrence_of(options)
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
        if options.get("transposed"):
            return find_transposed_table(index, anchor, spec, _scope(index, options))
        return find_table(index, anchor, spec, _scope(index, options))
    if kind == "records":
        return find_records(index, anchor, spec, _scope(index, options))
    if kind == "people":
        return find_people(index, anchor, spec, _scope(index, options))
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


def _opt_str(options: Mapping[str, Any], name: str) -> str | None:
    value = options.get(name)
    return str(value) if value is not None else None


def _scope(index: DocumentIndex, options: Mapping[str, Any]) -> Scope:
    section = options.get("section")
    if not section:
        return None
    found = index.section_range(str(section))
    # A named section that is not on this form scopes to nothing: the anchor is missing.
    return found if found is not None else (0, 0)


# --- bookmarks ----------------------------------------------------------------------------


def find_bookmark(index: DocumentIndex, name: str) -> Slot | None:
    """A legacy form field the bookmark names (Word mirrors field names as bookmarks), else
    the text between ``bookmarkStart`` and its ``bookmarkEnd`` in one paragraph."""
    fields = list(index.legacy_by_name.get(name, ()))
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
    tc = cells[col - 1].tc
    return RegionSlot(tc, f"table {table} row {row} cell {col}", legacy=index.legacy_in(tc))
