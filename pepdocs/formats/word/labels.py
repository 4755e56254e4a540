"""Label anchors: the answer beside a label (the cell right of or below it, or the text
after ``Label:`` in a paragraph), and the small helpers other lookups share."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, TypeVar

from pepdocs.formats.word.document import DocumentIndex, Scope, bold_lead, looks_like_label
from pepdocs.formats.word.slots import AfterLabelSlot, RegionSlot, Slot
from pepdocs.formats.word.tables import GridCell, TableGrid
from pepdocs.formats.word.text import normalise
from pepdocs.mapping.spec import FormSpec

_T = TypeVar("_T")


def cell_location(index: DocumentIndex, grid: TableGrid, cell: GridCell) -> str:
    number = index.grid_number(grid)
    return f"table {number} row {cell.row + 1}"


def find_label(
    index: DocumentIndex,
    label: str,
    direction: str | None,
    scope: Scope,
    occurrence: int = 1,
) -> Slot | None:
    """The ``occurrence``-th place (1-based, exact label cells first) ``label`` gives."""
    return nth(_label_slots(index, label, direction, scope), occurrence)


def nth(found: Iterator[_T], occurrence: int) -> _T | None:
    for number, item in enumerate(found, start=1):
        if number >= occurrence:
            return item
    return None


def _label_slots(
    index: DocumentIndex, label: str, direction: str | None, scope: Scope
) -> Iterator[Slot]:
    wanted = normalise(label)
    if not wanted:
        return
    if direction in (None, "right", "below"):
        # cells saying exactly the label first, then the label plus a note (``Date of birth
        # (dd/mm/yyyy)``)
        for exact in (True, False):
            # the noted texts are worked out only when no exact cell has an answer cell
            by_text = index.cells_by_exact_text if exact else index.cells_by_noted_text
            for grid, cell, _ in by_text.get(wanted, ()):
                if not index.in_range(cell.tc, scope):
                    continue
                target = _value_cell(index, grid, cell, direction)
                if target is not None:
                    where = "below" if target.row > cell.row else "right of"
                    yield RegionSlot(
                        target.tc,
                        f"{cell_location(index, grid, target)} ({where} {label!r})",
                        legacy=index.legacy_in(target.tc),
                    )
    if direction in (None, "after"):
        # A paragraph starting with the label first; then the label later in a line after
        # a gap (``Name: Ava    Date of birth: ...``), which needs the form's other labels
        # to know where each answer ends.
        starts, later = _label_pattern(label)
        candidates = index.paragraphs_matching(_label_words(label))
        for pattern in (starts, later):
            for paragraph, text in candidates:
                if not index.in_range(paragraph, scope):
                    continue
                if pattern.search(text):
                    yield AfterLabelSlot(
                        paragraph, pattern, f"text after {label!r}", _next_labels(index, wanted)
                    )
        # the label in bold with the answer typed straight after it, over the leaders the
        # form printed (``Student name………`` became ``Student nameTyler-Jay Penhallow``)
        for paragraph, text in candidates:
            if not index.in_range(paragraph, scope):
                continue
            lead, answered = bold_lead(paragraph)
            # or a bold label and a line break to type under it, nothing typed yet
            room = not answered and _blank_line_after(text, lead)
            if (answered or room) and normalise(lead).rstrip(":") == wanted.rstrip(":"):
                yield AfterLabelSlot(
                    paragraph,
                    _bare_label(label),
                    f"text after {label!r}",
                    _next_labels(index, wanted),
                )


def _blank_line_after(text: str, lead: str) -> bool:
    """``text`` is ``lead`` then only a line break or a tab (and spaces): the place to answer
    in (``Child's name<tab>`` on a blank form)."""
    stripped = text.lstrip()
    if not lead or not stripped.startswith(lead.strip()):
        return False
    rest = stripped[len(lead.strip()) :]
    return ("\n" in rest or "\t" in rest) and not rest.strip()


def _next_labels(index: DocumentIndex, own: str) -> re.Pattern[str] | None:
    """The form's other labels as they appear later in a line (``Name: Ava   Date of birth:
    ...``), so one label's answer does not swallow the next."""
    return _other_labels_pattern(index.label_texts, own)


@lru_cache(maxsize=256)
def _other_labels_pattern(label_texts: tuple[str, ...], own: str) -> re.Pattern[str] | None:
    # One alternation, cached per form's label texts: its first match is the leftmost of
    # any one label's (``_label_pattern``'s second pattern), in one search instead of one
    # per label of the form.
    bodies = [
        r"\s+".join(re.escape(word) for word in other.strip().rstrip(":").split())
        for other in label_texts
        if normalise(other) != own and other.strip().rstrip(":").split()
    ]
    if not bodies:
        return None
    return re.compile(rf"(?:\t|\s\s)\s*(?:{'|'.join(bodies)})\s*[:\-\u2013]", re.IGNORECASE)


@lru_cache(maxsize=2048)
def _label_words(label: str) -> re.Pattern[str]:
    """The label's words as both ``_label_pattern`` patterns have them: a paragraph without
    a match of this has neither."""
    words = label.strip().rstrip(":").split()
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


@lru_cache(maxsize=2048)
def _label_pattern(label: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``Label:`` at a paragraph's start, and after a tab or two spaces later in a line.
    A first-person label that ends with its verb (``My name is``, ``My carers are``, as
    early-years pages print them) needs no colon: a space is enough."""
    words = label.strip().rstrip(":").split()
    body = r"\s+".join(re.escape(word) for word in words)
    # a colon or dash, or a dotted leader printed for the answer (``PEP date ………``)
    mark = r"\s*(?:[:\-\u2013]|[.\u2026_]{3,}|\u2026)"
    ends = rf"(?:{mark}|\s+)" if words and words[-1].lower() in _VERBS else mark
    return (
        re.compile(rf"^\s*{body}{ends}", re.IGNORECASE),
        re.compile(rf"(?:\t|\s\s)\s*{body}{ends}", re.IGNORECASE),
    )


@lru_cache(maxsize=2048)
def _bare_label(label: str) -> re.Pattern[str]:
    """The label at a paragraph's start with nothing after it (its runs tell where it ends)."""
    words = label.strip().rstrip(":").split()
    return re.compile(r"^\s*" + r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


#: Words a first-person label ends with before its answer (``My name is Alfie``).
_VERBS = frozenset({"is", "are", "was", "am"})


def _value_cell(
    index: DocumentIndex, grid: TableGrid, cell: GridCell, direction: str | None
) -> GridCell | None:
    right = grid.right_of(cell, cell.row)
    below = grid.below(cell)
    if below is not None and below.tc in index.heading_cells:
        below = None  # the next section's heading row is nobody's answer
    if direction == "right":
        return right
    if direction == "below":
        return below
    if right is None:
        return below
    if below is not None and (
        # a header row of label cells (all shaded/bold) has its values underneath
        (looks_like_label(cell.tc) and looks_like_label(right.tc))
        # so does a row whose next cell is another of the form's labels
        or index.cell_text.get(right, "") in index.label_keys
    ):
        return below
    return right


def label_texts(form: FormSpec) -> tuple[str, ...]:
    """Every label text the form's anchors use (label anchors and checkbox labels)."""
    texts: list[str] = []
    for spec in form.fields:
        for anchor in spec.anchors:
            if anchor.kind in ("label", "checkbox", "heading") and anchor.key:
                texts.append(anchor.key)
    return tuple(dict.fromkeys(texts))


def occurrence_of(options: Mapping[str, Any]) -> int:
    """The 1-based ``occurrence`` option (default 1)."""
    try:
        return max(int(options.get("occurrence") or 1), 1)
    except (TypeError, ValueError):
        return 1
