"""Label anchors in running text ("Label: value") and section scoping."""

from __future__ import annotations

from pathlib import Path

from .docxbuild import (
    anchor,
    document_xml,
    field,
    fill,
    make_form,
    p,
    r,
    reading,
    round_trip,
    tbl,
    tc,
    tr,
)


def test_text_after_a_label_and_colon_is_the_value(tmp_path: Path) -> None:
    body = p(r("Preferred ", bold=True), r("name:", bold=True), r(" Bea"))
    form = make_form(
        tmp_path, body, field("child.preferred_name", anchor("label", "Preferred name"))
    )
    found = reading(form)
    assert found.raw == "Bea"
    assert found.location == "text after 'Preferred name'"


def test_filling_after_a_label_keeps_the_label_and_unbolds_the_answer(tmp_path: Path) -> None:
    body = p(r("Preferred name:", bold=True))
    form = make_form(
        tmp_path,
        body,
        field("child.preferred_name", anchor("label", "Preferred name", direction="after")),
    )
    data = fill(form, "Bea")
    xml = document_xml(data)
    assert "Preferred name:" in xml
    assert xml.count("<w:b/>") == 1
    assert reading(form, data).raw == "Bea"


def test_refilling_after_a_label_replaces_the_old_answer(tmp_path: Path) -> None:
    body = p(r("Name: Old"), r(" answer"))
    form = make_form(tmp_path, body, field("n", anchor("label", "Name", direction="after")))
    data = fill(form, "Ava\nThornbury")
    assert "Old" not in document_xml(data)
    assert reading(form, data).raw == "Ava\nThornbury"


def test_a_label_cell_is_preferred_to_a_sentence_mentioning_it(tmp_path: Path) -> None:
    body = p("Name: see the table below") + tbl(tr("Name", "Ava"))
    form = make_form(tmp_path, body, field("n", anchor("label", "Name")))
    assert reading(form).raw == "Ava"


def test_a_section_scopes_a_repeated_label(tmp_path: Path) -> None:
    body = (
        p("Carer", style="Heading1")
        + tbl(tr("Name", "Jo Marsh"), tr("Phone", "01632 960001"))
        + p("Social worker", style="Heading1")
        + tbl(tr("Name", "Sam Okafor"), tr("Phone", "01632 960002"))
    )
    form = make_form(
        tmp_path,
        body,
        field("care.carer.phone", anchor("label", "Phone", section="Carer")),
        field("care.social_worker.phone", anchor("label", "Phone", section="Social worker")),
    )
    assert round_trip(form, None, None) == ["01632 960001", "01632 960002"]


def test_shaded_rows_mark_sections_inside_one_long_table(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("Carer", span=2, shade="C6D9F1")),
        tr("Name", "Jo Marsh"),
        tr(tc("Social worker", span=2, shade="C6D9F1")),
        tr("Name", "Sam Okafor"),
        cols=2,
    )
    form = make_form(
        tmp_path,
        body,
        field("care.social_worker.name", anchor("label", "Name", section="Social worker")),
    )
    assert reading(form).raw == "Sam Okafor"


def test_a_section_missing_from_the_form_means_the_anchor_is_missing(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, tbl(tr("Name", "Ava")), field("n", anchor("label", "Name", section="Health"))
    )
    assert reading(form).status == "missing"


def test_a_value_cell_holding_a_control_is_read_through_the_control(tmp_path: Path) -> None:
    from .docxbuild import sdt_run

    body = tbl(tr("Date of birth", tc(p(sdt_run(None)))))
    form = make_form(tmp_path, body, field("dob", anchor("label", "Date of birth")))
    assert reading(form).status == "empty"
    data = fill(form, "03/09/2015")
    assert "showingPlcHdr" not in document_xml(data)
    assert reading(form, data).raw == "03/09/2015"


def test_occurrence_picks_the_nth_label(tmp_path: Path) -> None:
    body = tbl(tr("Name", "Jo Marsh"), tr("Name", "Sam Okafor"))
    form = make_form(tmp_path, body, field("sw", anchor("label", "Name", occurrence=2)))
    assert reading(form).raw == "Sam Okafor"


def test_a_plain_bookmark_is_read_and_filled(tmp_path: Path) -> None:
    body = p(
        "School: ",
        '<w:bookmarkStart w:id="4" w:name="School"/>',
        r("Larkspur"),
        '<w:bookmarkEnd w:id="4"/>',
    )
    form = make_form(tmp_path, body, field("education.setting_name", anchor("bookmark", "School")))
    assert reading(form).raw == "Larkspur"
    assert round_trip(form, "Fernhill Primary") == ["Fernhill Primary"]


