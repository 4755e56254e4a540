"""``pepdocs check``, ``pepdocs due`` and ``pepdocs report`` through click and as a process."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pepdocs.cli import cli
from pepdocs.cli.commands_check import COMMANDS


def a_pep(child_id: str, **meta: Any) -> dict[str, Any]:
    """A fictional review PEP with three SMART targets (green before its next deadline)."""
    target = {"area": "literacy", "lead": "Class teacher", "due_date": "2026-01-30",
              "description": "Read aloud at home", "success_criteria": "4 times a week"}
    return {
        "meta": {"authority": "northshire", "phase": "school_age", "pep_type": "review",
                 "meeting_date": "2025-10-08", "previous_pep_date": "2025-06-11",
                 "next_review_date": "2026-02-04", **meta},
        "child": {"first_name": "Zephyrine", "last_name": "Quill", "la_child_id": child_id,
                  "date_of_birth": "2016-03-14", "upn": "B801200005001",
                  "leisure_interests": "Art club."},
        "care": {"legal_status": "C2", "date_became_looked_after": "2023-04-03",
                 "carer": {"name": "Robin Quill", "education_role": "Reads with her nightly."}},
        "education": {"setting_name": "Northshire Test Primary", "ncy": "5",
                      "sen_provision": "N",
                      "attendance": {"percent": 97, "period_end": "2025-10-03"}},
        "attainment": [{"subject": "Reading", "current": "EXS"}],
        "views": {"child": "Likes art."},
        "previous_targets": [{"description": "Read 3 books", "outcome": "met"}],
        "targets": [{**target, "id": f"T{n}"} for n in (1, 2, 3)],
    }


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    folder = tmp_path / "peps"
    folder.mkdir()
    write(folder, "a.json", a_pep("C-1"))
    write(folder, "b.json", a_pep("C-2", meeting_date="2026-01-21", next_review_date="2026-05-01"))
    return folder


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_every_command_is_registered_and_documented_with_an_example(command: Any) -> None:
    assert cli.commands[command.name] is command
    assert "Example:" in (command.help or "")
    assert "\b" in (command.help or "")


@pytest.mark.slow
def test_check_prints_ratings_and_findings_and_exits_0_without_errors(
    runner: CliRunner, cohort: Path
) -> None:
    result = runner.invoke(cli, ["check", str(cohort / "a.json"), "--as-of", "2025-11-01"])
    assert result.exit_code == 0, result.output
    assert "a.json: green" in result.output
    assert "TL012 termly-review-due" in result.output
    assert "1 checked as of 2025-11-01: 1 without errors, 0 with errors" in result.output
    assert "Zephyrine" not in result.output and "Quill" not in result.output


@pytest.mark.slow
def test_check_exits_1_when_a_pep_has_an_error_finding(runner: CliRunner, cohort: Path) -> None:
    # The spring term ended on 12 April 2026 without a review of a.json's child.
    result = runner.invoke(cli, ["check", str(cohort), "--as-of", "13/04/2026"])
    assert result.exit_code == 1
    assert "error   TL010 termly-review-missed" in result.output
    assert "a.json: red" in result.output


def test_check_prints_what_each_finding_rests_on(runner: CliRunner, cohort: Path) -> None:
    result = runner.invoke(cli, ["check", str(cohort / "a.json"), "--as-of", "2026-04-13"])
    lines = result.output.splitlines()
    index = next(i for i, line in enumerate(lines) if "error   TL010" in line)
    assert lines[index + 1].strip() == (
        "statutory guidance: Promoting the education of looked-after children and previously "
        "looked-after children: statutory guidance for local authorities (DfE, 2018), "
        "Initiating, developing and reviewing the PEP (reviewed every term)"
    )


def test_a_local_deadline_missed_is_a_warning_and_exits_0(runner: CliRunner, cohort: Path) -> None:
    result = runner.invoke(cli, ["check", str(cohort / "a.json"), "--as-of", "2026-02-16"])
    assert result.exit_code == 0, result.output
    assert "warning TL013 termly-review-overdue" in result.output
    assert "local practice: Virtual School practice" in result.output


def test_check_json_output_is_machine_readable(runner: CliRunner, cohort: Path) -> None:
    result = runner.invoke(cli, ["check", str(cohort), "--as-of", "2026-01-22", "--format",
                                 "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["as_of"] == "2026-01-22"
    first = document["results"][0]
    assert first["rating"] == "green"
    finding = first["findings"][0]
    assert finding["rule_id"] == "TL012"
    assert finding["dates"] == {"due": "2026-02-13"}
    assert finding["basis"] == "local_practice"
    assert finding["source"].startswith("Virtual School practice, termly review deadline")
    assert {"rule_id", "basis", "source", "severity", "message", "path"} <= set(finding)
    assert "Zephyrine" not in result.output


def test_check_lists_an_unreadable_file_in_one_line_and_exits_1(
    runner: CliRunner, cohort: Path
) -> None:
    (cohort / "c.json").write_text("{", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(cohort), "--as-of", "2025-11-01"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "c.json" in line]
    assert len(lines) == 1 and "cannot check" in lines[0]


def test_due_prints_the_schedule_overdue_first_and_writes_csv(
    runner: CliRunner, cohort: Path, tmp_path: Path
) -> None:
    out = tmp_path / "due.csv"
    result = runner.invoke(cli, ["due", str(cohort), "--as-of", "2026-02-16", "--csv", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["LA", "child", "id", "status", "due", "kind", "basis", "care",
                                "review", "PEP", "meeting"]
    # Entered care Monday 3 April 2023: the first care-plan review 20 working days later is
    # 4 May 2023 (Good Friday, Easter Monday and the 1 and 8 May bank holidays skipped), the
    # second 4 August 2023, then every 6 months: 4 February and 4 August 2026.
    assert lines[1].split() == ["C-1", "overdue", "2026-02-13", "termly", "local_practice",
                                "2026-08-04", "2025-10-08"]
    assert lines[2].split()[:5] == ["C-2", "ok", "2026-05-22", "termly", "local_practice"]
    assert "2 children as of 2026-02-16: 1 overdue, 0 due soon" in result.output
    assert "Zephyrine" not in result.output
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(row["la_child_id"], row["status"], row["child"]) for row in rows] == [
        ("C-1", "overdue", "Zephyrine Quill"), ("C-2", "ok", "Zephyrine Quill")]
    assert (rows[0]["basis"], rows[0]["care_review"]) == ("local_practice", "2026-08-04")


def test_check_and_due_say_when_a_nation_s_rules_are_not_england_s(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pepdocs.compliance import settings as settings_module
    from pepdocs.mapping import registry

    mappings = tmp_path / "mappings"
    mappings.mkdir()
    (mappings / "southvale-school-age.docx").write_bytes(b"template")
    (mappings / "southvale-school-age.yaml").write_text(
        "authority: southvale\nname: Southvale Virtual School\nform: school_age\n"
        'version: "2025-09"\nkind: docx\ntemplate: southvale-school-age.docx\n'
        "fields:\n  - path: child.upn\n    at: {control: upn}\n"
        "rules:\n  nation: wales\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(registry.ENV_VAR, str(mappings))
    registry.clear_cache()
    settings_module._load_cached.cache_clear()
    try:
        folder = tmp_path / "peps"
        folder.mkdir()
        write(folder, "a.json", a_pep("C-1", authority="southvale"))
        due_output = runner.invoke(cli, ["due", str(folder), "--as-of", "2026-01-05"]).output
        check_output = runner.invoke(cli, ["check", str(folder), "--as-of", "2026-01-05"]).output
    finally:
        monkeypatch.delenv(registry.ENV_VAR)
        registry.clear_cache()
        settings_module._load_cached.cache_clear()
    assert "note: settings for wales: checked on England's rules; only the bank holidays" in (
        due_output)
    assert "TL099 england-rules-only: nation is wales: these checks are England's" in (
        check_output)


def test_due_does_not_overwrite_a_csv_without_force(
    runner: CliRunner, cohort: Path, tmp_path: Path
) -> None:
    out = tmp_path / "due.csv"
    out.write_text("keep", encoding="utf-8")
    assert runner.invoke(cli, ["due", str(cohort), "--as-of", "2026-02-16", "--csv", str(out)]
                         ).exit_code != 0
    assert out.read_text(encoding="utf-8") == "keep"
    assert runner.invoke(cli, ["due", str(cohort), "--as-of", "2026-02-16", "--csv", str(out),
                               "--force"]).exit_code == 0


def test_report_writes_the_workbook(runner: CliRunner, cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    result = runner.invoke(cli, ["report", str(cohort), "-o", str(out), "--as-of", "2026-02-16"])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert len(book["Summary"]._charts) == 3  # one per question
    assert book["Children"].max_row == 3
    assert not out.with_suffix(".pdf").exists()  # the board's copy only with --pdf


def test_report_pdf_writes_the_boards_summary_too(
    runner: CliRunner, cohort: Path, tmp_path: Path, libreoffice: Path
) -> None:
    out = tmp_path / "report.xlsx"
    args = ["report", str(cohort), "-o", str(out), "--as-of", "2026-02-16", "--pdf"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.with_suffix(".pdf").is_file()
    assert f"{out.with_suffix('.pdf')}: written (the board's summary)" in result.output


def _pepdocs(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pepdocs", *args], capture_output=True,
                          text=True, check=False)


@pytest.mark.slow
def test_a_bad_as_of_date_is_a_usage_error_in_one_line(cohort: Path) -> None:
    done = _pepdocs("check", str(cohort), "--as-of", "2026-02-30")
    assert done.returncode == 2
    assert done.stderr.strip() == "error: --as-of: not a real calendar date"
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_report_refuses_to_overwrite_without_force(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"keep")
    done = _pepdocs("report", str(cohort), "-o", str(out))
    assert done.returncode == 1
    assert "already exists; use --force" in done.stderr
    assert out.read_bytes() == b"keep"
