"""Heading anchors: the free-text block under a heading paragraph or heading row."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree

from pepdocs.formats.word._xml import (
    PPR,
    SDT,
    SDTCONTENT,
    SECTPR,
    TBL,
    Element,
    P,
    R,
    first_child,
    make_run,
    run_properties,
)
from pepdocs.formats.word.controls import ContentControl
from pepdocs.formats.word.document import (
    DocumentIndex,
    Scope,
    all_bold,
    all_italic,
    bold_then_italic,
    looks_like_label,
)
from pepdocs.formats.word.labels import cell_location
from pepdocs.formats.word.slots import RegionSlot, Slot, Where, expect_text, write_control
from pepdocs.formats.word.text import block_text, clean_value, normalise, showing_placeholder
from pepdocs.mapping.spec import FormValue


def find_heading(
    index: DocumentIndex,
    title: str,
    scope: Scope,
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
                    below.tc,
                    f"{cell_location(index, marker.grid, below)} (under {title!r})",
                    legacy=index.legacy_in(below.tc),
                )
            continue
        return _block_after(index, marker.element, title)
    if markers:
        return None
    wanted = normalise(title)
    for grid, cell, text in index.cell_entries:
        label, label_text = _label_over_answer(index, cell.tc)
        if label is not None and label_text == wanted:
            if index.in_range(cell.tc, scope):
                return _block_after(index, label, title)
            continue
        if (
            (text == wanted or _label_with_instruction(index, cell.tc) == wanted)
            and index.in_range(cell.tc, scope)
            # a heading printed as a cell: shaded or bold, or alone across its row (a plain
            # cell saying the same words is a value, e.g. a role in an attendance list)
            and (looks_like_label(cell.tc) or len(grid.row_cells(cell.row)) == 1)
        ):
            target = grid.below(cell) or grid.right_of(cell, cell.row)
            if target is not None:
                return RegionSlot(
                    target.tc,
                    f"{cell_location(index, grid, target)} (under {title!r})",
                    legacy=index.legacy_in(target.tc),
                )
    # A question printed as a paragraph of its own ("Child's view:"), in the body or in a
    # cell, with the answer in the paragraphs under it.
    normalised = index.normalised_texts
    for paragraph, text in index.paragraph_texts:
        key = normalised.get(paragraph)
        if key is None:
            key = normalised[paragraph] = normalise(text)
        if key == wanted and index.in_range(paragraph, scope) and paragraph.getparent() is not None:
            return _block_after(index, paragraph, title)
    return None


def _label_over_answer(index: DocumentIndex, tc: Element) -> tuple[Element | None, str]:
    """``label_over_answer`` and its normalised text, once per cell of the document: a form
    with several headings in cells asked this of every cell for each of them."""
    memo = index.cell_labels_over_answers
    found = memo.get(tc)
    if found is None:
        label = label_over_answer(tc)
        found = memo[tc] = (label, "" if label is None else normalise(block_text(label)))
    return found


def _label_with_instruction(index: DocumentIndex, tc: Element) -> str | None:
    """``label_with_instruction``, once per cell of the document."""
    memo = index.cell_instruction_labels
    if tc not in memo:
        memo[tc] = label_with_instruction(tc)
    return memo[tc]


def label_over_answer(tc: Element) -> Element | None:
    """The label paragraph of a cell that prints its label in bold as its first paragraph
    and keeps the answer in the paragraphs under it, in the same cell ("Name" / "Harvey
    John Lomas"); None for any other cell."""
    paragraphs = [node for node in tc if node.tag == P]
    if len(paragraphs) < 2 or any(node.tag in (TBL, SDT) for node in tc):
        return None
    first = paragraphs[0]
    text = block_text(first).strip()
    if not text or len(text) > _QUESTION_MAX_CHARS:
        return None
    if not (
        all_bold(first)
        or bold_then_italic(first)
        or (
            all_italic(first)
            and (_PROMPTED_LABEL.match(text) is not None or len(text.split()) <= 12)
        )
    ):
        # a label in bold (and the prompt after it in italics), or the cell's only print in
        # italics: "My views: how is it going?", "Carer's comments"; else no label
        return None
    rest = [node for node in paragraphs[1:] if block_text(node).strip()]
    if any(all_bold(node) for node in rest):
        return None  # a second bold line: two labels, or a heading over a label
    if rest and all(all_italic(node) for node in rest):
        return None  # an instruction under the label: the answer goes elsewhere
    return first


#: "My views: how is it going, and what would help me?": a short label, a colon, a prompt
_PROMPTED_LABEL = re.compile(r"^[^:?\n]{2,40}:\s*\S")


def label_with_instruction(tc: Element) -> str | None:
    """The label of a cell that prints its label over an instruction in italics ("My voice" /
    "My words, drawings or photos, written down by my key adult"), normalised; None for any
    other cell."""
    paragraphs = [node for node in tc if node.tag == P and block_text(node).strip()]
    if len(paragraphs) < 2 or all_italic(paragraphs[0]):
        return None
    if not all(all_italic(node) for node in paragraphs[1:]):
        return None
    return normalise(block_text(paragraphs[0]))


#: The longest printed question that ends a block of answer paragraphs (a longer line ending
#: with a colon is more likely an answer that introduces a list).
_QUESTION_MAX_CHARS = 120


def _ends_block(index: DocumentIndex, paragraph: Element) -> bool:
    """A paragraph that is the next question, not part of this answer: one of the form's
    labels, a short line ending with a colon (``Carer's view:``), or a bold one ending with a
    question mark (a child's answer may well end with one)."""
    text = " ".join(block_text(paragraph).split())
    if not text or len(text) > _QUESTION_MAX_CHARS:
        return False
    if normalise(text) in index.label_keys or text.endswith(":"):
        return True
    # the next "Label: answer" line: one of the form's labels, or a label on a dotted leader
    head = _LINE_LABEL.match(text)
    if head and (normalise(head.group(1)) in index.label_keys or head.group(2)):
        return True
    return text.endswith("?") and all_bold(paragraph)


#: ``Label: ...`` or ``Label ………`` at a line's start (group 2: the label is on a leader).
_LINE_LABEL = re.compile(r"^([^:\n]{2,60}?)\s*(?::|([.\u2026_]{3,}|\u2026))")


def _block_after(index: DocumentIndex, heading: Element, title: str) -> Slot:
    blocks: list[Element] = []
    after = heading
    for node in heading.itersiblings():
        tag = node.tag
        if tag == P:
            if index.paragraph_level(node) is not None or _ends_block(index, node):
                break
            if not blocks and all_italic(node):
                after = node  # an instruction printed under the heading is never the answer
                continue
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
    return BlockSlot(heading, blocks, f"text under {title!r}", after=after)


# --- the block slot -----------------------------------------------------------------------


class BlockSlot(Slot):
    """Paragraphs under a heading paragraph (and the instructions printed under it), up to
    the next heading or table; ``heading`` is the heading they answer and ``after`` the last
    paragraph printed before the answer (the heading, or an instruction under it)."""

    def __init__(
        self,
        heading: Element,
        blocks: Sequence[Element],
        location: str,
        after: Element | None = None,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.after = heading if after is None else after
        self.blocks = list(blocks)
        self.location = location

    def covers(self) -> list[Element]:
        return list(self.blocks)

    def read(self) -> FormValue:
        lines = []
        for block in self.blocks:
            if block.tag == SDT:
                if showing_placeholder(block):
                    continue
                content = first_child(block, SDTCONTENT)
                lines.append(block_text(content) if content is not None else "")
            else:
                lines.append(block_text(block))
        return clean_value("\n".join(lines)) or None

    def write(self, value: FormValue, where: Where) -> None:
        text = expect_text(value, where)
        controls = [b for b in self.blocks if b.tag == SDT]
        if len(controls) == 1 and all(
            b is controls[0] or not block_text(b).strip() for b in self.blocks
        ):
            write_control(ContentControl(controls[0]), text, where)
            return
        model = next((b for b in self.blocks if b.tag == P and block_text(b).strip()), None)
        if model is None:
            model = next((b for b in self.blocks if b.tag == P), None)
        ppr = None if model is None else first_child(model, PPR)
        rpr = None if model is None else run_properties(next(model.iter(R), None))
        anchor_node: Element = self.after
        if self.blocks:
            anchor_node = self.blocks[0]
            for block in self.blocks[1:]:
                parent = block.getparent()
                if parent is not None:
                    parent.remove(block)
        new_paragraphs = []
        for line in text.split("\n"):
            paragraph = etree.Element(P)
            if ppr is not None:
                paragraph.append(copy.deepcopy(ppr))
            if line:
                paragraph.append(make_run(rpr, line))
            new_paragraphs.append(paragraph)
        for paragraph in reversed(new_paragraphs):
            anchor_node.addnext(paragraph)
        if self.blocks:
            parent = anchor_node.getparent()
            if parent is not None:
                parent.remove(anchor_node)
        self.blocks = new_paragraphs
