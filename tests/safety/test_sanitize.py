"""Text going into XML loses illegal control characters; text going into a spreadsheet cannot
start a formula."""

from __future__ import annotations

import io

import docx
import pytest

from pepdocs.safety import clean_text, export_cell, neutralise_formula


def test_control_characters_are_dropped_and_tab_and_newline_kept() -> None:
    assert clean_text("A\x00B\x07C\x0bD\x0cE\x1fF\tG\nH") == "ABCDEF\tG\nH"


def test_carriage_returns_become_newlines() -> None:
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_lone_surrogates_and_non_characters_are_dropped() -> None:
    assert clean_text("a\ud800b\uffffc\ufffed") == "abcd"


def test_ordinary_text_is_unchanged() -> None:
    text = "Aisha's targets: read 20 mins/day – “stretch” £150 ☑ 😀"
    assert clean_text(text) == text


def test_cleaned_text_can_be_saved_by_python_docx() -> None:
    document = docx.Document()
    with pytest.raises(ValueError):
        document.add_paragraph("bad\x0bvalue")
    document.add_paragraph(clean_text("bad\x0bvalue"))
    document.save(io.BytesIO())


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","click")',
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "=1+1",
    ],
)
def test_formula_triggers_are_quoted(text: str) -> None:
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["+44 7700 900123", "-12.50", "-3", "(0)1234", "Reading", ""])
def test_plain_numbers_phones_and_words_are_left_alone(text: str) -> None:
    assert neutralise_formula(text) == text


def test_export_cell_cleans_and_neutralises_strings_only() -> None:
    assert export_cell("=1\x00+1") == "'=1+1"
    assert export_cell(3) == 3
    assert export_cell(None) is None
    assert export_cell(True) is True
