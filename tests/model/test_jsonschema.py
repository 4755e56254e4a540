"""The exported JSON Schema is valid draft 2020-12 and agrees with the model."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pepdocs.model import dump_pep, field_catalog, get_codelist
from pepdocs.model.jsonschema import JSON_SCHEMA_DIALECT, pep_json_schema

from .conftest import make_pep

jsonschema = pytest.importorskip("jsonschema")


def schema_errors(document: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(pep_json_schema())
    return sorted(
        ".".join(str(part) for part in error.absolute_path)
        for error in validator.iter_errors(document)
    )


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    for option in node.get("anyOf", []):
        if "$ref" in option:
            node = option
    if "$ref" in node:
        return schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = pep_json_schema()
    assert schema["$schema"] == JSON_SCHEMA_DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_is_plain_json() -> None:
    schema = pep_json_schema()
    assert json.loads(json.dumps(schema)) == schema


def test_meta_and_child_are_required_and_unknown_keys_are_not_allowed() -> None:
    schema = pep_json_schema()
    assert schema["required"] == ["meta", "child"]
    assert schema["additionalProperties"] is False
    assert all(body["additionalProperties"] is False for body in schema["$defs"].values())


def test_a_canonical_pep_passes_the_schema() -> None:
    assert schema_errors(json.loads(dump_pep(make_pep()))) == []


def test_the_schema_refuses_what_validation_refuses() -> None:
    pep = json.loads(dump_pep(make_pep()))
    pep["child"]["date_of_birth"] = "12/13/2025"
    pep["child"]["frist_name"] = "Aisha"
    pep["care"]["legal_status"] = "Full care order"
    pep["education"]["laestab"] = "801/2000"
    pep["education"]["attendance"]["percent"] = 101
    pep["targets"][0]["pp_plus_cost"] = "-5"
    assert schema_errors(pep) == [
        "care.legal_status",
        "child",
        "child.date_of_birth",
        "education.attendance",  # a nullable object: reported where its anyOf sits
        "education.laestab",
        "targets.0.pp_plus_cost",
    ]


def test_every_model_path_is_in_the_schema() -> None:
    schema = pep_json_schema()
    for path, info in field_catalog().items():
        node: dict[str, Any] = schema
        for part in path.split("."):
            node = resolve(schema, node)["properties"][part]
        if info.kind == "list":
            assert "array" in node["type"]


@pytest.mark.parametrize(("path", "codelist"), [("care.legal_status", "legal_status")])
def test_code_fields_enumerate_their_code_list(path: str, codelist: str) -> None:
    schema = pep_json_schema()
    section, name = path.split(".")
    node = resolve(schema, schema["properties"][section])["properties"][name]
    assert node["enum"] == [*get_codelist(codelist).codes, None]
    assert "2025-26" in node["description"]


def test_dates_carry_format_and_pattern() -> None:
    schema = pep_json_schema()
    node = schema["$defs"]["Child"]["properties"]["date_of_birth"]
    assert node["format"] == "date"
    assert node["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
