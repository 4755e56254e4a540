"""The README's term on the store runs: each command of its transcript is run in a fresh
folder, exits 0, and prints every line the README shows (``...`` stands for lines left out;
times of day differ from run to run)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
_WHEN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?=  )")


def _transcript() -> list[tuple[str, list[str]]]:
    section = README.split("## A term on the store", 1)[1]
    (block,) = re.findall(r"```console\n(.*?)```", section, re.S)[:1]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def _normal(line: str, folder: Path) -> str:
    return _WHEN.sub("<when>", line.replace(f"{folder}{os.sep}", "")).rstrip()


@pytest.mark.slow
def test_the_readme_term_on_the_store_runs_as_shown(tmp_path: Path) -> None:
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PEPDOCS_DB")}
    steps = _transcript()
    assert [command.split()[1] for command in (s for s, _ in steps[1:])] == [
        "batch", "samples", "collect", "send-back", "approve", "history", "export", "report",
    ]
    for command, shown in steps:
        words = shlex.split(command)
        if words[0] == "export":
            env.update(word.split("=", 1) for word in words[1:])  # type: ignore[misc]
            continue
        assert words[0] == "pepdocs"
        result = subprocess.run(
            [sys.executable, "-m", "pepdocs", *words[1:]],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
        )
        assert result.returncode == 0, (command, result.stderr)
        printed = [_normal(line, tmp_path) for line in (result.stdout + result.stderr).splitlines()]
        for line in shown:
            if line.strip() == "...":
                continue
            assert _normal(line, tmp_path) in printed, (command, line)
