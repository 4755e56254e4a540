"""Legacy form fields: text results, checkbox state in ffData, dropdown indexes, nesting."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.errors import MappingError

from .docxbuild import (
    anchor,
    document_xml,
    field,
    fill,
    legacy_checkbox,
    legacy_dropdown,
    legacy_text,
    make_form,
    p,
    r,
    reading,
    round_trip,
)


def test_a_text_field_reads_its_result_runs(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        p("UPN: ", legacy_text("Text12", "A123456789012")),
        field("child.upn", anchor("legacy", "Text12")),
    )
    found = reading(form)
    assert (found.status, found.raw) == ("found", "A123456789012")
    assert found.location == "legacy form field 'Text12'"


def test_five_en_spaces_mean_an_empty_text_field(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, p(legacy_text("Text12")), field("child.upn", anchor("legacy", "Text12"))
    )
    assert reading(form).status == "empty"


def test_a_text_field_still_showing_its_default_text_is_unanswered(tmp_path: Path) -> None:
    # a protected form's fields print "Enter text" / "DD/MM/YYYY" until someone types
    form = make_form(
        tmp_path,
        p("Date of birth: ", legacy_text("DOB", "DD/MM/YYYY", default="DD/MM/YYYY"))
        + p("UPN: ", legacy_text("UPN", "A123456789012", default="Enter text")),
        field("child.date_of_birth", anchor("legacy", "DOB")),
        field("child.upn", anchor("legacy", "UPN")),
    )
    assert reading(form, number=0).status == "empty"
    assert reading(form, number=1).raw == "A123456789012"


def test_a_text_field_is_found_by_its_bookmark(tmp_path: Path) -> None:
    body = p(
        '<w:bookmarkStart w:id="0" w:name="ChildUPN"/>',
        legacy_text("Text12", "A1"),
        '<w:bookmarkEnd w:id="0"/>',
    )
    form = make_form(tmp_path, body, field("child.upn", anchor("legacy", "ChildUPN")))
    assert reading(form).raw == "A1"


@pytest.mark.parametrize(
    ("checked", "default", "expected"),
    [
        (None, "0", False),
        (None, "1", True),
        ("", "0", True),  # a bare w:checked is on (ST_OnOff)
        ("0", "1", False),  # w:checked wins over w:default
        ("true", None, True),
        ("off", "1", False),
    ],
)
def test_a_checkbox_field_reads_checked_else_default(
    tmp_path: Path, checked: str | None, default: str | None, expected: bool
) -> None:
    form = make_form(
        tmp_path,
        p(legacy_checkbox("Check1", checked, default)),
        field("h", anchor("legacy", "Check1")),
    )
    assert reading(form).raw is expected


def test_a_dropdown_field_reads_the_entry_at_its_result_index(tmp_path: Path) -> None:
    body = p(legacy_dropdown("Drop1", ["Autumn", "Spring", "Summer"], 2))
    form = make_form(tmp_path, body, field("meta.term", anchor("legacy", "Drop1")))
    assert reading(form).raw == "Summer"


def test_a_field_nested_in_another_field_result_is_still_found(tmp_path: Path) -> None:
    outer_begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> IF 1 = 1 </w:instrText></w:r>"
    )
    outer_separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    outer_end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    body = p(outer_begin, outer_separate, legacy_text("Inner", "Ava"), outer_end)
    form = make_form(tmp_path, body, field("child.first_name", anchor("legacy", "Inner")))
    assert reading(form).raw == "Ava"


def test_filling_a_text_field_keeps_its_run_formatting(tmp_path: Path) -> None:
    body = p(legacy_text("Text1", rpr="<w:i/>"))
    form = make_form(tmp_path, body, field("child.first_name", anchor("legacy", "Text1")))
    data = fill(form, "Zoë O'Neill & <co>")
    assert "<w:i/>" in document_xml(data)
    assert "\u2002" not in document_xml(data)
    assert reading(form, data).raw == "Zoë O'Neill & <co>"


def test_a_text_field_with_no_result_part_gets_one(tmp_path: Path) -> None:
    body = p(
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="T"/>'
        "<w:textInput/></w:ffData></w:fldChar></w:r>",
        "<w:r><w:instrText> FORMTEXT </w:instrText></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    form = make_form(tmp_path, body, field("x", anchor("legacy", "T")))
    assert round_trip(form, "Ava") == ["Ava"]


def test_filling_checkbox_and_dropdown_fields(tmp_path: Path) -> None:
    body = p(legacy_checkbox("C", None, "0")) + p(legacy_dropdown("D", ["Autumn", "Spring"], 0))
    form = make_form(
        tmp_path, body, field("a", anchor("legacy", "C")), field("b", anchor("legacy", "D"))
    )
    assert round_trip(form, True, "spring") == [True, "Spring"]


def test_an_unknown_dropdown_entry_is_a_mapping_error(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, p(legacy_dropdown("D", ["Autumn"], 0)), field("meta.term", anchor("legacy", "D"))
    )
    with pytest.raises(MappingError, match=r"meta\.term"):
        fill(form, "Winter")


def test_text_between_fields_is_not_part_of_their_values(tmp_path: Path) -> None:
    body = p(legacy_text("A", "Ava"), r(" and "), legacy_text("B", "Kai"))
    form = make_form(
        tmp_path, body, field("a", anchor("legacy", "A")), field("b", anchor("legacy", "B"))
    )
    assert round_trip(form, None, None) == ["Ava", "Kai"]
