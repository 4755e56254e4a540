"""Checkboxes of every kind, located by the label printed next to them.

Forms tick boxes in five ways: content-control checkboxes (``w14:checkbox``), legacy
FORMCHECKBOX fields, glyphs typed as text (☐ ☑ ☒ ✓ ✔ ✗ ✘, ``[x]``), symbol-font characters
(``w:sym`` Wingdings ``F0FE``: subtract 0xF000 and look the code up per font), and an ``X``
typed into an empty box cell beside a label. A ``Mark`` hides which one it is.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from pepdocs.formats.word._xml import (
    BODY,
    BR,
    DEL,
    FLDCHAR,
    INSTRTEXT,
    MOVE_FROM,
    PPR,
    RPR,
    SDT,
    SDTCONTENT,
    SDTPR,
    SYM,
    TAB,
    TC,
    W_NS,
    Element,
    P,
    R,
    T,
    first_child,
    make_run,
    on_off,
    run_properties,
    w,
)
from pepdocs.formats.word.controls import ContentControl, control_at
from pepdocs.formats.word.legacy import LegacyField
from pepdocs.formats.word.text import paragraph_text, showing_placeholder

CHECKED_GLYPHS = frozenset("\u2612\u2611\u2713\u2714\u2717\u2718\u25a0")  # ☒ ☑ ✓ ✔ ✗ ✘ ■
UNCHECKED_GLYPHS = frozenset("\u2610\u25a1")  # ☐ □
def tick_and_cross_legend(text: str) -> bool:
    """Whether ``text`` prints a legend of a tick and a cross (``On track ✓/✗``): the
    glyphs in it say what answers look like, they are not boxes."""
    return any(c in text for c in "\u2713\u2714") and any(c in text for c in "\u2717\u2718")


#: Glyphs with an unticked partner; a tick alone (✓) becomes ☐ when cleared.
_UNCHECK_OF = {"\u2612": "\u2610", "\u2611": "\u2610", "\u25a0": "\u25a1"}
_CHECK_OF = {"\u2610": "\u2612", "\u25a1": "\u25a0"}

#: Symbol-font codes (after subtracting 0xF000) that draw a box: True ticked, False empty.
SYMBOL_BOXES: dict[str, dict[int, bool]] = {
    "wingdings": {
        0xFE: True,
        0xFD: True,
        0x78: True,
        0xFC: True,
        0xFB: True,
        0xA8: False,
        0x6F: False,
        0x71: False,
        0x70: False,
    },
    "wingdings 2": {
        0x52: True,
        0x54: True,
        0x53: True,
        0x51: True,
        0x50: True,
        0x4F: True,
        0xA3: False,
        0x2A: False,
        0x30: False,
    },
}
_SYMBOL_SET = {"wingdings": (0xFE, 0xA8), "wingdings 2": (0x52, 0xA3)}

#: what a box typed as text starts with (``☐``, ``[x]``)
_MARK_GLYPHS = CHECKED_GLYPHS | UNCHECKED_GLYPHS | {"["}

_BRACKET = re.compile(r"\[([ xX\u2713\u2714])\]")
#: a glyph box, or a ``[x]`` box (group 1 is its mark)
_MARK_IN_TEXT = re.compile(
    "[" + re.escape("".join(sorted(CHECKED_GLYPHS | UNCHECKED_GLYPHS))) + "]|" + _BRACKET.pattern
)
#: ... or an X standing where a box would (at the start of a line or a piece of text, or
#: after a colon or a wide gap, with a word after it), for lines of glyph boxes
_MARK_OR_X_IN_TEXT = re.compile(
    _MARK_IN_TEXT.pattern + r"|(?:^|(?<=\s\s)|(?<=:\s)|(?<=\t))[xX](?=\s+\w|\s*$)"
)
_UNCHECKED_TEXT = re.compile("[" + "".join(sorted(UNCHECKED_GLYPHS)) + "]")
_FIELD_PARTS = frozenset({FLDCHAR, INSTRTEXT})
#: What an "X in the box" cell may hold.
CELL_TICKS = frozenset({"x", "\u2713", "\u2714", "\u2717", "\u2718", "yes", "y"})


class Mark(ABC):
    """One checkbox of any kind."""

    kind: str = ""

    @abstractmethod
    def element(self) -> Element:
        """The element holding the box (for coverage in the unmapped scan)."""

    @abstractmethod
    def checked(self) -> bool: ...

    @abstractmethod
    def set(self, checked: bool) -> None: ...


@dataclass(eq=False)
class ControlMark(Mark):
    control: ContentControl
    kind: str = "content control checkbox"

    def element(self) -> Element:
        return self.control.element

    def checked(self) -> bool:
        return self.control.checked()

    def set(self, checked: bool) -> None:
        self.control.set_checked(checked)


@dataclass(eq=False)
class LegacyMark(Mark):
    field: LegacyField
    kind: str = "legacy checkbox"

    def element(self) -> Element:
        return self.field.begin

    def checked(self) -> bool:
        return self.field.checked()

    def set(self, checked: bool) -> None:
        self.field.set_checked(checked)


@dataclass(eq=False)
class GlyphMark(Mark):
    text: Element  # the w:t
    index: int
    kind: str = "checkbox glyph"

    def element(self) -> Element:
        return self.text

    def checked(self) -> bool:
        return (self.text.text or " ")[self.index] in CHECKED_GLYPHS

    def set(self, checked: bool) -> None:
        value = self.text.text or ""
        current = value[self.index]
        if checked:
            glyph = current if current in CHECKED_GLYPHS else _CHECK_OF.get(current, "\u2612")
        else:
            glyph = current if current in UNCHECKED_GLYPHS else _UNCHECK_OF.get(current, "\u2610")
        self.text.text = value[: self.index] + glyph + value[self.index + 1 :]


@dataclass(eq=False)
class TypedXMark(GlyphMark):
    """An ``X`` typed in place of a box on a line of glyph boxes (``X Yes   ☐ No``): the
    person replaced the box they meant with an X, so it is ticked; clearing it puts the
    empty box back."""

    kind: str = "X typed over a box"

    def checked(self) -> bool:
        return (self.text.text or " ")[self.index] in "xX"

    def set(self, checked: bool) -> None:
        if checked:
            return
        value = self.text.text or ""
        self.text.text = value[: self.index] + "\u2610" + value[self.index + 1 :]


@dataclass(eq=False)
class BracketMark(Mark):
    text: Element
    index: int  # of "["
    kind: str = "[x] box"

    def element(self) -> Element:
        return self.text

    def checked(self) -> bool:
        return (self.text.text or "")[self.index + 1] != " "

    def set(self, checked: bool) -> None:
        value = self.text.text or ""
        tick = "x" if checked else " "
        self.text.text = value[: self.index + 1] + tick + value[self.index + 2 :]


@dataclass(eq=False)
class SymbolMark(Mark):
    symbol: Element  # the w:sym
    font: str
    kind: str = "symbol-font checkbox"

    def element(self) -> Element:
        return self.symbol

    def checked(self) -> bool:
        return SYMBOL_BOXES[self.font].get(_symbol_code(self.symbol) or 0, False)

    def set(self, checked: bool) -> None:
        ticked, empty = _SYMBOL_SET[self.font]
        self.symbol.set(w("char"), f"F0{ticked if checked else empty:02X}")


@dataclass(eq=False)
class FontGlyphMark(Mark):
    """A letter typed in a symbol font (``þ`` in Wingdings) that draws a box."""

    text: Element
    index: int
    font: str
    kind: str = "symbol-font checkbox"

    def element(self) -> Element:
        return self.text

    def checked(self) -> bool:
        return SYMBOL_BOXES[self.font].get(ord((self.text.text or " ")[self.index]), False)

    def set(self, checked: bool) -> None:
        ticked, empty = _SYMBOL_SET[self.font]
        value = self.text.text or ""
        glyph = chr(ticked if checked else empty)
        self.text.text = value[: self.index] + glyph + value[self.index + 1 :]


def run_symbol_font(run: Element) -> str | None:
    """The symbol font a run's text is in (``w:rFonts``), if it is one with boxes."""
    properties = first_child(run, RPR)
    fonts = None if properties is None else first_child(properties, w("rFonts"))
    if fonts is None:
        return None
    for attribute in ("ascii", "hAnsi", "cs"):
        name = (fonts.get(w(attribute)) or "").strip().lower()
        if name in SYMBOL_BOXES:
            return name
    return None


