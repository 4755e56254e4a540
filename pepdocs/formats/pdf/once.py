"""A PDF opened once (:class:`pepdocs.formats.opened.OpenedDocument`): what the bounded
worker found (``pepdocs.safety.pdf``) and the ``PdfReader`` opened after it, its page text
and its layout, each kept on the document as first asked for, so reading the document id,
recognising the form (every candidate scored by reading it) and reading it run the worker
once for each thing asked of it, not once per question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pypdf import PdfReader

from pepdocs.formats.opened import OpenedDocument
from pepdocs.safety.pdf import PdfSummary, inspect_pdf, open_pdf, page_texts

if TYPE_CHECKING:
    from pepdocs.formats.pdf import OpenedPdf
    from pepdocs.formats.pdf.inspect import FormLayout

__all__ = [
    "opened_for_reading",
    "opened_layout",
    "opened_pdf",
    "opened_summary",
    "opened_text",
]


def opened_summary(document: OpenedDocument, password: str | None = None) -> PdfSummary:
    """What the bounded worker finds in the document with every form field listed (as
    ``open_for_reading`` asks), once per password: the document id's reader and the reading
    are both served from it (the worker keeps summaries of the same bytes)."""
    return document.kept(
        ("pdf summary", password),
        lambda: inspect_pdf(document.data, document.name, password, form=True, fields=False),
    )


def opened_pdf(
    document: OpenedDocument, password: str | None = None, *, refuse_dynamic_xfa: bool = True
) -> tuple[PdfReader, PdfSummary]:
    """``open_pdf`` of the document, once per password and refusal, after the worker's
    summary with the form's fields (:func:`opened_summary`), which then serves it."""
    opened_summary(document, password)
    return document.kept(
        ("pdf", password, refuse_dynamic_xfa),
        lambda: open_pdf(
            document.data, document.name, password, refuse_dynamic_xfa=refuse_dynamic_xfa
        ),
    )


def opened_for_reading(document: OpenedDocument, password: str | None = None) -> OpenedPdf:
    """``open_for_reading`` of the document, once per password, from the worker's summary
    kept on it (:func:`opened_summary`): recognition, the document id and the reading ask
    the worker once between them."""
    from pepdocs.formats.pdf import OpenedPdf, open_for_reading

    def make() -> OpenedPdf:
        summary = opened_summary(document, password)
        if summary.dynamic_xfa:  # refused, with its reason, as open_for_reading refuses it
            return open_for_reading(document.data, document.name, password)
        return OpenedPdf(document.data, document.name, password, summary)

    return document.kept(("pdf for reading", password), make)


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
