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
from typing import Literal, NamedTuple

import holidays

from pepdocs.errors import PepdocsError
from pepdocs.model.years import (
    academic_year_bounds,
    academic_year_of,
    first_calendar_year,
    next_academic_year,
)

__all__ = [
    "NATIONS",
    "AcademicYear",
    "SchoolTerm",
    "Term",
    "TermCalendar",
    "academic_year_of",
    "add_days",
    "add_months",
    "add_school_days",
    "add_working_days",
    "add_years",
    "age_on",
    "bank_holidays",
    "count_working_days",
    "default_term_dates",
    "is_working_day",
    "next_term",
    "term_of",
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


def _first_year(label: str) -> int:
    try:
        return first_calendar_year(label)
    except ValueError:
        raise PepdocsError(f"academic year {label!r} must look like 2025-26") from None


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

    @property
    def lists_years(self) -> bool:
        """Whether any academic year's term dates are listed (else all are the default)."""
        return bool(self._listed)

    def year(self, label: str) -> AcademicYear:
        if label in self._listed:
            return self._listed[label]
        return _default_year(label)

    def year_of(self, day: dt.date) -> AcademicYear:
        return self.year(academic_year_of(day))

    def term_of(self, day: dt.date) -> Term:
        """The term a date belongs to, holidays included (see :func:`term_span`)."""
        year = self.year_of(day)
        for term in year.terms:
            first, last = self.term_span(year, term.name)
            if first <= day <= last:
                return term
        raise AssertionError("unreachable: the three spans cover the academic year")

    def term_span(self, year: AcademicYear, name: str) -> tuple[dt.date, dt.date]:
        """The days that count as term ``name`` of ``year``, holidays included.

        The academic year (1 September to 31 August) is cut in three at fixed points: autumn
        runs from 1 September to 31 December, spring from 1 January to the day before the
        summer term's first day, and summer from that day to 31 August. So the Christmas
        holiday splits at New Year, the Easter holiday belongs to spring, and August, the
        summer holiday, to summer. The summer term's first day is the authority's listed one
        when ``term_dates`` list the year, else the default pattern's (a week after Easter
        Monday).
        """
        first_day, last_day = academic_year_bounds(year.label)
        summer_start = year.term("summer").start
        if name == "autumn":
            return first_day, dt.date(first_day.year, 12, 31)
        if name == "spring":
            return dt.date(last_day.year, 1, 1), summer_start - dt.timedelta(days=1)
        year.term(name)  # refuses an unknown name
        return summer_start, last_day

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


# ---------------------------------------------------------------------------------------------
# Terms as labels, for callers without term dates of their own (roll-forward, the 903 cohort)

#: Term dates of no authority: the documented default pattern for every year.
DEFAULT_CALENDAR = TermCalendar()


class SchoolTerm(NamedTuple):
    """A term of an academic year as the model writes them: ``("2025-26", "summer")``."""

    academic_year: str
    term: TermName


def term_of(day: dt.date, calendar: TermCalendar | None = None) -> SchoolTerm:
    """The academic year and term ``day`` belongs to, on ``calendar``'s term dates (the
    default pattern when ``None``): 10 August 2026 is ``("2025-26", "summer")``, 2 January
    2026 ``("2025-26", "spring")``. See :meth:`TermCalendar.term_span` for the rule."""
    chosen = calendar or DEFAULT_CALENDAR
    return SchoolTerm(academic_year_of(day), chosen.term_of(day).name)


def next_term(term: SchoolTerm) -> SchoolTerm:
    """The term after ``term``; summer is followed by the next academic year's autumn."""
    if term.term == "summer":
        return SchoolTerm(next_academic_year(term.academic_year), "autumn")
    return SchoolTerm(term.academic_year, TERM_NAMES[TERM_NAMES.index(term.term) + 1])


# ---------------------------------------------------------------------------------------------
# Calendar months and years


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
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def age_on(born: dt.date, day: dt.date) -> int:
    """Completed years of age on ``day`` (a 29 February birthday counts from 1 March in a
    common year, as :func:`add_years` does)."""
    years = day.year - born.year
    return years if add_years(born, years) <= day else years - 1
