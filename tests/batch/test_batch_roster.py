"""Rosters: columns found by their usual headers, cells turned into canonical values, every
encoding Excel writes, XLSX too, rows numbered as a spreadsheet shows them."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from pepdocs.batch.roster import estimate_rows, find_columns, normalise_header, open_roster
from pepdocs.errors import DocumentError, PepdocsError, UsageError

from .rosters import HEADERS, child, write_roster


@pytest.mark.parametrize("header", ["DOB", "Date of Birth", "D.O.B.", "date of birth ", "dob"])
def test_every_usual_spelling_of_date_of_birth_is_the_same_column(
    tmp_path: Path, header: str
) -> None:
    headers = [header if name == "DOB" else name for name in HEADERS]
    row = child(1)
    row[header] = row.pop("DOB")
    roster = open_roster(write_roster(tmp_path / "r.csv", [row], headers))
    (read,) = roster.rows()
    assert read.values["child.date_of_birth"] == "2016-03-14"


def test_cells_become_canonical_codes_and_iso_dates(tmp_path: Path) -> None:
    roster = open_roster(write_roster(tmp_path / "r.csv", [child(1, NCY="Year 10")]))
    (row,) = roster.rows()
    assert row.values["education.ncy"] == "10"
    assert row.values["education.sen_provision"] == "N"
    assert row.values["child.gender"] == "F"
    assert row.values["care.placement_start_date"] == "2024-09-02"
    assert row.values["meta.authority"] == "northshire"
    assert row.problems == []


def test_a_bad_cell_is_a_problem_naming_the_column_and_never_the_value(tmp_path: Path) -> None:
    roster = open_roster(write_roster(tmp_path / "r.csv", [child(1, DOB="31/02/2016")]))
    (row,) = roster.rows()
    assert "child.date_of_birth" not in row.values
    assert len(row.problems) == 1
    assert "DOB" in row.problems[0] and "not a date" in row.problems[0]
    assert "31/02" not in row.problems[0]


def test_rows_are_numbered_as_a_spreadsheet_shows_them_and_blank_lines_skipped(
    tmp_path: Path,
) -> None:
    path = write_roster(tmp_path / "r.csv", [child(1), child(2)])
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\r\n,,,\r\n", 2))
    assert [row.number for row in open_roster(path).rows()] == [3, 5]


@pytest.mark.parametrize(
    "encoding, prefix",
    [("cp1252", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b"")],
    ids=["windows-1252", "utf-8 with BOM", "utf-16"],
)
def test_a_roster_in_each_encoding_excel_writes_reads_the_same(
    tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    rows = [child(1, Forename="Zoë", Surname="Ó Dálaigh"), child(2, Forename="Renée")]
    path = tmp_path / "r.csv"
    write_roster(path, rows, encoding=encoding)
    path.write_bytes(prefix + path.read_bytes())
    read = list(open_roster(path).rows())
    assert [row.values["child.first_name"] for row in read] == ["Zoë", "Renée"]
    assert read[0].values["child.last_name"] == "Ó Dálaigh"
    # the BOM must not stick to the first header
    assert read[0].values["child.la_child_id"] == "9000001"


def test_windows_1252_far_down_a_long_roster_is_still_found(tmp_path: Path) -> None:
    rows = [child(number) for number in range(1, 400)] + [child(400, Forename="José")]
    path = write_roster(tmp_path / "r.csv", rows, encoding="cp1252")
    last = list(open_roster(path).rows())[-1]
    assert last.values["child.first_name"] == "José"


def test_an_xlsx_roster_reads_like_a_csv_one_with_real_date_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(HEADERS))
    row = child(1)
    cells: list[object] = [row[header] for header in HEADERS]
    cells[HEADERS.index("DOB")] = dt.datetime(2016, 3, 14)
    cells[HEADERS.index("URN")] = 991299
    sheet.append(cells)
    book.save(tmp_path / "r.xlsx")
    (read,) = open_roster(tmp_path / "r.xlsx").rows()
    assert read.number == 2
    assert read.values["child.date_of_birth"] == "2016-03-14"
    assert read.values["education.urn"] == "991299"
    assert read.values["education.ncy"] == "5"
    assert estimate_rows(tmp_path / "r.xlsx") == 1


def test_a_roster_without_any_child_identifier_column_is_refused(tmp_path: Path) -> None:
    headers = [name for name in HEADERS if name not in ("LA Child ID", "UPN")]
    path = write_roster(tmp_path / "r.csv", [child(1)], headers)
    with pytest.raises(PepdocsError, match="LA id or UPN"):
        open_roster(path)


def test_a_word_document_renamed_csv_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(DocumentError, match=r"r\.csv"):
        open_roster(path)


def test_other_file_kinds_are_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.csv or \.xlsx"):
        open_roster(tmp_path / "roster.json")


def test_a_mapping_files_roster_columns_are_searched_first() -> None:
    columns, ignored = find_columns(
        ["Child Number", "Birthday", "Shoe size"], {"Child Number": "child.la_child_id"}
    )
    assert columns[0].path == "child.la_child_id"
    assert ignored == ["Birthday", "Shoe size"]
    assert normalise_header("D.O.B.") == normalise_header("dob")
