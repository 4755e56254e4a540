"""Importing pepdocs, or asking the CLI for help, loads no form engine library: they load
when a form is first filled or read (speed is measured by benchmarks/bench_startup.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Libraries behind the engines and the heavier jobs; none is needed to start.
HEAVY = (
    "openpyxl", "docxtpl", "docx", "pypdf", "reportlab", "holidays", "jinja2", "lxml",
    "sqlalchemy", "alembic", "psycopg",
)


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    names = json.loads(result.stdout.splitlines()[-1])
    return {name.split(".")[0] for name in names} & set(HEAVY)


@pytest.mark.slow
def test_import_pepdocs_loads_no_engine_library() -> None:
    assert _loaded_after("import pepdocs") == set()


@pytest.mark.slow
def test_the_cli_help_loads_no_engine_library() -> None:
    code = (
        "from click.testing import CliRunner\nfrom pepdocs.cli import cli\n"
        "assert CliRunner().invoke(cli, ['--help']).exit_code == 0"
    )
    assert _loaded_after(code) == set()


@pytest.mark.slow
def test_a_public_name_loads_what_it_needs_when_first_used() -> None:
    assert _loaded_after("import pepdocs\npepdocs.fill") >= {"lxml"}
