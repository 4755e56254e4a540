"""A Word document opened once (:class:`pepdocs.formats.opened.OpenedDocument`): its package
and document index kept on it, so recognition (the fingerprint), inference, the document id
and the reading share one parse of ``document.xml``."""

from __future__ import annotations

from pepdocs.formats.opened import OpenedDocument
from pepdocs.formats.word.document import DocumentIndex
from pepdocs.formats.word.package import WordPackage

__all__ = ["document_index", "word_package"]


def word_package(document: OpenedDocument) -> WordPackage:
    """The document's Word package, opened through the safe opener once (its parsed parts
    are kept on it as they are asked for)."""
    return document.kept(
        "word package",
        lambda: WordPackage(document.name, document.data, document.package("docx")),
    )


#: what a :class:`DocumentIndex` works out of the document alone, whatever the form's labels:
#: the index a form's reading builds takes these from the index recognition built (the label
#: texts change only ``label_keys`` and the lookups that take the labels as arguments). An
#: allow-list: a lookup added to the index later is worked out afresh until it is named here.
_LABEL_FREE = (
    "controls",
    "controls_by_key",
    "legacy_fields",
    "legacy_by_begin",
    "legacy_by_name",
    "grids",
    "grid_of_table",
    "cell_of_tc",
    "positions",
    "paragraphs",
    "fallback_paragraphs",
    "has_revisions",
    "heading_rows",
    "heading_cells",
    "markers",
    "cell_entries",
    "cells_by_text",
    "cells_by_exact_text",
    "cells_by_noted_text",
    "rows_by_text",
    "cell_text",
    "paragraph_texts",
    "mark_paragraphs",
    "mark_questions",
)


def document_index(document: OpenedDocument, label_texts: tuple[str, ...] = ()) -> DocumentIndex:
    """The index of the document's main part, for a form with ``label_texts`` (``()`` for
    recognition and inference), built once per label set over the one parsed tree; what the
    index recognition built has worked out already (cells, grids, controls, boxes) is taken
    over rather than worked out again."""

    def build() -> DocumentIndex:
        index = DocumentIndex.of_package(word_package(document), label_texts)
        unlabelled = document.held(("word index", ()))
        if label_texts and unlabelled is not None:
            worked_out = vars(unlabelled)
            # ``mark_questions`` is filled as ``mark_paragraphs`` is worked out: both or none
            taken = [name for name in _LABEL_FREE if name in worked_out]
            if "mark_paragraphs" not in worked_out and "mark_questions" in taken:
                taken.remove("mark_questions")
            vars(index).update((name, worked_out[name]) for name in taken)
        return index

    return document.kept(("word index", label_texts), build)
