"""Each layout kind real authorities' forms use, pinned with a small document of its own:
read with no mapping (``pepdocs.extract`` infers one on the spot) and with the mapping
``infer-mapping`` drafts from the blank form (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from formats.word.docxbuild import document_xml, make_docx, p, r, sdt_run, tbl, tc, tr

import pepdocs
from pepdocs.inference import infer_mapping_from_bytes
from pepdocs.mapping import load_mapping

SHADE = "D9D9D9"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _no_mapping(completed: str) -> dict[str, Any]:
    """The PEP ``pepdocs.extract`` reads from the document with no mapping."""
    return pepdocs.extract(make_docx(completed), name="completed.docx").pep


def _with_draft(tmp_path: Path, blank: str, completed: str) -> dict[str, Any]:
    """The PEP read from ``completed`` with the mapping drafted from ``blank``."""
    template = tmp_path / "blank.docx"
    template.write_bytes(make_docx(blank))
    draft = infer_mapping_from_bytes(template.read_bytes(), str(template))
    mapping = tmp_path / "draft.yaml"
    mapping.write_text(draft.to_yaml("testshire", template=str(template)), encoding="utf-8")
    form = load_mapping(mapping)
    return pepdocs.extract(make_docx(completed), form, name="completed.docx").pep


def _row(*cells: str, header: bool = False) -> str:
    return tr(*(tc(p(r(text, bold=header))) for text in cells))


def _grid(header: list[str], *rows: list[str]) -> str:
    return tbl(_row(*header, header=True), *(_row(*row) for row in rows))


CHILD = p("Child details", style="Heading1") + tbl(
    tr(tc(p("Date of birth"), shade=SHADE), tc(p("03/09/2015")))
)


# --- tables recognised by what their columns mean ----------------------------------------


def test_a_targets_grid_is_read_by_what_its_headers_mean() -> None:
    grid = _grid(
        ["What I want to achieve", "What will help me", "Who will help", "By when", "PP+ £"],
        ["Read 20 minutes a day", "Reading buddy", "Mr Pike", "30/01/2026", "£120"],
    )
    pep = _no_mapping(CHILD + p("My targets", style="Heading1") + grid)
    assert pep["targets"] == [
        {
            "description": "Read 20 minutes a day",
            "actions": "Reading buddy",
            "lead": "Mr Pike",
            "due_date": "2026-01-30",
            "pp_plus_cost": "120.00",
        }
    ]


def test_a_title_printed_in_the_header_cell_does_not_hide_the_header() -> None:
    grid = tbl(
        _row("ATTENDANCE AT THE PEP Role", "Name", "Invited", "Present", header=True),
        _row("Social Worker", "Owen Trelawney", "Yes", "Yes"),
    )
    pep = _no_mapping(CHILD + grid)
    assert pep["attendees"] == [
        {"role": "Social Worker", "name": "Owen Trelawney", "invited": True, "attended": True}
    ]


def test_printed_rows_nobody_filled_are_not_attendees(tmp_path: Path) -> None:
    def grid(*names: str) -> str:
        roles = ["Child", "Social Worker", "Virtual School"]
        return tbl(
            _row("Role", "Name", "Attended", header=True),
            *(
                _row(role, name, "Yes" if name else "")
                for role, name in zip(roles, names, strict=True)
            ),
        )

    pep = _with_draft(
        tmp_path, CHILD + grid("", "", ""), CHILD + grid("Ava Hale", "Ben Aldous", "")
    )
    assert [a["role"] for a in pep["attendees"]] == ["Child", "Social Worker"]


def test_an_early_years_band_grid_is_attainment() -> None:
    grid = _grid(
        ["Prime area", "Development band now", "Band expected by next PEP"],
        ["Communication and language", "22-36 months", "30-50 months"],
    )
    pep = _no_mapping(CHILD + grid)
    assert pep["attainment"] == [
        {
            "subject": "Communication and language",
            "current": "22-36 months",
            "target": "30-50 months",
        }
    ]


# --- labels --------------------------------------------------------------------------------


def test_a_whole_name_in_one_box_is_read_into_its_parts() -> None:
    form = tbl(tr(tc(p("Child / YP Name"), shade=SHADE), tc(p("Callum James Ferriby"))))
    child = _no_mapping(form)["child"]
    assert (child["first_name"], child["middle_names"], child["last_name"]) == (
        "Callum",
        "James",
        "Ferriby",
    )


def test_school_year_beside_the_childs_details_is_the_year_group() -> None:
    form = p("Child's identifying details", style="Heading1") + tbl(
        tr(tc(p("School Year"), shade=SHADE), tc(p("Yr 4"))),
        tr(tc(p("Date of birth"), shade=SHADE), tc(p("19/01/2017"))),
    )
    pep = _no_mapping(form)
    assert pep["education"]["ncy"] == "4"
    assert "academic_year" not in pep["meta"]


def test_label_and_answer_in_one_cell_beside_a_control(tmp_path: Path) -> None:
    def form(value: str | None) -> str:
        return tbl(tr(tc(p("Meeting Date: ", sdt_run("MeetingDate", value, kind="date")))))

    pep = _with_draft(tmp_path, CHILD + form(None), CHILD + form("08/10/2025"))
    assert pep["meta"]["meeting_date"] == "2025-10-08"


def test_a_question_paragraph_with_its_answer_under_it() -> None:
    form = CHILD + (
        p("My views", style="Heading1")
        + p("What I think about school:")
        + p("I like football at lunch.")
        + p("What my carer thinks:")
        + p("He is calmer at home.")
    )
    views = _no_mapping(form)["views"]
    assert views == {"child": "I like football at lunch.", "carer": "He is calmer at home."}


def test_first_person_labels_as_early_years_pages_print_them() -> None:
    form = (
        p("My name is Alfie Shepherdson")
        + p("My setting is Kingfisher Corner Childminding")
        + p("Date of birth: 14 March 2023")
        + p("My social worker is: Hamid Rashford")
    )
    pep = _no_mapping(form)
    assert (pep["child"]["first_name"], pep["child"]["last_name"]) == ("Alfie", "Shepherdson")
    assert pep["education"]["setting_name"] == "Kingfisher Corner Childminding"
    assert pep["care"]["social_worker"]["name"] == "Hamid Rashford"


def test_dotted_leaders_separate_a_label_from_its_answer(tmp_path: Path) -> None:
    def form(date: str, school: str) -> str:
        return CHILD + p(f"PEP Date{date}") + p(f"College or Provider{school}")

    blank = form("…………………………", "…………………………")
    pep = _with_draft(tmp_path, blank, form("…………29/10/2025", "…………Kestrelford College……"))
    assert pep["meta"]["meeting_date"] == "2025-10-29"
    assert pep["education"]["setting_name"] == "Kestrelford College"


# --- records of "Label: value" lines --------------------------------------------------------


def _records(*targets: tuple[str, str, str]) -> str:
    lines = p("New Targets", style="Heading1")
    for number, (target, area, when) in enumerate(targets, start=1):
        lines += p(f"Target {number}: {target}") + p(f"Area: {area}") + p(f"Target Date: {when}")
    return lines


def test_targets_printed_as_numbered_records_are_read_as_a_list(tmp_path: Path) -> None:
    completed = CHILD + _records(
        ("Read 20 minutes a day", "English", "30/01/2026"),
        ("Know the 4 times table", "Maths", "06/02/2026"),
    )
    expected = [
        {"description": "Read 20 minutes a day", "area": "literacy", "due_date": "2026-01-30"},
        {"description": "Know the 4 times table", "area": "numeracy", "due_date": "2026-02-06"},
    ]
    assert _no_mapping(completed)["targets"] == expected
    blank = CHILD + _records(("", "", ""))
    assert _with_draft(tmp_path, blank, completed)["targets"] == expected


# --- sign-off -------------------------------------------------------------------------------


def test_a_sign_off_table_is_read_apart_from_attendees_and_dates_the_sign_off() -> None:
    signed = _grid(
        ["Role", "Name", "Signature", "Date"],
        ["Designated teacher / key person", "Gemma Falstead", "G Falstead", "14/11/2025"],
    )
    pep = _no_mapping(CHILD + p("Sign off", style="Heading1") + signed)
    assert pep["signoff"]["signatures"] == [
        {
            "role": "Designated teacher / key person",
            "name": "Gemma Falstead",
            "signature": "G Falstead",
            "date": "2025-11-14",
        }
    ]
    assert pep["signoff"]["designated_teacher_date"] == "2025-11-14"
    assert pep["education"]["designated_teacher"]["name"] == "Gemma Falstead"
    assert "attendees" not in pep


def _sign_off_lines(dt: str | None, dt_date: str | None, sw: str | None) -> str:
    return (
        p("Sign off", style="Heading1")
        + p(r("Designated CiC Lead signature: "), sdt_run("s1", dt))
        + p(r("Date: "), sdt_run("d1", dt_date))
        + p(r("Social worker signature: "), sdt_run("s2", sw))
        + p(r("Date: "), sdt_run("d2", None))
    )


@pytest.mark.parametrize("mode", ["no mapping", "draft"])
def test_sign_off_lines_are_signatures_with_the_role_printed_on_each_line(
    tmp_path: Path, mode: str
) -> None:
    completed = CHILD + _sign_off_lines("H. Drury", "10th Oct 2025", None)
    if mode == "no mapping":
        pep = _no_mapping(completed)
    else:
        pep = _with_draft(tmp_path, CHILD + _sign_off_lines(None, None, None), completed)
    # the social worker's line nobody signed is no signatory
    assert pep["signoff"]["signatures"] == [
        {"role": "Designated CiC Lead", "signature": "H. Drury", "date": "2025-10-10"}
    ]
    assert pep["signoff"]["designated_teacher_date"] == "2025-10-10"


def test_a_chairs_line_holds_signature_name_and_role() -> None:
    line = p("Signature: M Huxtable\tName: Mark Huxtable\tRole: Designated Teacher")
    pep = _no_mapping(CHILD + p("Meeting chair, please sign to confirm.") + line)
    assert pep["signoff"]["signatures"] == [
        {"role": "Designated Teacher", "name": "Mark Huxtable", "signature": "M Huxtable"}
    ]
    assert pep["education"]["designated_teacher"]["name"] == "Mark Huxtable"


def test_contacts_typed_in_the_name_column_and_roles_typed_after_other() -> None:
    grid = _grid(
        ["Role/relationship", "Name and Email address", "Invited", "Attended"],
        ["Designated Teacher", "Mark Huxtable\nm.huxtable@harebell.example.org", "Yes", "Yes"],
        ["Other", "Joanna Strand - mother", "Yes", "No"],
    )
    pep = _no_mapping(CHILD + p("People involved", style="Heading1") + grid)
    teacher, other = pep["attendees"]
    assert (teacher["name"], teacher["email"]) == (
        "Mark Huxtable",
        "m.huxtable@harebell.example.org",
    )
    assert (other["name"], other["role"]) == ("Joanna Strand", "mother")
    assert pep["education"]["designated_teacher"]["email"] == "m.huxtable@harebell.example.org"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("☒ came", True), ("☐ came", False)],
)
def test_a_lone_box_with_a_word_beside_it_is_a_yes_or_no(cell: str, expected: bool) -> None:
    grid = _grid(
        ["Name", "Who they are", "Came to my PEP"], ["Hamid Rashford", "Social worker", cell]
    )
    (attendee,) = _no_mapping(CHILD + grid)["attendees"]
    assert attendee["attended"] is expected


def test_a_question_with_an_instruction_after_it_is_named_by_the_question() -> None:
    question = "Who holds parental responsibility? Name and relationship to child:"
    form = tbl(tr(tc(p(question), shade=SHADE), tc(p("Mother (shared with the LA under s20)"))))
    pep = _no_mapping(CHILD + form)
    assert pep["care"]["parental_responsibility"] == "Mother (shared with the LA under s20)"


# --- Yes/No boxes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        p("Is the child known to CAMHS? ☐ Yes ☒ No"),
        p("Is the child known to CAMHS?  Yes ☐  No ☒"),
        tbl(tr(tc(p("Is the child known to CAMHS?"), shade=SHADE), tc(p("☐ Yes  ☒ No")))),
        tbl(tr(tc(p("Is the child known to CAMHS?"), shade=SHADE), tc(p("Yes ☐")), tc(p("No ☒")))),
    ],
)
def test_yes_no_boxes_answer_the_question_before_them(line: str) -> None:
    pep = _no_mapping(CHILD + p("Is the child on a part-time timetable? ☒ Yes ☐ No") + line)
    assert pep["health"]["camhs_involved"] is False
    assert pep["education"]["part_time_timetable"] is True


def test_yes_no_boxes_after_a_question_no_path_is_named_by_are_reported() -> None:
    line = tbl(tr(tc(p("Is the child on track to meet targets?")), tc(p("Yes ☒")), tc(p("No ☐"))))
    extraction = pepdocs.extract(make_docx(CHILD + line), name="completed.docx")
    assert "targets" not in extraction.pep  # a row of boxes is no table header
    assert extraction.report.unmapped == ["Is the child on track to meet targets?: Yes"]


def test_what_no_path_is_found_for_is_reported_as_a_person_reads_it() -> None:
    highlighted = '<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>YES</w:t></w:r>'
    rest = '<w:r><w:t xml:space="preserve"> / NO</w:t></w:r>'
    circle = f"<w:tc><w:p>{highlighted}{rest}</w:p></w:tc>"
    form = (
        CHILD
        + p("Section 2: Progress", bold=True)
        + tbl(tr(tc(p("Are the targets accurate and aspirational?")), circle))
        + p("Who will liaise with the provider on a day to day basis? Colin Marsh")
    )
    unmapped = pepdocs.extract(make_docx(form), name="completed.docx").report.unmapped
    assert unmapped == [
        "Are the targets accurate and aspirational?: YES",
        "Who will liaise with the provider on a day to day basis?: Colin Marsh",
    ]


# --- a label over its answer in one cell, roles printed down a blank-headed column ---------


def _over(label: str, answer: str = "") -> str:
    """A cell printing its label in bold over the answer's paragraph."""
    return tc(p(r(label, bold=True)), p(answer))


