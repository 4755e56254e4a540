"""Inference: a draft mapping for a form no mapping describes yet.

Given a blank template (or a completed form: the labels are the same), inference reads the
document through the engines' inspection APIs (``pepdocs.formats.word.inspect``,
``pepdocs.formats.pdf.inspect``; Excel through its safe loader) and proposes one entry per
model path it recognises:

- content controls and legacy fields by their tag/alias/name and the label beside them;
- label cells (value to the right or below) and ``Label: value`` paragraphs;
- checkbox groups whose option labels are a code list's labels (``EHCP``/``SEN Support``);
- repeating tables by what their columns mean (targets, attendees, attainment...);
- free-text blocks under headings (``Child's views``).

Each entry carries a confidence (1.0: exact lexicon wording, lower for fuzzy matches and
generic labels read through their section). Every anchor is checked against the document
with the engine's own ``locate`` so that it finds the intended box first; a label that occurs
twice gets its ``section`` (or ``occurrence``). Paths are assigned once, best first, and a
box is never given to two paths: when unsure, nothing is proposed (a wrong value is worse
than a blank one). The wordings live in the lexicon (``lexicon.yaml``, data, not code).
"""

from __future__ import annotations

import os
from pathlib import Path

from pepdocs.errors import PepdocsError
from pepdocs.formats import OpenedDocument, opened
from pepdocs.inference.draft import (
    CONFIRM_BELOW,
    DRAFT_MIN_CONFIDENCE,
    EXTRACT_MIN_CONFIDENCE,
    InferredEntry,
    InferredMapping,
    without_dangling_references,
)
from pepdocs.inference.lexicon import Lexicon, load_lexicon
from pepdocs.safety.package import read_input

__all__ = [
    "CONFIRM_BELOW",
    "DRAFT_MIN_CONFIDENCE",
    "EXTRACT_MIN_CONFIDENCE",
    "InferredEntry",
    "InferredMapping",
    "Lexicon",
    "infer_mapping",
    "infer_mapping_from_bytes",
    "load_lexicon",
]


def infer_mapping(
    template_path: str | os.PathLike[str], *, lexicon: Lexicon | None = None
) -> InferredMapping:
    """Infer a draft mapping for the form at ``template_path``: a blank or completed Word
    form, an Excel workbook or a PDF AcroForm."""
    path = Path(template_path)
    return infer_mapping_from_bytes(read_input(path), str(path), lexicon=lexicon)


def infer_mapping_from_bytes(
    data: bytes | OpenedDocument, name: str, *, lexicon: Lexicon | None = None
) -> InferredMapping:
    """:func:`infer_mapping` for a document in memory (``name`` labels messages): its bytes,
    or the document opened once, whose parsed Word package and index or PDF layout are
    then reused (``pepdocs.formats.open_document``)."""
    document = opened(data, name)
    data = document.data
    kind = document.kind
    lexicon = lexicon or load_lexicon()
    if kind == "xlsx":
        from pepdocs.inference.forms import infer_workbook_entries

        entries, unmatched = infer_workbook_entries(data, name, lexicon)
        entries, dangling = without_dangling_references(entries)
        return InferredMapping(kind, Path(name), "school_age", entries, unmatched + dangling)
    if kind == "pdf":
        from pepdocs.inference.pdf import infer_pdf_entries

        entries, unmatched, phase = infer_pdf_entries(document, name, lexicon)
        entries, dangling = without_dangling_references(entries)
        return InferredMapping(kind, Path(name), phase, entries, unmatched + dangling)
    if kind != "docx":
        raise PepdocsError(
            f"{name}: not a Word, Excel or PDF form; mappings are inferred for those only"
        )
    from pepdocs.formats.word import inspect as word
    from pepdocs.inference.word import WordInference, form_identity, guess_phase

    package = word.word_package(document)
    index = word.document_index(document)
    inference = WordInference(index, lexicon)
    entries, dangling = without_dangling_references(inference.run())
    authority_name, authority, title = form_identity(index, word.header_footer_texts(package))
    return InferredMapping(
        kind="docx",
        template=Path(name),
        phase=guess_phase(index),
        entries=entries,
        unmatched=inference.unmatched,
        title=title,
        authority_name=authority_name,
        authority=authority,
        unplaced_columns=inference.unplaced_columns + dangling,
        unplaced_boxes=inference.unplaced_boxes,
    )
