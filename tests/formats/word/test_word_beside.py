"""Text a teacher types in a field's answer box but outside the field: read with the field
where the box is the field's own, reported with where it is otherwise (issue 12: nothing a
teacher typed is lost without a word)."""

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
    sdt_block,
    sdt_run,
    tbl,
    tc,
    tr,
)


def _box(*content: str) -> str:
    """A one-row table: a shaded label cell and the answer box."""
    return tbl(tr(tc(p("Child's views"), shade="D9D9D9"), tc(*content)))


VIEWS = field("views.child", anchor("control", "views"))


def test_text_typed_after_the_control_in_its_paragraph_is_read_with_it(tmp_path: Path) -> None:
    form = make_form(tmp_path, _box(p(sdt_run("views"))), VIEWS)
    completed = make_docx(_box(p(sdt_run("views", "Likes maths."), " Also enjoys art.")))
    found = reading(form, completed)
    assert found.raw == "Likes maths. Also enjoys art."
    assert any("outside the content control" in note for note in found.notes)


def test_a_new_paragraph_typed_under_the_control_is_read_as_its_next_line(tmp_path: Path) -> None:
    form = make_form(tmp_path, _box(p(sdt_run("views"))), VIEWS)
    completed = make_docx(_box(p(sdt_run("views", "Likes maths.")), p("Wants to join choir.")))
    assert reading(form, completed).raw == "Likes maths.\nWants to join choir."


def test_text_typed_beside_a_control_left_showing_its_prompt_is_the_answer(
    tmp_path: Path,
) -> None:
    form = make_form(tmp_path, _box(p(sdt_run("views"))), VIEWS)
    completed = make_docx(_box(p(sdt_run("views"), "Typed beside the box.")))
    found = reading(form, completed)
    assert found.status == "found"
    assert found.raw == "Typed beside the box."


def test_a_label_the_blank_form_prints_in_the_same_cell_is_not_part_of_the_answer(
    tmp_path: Path,
) -> None:
    blank = tbl(tr(tc(p("Name of school: ", sdt_run("school")))))
    form = make_form(tmp_path, blank, field("education.setting_name", anchor("control", "school")))
    completed = make_docx(tbl(tr(tc(p("Name of school: ", sdt_run("school", "Ferndale"))))))
    found = reading(form, completed)
    assert found.raw == "Ferndale"
    assert not found.notes


def test_guidance_the_blank_form_prints_under_the_control_is_not_part_of_the_answer(
    tmp_path: Path,
) -> None:
    guidance = p("Include what the child enjoys and finds hard.")
    form = make_form(tmp_path, _box(p(sdt_run("views")), guidance), VIEWS)
    completed = make_docx(_box(p(sdt_run("views", "Likes maths.")), guidance))
    assert reading(form, completed).raw == "Likes maths."


def test_a_block_control_with_a_paragraph_typed_after_it_reads_both(tmp_path: Path) -> None:
    form = make_form(tmp_path, _box(sdt_block("views")), VIEWS)
    completed = make_docx(_box(sdt_block("views", p("Inside the box.")), p("After the box.")))
    assert reading(form, completed).raw == "Inside the box.\nAfter the box."


def test_text_typed_after_a_legacy_field_is_read_with_it(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, _box(p(legacy_text("Views"))), field("views.child", anchor("legacy", "Views"))
    )
    completed = make_docx(_box(p(legacy_text("Views", "Happy at school"), " most days.")))
    assert reading(form, completed).raw == "Happy at school most days."


def test_a_box_holding_two_fields_is_not_read_around_either_but_reported(
    tmp_path: Path,
) -> None:
    blank = tbl(tr(tc(p(sdt_run("first")), p(sdt_run("last")))))
    form = make_form(
        tmp_path,
        blank,
        field("child.first_name", anchor("control", "first")),
        field("child.last_name", anchor("control", "last")),
    )
    completed = make_docx(
        tbl(tr(tc(p(sdt_run("first", "Ava")), p(sdt_run("last", "Hale")), p("Known as Avie."))))
    )
    result = read_form(form, completed)
    assert [result.readings[n].raw for n in (0, 1)] == ["Ava", "Hale"]
    assert result.unmapped == ["table 1 row 1: Known as Avie."]


