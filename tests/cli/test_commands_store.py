"""The store's commands: what they print, their exit codes, and their one-line errors."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from pepdocs.batch.returns import ReturnsMade
from pepdocs.cli import main
from tests.store.term import MEETING, SAMPLES, SUMMER, term_forms

Term = tuple[Path, Path, ReturnsMade]


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def term(tmp_path_factory: pytest.TempPathFactory) -> Term:
    return term_forms(tmp_path_factory.mktemp("term"))


@pytest.fixture
def collected(
    term: Term, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A store in PEPDOCS_DB with the samples' term batched and collected."""
    batch, returned, _ = term
    db = tmp_path / "pepdocs.db"
    monkeypatch.setenv("PEPDOCS_DB", str(db))
    monkeypatch.setenv("PEPDOCS_USER", "asha")
    shutil.copytree(batch, tmp_path / "term")
    code, _, err = _main(
        capsys, "batch", str(SAMPLES / "roster.csv"), "--previous", str(SAMPLES),
        "--out", str(tmp_path / "term"), "--as-of", "2026-04-20",
    )
    assert code == 0 and "recorded in" in err
    code, _, _ = _main(capsys, "collect", str(returned), "--as-of", MEETING.isoformat())
    assert code == 0
    return db


def test_batch_without_a_store_records_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _main(
        capsys, "batch", str(SAMPLES / "roster.csv"), "--out", str(tmp_path / "out"),
        "--as-of", "2026-04-20",
    )
    assert code == 0 and "recorded" not in err
    assert not list(tmp_path.rglob("*.db"))


