"""Reading values from a PDF's text layer by their labels: a Word PEP printed to PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs import api
from pepdocs.formats import pdf
from pepdocs.formats.pdf._textlayer import TEXT_LAYER_CONFIDENCE, TextLayer
from pepdocs.mapping import Anchor, resolve_form
from pepdocs.model import load_pep
from pepdocs.office import convert
from pepdocs.samples import generate_peps

PAGE = """\
Section 2: The child
 Legal first name           Łucja                                  Middle name(s)       May
 Date of birth              03/09/2015                             Gender               Female
Section 5: Attendance and exclusions
Attendance for the period below, from the register.
 Attendance (%)             96.1%                                  Possible sessions    284
 Carer
 Name                       Gareth Ó Súilleabháin                  Phone                07700 900849
 Social worker
 Name                       Femi Whitfield                         Team                 Team 1
 Notes                      A long answer that wraps onto
                            a second line in its cell
The child's views
 I like football club on Tuesdays.
 I want to be in the school team.

Carer's views
"""


def _find(anchor: Anchor) -> str | None:
    layer = TextLayer([PAGE], ["Carer's views", "The child's views"])
    found = layer.find(anchor)
    return found.text if found else None


def test_a_value_is_the_rest_of_its_label_line_up_to_the_next_column() -> None:
    assert _find(Anchor("label", "Legal first name")) == "Łucja"
    assert _find(Anchor("label", "Middle name(s)")) == "May"
    assert _find(Anchor("label", "Gender")) == "Female"


def test_a_label_written_out_wins_over_a_sentence_starting_with_the_same_word() -> None:
    assert _find(Anchor("label", "Attendance (%)")) == "96.1%"


def test_a_section_scopes_a_label_that_repeats() -> None:
    assert _find(Anchor("label", "Name", {"section": "Social worker"})) == "Femi Whitfield"
    assert _find(Anchor("label", "Name", {"section": "Carer"})) == "Gareth Ó Súilleabháin"


def test_a_wrapped_answer_is_joined_from_its_column() -> None:
    expected = "A long answer that wraps onto a second line in its cell"
    assert _find(Anchor("label", "Notes")) == expected


def test_a_heading_gives_the_text_below_it_up_to_the_next_label() -> None:
    expected = "I like football club on Tuesdays. I want to be in the school team."
    assert _find(Anchor("heading", "The child's views")) == expected


WRAPPED = """\
 Term                    Autumn                             Date of PEP          16/09/2025
                                                            meeting
 Date of previous        23/05/2025                         Next PEP review      12/02/2026
 PEP                                                        due
"""


def test_a_label_that_wraps_in_its_cell_is_found_with_the_value_on_its_first_line() -> None:
    layer = TextLayer([WRAPPED])
    for label, value in [
        ("Date of PEP meeting", "16/09/2025"),
        ("Date of previous PEP", "23/05/2025"),
        ("Next PEP review due", "12/02/2026"),
    ]:
        found = layer.find(Anchor("label", label))
        assert found is not None and found.text == value, label


def test_a_wrapped_label_needs_its_second_part_in_the_same_column() -> None:
    shifted = " Date of previous        23/05/2025\n        PEP\n"
    assert TextLayer([shifted]).find(Anchor("label", "Date of previous PEP")) is None


def test_a_missing_label_finds_nothing() -> None:
    assert _find(Anchor("label", "Date of death")) is None


def test_a_word_pep_printed_to_pdf_gives_back_its_core_fields(
    tmp_path: Path, libreoffice: Path
) -> None:
    form = resolve_form("eastborough", phase="school_age")
    pep = next(generate_peps(1, seed=11, authority="eastborough", phase="school_age"))
    document = tmp_path / "eastborough.docx"
    document.write_bytes(api.fill(pep, form))
    (printed,) = convert([document], "pdf", tmp_path / "pdf")
    reading = pdf.read_text_layer(form, printed.read_bytes(), printed.name)
    assert reading.confidence == TEXT_LAYER_CONFIDENCE < 1.0

    expected = api.mapped_view(load_pep(pep), form)
    core = [
        "child.first_name",
        "child.last_name",
        "child.date_of_birth",
        "child.upn",
        "education.setting_name",
        "education.urn",
        "care.legal_status",
        "care.social_worker.name",
        "meta.meeting_date",
    ]
    found = {}
    for index, spec in enumerate(form.fields):
        if spec.path in core and index in reading.readings:
            raw = reading.readings[index].raw
            found[spec.path] = spec.transform.from_form(raw) if raw is not None else None
    for path in core:
        assert found.get(path) == expected[path], path


def test_the_label_reading_is_not_offered_for_a_pdf_that_is_not_a_pdf() -> None:
    form = resolve_form("eastborough", phase="school_age")
    with pytest.raises(Exception, match=r"letter\.pdf"):
        pdf.read_text_layer(form, b"PK\x03\x04not a pdf", "letter.pdf")
