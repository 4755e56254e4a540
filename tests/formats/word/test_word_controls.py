"""Content controls: found by tag then alias, placeholders read as empty, filled in place."""

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
    make_form,
    p,
    reading,
    round_trip,
    sdt_block,
    sdt_run,
    tbl,
    tc,
    tr,
)


def test_a_text_control_is_read_by_its_tag(tmp_path: Path) -> None:
    body = p("Name: ", sdt_run("child_name", "Ava Thornbury"))
    form = make_form(tmp_path, body, field("child.first_name", anchor("control", "child_name")))
    found = reading(form)
    assert found.status == "found"
    assert found.raw == "Ava Thornbury"
    assert found.location == "content control 'child_name'"


def test_a_control_whose_tag_was_dropped_is_found_by_its_alias(tmp_path: Path) -> None:
    body = p(sdt_run(None, "Ava", alias="First name"))
    form = make_form(
        tmp_path, body, field("child.first_name", anchor("control", "first", alias="First name"))
    )
    assert reading(form).raw == "Ava"


def test_a_control_showing_its_placeholder_is_empty(tmp_path: Path) -> None:
    form = make_form(tmp_path, p(sdt_run("upn")), field("child.upn", anchor("control", "upn")))
    found = reading(form)
    assert found.status == "empty"
    assert found.raw is None


def test_a_block_control_reads_its_paragraphs_as_lines(tmp_path: Path) -> None:
    body = sdt_block("views", p("Likes ", "maths"), p("Wants a dog"))
    form = make_form(tmp_path, body, field("views.child", anchor("control", "views")))
    assert reading(form).raw == "Likes maths\nWants a dog"


def test_a_cell_level_control_in_a_row_is_read(tmp_path: Path) -> None:
    cell_control = (
        '<w:sdt><w:sdtPr><w:tag w:val="school"/></w:sdtPr><w:sdtContent>'
        + tc("Larkspur Academy")
        + "</w:sdtContent></w:sdt>"
    )
    body = tbl(tr(tc("School"), cell_control))
    form = make_form(tmp_path, body, field("education.setting_name", anchor("control", "school")))
    assert reading(form).raw == "Larkspur Academy"


def _date_control(tag: str, shown: str, full_date: str) -> str:
    extra = f'<w:date w:fullDate="{full_date}"><w:dateFormat w:val="dd/MM/yyyy"/></w:date>'
    return sdt_run(tag, shown, kind="date", extra=extra)


def test_a_date_control_keeps_its_display_text_when_it_agrees_with_the_picked_date(
    tmp_path: Path,
) -> None:
    body = p(_date_control("dob", "03/09/2015", "2015-09-03T00:00:00Z"))
    form = make_form(tmp_path, body, field("child.date_of_birth", anchor("control", "dob")))
    assert reading(form).raw == "03/09/2015"


def test_a_date_control_prefers_the_picked_date_when_the_text_disagrees(tmp_path: Path) -> None:
    body = p(_date_control("dob", "09/03/2015", "2015-09-03T00:00:00Z"))
    form = make_form(tmp_path, body, field("child.date_of_birth", anchor("control", "dob")))
    assert reading(form).raw == "2015-09-03"


def _dropdown(tag: str, shown: str | None, kind: str = "dropDownList") -> str:
    items = (
        '<w:listItem w:displayText="Full Care Order" w:value="C2"/>'
        '<w:listItem w:displayText="Section 20" w:value="V2"/>'
    )
    return sdt_run(tag, shown, kind=kind, extra=f"<w:{kind}>{items}</w:{kind}>")


def test_a_dropdown_reads_as_its_visible_label(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        p(_dropdown("legal", "Section 20")),
        field("care.legal_status", anchor("control", "legal")),
    )
    assert reading(form).raw == "Section 20"


def test_a_checkbox_control_reads_as_a_bool(tmp_path: Path) -> None:
    body = p(checkbox_control("camhs", True)) + p(checkbox_control("ehcp", False))
    form = make_form(
        tmp_path,
        body,
        field("health.camhs_involved", anchor("control", "camhs")),
        field("education.ehcp", anchor("control", "ehcp")),
    )
    assert round_trip(form, None, None) == [True, False]


def test_copies_of_a_control_give_the_first_value(tmp_path: Path) -> None:
    body = p(sdt_run("name")) + p(sdt_run("name", "Ava"))
    form = make_form(tmp_path, body, field("child.first_name", anchor("control", "name")))
    assert reading(form).raw == "Ava"


# --- filling ------------------------------------------------------------------------------


