"""Reading values out of a PEP (a mapping of JSON values) without trusting its shape.

Paths are walked by the model's one implementation, :func:`pepdocs.model.paths.get_path`.

``check_pep`` accepts PEPs that were never validated (a dict built in code), so every reader
here treats a wrong type or an unparseable date as missing instead of raising.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from pepdocs.model.paths import get_path


def text_at(pep: Mapping[str, Any], path: str) -> str | None:
    value = get_path(pep, path)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def date_at(pep: Mapping[str, Any], path: str) -> dt.date | None:
    value = get_path(pep, path)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def money(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        amount = Decimal(str(value).strip().lstrip("£").replace(",", ""))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def items_at(pep: Mapping[str, Any], path: str) -> list[Mapping[str, Any]]:
    """A list of objects at ``path``; anything that is not an object becomes ``{}``."""
    value = get_path(pep, path)
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, Mapping) else {} for item in value]
