"""Attendance exports: read as rosters are, merged into pre-filled forms and into check."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

import pepdocs
from pepdocs.batch import BatchOptions, run_batch
from pepdocs.batch.attendance import apply_attendance, load_attendance
from pepdocs.errors import PepdocsError


def _export(path: Path, headers: list[str], *rows: list[object]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def test_the_percentage_is_worked_out_from_the_sessions(tmp_path: Path) -> None:
    export = load_attendance(
        _export(
            tmp_path / "a.csv",
            [
                "Child ID",
                "Period Start",
                "Period End",
                "Sessions Possible",
                "Sessions Missed",
                "Attendance %",
            ],
            ["C-1", "02/09/2025", "17/10/2025", "140", "21", "85"],
        )
    )
    record = export.find("C-1", None)
    assert record is not None
    assert (record.percent, record.sessions_possible, record.sessions_missed) == (
        Decimal("85.0"),
        140,
        21,
    )
    assert (record.period_start, record.period_end) == (dt.date(2025, 9, 2), dt.date(2025, 10, 17))
    assert record.model_values() == {
        "education.attendance.percent": 85.0,
        "education.attendance.sessions_possible": 140,
        "education.attendance.sessions_missed": 21,
        "education.attendance.period_start": "2025-09-02",
        "education.attendance.period_end": "2025-10-17",
    }


def test_sessions_attended_and_a_term_as_the_period_are_understood(tmp_path: Path) -> None:
    export = load_attendance(
        _export(
            tmp_path / "a.csv",
            ["UPN", "Term", "Possible", "Attended"],
            ["B801200005001", "Autumn 2025-26", "150", "141"],
        )
    )
    record = export.find(None, "b801200005001")
    assert record is not None
    assert (record.percent, record.sessions_missed) == (Decimal("94.0"), 9)
    assert record.period_start == dt.date(2025, 9, 1)
    assert record.period_end == dt.date(2025, 12, 19)


@pytest.mark.parametrize(
    ("written", "percent"),
    [("94.5%", "94.5"), ("94.5", "94.5"), ("0.945", "94.5"), ("100%", "100.0"), ("0%", "0.0")],
)
def test_a_percentage_is_read_as_written_or_as_a_spreadsheets_fraction(
    tmp_path: Path, written: str, percent: str
) -> None:
    export = load_attendance(
        _export(tmp_path / "a.csv", ["Child ID", "Attendance %"], ["C-1", written])
    )
    record = export.find("C-1", None)
    assert record is not None and record.percent == Decimal(percent)


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        (
            ["1", "", ""],
            "attendance percentage: a bare 0 or 1 could be a fraction or a percentage; write it "
            "with % or give the sessions",
        ),
        (["140%", "", ""], "attendance percentage: not between 0 and 100"),
        (["", "100", "120"], "sessions: missed must be from 0 to the sessions possible"),
        (["", "", ""], "no attendance percentage, nor sessions possible and missed"),
    ],
)
def test_rows_that_cannot_be_used_are_reported_by_row(
    tmp_path: Path, cells: list[str], problem: str
) -> None:
    path = _export(
        tmp_path / "a.csv", ["Child ID", "Attendance %", "Possible", "Missed"], ["C-1", *cells]
    )
    export = load_attendance(path)
    assert export.find("C-1", None) is None
    assert export.problems == [f"{path} row 2: {problem}"]


def test_the_latest_period_of_each_child_is_kept(tmp_path: Path) -> None:
    export = load_attendance(
        _export(
            tmp_path / "a.csv",
            ["CHILD", "Period", "Attendance %"],
            ["C-1", "Spring 2025-26", "91%"],
            ["C-1", "2025/26 Autumn", "97%"],
        )
    )
    record = export.find("C-1", None)
    assert record is not None and record.percent == Decimal("91.0")


def test_an_xlsx_export_with_date_and_fraction_cells_is_read(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["LA Child ID", "From", "To", "Attendance Rate"])
    sheet.append(["C-1", dt.datetime(2025, 9, 1), dt.datetime(2025, 12, 19), 0.873])
    book.save(tmp_path / "a.xlsx")
    record = load_attendance(tmp_path / "a.xlsx").find("C-1", None)
    assert record is not None
    assert (record.percent, record.period_end) == (Decimal("87.3"), dt.date(2025, 12, 19))


def test_a_file_with_no_attendance_column_is_refused(tmp_path: Path) -> None:
    path = _export(tmp_path / "a.csv", ["Child ID", "Forename"], ["C-1", "Ann"])
    with pytest.raises(PepdocsError, match="no attendance column"):
        load_attendance(path)


def test_newer_figures_replace_the_peps_and_older_ones_do_not(tmp_path: Path) -> None:
    export = load_attendance(
        _export(
            tmp_path / "a.csv",
            ["Child ID", "Period End", "Attendance %"],
            ["C-1", "17/10/2025", "88%"],
        )
    )
    pep = {
        "child": {"la_child_id": "C-1"},
        "education": {"attendance": {"percent": 97, "period_end": "2025-07-18"}},
    }
    merged, record = apply_attendance(pep, export)
    assert record is not None
    assert merged["education"]["attendance"] == {"percent": 88.0, "period_end": "2025-10-17"}
    assert pep["education"]["attendance"]["percent"] == 97  # the PEP itself is unchanged
    assert export.supplied(merged) is record and export.supplied(pep) is None
    newer = {
        "child": {"la_child_id": "C-1"},
        "education": {"attendance": {"percent": 97, "period_end": "2025-12-19"}},
    }
    assert apply_attendance(newer, export) == (newer, None)
    unknown = {"child": {"la_child_id": "C-2"}}
    assert apply_attendance(unknown, export) == (unknown, None)


def test_pre_filled_forms_carry_the_exports_figures(tmp_path: Path) -> None:
    from tests.batch.rosters import child, write_roster

    roster = write_roster(tmp_path / "roster.csv", [child(1), child(2)])
    export = _export(
        tmp_path / "a.csv",
        ["LA Child ID", "Term", "Possible", "Missed"],
        ["9000001", "Autumn 2025-26", "150", "30"],
    )
    out = tmp_path / "out"
    result = run_batch(
        roster, BatchOptions(out_dir=out, attendance=export, today=dt.date(2026, 1, 12))
    )
    assert result.counts["made"] == 2
    [first, second] = sorted(out.glob("*.docx"))
    attendance = pepdocs.extract(first).pep["education"]["attendance"]
    assert attendance["percent"] == 80 and attendance["sessions_missed"] == 30
    assert "attendance" not in pepdocs.extract(second).pep.get("education", {})
