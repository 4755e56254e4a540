"""Slots: the places in a document where one field's value is read from and written to.

``locate`` turns an anchor into a slot; a slot reads a form value and writes one, whatever
Word construct holds it (a control, a legacy field, a cell, text after "Label:", boxes, a
table, a block under a heading).
"""

from __future__ import annotations

import copy
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from pepdocs.errors import MappingError
from pepdocs.formats.word._xml import (
    BR,
    FLDCHAR,
    PPR,
    SDT,
    SDTCONTENT,
    TAB,
    XML_SPACE,
    Element,
    P,
    R,
    T,
    clean_for_xml,
    first_child,
    make_run,
    run_properties,
    w,
)
from pepdocs.formats.word.beside import (
    answer_box,
    displaced_breaks,
    read_box,
    restore_breaks,
)
from pepdocs.formats.word.checkboxes import (
    Mark,
    labelled_marks,
    may_hold_marks,
    paragraph_tokens,
)
from pepdocs.formats.word.circled import circled_option, may_be_circled
from pepdocs.formats.word.controls import ContentControl, control_at, is_hidden, write_block
from pepdocs.formats.word.document import all_bold, all_italic
from pepdocs.formats.word.legacy import LegacyField, find_legacy_fields
from pepdocs.formats.word.text import (
    block_text,
    clean_value,
    normalise,
    reading_memo,
    showing_placeholder,
)
from pepdocs.mapping.spec import Anchor, FieldSpec, FormValue


@dataclass(frozen=True, slots=True)
class Where:
    """Who is writing where, for error messages (paths and anchors, never values)."""

    source: str
    field: FieldSpec
    anchor: Anchor

    def error(self, problem: str) -> MappingError:
        return MappingError(
            f"field {self.field.path!r} at {self.anchor.describe()}: {problem}",
            self.source or None,
            self.anchor.line or self.field.line or None,
        )


def expect_text(value: FormValue, where: Where) -> str:
    """The text a box gets: a bool as Yes/No (a yes/no field whose checkbox anchor fell back
    to a text anchor), option keys joined (a group that fell back to a text box)."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return clean_for_xml(", ".join(str(item) for item in value))
    if not isinstance(value, str):
        raise where.error("this anchor holds text, but the value is a table's rows")
    return clean_for_xml(value)


_TICKED = frozenset({"yes", "y", "true", "1", "on", "x", "\u2612", "\u2611", "\u2713", "\u2714"})
_UNTICKED = frozenset({"", "no", "n", "false", "0", "off", "\u2610"})


#: transforms whose form value is text: a lone ☒ in their box is text someone typed
TEXT_TRANSFORMS = frozenset(
    {"text", "date", "int", "decimal", "money", "percent", "choice", "join"}
)


def holds_text(transform: object) -> bool:
    return getattr(transform, "name", "") in TEXT_TRANSFORMS


def truthy(value: FormValue, where: Where) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, list) and len(value) <= 1 and all(isinstance(v, str) for v in value):
        value = str(value[0]) if value else ""  # a yes/no group's one key
    if isinstance(value, str):
        lowered = value.strip().casefold()
        if lowered in _UNTICKED:
            return False
        if lowered in _TICKED:
            return True
    raise where.error("this anchor is a checkbox; give it true or false (or Yes/No)")


class Slot(ABC):
    """Where one field's value sits in a document: read it, or write a value there."""

    location: str = ""
    #: notes for the report about this reading (``several checked``)
    notes: list[str]

    def __init__(self) -> None:
        self.notes = []

    def covers(self) -> list[Element]:
        """Elements this slot reads (controls, legacy begin runs, cells), so the unmapped
        scan can skip them."""
        return []

    @abstractmethod
    def read(self) -> FormValue: ...

    @abstractmethod
    def write(self, value: FormValue, where: Where) -> None: ...


