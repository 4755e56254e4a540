"""PDF forms whose fields are named only Text1, Check Box1, Group1 are read by their printed
labels: a draft mapping names the fields and records the labels, a grid of fields under
column headers becomes a repeating section, option boxes become choices and yes/no pairs;
``extract`` with no mapping and ``infer-mapping`` then ``extract`` both read them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pepdocs import api
from pepdocs.inference import infer_mapping, infer_mapping_from_bytes
from pepdocs.legacy.checkmap import check_mapping
from pepdocs.mapping import load_mapping
from tests.formats.pdf.autoforms import AutoForm

#: What a careful person reads from the completed form below.
TRUTH: dict[str, Any] = {
    "child": {
        "first_name": "Tyler-Jay",
        "last_name": "Penhallow",
        "date_of_birth": "2009-03-14",
        "uln": "4601937522",
    },
    "care": {"legal_status": "C2", "social_worker": {"name": "Claire Pennock"}},
    "education": {"sen_provision": "K", "setting_name": "Harebell Sixth Form College"},
    "health": {"camhs_involved": False},
    "views": {"child": "I want to study motor vehicle engineering."},
}
TARGETS = [
    {"description": "Pass the level 2 maths resit", "lead": "Maths tutor", "due": "12/06/2026"},
    {"description": "Find a weekend job", "lead": "PA", "due": "31/03/2026"},
]


def _form(completed: bool) -> bytes:
    """A post-16 PEP as an ePEP export prints it: labels left of boxes, two to a line, option
    boxes, a question above a box, a targets grid and an attendance table."""
    value = (lambda text: text) if completed else (lambda text: "")
    form = AutoForm("Post 16 Personal Education Plan")
    form.heading("Essential information")
    form.beside("Full name", value("Tyler-Jay Penhallow"), second=("ULN", value("4601937522")))
    form.beside("Date of birth", value("14/03/2009"), second=("Bus pass number", value("BP 44120")))
    form.radio(
        "Legal status",
        ["S20", "Full care order"],
        ["Choice1", "Choice2"],
        chosen="Choice2" if completed else None,
    )
    form.heading("Social worker")
    form.beside("Name", value("Claire Pennock"))
    form.heading("Education")
    form.beside("Name of setting", value("Harebell Sixth Form College"))
    form.options(
        "SEN provision",
        ["No SEN", "SEN support", "EHCP"],
        ticked=["SEN support"] if completed else [],
    )
    form.options("CAMHS involved?", ["Yes", "No"], ticked=["No"] if completed else [])
    form.under("Young person's views", value("I want to study motor vehicle engineering."))
    form.heading("Targets")
    rows = [[t["description"], t["lead"], t["due"]] for t in TARGETS] if completed else []
    form.table(["Target", "Who", "By when"], rows=3, values=rows)
    form.table(
        ["Name", "Role", "Attended"],
        rows=3,
        checkbox_columns=["Attended"],
        values=[["Claire Pennock", "Social worker", True], ["Ann Lee", "PA", False]]
        if completed
        else [],
    )
    return form.save()


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("ashdown")
    blank, completed = folder / "blank.pdf", folder / "completed.pdf"
    blank.write_bytes(_form(False))
    completed.write_bytes(_form(True))
    return blank, completed


def _anchors(blank: Path) -> dict[str, Any]:
    return {entry.path: entry for entry in infer_mapping(blank).entries}


def test_a_field_is_matched_by_the_label_printed_left_of_it(forms: tuple[Path, Path]) -> None:
    entries = _anchors(forms[0])
    dob = entries["child.date_of_birth"]
    assert dob.anchor == {"field": "Text3"}
    assert dob.evidence == "field 'Text3' beside 'Date of birth'"
    assert dob.confidence >= 0.9
    assert entries["child.uln"].anchor == {"field": "Text2"}


def test_a_box_under_its_question_is_matched_by_the_question(forms: tuple[Path, Path]) -> None:
    views = _anchors(forms[0])["views.child"]
    assert views.anchor == {"field": "Text7"}
    assert 'under "Young person\'s views"' in views.evidence


def test_a_generic_label_is_read_through_its_section_heading(forms: tuple[Path, Path]) -> None:
    entries = _anchors(forms[0])
    social_worker = entries["care.social_worker.name"]
    assert social_worker.anchor == {"field": "Text5"}
    # a generic label read through its section is less sure than a full one
    assert social_worker.confidence < entries["child.date_of_birth"].confidence


def test_a_box_holding_the_whole_name_is_read_into_its_parts(forms: tuple[Path, Path]) -> None:
    name = _anchors(forms[0])["child.first_name"]
    assert name.anchor == {"field": "Text1"}
    assert name.all_paths == ["child.first_name", "child.middle_names", "child.last_name"]
    assert name.options == {"type": "name"}


def test_option_boxes_beside_code_list_words_are_a_choice(forms: tuple[Path, Path]) -> None:
    sen = _anchors(forms[0])["education.sen_provision"]
    assert sen.anchor == {
        "checkboxes": {"options": {"N": "Check Box1", "K": "Check Box2", "E": "Check Box3"}}
    }
    assert "'Check Box2' ('SEN support')" in sen.evidence


def test_yes_and_no_boxes_after_a_question_are_a_yes_no_answer(forms: tuple[Path, Path]) -> None:
    camhs = _anchors(forms[0])["health.camhs_involved"]
    assert camhs.anchor == {"checkboxes": {"options": {"yes": "Check Box4", "no": "Check Box5"}}}


def test_radio_buttons_are_mapped_to_codes_by_the_words_beside_them(
    forms: tuple[Path, Path],
) -> None:
    legal = _anchors(forms[0])["care.legal_status"]
    assert legal.anchor == {
        "radio": {"name": "Group1", "states": {"V2": "Choice1", "C2": "Choice2"}}
    }


def test_a_grid_of_fields_under_column_headers_is_a_repeating_section(
    forms: tuple[Path, Path],
) -> None:
    entries = _anchors(forms[0])
    targets = entries["targets"]
    assert targets.anchor == {
        "table": {
            "header": ["Target", "Who", "By when"],
            "rows": [
                ["Text8", "Text9", "Text10"],
                ["Text11", "Text12", "Text13"],
                ["Text14", "Text15", "Text16"],
            ],
        }
    }
    assert targets.columns == [
        {"path": "description", "header": "Target"},
        {"path": "lead", "header": "Who"},
        {"path": "due_date", "header": "By when", "type": "date"},
    ]
    attendees = entries["attendees"]
    assert attendees.anchor["table"]["rows"][0] == ["Text17", "Text18", "Check Box6"]
    assert {"path": "attended", "header": "Attended"} in attendees.columns


def test_labels_no_path_is_found_for_are_listed_and_the_phase_is_the_titles(
    forms: tuple[Path, Path],
) -> None:
    inferred = infer_mapping(forms[0])
    assert "Bus pass number" in inferred.unmatched
    assert inferred.phase == "post16"
    draft = inferred.to_yaml("ashdown")
    assert "#   Bus pass number" in draft
    assert '        rows:\n          - ["Text8", "Text9", "Text10"]' in draft


def test_the_draft_passes_check_mapping(forms: tuple[Path, Path], tmp_path: Path) -> None:
    draft = tmp_path / "ashdown.yaml"
    draft.write_text(
        infer_mapping(forms[0]).to_yaml("ashdown", template=str(forms[0])), encoding="utf-8"
    )
    problems = check_mapping(draft)
    assert [str(p) for p in problems if p.severity == "error"] == []


def _read(pep: dict[str, Any]) -> dict[str, Any]:
    targets = [
        {key: item[key] for key in ("description", "lead", "due_date") if key in item}
        for item in pep.get("targets", [])
    ]
    attendees = [
        {key: item[key] for key in ("name", "role", "attended") if key in item}
        for item in pep.get("attendees", [])
    ]
    return {"targets": targets, "attendees": attendees}


EXPECTED_LISTS = {
    "targets": [
        {
            "description": "Pass the level 2 maths resit",
            "lead": "Maths tutor",
            "due_date": "2026-06-12",
        },
        {"description": "Find a weekend job", "lead": "PA", "due_date": "2026-03-31"},
    ],
    "attendees": [
        {"name": "Claire Pennock", "role": "Social worker", "attended": True},
        {"name": "Ann Lee", "role": "PA", "attended": False},
    ],
}


def _values(pep: dict[str, Any]) -> dict[str, Any]:
    return {
        section: {key: pep.get(section, {}).get(key) for key in fields}
        for section, fields in TRUTH.items()
    }


def test_a_completed_form_is_read_with_no_mapping_at_all(forms: tuple[Path, Path]) -> None:
    extraction = api.extract(forms[1])
    assert extraction.report.inferred
    assert _values(extraction.pep) == TRUTH
    assert _read(extraction.pep) == EXPECTED_LISTS
    # what no path was found for is reported, not dropped, under the label printed beside it
    assert any(
        line.startswith("Bus pass number (") and line.endswith("): BP 44120")
        for line in extraction.report.unmapped
    )


def test_a_completed_form_is_read_with_the_draft_infer_mapping_writes(
    forms: tuple[Path, Path], tmp_path: Path
) -> None:
    draft = tmp_path / "ashdown.yaml"
    draft.write_text(
        infer_mapping(forms[0]).to_yaml("ashdown", template=str(forms[0])), encoding="utf-8"
    )
    extraction = api.extract(forms[1], load_mapping(draft))
    assert not extraction.report.inferred
    assert _values(extraction.pep) == TRUTH
    assert _read(extraction.pep) == EXPECTED_LISTS


def test_a_field_named_for_what_it_holds_still_agrees_with_its_label() -> None:
    form = AutoForm()
    form.beside("Date of birth", tooltip="Child's date of birth", name="ChildDOB")
    (entry,) = infer_mapping_from_bytes(form.save(), "named.pdf").entries
    assert entry.path == "child.date_of_birth"
    assert entry.anchor == {"field": "ChildDOB"}
    # name, tooltip and printed label agree: surer than any one of them
    assert entry.confidence == 1.0


def test_two_yes_no_questions_on_one_line_are_two_answers() -> None:
    form = AutoForm()
    part_time_yes, part_time_no, camhs_yes, camhs_no = form.options(
        "CAMHS involved?", ["Yes", "No"], then=("Part-time timetable?", ["Yes", "No"])
    )
    entries = {e.path: e.anchor for e in infer_mapping_from_bytes(form.save(), "f.pdf").entries}
    assert entries["health.camhs_involved"] == {
        "checkboxes": {"options": {"yes": camhs_yes, "no": camhs_no}}
    }
    assert entries["education.part_time_timetable"] == {
        "checkboxes": {"options": {"yes": part_time_yes, "no": part_time_no}}
    }


def _contacts_form(completed: bool) -> bytes:
    """A person's email beside their name on one line; a question's options over two lines,
    printed with their codes in brackets."""
    value = (lambda text: text) if completed else (lambda text: "")
    form = AutoForm("Post 16 Personal Education Plan")
    form.heading("My education")
    form.beside(
        "Tutor / designated person",
        value("Lee Fenwright"),
        second=("Email", value("l.fenwright@kestrelford.example.org")),
    )
    form.options(
        "Legal status",
        ["Interim care order (S38)", "Full care order (S31)"],
        ticked=["Full care order (S31)"] if completed else [],
    )
    form.options("", ["Accommodated (S20)", "Placement order"])
    return form.save()


def test_an_email_beside_a_persons_box_and_options_over_two_lines_are_read(
    tmp_path: Path,
) -> None:
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(_contacts_form(False))
    entries = {entry.path: entry for entry in infer_mapping(blank).entries}
    assert set(entries["care.legal_status"].anchor["checkboxes"]["options"]) == {
        "C1",
        "C2",
        "V2",
        "E1",
    }
    pep = api.extract(_contacts_form(True), name="completed.pdf").pep
    teacher = pep["education"]["designated_teacher"]
    assert teacher == {"name": "Lee Fenwright", "email": "l.fenwright@kestrelford.example.org"}
    assert pep["care"]["legal_status"] == "C2"


def _sign_off_form() -> bytes:
    """A signature and its date on one line; a start date under an education heading whose
    words come in another order than the lexicon's."""
    form = AutoForm("Post 16 Personal Education Plan")
    form.heading("My education, training or employment")
    form.beside("Start date", "08/09/2025")
    form.heading("Sign off")
    form.beside("Social worker's signature", "I Sallis", second=("Date", "03/11/2025"))
    form.beside("Young person's signature", "Kai B", second=("Date", ""))
    form.beside("Completed by (DT)*", "Nkechi Adeyemi", second=("Date completed*", "30/01/2026"))
    return form.save()


