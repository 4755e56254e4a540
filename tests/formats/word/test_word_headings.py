"""Free-text blocks under a heading: paragraphs, a one-cell box, a shaded heading row."""

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

VIEWS = "Child's views"


def test_paragraphs_under_a_heading_up_to_the_next_heading(tmp_path: Path) -> None:
    body = (
        p(VIEWS, style="Heading2")
        + p("I like art.")
        + p("")
        + p("I want to visit my brother.")
        + p("Carer's views", style="Heading2")
        + p("Settled well.")
    )
    form = make_form(tmp_path, body, field("views.child", anchor("heading", VIEWS)))
    found = reading(form)
    assert found.raw == "I like art.\n\nI want to visit my brother."
    assert found.location == 'text under "Child\'s views"'


def test_a_bold_stand_alone_paragraph_counts_as_a_heading(tmp_path: Path) -> None:
    body = p(r(VIEWS, bold=True)) + p("I like art.") + p(r("Next", bold=True)) + p("other")
    form = make_form(tmp_path, body, field("views.child", anchor("heading", VIEWS)))
    assert reading(form).raw == "I like art."


def test_a_one_cell_table_under_a_heading_is_the_box(tmp_path: Path) -> None:
    body = p(VIEWS, style="Heading2") + tbl(tr(tc(p("I like art."), p("And music."))))
    form = make_form(tmp_path, body, field("views.child", anchor("heading", VIEWS)))
    assert reading(form).raw == "I like art.\nAnd music."
    assert round_trip(form, "New view") == ["New view"]


def test_the_row_under_a_shaded_heading_row(tmp_path: Path) -> None:
    body = tbl(
        tr(tc(VIEWS, span=2, shade="D9D9D9")),
        tr(tc("I like art.", span=2)),
        tr("Name", "Ava"),
        cols=2,
    )
    form = make_form(tmp_path, body, field("views.child", anchor("heading", VIEWS)))
    assert reading(form).raw == "I like art."


def test_filling_a_block_writes_one_paragraph_per_line(tmp_path: Path) -> None:
    body = p(VIEWS, style="Heading2") + p("Type here.") + p("Next", style="Heading2")
    form = make_form(tmp_path, body, field("views.child", anchor("heading", VIEWS)))
    text = "Line one & <two>\n\nLine three {{ not a tag }}"
    data = fill(form, text)
    xml = document_xml(data)
    assert "Type here." not in xml
    assert xml.count("<w:p>") + xml.count("<w:p/>") == 5  # two headings, three lines
    assert reading(form, data).raw == text


def test_an_empty_block_before_the_next_heading_is_filled(tmp_path: Path) -> None:
    body = p(VIEWS, style="Heading2") + p("Next", style="Heading2")
    form = make_form(tmp_path, body, field("views.child", anchor("heading", VIEWS)))
    assert reading(form).status == "empty"
    assert round_trip(form, "Happy") == ["Happy"]


def test_level_and_occurrence_pick_among_headings_with_the_same_text(tmp_path: Path) -> None:
    body = (
        p("Views", style="Heading1")
        + p("Overview text")
        + p("Part A", style="Heading1")
        + p("Views", style="Heading2")
        + p("First")
        + p("Part B", style="Heading1")
        + p("Views", style="Heading2")
        + p("Second")
    )
    form = make_form(
        tmp_path,
        body,
        field("a", anchor("heading", "Views", level=1)),
        field("b", anchor("heading", "Views", level=2, occurrence=2)),
    )
    assert round_trip(form, None, None) == ["Overview text", "Second"]


def test_a_style_based_on_a_heading_style_is_a_heading(tmp_path: Path) -> None:
    import io
    import zipfile

    body = p("Child's views", style="PEPSection") + p("I like art.") + p("Next", style="PEPSection")
    form = make_form(tmp_path, body, field("views.child", anchor("heading", "Child's views")))
    package = zipfile.ZipFile(io.BytesIO(Path(form.template).read_bytes()))
    style = (
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="PEPSection">'
        '<w:name w:val="PEP Section"/><w:basedOn w:val="Heading1"/></w:style></w:styles>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in package.infolist():
            data = package.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace(b"</w:styles>", style.encode())
            target.writestr(info.filename, data)
    Path(form.template).write_bytes(out.getvalue())
    assert reading(form).raw == "I like art."


def test_an_italic_instruction_under_a_heading_is_not_the_answer(tmp_path: Path) -> None:
    body = (
        p(VIEWS, style="Heading2")
        + p(r("Use the child's own words.", rpr="<w:i/>"))
        + p("I like art.")
        + p("Next", style="Heading2")
    )
    form = make_form(tmp_path, body, field("views.child", anchor("heading", VIEWS)))
    assert reading(form).raw == "I like art."
    data = fill(form, "I want to swim.")
    xml = document_xml(data)
    assert xml.index("the child's own words") < xml.index("I want to swim.")
    assert reading(form, data).raw == "I want to swim."


def test_an_empty_answer_under_an_instruction_is_filled_after_it(tmp_path: Path) -> None:
    body = (
        p(VIEWS, style="Heading2")
        + p(r("Use the child's own words.", rpr="<w:i/>"))
        + p("Next", style="Heading2")
    )
    form = make_form(tmp_path, body, field("views.child", anchor("heading", VIEWS)))
    assert reading(form).status == "empty"
    data = fill(form, "Happy")
    xml = document_xml(data)
    assert xml.index("the child's own words") < xml.index("Happy") < xml.index("Next")
    assert reading(form, data).raw == "Happy"


def _cell(*paragraphs: str) -> object:
    from lxml import etree

    xml = (
        '<w:tc xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(paragraphs)
        + "</w:tc>"
    )
    return etree.fromstring(xml)


def test_a_label_and_its_prompt_printed_over_the_answer_in_one_cell() -> None:
    from pepdocs.formats.word.headings import label_over_answer

    italic = "<w:i/>"
    prompted = _cell(
        p(r("My views: how is it going, and what would help me?", rpr=italic)),
        p("College is way better than school."),
    )
    bold_then_prompt = _cell(
        p(r("My views: ", bold=True), r("how is it going?", rpr=italic)), p("Fine.")
    )
    instruction_under = _cell(
        p(r("Carer's comments", rpr=italic)), p(r("Use the carer's words", rpr=italic))
    )
    assert label_over_answer(prompted) is not None  # type: ignore[arg-type]
    assert label_over_answer(bold_then_prompt) is not None  # type: ignore[arg-type]
    assert label_over_answer(instruction_under) is None  # type: ignore[arg-type]
