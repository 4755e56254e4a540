"""Reading a whole document: anchor order, missing anchors, unmapped content, remarks."""

from __future__ import annotations

from pathlib import Path

from .docxbuild import (
    anchor,
    field,
    legacy_text,
    make_docx,
    make_form,
    p,
    r,
    read_form,
    reading,
    sdt_run,
    tbl,
    tr,
)


def test_no_anchor_found_means_missing(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        p("nothing here"),
        field("child.upn", anchor("control", "upn"), anchor("label", "UPN")),
    )
    found = reading(form)
    assert found.status == "missing"
    assert found.anchor is None


def test_a_fallback_anchor_is_used_when_the_control_was_lost(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        tbl(tr("UPN", "A123")),
        field("child.upn", anchor("control", "upn"), anchor("label", "UPN")),
    )
    found = reading(form)
    assert (found.status, found.raw) == ("found", "A123")
    assert found.anchor is not None and found.anchor.kind == "label"
    assert "read from fallback anchor label 'UPN'" in found.notes


def test_an_empty_primary_anchor_yields_to_a_fallback_with_a_value(tmp_path: Path) -> None:
    body = p(sdt_run("upn")) + tbl(tr("UPN", "A123"))
    form = make_form(
        tmp_path, body, field("child.upn", anchor("control", "upn"), anchor("label", "UPN"))
    )
    found = reading(form)
    assert found.raw == "A123"
    assert "control 'upn' is empty" in found.notes


def test_an_empty_primary_and_empty_fallback_read_as_empty_at_the_primary(tmp_path: Path) -> None:
    body = p(sdt_run("upn")) + tbl(tr("UPN", ""))
    form = make_form(
        tmp_path, body, field("child.upn", anchor("control", "upn"), anchor("label", "UPN"))
    )
    found = reading(form)
    assert found.status == "empty"
    assert found.location == "content control 'upn'"


def test_fields_marked_not_for_extraction_are_not_read(tmp_path: Path) -> None:
    from dataclasses import replace

    spec = replace(field("x", anchor("label", "UPN")), extract=False)
    form = make_form(tmp_path, tbl(tr("UPN", "A1")), spec)
    assert read_form(form).readings == {}


def test_typed_content_no_field_maps_is_listed_as_unmapped(tmp_path: Path) -> None:
    template = tbl(tr("Name", ""), tr("Hobbies", ""), tr("Guidance", "Ask the child first."))
    form = make_form(tmp_path, template, field("child.first_name", anchor("label", "Name")))
    completed = make_docx(
        tbl(tr("Name", "Ava"), tr("Hobbies", "Chess"), tr("Guidance", "Ask the child first."))
        + p(sdt_run("pet", "Rabbit"))
        + p(legacy_text("Text9", "Blue"))
    )
    unmapped = read_form(form, completed).unmapped
    assert "Hobbies: Chess" in unmapped
    assert "pet: Rabbit" in unmapped
    assert "Text9: Blue" in unmapped
    assert not any(item.startswith("Name") or item.startswith("Guidance") for item in unmapped)


def test_cells_of_a_tables_unmapped_columns_are_listed_with_header_and_row(
    tmp_path: Path,
) -> None:
    header = tr("Target", "Why?", "By when")
    template = tbl(header, tr("", "", ""))
    targets = field(
        "targets",
        anchor("table", "Target | By when", header=("Target", "By when")),
        columns=(("description", "Target"), ("due_date", "By when")),
    )
    form = make_form(tmp_path, template, targets)
    completed = make_docx(tbl(header, tr("Read daily", "Reading age is 7", "30/01/2026")))
    assert read_form(form, completed).unmapped == ["Why? (table 1 row 1): Reading age is 7"]


