"""The strict UK date reader: ISO first, then day-first numbers, then month names."""

from __future__ import annotations

import datetime as dt

import pytest

from pepdocs.errors import TransformError
from pepdocs.mapping.dates import (
    FUTURE_WINDOW_YEARS,
    check_date_format,
    expand_two_digit_year,
    format_date,
    parse_uk_date,
)

SEPT_3 = dt.date(2025, 9, 3)


@pytest.mark.parametrize(
    "text",
    [
        "2025-09-03",
        "2025/09/03",
        "2025-9-3",
        "2025-09-03T00:00:00Z",
        "2025-09-03T23:30:00+01:00",
        "2025-09-03 00:00:00",
        "3/9/2025",
        "03/09/2025",
        "03.09.25",
        "3-9-2025",
        "03 / 09 / 2025",
        " 03/09/2025\u00a0",
        "3rd Sept 2025",
        "3 Sep 2025",
        "3 Sept. 2025",
        "03-Sep-2025",
        "3-Sep-25",
        "Wednesday 3 September 2025",
        "Wed, 3 Sep 2025",
        "September 3rd 2025",
        "September 3, 2025",
        "3rd of September 2025",
        "the 3rd of September, 2025",
        "3 SEPTEMBER 2025",
    ],
)
def test_every_way_people_write_3_september_2025_reads_as_that_date(text: str) -> None:
    assert parse_uk_date(text, pivot_year=2025) == SEPT_3


def test_iso_is_year_first_and_never_swapped() -> None:
    assert parse_uk_date("2025-01-12") == dt.date(2025, 1, 12)


def test_numbers_are_day_first() -> None:
    assert parse_uk_date("01/12/2025") == dt.date(2025, 12, 1)
    assert parse_uk_date("3 Oct 25", pivot_year=2025) == dt.date(2025, 10, 3)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12/13/2025", "month is out of range"),
        ("2025-13-01", "month is out of range"),
        ("31/02/2025", "day is out of range"),
        ("29/02/2025", "day is out of range"),
        ("3 Sept", "no year"),
        ("Sept 2025", "no day"),
        ("September 25", "no year"),
        ("3/9", "day, month and year"),
        ("20250903", "day, month and year"),
        ("3/9/202", "4 digits"),
        ("Thursday 3 September 2025", "weekday does not match"),
        ("3 Smarch 2025", "no month name"),
        ("soon", "no month name"),
        ("3 September 2025 (tbc)", "unexpected words after the year"),
        ("next 3 September 2025", "unexpected words before the month"),
        ("", "empty"),
        ("   ", "empty"),
        ("3/9-2025", "day, month and year"),
    ],
)
def test_doubtful_dates_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(TransformError) as caught:
        parse_uk_date(text, pivot_year=2025)
    assert reason in caught.value.message
    assert caught.value.raw == text


def test_the_error_message_never_repeats_the_text() -> None:
    with pytest.raises(TransformError) as caught:
        parse_uk_date("13/13/2013")
    assert "13" not in caught.value.message
    assert caught.value.raw == "13/13/2013"


def test_non_text_is_refused() -> None:
    with pytest.raises(TransformError):
        parse_uk_date(20250903)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("two_digits", "pivot", "year"),
    [
        (25, 2025, 2025),
        (45, 2025, 2045),
        (46, 2025, 1946),
        (75, 2025, 1975),
        (0, 2025, 2000),
        (99, 2081, 2099),
    ],
)
def test_two_digit_years_slide_with_the_pivot(two_digits: int, pivot: int, year: int) -> None:
    assert expand_two_digit_year(two_digits, pivot) == year
    assert FUTURE_WINDOW_YEARS == 20


def test_a_two_digit_year_of_birth_is_in_the_past() -> None:
    assert parse_uk_date("01/01/75", pivot_year=2025) == dt.date(1975, 1, 1)


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("%d/%m/%Y", "03/09/2025"),
        ("%-d/%-m/%Y", "3/9/2025"),
        ("%-d %B %Y", "3 September 2025"),
        ("%A %-d %B %Y", "Wednesday 3 September 2025"),
        ("%O %b %y", "3rd Sep 25"),
        ("%a %d.%m.%y", "Wed 03.09.25"),
        ("%Y-%m-%d", "2025-09-03"),
        ("100%% on %d/%m/%Y", "100% on 03/09/2025"),
    ],
)
def test_dates_are_written_with_english_names_and_unpadded_days(fmt: str, text: str) -> None:
    assert format_date(SEPT_3, fmt) == text


@pytest.mark.parametrize(
    ("day", "ordinal"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (31, "31st"),
    ],
)
def test_ordinal_days(day: int, ordinal: str) -> None:
    assert format_date(dt.date(2025, 1, day), "%O") == ordinal


@pytest.mark.parametrize("fmt", ["%d/%m/%Q", "%-Y", "%d/%m/%Y%"])
def test_unknown_directives_are_refused(fmt: str) -> None:
    with pytest.raises(ValueError):
        check_date_format(fmt)


def test_every_written_date_reads_back() -> None:
    day = dt.date(1999, 12, 25)
    for fmt in ("%d/%m/%Y", "%-d %B %Y", "%A %O %B %Y", "%d.%m.%y", "%-d-%b-%Y"):
        assert parse_uk_date(format_date(day, fmt), pivot_year=2025) == day
