"""Cell values and form text, both ways: what a cell shows as form text when read, and what a
form value is stored as when filled (dates and numbers as real ones, so the workbook's own
formulas add them up; anything else as text)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from pepdocs.errors import TransformError
from pepdocs.mapping.dates import format_date
from pepdocs.mapping.spec import FormValue
from pepdocs.mapping.transforms import (
    DateTransform,
    DecimalTransform,
    IntTransform,
    MoneyTransform,
    PercentTransform,
    Transform,
)

__all__ = ["cell_text", "is_percent_format", "number_text", "plain", "typed"]

_NUMERIC = (IntTransform, DecimalTransform, MoneyTransform, PercentTransform)


def number_text(number: Decimal) -> str:
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def plain(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(Decimal(repr(value)))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def is_percent_format(number_format: str) -> bool:
    return "%" in number_format


def cell_text(value: Any, number_format: str, transform: Transform | None) -> FormValue:
    """A cell's value as form text (or bool); None for a blank cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if isinstance(transform, DateTransform):
            return format_date(day, transform.format)
        return day.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if is_percent_format(number_format):
            # 0.982 shown as 98.2%: the form value is what a person sees
            number *= 100
        return number_text(number)
    return str(value)


def typed(text: str, transform: Transform, number_format: str) -> Any:
    """The value to store for form text: a date or number where the transform reads one
    back (so formulas can add the cells up), else the text itself."""
    try:
        if isinstance(transform, DateTransform):
            iso = transform.from_form(text)
            return dt.date.fromisoformat(iso) if iso else text
        if isinstance(transform, _NUMERIC):
            number = transform.from_form(text)
            if number is None:
                return text
            amount = Decimal(str(number))
            if isinstance(transform, PercentTransform) and is_percent_format(number_format):
                amount /= 100
            if amount == amount.to_integral_value():
                return int(amount)
            return float(amount) if not isinstance(transform, MoneyTransform) else amount
    except (TransformError, InvalidOperation, ValueError):
        return text
    return text
