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

import re
from typing import Any

from pepdocs.errors import TransformError
from pepdocs.mapping.transforms import make_transform, model_code_labels
from pepdocs.model.paths import get_path, set_path

__all__ = ["contacts_in_names", "derive_from_attendees", "derive_from_signatures"]

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


#: an email address inside other text ("Mark Huxtable m.huxtable@school.example.org")
_EMAIL_IN_TEXT = re.compile(r"[(<\[]?\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b[)>\]]?")
#: a UK phone number inside other text ("Ann Lee 07700 900123", "(01632) 960 001")
_PHONE_IN_TEXT = re.compile(
    r"\((?:\+44\s?|0)\d[\d -]{8,14}\d\)"
    r"|(?<![\w@])(?:\+44\s?|\(?0)\d[\d ()-]{8,14}\d(?![\w@])"
)
#: an attendance row printed for anyone else
_OTHER_ROLE = re.compile(
    r"^\s*others?\b[^\w]*(?:\(?(?:please\s+)?(?:specify|state|give)\b[^)]*\)?)?\s*$",
    re.IGNORECASE,
)
#: "Joanna Strand - mother", "Joanna Strand (mother)", "Joanna Strand, mother"
_NAME_AND_ROLE = re.compile(r"^\s*([^-\u2013,(]+?)\s*(?:[-\u2013,]\s*|\()([^()]+?)\)?\s*$")
#: "Priya Wendover - Social worker", "Tom Ashbury (Virtual School)": a name, then a role
#: after a spaced dash or in brackets (a hyphen inside a name, "Mary-Jane", splits nothing)
_NAME_THEN_ROLE = re.compile(r"^\s*(\S[^()]*?)\s+(?:[-\u2013]\s+|\()([^()]+?)\)?\s*$")
#: what is left between a name and the contact typed after it
_SEPARATORS = " \t\n,;:/-\u2013|"


def contacts_in_names(pep: dict[str, Any]) -> list[str]:
    """Move an email address or phone number typed in an attendee's name box ("Name and
    email address" columns) to their empty email or phone, and an address typed in the
    phone box (or a number in the email box) of a "Phone or email" column to the other;
    returns a note for each. A name never holds either, so nothing is guessed."""
    rows = get_path(pep, "attendees")
    if not isinstance(rows, list):
        return []
    notes: list[str] = []
    reader = _role_reader()
    for number, row in enumerate(rows):
        if isinstance(row, dict) and not row.get("name") and _name_in_role(reader, row):
            notes.append(f"attendees.{number}.name: typed before the role")
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            continue
        for box, other_box, pattern in (
            ("phone", "email", _EMAIL_IN_TEXT),
            ("email", "phone", _PHONE_IN_TEXT),
        ):
            # a "Phone or email" column: an address in the phone box, a number in the email
            typed = row.get(box)
            if isinstance(typed, str) and not row.get(other_box):
                whole = pattern.fullmatch(typed.strip())
                if whole is not None:
                    row[other_box], row[box] = typed.strip(), None
                    notes.append(f"attendees.{number}.{other_box}: from the {box} box")
        name = row["name"]
        for part, pattern in (("email", _EMAIL_IN_TEXT), ("phone", _PHONE_IN_TEXT)):
            found = pattern.search(name)
            if found is None or row.get(part):
                continue
            row[part] = found.group(0).strip("()<>[] ")
            name = (name[: found.start()] + " " + name[found.end() :]).strip(_SEPARATORS)
            notes.append(f"attendees.{number}.{part}: from the name box")
        other = _OTHER_ROLE.match(str(row.get("role") or ""))
        named = _NAME_AND_ROLE.match(name) if other else None
        if named is None and not row.get("role"):
            # no role given: "Priya Wendover - Social worker" in a "Name - role" column
            named = _NAME_THEN_ROLE.match(name)
        if named is not None:
            # a printed "Other" row: whose role it is was typed after the name
            name, row["role"] = named.group(1), named.group(2).strip()
            notes.append(f"attendees.{number}.role: typed after the name")
        if name != row["name"]:
            row["name"] = " ".join(name.split()) or None
    return notes


def _name_in_role(reader: Any, row: dict[str, Any]) -> bool:
    """A role box holding a person's name then their role ("Priya Wendover - Social worker",
    a "Name - role" column read as the role) on a row with no name: split into the two.
    Only when the part before is a name (two to four capitalised words naming no role)."""
    role = row.get("role")
    found = _NAME_THEN_ROLE.match(role) if isinstance(role, str) else None
    if found is None:
        return False
    name = found.group(1).strip()
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(word[:1].isupper() for word in words):
        return False
    if _role(reader, name) is not None:
        return False
    row["name"], row["role"] = name, found.group(2).strip()
    return True


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
