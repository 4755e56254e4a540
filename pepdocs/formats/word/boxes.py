"""Checkbox anchors: the box (of any kind) a label belongs to, and groups of them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pepdocs.formats.word._xml import TBL, P
from pepdocs.formats.word.checkboxes import CELL_TICKS, CellMark, Mark, paragraph_tokens
from pepdocs.formats.word.document import DocumentIndex, Scope
from pepdocs.formats.word.labels import cell_location, nth
from pepdocs.formats.word.slots import GroupSlot, Slot
from pepdocs.formats.word.tables import GridCell
from pepdocs.formats.word.text import normalise
from pepdocs.mapping.spec import Anchor


def find_mark(
    index: DocumentIndex, label: str, scope: Scope, occurrence: int = 1
) -> tuple[Mark, str] | None:
    """The checkbox a label belongs to: a box beside it in the same paragraph (exact label
    first), a box alone in the cell right or left of a label cell, then looser matches."""
    return nth(_marks(index, label, scope), occurrence)


def _marks(index: DocumentIndex, label: str, scope: Scope) -> Iterator[tuple[Mark, str]]:
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
                where = cell_location(index, grid, neighbour)
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


def find_group(index: DocumentIndex, anchor: Anchor, scope: Scope) -> Slot | None:
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
