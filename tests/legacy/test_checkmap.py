"""check-mapping finds what would go wrong with a mapping, each problem at its file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.legacy.checkmap import check_mapping

from .forms import heading, label_table, spacer, write_form

MAPPING = """\
authority: ashcombe
form: school_age
kind: docx
template: form.docx
fields:
  - path: child.first_name
    at: {label: "First name"}
  - path: child.last_name
    at: {label: "Surname"}
  - path: care.social_worker.name
    at: {label: "Name"}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_form(
        tmp_path / "form.docx",
        label_table(["First name", "Date of birth"]),
        spacer(),
        heading("Social worker"),
        label_table(["Name"]),
        spacer(),
        heading("Designated teacher"),
        label_table(["Name"]),
        spacer(),
    )
    return tmp_path


def test_a_missing_anchor_and_a_duplicate_anchor_are_reported_with_file_and_line(
    folder: Path,
) -> None:
    mapping = folder / "ashcombe.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    problems = check_mapping(mapping)
    by_path = {p.path: p for p in problems if p.severity == "error"}
    missing = by_path["child.last_name"]
    assert (missing.file, missing.line) == (str(mapping), 9)
    assert "label 'Surname' is not in the template" in missing.message
    duplicate = by_path["care.social_worker.name"]
    assert duplicate.line == 11
    assert "2 times" in duplicate.message and "section:" in duplicate.message
    assert str(duplicate).startswith(f"{mapping}:11: care.social_worker.name: ")
    assert "child.first_name" not in by_path


def test_a_sound_mapping_has_no_errors(folder: Path) -> None:
    mapping = folder / "ashcombe.yaml"
    mapping.write_text(
        MAPPING.replace('"Surname"', '"Date of birth"')
        .replace("child.last_name", "child.date_of_birth")
        .replace('{label: "Name"}', '{label: {text: "Name", section: "Social worker"}}'),
        encoding="utf-8",
    )
    assert [p for p in check_mapping(mapping) if p.severity == "error"] == []


def test_a_mapping_that_does_not_load_gives_the_loaders_problems(folder: Path) -> None:
    mapping = folder / "ashcombe.yaml"
    mapping.write_text(MAPPING.replace("child.first_name", "child.frist_name"), encoding="utf-8")
    problems = check_mapping(mapping)
    assert problems[0].line == 6
    assert "child.frist_name" in problems[0].message


@pytest.mark.slow
def test_shipped_mappings_have_no_anchor_errors() -> None:
    from pepdocs._resources import data_dir

    problems = check_mapping(data_dir("mappings") / "northshire-school-age.yaml")
    assert [p for p in problems if p.severity == "error"] == []
