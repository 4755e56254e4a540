"""The cohort on a date: who is looked after and what their PEP planning needs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from pepdocs.cohort import Cohort, cohort_rows, load_cohort, looked_after_on, pep_phase
from pepdocs.compliance import load_settings
from pepdocs.ssda903 import load_903
from tests.ssda903.convert import csv_to_xml, xml_to_csv
from tests.ssda903.exports import CASES, SHIPPED, SHIPPED_XML

ON = dt.date(2025, 1, 6)


def _cohort(case: str, day: dt.date = ON) -> Cohort:
    return load_cohort(CASES / case, day)


# --- the chaining cases --------------------------------------------------------------------


def test_a_care_period_through_legal_status_and_placement_changes() -> None:
    child = _cohort("care-period-changes").get("900001")
    assert child is not None
    assert child.period_start == dt.date(2024, 1, 5) and child.period_start_known
    # entered under police protection: an emergency entry
    assert child.emergency_entry is True and child.entry_legal_status == "L1"
    assert (child.legal_status, child.placement_type) == ("C2", "U4")
    # one move (U6 -> U4); the stay in hospital (T1) and the return to U4 are not moves,
    # and the current placement began when the child first moved there
    assert child.placement_moves == 1 and child.number_of_placements == 2
    assert child.last_placement_move == dt.date(2024, 2, 20)
    assert child.placement_start == dt.date(2024, 2, 20)
    assert child.reviews == (dt.date(2024, 1, 29), dt.date(2024, 4, 25), dt.date(2024, 10, 24))
    assert child.last_review == dt.date(2024, 10, 24)
    assert (child.age, child.year_group, child.phase) == (11, "7", "school_age")
    assert child.needs_pep and not child.notes


def test_during_a_temporary_placement_the_placement_is_the_temporary_one() -> None:
    child = _cohort("care-period-changes", dt.date(2024, 6, 5)).get("900001")
    assert child is not None
    assert (child.legal_status, child.placement_type) == ("C1", "T1")
    assert child.placement_start == dt.date(2024, 6, 3)
    assert child.placement_moves == 1


def test_on_the_entry_date_the_child_is_looked_after_with_no_moves_yet() -> None:
    child = _cohort("care-period-changes", dt.date(2024, 1, 5)).get("900001")
    assert child is not None
    assert (child.legal_status, child.placement_moves, child.reviews) == ("L1", 0, ())


def test_a_new_period_after_one_ended_counts_from_its_own_start() -> None:
    cohort = _cohort("ended-and-restarted")
    child = cohort.get("900002")
    assert child is not None
    assert child.period_start == dt.date(2024, 2, 12) and child.period_start_known
    assert child.emergency_entry is None  # C1: the 903 does not say whether it was planned
    assert child.placement_moves == 1 and child.placement_start == dt.date(2024, 5, 5)
    # the reviews of the earlier period are not this period's
    assert child.reviews == (dt.date(2024, 3, 8), dt.date(2024, 5, 31))
    # born 2 September 2009: the youngest of their school year (aged 14 on 31 August 2024)
    assert (child.age, child.year_group, child.phase) == (15, "10", "school_age")
    restarted = cohort.get("900003")
    assert restarted is not None and restarted.period_start == dt.date(2023, 12, 1)
    assert any("previous episode ended it" in note for note in restarted.notes)


def test_between_two_periods_the_child_is_not_looked_after() -> None:
    assert _cohort("ended-and-restarted", dt.date(2023, 10, 1)).get("900002") is None
    earlier = _cohort("ended-and-restarted", dt.date(2023, 1, 2)).get("900002")
    assert earlier is not None and earlier.period_start == dt.date(2022, 3, 10)


def test_short_breaks_only_children_are_marked_and_need_no_full_pep() -> None:
    cohort = _cohort("short-breaks", dt.date(2025, 1, 4))
    in_a_break = cohort.get("900004")
    agreement = cohort.get("900005")
    changed = cohort.get("900006")
    assert in_a_break is not None and agreement is not None and changed is not None
    assert in_a_break.short_breaks_only and not in_a_break.needs_pep
    assert in_a_break.no_pep_reason == "short breaks only (V3/V4): no full PEP"
    assert agreement.short_breaks_only and agreement.legal_status == "V4"
    # V4 then a care order: no longer short breaks only
    assert not changed.short_breaks_only and changed.needs_pep
    # a V3 break ends: the child is not looked after between breaks
    assert _cohort("short-breaks").get("900004") is None


def test_children_on_remand_are_marked() -> None:
    child = _cohort("remand").get("900007")
    assert child is not None
    assert child.on_remand and child.legal_status == "J1"
    assert child.placement_type == "R5" and child.placement_moves == 1
    assert child.uasc  # listed in uasc.csv, status ceases on 08/08/2026
    assert not _cohort("remand", dt.date(2026, 9, 1)).children[0].uasc


def test_an_episode_starting_on_the_date_counts_and_one_ending_on_it_does_not() -> None:
    cohort = _cohort("open-on-the-date")
    assert [child.child_id for child in cohort] == ["900009", "900011", "900012", "900013"]
    starting = cohort.get("900009")
    assert starting is not None and starting.emergency_entry is True  # L2
    assert starting.period_start == ON and starting.placement_moves == 0


def test_year_groups_follow_the_31_august_cut_off() -> None:
    cohort = _cohort("open-on-the-date", dt.date(2025, 1, 5))
    september, august = cohort.get("900009"), cohort.get("900010")
    assert september is None  # not in care until 06/01/2025
    assert august is not None and (august.age, august.year_group) == (5, "1")
    later = _cohort("open-on-the-date").get("900009")
    assert later is not None and (later.age, later.year_group, later.phase) == (
        5,
        "R",
        "school_age",
    )


def test_a_29_february_birthday_counts_from_1_march_in_a_common_year() -> None:
    assert _cohort("open-on-the-date", dt.date(2025, 2, 28)).get("900012").age == 12  # type: ignore[union-attr]
    assert _cohort("open-on-the-date", dt.date(2025, 3, 1)).get("900012").age == 13  # type: ignore[union-attr]


def test_a_period_begun_before_the_export_is_marked_unknown() -> None:
    child = _cohort("open-on-the-date").get("900011")
    assert child is not None
    assert not child.period_start_known and child.emergency_entry is None
    assert child.entry_legal_status is None


@pytest.mark.parametrize(
    ("year_group", "phase"),
    [
        ("E1", "early_years"),
        ("E2", "early_years"),
        ("N1", "early_years"),
        ("N2", "early_years"),
        ("R", "school_age"),
        ("11", "school_age"),
        ("12", "post16"),
        ("14", "post16"),
        ("X", None),
        (None, None),
    ],
)
def test_the_pep_phase_follows_the_year_group(year_group: str | None, phase: str | None) -> None:
    assert pep_phase(year_group) == phase


def test_early_years_peps_start_the_term_after_the_second_birthday() -> None:
    # 900009 of open-on-the-date is 5; a baby's PEPs start with funded early education
    data = load_903(CASES / "open-on-the-date")
    baby = dataclasses.replace(data.children["900009"], date_of_birth=dt.date(2023, 2, 15))
    data.children["900009"] = baby
    child = looked_after_on(data, ON).get("900009")
    assert child is not None and not child.needs_pep
    assert child.no_pep_reason == "early-years PEPs start on 2025-04-01"
    assert (child.year_group, child.phase) == ("E2", "early_years")
    later = looked_after_on(data, dt.date(2025, 4, 1)).get("900009")
    assert later is not None and later.needs_pep
    # an authority whose early-years PEPs start at 3
    at_three = load_settings(overrides={"early_years": {"pep_from_birthday": 3}})
    waiting = looked_after_on(data, dt.date(2025, 4, 1), settings=at_three).get("900009")
    assert waiting is not None
    assert waiting.no_pep_reason == "early-years PEPs start on 2026-04-01"


def test_the_next_statutory_review_counts_from_the_reviews_held() -> None:
    child = _cohort("care-period-changes").get("900001")
    assert child is not None
    # reviews held 29/01, 25/04 and 24/10/2024: the fourth is due six months after the third
    assert child.next_review == dt.date(2025, 4, 24)
    unknown = _cohort("open-on-the-date").get("900011")
    assert unknown is not None and unknown.next_review is None  # the period's start unknown


def test_a_date_in_a_later_collection_year_than_the_export_is_noted() -> None:
    # the export records up to 20/12/2024 (2024-25): a date before 1 April 2025 is its year
    assert _cohort("remand", dt.date(2025, 3, 31)).notes == []
    cohort = _cohort("remand", dt.date(2025, 4, 1))
    assert cohort.notes == [
        "2025-04-01 is in a later collection year than the latest date the episodes record "
        "(2024-12-20): episodes open in the export are taken to be open still"
    ]


# --- the shipped export --------------------------------------------------------------------


def _comparable(cohort: Cohort) -> list[dict[str, object]]:
    # data_notes name rows of one file or the other; everything else must agree
    return [{k: v for k, v in row.items() if k != "data_notes"} for row in cohort_rows(cohort)]


@pytest.mark.parametrize("day", [dt.date(2017, 3, 31), dt.date(2017, 10, 1), dt.date(2018, 3, 31)])
def test_the_xml_form_and_the_csv_set_of_the_same_data_give_the_same_cohort(
    tmp_path: Path, day: dt.date
) -> None:
    from_xml = load_cohort(SHIPPED_XML, day)
    from_csv = load_cohort(xml_to_csv(SHIPPED_XML, tmp_path / "csv"), day)
    assert len(from_xml) > 100
    assert _comparable(from_xml) == _comparable(from_csv)


@pytest.mark.slow  # a big input: the whole shipped export
def test_the_shipped_csv_set_written_as_xml_gives_the_same_cohort(tmp_path: Path) -> None:
    day = dt.date(2017, 10, 1)
    from_csv = load_cohort(SHIPPED, day)
    from_xml = load_cohort(csv_to_xml(SHIPPED, tmp_path / "return.xml"), day)
    assert len(from_csv) == 1734
    assert _comparable(from_csv) == _comparable(from_xml)
    problems = {(p.child_id, p.column, p.message) for p in from_csv.source.problems}
    assert problems - {(p.child_id, p.column, p.message) for p in from_xml.source.problems} == {
        ("CHILD10", "SW_REASON", "'SWLAZY' is not a valid code")  # sw_episodes has no XML form
    }


def test_the_shipped_cohort_on_31_march_2018(tmp_path: Path) -> None:
    cohort = load_cohort(SHIPPED, dt.date(2018, 3, 31))
    rows = {row["child_id"]: row for row in cohort_rows(cohort)}
    assert len(rows) == 1414
    assert sum(child.needs_pep for child in cohort) == 1276
    assert sum(child.short_breaks_only for child in cohort) == 138
    assert sum(child.on_remand for child in cohort) == 324
    # every child in the cohort has an episode open on the date and none ended before it
    data = cohort.source
    for child in cohort:
        assert any(episode.covers(cohort.as_of) for episode in data.episodes[child.child_id])
    assert cohort.notes == []
    assert rows["566910"]["legal_status"] == "C2" and rows["566910"]["placement_type"] == "A3"
