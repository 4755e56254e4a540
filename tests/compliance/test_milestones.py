"""Statutory dates from plain facts, with their arithmetic spelt out (England's bank holidays
of 2025-2027 come from the real ``holidays`` package)."""

from __future__ import annotations

import datetime as dt

import pytest

from pepdocs.compliance import (
    CarePeriod,
    care_review_dates,
    early_years_pep_from,
    end_of_academic_year_turning,
    initial_pep_milestones,
    next_care_review,
    pathway_plan_due,
    year_group,
)
from pepdocs.compliance.calendar import bank_holidays

D = dt.date


def test_the_bank_holidays_the_examples_rely_on_are_england_s() -> None:
    # Christmas 2025 on a Thursday; Easter 2026 (3 and 6 April); Christmas 2026 on a Friday,
    # Boxing Day on a Saturday moved to Monday 28 December; Easter 2027 (26 and 29 March).
    assert {D(2025, 12, 25), D(2025, 12, 26)} <= bank_holidays("england", 2025)
    assert {D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 12, 25), D(2026, 12, 28)} <= (
        bank_holidays("england", 2026)
    )
    assert {D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29)} <= bank_holidays("england", 2027)


# ----------------------------------------------------------------------------- initial PEP


def test_an_emergency_entry_on_19_december_2025_has_two_milestones() -> None:
    # Working days after Friday 19 December: 22, 23, 24 (3), 29, 30, 31 (6), 2 January (7),
    # 5, 6, 7 (10) ... 19, 20, 21 January (20); 25, 26 December and 1 January are holidays.
    dates = initial_pep_milestones(D(2025, 12, 19), emergency=True)
    assert dates.care_plan_due == D(2026, 1, 7)
    assert dates.first_review_due == D(2026, 1, 21)


def test_a_planned_entry_needs_the_pep_in_the_care_plan_before_the_placement() -> None:
    dates = initial_pep_milestones(D(2025, 12, 19), emergency=False)
    assert dates.care_plan_due == D(2025, 12, 19)
    assert dates.care_plan_latest == D(2025, 12, 19)
    assert dates.first_review_due == D(2026, 1, 21)


def test_an_unknown_emergency_flag_is_unknown_not_planned() -> None:
    dates = initial_pep_milestones(D(2025, 12, 19), emergency=None)
    assert dates.care_plan_due is None
    # Judged on the later reading: an emergency's ten working days.
    assert dates.care_plan_latest == D(2026, 1, 7)
    assert dates.first_review_due == D(2026, 1, 21)


def test_the_first_review_skips_easter_2026() -> None:
    # Friday 27 March 2026: Good Friday 3 April and Easter Monday 6 April are not counted.
    assert initial_pep_milestones(D(2026, 3, 27), emergency=False).first_review_due == (
        D(2026, 4, 28)
    )


def test_an_emergency_in_march_2027_skips_easter_2027() -> None:
    # Friday 19 March 2027 + 10 working days: 22-25 (4), 26 Good Friday, 29 Easter Monday,
    # 30 March - 2 April (8), 5, 6 April (10).
    dates = initial_pep_milestones(D(2027, 3, 19), emergency=True)
    assert dates.care_plan_due == D(2027, 4, 6)
    assert dates.first_review_due == D(2027, 4, 20)


def test_scotland_s_2_january_moves_the_milestones_a_day() -> None:
    dates = initial_pep_milestones(D(2025, 12, 19), emergency=True, nation="scotland")
    assert (dates.care_plan_due, dates.first_review_due) == (D(2026, 1, 8), D(2026, 1, 22))


# ----------------------------------------------------------------------------- care reviews


def test_care_reviews_at_20_working_days_then_3_months_then_every_6() -> None:
    reviews = care_review_dates(D(2025, 12, 19), until=D(2027, 1, 1))
    assert [(r.number, r.due) for r in reviews] == [
        (1, D(2026, 1, 21)), (2, D(2026, 4, 21)), (3, D(2026, 10, 21)), (4, D(2027, 4, 21)),
    ]


def test_an_early_review_brings_the_next_one_forward() -> None:
    reviews = care_review_dates(D(2025, 12, 19), [D(2026, 1, 14)], until=D(2026, 5, 1))
    # The third counts six months from the second's due date, as it is not held yet.
    assert [(r.number, r.due, r.held) for r in reviews] == [
        (1, D(2026, 1, 21), D(2026, 1, 14)), (2, D(2026, 4, 14), None),
        (3, D(2026, 10, 14), None),
    ]


def test_the_next_care_review_assumes_reviews_on_time_when_none_are_given() -> None:
    assert next_care_review(D(2025, 12, 19), D(2026, 6, 1)).due == D(2026, 10, 21)
    assert next_care_review(D(2025, 12, 19), D(2026, 1, 21)).number == 1


def test_the_next_care_review_given_held_reviews_may_be_overdue() -> None:
    review = next_care_review(D(2025, 12, 19), D(2026, 6, 1), held=[D(2026, 1, 14)])
    assert (review.number, review.due) == (2, D(2026, 4, 14))


