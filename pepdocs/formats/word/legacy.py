"""Legacy form fields: FORMTEXT, FORMCHECKBOX, FORMDROPDOWN (ECMA-376 17.16.17-17.16.31).

A field is a run sequence ``fldChar begin`` (carrying ``w:ffData``) -> ``instrText`` ->
``fldChar separate`` -> result runs -> ``fldChar end``. Fields can nest, so state is tracked
per ``fldChar`` on a stack rather than by skipping whole runs. The visible value of a text
field is its result runs (five en-spaces U+2002 when empty); a checkbox's state lives only in
``ffData`` (``w:checked`` else ``w:default``); a dropdown's is ``ddList/w:result``, a 0-based
index into ``listEntry``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from lxml import etree

from pepdocs.formats.word._xml import (
    BOOKMARK_START,
    DEL,
    FLDCHAR,
    INSTRTEXT,
    MOVE_FROM,
    Element,
    P,
    R,
    append_text,
    child,
    first_child,
    on_off,
    run_properties,
    w,
)
from pepdocs.formats.word.text import clean_value

LegacyKind = Literal["text", "checkbox", "dropdown", "other"]

#: field code keyword, ffData child and kind (17.16.24 FORMTEXT, 17.16.22 FORMCHECKBOX,
#: 17.16.23 FORMDROPDOWN); ffData decides when the instruction text is unusual
_KINDS: tuple[tuple[str, str, LegacyKind], ...] = (
    ("FORMTEXT", "textInput", "text"),
    ("FORMCHECKBOX", "checkBox", "checkbox"),
    ("FORMDROPDOWN", "ddList", "dropdown"),
)

EMPTY_TEXT_RESULT = "\u2002" * 5  # what Word shows in an empty FORMTEXT


@dataclass(eq=False)
class LegacyField:
    """One complete field. Its ffData, name and kind are read once: filling changes a
    field's state and result, never those."""

    begin: Element  # the run holding fldChar begin
    instruction: str = ""
    separate: Element | None = None
    end: Element | None = None
    result_runs: list[Element] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    order: int = 0  # position of the begin run among all begins: fields close inner-first

    @cached_property
    def ff_data(self) -> Element | None:
        char = first_child(self.begin, FLDCHAR)
        return None if char is None else first_child(char, w("ffData"))

    @cached_property
    def name(self) -> str:
        data = self.ff_data
        node = None if data is None else first_child(data, w("name"))
        return (node.get(w("val")) if node is not None else None) or ""

    @property
    def names(self) -> list[str]:
        return [n for n in (self.name, *self.bookmarks) if n]

    @cached_property
    def kind(self) -> LegacyKind:
        code = self.instruction.strip().upper()
        data = self.ff_data
        for keyword, marker, kind in _KINDS:
            if code.startswith(keyword) or (
                data is not None and first_child(data, w(marker)) is not None
            ):
                return kind
        return "other"

    # --- reading -------------------------------------------------------------------------

    def result_text(self) -> str:
        out: list[str] = []
        for run in self.result_runs:
            for node in run:
                if node.tag == w("t"):
                    out.append(node.text or "")
                elif node.tag == w("tab"):
                    out.append("\t")
                elif node.tag in (w("br"), w("cr")):
                    out.append("\n")
        return "".join(out)

    def checked(self) -> bool:
        data = self.ff_data
        box = None if data is None else child(data, w("checkBox"))
        if box is None:
            return False
        state = first_child(box, w("checked"))
        if state is not None:
            return on_off(state)
        return on_off(first_child(box, w("default")))

    def entries(self) -> list[str]:
        data = self.ff_data
        listing = None if data is None else first_child(data, w("ddList"))
        if listing is None:
            return []
        return [e.get(w("val")) or "" for e in listing.findall(w("listEntry"))]

    def selected_index(self) -> int:
        data = self.ff_data
        listing = None if data is None else first_child(data, w("ddList"))
        if listing is None:
            return 0
        for name in ("result", "default"):
            node = first_child(listing, w(name))
            if node is not None:
                try:
                    return int(node.get(w("val")) or "0")
                except ValueError:
                    return 0
        return 0

    def default_text(self) -> str:
        """A text field's default text (``textInput/w:default``): what the form shows
        before anyone types ("Enter text", "DD/MM/YYYY")."""
        data = self.ff_data
        box = None if data is None else first_child(data, w("textInput"))
        node = None if box is None else first_child(box, w("default"))
        return (node.get(w("val")) if node is not None else None) or ""

    def shows_default(self) -> bool:
        """The text field still shows its default text: nobody typed in it."""
        default = clean_value(self.default_text())
        return bool(default) and clean_value(self.result_text()) == default

    def value(self) -> str | bool | None:
        if self.kind == "checkbox":
            return self.checked()
        if self.kind == "dropdown":
            entries = self.entries()
            index = self.selected_index()
            return entries[index] if 0 <= index < len(entries) and entries[index].strip() else None
        if self.shows_default():
            return None  # the form's prompt, not an answer
        return clean_value(self.result_text()) or None

    # --- writing -------------------------------------------------------------------------

    def set_checked(self, checked: bool) -> None:
        data = self.ff_data
        box = None if data is None else first_child(data, w("checkBox"))
        if box is None:
            return
        state = first_child(box, w("checked"))
        if state is None:
            state = etree.SubElement(box, w("checked"))
        state.set(w("val"), "1" if checked else "0")

    def set_selected(self, index: int) -> None:
        data = self.ff_data
        listing = None if data is None else first_child(data, w("ddList"))
        if listing is None:
            return
        node = first_child(listing, w("result"))
        if node is None:
            node = etree.Element(w("result"))
            listing.insert(0, node)
        node.set(w("val"), str(index))
        if self.result_runs:
            self.set_text(self.entries()[index])

    def set_text(self, text: str) -> None:
        """Write the result runs: the first result run keeps its formatting and takes the
        text; the others go. ``maxLength`` is not applied: Word enforces it only while typing,
        and cutting a child's data short silently would be worse than a long box."""
        template_run = self.result_runs[0] if self.result_runs else self.begin
        rpr = run_properties(template_run)
        for run in self.result_runs:
            parent = run.getparent()
            if parent is not None:
                parent.remove(run)
        run = etree.Element(R)
        if rpr is not None:
            run.append(rpr)
        append_text(run, text or EMPTY_TEXT_RESULT)
        if self.separate is None:
            # A field with no result part: add ``separate`` before ``end`` so Word shows it.
            if self.end is None:
                return
            separate = etree.Element(R)
            char = etree.SubElement(separate, FLDCHAR)
            char.set(w("fldCharType"), "separate")
            self.end.addprevious(separate)
            self.separate = separate
        self.separate.addnext(run)
        self.result_runs = [run]


