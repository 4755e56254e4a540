"""The rule catalogue is data: every rule well formed, documented and able to fire."""

from __future__ import annotations

import re
import string
from pathlib import Path

from pepdocs.compliance.findings import SEVERITIES
from pepdocs.compliance.rating import SECTIONS
from pepdocs.compliance.rules import RuleBook, list_rules

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
        "due",
        "days",
        "basis",
        "entered",
        "meeting",
        "term",
        "year",
        "last_meeting",
        "changed",
        "months",
        "birthday",
        "what",
        "field",
        "as_of",
        "next_review",
        "count",
        "minimum",
        "period_end",
        "threshold",
        "items_total",
        "requested_total",
        "ncy",
        "reason",
    }
    for rule in list_rules():
        fields = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name}
        assert fields <= allowed, rule.id


def test_every_rule_is_raised_somewhere_in_the_code() -> None:
    code = "".join(path.read_text("utf-8") for path in SOURCES.glob("*.py"))
    for rule in list_rules():
        assert f'"{rule.id}"' in code, rule.id


def test_every_rule_is_in_the_documentation_table() -> None:
    text = DOCS.read_text("utf-8")
    for rule in list_rules():
        assert f"| {rule.id} | {rule.name} | {rule.severity} |" in text, rule.id


def test_a_disabled_rule_gives_no_finding_and_a_new_severity_is_used() -> None:
    book = RuleBook({"QA040": {"enabled": False}, "QA050": {"severity": "error"}})
    assert book.finding("QA040", "views.child") is None
    finding = book.finding("QA050", "education.attendance.percent")
    assert finding is not None and finding.severity == "error"