# --- content controls and legacy fields --------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoxContext:
    """What reading a field's answer box needs (``beside.read_box``): what the blank form
    prints in each field's box, by control key or legacy field name (None when the blank form
    is not known), and how to tell a label."""

    printed: Mapping[str, frozenset[str]] | None
    is_label: Callable[[str], bool]
    #: the document was last saved by LibreOffice (which moves line breaks out of plain-text
    #: controls: ``beside.restore_breaks``)
    resaved_by_libreoffice: bool = False
    #: every text the blank form prints outside its fields, normalised (None: not known)
    printed_texts: frozenset[str] | None = None

    def printed_for(self, *keys: str | None) -> frozenset[str] | None:
        if self.printed is None:
            return None
        for key in keys:
            if key and key in self.printed:
                return self.printed[key]
        return frozenset()


#: control kinds whose value is text that typing beside it continues
_TEXT_KINDS = frozenset({"text", "richText", "comboBox"})
#: kinds whose box text is the answer only when the field itself was left empty
_EMPTY_ONLY_KINDS = frozenset({"date", "dropDownList"})


def _with_box(
    field: Element,
    value: FormValue,
    kind: str,
    keys: tuple[str | None, ...],
    context: BoxContext | None,
) -> tuple[FormValue, Element | None]:
    """The field's value read with what was typed around it in its box (and the box)."""
    if context is None or isinstance(value, bool):
        return value, None
    if kind not in _TEXT_KINDS and not (kind in _EMPTY_ONLY_KINDS and value is None):
        return value, None
    box = answer_box(field)
    if box is None:
        return value, None
    text = value if isinstance(value, str) else None
    reading = read_box(box, field, text, context.printed_for(*keys), context.is_label)
    if not reading.typed:
        return value, box
    return reading.value, box


def typed_under(
    control: ContentControl, context: BoxContext
) -> tuple[str, list[Element]]:
    """What a person typed in the paragraphs right under an empty block-level control (the
    control left showing its placeholder, the answer typed after it): plain paragraphs up to
    the next field, table, heading, bold or italic line, label, or text the blank form
    prints; empty when there are none."""
    element = control.element
    content = first_child(element, w("sdtContent"))
    if content is None or first_child(content, P) is None:
        return "", []  # not a block of paragraphs: its own box decides
    texts: list[str] = []
    paragraphs: list[Element] = []
    node = element.getnext()
    while node is not None and node.tag == P:
        text = " ".join(block_text(node).split())
        if not text:
            if texts:
                break
            node = node.getnext()
            continue
        if (
            next(node.iter(SDT, FLDCHAR), None) is not None
            or text.endswith((":", "?"))
            or context.is_label(text)
            or all_bold(node)
            or all_italic(node)
            or _styled(node)
            or (context.printed_texts is not None and normalise(text) in context.printed_texts)
        ):
            break
        texts.append(text)
        paragraphs.append(node)
        node = node.getnext()
    return "\n".join(texts), paragraphs


def _styled(paragraph: Element) -> bool:
    """A paragraph styled as a heading or a title: printed, not typed."""
    properties = first_child(paragraph, PPR)
    style = first_child(properties, w("pStyle")) if properties is not None else None
    name = (style.get(w("val")) or "").casefold() if style is not None else ""
    return "heading" in name or "title" in name