def test_text_typed_where_the_form_has_no_box_is_reported_with_where_it_is(
    tmp_path: Path,
) -> None:
    blank = p("About the child", style="Heading1") + _box(p(sdt_run("views")))
    form = make_form(tmp_path, blank, VIEWS)
    completed = make_docx(
        p("About the child", style="Heading1")
        + p("Moved school in March.")
        + _box(p(sdt_run("views", "Likes maths.")))
    )
    result = read_form(form, completed)
    assert result.readings[0].raw == "Likes maths."
    assert result.unmapped == ["text under 'about the child': Moved school in March."]


def test_what_the_blank_form_prints_is_never_reported(tmp_path: Path) -> None:
    blank = (
        p("About the child", style="Heading1")
        + p("Guidance for the school.")
        + _box(p(sdt_run("views")))
    )
    form = make_form(tmp_path, blank, VIEWS)
    assert read_form(form).unmapped == []


# --- line breaks a LibreOffice re-save moved out of a plain-text control --------------------

from pepdocs.formats.word.beside import restore_breaks  # noqa: E402


def test_glued_sentences_get_their_line_breaks_back() -> None:
    text = "The placement is stable.Health needs are met.School is going well."
    assert restore_breaks(text, 2) == (
        "The placement is stable.\nHealth needs are met.\nSchool is going well.",
        2,
    )


def test_a_double_break_is_placed_once_where_its_place_is_plain() -> None:
    # "\n\n" moved out counts two breaks for one place: the place still gets its break
    assert restore_breaks("One.Two.", 3) == ("One.\nTwo.", 1)


def test_lower_then_capital_is_a_place_only_when_plain_places_are_too_few() -> None:
    assert restore_breaks("MathsEnglish", 1) == ("Maths\nEnglish", 1)
    assert restore_breaks("He uses an iPad.Then reads.", 1) == ("He uses an iPad.\nThen reads.", 1)


def test_more_places_than_breaks_is_left_as_it_is() -> None:
    assert restore_breaks("A.B.C.D.", 1) == ("A.B.C.D.", 0)


def test_text_with_line_breaks_or_no_moved_breaks_is_left_alone() -> None:
    assert restore_breaks("One.\nTwo.Three.", 1) == ("One.\nTwo.Three.", 0)
    assert restore_breaks("One.Two.", 0) == ("One.Two.", 0)


# --- a block-level control in the body, left showing its prompt ------------------------------

QUESTION = p(r("The child's views, in their own words", bold=True))
NEXT = p(r("The carer's views", bold=True))


def test_a_paragraph_typed_under_an_empty_block_control_is_its_answer(tmp_path: Path) -> None:
    form = make_form(tmp_path, QUESTION + sdt_block("views") + NEXT, VIEWS)
    typed = p("School is OK. I like DT and IT.") + p("I want to build computers.")
    found = reading(form, make_docx(QUESTION + sdt_block("views") + typed + NEXT))
    assert found.raw == "School is OK. I like DT and IT.\nI want to build computers."
    assert any("under the content control" in note for note in found.notes)


def test_under_a_filled_block_control_or_past_the_next_question_nothing_more_is_read(
    tmp_path: Path,
) -> None:
    form = make_form(tmp_path, QUESTION + sdt_block("views") + NEXT, VIEWS)
    filled = QUESTION + sdt_block("views", p("In the control.")) + p("Typed after it.") + NEXT
    assert reading(form, make_docx(filled)).raw == "In the control."
    empty = QUESTION + sdt_block("views") + NEXT + p("The carer's answer.")
    assert reading(form, make_docx(empty)).status == "empty"


def test_guidance_the_blank_form_prints_under_a_block_control_is_not_its_answer(
    tmp_path: Path,
) -> None:
    guidance = p("Include what the child said at the meeting.")
    form = make_form(tmp_path, QUESTION + sdt_block("views") + guidance + NEXT, VIEWS)
    completed = make_docx(QUESTION + sdt_block("views") + guidance + NEXT)
    assert reading(form, completed).status == "empty"
    italic = p(r("Use the child's own words.", rpr="<w:i/>"))
    assert reading(form, make_docx(QUESTION + sdt_block("views") + italic + NEXT)).raw is None
