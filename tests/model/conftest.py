"""Small PEPs built in code for the model tests (fictional people, valid identifiers)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

_VALID_PEP: dict[str, Any] = {
    "schema_version": "1",
    "meta": {
        "pep_id": "PEP-0001",
        "authority": "eastborough",
        "phase": "school_age",
        "pep_type": "review",
        "academic_year": "2025-26",
        "term": "autumn",
        "meeting_date": "2025-10-08",
        "previous_pep_date": "2025-06-18",
        "next_review_date": "2026-01-21",
        "status": "completed",
        "completed_by": "Designated teacher",
    },
    "child": {
        "first_name": "Aisha",
        "middle_names": None,
        "last_name": "Example",
        "preferred_name": "Ash",
        "date_of_birth": "2014-05-17",
        "gender": "F",
        "ethnicity": "MWBA",
        "first_language": "English",
        "upn": "B801200005001",
        "uln": "1000000043",
        "la_child_id": "LA-42",
    },
    "care": {
        "legal_status": "C2",
        "date_became_looked_after": "2021-03-02",
        "emergency_entry": False,
        "placement_type": "U4",
        "placement_start_date": "2023-01-09",
        "number_of_placements": 2,
        "placing_authority": "Eastborough",
        "carer": {"name": "Sam Carer", "phone": "01632 960000", "email": "sam@example.org"},
        "social_worker": {
            "name": "Jo Worker",
            "email": "jo.worker@example.gov.uk",
            "phone": "+44 1632 960001",
            "team": "Children in Care 2",
        },
        "iro": {"name": "Pat Reviewer", "email": "pat@example.gov.uk"},
    },
    "education": {
        "setting_name": "Example Primary School",
        "urn": "123456",
        "laestab": "8012000",
        "ncy": "6",
        "date_joined": "2019-09-04",
        "on_roll": True,
        "designated_teacher": {"name": "Dee Teacher", "email": "dt@example.sch.uk"},
        "sen_provision": "K",
        "sen_primary_need": "SEMH",
        "part_time_timetable": False,
        "attendance": {
            "percent": 94.5,
            "sessions_possible": 60,
            "sessions_missed": 3,
            "period_start": "2025-09-03",
            "period_end": "2025-10-03",
        },
        "exclusions": [
            {"type": "FIXD", "start_date": "2025-09-22", "sessions": 2, "reason": "Fictional"}
        ],
    },
    "health": {"sdq_score": 14, "sdq_date": "2025-07-01", "camhs_involved": False},
    "attainment": [
        {
            "subject": "Reading",
            "scale": "KS2 scaled score",
            "baseline": "96",
            "current": "99",
            "target": "100",
            "on_track": True,
        }
    ],
    "views": {"child": "I like art club."},
    "previous_targets": [{"description": "Read daily", "outcome": "partly_met", "evidence": "Log"}],
    "targets": [
        {
            "id": "T1",
            "area": "literacy",
            "description": "Read 20 minutes a day",
            "lead": "Class teacher",
            "due_date": "2026-01-16",
            "pp_plus_cost": "150.00",
        },
        {"id": "T2", "area": "semh", "description": "Weekly ELSA", "due_date": "2026-01-16"},
    ],
    "pp_plus": {
        "requested_total": "400.00",
        "approved": True,
        "items": [
            {"description": "Reading scheme", "cost": "150.00", "target_id": "T1"},
            {"description": "ELSA sessions", "cost": 250, "target_id": "T2"},
        ],
    },
    "transition": {"next_transition": "Year 7", "date": "2026-09-02"},
    "attendees": [{"name": "Dee Teacher", "role": "DT", "invited": True, "attended": True}],
    "linked_plans": [{"type": "EHCP", "date": "2024-11-01", "reference": "EHC-1"}],
    "signoff": {"designated_teacher_date": "2025-10-10", "qa_rating": "green"},
}


def make_pep(**sections: Any) -> dict[str, Any]:
    """A fresh copy of the valid PEP; keyword arguments replace or merge whole sections.

    A dict value is merged into that section (``meta={"term": "spring"}``); a value of
    ``None`` removes the section; anything else replaces it.
    """
    pep = copy.deepcopy(_VALID_PEP)
    for name, value in sections.items():
        if value is None:
            pep.pop(name, None)
        elif isinstance(value, dict) and isinstance(pep.get(name), dict):
            pep[name].update(value)
        else:
            pep[name] = value
    return pep


@pytest.fixture
def valid_pep() -> dict[str, Any]:
    return make_pep()
