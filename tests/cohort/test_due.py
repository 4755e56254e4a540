"""Who needs which PEP by when, from the 903: the cohort judged by due's own rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pepdocs.cohort import cohort_due, load_cohort, load_people
from pepdocs.compliance import due_schedule
from tests.ssda903.exports import CASES

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ssda903"
PEPS = ROOT / "samples" / "ssda903-peps"
PEOPLE = ROOT / "samples" / "ssda903-people.csv"
ON = dt.date(2026, 1, 5)


def test_each_child_needing_a_pep_gets_dues_own_verdict() -> None:
    rows = cohort_due(
        load_cohort(SAMPLE, ON), peps=[PEPS], people=load_people(PEOPLE), authority="northshire"
    )
    found = {row.item.la_child_id: row for row in rows}
    # short breaks only (700105) and a baby (700109) need no PEP
    assert sorted(found) == [
        "700101",
        "700102",
        "700103",
        "700104",
        "700106",
        "700107",
        "700108",
        "700110",
    ]
    # back in care since 18/11/2025 with no PEP on record: the initial PEP, started with the
    # care plan (10 working days on, the later reading: the 903 does not say it was planned)
    new_period = found["700108"]
    assert (new_period.item.kind, new_period.item.due, new_period.item.status) == (
        "initial_care_plan",
        dt.date(2025, 12, 2),
        "overdue",
    )
    assert new_period.item.basis == "statute"
    assert new_period.pep_on_record is None
    # the move on 20/10/2025 was followed by the PEP of 27/11/2025: next, the termly review
    moved = found["700101"]
    assert moved.item.kind == "termly" and moved.item.last_meeting == dt.date(2025, 11, 27)
    assert moved.pep_on_record == str(PEPS / "pep-700101.json")
    assert found["700106"].leaves_care == dt.date(2026, 1, 17)
    # the next review of the child's case counts from the reviews the export holds
    assert found["700106"].item.care_review == dt.date(2026, 1, 14)
    assert found["700101"].leaves_care is None
    # overdue first, as due orders them
    assert rows[0].item.status == "overdue"


def test_the_verdicts_are_dues_on_the_same_facts_not_a_second_copy_of_the_rules() -> None:
    cohort = load_cohort(CASES / "care-period-changes", dt.date(2024, 3, 1))
    [row] = cohort_due(cohort)
    # the same record judged by compliance.due_schedule directly
    [item] = due_schedule(
        [
            {
                "meta": {"phase": "school_age"},
                "child": {"la_child_id": "900001", "date_of_birth": "2013-03-14"},
                "care": {
                    "legal_status": "C1",
                    "date_became_looked_after": "2024-01-05",
                    "emergency_entry": True,
                    "placement_start_date": "2024-02-20",
                },
            }
        ],
        dt.date(2024, 3, 1),
    )
    assert (row.item.kind, row.item.due, row.item.status) == (item.kind, item.due, item.status)
    # an emergency entry (L1): the care plan, the PEP in it, ten working days after 05/01/2024
    assert (row.item.kind, row.item.due) == ("initial_care_plan", dt.date(2024, 1, 19))
    # the next review of the child's case counts from the review the export holds (29/01/2024)
    assert row.item.care_review == dt.date(2024, 4, 29)


def test_a_placement_move_after_the_last_pep_calls_for_a_review(tmp_path: Path) -> None:
    (tmp_path / "peps").mkdir()
    pep = {
        "meta": {
            "authority": "northshire",
            "phase": "school_age",
            "pep_type": "review",
            "academic_year": "2023-24",
            "term": "summer",
            "meeting_date": "2024-05-20",
            "previous_pep_date": "2024-01-25",
        },
        "child": {
            "first_name": "Quinn",
            "last_name": "Example",
            "la_child_id": "900001",
            "date_of_birth": "2013-03-14",
        },
    }
    (tmp_path / "peps" / "pep.json").write_text(json.dumps(pep), encoding="utf-8")
    cohort = load_cohort(CASES / "care-period-changes", dt.date(2024, 6, 20))
    # moved on 20/02/2024, before the May PEP; the stay in hospital from 03/06 is no move
    [row] = cohort_due(cohort, peps=[tmp_path / "peps"])
    assert row.item.kind == "termly"
    later = load_cohort(CASES / "open-on-the-date", dt.date(2024, 8, 1))
    pep["child"] |= {"la_child_id": "900013", "date_of_birth": "2010-06-17"}
    pep["meta"] |= {"academic_year": "2023-24", "meeting_date": "2024-06-05"}
    (tmp_path / "peps" / "pep.json").write_text(json.dumps(pep), encoding="utf-8")
    found = {r.item.la_child_id: r for r in cohort_due(later, peps=[tmp_path / "peps"])}
    # 900013 moved on 15/06/2024, after the PEP of 05/06/2024
    assert found["900013"].item.kind == "placement_change"
    assert found["900013"].item.status == "overdue"
    assert found["900013"].item.due == dt.date(2024, 7, 12)


def test_a_pep_that_cannot_be_read_is_noted_and_the_child_still_judged(tmp_path: Path) -> None:
    (tmp_path / "peps").mkdir()
    (tmp_path / "peps" / "broken.json").write_text("{not json", encoding="utf-8")
    notes: list[str] = []
    rows = cohort_due(
        load_cohort(CASES / "remand", dt.date(2025, 1, 6)), peps=[tmp_path / "peps"], notes=notes
    )
    assert len(rows) == 1 and rows[0].pep_on_record is None
    assert notes and "broken.json" in notes[0]