def _details(name: str = "", dob: str = "", upn: str = "", language: str = "") -> str:
    return tbl(
        tr(_over("Name", name), _over("Date of birth", dob)),
        tr(_over("UPN", upn), _over("First language", language)),
        tr(_over("Next PEP (before the next LAC review)"), tc(p(""))),
    )


def test_a_label_over_its_answer_in_one_cell_is_read_with_no_mapping_and_a_draft(
    tmp_path: Path,
) -> None:
    completed = _details("Harvey John Lomas", "08/11/2015", "V986455018293", "English")
    expected = {"first_name": "Harvey", "middle_names": "John", "last_name": "Lomas"}
    for pep in (_no_mapping(completed), _with_draft(tmp_path, _details(), completed)):
        assert {k: pep["child"].get(k) for k in expected} == expected
        assert pep["child"]["date_of_birth"] == "2015-11-08"
        assert pep["child"]["upn"] == "V986455018293"
        assert pep["child"]["first_language"] == "English"


def test_a_label_over_its_answer_is_filled_in_its_own_cell(tmp_path: Path) -> None:
    template = tmp_path / "blank.docx"
    template.write_bytes(make_docx(_details()))
    draft = infer_mapping_from_bytes(template.read_bytes(), str(template))
    anchors = {entry.path: entry.anchor for entry in draft.entries}
    assert anchors["child.date_of_birth"] == {"heading": "Date of birth"}
    assert anchors["meta.next_review_date"] == {"heading": "Next PEP (before the next LAC review)"}
    mapping = tmp_path / "draft.yaml"
    mapping.write_text(draft.to_yaml("testshire", template=str(template)), encoding="utf-8")
    form = load_mapping(mapping)
    pep = json.loads((SAMPLES / "pep-amara-okafor.json").read_text(encoding="utf-8"))
    data = pepdocs.fill(pep, form)
    cells = [c for c in document_xml(data).split("<w:tc>")[1:]]
    assert pep["child"]["upn"] in cells[2] and "UPN" in cells[2]  # in the label's own cell
    read = pepdocs.extract(data, form, name="filled.docx").pep
    assert read["child"]["upn"] == pep["child"]["upn"]
    assert read["child"]["date_of_birth"] == pep["child"]["date_of_birth"]
    assert read["meta"]["next_review_date"] == pep["meta"]["next_review_date"]