@dataclass(eq=False)
class CellMark(Mark):
    """An empty table cell next to a label, ticked by typing ``X`` into it."""

    tc: Element
    kind: str = "X box cell"

    def element(self) -> Element:
        return self.tc

    def checked(self) -> bool:
        return paragraph_text_of(self.tc).strip().casefold() in CELL_TICKS

    def set(self, checked: bool) -> None:
        paragraphs = [p for p in self.tc if p.tag == P]
        if not paragraphs:
            paragraphs = [etree.SubElement(self.tc, P)]
        first = paragraphs[0]
        rpr = run_properties(next(first.iter(R), None))
        for paragraph in paragraphs[1:]:
            self.tc.remove(paragraph)
        for node in list(first):
            if node.tag != PPR:
                first.remove(node)
        if checked:
            first.append(make_run(rpr, "X"))


def paragraph_text_of(tc: Element) -> str:
    return "\n".join(paragraph_text(p) for p in tc.iter(P))


def _symbol_code(symbol: Element) -> int | None:
    raw = symbol.get(w("char")) or ""
    try:
        code = int(raw, 16)
    except ValueError:
        return None
    return code - 0xF000 if code >= 0xF000 else code


def symbol_font(symbol: Element) -> str | None:
    font = (symbol.get(w("font")) or "").strip().lower()
    return font if font in SYMBOL_BOXES else None


