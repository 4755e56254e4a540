"""``pepdocs schema`` and ``pepdocs validate``, through click and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pepdocs.cli import cli
from pepdocs.cli.commands_model import COMMANDS


def a_pep(**child: Any) -> dict[str, Any]:
    return {
        "meta": {"phase": "school_age", "academic_year": "2025-26", "meeting_date": "2025-10-08"},
        "child": {"first_name": "Aisha", "upn": "B801200005001", **child},
    }


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_every_command_is_registered_and_documented_with_an_example(command: Any) -> None:
    assert cli.commands[command.name] is command
    assert "Example:" in (command.help or "")
    assert "\b" in (command.help or "")


def test_schema_prints_the_json_schema(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    assert schema["required"] == ["meta", "child"]


def test_schema_writes_a_file_and_keeps_an_existing_one(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "pep.schema.json"
    result = runner.invoke(cli, ["schema", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["$defs"]
    again = runner.invoke(cli, ["schema", "-o", str(target)])
    assert again.exit_code == 1
    forced = runner.invoke(cli, ["schema", "-o", str(target), "--force"])
    assert forced.exit_code == 0


def test_validate_says_ok_for_a_valid_file(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "ok.json", a_pep())
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.output == f"{path}: ok\n"


def test_validate_lists_every_problem_with_file_and_path(runner: CliRunner, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.json",
        a_pep(upn="A801200005001", date_of_birth="12/13/2025", frist_name="Aisha"),
    )
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "child.date_of_birth",
        "child.upn",
        "child.frist_name",
    ]
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert "12/13/2025" not in result.output and "A801200005001" not in result.output


def test_validate_reports_each_file_and_a_summary(runner: CliRunner, tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", a_pep())
    bad = write(tmp_path, "bad.json", a_pep(gender="boy?"))
    missing = tmp_path / "missing.json"
    result = runner.invoke(cli, ["validate", str(good), str(bad), str(missing)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{good}: ok"
    assert lines[1].startswith(f"{bad}: child.gender: Not a gender code")
    assert lines[2].startswith(f"{missing}: no such file")
    assert lines[3] == "1 valid, 2 invalid"


def test_validate_quiet_prints_only_problems(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "ok.json", a_pep())
    result = runner.invoke(cli, ["validate", "-q", str(path)])
    assert result.exit_code == 0
    assert result.output == ""


def test_validate_reports_broken_json_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"{path}: not valid JSON (line 1")
    assert len(result.output.splitlines()) == 1


def test_validate_needs_at_least_one_file(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["validate"]).exit_code == 2


def run_pepdocs(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pepdocs", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_python_m_pepdocs_validate_exit_codes(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", a_pep())
    bad = write(tmp_path, "bad.json", a_pep(upn="A801200005001"))
    ok = run_pepdocs("validate", str(good))
    assert (ok.returncode, ok.stdout) == (0, f"{good}: ok\n")
    failed = run_pepdocs("validate", str(good), str(bad))
    assert failed.returncode == 1
    assert f"{bad}: child.upn: UPN check letter" in failed.stdout
    unreadable = run_pepdocs("validate", str(tmp_path / "missing.json"))
    assert unreadable.returncode == 1
    assert "Traceback" not in unreadable.stdout + unreadable.stderr
    usage = run_pepdocs("validate")
    assert usage.returncode == 2
