"""Counting days the way PEP deadlines count them: working days and school days.

Working days skip weekends and the bank holidays of the child's nation (docs/sources.md,
"Timelines": England and Wales, Scotland and Northern Ireland differ). The holidays come from
the maintained ``holidays`` library, never a hand-typed list, so substitute days ("Boxing Day
(observed)") and one-off days (a coronation, a jubilee) are right without a code change.

School days are weekdays inside the authority's term dates, outside half terms, that are not
bank holidays. Authorities publish exact term dates; when a year is not listed,
:func:`default_term_dates` gives a sensible English pattern (see its docstring).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

import holidays

from pepdocs.errors import PepdocsError

__all__ = [
    "NATIONS",
    "AcademicYear",
    "Term",
    "TermCalendar",
    "academic_year_of",
    "add_days",
    "add_school_days",
    "add_working_days",
    "bank_holidays",
    "count_working_days",
    "default_term_dates",
    "is_working_day",
]

Nation = Literal["england-and-wales", "scotland", "northern-ireland"]
TermName = Literal["autumn", "spring", "summer"]
TERM_NAMES: tuple[TermName, ...] = ("autumn", "spring", "summer")

#: Our nation names -> the ``holidays`` library's UK subdivision codes. England and Wales
#: share one list of bank holidays (Banking and Financial Dealings Act 1971, Schedule 1).
NATIONS: Mapping[str, str] = {
    "england-and-wales": "ENG",
    "england": "ENG",
    "wales": "WLS",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}

# Deadlines run a year or two ahead at most; this bounds a runaway count (n in the millions).
_MAX_DAYS_AHEAD = 3660


def _subdivision(nation: str) -> str:
    try:
        return NATIONS[nation]
    except KeyError:
        known = ", ".join(sorted(NATIONS))
        raise PepdocsError(
            f"unknown nation {nation!r} in compliance settings; use one of {known}"
        ) from None


@cache
def _holidays_for(subdivision: str, year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv=subdivision, years=year).keys())


def bank_holidays(nation: str, year: int) -> frozenset[dt.date]:
    """The bank holidays (including substitute days) of ``nation`` in calendar ``year``."""
    return _holidays_for(_subdivision(nation), year)


def is_working_day(day: dt.date, nation: str) -> bool:
    """Monday to Friday and not a bank holiday in ``nation``."""
    return day.weekday() < 5 and day not in bank_holidays(nation, day.year)


def _check_count(n: int) -> None:
    if n < 0:
        raise PepdocsError("a number of days to add must be zero or more")
    if n > _MAX_DAYS_AHEAD:
        raise PepdocsError(f"a number of days to add must be at most {_MAX_DAYS_AHEAD}")


def add_working_days(start: dt.date, n: int, nation: str = "england-and-wales") -> dt.date:
    """The ``n``-th working day after ``start`` (``start`` itself never counts).

    "Within 10 working days of" a Friday 19 December 2025 (England) is Wednesday 7 January
    2026: 25 and 26 December and 1 January are skipped. ``n == 0`` returns ``start``.
    """
    _check_count(n)
    day = start
    counted = 0
    while counted < n:
        day += dt.timedelta(days=1)
        if is_working_day(day, nation):
            counted += 1
    return day


# ---------------------------------------------------------------------------------------------
# Terms


@dataclass(frozen=True, slots=True)
class Term:
    """One school term: first and last teaching day and the half-term break (inclusive)."""

    name: TermName
    start: dt.date
    end: dt.date
    half_term_start: dt.date
    half_term_end: dt.date

    def teaching(self, day: dt.date) -> bool:
        """In term and not in half term (weekends and bank holidays are checked elsewhere)."""
        return self.start <= day <= self.end and not (
            self.half_term_start <= day <= self.half_term_end
        )


@dataclass(frozen=True, slots=True)
class AcademicYear:
    """The three terms of one academic year, e.g. ``"2025-26"``."""

    label: str
    terms: tuple[Term, Term, Term]

    def term(self, name: str) -> Term:
        for term in self.terms:
            if term.name == name:
                return term
        raise PepdocsError(f"unknown term {name!r}; use autumn, spring or summer")


def academic_year_of(day: dt.date) -> str:
    """The academic year a date belongs to: 1 August starts a new one (``"2025-26"``)."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def _first_year(label: str) -> int:
    try:
        first, second = label.split("-")
        year = int(first)
        if len(first) != 4 or int(second) != (year + 1) % 100:
            raise ValueError
    except ValueError:
        raise PepdocsError(f"academic year {label!r} must look like 2025-26") from None
    return year


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _previous_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _easter_sunday(year: int) -> dt.date:
    # Good Friday comes from the holidays library (every UK nation has it) so that Easter is
    # never computed by hand here; Easter Sunday is two days later.
    good_friday = next(
        day for day, name in holidays.country_holidays("GB", years=year).items()
        if name == "Good Friday"
    )
    return good_friday + dt.timedelta(days=2)