def test_a_plain_cell_with_a_second_paragraph_beside_an_empty_box_is_a_label_left_of_it(
    tmp_path: Path,
) -> None:
    blank = tbl(tr(_over("Date of birth"), tc(p(""))))
    completed = tbl(tr(_over("Date of birth"), tc(p("08/11/2015"))))
    assert _with_draft(tmp_path, blank, completed)["child"]["date_of_birth"] == "2015-11-08"


def _people(rows: list[list[str]]) -> str:
    return _grid(["", "Name", "Invited", "Attended"], *rows)


def test_roles_printed_down_a_column_with_a_blank_header_are_the_attendees_roles(
    tmp_path: Path,
) -> None:
    printed = [["Young person"], ["Social worker"], ["Designated teacher"], ["Carer"]]
    blank = _people([[*row, "", "", ""] for row in printed])
    completed = _people(
        [
            ["Young person", "Harvey Lomas", "Yes", "No"],
            ["Social worker", "Rashida Begum", "Yes", "Yes"],
            ["Designated teacher", "Colette Brannigan", "Yes", "Yes"],
            ["Carer", "", "", ""],
        ]
    )
    for pep in (_no_mapping(completed), _with_draft(tmp_path, blank, completed)):
        assert [(a["role"], a["name"]) for a in pep["attendees"]] == [
            ("Young person", "Harvey Lomas"),
            ("Social worker", "Rashida Begum"),
            ("Designated teacher", "Colette Brannigan"),
        ]
        assert [a["attended"] for a in pep["attendees"]] == [False, True, True]