def test_filling_a_placeholder_control_drops_the_prompt_and_its_style(tmp_path: Path) -> None:
    body = p(sdt_run("name", rpr='<w:sz w:val="28"/>'))
    form = make_form(tmp_path, body, field("child.first_name", anchor("control", "name")))
    xml = document_xml(fill(form, "Ava"))
    assert "showingPlcHdr" not in xml
    assert "PlaceholderText" not in xml
    assert "Click or tap" not in xml
    assert '<w:sz w:val="28"/>' in xml
    assert reading(form, fill(form, "Ava")).raw == "Ava"


def test_every_copy_of_a_control_is_filled(tmp_path: Path) -> None:
    body = p(sdt_run("name")) + p(sdt_run("name"))
    form = make_form(tmp_path, body, field("child.first_name", anchor("control", "name")))
    assert document_xml(fill(form, "Ava")).count(">Ava<") == 2


def test_multi_line_text_becomes_line_breaks_and_reads_back_exactly(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, p(sdt_run("views")), field("views.child", anchor("control", "views"))
    )
    text = "Enjoys football.\nFinds reading hard.\n\tWants a tutor."
    data = fill(form, text)
    assert "<w:br/>" in document_xml(data)
    assert 'w:multiLine="1"' in document_xml(data)
    assert reading(form, data).raw == text


def test_a_rich_text_block_control_gets_one_paragraph_per_line(tmp_path: Path) -> None:
    # paragraphs survive a LibreOffice re-save; line breaks inside controls do not
    form = make_form(
        tmp_path, sdt_block("views", p("old"), p("older")), field("v", anchor("control", "views"))
    )
    xml = document_xml(fill(form, "new\n\nnewer"))
    assert "<w:br/>" not in xml and "old" not in xml
    assert round_trip(form, "new\n\nnewer") == ["new\n\nnewer"]


def test_a_plain_text_block_control_keeps_one_paragraph(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, sdt_block("views", p("old"), kind="text"), field("v", anchor("control", "views"))
    )
    assert "<w:br/>" in document_xml(fill(form, "new\nnewer"))
    assert round_trip(form, "new\nnewer") == ["new\nnewer"]


def test_filling_a_date_control_sets_the_picked_date(tmp_path: Path) -> None:
    body = p(sdt_run("dob", kind="date"))
    form = make_form(tmp_path, body, field("child.date_of_birth", anchor("control", "dob")))
    data = fill(form, "03/09/2015")
    assert 'w:fullDate="2015-09-03T00:00:00Z"' in document_xml(data)
    assert reading(form, data).raw == "03/09/2015"


def test_a_dropdown_is_filled_with_the_matching_item_label(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        p(_dropdown("legal", None)),
        field("care.legal_status", anchor("control", "legal")),
    )
    assert round_trip(form, "full care order") == ["Full Care Order"]
    assert 'w:lastValue="C2"' in document_xml(fill(form, "Full Care Order"))
    assert round_trip(form, "V2") == ["Section 20"]


def test_an_unknown_dropdown_label_is_refused_without_echoing_the_value(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        p(_dropdown("legal", None)),
        field("care.legal_status", anchor("control", "legal", line=12)),
    )
    with pytest.raises(MappingError) as caught:
        fill(form, "Secret Order 99")
    assert "Secret Order" not in str(caught.value)
    assert "care.legal_status" in str(caught.value)
    assert ":12:" in str(caught.value)


def test_a_combo_box_takes_free_text(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        p(_dropdown("legal", None, "comboBox")),
        field("care.legal_status", anchor("control", "legal")),
    )
    assert round_trip(form, "Placement order") == ["Placement order"]


def test_filling_a_checkbox_control_swaps_its_glyph(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, p(checkbox_control("camhs", False)), field("h", anchor("control", "camhs"))
    )
    data = fill(form, True)
    xml = document_xml(data)
    assert 'w14:checked w14:val="1"' in xml
    assert "\u2612" in xml and "\u2610" not in xml
    assert reading(form, data).raw is True


def test_filling_a_data_bound_control_unbinds_it_so_word_keeps_the_value(tmp_path: Path) -> None:
    binding = (
        '<w:dataBinding w:xpath="/root/name" '
        'w:storeItemID="{00000000-0000-0000-0000-000000000001}"/>'
    )
    body = p(sdt_run("name", extra="<w:text/>" + binding))
    form = make_form(tmp_path, body, field("child.first_name", anchor("control", "name")))
    data = fill(form, "Ava")
    assert "dataBinding" not in document_xml(data)
    assert reading(form, data).raw == "Ava"