class ControlSlot(Slot):
    def __init__(
        self,
        controls: Sequence[ContentControl],
        location: str,
        context: BoxContext | None = None,
    ) -> None:
        super().__init__()
        self.controls = list(controls)
        self.location = location
        self.context = context
        self.boxes: list[Element] = []

    def covers(self) -> list[Element]:
        return [c.element for c in self.controls] + self.boxes

    def read(self) -> FormValue:
        # A copy formatted as hidden text is not what the form shows: the visible ones are
        # read, and the report says a hidden one was there (it may hold another value).
        # (one control is read whether hidden or not: nothing to choose between)
        visible = (
            self.controls
            if len(self.controls) == 1
            else [c for c in self.controls if not is_hidden(c)]
        )
        shown = visible or self.controls
        values: list[FormValue] = []
        for control in shown:
            value, box, notes = self._read_one(control)
            if box is not None:
                self.boxes.append(box)
            self.notes.extend(notes)
            if (value is None or value == "") and self.context is not None:
                under, paragraphs = typed_under(control, self.context)
                if under:
                    value = under
                    self.boxes.extend(paragraphs)
                    self.notes.append(
                        "text typed under the content control, outside it: read with it"
                    )
            values.append(value)
        present = [v for v in values if v is not None and v != ""]
        if len({str(v) for v in present}) > 1:
            self.notes.append(f"{len(shown)} copies of this control disagree; first used")
        hidden = len(self.controls) - len(visible)
        if hidden and visible:
            concealed = {
                str(value)
                for c in self.controls
                if is_hidden(c) and (value := c.value()) is not None and value != ""
            }
            differs = bool(concealed - {str(v) for v in present})
            self.notes.append(
                f"{hidden} hidden copy(ies) of this control (text formatted as hidden in Word) "
                "ignored; the visible one was read"
                + ("; the hidden copy holds a different value" if differs else "")
            )
        return present[0] if present else None

    def _read_one(self, control: ContentControl) -> tuple[FormValue, Element | None, list[str]]:
        """One control read with its box: the value, the box, the notes. While a document is
        only read, once per control and context (``ReadingMemo.control_readings``): a field
        whose control is empty reads the same control again through a fallback label's
        cell."""
        memo = reading_memo()
        if memo is None:
            return self._read_box(control)
        found = memo.box_readings.get(control.element)
        if found is not None and found[0] is self.context:
            known: tuple[FormValue, Element | None, list[str]] = found[1]
            return known
        reading = self._read_box(control)
        memo.box_readings[control.element] = (self.context, reading)
        return reading

    def _read_box(self, control: ContentControl) -> tuple[FormValue, Element | None, list[str]]:
        notes: list[str] = []
        own = self._unglued(control, notes)
        value, box = _with_box(
            control.element, own, control.kind, (control.tag, control.alias), self.context
        )
        if value != own:
            notes.append("text typed in the answer box outside the content control: read with it")
        return value, box, notes

    def _unglued(self, control: ContentControl, notes: list[str]) -> FormValue:
        """The control's value, with the line breaks a LibreOffice re-save moved out of a
        plain-text control put back where the lines were plainly glued."""
        value = control.value()
        if (
            self.context is None
            or not self.context.resaved_by_libreoffice
            or control.kind != "text"
            or not isinstance(value, str)
        ):
            return value
        moved = displaced_breaks(control.element)
        restored, placed = restore_breaks(value, moved)
        if placed:
            notes.append(
                f"line breaks put back after a re-save by LibreOffice ({placed} of {moved})"
            )
        elif moved and value.count("\n") == 0 and len(value) > 80:
            notes.append(
                "a re-save by LibreOffice moved this box's line breaks out of it; "
                "check where its lines end"
            )
        return restored

    def write(self, value: FormValue, where: Where) -> None:
        for control in self.controls:
            write_control(control, value, where)


def write_control(control: ContentControl, value: FormValue, where: Where) -> None:
    control.unbind()
    kind = control.kind
    if kind == "checkbox":
        control.set_checked(truthy(value, where))
        return
    text = expect_text(value, where)
    if kind in ("dropDownList", "comboBox") and text:
        items = control.list_items()
        wanted = text.casefold()
        for display, item_value in items:
            if wanted in (display.casefold(), item_value.casefold()):
                text = display
                control.set_last_value(item_value)
                break
        else:
            if kind == "dropDownList" and items:
                raise where.error("the value is not one of the dropdown's items")
        control.set_text(text)
        return
    control.set_text(text)