def test_a_label_with_an_aside_in_brackets_is_named_by_the_words_outside_them() -> None:
    from pepdocs.inference import load_lexicon

    found = load_lexicon().match("Next PEP (before the next LAC review)")
    assert found is not None and found.path == "meta.next_review_date"


def test_a_label_asking_for_two_values_in_one_box_reads_both(tmp_path: Path) -> None:
    def attendance(value: str) -> str:
        return tbl(
            tr(
                tc(p("Attendance % this term"), shade=SHADE),
                tc(p("88.2%" if value else "")),
                tc(p("Sessions possible / missed"), shade=SHADE),
                tc(p(value)),
            )
        )

    completed = attendance("76 / 9")
    for pep in (_no_mapping(completed), _with_draft(tmp_path, attendance(""), completed)):
        assert pep["education"]["attendance"]["sessions_possible"] == 76
        assert pep["education"]["attendance"]["sessions_missed"] == 9


def _signed_off(dt: str, dt_date: str, sw: str) -> str:
    tab = "<w:r><w:tab/></w:r>"
    return (
        p("Sign off", style="Heading1")
        + p(
            r("Signed off by (Designated Teacher): "),
            sdt_run("s1", dt or None),
            tab,
            r("Date: "),
            sdt_run("d1", dt_date or None),
        )
        + p(
            r("Signed off by (Social Worker): "),
            sdt_run("s2", sw or None),
            tab,
            r("Date: "),
            sdt_run("d2", None),
        )
    )


@pytest.mark.parametrize("mode", ["no mapping", "draft"])
def test_signed_off_by_lines_name_who_signed_in_the_role_printed_in_brackets(
    tmp_path: Path, mode: str
) -> None:
    completed = CHILD + _signed_off("Deborah Quayle", "06/11/2025", "Ben Aldous")
    if mode == "no mapping":
        pep = _no_mapping(completed)
    else:
        pep = _with_draft(tmp_path, CHILD + _signed_off("", "", ""), completed)
    assert pep["signoff"]["signatures"] == [
        {"role": "Designated Teacher", "name": "Deborah Quayle", "date": "2025-11-06"},
        {"role": "Social Worker", "name": "Ben Aldous"},
    ]
    assert pep["signoff"]["designated_teacher_date"] == "2025-11-06"


def test_a_tick_and_cross_legend_in_a_header_reads_a_cross_as_no() -> None:
    grid = _grid(
        ["Subject", "Currently working at", "End of key stage target", "On track \u2713/\u2717"],
        ["English Language", "4", "6", "\u2717"],
        ["Maths", "5", "6", "\u2713"],
    )
    pep = _no_mapping(CHILD + p("Attainment and progress", style="Heading1") + grid)
    assert [(a["subject"], a["current"], a["on_track"]) for a in pep["attainment"]] == [
        ("English Language", "4", False),
        ("Maths", "5", True),
    ]


def test_an_interest_heading_with_an_instruction_under_it_holds_the_answer() -> None:
    body = (
        CHILD
        + p("What I enjoy", style="Heading1")
        + p(r("Clubs, hobbies and things I am proud of outside school", rpr="<w:i/>"))
        + p("Netball, volunteering at the food bank")
        + p("My carer's view", style="Heading1")
        + p("Works hard at home.")
    )
    pep = _no_mapping(body)
    assert pep["child"]["leisure_interests"] == "Netball, volunteering at the food bank"
    assert pep["views"]["carer"] == "Works hard at home."


def _say(title: str, instruction: str, answer: str) -> str:
    """A one-column box: a shaded title with an instruction in italics, the answer under."""
    return tbl(
        tr(tc(p(r(title, bold=True)), p(r(instruction, rpr="<w:i/>")), shade=SHADE)),
        tr(tc(p(answer))),
    )


def test_a_title_over_an_instruction_in_italics_names_the_box_under_it(tmp_path: Path) -> None:
    def form(voice: str, social_worker: str) -> str:
        return (
            CHILD
            + _say("My voice", "My words, drawings or photos, written down by my key adult", voice)
            + _say("What my social worker says", "Any changes to my care plan", social_worker)
        )

    completed = form("I like the sand tray.", "Placement is stable.")
    for pep in (_no_mapping(completed), _with_draft(tmp_path, form("", ""), completed)):
        assert pep["views"]["child"] == "I like the sand tray."
        assert pep["views"]["social_worker"] == "Placement is stable."


def test_words_after_a_printed_titles_colon_are_print_not_the_answer() -> None:
    box = tbl(
        tr(tc(p("My voice: what I have told or shown the adults who know me"), shade=SHADE)),
        tr(tc(p("Alfie says again!"))),
    )
    assert _no_mapping(CHILD + box)["views"]["child"] == "Alfie says again!"


def test_every_label_on_a_line_is_read_and_a_bare_name_beside_the_birth_date_is_the_childs(
    tmp_path: Path,
) -> None:
    def line(name: str, dob: str, year: str) -> str:
        return p(f"Name: {name}\tDOB: {dob}\tFoundation year: {year}")

    completed = line("Poppy Ashgrove", "11/02/2020", "F2")
    for pep in (_no_mapping(completed), _with_draft(tmp_path, line("", "", ""), completed)):
        assert (pep["child"]["first_name"], pep["child"]["last_name"]) == ("Poppy", "Ashgrove")
        assert pep["child"]["date_of_birth"] == "2020-02-11"
        assert pep["education"]["ncy"] == "R"


