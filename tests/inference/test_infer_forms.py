"""Inference for Excel workbooks and PDF AcroForms: the shipped Southvale workbook and
Ridgeford PDF, as if no mapping existed, give drafts that pass check-mapping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pepdocs._resources import data_dir
from pepdocs.inference import infer_mapping
from pepdocs.legacy.checkmap import check_mapping


@pytest.mark.slow
@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "xlsx/southvale-school-age.xlsx",
            {
                "child.upn": {"name": "sv_upn"},
                "child.first_name": {"name": "sv_first_name"},
                "child.uln": {"label": {"text": "ULN", "sheet": "Child & Care"}},
            },
        ),
        (
            "pdf/ridgeford-school-age.pdf",
            {
                "child.date_of_birth": {"field": "ChildDOB"},
                "education.sen_provision": {
                    "radio": {
                        "name": "SENProvision",
                        "states": {"E": "EHCP", "K": "SENSupport", "N": "NoSEN"},
                    }
                },
            },
        ),
    ],
)
def test_workbooks_and_pdf_forms_get_drafts_that_pass_check_mapping(
    tmp_path: Path, template: str, expected: dict[str, object]
) -> None:
    blank = tmp_path / Path(template).name
    shutil.copy(data_dir("templates") / template, blank)
    inferred = infer_mapping(blank)
    anchors = {entry.path: entry.anchor for entry in inferred.entries}
    for path, anchor in expected.items():
        assert anchors[path] == anchor
    assert {"targets", "attendees"} <= set(anchors) or blank.suffix == ".pdf"
    if blank.suffix == ".xlsx":  # a defined name keeps the label beside it as its fallback
        upn = inferred.entry("child.upn")
        assert upn is not None
        assert upn.also == [{"label": {"text": "UPN", "sheet": "Child & Care"}}]
    draft = tmp_path / "draft.yaml"
    draft.write_text(inferred.to_yaml("draft", template=blank.name), encoding="utf-8")
    assert [p for p in check_mapping(draft) if p.severity == "error"] == []


def test_a_workbook_with_the_whole_name_in_one_cell_is_drafted_into_its_parts(
    tmp_path: Path,
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"], sheet["A2"] = "Child's name", "Date of birth"
    book.save(tmp_path / "pep.xlsx")
    entries = {entry.path: entry for entry in infer_mapping(tmp_path / "pep.xlsx").entries}
    name = entries["child.first_name"]
    assert name.paths == ["child.first_name", "child.middle_names", "child.last_name"]
    assert name.options == {"type": "name"}
    assert "child.date_of_birth" in entries
