"""Working days and school days around weekends, bank holidays, leap years and terms."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pepdocs.compliance.calendar import (
    AcademicYear,
    SchoolTerm,
    Term,
    TermCalendar,
    academic_year_of,
    add_days,
    add_school_days,
    add_working_days,
    bank_holidays,
    count_working_days,
    default_term_dates,
    is_working_day,
    next_term,
    term_of,
)
from pepdocs.compliance.settings import load_settings
from pepdocs.errors import PepdocsError

D = dt.date


# ----------------------------------------------------------------------------- working days


def test_ten_working_days_from_friday_19_december_2025_skip_christmas_and_new_year() -> None:
    # The worked example in docs/sources.md: 25 and 26 December and 1 January 2026 are skipped.
    assert add_working_days(D(2025, 12, 19), 10, "england-and-wales") == D(2026, 1, 7)


def test_northern_ireland_counts_christmas_like_england() -> None:
    assert add_working_days(D(2025, 12, 19), 10, "northern-ireland") == D(2026, 1, 7)


def test_scotland_also_skips_2_january() -> None:
    assert add_working_days(D(2025, 12, 19), 10, "scotland") == D(2026, 1, 8)


def test_a_friday_plus_one_working_day_is_the_monday() -> None:
    assert add_working_days(D(2025, 11, 7), 1) == D(2025, 11, 10)


def test_a_saturday_start_counts_from_the_monday() -> None:
    assert add_working_days(D(2025, 11, 8), 1) == D(2025, 11, 10)


def test_zero_days_is_the_start_itself() -> None:
    assert add_working_days(D(2025, 11, 8), 0) == D(2025, 11, 8)


def test_boxing_day_on_a_saturday_moves_the_holiday_to_monday_28_december_2026() -> None:
    assert add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 29)


@pytest.mark.parametrize(
    ("nation", "expected"),
    [
        ("england-and-wales", D(2026, 4, 7)),
        ("northern-ireland", D(2026, 4, 7)),
        ("scotland", D(2026, 4, 6)),
    ],
)
def test_easter_2026_good_friday_everywhere_easter_monday_not_in_scotland(
    nation: str, expected: dt.date
) -> None:
    assert add_working_days(D(2026, 4, 2), 1, nation) == expected


def test_early_may_bank_holiday_2026_is_skipped() -> None:
    assert add_working_days(D(2026, 5, 1), 1) == D(2026, 5, 5)


def test_late_may_bank_holiday_2026_is_skipped() -> None:
    assert add_working_days(D(2026, 5, 22), 1) == D(2026, 5, 26)


def test_leap_day_2028_is_a_working_day() -> None:
    assert is_working_day(D(2028, 2, 29), "england-and-wales")
    assert add_working_days(D(2028, 2, 25), 3) == D(2028, 3, 1)


def test_february_in_a_common_year_goes_straight_to_march() -> None:
    assert add_working_days(D(2027, 2, 26), 2) == D(2027, 3, 2)


def test_st_patricks_day_is_a_holiday_only_in_northern_ireland() -> None:
    assert add_working_days(D(2026, 3, 16), 1, "northern-ireland") == D(2026, 3, 18)
    assert add_working_days(D(2026, 3, 16), 1, "england-and-wales") == D(2026, 3, 17)


def test_scotland_has_its_summer_bank_holiday_in_early_august() -> None:
    assert not is_working_day(D(2026, 8, 3), "scotland")
    assert is_working_day(D(2026, 8, 3), "england-and-wales")
    assert not is_working_day(D(2026, 8, 31), "england-and-wales")


def test_bank_holidays_come_from_the_holidays_library_per_nation() -> None:
    england = bank_holidays("england-and-wales", 2026)
    assert {
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    } <= england
    assert D(2026, 1, 2) in bank_holidays("scotland", 2026)
    assert D(2026, 3, 17) in bank_holidays("northern-ireland", 2026)
    assert D(2026, 7, 13) in bank_holidays("northern-ireland", 2026)  # Boyne, observed


def test_an_unknown_nation_is_an_error_naming_the_choices() -> None:
    with pytest.raises(PepdocsError, match="scotland"):
        add_working_days(D(2026, 1, 5), 1, "atlantis")


def test_negative_and_absurd_counts_are_refused() -> None:
    with pytest.raises(PepdocsError):
        add_working_days(D(2026, 1, 5), -1)
    with pytest.raises(PepdocsError):
        add_working_days(D(2026, 1, 5), 10**7)


def test_count_working_days_is_the_inverse_of_adding() -> None:
    assert count_working_days(D(2025, 12, 19), D(2026, 1, 7), "england-and-wales") == 10
    assert count_working_days(D(2026, 1, 7), D(2025, 12, 19), "england-and-wales") == 0


# ----------------------------------------------------------------------------- terms


def test_default_2025_26_terms_follow_the_usual_english_pattern() -> None:
    autumn, spring, summer = default_term_dates("2025-26").terms
    assert (autumn.start, autumn.end) == (D(2025, 9, 1), D(2025, 12, 19))
    assert (autumn.half_term_start, autumn.half_term_end) == (D(2025, 10, 27), D(2025, 10, 31))
    assert (spring.start, spring.end) == (D(2026, 1, 5), D(2026, 3, 27))
    assert (spring.half_term_start, spring.half_term_end) == (D(2026, 2, 16), D(2026, 2, 20))
    assert (summer.start, summer.end) == (D(2026, 4, 13), D(2026, 7, 22))
    # The week of the late May bank holiday.
    assert (summer.half_term_start, summer.half_term_end) == (D(2026, 5, 25), D(2026, 5, 29))


def test_default_terms_move_with_easter() -> None:
    # Easter Sunday 2027 is 28 March, in 2028 16 April.
    assert default_term_dates("2026-27").terms[1].end == D(2027, 3, 19)
    assert default_term_dates("2027-28").terms[2].start == D(2028, 4, 24)


def test_a_malformed_academic_year_is_refused() -> None:
    with pytest.raises(PepdocsError, match="2025-26"):
        default_term_dates("2025-2027")


def test_academic_years_run_1_september_to_31_august_as_the_model_s() -> None:
    assert academic_year_of(D(2026, 8, 10)) == "2025-26"
    assert academic_year_of(D(2026, 8, 31)) == "2025-26"
    assert academic_year_of(D(2026, 9, 1)) == "2026-27"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2025, 9, 1), ("2025-26", "autumn")),
        (D(2025, 12, 24), ("2025-26", "autumn")),  # Christmas holiday, before New Year
        (D(2025, 12, 31), ("2025-26", "autumn")),
        (D(2026, 1, 2), ("2025-26", "spring")),  # the first days of January: spring
        (D(2026, 4, 8), ("2025-26", "spring")),  # Easter holiday (summer term starts 13 April)
        (D(2026, 4, 13), ("2025-26", "summer")),
        (D(2026, 7, 23), ("2025-26", "summer")),
        (D(2026, 8, 10), ("2025-26", "summer")),  # August: the summer term of its year
        (D(2026, 8, 31), ("2025-26", "summer")),
        (D(2026, 9, 1), ("2026-27", "autumn")),
        (D(2027, 4, 2), ("2026-27", "spring")),  # Easter 2027 is 28 March; summer from 5 April
        (D(2027, 4, 5), ("2026-27", "summer")),
    ],
)
def test_every_date_belongs_to_one_term_of_its_academic_year(
    day: dt.date, expected: tuple[str, str]
) -> None:
    assert term_of(day) == expected
    assert TermCalendar().term_of(day).name == expected[1]


def test_an_authority_s_summer_term_start_moves_the_spring_summer_line() -> None:
    eastborough = load_settings("eastborough").calendar
    # Eastborough's 2025-26 summer term starts 13 April, as the default does; give it a
    # calendar whose summer starts on 20 April and 14 April is still spring.
    listed = default_term_dates("2025-26")
    autumn, spring, summer = listed.terms
    late = TermCalendar({"2025-26": AcademicYear("2025-26", (
        autumn, spring, Term("summer", D(2026, 4, 20), summer.end, summer.half_term_start,
                             summer.half_term_end)))})
    assert term_of(D(2026, 4, 14), late) == ("2025-26", "spring")
    assert term_of(D(2026, 4, 14), eastborough) == ("2025-26", "summer")


def test_the_term_after_summer_is_the_next_year_s_autumn() -> None:
    assert next_term(SchoolTerm("2025-26", "summer")) == ("2026-27", "autumn")
    assert next_term(SchoolTerm("2025-26", "autumn")) == ("2025-26", "spring")


# ----------------------------------------------------------------------------- school days

CAL = TermCalendar()


def test_the_christmas_holiday_is_not_school_days() -> None:
    assert add_school_days(D(2025, 12, 19), 1, CAL) == D(2026, 1, 5)


def test_october_half_term_is_not_school_days() -> None:
    assert add_school_days(D(2025, 10, 24), 1, CAL) == D(2025, 11, 3)


def test_the_easter_holiday_is_not_school_days() -> None:
    assert add_school_days(D(2026, 3, 27), 1, CAL) == D(2026, 4, 13)


def test_a_bank_holiday_in_term_is_not_a_school_day() -> None:
    assert add_school_days(D(2026, 5, 1), 1, CAL) == D(2026, 5, 5)


def test_may_half_term_is_not_school_days() -> None:
    assert add_school_days(D(2026, 5, 22), 1, CAL) == D(2026, 6, 1)


def test_the_summer_holiday_carries_a_count_into_the_next_school_year() -> None:
    assert add_school_days(D(2026, 7, 22), 1, CAL) == D(2026, 9, 1)


def test_twenty_school_days_from_a_november_move() -> None:
    assert add_school_days(D(2025, 11, 3), 20, CAL) == D(2025, 12, 1)


def test_an_authority_s_own_term_dates_and_inset_days_are_used() -> None:
    eastborough = load_settings("eastborough")
    # Its autumn term starts on Wednesday 3 September 2025 (1 and 2 September are INSET).
    assert add_days(D(2025, 8, 29), 1, "school", eastborough.calendar, "england-and-wales") == (
        D(2025, 9, 3)
    )
    assert not eastborough.calendar.is_school_day(D(2025, 9, 1), "england-and-wales")
    # It ends the summer term on 21 July 2026, a day before the default pattern.
    assert not eastborough.calendar.is_school_day(D(2026, 7, 22), "england-and-wales")
    assert CAL.is_school_day(D(2026, 7, 22), "england-and-wales")


def test_add_days_refuses_an_unknown_basis() -> None:
    with pytest.raises(PepdocsError, match="working or school"):
        add_days(D(2026, 1, 5), 1, "calendar", CAL, "england-and-wales")


def test_wales_shares_england_s_bank_holidays() -> None:
    assert bank_holidays("wales", 2026) == bank_holidays("england-and-wales", 2026)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31)),
    n=st.integers(min_value=1, max_value=60),
    nation=st.sampled_from(["england-and-wales", "scotland", "northern-ireland"]),
)
def test_adding_working_days_lands_on_a_working_day_exactly_n_away(
    start: dt.date, n: int, nation: str
) -> None:
    end = add_working_days(start, n, nation)
    assert is_working_day(end, nation)
    assert count_working_days(start, end, nation) == n


@settings(max_examples=100, deadline=None)
@given(
    start=st.dates(min_value=D(2024, 8, 1), max_value=D(2028, 7, 31)),
    n=st.integers(min_value=1, max_value=40),
)
def test_adding_school_days_lands_on_a_school_day_in_term(start: dt.date, n: int) -> None:
    end = add_school_days(start, n, CAL)
    assert CAL.is_school_day(end, "england-and-wales")
    assert end.weekday() < 5


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=D(2024, 9, 1), max_value=D(2030, 8, 31)))
def test_every_day_is_in_exactly_one_term_of_the_model_s_academic_year(day: dt.date) -> None:
    year, term = term_of(day)
    assert year == academic_year_of(day)
    calendar = TermCalendar()
    spans = [calendar.term_span(calendar.year(year), name) for name in ("autumn", "spring",
                                                                        "summer")]
    assert [first <= day <= last for first, last in spans].index(True) == (
        ("autumn", "spring", "summer").index(term))
    assert sum(first <= day <= last for first, last in spans) == 1
    assert spans[0][0] == D(int(year[:4]), 9, 1) and spans[2][1] == D(int(year[:4]) + 1, 8, 31)