def find_legacy_fields(root: Element) -> list[LegacyField]:
    """Every complete field in document order (form fields and others, e.g. PAGE), with its
    result runs; runs inside deletions are not part of the accepted document and are skipped."""
    # the runs holding a fldChar: outside a field, no other run needs looking at
    field_runs = {char.getparent() for char in root.iter(FLDCHAR)}
    if not field_runs:
        return []  # most cells and paragraphs: spare the run-by-run walk below
    fields: list[LegacyField] = []
    stack: list[tuple[LegacyField, str]] = []  # (field, phase: "code" | "result")
    count = 0
    for run in root.iter(R):
        if not stack and run not in field_runs:
            continue
        if _deleted(run):
            continue
        char = instruction = None
        for node in run:  # one look at the run's children (w:rPr usually comes first)
            tag = node.tag
            if tag == FLDCHAR:
                char = node
                break
            if tag == INSTRTEXT and instruction is None:
                instruction = node
        if char is not None:
            kind = char.get(w("fldCharType"))
            if kind == "begin":
                begun = LegacyField(begin=run, bookmarks=_bookmarks_before(run), order=count)
                count += 1
                stack.append((begun, "code"))
            elif kind == "separate" and stack:
                current, _ = stack.pop()
                current.separate = run
                stack.append((current, "result"))
            elif kind == "end" and stack:
                current, _ = stack.pop()
                current.end = run
                fields.append(current)
            continue
        if not stack:
            continue
        current, phase = stack[-1]
        if phase == "code":
            if instruction is not None:
                current.instruction += instruction.text or ""
            continue
        # A result run belongs to every enclosing field that is showing its result.
        for enclosing, enclosing_phase in stack:
            if enclosing_phase == "result":
                enclosing.result_runs.append(run)
    fields.sort(key=lambda f: f.order)
    return fields


def _deleted(run: Element) -> bool:
    parent = run.getparent()
    while parent is not None and parent.tag != P:
        if parent.tag in (DEL, MOVE_FROM):
            return True
        parent = parent.getparent()
    return False


def _bookmarks_before(run: Element) -> list[str]:
    """Bookmark names right before a field's begin run: Word mirrors ``ffData/w:name`` as a
    bookmark around the field, and some templates only carry the bookmark."""
    names: list[str] = []
    node = run.getprevious()
    while node is not None and node.tag in (BOOKMARK_START, w("bookmarkEnd"), w("proofErr")):
        if node.tag == BOOKMARK_START and node.get(w("name")):
            names.append(node.get(w("name")) or "")
        node = node.getprevious()
    return names


def match_legacy(fields: list[LegacyField], key: str) -> list[LegacyField]:
    return [f for f in fields if f.kind != "other" and key in f.names]