def test_a_date_beside_a_signature_is_that_signatures_date_and_heading_words_in_any_order() -> None:
    pep = api.extract(_sign_off_form(), name="completed.pdf").pep
    assert pep["signoff"]["social_worker_date"] == "2025-11-03"
    assert pep["education"]["date_joined"] == "2025-09-08"


def _by_role(pep: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(pep["signoff"]["signatures"], key=lambda row: str(row["role"]))


def test_each_signatorys_boxes_are_one_sign_off_row_of_their_role(tmp_path: Path) -> None:
    completed = tmp_path / "completed.pdf"
    completed.write_bytes(_sign_off_form())
    expected = [
        {"role": "Social worker", "signature": "I Sallis", "date": "2025-11-03"},
        {"role": "Young person", "signature": "Kai B"},
        {"role": "Designated teacher", "name": "Nkechi Adeyemi", "date": "2026-01-30"},
    ]
    assert _by_role(api.extract(completed).pep) == _by_role({"signoff": {"signatures": expected}})
    draft = infer_mapping(completed)
    mapping = tmp_path / "draft.yaml"
    mapping.write_text(draft.to_yaml("testshire", template=str(completed)), encoding="utf-8")
    read = api.extract(completed, load_mapping(mapping)).pep
    assert _by_role(read) == _by_role({"signoff": {"signatures": expected}})
    assert read["signoff"]["designated_teacher_date"] == "2026-01-30"
