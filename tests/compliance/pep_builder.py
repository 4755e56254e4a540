"""A fictional PEP that passes every quality rule, for tests to spoil one thing at a time."""

from __future__ import annotations

import copy
from typing import Any

_GOOD: dict[str, Any] = {
    "meta": {
        "pep_id": "TEST-0001",
        "authority": "northshire",
        "phase": "school_age",
        "pep_type": "review",
        "academic_year": "2025-26",
        "term": "autumn",
        "meeting_date": "2025-10-08",
        "previous_pep_date": "2025-06-11",
        "next_review_date": "2026-02-04",
        "status": "completed",
    },
    "child": {
        "first_name": "Testchild",
        "last_name": "Fictional",
        "date_of_birth": "2016-03-14",
        "upn": "B801200005001",
        "la_child_id": "NS-0001",
        "leisure_interests": "Art club and swimming.",
    },
    "care": {
        "legal_status": "C2",
        "date_became_looked_after": "2023-04-03",
        "emergency_entry": False,
        "placement_type": "U4",
        "placement_start_date": "2023-04-03",
        "carer": {"name": "Fictional Carer",
                  "education_role": "Hears reading nightly; takes the child to art club."},
    },
    "education": {
        "setting_name": "Northshire Test Primary",
        "urn": "999001",
        "laestab": "9912001",
        "ncy": "5",
        "date_joined": "2021-09-01",
        "sen_provision": "N",
        "attendance": {"percent": 96.5, "period_start": "2025-09-03", "period_end": "2025-10-03"},
    },
    "attainment": [
        {"subject": "Reading", "scale": "school", "baseline": "WTS", "current": "EXS"},
    ],
    "views": {"child": "Likes art club."},
    "previous_targets": [
        {"description": "Read 3 books at home each week", "outcome": "met", "evidence": "Log"},
    ],
    "targets": [
        {
            "id": "T1",
            "area": "literacy",
            "lead": "Designated teacher",
            "description": "Read aloud with an adult four times a week",
            "success_criteria": "Reading log shows 4 sessions per week for 8 weeks",
            "due_date": "2026-01-30",
        },
        {
            "id": "T2",
            "area": "numeracy",
            "lead": "Class teacher",
            "description": "Know times tables to 12 x 12",
            "success_criteria": "Scores 25 out of 25 on the times-table check",
            "due_date": "2026-01-30",
        },
        {
            "id": "T3",
            "area": "semh",
            "lead": "Learning mentor",
            "description": "Use the calm corner when upset",
            "success_criteria": "Uses the calm corner independently, recorded daily",
            "due_date": "2026-01-23",
        },
    ],
    "pp_plus": {
        "requested_total": "600.00",
        "approved": True,
        "items": [
            {"description": "1:1 reading tuition", "cost": "400.00", "target_id": "T1"},
            {"description": "Maths intervention group", "cost": "200.00", "target_id": "T2"},
        ],
    },
}


def good_pep(**sections: Any) -> dict[str, Any]:
    """A deep copy of the good PEP; keyword arguments replace or merge whole sections
    (a dict merges into the section, ``None`` removes it)."""
    pep = copy.deepcopy(_GOOD)
    for name, value in sections.items():
        if value is None:
            pep.pop(name, None)
        elif isinstance(value, dict) and isinstance(pep.get(name), dict):
            pep[name] = {**pep[name], **value}
        else:
            pep[name] = value
    return pep
