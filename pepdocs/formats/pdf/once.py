"""A PDF opened once (:class:`pepdocs.formats.opened.OpenedDocument`): what the bounded
worker found (``pepdocs.safety.pdf``) and the ``PdfReader`` opened after it, its page text
and its layout, each kept on the document as first asked for, so reading the document id,
recognising the form (every candidate scored by reading it) and reading it run the worker
once for each thing asked of it, not once per question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pypdf import PdfReader

from pepdocs.formats.opened import OpenedDocument
from pepdocs.safety.pdf import PdfSummary, open_pdf, page_texts

if TYPE_CHECKING:
    from pepdocs.formats.pdf.inspect import FormLayout

__all__ = ["opened_layout", "opened_pdf", "opened_text"]


def opened_pdf(
    document: OpenedDocument, password: str | None = None, *, refuse_dynamic_xfa: bool = True
) -> tuple[PdfReader, PdfSummary]:
    """``open_pdf`` of the document, once per password. A PDF opened first without the
    dynamic-XFA refusal (the document id is read so) and then asked for with it is opened
    again only when it is one, so that the refusal says why."""
    for key in (("pdf", password, True), ("pdf", password, False)):
        found: tuple[PdfReader, PdfSummary] | None = document.held(key)
        if found is not None and not (refuse_dynamic_xfa and found[1].dynamic_xfa):
            return found
    return document.kept(
        ("pdf", password, refuse_dynamic_xfa),
        lambda: open_pdf(
            document.data, document.name, password, refuse_dynamic_xfa=refuse_dynamic_xfa
        ),
    )


def opened_text(document: OpenedDocument, password: str | None = None) -> tuple[str, ...]:
    """The text of every page (``page_texts``, in the bounded worker), once per password."""
    return document.kept(
        ("pdf text", password), lambda: page_texts(document.data, document.name, password)
    )


def opened_layout(document: OpenedDocument, password: str | None = None) -> FormLayout:
    """The form's widgets with the printed text around them (``inspect.open_form``), once
    per password."""
    from pepdocs.formats.pdf.inspect import open_form

    return document.kept(
        ("pdf layout", password), lambda: open_form(document.data, document.name, password)
    )
