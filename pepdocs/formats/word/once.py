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


def document_index(document: OpenedDocument, label_texts: tuple[str, ...] = ()) -> DocumentIndex:
    """The index of the document's main part, for a form with ``label_texts`` (``()`` for
    recognition and inference), built once per label set over the one parsed tree."""
    return document.kept(
        ("word index", label_texts),
        lambda: DocumentIndex.of_package(word_package(document), label_texts),
    )
