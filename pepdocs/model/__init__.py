"""The canonical PEP model: schemas, code lists, identifiers and validation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pepdocs._lazy import lazy_exports

if TYPE_CHECKING:
    from pepdocs.model.catalog import FieldInfo, field_catalog, leaf_paths
    from pepdocs.model.codelists import CodeList, get_codelist, list_codelists
    from pepdocs.model.jsonschema import pep_json_schema
    from pepdocs.model.validate import (
        dump_pep,
        dump_pep_file,
        load_pep,
        load_pep_file,
        validate_pep,
        validate_pep_file,
    )

#: public name -> the module that defines it (imported on first use)
_LAZY: dict[str, str] = {
    "FieldInfo": "pepdocs.model.catalog",
    "field_catalog": "pepdocs.model.catalog",
    "leaf_paths": "pepdocs.model.catalog",
    "CodeList": "pepdocs.model.codelists",
    "get_codelist": "pepdocs.model.codelists",
    "list_codelists": "pepdocs.model.codelists",
    "pep_json_schema": "pepdocs.model.jsonschema",
    "dump_pep": "pepdocs.model.validate",
    "dump_pep_file": "pepdocs.model.validate",
    "load_pep": "pepdocs.model.validate",
    "load_pep_file": "pepdocs.model.validate",
    "validate_pep": "pepdocs.model.validate",
    "validate_pep_file": "pepdocs.model.validate",
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "CodeList",
    "FieldInfo",
    "dump_pep",
    "dump_pep_file",
    "field_catalog",
    "get_codelist",
    "leaf_paths",
    "list_codelists",
    "load_pep",
    "load_pep_file",
    "pep_json_schema",
    "validate_pep",
    "validate_pep_file",
]
