"""Quality rules: each one fires on the fault it names and stays quiet on a good PEP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pepdocs.compliance.quality import check_quality, is_generic, is_measurable
from pepdocs.compliance.settings import load_settings

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
    (
        "QA010",
        lambda pep: pep["targets"][0].update(
            description="Enjoy reading more", success_criteria="Will be better at reading"
        ),
        "targets.0.success_criteria",
        "warning",
    ),
    ("QA011", _set("targets.1.lead", ""), "targets.1.lead", "warning"),
    ("QA012", _set("targets.2.due_date", None), "targets.2.due_date", "warning"),
    ("QA013", _set("targets.0.due_date", "2026-03-01"), "targets.0.due_date", "warning"),
    ("QA014", _set("targets.0.due_date", "2025-10-08"), "targets.0.due_date", "warning"),
    ("QA015", _set("targets.2.area", None), "targets.2.area", "warning"),
    (
        "QA016",
        _set("targets.0.description", "To make progress in reading."),
        "targets.0.description",
        "warning",
    ),
    ("QA020", _set("targets", []), "targets", "error"),
    ("QA021", lambda pep: pep["targets"].pop(), "targets", "warning"),
    ("QA030", _set("previous_targets", []), "previous_targets", "warning"),
    ("QA031", _set("previous_targets.0.outcome", None), "previous_targets.0.outcome", "warning"),
    ("QA040", _set("views.child", "  "), "views.child", "warning"),
    ("QA050", _set("education.attendance", None), "education.attendance.percent", "warning"),
    (
        "QA051",
        _set("education.attendance.period_end", "2025-06-27"),
        "education.attendance.period_end",
        "warning",
    ),
    ("QA052", _set("education.attendance.percent", 89.9), "education.attendance.percent", "info"),
    ("QA060", _set("attainment", []), "attainment", "warning"),
    ("QA070", _set("pp_plus.items.1.target_id", "T9"), "pp_plus.items.1.target_id", "warning"),
    ("QA071", _set("pp_plus.requested_total", "650.00"), "pp_plus.requested_total", "warning"),
    (
        "QA072",
        _set("pp_plus.items.0.description", "Blazer and school uniform"),
        "pp_plus.items.0.description",
        "warning",
    ),
    ("QA073", _set("pp_plus.items", []), "pp_plus.items", "warning"),
    ("QA080", _set("education.ncy", "6"), "transition.plan", "warning"),
    ("QA090", _set("child.upn", "A801200005001"), "child.upn", "error"),
    ("QA091", _set("education.urn", "12345"), "education.urn", "warning"),
    ("QA092", _set("education.laestab", "991/2001"), "education.laestab", "warning"),
    ("QA093", _set("child.uln", "1234567890"), "child.uln", "warning"),
    ("QA094", _set("child.la_child_id", None), "child.la_child_id", "warning"),
]


@pytest.mark.parametrize(
    ("rule_id", "spoil", "path", "severity"), CASES, ids=[case[0] for case in CASES]
)
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
        for secret in (
            "Testchild",
            "Fictional",
            "A801200005001",
            "Blazer",
            "Northshire",
            "reading",
            "991/2001",
            "12345",
            "1234567890",
        ):
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
    pep = good_pep(education={"ncy": ncy})
    assert "QA080" in _found(pep)
    pep["transition"] = {"plan": "Visits to the new school in June; DT handover meeting."}
    assert "QA080" not in _found(pep)


@pytest.mark.parametrize("ncy", ["R", "5", "7", "10", "12"])
def test_other_years_need_none(ncy: str) -> None:
    assert "QA080" not in _found(good_pep(education={"ncy": ncy}))


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


def test_exactly_90_percent_is_not_persistent_absence() -> None:
    pep = good_pep()
    pep["education"]["attendance"]["percent"] = 90
    assert "QA052" not in _found(pep)


def test_unknown_upn_codes_are_accepted() -> None:
    assert "QA090" not in _found(good_pep(child={"upn": "UN2"}))


def test_westmere_expects_four_targets() -> None:
    assert _found(good_pep(), load_settings("westmere"))["QA021"] == ["targets"]


def test_a_pep_of_the_wrong_shape_gives_findings_not_a_crash() -> None:
    odd: Pep = {
        "meta": {"meeting_date": "03/09/2025"},
        "targets": ["not an object", 3],
        "pp_plus": {"items": "nope", "requested_total": "lots"},
        "child": [],
    }
    found = _found(odd)
    assert "QA001" in found and "QA094" in found
    assert found["QA010"] == ["targets.0.success_criteria", "targets.1.success_criteria"]
