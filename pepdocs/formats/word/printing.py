"""The copy of a filled Word form that goes to the printer (LibreOffice, for ``--pdf``).

Word shows an empty content control's prompt ("Click or tap here to enter text.", "Choose an
item.") in grey, in the Placeholder Text style, and prints it: hiding prompts on paper is not
a Word feature, and LibreOffice draws them in black. A printed or PDF PEP full of prompts
reads as a form nobody finished, so the copy made for printing blanks them: every control
showing its placeholder (``w:showingPlcHdr``, ECMA-376 17.5.2.39), every run in the
``PlaceholderText`` style and every stock prompt left as plain text in a control (a re-save
by another editor drops the flag but keeps the words). The boxes keep their size and borders.

Long email addresses and web addresses get a zero-width space (U+200B) after each ``@``,
``.`` and ``/`` in the copy, so a narrow cell wraps them at those points rather than in the
middle of a word. The ``.docx`` itself is left as Word shows it: an address copied from the
form must still work.
"""

from __future__ import annotations

import re

from pepdocs.formats.addresses import ZERO_WIDTH_SPACE, breakable, may_hold_address
from pepdocs.formats.word._xml import RPR, SDT, SDTCONTENT, Element, R, T, first_child, w
from pepdocs.formats.word.package import DOCUMENT_PART, WordPackage, serialise
from pepdocs.formats.word.text import block_text, is_placeholder, showing_placeholder

__all__ = ["ZERO_WIDTH_SPACE", "print_copy"]

_RSTYLE = w("rStyle")
_VAL = w("val")
_PLACEHOLDER_STYLE = "PlaceholderText"
_PRINTED_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


def print_copy(data: bytes, name: str) -> bytes:
    """``data`` (a filled .docx) with every prompt blanked and addresses made breakable;
    parts with nothing to change are kept byte for byte."""
    package = WordPackage.open(data, name)
    changed: dict[str, bytes] = {}
    for part in package.zip.names():
        if not _PRINTED_PARTS.match(part):
            continue
        root = package.document() if part == DOCUMENT_PART else package.part(part)
        if root is not None and _blank_prompts(root) | _breakable_addresses(root):
            changed[part] = serialise(root)
    if not changed:
        return data
    return package.prepared(tuple(changed)).write(changed)


def _blank(container: Element) -> bool:
    """The text of every run in ``container`` emptied (runs kept, so the box keeps its
    height); True if there was text."""
    found = False
    for text in container.iter(T):
        if text.text:
            text.text = ""
            found = True
    return found


def _placeholder_styled(run: Element) -> bool:
    properties = first_child(run, RPR)
    style = first_child(properties, _RSTYLE) if properties is not None else None
    return style is not None and style.get(_VAL) == _PLACEHOLDER_STYLE


def _blank_prompts(root: Element) -> bool:
    changed = False
    for sdt in list(root.iter(SDT)):
        content = first_child(sdt, SDTCONTENT)
        if content is None:
            continue
        if showing_placeholder(sdt) or is_placeholder(block_text(content).strip()):
            changed |= _blank(content)
    for run in root.iter(R):
        if _placeholder_styled(run):
            changed |= _blank(run)
    return changed


def _breakable_addresses(root: Element) -> bool:
    changed = False
    for text in root.iter(T):
        value = text.text
        if not value or not may_hold_address(value):
            continue
        broken = breakable(value)
        if broken != value:
            text.text = broken
            changed = True
    return changed