class LegacySlot(Slot):
    def __init__(
        self, fields: Sequence[LegacyField], location: str, context: BoxContext | None = None
    ) -> None:
        super().__init__()
        self.fields = list(fields)
        self.location = location
        self.context = context
        self.boxes: list[Element] = []

    def covers(self) -> list[Element]:
        return [f.begin for f in self.fields] + self.boxes

    def read(self) -> FormValue:
        for legacy in self.fields:
            value, box, notes = self._read_one(legacy)
            if box is not None:
                self.boxes.append(box)
            self.notes.extend(notes)
            if value is not None:
                return value
        return None

    def _read_one(self, legacy: LegacyField) -> tuple[FormValue, Element | None, list[str]]:
        """One field read with its box, once per reading and context (as
        ``ControlSlot._read_one``)."""
        memo = reading_memo()
        if memo is None:
            return self._read_box(legacy)
        found = memo.box_readings.get(legacy.begin)
        if found is not None and found[0] is self.context:
            known: tuple[FormValue, Element | None, list[str]] = found[1]
            return known
        reading = self._read_box(legacy)
        memo.box_readings[legacy.begin] = (self.context, reading)
        return reading

    def _read_box(self, legacy: LegacyField) -> tuple[FormValue, Element | None, list[str]]:
        own = legacy.value()
        kind = {"text": "text", "dropdown": "dropDownList"}.get(legacy.kind, legacy.kind)
        value, box = _with_box(legacy.begin, own, kind, (legacy.name,), self.context)
        if value != own:
            return value, box, ["text typed in the answer box outside the form field: read with it"]
        return value, box, []

    def write(self, value: FormValue, where: Where) -> None:
        for legacy in self.fields:
            write_legacy(legacy, value, where)


def write_legacy(legacy: LegacyField, value: FormValue, where: Where) -> None:
    if legacy.kind == "checkbox":
        legacy.set_checked(truthy(value, where))
        return
    text = expect_text(value, where)
    if legacy.kind == "dropdown":
        entries = [e.casefold() for e in legacy.entries()]
        if text.casefold() not in entries:
            raise where.error("the value is not one of the dropdown field's entries")
        legacy.set_selected(entries.index(text.casefold()))
        return
    legacy.set_text(text)


# --- regions: a cell, a block control's content ------------------------------------------


