"""Each transform, both ways: model value -> form text -> the same model value."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pepdocs.errors import TransformError
from pepdocs.mapping.spec import ColumnSpec
from pepdocs.mapping.transforms import (
    BoolTransform,
    ChoiceTransform,
    DateTransform,
    DecimalTransform,
    IntTransform,
    JoinTransform,
    ListTransform,
    MoneyTransform,
    PercentTransform,
    RowsTransform,
    TextTransform,
    Transform,
    TransformConfigError,
    bool_word,
    make_transform,
    normalise_label,
)
from pepdocs.model import field_catalog

AWKWARD = [
    "Aisha O'Neill",
    "Tom & Jerry's <b>school</b>",
    "{{ child.first_name }} {% raw %}",
    "Zoë Ñúñez-Łukasiewicz 王小明 😀",
    "x" * 20_000,
    "line one\nline two\n\n  indented",
    "tab\tseparated",
]


def roundtrip(transform: Transform, value: Any) -> Any:
    form_value, notes = transform.to_form_noted(value)
    assert notes == ()
    return transform.from_form(form_value)


# --- text ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", AWKWARD)
def test_text_goes_to_the_form_and_back_unchanged(value: str) -> None:
    assert roundtrip(TextTransform(), value) == value


def test_text_is_stripped_and_blank_is_none() -> None:
    text = TextTransform()
    assert text.from_form("  Aisha  ") == "Aisha"
    assert text.from_form("   ") is None
    assert text.from_form("\u2002\u2002\u2002\u2002\u2002") is None  # an empty legacy field
    assert text.from_form(None) is None
    assert text.to_form(None) is None


def test_text_line_endings_become_newlines() -> None:
    assert TextTransform().from_form("a\r\nb\rc\vd") == "a\nb\nc\nd"


def test_single_line_text_folds_line_breaks_and_says_so_when_writing() -> None:
    single = TextTransform(multiline=False)
    assert single.from_form("Green\n  Lane  School") == "Green Lane School"
    _, notes = single.to_form_noted("two\nlines")
    assert notes and "single-line" in notes[0]


def test_text_reads_a_spreadsheet_number_as_its_digits() -> None:
    assert TextTransform().from_form(12345.0) == "12345"  # type: ignore[arg-type]


def test_text_refuses_a_checkbox() -> None:
    with pytest.raises(TransformError):
        TextTransform().from_form(True)


# --- date ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "written"),
    [
        ("%d/%m/%Y", "03/09/2025"),
        ("%-d %B %Y", "3 September 2025"),
        ("%A %-d %B %Y", "Wednesday 3 September 2025"),
        ("%d.%m.%y", "03.09.25"),
    ],
)
def test_dates_are_written_in_the_forms_format_and_read_back(fmt: str, written: str) -> None:
    date = DateTransform(fmt)
    assert date.reversible
    assert date.to_form("2025-09-03") == written
    assert date.from_form(written) == "2025-09-03"


def test_dates_read_what_people_type_and_word_date_pickers() -> None:
    date = DateTransform()
    assert date.from_form("3rd Sept 2025") == "2025-09-03"
    assert date.from_form("2025-09-03T00:00:00Z") == "2025-09-03"
    assert date.from_form(dt.datetime(2025, 9, 3, 14, 0)) == "2025-09-03"  # type: ignore[arg-type]
    assert date.from_form("") is None


def test_a_us_date_is_an_error_not_a_guess() -> None:
    with pytest.raises(TransformError) as caught:
        DateTransform().from_form("12/13/2025")
    assert caught.value.raw == "12/13/2025"


@pytest.mark.parametrize("fmt", ["%m/%d/%Y", "%d %B", "%B %Y"])
def test_a_format_that_cannot_be_read_back_is_flagged(fmt: str) -> None:
    date = DateTransform(fmt)
    assert not date.reversible
    assert "does not read back" in date.caveat


def test_a_bad_date_format_is_a_config_error() -> None:
    with pytest.raises(TransformConfigError) as caught:
        DateTransform("%d/%m/%Q")
    assert caught.value.option == "format"


@pytest.mark.parametrize("value", ["03/09/2025", "2025-02-30", 20250903, "yesterday"])
def test_a_model_value_that_is_not_an_iso_date_cannot_be_written(value: Any) -> None:
    with pytest.raises(TransformError):
        DateTransform().to_form(value)


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), (" 1,234 ", 1234), ("12.0", 12), ("-3", -3), ("0", 0), ("1 234", 1234)],
)
def test_int_reads_whole_numbers(text: str, number: int) -> None:
    assert IntTransform().from_form(text) == number


@pytest.mark.parametrize("text", ["12.5", "1,23", "twelve", "12a", "1.2.3"])
def test_int_refuses_what_is_not_a_whole_number(text: str) -> None:
    with pytest.raises(TransformError):
        IntTransform().from_form(text)


def test_int_both_ways() -> None:
    assert IntTransform().to_form(7) == "7"
    assert roundtrip(IntTransform(), 1234567) == 1234567
    with pytest.raises(TransformError):
        IntTransform().to_form(True)


def test_decimal_both_ways_and_its_format() -> None:
    assert roundtrip(DecimalTransform(), 12.75) == 12.75
    assert DecimalTransform().to_form(100.0) == "100"
    assert DecimalTransform("{:.1f}").to_form(2.25) == "2.2"
    _, notes = DecimalTransform("{:.1f}").to_form_noted(2.25)
    assert notes and "rounds" in notes[0]


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("1234.50", "£1,234.50"),
        ("0.00", "£0.00"),
        ("2630", "£2,630.00"),
        (2530, "£2,530.00"),
        ("1000000.05", "£1,000,000.05"),
    ],
)
def test_money_is_written_in_pounds_and_read_back_as_a_decimal_string(
    value: Any, written: str
) -> None:
    money = MoneyTransform()
    assert money.to_form(value) == written
    assert money.from_form(written) == f"{float(value):.2f}"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("£1,234.50", "1234.50"),
        ("1234.5", "1234.50"),
        ("GBP 1,234", "1234.00"),
        ("1,234.50 GBP", "1234.50"),
        ("£ 1 234.50", "1234.50"),
        ("£\u00a0300", "300.00"),
        ("50p", "0.50"),
        (".5", "0.50"),
        ("£2,630 pounds", "2630.00"),
    ],
)
def test_money_reading_is_tolerant_of_how_amounts_are_typed(text: str, amount: str) -> None:
    assert MoneyTransform().from_form(text) == amount


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-£5", "negative"),
        ("(£5.00)", "negative"),
        ("£1.234", "two decimal places"),
        ("$100", "another currency"),
        ("€100", "another currency"),
        ("1234,50", "thousands"),
        ("about £300", "number"),
    ],
)
def test_money_refuses_doubtful_amounts(text: str, reason: str) -> None:
    with pytest.raises(TransformError) as caught:
        MoneyTransform().from_form(text)
    assert reason in caught.value.message


def test_money_format_option_and_its_rounding_note() -> None:
    plain = MoneyTransform("{:.2f}")
    assert plain.to_form("1234.5") == "1234.50"
    assert plain.from_form("1234.50") == "1234.50"
    whole = MoneyTransform("£{:,.0f}")
    _, notes = whole.to_form_noted("10.50")
    assert notes
    with pytest.raises(TransformConfigError):
        MoneyTransform("£{amount}")


# --- percent ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["94.5", "94.5%", "94.5 %", " 94.5 per cent"])
def test_percent_reads_with_or_without_the_sign(text: str) -> None:
    assert PercentTransform().from_form(text) == 94.5


def test_percent_both_ways() -> None:
    percent = PercentTransform()
    assert percent.to_form(94.5) == "94.5%"
    assert percent.to_form(100.0) == "100%"
    assert roundtrip(percent, 87.25) == 87.25
    assert PercentTransform("{:.1f}%").to_form(90) == "90.0%"


@pytest.mark.parametrize("text", ["101", "-1", "ninety", "94,5"])
def test_percent_refuses_what_is_not_0_to_100(text: str) -> None:
    with pytest.raises(TransformError):
        PercentTransform().from_form(text)


# --- bool ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Yes", "y", "TRUE", "x", "X", "[x]", "✓", "✔", "☑", "☒", "ticked", "Yes.", " yes "]
)
def test_bool_reads_every_common_yes(text: str) -> None:
    assert BoolTransform().from_form(text) is True


@pytest.mark.parametrize("text", ["No", "n", "false", "☐", "unticked", "[ ]"])
def test_bool_reads_every_common_no(text: str) -> None:
    assert BoolTransform().from_form(text) is False


def test_bool_both_ways_with_default_and_custom_labels() -> None:
    assert roundtrip(BoolTransform(), True) is True
    assert roundtrip(BoolTransform(), False) is False
    custom = BoolTransform("Involved", "Not involved")
    assert custom.to_form(False) == "Not involved"
    assert custom.from_form("not involved") is False
    assert custom.from_form("Involved") is True


@pytest.mark.parametrize(
    ("text", "came"),
    [("Present", True), ("Attended", True), ("Apologies", False), ("Did not attend", False)],
)
def test_an_attendance_column_typed_in_words_reads_as_yes_or_no(text: str, came: bool) -> None:
    assert BoolTransform().from_form(text) is came


def test_a_question_asked_the_other_way_round_reads_and_writes_the_opposite() -> None:
    # "Is the pupil on a full-time timetable?" mapped to education.part_time_timetable
    full_time = make_transform("bool", {"negated": True})
    assert full_time.from_form("YES") is False
    assert full_time.from_form("No") is True
    assert full_time.from_form("N/A") is None
    assert full_time.to_form(True) == "No"
    assert roundtrip(full_time, True) is True and roundtrip(full_time, False) is False
    box = make_transform("bool", {"negated": True, "output": "bool"})
    assert box.to_form(False) is True and box.from_form(True) is False
    with pytest.raises(TransformConfigError, match="negated"):
        make_transform("bool", {"negated": "yes"})


def test_bool_for_checkboxes_and_checkbox_groups() -> None:
    box = BoolTransform(output="bool")
    assert box.to_form(True) is True
    assert box.from_form(False) is False
    group = BoolTransform(output="keys", keys=("yes", "no"))
    assert group.to_form(True) == ["yes"]
    assert group.from_form(["no"]) is False
    assert group.from_form([]) is None
    with pytest.raises(TransformError, match="both"):
        group.from_form(["yes", "no"])


def test_bool_no_answer_and_refusals() -> None:
    assert BoolTransform().from_form("N/A") is None
    with pytest.raises(TransformError, match="cross"):
        BoolTransform().from_form("✗")
    with pytest.raises(TransformError):
        BoolTransform().from_form("Yes - see notes")
    with pytest.raises(TransformError):
        BoolTransform().to_form("yes")


def test_bool_word_tells_yes_from_no() -> None:
    assert bool_word("Yes") is True
    assert bool_word("false") is False
    assert bool_word("maybe") is None


# --- choice ----------------------------------------------------------------------------------

LEGAL = {"C1": "Interim Care Order", "C2": "Full Care Order", "V2": ["Section 20", "S20"]}


def test_choice_writes_the_label_and_reads_it_back_as_the_code() -> None:
    choice = ChoiceTransform(LEGAL)
    assert choice.to_form("C2") == "Full Care Order"
    assert choice.from_form("Full Care Order") == "C2"
    assert roundtrip(choice, "V2") == "V2"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("full care order", "C2"),
        ("Full-Care Order.", "C2"),
        ("C1", "C1"),
        ("s20", "V2"),
        ("  SECTION 20 ", "V2"),
    ],
)
def test_choice_reading_ignores_case_punctuation_and_accepts_codes(text: str, code: str) -> None:
    assert ChoiceTransform(LEGAL).from_form(text) == code


def test_a_close_misspelling_is_read_and_reported_as_approximate() -> None:
    value, notes = ChoiceTransform(LEGAL).from_form_noted("Full Care Ordr")
    assert value == "C2"
    assert "approximate" in notes[0]


def test_fuzzy_matching_can_be_turned_off() -> None:
    with pytest.raises(TransformError):
        ChoiceTransform(LEGAL, threshold=None).from_form("Full Care Ordr")


@pytest.mark.parametrize("text", ["Care Order", "Adopted", "C9"])
def test_an_unknown_option_is_an_error(text: str) -> None:
    with pytest.raises(TransformError) as caught:
        ChoiceTransform(LEGAL).from_form(text)
    assert text not in caught.value.message


def test_choice_writing_an_unknown_code_is_an_error() -> None:
    with pytest.raises(TransformError):
        ChoiceTransform(LEGAL).to_form("Z9")


def test_choice_for_checkbox_groups() -> None:
    group = ChoiceTransform({"E": "EHCP", "K": "SEN Support", "N": "No SEN"}, output="keys")
    assert group.to_form("K") == ["K"]
    assert group.from_form(["K"]) == "K"
    assert group.from_form([]) is None
    with pytest.raises(TransformError, match="several"):
        group.from_form(["E", "K"])


def test_labels_that_read_the_same_are_a_config_error() -> None:
    with pytest.raises(TransformConfigError):
        ChoiceTransform({"A": "Full care order", "B": "full-care order"})


def test_a_choice_without_a_list_writes_and_reads_codes() -> None:
    assert roundtrip(ChoiceTransform(), "X1") == "X1"


def test_labels_with_ampersands_apostrophes_and_accents() -> None:
    choice = ChoiceTransform({"A": "Speech & Language", "B": "Children's Home", "C": "Café"})
    assert choice.from_form("speech and language") == "A"
    assert choice.from_form("childrens home") == "B"
    assert choice.from_form("CAFE") == "C"
    assert normalise_label("Speech & Language") == "speech and language"


# --- join ------------------------------------------------------------------------------------

CARER = ["care.carer.name", "care.carer.phone"]


def carer_join(**options: Any) -> Transform:
    return make_transform("join", {"paths": CARER, **options})


@pytest.mark.parametrize("name", ["Jo O'Neil", "Zoë & Sam <Smith>", "{{ not a tag }}", "x" * 5000])
def test_a_pattern_join_writes_several_values_in_one_box_and_splits_them_back(name: str) -> None:
    join = carer_join(pattern="{{name}} ({{phone}})")
    value = {"care.carer.name": name, "care.carer.phone": "01632 960001"}
    assert join.to_form(value) == f"{name} (01632 960001)"
    assert roundtrip(join, value) == value


def test_a_join_tolerates_respacing_by_editors() -> None:
    join = carer_join(pattern="{{name}} ({{phone}})")
    assert join.from_form("Jo(0123 )") == {"care.carer.name": "Jo", "care.carer.phone": "0123"}


def test_a_separator_join_and_missing_parts() -> None:
    join = carer_join(separator=" / ")
    assert join.to_form({"care.carer.name": "Jo", "care.carer.phone": None}) == "Jo / "
    assert join.from_form("Jo /") == {"care.carer.name": "Jo", "care.carer.phone": None}
    assert join.to_form({"care.carer.name": None}) is None
    assert join.from_form("") == {"care.carer.name": None, "care.carer.phone": None}


def test_a_value_containing_the_separator_is_reported_when_written() -> None:
    join = carer_join(pattern="{{name}} ({{phone}})")
    _, notes = join.to_form_noted({"care.carer.name": "Jo (Jr)", "care.carer.phone": "1"})
    assert notes and "separates" in notes[0]


def test_a_join_on_a_space_splits_at_the_space_and_tolerates_rewrapping() -> None:
    join = make_transform(
        "join", {"paths": ["child.first_name", "child.last_name"], "separator": " "}
    )
    value = {"child.first_name": "Aisha", "child.last_name": "O'Neill"}
    assert join.to_form(value) == "Aisha O'Neill"
    assert join.from_form("Aisha O'Neill") == value
    assert join.from_form(" Aisha\n O'Neill ") == value


def test_a_space_join_says_when_a_part_holds_a_space_and_cannot_split_back() -> None:
    join = make_transform(
        "join", {"paths": ["child.first_name", "child.last_name"], "separator": " "}
    )
    _, notes = join.to_form_noted({"child.first_name": "Mary Jane", "child.last_name": "Smith"})
    assert notes and "separates" in notes[0]


def test_parts_with_nothing_between_them_are_not_reversible() -> None:
    join = carer_join(pattern="{{name}}{{phone}}")
    assert not join.reversible


def test_join_parts_use_their_own_kinds() -> None:
    join = make_transform(
        "join", {"paths": ["child.first_name", "child.date_of_birth"], "separator": ", born "}
    )
    value = {"child.first_name": "Aisha", "child.date_of_birth": "2014-03-01"}
    assert join.to_form(value) == "Aisha, born 01/03/2014"
    assert join.from_form("Aisha, born 1st March 2014") == value
    with pytest.raises(TransformError, match=r"child\.date_of_birth"):
        join.from_form("Aisha, born soon")


def test_text_that_does_not_fit_the_pattern_is_an_error() -> None:
    with pytest.raises(TransformError):
        carer_join(pattern="Name: {{name}}; phone: {{phone}}").from_form("Jo 0123")


@pytest.mark.parametrize(
    "options",
    [
        {"pattern": "{{name}} ({{mobile}})"},
        {"pattern": "{{name}}"},
        {"pattern": "{{name}} {{name}} {{phone}}"},
        {},
        {"pattern": "{{name}}", "separator": ","},
        {"separator": ""},
    ],
)
def test_join_config_errors(options: dict[str, Any]) -> None:
    with pytest.raises(TransformConfigError):
        carer_join(**options)


def test_join_accepts_a_sequence_in_path_order() -> None:
    join = carer_join(separator=", ")
    assert isinstance(join, JoinTransform)
    assert join.to_form(["Jo", "0123"]) == "Jo, 0123"


# --- list and rows ---------------------------------------------------------------------------


def test_a_list_of_texts_one_per_line() -> None:
    lines = ListTransform()
    assert lines.to_form(["Maths", "English & Art"]) == "Maths\nEnglish & Art"
    assert lines.from_form("• Maths\n\n- English & Art\n1. Science") == [
        "Maths",
        "English & Art",
        "Science",
    ]
    assert lines.from_form("") is None
    _, notes = ListTransform(", ").to_form_noted(["a, b", "c"])
    assert notes


def rows_transform() -> RowsTransform:
    return RowsTransform(
        [
            ColumnSpec("description", "Target", TextTransform()),
            ColumnSpec("due_date", "By when", DateTransform("%-d %B %Y"), aliases=("Date",)),
            ColumnSpec("pp_plus_cost", "Cost", MoneyTransform()),
        ]
    )


def test_rows_write_one_row_per_item_keyed_by_header_and_read_back() -> None:
    items = [
        {
            "description": "Read <20> books & review",
            "due_date": "2025-12-19",
            "pp_plus_cost": "150.00",
        },
        {"description": "Swim 25m", "due_date": None, "pp_plus_cost": None},
    ]
    rows = rows_transform().to_form(items)
    assert rows == [
        {"Target": "Read <20> books & review", "By when": "19 December 2025", "Cost": "£150.00"},
        {"Target": "Swim 25m", "By when": "", "Cost": ""},
    ]
    assert rows_transform().from_form(rows) == items


def test_rows_read_alias_headers_and_drop_blank_rows() -> None:
    rows = [{"Target": "Swim", "Date": "1/1/2026"}, {"Target": " ", "By when": ""}]
    assert rows_transform().from_form(rows) == [  # type: ignore[arg-type]
        {"description": "Swim", "due_date": "2026-01-01", "pp_plus_cost": None}
    ]


def test_one_bad_cell_names_row_and_column_or_is_left_empty_with_a_note() -> None:
    rows = [{"Target": "Swim", "By when": "soon", "Cost": ""}]
    with pytest.raises(TransformError, match="row 1, column 'By when'"):
        rows_transform().from_form(rows)
    items, notes = rows_transform().from_form_noted(rows)
    assert items == [{"description": "Swim", "due_date": None, "pp_plus_cost": None}]
    assert "row 1" in notes[0]


# --- the factory -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("child.first_name", TextTransform),
        ("child.date_of_birth", DateTransform),
        ("care.number_of_placements", IntTransform),
        ("pp_plus.requested_total", MoneyTransform),
        ("education.attendance.percent", PercentTransform),
        ("health.camhs_involved", BoolTransform),
        ("care.legal_status", ChoiceTransform),
    ],
)
def test_the_default_transform_follows_the_model_kind(path: str, kind: type) -> None:
    assert isinstance(make_transform(None, {}, field_catalog()[path]), kind)


def test_choice_labels_default_to_the_model_code_list() -> None:
    choice = make_transform(None, {}, field_catalog()["education.sen_provision"])
    assert choice.from_form("EHCP") == "E"
    assert choice.to_form("N") == "No special educational need"


def test_choice_labels_can_come_from_an_injected_code_list() -> None:
    choice = make_transform(
        None, {}, field_catalog()["care.legal_status"], code_lists=lambda name: {"C2": "FCO"}
    )
    assert choice.to_form("C2") == "FCO"


def test_bool_values_come_as_a_mapping_or_a_pair() -> None:
    assert (
        make_transform("bool", {"values": {True: "Ticked", False: "Not ticked"}}).to_form(True)
        == "Ticked"
    )
    assert make_transform("bool", {"values": ["Y", "N"]}).to_form(False) == "N"
    with pytest.raises(TransformConfigError):
        make_transform("bool", {"values": {"yes": "Y"}})


@pytest.mark.parametrize(
    ("type_name", "options"),
    [
        ("colour", {}),
        ("choice", {"values": "C1"}),
        ("choice", {"threshold": 10}),
        ("text", {"multiline": "yes"}),
        ("money", {"format": 12}),
        ("percent", {"format": "{:d}%"}),
        ("rows", {}),
    ],
)
def test_factory_config_errors(type_name: str, options: dict[str, Any]) -> None:
    with pytest.raises(TransformConfigError):
        make_transform(type_name, options)


def test_a_section_path_has_no_default_transform() -> None:
    with pytest.raises(TransformConfigError):
        make_transform(None, {}, field_catalog()["care"])


def test_a_money_box_holding_only_the_pound_sign_is_empty() -> None:
    assert MoneyTransform().from_form("£") is None
    assert MoneyTransform().from_form(" £ ") is None


@pytest.mark.parametrize("text", ["+", "\u2212"])  # "-" alone is a deliberate blank
def test_a_sign_alone_is_no_number_and_no_crash(text: str) -> None:
    with pytest.raises(TransformError, match="expected a number"):
        MoneyTransform().from_form(text)
