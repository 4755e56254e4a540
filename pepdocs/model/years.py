"""The academic year, defined once: 1 September to 31 August, written ``2025-26``.

Every layer that asks "which academic year is this date in?" asks here: the model's
validation (a meeting inside ``meta.academic_year``), the compliance calendar (terms, year
groups, roll-forward across years) and the batch roll-forward. A date in August belongs to
the academic year that began the September before (10 August 2026 is in ``2025-26``): the
school year's summer holiday closes it.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "ACADEMIC_YEAR",
    "academic_year_bounds",
    "academic_year_label",
    "academic_year_of",
    "first_calendar_year",
    "next_academic_year",
]

#: ``2025-26``: the calendar year it starts in, and the last two digits of the next.
ACADEMIC_YEAR = re.compile(r"^(\d{4})-(\d{2})$")

#: The academic year starts on 1 September (``FIRST_MONTH``/``FIRST_DAY``).
FIRST_MONTH, FIRST_DAY = 9, 1


def academic_year_label(first_calendar_year: int) -> str:
    """``2025`` -> ``"2025-26"``; ``2099`` -> ``"2099-00"``."""
    return f"{first_calendar_year}-{(first_calendar_year + 1) % 100:02d}"


def academic_year_of(day: dt.date) -> str:
    """The academic year ``day`` is in: ``2026-08-10`` -> ``"2025-26"``, ``2026-09-01`` ->
    ``"2026-27"``."""
    first = day.year if (day.month, day.day) >= (FIRST_MONTH, FIRST_DAY) else day.year - 1
    return academic_year_label(first)


def first_calendar_year(label: str) -> int:
    """``"2025-26"`` -> ``2025``; ``ValueError`` for anything that is not an academic year
    (the second part must follow the first: ``2025-27`` is refused)."""
    match = ACADEMIC_YEAR.match(label)
    if match is None or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ValueError("not an academic year: write it as YYYY-YY, e.g. 2025-26")
    return int(match[1])


def academic_year_bounds(label: str) -> tuple[dt.date, dt.date]:
    """First and last day of academic year ``label``: ``"2025-26"`` -> 1 September 2025 and
    31 August 2026."""
    start = first_calendar_year(label)
    return dt.date(start, FIRST_MONTH, FIRST_DAY), dt.date(start + 1, 8, 31)


def next_academic_year(label: str, years: int = 1) -> str:
    """The academic year ``years`` after ``label`` (``"2025-26"`` -> ``"2026-27"``)."""
    return academic_year_label(first_calendar_year(label) + years)
