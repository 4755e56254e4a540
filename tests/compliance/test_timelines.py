"""Statutory timelines: initial PEP, termly reviews, changes, Pathway Plan, short breaks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pepdocs.compliance.check import check_pep
from pepdocs.compliance.settings import Settings, load_settings
from pepdocs.compliance.timelines import check_timelines

from .pep_builder import good_pep

D = dt.date
DEFAULTS = load_settings()


def _ids(pep: dict[str, Any], as_of: dt.date, settings: Settings = DEFAULTS) -> dict[str, Any]:
    findings, _ = check_timelines(pep, as_of, settings)
    return {finding.rule_id: finding for finding in findings}


def _new_to_care(entered: str, emergency: bool, **meta: Any) -> dict[str, Any]:
    """A child who entered care on ``entered`` and has had no PEP meeting yet."""
    pep = good_pep(
        care={
            "date_became_looked_after": entered,
            "emergency_entry": emergency,
            "placement_start_date": entered,
        },
        meta={"pep_type": "initial", "meeting_date": None, "previous_pep_date": None, **meta},
        education={"date_joined": "2021-09-01"},
    )
    return pep


# ----------------------------------------------------------------------------- initial PEP


def test_an_emergency_entry_needs_the_pep_within_10_working_days() -> None:
    pep = _new_to_care("2025-11-03", emergency=True)
    due = _ids(pep, D(2025, 11, 17))
    assert due["TL003"].dates["due"] == "2025-11-17"
    assert "TL001" not in due  # the due day itself is not yet overdue
    overdue = _ids(pep, D(2025, 11, 18))
    assert overdue["TL001"].severity == "error"
    assert overdue["TL001"].dates == {"due": "2025-11-17", "entered": "2025-11-03"}


def test_a_planned_entry_has_20_working_days() -> None:
    pep = _new_to_care("2025-11-03", emergency=False)
    assert _ids(pep, D(2025, 11, 20))["TL003"].dates["due"] == "2025-12-01"


def test_an_emergency_entry_on_19_december_2025_is_due_on_7_january_2026() -> None:
    pep = _new_to_care("2025-12-19", emergency=True)
    assert _ids(pep, D(2026, 1, 7))["TL003"].dates["due"] == "2026-01-07"
    assert _ids(pep, D(2026, 1, 8))["TL001"].dates["due"] == "2026-01-07"


def test_eastborough_counts_10_school_days_across_the_christmas_holiday() -> None:
    pep = _new_to_care("2025-12-15", emergency=True)
    found = _ids(pep, D(2025, 12, 20), load_settings("eastborough"))
    assert found["TL003"].dates["due"] == "2026-01-12"
    assert "10 school days" in found["TL003"].message


def test_westmere_gives_20_working_days_even_in_an_emergency() -> None:
    pep = _new_to_care("2025-11-03", emergency=True)
    assert _ids(pep, D(2025, 11, 20), load_settings("westmere"))["TL003"].dates["due"] == (
        "2025-12-01"
    )


def test_an_initial_pep_held_after_its_due_date_is_late() -> None:
    pep = _new_to_care("2025-11-03", emergency=True, meeting_date="2025-11-20")
    found = _ids(pep, D(2025, 12, 1))
    assert found["TL002"].severity == "warning"
    assert found["TL002"].dates["meeting"] == "2025-11-20"
    assert "TL001" not in found and "TL003" not in found


def test_an_initial_pep_held_in_time_is_not_flagged() -> None:
    pep = _new_to_care("2025-11-03", emergency=True, meeting_date="2025-11-14")
    found = _ids(pep, D(2025, 12, 1))
    assert not {"TL001", "TL002", "TL003", "TL011"} & set(found)


def test_without_an_entry_date_the_initial_deadline_is_reported_as_unknown() -> None:
    pep = _new_to_care("2025-11-03", emergency=True)
    del pep["care"]["date_became_looked_after"]
    found = _ids(pep, D(2025, 12, 1))
    assert found["TL090"].severity == "info"
    assert found["TL090"].path == "care.date_became_looked_after"


def test_a_review_pep_whose_meetings_are_after_the_check_date_is_not_judged() -> None:
    pep = good_pep(meta={"meeting_date": "2026-02-10", "previous_pep_date": "2026-01-22"})
    found = _ids(pep, D(2026, 1, 20))
    assert set(found) == {"TL091"}


# ----------------------------------------------------------------------------- termly reviews


def test_the_next_termly_review_is_due_by_the_spring_half_term() -> None:
    found = _ids(good_pep(), D(2026, 2, 13))
    assert found["TL012"].dates["due"] == "2026-02-13"
    assert "spring 2025-26" in found["TL012"].message


def test_a_termly_review_not_held_by_its_deadline_is_overdue() -> None:
    found = _ids(good_pep(), D(2026, 2, 14))
    assert found["TL010"].severity == "error"
    assert found["TL010"].dates == {"last_meeting": "2025-10-08", "due": "2026-02-13"}


def test_a_summer_meeting_makes_the_next_autumn_term_due() -> None:
    pep = good_pep(
        meta={
            "meeting_date": "2026-06-10",
            "previous_pep_date": "2026-02-04",
            "next_review_date": "2026-10-14",
        }
    )
    found = _ids(pep, D(2026, 7, 1))
    # Default autumn half term 2026 starts Monday 26 October.
    assert found["TL012"].dates["due"] == "2026-10-23"
    assert "autumn 2026-27" in found["TL012"].message


def test_a_review_meeting_after_its_term_s_deadline_is_late() -> None:
    pep = good_pep(meta={"meeting_date": "2025-11-05"})
    found = _ids(pep, D(2025, 11, 10))
    assert found["TL011"].severity == "warning"
    assert found["TL011"].dates == {"meeting": "2025-11-05", "due": "2025-10-24"}


def test_an_initial_pep_is_never_late_for_the_term() -> None:
    pep = _new_to_care("2025-10-20", emergency=False, meeting_date="2025-11-05")
    assert "TL011" not in _ids(pep, D(2025, 11, 10))


def test_eastborough_s_fixed_deadline_31_october_applies() -> None:
    eastborough = load_settings("eastborough")
    assert "TL011" not in _ids(
        good_pep(meta={"meeting_date": "2025-10-31"}), D(2025, 11, 10), eastborough
    )
    found = _ids(good_pep(meta={"meeting_date": "2025-11-03"}), D(2025, 11, 10), eastborough)
    assert found["TL011"].dates["due"] == "2025-10-31"
    # and spring's is 28 February
    assert found["TL012"].dates["due"] == "2026-02-28"


def test_a_meeting_in_the_christmas_holiday_counts_for_autumn() -> None:
    pep = good_pep(meta={"meeting_date": "2025-12-22"})
    assert _ids(pep, D(2026, 1, 5))["TL012"].dates["due"] == "2026-02-13"


def test_a_pep_prepared_for_a_coming_meeting_is_judged_by_the_previous_one() -> None:
    pep = good_pep(meta={"meeting_date": "2026-02-10", "previous_pep_date": "2025-10-08"})
    found = _ids(pep, D(2026, 1, 20))
    assert found["TL012"].dates["due"] == "2026-02-13"
    assert "TL011" not in found


# ----------------------------------------------------------------------------- changes


@pytest.mark.parametrize(
    ("path", "overdue", "due"),
    [("education.date_joined", "TL020", "TL022"), ("care.placement_start_date", "TL025", "TL027")],
)
def test_a_change_after_the_last_pep_needs_a_review_within_20_school_days(
    path: str, overdue: str, due: str
) -> None:
    pep = good_pep()
    section, field = path.split(".")
    pep[section][field] = "2025-11-03"
    soon = _ids(pep, D(2025, 11, 20))
    assert soon[due].dates == {"due": "2025-12-01", "changed": "2025-11-03"}
    late = _ids(pep, D(2025, 12, 2))
    assert late[overdue].severity == "error"
    assert late[overdue].path == path


@pytest.mark.parametrize(
    ("path", "late_id"),
    [("education.date_joined", "TL021"), ("care.placement_start_date", "TL026")],
)
def test_a_meeting_long_after_a_change_is_a_late_change_review(path: str, late_id: str) -> None:
    pep = good_pep()
    section, field = path.split(".")
    # Between the previous PEP (11 June) and this meeting (8 October): due 29 September.
    pep[section][field] = "2025-09-01"
    found = _ids(pep, D(2025, 10, 10))
    assert found[late_id].dates == {
        "meeting": "2025-10-08",
        "due": "2025-09-29",
        "changed": "2025-09-01",
    }


def test_westmere_wants_a_change_review_within_10_working_days() -> None:
    pep = good_pep(education={"date_joined": "2025-12-19"})
    found = _ids(pep, D(2026, 1, 8), load_settings("westmere"))
    assert found["TL020"].dates["due"] == "2026-01-07"


def test_the_first_placement_on_entering_care_is_not_a_change() -> None:
    pep = good_pep(
        care={"date_became_looked_after": "2025-11-03", "placement_start_date": "2025-11-03"}
    )
    assert not {"TL025", "TL026", "TL027"} & set(_ids(pep, D(2025, 11, 10)))


# ----------------------------------------------------------------------------- Pathway Plan


def _aged(birth: str) -> dict[str, Any]:
    return good_pep(child={"date_of_birth": birth}, education={"ncy": "11"})


def test_a_pathway_plan_is_due_within_3_months_of_the_16th_birthday() -> None:
    found = _ids(_aged("2009-12-01"), D(2026, 1, 20))
    assert found["TL031"].dates == {"due": "2026-03-01", "birthday": "2025-12-01"}
    overdue = _ids(_aged("2009-12-01"), D(2026, 3, 2))
    assert overdue["TL030"].severity == "warning"


def test_the_reminder_starts_at_15_years_and_9_months() -> None:
    assert "TL031" not in _ids(_aged("2009-12-01"), D(2025, 8, 31))
    assert "TL031" in _ids(_aged("2009-12-01"), D(2025, 9, 1))


def test_no_pathway_plan_reminder_at_18() -> None:
    assert not {"TL030", "TL031"} & set(_ids(_aged("2007-12-01"), D(2025, 12, 1)))


def test_a_linked_pathway_plan_satisfies_the_rule() -> None:
    pep = _aged("2009-12-01")
    pep["linked_plans"] = [{"type": "PATHWAY", "date": "2026-01-10"}]
    assert not {"TL030", "TL031"} & set(_ids(pep, D(2026, 3, 2)))


def test_three_months_after_30_november_2027_is_leap_day_2028() -> None:
    assert _ids(_aged("2011-11-30"), D(2028, 1, 10))["TL031"].dates["due"] == "2028-02-29"


def test_a_leap_day_birthday_still_lands_on_29_february_at_16() -> None:
    found = _ids(_aged("2012-02-29"), D(2028, 3, 1))
    assert found["TL031"].dates == {"due": "2028-05-29", "birthday": "2028-02-29"}


# ----------------------------------------------------------------------------- short breaks


@pytest.mark.parametrize("status", ["V3", "V4"])
def test_short_break_children_are_exempt_and_not_rated(status: str) -> None:
    pep = _new_to_care("2025-11-03", emergency=True)
    pep["care"]["legal_status"] = status
    result = check_pep(pep, D(2026, 6, 1))
    assert [finding.rule_id for finding in result.findings] == ["TL040"]
    assert result.findings[0].severity == "info"
    assert result.rating is None
    _, deadlines = check_timelines(pep, D(2026, 6, 1), DEFAULTS)
    assert deadlines == []


def test_deadlines_still_open_are_returned_for_the_due_schedule() -> None:
    pep = good_pep(education={"date_joined": "2025-11-03"})
    _, deadlines = check_timelines(pep, D(2025, 12, 2), DEFAULTS)
    assert {(d.kind, d.due.isoformat(), d.overdue) for d in deadlines} == {
        ("termly", "2026-02-13", False),
        ("school_change", "2025-12-01", True),
    }


def test_nothing_is_due_before_the_child_enters_care() -> None:
    pep = _new_to_care("2026-05-01", emergency=False, meeting_date="2026-05-15")
    found, deadlines = check_timelines(pep, D(2026, 1, 20), DEFAULTS)
    assert [f.rule_id for f in found] == ["TL092"]
    assert found[0].dates == {"entered": "2026-05-01", "as_of": "2026-01-20"}
    assert deadlines == []
