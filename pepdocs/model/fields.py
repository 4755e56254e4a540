"""Field kinds of the canonical model.

The JSON form is the contract: dates are ISO strings, money is a decimal string, codes are the
official code. Loading keeps JSON-native values (``str``, ``int``, ``bool``) so that a loaded
PEP dumps back unchanged; these classes add *validation* and tell the catalogue what kind of
value each path holds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from marshmallow import ValidationError, fields

from pepdocs.model import identifiers
from pepdocs.model.blanks import deliberate_blank
from pepdocs.model.codelists import get_codelist
from pepdocs.model.years import first_calendar_year

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Lists this short are spelt out in full in an error message; longer ones get the nearest.
_SPELL_OUT_UP_TO = 12


class Text(fields.String):
    """Free text; ``None`` allowed (an empty box on a form). A deliberate blank ("N/A",
    "-", "none", "TBC": :mod:`pepdocs.model.blanks`) is no value, as on the form."""

    kind = "text"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs)
        return None if deliberate_blank(text) else text


class IsoDate(fields.String):
    """A calendar date written ``YYYY-MM-DD``; anything else (``03/09/2025``) is refused."""

    kind = "date"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not ISO_DATE.match(text):
            # Forms are day-first and US order exists too: never guess, ask for ISO.
            raise ValidationError(
                "Not an ISO date: write dates as YYYY-MM-DD (2025-09-03 is 3 September 2025)."
            )
        try:
            dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValidationError("Not a real calendar date.") from exc
        return text


class Money(fields.Field[str]):
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
    """A code from a named code list (``legal_status``: ``C2``); the label lives in the list.

    Loading folds case and surrounding spaces onto the official code (``" c2"`` -> ``C2``)
    and accepts a whole number where the code is one (NCY ``10``); an empty string is an
    empty box (``None``). A label or anything else is refused with the nearest codes.
    """

    kind = "choice"

    def __init__(self, codelist: str, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        super().__init__(**kwargs)
        self.codelist = codelist

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        text = super()._deserialize(value, attr, data, **kwargs)
        if not text.strip():
            return None
        codes = get_codelist(self.codelist)
        code = codes.normalise_code(text)
        if code is not None:
            return code
        intro = f"Not a {codes.name} code ({codes.collection_year} list)."
        by_label = codes.code_for_label(text)
        if by_label is not None:
            raise ValidationError(f"{intro} Write the code '{by_label}', not its label.")
        nearest = codes.suggest(text)
        hint = f" Did you mean {_quoted(nearest)}?" if nearest else ""
        if len(codes.codes) <= _SPELL_OUT_UP_TO:
            hint += f" Valid codes: {', '.join(codes.codes)}."
        raise ValidationError(f"{intro}{hint}")


def _quoted(codes: list[str]) -> str:
    quoted = [f"'{code}'" for code in codes]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


class Identifier(Text):
    """Text that must pass one of the :mod:`pepdocs.model.identifiers` checks.

    Surrounding spaces are dropped and ``normalise`` applied (UPNs upper-cased); an empty
    string is an empty box (``None``). ``pattern`` is the shape for the JSON Schema export.
    """

    check: Callable[[str], str | None] = staticmethod(lambda text: None)
    pattern: str | None = None

    def normalise(self, text: str) -> str:
        return text

    def tidy(self, text: str) -> str:
        """The identifier as it must be checked, from a way forms commonly write it."""
        return text

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = self.tidy((super()._deserialize(value, attr, data, **kwargs) or "").strip())
        if not text:
            return None
        problem = self.check(text)
        if problem is not None:
            raise ValidationError(problem)
        return self.normalise(text)


class Upn(Identifier):
    """Unique pupil number, check letter verified; ``UN1``..``UN5`` when not known."""

    check = staticmethod(identifiers.validate_upn)
    pattern = r"^([A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]|UN[1-5])$"

    def normalise(self, text: str) -> str:
        return text.upper()


class Uln(Identifier):
    """Unique learner number: 10 digits with its check digit."""

    check = staticmethod(identifiers.validate_uln)
    pattern = r"^[0-9]{10}$"


class Urn(Identifier):
    """URN (6 or 7 digits) or Ofsted early-years registration (``EY`` + digits)."""

    check = staticmethod(identifiers.validate_urn)
    pattern = r"^([0-9]{6,7}|EY[0-9]{6,7})$"

    def normalise(self, text: str) -> str:
        return text.upper()


class Laestab(Identifier):
    """DfE number: 3-digit LA code + 4-digit establishment number, stored as 7 digits."""

    check = staticmethod(identifiers.validate_laestab)
    pattern = r"^[0-9]{7}$"

    def tidy(self, text: str) -> str:
        # Forms print the DfE number as NNN/NNNN (LA code / establishment number).
        return identifiers.laestab_digits(text)


class Email(Identifier):
    """An email address (light shape check)."""

    check = staticmethod(identifiers.validate_email)
    pattern = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"


class Phone(Identifier):
    """A UK phone number as people write it (spaces kept): 10 or 11 digits, or +44."""

    check = staticmethod(identifiers.validate_phone)
    pattern = r"^\+?[0-9\s()-]+$"


class AcademicYear(Identifier):
    """An English academic year, 1 September to 31 August, written ``2025-26``."""

    pattern = r"^[0-9]{4}-[0-9]{2}$"

    @staticmethod
    def check(text: str) -> str | None:
        try:
            first_calendar_year(text)
        except ValueError:
            return "Not an academic year: write it as YYYY-YY, e.g. 2025-26."
        return None


class Count(fields.Integer):
    """A whole number of things (sessions, placements, a score) within ``[minimum, maximum]``."""

    kind = "int"

    def __init__(self, minimum: int = 0, maximum: int | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("allow_none", True)
        kwargs.setdefault("strict", True)
        super().__init__(**kwargs)
        self.minimum = minimum
        self.maximum = maximum

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, bool):
            raise ValidationError("Not a whole number.")
        number = super()._deserialize(value, attr, data, **kwargs)
        if number < self.minimum:
            raise ValidationError(f"Must be {self.minimum} or more.")
        if self.maximum is not None and number > self.maximum:
            raise ValidationError(f"Must be {self.maximum} or less.")
        return number