Token = str | Mark


class _Tokeniser:
    """Turns a paragraph into text pieces and marks, in reading order."""

    def __init__(self, legacy_by_begin: dict[Element, LegacyField], typed_x: bool = False) -> None:
        self.legacy_by_begin = legacy_by_begin
        #: the line has glyph boxes, so an X standing where a box stands is a ticked one
        self.typed_x = typed_x
        self.tokens: list[Token] = []
        self.skip_until: Element | None = None
        self.field_depth = 0

    def walk(self, element: Element) -> None:
        for node in element:
            tag = node.tag
            if not isinstance(tag, str) or tag in (DEL, MOVE_FROM, PPR, RPR, SDTPR):
                continue
            if self.skip_until is not None:
                if node is self.skip_until:
                    self.skip_until = None
                elif tag != R:
                    self.walk(node)
                continue
            if tag == R:
                self.run(node)
            elif tag == SDT:
                control = control_at(node)
                if control.kind == "checkbox":
                    self.tokens.append(ControlMark(control))
                elif not showing_placeholder(node):
                    content = first_child(node, SDTCONTENT)
                    if content is not None:
                        self.walk(content)
            elif tag == P:
                continue
            else:
                self.walk(node)

    def run(self, run: Element) -> None:
        field = self.legacy_by_begin.get(run)
        if field is not None and field.kind == "checkbox":
            self.tokens.append(LegacyMark(field))
            self.skip_until = field.end
            return
        if any(node.tag in _FIELD_PARTS for node in run):
            return
        font = run_symbol_font(run)
        for node in run:
            tag = node.tag
            if tag == T and font is not None:
                self.symbol_text(node, font)
            elif tag == T:
                self.text(node)
            elif tag in (TAB, BR):
                self.tokens.append(" ")
            elif tag == SYM:
                font = symbol_font(node)
                code = _symbol_code(node)
                if font is not None and code in SYMBOL_BOXES[font]:
                    self.tokens.append(SymbolMark(node, font))

    def symbol_text(self, node: Element, font: str) -> None:
        """Text in a symbol font: ``þ`` in Wingdings draws a ticked box, ``¨`` an empty one."""
        value = node.text or ""
        start = 0
        for index, char in enumerate(value):
            if ord(char) in SYMBOL_BOXES[font]:
                self.tokens.append(value[start:index])
                self.tokens.append(FontGlyphMark(node, index, font))
                start = index + 1
        self.tokens.append(value[start:])

    def text(self, node: Element) -> None:
        value = node.text or ""
        start = 0
        pattern = _MARK_OR_X_IN_TEXT if self.typed_x else _MARK_IN_TEXT
        for match in pattern.finditer(value):  # left to right, as a reader reads
            index = match.start()
            self.tokens.append(value[start:index])
            if value[index] in "xX":
                self.tokens.append(TypedXMark(node, index))
            elif match.group(1) is not None:
                self.tokens.append(BracketMark(node, index))
            else:
                self.tokens.append(GlyphMark(node, index))
            start = match.end()
        self.tokens.append(value[start:])


