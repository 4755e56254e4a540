"""Statutory timelines: initial PEP, termly reviews, changes, Pathway Plan, short breaks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pepdocs.compliance.calendar import add_days
from pepdocs.compliance.check import check_pep
from pepdocs.compliance.settings import Settings, load_settings
from pepdocs.compliance.timelines import check_timelines
from pepdocs.errors import PepdocsError

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


def test_an_emergency_entry_needs_the_pep_in_the_care_plan_within_10_working_days() -> None:
    # Monday 3 November 2025 + 10 working days = Monday 17 November.
    pep = _new_to_care("2025-11-03", emergency=True)
    due = _ids(pep, D(2025, 11, 17))
    assert due["TL003"].dates == {"care_plan_due": "2025-11-17", "due": "2025-12-01",
                                  "entered": "2025-11-03"}
    assert "TL004" not in due  # the due day itself is not yet overdue
    overdue = _ids(pep, D(2025, 11, 18))
    assert overdue["TL004"].severity == "error"
    assert overdue["TL004"].basis == "statute"
    assert "reg 4(2)" in overdue["TL004"].source
    assert overdue["TL004"].dates == {"due": "2025-11-17"}


def test_a_planned_entry_needs_the_pep_before_the_placement() -> None:
    pep = _new_to_care("2025-11-03", emergency=False)
    assert "TL004" not in _ids(pep, D(2025, 11, 3))
    found = _ids(pep, D(2025, 11, 4))
    assert found["TL004"].dates == {"due": "2025-11-03"}
    assert "the day of the first placement" in found["TL004"].message


def test_a_start_date_shows_the_pep_was_begun_with_the_care_plan() -> None:
    pep = _new_to_care("2025-11-03", emergency=False, initiated_date="2025-10-30")
    found = _ids(pep, D(2025, 11, 20))
    assert "TL004" not in found and "TL005" not in found
    late = _new_to_care("2025-11-03", emergency=False, initiated_date="2025-11-10")
    assert _ids(late, D(2025, 11, 20))["TL005"].dates == {"started": "2025-11-10",
                                                          "due": "2025-11-03"}


def test_a_pep_arranged_without_a_start_date_is_unknown_not_missing() -> None:
    pep = _new_to_care("2025-11-03", emergency=False, meeting_date="2025-11-25")
    found = _ids(pep, D(2025, 11, 20))
    assert "TL004" not in found
    assert found["TL006"].severity == "info" and found["TL006"].basis == "notice"


def test_the_pep_must_be_ready_for_the_first_review_at_20_working_days() -> None:
    pep = _new_to_care("2025-11-03", emergency=False, initiated_date="2025-10-30")
    assert _ids(pep, D(2025, 12, 1))["TL003"].dates["due"] == "2025-12-01"
    overdue = _ids(pep, D(2025, 12, 2))["TL001"]
    assert (overdue.severity, overdue.basis) == ("error", "statute")
    assert overdue.dates == {"due": "2025-12-01", "entered": "2025-11-03"}
    assert "reg 33(1)" in overdue.source


def test_an_emergency_entry_on_19_december_2025_has_both_milestones() -> None:
    # 10 working days: 7 January 2026; 20: 21 January (25, 26 December and 1 January are
    # bank holidays in England).
    pep = _new_to_care("2025-12-19", emergency=True)
    found = _ids(pep, D(2026, 1, 7))
    assert found["TL003"].dates["care_plan_due"] == "2026-01-07"
    assert found["TL003"].dates["due"] == "2026-01-21"
    assert _ids(pep, D(2026, 1, 8))["TL004"].dates["due"] == "2026-01-07"
    assert "TL001" not in _ids(pep, D(2026, 1, 21))
    assert _ids(pep, D(2026, 1, 22))["TL001"].dates["due"] == "2026-01-21"


def test_eastborough_s_school_days_never_push_the_statutory_date_later() -> None:
    # Eastborough counts 20 school days: from 19 December 2025 that is 30 January 2026 (the
    # Christmas holiday and its INSET-free term dates), later than the statute's 21 January.
    eastborough = load_settings("eastborough")
    pep = _new_to_care("2025-12-19", emergency=True, initiated_date="2025-12-19")
    calendar = eastborough.calendar
    assert add_days(D(2025, 12, 19), 20, "school", calendar, "england") == D(2026, 1, 30)
    assert _ids(pep, D(2026, 1, 21), eastborough)["TL003"].dates["due"] == "2026-01-21"
    found = _ids(pep, D(2026, 1, 22), eastborough)
    assert found["TL001"].severity == "error"
    assert found["TL001"].dates["due"] == "2026-01-21"
    assert "TL008" not in found


def test_an_earlier_local_deadline_is_a_warning_before_the_statute_s() -> None:
    westmere = load_settings("westmere")  # 15 working days
    pep = _new_to_care("2025-11-03", emergency=False, initiated_date="2025-10-30")
    found = _ids(pep, D(2025, 11, 25), westmere)
    assert (found["TL008"].severity, found["TL008"].basis) == ("warning", "local_practice")
    assert found["TL008"].dates == {"due": "2025-11-24", "statutory_due": "2025-12-01"}
    assert "westmere.yaml" in found["TL008"].source
    assert "TL001" not in found
    # Held on the 16th working day: late by local practice, in time by statute.
    held = _new_to_care("2025-11-03", emergency=False, initiated_date="2025-10-30",
                        meeting_date="2025-11-25")
    late = _ids(held, D(2025, 12, 10), westmere)
    assert late["TL009"].severity == "warning" and "TL002" not in late


def test_an_authority_cannot_lower_the_statutory_initial_pep_error() -> None:
    with pytest.raises(PepdocsError, match="statutory breach"):
        load_settings(overrides={"rules": {"TL001": {"severity": "warning"}}})


def test_an_unknown_emergency_flag_is_reported_and_judged_on_the_later_date() -> None:
    pep = _new_to_care("2025-12-19", emergency=True)
    pep["care"]["emergency_entry"] = None
    found = _ids(pep, D(2026, 1, 5))
    assert found["TL007"].dates == {"entered": "2025-12-19", "due": "2026-01-07"}
    assert "TL004" not in found  # a planned entry would be overdue; unknown is not planned
    assert _ids(pep, D(2026, 1, 8))["TL004"].dates["due"] == "2026-01-07"


def test_an_initial_pep_held_after_the_first_review_date_is_late_and_an_error() -> None:
    pep = _new_to_care("2025-11-03", emergency=True, meeting_date="2025-12-02",
                       initiated_date="2025-11-05")
    found = _ids(pep, D(2025, 12, 10))
    assert found["TL002"].severity == "error"
    assert found["TL002"].dates == {"meeting": "2025-12-02", "due": "2025-12-01",
                                    "entered": "2025-11-03"}
    assert "TL001" not in found and "TL003" not in found


def test_an_initial_pep_held_in_time_is_not_flagged() -> None:
    pep = _new_to_care("2025-11-03", emergency=True, meeting_date="2025-11-14")
    found = _ids(pep, D(2025, 12, 1))
    assert not {"TL001", "TL002", "TL003", "TL004", "TL005", "TL006", "TL011"} & set(found)


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


def test_a_termly_review_past_its_local_deadline_is_a_warning() -> None:
    found = _ids(good_pep(), D(2026, 2, 14))
    assert (found["TL013"].severity, found["TL013"].basis) == ("warning", "local_practice")
    assert found["TL013"].dates == {"last_meeting": "2025-10-08", "due": "2026-02-13",
                                    "term_end": "2026-04-12"}
    assert "TL010" not in found


def test_a_term_ending_without_a_review_is_a_breach_of_the_statutory_guidance() -> None:
    # Spring 2026 runs to the day before the summer term starts (13 April 2026).
    assert "TL010" not in _ids(good_pep(), D(2026, 4, 12))
    found = _ids(good_pep(), D(2026, 4, 13))
    assert (found["TL010"].severity, found["TL010"].basis) == ("error", "statutory_guidance")
    assert found["TL010"].dates == {"term_end": "2026-04-12", "last_meeting": "2025-10-08"}
    assert "Initiating, developing and reviewing the PEP" in found["TL010"].source


def test_an_authority_may_make_its_review_deadline_an_error() -> None:
    # Eastborough does (TL013 severity error); its spring deadline is 28 February.
    found = _ids(good_pep(), D(2026, 3, 2), load_settings("eastborough"))
    assert found["TL013"].severity == "error"
    assert "eastborough.yaml" in found["TL013"].source


def test_a_review_on_10_august_2026_belongs_to_summer_2025_26() -> None:
    pep = good_pep(meta={"meeting_date": "2026-08-10", "previous_pep_date": "2026-05-20",
                         "academic_year": "2025-26", "term": "summer",
                         "next_review_date": "2026-10-14"})
    found, deadlines = check_timelines(pep, D(2026, 11, 20), DEFAULTS)
    by_id = {f.rule_id: f for f in found}
    # On 20 November 2026 the autumn 2026-27 review (due by Friday 23 October, before the
    # half term starting 26 October) is overdue; the next one named is not spring.
    assert "autumn 2026-27" in by_id["TL013"].message
    assert by_id["TL013"].dates["due"] == "2026-10-23"
    assert [(d.kind, d.due, d.overdue) for d in deadlines] == [
        ("termly", D(2026, 10, 23), True)
    ]


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
    # A local deadline: a warning unless the authority says otherwise.
    assert (late[overdue].severity, late[overdue].basis) == ("warning", "local_practice")
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


def _aged(birth: str, entered: str = "2023-04-03") -> dict[str, Any]:
    return good_pep(child={"date_of_birth": birth}, education={"ncy": "11"},
                    care={"date_became_looked_after": entered, "placement_start_date": entered})


def test_a_pathway_plan_is_due_within_3_months_of_the_16th_birthday() -> None:
    found = _ids(_aged("2009-12-01"), D(2026, 1, 20))
    assert found["TL031"].dates == {"due": "2026-03-01", "eligible": "2025-12-01"}
    assert "the 16th birthday" in found["TL031"].message
    overdue = _ids(_aged("2009-12-01"), D(2026, 3, 2))
    assert (overdue["TL030"].severity, overdue["TL030"].basis) == ("error", "statute")
    assert "regs 40-43" in overdue["TL030"].source and "Sch 2 para 19B" in overdue["TL030"].source


def test_a_child_entering_care_at_16_years_4_months_is_due_after_becoming_eligible() -> None:
    # 16 on 1 December 2025, in care from 1 April 2026: eligible 13 weeks later on 1 July,
    # assessment due 1 October 2026; never a date before entering care.
    pep = _aged("2009-12-01", entered="2026-04-01")
    assert not {"TL030", "TL031"} & set(_ids(pep, D(2026, 3, 31)))
    assert _ids(pep, D(2026, 4, 2))["TL031"].dates["due"] == "2026-10-01"
    found = _ids(pep, D(2026, 6, 1))
    assert found["TL031"].dates == {"due": "2026-10-01", "eligible": "2026-07-01"}
    assert "13 weeks looked after since age 14" in found["TL031"].message
    assert _ids(pep, D(2026, 10, 2))["TL030"].dates["due"] == "2026-10-01"


def test_a_young_person_who_cannot_become_eligible_before_18_gets_no_pathway_rule() -> None:
    pep = _aged("2008-12-01", entered="2026-10-01")
    assert not {"TL030", "TL031"} & set(_ids(pep, D(2026, 11, 1)))


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
    assert found["TL031"].dates == {"due": "2028-05-29", "eligible": "2028-02-29"}


# ----------------------------------------------------------------------------- short breaks


@pytest.mark.slow
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


# ----------------------------------------------------------------------------- key stage 4


def test_a_placement_move_in_year_10_is_flagged_under_reg_10() -> None:
    # Born 1 October 2010: Year 10 in 2025-26.
    pep = good_pep(child={"date_of_birth": "2010-10-01"}, education={"ncy": "10"},
                   care={"placement_start_date": "2025-09-15"})
    found = _ids(pep, D(2025, 10, 10))
    assert (found["TL028"].severity, found["TL028"].basis) == ("warning", "statute")
    assert found["TL028"].dates == {"changed": "2025-09-15"}
    assert "Year 10" in found["TL028"].message and "reg 10" in found["TL028"].source


def test_a_move_before_key_stage_4_or_before_the_last_pep_is_not_flagged() -> None:
    year_9 = good_pep(child={"date_of_birth": "2011-10-01"}, education={"ncy": "9"},
                      care={"placement_start_date": "2025-09-15"})
    assert "TL028" not in _ids(year_9, D(2025, 10, 10))
    older = good_pep(child={"date_of_birth": "2010-10-01"}, education={"ncy": "10"},
                     care={"placement_start_date": "2025-05-01"})
    assert "TL028" not in _ids(older, D(2025, 10, 10))


# ----------------------------------------------------------------------------- ages


def test_a_pep_after_the_18th_birthday_is_a_configurable_warning_not_an_unreadable_file() -> None:
    pep = good_pep(child={"date_of_birth": "2007-09-20"}, education={"ncy": "13"},
                   meta={"meeting_date": "2025-10-08", "academic_year": "2025-26"})
    found = _ids(pep, D(2025, 10, 20))
    assert (found["TL050"].severity, found["TL050"].basis) == ("warning", "local_practice")
    assert found["TL050"].dates == {"birthday": "2025-09-20", "until": "2026-08-31"}
    quiet = load_settings(overrides={"rules": {"TL050": {"enabled": False}}})
    assert "TL050" not in _ids(pep, D(2025, 10, 20), quiet)


def test_no_termly_review_is_due_after_the_academic_year_of_the_18th_birthday() -> None:
    pep = good_pep(child={"date_of_birth": "2008-01-15"}, education={"ncy": "13"},
                   meta={"meeting_date": "2026-06-10", "previous_pep_date": "2026-02-04",
                         "next_review_date": None})
    found, deadlines = check_timelines(pep, D(2026, 7, 1), DEFAULTS)
    assert deadlines == [] and not {"TL010", "TL012", "TL013"} & {f.rule_id for f in found}
    # After 31 August 2026 PEPs have ended: only the finding about the meeting itself stays.
    ended, none = check_timelines(pep, D(2026, 9, 2), DEFAULTS)
    assert [f.rule_id for f in ended] == ["TL050"] and none == []


def test_an_authority_may_end_peps_at_the_18th_birthday() -> None:
    at_18 = load_settings(overrides={"post18": {"pep_until": "eighteenth_birthday"}})
    pep = good_pep(child={"date_of_birth": "2007-09-20"}, education={"ncy": "13"})
    assert _ids(pep, D(2025, 10, 20), at_18)["TL051"].dates == {
        "meeting": "2025-10-08", "until": "2025-09-19", "birthday": "2025-09-20"}


def test_early_years_peps_start_the_term_after_the_second_birthday() -> None:
    # Born 15 February 2024, in care from birth: funded education, and PEPs, from
    # 1 April 2026; the first is due by the summer half-term deadline, 22 May 2026.
    pep = good_pep(child={"date_of_birth": "2024-02-15"}, education={"ncy": "E2"},
                   care={"date_became_looked_after": "2024-03-01",
                         "placement_start_date": "2024-03-01"},
                   meta={"pep_type": "initial", "meeting_date": None,
                         "previous_pep_date": None})
    found, deadlines = check_timelines(pep, D(2026, 1, 10), DEFAULTS)
    assert [f.rule_id for f in found] == ["TL060"]
    assert found[0].dates == {"from": "2026-04-01"}
    assert [(d.kind, d.due) for d in deadlines] == [("early_years_start", D(2026, 5, 22))]
    overdue = _ids(pep, D(2026, 5, 26))
    assert overdue["TL061"].dates == {"due": "2026-05-22", "from": "2026-04-01"}
    assert "TL001" not in overdue and "TL004" not in overdue


def test_an_authority_may_start_early_years_peps_after_the_third_birthday() -> None:
    later = load_settings(overrides={"early_years": {"pep_from_birthday": 3}})
    pep = good_pep(child={"date_of_birth": "2024-02-15"}, education={"ncy": "E2"})
    assert _ids(pep, D(2026, 6, 1), later)["TL060"].dates == {"from": "2027-04-01"}


# ------------------------------------------------------------------- nations and calendars


def test_wales_scotland_and_northern_ireland_are_told_only_bank_holidays_change() -> None:
    for nation in ("wales", "scotland", "northern-ireland"):
        settings = load_settings(overrides={"nation": nation})
        found = _ids(good_pep(), D(2025, 11, 1), settings)
        assert found["TL099"].basis == "notice"
        assert f"nation is {nation}: these checks are England's" in found["TL099"].message
    assert "TL099" not in _ids(good_pep(), D(2025, 11, 1))
    assert "TL099" not in _ids(good_pep(), D(2025, 11, 1),
                               load_settings(overrides={"nation": "england-and-wales"}))


def test_a_child_placed_out_of_area_is_counted_on_the_host_s_term_dates() -> None:
    # Southvale places the child in Eastborough, whose summer 2026 term ends on Tuesday
    # 21 July (the default pattern: Wednesday 22 July). A school move on Monday 20 July 2026
    # + 2 school days: on Eastborough's dates 21 July, then Tuesday 1 September (2026-27 is
    # not listed, so the default autumn term); on Southvale's own (the default), 22 July.
    southvale = load_settings("southvale")
    pep = good_pep(meta={"authority": "southvale", "meeting_date": "2026-06-10",
                         "previous_pep_date": "2026-02-04", "next_review_date": "2026-10-14"},
                   care={"host_authority": "Eastborough"},
                   education={"date_joined": "2026-07-20"})
    settings = load_settings(overrides={"change_review": {"days": 2}})
    assert southvale.calendar_for(None, "Eastborough") is load_settings("eastborough").calendar
    hosted = _ids(pep, D(2026, 7, 21), settings)["TL022"].dates["due"]
    pep["care"]["host_authority"] = None
    own = _ids(pep, D(2026, 7, 21), settings)["TL022"].dates["due"]
    assert (hosted, own) == ("2026-09-01", "2026-07-22")
