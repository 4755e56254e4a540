"""Reading a 903 export: the shipped files, every table, and the problems real exports have."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from pepdocs.errors import DocumentError, PepdocsError, UnsafeDocumentError, UsageError
from pepdocs.ssda903 import Return903, load_903, parse_903_date, write_problems
from tests.ssda903.exports import (
    EPISODES,
    HEADER,
    REVIEWS,
    SHIPPED,
    SHIPPED_XML,
    episode,
    write_export,
)

ALL_TABLES = {
    "ad1",
    "episodes",
    "header",
    "missing",
    "oc2",
    "oc3",
    "placed_for_adoption",
    "previous_permanence",
    "reviews",
    "sw_episodes",
    "uasc",
}


@pytest.fixture(scope="module")
def shipped_csv() -> Return903:
    return load_903(SHIPPED)


@pytest.fixture(scope="module")
def shipped_xml() -> Return903:
    return load_903(SHIPPED_XML)


# --- the shipped export --------------------------------------------------------------------


def test_every_shipped_csv_file_is_recognised_by_its_columns(shipped_csv: Return903) -> None:
    assert {read.kind for read in shipped_csv.files} == ALL_TABLES
    assert {Path(read.path).stem for read in shipped_csv.files} == ALL_TABLES


def test_the_shipped_csv_set_is_read_whole(shipped_csv: Return903) -> None:
    assert len(shipped_csv.children) == 2675
    assert sum(map(len, shipped_csv.episodes.values())) == 5050
    # 12,582 review rows, two of them exact repeats of another row
    assert sum(map(len, shipped_csv.reviews.values())) == 12580
    assert len(shipped_csv.uasc) == 132
    assert len(shipped_csv.other["oc2"]) == 2675
    assert len(shipped_csv.other["sw_episodes"]) == 1
    assert shipped_csv.rows_left_out == 0


def test_a_childs_episodes_are_kept_in_order_with_their_values(shipped_csv: Return903) -> None:
    first, second = shipped_csv.episodes["566910"]
    assert (first.start, first.end, first.reason_new, first.legal_status) == (
        dt.date(2016, 2, 15),
        dt.date(2017, 8, 14),
        "L",
        "C2",
    )
    assert (first.placement, first.provider, first.reason_ended) == ("T2", "PR0", "X1")
    assert first.reason_placement_changed == "CLOSE"
    assert (second.start, second.end, second.placement) == (dt.date(2017, 8, 14), None, "A3")
    assert str(first.source) == f"{SHIPPED / 'episodes.csv'} row 2"


def test_the_shipped_xml_is_read_into_the_same_tables(shipped_xml: Return903) -> None:
    assert {read.kind for read in shipped_xml.files} == ALL_TABLES - {"sw_episodes"}
    assert len(shipped_xml.children) == 253
    assert sum(map(len, shipped_xml.episodes.values())) == 459
    assert sum(map(len, shipped_xml.reviews.values())) == 1206
    # UASC is a header element in the XML form: 12 children carry UASC 1 and a DUC
    assert len(shipped_xml.uasc) == 12
    assert shipped_xml.uasc["996322"].ceased == dt.date(2020, 9, 28)
    child = shipped_xml.children["907440"]
    assert (child.sex, child.date_of_birth, child.ethnicity) == ("2", dt.date(2010, 7, 28), "BAFR")
    # PL is the XML's name for PLACE
    assert [e.placement for e in shipped_xml.episodes["907440"]] == ["R5", "P2"]


def test_the_validators_deliberate_errors_are_reported_at_file_row_and_column(
    shipped_csv: Return903,
) -> None:
    found = {(Path(p.source.file).name, p.source.row, p.column): p for p in shipped_csv.problems}
    placed = found[("placed_for_adoption.csv", 2, "REASON_PLACED_CEASED")]
    assert placed.message == "'XXX' is not a valid code"
    assert not placed.left_out
    assert found[("sw_episodes.csv", 2, "SW_REASON")].message == "'SWLAZY' is not a valid code"
    # the row stays: its other values are kept
    assert shipped_csv.other["placed_for_adoption"][0].values["DATE_PLACED"] == dt.date(
        2015, 11, 22
    )
    assert ("header.csv", 2, "UPN") in found


def test_a_code_a_spreadsheet_turned_into_a_number_is_read(shipped_csv: Return903) -> None:
    # header.csv has MOTHER "1.0" once: the 1 it was
    assert not [p for p in shipped_csv.problems if p.column == "MOTHER"]


def test_problems_never_show_a_date_of_birth_or_free_text(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "export",
        {
            "header.csv": [HEADER, "700001,1,31/02/2012,John Smith,UN1,,"],
            "episodes.csv": [EPISODES, episode("700001", "01/05/2017", "S", "C2", "U4")],
        },
    )
    data = load_903(folder)
    text = "\n".join(str(problem) for problem in data.problems)
    assert "31/02/2012" not in text and "John" not in text
    assert "header.csv row 2 (child 700001): DOB: not a date written DD/MM/YYYY" in text
    assert "ETHNIC: the value is not a valid code" in text
    assert data.children["700001"].date_of_birth is None


# --- files as exports make them ------------------------------------------------------------


def test_files_are_recognised_whatever_their_names_and_header_case(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "export",
        {
            "LCS_903_EXPORT_A.CSV": [HEADER.lower(), "700001,1,01/02/2012,WBRI,UN1,,"],
            "zz.csv": [" child ,decom, rne,ls,place,dec,rec", "700001,01/05/2017,S,C2,U4,,"],
        },
    )
    data = load_903(folder)
    assert {read.kind for read in data.files} == {"header", "episodes"}
    assert data.episodes["700001"][0].placement == "U4"


def test_a_file_of_other_columns_is_noted_and_left_alone(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "export",
        {
            "episodes.csv": [EPISODES, episode("700001", "01/05/2017", "S", "C2", "U4")],
            "budget.csv": ["Team,Spend", "North,1200"],
        },
    )
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    data = load_903(folder)
    assert any(
        "budget.csv: not read (its columns are those of no 903 table)" in n for n in data.notes
    )
    assert any("notes.txt: not read" in n for n in data.notes)


def test_a_folder_with_no_903_table_is_an_error(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", {"budget.csv": ["Team,Spend", "North,1"]})
    with pytest.raises(PepdocsError, match="no 903 table found"):
        load_903(folder)
    with pytest.raises(UsageError, match="no such file or folder"):
        load_903(tmp_path / "missing")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_csv_files_are_read_in_the_encodings_excel_writes(tmp_path: Path, encoding: str) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "header.csv").write_text(
        HEADER + "\n700001,1,01/02/2012,WBRI,UN1,,\n", encoding=encoding
    )
    assert load_903(folder).children["700001"].date_of_birth == dt.date(2012, 2, 1)


def test_a_folder_holding_the_csv_set_and_the_xml_reads_the_csv_set(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "export",
        {"episodes.csv": [EPISODES, episode("700001", "01/05/2017", "S", "C2", "U4")]},
    )
    shutil.copy(SHIPPED_XML, folder)
    data = load_903(folder)
    assert list(data.episodes) == ["700001"]
    assert any("fake_903.xml: not read (the folder's CSV files are" in n for n in data.notes)


# --- rows and values -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("14/08/2017", dt.date(2017, 8, 14)),
        ("4/8/2017", dt.date(2017, 8, 4)),
        ("2017-08-14", dt.date(2017, 8, 14)),
        ("14/08/2017 00:00:00", dt.date(2017, 8, 14)),
    ],
)
def test_dates_are_day_first(text: str, day: dt.date) -> None:
    assert parse_903_date(text) == day


@pytest.mark.parametrize("text", ["08/14/2017", "14/08/17", "14 Aug 2017", "14/08/2017 10:30"])
def test_dates_that_are_not_dd_mm_yyyy_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_903_date(text)


def test_a_row_without_its_key_is_left_out_and_the_rest_kept(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "export",
        {
            "episodes.csv": [
                EPISODES,
                episode("700001", "01/05/2017", "S", "C2", "U4"),
                episode("700001", "2017/06/01", "P", "C2", "U6"),
                episode("", "01/07/2017", "P", "C2", "U6"),
                episode("700002", "03/03/2018", "S", "V2", "U6"),
            ],
            "reviews.csv": [REVIEWS, "700001,01/02/2012,,PN1"],
        },
    )
    data = load_903(folder)
    assert sorted(data.episodes) == ["700001", "700002"]
    assert len(data.episodes["700001"]) == 1
    left_out = sorted(str(problem) for problem in data.problems if problem.left_out)
    assert left_out == [
        f"{folder / 'episodes.csv'} row 3 (child 700001): DECOM: not a date written "
        "DD/MM/YYYY; row left out",
        f"{folder / 'episodes.csv'} row 4: CHILD: no child id; row left out",
        f"{folder / 'reviews.csv'} row 2 (child 700001): REVIEW: missing; row left out",
    ]


def test_codes_are_checked_against_the_lists_of_the_rows_own_years(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "export",
        {
            "episodes.csv": [
                EPISODES,
                # H5 was retired after 2024-25: fine in 2018, not for an episode begun in 2025
                episode("700001", "01/05/2018", "S", "C2", "H5", "01/06/2018", "E13"),
                episode("700002", "01/05/2025", "S", "C2", "H5"),
                # Z11 came in 2025-26: not in 2018; an episode open since 2023 may carry it
                episode("700003", "01/05/2018", "S", "C2", "Z11", "01/06/2018", "E13"),
                episode("700004", "01/05/2023", "S", "C2", "Z11"),
                episode("700005", "01/05/2023", "S", "c2", "u4", provider="pr1"),
                episode("700006", "01/05/2023", "Q", "C9", "U4", provider="PR9"),
            ],
        },
    )
    data = load_903(folder)
    problems = {(p.child_id, p.column): p.message for p in data.problems}
    assert problems == {
        ("700002", "PLACE"): "'H5' is not a valid code in 2025-26 or later (valid until 2024-25)",
        ("700003", "PLACE"): "'Z11' is not a valid code in 2018-19 (valid from 2025-26)",
        ("700006", "RNE"): "'Q' is not a valid code",
        ("700006", "LS"): "'C9' is not a valid code",
        ("700006", "PLACE_PROVIDER"): "'PR9' is not a valid code",
    }
    # the bad value is dropped, the episode kept; lower case is read as the code
    assert data.episodes["700002"][0].placement is None
    assert data.episodes["700005"][0].placement == "U4"


def test_one_collection_year_can_be_enforced_as_the_dfes_validation_does(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "export",
        {"episodes.csv": [EPISODES, episode("700001", "01/05/2018", "S", "C2", "H5")]},
    )
    assert not load_903(folder).problems
    data = load_903(folder, collection_year="2025-26")
    assert [p.message for p in data.problems] == [
        "'H5' is not a valid code in 2025-26 (valid until 2024-25)"
    ]


def test_exact_repeats_are_kept_once_and_differing_ones_reported(tmp_path: Path) -> None:
    row = episode("700001", "01/05/2017", "S", "C2", "U4")
    folder = write_export(
        tmp_path / "export",
        {
            "episodes-2017.csv": [EPISODES, row],
            "episodes-2018.csv": [EPISODES, row, episode("700001", "01/05/2017", "S", "C1", "U4")],
        },
    )
    data = load_903(folder)
    assert len(data.episodes["700001"]) == 1
    assert data.episodes["700001"][0].legal_status == "C2"
    [problem] = data.problems
    assert problem.left_out and problem.source.row == 3
    assert problem.message.startswith("this child has another episode starting that day (")


def test_episodes_of_a_child_without_a_header_record_are_reported(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "export",
        {
            "header.csv": [HEADER, "700001,1,01/02/2012,WBRI,UN1,,"],
            "episodes.csv": [EPISODES, episode("700002", "01/05/2017", "S", "C2", "U4")],
        },
    )
    [problem] = load_903(folder).problems
    assert problem.child_id == "700002"
    assert "no header record" in problem.message


def test_every_problem_can_be_written_to_a_csv_file(shipped_csv: Return903, tmp_path: Path) -> None:
    written = write_problems(shipped_csv.problems, tmp_path / "problems.csv")
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "file,row,element,child_id,column,problem,row_left_out"
    assert len(lines) == len(shipped_csv.problems) + 1


# --- the XML form --------------------------------------------------------------------------


def _xml(tmp_path: Path, body: str, name: str = "return.xml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_an_xml_file_with_a_dtd_is_refused(tmp_path: Path) -> None:
    path = _xml(
        tmp_path,
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><EXPSSDA903>&e;</EXPSSDA903>',
    )
    with pytest.raises(UnsafeDocumentError, match="DTD"):
        load_903(path)


def test_an_xml_file_that_is_not_a_903_return_is_refused(tmp_path: Path) -> None:
    path = _xml(tmp_path, "<Invoices><Invoice/></Invoices>")
    with pytest.raises(DocumentError, match="not the XML form of an SSDA903 return"):
        load_903(path)


def test_xml_elements_pepdocs_does_not_know_are_noted(tmp_path: Path) -> None:
    path = _xml(
        tmp_path,
        "<EXPSSDA903><CHILD><HEADER><CHILDID>700001</CHILDID><DOB>01/02/2012</DOB>"
        "<NEWTHING><X>1</X></NEWTHING></HEADER><EPISODE><DECOM>01/05/2017</DECOM><RNE>S</RNE>"
        "<LS>C2</LS><PL>U4</PL></EPISODE><SWEPISODE><SW_ID>SW1</SW_ID></SWEPISODE></CHILD>"
        "</EXPSSDA903>",
    )
    data = load_903(path)
    assert data.episodes["700001"][0].placement == "U4"
    assert any("element HEADER/NEWTHING not read (1 times)" in note for note in data.notes)
    assert any("element SWEPISODE not read" in note for note in data.notes)
