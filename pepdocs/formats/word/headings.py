"""Heading anchors: the free-text block under a heading paragraph or heading row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pepdocs.formats.word._xml import SDT, SECTPR, TBL, TC, Element, P
from pepdocs.formats.word.document import DocumentIndex
from pepdocs.formats.word.labels import cell_location
from pepdocs.formats.word.slots import BlockSlot, RegionSlot, Slot
from pepdocs.formats.word.text import block_text, normalise


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
                    below.tc, f"{cell_location(index, marker.grid, below)} (under {title!r})"
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
                    target.tc, f"{cell_location(index, grid, target)} (under {title!r})"
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
