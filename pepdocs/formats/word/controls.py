"""Content controls (``w:sdt``, ECMA-376 17.5.2 and [MS-DOCX] 2.6 for ``w14:checkbox``).

A control sits at block level (in the body or a cell: holds paragraphs), run level (in a
paragraph: holds runs), cell level (in a row: holds a ``w:tc``) or row level (in a table:
holds rows). It is keyed by ``w:tag``, then ``w:alias``; keys repeat after copy/paste, so
reading takes the first with a value and filling writes every copy.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from lxml import etree

from pepdocs.formats.word._xml import (
    RPR,
    SDTCONTENT,
    SDTPR,
    TC,
    TR,
    VAL,
    W14_NS,
    Element,
    P,
    R,
    append_text,
    first_child,
    make_run,
    run_properties,
    w,
    w14,
)
from pepdocs.formats.word.dates import parse_form_date
from pepdocs.formats.word.text import (
    block_text,
    clean_value,
    iter_block_paragraphs,
    paragraph_text,
    reading_memo,
    showing_placeholder,
)

ControlKind = Literal[
    "text", "richText", "date", "dropDownList", "comboBox", "checkbox", "picture", "group", "other"
]
Level = Literal["block", "run", "cell", "row"]

_KIND_MARKERS: tuple[tuple[str, ControlKind], ...] = (
    (w("text"), "text"),
    (w("richText"), "richText"),
    (w("date"), "date"),
    (w("dropDownList"), "dropDownList"),
    (w("comboBox"), "comboBox"),
    (w14("checkbox"), "checkbox"),
    (w("picture"), "picture"),
    (w("group"), "group"),
)

_TAG = w("tag")
_ALIAS = w("alias")
_KIND_RANK = {marker: (rank, kind) for rank, (marker, kind) in enumerate(_KIND_MARKERS)}
_TBL = w("tbl")
#: parents that make a control block-level (17.5.2.29)
_BLOCK_PARENTS = frozenset({w("body"), TC, SDTCONTENT, w("txbxContent"), w("hdr"), w("ftr")})

CHECKED_GLYPH = "\u2612"  # ☒, Word's default w14:checkedState
UNCHECKED_GLYPH = "\u2610"  # ☐, Word's default w14:uncheckedState


@dataclass(eq=False)
class ContentControl:
    """One ``w:sdt``. Its properties, tag, alias and kind are read once, when it is made:
    writing changes a control's content, placeholder flag and binding, never those."""

    element: Element
    #: ``w:sdtPr`` (a detached empty one when the control has none: reading must not change
    #: the tree, and prepared templates are read and never written)
    properties: Element = field(init=False, repr=False)
    tag: str | None = field(init=False)
    alias: str | None = field(init=False)
    kind: ControlKind = field(init=False)

    def __post_init__(self) -> None:
        sdt_pr = first_child(self.element, SDTPR)
        self.properties = sdt_pr if sdt_pr is not None else etree.Element(SDTPR)
        tag = alias = None
        # the first type marker in _KIND_MARKERS' order; none means rich text (17.5.2.38)
        kind: ControlKind = "richText"
        rank = len(_KIND_MARKERS)
        for node in self.properties:  # one pass over the properties
            name = node.tag
            if name == _TAG:
                tag = node if tag is None else tag
            elif name == _ALIAS:
                alias = node if alias is None else alias
            else:
                marker = _KIND_RANK.get(name)
                if marker is not None and marker[0] < rank:
                    rank, kind = marker
        self.tag = None if tag is None else tag.get(VAL)
        self.alias = None if alias is None else alias.get(VAL)
        self.kind = kind

    @property
    def key(self) -> str:
        return self.tag or self.alias or ""

    @cached_property
    def level(self) -> Level:
        """Where the control sits (found once: filling changes what a control holds, not
        where it is)."""
        parent = self.element.getparent()
        tag = parent.tag if parent is not None else ""
        if tag == TR:
            return "cell"
        if tag == _TBL:
            return "row"
        if tag in _BLOCK_PARENTS:
            # a control inside another block control's content is block-level too, unless that
            # content holds runs (then the parent paragraph decides, below)
            if tag == SDTCONTENT and _content_is_inline(parent):
                return "run"
            return "block"
        return "run"

    @property
    def content(self) -> Element:
        node = first_child(self.element, SDTCONTENT)
        return node if node is not None else etree.SubElement(self.element, SDTCONTENT)

    @property
    def showing_placeholder(self) -> bool:
        return showing_placeholder(self.element)

    def list_items(self) -> list[tuple[str, str]]:
        """(display text, value) of a dropdown or combo box's items."""
        props = self.properties
        holder = first_child(props, w("dropDownList"))
        if holder is None:
            holder = first_child(props, w("comboBox"))
        if holder is None:
            return []
        items = []
        for item in holder.findall(w("listItem")):
            value = item.get(w("value")) or ""
            display = item.get(w("displayText")) or value
            items.append((display, value))
        return items

    # --- reading -------------------------------------------------------------------------

    def checked(self) -> bool:
        box = first_child(self.properties, w14("checkbox"))
        state = None if box is None else first_child(box, w14("checked"))
        if state is None:
            return False
        return (state.get(w14("val")) or "").strip().lower() in ("1", "true", "on")

    def text(self) -> str:
        """The visible text of the control's content, placeholder or not."""
        content = first_child(self.element, SDTCONTENT)
        if content is None:
            return ""
        if self.level == "run":
            # run-level content holds runs (and nested inline controls): read it as a paragraph
            return paragraph_text(content)
        return block_text(content)

    def value(self) -> str | bool | None:
        """The answer held: bool for a checkbox, text otherwise; None when empty/prompt.

        A date control with ``w:fullDate`` gives its date part (ISO) when the visible text
        does not say the same date: Word keeps the picked date there whatever the display
        format, and a date typed over the display can disagree with it.
        """
        if self.kind == "checkbox":
            return self.checked()
        if self.showing_placeholder:
            return None
        text = clean_value(self.text())
        if self.kind == "date":
            full = self.full_date()
            if full is not None and parse_form_date(text) != full:
                return full.isoformat()
        return text or None

    def full_date(self) -> dt.date | None:
        node = first_child(self.properties, w("date"))
        raw = None if node is None else node.get(w("fullDate"))
        if not raw:
            return None
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            return None

    # --- writing -------------------------------------------------------------------------

    def set_last_value(self, value: str) -> None:
        """Record the chosen item's value where Word keeps it (``w:lastValue``)."""
        for name in ("dropDownList", "comboBox"):
            holder = first_child(self.properties, w(name))
            if holder is not None and holder.getparent() is not None:
                holder.set(w("lastValue"), value)

    def unbind(self) -> None:
        """Drop ``w:dataBinding`` (17.5.2.6): Word refills a bound control from its custom XML
        part when the document opens, which would hide the value written here."""
        props = first_child(self.element, SDTPR)
        if props is None:
            return
        for binding in list(props):
            if isinstance(binding.tag, str) and binding.tag.endswith("}dataBinding"):
                props.remove(binding)

    def set_checked(self, checked: bool) -> None:
        box = first_child(self.properties, w14("checkbox"))
        if box is None:
            return
        state = first_child(box, w14("checked"))
        if state is None:
            state = etree.Element(w14("checked"), nsmap={"w14": W14_NS})
            box.insert(0, state)
        state.set(w14("val"), "1" if checked else "0")
        glyph_state = first_child(box, w14("checkedState" if checked else "uncheckedState"))
        glyph = CHECKED_GLYPH if checked else UNCHECKED_GLYPH
        if glyph_state is not None and glyph_state.get(w14("val")):
            with contextlib.suppress(ValueError):
                glyph = chr(int(glyph_state.get(w14("val")) or "", 16))
        for node in self.content.iter(w("t")):
            node.text = glyph
            break
        else:
            for sym in self.content.iter(w("sym")):
                run = sym.getparent()
                if run is not None:
                    run.remove(sym)
                    append_text(run, glyph)
                break

    def set_text(self, text: str) -> None:
        """Replace the content with ``text`` in the control's own formatting.

        Keeps the first run's properties without the PlaceholderText style (or the control's
        own ``sdtPr/w:rPr`` when only the prompt was there), clears ``w:showingPlcHdr``, and
        allows line breaks in plain-text controls (``w:multiLine``).
        """
        props = self.properties
        first_run = next(self.content.iter(R), None)
        rpr = run_properties(first_run)
        if self.showing_placeholder:
            own = first_child(props, w("rPr"))
            rpr = copy.deepcopy(own) if own is not None else rpr
            props.remove(first_child(props, w("showingPlcHdr")))
        plain = first_child(props, w("text"))
        if plain is not None and "\n" in text:
            plain.set(w("multiLine"), "1")
        if self.kind == "date":
            self._set_full_date(text)
        level = self.level
        content = self.content
        if level == "run":
            for node in list(content):
                content.remove(node)
            content.append(make_run(rpr, text))
            return
        if level == "cell":
            cell = first_child(content, TC)
            if cell is None:
                return
            write_block(cell, text, rpr)
            return
        if level == "row":
            cell = next(content.iter(TC), None)
            if cell is not None:
                write_block(cell, text, rpr)
            return
        # A rich-text block control takes one paragraph per line: LibreOffice keeps
        # paragraphs when it re-saves a form, but drops line breaks inside controls.
        write_block(content, text, rpr, paragraphs_per_line=self.kind == "richText")

    def _set_full_date(self, text: str) -> None:
        node = first_child(self.properties, w("date"))
        if node is None:
            return
        parsed = parse_form_date(text)
        if parsed is None:
            # Not a date we can read with certainty: drop the stale picked date rather than
            # leave one that disagrees with the text.
            node.attrib.pop(w("fullDate"), None)
        else:
            node.set(w("fullDate"), f"{parsed.isoformat()}T00:00:00Z")


