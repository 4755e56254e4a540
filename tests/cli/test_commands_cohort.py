"""``pepdocs cohort``: the table on screen, the files, and the export's problems."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pepdocs.cli import cli, main
from tests.ssda903.exports import CASES, SHIPPED, SHIPPED_XML


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The console entry point, where errors become one line and an exit code."""
    try:
        main(list(args))
    except SystemExit as stop:
        code = int(stop.code or 0)
    return code, capsys.readouterr().err


def test_the_table_lists_each_child_and_never_a_date_of_birth() -> None:
    code, out, err = _run("cohort", str(CASES / "care-period-changes"), "--as-of", "2025-01-06")
    assert code == 0
    header, row = out.splitlines()
    assert header.split()[:4] == ["CHILD", "AGE", "NCY", "PHASE"]
    assert row.split() == [
        "900001",
        "11",
        "7",
        "school_age",
        "2024-01-05",
        "yes",
        "C2",
        "U4",
        "2024-02-20",
        "1",
        "-",
        "2024-10-24",
    ]
    assert "2013" not in out  # the date of birth, 14/03/2013
    assert "1 children looked after on 2025-01-06; 1 need a PEP (early years 0, school age 1" in err


def test_a_period_begun_before_the_export_shows_a_question_mark_and_flags_show() -> None:
    _, out, _ = _run("cohort", str(CASES / "open-on-the-date"), "--as-of", "06/01/2025")
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    assert rows["900011"][4] == "2023-06-01?"
    _, out, _ = _run("cohort", str(CASES / "remand"), "--as-of", "06/01/2025")
    assert out.splitlines()[1].split()[10] == "remand,UASC"


def test_csv_to_the_screen_holds_every_column(tmp_path: Path) -> None:
    code, out, _ = _run(
        "cohort", str(CASES / "short-breaks"), "--as-of", "2025-01-04", "--format", "csv"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["child_id"] for row in rows] == ["900004", "900005", "900006"]
    assert rows[0]["short_breaks_only"] == "yes" and rows[0]["needs_pep"] == "no"
    assert rows[0]["date_of_birth"] == "2014-05-11"


def test_json_and_xlsx_files_are_written_and_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "cohort.json"
    code, _, err = _run("cohort", str(SHIPPED_XML), "--as-of", "2018-03-31", "-o", str(target))
    assert code == 0 and f"{target}: 133 children written" in err
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["as_of"] == "2018-03-31" and len(document["children"]) == 133
    code, err = _main(
        capsys, "cohort", str(SHIPPED_XML), "--as-of", "2018-03-31", "-o", str(target)
    )
    assert code == 1 and f"error: {target}: already exists; use --force" in err

    book_path = tmp_path / "cohort.xlsx"
    code, _, _ = _run("cohort", str(SHIPPED_XML), "--as-of", "2018-03-31", "-o", str(book_path))
    assert code == 0
    book = load_workbook(book_path)
    sheet = book["Cohort"]
    assert sheet.max_row == 134 and sheet["A1"].value == "child_id"
    assert book["About"]["B2"].value == 133


def test_xlsx_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _main(
        capsys, "cohort", str(SHIPPED_XML), "--as-of", "2018-03-31", "--format", "xlsx"
    )
    assert code == 2 and "give -o FILE for xlsx" in err


def test_the_exports_problems_are_summarised_and_listed_on_request(tmp_path: Path) -> None:
    listed = tmp_path / "problems.csv"
    code, _, err = _run("cohort", str(SHIPPED), "--as-of", "2018-03-31", "--problems", str(listed))
    assert code == 0
    assert "fake_903.xml: not read (the folder's CSV files are" in err
    assert "2613 problems in the export (0 rows left out):" in err
    assert (
        "placed_for_adoption.csv: REASON_PLACED_CEASED: 29 rows (first at row 2: 'XXX' is "
        "not a valid code)" in err
    )
    assert len(listed.read_text(encoding="utf-8").splitlines()) == 2614


def test_a_wrong_collection_year_or_date_is_one_line_and_no_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, err = _main(
        capsys,
        "cohort",
        str(CASES / "remand"),
        "--as-of",
        "2025-01-06",
        "--collection-year",
        "2025",
    )
    assert code == 1 and err == "error: '2025' is not a collection year; write it as 2025-26\n"
    code, err = _main(capsys, "cohort", str(CASES / "remand"), "--as-of", "06/13/2025")
    assert code == 2 and "--as-of: not a real calendar date" in err
    assert "Traceback" not in err