def test_three_months_after_30_november_is_the_end_of_february() -> None:
    # Entry Friday 31 October 2025 + 20 working days = Friday 28 November 2025.
    reviews = care_review_dates(D(2025, 10, 31), until=D(2026, 3, 1))
    assert [r.due for r in reviews[:2]] == [D(2025, 11, 28), D(2026, 2, 28)]


# ----------------------------------------------------------------------------- pathway plan


def test_a_child_in_care_long_before_16_is_due_3_months_after_the_birthday() -> None:
    due = pathway_plan_due(D(2009, 12, 1), [(D(2020, 1, 1), None)])
    assert due is not None
    assert (due.eligible_from, due.due) == (D(2025, 12, 1), D(2026, 3, 1))
    assert due.eligible_on_sixteenth_birthday


def test_entering_care_at_16_years_4_months_is_never_due_before_entering() -> None:
    # 16 on 1 December 2025; enters care 1 April 2026; 13 weeks later, 1 July 2026, eligible.
    due = pathway_plan_due(D(2009, 12, 1), [CarePeriod(D(2026, 4, 1))])
    assert due is not None
    assert (due.eligible_from, due.due) == (D(2026, 7, 1), D(2026, 10, 1))
    assert not due.eligible_on_sixteenth_birthday


def test_weeks_before_16_count_towards_the_13() -> None:
    # In care from 1 November 2025: 30 days before the birthday, 61 after it.
    due = pathway_plan_due(D(2009, 12, 1), [(D(2025, 11, 1), None)])
    assert due is not None and due.eligible_from == D(2026, 1, 31)


def test_time_in_care_before_14_does_not_count_and_earlier_periods_do() -> None:
    periods = [(D(2019, 1, 1), D(2023, 1, 1)), (D(2024, 2, 1), D(2024, 3, 2)),
               (D(2026, 1, 5), None)]
    # Since 14 (1 December 2023): 30 days in 2024, then from 5 January 2026, 61 more days.
    due = pathway_plan_due(D(2009, 12, 1), periods)
    assert due is not None and due.eligible_from == D(2026, 3, 7)


def test_a_young_person_not_13_weeks_in_care_before_18_is_not_eligible() -> None:
    assert pathway_plan_due(D(2008, 12, 1), [(D(2026, 10, 1), None)]) is None


def test_a_child_who_left_care_before_16_is_not_eligible() -> None:
    assert pathway_plan_due(D(2009, 12, 1), [(D(2023, 1, 1), D(2025, 6, 1))]) is None


def test_short_break_children_are_never_eligible() -> None:
    assert pathway_plan_due(D(2009, 12, 1), [(D(2020, 1, 1), None)], short_breaks=True) is None


# ----------------------------------------------------------------------------- ages and years


@pytest.mark.parametrize(
    ("born", "on", "expected"),
    [
        (D(2015, 8, 31), D(2025, 10, 1), "6"),  # the youngest of Year 6
        (D(2015, 9, 1), D(2025, 10, 1), "5"),  # the oldest of Year 5
        (D(2020, 9, 1), D(2025, 10, 1), "R"),
        (D(2021, 8, 31), D(2026, 8, 10), "R"),  # August is still the same academic year
        (D(2021, 8, 31), D(2026, 9, 1), "1"),
        (D(2022, 9, 1), D(2025, 10, 1), "N1"),
        (D(2022, 3, 1), D(2025, 10, 1), "N2"),
        (D(2021, 12, 1), D(2025, 10, 1), "N2"),
        (D(2008, 2, 29), D(2025, 10, 1), "13"),  # turns 18 on 1 March 2026
        (D(2006, 9, 1), D(2025, 10, 1), "14"),
        (D(2005, 9, 1), D(2025, 10, 1), None),
        (D(2025, 11, 1), D(2025, 10, 1), None),
    ],
)
def test_the_year_group_follows_the_31_august_cut_off(
    born: dt.date, on: dt.date, expected: str | None
) -> None:
    assert year_group(born, on) == expected


@pytest.mark.parametrize(
    ("born", "funded_from"),
    [
        (D(2024, 2, 15), D(2026, 4, 1)),
        (D(2024, 3, 31), D(2026, 4, 1)),
        (D(2024, 4, 1), D(2026, 9, 1)),
        (D(2024, 8, 31), D(2026, 9, 1)),
        (D(2024, 9, 1), D(2027, 1, 1)),
        (D(2023, 12, 31), D(2026, 1, 1)),
        (D(2024, 1, 1), D(2026, 4, 1)),
    ],
)
def test_early_years_peps_start_the_funded_term_after_the_second_birthday(
    born: dt.date, funded_from: dt.date
) -> None:
    assert early_years_pep_from(born) == funded_from


def test_an_authority_can_start_early_years_peps_after_the_third_birthday() -> None:
    assert early_years_pep_from(D(2023, 2, 15), birthday=3) == D(2026, 4, 1)


def test_peps_run_to_the_end_of_the_academic_year_of_the_18th_birthday() -> None:
    assert end_of_academic_year_turning(D(2008, 2, 29), 18) == D(2026, 8, 31)
    assert end_of_academic_year_turning(D(2008, 9, 1), 18) == D(2027, 8, 31)
