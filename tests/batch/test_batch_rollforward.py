"""Roll-forward: last term's PEP and today's roster row make next term's draft."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from pepdocs.batch.rollforward import (
    advance_ncy,
    index_previous,
    next_review_date,
    roll_forward,
)
from pepdocs.compliance.calendar import SchoolTerm, next_term, term_of
from pepdocs.model import load_pep

SPRING = dt.date(2026, 2, 2)


def previous_pep(**meta: Any) -> dict[str, Any]:
    """A fictional spring-term PEP with targets, attendance and a placement."""
    pep: dict[str, Any] = {
        "meta": {
            "authority": "northshire",
            "phase": "school_age",
            "pep_type": "review",
            "academic_year": "2025-26",
            "term": "spring",
            "meeting_date": "2026-01-20",
            "status": "completed",
        },
        "child": {
            "first_name": "Testchild",
            "last_name": "Fictional",
            "date_of_birth": "2016-03-14",
            "la_child_id": "9000001",
            "first_language": "English",
        },
        "care": {
            "legal_status": "C2",
            "placement_type": "U4",
            "placement_start_date": "2024-09-02",
            "carer": {"name": "Pat Example", "phone": "07700 900001"},
        },
        "education": {
            "setting_name": "Nowhere Primary School",
            "ncy": "5",
            "senco": "Lee Example",
            "attendance": {"percent": 91.5},
        },
        "targets": [
            {"id": "T1", "description": "Read a chapter book each fortnight", "lead": "DT"},
            {"id": "T2", "description": "Attend the maths club weekly"},
        ],
    }
    pep["meta"].update(meta)
    return load_pep(pep)


def test_targets_become_previous_targets_awaiting_an_outcome() -> None:
    pep, _ = roll_forward({"meta.authority": "northshire"}, previous_pep(), today=SPRING)
    assert pep["previous_targets"] == [
        {"description": "Read a chapter book each fortnight"},
        {"description": "Attend the maths club weekly"},
    ]
    assert "targets" not in pep
    load_pep(pep)  # a valid draft


def test_child_care_and_education_carry_over_but_not_last_terms_attendance() -> None:
    pep, _ = roll_forward({}, previous_pep(), today=SPRING)
    assert pep["child"]["first_language"] == "English"
    assert pep["care"]["carer"] == {"name": "Pat Example", "phone": "07700 900001"}
    assert pep["education"]["senco"] == "Lee Example"
    assert "attendance" not in pep["education"]


def test_the_next_term_is_planned_with_a_review_type_and_the_previous_date() -> None:
    pep, warnings = roll_forward({}, previous_pep(), today=SPRING)
    assert pep["meta"]["academic_year"] == "2025-26"
    assert pep["meta"]["term"] == "summer"
    assert pep["meta"]["pep_type"] == "review"
    assert pep["meta"]["previous_pep_date"] == "2026-01-20"
    assert pep["meta"]["status"] == "draft"
    assert warnings == []


def test_after_summer_comes_next_years_autumn_and_the_year_group_moves_up() -> None:
    last = previous_pep(term="summer", meeting_date="2026-05-11")
    pep, _ = roll_forward({}, last, today=dt.date(2026, 7, 1))
    assert (pep["meta"]["academic_year"], pep["meta"]["term"]) == ("2026-27", "autumn")
    assert pep["education"]["ncy"] == "6"


def test_a_meeting_date_sets_term_year_and_next_review_date() -> None:
    pep, _ = roll_forward({}, previous_pep(), today=SPRING, meeting_date=dt.date(2026, 4, 27))
    meta = pep["meta"]
    assert (meta["academic_year"], meta["term"]) == ("2025-26", "summer")
    assert meta["meeting_date"] == "2026-04-27"
    review = dt.date.fromisoformat(meta["next_review_date"])
    assert review > dt.date(2026, 4, 27) and review.weekday() < 5
    load_pep(pep)


def test_the_roster_wins_where_it_has_a_value_and_blanks_keep_the_pep() -> None:
    roster = {"care.carer.name": "Robin Example", "education.ncy": "5"}
    pep, _ = roll_forward(roster, previous_pep(), today=SPRING)
    assert pep["care"]["carer"]["name"] == "Robin Example"
    assert pep["care"]["carer"]["phone"] == "07700 900001"  # not in the roster: carried
    assert pep["education"]["setting_name"] == "Nowhere Primary School"


def test_a_placement_older_than_the_peps_is_not_newer_so_the_pep_keeps_its_own() -> None:
    roster = {"care.placement_start_date": "2023-01-09", "care.carer.name": "Old Carer"}
    pep, warnings = roll_forward(roster, previous_pep(), today=SPRING)
    assert pep["care"]["placement_start_date"] == "2024-09-02"
    assert pep["care"]["carer"]["name"] == "Pat Example"
    assert any("later placement" in warning for warning in warnings)


def test_without_a_previous_pep_the_current_term_is_planned_and_the_type_left_open() -> None:
    pep, _ = roll_forward(
        {"child.la_child_id": "9000002", "meta.phase": "school_age"}, None, today=SPRING
    )
    assert (pep["meta"]["academic_year"], pep["meta"]["term"]) == ("2025-26", "spring")
    assert "pep_type" not in pep["meta"]
    assert pep["meta"]["phase"] == "school_age"


@pytest.mark.parametrize(
    "day, expected",
    [
        (dt.date(2025, 9, 3), ("2025-26", "autumn")),
        (dt.date(2026, 1, 5), ("2025-26", "spring")),
        (dt.date(2026, 6, 30), ("2025-26", "summer")),
        (dt.date(2026, 8, 10), ("2025-26", "summer")),
    ],
)
def test_terms_of_dates(day: dt.date, expected: tuple[str, str]) -> None:
    assert term_of(day) == expected


def test_term_arithmetic_and_year_groups() -> None:
    assert next_term(SchoolTerm("2025-26", "autumn")) == ("2025-26", "spring")
    assert next_term(SchoolTerm("2099-00", "summer")) == ("2100-01", "autumn")
    assert advance_ncy("N2", 1) == "R" and advance_ncy("R", 2) == "2"
    assert advance_ncy("X", 3) == "X"
    # twelve weeks after 3 June is the summer holiday: the review moves to September
    assert next_review_date(dt.date(2026, 6, 3)).month == 9


def test_previous_peps_are_found_by_child_id_else_upn_and_the_latest_wins(
    tmp_path: Path,
) -> None:
    older = previous_pep(meeting_date="2025-10-06", term="autumn")
    newer = previous_pep()
    by_upn = previous_pep()
    by_upn["child"] = {"upn": "B801200005001", "first_name": "Other"}
    for name, pep in (("a.json", newer), ("b.json", older), ("c.json", by_upn)):
        (tmp_path / name).write_text(json.dumps(pep), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    index = index_previous([tmp_path])
    assert index.find("9000001", None) == str(tmp_path / "a.json")
    assert index.find("no-such-id", "b801200005001") == str(tmp_path / "c.json")
    assert index.find(None, None) is None
    assert len(index.skipped) == 1 and "broken.json" in index.skipped[0]


# --- roll-forward by academic year -----------------------------------------------------------


def _with_exclusions(**meta: Any) -> dict[str, Any]:
    pep = previous_pep(**meta)
    pep["education"]["exclusions"] = [
        {"type": "FIXD", "start_date": "2025-11-12", "sessions": 4},
        {"type": "FIXD", "start_date": "2026-03-03", "sessions": 2},
        {"type": "FIXD", "sessions": 1},
    ]
    return load_pep(pep)


def test_within_the_academic_year_this_year_s_exclusions_are_carried() -> None:
    pep, warnings = roll_forward({}, _with_exclusions(), today=SPRING)
    assert pep["meta"]["academic_year"] == "2025-26"
    assert [e.get("start_date") for e in pep["education"]["exclusions"]] == [
        "2025-11-12", "2026-03-03", None,
    ]
    assert warnings == []


def test_a_new_academic_year_starts_with_no_exclusions_from_last_year() -> None:
    last = _with_exclusions(term="summer", meeting_date="2026-07-08")
    pep, warnings = roll_forward({}, last, today=dt.date(2026, 8, 10))
    # 10 August 2026 is still 2025-26 (its summer): the next PEP is autumn 2026-27.
    assert (pep["meta"]["academic_year"], pep["meta"]["term"]) == ("2026-27", "autumn")
    assert "exclusions" not in pep["education"]
    assert warnings == [
        "2 exclusion(s) of another academic year not carried into 2026-27",
        "1 undated exclusion(s) of the previous academic year not carried into 2026-27",
    ]
    load_pep(pep)


def test_a_summer_meeting_in_august_is_last_year_s_and_its_exclusions_stay_there() -> None:
    # A draft for a meeting on 10 August 2026 belongs to summer 2025-26: nothing is dropped.
    pep, _ = roll_forward({}, _with_exclusions(), today=SPRING,
                          meeting_date=dt.date(2026, 8, 10))
    assert (pep["meta"]["academic_year"], pep["meta"]["term"]) == ("2025-26", "summer")
    assert len(pep["education"]["exclusions"]) == 3


def test_last_year_s_targets_still_become_previous_targets_in_a_new_year() -> None:
    last = previous_pep(term="summer", meeting_date="2026-06-10")
    pep, _ = roll_forward({}, last, today=dt.date(2026, 9, 2))
    assert [t["description"] for t in pep["previous_targets"]] == [
        "Read a chapter book each fortnight", "Attend the maths club weekly",
    ]
    assert "attendance" not in pep["education"]
