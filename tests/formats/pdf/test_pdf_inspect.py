"""The PDF engine's inspection API reads a form the way a person does: the label left of a
box, the question above a box, the word beside a checkbox, the column header over a table's
cells, the section heading over all of them; one small form per layout kind, with fields
named only Text1, Check Box1, Group1."""

from __future__ import annotations

import pytest

from pepdocs import DocumentError
from pepdocs.formats.pdf import inspect as pdf
from pepdocs.formats.pdf.inspect import FormLayout, Widget

from .autoforms import AutoForm


def _layout(form: AutoForm) -> FormLayout:
    return pdf.open_form(form.save(), "form.pdf")


def _widget(layout: FormLayout, name: str) -> Widget:
    return next(widget for widget in layout.widgets if widget.name == name)


def _text(label: pdf.Label | None) -> str | None:
    return label.text if label is not None else None


def test_a_label_left_of_a_box_on_its_line_is_its_label() -> None:
    form = AutoForm()
    (dob,) = form.beside("Date of birth")
    layout = _layout(form)
    widget = _widget(layout, dob)
    assert widget.kind == "text"
    assert widget.page == 1
    assert _text(widget.left) == "Date of birth"
    assert widget.above is None and widget.column is None


def test_two_label_and_box_pairs_on_one_line_each_have_their_own_label() -> None:
    form = AutoForm()
    dob, gender = form.beside("Date of birth", second=("Gender", ""))
    layout = _layout(form)
    assert _text(_widget(layout, dob).left) == "Date of birth"
    # "Date of birth" is further left, but a box stands between it and the second box
    assert _text(_widget(layout, gender).left) == "Gender"
    assert layout.tables == ()


def test_a_label_wrapped_in_its_column_is_read_whole() -> None:
    form = AutoForm()
    (box,) = form.beside("Date became looked after", wrapped=True)
    assert _text(_widget(_layout(form), box).left) == "Date became looked after"


def test_a_question_above_a_multi_line_box_is_its_label() -> None:
    form = AutoForm()
    form.beside("UPN")
    (views,) = form.under("Child's views")
    widget = _widget(_layout(form), views)
    assert widget.kind == "multiline"
    assert widget.left is None
    assert _text(widget.above) == "Child's views"


@pytest.mark.parametrize("words_left", [False, True])
def test_the_word_beside_each_checkbox_is_printed_next_to_it(words_left: bool) -> None:
    form = AutoForm()
    no_sen, support, ehcp = form.options(
        "SEN provision", ["No SEN", "SEN support", "EHCP"], words_left=words_left
    )
    layout = _layout(form)
    side = "left" if words_left else "right"
    words = [_text(getattr(_widget(layout, name), side)) for name in (no_sen, support, ehcp)]
    assert words == ["No SEN", "SEN support", "EHCP"]
    # the row of boxes, left to right, is one line of the layout
    assert [w.name for w in layout.rows[-1]] == [no_sen, support, ehcp]
    if words_left:
        first = _widget(layout, no_sen).left
        assert first is not None
        before = layout.phrase_before(first.phrases[0])
        assert before is not None and before.text == "SEN provision"
    else:
        assert _text(_widget(layout, no_sen).left) == "SEN provision"


def test_radio_buttons_are_one_field_each_with_its_on_state_and_word() -> None:
    form = AutoForm()
    group = form.radio("Legal status", ["S20", "Full care order"], ["Choice1", "Choice2"])
    buttons = [w for w in _layout(form).widgets if w.name == group]
    assert [(b.kind, b.state, _text(b.right)) for b in buttons] == [
        ("radio", "/Choice1", "S20"),
        ("radio", "/Choice2", "Full care order"),
    ]


def test_a_grid_of_fields_under_printed_headers_is_a_table() -> None:
    form = AutoForm()
    form.heading("Targets")
    names = form.table(["Target", "Who", "By when"], rows=3)
    layout = _layout(form)
    (table,) = layout.tables
    assert table.header == ("Target", "Who", "By when")
    assert table.rows == tuple(tuple(row) for row in names)
    assert table.kinds == ("text", "text", "text")
    assert table.section == "Targets"
    assert [_widget(layout, name).column for name in names[2]] == ["Target", "Who", "By when"]


def test_a_header_over_a_centred_checkbox_column_heads_it() -> None:
    form = AutoForm()
    names = form.table(["Name", "Role", "Attended"], rows=2, checkbox_columns=["Attended"])
    (table,) = _layout(form).tables
    assert table.header == ("Name", "Role", "Attended")
    assert table.kinds == ("text", "text", "checkbox")
    assert table.rows[1] == tuple(names[1])


def test_label_and_box_lines_one_under_another_are_not_a_table() -> None:
    form = AutoForm()
    form.beside("Date of birth", second=("Gender", ""))
    form.beside("Ethnicity", second=("First language", ""))
    form.beside("UPN", second=("ULN", ""))
    assert _layout(form).tables == ()


def test_one_row_of_boxes_under_labels_is_not_a_table() -> None:
    form = AutoForm()
    names = form.table(["Date of PEP", "Date of next PEP"], rows=1)
    layout = _layout(form)
    assert layout.tables == ()
    assert [_text(_widget(layout, name).above) for name in names[0]] == [
        "Date of PEP",
        "Date of next PEP",
    ]


def test_each_box_knows_the_heading_it_sits_under_across_pages() -> None:
    form = AutoForm()
    form.heading("Social worker")
    (first,) = form.beside("Name")
    form.note("Guidance: the social worker completes this part before the meeting.")
    form.new_page()
    (second,) = form.beside("Email")
    form.heading("Designated teacher")
    (third,) = form.beside("Name")
    layout = _layout(form)
    assert [h.text for h in layout.headings] == [
        "Personal Education Plan",
        "Social worker",
        "Designated teacher",
    ]
    assert [_widget(layout, n).section for n in (first, second, third)] == [
        "Social worker",
        "Social worker",
        "Designated teacher",
    ]
    assert _widget(layout, second).page == 2


def test_the_title_is_the_largest_text_of_the_first_page() -> None:
    form = AutoForm("Post 16 Personal Education Plan")
    form.beside("ULN")
    assert _layout(form).title == "Post 16 Personal Education Plan"


def test_a_pdf_without_fields_has_no_widgets_but_its_text() -> None:
    form = AutoForm()
    form.note("Printed from the case record.")
    layout = _layout(form)
    assert layout.widgets == () and layout.tables == ()
    assert [p.text for p in layout.phrases] == [
        "Personal Education Plan",
        "Printed from the case record.",
    ]


def test_a_file_that_is_not_a_pdf_is_refused_in_one_line() -> None:
    with pytest.raises(DocumentError, match=r"^notes\.pdf: is empty"):
        pdf.open_form(b"", "notes.pdf")
