"""Binding: a PEP and one form's values, both ways, through the form's mapping.

Below the verbs (``pepdocs.api``) and above the engines: fill turns a loaded PEP into the
(field, form value) pairs an engine writes (:func:`form_values`, :func:`fill_form`), and
says what the form has no place for and what needed more room (:func:`fill_with_report`,
:func:`unplaced_values`); extraction turns an engine's reading back into a valid PEP and a
report on every field (:func:`extract_form`, :func:`assemble_pep`). :func:`mapped_view` is
what a round trip is judged on. The batch, the mapping check and the verbs all bind through
here, so a value is written and read the same way whoever asks.
"""

from __future__ import annotations

from pepdocs.binding.assemble import assemble_pep
from pepdocs.binding.docid import read_document_id, write_document_id
from pepdocs.binding.extraction import Extraction, extract_form
from pepdocs.binding.reading import read_document
from pepdocs.binding.unplaced import unplaced_values
from pepdocs.binding.values import field_value, fill_form, fill_with_report, form_values
from pepdocs.binding.views import mapped_paths, mapped_view

__all__ = [
    "Extraction",
    "assemble_pep",
    "extract_form",
    "field_value",
    "fill_form",
    "fill_with_report",
    "form_values",
    "mapped_paths",
    "mapped_view",
    "read_document",
    "read_document_id",
    "unplaced_values",
    "write_document_id",
]