class RegionSlot(Slot):
    """A box region (a table cell): its own control or legacy field if it has one, else text."""

    def __init__(
        self,
        container: Element,
        location: str,
        controls: Sequence[ContentControl] | None = None,
        legacy: Sequence[LegacyField] | None = None,
    ) -> None:
        super().__init__()
        self.container = container
        self.location = location
        if controls is None:
            controls = [control_at(node) for node in container.iter(SDT)]
        if legacy is None:
            legacy = find_legacy_fields(container)
        self.controls = [c for c in controls if c.kind != "checkbox"]
        self.legacy = [f for f in legacy if f.kind in ("text", "dropdown")]
        #: set while reading: what is typed around the box's one field is part of its value
        self.context: BoxContext | None = None
        #: a box that holds nothing but one checkbox (an "Attended" column) reads as a bool
        self.mark: Mark | None = None
        #: a box of labelled checkboxes (``☐ S20  ☒ Full Care Order``) reads as the label of
        #: the ticked one: a text or choice field's answer given by ticking
        self.choices: list[tuple[str, Mark]] = []
        # most boxes hold text only: not worth tokenising
        if not self.controls and not self.legacy and may_hold_marks(container):
            self.mark = sole_mark(container, legacy)
            if self.mark is None:
                self.choices = labelled_boxes(container, legacy)
            if self.mark is None and not self.choices:
                # one box with a word beside it ("☒ came", "☐ attended"): for a yes/no
                # field, the box's state (a text field clears this and reads the text)
                self.mark = labelled_mark(container, legacy)

    def covers(self) -> list[Element]:
        controls = [c.element for c in self.controls]
        marks = [self.mark.element()] if self.mark is not None else []
        marks += [mark.element() for _, mark in self.choices]
        return [self.container, *controls, *(f.begin for f in self.legacy), *marks]

    def read(self) -> FormValue:
        if self.mark is not None:
            return self.mark.checked()
        if self.controls:
            return self._through(ControlSlot(self.controls[:1], self.location, self.context))
        if self.legacy:
            return self._through(LegacySlot(self.legacy[:1], self.location, self.context))
        if self.choices:
            ticked = [label for label, mark in self.choices if mark.checked()]
            return ", ".join(ticked) or None
        return read_text_box(self.container)

    def _through(self, slot: ControlSlot | LegacySlot) -> FormValue:
        value = slot.read()
        self.notes.extend(slot.notes)
        return value

    def write(self, value: FormValue, where: Where) -> None:
        if self.mark is not None:
            self.mark.set(truthy(value, where))
        elif self.controls:
            write_control(self.controls[0], value, where)
        elif self.legacy:
            write_legacy(self.legacy[0], value, where)
        elif self.choices:
            wanted = {normalise(part) for part in expect_text(value, where).split(",")}
            wanted.discard("")
            known = {normalise(label) for label, _ in self.choices}
            if not wanted <= known:
                raise where.error("the value is not one of the labels of the box's checkboxes")
            for label, mark in self.choices:
                mark.set(normalise(label) in wanted)
        else:
            write_block(self.container, expect_text(value, where))


def read_text_box(container: Element) -> str | None:
    """A box holding text only, as a person reads it: a "circle one" box (``YES / NO`` with
    one option marked) gives the marked option, or nothing when none is marked."""
    text = clean_value(block_text(container))
    if text and may_be_circled(text):
        circled = circled_option(container)
        if circled is not None:
            return circled.answer
    return text or None


def labelled_boxes(container: Element, legacy: Sequence[LegacyField]) -> list[tuple[str, Mark]]:
    """(label, box) for a box region holding two or more labelled checkboxes, else []."""
    by_begin = {f.begin: f for f in legacy}
    pairs: list[tuple[str, Mark]] = []
    paragraphs = [container] if container.tag == P else list(container.iter(P))
    if not may_hold_marks(container):
        return []  # most boxes: text only, not worth tokenising
    for paragraph in paragraphs:
        pairs.extend(labelled_marks(paragraph_tokens(paragraph, by_begin)))
    labelled = [(" ".join(text.split()), mark) for text, mark in pairs]
    if len(labelled) < 2 or not all(label for label, _ in labelled):
        return []
    return labelled


#: Words beside a lone box that say what ticking it means (never "no": a ticked "No" is a no).
_SINGLE_BOX_LABEL_MAX = 30


def labelled_mark(container: Element, legacy: Sequence[LegacyField]) -> Mark | None:
    """The one checkbox of a box that holds it and a short word or two beside it (``☒
    came``), unless the words say no (``☒ No`` is a no, not a yes)."""
    by_begin = {f.begin: f for f in legacy}
    paragraphs = [container] if container.tag == P else list(container.iter(P))
    marks: list[Mark] = []
    words: list[str] = []
    for paragraph in paragraphs:
        for token in paragraph_tokens(paragraph, by_begin):
            if isinstance(token, Mark):
                marks.append(token)
            elif token.strip():
                words.append(token.strip())
    text = " ".join(words)
    if len(marks) != 1 or not text or len(text) > _SINGLE_BOX_LABEL_MAX:
        return None
    if normalise(text).strip(" .") in ("no", "n", "not", "none", "false"):
        return None
    return marks[0]


