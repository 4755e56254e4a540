"""How an extraction's field reports are kept: one JSON value on the extraction's row
(``extractions.field_reports``), not a row per field.

The value is a list, in the order the form was read, of one object per field report (a
field, or a cell of a repeating section): ``path`` and ``status`` always; ``location``
(where on the form), ``anchor_used`` (``primary`` or ``fallback``), ``raw`` (the text as
typed, kept only for a field that could not be read, ``unparseable``, or whose value was
refused, ``invalid``) and ``notes`` only when they have a value. Nothing reads the field
reports by SQL: a returned form's review reads its extraction's list whole, and retention
rewrites it without the raw text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pepdocs.report import FieldReport

__all__ = ["field_report", "stored_field_reports", "without_raw"]


def stored_field_reports(
    fields: Iterable[FieldReport], refused: Mapping[str, str]
) -> list[dict[str, Any]]:
    """``fields`` as the extraction's row keeps them; ``refused``: the text typed for each
    path whose value was refused (the PEP's ``unresolved`` list), kept as an invalid field's
    raw text."""
    kept: list[dict[str, Any]] = []
    for entry in fields:
        item: dict[str, Any] = {"path": entry.path, "status": entry.status}
        if entry.location:
            item["location"] = entry.location
        if entry.anchor_used:
            item["anchor_used"] = entry.anchor_used
        if entry.status == "unparseable":
            raw = _jsonable(entry.raw)
            if raw is not None:
                item["raw"] = raw
        elif entry.status == "invalid" and entry.path in refused:
            item["raw"] = refused[entry.path]
        if entry.notes:
            item["notes"] = list(entry.notes)
        kept.append(item)
    return kept


def field_report(item: Mapping[str, Any]) -> dict[str, Any]:
    """One kept field report with every key (None or an empty list where it has none), as
    the readers of the store hand it on."""
    return {
        "path": item["path"],
        "status": item["status"],
        "location": item.get("location"),
        "anchor_used": item.get("anchor_used"),
        "raw": item.get("raw"),
        "notes": list(item.get("notes") or ()),
    }


def without_raw(reports: Iterable[Mapping[str, Any]] | None) -> list[dict[str, Any]]:
    """``reports`` without the text as typed (what retention keeps of them)."""
    return [
        {key: value for key, value in item.items() if key != "raw"} for item in reports or ()
    ]


def _jsonable(value: Any) -> Any:
    """A raw form value as JSON (spreadsheet cells hold dates and numbers)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)
