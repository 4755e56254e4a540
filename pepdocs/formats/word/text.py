"""The visible text of paragraphs, cells and blocks, as a person reading the form sees it.

Word splits text across runs anywhere (spell-check, revision ids, formatting changes), so
text is always joined before it is matched. Tracked changes are read in their accepted
view: insertions and move destinations count, deletions and move sources do not
(ECMA-376 17.13.5). Drawings and text boxes are skipped here: ``mc:AlternateContent`` stores a
text box twice, and a box's text is not part of the paragraph around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from pepdocs.formats.word._xml import (
    BR,
    CR,
    DEL,
    DELTEXT,
    INSTRTEXT,
    MOVE_FROM,
    PPR,
    RPR,
    SDT,
    SDTCONTENT,
    SDTPR,
    SECTPR,
    TAB,
    TCPR,
    Element,
    P,
    R,
    T,
    first_child,
    w,
)

#: Subtrees whose text is not visible text of the paragraph or block around them.
_SKIP = frozenset(
    {
        DEL,
        MOVE_FROM,
        DELTEXT,
        INSTRTEXT,
        PPR,
        RPR,
        SDTPR,
        TCPR,
        SECTPR,
        w("tblPr"),
        w("tblGrid"),
        w("trPr"),
        w("drawing"),
        w("pict"),
        w("object"),
        w("footnoteReference"),
        w("endnoteReference"),
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
    }
)

_NO_BREAK_HYPHEN = w("noBreakHyphen")

#: Prompt texts Word and LibreOffice put in empty boxes; they mean "nothing typed here".
PLACEHOLDER_TEXTS = frozenset(
    {
        "click or tap here to enter text.",
        "click or tap to enter a date.",
        "choose an item.",
        "click here to enter text.",
        "click here to enter a date.",
        "click here to choose an item.",
        "enter text here",
        "type here",
    }
)


_SHOWING = w("showingPlcHdr")


def showing_placeholder(sdt: Element) -> bool:
    """``w:showingPlcHdr`` (17.5.2.39): the control's content is its prompt, not an answer."""
    sdt_pr = first_child(sdt, SDTPR)
    return sdt_pr is not None and next(sdt_pr.iterchildren(_SHOWING), None) is not None


#: What a run's children stand for, other than ``w:t`` (read from its text).
_RUN_PIECES = {TAB: "\t", BR: "\n", CR: "\n", _NO_BREAK_HYPHEN: "-"}


def _inline_text(element: Element, out: list[str]) -> None:
    for node in element:
        tag = node.tag
        if tag == R:  # most of what a paragraph holds: the run's direct children only
            for piece in node:
                piece_tag = piece.tag
                if piece_tag == T:
                    out.append(piece.text or "")
                elif piece_tag in _RUN_PIECES:
                    out.append(_RUN_PIECES[piece_tag])
        elif not isinstance(tag, str) or tag in _SKIP:
            continue
        elif tag == SDT:
            if not showing_placeholder(node):
                content = first_child(node, SDTCONTENT)
                if content is not None:
                    # as a run-level control's own text is read (shared while reading)
                    out.append(paragraph_text(content))
        elif tag == P:
            # A paragraph nested inline only happens inside text boxes, which are skipped;
            # be safe and keep it apart from the surrounding text.
            continue
        else:
            _inline_text(node, out)


@dataclass(slots=True)
class ReadingMemo:
    """What is worked out once per element while a document is only read, not written
    (``memoised_reading``): a cell's text is wanted by label lookups, heading discovery,
    its slot and the unmapped scan, and joining its runs again for each was a large share
    of reading a form. Keys are the elements themselves (which keeps their proxies alive)."""

    paragraph_texts: dict[Element, str] = field(default_factory=dict)
    block_texts: dict[Element, str] = field(default_factory=dict)
    #: ``controls.control_at``: one ``ContentControl`` per ``w:sdt``, its properties read once
    controls: dict[Element, Any] = field(default_factory=dict)
    #: ``document.looks_like_label`` per cell: asked of each cell by label lookups, the
    #: unmapped scan and heading lookups alike
    label_cells: dict[Element, bool] = field(default_factory=dict)
    #: ``controls.is_hidden`` per ``w:sdt``: asked each time a control is read
    hidden: dict[Element, bool] = field(default_factory=dict)
    #: a content control's or legacy form field's reading with its answer box (``slots``),
    #: by its ``w:sdt`` or begin run, and the box context it was read in:
    #: (context, (value, box, notes))
    box_readings: dict[Element, tuple[Any, Any]] = field(default_factory=dict)


