"""Every command is documented: --help with an example, and a row in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pepdocs.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"
COMMANDS = sorted(cli.commands)


def test_the_cli_has_the_commands_the_issues_name() -> None:
    expected = {
        "authorities",
        "batch",
        "bundle",
        "check",
        "check-mapping",
        "convert",
        "diff-template",
        "due",
        "extract",
        "fill",
        "infer-mapping",
        "report",
        "samples",
        "schema",
        "translate",
        "validate",
    }
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"pepdocs {name}" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_is_listed_in_the_readme(name: str) -> None:
    assert f"`{name}" in README.read_text(encoding="utf-8")


def test_an_unknown_command_is_a_usage_error_with_a_hint() -> None:
    result = CliRunner().invoke(cli, ["valdate"])
    assert result.exit_code == 2
    assert "validate" in result.output
