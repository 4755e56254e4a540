"""What reading keeps between workbooks (a template's parts, sheets, merges and label
indexes, by their bytes) never lends one workbook's meaning to another: a returned form whose
styles, shared strings, sheets or names differ from one read before reads by its own."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from pepdocs import api
from pepdocs.formats.docid import rewrite_package
from pepdocs.formats.excel.workbook import load_workbook
from pepdocs.mapping import FormSpec, resolve_form
from pepdocs.samples import generate_peps


@pytest.fixture(scope="module")
def form() -> FormSpec:
    return resolve_form("southvale")


@pytest.fixture(scope="module")
def pep() -> dict[str, Any]:
    return next(iter(generate_peps(1, seed=31, authority="southvale", phase="school_age")))


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def _meeting_cell(data: bytes) -> Any:
    workbook, _ = load_workbook(data, "form.xlsx", blanks=False)
    sheet = workbook.sheet("Child & Care")
    assert sheet is not None
    return sheet.cell(8, 2).value  # B8, the date of the PEP meeting


def test_a_date_reads_as_a_number_when_another_workbook_has_the_style_show_no_date(
    form: FormSpec, pep: dict[str, Any]
) -> None:
    data = api.fill(pep, form)
    styles = _part(data, "xl/styles.xml")
    plain = rewrite_package(
        data,
        {"xl/styles.xml": lambda old: (old or b"").replace(b'"dd/mm/yyyy"', b'"0"')},
    )
    assert _part(plain, "xl/styles.xml") != styles
    dated = _meeting_cell(data)
    assert hasattr(dated, "year")  # a date, read through the template's styles
    assert isinstance(_meeting_cell(plain), int)  # the same serial, its own styles: a number
    assert _meeting_cell(data) == dated  # and the first workbook still reads as before


def test_a_renamed_defined_name_is_read_from_the_workbook_that_has_it(
    form: FormSpec, pep: dict[str, Any]
) -> None:
    data = api.fill(pep, form)
    renamed = rewrite_package(
        data,
        {"xl/workbook.xml": lambda old: (old or b"").replace(b"sv_pep_id", b"sv_other_id")},
    )
    first, _ = load_workbook(data, "a.xlsx", blanks=False)
    second, _ = load_workbook(renamed, "b.xlsx", blanks=False)
    assert "sv_pep_id" in first.names and "sv_pep_id" not in second.names
    assert "sv_other_id" in second.names
    # the mapping falls back to the label, so the value is still read
    assert api.extract(renamed, form).pep["meta"]["pep_id"] == pep["meta"]["pep_id"]


def test_forms_of_one_template_read_each_its_own_answers(form: FormSpec) -> None:
    peps = list(generate_peps(3, seed=32, authority="southvale", phase="school_age"))
    filled = [api.fill(pep, form) for pep in peps]
    for data in filled:  # read once, then a second time below: from what was kept
        api.extract(data, form)
    for pep, data in zip(peps, filled, strict=True):
        read = api.extract(data, form).pep
        assert read["child"]["first_name"] == pep["child"]["first_name"]
        assert read["meta"]["meeting_date"] == pep["meta"]["meeting_date"]