def test_an_answer_under_a_label_row_is_listed_when_no_field_reads_it(tmp_path: Path) -> None:
    label = '<w:tc><w:tcPr><w:shd w:val="clear" w:fill="D9D9D9"/></w:tcPr><w:p><w:r>'
    label += "<w:t>What I enjoy doing</w:t></w:r></w:p></w:tc>"
    template = tbl(tr("Name", ""), tr(label), tr(""))
    form = make_form(tmp_path, template, field("child.first_name", anchor("label", "Name")))
    completed = make_docx(tbl(tr("Name", "Ava"), tr(label), tr("Lego, dinosaurs")))
    assert "What I enjoy doing: Lego, dinosaurs" in read_form(form, completed).unmapped


def test_answers_under_a_row_of_labels_are_listed_under_their_labels(tmp_path: Path) -> None:
    shaded = '<w:tc><w:tcPr><w:shd w:val="clear" w:fill="D9D9D9"/></w:tcPr><w:p><w:r><w:t>{}'
    labels = tr(*(shaded.format(text) + "</w:t></w:r></w:p></w:tc>" for text in ("A", "B", "C")))
    template = tbl(tr("Name", "")) + tbl(labels, tr("", "", ""))
    form = make_form(tmp_path, template, field("child.first_name", anchor("label", "Name")))
    completed = make_docx(tbl(tr("Name", "Ava")) + tbl(labels, tr("94.5", "6", "2")))
    # never "A: B" (two labels side by side) nor "6: 2" (two answers side by side)
    assert read_form(form, completed).unmapped == ["A: 94.5", "B: 6", "C: 2"]


def test_a_line_of_boxes_no_field_reads_is_listed_by_its_question(tmp_path: Path) -> None:
    template = tbl(tr("Name", "")) + p("Is the child on track?  ☐ Yes  ☐ No")
    form = make_form(tmp_path, template, field("child.first_name", anchor("label", "Name")))
    completed = make_docx(tbl(tr("Name", "Ava")) + p("Is the child on track?  ☐ Yes  ☒ No"))
    assert read_form(form, completed).unmapped == ["Is the child on track?: No"]


def test_tracked_changes_are_read_as_accepted_and_noted(tmp_path: Path) -> None:
    change = 'w:id="1" w:author="DT" w:date="2025-10-01T10:00:00Z"'
    body = tbl(
        tr(
            "Name",
            f"<w:tc><w:p><w:del {change}><w:r><w:delText>Eva</w:delText></w:r></w:del>"
            f"<w:ins {change}>{r('Ava')}</w:ins></w:p></w:tc>",
        )
    )
    form = make_form(tmp_path, body, field("child.first_name", anchor("label", "Name")))
    result = read_form(form)
    assert result.readings[0].raw == "Ava"
    assert "tracked changes present: read as if all were accepted" in result.notes


def test_controls_without_tags_are_noted(tmp_path: Path) -> None:
    body = tbl(tr("UPN", p(sdt_run(None, "A123"))))
    form = make_form(
        tmp_path, body, field("child.upn", anchor("control", "upn"), anchor("label", "UPN"))
    )
    result = read_form(form)
    assert result.readings[0].raw == "A123"
    assert any(note.startswith("re-saved without content-control tags") for note in result.notes)


def test_text_boxes_are_not_read_twice(tmp_path: Path) -> None:
    alternate = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>'
        "<mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = tbl(tr("Name", p(r("Ava"), alternate)))
    form = make_form(tmp_path, body, field("n", anchor("label", "Name")))
    assert reading(form).raw == "Ava"


def test_split_runs_with_tabs_and_breaks_read_as_typed(tmp_path: Path) -> None:
    body = tbl(
        tr(
            p(r("Da"), r("te of "), r("birth")),
            p(r("03/0"), r("9/2015"), "<w:r><w:tab/></w:r>", r("(approx)")),
        )
    )
    form = make_form(tmp_path, body, field("dob", anchor("label", "Date of birth")))
    assert reading(form).raw == "03/09/2015\t(approx)"


