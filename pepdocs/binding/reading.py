"""Reading a document as one known form: the engine for its kind, or a printed copy's text.

Which form a document is (recognition) is decided above this; here the form is given.
"""

from __future__ import annotations

from pepdocs.errors import DocumentError
from pepdocs.formats import DocumentReading, OpenedDocument, opened, read_form
from pepdocs.mapping.spec import FormSpec
from pepdocs.safety.package import describe_kind

__all__ = ["read_document"]


def read_document(spec: FormSpec, data: bytes | OpenedDocument, label: str) -> DocumentReading:
    """The engine's reading of ``data`` (its bytes, or the document opened once) as
    ``spec``. A Word or Excel form printed (or saved)
    as PDF keeps its answers as page text only: that is read by the form's own labels, with
    the lower confidence and the note the text layer gives.

    A PDF on which not one of the form's fields or labels is found is refused: it is some
    other PDF (or one renamed ``.docx``), and "read, every field missing" with exit 0 would
    hide that. (A Word document keeps reporting its fields ``missing``: a Jinja form leaves
    whole blocks out, so an all-missing reading can still be the form.)
    """
    document = opened(data, label)
    if document.kind != "pdf":
        return read_form(spec, document)
    if spec.kind == "pdf":
        reading = read_form(spec, document)
        problem = f"shows none of {spec.label}'s fields or labels (not this form)"
    else:
        # Deferred: the PDF engine (pypdf) loads only when a PDF comes in.
        from pepdocs.formats.pdf import read_text_layer

        reading = read_text_layer(spec, document, label)
        problem = (
            f"is a PDF, not {describe_kind(spec.kind)}, and shows none of {spec.label}'s labels "
            "(not this form printed to PDF)"
        )
    if not any(found.status in ("found", "empty") for found in reading.readings.values()):
        raise DocumentError(problem, label)
    return reading
