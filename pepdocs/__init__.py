"""pepdocs: Personal Education Plans, one canonical model, every authority's own form.

Import what you need from here; modules below are internal.
"""

from __future__ import annotations

__version__ = "0.1.0"

from pepdocs.api import (
    Extraction,
    extract,
    extract_file,
    fill,
    fill_file,
    translate,
    translate_file,
)
from pepdocs.errors import (
    AuthorityNotFoundError,
    ComponentMissingError,
    DocumentError,
    MappingError,
    OutputExistsError,
    PepdocsError,
    PepValidationError,
    Problem,
    TransformError,
    UnsafeDocumentError,
    UsageError,
)
from pepdocs.report import ExtractionReport, FieldReport, TranslationReport

__all__ = [
    "AuthorityNotFoundError",
    "ComponentMissingError",
    "DocumentError",
    "Extraction",
    "ExtractionReport",
    "FieldReport",
    "MappingError",
    "OutputExistsError",
    "PepValidationError",
    "PepdocsError",
    "Problem",
    "TransformError",
    "TranslationReport",
    "UnsafeDocumentError",
    "UsageError",
    "__version__",
    "extract",
    "extract_file",
    "fill",
    "fill_file",
    "translate",
    "translate_file",
]