def test_the_template_prompt_is_empty_after_an_editor_drops_the_placeholder_flag(
    tmp_path: Path,
) -> None:
    prompt = "Record the parent's views, if they take part."
    custom = (
        '<w:sdt><w:sdtPr><w:tag w:val="parent"/><w:showingPlcHdr/><w:text/></w:sdtPr>'
        f"<w:sdtContent>{r(prompt)}</w:sdtContent></w:sdt>"
    )
    form = make_form(tmp_path, p(custom), field("views.parent", anchor("control", "parent")))
    resaved = make_docx(p(sdt_run("parent", prompt)))  # same text, no showingPlcHdr
    assert reading(form, resaved).status == "empty"
    assert read_form(form, resaved).unmapped == []


def test_a_box_a_field_read_is_not_reported_as_unmapped(tmp_path: Path) -> None:
    from .docxbuild import checkbox_control, tc

    outer = (
        '<w:sdt><w:sdtPr><w:alias w:val="CAMHS involved"/></w:sdtPr><w:sdtContent>'
        + p(checkbox_control(None, False))
        + "</w:sdtContent></w:sdt>"
    )
    body = tbl(tr("CAMHS involved", tc(outer)))
    form = make_form(
        tmp_path, body, field("health.camhs_involved", anchor("checkbox", "CAMHS involved"))
    )
    result = read_form(form)
    assert result.readings[0].raw is False
    assert result.unmapped == []


def _text_box(content: str) -> str:
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        f"{content}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f"<w:txbxContent>{content}</w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_a_text_box_stored_twice_is_read_once_and_both_copies_are_filled(tmp_path: Path) -> None:
    from .docxbuild import document_xml, fill

    box = _text_box(tbl(tr("Hobbies", "")) + p(sdt_run("pet")))
    form = make_form(tmp_path, p(box), field("pet", anchor("control", "pet")))
    data = fill(form, "Rabbit")
    assert document_xml(data).count(">Rabbit<") == 2
    assert read_form(form, data).readings[0].raw == "Rabbit"
    typed = make_docx(p(_text_box(tbl(tr("Hobbies", "Chess")) + p(sdt_run("pet", "Rabbit")))))
    assert read_form(form, typed).unmapped == ["Hobbies: Chess"]


def test_a_revised_answer_is_noted_on_its_reading(tmp_path: Path) -> None:
    change = 'w:id="2" w:author="DT" w:date="2025-10-01T10:00:00Z"'
    revised = f"<w:tc><w:p><w:ins {change}>{r('A123')}</w:ins></w:p></w:tc>"
    form = make_form(tmp_path, tbl(tr("UPN", revised)), field("child.upn", anchor("label", "UPN")))
    assert "tracked changes here: read as if accepted" in reading(form).notes


def test_every_anchor_kind_on_an_empty_document_is_missing(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        "",
        field("a", anchor("control", "a")),
        field("b", anchor("legacy", "b")),
        field("c", anchor("bookmark", "c")),
        field("d", anchor("label", "d", direction="right", section="S")),
        field("e", anchor("checkbox", "e")),
        field("f", anchor("checkboxes", "", options={"x": "X", "y": "Y"})),
        field("g", anchor("table", "", header=["G"]), columns=(("g", "G"),)),
        field("h", anchor("heading", "h", level=2)),
        field("i", anchor("cell", "", table=1, row=1, col=1)),
    )
    result = read_form(form)
    assert {r.status for r in result.readings.values()} == {"missing"}
    assert result.unmapped == [] and result.notes == []


def test_a_form_last_saved_by_another_editor_is_noted(tmp_path: Path) -> None:
    import io
    import zipfile

    form = make_form(tmp_path, tbl(tr("UPN", "")), field("child.upn", anchor("label", "UPN")))
    completed = make_docx(tbl(tr("UPN", "A123")))
    package = zipfile.ZipFile(io.BytesIO(completed))
    app = (
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats'
        '.org/officeDocument/2006/extended-properties"><Application>LibreOffice/7.4.7.2$Linux'
        "</Application></Properties>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in package.infolist():
            data = app.encode() if info.filename == "docProps/app.xml" else package.read(info)
            target.writestr(info.filename, data)
    assert read_form(form, out.getvalue()).notes == ["last saved by LibreOffice"]
    assert read_form(form, completed).notes == []