MONDAY, FRIDAY = 0, 4


def default_term_dates(label: str) -> AcademicYear:
    """A typical English school year, for authorities that list no term dates for ``label``.

    The pattern most English authorities follow (their published dates vary by a day or two;
    list exact dates in the settings when it matters):

    - autumn: first weekday from 1 September to the Friday on or before 20 December; half
      term the week starting the last Monday of October;
    - spring: first Monday after New Year's Day to the Friday a week before Good Friday;
      half term the week starting the first Monday from 12 February;
    - summer: the Monday a week after Easter Monday to the last weekday on or before 22 July;
      half term the week of the late May (spring) bank holiday, the last Monday in May.
    """
    first = _first_year(label)
    second = first + 1
    october_half_term = _weekday_on_or_before(dt.date(first, 10, 31), MONDAY)
    autumn = Term(
        "autumn",
        _next_weekday(dt.date(first, 9, 1)),
        _weekday_on_or_before(dt.date(first, 12, 20), FRIDAY),
        october_half_term,
        october_half_term + dt.timedelta(days=4),
    )
    easter = _easter_sunday(second)
    february_half_term = _weekday_on_or_after(dt.date(second, 2, 12), MONDAY)
    spring = Term(
        "spring",
        _weekday_on_or_after(dt.date(second, 1, 2), MONDAY),
        easter - dt.timedelta(days=9),
        february_half_term,
        february_half_term + dt.timedelta(days=4),
    )
    may_half_term = _weekday_on_or_before(dt.date(second, 5, 31), MONDAY)
    summer = Term(
        "summer",
        easter + dt.timedelta(days=8),
        _previous_weekday(dt.date(second, 7, 22)),
        may_half_term,
        may_half_term + dt.timedelta(days=4),
    )
    return AcademicYear(label, (autumn, spring, summer))


class TermCalendar:
    """Term dates for any academic year: the authority's listed years, else the default."""

    def __init__(
        self,
        listed: Mapping[str, AcademicYear] | None = None,
        closures: Iterable[dt.date] = (),
    ) -> None:
        self._listed = dict(listed or {})
        # INSET days and other closures an authority lists: not school days.
        self._closures = frozenset(closures)

    def year(self, label: str) -> AcademicYear:
        if label in self._listed:
            return self._listed[label]
        return _default_year(label)

    def year_of(self, day: dt.date) -> AcademicYear:
        return self.year(academic_year_of(day))

    def term_of(self, day: dt.date) -> Term:
        """The term a date belongs to, holidays included: a date in the Christmas holiday
        belongs to autumn, in the Easter holiday to spring, in the summer holiday to summer."""
        year = self.year_of(day)
        autumn, spring, summer = year.terms
        if day.month >= 8:
            return autumn
        if day < summer.start:
            return spring
        return summer

    def is_school_day(self, day: dt.date, nation: str) -> bool:
        if not is_working_day(day, nation) or day in self._closures:
            return False
        return any(term.teaching(day) for term in self.year_of(day).terms)


@cache
def _default_year(label: str) -> AcademicYear:
    return default_term_dates(label)


def add_school_days(
    start: dt.date, n: int, calendar: TermCalendar, nation: str = "england-and-wales"
) -> dt.date:
    """The ``n``-th school day after ``start``; holidays and half terms do not count.

    A school move on the last day of the summer term with "20 school days" lands in late
    September: the summer holiday is not counted.
    """
    _check_count(n)
    day = start
    counted = 0
    limit = start + dt.timedelta(days=_MAX_DAYS_AHEAD)
    while counted < n:
        day += dt.timedelta(days=1)
        if day > limit:
            raise PepdocsError("no school days found in the term dates; check the settings")
        if calendar.is_school_day(day, nation):
            counted += 1
    return day


def add_days(
    start: dt.date, n: int, basis: str, calendar: TermCalendar, nation: str
) -> dt.date:
    """Add ``n`` working or school days, as the authority's ``basis`` says."""
    if basis == "working":
        return add_working_days(start, n, nation)
    if basis == "school":
        return add_school_days(start, n, calendar, nation)
    raise PepdocsError(f"unknown day basis {basis!r} in compliance settings; use working or school")


def count_working_days(start: dt.date, end: dt.date, nation: str) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, nation):
            count += 1
    return count