def test_a_cross_in_a_column_of_ticks_is_no() -> None:
    grid = _grid(
        ["Name", "Role", "Invited", "Attended"],
        ["Claire Pennock", "Social worker", "\u2714", "\u2714"],
        ["Joanna Strand", "Mother", "\u2714", "\u2718"],
    )
    pep = _no_mapping(CHILD + p("Attendance at the PEP meeting", style="Heading1") + grid)
    assert [(a["name"], a["attended"]) for a in pep["attendees"]] == [
        ("Claire Pennock", True),
        ("Joanna Strand", False),
    ]


def _targets_line(number: int, target: str, support: str, who: str, by: str) -> str:
    gap = "   "
    return p(f"{number}.  Target: {target}{gap}Support: {support}{gap}Who: {who}{gap}By: {by}")


def test_targets_numbered_before_their_label_with_the_other_labels_on_the_line(
    tmp_path: Path,
) -> None:
    def form(first: tuple[str, str, str, str]) -> str:
        return (
            p("16+ Personal Education Plan")
            + p("My targets", style="Heading1")
            + _targets_line(1, *first)
            + _targets_line(2, "", "", "", "")
        )

    completed = form(
        ("Tyler will attend 92% of lessons", "Daily check-in", "Mr Greatorex", "13/02/2026")
    )
    for pep in (_no_mapping(completed), _with_draft(tmp_path, form(("", "", "", "")), completed)):
        assert pep["meta"]["phase"] == "post16"
        assert pep["targets"] == [
            {
                "description": "Tyler will attend 92% of lessons",
                "actions": "Daily check-in",
                "lead": "Mr Greatorex",
                "due_date": "2026-02-13",
            }
        ]


def test_an_answer_after_a_tab_belongs_to_the_label_before_it() -> None:
    body = CHILD + p("Date of next PEP:\t27/01/2026") + p("About me", style="Heading1")
    assert _no_mapping(body)["meta"]["next_review_date"] == "2026-01-27"


def test_a_phone_or_email_column_puts_each_where_it_belongs() -> None:
    grid = _grid(
        ["Name", "Role", "Phone or email"],
        ["Grace Ibbotson", "Social worker", "01632 960528"],
        ["Adam Greatorex", "Head of Sixth Form", "a.greatorex@sallowmere.example.org"],
    )
    pep = _no_mapping(CHILD + p("Who came to my PEP", style="Heading1") + grid)
    assert [(a.get("phone"), a.get("email")) for a in pep["attendees"]] == [
        ("01632 960528", None),
        (None, "a.greatorex@sallowmere.example.org"),
    ]


def _box(number: int, target: str, actions: str, lead: str, review: str) -> str:
    return tbl(
        tr(tc(p(r(f"Target {number} (academic)", bold=True)), span=2, shade=SHADE)),
        tr(tc(p("SMART target")), tc(p(target))),
        tr(tc(p("Key strategies and interventions (what, who, how often)")), tc(p(actions))),
        tr(tc(p("Adult responsible")), tc(p(lead))),
        tr(tc(p("Review date")), tc(p(review))),
        cols=2,
    ) + p("")


def test_targets_printed_one_box_of_label_rows_each_are_a_list(tmp_path: Path) -> None:
    def form(first: tuple[str, str, str, str]) -> str:
        return (
            CHILD
            + p("4. Targets for this term", style="Heading1")
            + _box(1, *first)
            + _box(2, "", "", "", "")
            + p("Date of next PEP: 28/04/2026")
        )

    completed = form(
        ("Lily will write 500 words", "Weekly conference", "Mr Huxtable", "24/04/2026")
    )
    blank = form(("", "", "", ""))
    for pep in (_no_mapping(completed), _with_draft(tmp_path, blank, completed)):
        assert pep["targets"] == [
            {
                "description": "Lily will write 500 words",
                "actions": "Weekly conference",
                "lead": "Mr Huxtable",
                "due_date": "2026-04-24",
            }
        ]
        assert pep["meta"]["next_review_date"] == "2026-04-28"


def test_signed_lines_with_the_role_in_brackets_and_a_date_later_on_each() -> None:
    tab = "<w:r><w:tab/></w:r>"
    body = (
        CHILD
        + p("Signatures", style="Heading1")
        + p(r("Signed (designated teacher): M Huxtable"), tab, r("Date: 21st Jan 2026"))
        + p(r("Signed (social worker): C. Pennock"), tab, r("Date: 26/01/2026"))
    )
    pep = _no_mapping(body)
    assert pep["signoff"]["signatures"] == [
        {"role": "designated teacher", "signature": "M Huxtable", "date": "2026-01-21"},
        {"role": "social worker", "signature": "C. Pennock", "date": "2026-01-26"},
    ]
    assert pep["signoff"]["designated_teacher_date"] == "2026-01-21"
    assert pep["signoff"]["social_worker_date"] == "2026-01-26"


def test_other_plans_a_pp_plus_table_and_contact_details_as_forms_print_them() -> None:
    plans = _grid(
        ["Other plan (EHCP, PSP, IEP)", "Date", "Notes"],
        ["PSP", "10 November 2025", "After an incident"],
    )
    pp_plus = _grid(
        ["Pupil Premium Plus: what will it pay for?", "Cost"], ["Reading mentor", "£450"]
    )
    people = _grid(
        ["Name", "Role", "Contact details"],
        ["Yvonne Achterberg", "Social worker", "y.achterberg@hamblemouth.example.org"],
        ["Sandra Pellow", "Foster carer", "01632 960281"],
    )
    body = (
        CHILD
        + p("People at the meeting", style="Heading1")
        + people
        + p("Pupil Premium Plus", style="Heading1")
        + pp_plus
        + p("Other plans", style="Heading1")
        + plans
    )
    pep = _no_mapping(body)
    assert pep["linked_plans"] == [
        {"type": "PSP", "date": "2025-11-10", "reference": "After an incident"}
    ]
    assert pep["pp_plus"]["items"] == [{"description": "Reading mentor", "cost": "450.00"}]
    assert [(a.get("email"), a.get("phone")) for a in pep["attendees"]] == [
        ("y.achterberg@hamblemouth.example.org", None),
        (None, "01632 960281"),
    ]
    assert pep["care"]["social_worker"]["email"] == "y.achterberg@hamblemouth.example.org"


