"""pepdocs: Personal Education Plans, one canonical model, every authority's own form.

Import what you need from here; modules below are internal.
"""

from __future__ import annotations

__version__ = "0.1.0"

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

__all__ = [
    "AuthorityNotFoundError",
    "ComponentMissingError",
    "DocumentError",
    "MappingError",
    "OutputExistsError",
    "PepValidationError",
    "PepdocsError",
    "Problem",
    "TransformError",
    "UnsafeDocumentError",
    "UsageError",
    "__version__",
]
