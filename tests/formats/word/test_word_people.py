"""Attendees written as minutes are written: ``Present: A (role), B (role)`` and
``Apologies: C (role)`` lines, read one row per person and filled back the same way."""

from __future__ import annotations

from pathlib import Path

from pepdocs.formats.word.people import split_people

from .docxbuild import anchor, field, fill, make_form, p, read_form, reading

LINES = {"Present": {"Attended": "Yes"}, "Apologies": {"Invited": "Yes", "Attended": "No"}}
PEOPLE = anchor("people", "Present", lines=LINES, name="Name", role="Role")
COLUMNS = (("name", "Name"), ("role", "Role"), ("invited", "Invited"), ("attended", "Attended"))


def _form(tmp_path: Path, *lines: str) -> object:
    body = p("Who was at the meeting") + "".join(p(line) for line in lines) + p("Attendance")
    return make_form(tmp_path, body, field("attendees", PEOPLE, columns=COLUMNS))


def test_each_person_on_each_line_is_a_row_with_what_the_line_says_of_them(
    tmp_path: Path,
) -> None:
    form = _form(
        tmp_path,
        "Present: Rhian Okafor (social worker), Tomasz Bell (designated teacher / SENCo)",
        "Apologies: Dr Amara Lowe (CAMHS)",
    )
    assert reading(form).raw == [
        {"Name": "Rhian Okafor", "Role": "social worker", "Invited": "", "Attended": "Yes"},
        {"Name": "Tomasz Bell", "Role": "designated teacher / SENCo", "Invited": "",
         "Attended": "Yes"},
        {"Name": "Dr Amara Lowe", "Role": "CAMHS", "Invited": "Yes", "Attended": "No"},
    ]


def test_a_line_left_blank_or_saying_none_lists_nobody(tmp_path: Path) -> None:
    form = _form(tmp_path, "Present: Rhian Okafor (social worker)", "Apologies: None")
    assert [row["Name"] for row in reading(form).raw] == ["Rhian Okafor"]
    assert reading(_form(tmp_path, "Present:", "Apologies: ")).raw is None


def test_people_are_split_at_commas_semicolons_and_and_but_not_inside_brackets() -> None:
    assert split_people(
        "Lee Marsh (key worker (Orchard House)); Ann Poole (carer, Ivy Lodge) and Sam Roe."
    ) == [
        ("Lee Marsh", "key worker (Orchard House)"),
        ("Ann Poole", "carer, Ivy Lodge"),
        ("Sam Roe", ""),
    ]


def test_fill_writes_each_row_on_the_line_that_says_what_it_says(tmp_path: Path) -> None:
    form = _form(tmp_path, "Present:", "Apologies:")
    rows = [
        {"Name": "Rhian Okafor", "Role": "social worker", "Attended": "Yes"},
        {"Name": "Dr Amara Lowe", "Role": "CAMHS", "Invited": "Yes", "Attended": "No"},
        {"Name": "Tomasz Bell", "Role": "designated teacher", "Attended": "Yes"},
    ]
    data = fill(form, rows)
    read = read_form(form, data).readings[0].raw
    assert [(row["Name"], row["Role"], row["Attended"]) for row in read] == [
        ("Rhian Okafor", "social worker", "Yes"),
        ("Tomasz Bell", "designated teacher", "Yes"),
        ("Dr Amara Lowe", "CAMHS", "No"),
    ]


def test_a_form_without_such_lines_has_no_people_slot(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, p("Attendees: see the table below"), field("attendees", PEOPLE, columns=COLUMNS)
    )
    assert reading(form).raw is None