def test_an_email_label_beside_a_persons_name_in_a_row_is_their_email(tmp_path: Path) -> None:
    def row(name: str, email: str) -> str:
        return tbl(
            tr(
                tc(p("Designated practitioner"), shade=SHADE),
                tc(p(name)),
                tc(p("Email"), shade=SHADE),
                tc(p(email)),
            )
        )

    completed = CHILD + row("Gemma Falstead", "g.falstead@wrenhurst.example.org")
    for pep in (_no_mapping(completed), _with_draft(tmp_path, CHILD + row("", ""), completed)):
        teacher = pep["education"]["designated_teacher"]
        assert teacher == {"name": "Gemma Falstead", "email": "g.falstead@wrenhurst.example.org"}


def test_a_table_of_the_childs_details_is_no_list_of_records() -> None:
    rows = [
        ("First name", "Amira"),
        ("Date of birth", "09/12/2010"),
        ("Designated Teacher", "Deborah Quayle"),
        ("Designated Teacher email", "d.quayle@brackenhill.example.org"),
        ("Social Worker", "Ben Aldous"),
        ("Date of this Education Review", "5 November 2025"),
    ]
    details = tbl(*(tr(tc(p(label), shade=SHADE), tc(p(value))) for label, value in rows))
    pep = _no_mapping(p("About me", style="Heading1") + details)
    assert pep["child"]["first_name"] == "Amira"
    assert pep["education"]["designated_teacher"]["name"] == "Deborah Quayle"
    assert pep["meta"]["meeting_date"] == "2025-11-05"
    assert "signatures" not in pep.get("signoff", {})


def test_a_label_and_colon_in_a_notes_column_is_answered_after_its_colon(tmp_path: Path) -> None:
    def people(meeting: str) -> str:
        return tbl(
            tr(tc(p(r("Role", bold=True))), tc(p(r("Name", bold=True))), tc(p(""))),
            tr(
                tc(p("Social Worker")),
                tc(p("Claire Pennock")),
                tc(p(r("Date of this meeting: ", bold=True), r(meeting))),
            ),
            tr(
                tc(p("Carer")),
                tc(p("Marta Nowicka")),
                tc(p(r("Date of next PEP meeting: ", bold=True))),
            ),
        )

    completed = CHILD + people("20/01/2026")
    for pep in (_no_mapping(completed), _with_draft(tmp_path, CHILD + people(""), completed)):
        assert pep["meta"]["meeting_date"] == "2026-01-20"


def _bands(ticks: dict[str, str]) -> str:
    bands = ["8-20", "16-26", "22-36", "30-50", "40-60", "ELG"]
    rows = [["Area of learning", *bands, "Comment"]]
    for area in ("Communication and language", "Physical development", "Literacy"):
        rows.append([area, *("\u2713" if ticks.get(area) == band else "" for band in bands), ""])
    return tbl(
        tr(tc(p(""), span=1), tc(p(r("Development bands (months)", bold=True)), span=7)),
        *(_row(*row, header=number == 0) for number, row in enumerate(rows)),
        cols=8,
    )


def test_an_early_years_band_grid_gives_the_band_ticked_in_each_row(tmp_path: Path) -> None:
    ticks = {"Communication and language": "22-36", "Physical development": "30-50"}
    completed = CHILD + _bands(ticks)
    for pep in (_no_mapping(completed), _with_draft(tmp_path, CHILD + _bands({}), completed)):
        assert pep["attainment"] == [
            {"subject": "Communication and language", "current": "22-36"},
            {"subject": "Physical development", "current": "30-50"},
        ]


def test_an_answer_typed_over_the_leaders_after_a_bold_label_is_read(tmp_path: Path) -> None:
    def line(name: str) -> str:
        return p(r("Student name", bold=True), r(name or "\u2026" * 20))

    completed = line("Tyler-Jay Penhallow")
    for pep in (_no_mapping(completed), _with_draft(tmp_path, line(""), completed)):
        assert (pep["child"]["first_name"], pep["child"]["last_name"]) == ("Tyler-Jay", "Penhallow")


def test_label_and_control_cells_side_by_side_each_keep_their_box() -> None:
    def cell(label: str, tag: str, value: str) -> str:
        return tc(p(r(f"{label}: "), sdt_run(tag, value)))

    body = tbl(
        tr(
            cell("Document Type", "DocType", "Review PEP"),
            cell("Meeting Date", "MeetingDate", "08/10/2025"),
        ),
        tr(
            cell("Setting Name", "SettingName", "Tansy Hill"),
            cell("Setting URN", "SettingURN", "EY512734"),
        ),
    ) + p(r("Social Worker email: *"), sdt_run("SWEmail", "p.wendover@harrowfield.example.org"))
    pep = _no_mapping(body)
    assert pep["meta"]["pep_type"] == "review"
    assert pep["meta"]["meeting_date"] == "2025-10-08"
    assert pep["education"]["setting_name"] == "Tansy Hill"
    assert pep["education"]["urn"] == "EY512734"
    assert pep["care"]["social_worker"]["email"] == "p.wendover@harrowfield.example.org"


# --- tables turned on their side -------------------------------------------------------------


def _across(*rows: tuple[str, ...]) -> str:
    return tbl(*(tr(*(tc(p(r(text))) for text in row)) for row in rows))


