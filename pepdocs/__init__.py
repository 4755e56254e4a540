"""pepdocs: Personal Education Plans, one canonical model, every authority's own form.

Import what you need from here; modules below are internal. Names are loaded when first
used, so ``import pepdocs`` (and every ``pepdocs`` command) does not pay for the Word, Excel
and PDF libraries until a form is filled or read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pepdocs._lazy import lazy_exports
from pepdocs._version import __version__
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
    UnplacedValuesError,
    UnsafeDocumentError,
    UsageError,
)

if TYPE_CHECKING:
    from pepdocs.api import (
        Extraction,
        extract,
        extract_file,
        fill,
        fill_file,
        fill_with_report,
        translate,
        translate_file,
    )
    from pepdocs.batch import BatchOptions, BatchResult, run_batch
    from pepdocs.batch.attendance import load_attendance
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
    from pepdocs.inference import infer_mapping
    from pepdocs.legacy import check_mapping, convert_folder
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
    from pepdocs.recognition import recognise
    from pepdocs.report import (
        ExtractionReport,
        FieldReport,
        FillReport,
        TranslationReport,
        Unplaced,
    )
    from pepdocs.safety.redact import redact_pep
    from pepdocs.samples import generate_peps, write_samples
    from pepdocs.ssda903 import Return903, load_903
    from pepdocs.store import Store, open_store

#: public name -> the module that defines it (imported on first use)
_LAZY: dict[str, str] = {
    "Extraction": "pepdocs.api",
    "extract": "pepdocs.api",
    "extract_file": "pepdocs.api",
    "fill": "pepdocs.api",
    "fill_file": "pepdocs.api",
    "fill_with_report": "pepdocs.api",
    "translate": "pepdocs.api",
    "translate_file": "pepdocs.api",
    "load_attendance": "pepdocs.batch.attendance",
    "Cohort": "pepdocs.cohort",
    "CohortChild": "pepdocs.cohort",
    "cohort_due": "pepdocs.cohort",
    "load_cohort": "pepdocs.cohort",
    "load_people": "pepdocs.cohort",
    "looked_after_on": "pepdocs.cohort",
    "prefill_from_903": "pepdocs.cohort",
    "Return903": "pepdocs.ssda903",
    "load_903": "pepdocs.ssda903",
    "BatchOptions": "pepdocs.batch",
    "BatchResult": "pepdocs.batch",
    "run_batch": "pepdocs.batch",
    "CheckResult": "pepdocs.compliance",
    "Finding": "pepdocs.compliance",
    "check_path": "pepdocs.compliance",
    "check_pep": "pepdocs.compliance",
    "due_schedule": "pepdocs.compliance",
    "check_mapping": "pepdocs.legacy",
    "convert_folder": "pepdocs.legacy",
    "infer_mapping": "pepdocs.inference",
    "recognise": "pepdocs.recognition",
    "FormSpec": "pepdocs.mapping",
    "list_authorities": "pepdocs.mapping",
    "load_mapping": "pepdocs.mapping",
    "resolve_form": "pepdocs.mapping",
    "dump_pep": "pepdocs.model",
    "dump_pep_file": "pepdocs.model",
    "get_codelist": "pepdocs.model",
    "load_pep": "pepdocs.model",
    "load_pep_file": "pepdocs.model",
    "pep_json_schema": "pepdocs.model",
    "validate_pep": "pepdocs.model",
    "ExtractionReport": "pepdocs.report",
    "FieldReport": "pepdocs.report",
    "FillReport": "pepdocs.report",
    "Unplaced": "pepdocs.report",
    "TranslationReport": "pepdocs.report",
    "redact_pep": "pepdocs.safety.redact",
    "generate_peps": "pepdocs.samples",
    "write_samples": "pepdocs.samples",
    "Store": "pepdocs.store",
    "open_store": "pepdocs.store",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

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
    "FillReport",
    "Finding",
    "FormSpec",
    "MappingError",
    "OutputExistsError",
    "PepValidationError",
    "PepdocsError",
    "Problem",
    "Return903",
    "Store",
    "TransformError",
    "TranslationReport",
    "Unplaced",
    "UnplacedValuesError",
    "UnsafeDocumentError",
    "UsageError",
    "__version__",
    "check_mapping",
    "check_path",
    "check_pep",
    "cohort_due",
    "convert_folder",
    "due_schedule",
    "dump_pep",
    "dump_pep_file",
    "extract",
    "extract_file",
    "fill",
    "fill_file",
    "fill_with_report",
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
    "open_store",
    "pep_json_schema",
    "prefill_from_903",
    "recognise",
    "redact_pep",
    "resolve_form",
    "run_batch",
    "translate",
    "translate_file",
    "validate_pep",
    "write_samples",
]
