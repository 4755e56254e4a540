"""The corpus builder records a truth as each answer is typed: sign-off rows and signature
lines as ``signoff.signatures``, contact columns of an attendee table as the attendee's."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build.form import Doc
from benchmarks.realforms.build.habits import Habits

PERSON: dict[str, Any] = {
    "meta": {},
    "child": {"first_name": "Tilly", "last_name": "Fenwick"},
    "care": {"social_worker": {"name": "Rosa Pellow", "phone": "01632 960111"}},
    "education": {"designated_teacher": {"name": "Ian Carrow", "email": "i.carrow@example.org"}},
    "signoff": {"social_worker_date": "2025-10-03"},
    "signatures": {"social_worker": "R Pellow"},
}


def test_a_signature_row_records_its_role_name_signature_and_the_date_as_an_iso_date() -> None:
    doc = Doc(PERSON, Habits(dates=("ordinal",)))
    row = doc.signatory("Social worker")
    typed = [
        row.name("care.social_worker.name"),
        row.signature("social_worker"),
        row.date("signoff.social_worker_date"),
    ]
    assert typed == ["Rosa Pellow", "R Pellow", "3rd Oct 2025"]
    assert doc.truth.pep["signoff"]["signatures"] == [
        {
            "role": "Social worker",
            "name": "Rosa Pellow",
            "signature": "R Pellow",
            "date": "2025-10-03",
        }
    ]
    # the name and date stay at their own paths too
    assert doc.truth.pep["care"]["social_worker"]["name"] == "Rosa Pellow"
    assert doc.truth.pep["signoff"]["social_worker_date"] == "2025-10-03"


def test_a_signature_row_nobody_filled_is_no_signatory() -> None:
    doc = Doc(PERSON)
    row = doc.signatory("Designated Teacher")
    assert row.signature("designated_teacher") is None
    assert row.date("signoff.designated_teacher_date") is None
    assert "signoff" not in doc.truth.pep


def test_a_blank_form_records_no_signatory() -> None:
    doc = Doc()
    assert doc.signatory("Social worker").signature("social_worker") is None
    assert "signoff" not in doc.truth.pep


def test_a_month_only_date_in_a_signature_row_is_not_the_signatorys_date() -> None:
    doc = Doc(PERSON, Habits(month_only=frozenset({"signoff.social_worker_date"})))
    row = doc.signatory("Social worker")
    assert row.signature("social_worker") == "R Pellow"
    assert row.date("signoff.social_worker_date") == "Oct 2025"
    assert doc.truth.pep["signoff"]["signatures"] == [
        {"role": "Social worker", "signature": "R Pellow"}
    ]
    assert doc.truth.not_scored[0]["path"] == "signoff.social_worker_date"


def test_a_contact_typed_in_an_attendee_row_is_the_attendees_and_the_persons() -> None:
    doc = Doc(PERSON)
    attendee = {"name": "Ian Carrow", "role": "Designated Teacher"}
    doc.add_item("attendees", attendee)
    assert doc.contact(attendee, "email", "education.designated_teacher.email") == (
        "i.carrow@example.org"
    )
    assert doc.truth.pep["attendees"] == [
        {"name": "Ian Carrow", "role": "Designated Teacher", "email": "i.carrow@example.org"}
    ]
    assert doc.truth.pep["education"]["designated_teacher"]["email"] == "i.carrow@example.org"


def test_a_deliberate_blank_in_a_contact_column_is_not_read_as_a_contact() -> None:
    doc = Doc(PERSON, Habits(blanks={"care.social_worker.phone": "n/a"}))
    attendee = {"name": "Rosa Pellow", "role": "Social worker"}
    doc.add_item("attendees", attendee)
    assert doc.contact(attendee, "phone", "care.social_worker.phone") == "n/a"
    assert "phone" not in attendee