def sole_mark(container: Element, legacy: Sequence[LegacyField]) -> Mark | None:
    """The one checkbox a box holds when it holds nothing else."""
    paragraphs = [container] if container.tag == P else list(container.iter(P))
    if not may_hold_marks(container):
        return None  # most boxes: text only, not worth tokenising
    by_begin = {f.begin: f for f in legacy}
    marks: list[Mark] = []
    for paragraph in paragraphs:
        for token in paragraph_tokens(paragraph, by_begin):
            if isinstance(token, Mark):
                marks.append(token)
            elif token.strip():
                return None
    return marks[0] if len(marks) == 1 else None


#: A label after a tab later on the line (``<tab>Date:``), not a time (``<tab>10:30``): the
#: answer before it ends there, whether or not the form's mapping knows that label.
_TABBED_LABEL = re.compile(
    r"(?:\t\s*[^\s\d:]|[ \u00a0]{3,}[A-Z])[^\t\n:]{0,39}:(?!\d)"
)


class AfterLabelSlot(Slot):
    """The text after ``Label:`` in a paragraph, up to the next label of the form on the same
    line (``Name: Ava    Date of birth: 03/09/2015``) or the paragraph's end."""

    def __init__(
        self,
        paragraph: Element,
        label: re.Pattern[str],
        location: str,
        next_label: re.Pattern[str] | None = None,
    ) -> None:
        """``next_label``: any other label of the form as it appears later in a line."""
        super().__init__()
        self.paragraph = paragraph
        self.label = label
        self.next_label = next_label
        self.location = location
        self.label_end, self.value_end = self._span(self._text())
        controls, legacy = self._fields_in_range()
        self.region = RegionSlot(paragraph, location, controls, legacy)
        self.region.mark = None

    def _fields_in_range(self) -> tuple[list[ContentControl], list[LegacyField]]:
        """Controls and legacy fields after the label (and before the next label)."""
        order = {node: number for number, node in enumerate(self.paragraph.iter())}
        nodes = _text_nodes(self.paragraph)
        offset = 0
        after = -1
        before = len(order) + 1
        for node, piece in nodes:
            if offset < self.label_end <= offset + len(piece):
                after = order.get(node, after)
            if self.value_end is not None and offset <= self.value_end < offset + len(piece):
                before = min(before, order.get(node, before))
            offset += len(piece)
        controls = [
            control_at(sdt) for sdt in self.paragraph.iter(SDT) if after < order[sdt] < before
        ]
        legacy = [f for f in find_legacy_fields(self.paragraph) if after < order[f.begin] < before]
        return controls, legacy

    def _span(self, text: str) -> tuple[int, int | None]:
        """Where the answer is in the paragraph's text now: after the label, up to the next
        label. Found again at each use, as filling one answer moves the next."""
        match = self.label.search(text)
        start = match.end() if match else len(text)
        following = self.next_label.search(text, start) if self.next_label else None
        tabbed = _TABBED_LABEL.search(text, start)
        if tabbed is not None and (following is None or tabbed.start() < following.start()):
            # "Completed by: Ava Pike<tab>Date: 24.10.2025", or three spaces before "Date:"
            return start, tabbed.start()
        return start, following.start() if following else None

    def covers(self) -> list[Element]:
        return [self.paragraph, *self.region.covers()[1:]]

    def _text(self) -> str:
        return "".join(piece for _, piece in _text_nodes(self.paragraph))

    def read(self) -> FormValue:
        if self.region.controls or self.region.legacy:
            return self.region.read()
        text = self._text()
        start, end = self._span(text)
        answer = clean_value(without_leaders(text[start:end])) or None
        if answer and end is None and may_be_circled(answer):
            # "Term: Autumn / Spring / Summer (circle)": the option marked is the answer
            # (the label's length as the runs' text counts it: tabs and breaks are no text)
            before = text[:start].replace("\t", "").replace("\n", "")
            circled = circled_option(self.paragraph, skip=len(before))
            if circled is not None:
                return circled.answer
        return answer

    def write(self, value: FormValue, where: Where) -> None:
        if self.region.controls or self.region.legacy:
            self.region.write(value, where)
            return
        text = expect_text(value, where)
        full = self._text()
        start, value_end = self._span(full)
        end = len(full) if value_end is None else value_end
        old = full[start:end]
        # keep the gap before the next label (a tab or spaces) so the line still reads
        trailing = old[len(old.rstrip()) :] if value_end is not None else ""
        if value_end is not None and not trailing:
            trailing = " "
        cut_run: Element | None = None
        value_rpr: Element | None = None
        offset = 0
        for node, piece in _text_nodes(self.paragraph):
            run = node.getparent()
            low, high = offset, offset + len(piece)
            offset = high
            if high <= start:
                cut_run = run
                continue
            if low >= end or run is None:
                continue
            if value_rpr is None and piece[max(start - low, 0) : end - low].strip():
                value_rpr = run_properties(run)
            if node.tag != T:
                run.remove(node)
                continue
            head = piece[: max(start - low, 0)]
            tail = piece[end - low :] if high > end else ""
            if head:
                cut_run = run
            if head and tail:
                # label, answer and the next label share one w:t: split the run after it
                node.text = head
                rest = etree.Element(R)
                properties = first_child(run, w("rPr"))
                if properties is not None:
                    rest.append(copy.deepcopy(properties))
                moved = etree.SubElement(rest, T)
                moved.text = tail
                moved.set(XML_SPACE, "preserve")
                for sibling in list(node.itersiblings()):
                    rest.append(sibling)
                run.addnext(rest)
            elif head or tail:
                node.text = head or tail
                node.set(XML_SPACE, "preserve")
            else:
                run.remove(node)
        if value_rpr is None and cut_run is not None:
            value_rpr = run_properties(cut_run)
            if value_rpr is not None:
                # the label is often bold; the answer is not
                for name in ("b", "bCs"):
                    bold = first_child(value_rpr, w(name))
                    if bold is not None:
                        value_rpr.remove(bold)
        prefix = full[:start]
        spacer = "" if not prefix or prefix[-1].isspace() else " "
        run = make_run(value_rpr, spacer + text + trailing)
        if cut_run is not None:
            cut_run.addnext(run)
        else:
            self.paragraph.append(run)


