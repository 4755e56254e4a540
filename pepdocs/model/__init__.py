"""The canonical PEP model: schemas, code lists, identifiers and validation."""

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
