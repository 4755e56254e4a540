"""A form no mapping describes, read anyway: with a mapping inferred from the document itself,
keeping only the entries inference is surest of (a blank is better than a value in the
wrong field). The mapping is built in memory; nothing is written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pepdocs.errors import MappingError, PepdocsError
from pepdocs.formats import OpenedDocument
from pepdocs.inference import (
    DRAFT_MIN_CONFIDENCE,
    EXTRACT_MIN_CONFIDENCE,
    InferredEntry,
    infer_mapping_from_bytes,
)
from pepdocs.mapping.loader import load_parsed, parse_yaml
from pepdocs.mapping.spec import FormSpec

__all__ = ["INFERRED_AUTHORITY", "inferred_form"]

#: The ``authority`` of an inferred mapping (never written into the extracted PEP).
INFERRED_AUTHORITY = "unrecognised"
#: Where the inferred mapping says it came from (messages only: there is no such file).
_SOURCE = Path("inferred-form.yaml")


def inferred_form(
    data: bytes | OpenedDocument, name: str, *, min_confidence: float = EXTRACT_MIN_CONFIDENCE
) -> FormSpec:
    """A loaded mapping inferred from the document itself (entries at least
    ``min_confidence`` sure; when none is, the entries a draft would propose, rather than
    nothing). Its template is the document: there is no blank form to tell what it prints,
    so the reading treats nothing as known to be printed (``inferred``)."""
    inferred = infer_mapping_from_bytes(data, name)
    if not any(entry.confidence >= min_confidence for entry in inferred.entries):
        # Nothing is sure, but a draft would still propose fields: read those (the report
        # says every value is to be checked) rather than lose the whole form.
        min_confidence = min(min_confidence, DRAFT_MIN_CONFIDENCE)
    if not any(entry.confidence >= min_confidence for entry in inferred.entries):
        # nothing on it reads as a PEP field either: say it as detection says it
        raise PepdocsError(f"{name}: could not recognise the form; pass --authority")

    def load(entries: list[InferredEntry]) -> FormSpec:
        inferred.entries = entries
        text = inferred.to_yaml(
            INFERRED_AUTHORITY,
            name="Unrecognised form",
            template=f"inferred-form.{inferred.kind}",
            min_confidence=min_confidence,
        )
        form = load_parsed(_SOURCE, parse_yaml(text, str(_SOURCE)), require_template=False)
        return replace(form, inferred=True)

    entries = list(inferred.entries)
    try:
        return load(entries)
    except MappingError:
        # An entry the loader refuses (an anchor shape that does not fit its path) must
        # not cost the others: keep the entries that load on their own.
        kept = []
        for entry in entries:
            try:
                load([entry])
            except MappingError:
                continue
            kept.append(entry)
        if not kept:
            raise PepdocsError(f"{name}: could not recognise the form; pass --authority") from None
        return load(kept)
