"""Visible text: what a person reading the form sees, joined across runs."""

from __future__ import annotations

from lxml import etree

from pepdocs.formats.word.text import (
    block_text,
    clean_value,
    is_placeholder,
    normalise,
    paragraph_text,
)

from .docxbuild import NS, p, r, sdt_run


def _element(xml: str) -> etree._Element:
    return etree.fromstring(f"<w:body {NS}>{xml}</w:body>")[0]


def test_runs_split_mid_word_are_joined_with_tabs_breaks_and_hyphens() -> None:
    paragraph = _element(
        p(
            r("Da"),
            r("te of bi"),
            "<w:r><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:noBreakHyphen/><w:t>z</w:t></w:r>",
        )
    )
    assert paragraph_text(paragraph) == "Date of bi\tx\ny-z"


def test_deletions_field_codes_and_placeholders_are_not_visible_text() -> None:
    paragraph = _element(
        p(
            '<w:del w:id="1" w:author="A"><w:r><w:delText>old</w:delText></w:r></w:del>',
            '<w:ins w:id="2" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins>',
            "<w:r><w:instrText> PAGE </w:instrText></w:r>",
            sdt_run("x"),
        )
    )
    assert paragraph_text(paragraph) == "new"


def test_block_text_joins_paragraphs_with_newlines() -> None:
    cell = _element(f"<w:tc>{p('one')}{p('')}{p('three')}</w:tc>")
    assert block_text(cell) == "one\n\nthree"


def test_prompts_and_blank_text_are_empty_values() -> None:
    assert clean_value("  Click or tap here to enter text.  ") == ""
    assert clean_value("\u2002\u2002\u2002\u2002\u2002") == ""
    assert clean_value("  Ava\nThornbury ") == "Ava\nThornbury"
    assert is_placeholder("CHOOSE AN ITEM")


def test_labels_normalise_case_spacing_and_trailing_marks() -> None:
    assert normalise("  Date\u00a0of   Birth:* ") == "date of birth"
    assert normalise("By when?") == "by when"
