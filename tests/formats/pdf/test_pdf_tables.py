"""Repeating sections on PDF forms: a table anchor lists the field names of each printed row
under the printed headers; fill writes items row by row (a checkbox column ticked for yes),
extract reads them back, spare rows are no items, and more items than rows are refused."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pepdocs import PepdocsError, api, binding
from pepdocs.formats import pdf
from pepdocs.mapping import FormSpec, load_mapping
from pepdocs.model import load_pep
from pepdocs.samples import generate_peps

from .autoforms import AutoForm

MAPPING = """\
authority: ashdown
name: Ashdown Council (fictional)
form: school_age
version: "2025"
kind: pdf
template: ashdown.pdf
fields:
  - path: child.upn
    at: {{field: {upn}}}
  - path: targets
    at:
      table:
        header: ["Target", "Who", "By when", "PP+ £"]
        rows:
{target_rows}
    columns:
      - {{path: description, header: Target}}
      - {{path: lead, header: Who}}
      - {{path: due_date, header: "By when", type: date}}
      - {{path: pp_plus_cost, header: "PP+ £"}}
  - path: attendees
    at:
      table:
        header: [Name, Role, Attended]
        rows:
{attendee_rows}
    columns:
      - {{path: name, header: Name}}
      - {{path: role, header: Role}}
      - {{path: attended, header: Attended}}
"""


def _rows(rows: list[list[str]]) -> str:
    return "\n".join(f"          - [{', '.join(repr(n) for n in row)}]" for row in rows)


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> FormSpec:
    folder = tmp_path_factory.mktemp("ashdown")
    blank = AutoForm()
    (upn,) = blank.beside("UPN")
    targets = blank.table(["Target", "Who", "By when", "PP+ £"], rows=3, height=24)
    attendees = blank.table(["Name", "Role", "Attended"], rows=4, checkbox_columns=["Attended"])
    (folder / "ashdown.pdf").write_bytes(blank.save())
    text = MAPPING.format(upn=upn, target_rows=_rows(targets), attendee_rows=_rows(attendees))
    (folder / "ashdown.yaml").write_text(text, encoding="utf-8")
    return load_mapping(folder / "ashdown.yaml")


def _pep(targets: int = 2) -> dict[str, Any]:
    pep = copy.deepcopy(
        list(generate_peps(1, seed=3, authority="ridgeford", phase="school_age"))[-1]
    )
    pep["targets"] = pep["targets"][:targets]
    pep["attendees"] = [
        {"name": "Joanne Price", "role": "Social worker", "attended": True},
        {"name": "Mairéad Wójcik", "role": "Carer", "attended": False},
    ]
    return pep


def test_a_table_anchor_lists_each_printed_rows_fields(form: FormSpec) -> None:
    targets = form.field_for("targets")
    assert targets is not None
    anchor = targets.anchor
    assert anchor.kind == "table"
    assert anchor.key == "Target | Who | By when | PP+ £"
    assert len(anchor.options["rows"]) == 3
    assert len(anchor.options["rows"][0]) == 4


def test_items_fill_the_printed_rows_and_read_back(form: FormSpec) -> None:
    pep = _pep()
    filled = api.fill(pep, form)
    extraction = api.extract(filled, form, name="returned.pdf")
    expected = binding.mapped_view(load_pep(pep), form)
    found = binding.mapped_view(extraction.pep, form)
    for path in ("targets", "attendees", "child.upn"):
        assert found[path] == expected[path], path
    assert [a["attended"] for a in extraction.pep["attendees"]] == [True, False]
    report = extraction.report.field("targets")
    assert report is not None and report.status == "found"
    assert report.location.startswith("table of fields")
    # the spare rows (blank boxes, unticked checkboxes) are no items, and no table field is
    # listed as unmapped
    assert len(extraction.pep["targets"]) == 2
    assert extraction.report.unmapped == []


def test_the_field_of_each_cell_holds_its_columns_text(form: FormSpec) -> None:
    pep = _pep(1)
    filled = api.fill(pep, form)
    targets = form.field_for("targets")
    assert targets is not None
    reading = pdf.read(form, filled, "returned.pdf").readings[form.fields.index(targets)]
    assert isinstance(reading.raw, list)
    first, spare, _ = reading.raw
    assert first["Target"] == pep["targets"][0]["description"]
    assert first["By when"] == "16/10/2025"
    assert set(spare.values()) == {""}


def test_more_items_than_printed_rows_are_refused_naming_the_table(form: FormSpec) -> None:
    with pytest.raises(PepdocsError) as raised:
        api.fill(_pep(4), form)
    message = str(raised.value)
    assert "targets (table 'Target | Who | By when | PP+ £')" in message
    assert "room for 3 rows in this table and 4 are needed" in message


def test_a_blank_form_reads_every_table_empty(form: FormSpec) -> None:
    blank = Path(form.template).read_bytes()
    extraction = api.extract(blank, form, name="blank.pdf")
    for path in ("targets", "attendees"):
        report = extraction.report.field(path)
        assert report is not None and report.status == "empty"
    assert "targets" not in extraction.pep


def test_a_table_whose_fields_are_gone_is_missing(form: FormSpec) -> None:
    other = AutoForm()
    other.beside("UPN")
    extraction = api.extract(other.save(), form, name="other.pdf")
    report = extraction.report.field("targets")
    assert report is not None and report.status == "missing"
