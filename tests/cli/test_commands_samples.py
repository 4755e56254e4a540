"""``pepdocs samples``: writes N valid fictional PEPs, and never overwrites without --force."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pepdocs.cli import cli, main
from pepdocs.cli.commands_samples import COMMANDS, samples
from pepdocs.model import validate_pep
from pepdocs.samples import generate_peps


def run(*args: str) -> int:
    """Run the CLI through its real entry point (where errors become one line)."""
    with pytest.raises(SystemExit) as stop:
        main(list(args))
    code = stop.value.code
    return code if isinstance(code, int) else 1


def test_the_command_is_registered_and_documented_with_an_example() -> None:
    assert len(COMMANDS) == 1 and COMMANDS[0] is samples
    assert cli.commands["samples"] is samples
    assert "Example:" in (samples.help or "")
    assert "\b" in (samples.help or "")


def test_samples_writes_n_valid_files_and_says_so_in_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "demo"
    assert run("samples", "-n", "5", "-o", str(out), "--seed", "9") == 0
    files = sorted(out.glob("*.json"))
    assert [path.name for path in files] == [f"pep-000{i}.json" for i in range(1, 6)]
    peps = [json.loads(path.read_text(encoding="utf-8")) for path in files]
    assert peps == list(generate_peps(5, seed=9))
    assert all(validate_pep(pep) == [] for pep in peps)
    captured = capsys.readouterr()
    assert captured.out == f"5 sample PEPs written to {out} (seed 9)\n"


def test_samples_refuses_to_overwrite_without_force(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("samples", "-n", "2", "-o", str(tmp_path)) == 0
    first = (tmp_path / "pep-0001.json").read_bytes()
    capsys.readouterr()
    assert run("samples", "-n", "2", "-o", str(tmp_path), "--seed", "1") == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("error: ")
    assert "already exists; use --force" in captured.err
    assert "Traceback" not in captured.err
    assert (tmp_path / "pep-0001.json").read_bytes() == first


def test_samples_overwrites_with_force(tmp_path: Path) -> None:
    assert run("samples", "-n", "1", "-o", str(tmp_path)) == 0
    assert run("samples", "-n", "1", "-o", str(tmp_path), "--seed", "1", "--force") == 0
    pep = json.loads((tmp_path / "pep-0001.json").read_text(encoding="utf-8"))
    assert pep["meta"]["pep_id"] == "SAMPLE-1-0001"


def test_samples_can_fix_the_authority_and_phase(tmp_path: Path) -> None:
    args = ["-n", "3", "-o", str(tmp_path), "--authority", "westmere", "--phase", "post16"]
    assert run("samples", *args) == 0
    peps = [json.loads(path.read_text(encoding="utf-8")) for path in tmp_path.glob("*.json")]
    assert {(pep["meta"]["authority"], pep["meta"]["phase"]) for pep in peps} == {
        ("westmere", "post16")
    }


@pytest.mark.parametrize(
    "args",
    [["-o", "x"], ["-n", "0", "-o", "x"], ["-n", "2"], ["-n", "2", "-o", "x", "--phase", "adult"]],
)
def test_wrong_options_are_usage_errors(args: list[str], tmp_path: Path) -> None:
    assert run("samples", *[str(tmp_path / a) if a == "x" else a for a in args]) == 2
    assert not list(tmp_path.rglob("*.json"))
