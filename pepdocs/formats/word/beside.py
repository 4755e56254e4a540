"""Text typed in a field's answer box but outside the field itself.

Teachers click beside a content control (or a legacy form field) rather than in it, or press
Enter at its end and go on typing in a new paragraph: the words are in the box the form
gives for the answer, a person reads them as the answer, and the control alone reads empty
or half the answer. Here a field's *answer box* is the table cell it sits in when that cell
holds no other field (or, outside tables, its own paragraph); the text of the box outside the
field is the teacher's when the blank form does not print it there (a label "Name:" in the
same cell, a guidance line). Reading the box gives control and typed text in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pepdocs.formats.word._xml import (
    BR,
    CR,
    FLDCHAR,
    SDT,
    SDTCONTENT,
    TAB,
    TC,
    Element,
    P,
    R,
    T,
    first_child,
    w,
)
from pepdocs.formats.word.text import (
    _SKIP,
    clean_value,
    is_placeholder,
    iter_block_paragraphs,
    normalise,
    paragraph_text,
)

_RUN_PIECES = {TAB: "\t", BR: "\n", CR: "\n", w("noBreakHyphen"): "-"}
_TBL = w("tbl")
_FLDCHAR_TYPE = w("fldCharType")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a paragraph in reading order: typed text, or a field (a ``w:sdt`` or the
    run beginning a legacy field) standing for whatever the field holds."""

    text: str = ""
    field: Element | None = None


def paragraph_segments(paragraph: Element) -> list[Segment]:
    """The paragraph as text outside fields and the fields themselves, in reading order
    (tracked deletions, properties and drawings skipped as ``paragraph_text`` skips them)."""
    return [
        Segment(text=piece) if isinstance(piece, str) else Segment(field=piece)
        for piece in _pieces(paragraph)
    ]


def _pieces(paragraph: Element) -> list[str | Element]:
    """``paragraph_segments`` as bare texts and field elements (the unmapped scan wants the
    texts of every paragraph, and a ``Segment`` made for each piece cost more than the walk)."""
    out: list[str | Element] = []
    depth = 0  # inside a legacy field (begin ... end), counting nested fields

    def walk(element: Element) -> None:
        nonlocal depth
        for node in element:
            tag = node.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == SDT:
                if depth == 0:
                    out.append(node)
                continue
            if tag == R:
                # one pass over the run's children: a field character decides the run,
                # else its pieces of text are the run's (the common case)
                char = None
                pieces = []
                for piece in node:
                    kind = piece.tag
                    if kind == FLDCHAR:
                        char = piece
                        break
                    if kind == T:
                        pieces.append(piece.text or "")
                    elif kind in _RUN_PIECES:
                        pieces.append(_RUN_PIECES[kind])
                if char is not None:
                    kind = char.get(_FLDCHAR_TYPE)
                    if kind == "begin":
                        if depth == 0:
                            out.append(node)
                        depth += 1
                    elif kind == "end" and depth:
                        depth -= 1
                    continue
                if not depth:
                    out.extend(pieces)
                continue
            if tag == P:
                continue  # only in text boxes, which are skipped
            walk(node)

    walk(paragraph)
    return out


def _ancestors(element: Element) -> Iterable[Element]:
    node = element.getparent()
    while node is not None:
        yield node
        node = node.getparent()


def answer_box(field: Element) -> Element | None:
    """The box ``field`` answers in: its table cell, if the cell holds no other field
    (checkboxes and labelled options make a cell a choice, not a box); outside tables, its
    paragraph when that holds no other field. None when the box is shared."""
    box: Element | None = None
    for node in _ancestors(field):
        if node.tag == TC:
            box = node
            break
        if node.tag == _TBL:
            return None
    if box is None:
        paragraph = next((n for n in _ancestors(field) if n.tag == P), None)
        if paragraph is None:
            return None  # a block-level control in the body: its paragraphs are the box
        box = paragraph
    if _other_fields(box, field):
        return None
    return box


def _other_fields(box: Element, field: Element) -> bool:
    """Whether the box holds a field other than ``field`` (and those inside it)."""
    inside = set(field.iter(SDT)) if field.tag == SDT else set()
    for node in box.iter(SDT):
        if node is not field and node not in inside and not _within(node, field):
            return True
    if field.tag == SDT:
        return any(not _within(char, field) for char in box.iter(FLDCHAR))
    begins = [c for c in box.iter(FLDCHAR) if c.get(w("fldCharType")) == "begin"]
    return len(begins) > 1 or next(box.iter(SDT), None) is not None


def _within(node: Element, field: Element) -> bool:
    return any(parent is field for parent in _ancestors(node))


def printed_pieces(box: Element, field: Element) -> frozenset[str]:
    """What the blank form prints in ``field``'s box outside the field (a label in the same
    cell, a guidance line), normalised: the template side of :func:`read_box`."""
    return frozenset(
        normalise(text) for text, _ in _box_parts(box, field) if text is not None and text
    )


def _box_parts(box: Element, field: Element) -> list[tuple[str | None, bool]]:
    """The box in reading order as (text, is_field_position) parts: text outside the field
    piece by piece (``None`` text marks where the field's own value goes)."""
    parts: list[tuple[str | None, bool]] = []
    paragraphs = [box] if box.tag == P else list(_paragraphs_with_fields(box))
    within = set(field.iter(P))  # the paragraphs inside the field (a block-level control)
    field_seen = False
    for paragraph in paragraphs:
        if paragraph in within:
            if not field_seen:
                parts.append((None, True))
                parts.append(("\n", False))
                field_seen = True
            continue
        text = ""
        for piece in _pieces(paragraph):
            if isinstance(piece, str):
                text += piece
            elif piece is field:
                parts.append((text, False))
                parts.append((None, True))
                field_seen = True
                text = ""
            # another field's place (nested inside ours) adds nothing
        parts.append((text, False))
        parts.append(("\n", False))
    return parts[:-1] if parts and parts[-1] == ("\n", False) else parts


