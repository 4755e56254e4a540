"""The 903 and attendance options of ``batch`` and ``check``, through the console entry point."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pepdocs.cli import main
from tests.ssda903.exports import CASES, DATA, SHIPPED_XML


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.slow  # a big input: the whole shipped export
def test_batch_from_903_makes_the_forms_and_reports_the_join(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, _, err = _main(
        capsys,
        "batch",
        "--from-903",
        str(SHIPPED_XML),
        "--people",
        str(DATA / "ssda903-people.csv"),
        "--authority",
        "northshire",
        "--as-of",
        "31/03/2018",
        "--out",
        str(out),
    )
    assert code == 0
    assert "133 looked after on 2018-03-31: 117 need a form, 16 need no PEP" in err
    assert "not in the people file (forms made from the 903 alone): 196309, 199112" in err
    assert "people-file rows not in the cohort (no form): row 14, row 15" in err
    assert "117 rows: 117 made; manifest:" in err
    assert len(list(out.glob("northshire-*-2017-18-spring.docx"))) == 117
    with (out / "from-903.csv").open(encoding="utf-8") as stream:
        report = list(csv.DictReader(stream))
    assert len(report) == 133 + 2
    assert "Marchetti" not in err  # names go into the forms, not onto the screen


def test_batch_needs_a_roster_or_an_export_but_not_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _main(capsys, "batch", "--out", str(tmp_path / "o"))
    assert code == 2 and "give a roster file, or --from-903 903-DIR" in err
    code, _, err = _main(
        capsys,
        "batch",
        "roster.csv",
        "--from-903",
        str(CASES / "remand"),
        "--out",
        str(tmp_path / "o"),
    )
    assert code == 2 and "not both" in err
    code, _, err = _main(
        capsys,
        "batch",
        str(DATA / "ssda903-people.csv"),
        "--people",
        str(DATA / "ssda903-people.csv"),
        "--out",
        str(tmp_path / "o"),
    )
    assert code == 2 and "--people and --collection-year go with --from-903" in err


def test_check_takes_newer_attendance_from_an_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = Path(__file__).resolve().parents[2] / "samples" / "pep-oisin-obrien.json"
    pep = json.loads(sample.read_text(encoding="utf-8"))
    child_id = pep["child"]["la_child_id"]
    pep["education"].pop("attendance", None)
    (tmp_path / "peps").mkdir()
    (tmp_path / "peps" / "pep.json").write_text(json.dumps(pep), encoding="utf-8")
    export = tmp_path / "attendance.csv"
    export.write_text(
        f"Child ID,Period,Attendance %\n{child_id},Spring 2025-26,84%\n", encoding="utf-8"
    )
    before, out, _ = _main(capsys, "check", str(tmp_path / "peps"), "--as-of", "2026-03-02")
    assert "QA050 attendance-missing" in out
    after, out, _ = _main(
        capsys,
        "check",
        str(tmp_path / "peps"),
        "--as-of",
        "2026-03-02",
        "--attendance",
        str(export),
    )
    assert "QA050" not in out
    # no attendance record breaches Schedule 1 (an error); the export's figures mend it
    assert (before, after) == (1, 0)
    assert "QA052 persistent-absence" in out
    assert f"attendance from {export} row 2" in out


def test_due_from_903_lists_each_child_by_urgency(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    target = tmp_path / "due.csv"
    code, out, err = _main(
        capsys,
        "due",
        str(samples / "ssda903-peps"),
        "--from-903",
        str(samples / "ssda903"),
        "--people",
        str(samples / "ssda903-people.csv"),
        "--authority",
        "northshire",
        "--as-of",
        "2026-01-05",
        "--csv",
        str(target),
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "CHILD",
        "status",
        "due",
        "kind",
        "basis",
        "care",
        "review",
        "PEP",
        "meeting",
        "leaves",
        "care",
    ]
    assert lines[2].split() == [
        "700108",
        "overdue",
        "2025-12-02",
        "initial_care_plan",
        "statute",
        "2026-03-16",
        "none",
        "-",
    ]
    assert (
        "8 children needing a PEP on 2026-01-05: 2 overdue, 0 due soon, 2 with no PEP on "
        "record" in err
    )
    assert "Thornbury" not in out  # names only in the CSV
    with target.open(encoding="utf-8") as stream:
        rows = {row["la_child_id"]: row for row in csv.DictReader(stream)}
    assert rows["700101"]["child"] == "Maisie Thornbury"
    assert rows["700106"]["leaves_care"] == "2026-01-17"


def test_due_from_903_without_peps_says_every_initial_pep_shows_outstanding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _main(
        capsys, "due", "--from-903", str(CASES / "remand"), "--as-of", "2025-01-06"
    )
    assert code == 0 and "no folder of PEPs given" in err
    code, out, _ = _main(capsys, "due", "--as-of", "2025-01-06", "--db", str(tmp_path / "s.db"))
    assert code == 0 and "0 children as of 2025-01-06" in out  # no folder: the store's PEPs