_READING: ContextVar[ReadingMemo | None] = ContextVar("pepdocs_word_reading", default=None)


@contextmanager
def memoised_reading() -> Iterator[None]:
    """Memoise texts and controls (``ReadingMemo``) for the code inside the block, which must
    not change the tree."""
    token = _READING.set(ReadingMemo())
    try:
        yield
    finally:
        _READING.reset(token)


def reading_memo() -> ReadingMemo | None:
    """The memo of the ``memoised_reading`` block being run, if any."""
    return _READING.get()


def paragraph_text(paragraph: Element) -> str:
    """The visible text of one ``w:p`` (``w:tab`` as tab, ``w:br``/``w:cr`` as newline)."""
    memo = _READING.get()
    if memo is not None:
        text = memo.paragraph_texts.get(paragraph)
        if text is None:
            text = memo.paragraph_texts[paragraph] = _paragraph_text(paragraph)
        return text
    return _paragraph_text(paragraph)


def _paragraph_text(paragraph: Element) -> str:
    out: list[str] = []
    _inline_text(paragraph, out)
    return "".join(out)


def iter_block_paragraphs(container: Element) -> Iterable[Element]:
    """The paragraphs of a block container (cell, body, ``sdtContent``) in reading order,
    including those in block-level controls and nested tables."""
    out: list[Element] = []
    _block_paragraphs(container, out)
    return out


def _block_paragraphs(container: Element, out: list[Element]) -> None:
    for node in container:
        tag = node.tag
        if tag == P:
            out.append(node)
        elif not isinstance(tag, str) or tag in _SKIP:
            continue
        elif tag == SDT:
            if showing_placeholder(node):
                continue
            content = first_child(node, SDTCONTENT)
            if content is not None:
                _block_paragraphs(content, out)
        else:
            _block_paragraphs(node, out)


def block_text(container: Element) -> str:
    """Paragraph texts of a block container joined with newlines (a whole cell, say)."""
    if container.tag == P:
        return paragraph_text(container)
    memo = _READING.get()
    if memo is not None:
        text = memo.block_texts.get(container)
        if text is None:
            text = memo.block_texts[container] = _block_text(container)
        return text
    return _block_text(container)


def _block_text(container: Element) -> str:
    # Most containers (a cell) hold properties and paragraphs only: those are read
    # without the general walk, which every cell of a document would otherwise take.
    parts: list[str] = []
    for node in container:
        tag = node.tag
        if tag == P:
            parts.append(paragraph_text(node))
        elif not isinstance(tag, str) or tag not in _SKIP:
            return "\n".join(paragraph_text(p) for p in iter_block_paragraphs(container))
    return "\n".join(parts)


_PLACEHOLDER_KEYS = frozenset(text.rstrip(".") for text in PLACEHOLDER_TEXTS)


#: what ``normalise`` drops before a text's first character (spaces and label punctuation;
#: possessive, so that "?" alone, which normalises to nothing, has no first character)
_LEADING = re.compile("[\\s:*?.\\-\u2013\u2014]*+(.)", re.DOTALL)


def first_normalised_character(text: str) -> str:
    """``normalise(text)[:1]`` without normalising the whole text: most texts are told
    apart from a set of prompts by this alone."""
    lead = _LEADING.match(text)
    return "" if lead is None else lead.group(1).casefold()[:1]


_PLACEHOLDER_STARTS = frozenset(key[:1] for key in _PLACEHOLDER_KEYS)


def is_placeholder(text: str) -> bool:
    """Word's and LibreOffice's stock prompts, whatever the case or final full stop."""
    if first_normalised_character(text) not in _PLACEHOLDER_STARTS:
        return False
    return normalise(text).rstrip(".") in _PLACEHOLDER_KEYS


def clean_value(text: str) -> str:
    """A box's text as a value: outer whitespace (incl. legacy fields' en-spaces, U+2002)
    trimmed, prompt texts as empty. Inner newlines are kept exactly."""
    stripped = text.strip()
    if not stripped or is_placeholder(stripped):
        return ""
    return stripped


_LABEL_PUNCTUATION = " :*?.-\u2013\u2014"


def normalise(text: str) -> str:
    """Text for matching labels and headers: case-folded, whitespace collapsed, trailing
    colons/asterisks/question marks dropped (``Date of birth:*`` matches ``date of birth``)."""
    folded = " ".join(text.split()).casefold()  # split() takes no-break spaces too
    return folded.strip(_LABEL_PUNCTUATION)
