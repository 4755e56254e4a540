"""What a form's sign-off table and attendance list say about the people around the PEP.

A form with a sign-off table (role, name, signature, date) records each signatory's date on
their row, where a form with dated boxes prints "Designated teacher signature date". Both
mean the same to a Virtual School: a row whose role names the designated teacher (or key
person), the social worker or the Virtual School gives that person's sign-off date, and
their name where the form asks for it nowhere else. Likewise an attendance list with contact
columns gives the social worker's, designated teacher's, carer's or IRO's phone and email
where the form has no box of its own for them.
"""

from __future__ import annotations

from typing import Any

from pepdocs.errors import TransformError
from pepdocs.mapping.transforms import make_transform, model_code_labels
from pepdocs.model.paths import get_path, set_path

__all__ = ["derive_from_attendees", "derive_from_signatures"]

#: role code -> (the dated field, the name field the row's name gives when empty)
_FIELDS = {
    "designated_teacher": ("signoff.designated_teacher_date", "education.designated_teacher.name"),
    "social_worker": ("signoff.social_worker_date", "care.social_worker.name"),
    "virtual_school": ("signoff.virtual_school_date", None),
}


#: role code -> the person whose contact details an attendance row gives
_CONTACTS = {
    "social_worker": "care.social_worker",
    "designated_teacher": "education.designated_teacher",
    "carer": "care.carer",
    "iro": "care.iro",
}


def _role_reader() -> Any:
    return make_transform("choice", {"values": model_code_labels("pep_role")})


def _role(reader: Any, text: object) -> str | None:
    if not isinstance(text, str):
        return None
    try:
        code = reader.from_form(text)
    except TransformError:
        return None
    return code if isinstance(code, str) else None


def derive_from_attendees(pep: dict[str, Any]) -> list[str]:
    """Fill a person's empty phone and email from their attendance row (by its role);
    returns a note for each value so given."""
    rows = get_path(pep, "attendees")
    if not isinstance(rows, list):
        return []
    reader = _role_reader()
    notes: list[str] = []
    for number, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        person = _CONTACTS.get(_role(reader, row.get("role")) or "")
        if person is None:
            continue
        for part in ("phone", "email"):
            path = f"{person}.{part}"
            if row.get(part) and get_path(pep, path) is None:
                set_path(pep, path, row[part])
                notes.append(f"{path}: from attendance row {number + 1}")
    return notes


def derive_from_signatures(pep: dict[str, Any]) -> list[str]:
    """Fill empty sign-off dates (and signatories' names) from ``signoff.signatures`` rows;
    returns a note for each value so given."""
    rows = get_path(pep, "signoff.signatures")
    if not isinstance(rows, list):
        return []
    reader = _role_reader()
    notes: list[str] = []
    for number, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        code = _role(reader, row.get("role"))
        if code is None or code not in _FIELDS:
            continue
        date_path, name_path = _FIELDS[code]
        if row.get("date") and get_path(pep, date_path) is None:
            set_path(pep, date_path, row["date"])
            notes.append(f"{date_path}: from sign-off row {number + 1}")
        if name_path and row.get("name") and get_path(pep, name_path) is None:
            set_path(pep, name_path, row["name"])
            notes.append(f"{name_path}: from sign-off row {number + 1}")
    return notes
