"""Every answer box of a shipped form that expects a code (an area, an outcome, yes or no)
shows what it accepts: a drop-down list in Word (content control) and Excel (data
validation), or, where a table's rows are typed or rendered text, a line over the table
naming the accepted answers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from pepdocs.mapping import ColumnSpec, FormSpec, load_mapping
from pepdocs.mapping.transforms import BoolTransform, ChoiceTransform

REPO = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def _form(name: str) -> FormSpec:
    return load_mapping(REPO / "mappings" / f"{name}.yaml")


def _coded(column: ColumnSpec) -> bool:
    return isinstance(column.transform, ChoiceTransform | BoolTransform)


def _answers(column: ColumnSpec) -> list[str]:
    if isinstance(column.transform, ChoiceTransform):
        return list(column.transform.labels.values())
    return ["Yes", "No"]


def _body(form: FormSpec) -> etree._Element:
    with zipfile.ZipFile(form.template) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _text(element: etree._Element) -> str:
    return "".join(element.itertext()).strip()


def _tables(form: FormSpec) -> list[tuple[FormSpec, object, etree._Element]]:
    """(form, table field, w:tbl) for each table the mapping reads by its header row."""
    body = _body(form)
    found = []
    for spec in form.fields:
        if not spec.repeating:
            continue
        headers = [column.header for column in spec.columns]
        for tbl in body.iter(f"{W}tbl"):
            first = tbl.find(f"{W}tr")
            cells = [_text(tc) for tc in first.iter(f"{W}tc")] if first is not None else []
            if cells[: len(headers)] == headers:
                found.append((form, spec, tbl))
                break
    return found


@pytest.mark.parametrize(
    "name", ["eastborough-early-years", "eastborough-school-age", "eastborough-post16"]
)
def test_eastborough_rows_offer_a_drop_down_for_each_coded_column(name: str) -> None:
    tables = _tables(_form(name))
    assert len(tables) >= 5
    for _, spec, tbl in tables:
        rows = tbl.findall(f"{W}tr")[1:]
        for index, column in enumerate(spec.columns):  # type: ignore[attr-defined]
            if not _coded(column):
                continue
            for tr in rows:
                cell = tr.findall(f"{W}tc")[index]
                if cell.find(f".//{W14}checkbox") is not None:
                    continue  # a yes/no column of checkbox controls: ticked or not
                items = [item.get(f"{W}displayText") for item in cell.iter(f"{W}listItem")]
                assert cell.find(f".//{W}dropDownList") is not None, (spec.path, column.header)
                assert set(_answers(column)) <= set(items), (spec.path, column.header)


@pytest.mark.parametrize(
    "name",
    [
        "westmere-school-age",
        "northshire-early-years",
        "northshire-school-age",
        "northshire-post16",
    ],
)
def test_typed_table_rows_have_a_line_naming_the_accepted_answers(name: str) -> None:
    tables = _tables(_form(name))
    coded = [
        (spec, tbl)
        for _, spec, tbl in tables
        if any(map(_coded, spec.columns))  # type: ignore[attr-defined]
    ]
    assert coded
    for spec, tbl in coded:
        hint = tbl.getprevious()
        assert hint is not None and hint.tag == f"{W}p"
        line = _text(hint)
        assert line.startswith("Answers: "), spec.path  # type: ignore[attr-defined]
        for column in spec.columns:  # type: ignore[attr-defined]
            if _coded(column):
                assert column.header.rstrip("?:") + ":" in line
                assert all(answer in line for answer in _answers(column)), column.header


@pytest.mark.parametrize(
    "name", ["northshire-early-years", "northshire-school-age", "northshire-post16"]
)
def test_northshire_boxes_for_a_code_are_drop_down_lists(name: str) -> None:
    form = _form(name)
    controls = {
        sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val"): sdt
        for sdt in _body(form).iter(f"{W}sdt")
        if sdt.find(f"{W}sdtPr/{W}tag") is not None
    }
    coded = [
        spec
        for spec in form.fields
        if not spec.repeating
        and spec.anchor.kind == "control"
        and isinstance(spec.transform, ChoiceTransform | BoolTransform)
    ]
    assert coded
    for spec in coded:
        assert controls[spec.anchor.key].find(f".//{W}dropDownList") is not None, spec.path


def test_southvale_cells_for_a_code_are_drop_down_lists() -> None:
    form = _form("southvale-school-age")
    book = load_workbook(form.template)
    checked = 0
    for spec in form.fields:
        columns = [c for c in spec.columns if _coded(c)] if spec.repeating else []
        anchor = spec.anchor
        if spec.repeating and columns:
            sheet = book[anchor.options["sheet"]]
            header_row = next(
                row[0].row
                for row in sheet.iter_rows()
                if [str(c.value) for c in row[: len(spec.columns)]]
                == [c.header for c in spec.columns]
            )
            cells = [
                sheet.cell(header_row + 1, spec.columns.index(column) + 1) for column in columns
            ]
        elif not spec.repeating and isinstance(spec.transform, ChoiceTransform | BoolTransform):
            if anchor.kind != "name":
                continue  # label anchors: their cell is checked through the table of names
            destination = book.defined_names[anchor.key].destinations
            title, ref = next(iter(destination))
            sheet, cells = book[title], [book[title][ref.replace("$", "")]]
        else:
            continue
        for cell in cells:
            lists = [
                validation
                for validation in sheet.data_validations.dataValidation
                if validation.type == "list" and cell.coordinate in validation.sqref
            ]
            assert lists, (spec.path, sheet.title, cell.coordinate)
            checked += 1
    assert checked >= 8
