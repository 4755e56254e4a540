"""convert_folder: every readable PEP converted, the broken one an error row, originals
untouched."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pepdocs import api
from pepdocs.legacy.convert import convert_folder
from pepdocs.office import convert
from pepdocs.safety import Redactor
from pepdocs.samples import generate_peps


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def source(tmp_path: Path, libreoffice: Path) -> Path:
    folder = tmp_path / "old-peps"
    folder.mkdir()
    peps = list(generate_peps(2, seed=21, phase="school_age"))
    peps[0]["views"] = {"child": '=HYPERLINK("http://x.example")'}
    (folder / "westmere-a.docx").write_bytes(api.fill(peps[0], "westmere"))
    northshire = api.fill(peps[1], "northshire", form="school_age")
    (folder / "broken.docx").write_bytes(northshire[: len(northshire) // 3])
    staging = tmp_path / "staging"
    staging.mkdir()
    (staging / "northshire-b.docx").write_bytes(northshire)
    subprocess.run(
        [
            str(libreoffice),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(folder),
            str(staging / "northshire-b.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (folder / "northshire-b.odt").is_file()
    # a Westmere form printed to PDF: no form fields, read from its page text by labels
    (staging / "westmere-c.docx").write_bytes(api.fill(peps[1], "westmere"))
    convert([staging / "westmere-c.docx"], "pdf", folder)
    return folder


def test_a_folder_with_a_broken_file_and_an_odt_converts_the_rest(
    source: Path, tmp_path: Path
) -> None:
    before = _hashes(source)
    out = tmp_path / "converted"
    summary = convert_folder(source, out, "csv")

    assert _hashes(source) == before  # originals untouched, nothing written beside them
    assert sorted(summary.converted) == ["northshire-b.odt", "westmere-a.docx", "westmere-c.pdf"]
    assert [file for file, _ in summary.errors] == ["broken.docx"]
    with (out / "errors.csv").open(encoding="utf-8-sig") as stream:
        errors = list(csv.DictReader(stream))
    assert len(errors) == 1 and errors[0]["file"] == "broken.docx"
    assert errors[0]["problem"]

    westmere = json.loads((out / "peps" / "westmere-a.json").read_text(encoding="utf-8"))
    assert westmere["meta"]["authority"] == "westmere"
    with (out / "peps.csv").open(encoding="utf-8-sig") as stream:
        rows = {row["document"]: row for row in csv.DictReader(stream)}
    assert set(rows) == {"westmere-a", "northshire-b", "westmere-c"}
    assert rows["northshire-b"]["authority"] == "northshire"
    assert rows["westmere-c"]["authority"] == "westmere"
    assert float(rows["westmere-c"]["confidence"]) < 1.0  # page text, not form fields
    assert rows["westmere-a"]["views.child"].startswith("'=")  # formula neutralised
    with (out / "targets.csv").open(encoding="utf-8-sig") as stream:
        targets = list(csv.DictReader(stream))
    assert {row["document"] for row in targets} <= {"westmere-a", "northshire-b", "westmere-c"}
    assert targets and targets[0]["item"] == "1"


def test_xlsx_output_has_a_sheet_per_section_and_refuses_to_overwrite(
    source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "converted"
    convert_folder(source, out, "xlsx", redact=True, redact_key="k")
    book = load_workbook(out / "peps.xlsx")
    assert {"peps", "targets", "attendees", "errors"} <= set(book.sheetnames)
    header = [cell.value for cell in book["peps"][1]]
    assert "child.first_name" in header
    from pepdocs.errors import OutputExistsError

    with pytest.raises(OutputExistsError):
        convert_folder(source, out, "xlsx")


@pytest.mark.slow
def test_progress_is_reported_per_document_and_other_files_are_error_rows(tmp_path: Path) -> None:
    source = tmp_path / "in"
    (source / "2019").mkdir(parents=True)
    pep = next(generate_peps(1, seed=22, phase="school_age"))
    (source / "2019" / "smith.docx").write_bytes(api.fill(pep, "westmere"))
    (source / "2019" / "smith copy.docx").write_bytes(api.fill(pep, "westmere"))
    (source / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (source / "readme.txt").write_text("not a PEP", encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    summary = convert_folder(
        source,
        tmp_path / "out",
        progress=lambda done, total, name: calls.append((done, total, name)),
    )
    assert calls == [(1, 2, "2019/smith copy.docx"), (2, 2, "2019/smith.docx")]
    assert summary.errors == [("photo.jpg", "not a PEP document type (.jpg)")]
    assert sorted(p.name for p in (tmp_path / "out" / "peps").iterdir()) == [
        "2019_smith.json",
        "2019_smith_copy.json",
    ]
    tables = json.loads((tmp_path / "out" / "peps.json").read_text(encoding="utf-8"))
    assert [row["source"] for row in tables["peps"]] == ["2019/smith copy.docx", "2019/smith.docx"]


@pytest.mark.slow
def test_redacting_a_run_keeps_one_pseudonym_per_person_across_files(tmp_path: Path) -> None:
    # "Mia" and "Lily" draw the same pseudonym from the pool under key "k": only a redactor
    # that remembers the whole run moves the second one on, so two children stay two.
    assert Redactor("k").first_name("Mia") == Redactor("k").first_name("Lily")
    source = tmp_path / "in"
    source.mkdir()
    for name, pep in zip(
        ("Mia", "Lily"), generate_peps(2, seed=23, phase="school_age"), strict=True
    ):
        pep["child"]["first_name"] = name
        pep["education"]["designated_teacher"]["name"] = "Bernadette Quiller"
        (source / f"{name.lower()}.docx").write_bytes(api.fill(pep, "westmere"))
    out = tmp_path / "out"
    summary = convert_folder(source, out, redact=True, redact_key="k")
    assert summary.errors == [] and summary.exit_code == 0
    # the file names hold the children's names: under --redact they are stand-ins too
    assert not [path for path in out.rglob("*") if "mia" in path.name or "lily" in path.name]
    labels = [Redactor("k").file_label(f"{name}.docx") for name in ("mia", "lily")]
    peps = [
        json.loads((out / "peps" / f"{label}.json").read_text(encoding="utf-8"))
        for label in labels
    ]
    assert "mia" not in (out / "peps.json").read_text(encoding="utf-8")
    first_names = [pep["child"]["first_name"] for pep in peps]
    assert first_names[0] != first_names[1]
    assert not {"Mia", "Lily"} & set(first_names)
    teachers = {pep["education"]["designated_teacher"]["name"] for pep in peps}
    assert len(teachers) == 1 and "Quiller" not in teachers.pop()


def test_a_run_with_a_failed_file_still_writes_everything_and_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    pep = next(generate_peps(1, seed=24, phase="school_age"))
    (source / "good.docx").write_bytes(api.fill(pep, "westmere"))
    (source / "cut.docx").write_bytes(api.fill(pep, "westmere")[:500])
    summary = convert_folder(source, tmp_path / "out", "csv")
    assert summary.exit_code == 1
    assert summary.converted == ["good.docx"]
    assert [file for file, _ in summary.errors] == ["cut.docx"]
    assert (tmp_path / "out" / "errors.csv").is_file()
    assert (tmp_path / "out" / "peps.csv").is_file()


def test_a_macro_or_damaged_odt_is_an_error_row_and_never_reaches_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pepdocs.office

    handed: list[Path] = []

    def record(paths: list[Path], to: str, out_dir: Path) -> list[Path]:
        handed.extend(paths)
        return []

    monkeypatch.setattr(pepdocs.office, "convert", record)
    source = tmp_path / "in"
    source.mkdir()
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        odt.writestr("content.xml", "<content/>")
        odt.writestr("Basic/Standard/Module1.xml", "<module/>")
    (source / "macro.odt").write_bytes(package.getvalue())
    (source / "cut.odt").write_bytes(package.getvalue()[:60])  # cut short by a mail gateway
    summary = convert_folder(source, tmp_path / "out")
    assert handed == []
    problems = dict(summary.errors)
    assert "contains macros" in problems["macro.odt"]
    assert "damaged" in problems["cut.odt"]
    assert summary.exit_code == 1
