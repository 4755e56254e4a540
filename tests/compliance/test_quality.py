"""Quality rules: each one fires on the fault it names and stays quiet on a good PEP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pepdocs.compliance.quality import check_quality, is_generic, is_measurable
from pepdocs.compliance.settings import load_settings
from pepdocs.errors import PepdocsError

from .pep_builder import good_pep

DEFAULTS = load_settings()
Pep = dict[str, Any]


def _found(pep: Pep, settings: Any = DEFAULTS) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in check_quality(pep, settings):
        found.setdefault(finding.rule_id, []).append(finding.path)
    return found


def test_the_good_pep_has_no_quality_findings() -> None:
    assert _found(good_pep()) == {}


def _set(path: str, value: Any) -> Callable[[Pep], None]:
    def change(pep: Pep) -> None:
        *parents, last = path.split(".")
        node: Any = pep
        for part in parents:
            node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
        if value is _DELETE:
            del node[last]
        else:
            node[last] = value
    return change


_DELETE = object()


CASES: list[tuple[str, Callable[[Pep], None], str, str]] = [
    ("QA001", _set("meta.meeting_date", _DELETE), "meta.meeting_date", "error"),
    ("QA002", _set("meta.next_review_date", _DELETE), "meta.next_review_date", "warning"),
    ("QA003", _set("meta.next_review_date", "2025-10-08"), "meta.next_review_date", "error"),
    ("QA010", lambda pep: pep["targets"][0].update(
        description="Enjoy reading more", success_criteria="Will be better at reading"),
     "targets.0.success_criteria", "warning"),
    ("QA011", _set("targets.1.lead", ""), "targets.1.lead", "warning"),
    ("QA012", _set("targets.2.due_date", None), "targets.2.due_date", "warning"),
    ("QA013", _set("targets.0.due_date", "2026-03-01"), "targets.0.due_date", "warning"),
    ("QA014", _set("targets.0.due_date", "2025-10-08"), "targets.0.due_date", "warning"),
    ("QA015", _set("targets.2.area", None), "targets.2.area", "warning"),
    ("QA016", _set("targets.0.description", "To make progress in reading."),
     "targets.0.description", "warning"),
    ("QA020", _set("targets", []), "targets", "error"),
    ("QA021", lambda pep: pep["targets"].pop(), "targets", "warning"),
    ("QA030", _set("previous_targets", []), "previous_targets", "warning"),
    ("QA031", _set("previous_targets.0.outcome", None), "previous_targets.0.outcome", "warning"),
    ("QA040", _set("views.child", "  "), "views.child", "error"),
    ("QA041", lambda pep: pep["views"].update(
        child=None, child_not_given_reason="Declined to take part this term"),
     "views.child_not_given_reason", "info"),
    ("QA042", lambda pep: (pep["views"].update(child=None),
                           pep["child"].update(date_of_birth="2022-06-01")),
     "views.child", "warning"),
    ("QA050", _set("education.attendance", None), "education.attendance.percent", "error"),
    ("QA051", _set("education.attendance.period_end", "2025-06-27"),
     "education.attendance.period_end", "warning"),
    ("QA052", _set("education.attendance.percent", 89.9), "education.attendance.percent", "info"),
    ("QA060", _set("attainment", []), "attainment", "error"),
    ("QA070", _set("pp_plus.items.1.target_id", "T9"), "pp_plus.items.1.target_id", "warning"),
    ("QA071", _set("pp_plus.requested_total", "650.00"), "pp_plus.requested_total", "warning"),
    ("QA072", _set("pp_plus.items.0.description", "Blazer and school uniform"),
     "pp_plus.items.0.description", "warning"),
    ("QA073", _set("pp_plus.items", []), "pp_plus.items", "warning"),
    ("QA074", _set("education.ncy", "N2"), "pp_plus.requested_total", "warning"),
    ("QA075", lambda pep: pep["pp_plus"].update(
        requested_total="2700.00", items=[{"description": "Tuition", "cost": "2700.00",
                                           "target_id": "T1"}]),
     "pp_plus.requested_total", "warning"),
    ("QA080", _set("education.ncy", "6"), "transition.plan", "warning"),
    ("QA090", _set("child.upn", "A801200005001"), "child.upn", "error"),
    ("QA091", _set("education.urn", "12345"), "education.urn", "warning"),
    ("QA092", _set("education.laestab", "991/2001"), "education.laestab", "warning"),
    ("QA093", _set("child.uln", "1234567890"), "child.uln", "warning"),
    ("QA094", _set("child.la_child_id", None), "child.la_child_id", "warning"),
    ("QA100", _set("education.sen_provision", None), "education.sen_provision", "error"),
    ("QA101", _set("education.setting_name", " "), "education.setting_name", "error"),
    ("QA102", _set("transition", {"next_transition": "Move to secondary school"}),
     "transition.plan", "error"),
    ("QA103", _set("child.leisure_interests", _DELETE), "child.leisure_interests", "error"),
    ("QA104", _set("care.carer.education_role", ""), "care.carer.education_role", "error"),
    ("QA110", _set("education.ncy", "4"), "education.ncy", "warning"),
]


@pytest.mark.parametrize(("rule_id", "spoil", "path", "severity"), CASES,
                         ids=[case[0] for case in CASES])
def test_each_rule_fires_on_its_fault(
    rule_id: str, spoil: Callable[[Pep], None], path: str, severity: str
) -> None:
    pep = good_pep()
    spoil(pep)
    findings = [f for f in check_quality(pep, DEFAULTS) if f.rule_id == rule_id]
    assert [f.path for f in findings] == [path]
    assert findings[0].severity == severity


def test_every_quality_rule_has_a_case() -> None:
    from pepdocs.compliance.rules import list_rules

    qa_rules = {rule.id for rule in list_rules() if rule.id.startswith("QA")}
    assert qa_rules == {case[0] for case in CASES}


@pytest.mark.parametrize("spoil", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_messages_never_carry_values_from_the_pep(spoil: Callable[[Pep], None]) -> None:
    pep = good_pep()
    spoil(pep)
    for finding in check_quality(pep, DEFAULTS):
        for secret in ("Testchild", "Fictional", "A801200005001", "Blazer", "Northshire",
                       "reading", "991/2001", "12345", "1234567890"):
            assert secret not in finding.message


# ----------------------------------------------------------------------------- SMART details


@pytest.mark.parametrize(
    "text",
    [
        "Reads 20 words per minute more",
        "Attendance above 95%",
        "Scores at the expected standard",
        "Completes homework each week",
        "Asks for help independently in lessons",
        "Uses the calm corner, recorded in the daily log",
    ],
)
def test_measurable_criteria(text: str) -> None:
    assert is_measurable(text, DEFAULTS.quality.measurable_words)


@pytest.mark.parametrize("text", ["Will be better at reading", "Feels happier", ""])
def test_unmeasurable_criteria(text: str) -> None:
    assert not is_measurable(text, DEFAULTS.quality.measurable_words)


@pytest.mark.parametrize(
    "text", ["To make progress", "Improve behaviour.", "to do better in maths", "Try harder!"]
)
def test_generic_targets(text: str) -> None:
    assert is_generic(text, DEFAULTS.quality.generic_phrases)


def test_a_specific_target_that_mentions_progress_is_not_generic() -> None:
    text = "To make progress in phonics from phase 3 to phase 5 through daily 1:1 sessions"
    assert not is_generic(text, DEFAULTS.quality.generic_phrases)


def test_a_measure_in_the_description_counts_when_the_criteria_box_is_empty() -> None:
    pep = good_pep()
    pep["targets"][0]["success_criteria"] = None
    assert "QA010" not in _found(pep)


def test_a_gbp_total_written_differently_still_adds_up() -> None:
    pep = good_pep(pp_plus={"requested_total": 600})
    assert "QA071" not in _found(pep)


# ----------------------------------------------------------------------------- context rules


def test_an_initial_pep_needs_no_previous_targets() -> None:
    pep = good_pep(meta={"pep_type": "initial"}, previous_targets=None)
    assert "QA030" not in _found(pep)


@pytest.mark.parametrize("ncy", ["N2", "6", "11"])
def test_transition_years_need_a_transition_plan(ncy: str) -> None:
    pep = good_pep(education={"ncy": ncy}, pp_plus=None)
    assert "QA080" in _found(pep)
    pep["transition"] = {"plan": "Visits to the new school in June; DT handover meeting."}
    assert "QA080" not in _found(pep)


@pytest.mark.parametrize("ncy", ["R", "5", "7", "10", "12"])
def test_other_years_need_none(ncy: str) -> None:
    assert "QA080" not in _found(good_pep(education={"ncy": ncy}))


def test_a_planned_change_without_a_plan_is_the_statutory_finding_only() -> None:
    pep = good_pep(education={"ncy": "6"}, transition={"next_transition": "Year 7"})
    found = _found(pep)
    assert "QA102" in found and "QA080" not in found


def test_an_authority_can_limit_transition_plans_to_spring_and_summer() -> None:
    settings = load_settings(overrides={"quality": {"transition_terms": ["spring", "summer"]}})
    pep = good_pep(education={"ncy": "6"})
    assert "QA080" not in _found(pep, settings)
    pep["meta"]["term"] = "spring"
    assert "QA080" in _found(pep, settings)


def test_attendance_ending_within_a_term_of_the_meeting_is_current() -> None:
    pep = good_pep()
    pep["education"]["attendance"]["period_end"] = "2025-07-01"  # 99 days before 8 October
    assert "QA051" not in _found(pep)


def test_exactly_90_percent_is_persistent_absence() -> None:
    # The DfE counts missing 10% or more of possible sessions: 90.0% attendance is in.
    pep = good_pep()
    pep["education"]["attendance"]["percent"] = 90
    assert _found(pep)["QA052"] == ["education.attendance.percent"]
    pep["education"]["attendance"]["percent"] = 90.1
    assert "QA052" not in _found(pep)


def test_sessions_count_when_no_percentage_is_given() -> None:
    pep = good_pep()
    pep["education"]["attendance"] = {"sessions_possible": 120, "sessions_missed": 12}
    assert _found(pep)["QA052"] == ["education.attendance.sessions_missed"]
    pep["education"]["attendance"]["sessions_missed"] = 11
    assert "QA052" not in _found(pep) and "QA050" not in _found(pep)


def test_a_child_on_no_school_roll_has_no_attendance_to_record() -> None:
    pep = good_pep(education={"attendance": None, "on_roll": False})
    assert "QA050" not in _found(pep)


# ----------------------------------------------------------------------------- the child's views


def test_a_recorded_reason_stands_in_for_the_child_s_views() -> None:
    pep = good_pep(views={"child": None, "child_not_given_reason": "Non-verbal; observed"})
    found = check_quality(pep, DEFAULTS)
    assert [(f.rule_id, f.severity) for f in found if f.section == "views"] == [("QA041", "info")]


def test_the_child_s_views_are_required_from_age_4_by_default() -> None:
    # Born 1 June 2022: 3 at the meeting on 8 October 2025, 4 at one on 8 June 2026.
    pep = good_pep(views={"child": None}, child={"date_of_birth": "2022-06-01"})
    assert "QA042" in _found(pep)
    pep["meta"]["meeting_date"] = "2026-06-08"
    assert "QA040" in _found(pep)


def test_a_missing_child_s_voice_stays_an_error_whatever_the_authority_says() -> None:
    with pytest.raises(PepdocsError, match="QA040 is a statutory breach"):
        load_settings(overrides={"rules": {"QA040": {"severity": "warning"}}})


# ----------------------------------------------------------------------------- PP+


def test_a_9000_pound_request_for_a_year_12_child_is_two_findings() -> None:
    pep = good_pep(child={"date_of_birth": "2009-08-01"}, education={"ncy": "12"},
                   pp_plus={"requested_total": "9000.00", "items": [
                       {"description": "Tuition", "cost": "9000.00", "target_id": "T1"}]})
    found = {f.rule_id: f for f in check_quality(pep, DEFAULTS)}
    assert "Year 11" in found["QA074"].message and "12" in found["QA074"].message
    # The meeting on 8 October 2025 is in financial year 2025-26: GBP 2,630 per child.
    assert found["QA075"].message == (
        "PP+ of 9000.00 is requested; the whole 2025-26 grant is 2630.00 per looked-after child"
    )
    assert found["QA075"].basis == "national_standard"


@pytest.mark.parametrize(
    ("meeting", "rate"),
    [("2025-03-31", "2570.00"), ("2025-04-01", "2630.00"), ("2021-10-01", "2345.00")],
)
def test_the_rate_is_the_financial_year_s(meeting: str, rate: str) -> None:
    pep = good_pep(meta={"meeting_date": meeting, "next_review_date": None},
                   pp_plus={"requested_total": "3000.00", "items": [
                       {"description": "Tuition", "cost": "3000.00", "target_id": "T1"}]})
    found = {f.rule_id: f for f in check_quality(pep, DEFAULTS)}
    assert found["QA075"].message.endswith(f"grant is {rate} per looked-after child")


def test_an_early_years_child_is_pointed_to_the_early_years_pupil_premium() -> None:
    pep = good_pep(child={"date_of_birth": "2021-12-01"}, education={"ncy": "N2"})
    found = {f.rule_id: f for f in check_quality(pep, DEFAULTS)}
    assert "early years pupil premium" in found["QA074"].message


def test_a_child_not_following_the_curriculum_is_judged_by_age() -> None:
    year_12 = good_pep(child={"date_of_birth": "2009-08-01"}, education={"ncy": "X"})
    year_5 = good_pep(education={"ncy": "X"})
    assert "QA074" in _found(year_12) and "QA074" not in _found(year_5)


# ----------------------------------------------------------------------------- year group


def test_the_year_group_is_checked_against_the_date_of_birth() -> None:
    pep = good_pep(education={"ncy": "6"})  # born 14 March 2016: Year 5 in 2025-26
    found = {f.rule_id: f for f in check_quality(pep, DEFAULTS)}
    assert found["QA110"].message.startswith(
        "the recorded year group 6 is not 5, the year group for the date of birth in 2025-26"
    )
    assert "QA110" not in _found(good_pep(education={"ncy": "X"}))


def test_unknown_upn_codes_are_accepted() -> None:
    assert "QA090" not in _found(good_pep(child={"upn": "UN2"}))


def test_westmere_expects_four_targets() -> None:
    assert _found(good_pep(), load_settings("westmere"))["QA021"] == ["targets"]


def test_a_pep_of_the_wrong_shape_gives_findings_not_a_crash() -> None:
    odd: Pep = {"meta": {"meeting_date": "03/09/2025"}, "targets": ["not an object", 3],
                "pp_plus": {"items": "nope", "requested_total": "lots"}, "child": []}
    found = _found(odd)
    assert "QA001" in found and "QA094" in found
    assert found["QA010"] == ["targets.0.success_criteria", "targets.1.success_criteria"]
