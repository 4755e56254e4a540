"""Statutory dates from plain facts: no PEP needed, so any caller can use them.

``check`` and ``due`` compute their dates here from a PEP's fields; the SSDA903 cohort work
computes the same dates from a case-management export (date of birth, care period start,
emergency entry or unknown, review dates). One implementation, so the two never disagree.

Sources (their public titles; docs/compliance.md has the full table):

- The Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959),
  "the 2010 Regulations": reg 4(2) (the care plan, of which the PEP is part by reg 5(b)(ii),
  before the first placement or, if that is not practicable, within ten working days of its
  start), reg 33 (reviews of the child's case: the first within 20 working days of becoming
  looked after, the second within three months of the first, then at most six months apart),
  regs 40-43 (eligible children and their pathway plans).
- The Children Act 1989, Schedule 2 paragraph 19B (who is an eligible child).
- Early education and childcare: statutory guidance for local authorities (DfE): funded
  early education for two-year-olds starts the term after the second birthday, on 1 January,
  1 April or 1 September.

Working days are Monday to Friday minus the bank holidays of the nation (see
:mod:`pepdocs.compliance.calendar`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pepdocs.compliance.calendar import add_months, add_working_days, add_years, age_on
from pepdocs.errors import PepdocsError
from pepdocs.model.years import academic_year_bounds, academic_year_of

__all__ = [
    "ADULT_AGE",
    "CARE_PLAN_EMERGENCY_WORKING_DAYS",
    "FIRST_REVIEW_WORKING_DAYS",
    "CarePeriod",
    "CareReview",
    "InitialPepMilestones",
    "PathwayPlanDue",
    "care_review_dates",
    "early_years_pep_from",
    "end_of_academic_year_turning",
    "initial_pep_milestones",
    "next_care_review",
    "pathway_plan_due",
    "year_group",
]

#: The 2010 Regulations reg 4(2): the care plan within ten working days of the start of the
#: first placement when it could not be prepared before it.
CARE_PLAN_EMERGENCY_WORKING_DAYS = 10
#: The 2010 Regulations reg 33(1): the first review within 20 working days of becoming looked
#: after; the PEP must be ready for it.
FIRST_REVIEW_WORKING_DAYS = 20
#: reg 33(2): the second review at most three months after the first, later ones at most six
#: months after the one before.
SECOND_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 6
#: The 2010 Regulations reg 40(1): an eligible child has been looked after for 13 weeks since
#: the age of 14, ending after 16 (Children Act 1989, Schedule 2 paragraph 19B(2)).
ELIGIBLE_PERIOD = dt.timedelta(weeks=13)
ELIGIBLE_PERIOD_FROM_AGE = 14
ELIGIBLE_FROM_AGE = 16
#: The 2010 Regulations reg 42(1): the needs assessment (on which the pathway plan is built,
#: reg 43) at most three months after the 16th birthday or becoming eligible after it.
PATHWAY_ASSESSMENT_MONTHS = 3
ADULT_AGE = 18


# ----------------------------------------------------------------------------- initial PEP


@dataclass(frozen=True, slots=True)
class InitialPepMilestones:
    """The two statutory dates of an initial PEP.

    ``care_plan_due``: the PEP, part of the care plan, is started by then: the day of the
    first placement for a planned entry, ten working days after it for an emergency one, and
    ``None`` when it is not known which (then ``care_plan_latest`` is the later reading).
    ``first_review_due``: the PEP is ready for the first review of the child's case, 20
    working days after becoming looked after; always working days, whatever an authority
    counts its own deadlines in.
    """

    entered: dt.date
    emergency: bool | None
    care_plan_due: dt.date | None
    care_plan_latest: dt.date
    first_review_due: dt.date


def initial_pep_milestones(
    entry_date: dt.date, emergency: bool | None, *, nation: str = "england"
) -> InitialPepMilestones:
    """The initial PEP's dates for a child who became looked after on ``entry_date`` (also the
    start of the first placement), entering in an emergency (``True``), planned (``False``)
    or unknown (``None``).

    Entry on Friday 19 December 2025 in England: the first review is due by Wednesday
    21 January 2026 (20 working days; 25 and 26 December and 1 January are bank holidays);
    an emergency entry's care plan by Wednesday 7 January 2026.
    """
    emergency_due = add_working_days(entry_date, CARE_PLAN_EMERGENCY_WORKING_DAYS, nation)
    care_plan_due = None if emergency is None else emergency_due if emergency else entry_date
    return InitialPepMilestones(
        entered=entry_date,
        emergency=emergency,
        care_plan_due=care_plan_due,
        care_plan_latest=emergency_due if emergency is not False else entry_date,
        first_review_due=add_working_days(entry_date, FIRST_REVIEW_WORKING_DAYS, nation),
    )


# ----------------------------------------------------------------------------- care reviews


@dataclass(frozen=True, slots=True)
class CareReview:
    """The ``number``-th statutory review of the child's case (1 = the first) and the date it
    is due by; ``held`` when the caller said when it took place."""

    number: int
    due: dt.date
    held: dt.date | None = None


def _reviews(
    entry_date: dt.date, held: Sequence[dt.date], nation: str
) -> Iterator[CareReview]:
    due = add_working_days(entry_date, FIRST_REVIEW_WORKING_DAYS, nation)
    number = 1
    while True:
        took_place = held[number - 1] if number <= len(held) else None
        yield CareReview(number, due, took_place)
        # Each interval runs from the review actually held, else from the date it was due.
        months = SECOND_REVIEW_MONTHS if number == 1 else LATER_REVIEW_MONTHS
        due = add_months(took_place or due, months)
        number += 1


def care_review_dates(
    entry_date: dt.date,
    held: Iterable[dt.date] = (),
    *,
    until: dt.date,
    nation: str = "england",
) -> list[CareReview]:
    """The statutory reviews of the child's case from ``entry_date`` whose due dates fall on
    or before ``until``, and the first one after it.

    ``held`` are the dates reviews took place, in order (the first review first); each later
    interval counts from the review held, or, past the last one given, from the due date.
    """
    given = sorted(held)
    found: list[CareReview] = []
    for review in _reviews(entry_date, given, nation):
        found.append(review)
        if review.due > until or review.number > 1000:
            return found
    raise AssertionError("unreachable: the review generator never ends")


def next_care_review(
    entry_date: dt.date,
    on: dt.date,
    held: Iterable[dt.date] | None = None,
    *,
    nation: str = "england",
) -> CareReview:
    """The next statutory review of the child's case as seen on ``on``.

    With ``held`` (the dates reviews took place) it is the first review not held, which may
    be overdue. Without it (a PEP records no review dates) every earlier review is assumed
    held on its due date, so the answer is the first due on or after ``on``: the latest date
    the next review can be, since a review held early brings the next one forward.
    """
    if held is None:
        return next(review for review in _reviews(entry_date, [], nation) if review.due >= on)
    given = sorted(held)
    return next(review for review in _reviews(entry_date, given, nation) if review.held is None)


# ----------------------------------------------------------------------------- pathway plan


@dataclass(frozen=True, slots=True)
class CarePeriod:
    """A period of being looked after: from ``start`` up to the day before ``end`` (the day
    the child ceased to be looked after), or ongoing when ``end`` is ``None``."""

    start: dt.date
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def days_between(self, first: dt.date, stop: dt.date) -> int:
        """Days of this period in ``[first, stop)``."""
        begin = max(self.start, first)
        finish = stop if self.end is None else min(self.end, stop)
        return max((finish - begin).days, 0)


@dataclass(frozen=True, slots=True)
class PathwayPlanDue:
    """When a young person became an eligible child and when the needs assessment (and the
    pathway plan built on it) is due: three months after ``eligible_from``, which is the
    16th birthday or, when the 13 weeks are completed later, that later day."""

    eligible_from: dt.date
    due: dt.date
    sixteenth_birthday: dt.date

    @property
    def eligible_on_sixteenth_birthday(self) -> bool:
        return self.eligible_from == self.sixteenth_birthday


def pathway_plan_due(
    date_of_birth: dt.date,
    care_periods: Iterable[CarePeriod | tuple[dt.date, dt.date | None]],
    *,
    short_breaks: bool = False,
) -> PathwayPlanDue | None:
    """The pathway plan's due date for an eligible child, or ``None`` for a young person who
    is not (and will not become, on these periods) an eligible child before 18.

    Eligible (Children Act 1989 Sch 2 para 19B; the 2010 Regulations reg 40): aged 16 or 17,
    looked after for 13 weeks in all since the age of 14, the time ending after 16. Children
    in a series of short breaks (reg 48) are never eligible (reg 40(2)). The due date is
    never before the child entered care: a child who enters care at 16 years 4 months becomes
    eligible 13 weeks later and is due three months after that.

    ``care_periods`` are every period of care known; a PEP knows only the current one, which
    can only make the answer later than the full history would.
    """
    if short_breaks:
        return None
    periods = [p if isinstance(p, CarePeriod) else CarePeriod(*p) for p in care_periods]
    from_14 = add_years(date_of_birth, ELIGIBLE_PERIOD_FROM_AGE)
    sixteenth = add_years(date_of_birth, ELIGIBLE_FROM_AGE)
    eighteenth = add_years(date_of_birth, ADULT_AGE)
    needed = ELIGIBLE_PERIOD.days
    looked_after = sum(period.days_between(from_14, sixteenth) for period in periods)
    day = sixteenth
    while day < eighteenth:
        here = any(period.covers(day) for period in periods)
        if here and looked_after >= needed:
            return PathwayPlanDue(day, add_months(day, PATHWAY_ASSESSMENT_MONTHS), sixteenth)
        if here:
            looked_after += 1
        day += dt.timedelta(days=1)
    return None


# ----------------------------------------------------------------------------- ages and years

#: Age on 31 August at the end of the academic year -> national curriculum year, as the school
#: census codes it (DfE school census guide, national curriculum year group): a child who
#: turns 5 during the academic year is in Reception, one who turns 6 in Year 1, and so on.
_EARLY_YEARS = {0: "E1", 1: "E1", 2: "E2", 3: "N1", 4: "N2", 5: "R"}
_LAST_YEAR_GROUP = 14


def year_group(date_of_birth: dt.date, on: dt.date) -> str | None:
    """The national curriculum year a child born on ``date_of_birth`` is in on ``on`` by age
    (cut-off 31 August): ``"R"`` for a child who turns 5 in the academic year, ``"1"`` ..
    ``"14"`` after it, ``"N2"``, ``"N1"``, ``"E2"``, ``"E1"`` before it; ``None`` before birth
    or past Year 14.

    Born 31 August 2015 -> Year 6 in 2025-26; born 1 September 2015 -> Year 5.
    """
    if on < date_of_birth:
        return None
    _, year_end = academic_year_bounds(academic_year_of(on))
    age = age_on(date_of_birth, year_end)
    if age in _EARLY_YEARS:
        return _EARLY_YEARS[age]
    group = age - 5
    return str(group) if 1 <= group <= _LAST_YEAR_GROUP else None


#: Funded early education terms start on these days (month, day), in calendar order.
_FUNDED_TERM_STARTS = ((1, 1), (4, 1), (9, 1))


def early_years_pep_from(date_of_birth: dt.date, birthday: int = 2) -> dt.date:
    """The start of the funded-education term after the ``birthday``-th birthday: the first
    1 January, 1 April or 1 September strictly after it (a child turning 2 on 15 February
    2026 is funded from 1 April 2026; one turning 2 on 1 April from 1 September)."""
    if birthday < 0:
        raise PepdocsError("an early-years start age must be 0 or more")
    turned = add_years(date_of_birth, birthday)
    for year in (turned.year, turned.year + 1):
        for month, day in _FUNDED_TERM_STARTS:
            start = dt.date(year, month, day)
            if start > turned:
                return start
    raise AssertionError("unreachable: 1 January of the next year is after any day")


def end_of_academic_year_turning(date_of_birth: dt.date, age: int) -> dt.date:
    """31 August of the academic year in which the child turns ``age`` (PEPs run to the end
    of the academic year of the 18th birthday)."""
    birthday = add_years(date_of_birth, age)
    return academic_year_bounds(academic_year_of(birthday))[1]