def _content_is_inline(content: Element) -> bool:
    return any(child.tag == R for child in content)


def write_block(
    container: Element, text: str, rpr: Element | None = None, paragraphs_per_line: bool = False
) -> None:
    """Replace a block container's paragraphs (cell, block ``sdtContent``) with one paragraph
    holding ``text``, keeping the first paragraph's ``w:pPr`` and first run's ``w:rPr``;
    with ``paragraphs_per_line``, one such paragraph per line.

    Nested tables and other non-paragraph content of the container are left alone: a value
    box does not own the structure around it.
    """
    paragraphs = [p for p in container if p.tag == P]
    nested = list(iter_block_paragraphs(container))
    first = paragraphs[0] if paragraphs else (nested[0] if nested else None)
    if rpr is None and first is not None:
        rpr = run_properties(next(first.iter(R), None))
    if first is None:
        first = etree.SubElement(container, P)
    for paragraph in paragraphs[1:]:
        container.remove(paragraph)
    for node in list(first):
        if node.tag != w("pPr"):
            first.remove(node)
    lines = text.split("\n") if paragraphs_per_line else [text]
    first.append(make_run(rpr, lines[0]))
    previous = first
    for line in lines[1:]:
        paragraph = etree.Element(P)
        properties = first_child(first, w("pPr"))
        if properties is not None:
            paragraph.append(copy.deepcopy(properties))
        if line:
            paragraph.append(make_run(rpr, line))
        previous.addnext(paragraph)
        previous = paragraph


