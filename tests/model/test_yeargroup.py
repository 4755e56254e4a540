"""Age and year group by age: the 31 August cut-off English schools admit by."""

from __future__ import annotations

import datetime as dt

import pytest

from pepdocs.model import academic_year_start, age_on, year_group_by_age


@pytest.mark.parametrize(
    ("born", "on", "year_group"),
    [
        (dt.date(2019, 8, 31), dt.date(2025, 1, 6), "1"),  # the youngest of Year 1
        (dt.date(2019, 9, 1), dt.date(2025, 1, 6), "R"),  # oldest of Reception
        (dt.date(2019, 9, 1), dt.date(2025, 8, 31), "R"),  # August is the year just ending
        (dt.date(2019, 9, 1), dt.date(2025, 9, 1), "1"),
        (dt.date(2021, 8, 31), dt.date(2025, 1, 6), "N2"),  # the year before Reception
        (dt.date(2021, 9, 1), dt.date(2025, 1, 6), "N1"),
        (dt.date(2022, 9, 1), dt.date(2025, 1, 6), None),  # under 2 on 31 August 2024
        (dt.date(2008, 9, 1), dt.date(2025, 1, 6), "11"),
        (dt.date(2007, 1, 1), dt.date(2025, 1, 6), "13"),
        (dt.date(2006, 8, 31), dt.date(2025, 1, 6), None),  # 18 on 31 August 2024
    ],
)
def test_the_year_group_is_set_by_age_on_the_31_august_before_the_school_year(
    born: dt.date, on: dt.date, year_group: str | None
) -> None:
    assert year_group_by_age(born, on) == year_group


def test_ages_count_whole_years_and_a_leap_day_birthday_comes_on_1_march() -> None:
    born = dt.date(2012, 2, 29)
    assert age_on(born, dt.date(2025, 2, 28)) == 12
    assert age_on(born, dt.date(2025, 3, 1)) == 13
    assert age_on(born, dt.date(2024, 2, 29)) == 12


def test_august_belongs_to_the_academic_year_that_began_the_september_before() -> None:
    assert academic_year_start(dt.date(2025, 8, 31)) == dt.date(2024, 9, 1)
    assert academic_year_start(dt.date(2025, 9, 1)) == dt.date(2025, 9, 1)
