"""Safety helpers shared by every engine and command: sanitising text for XML and spreadsheet
exports, the sandboxed Jinja environment, bounded PDF opening, redaction and text-file
decoding. See docs/safety.md for the threat model and the limits.
"""

from pepdocs.safety.jinja import sandboxed_environment, template_errors
from pepdocs.safety.redact import Redactor, redact_pep, redact_pep_and
from pepdocs.safety.sanitize import clean_text, export_cell, neutralise_formula
from pepdocs.safety.textfile import decode_text, read_text_file

__all__ = [
    "Redactor",
    "clean_text",
    "decode_text",
    "export_cell",
    "neutralise_formula",
    "read_text_file",
    "redact_pep",
    "redact_pep_and",
    "sandboxed_environment",
    "template_errors",
]