_VANISH = w("vanish")
_OFF = frozenset({"0", "false", "off"})


def _vanishes(properties: Element | None) -> bool:
    """Run properties that hide the text (``w:vanish``, ECMA-376 17.3.2.41), unless turned
    off by its value."""
    if properties is None:
        return False
    vanish = first_child(properties, _VANISH)
    return vanish is not None and (vanish.get(VAL) or "true").lower() not in _OFF


def is_hidden(control: ContentControl) -> bool:
    """Whether Word shows nothing of ``control``: its own run properties hide it, or every
    run of its content is formatted as hidden text. A person filling the form never sees
    (nor types into) a hidden control, so its value is not what the form says."""
    memo = reading_memo()
    if memo is None:
        return _is_hidden(control)
    found = memo.hidden.get(control.element)
    if found is None:
        found = memo.hidden[control.element] = _is_hidden(control)
    return found


def _is_hidden(control: ContentControl) -> bool:
    if _vanishes(first_child(control.properties, RPR)):
        return True
    content = first_child(control.element, SDTCONTENT)  # read only: never made here
    if content is None or next(content.iter(_VANISH), None) is None:
        return False  # nothing in it is hidden (libxml2 looks; no run is visited)
    runs = list(content.iter(R))
    return bool(runs) and all(_vanishes(first_child(run, RPR)) for run in runs)


def control_at(sdt: Element) -> ContentControl:
    """The control a ``w:sdt`` is; while a document is only read, the same object each time
    (its properties found once)."""
    memo = reading_memo()
    if memo is None:
        return ContentControl(sdt)
    control = memo.controls.get(sdt)
    if control is None:
        control = memo.controls[sdt] = ContentControl(sdt)
    assert isinstance(control, ContentControl)
    return control


def find_controls(root: Element) -> list[ContentControl]:
    return [control_at(node) for node in root.iter(w("sdt"))]