def test_collect_prints_the_table_and_a_summary_and_writes_the_csv(
    term: Term, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch, returned, made = term
    db = tmp_path / "s.db"
    shutil.copytree(batch, tmp_path / "term")
    _main(capsys, "batch", str(SAMPLES / "roster.csv"), "--previous", str(SAMPLES), "--out",
          str(tmp_path / "term"), "--as-of", "2026-04-20", "--db", str(db))
    code, out, err = _main(
        capsys, "collect", str(returned), "--db", str(db), "--as-of", MEETING.isoformat(),
        "--csv", str(tmp_path / "fix.csv"),
    )
    assert code == 0
    assert out.splitlines()[0].split() == ["CHILD", "TERM", "FILE", "WHAT", "FIELD", "TEXT"]
    assert "31st Febtember" in out and "matching no child" in out
    assert err.strip().endswith("1 with no return (2025-26 summer, 2026-27 autumn)")
    with open(tmp_path / "fix.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {row["WHAT"] for row in rows} >= {"unparseable", "invalid", "matching no child"}
    assert made.problems["stranger"][0] in {row["FILE"] for row in rows}


def test_a_form_that_cannot_be_read_is_listed_and_makes_the_exit_code_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "returned"
    folder.mkdir()
    (folder / "pep.docx").write_bytes(b"this is no Word document")
    code, out, err = _main(capsys, "collect", str(folder), "--db", str(tmp_path / "s.db"))
    assert code == 1
    assert "unreadable" in out and "pep.docx" in out
    assert "1 unreadable" in err and "Traceback" not in err


def test_the_workflow_commands_move_peps_and_refuse_what_the_table_does_not_allow(
    collected: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _main(capsys, "send-back", "2015090", "--reason", "Meeting date unreadable")
    assert code == 0 and out.strip() == (
        "child 2015090, 2025-26 summer: returned -> returned to school (version 2)"
    )
    code, _, err = _main(capsys, "approve", "2015090")
    assert code == 1 and err.startswith("error: child 2015090, 2025-26 summer: cannot approve")
    assert len(err.splitlines()) == 1
    code, out, err = _main(capsys, "approve", "--all", "--term", SUMMER)
    assert code == 0 and "8 PEPs of 2025-26 summer" in err
    code, out, _ = _main(capsys, "lock", "2018025")
    assert code == 0 and "approved -> locked" in out
    code, out, _ = _main(capsys, "mark-sent", "--all", "--term", SUMMER)
    assert code == 0  # nothing left pre-filled in the summer term but the one not returned
    assert "prefilled -> sent" in out


def test_the_workflow_commands_need_children_or_all_and_a_reason(
    collected: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _main(capsys, "approve")[0] == 2
    assert _main(capsys, "send-back", "2015090")[0] == 2
    code, _, err = _main(capsys, "approve", "9999999")
    assert code == 2 and "no child with this LA child id or UPN" in err
    code, _, err = _main(capsys, "approve", "2015090", "--term", "summer")
    assert code == 2 and "--term: write an academic year and a term" in err
    code, _, err = _main(capsys, "approve", "2011648", "--version", "1")
    assert code == 1 and "now at version 2, not 1" in err


def test_history_lists_versions_and_steps_and_gives_json(
    collected: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _main(capsys, "history", "2015090", "--fields")
    assert code == 0
    assert out.splitlines()[0] == "child 2015090 (eastborough)"
    assert "state.return: prefilled -> returned (v2)" in out
    assert "      changed  meta.status" in out or "      added    meta.status" in out
    code, out, _ = _main(capsys, "history", "B992401123413", "--format", "json")
    document = json.loads(out)
    assert document["child"] == "2015090"
    assert [v["origin"] for v in document["peps"][0]["versions"]] == ["prefill", "return"]


def test_export_writes_each_format_and_never_replaces_a_file_unasked(
    collected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _main(capsys, "export", "-o", str(tmp_path / "p.csv"), "--all-versions")
    assert code == 0 and "23 PEP versions (csv)" in err
    code, _, err = _main(capsys, "export", "-o", str(tmp_path / "p.csv"))
    assert code == 1 and "already exists; use --force" in err
    code, _, _ = _main(capsys, "export", "-o", str(tmp_path / "p.txt"))
    assert code == 2


def test_check_due_and_report_read_the_store_without_a_folder(
    collected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _main(capsys, "check", "--term", SUMMER, "--as-of", "2026-05-20")
    assert "10 checked as of 2026-05-20" in out and "store:2015090/2025-26/summer/v2" in out
    assert code == 1  # statutory errors found, as with files
    code, out, _ = _main(capsys, "due", "--as-of", "2026-05-20")
    assert code == 0 and "12 children as of 2026-05-20" in out
    code, _, err = _main(capsys, "report", "-o", str(tmp_path / "r.xlsx"), "--as-of", "2026-05-20")
    assert code == 0 and "12 PEPs on record reported" in err
    code, _, err = _main(capsys, "check", str(SAMPLES), "--db", str(collected))
    assert code == 2 and "not both" in err


def test_db_info_backup_restore_and_retention(
    collected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _main(capsys, "db", "info")
    assert code == 0 and f"store: {collected}" in out and "schema: 0004" in out
    code, out, _ = _main(capsys, "db", "backup", str(tmp_path / "b"))
    assert code == 0 and "pepdocs.db: written; 22 document files (22 copied)" in out
    assert _main(capsys, "db", "restore", str(tmp_path / "b"))[0] == 2
    code, out, _ = _main(capsys, "db", "restore", str(tmp_path / "b"), "--yes")
    assert code == 0 and "restored" in out
    code, out, _ = _main(capsys, "db", "retention", "--before", "2999-01-01")
    assert code == 0 and out.startswith("24 documents stored before 2999-01-01 would be removed")
    code, out, _ = _main(capsys, "db", "retention", "--before", "2999-01-01", "--yes")
    assert code == 0 and "24 documents stored before 2999-01-01 removed" in out
    code, out, _ = _main(capsys, "db", "upgrade")
    assert code == 0 and "schema 0004 -> 0004" in out


def test_samples_returns_needs_no_count_and_refuses_one(
    term: Term, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch, _, _ = term
    code, out, _ = _main(capsys, "samples", "--returns", str(batch), "-o", str(tmp_path / "r"),
                         "--meeting-date", "2026-05-11", "--every", "0")
    assert code == 0 and out.strip().endswith("(1 stranger)")
    assert _main(capsys, "samples", "--returns", str(batch), "-o", str(tmp_path / "s"),
                 "-n", "3")[0] == 2