def _two_labels(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    return make_form(
        tmp_path,
        body,
        field("child.first_name", anchor("label", "Name", direction="after")),
        field("child.date_of_birth", anchor("label", "Date of birth", direction="after")),
    )


def test_two_labels_on_one_line_each_get_their_own_answer(tmp_path: Path) -> None:
    form = _two_labels(tmp_path, p("Name: Ava Thornbury\tDate of birth: 03/09/2015"))
    assert round_trip(form, None, None) == ["Ava Thornbury", "03/09/2015"]
    assert round_trip(form, "Kai", None) == ["Kai", "03/09/2015"]
    assert round_trip(form, None, "01/01/2016") == ["Ava Thornbury", "01/01/2016"]


def test_two_blank_labels_on_one_line_are_filled_in_place(tmp_path: Path) -> None:
    form = _two_labels(
        tmp_path, p(r("Name:", bold=True), r("    "), r("Date of birth:", bold=True))
    )
    data = fill(form, "Zoë O'Neill", "03/09/2015")
    assert reading(form, data).raw == "Zoë O'Neill"
    assert reading(form, data, 1).raw == "03/09/2015"
    assert document_xml(data).count("<w:b/>") == 2  # the answers are not bold


def test_controls_after_each_label_on_one_line(tmp_path: Path) -> None:
    from .docxbuild import sdt_run

    body = p("Name: ", sdt_run(None), "  Date of birth: ", sdt_run(None))
    form = _two_labels(tmp_path, body)
    assert round_trip(form, "Ava", "03/09/2015") == ["Ava", "03/09/2015"]


def test_a_value_box_of_labelled_checkboxes_reads_as_the_ticked_label(tmp_path: Path) -> None:
    body = tbl(
        tr("Legal status", "\u2610 Section 20   \u2612 Full Care Order   \u2610 Interim Care Order")
    )
    form = make_form(tmp_path, body, field("care.legal_status", anchor("label", "Legal status")))
    assert reading(form).raw == "Full Care Order"
    data = fill(form, "Section 20")
    assert reading(form, data).raw == "Section 20"
    assert "\u2612 Section 20" in document_xml(data)


def test_labels_and_answers_wrapped_in_hyperlinks_smart_tags_and_custom_xml(tmp_path: Path) -> None:
    body = tbl(
        tr(
            p('<w:smartTag w:uri="x" w:element="place">', r("Name"), "</w:smartTag>"),
            p('<w:customXml w:element="answer">', r("Ava"), "</w:customXml>"),
        )
    ) + p(r("Email: "), '<w:hyperlink r:id="rId9">', r("ava@example.org"), "</w:hyperlink>")
    form = make_form(
        tmp_path,
        body,
        field("child.first_name", anchor("label", "Name")),
        field("carer.email", anchor("label", "Email", direction="after")),
    )
    assert round_trip(form, None, None) == ["Ava", "ava@example.org"]
    assert round_trip(form, "Kai", "kai@example.org") == ["Kai", "kai@example.org"]


def test_an_answer_ends_at_a_label_after_a_tab_the_mapping_does_not_know(tmp_path: Path) -> None:
    tab = "<w:r><w:tab/></w:r>"
    body = p(r("Completed by:", bold=True), r(" Steve Marlow"), tab, r("Date: 24.10.2025"))
    form = make_form(tmp_path, body, field("meta.completed_by", anchor("label", "Completed by")))
    assert reading(form).raw == "Steve Marlow"
    data = fill(form, "Ava Pike")
    assert reading(form, data).raw == "Ava Pike"
    assert "Date: 24.10.2025" in document_xml(data)


def test_an_answer_ends_at_a_label_after_three_spaces(tmp_path: Path) -> None:
    # "Attendance this term: 88.2%     Sessions missed: 9" typed on one line
    body = p("Attendance this term: 88.2%     Sessions missed: 9")
    form = make_form(
        tmp_path, body, field("x", anchor("label", "Attendance this term", direction="after"))
    )
    assert reading(form).raw == "88.2%"


def test_an_answer_with_spaced_words_and_no_label_after_is_whole(tmp_path: Path) -> None:
    body = p("Reason: late bus   then a dentist appointment: 2pm")
    form = make_form(tmp_path, body, field("x", anchor("label", "Reason", direction="after")))
    assert reading(form).raw == "late bus   then a dentist appointment: 2pm"


def test_a_bold_label_and_a_line_break_are_the_place_to_answer(tmp_path: Path) -> None:
    body = tbl(tr(tc(p(r("Child's full name", bold=True), "<w:r><w:br/></w:r>"))))
    form = make_form(
        tmp_path, body, field("x", anchor("label", "Child's full name", direction="after"))
    )
    assert reading(form).status == "empty"


def test_a_time_after_a_tab_is_part_of_the_answer(tmp_path: Path) -> None:
    body = p("Meeting held: 3 March\t10:30 in the library")
    form = make_form(tmp_path, body, field("meta.completed_by", anchor("label", "Meeting held")))
    assert reading(form).raw == "3 March\t10:30 in the library"


def test_an_answer_typed_over_the_leaders_straight_after_a_bold_label(tmp_path: Path) -> None:
    body = p(r("Student name", bold=True), r("Tyler-Jay Penhallow"))
    form = make_form(tmp_path, body, field("meta.completed_by", anchor("label", "Student name")))
    assert reading(form).raw == "Tyler-Jay Penhallow"
    data = fill(form, "Ava Pike")
    assert reading(form, data).raw == "Ava Pike"
