"""The README is the front door: its quick start and its Python example must be true."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks_after(heading: str) -> list[tuple[str, str]]:
    section = README.split(heading, 1)[1]
    return re.findall(r"```(\w*)\n(.*?)```", section, re.S)


def test_the_quick_start_is_exactly_two_commands() -> None:
    language, body = _blocks_after("## Quick start")[0]
    commands = [line for line in body.splitlines() if line.strip()]
    assert language == "sh"
    assert len(commands) == 2
    assert "pepdocs batch samples/roster.csv" in commands[0]
    assert "pytest" in commands[1]


@pytest.mark.slow
def test_the_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    language, body = _blocks_after("## From Python")[0]
    assert language == "python"
    monkeypatch.chdir(ROOT)
    exec(compile(body, "README.md", "exec"), {"__name__": "readme_example"})


def test_every_doc_the_readme_links_exists() -> None:
    for link in re.findall(r"\]\((docs/[^)]+)\)", README):
        assert os.path.exists(ROOT / link), link
