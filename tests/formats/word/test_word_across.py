"""Tables read across: the headers printed down the first column, one item per column."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.errors import MappingError
from pepdocs.mapping.spec import FieldSpec

from .docxbuild import (
    anchor,
    field,
    fill,
    make_docx,
    make_form,
    p,
    r,
    reading,
    round_trip,
    tbl,
    tc,
    tr,
)

PROGRESS = (("subject", "Prime area"), ("current", "Now"), ("target", "By the next PEP"))


def _progress_field() -> FieldSpec:
    return field_across("attainment", ["Prime area", "Now", "By the next PEP"], PROGRESS)


def field_across(
    path: str, headers: list[str], columns: tuple[tuple[str, str], ...]
) -> FieldSpec:
    return field(
        path, anchor("table", " | ".join(headers), header=headers, transposed=True), columns=columns
    )


def _grid(*rows: tuple[str, ...]) -> str:
    return tbl(*(tr(*(tc(p(r(text))) for text in row)) for row in rows))


PRINTED = _grid(
    ("Prime area", "Communication and language", "Physical development"),
    ("Now", "", ""),
    ("By the next PEP", "", ""),
)


def test_each_column_of_a_table_read_across_is_one_item(tmp_path: Path) -> None:
    form = make_form(tmp_path, PRINTED, _progress_field())
    completed = _grid(
        ("Prime area", "Communication and language", "Physical development"),
        ("Now", "22-36", "30-50"),
        ("By the next PEP", "30-50", "40-60"),
    )
    assert reading(form, make_docx(completed)).raw == [
        {"Prime area": "Communication and language", "Now": "22-36", "By the next PEP": "30-50"},
        {"Prime area": "Physical development", "Now": "30-50", "By the next PEP": "40-60"},
    ]


def test_a_column_left_empty_is_no_item(tmp_path: Path) -> None:
    form = make_form(tmp_path, PRINTED, _progress_field())
    completed = _grid(
        ("Prime area", "", ""),
        ("Now", "22-36", ""),
        ("By the next PEP", "30-50", ""),
    )
    assert reading(form, make_docx(completed)).raw == [
        {"Prime area": "", "Now": "22-36", "By the next PEP": "30-50"}
    ]


def test_a_table_the_usual_way_round_is_not_read_across(tmp_path: Path) -> None:
    form = make_form(tmp_path, PRINTED, _progress_field())
    usual = _grid(("Prime area", "Now", "By the next PEP"), ("Physical development", "1", "2"))
    assert reading(form, make_docx(usual)).raw is None


def test_fill_writes_each_item_down_its_column_and_adds_columns(tmp_path: Path) -> None:
    form = make_form(tmp_path, PRINTED, _progress_field())
    items = [
        {"subject": "Communication and language", "current": "22-36", "target": "30-50"},
        {"subject": "Physical development", "current": "30-50", "target": "40-60"},
        {"subject": "Literacy", "current": "30-50", "target": "40-60"},
    ]
    assert round_trip(form, items) == [
        [
            {
                "Prime area": item["subject"],
                "Now": item["current"],
                "By the next PEP": item["target"],
            }
            for item in items
        ]
    ]


def test_fill_clears_the_columns_beyond_the_items(tmp_path: Path) -> None:
    form = make_form(tmp_path, PRINTED, _progress_field())
    one = [{"subject": "Literacy", "current": "30-50", "target": "40-60"}]
    assert round_trip(form, one) == [
        [{"Prime area": "Literacy", "Now": "30-50", "By the next PEP": "40-60"}]
    ]


def test_a_form_whose_first_column_lacks_a_header_has_no_such_table(tmp_path: Path) -> None:
    field = field_across(
        "attainment", ["Prime area", "Now", "Target"], (*PROGRESS[:2], ("target", "Target"))
    )
    body = _grid(("Prime area", "Literacy", "Maths"), ("Now", "", ""), ("Later", "", ""))
    form = make_form(tmp_path, body, field)
    with pytest.raises(MappingError, match="has no table 'Prime area \\| Now \\| Target'"):
        fill(form, [{"subject": "Literacy", "current": "1", "target": "2"}])
