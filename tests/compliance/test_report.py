"""The cohort workbook: opens, has native charts, is safe against formulas, renders in
LibreOffice."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pepdocs.compliance import check_path, cohort_report
from pepdocs.compliance.report import CHILD_COLUMNS, safe_cell
from pepdocs.errors import OutputExistsError
from pepdocs.office import convert

from .pep_builder import good_pep

AS_OF = dt.date(2026, 2, 20)


def _cohort(folder: Path) -> Path:
    peps: list[dict[str, Any]] = []
    for index, school in enumerate(["School A", "School A", "School B", '=HYPERLINK("x")']):
        pep = good_pep()
        pep["child"]["la_child_id"] = f"C-{index}"
        pep["education"]["setting_name"] = school
        peps.append(pep)
    peps[1]["meta"]["meeting_date"] = "2026-01-21"  # reviewed this term: not overdue
    peps[1]["meta"]["next_review_date"] = "2026-05-01"
    peps[1]["education"]["attendance"]["period_end"] = "2026-01-16"
    peps[2]["views"] = {}  # red: the child's views are required (Children Act 1989 s.22)
    peps[2]["pp_plus"]["approved"] = False
    peps[3]["targets"] = []  # red
    peps[3]["pp_plus"] = {"requested_total": "0.00", "items": []}
    peps[3]["child"]["first_name"] = "+cmd|' /C calc'!A0"
    cohort = folder / "cohort"
    cohort.mkdir()
    for index, pep in enumerate(peps):
        (cohort / f"pep-{index}.json").write_text(json.dumps(pep), "utf-8")
    (cohort / "pep-9-broken.json").write_text("[]", "utf-8")
    return cohort


@pytest.fixture()
def workbook_path(tmp_path: Path) -> Path:
    results = check_path(_cohort(tmp_path), AS_OF)
    return cohort_report(results, tmp_path / "report.xlsx", AS_OF)


def test_the_workbook_has_a_row_per_child_and_the_summary_counts(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == ["Summary", "Children", "Unreadable files"]
    children = book["Children"]
    assert [cell.value for cell in children[1]] == list(CHILD_COLUMNS)
    rows = {row[0]: row for row in children.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"C-0", "C-1", "C-2", "C-3"}
    c0 = dict(zip(CHILD_COLUMNS, rows["C-0"], strict=True))
    assert c0["Child"] == "Testchild Fictional"
    # The spring review's local deadline (13 February) has passed: a warning, so amber.
    assert c0["Rating"] == "amber"
    assert c0["Meeting date"] == dt.datetime(2025, 10, 8)
    assert c0["Due status"] == "overdue"
    assert (c0["Attendance %"], c0["PP+ requested"], c0["PP+ approved"]) == (96.5, 600.0, "yes")
    assert dict(zip(CHILD_COLUMNS, rows["C-1"], strict=True))["Rating"] == "green"
    summary = book["Summary"]
    assert summary["B3"].value == 4 and summary["B4"].value == 1
    assert summary["B5"].value == 3  # overdue
    unreadable = list(book["Unreadable files"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in unreadable] == ["pep-9-broken.json"]


def test_the_summary_has_native_charts(workbook_path: Path) -> None:
    summary = load_workbook(workbook_path)["Summary"]
    charts = summary._charts
    assert len(charts) == 4
    kinds = sorted(type(chart).__name__ for chart in charts)
    assert kinds == ["BarChart", "BarChart", "BarChart", "PieChart"]


def test_text_that_would_run_as_a_formula_is_quoted(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    values = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row]
    texts = [value for value in values if isinstance(value, str)]
    assert '\'=HYPERLINK("x")' in texts
    assert any(text.startswith("'+cmd") for text in texts)
    assert not any(text.startswith(("=", "+", "@")) for text in texts)
    assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_safe_cell_quotes_formula_starts(text: str) -> None:
    assert safe_cell(text) == "'" + text


def test_safe_cell_leaves_other_values_alone() -> None:
    assert safe_cell("Year 6") == "Year 6"
    assert safe_cell(-5) == -5


def test_an_existing_report_is_kept_unless_forced(workbook_path: Path) -> None:
    before = workbook_path.read_bytes()
    with pytest.raises(OutputExistsError):
        cohort_report([], workbook_path, AS_OF)
    assert workbook_path.read_bytes() == before
    cohort_report([], workbook_path, AS_OF, force=True)
    assert load_workbook(workbook_path)["Summary"]["B3"].value == 0


def test_libreoffice_opens_the_workbook_and_renders_its_charts(
    workbook_path: Path, tmp_path: Path, libreoffice: Path
) -> None:
    (pdf,) = convert([workbook_path], "pdf", tmp_path / "pdf")
    text = " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "PEP cohort report" in text
    for title in ("PEPs by rating", "Overdue PEPs by school", "PP+ requested vs approved"):
        assert title in text  # chart titles are drawn only when the charts render
    assert "Testchild Fictional" in text
