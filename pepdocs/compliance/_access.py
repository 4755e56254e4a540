"""Reading values out of a PEP (a mapping of JSON values) without trusting its shape.

``check_pep`` accepts PEPs that were never validated (a dict built in code), so every reader
here treats a wrong type or an unparseable date as missing instead of raising.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any


def value_at(pep: Mapping[str, Any], path: str) -> Any:
    current: Any = pep
    for part in path.split("."):
        if isinstance(current, Mapping):
            current = current.get(part)
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


def text_at(pep: Mapping[str, Any], path: str) -> str | None:
    value = value_at(pep, path)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def date_at(pep: Mapping[str, Any], path: str) -> dt.date | None:
    value = value_at(pep, path)
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
    value = value_at(pep, path)
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, Mapping) else {} for item in value]


def add_years(day: dt.date, years: int) -> dt.date:
    """The anniversary ``years`` later; 29 February becomes 1 March in a common year.

    1 March is the later of the two candidate dates, so a deadline built on it is never
    reported before the child has the age in either reading.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later (or earlier); the day is clipped to the month's last day
    (30 November + 3 months is 28 February, or 29 February in a leap year)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")
