"""Ratings: section by section, then overall, for both schemes and both aggregations."""

from __future__ import annotations

import datetime as dt

from pepdocs.compliance.check import check_pep
from pepdocs.compliance.findings import Finding
from pepdocs.compliance.rating import SECTIONS, rate
from pepdocs.compliance.rules import RuleBook
from pepdocs.compliance.settings import load_settings

from .pep_builder import good_pep

BOOK = RuleBook()
RAG = load_settings()
GOLD_WORST = load_settings(overrides={"rating": {"scheme": "gold", "aggregation": "worst"}})
GOLD_AVERAGE = load_settings("eastborough")


def _finding(rule_id: str) -> Finding:
    values = {"count": 1, "minimum": 3, "period_end": dt.date(2025, 1, 1), "days": 100,
              "meeting": dt.date(2025, 10, 1), "threshold": 90, "due": dt.date(2025, 1, 1),
              "next_review": dt.date(2025, 1, 1), "reason": "x", "term": "autumn",
              "year": "2025-26", "last_meeting": dt.date(2025, 1, 1), "age": 4,
              "term_end": dt.date(2025, 12, 31)}
    finding = BOOK.finding(rule_id, "", **values)
    assert finding is not None
    return finding


def test_rag_no_findings_is_green_everywhere() -> None:
    rating = rate([], RAG)
    assert rating.overall == "green"
    assert set(rating.sections) == set(SECTIONS)
    assert set(rating.sections.values()) == {"green"}
    assert rating.reasons == ()


def test_rag_info_findings_do_not_lower_a_rating() -> None:
    assert rate([_finding("QA052"), _finding("TL012")], RAG).overall == "green"


def test_rag_a_warning_makes_its_section_and_the_pep_amber() -> None:
    rating = rate([_finding("QA042")], RAG)
    assert rating.sections["views"] == "amber"
    assert rating.sections["targets"] == "green"
    assert rating.overall == "amber"
    assert rating.reasons == ("amber: the worst section rating", "views: amber (QA042)")


def test_rag_any_red_section_makes_the_pep_red() -> None:
    rating = rate([_finding("QA042"), _finding("QA020")], RAG)
    assert rating.overall == "red"
    assert rating.reasons[0] == "red: any red section makes the PEP red (targets)"
    assert "targets: red (QA020)" in rating.reasons


def test_gold_scheme_sections_gold_green_amber_red_by_warnings_and_errors() -> None:
    rating = rate(
        [_finding("QA042"), _finding("QA051"), _finding("QA051"), _finding("QA090")], GOLD_WORST
    )
    assert rating.sections["targets"] == "gold"
    assert rating.sections["views"] == "green"  # one warning
    assert rating.sections["attendance"] == "amber"  # two warnings
    assert rating.sections["identifiers"] == "red"
    assert rating.overall == "red"


def test_gold_scheme_worst_aggregation() -> None:
    assert rate([], GOLD_WORST).overall == "gold"
    assert rate([_finding("QA042")], GOLD_WORST).overall == "green"
    assert rate([_finding("QA051"), _finding("QA051")], GOLD_WORST).overall == "amber"


def test_gold_scheme_average_aggregation_rounds_half_down() -> None:
    assert len(SECTIONS) == 11
    # One green section among ten gold: mean 2.9 -> gold.
    assert rate([_finding("QA042")], GOLD_AVERAGE).overall == "gold"
    # Without timeliness, ten sections; five green and five gold: mean 2.5 -> the lower
    # rating, green.
    quality_only = load_settings(
        "eastborough", overrides={"rating": {"include_timeliness": False}}
    )
    five_warnings = [_finding(rule_id) for rule_id in ("QA002", "QA010", "QA030", "QA042",
                                                        "QA051")]
    rating = rate(five_warnings, quality_only)
    assert rating.overall == "green"
    assert rating.reasons[0] == "green: average of 10 section ratings"


def test_gold_scheme_average_still_makes_any_red_section_red() -> None:
    assert rate([_finding("QA001")], GOLD_AVERAGE).overall == "red"


def test_timeliness_can_be_left_out_of_the_rating() -> None:
    settings = load_settings(overrides={"rating": {"include_timeliness": False}})
    rating = rate([_finding("TL010")], settings)
    assert rating.overall == "green"
    assert "timeliness" not in rating.sections
    assert rate([_finding("TL010")], RAG).overall == "red"


def test_check_pep_rates_with_the_authority_s_scheme() -> None:
    eastborough = good_pep(meta={"authority": "eastborough"})
    assert check_pep(eastborough, dt.date(2025, 11, 1)).rating == "gold"
    assert check_pep(good_pep(), dt.date(2025, 11, 1)).rating == "green"
    spoiled = good_pep(previous_targets=[])
    result = check_pep(spoiled, dt.date(2025, 11, 1))
    assert (result.rating, result.section_ratings["previous_targets"]) == ("amber", "amber")
