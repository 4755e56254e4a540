"""``pepdocs authorities``: the table, the JSON, user folders and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pepdocs.cli import cli, main
from pepdocs.cli.commands_authorities import COMMANDS, authorities
from pepdocs.mapping import registry
from pepdocs.mapping.registry import ENV_VAR, clear_cache


@pytest.fixture(autouse=True)
def no_shipped_mappings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    monkeypatch.setattr(registry, "data_dir", lambda name: shipped)
    monkeypatch.delenv(ENV_VAR, raising=False)
    clear_cache()
    return shipped


def mapping(
    folder: Path, authority: str, form: str, *, phases: str = "", template: bool = True
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if template:
        (folder / f"{authority}-{form}.docx").write_bytes(b"template")
    path = folder / f"{authority}-{form}.yaml"
    path.write_text(
        f"authority: {authority}\nname: {authority.title()} Virtual School\nform: {form}\n"
        + (f"phases: [{phases}]\n" if phases else "")
        + f'version: "2025-09"\nkind: docx\ntemplate: {authority}-{form}.docx\n'
        "fields:\n  - path: child.upn\n    at: {control: upn}\n",
        encoding="utf-8",
    )
    return path


def test_the_command_is_registered_and_documented_with_an_example() -> None:
    assert [authorities] == COMMANDS
    assert cli.commands["authorities"] is authorities
    assert "Example:" in (authorities.help or "")
    assert "\b" in (authorities.help or "")


def test_the_table_lists_one_row_per_form(tmp_path: Path, no_shipped_mappings: Path) -> None:
    mapping(no_shipped_mappings, "eastborough", "school_age", phases="post16")
    mapping(no_shipped_mappings, "eastborough", "early_years", template=False)
    mapping(no_shipped_mappings, "northshire", "school_age")
    result = CliRunner().invoke(cli, ["authorities"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["AUTHORITY", "NAME", "FORM", "KIND", "VERSION", "TEMPLATE"]
    assert lines[1].split() == [
        "eastborough",
        "Eastborough",
        "Virtual",
        "School",
        "early_years",
        "docx",
        "2025-09",
        "eastborough-early_years.docx",
        "(missing)",
    ]
    assert "school_age (+post16)" in lines[2]
    assert lines[3].startswith("northshire ")
    # columns line up: every row has its FORM at the same offset
    assert len({line.index("docx") for line in lines[1:]}) == 1


def test_json_lists_each_authority_with_its_forms(no_shipped_mappings: Path) -> None:
    mapping(no_shipped_mappings, "eastborough", "school_age", phases="post16")
    result = CliRunner().invoke(cli, ["authorities", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data == [
        {
            "authority": "eastborough",
            "name": "Eastborough Virtual School",
            "forms": [
                {
                    "form": "school_age",
                    "phases": ["school_age", "post16"],
                    "kind": "docx",
                    "version": "2025-09",
                    "template": str(
                        (no_shipped_mappings / "eastborough-school_age.docx").resolve()
                    ),
                    "template_found": True,
                    "source": str((no_shipped_mappings / "eastborough-school_age.yaml").resolve()),
                }
            ],
        }
    ]


def test_a_user_folder_by_option_and_by_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    mapping(mine, "westmere", "post16")
    mapping(theirs, "southby", "school_age")
    result = CliRunner().invoke(cli, ["authorities", "--mappings", str(mine)])
    assert [line.split()[0] for line in result.output.splitlines()[1:]] == ["westmere"]
    monkeypatch.setenv(ENV_VAR, str(theirs))
    result = CliRunner().invoke(cli, ["authorities", "--mappings", str(mine), "--json"])
    assert [entry["authority"] for entry in json.loads(result.output)] == ["southby", "westmere"]


def test_no_mappings_says_where_it_looked(no_shipped_mappings: Path) -> None:
    result = CliRunner().invoke(cli, ["authorities"])
    assert result.exit_code == 0
    assert "No authority mappings found" in result.output
    assert str(no_shipped_mappings.resolve()) in result.output
    assert json.loads(CliRunner().invoke(cli, ["authorities", "--json"]).output) == []


def test_errors_are_one_line_and_a_nonzero_exit(
    tmp_path: Path, no_shipped_mappings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["authorities", "--mappings", str(tmp_path / "nowhere")])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.startswith("error: ")
    broken = mapping(no_shipped_mappings, "eastborough", "school_age")
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("kind: docx", "kind: dox"), encoding="utf-8"
    )
    with pytest.raises(SystemExit) as stopped:
        main(["authorities"])
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{broken}:5: kind must be docx, xlsx or pdf" in err


def test_it_runs_as_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pepdocs", "authorities", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout), list)
