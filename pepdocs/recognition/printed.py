"""A known Word or Excel form printed (or saved) as PDF: a PDF with no form fields whose page
text shows the form's labels. The PDF engine then reads that text layer by those labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pepdocs.formats import OpenedDocument, opened
from pepdocs.mapping.spec import FormSpec

__all__ = ["PRINTED_THRESHOLD", "printed_form"]

#: Share of a form's labelled fields a PDF's page text must show to be read as that form.
PRINTED_THRESHOLD = 0.5


def printed_form(
    data: bytes | OpenedDocument, name: str, candidates: Sequence[FormSpec]
) -> tuple[FormSpec, float] | None:
    """Among ``candidates`` (Word and Excel forms), the one whose labelled fields this PDF's
    page text shows the most of (at least :data:`PRINTED_THRESHOLD`), as a PDF-kind copy so
    that the PDF engine reads its text layer, with that share. The page text is taken from
    the PDF once (``data`` opened once), not once per candidate."""
    from pepdocs.formats.pdf import read_text_layer

    document = opened(data, name)
    best: tuple[FormSpec, float] | None = None
    for candidate in candidates:
        labelled = [
            number
            for number, spec in enumerate(candidate.fields)
            if spec.extract and not spec.repeating and any(a.kind == "label" for a in spec.anchors)
        ]
        if not labelled:
            continue
        as_pdf = replace(candidate, kind="pdf")
        readings = read_text_layer(as_pdf, document, name).readings
        share = sum(
            1 for number in labelled if number in readings and readings[number].status == "found"
        ) / len(labelled)
        if share >= PRINTED_THRESHOLD and (best is None or share > best[1]):
            best = (as_pdf, share)
    return best
