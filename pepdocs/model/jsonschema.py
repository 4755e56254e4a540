"""The canonical PEP as a JSON Schema (draft 2020-12), derived from the marshmallow schemas.

For other systems (case-management exports, form builders) that want to check a PEP without
Python. It describes the *canonical* form that :func:`pepdocs.model.dump_pep` writes: codes
exactly as the code lists spell them, dates ``YYYY-MM-DD``, money as a decimal string or a
number. Cross-field rules (dates in order, NCY against phase...) cannot be said in JSON
Schema; ``pepdocs validate`` checks those too.
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields

from pepdocs.model.codelists import get_codelist
from pepdocs.model.fields import ISO_DATE, Code, Count, Identifier, IsoDate, Money, Percent
from pepdocs.model.schema import PepSchema

__all__ = ["JSON_SCHEMA_DIALECT", "pep_json_schema"]

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# What Money accepts once written canonically: pounds, optionally with one or two pence digits.
_MONEY_TEXT = r"^[0-9]+(\.[0-9]{1,2})?$"


def _definition_name(schema: Schema) -> str:
    return type(schema).__name__.removesuffix("Schema")


def _nullable(body: dict[str, Any], field: fields.Field[Any]) -> dict[str, Any]:
    if not field.allow_none:
        return body
    if "type" in body:
        body["type"] = [body["type"], "null"]
        if "enum" in body:
            body["enum"] = [*body["enum"], None]
        return body
    return {"anyOf": [body, {"type": "null"}]}


def _leaf(field: fields.Field[Any]) -> dict[str, Any]:
    """The JSON Schema of one single-value field (the order of checks matters: subclasses)."""
    if isinstance(field, Code):
        codes = get_codelist(field.codelist)
        return {
            "type": "string",
            "enum": list(codes.codes),
            "description": f"{codes.title}: code list {codes.name} ({codes.collection_year})",
        }
    if isinstance(field, IsoDate):
        return {"type": "string", "format": "date", "pattern": ISO_DATE.pattern}
    if isinstance(field, Identifier):
        body: dict[str, Any] = {"type": "string"}
        if field.pattern:
            body["pattern"] = field.pattern
        doc = (type(field).__doc__ or "").strip().splitlines()
        if doc:
            body["description"] = doc[0]
        return body
    if isinstance(field, Money):
        return {
            "anyOf": [
                {"type": "string", "pattern": _MONEY_TEXT},
                {"type": "number", "minimum": 0},
            ],
            "description": "An amount in GBP",
        }
    if isinstance(field, Percent):
        return {"type": "number", "minimum": 0, "maximum": 100}
    if isinstance(field, Count):
        body = {"type": "integer", "minimum": field.minimum}
        if field.maximum is not None:
            body["maximum"] = field.maximum
        return body
    if isinstance(field, fields.Boolean):
        return {"type": "boolean"}
    if isinstance(field, fields.Integer):
        return {"type": "integer"}
    if isinstance(field, fields.Float | fields.Decimal):
        return {"type": "number"}
    return {"type": "string"}


def _field(field: fields.Field[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    if isinstance(field, fields.Nested) and isinstance(field.schema, Schema):
        return _nullable({"$ref": _reference(field.schema, definitions)}, field)
    if isinstance(field, fields.List):
        body = {"type": "array", "items": _field(field.inner, definitions)}
        return _nullable(body, field)
    return _nullable(_leaf(field), field)


def _reference(schema: Schema, definitions: dict[str, Any]) -> str:
    name = _definition_name(schema)
    if name not in definitions:
        definitions[name] = {}  # reserve first: a schema is defined once however often used
        definitions[name] = _object(schema, definitions)
    return f"#/$defs/{name}"


def _object(schema: Schema, definitions: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "object",
        "properties": {name: _field(field, definitions) for name, field in schema.fields.items()},
        "additionalProperties": False,
    }
    required = [name for name, field in schema.fields.items() if field.required]
    if required:
        body["required"] = required
    return body


def pep_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a canonical PEP document."""
    definitions: dict[str, Any] = {}
    root = _object(PepSchema(), definitions)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "Personal Education Plan (pepdocs canonical model)",
        "description": (
            "A looked-after child's PEP as pepdocs stores it. Only meta and child are "
            "required; cross-field rules are checked by `pepdocs validate`."
        ),
        **root,
        "$defs": dict(sorted(definitions.items())),
    }
