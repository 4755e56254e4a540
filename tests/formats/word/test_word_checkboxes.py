"""Checkboxes of every kind, located by their labels, read and ticked."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.errors import MappingError

from .docxbuild import (
    anchor,
    checkbox_control,
    document_xml,
    field,
    fill,
    legacy_checkbox,
    make_form,
    p,
    r,
    read_form,
    reading,
    round_trip,
    tbl,
    tc,
    tr,
)

SEN = {"E": "EHCP", "K": "SEN Support", "N": "No SEN"}


def sen_field() -> object:
    return field("education.sen_provision", anchor("checkboxes", "EHCP | SEN Support", options=SEN))


@pytest.mark.parametrize(
    "line",
    [
        "\u2610 EHCP   \u2612 SEN Support   \u2610 No SEN",  # boxes before labels
        "EHCP \u2610   SEN Support \u2612   No SEN \u2610",  # boxes after labels
        "SEN status: \u2610 EHCP \u2611 SEN Support \u2610 No SEN",  # a question first
        "[ ] EHCP  [x] SEN Support  [ ] No SEN",
    ],
)
def test_a_glyph_checkbox_group_reads_the_ticked_key(tmp_path: Path, line: str) -> None:
    form = make_form(tmp_path, p(line), sen_field())  # type: ignore[arg-type]
    found = reading(form)
    assert (found.status, found.raw) == ("found", ["K"])


def test_glyphs_split_across_runs_still_pair_with_their_labels(tmp_path: Path) -> None:
    body = p(
        r("\u2610 EH"), r("CP  "), r("\u2612", bold=True), r(" SEN Sup"), r("port \u2610 No SEN")
    )
    form = make_form(tmp_path, body, sen_field())  # type: ignore[arg-type]
    assert reading(form).raw == ["K"]


def test_symbol_font_boxes_are_checkboxes(tmp_path: Path) -> None:
    ticked = '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>'
    empty = '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>'
    body = p(empty, r(" EHCP "), empty, r(" SEN Support "), ticked, r(" No SEN"))
    form = make_form(tmp_path, body, sen_field())  # type: ignore[arg-type]
    assert reading(form).raw == ["N"]
    data = fill(form, "E")
    assert document_xml(data).count('w:char="F0FE"') == 1
    assert reading(form, data).raw == ["E"]


def test_legacy_and_control_checkboxes_in_a_group(tmp_path: Path) -> None:
    body = p(
        legacy_checkbox("c1", "1"), r(" EHCP "), checkbox_control(None, False), r(" SEN Support ")
    )
    body += p(legacy_checkbox("c3", None), r(" No SEN"))
    form = make_form(tmp_path, body, sen_field())  # type: ignore[arg-type]
    assert reading(form).raw == ["E"]
    assert round_trip(form, ["K"]) == [["K"]]


def test_a_checkbox_alone_in_the_cell_beside_its_label(tmp_path: Path) -> None:
    body = tbl(tr(tc("CAMHS involved"), tc(p(checkbox_control(None, True)))))
    form = make_form(
        tmp_path, body, field("health.camhs_involved", anchor("checkbox", "CAMHS involved"))
    )
    assert reading(form).raw is True
    assert round_trip(form, False) == [False]


def test_an_x_typed_in_the_box_cell_counts_as_ticked(tmp_path: Path) -> None:
    body = tbl(tr(tc("X"), tc("On roll")), tr(tc(""), tc("Part-time timetable")))
    form = make_form(
        tmp_path,
        body,
        field("education.on_roll", anchor("checkbox", "On roll")),
        field("education.part_time_timetable", anchor("checkbox", "Part-time timetable")),
    )
    assert round_trip(form, None, None) == [True, False]
    assert round_trip(form, False, True) == [False, True]


def test_a_group_is_filled_by_key_or_by_label(tmp_path: Path) -> None:
    form = make_form(tmp_path, p("\u2610 EHCP \u2610 SEN Support \u2610 No SEN"), sen_field())  # type: ignore[arg-type]
    assert round_trip(form, "E") == [["E"]]
    assert round_trip(form, "No SEN") == [["N"]]
    assert "\u2612 EHCP \u2610 SEN Support" in document_xml(fill(form, "E"))


def test_several_ticked_boxes_read_as_a_list_with_a_note(tmp_path: Path) -> None:
    form = make_form(tmp_path, p("\u2612 EHCP \u2612 SEN Support \u2610 No SEN"), sen_field())  # type: ignore[arg-type]
    found = reading(form)
    assert found.raw == ["E", "K"]
    assert "several boxes ticked" in found.notes


def test_an_unknown_option_is_refused(tmp_path: Path) -> None:
    form = make_form(tmp_path, p("\u2610 EHCP \u2610 SEN Support \u2610 No SEN"), sen_field())  # type: ignore[arg-type]
    with pytest.raises(MappingError, match="not one of the group's options"):
        fill(form, "Z")


def test_a_single_glyph_checkbox_reads_as_a_bool(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, p("\u2610 CAMHS involved"), field("h", anchor("checkbox", "CAMHS involved"))
    )
    assert reading(form).raw is False
    assert round_trip(form, True) == [True]


def test_strike_through_yes_no_is_flagged_for_review(tmp_path: Path) -> None:
    body = p(r("Consent given: "), r("Yes", strike=True), r(" / No"))
    form = make_form(tmp_path, body, field("x", anchor("label", "Consent given")))
    assert "strike-through Yes/No answers: needs human review" in read_form(form).notes


def test_a_block_level_checkbox_control_is_ticked_through_its_state(tmp_path: Path) -> None:
    extra = (
        '<w14:checkbox><w14:checked w14:val="0"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
    )
    block = (
        f"<w:sdt><w:sdtPr>{extra}</w:sdtPr><w:sdtContent>{p(r(chr(0x2610)))}</w:sdtContent></w:sdt>"
    )
    body = tbl(tr(tc("On roll"), tc(block)))
    form = make_form(tmp_path, body, field("education.on_roll", anchor("checkbox", "On roll")))
    data = fill(form, True)
    assert 'w14:checked w14:val="1"' in document_xml(data)
    assert reading(form, data).raw is True


def test_letters_typed_in_wingdings_are_checkboxes(tmp_path: Path) -> None:
    wingdings = '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'
    body = p(r("\u00fe", rpr=wingdings), r(" EHCP "), r("\u00a8", rpr=wingdings), r(" SEN Support"))
    body += p(r("\u00a8", rpr=wingdings), r(" No SEN"))
    form = make_form(tmp_path, body, sen_field())  # type: ignore[arg-type]
    assert reading(form).raw == ["E"]
    assert round_trip(form, "K") == [["K"]]


def test_yes_no_boxes_are_told_apart_by_the_question_on_their_line(tmp_path: Path) -> None:
    body = p("CAMHS involved?  \u2610 Yes  \u2612 No") + p(
        "Part-time timetable?  \u2612 Yes  \u2610 No"
    )
    yes_no = {"yes": "Part-time timetable? Yes", "no": "Part-time timetable? No"}
    form = make_form(
        tmp_path,
        body,
        field("education.part_time_timetable", anchor("checkboxes", "", options=yes_no)),
        field("health.camhs_involved", anchor("checkbox", "CAMHS involved? Yes")),
    )
    assert round_trip(form, None, None) == [["yes"], False]
    assert round_trip(form, ["no"], True) == [["no"], True]


def test_yes_no_boxes_in_a_table_row_are_named_by_the_row_question(tmp_path: Path) -> None:
    body = tbl(
        tr("CAMHS involved?", "\u2612 Yes", "\u2610 No"),
        tr("Part-time timetable?", "\u2610 Yes", "\u2612 No"),
    )
    yes_no = {"yes": "Part-time timetable? Yes", "no": "Part-time timetable? No"}
    form = make_form(tmp_path, body, field("p", anchor("checkboxes", "", options=yes_no)))
    assert reading(form).raw == ["no"]


@pytest.mark.parametrize(
    "line",
    [
        "SEN status: \u2610 No SEN   \u2610 EHCP   X SEN Support",
        "x SEN Support   \u2610 EHCP   \u2610 No SEN",
    ],
)
def test_an_x_typed_over_a_box_on_a_line_of_boxes_is_ticked(tmp_path: Path, line: str) -> None:
    form = make_form(tmp_path, p(line), sen_field())  # type: ignore[arg-type]
    assert reading(form).raw == ["K"]
    data = fill(form, ["E"])
    assert reading(form, data).raw == ["E"]
    assert "X SEN" not in document_xml(data) and "x SEN" not in document_xml(data)


def test_an_x_in_a_line_without_boxes_is_text(tmp_path: Path) -> None:
    form = make_form(tmp_path, p("SEN status: X EHCP"), sen_field())  # type: ignore[arg-type]
    assert (reading(form).status, reading(form).raw) == ("missing", None)  # no box here
