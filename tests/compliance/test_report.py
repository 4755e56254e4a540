"""The cohort workbook: a row per child by legal name from their newest PEP, one native chart
per question with whole-number axes, the findings behind the counts, the files passed over
and why, safe against formulas, rendered by LibreOffice, and the board's PDF without names."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pepdocs.compliance import check_path, cohort_report
from pepdocs.compliance.report import (
    CHILD_COLUMNS,
    FINDING_COLUMNS,
    PASSED_OVER_COLUMNS,
    safe_cell,
)
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
    assert book.sheetnames == ["Summary", "Children", "Findings", "Files passed over"]
    children = book["Children"]
    assert [cell.value for cell in children[1]] == list(CHILD_COLUMNS)
    rows = {row[0]: row for row in children.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"C-0", "C-1", "C-2", "C-3"}
    c0 = dict(zip(CHILD_COLUMNS, rows["C-0"], strict=True))
    assert c0["Legal name"] == "Testchild Fictional"
    # The spring review's local deadline (13 February) has passed: a warning, so amber.
    assert c0["Rating"] == "amber"
    assert c0["Meeting date"] == dt.datetime(2025, 10, 8)
    assert c0["Due status"] == "overdue"
    assert (c0["Attendance %"], c0["PP+ requested"], c0["PP+ approved"]) == (96.5, 600.0, "yes")
    assert dict(zip(CHILD_COLUMNS, rows["C-1"], strict=True))["Rating"] == "green"
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(max_row=8, values_only=True)}
    assert summary["Children"] == 4 and summary["Files passed over"] == 1
    assert summary["Overdue"] == 3
    passed = list(book["Files passed over"].iter_rows(values_only=True))
    assert passed[0] == PASSED_OVER_COLUMNS
    assert [row[0] for row in passed[1:]] == ["pep-9-broken.json"]
    assert str(passed[1][2]).startswith("could not be read: ")


def test_children_are_listed_by_legal_name_and_school_names_are_whole(tmp_path: Path) -> None:
    pep = good_pep()
    pep["child"].update(first_name="Oluwaseun", middle_names="Grace", preferred_name="Seun")
    school = "The Very Long Name Church of England Voluntary Aided Primary School and Nursery"
    pep["education"]["setting_name"] = school
    folder = tmp_path / "peps"
    folder.mkdir()
    (folder / "pep.json").write_text(json.dumps(pep), "utf-8")
    written = cohort_report(check_path(folder, AS_OF), tmp_path / "r.xlsx", AS_OF)
    children = load_workbook(written)["Children"]
    first = next(children.iter_rows(min_row=2, values_only=True))
    row = dict(zip(CHILD_COLUMNS, first, strict=True))
    assert (row["Legal name"], row["Known as"]) == ("Oluwaseun Grace Fictional", "Seun")
    school_column = CHILD_COLUMNS.index("School") + 1
    width = children.column_dimensions[chr(ord("A") + school_column - 1)].width
    cell = children.cell(2, school_column)
    assert width >= len(school) + 2 or cell.alignment.wrap_text  # whole: wide, or wrapped


def test_the_findings_behind_each_childs_counts_are_listed(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    findings = list(book["Findings"].iter_rows(values_only=True))
    assert findings[0] == FINDING_COLUMNS
    rows = [dict(zip(FINDING_COLUMNS, row, strict=True)) for row in findings[1:]]
    children = {
        row[0]: row for row in book["Children"].iter_rows(min_row=2, values_only=True)
    }
    for child_id, child in children.items():
        errors = sum(1 for r in rows if r["LA child id"] == child_id and r["Severity"] == "error")
        warnings = sum(
            1 for r in rows if r["LA child id"] == child_id and r["Severity"] == "warning"
        )
        counts = dict(zip(CHILD_COLUMNS, child, strict=True))
        assert (errors, warnings) == (counts["Errors"], counts["Warnings"]), child_id
    assert all(r["Rule"] and r["Basis"] and r["Message"] for r in rows)
    assert any(r["Path"] for r in rows)


def test_a_newer_pep_whose_meeting_date_was_dropped_is_still_the_newest(tmp_path: Path) -> None:
    older, newer = good_pep(), good_pep()
    older["meta"].update(academic_year="2025-26", term="autumn", meeting_date="2025-10-08")
    newer["meta"].update(academic_year="2025-26", term="spring")
    newer["meta"].pop("meeting_date")  # an impossible date on the returned form: dropped
    newer["meta"].pop("next_review_date", None)
    newer["views"]["child"] = "A newer view."
    folder = tmp_path / "peps"
    folder.mkdir()
    (folder / "a-newer.json").write_text(json.dumps(newer), "utf-8")
    (folder / "b-older.json").write_text(json.dumps(older), "utf-8")
    book = load_workbook(cohort_report(check_path(folder, AS_OF), tmp_path / "r.xlsx", AS_OF))
    (row,) = book["Children"].iter_rows(min_row=2, values_only=True)
    assert dict(zip(CHILD_COLUMNS, row, strict=True))["File"] == "a-newer.json"
    (passed,) = book["Files passed over"].iter_rows(min_row=2, values_only=True)
    assert passed[0] == "b-older.json"
    assert "an earlier PEP of this child (autumn 2025-26, meeting 2025-10-08)" in passed[2]
    assert "its meeting date is missing" in passed[2]


def test_the_summary_has_one_chart_per_question_with_whole_number_axes(
    workbook_path: Path,
) -> None:
    summary = load_workbook(workbook_path)["Summary"]
    charts = summary._charts
    titles = [chart.title.tx.rich.p[0].r[0].t for chart in charts]
    assert titles == [
        "PEPs by rating",
        "Overdue PEPs by school",
        "PP+ requested vs approved (GBP)",
    ]
    for chart in charts[:2]:  # counts of PEPs: whole steps, whole labels
        assert chart.y_axis.number_format.formatCode == "0"
        assert chart.y_axis.majorUnit == int(chart.y_axis.majorUnit) >= 1
        assert chart.y_axis.delete is False and chart.x_axis.delete is False


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
    summary = {row[0]: row[1] for row in load_workbook(workbook_path)["Summary"].iter_rows(
        max_row=8, values_only=True
    )}
    assert summary["Children"] == 0


def test_libreoffice_opens_the_workbook_and_renders_its_charts(
    workbook_path: Path, tmp_path: Path, libreoffice: Path
) -> None:
    (pdf,) = convert([workbook_path], "pdf", tmp_path / "pdf")
    text = " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "PEP cohort report" in text
    for title in ("PEPs by rating", "Overdue PEPs by school", "PP+ requested vs approved"):
        assert title in text  # chart titles are drawn only when the charts render
    assert "Testchild Fictional" in text


def test_the_boards_pdf_is_the_summary_without_names_and_tagged(
    tmp_path: Path, libreoffice: Path
) -> None:
    results = check_path(_cohort(tmp_path), AS_OF)
    written = cohort_report(results, tmp_path / "cohort.xlsx", AS_OF, pdf=True)
    reader = PdfReader(written.with_suffix(".pdf"))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "PEP cohort report" in text and "Overdue PEPs by school" in text
    assert "Testchild" not in text and "Fictional" not in text  # no child named
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "en-GB"
    assert reader.metadata is not None
    assert reader.metadata.title == "PEP cohort report for the board, 20/02/2026"
    # both kept on a second run without force
    with pytest.raises(OutputExistsError):
        cohort_report(results, tmp_path / "cohort.xlsx", AS_OF, pdf=True)
