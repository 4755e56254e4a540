"""The Word engine's inspection API: what code outside the engine may read of a Word form.

Inference (drafting a mapping), recognition (which form is this?), and the mapping checks
(``check-mapping``, ``diff-template``) look at a document the way the engine reads it: its
content controls, legacy form fields, table grids, section headings, checkbox groups and
paragraphs, and where an anchor lands. They import those from here and nowhere else in the
engine: the rest of ``pepdocs.formats.word`` is the engine's own and may change with it.

    from pepdocs.formats.word import inspect as word

    index = word.open_document(data, "form.docx")
    for control in index.controls: ...
    slot = word.locate(index, anchor, spec)   # where an anchor lands (None: not there)
"""

from __future__ import annotations

from collections.abc import Sequence

from pepdocs.formats.word._xml import FLDCHAR, SDT, TBL, TC, Element, P, w
from pepdocs.formats.word.across import transpose
from pepdocs.formats.word.beside import paragraph_segments
from pepdocs.formats.word.checkboxes import Mark, tick_and_cross_legend
from pepdocs.formats.word.controls import ContentControl
from pepdocs.formats.word.document import DocumentIndex, Marker, bold_lead, looks_like_label
from pepdocs.formats.word.headings import label_over_answer, label_with_instruction
from pepdocs.formats.word.legacy import LegacyField, match_legacy
from pepdocs.formats.word.locate import label_texts, locate
from pepdocs.formats.word.once import document_index, word_package
from pepdocs.formats.word.package import WordPackage
from pepdocs.formats.word.record_tables import label_and_answer
from pepdocs.formats.word.slots import (
    AfterLabelSlot,
    ControlSlot,
    GroupSlot,
    LegacySlot,
    MarkSlot,
    RegionSlot,
    Slot,
)
from pepdocs.formats.word.tables import GridCell, TableGrid
from pepdocs.formats.word.text import clean_value, normalise, paragraph_text

__all__ = [
    "SDT",
    "TBL",
    "TC",
    "AfterLabelSlot",
    "ContentControl",
    "ControlSlot",
    "DocumentIndex",
    "Element",
    "GridCell",
    "GroupSlot",
    "LegacyField",
    "LegacySlot",
    "Mark",
    "MarkSlot",
    "Marker",
    "P",
    "RegionSlot",
    "Slot",
    "TableGrid",
    "WordPackage",
    "bold_lead",
    "clean_value",
    "document_index",
    "enclosing",
    "header_footer_texts",
    "holds_field",
    "label_and_answer",
    "label_over_answer",
    "label_texts",
    "label_with_instruction",
    "locate",
    "looks_like_label",
    "match_legacy",
    "normalise",
    "open_document",
    "paragraph_segments",
    "paragraph_text",
    "tick_and_cross_legend",
    "transpose",
    "word_package",
]


def open_document(data: bytes, name: str, labels: Sequence[str] = ()) -> DocumentIndex:
    """A Word document opened safely and indexed as the engine reads it (``labels``: the
    form's label texts, so that a value box is not mistaken for a label)."""
    return DocumentIndex.of_package(WordPackage.open(data, name), tuple(labels))


def holds_field(element: Element) -> bool:
    """Whether ``element`` (a cell, a paragraph) holds a content control or a form field."""
    return any(True for _ in element.iter(SDT, FLDCHAR))


def enclosing(element: Element, kind: str) -> Element | None:
    """The nearest ``kind`` (``"p"`` a paragraph, ``"tc"`` a table cell, ``"tbl"`` a table) around
    ``element``, itself included; None outside one."""
    wanted = {"p": P, "tc": TC, "tbl": TBL}[kind]
    node: Element | None = element
    while node is not None and node.tag != wanted:
        node = node.getparent()
    return node


def header_footer_texts(package: WordPackage) -> list[str]:
    """The paragraph texts of the document's headers and footers (an authority's name and
    the form's title often live there)."""
    texts: list[str] = []
    for part in package.zip.names():
        if part.startswith(("word/header", "word/footer")) and part.endswith(".xml"):
            root = package.part(part)
            if root is not None:
                texts.extend(paragraph_text(paragraph) for paragraph in root.iter(w("p")))
    return texts
