"""diff-template: anchors renamed, vanished and moved between two revisions of a form, and a
mapping updated for the new one."""

from __future__ import annotations

from pathlib import Path

from pepdocs.legacy.drift import diff_template
from pepdocs.mapping import load_mapping

from .forms import control_table, label_table, spacer, write_form

MAPPING = """\
# Ashcombe school-age form (kept by the Virtual School data team)
authority: ashcombe
form: school_age
kind: docx
template: old.docx
fields:
  - path: child.first_name
    at: {label: "First name"}
  # the surname box
  - path: child.last_name
    at: {label: "Surname"}
  - path: care.social_worker.name
    at: {control: SWName}
  - path: education.setting_name
    at: {control: SchoolName}
"""


def test_a_renamed_label_and_a_removed_control_are_reported_and_the_update_loads(
    tmp_path: Path,
) -> None:
    write_form(
        tmp_path / "old.docx",
        label_table(["First name", "Surname"]),
        spacer(),
        control_table([("Social worker", "SWName"), ("School", "SchoolName")]),
    )
    write_form(
        tmp_path / "new.docx",
        label_table(["Date of birth", "First name", "Family name"]),
        spacer(),
        control_table([("Social worker", "SWName")]),
    )
    mapping = tmp_path / "ashcombe.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")

    drift = diff_template(tmp_path / "old.docx", tmp_path / "new.docx", mapping)

    (renamed,) = drift.by_kind("renamed")
    assert (renamed.path, renamed.new_key, renamed.line) == ("child.last_name", "Family name", 11)
    (vanished,) = drift.by_kind("vanished")
    assert (vanished.path, vanished.line) == ("education.setting_name", 15)
    assert str(vanished).startswith(f"{mapping}:15: education.setting_name: control 'SchoolName'")
    moved = {change.path for change in drift.by_kind("moved")}
    assert "child.first_name" in moved  # a row was inserted above it

    updated = tmp_path / "ashcombe-new.yaml"
    updated.write_text(drift.updated_yaml, encoding="utf-8")
    assert "# the surname box" in drift.updated_yaml  # comments kept
    assert '"Family name"' in drift.updated_yaml  # quoting kept
    form = load_mapping(updated)
    assert form.template.name == "new.docx"
    assert form.field_for("child.last_name").anchor.key == "Family name"  # type: ignore[union-attr]
