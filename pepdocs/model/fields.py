"""Field kinds of the canonical model.

The JSON form is the contract: dates are ISO strings, money is a decimal string, codes are the
official code. Loading keeps JSON-native values (``str``, ``int``, ``bool``) so that a loaded
PEP dumps back unchanged; these classes add *validation* and tell the catalogue what kind of
value each path holds.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from marshmallow import ValidationError, fields

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Text(fields.String):
    """Free text; ``None`` allowed (an empty box on a form)."""

    kind = "text"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        super().__init__(**kwargs)


class IsoDate(fields.String):
    """A calendar date written ``YYYY-MM-DD``; anything else (``03/09/2025``) is refused."""

    kind = "date"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not ISO_DATE.match(text):
            raise ValidationError("Not an ISO date (YYYY-MM-DD).")
        try:
            dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValidationError("Not a real calendar date.") from exc
        return text


class Money(fields.Field):
    """An amount in GBP, >= 0, at most two decimal places; kept as a decimal string."""

    kind = "money"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValidationError("Not an amount of money.")
        try:
            amount = Decimal(str(value))
        except InvalidOperation as exc:
            raise ValidationError("Not an amount of money.") from exc
        if not amount.is_finite():
            raise ValidationError("Not an amount of money.")
        if amount < 0:
            raise ValidationError("Money must be 0 or more.")
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError("Money has at most two decimal places (pence).")
        return format(amount.quantize(Decimal("0.01")), "f")

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return None if value is None else format(Decimal(str(value)).quantize(Decimal("0.01")), "f")


class Percent(fields.Float):
    """A percentage from 0 to 100 (attendance)."""

    kind = "percent"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, bool):
            raise ValidationError("Not a number.")
        number = super()._deserialize(value, attr, data, **kwargs)
        if not 0 <= number <= 100:
            raise ValidationError("A percentage must be between 0 and 100.")
        return number


class Code(fields.String):
    """A code from a named code list (``legal_status``: ``C2``); the label lives in the list."""

    kind = "choice"

    def __init__(self, codelist: str, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        super().__init__(**kwargs)
        self.codelist = codelist
