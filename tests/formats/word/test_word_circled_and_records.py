"""Two layouts of real forms the Word engine reads: "circle one" options answered by marking
one of them, and repeating sections printed as records of "Label: value" lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.formats.word.circled import circled_option
from pepdocs.formats.word.slots import without_leaders

from .docxbuild import (
    anchor,
    document_xml,
    field,
    fill,
    make_form,
    p,
    r,
    read_form,
    reading,
    sdt_run,
    tbl,
    tc,
    tr,
)

HIGHLIGHT = '<w:highlight w:val="yellow"/>'


def _box(*runs: str) -> str:
    return tbl(tr(tc(p("On track?")), tc(p(*runs))))


def _on_track(tmp_path: Path, *runs: str) -> object:
    form = make_form(tmp_path, _box(*runs), field("x", anchor("label", "On track?")))
    return reading(form).raw


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        ((r("YES", rpr=HIGHLIGHT), r(" / "), r("NO")), "YES"),
        ((r("YES"), r(" / "), r("NO", bold=True)), "NO"),
        ((r("Yes", strike=True), r(" / No")), "No"),
        ((r("YES / NO"),), None),  # printed, not answered
        ((r("YES / NO", bold=True),), None),  # printed bold: not a mark
        ((r("Mr Pike / Mrs Carrow"),), "Mr Pike / Mrs Carrow"),  # an answer, not options
    ],
)
def test_a_circle_one_box_gives_the_marked_option(
    tmp_path: Path, runs: tuple[str, ...], expected: object
) -> None:
    assert _on_track(tmp_path, *runs) == expected


def test_options_all_marked_alike_are_the_forms_print_not_an_answer(tmp_path: Path) -> None:
    # a form may print its options highlighted; only one option marked apart is an answer
    assert _on_track(tmp_path, r("YES", rpr=HIGHLIGHT), r(" / "), r("NO", rpr=HIGHLIGHT)) is None


def _sen_stage(tmp_path: Path, *runs: str) -> object:
    tmp_path.mkdir(exist_ok=True)
    box = tbl(tr(tc(p("SEN stage")), tc(p(*runs))))
    return reading(make_form(tmp_path, box, field("x", anchor("label", "SEN stage")))).raw


def test_options_of_any_words_are_a_menu_when_the_form_says_how_to_mark_them(
    tmp_path: Path,
) -> None:
    # "SEN stage: None / SEN Support / EHCP (strike out as appropriate)": the note makes the
    # words a menu; the one left unstruck is the answer
    answer = _sen_stage(
        tmp_path,
        r("None", strike=True),
        r(" / "),
        r("SEN Support", strike=True),
        r(" / EHCP   (strike out as appropriate)"),
    )
    assert answer == "EHCP"


def test_a_menu_nobody_marked_is_unanswered_and_words_without_a_note_are_an_answer(
    tmp_path: Path,
) -> None:
    assert _sen_stage(tmp_path, r("None / SEN Support / EHCP (delete as appropriate)")) is None
    assert _sen_stage(tmp_path / "b", r("SEN Support / EHCP")) == "SEN Support / EHCP"


def test_circled_year_group() -> None:
    from lxml import etree

    cell = etree.fromstring(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:r><w:t>11 / </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>12</w:t></w:r>"
        "<w:r><w:t> / 13 / 14</w:t></w:r></w:p>"
    )
    found = circled_option(cell)
    assert found is not None and found.answer == "12"


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("…………Sports coaching degree", "Sports coaching degree"),
        ("………………………………", ""),
        (" ....... Lucy Fenwright ......", "Lucy Fenwright"),
        ("It went well...", "It went well..."),
    ],
)
def test_dotted_leaders_are_not_part_of_the_answer(line: str, answer: str) -> None:
    assert without_leaders(line) == answer


# --- records ----------------------------------------------------------------------------------

RECORDS = anchor("records", "Target")
COLUMNS = (("description", "Target"), ("area", "Area"), ("due_date", "Target Date"))


def _record(number: int, target: str = "", area: str = "", when: str = "") -> str:
    return p(f"Target {number}: {target}") + p(f"Area: {area}") + p(f"Target Date: {when}")


def test_records_are_read_one_row_each(tmp_path: Path) -> None:
    body = _record(1, "Read daily", "English", "30/01/2026") + _record(2, "Times tables", "Maths")
    form = make_form(tmp_path, body, field("targets", RECORDS, columns=COLUMNS))
    assert reading(form).raw == [
        {"Target": "Read daily", "Area": "English", "Target Date": "30/01/2026"},
        {"Target": "Times tables", "Area": "Maths", "Target Date": ""},
    ]


def test_records_end_at_a_line_that_is_none_of_their_labels(tmp_path: Path) -> None:
    body = _record(1, "Read daily", "English") + p("Next review: 04/02/2026")
    form = make_form(tmp_path, body, field("targets", RECORDS, columns=COLUMNS))
    assert [row["Target"] for row in reading(form).raw] == ["Read daily"]  # type: ignore[union-attr]


def test_fill_copies_the_first_record_for_each_further_item(tmp_path: Path) -> None:
    form = make_form(tmp_path, _record(1), field("targets", RECORDS, columns=COLUMNS))
    rows = [
        {"Target": "Read daily", "Area": "English", "Target Date": "30/01/2026"},
        {"Target": "Times tables", "Area": "Maths", "Target Date": "06/02/2026"},
        {"Target": "Join a club", "Area": "SEMH", "Target Date": "13/02/2026"},
    ]
    filled = fill(form, rows)
    assert read_form(form, filled).readings[0].raw == rows
    assert "Target 3:" in document_xml(filled)


# --- sign-off lines: records whose printed words say whose they are ---------------------------

SIGNATURES = anchor("records", "signature", printed="Role")
SIGNATURE_COLUMNS = (("signature", "signature"), ("date", "Date"), ("role", "Role"))


def _signature_lines(*lines: tuple[str, str, str]) -> str:
    return "".join(
        p(r(f"{role} signature: "), sdt_run("sig", signed or None))
        + p(r("Date: "), sdt_run("date", when or None))
        for role, signed, when in lines
    )


def test_signature_lines_are_read_with_the_role_printed_before_signature(tmp_path: Path) -> None:
    body = _signature_lines(
        ("Designated CiC Lead", "H. Drury", "10th Oct 2025"),
        ("Social worker", "", ""),
    )
    form = make_form(tmp_path, body, field("signatures", SIGNATURES, columns=SIGNATURE_COLUMNS))
    # the social worker's line nobody signed is no row: its printed role alone is not one
    assert reading(form).raw == [
        {"signature": "H. Drury", "Date": "10th Oct 2025", "Role": "Designated CiC Lead"}
    ]


def test_a_role_printed_after_signature_of_is_read_too(tmp_path: Path) -> None:
    body = p("Signature of social worker: P Wendover") + p("Date: 13/10/2025")
    form = make_form(tmp_path, body, field("signatures", SIGNATURES, columns=SIGNATURE_COLUMNS))
    assert reading(form).raw == [
        {"signature": "P Wendover", "Date": "13/10/2025", "Role": "social worker"}
    ]


def test_labels_later_on_the_signature_line_are_columns_of_the_record(tmp_path: Path) -> None:
    body = p("Signature: M Huxtable\tName: Mark Huxtable\tRole: Designated Teacher")
    columns = (("signature", "Signature"), ("name", "Name"), ("role", "Role"))
    form = make_form(
        tmp_path, body, field("signatures", anchor("records", "Signature"), columns=columns)
    )
    assert reading(form).raw == [
        {"Signature": "M Huxtable", "Name": "Mark Huxtable", "Role": "Designated Teacher"}
    ]
    rows = [{"Signature": "A Pike", "Name": "Anna Pike", "Role": "Head of Year"}]
    assert read_form(form, fill(form, rows)).readings[0].raw == rows


def test_fill_puts_each_row_on_the_line_printed_for_its_role(tmp_path: Path) -> None:
    body = _signature_lines(("Designated teacher", "", ""), ("Social worker", "", ""))
    form = make_form(tmp_path, body, field("signatures", SIGNATURES, columns=SIGNATURE_COLUMNS))
    rows = [
        {"signature": "P Wendover", "Date": "13/10/2025", "Role": "Social worker"},
        {"signature": "H Drury", "Date": "10/10/2025", "Role": "Designated teacher"},
    ]
    read_back = read_form(form, fill(form, rows)).readings[0].raw
    assert read_back == [rows[1], rows[0]]  # in the form's order


def test_fill_refuses_a_row_for_a_role_the_form_prints_no_line_for(tmp_path: Path) -> None:
    from pepdocs.errors import PepdocsError

    body = _signature_lines(("Designated teacher", "", ""))
    form = make_form(tmp_path, body, field("signatures", SIGNATURES, columns=SIGNATURE_COLUMNS))
    with pytest.raises(PepdocsError, match="prints no 'signature' line"):
        fill(form, [{"signature": "P Wendover", "Date": "", "Role": "Social worker"}])


# --- records printed as small tables of label | answer rows ---------------------------------

BOX_COLUMNS = (
    ("description", "SMART target"),
    ("actions", "Key strategies (what, who, how often)"),
    ("lead", "Adult responsible"),
)


def _target_box(number: int, target: str = "", actions: str = "", lead: str = "") -> str:
    return tbl(
        tr(tc(p(f"Target {number} (academic)"), span=2)),
        tr(tc(p("SMART target")), tc(p(target))),
        tr(tc(p("Key strategies (what, who, how often)")), tc(p(actions))),
        tr(tc(p("Adult responsible")), tc(p(lead))),
        cols=2,
    ) + p("")


def test_records_printed_as_tables_of_label_and_answer_rows_are_read(tmp_path: Path) -> None:
    body = _target_box(1, "Read daily", "Reading buddy", "Mr Pike") + _target_box(2)
    records = anchor("records", "SMART target")
    form = make_form(tmp_path, body, field("targets", records, columns=BOX_COLUMNS))
    found = reading(form)
    assert found.raw == [
        {
            "SMART target": "Read daily",
            "Key strategies (what, who, how often)": "Reading buddy",
            "Adult responsible": "Mr Pike",
        }
    ]
    assert found.location == "records starting 'SMART target' (table rows)"


def test_fill_writes_table_records_and_copies_the_first_box_for_more(tmp_path: Path) -> None:
    records = anchor("records", "SMART target")
    form = make_form(tmp_path, _target_box(1), field("targets", records, columns=BOX_COLUMNS))
    rows = [
        {
            "SMART target": f"Target text {n}",
            "Key strategies (what, who, how often)": f"Help {n}",
            "Adult responsible": f"Lead {n}",
        }
        for n in (1, 2, 3)
    ]
    filled = fill(form, rows)
    assert read_form(form, filled).readings[0].raw == rows
    xml = document_xml(filled)
    assert "Target 2 (academic)" in xml and "Target 3 (academic)" in xml
    assert xml.count("<w:tbl>") == 3


def test_an_instruction_beside_the_chosen_option_is_not_part_of_it() -> None:
    from pepdocs.mapping.transforms import make_transform, model_code_labels

    outcome = make_transform("choice", {"values": model_code_labels("target_outcome")})
    assert outcome.from_form("Partly  (delete as appropriate)") == "partly_met"
    assert outcome.from_form("Achieved (circle one)") == "met"


def test_options_circled_after_a_label_on_the_same_line(tmp_path: Path) -> None:
    body = p(
        r("Term: "),
        r("Autumn"),
        r(" / "),
        r("Spring", rpr='<w:highlight w:val="yellow"/>'),
        r(" / Summer   (circle)"),
    )
    form = make_form(tmp_path, body, field("meta.term", anchor("label", "Term")))
    assert reading(form).raw == "Spring"
