"""The rule catalogue is data: every rule well formed, documented and able to fire."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from pepdocs.compliance.findings import SEVERITIES
from pepdocs.compliance.rating import SECTIONS
from pepdocs.compliance.rules import BASES, BASIS_LABELS, RuleBook, list_rules
from pepdocs.errors import PepdocsError

DOCS = Path(__file__).resolve().parents[2] / "docs" / "compliance.md"
SOURCES = Path(__file__).resolve().parents[2] / "pepdocs" / "compliance"


def test_rule_ids_are_unique_and_shaped_tl_or_qa_and_three_digits() -> None:
    ids = [rule.id for rule in list_rules()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"(TL|QA)\d{3}", rule_id) for rule_id in ids)
    names = [rule.name for rule in list_rules()]
    assert len(names) == len(set(names))


def test_every_rule_has_a_known_severity_and_a_rated_section() -> None:
    for rule in list_rules():
        assert rule.severity in SEVERITIES
        assert rule.section in SECTIONS


def test_message_templates_name_only_dates_counts_and_paths() -> None:
    allowed = {
        "due", "days", "basis", "entered", "meeting", "term", "year", "last_meeting", "changed",
        "birthday", "what", "field", "as_of", "next_review", "count", "minimum", "period_end",
        "threshold", "items_total", "requested_total", "ncy", "reason", "care_plan_due",
        "started", "statutory_due", "term_end", "eligible", "until", "from", "age", "nation",
        "expected", "year_group", "financial_year", "rate",
        # fixed words chosen in the code, never PEP values:
        "how", "became", "instead",
    }
    for rule in list_rules():
        fields = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name}
        assert fields <= allowed, rule.id


def test_every_rule_is_raised_somewhere_in_the_code() -> None:
    code = "".join(path.read_text("utf-8") for path in SOURCES.glob("*.py"))
    for rule in list_rules():
        assert f'"{rule.id}"' in code, rule.id


def test_every_rule_is_in_the_documentation_table_with_its_basis_and_source() -> None:
    text = DOCS.read_text("utf-8")
    for rule in list_rules():
        row = f"| {rule.id} | {rule.name} | {rule.severity} | {BASIS_LABELS[rule.basis]} |"
        assert row in text, rule.id
        line = next(line for line in text.splitlines() if line.startswith(row))
        assert rule.source in line, rule.id


def test_every_rule_names_a_basis_and_a_public_source() -> None:
    for rule in list_rules():
        assert rule.basis in BASES
        assert rule.source
    statutory = [rule for rule in list_rules() if rule.basis == "statute"]
    assert all(
        "Regulations 2010" in rule.source or "Children Act 1989" in rule.source
        for rule in statutory
    )


def test_statutory_breaches_are_errors() -> None:
    for rule_id in ("TL001", "TL002", "TL004", "TL005", "TL010", "TL030", "QA040", "QA050",
                    "QA060", "QA100", "QA101", "QA102", "QA103", "QA104"):
        rule = next(rule for rule in list_rules() if rule.id == rule_id)
        assert rule.severity == "error" and rule.locked, rule_id


def test_local_deadlines_are_warnings_by_default() -> None:
    for rule in list_rules():
        if rule.basis == "local_practice" and rule.section == "timeliness":
            assert rule.severity in {"warning", "info"}, rule.id


def test_a_disabled_rule_gives_no_finding_and_a_new_severity_is_used() -> None:
    book = RuleBook({"QA051": {"enabled": False}, "QA052": {"severity": "error"},
                     "TL013": {"severity": "error"}})
    assert book.finding("QA051", "education.attendance.period_end") is None
    finding = book.finding("QA052", "education.attendance.percent", threshold=90)
    assert finding is not None and finding.severity == "error"


@pytest.mark.parametrize(
    "override",
    [{"TL001": {"severity": "warning"}}, {"TL001": {"enabled": False}},
     {"QA103": {"severity": "info"}}, {"TL010": {"enabled": False}}],
)
def test_a_statutory_breach_cannot_be_lowered_or_switched_off(
    override: dict[str, dict[str, object]],
) -> None:
    with pytest.raises(PepdocsError, match="statutory breach"):
        RuleBook(override)


def test_a_finding_carries_basis_and_source_and_local_practice_names_its_settings() -> None:
    book = RuleBook(origins={"termly_reviews": "eastborough.yaml"})
    statute = book.finding("TL001", "care.date_became_looked_after", due="2026-01-21",
                           entered="2025-12-19")
    assert statute is not None and statute.basis == "statute"
    assert statute.source == (
        "The Care Planning, Placement and Case Review (England) Regulations 2010, "
        "reg 33(1), with reg 5(b)(ii)"
    )
    local = book.finding("TL013", "meta.meeting_date", term="autumn", year="2026-27",
                         due="2026-10-23", last_meeting="2026-08-10", term_end="2026-12-31")
    assert local is not None and local.basis == "local_practice"
    assert local.source == (
        "Virtual School practice, termly review deadline "
        "(settings termly_reviews, term_dates: default.yaml + eastborough.yaml)"
    )
    assert local.to_dict()["basis"] == "local_practice"
