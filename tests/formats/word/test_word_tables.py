"""Tables: merged cells, labels right and below, repeating tables by header row."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.errors import MappingError

from .docxbuild import (
    anchor,
    document_xml,
    field,
    fill,
    make_form,
    p,
    r,
    reading,
    round_trip,
    tbl,
    tc,
    tr,
)

TARGETS = (("description", "Target"), ("lead", "Lead person"), ("due_date", "By when"))


def targets_field(*headers: str) -> object:
    return field(
        "targets",
        anchor(
            "table",
            "Target | Lead person | By when",
            header=list(headers or ("Target", "Lead person", "By when")),
        ),
        columns=TARGETS,
    )


def test_a_label_finds_the_cell_to_its_right(tmp_path: Path) -> None:
    body = tbl(tr("Name", "Ava Thornbury", "Date of birth:", "03/09/2015"))
    form = make_form(
        tmp_path,
        body,
        field("child.first_name", anchor("label", "Name")),
        field("child.date_of_birth", anchor("label", "Date of birth")),
    )
    assert round_trip(form, None, None) == ["Ava Thornbury", "03/09/2015"]
    assert reading(form, number=1).location == "table 1 row 1 (right of 'Date of birth')"


def test_a_label_with_a_note_still_matches(tmp_path: Path) -> None:
    body = tbl(tr("Date of birth (dd/mm/yyyy)", "03/09/2015"))
    form = make_form(tmp_path, body, field("dob", anchor("label", "Date of birth")))
    assert reading(form).raw == "03/09/2015"


def test_a_row_of_bold_label_cells_has_its_values_below(tmp_path: Path) -> None:
    body = tbl(tr(tc(p("UPN", bold=True)), tc(p("ULN", bold=True))), tr("A123", "1234567890"))
    form = make_form(
        tmp_path,
        body,
        field("child.upn", anchor("label", "UPN")),
        field("child.uln", anchor("label", "ULN")),
    )
    assert round_trip(form, None, None) == ["A123", "1234567890"]


def test_direction_below_is_honoured(tmp_path: Path) -> None:
    body = tbl(tr("Carer", "Social worker"), tr("Jo Marsh", "Sam Okafor"))
    form = make_form(
        tmp_path, body, field("care.carer.name", anchor("label", "Carer", direction="below"))
    )
    assert reading(form).raw == "Jo Marsh"


def test_merged_cells_are_counted_once(tmp_path: Path) -> None:
    # "Name" spans two grid columns; the value is the next distinct cell, not the same one.
    body = tbl(tr(tc("Name", span=2), tc("Ava")), tr("a", "b", "c"), cols=3)
    form = make_form(tmp_path, body, field("child.first_name", anchor("label", "Name")))
    assert reading(form).raw == "Ava"


def test_a_vertically_merged_label_gives_the_value_of_its_first_row(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("Address", vmerge="restart"), tc("1 Larch Row")),
        tr(tc("", vmerge="continue"), tc("Westmere")),
    )
    form = make_form(tmp_path, body, field("care.address", anchor("label", "Address")))
    assert reading(form).raw == "1 Larch Row"


def test_a_label_in_a_nested_table_is_found(tmp_path: Path) -> None:
    inner = tbl(tr("School", "Larkspur Academy"))
    body = tbl(tr(tc("Education", inner)))
    form = make_form(tmp_path, body, field("education.setting_name", anchor("label", "School")))
    assert reading(form).raw == "Larkspur Academy"


def test_a_cell_anchor_counts_from_one(tmp_path: Path) -> None:
    body = (
        tbl(tr("a", "b"))
        + p("between")
        + tbl(tr("Header", "x"), tr(tc("Name", span=2), tc("Ava")), cols=3)
    )
    form = make_form(
        tmp_path, body, field("child.first_name", anchor("cell", "", table=2, row=2, col=2))
    )
    assert reading(form).raw == "Ava"
    assert reading(form).location == "table 2 row 2 cell 2"


def _targets_table(*data_rows: tuple[str, str, str], title: bool = False) -> str:
    rows = [tr(tc("Targets", span=3, shade="D9D9D9"))] if title else []
    rows.append(tr("Target", "Lead Person", "By when?"))
    rows.extend(tr(*cells) for cells in data_rows)
    return tbl(*rows, cols=3)


def test_a_repeating_table_reads_every_filled_row_and_skips_blank_ones(tmp_path: Path) -> None:
    body = _targets_table(
        ("Read a book a week", "Ms Hale", "31/03/2026"),
        ("", "", ""),
        ("Join a club", "Mr Ade", "01/02/2026"),  # a row a school added below a blank
        title=True,
    )
    form = make_form(tmp_path, body, targets_field())  # type: ignore[arg-type]
    found = reading(form)
    assert found.raw == [
        {"Target": "Read a book a week", "Lead person": "Ms Hale", "By when": "31/03/2026"},
        {"Target": "Join a club", "Lead person": "Mr Ade", "By when": "01/02/2026"},
    ]
    assert found.location == "table 1 (header row 2)"


def test_a_totals_line_under_the_items_is_no_item(tmp_path: Path) -> None:
    body = _targets_table(
        ("Read a book a week", "Ms Hale", "31/03/2026"),
        ("Total requested", "", "£790"),
    )
    form = make_form(tmp_path, body, targets_field())  # type: ignore[arg-type]
    assert reading(form).raw == [
        {"Target": "Read a book a week", "Lead person": "Ms Hale", "By when": "31/03/2026"}
    ]


def test_a_table_of_blank_rows_is_empty(tmp_path: Path) -> None:
    form = make_form(tmp_path, _targets_table(("", "", ""), ("", "", "")), targets_field())  # type: ignore[arg-type]
    assert reading(form).status == "empty"


def test_header_matching_tolerates_small_differences(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        _targets_table(("a", "b", "c")),
        targets_field("Targets", "Lead person(s)", "By When"),
    )  # type: ignore[arg-type]
    assert reading(form).status == "found"


def test_a_table_whose_header_is_absent_is_missing(tmp_path: Path) -> None:
    form = make_form(tmp_path, _targets_table(), targets_field("Outcome", "Evidence"))  # type: ignore[arg-type]
    assert reading(form).status == "missing"


def test_filling_adds_rows_copying_the_template_row_formatting(tmp_path: Path) -> None:
    body = tbl(
        tr("Target", "Lead person", "By when"), tr(tc(p(r("", rpr="<w:i/>"))), "", ""), cols=3
    )
    form = make_form(tmp_path, body, targets_field())  # type: ignore[arg-type]
    rows = [
        {"Target": f"Target {n}", "Lead person": "Ms Hale", "By when": f"0{n}/03/2026"}
        for n in range(1, 4)
    ]
    data = fill(form, rows)
    assert reading(form, data).raw == rows
    assert document_xml(data).count("<w:i/>") == 3


def test_filling_fewer_rows_keeps_and_clears_the_template_rows(tmp_path: Path) -> None:
    form = make_form(
        tmp_path,
        _targets_table(("old", "old", "old"), ("old", "old", "old"), ("", "", "")),
        targets_field(),  # type: ignore[arg-type]
    )
    rows = [{"Target": "Swim 25m", "Lead person": "Carer", "By when": "July"}]
    data = fill(form, rows)
    assert reading(form, data).raw == rows
    assert document_xml(data).count("<w:tr>") == 4  # header + the template's three rows
    assert "old" not in document_xml(data)


def test_an_empty_list_clears_the_table(tmp_path: Path) -> None:
    form = make_form(tmp_path, _targets_table(("old", "old", "old")), targets_field())  # type: ignore[arg-type]
    assert round_trip(form, []) == [None]


def test_a_column_missing_from_the_template_stops_fill(tmp_path: Path) -> None:
    body = tbl(tr("Target", "Lead person", "Notes"), tr("", "", ""))
    form = make_form(
        tmp_path,
        body,
        field("targets", anchor("table", "", header=["Target", "Lead person"]), columns=TARGETS),
    )
    with pytest.raises(MappingError, match="no column 'By when'"):
        fill(form, [{"Target": "x"}])
    assert "columns not on the form: By when" in reading(form).notes


def test_checkbox_columns_read_yes_no_and_blank_rows_stay_blank(tmp_path: Path) -> None:
    box = "\u2610"
    body = tbl(tr("Name", "Attended"), tr("Jo Marsh", box), tr("", box))
    form = make_form(
        tmp_path,
        body,
        field(
            "attendees",
            anchor("table", "", header=["Name", "Attended"]),
            columns=(("name", "Name"), ("attended", "Attended")),
        ),
    )
    assert reading(form).raw == [{"Name": "Jo Marsh", "Attended": "No"}]
    rows = [{"Name": "Jo Marsh", "Attended": "Yes"}, {"Name": "Sam Okafor", "Attended": "No"}]
    assert round_trip(form, rows) == [rows]


def test_a_cell_anchor_without_whole_numbers_is_a_mapping_error(tmp_path: Path) -> None:
    form = make_form(tmp_path, tbl(tr("a")), field("x", anchor("cell", "", line=9, table="two")))
    with pytest.raises(MappingError, match="1-based"):
        reading(form)


def test_a_cell_beyond_the_table_is_missing(tmp_path: Path) -> None:
    form = make_form(tmp_path, tbl(tr("a")), field("x", anchor("cell", "", table=1, row=5, col=1)))
    assert reading(form).status == "missing"


def test_a_copy_of_the_table_below_it_continues_the_rows(tmp_path: Path) -> None:
    first = _targets_table(("Read daily", "Ms Hale", "July"))
    second = _targets_table(("Swim 25m", "Carer", "June"))
    form = make_form(tmp_path, first + p("") + second, targets_field())  # type: ignore[arg-type]
    assert [row["Target"] for row in reading(form).raw] == ["Read daily", "Swim 25m"]  # type: ignore[union-attr]


def test_a_row_of_the_form_s_own_labels_has_its_values_below(tmp_path: Path) -> None:
    body = tbl(tr("Name", "Date of birth"), tr("Ava", "03/09/2015"))
    form = make_form(
        tmp_path,
        body,
        field("child.first_name", anchor("label", "Name")),
        field("child.date_of_birth", anchor("label", "Date of birth")),
    )
    assert round_trip(form, None, None) == ["Ava", "03/09/2015"]


def test_rows_that_skip_grid_columns_line_up_with_their_header(tmp_path: Path) -> None:
    skipped = (
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc("Ms Hale") + tc("July") + "</w:tr>"
    )
    body = tbl(tr("Target", "Lead person", "By when"), tr("Read", "Carer", "June"), skipped, cols=3)
    form = make_form(tmp_path, body, targets_field())  # type: ignore[arg-type]
    assert reading(form).raw == [
        {"Target": "Read", "Lead person": "Carer", "By when": "June"},
        {"Target": "", "Lead person": "Ms Hale", "By when": "July"},
    ]


def test_a_value_cell_merged_down_two_rows_is_written_once(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("Address"), tc("", vmerge="restart")),
        tr(tc("Postcode"), tc("", vmerge="continue")),
    )
    form = make_form(
        tmp_path,
        body,
        field("a", anchor("label", "Address")),
        field("b", anchor("label", "Postcode")),
    )
    data = fill(form, "1 Larch Row", None)
    assert document_xml(data).count("1 Larch Row") == 1
    assert round_trip(form, "1 Larch Row", None) == ["1 Larch Row", "1 Larch Row"]


def test_a_typed_tick_in_a_text_column_stays_text(tmp_path: Path) -> None:
    from .docxbuild import ColumnSpec, Raw

    class Text(Raw):
        name = "text"

    spec = field("targets", anchor("table", "", header=["Target", "Lead person"]))
    columns = (
        ColumnSpec("description", "Target", Text()),
        ColumnSpec("lead", "Lead person", Text()),
    )
    from dataclasses import replace

    spec = replace(spec, columns=columns)
    form = make_form(tmp_path, tbl(tr("Target", "Lead person"), tr("", "")), spec)
    rows = [{"Target": "\u2612", "Lead person": "[x]"}]
    assert round_trip(form, rows) == [rows]


def test_rows_in_a_repeating_section_are_added_as_whole_items(tmp_path: Path) -> None:
    item = (
        '<w:sdt><w:sdtPr><w15:repeatingSectionItem xmlns:w15="http://schemas.microsoft.com/'
        'office/word/2012/wordml"/></w:sdtPr><w:sdtContent>'
        + tr("", "", "")
        + "</w:sdtContent></w:sdt>"
    )
    section = (
        '<w:sdt><w:sdtPr><w:tag w:val="targets"/></w:sdtPr>'
        f"<w:sdtContent>{item}</w:sdtContent></w:sdt>"
    )
    body = tbl(tr("Target", "Lead person", "By when"), section, cols=3)
    form = make_form(tmp_path, body, targets_field())  # type: ignore[arg-type]
    rows = [{"Target": f"T{n}", "Lead person": "Carer", "By when": "July"} for n in range(3)]
    data = fill(form, rows)
    assert document_xml(data).count("repeatingSectionItem") == 3
    assert reading(form, data).raw == rows


def test_the_next_section_heading_row_is_not_a_label_s_answer(tmp_path: Path) -> None:
    body = tbl(
        tr(tc("Signed", span=2)),
        tr(tc("Section 5: Health", span=2, shade="D9D9D9")),
        cols=2,
    )
    form = make_form(tmp_path, body, field("signoff", anchor("label", "Signed")))
    assert reading(form).status == "missing"


# --- a band grid: the value is the header of the column ticked in the row ------------------

BANDS = ("16-26", "22-36", "30-50")


def _band_grid(*rows: tuple[str, str]) -> str:
    body = [tr("Area of learning", *BANDS, "Comment")]
    for area, band in rows:
        body.append(tr(area, *("\u2713" if b == band else "" for b in BANDS), ""))
    return tbl(*body)


def _band_form(tmp_path: Path, body: str) -> object:
    from pepdocs.mapping.spec import ColumnSpec, FieldSpec

    from .docxbuild import Raw

    columns = (
        ColumnSpec("subject", "Area of learning", Raw()),
        ColumnSpec("current", "Band", Raw(), ticked=BANDS),
    )
    spec = FieldSpec(
        ("attainment",),
        (anchor("table", header=["Area of learning", *BANDS]),),
        Raw(),
        columns=columns,
        line=7,
    )
    return make_form(tmp_path, body, spec)


def test_a_band_grid_reads_the_header_of_the_ticked_column(tmp_path: Path) -> None:
    body = _band_grid(("Communication and language", "22-36"), ("Physical development", "30-50"))
    form = _band_form(tmp_path, body)
    assert reading(form).raw == [  # type: ignore[arg-type]
        {"Area of learning": "Communication and language", "Band": "22-36"},
        {"Area of learning": "Physical development", "Band": "30-50"},
    ]


def test_a_band_grid_is_filled_by_ticking_the_column_named(tmp_path: Path) -> None:
    form = _band_form(tmp_path, _band_grid(("Literacy", ""), ("Mathematics", "")))
    rows = [
        {"Area of learning": "Literacy", "Band": "16-26"},
        {"Area of learning": "Mathematics", "Band": "30-50"},
    ]
    assert round_trip(form, rows) == [rows]  # type: ignore[arg-type]
    with pytest.raises(MappingError, match="'40-60' is none of the columns to tick"):
        fill(form, [{"Area of learning": "Literacy", "Band": "40-60"}])  # type: ignore[arg-type]
def _letter_form(tmp_path: Path, body: str) -> object:
    from pepdocs.mapping.spec import ColumnSpec, FieldSpec

    from .docxbuild import Raw

    columns = (
        ColumnSpec("subject", "Area of learning", Raw()),
        ColumnSpec("current", "Now (N)", Raw(), ticked=BANDS, mark="N"),
        ColumnSpec("target", "Next (T)", Raw(), ticked=BANDS, mark="T"),
    )
    spec = FieldSpec(
        ("attainment",),
        (anchor("table", header=["Area of learning", *BANDS]),),
        Raw(),
        columns=columns,
        line=7,
    )
    return make_form(tmp_path, body, spec)


def _letter_grid(*rows: tuple[str, str, str, str]) -> str:
    return tbl(tr("Area of learning", *BANDS, "Comment"), *(tr(*row, "") for row in rows))


def test_a_band_grid_answered_with_letters_gives_each_letters_column(tmp_path: Path) -> None:
    body = _letter_grid(("Physical development", "", "N", "T"), ("Literacy", "", "N T", ""))
    form = _letter_form(tmp_path, body)
    assert reading(form).raw == [  # type: ignore[arg-type]
        {"Area of learning": "Physical development", "Now (N)": "22-36", "Next (T)": "30-50"},
        {"Area of learning": "Literacy", "Now (N)": "22-36", "Next (T)": "22-36"},
    ]


def test_a_band_grid_with_letters_is_filled_with_them_sharing_a_cell(tmp_path: Path) -> None:
    form = _letter_form(tmp_path, _letter_grid(("Literacy", "", "", ""), ("Maths", "", "", "")))
    rows = [
        {"Area of learning": "Literacy", "Now (N)": "16-26", "Next (T)": "22-36"},
        {"Area of learning": "Maths", "Now (N)": "30-50", "Next (T)": "30-50"},
    ]
    assert round_trip(form, rows) == [rows]  # type: ignore[arg-type]


