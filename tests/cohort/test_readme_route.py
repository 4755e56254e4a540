"""The README's 903 route shows what the commands really print."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pepdocs.cli import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readmes_cohort_table_is_the_commands_output() -> None:
    result = CliRunner().invoke(
        cli, ["cohort", str(ROOT / "samples" / "ssda903"), "--as-of", "2026-01-05"]
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 11
    for line in lines:
        assert line in README
    assert result.stderr.splitlines()[-1] in README
