"""Every path of the canonical model and the kind of value it holds.

Mapping files name model paths (``child.date_of_birth``, ``targets`` with columns
``due_date``...); the mapping loader checks them here, and suggests the nearest on a typo.
Paths are derived from the schemas, so a field added to the model is mappable at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from marshmallow import Schema, fields

from pepdocs.model.schema import PepSchema


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """One model path: ``kind`` is text/date/int/money/percent/bool/choice/object/list."""

    path: str
    kind: str
    codelist: str | None = None
    #: for ``list`` paths: the item paths relative to one item (``due_date``)
    item_fields: tuple[FieldInfo, ...] = ()

    @property
    def repeating(self) -> bool:
        return self.kind == "list"


def _kind(field: fields.Field[Any]) -> str:
    declared = getattr(field, "kind", None)
    if isinstance(declared, str):
        return declared
    if isinstance(field, fields.Boolean):
        return "bool"
    if isinstance(field, fields.Integer):
        return "int"
    if isinstance(field, fields.Float | fields.Decimal):
        return "decimal"
    return "text"


def _walk(schema: Schema, prefix: str) -> list[FieldInfo]:
    found: list[FieldInfo] = []
    for name, field in schema.fields.items():
        path = f"{prefix}{name}"
        if isinstance(field, fields.Nested):
            nested = field.schema
            found.append(FieldInfo(path, "object"))
            found.extend(_walk(nested, f"{path}."))
        elif isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
            items = tuple(_walk(field.inner.schema, ""))
            found.append(FieldInfo(path, "list", item_fields=items))
        else:
            found.append(FieldInfo(path, _kind(field), getattr(field, "codelist", None)))
    return found


@cache
def field_catalog() -> dict[str, FieldInfo]:
    """All model paths, objects and lists included, keyed by dotted path."""
    return {info.path: info for info in _walk(PepSchema(), "")}


def leaf_paths() -> list[str]:
    """The paths that hold a single value (not objects, not lists)."""
    return [p for p, info in field_catalog().items() if info.kind not in ("object", "list")]
