"""One known form's extraction: the document read, the PEP assembled, the report written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pepdocs.binding.assemble import assemble_pep
from pepdocs.binding.reading import read_document
from pepdocs.formats import OpenedDocument
from pepdocs.mapping.spec import FormSpec
from pepdocs.report import ExtractionReport

__all__ = ["Extraction", "extract_form"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction gives: the PEP (valid, loadable) and the report on every field."""

    pep: dict[str, Any]
    report: ExtractionReport


def extract_form(data: bytes | OpenedDocument, form: FormSpec, name: str) -> Extraction:
    """Read ``data`` (a document's bytes, or the document opened once; ``name`` labels it in
    messages) as ``form``.

    The report's notes are the mapping's warnings (transforms that cannot read back qualify
    every reading) then the engine's; its confidence is the engine's (lower for a printed
    copy's page text). Recognising *which* form a document is happens above this layer.
    """
    reading = read_document(form, data, name)
    pep, fields = assemble_pep(form, reading)
    report = ExtractionReport(
        source=name,
        authority=form.authority,
        form=form.form,
        fields=fields,
        unmapped=list(reading.unmapped),
        notes=[*form.warnings, *reading.notes],
        confidence=reading.confidence,
    )
    return Extraction(pep, report)
