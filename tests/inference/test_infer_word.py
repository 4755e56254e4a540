"""Inference drafts a mapping from a blank form: right paths, a draft that loads and passes
check-mapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from legacy.forms import (
    checkbox_line,
    control_table,
    header_table,
    heading,
    label_table,
    spacer,
    write_form,
)

from pepdocs.inference import infer_mapping
from pepdocs.inference.lexicon import fold, load_lexicon
from pepdocs.legacy.checkmap import check_mapping
from pepdocs.mapping import load_mapping


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    return write_form(
        tmp_path / "ashcombe-blank.docx",
        heading("Child details"),
        label_table(["Forename(s)", "Surname", "D.O.B.", "Unique Pupil Number", "Care status"]),
        spacer(),
        control_table([("Allocated social worker", "SWName"), ("School", "SchoolName")]),
        spacer(),
        checkbox_line("SEN status", ["EHCP", "SEN Support", "No SEN"]),
        heading("SMART targets"),
        header_table(["Target", "Who will do it", "By when"]),
        spacer(),
        heading("Attendees"),
        header_table(["Name", "Role"]),
        spacer(),
    )


def test_labels_controls_checkboxes_and_tables_get_their_model_paths(blank: Path) -> None:
    inferred = infer_mapping(blank)
    by_path = {entry.path: entry for entry in inferred.entries}
    assert by_path["child.first_name"].anchor == {"label": "Forename(s)"}
    assert by_path["child.last_name"].anchor == {"label": "Surname"}
    assert by_path["child.date_of_birth"].anchor == {"label": "D.O.B."}
    assert by_path["child.upn"].anchor == {"label": "Unique Pupil Number"}
    assert by_path["care.legal_status"].anchor == {"label": "Care status"}
    assert by_path["care.social_worker.name"].anchor == {"control": "SWName"}
    assert by_path["care.social_worker.name"].also == [{"label": "Allocated social worker"}]
    assert by_path["education.setting_name"].anchor == {"control": "SchoolName"}
    assert by_path["education.sen_provision"].anchor == {
        "checkboxes": {"options": {"E": "EHCP", "K": "SEN Support", "N": "No SEN"}}
    }
    targets = by_path["targets"]
    assert [c["path"] for c in targets.columns] == ["description", "lead", "due_date"]
    assert targets.anchor == {"table": {"header": ["Target", "Who will do it", "By when"]}}
    assert [c["path"] for c in by_path["attendees"].columns] == ["name", "role"]
    assert all(entry.confidence >= 0.85 for entry in inferred.entries)


def test_the_draft_loads_and_passes_check_mapping(blank: Path, tmp_path: Path) -> None:
    draft = tmp_path / "ashcombe.yaml"
    draft.write_text(
        infer_mapping(blank).to_yaml("ashcombe", template=blank.name), encoding="utf-8"
    )
    form = load_mapping(draft)
    assert form.authority == "ashcombe"
    assert "child.date_of_birth" in {spec.path for spec in form.fields}
    errors = [p for p in check_mapping(draft) if p.severity == "error"]
    assert errors == []


def test_doubtful_entries_are_commented_for_a_person_to_confirm(tmp_path: Path) -> None:
    # a misspelt label is only close to the lexicon's wordings: a fuzzy match
    form = write_form(tmp_path / "f.docx", label_table(["Date of birht", "Surname"]))
    text = infer_mapping(form).to_yaml("brackenfield", template=form.name)
    assert "  # confidence 0.79: confirm (label 'Date of birht')\n" in text
    assert "  - path: child.date_of_birth" in text
    assert "  # confidence 1.00 (label 'Surname')\n" in text


def test_a_label_used_twice_is_scoped_by_its_section(tmp_path: Path) -> None:
    form = write_form(
        tmp_path / "f.docx",
        heading("Social worker"),
        label_table(["Name", "Email"]),
        spacer(),
        heading("Designated teacher"),
        label_table(["Name", "Email"]),
        spacer(),
    )
    by_path = {e.path: e for e in infer_mapping(form).entries}
    assert by_path["care.social_worker.name"].anchor == {
        "label": {"text": "Name", "section": "Social worker"}
    }
    assert by_path["education.designated_teacher.name"].anchor == {
        "label": {"text": "Name", "section": "Designated teacher"}
    }


def test_unknown_labels_are_listed_not_guessed(tmp_path: Path) -> None:
    form = write_form(tmp_path / "f.docx", label_table(["Favourite Colour", "Surname"]))
    inferred = infer_mapping(form)
    assert inferred.paths() == ["child.last_name"]
    assert "Favourite Colour" in inferred.unmatched


def test_the_lexicon_folds_punctuation_and_possessives() -> None:
    assert fold("D.O.B.") == "dob"
    assert fold("Child's first name") == "child first name"
    lexicon = load_lexicon()
    assert lexicon.match("Date of next PEP") is not None
    assert lexicon.match("Date of next PEP").path == "meta.next_review_date"  # type: ignore[union-attr]
    assert lexicon.match_identifier("ChildDOB").path == "child.date_of_birth"  # type: ignore[union-attr]


def test_every_lexicon_wording_names_its_own_path_and_no_other() -> None:
    # a wording added under two paths would silently stop matching either: catch it here
    lexicon = load_lexicon()
    for path, wordings in lexicon.fields.items():
        for wording in wordings:
            found = lexicon.match(wording)
            assert found is not None and found.path == path, wording
    for table in lexicon.tables.values():
        for column, wordings in table.columns.items():
            for wording in wordings:
                assert lexicon.header_match(wording, table) == (column, 1.0), wording


def test_a_single_box_beside_a_yes_no_label_is_a_checkbox_anchor(tmp_path: Path) -> None:
    from legacy.forms import docxkit

    dk = docxkit()
    form = write_form(
        tmp_path / "f.docx",
        dk.para(*dk.glyph_options(["CAMHS involved"])),
        dk.para(*dk.glyph_options(["Favourite lesson"])),
    )
    inferred = infer_mapping(form)
    assert [(e.path, e.anchor) for e in inferred.entries] == [
        ("health.camhs_involved", {"checkbox": "CAMHS involved"})
    ]


def test_a_question_asked_the_other_way_round_is_drafted_negated(tmp_path: Path) -> None:
    # "Is the young person on a full-time timetable? YES / NO": a yes is no part-time timetable
    form = write_form(
        tmp_path / "f.docx", label_table(["Is the young person on a full-time timetable?"])
    )
    entry = infer_mapping(form).entry("education.part_time_timetable")
    assert entry is not None and entry.options == {"negated": True}
    assert "    negated: true\n" in infer_mapping(form).to_yaml("brackenfield")


def test_headings_naming_people_under_a_heading_about_views_are_their_views(
    tmp_path: Path,
) -> None:
    from legacy.forms import docxkit

    dk = docxkit()
    form = write_form(
        tmp_path / "f.docx",
        heading("4. What the adults say"),
        heading("Carer's section"),
        dk.para(dk.run("Callum has settled well.")),
        heading("School"),
        dk.para(dk.run("Callum is capable but anxious.")),
        heading("Social Worker"),
        dk.para(dk.run("The plan is to remain in placement.")),
    )
    paths = {entry.path: entry.anchor for entry in infer_mapping(form).entries}
    assert paths["views.carer"] == {"heading": "Carer's section"}
    assert paths["views.school"] == {"heading": "School"}
    assert paths["views.social_worker"] == {"heading": "Social Worker"}
    assert "education.setting_name" not in paths


def test_a_name_in_a_sign_off_grid_does_not_rival_the_persons_own_box(tmp_path: Path) -> None:
    from legacy.forms import docxkit

    dk = docxkit()

    def text_cell(text: str, width: int = 3000) -> str:
        return dk.cell(dk.para(dk.run(text)), width=width)

    details = dk.table(
        [
            dk.row(
                dk.label_cell("Social worker", 3000), dk.label_cell("Social worker's phone", 3000)
            ),
            dk.row(text_cell("Hamid Rashford"), text_cell("01632 960903")),
        ],
        [3000, 3000],
    )
    signed = dk.table(
        [
            dk.row(
                text_cell(""),
                dk.label_cell("Designated practitioner", 3000),
                dk.label_cell("Social worker", 3000),
            ),
            dk.row(dk.label_cell("Name", 3000), text_cell(""), text_cell("Hamid Rashford")),
            dk.row(dk.label_cell("Signature", 3000), text_cell(""), text_cell("H Rashford")),
        ],
        [3000, 3000, 3000],
    )
    form = write_form(
        tmp_path / "f.docx", heading("About me"), details, heading("Agreed by"), signed
    )
    entry = infer_mapping(form).entry("care.social_worker.name")
    assert entry is not None and entry.confidence >= 0.95
    assert "sign-off" not in entry.evidence and "another place" not in entry.evidence


def test_the_date_on_a_completed_by_line_is_that_roles_sign_off_date(tmp_path: Path) -> None:
    from legacy.forms import docxkit

    dk = docxkit()
    line = dk.para(dk.run("Completed by (Designated Teacher): Marcus Ebdon   Date: 28/11/2025"))
    form = write_form(tmp_path / "f.docx", heading("Sign-off"), line)
    entry = infer_mapping(form).entry("signoff.designated_teacher_date")
    assert entry is not None
    assert entry.anchor == {"label": {"text": "Date", "direction": "after"}}


def test_a_who_attended_table_without_an_attended_column_says_everyone_listed_attended(
    tmp_path: Path,
) -> None:
    from legacy.forms import docxkit

    from pepdocs.api import extract

    dk = docxkit()

    def text_cell(text: str) -> str:
        return dk.cell(dk.para(dk.run(text)), width=3000)

    people = dk.table(
        [
            dk.row(dk.label_cell("Name", 3000), dk.label_cell("Role", 3000), header=True),
            dk.row(text_cell("Imogen Sallis"), text_cell("Social worker")),
            dk.row(text_cell("Lucy Fenwright"), text_cell("Designated tutor")),
        ],
        [3000, 3000],
    )
    form = write_form(tmp_path / "f.docx", heading("WHO ATTENDED"), people)
    entry = infer_mapping(form).entry("attendees")
    assert entry is not None and entry.options["each_row"] == {"attended": "Yes"}
    attendees = extract(form).pep["attendees"]
    assert [(a["name"], a["attended"]) for a in attendees] == [
        ("Imogen Sallis", True),
        ("Lucy Fenwright", True),
    ]
