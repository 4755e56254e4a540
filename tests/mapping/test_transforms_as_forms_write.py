"""Values as real forms write them: code-list wordings, natural answers, deliberate blanks.

Each case is a wording seen on public local-authority PEP forms (issue 12): a teacher types
it, and a careful person reads it as the code on the right.
"""

from __future__ import annotations

import pytest

from pepdocs.errors import TransformError
from pepdocs.mapping.transforms import ChoiceTransform, deliberate_blank, make_transform
from pepdocs.model.catalog import field_catalog


def _choice(path: str, values: dict[str, str] | None = None, item: str | None = None):
    info = field_catalog()[path]
    if item is not None:
        info = next(f for f in info.item_fields if f.path == item)
    return make_transform("choice", {"values": values} if values else {}, info)


LEGAL_STATUS_ON_THE_FORM = {"C1": "Interim Care Order", "C2": "Full Care Order", "V2": "Section 20"}


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("S31 Full Care Order", "C2"),
        ("Interim Care Order (S38)", "C1"),
        ("Section 20 (accommodated)", "V2"),
        ("Accommodated under section 20", "V2"),
        ("S31", "C2"),
        ("Care order", "C2"),
    ],
)
def test_legal_status_reads_as_forms_write_it(written: str, code: str) -> None:
    transform = _choice("care.legal_status", LEGAL_STATUS_ON_THE_FORM)
    assert transform.from_form(written) == code


def test_a_contained_wording_is_reported_as_approximate() -> None:
    transform = _choice("care.legal_status", LEGAL_STATUS_ON_THE_FORM)
    code, notes = transform.from_form_noted("S31 Full Care Order")
    assert code == "C2"
    assert notes and "contains" in notes[0]


def test_the_longest_contained_wording_wins_over_a_shorter_one_inside_it() -> None:
    # "care order" (C2) sits inside "interim care order" (C1): not a rival
    transform = _choice("care.legal_status")
    assert transform.from_form("Interim care order granted 3/9/25") == "C1"


def test_an_answer_naming_two_options_is_refused_not_guessed() -> None:
    transform = _choice("targets", item="area")
    with pytest.raises(TransformError, match="more than one option"):
        transform.from_form("Maths and English")


def test_an_option_wording_lost_in_a_long_answer_is_not_read() -> None:
    transform = _choice("care.legal_status", LEGAL_STATUS_ON_THE_FORM)
    with pytest.raises(TransformError):
        transform.from_form("moved from section 20 to an interim order after the hearing in May")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Yes", "met"),
        ("Y", "met"),
        ("Partly", "partly_met"),
        ("Not yet", "not_met"),
        ("Ongoing", "partly_met"),
        ("No", "not_met"),
        ("Achieved", "met"),
    ],
)
def test_natural_outcome_answers_are_read(written: str, code: str) -> None:
    transform = _choice(
        "previous_targets",
        {"met": "Met", "partly_met": "Partly met", "not_met": "Not met"},
        item="outcome",
    )
    assert transform.from_form(written) == code


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Maths", "numeracy"),
        ("English", "literacy"),
        ("Social, emotional and mental health", "semh"),
        ("Communication and language", "communication"),
    ],
)
def test_common_area_names_are_read_where_the_form_lists_its_own(written: str, code: str) -> None:
    transform = _choice(
        "targets",
        {
            "numeracy": "Numeracy",
            "literacy": "Literacy",
            "semh": "Emotional wellbeing (SEMH)",
            "communication": "Speech, language and communication",
        },
        item="area",
    )
    assert transform.from_form(written) == code


def test_a_synonym_never_reads_as_a_code_the_form_does_not_offer() -> None:
    transform = _choice("targets", {"literacy": "Literacy", "semh": "SEMH"}, item="area")
    with pytest.raises(TransformError):
        transform.from_form("Maths")


def test_the_forms_own_label_wins_over_a_code_list_synonym() -> None:
    # a form that prints "None" as its own option for *no SEN*
    transform = _choice("education.sen_provision", {"N": "None", "K": "SEN support", "E": "EHCP"})
    assert transform.from_form("None") == "N"


@pytest.mark.parametrize(
    ("written", "code"),
    [("Yr 7", "7"), ("Year 10", "10"), ("Y11", "11"), ("Reception", "R"), ("F2", "R")],
)
def test_year_groups_as_forms_abbreviate_them(written: str, code: str) -> None:
    assert _choice("education.ncy").from_form(written) == code


def test_ethnicity_with_its_category_prefix() -> None:
    assert _choice("child.ethnicity").from_form("White - Any other White background") == "WOTH"


@pytest.mark.parametrize("written", ["N/A", "n/a", "-", "–", "none", "None.", "TBC", "nil", "/"])
def test_deliberate_blanks_are_recognised(written: str) -> None:
    assert deliberate_blank(written)


@pytest.mark.parametrize(
    "written", ["No", "0", "x", "Nonetheless", "", "Not applicable to me at all really"]
)
def test_answers_are_not_deliberate_blanks(written: str) -> None:
    assert not deliberate_blank(written)


@pytest.mark.parametrize("type_name", ["text", "date", "int", "money", "percent", "bool"])
def test_a_deliberate_blank_reads_as_no_value_with_a_note(type_name: str) -> None:
    transform = make_transform(type_name)
    value, notes = transform.from_form_noted("N/A")
    assert value is None
    assert notes and "deliberate blank" in notes[0]


def test_a_choice_reads_a_deliberate_blank_as_no_value_when_no_option_matches() -> None:
    transform = _choice("care.legal_status", LEGAL_STATUS_ON_THE_FORM)
    assert transform.from_form_noted("n/a")[0] is None


def test_an_open_choice_keeps_what_was_typed() -> None:
    assert ChoiceTransform(None).from_form("anything") == "anything"