def _paragraphs_with_fields(container: Element) -> list[Element]:
    """Every paragraph of a cell in reading order, those of block-level controls included
    even when showing their prompt (``iter_block_paragraphs`` skips those)."""
    out: list[Element] = []
    for node in container:
        tag = node.tag
        if tag == P:
            out.append(node)
        elif not isinstance(tag, str) or tag in _SKIP:
            continue
        elif tag == SDT:
            content = first_child(node, SDTCONTENT)
            if content is not None:
                out.extend(_paragraphs_with_fields(content))
        else:
            out.extend(_paragraphs_with_fields(node))
    return out


@dataclass(frozen=True, slots=True)
class BoxReading:
    """A box read around its field: ``value`` in reading order (the field's own value where
    the field is), and ``typed`` True when text outside the field was part of it."""

    value: str | None
    typed: bool


def read_box(
    box: Element,
    field: Element,
    field_value: str | None,
    printed: frozenset[str] | None,
    is_label: Callable[[str], bool],
) -> BoxReading:
    """The answer a person reads in ``box``: the field's value with the text typed around it.

    ``printed`` is what the blank form prints in this box outside the field (None when the
    blank form is not known: then text that reads as a label is taken as printed).
    """
    pieces: list[str] = []
    typed = False
    for text, is_field in _box_parts(box, field):
        if is_field:
            pieces.append(field_value or "")
            continue
        assert text is not None
        if text == "\n" or not text.strip():
            pieces.append(text)
            continue
        if _is_printed(text, printed, is_label):
            pieces.append("" if not text[-1:].isspace() else " ")
            continue
        pieces.append(text)
        typed = True
    if not typed:
        return BoxReading(field_value, False)
    # a blank line the teacher left between paragraphs stays; outer blank lines go
    lines = [line.strip() for line in "".join(pieces).split("\n")]
    value = clean_value("\n".join(lines))
    return BoxReading(value or None, True)


def _is_printed(text: str, printed: frozenset[str] | None, is_label: Callable[[str], bool]) -> bool:
    key = normalise(text)
    if not key or is_placeholder(text):
        return True
    if printed is not None:
        return key in printed
    return is_label(text)


# --- line breaks a re-save moved out of a plain-text control --------------------------------

#: where two sentences were glued: end punctuation, then a capital or digit with no space
_STRONG_GLUE = re.compile(r"(?<=[.!?;:)\]\"'\u2019\u201d])(?=[A-Z0-9\u00c0-\u00de])")
#: a weaker sign: a lower-case letter, then a capital ("MathsEnglish")
_WEAK_GLUE = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z\u00c0-\u00de])")


def displaced_breaks(field: Element) -> int:
    """Line breaks just before ``field`` in its paragraph: where LibreOffice puts the breaks
    of a plain-text control's value when it re-saves a form (it moves them out of the
    control, gluing the lines: "...new arrangement.Health needs are...")."""
    paragraph = next((n for n in _ancestors(field) if n.tag == P), None)
    if paragraph is None:
        return 0
    before = ""
    for piece in _pieces(paragraph):
        if piece is field:
            break
        before = before + piece if isinstance(piece, str) else ""
    else:
        return 0
    stripped = before.rstrip(" \t")
    return len(stripped) - len(stripped.rstrip("\n"))


def restore_breaks(text: str, breaks: int) -> tuple[str, int]:
    """``text`` with up to ``breaks`` line breaks put back where sentences were glued, and
    how many were placed. Only where the places are plain: first after end punctuation
    followed by a capital ("arrangement.Health"), then, if that leaves breaks unplaced,
    between a lower-case letter and a capital; never more places than breaks."""
    if breaks <= 0 or "\n" in text:
        return text, 0
    places = [m.start() for m in _STRONG_GLUE.finditer(text)]
    if len(places) < breaks:
        weak = [m.start() for m in _WEAK_GLUE.finditer(text) if m.start() not in places]
        if len(places) + len(weak) <= breaks:
            places += weak
    if not places or len(places) > breaks:
        return text, 0
    pieces = []
    last = 0
    for place in sorted(places):
        pieces.append(text[last:place])
        last = place
    pieces.append(text[last:])
    return "\n".join(pieces), len(places)


def outside_text(paragraph: Element) -> str:
    """A paragraph's text outside every field it holds (for the unmapped scan)."""
    return "".join(piece for piece in _pieces(paragraph) if isinstance(piece, str))


def typed_paragraphs(
    container: Element, skip: Callable[[Element], bool] | None = None
) -> Iterable[tuple[Element, str]]:
    """(paragraph, its text outside fields) for each paragraph with such text, in reading
    order; placeholder prompts count as nothing typed. Paragraphs ``skip`` says are of no
    interest are passed over before their text is put together (the costly part)."""
    for paragraph in iter_block_paragraphs(container):
        if skip is not None and skip(paragraph):
            continue
        # a paragraph holding no field at all: its text is all outside fields, and may well
        # be known already (the memo of ``paragraph_text``: table cells' texts are read first)
        bare = next(paragraph.iter(SDT, FLDCHAR), None) is None
        text = clean_value(paragraph_text(paragraph) if bare else outside_text(paragraph))
        if text:
            yield paragraph, text
