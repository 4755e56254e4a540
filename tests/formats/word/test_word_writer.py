"""Filling: every anchor kind round-trips awkward text; the package is otherwise untouched."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pepdocs.errors import DocumentError, MappingError
from pepdocs.formats import word

from .docxbuild import (
    anchor,
    document_xml,
    field,
    fill,
    legacy_text,
    make_form,
    p,
    reading,
    round_trip,
    sdt_run,
    tbl,
    tr,
)

AWKWARD = [
    "O'Connor & Sons <Ltd>",
    "{{ child.name }} {% if x %}",
    "Zoë Ní Bhriain – Łucja 王秀英",
    "line one\nline two\n\nline four",
    "tab\tseparated",
    "x" * 5000,
    "  leading and trailing spaces are trimmed  ",
]


def _expected(text: str) -> str:
    return text.strip()


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_round_trips_through_every_text_anchor(tmp_path: Path, text: str) -> None:
    body = (
        p(sdt_run("c"))
        + p(legacy_text("L"))
        + tbl(tr("Name", ""))
        + p("Preferred name:")
        + p("Child's views", style="Heading1")
        + p("")
        + p("End", style="Heading1")
    )
    form = make_form(
        tmp_path,
        body,
        field("a", anchor("control", "c")),
        field("b", anchor("legacy", "L")),
        field("c", anchor("label", "Name")),
        field("d", anchor("label", "Preferred name")),
        field("e", anchor("heading", "Child's views")),
    )
    assert round_trip(form, *[text] * 5) == [_expected(text)] * 5


def test_xml_illegal_control_characters_are_dropped(tmp_path: Path) -> None:
    form = make_form(tmp_path, p(sdt_run("c")), field("a", anchor("control", "c")))
    data = fill(form, "Ava\x00\x07\x1b Thornbury\r\nnext")
    assert reading(form, data).raw == "Ava Thornbury\nnext"


def test_no_jinja_tag_or_prompt_survives_in_a_filled_control(tmp_path: Path) -> None:
    form = make_form(tmp_path, p(sdt_run("c", "{{ f.c }}")), field("a", anchor("control", "c")))
    xml = document_xml(fill(form, "Ava"))
    assert "{{" not in xml


def test_none_leaves_the_blank_as_it_was(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        p(sdt_run("c")) + tbl(tr("Name", "")),
        field("a", anchor("control", "c")),
        field("b", anchor("label", "Name")),
    )
    data = fill(form, None, "Ava")
    assert "Click or tap here to enter text." in document_xml(data)
    assert round_trip(form, None, "Ava") == [None, "Ava"]


def test_a_fallback_anchor_is_written_when_the_primary_is_absent(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        tbl(tr("UPN", "")),
        field("child.upn", anchor("control", "upn"), anchor("label", "UPN")),
    )
    assert round_trip(form, "A123") == ["A123"]


def test_a_template_without_the_anchor_is_a_mapping_error_naming_it(tmp_path: Path) -> None:
    form = make_form(tmp_path, p("nothing"), field("child.upn", anchor("control", "upn", line=31)))
    with pytest.raises(MappingError) as caught:
        fill(form, "A123")
    message = str(caught.value)
    assert "southvale.yaml:31:" in message
    assert "child.upn" in message and "control 'upn'" in message
    assert "A123" not in message


def test_a_non_word_anchor_kind_is_a_mapping_error(tmp_path: Path) -> None:
    form = make_form(tmp_path, p("x"), field("a", anchor("field", "child.name", line=4)))
    with pytest.raises(MappingError, match="not a Word anchor"):
        fill(form, "Ava")


def test_a_list_into_a_text_box_is_refused(tmp_path: Path) -> None:
    form = make_form(tmp_path, p(sdt_run("c")), field("a", anchor("control", "c")))
    with pytest.raises(MappingError, match="holds text"):
        fill(form, [{"Target": "x"}])


def test_option_keys_landing_on_a_text_box_are_written_as_text(tmp_path: Path) -> None:
    form = make_form(tmp_path, p(sdt_run("c")), field("a", anchor("control", "c")))
    assert round_trip(form, ["E", "K"]) == ["E, K"]


def test_parts_other_than_the_body_are_copied_unchanged(tmp_path: Path) -> None:
    form = make_form(tmp_path, p(sdt_run("c")), field("a", anchor("control", "c")))
    template = zipfile.ZipFile(io.BytesIO(Path(form.template).read_bytes()))
    filled = zipfile.ZipFile(io.BytesIO(fill(form, "Ava")))
    assert sorted(template.namelist()) == sorted(filled.namelist())
    for name in template.namelist():
        if name != "word/document.xml":
            assert filled.read(name) == template.read(name), name
    assert filled.testzip() is None


def test_a_prepared_template_fills_many_records_independently(tmp_path: Path) -> None:
    form = make_form(
        tmp_path, p(sdt_run("c")) + tbl(tr("Target"), tr("")), field("a", anchor("control", "c"))
    )
    prepared = word.prepare(form)
    assert word.prepare(form) is prepared  # cached per template file
    first = prepared.fill([(form.fields[0], "Ava")])
    second = prepared.fill([(form.fields[0], "Kai")])
    assert reading(form, first).raw == "Ava"
    assert reading(form, second).raw == "Kai"
    assert prepared.fill([(form.fields[0], "Ava")]) == first  # deterministic output


def test_reading_something_that_is_not_a_docx_fails_with_one_line(tmp_path: Path) -> None:
    form = make_form(tmp_path, p("x"), field("a", anchor("control", "c")))
    with pytest.raises(DocumentError, match=r"completed\.docx"):
        word.read(form, b"%PDF-1.7 not a word file", "completed.docx")


def test_a_copy_of_a_control_in_the_page_header_is_filled_too(tmp_path: Path) -> None:
    import docx as python_docx

    from .docxbuild import NS

    form = make_form(
        tmp_path,
        p(sdt_run("child_name")),
        field("child.first_name", anchor("control", "child_name")),
    )
    # give the template a page header holding the same control
    document = python_docx.Document(str(form.template))
    document.sections[0].header.paragraphs[0].text = "x"
    buffer = io.BytesIO()
    document.save(buffer)
    package = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    header_name = next(n for n in package.namelist() if n.startswith("word/header"))
    header = f"<w:hdr {NS}>{p('Child: ', sdt_run('child_name'))}</w:hdr>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in package.infolist():
            data = header.encode() if info.filename == header_name else package.read(info)
            target.writestr(info.filename, data)
    Path(form.template).write_bytes(out.getvalue())
    data = fill(form, "Ava")
    assert ">Ava<" in zipfile.ZipFile(io.BytesIO(data)).read(header_name).decode()
    assert reading(form, data).raw == "Ava"


def test_filling_never_changes_the_prepared_template(tmp_path: Path) -> None:
    body = tbl(tr("Target", "Lead"), tr("", ""), tr("", "")) + p("Name:") + p(sdt_run("c"))
    form = make_form(
        tmp_path,
        body,
        field(
            "t",
            anchor("table", "", header=["Target", "Lead"]),
            columns=(("d", "Target"), ("l", "Lead")),
        ),
        field("n", anchor("label", "Name", direction="after")),
        field("c", anchor("control", "c")),
    )
    many = [{"Target": f"T{n}", "Lead": "Carer"} for n in range(6)]
    big = fill(form, many, "Ava", "x")
    assert document_xml(big).count("<w:tr>") == 7
    small = fill(form, [{"Target": "T", "Lead": "DT"}], None, None)
    assert document_xml(small).count("<w:tr>") == 3  # header + the template's two rows
    assert "Ava" not in document_xml(small)
    assert "Click or tap here to enter text." in document_xml(small)
