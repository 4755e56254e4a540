"""Age and national curriculum year group from a date of birth.

England admits children to school by academic year (1 September to 31 August): a child's
year group is set by their age on 31 August before the year starts (the school census
"NCyearActual" convention): aged 4 then, Reception; 5, Year 1; ... 17, Year 13. Nursery
years come before Reception: N2 at 3, N1 at 2. A child taught out of their age group (a
summer-born child who started school a year late) has another recorded year group; this is
the year group by age, which a recorded one overrides.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["academic_year_start", "age_on", "year_group_by_age"]

_NURSERY = {2: "N1", 3: "N2", 4: "R"}


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years of age on ``day`` (a child born on 29 February turns a year older on 1
    March in a common year, as English law counts it)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def academic_year_start(day: dt.date) -> dt.date:
    """1 September of the academic year ``day`` falls in (August belongs to the year that
    started the September before)."""
    return dt.date(day.year if day.month >= 9 else day.year - 1, 9, 1)


def year_group_by_age(born: dt.date, on: dt.date) -> str | None:
    """The NCY code for a child born on ``born`` in the academic year of ``on``: ``"N1"``,
    ``"N2"``, ``"R"``, ``"1"`` to ``"13"``; None when the child is under 2 or 18 or over on
    the 31 August before that year (no year group by age)."""
    start = academic_year_start(on)
    age = age_on(born, dt.date(start.year, 8, 31))
    if age in _NURSERY:
        return _NURSERY[age]
    if 5 <= age <= 17:
        return str(age - 4)
    return None