#: A dotted leader printed after a label for the answer to be written on (``PEP date
#: ………………``), and what is left of one that an answer was typed over or after.
_LEADERS = re.compile(
    # before the answer: three dots or more (or an ellipsis character); after it, only a
    # leader proper (five or more), so that an answer's own "..." is kept
    r"^[\s.\u2026_]*(?:[.\u2026_]{3,}|\u2026)[\s.\u2026_]*"
    r"|\s*(?:(?:[._]\s*){5,}|\u2026[\s.\u2026_]*\u2026[\s.\u2026_]*)$"
)


def without_leaders(text: str) -> str:
    """The answer on a line with its dotted (or underscored) leader removed: leaders before
    it, and leaders after it that reach the line's end; a line of leaders alone is empty."""
    return (
        _LEADERS.sub("", text.strip())
        if ("..." in text or "\u2026" in text or "___" in text)
        else text
    )


def _text_nodes(paragraph: Element) -> list[tuple[Element, str]]:
    """(element, visible text) for each text-bearing node of a paragraph in reading order,
    in the accepted view of tracked changes (as ``paragraph_text`` reads it)."""
    out: list[tuple[Element, str]] = []

    def walk(element: Element) -> None:
        for node in element:
            tag = node.tag
            if not isinstance(tag, str):
                continue
            if tag in (w("del"), w("moveFrom"), PPR, w("rPr"), w("sdtPr")):
                continue
            if tag == SDT:
                if not showing_placeholder(node):
                    content = first_child(node, SDTCONTENT)
                    if content is not None:
                        walk(content)
                continue
            if tag == R:
                for piece in node:
                    if piece.tag == T:
                        out.append((piece, piece.text or ""))
                    elif piece.tag == TAB:
                        out.append((piece, "\t"))
                    elif piece.tag in (BR, w("cr")):
                        out.append((piece, "\n"))
                continue
            if tag in (w("drawing"), w("pict")) or tag.endswith("AlternateContent"):
                continue
            walk(node)

    walk(paragraph)
    return out


