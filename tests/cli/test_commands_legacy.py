"""``pepdocs infer-mapping``, ``check-mapping``, ``convert`` and ``diff-template`` from the
command line: outputs written, problems as one line each, exit codes."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from pepdocs import api
from pepdocs.cli import cli, main
from pepdocs.cli.commands_legacy import COMMANDS
from pepdocs.samples import generate_peps
from tests.legacy.forms import checkbox_line, header_table, heading, label_table, spacer, write_form


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``pepdocs`` as the console script does; returns (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    captured = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_every_command_is_registered_and_documented_with_an_example(command: Any) -> None:
    assert cli.commands[command.name] is command
    assert "Example:" in (command.help or "")
    assert "\b" in (command.help or "")


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    return write_form(
        tmp_path / "forms" / "dunmore-blank.docx",
        heading("Child details"),
        label_table(["Forename(s)", "Surname", "Date of birth", "UPN"]),
        spacer(),
        checkbox_line("SEN status", ["EHCP", "SEN Support", "No SEN"]),
        heading("Targets"),
        header_table(["Target", "Lead", "By when"]),
        spacer(),
    )


def test_infer_mapping_writes_a_draft_that_check_mapping_passes(
    capsys: pytest.CaptureFixture[str], blank: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "mappings" / "dunmore.yaml"
    code, _, err = run(capsys, "infer-mapping", str(blank), "-o", str(draft))
    assert code == 0
    assert "fields drafted" in err
    text = draft.read_text(encoding="utf-8")
    # the authority as the form names itself ("Ashcombe Virtual School"), not its file name
    assert "authority: ashcombe\n" in text
    assert 'template: "../forms/dunmore-blank.docx"' in text
    code, out, err = run(capsys, "check-mapping", str(draft))
    assert code == 0, out
    assert "0 errors" in err
    code, _, err = run(capsys, "infer-mapping", str(blank), "-o", str(draft))
    assert code == 1 and "already exists" in err


def test_check_mapping_prints_problems_with_file_and_line_and_fails(
    capsys: pytest.CaptureFixture[str], blank: Path
) -> None:
    mapping = blank.parent / "dunmore.yaml"
    mapping.write_text(
        "authority: dunmore\nform: school_age\nkind: docx\ntemplate: dunmore-blank.docx\n"
        'fields:\n  - path: child.upn\n    at: {label: "Pupil ID"}\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check-mapping", str(mapping))
    assert code == 1
    assert out.startswith(f"{mapping}:7: child.upn: anchor label 'Pupil ID' is not in the template")


@pytest.mark.slow
def test_convert_writes_json_a_table_and_an_error_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "old"
    source.mkdir()
    pep = next(generate_peps(1, seed=4, phase="school_age"))
    (source / "a.docx").write_bytes(api.fill(pep, "westmere"))
    (source / "notes.xyz").write_bytes(b"not a PEP")
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", str(source), "--out", str(out), "--format", "csv")
    assert code == 1  # one file failed: the rest is converted, but the run says so
    assert "1 converted" in err and "1 failed" in err
    assert err.splitlines()[-1] == (
        "some files failed (listed in errors.csv); the others were converted"
    )
    assert (out / "peps" / "a.json").is_file()
    with (out / "errors.csv").open(encoding="utf-8-sig") as stream:
        assert [row["file"] for row in csv.DictReader(stream)] == ["notes.xyz"]


@pytest.mark.slow
def test_convert_of_a_folder_it_reads_whole_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "old"
    source.mkdir()
    pep = next(generate_peps(1, seed=5, phase="school_age"))
    (source / "a.docx").write_bytes(api.fill(pep, "westmere"))
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", str(source), "--out", str(out))
    assert code == 0
    assert "1 converted" in err and "0 failed" in err and "some files failed" not in err


def test_diff_template_lists_changes_and_writes_the_update(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_form(tmp_path / "old.docx", label_table(["Surname", "UPN"]))
    write_form(tmp_path / "new.docx", label_table(["Family name"]))
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "authority: dunmore\nform: school_age\nkind: docx\ntemplate: old.docx\nfields:\n"
        '  - {path: child.last_name, at: {label: "Surname"}}\n'
        '  - {path: child.upn, at: {label: "UPN"}}\n',
        encoding="utf-8",
    )
    updated = tmp_path / "m2.yaml"
    code, out, _ = run(
        capsys,
        "diff-template",
        str(tmp_path / "old.docx"),
        str(tmp_path / "new.docx"),
        "--mapping",
        str(mapping),
        "-o",
        str(updated),
    )
    assert code == 0
    assert f"{mapping}:6: child.last_name: label 'Surname' renamed to 'Family name'" in out
    assert f"{mapping}:7: child.upn: label 'UPN' vanished" in out
    assert "Family name" in updated.read_text(encoding="utf-8")