def paragraph_tokens(
    paragraph: Element, legacy_by_begin: dict[Element, LegacyField]
) -> list[Token]:
    owner = _enclosing_checkbox(paragraph)
    if owner is not None:
        # a checkbox control around the whole paragraph: its glyph is the control's
        return [ControlMark(owner)]
    glyphs = any(_UNCHECKED_TEXT.search(t.text or "") for t in paragraph.iter(T))
    tokeniser = _Tokeniser(legacy_by_begin, typed_x=glyphs)
    tokeniser.walk(paragraph)
    return [t for t in tokeniser.tokens if not (isinstance(t, str) and t == "")]


#: Whatever ``paragraph_tokens`` makes a box from, as an XPath test (run by libxml2, not
#: Python): a control, a field, ``w:sym``, a symbol font, a glyph or ``[``. A superset: only
#: where it holds is a paragraph tokenised. Most paragraphs of a form are plain text, and
#: tokenising them all was about a sixth of reading one. (``contains`` per glyph: libxml2's
#: ``translate`` over every text node costs twice as much.)
_BOX_TESTS = (
    "w:sdt",
    "w:sym",
    "w:fldChar",
    "w:rFonts[contains(translate(concat(@w:ascii, '|', @w:hAnsi, '|', @w:cs),"
    " 'WINGDS', 'wingds'), 'wingdings')]",
    "w:t[" + " or ".join(f"contains(., '{glyph}')" for glyph in sorted(_MARK_GLYPHS)) + "]",
)
_BOX_INSIDE = " or ".join(f".//{test}" for test in _BOX_TESTS)
#: ... or inside a control: a checkbox control around the whole paragraph
_MAY_HOLD_MARKS = etree.XPath(
    f"boolean(ancestor-or-self::w:sdt or {_BOX_INSIDE})", namespaces={"w": W_NS}
)
#: ``_BOX_TESTS`` but the glyph test, as nodes: the glyph test over every ``w:t`` in
#: libxml2 (ten ``contains`` each) cost ten times the same test done by a regex here.
#: ``_BOX_TESTS`` as a walk rather than XPath (an XPath over every ``w:t`` for the glyphs,
#: or over every node for the others, cost several times this)
_R_FONTS = w("rFonts")
_FONT_ATTRIBUTES = (w("ascii"), w("hAnsi"), w("cs"))
_FOLD_WINGDINGS = str.maketrans("WINGDS", "wingds")  # as the XPath test folds case


def _box_nodes(root: Element, fields: Mapping[Element, LegacyField] | None = None) -> list[Element]:
    """The nodes under ``root`` that ``_BOX_INSIDE`` tests for, in document order; with
    ``fields`` (the document's, by begin run), only checkbox fields' ``fldChar`` count."""
    boxes: list[Element] = []
    for node in root.iter(SDT, SYM, FLDCHAR, _R_FONTS):
        tag = node.tag
        if tag == FLDCHAR and fields is not None:
            field = fields.get(node.getparent())
            if field is None or field.kind != "checkbox":
                continue
        if tag != _R_FONTS or any(
            "wingdings" in (node.get(name) or "").translate(_FOLD_WINGDINGS)
            for name in _FONT_ATTRIBUTES
        ):
            boxes.append(node)
    boxes.extend(t for t in root.iter(T) if _GLYPH_TEXT.search(t.text or ""))
    return boxes


_SDT_PARAGRAPHS = etree.XPath(".//w:sdt//w:p", namespaces={"w": W_NS})
_GLYPH_TEXT = re.compile("[" + re.escape("".join(sorted(_MARK_GLYPHS))) + "]")


def may_hold_marks(container: Element) -> bool:
    """False when no paragraph of ``container`` (or the paragraph itself) can hold a box."""
    return bool(_MAY_HOLD_MARKS(container))


