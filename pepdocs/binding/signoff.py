"""What a sign-off table says about the dated sign-off fields.

A form with a sign-off table (role, name, signature, date) records each signatory's date on
their row, where a form with dated boxes prints "Designated teacher signature date". Both
mean the same to a Virtual School: a row whose role names the designated teacher (or key
person), the social worker or the Virtual School gives that person's sign-off date, and
their name where the form asks for it nowhere else.
"""

from __future__ import annotations

from typing import Any

from pepdocs.errors import TransformError
from pepdocs.mapping.transforms import make_transform, model_code_labels
from pepdocs.model.paths import get_path, set_path

__all__ = ["derive_from_signatures"]

#: role code -> (the dated field, the name field the row's name gives when empty)
_FIELDS = {
    "designated_teacher": ("signoff.designated_teacher_date", "education.designated_teacher.name"),
    "social_worker": ("signoff.social_worker_date", "care.social_worker.name"),
    "virtual_school": ("signoff.virtual_school_date", None),
}


def derive_from_signatures(pep: dict[str, Any]) -> list[str]:
    """Fill empty sign-off dates (and signatories' names) from ``signoff.signatures`` rows;
    returns a note for each value so given."""
    rows = get_path(pep, "signoff.signatures")
    if not isinstance(rows, list):
        return []
    roles = make_transform("choice", {"values": model_code_labels("signatory_role")})
    notes: list[str] = []
    for number, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("role"), str):
            continue
        try:
            code = roles.from_form(row["role"])
        except TransformError:
            continue
        if code not in _FIELDS:
            continue
        date_path, name_path = _FIELDS[code]
        if row.get("date") and get_path(pep, date_path) is None:
            set_path(pep, date_path, row["date"])
            notes.append(f"{date_path}: from sign-off row {number + 1}")
        if name_path and row.get("name") and get_path(pep, name_path) is None:
            set_path(pep, name_path, row["name"])
            notes.append(f"{name_path}: from sign-off row {number + 1}")
    return notes
