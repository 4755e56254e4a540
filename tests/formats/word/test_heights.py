"""Rows of fixed height never hide an answer: a row whose height rule is ``exact`` becomes an
``at least`` row when a value is written into it, and a value it would have cut off is
reported; the copy made for printing leaves prompts blank."""

from __future__ import annotations

from pathlib import Path

from pepdocs.formats import word
from pepdocs.mapping.spec import FillNote

from .docxbuild import PLACEHOLDER, anchor, document_xml, field, make_form, p, sdt_run, tbl, tc

EXACT_ROW = (
    '<w:tr><w:trPr><w:trHeight w:val="400" w:hRule="exact"/></w:trPr>'
    '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Views</w:t></w:r>'
    "</w:p></w:tc>"
    '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr>'
)


def test_a_long_answer_in_an_exact_row_makes_it_grow_and_is_reported(tmp_path: Path) -> None:
    form = make_form(tmp_path, tbl(EXACT_ROW), field("views.child", anchor("label", "Views")))
    notes: list[FillNote] = []
    filled = word.fill(form, [(form.fields[0], "A long answer. " * 30)], notes=notes)
    xml = document_xml(filled)
    assert 'w:hRule="exact"' not in xml and 'w:hRule="atLeast"' in xml
    assert [(note.path, note.kind) for note in notes] == [("views.child", "taller")]
    assert "A long answer" not in str(notes[0])  # what was done, never the value


def test_a_short_answer_grows_the_row_too_but_is_not_reported(tmp_path: Path) -> None:
    form = make_form(tmp_path, tbl(EXACT_ROW), field("views.child", anchor("label", "Views")))
    notes: list[FillNote] = []
    filled = word.fill(form, [(form.fields[0], "Fine.")], notes=notes)
    assert 'w:hRule="atLeast"' in document_xml(filled)
    assert notes == []


def test_an_empty_box_keeps_its_exact_row(tmp_path: Path) -> None:
    form = make_form(tmp_path, tbl(EXACT_ROW), field("views.child", anchor("label", "Views")))
    filled = word.fill(form, [(form.fields[0], None)])
    assert 'w:hRule="exact"' in document_xml(filled)


def test_the_print_copy_blanks_a_prompt_and_keeps_an_answer(tmp_path: Path) -> None:
    body = tbl(
        "<w:tr>"
        + tc("Name")
        + tc(p(sdt_run("name")))
        + "</w:tr>",
        "<w:tr>" + tc("School") + tc(p(sdt_run("school", "Elm Primary"))) + "</w:tr>",
    )
    form = make_form(tmp_path, body)
    printed = document_xml(word.print_copy(form.template.read_bytes(), "form.docx"))
    assert PLACEHOLDER not in printed and "Elm Primary" in printed
    assert printed.count("<w:sdt>") == 2  # the boxes stay; only the prompt's words go