def test_a_progress_grid_with_the_areas_across_the_top_is_read_one_area_a_column(
    tmp_path: Path,
) -> None:
    def grid(now: tuple[str, str], later: tuple[str, str]) -> str:
        return CHILD + p("My progress", style="Heading1") + _across(
            ("Prime area", "Communication and language", "Physical development"),
            ("Now (age band, months)", *now),
            ("By the next PEP", *later),
        )

    completed = grid(("22-36", "30-50"), ("30-50", "40-60"))
    expected = [
        {"subject": "communication and language", "current": "22-36", "target": "30-50"},
        {"subject": "physical development", "current": "30-50", "target": "40-60"},
    ]

    def read(pep: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {**item, "subject": str(item["subject"]).casefold()} for item in pep["attainment"]
        ]

    assert read(_no_mapping(completed)) == expected
    assert read(_with_draft(tmp_path, grid(("", ""), ("", "")), completed)) == expected


def test_a_sign_off_grid_with_the_signatories_as_columns_is_read_one_signatory_a_column(
    tmp_path: Path,
) -> None:
    def grid(*cells: tuple[str, str]) -> str:
        return CHILD + p("Agreed by", style="Heading1") + _across(
            ("", "Designated practitioner", "Social worker"),
            ("Name", *cells[0]),
            ("Signature", *cells[1]),
            ("Date", *cells[2]),
        )

    completed = grid(
        ("Farah Quinton", "Lewis Nagle"), ("F Quinton", ""), ("21/11/25", "26.11.2025")
    )
    expected = [
        {
            "role": "Designated practitioner",
            "name": "Farah Quinton",
            "signature": "F Quinton",
            "date": "2025-11-21",
        },
        {"role": "Social worker", "name": "Lewis Nagle", "date": "2025-11-26"},
    ]
    for pep in (_no_mapping(completed), _with_draft(tmp_path, grid(*((("", ""),) * 3)), completed)):
        assert pep["signoff"]["signatures"] == expected
        assert pep["signoff"]["social_worker_date"] == "2025-11-26"



def test_a_date_box_for_the_pathway_plan_is_the_date_of_that_linked_plan(tmp_path: Path) -> None:
    def form(date: str) -> str:
        return CHILD + tbl(
            tr(tc(p("Date of my pathway plan:"), shade=SHADE), tc(p(date))),
            tr(tc(p("Date of this PEP:"), shade=SHADE), tc(p("29/10/2025"))),
        )

    completed = form("20/10/2025")
    for pep in (_no_mapping(completed), _with_draft(tmp_path, form(""), completed)):
        assert pep["linked_plans"] == [{"type": "PATHWAY", "date": "2025-10-20"}]


def test_boxes_typed_as_a_glyph_or_an_x_before_the_columns_word_answer_yes_or_no(
    tmp_path: Path,
) -> None:
    def table(*came: str) -> str:
        rows = [("Hamid Rashid", "Social worker"), ("Kerry Amble", "Key person")]
        return CHILD + p("Who came to my PEP meeting", style="Heading1") + _grid(
            ["Name", "Who they are", "Came to my PEP"],
            *([name, role, mark] for (name, role), mark in zip(rows, came, strict=True)),
        )

    completed = table("\u2612 came", "X came")
    expected = [(True, "Hamid Rashid"), (True, "Kerry Amble")]
    for pep in (
        _no_mapping(completed),
        _with_draft(tmp_path, table("\u2610 came", "\u2610 came"), completed),
    ):
        assert [(a["attended"], a["name"]) for a in pep["attendees"]] == expected
    unticked = _no_mapping(table("\u2610 came", "X came"))
    assert [a.get("attended") for a in unticked["attendees"]] == [False, True]


def test_a_first_person_label_alone_on_a_blank_line_is_answered_after_its_verb(
    tmp_path: Path,
) -> None:
    def page(name: str, setting: str) -> str:
        # the blank prints the words and a space, the answer typed after them
        return p(f"My name is {name}") + p(f"My setting is {setting}") + p(
            "This is a photo of me"
        )

    completed = page("Alfie Sheppard", "Kingfisher Corner Childminding")
    pep = _with_draft(tmp_path, page("", ""), completed)
    assert (pep["child"]["first_name"], pep["child"]["last_name"]) == ("Alfie", "Sheppard")
    assert pep["education"]["setting_name"] == "Kingfisher Corner Childminding"


def test_a_name_and_role_column_is_an_attendee_list(tmp_path: Path) -> None:
    def table(*rows: list[str]) -> str:
        return CHILD + p("Who came to my PEP meeting", style="Heading1") + _grid(
            ["Name - role", "Email or phone", "Came? (\u2713 / \u2717)"], *rows
        )

    completed = table(
        ["Priya Wendle - Social worker", "01632 960772", "\u2713"],
        ["Tom Ashdown - Virtual School adviser", "", "\u2717"],
    )
    expected = [
        ("Priya Wendle", "Social worker", True),
        ("Tom Ashdown", "Virtual School adviser", False),
    ]
    for pep in (_no_mapping(completed), _with_draft(tmp_path, table(["", "", ""]), completed)):
        assert [(a["name"], a["role"], a["attended"]) for a in pep["attendees"]] == expected


def test_a_highlighted_answer_among_outcome_words_is_the_outcome() -> None:
    def highlighted(chosen: str) -> str:
        words = ["Yes", "Nearly", "Not yet"]
        runs = []
        for number, word in enumerate(words):
            if number:
                runs.append(r(" / "))
            runs.append(r(word, rpr='<w:highlight w:val="yellow"/>') if word == chosen else r(word))
        return tc(p(*runs))

    grid = tbl(
        _row("My last next step", "Did I get there?", "What helped", header=True),
        tr(tc(p(r("Say goodbye to her carer"))), highlighted("Nearly"), tc(p(r("Key person log")))),
    )
    pep = _no_mapping(CHILD + p("How did I get on?", style="Heading1") + grid)
    assert pep["previous_targets"] == [
        {
            "description": "Say goodbye to her carer",
            "outcome": "partly_met",
            "evidence": "Key person log",
        }
    ]


