"""A box holding one item of a list (``item:``): "Date of pathway plan" is the date of the
linked plan of type PATHWAY, read into that item, written from it, and the list's other items
reported when the form has no place for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from formats.word.docxbuild import make_docx, p, r, sdt_run, tbl, tc, tr

import pepdocs
from pepdocs.mapping import load_mapping
from pepdocs.mapping.spec import FormSpec

BOX = p(r("Date of pathway plan: "), sdt_run("PathwayDate", None))
TABLE = tbl(tr(tc(p(r("Plan"))), tc(p(r("Date")))), tr(tc(p(r(""))), tc(p(r("")))))

MAPPING = """\
authority: testshire
form: post16
kind: docx
template: blank.docx
fields:
  - path: child.first_name
    at: {label: "First name"}
  - path: linked_plans.date
    at: {control: PathwayDate}
    item: {type: "Pathway plan"}
"""
TABLE_ENTRY = """\
  - path: linked_plans
    at: {table: {header: [Plan, Date]}}
    columns:
      - {path: type, header: Plan}
      - {path: date, header: Date, type: date}
"""
NAME = tbl(tr(tc(p(r("First name"))), tc(p(r("Kai")))))


def _form(tmp_path: Path, body: str, mapping: str) -> FormSpec:
    (tmp_path / "blank.docx").write_bytes(make_docx(body))
    (tmp_path / "testshire.yaml").write_text(mapping, encoding="utf-8")
    return load_mapping(tmp_path / "testshire.yaml")


def _pep(*plans: dict[str, str]) -> dict[str, Any]:
    return {
        "meta": {"phase": "post16", "authority": "testshire"},
        "child": {"first_name": "Kai"},
        "linked_plans": list(plans),
    }


PATHWAY = {"type": "PATHWAY", "date": "2025-10-20"}
EHCP = {"type": "EHCP", "date": "2024-07-01"}


def test_the_box_is_read_into_the_item_it_names(tmp_path: Path) -> None:
    form = _form(tmp_path, NAME + BOX, MAPPING)
    completed = make_docx(NAME + p(r("Date of pathway plan: "), sdt_run("PathwayDate", "20/10/25")))
    result = pepdocs.extract(completed, form, name="completed.docx")
    assert result.pep["linked_plans"] == [PATHWAY]
    assert result.report.field("linked_plans[type=PATHWAY].date").status == "found"


def test_fill_writes_the_items_field_and_lists_the_items_with_no_box(tmp_path: Path) -> None:
    form = _form(tmp_path, NAME + BOX, MAPPING)
    document, report = pepdocs.fill_with_report(_pep(EHCP, PATHWAY), form)
    assert pepdocs.extract(document, form, name="f.docx").pep["linked_plans"] == [PATHWAY]
    assert {(u.path, u.count) for u in report.unplaced} == {
        ("linked_plans.*.type", 1),
        ("linked_plans.*.date", 1),
    }


def test_a_box_and_a_table_of_the_same_list_agree_on_a_round_trip(tmp_path: Path) -> None:
    form = _form(tmp_path, NAME + TABLE + BOX, MAPPING + TABLE_ENTRY)
    document, report = pepdocs.fill_with_report(_pep(EHCP, PATHWAY), form)
    result = pepdocs.extract(document, form, name="f.docx")
    assert result.pep["linked_plans"] == [EHCP, PATHWAY]
    assert "unresolved" not in result.pep
    assert report.unplaced == []


def test_a_box_naming_an_item_the_table_lacks_adds_it(tmp_path: Path) -> None:
    form = _form(tmp_path, NAME + TABLE + BOX, MAPPING + TABLE_ENTRY)
    rows = tr(tc(p(r("EHCP"))), tc(p(r("01/07/2024"))))
    typed = tbl(tr(tc(p(r("Plan"))), tc(p(r("Date")))), rows)
    box = p(r("Date of pathway plan: "), sdt_run("PathwayDate", "20 October 2025"))
    result = pepdocs.extract(make_docx(NAME + typed + box), form, name="t.docx")
    assert result.pep["linked_plans"] == [EHCP, PATHWAY]


def test_a_box_disagreeing_with_the_table_keeps_its_text_for_a_person(tmp_path: Path) -> None:
    form = _form(tmp_path, NAME + TABLE + BOX, MAPPING + TABLE_ENTRY)
    rows = tr(tc(p(r("Pathway plan"))), tc(p(r("20/10/2025"))))
    typed = tbl(tr(tc(p(r("Plan"))), tc(p(r("Date")))), rows)
    box = p(r("Date of pathway plan: "), sdt_run("PathwayDate", "3 November 2025"))
    result = pepdocs.extract(make_docx(NAME + typed + box), form, name="t.docx")
    assert result.pep["linked_plans"] == [PATHWAY]
    assert [u["path"] for u in result.pep["unresolved"]] == ["linked_plans[type=PATHWAY].date"]
