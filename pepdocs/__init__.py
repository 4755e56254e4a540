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
from pepdocs.attendance import load_attendance
from pepdocs.batch import BatchOptions, BatchResult, run_batch
from pepdocs.cohort import (
    Cohort,
    CohortChild,
    cohort_due,
    load_cohort,
    load_people,
    looked_after_on,
    prefill_from_903,
)
from pepdocs.compliance import CheckResult, Finding, check_path, check_pep, due_schedule
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
from pepdocs.legacy import check_mapping, convert_folder, detect_form, infer_mapping
from pepdocs.mapping import FormSpec, list_authorities, load_mapping, resolve_form
from pepdocs.model import (
    dump_pep,
    dump_pep_file,
    get_codelist,
    load_pep,
    load_pep_file,
    pep_json_schema,
    validate_pep,
)
from pepdocs.report import ExtractionReport, FieldReport, TranslationReport
from pepdocs.safety.redact import redact_pep
from pepdocs.samples import generate_peps, write_samples
from pepdocs.ssda903 import Return903, load_903

__all__ = [
    "AuthorityNotFoundError",
    "BatchOptions",
    "BatchResult",
    "CheckResult",
    "Cohort",
    "CohortChild",
    "ComponentMissingError",
    "DocumentError",
    "Extraction",
    "ExtractionReport",
    "FieldReport",
    "Finding",
    "FormSpec",
    "MappingError",
    "OutputExistsError",
    "PepValidationError",
    "PepdocsError",
    "Problem",
    "Return903",
    "TransformError",
    "TranslationReport",
    "UnsafeDocumentError",
    "UsageError",
    "__version__",
    "check_mapping",
    "check_path",
    "check_pep",
    "cohort_due",
    "convert_folder",
    "detect_form",
    "due_schedule",
    "dump_pep",
    "dump_pep_file",
    "extract",
    "extract_file",
    "fill",
    "fill_file",
    "generate_peps",
    "get_codelist",
    "infer_mapping",
    "list_authorities",
    "load_903",
    "load_attendance",
    "load_cohort",
    "load_mapping",
    "load_people",
    "load_pep",
    "load_pep_file",
    "looked_after_on",
    "pep_json_schema",
    "prefill_from_903",
    "redact_pep",
    "resolve_form",
    "run_batch",
    "translate",
    "translate_file",
    "validate_pep",
    "write_samples",
]