class BookmarkSlot(Slot):
    """The runs between a ``bookmarkStart`` and its ``bookmarkEnd`` in one paragraph."""

    def __init__(self, start: Element, end: Element, location: str) -> None:
        super().__init__()
        self.start = start
        self.end = end
        self.location = location

    def _between(self) -> list[Element]:
        nodes = []
        for node in self.start.itersiblings():
            if node is self.end:
                break
            nodes.append(node)
        return nodes

    def read(self) -> FormValue:
        holder = etree.Element(P)
        holder.extend(copy.deepcopy(self._between()))
        return clean_value(block_text(holder)) or None

    def write(self, value: FormValue, where: Where) -> None:
        text = expect_text(value, where)
        between = self._between()
        first_run = next((n for n in between if n.tag == R), None)
        rpr = run_properties(first_run)
        parent = self.start.getparent()
        for node in between:
            if parent is not None and node.tag in (R, w("ins"), w("hyperlink"), w("smartTag")):
                parent.remove(node)
        self.start.addnext(make_run(rpr, text))


# --- checkboxes ---------------------------------------------------------------------------


class MarkSlot(Slot):
    def __init__(self, mark: Mark, location: str) -> None:
        super().__init__()
        self.mark = mark
        self.location = location

    def covers(self) -> list[Element]:
        return [self.mark.element()]

    def read(self) -> FormValue:
        return self.mark.checked()

    def write(self, value: FormValue, where: Where) -> None:
        self.mark.set(truthy(value, where))


class GroupSlot(Slot):
    """A group of boxes, one per option; the value is the list of ticked option keys (as the
    transforms' ``keys`` output writes it), None when nothing is ticked."""

    def __init__(
        self, marks: Mapping[str, Mark], labels: Mapping[str, str], location: str, multiple: bool
    ) -> None:
        super().__init__()
        self.marks = dict(marks)
        self.labels = dict(labels)
        self.location = location
        self.multiple = multiple

    def covers(self) -> list[Element]:
        return [mark.element() for mark in self.marks.values()]

    def read(self) -> FormValue:
        ticked = [key for key, mark in self.marks.items() if mark.checked()]
        if len(ticked) > 1 and not self.multiple:
            self.notes.append("several boxes ticked")
        return ticked or None

    def write(self, value: FormValue, where: Where) -> None:
        if isinstance(value, bool) or not isinstance(value, (str, list)):
            raise where.error("a checkbox group takes an option key or a list of keys")
        chosen = [value] if isinstance(value, str) else value
        keys: set[str] = set()
        for item in chosen:
            if not isinstance(item, str):
                raise where.error("a checkbox group takes an option key or a list of keys")
            key = self._key_for(item)
            if key is None:
                raise where.error("the value is not one of the group's options")
            keys.add(key)
        for key in self.labels:
            if key not in self.marks:
                raise where.error(f"option {key!r} has no checkbox in the template")
        for key, mark in self.marks.items():
            mark.set(key in keys)

    def _key_for(self, item: str) -> str | None:
        if item in self.labels:
            return item
        wanted = normalise(item)
        for key, label in self.labels.items():
            if normalise(label) == wanted or normalise(key) == wanted:
                return key
        return None


__all__ = [
    "AfterLabelSlot",
    "BoxContext",
    "ControlSlot",
    "GroupSlot",
    "LegacySlot",
    "MarkSlot",
    "RegionSlot",
    "Slot",
    "Where",
]