def test_a_line_after_a_ticked_statement_gives_the_persons_name_and_sign_off_date() -> None:
    line = p(
        r("\u2612 I confirm this page is up to date.\tSocial worker: Priya Wendle\tDate: 13/10/25")
    )
    pep = _no_mapping(CHILD + line)
    assert pep["care"]["social_worker"]["name"] == "Priya Wendle"
    assert pep["signoff"]["social_worker_date"] == "2025-10-13"


def test_a_stand_in_wording_gives_way_to_the_forms_own_wording_for_a_path() -> None:
    front = tbl(
        tr(tc(p("Designated person"), shade=SHADE), tc(p("Hannah Drewe"))),
        tr(tc(p("Key person"), shade=SHADE), tc(p("Hannah Drewe (key person)"))),
    )
    pep = _no_mapping(CHILD + front)
    assert pep["education"]["designated_teacher"]["name"] == "Hannah Drewe"


def test_an_outcome_ticked_in_one_column_per_outcome_gives_that_outcome(tmp_path: Path) -> None:
    def grid(*ticks: tuple[str, str, str]) -> str:
        targets = ["Read 40 common exception words", "Use his calm card"]
        return CHILD + p("Review of last PEP's targets", style="Heading1") + _grid(
            ["Last PEP's target", "Fully met", "Partially met", "Not met", "Evidence"],
            *([target, *marks, "Log"] for target, marks in zip(targets, ticks, strict=True)),
        )

    completed = grid(("\u2612", "\u2610", "\u2610"), ("\u2610", "\u2610", "\u2612"))
    expected = [("Read 40 common exception words", "met"), ("Use his calm card", "not_met")]
    blank = grid(*((("\u2610",) * 3,) * 2))
    for pep in (_no_mapping(completed), _with_draft(tmp_path, blank, completed)):
        assert [(t["description"], t["outcome"]) for t in pep["previous_targets"]] == expected


def test_a_group_cell_merged_down_beside_its_rows_labels_labels_nothing(tmp_path: Path) -> None:
    def front(school: str, year: str) -> str:
        return tbl(
            tr(
                tc(p("School"), vmerge="restart"),
                tc(p("Name of school"), shade=SHADE),
                tc(p(school)),
            ),
            tr(tc(p(""), vmerge="continue"), tc(p("Year group"), shade=SHADE), tc(p(year))),
        )

    completed = CHILD + front("St Aldric's CE Primary School", "Year 4")
    for pep in (_no_mapping(completed), _with_draft(tmp_path, CHILD + front("", ""), completed)):
        assert pep["education"]["setting_name"] == "St Aldric's CE Primary School"
        assert pep["education"]["ncy"] == "4"


def test_controls_inside_a_sentence_are_read_by_their_tags(tmp_path: Path) -> None:
    def sentence(percent: str | None, missed: str | None, possible: str | None) -> str:
        return CHILD + p(
            r("The pupil's attendance this academic year is "),
            sdt_run("AttPct", percent),
            r(", having missed "),
            sdt_run("AttMissed", missed),
            r(" of "),
            sdt_run("AttPossible", possible),
            r(" possible sessions."),
        )

    completed = sentence("93.4%", "7", "106")
    blank = sentence(None, None, None)
    for pep in (_no_mapping(completed), _with_draft(tmp_path, blank, completed)):
        attendance = pep["education"]["attendance"]
        assert (attendance["percent"], attendance["sessions_missed"]) == (93.4, 7)
        assert attendance["sessions_possible"] == 106


def test_bold_labels_each_followed_by_a_tab_are_drafted_from_the_blank_form(
    tmp_path: Path,
) -> None:
    def lines(name: str, birth: str, school: str) -> str:
        return p("Basic information", style="Heading1") + "".join(
            p(r(label, bold=True), "<w:r><w:tab/></w:r>", r(answer))
            for label, answer in (
                ("Child's name", name),
                ("Date of birth", birth),
                ("School", school),
            )
        )

    completed = lines("Callum James Ferraby", "30-03-2013", "Copperbeck Academy")
    pep = _with_draft(tmp_path, lines("", "", ""), completed)
    assert (pep["child"]["first_name"], pep["child"]["last_name"]) == ("Callum", "Ferraby")
    assert pep["child"]["date_of_birth"] == "2013-03-30"
    assert pep["education"]["setting_name"] == "Copperbeck Academy"


def test_a_signature_line_under_its_role_dates_that_roles_sign_off() -> None:
    lines = p("Chair of the meeting (designated person)") + p(
        r("Name: Hannah Drewe\tSignature: H. Drewe\tDate: 10/10/25")
    )
    pep = _no_mapping(CHILD + p("Sign off", style="Heading1") + lines)
    assert pep["signoff"]["designated_teacher_date"] == "2025-10-10"


def test_an_age_band_grid_answered_with_the_letters_its_instruction_asks_for(
    tmp_path: Path,
) -> None:
    bands = ["22-36 months", "30-50 months", "40-60 months"]

    def grid(*rows: list[str]) -> str:
        return (
            CHILD
            + p("My learning and development", style="Heading1")
            + p(
                "Type N in the band the child is working within now and T in the band you "
                "expect by the next PEP."
            )
            + _grid(["Prime area", *bands], *rows)
        )

    completed = grid(
        ["Communication and language", "N", "T", ""], ["Physical development", "", "N T", ""]
    )
    expected = [
        ("Communication and language", "22-36 months", "30-50 months"),
        ("Physical development", "30-50 months", "30-50 months"),
    ]
    blank = grid(["Communication and language", "", "", ""], ["Physical development", "", "", ""])
    for pep in (_no_mapping(completed), _with_draft(tmp_path, blank, completed)):
        assert [(a["subject"], a["current"], a["target"]) for a in pep["attainment"]] == expected
