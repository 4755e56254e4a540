"""``pepdocs batch``: the shipped roster needs no other option, failed rows are listed and
make the exit code 1, nothing personal is printed, and usage errors are exit 2."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pepdocs.batch.manifest import MANIFEST_CSV, MANIFEST_JSON
from pepdocs.cli import cli, main
from pepdocs.cli.commands_batch import COMMANDS, batch
from tests.batch.rosters import child, write_roster

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def run(*args: str) -> int:
    """Run the CLI through its real entry point (where errors become one line)."""
    with pytest.raises(SystemExit) as stop:
        main(list(args))
    code = stop.value.code
    return code if isinstance(code, int) else 1


def test_the_command_is_registered_and_documented_with_an_example() -> None:
    assert len(COMMANDS) == 1 and COMMANDS[0] is batch
    assert cli.commands["batch"] is batch
    assert "Example:" in (batch.help or "")
    assert "\b" in (batch.help or "")
    assert "pepdocs batch samples/roster.csv --out" in (batch.help or "")


@pytest.mark.slow
def test_the_shipped_roster_needs_no_other_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run("batch", str(SAMPLES / "roster.csv"), "--out", str(tmp_path))
    with (tmp_path / MANIFEST_CSV).open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    with (SAMPLES / "roster.csv").open(encoding="utf-8", newline="") as stream:
        assert len(rows) == len(list(csv.DictReader(stream)))
    made = [row for row in rows if row["status"] == "made"]
    failed = [row for row in rows if row["status"] == "failed"]
    assert len(made) >= 10
    for row in made:
        assert (tmp_path / row["output"]).is_file()
    # The only acceptable failure is an authority that ships no form for the child's phase.
    assert all("form" in row["warnings"] for row in failed)
    assert code == (1 if failed else 0)
    err = capsys.readouterr().err
    assert f"{len(rows)} rows: {len(made)} made" in err


def test_failed_rows_are_listed_by_number_and_reason_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_roster(tmp_path / "r.csv", [child(1), child(2, DOB=""), child(3)])
    code = run("batch", str(roster), "--out", str(tmp_path / "out"), "--meeting-date", "04/05/2026")
    captured = capsys.readouterr()
    assert code == 1
    assert "row 3: missing date of birth" in captured.err
    assert "3 rows: 2 made, 1 failed" in captured.err
    assert "some rows failed" in captured.err
    assert "Testchild" not in captured.err + captured.out  # names never printed
    assert sorted(path.name for path in (tmp_path / "out").glob("*.docx")) == [
        "northshire-9000001-2025-26-summer.docx",
        "northshire-9000003-2025-26-summer.docx",
    ]


def test_a_rerun_says_what_it_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = write_roster(tmp_path / "r.csv", [child(1)])
    arguments = (
        "batch",
        str(roster),
        "--out",
        str(tmp_path / "out"),
        "--meeting-date",
        "2026-05-04",
    )
    assert run(*arguments) == 0
    assert run(*arguments) == 0
    assert "1 rows: 1 unchanged" in capsys.readouterr().err


def test_zip_and_authority_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = write_roster(tmp_path / "r.csv", [child(1, Authority="")])
    code = run(
        "batch",
        str(roster),
        "--out",
        str(tmp_path / "out"),
        "--authority",
        "eastborough",
        "--zip",
        "--meeting-date",
        "4 May 2026",
    )
    assert code == 0
    assert (tmp_path / "out" / "batch.zip").is_file()
    data = json.loads((tmp_path / "out" / MANIFEST_JSON).read_text("utf-8"))
    assert data["rows"][0]["output"] == "eastborough-9000001-2025-26-summer.docx"


def test_a_month_first_meeting_date_is_a_usage_error(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "r.csv", [child(1)])
    result = CliRunner().invoke(
        cli, ["batch", str(roster), "--out", str(tmp_path / "out"), "--meeting-date", "05/13/2026"]
    )
    assert result.exit_code == 2
    assert "day-first" in result.output
    assert not (tmp_path / "out").exists()


def test_an_unknown_authority_option_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_roster(tmp_path / "r.csv", [child(1)])
    code = run("batch", str(roster), "--out", str(tmp_path / "out"), "--authority", "nowhere")
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: unknown authority 'nowhere'") and err.count("\n") == 1


def test_a_missing_roster_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run("batch", str(tmp_path / "none.csv"), "--out", str(tmp_path / "out"))
    err = capsys.readouterr().err
    assert code == 1
    assert "none.csv" in err and "Traceback" not in err


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "r.csv", [child(1)])
    result = CliRunner().invoke(cli, ["batch", str(roster), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "Making forms" not in result.output
    assert "\r" not in result.output
