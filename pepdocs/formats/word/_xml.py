"""WordprocessingML names and the few element helpers every module of the engine shares.

Constants name the spec they come from: ECMA-376 Part 1 (``w:``), [MS-DOCX] (``w14:``) and
ECMA-376 Part 3 markup compatibility (``mc:``).
"""

from __future__ import annotations

import copy
import re

from lxml import etree
from lxml.etree import _Element as Element

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"

__all__ = ["Element"]


def w(name: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{name}"


def w14(name: str) -> str:
    return f"{{{W14_NS}}}{name}"


# Element names used across modules (ECMA-376 Part 1, 17.x).
BODY = w("body")
P = w("p")
R = w("r")
T = w("t")
TAB = w("tab")
BR = w("br")
CR = w("cr")
SYM = w("sym")
RPR = w("rPr")
PPR = w("pPr")
TBL = w("tbl")
TR = w("tr")
TC = w("tc")
TCPR = w("tcPr")
SDT = w("sdt")
SDTPR = w("sdtPr")
SDTCONTENT = w("sdtContent")
FLDCHAR = w("fldChar")
INSTRTEXT = w("instrText")
DELTEXT = w("delText")
INS = w("ins")
DEL = w("del")
MOVE_FROM = w("moveFrom")
MOVE_TO = w("moveTo")
BOOKMARK_START = w("bookmarkStart")
SECTPR = w("sectPr")
VAL = w("val")
ALTERNATE_CONTENT = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
XML_SPACE = f"{{{XML_NS}}}space"

#: Characters XML 1.0 forbids in text (tab, newline and carriage return are allowed; \r is
#: normalised to \n before this runs). python-docx raises on them; we drop them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_for_xml(text: str) -> str:
    """Text safe to put in a ``w:t``: line endings as ``\\n``, XML-illegal characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_ILLEGAL.sub("", text)


def on_off(element: Element | None, default: bool = True) -> bool:
    """Read an ``ST_OnOff`` toggle (17.17.4): a bare element is true; on/1/true are true."""
    if element is None:
        return False
    value = element.get(VAL)
    if value is None:
        return default
    return value.strip().lower() in ("1", "on", "true")


def first_child(element: Element, tag: str) -> Element | None:
    """``element.find(tag)`` for one Clark name. lxml's ``find`` goes through ElementPath
    in Python on every call; the engine asks for ``w:pPr``, ``w:tcPr``, ``w:sdtPr``... on
    every paragraph, cell and control, and those come first where present (the schema
    puts properties first), so the first child is checked before libxml2 looks further
    (``element[0]`` costs half a one-child iterator; ``len`` would count every child)."""
    try:
        node = element[0]
    except IndexError:
        return None
    if node.tag == tag:
        return node
    for node in element.iterchildren(tag):
        return node
    return None


def child(element: Element, *path: str) -> Element | None:
    """The first element along ``path`` of direct children, or None."""
    current: Element | None = element
    for name in path:
        if current is None:
            return None
        current = first_child(current, name)
    return current


def make_run(rpr: Element | None, text: str) -> Element:
    """A new ``w:r`` carrying a copy of ``rpr`` and ``text`` (tabs and line breaks as elements).

    Multi-line text becomes one run with ``w:br`` between lines: one paragraph keeps the
    box's paragraph formatting, and the reader turns ``w:br`` back into ``\\n`` exactly.
    """
    run = etree.Element(R)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    append_text(run, text)
    return run


def append_text(run: Element, text: str) -> None:
    """Append ``text`` to a run as ``w:t``/``w:tab``/``w:br`` children."""
    for number, line in enumerate(text.split("\n")):
        if number:
            etree.SubElement(run, BR)
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                etree.SubElement(run, TAB)
            if piece:
                node = etree.SubElement(run, T)
                node.text = piece
                # Leading/trailing spaces vanish without xml:space (17.3.3.31).
                node.set(XML_SPACE, "preserve")


def run_properties(run: Element | None, drop_placeholder_style: bool = True) -> Element | None:
    """A copy of a run's ``w:rPr`` without the PlaceholderText style Word gives prompts."""
    if run is None:
        return None
    rpr = run.find(RPR)
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    if drop_placeholder_style:
        style = rpr.find(w("rStyle"))
        if style is not None and "placeholder" in (style.get(VAL) or "").lower():
            rpr.remove(style)
    return rpr