def box_holders(root: Element, fields: Mapping[Element, LegacyField] | None = None) -> set[Element]:
    """The elements under ``root`` with a ``_BOX_TESTS`` node inside: for a container below
    ``root`` that is not one of these nor inside a control, ``may_hold_marks`` is False
    (asked once for a table row rather than for each of its cells)."""
    holders: set[Element] = set()
    for box in _box_nodes(root, fields):
        node = box.getparent()
        while node is not None and node is not root and node not in holders:
            holders.add(node)
            node = node.getparent()
    return holders


def inside_control(element: Element, below: Element | None = None) -> bool:
    """``element`` is a ``w:sdt`` or inside one (looking up to ``below``, exclusive, when
    given: a cell in a cell-level control of its row)."""
    node: Element | None = element
    while node is not None and node is not below:
        if node.tag == SDT:
            return True
        node = node.getparent()
    return False


def paragraphs_with_marks(
    root: Element, fields: Mapping[Element, LegacyField] | None = None
) -> set[Element]:
    """The paragraphs under ``root`` that may hold a box (see ``may_hold_marks``): those
    holding a ``_BOX_TESTS`` node, and those inside a control. Given the document's legacy
    fields (by begin run), a paragraph whose only such node is a text or dropdown field
    does not count: ``paragraph_tokens`` makes boxes of checkbox fields only."""
    paragraphs = {node for node in box_holders(root, fields) if node.tag == P}
    inside = _SDT_PARAGRAPHS(root)
    assert isinstance(inside, list)
    paragraphs.update(node for node in inside if isinstance(node, etree._Element))
    return paragraphs


def _enclosing_checkbox(paragraph: Element) -> ContentControl | None:
    node = paragraph.getparent()
    while node is not None and node.tag not in (TC, BODY):
        if node.tag == SDT:
            control = control_at(node)
            return control if control.kind == "checkbox" else None
        node = node.getparent()
    return None


def labelled_marks(tokens: list[Token]) -> list[tuple[str, Mark]]:
    """Pair each mark with the label text it belongs to.

    A line that starts with a box (``☐ EHCP  ☐ SEN Support``) or ends with a label
    (``SEN status: ☐ EHCP ☐ None``) puts labels after their boxes; a line that ends with a box
    after text (``EHCP ☐  SEN Support ☐``) puts them before.
    """
    segments: list[str] = [""]
    marks: list[Mark] = []
    for token in tokens:
        if isinstance(token, Mark):
            marks.append(token)
            segments.append("")
        else:
            segments[-1] += token
    if not marks:
        return []
    leading = not segments[0].strip() or bool(segments[-1].strip())
    if leading:
        return [(segments[number + 1], mark) for number, mark in enumerate(marks)]
    return [(segments[number], mark) for number, mark in enumerate(marks)]


def question_of(tokens: list[Token]) -> str:
    """Text before the first box when labels follow their boxes and the line starts with text
    (``CAMHS involved?  ☐ Yes  ☐ No``): the question the boxes answer, else ""."""
    head = ""
    for token in tokens:
        if isinstance(token, Mark):
            break
        head += token
    pairs = labelled_marks(tokens)
    if not head.strip() or not pairs or pairs[0][0] == head:
        return ""
    return head.strip()


def question_before(pairs: list[tuple[str, Mark]]) -> str:
    """The question of a line whose labels come before their boxes and whose first label
    carries it (``Known to CAMHS?  Yes ☐  No ☒``): the text up to its ``?`` or ``:``, when
    what follows is a short option like the others; else ""."""
    if len(pairs) < 2:
        return ""
    first = pairs[0][0].strip()
    cut = max(first.rfind("?"), first.rfind(":"))
    if cut <= 0:
        return ""
    option = first[cut + 1 :].strip()
    if not option or len(option.split()) > 3 or len(option) > 20:
        return ""
    return first[: cut + 1].strip()


def strike_through_choices(paragraph: Element) -> bool:
    """ "Yes / No (delete as appropriate)" answered by striking one word through."""
    for run in paragraph.iter(R):
        properties = first_child(run, RPR)
        if properties is None:
            continue
        if not (
            on_off(first_child(properties, w("strike")))
            or on_off(first_child(properties, w("dstrike")))
        ):
            continue
        text = "".join(t.text or "" for t in run.iter(T)).strip(" /").casefold()
        if text in ("yes", "no", "y", "n"):
            return True
    return False
