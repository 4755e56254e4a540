"""The 903 route to a term's forms: the people file, the join, and the batch it feeds."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

import pepdocs
from pepdocs.batch import BatchOptions, read_manifest
from pepdocs.cohort import (
    FROM_903_REPORT,
    cohort_roster,
    load_cohort,
    load_people,
    prefill_from_903,
)
from pepdocs.errors import PepdocsError
from tests.ssda903.exports import CASES, DATA, SHIPPED_XML

PEOPLE = DATA / "ssda903-people.csv"
ON = dt.date(2025, 1, 6)
HEADERS = [
    "CHILD",
    "Forename",
    "Surname",
    "DOB",
    "School",
    "URN",
    "Year Group",
    "Designated Teacher",
    "Social Worker",
    "Carer Name",
]


def _people(path: Path, *rows: list[str], headers: list[str] = HEADERS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


# --- the people file -----------------------------------------------------------------------


def test_the_shipped_people_file_is_keyed_by_the_903_child_id() -> None:
    people = load_people(PEOPLE)
    assert len(people.rows) == 14 and not people.problems
    row = people.get("10959")
    assert row is not None
    assert row.get("child.first_name") == "Tobias"
    assert row.get("education.urn") == "990101"
    assert row.get("education.designated_teacher.name") == "Ms Oona Fairweather"


def test_a_people_file_in_xlsx_is_read_as_a_csv_is(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Child ID", "First Name", "Last Name"])
    sheet.append([900001, "Quinn", "Example"])
    book.save(tmp_path / "people.xlsx")
    row = load_people(tmp_path / "people.xlsx").get("900001")
    assert row is not None and row.get("child.first_name") == "Quinn"


def test_people_file_problems_name_the_row_and_never_the_value(tmp_path: Path) -> None:
    path = _people(
        tmp_path / "people.csv",
        ["900001", "Quinn", "Example", "31/02/2013", "Nowhere School", "", "", "", "", ""],
        ["900001", "Quinn", "Again", "", "", "", "", "", "", ""],
        ["", "Nobody", "Example", "", "", "", "", "", "", ""],
    )
    people = load_people(path)
    row = people.get("900001")
    assert row is not None and row.get("child.date_of_birth") is None
    assert row.get("education.setting_name") == "Nowhere School"
    assert people.problems[0].startswith(f"{path} row 2: column 'DOB' (child.date_of_birth):")
    assert f"{path} row 3: the same child as row 2; row not used" in people.problems
    assert f"{path} row 4: no child id; row not used" in people.problems
    assert not any("31/02" in problem or "Nobody" in problem for problem in people.problems)


def test_a_value_the_model_refuses_is_left_blank_and_the_form_still_made(tmp_path: Path) -> None:
    people = load_people(
        _people(
            tmp_path / "people.csv",
            ["900001", "Quinn", "Example", "", "Nowhere School", "12AB", "", "", "", ""],
        )
    )
    join = cohort_roster(load_cohort(CASES / "care-period-changes", ON), people)
    [row] = join.rows
    assert "education.urn" not in row.values
    assert row.values["education.setting_name"] == "Nowhere School"
    [note] = join.entries[0].notes
    assert note.startswith("education.urn: Not a URN") and note.endswith("Left blank.")
    assert "12AB" not in note


def test_a_people_file_without_a_child_id_column_is_refused(tmp_path: Path) -> None:
    path = _people(tmp_path / "people.csv", ["A", "B"], headers=["UPN", "Forename"])
    with pytest.raises(PepdocsError, match="no column for the 903 child id"):
        load_people(path)


# --- the join ------------------------------------------------------------------------------


def test_a_child_gets_the_903s_care_facts_and_the_people_files_names(tmp_path: Path) -> None:
    people = load_people(
        _people(
            tmp_path / "people.csv",
            [
                "900001",
                "Quinn",
                "Example",
                "01/01/2013",
                "Nowhere Academy",
                "990999",
                "8",
                "Dana Teacher",
                "Sam Worker",
                "Pat Carer",
            ],
        )
    )
    join = cohort_roster(load_cohort(CASES / "care-period-changes", ON), people)
    [row] = join.rows
    assert row.number == 2
    assert row.values == {
        "child.la_child_id": "900001",
        "child.date_of_birth": "2013-03-14",  # the 903's, not the people file's
        "child.upn": "UN2",
        "child.gender": "F",
        "child.ethnicity": "WBRI",
        "care.legal_status": "C2",
        "care.date_became_looked_after": "2024-01-05",
        "care.number_of_placements": 2,
        "care.emergency_entry": True,
        "care.placement_type": "U4",
        "care.placement_start_date": "2024-02-20",
        "education.ncy": "8",  # the recorded year group wins over the one by age (7)
        "meta.phase": "school_age",
        "child.first_name": "Quinn",
        "child.last_name": "Example",
        "education.setting_name": "Nowhere Academy",
        "education.urn": "990999",
        "education.designated_teacher.name": "Dana Teacher",
        "care.social_worker.name": "Sam Worker",
        "care.carer.name": "Pat Carer",
    }
    [entry] = join.entries
    assert (entry.status, entry.row, entry.people_row) == ("form", 2, 2)
    assert entry.notes == [
        "child.date_of_birth: the people file differs from the 903 export; the 903's is used",
        "education.ncy: the people file records another year group than the child's age "
        "gives; the recorded one is used",
    ]


def test_children_missing_from_the_people_file_still_get_a_row_and_are_reported() -> None:
    join = cohort_roster(
        load_cohort(CASES / "short-breaks", dt.date(2025, 1, 4)), load_people(PEOPLE)
    )
    assert [entry.status for entry in join.entries] == [
        "no PEP",
        "no PEP",
        "form",
        *["not in the cohort"] * 14,
    ]
    assert [row.get("child.la_child_id") for row in join.rows] == ["900006"]
    [missing] = join.missing_from_people
    assert missing.notes == ["not in the people file: names, school and contacts are blank"]
    assert len(join.not_in_cohort) == 14
    assert join.not_in_cohort[0].notes == [
        "not looked after on 2025-01-04 in the 903 export: no form made"
    ]


def test_what_the_903_cannot_give_is_left_blank_and_noted() -> None:
    join = cohort_roster(load_cohort(SHIPPED_XML, dt.date(2018, 3, 31)))
    entry = next(entry for entry in join.entries if entry.child_id == "19502")
    row = join.rows[entry.row - 2]  # type: ignore[operator]
    assert "care.placement_type" not in row.values  # H5, retired after 2024-25
    assert "care.date_became_looked_after" not in row.values
    assert entry.notes[:2] == [
        "care.placement_type: the 903 code 'H5' has no place in the model's 2025-26 list (a "
        "code of an earlier year?); left blank",
        "care.date_became_looked_after: the period of care began before the export's first "
        "episode; left for the people file or the previous PEP",
    ]


# --- the forms -----------------------------------------------------------------------------


def test_the_forms_are_made_by_the_batch_and_the_join_written_beside_them(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cohort = load_cohort(CASES / "open-on-the-date", ON)
    people = load_people(
        _people(tmp_path / "people.csv", ["900013", "Ada", "Example", "", "", "", "", "", "", ""])
    )
    done = prefill_from_903(
        cohort, BatchOptions(out_dir=out, authority="northshire", today=ON), people=people
    )
    assert done.batch.counts["made"] == 3 and done.batch.exit_code == 0
    manifest = read_manifest(out)
    assert sorted(manifest) == [
        "northshire-900009-2024-25-spring.docx",
        "northshire-900012-2024-25-spring.docx",
        "northshire-900013-2024-25-spring.docx",
    ]
    report = _csv_rows(done.report)
    assert done.report == out / FROM_903_REPORT
    assert [(r["row"], r["child_id"], r["status"], r["people_row"]) for r in report] == [
        ("2", "900009", "form", ""),
        ("", "900011", "no PEP", ""),  # 18 on 15/12/2024: the open episode is a data error
        ("3", "900012", "form", ""),
        ("4", "900013", "form", "2"),
    ]
    manifest_rows = _csv_rows(out / "manifest.csv")
    assert [(r["row"], r["child_id"]) for r in manifest_rows] == [
        (r["row"], r["child_id"]) for r in report if r["row"]
    ]
    extraction = pepdocs.extract(out / "northshire-900013-2024-25-spring.docx")
    assert extraction.pep["child"]["first_name"] == "Ada"
    assert extraction.pep["care"]["placement_type"] == "U4"
    assert extraction.pep["care"]["placement_start_date"] == "2024-06-15"
    # a rerun makes nothing again and keeps the report current
    again = prefill_from_903(
        cohort, BatchOptions(out_dir=out, authority="northshire", today=ON), people=people
    )
    assert again.batch.counts["unchanged"] == 3


@pytest.mark.slow  # a big input: the whole shipped export
def test_the_shipped_sample_and_its_people_file_make_the_terms_forms(tmp_path: Path) -> None:
    as_of = dt.date(2018, 3, 31)
    out = tmp_path / "out"
    done = prefill_from_903(
        load_cohort(SHIPPED_XML, as_of),
        BatchOptions(out_dir=out, authority="northshire", today=as_of),
        people=load_people(PEOPLE),
    )
    assert done.batch.counts["made"] == 117 and not done.batch.failures
    assert len(done.join.missing_from_people) == 105
    assert [entry.child_id for entry in done.join.not_in_cohort] == ["907440", "999991"]
    extraction = pepdocs.extract(out / "northshire-10959-2017-18-spring.docx")
    assert extraction.pep["child"]["last_name"] == "Marchetti"
    assert extraction.pep["care"]["legal_status"] == "C2"
    assert extraction.pep["education"]["ncy"] == "8"
    assert extraction.pep["health"]["sdq_score"] == 18
