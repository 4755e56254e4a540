"""Episodes chain into periods of care: the rules, pinned by the small exports in
tests/data/ssda903-cases (see its README)."""

from __future__ import annotations

import datetime as dt

from pepdocs.cohort import PeriodOfCare, periods_of_care
from pepdocs.ssda903 import load_903
from tests.ssda903.exports import CASES


def _periods(case: str, child: str) -> list[PeriodOfCare]:
    return periods_of_care(load_903(CASES / case).episodes[child])


def test_changes_of_legal_status_and_placement_continue_one_period() -> None:
    [period] = _periods("care-period-changes", "900001")
    assert period.start == dt.date(2024, 1, 5)
    assert period.start_known
    assert period.end is None
    assert [episode.reason_new for episode in period.episodes] == ["S", "L", "P", "P", "P", "L"]
    assert not period.notes


def test_a_period_that_ended_and_a_new_s_episode_make_two_periods() -> None:
    first, second = _periods("ended-and-restarted", "900002")
    assert (first.start, first.end) == (dt.date(2022, 3, 10), dt.date(2023, 7, 1))
    assert (second.start, second.end) == (dt.date(2024, 2, 12), None)
    assert first.start_known and second.start_known
    assert not first.covers(dt.date(2023, 10, 1)) and not second.covers(dt.date(2023, 10, 1))


def test_an_episode_after_an_ended_period_starts_a_new_one_whatever_its_reason_says() -> None:
    first, second = _periods("ended-and-restarted", "900003")
    assert first.end == dt.date(2023, 9, 30)
    assert second.start == dt.date(2023, 12, 1)
    # the child left care (E13), so the new period's start is known despite RNE P
    assert second.start_known
    [note] = second.notes
    assert "row 6: the reason for new episode continues a period, but the previous episode" in note


def test_each_v3_short_break_is_a_period_of_its_own() -> None:
    periods = _periods("short-breaks", "900004")
    assert [period.start for period in periods] == [
        dt.date(2024, 11, 1),
        dt.date(2024, 12, 6),
        dt.date(2025, 1, 3),
    ]
    assert all(period.end is not None for period in periods)


def test_a_period_begun_before_the_export_has_an_unknown_start() -> None:
    [period] = _periods("open-on-the-date", "900011")
    assert not period.start_known
    assert period.start == dt.date(2023, 6, 1)


def test_an_episode_continued_the_same_day_covers_that_day_by_the_new_episode() -> None:
    [period] = _periods("open-on-the-date", "900011")
    day = dt.date(2025, 1, 6)
    assert period.covers(day)
    assert [episode.covers(day) for episode in period.episodes] == [False, True]


def test_an_open_episode_followed_by_another_is_taken_to_end_where_it_begins() -> None:
    [period] = _periods("open-on-the-date", "900012")
    assert period.episodes[0].end == dt.date(2024, 9, 1)
    [note] = period.notes
    assert note.endswith("row 6: episode is open; taken to end on the next one's start")


def test_a_gap_after_an_x1_end_continues_the_period_and_is_noted() -> None:
    [period] = _periods("open-on-the-date", "900013")
    assert len(period.episodes) == 2
    assert "starts after the previous episode ended (an episode missing?)" in period.notes[0]
    assert not period.covers(dt.date(2024, 6, 10))  # the missing days are not covered


def test_no_episodes_no_periods() -> None:
    assert periods_of_care([]) == []
