"""The people around a PEP as forms write them: contacts typed in a name box, roles typed after
an "Other" row's name, sign-off rows dating the sign-off."""

from __future__ import annotations

from typing import Any

import pytest

from pepdocs.binding.signoff import contacts_in_names, derive_from_signatures


def _attendee(**row: Any) -> dict[str, Any]:
    return {"attendees": [row]}


def test_an_email_in_the_name_box_becomes_the_attendees_email() -> None:
    pep = _attendee(name="Mark Huxtable m.huxtable@harebell.example.org", role="Teacher")
    assert contacts_in_names(pep) == ["attendees.0.email: from the name box"]
    assert pep["attendees"][0] == {
        "name": "Mark Huxtable",
        "email": "m.huxtable@harebell.example.org",
        "role": "Teacher",
    }


def test_a_phone_number_in_brackets_after_the_name() -> None:
    pep = _attendee(name="Ann Lee (07700 900123)", role="Personal adviser")
    contacts_in_names(pep)
    assert (pep["attendees"][0]["name"], pep["attendees"][0]["phone"]) == (
        "Ann Lee",
        "07700 900123",
    )


def test_a_contact_already_given_is_left_alone_and_the_name_kept() -> None:
    pep = _attendee(name="Ann Lee a.lee@example.org", email="ann@example.org")
    assert contacts_in_names(pep) == []
    assert pep["attendees"][0]["name"] == "Ann Lee a.lee@example.org"


def test_an_other_rows_role_is_what_was_typed_after_the_name() -> None:
    for typed in ("Joanna Strand - mother", "Joanna Strand (mother)", "Joanna Strand, mother"):
        pep = _attendee(name=typed, role="Other")
        contacts_in_names(pep)
        assert (pep["attendees"][0]["name"], pep["attendees"][0]["role"]) == (
            "Joanna Strand",
            "mother",
        )


@pytest.mark.parametrize(
    ("typed", "name", "role"),
    [
        ("Priya Wendover - Social worker", "Priya Wendover", "Social worker"),
        ("Tom Ashbury (Virtual School)", "Tom Ashbury", "Virtual School"),
        ("Mary-Jane Okafor", "Mary-Jane Okafor", None),
    ],
)
def test_with_no_role_column_a_role_after_a_spaced_dash_or_in_brackets_is_the_role(
    typed: str, name: str, role: str | None
) -> None:
    pep = _attendee(name=typed)
    contacts_in_names(pep)
    assert (pep["attendees"][0]["name"], pep["attendees"][0].get("role")) == (name, role)


@pytest.mark.parametrize("printed", ["Other (state role)", "Others (please specify)", "Other"])
def test_a_printed_other_row_in_any_wording_takes_the_role_typed_after_the_name(
    printed: str,
) -> None:
    pep = _attendee(name="Graham Teasdale - IRO", role=printed)
    contacts_in_names(pep)
    assert pep["attendees"][0] == {"name": "Graham Teasdale", "role": "IRO"}


def test_a_printed_role_is_never_replaced_by_words_after_the_name() -> None:
    pep = _attendee(name="Tyler-Jay Penhallow", role="Young person")
    assert contacts_in_names(pep) == []
    assert pep["attendees"][0] == {"name": "Tyler-Jay Penhallow", "role": "Young person"}


def test_a_sign_off_row_dates_the_sign_off_of_the_role_it_names() -> None:
    pep: dict[str, Any] = {
        "signoff": {"signatures": [{"role": "Designated CiC Lead", "date": "2025-10-10"}]}
    }
    assert derive_from_signatures(pep) == [
        "signoff.designated_teacher_date: from sign-off row 1"
    ]
    assert pep["signoff"]["designated_teacher_date"] == "2025-10-10"


@pytest.mark.parametrize(
    ("typed", "name", "role"),
    [
        ("Priya Wendover - Social worker", "Priya Wendover", "Social worker"),
        ("Designated Teacher - Year 4", None, "Designated Teacher - Year 4"),
        ("Teacher - Year 4", None, "Teacher - Year 4"),
    ],
)
def test_a_role_box_holding_a_name_then_the_role_on_a_row_with_no_name_is_split(
    typed: str, name: str | None, role: str
) -> None:
    pep = _attendee(role=typed)
    contacts_in_names(pep)
    assert (pep["attendees"][0].get("name"), pep["attendees"][0]["role"]) == (name, role)
