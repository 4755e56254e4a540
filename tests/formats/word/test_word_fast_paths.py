"""The reader's shortcuts against the plain definitions they replace.

Reading a form quickly (docs/scaling.md) rests on a few shortcuts: rare constructs found in
one libxml2 walk, prompts told apart by a first character, a run's text kept once. Each must
give exactly what the plain definition gives; these tests compare the two on the shipped
forms, filled, and on constructs that are easy to get wrong (text boxes, nested tables,
tracked property changes, symbol fonts, fields).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from pepdocs import api
from pepdocs.formats.word._xml import TC, TR, W_NS, Element
from pepdocs.formats.word.checkboxes import _BOX_INSIDE, box_holders, paragraphs_with_marks
from pepdocs.formats.word.document import DocumentIndex, _heading_candidates
from pepdocs.formats.word.legacy import find_legacy_fields
from pepdocs.formats.word.package import WordPackage
from pepdocs.formats.word.reader import _is_prompt
from pepdocs.formats.word.tables import spanned
from pepdocs.formats.word.text import memoised_reading, normalise
from pepdocs.mapping.transforms import _LINE_BREAKS, _one_line_break
from pepdocs.samples import generate_peps

from .docxbuild import legacy_checkbox, legacy_text, make_docx, p, r, tbl, tc, tr

NS = {"w": W_NS, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}

TEXT_BOX = (
    '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/'
    '2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>{inner}</w:txbxContent>'
    "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{inner}</w:txbxContent>"
    "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)

AWKWARD_BODY = "".join(
    [
        p("Section one", style="Heading1"),
        p("A bold line", bold=True),
        p('<w:pPr><w:outlineLvl w:val="1"/></w:pPr>', "outlined"),
        # a property change keeps old properties one level down: not the paragraph's own
        p(
            '<w:pPr><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>'
            "</w:pPrChange></w:pPr>",
            "restyled",
        ),
        p(
            '<w:r><w:rPr><w:rPrChange w:id="2"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr>'
            "<w:t>was bold</w:t></w:r>"
        ),
        p(TEXT_BOX.format(inner=p("Boxed", bold=True) + p("\u2610 Yes \u2612 No"))),
        tbl(
            tr(tc("Label", shade="D9D9D9"), tc(p(r("Bold in a cell", bold=True)))),
            tr(tc("Wide", span=2)),
            tr(tc("Top", vmerge="restart"), tc("x")),
            tr(tc("", vmerge="continue"), tc(tbl(tr(tc("nested [x]"), tc("\u2612"))))),
            tr(tc(p(legacy_text("Name", "Ava"))), tc(p(legacy_checkbox("Agree", "1")))),
        ),
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:trPr>"
        '<w:gridBefore w:val="1"/></w:trPr>' + tc("shifted") + "</w:tr>"
        "<w:tr>"
        + tc(p('<w:r><w:rPr><w:rFonts w:ascii="WINGDINGS"/></w:rPr><w:t>\u00fe</w:t></w:r>'))
        + tc('<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r></w:p>')
        + "</w:tr></w:tbl>",
        p("Plain text with no box at all"),
    ]
)


def _bodies() -> list[Element]:
    documents = [make_docx(AWKWARD_BODY)]
    for authority, form in (("eastborough", "school_age"), ("westmere", "school_age")):
        for pep in generate_peps(2, seed=4, authority=authority, phase=form):
            documents.append(api.fill(pep, authority, form))
    bodies = []
    for data in documents:
        root = WordPackage.open(data, "form.docx").document()
        body = root[0]
        bodies.append(body)
    return bodies


BODIES = _bodies()


@pytest.mark.parametrize("body", BODIES)
def test_heading_candidates_are_the_xpath_definition(body: Element) -> None:
    xpath = etree.XPath(
        ".//w:p[w:pPr[w:outlineLvl or w:pStyle] or (not(ancestor::w:tc) and .//w:r/w:rPr/w:b)]",
        namespaces=NS,
    )
    assert _heading_candidates(body) == set(xpath(body))


@pytest.mark.parametrize("body", BODIES)
def test_box_holding_paragraphs_are_the_xpath_definition(body: Element) -> None:
    xpath = etree.XPath(f".//w:p[{_BOX_INSIDE}] | .//w:sdt//w:p", namespaces=NS)
    assert paragraphs_with_marks(body) == set(xpath(body))
    each = etree.XPath(f"boolean({_BOX_INSIDE})", namespaces=NS)
    holders = box_holders(body)
    for cell in body.iter(TC):
        assert (cell in holders) == bool(each(cell))


@pytest.mark.parametrize("body", BODIES)
def test_spanned_cells_are_those_with_span_merge_or_offset(body: Element) -> None:
    xpath = etree.XPath(
        ".//w:tc[w:tcPr/w:gridSpan or w:tcPr/w:vMerge] | .//w:tr[w:trPr/w:gridBefore]",
        namespaces=NS,
    )
    assert spanned(body) == set(xpath(body))


@pytest.mark.parametrize("body", BODIES)
def test_a_cells_fields_come_from_the_documents_fields(body: Element) -> None:
    index = DocumentIndex(body.getparent() if body.getparent() is not None else body)
    for cell in body.iter(TC):
        alone = find_legacy_fields(cell)
        shared = index.legacy_in(cell)
        assert [f.begin for f in shared] == [f.begin for f in alone]
        assert [f.value() for f in shared] == [f.value() for f in alone]


@pytest.mark.parametrize("body", BODIES)
def test_texts_read_once_are_the_texts_read_each_time(body: Element) -> None:
    from pepdocs.formats.word.text import block_text, paragraph_text

    plain = [(paragraph_text(e), block_text(e)) for e in body.iter(TC, TR)]
    with memoised_reading():
        remembered = [(paragraph_text(e), block_text(e)) for e in body.iter(TC, TR)]
        again = [(paragraph_text(e), block_text(e)) for e in body.iter(TC, TR)]
    assert remembered == plain == again


PROMPTS = frozenset(
    normalise(text)
    for text in ("Record the parent's views here.", "Click to enter", "\u00df-prompt", ": weird")
)


@given(st.text(alphabet=" \t\n\u00a0:*?.-\u2013\u2014abcREC'\u00df\u1e9e\u0130", max_size=12))
def test_a_prompt_is_told_apart_as_normalise_would(text: str) -> None:
    assert _is_prompt(text, PROMPTS) == (normalise(text) in PROMPTS)


@pytest.mark.parametrize(
    "text",
    ["Record the parent's views here.", "  RECORD the parent's  views here", "::click to enter"],
)
def test_prompts_are_found(text: str) -> None:
    assert _is_prompt(text, PROMPTS)


@given(st.text(max_size=30))
def test_line_breaks_are_unified_as_the_regex_does(text: str) -> None:
    assert _one_line_break(text) == _LINE_BREAKS.sub("\n", text)


def test_line_break_kinds_become_newlines() -> None:
    assert _one_line_break("a\r\nb\rc\vd\u2028e\u2029f\x85g") == "a\nb\nc\nd\ne\nf\ng"
    assert re.fullmatch("plain", _one_line_break("plain"))


@pytest.mark.parametrize("body", BODIES)
def test_boxes_are_looked_for_only_where_a_checkbox_field_can_be(body: Element) -> None:
    from pepdocs.formats.word.checkboxes import labelled_marks, paragraph_tokens

    index = DocumentIndex(body.getparent() if body.getparent() is not None else body)
    every_candidate = paragraphs_with_marks(body)
    assert paragraphs_with_marks(body, index.legacy_by_begin) <= every_candidate
    expected = [
        (paragraph, [(label, mark.element()) for label, mark in pairs])
        for paragraph in index.paragraphs
        if paragraph in every_candidate
        and (pairs := labelled_marks(paragraph_tokens(paragraph, index.legacy_by_begin)))
    ]
    found = [
        (paragraph, [(label, mark.element()) for label, mark in pairs])
        for paragraph, pairs in index.mark_paragraphs
    ]
    assert found == expected


@given(st.text(max_size=12))
def test_the_first_normalised_character_is_normalises(text: str) -> None:
    from pepdocs.formats.word.text import first_normalised_character

    assert first_normalised_character(text) == normalise(text)[:1]
