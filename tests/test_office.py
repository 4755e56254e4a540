"""LibreOffice headless conversion, against the real LibreOffice."""

from __future__ import annotations

import subprocess
import threading
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from pepdocs import office
from pepdocs.errors import ComponentMissingError, PepdocsError


def _word(path: Path, *lines: str) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_find_soffice_explains_how_to_install_it_when_absent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    monkeypatch.setattr(office, "_KNOWN_LOCATIONS", ("/nonexistent/soffice",))
    with pytest.raises(ComponentMissingError) as raised:
        office.find_soffice("PDF output")
    assert str(raised.value) == (
        "LibreOffice is needed for PDF output: install it with "
        "`apt-get install libreoffice-writer-nogui` (see README)"
    )


def test_many_files_convert_to_pdf_in_one_libreoffice_run(
    libreoffice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = [
        _word(tmp_path / "zoe.docx", "Zoë Ní Bhriain", "B801200005001"),
        _word(tmp_path / "kai.docx", "Kai Øster-Ward"),
        _word(tmp_path / "amir.docx", "Amir Şahin: read 20 minutes a day"),
    ]
    office.network_isolation()  # probed once per process, before the count starts
    starts: list[list[str]] = []
    real_popen = subprocess.Popen

    def counting_popen(command: list[str], *args: Any, **kwargs: Any) -> Any:
        starts.append(command)
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(office.subprocess, "Popen", counting_popen)
    outputs = office.convert(sources, "pdf", tmp_path / "pdf")

    assert outputs == [tmp_path / "pdf" / f"{name}.pdf" for name in ("zoe", "kai", "amir")]
    assert len(starts) == 1
    assert "Zoë Ní Bhriain" in _pdf_text(outputs[0])
    assert "B801200005001" in _pdf_text(outputs[0])
    assert "Øster-Ward" in _pdf_text(outputs[1])
    assert "Şahin" in _pdf_text(outputs[2])


def test_each_call_uses_a_private_profile(
    libreoffice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profiles: list[str] = []
    real_popen = subprocess.Popen

    def recording_popen(command: list[str], *args: Any, **kwargs: Any) -> Any:
        profiles.extend(arg for arg in command if arg.startswith("-env:UserInstallation="))
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(office.subprocess, "Popen", recording_popen)
    source = _word(tmp_path / "one.docx", "one")
    office.convert([source], "pdf", tmp_path / "a")
    office.convert([source], "pdf", tmp_path / "b")
    assert len(profiles) == 2
    assert profiles[0] != profiles[1]
    assert all(profile.startswith("-env:UserInstallation=file:///") for profile in profiles)


def test_parallel_conversions_do_not_collide(libreoffice: Path, tmp_path: Path) -> None:
    results: dict[str, list[Path]] = {}
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            source = _word(tmp_path / f"{name}.docx", f"form {name}")
            results[name] = office.convert([source], "pdf", tmp_path / f"out-{name}")
        except BaseException as exc:  # collected for the main thread to report
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(name,)) for name in ("left", "right")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert "form left" in _pdf_text(results["left"][0])
    assert "form right" in _pdf_text(results["right"][0])


def test_a_docx_resaved_by_libreoffice_is_still_a_word_document(
    libreoffice: Path, tmp_path: Path
) -> None:
    source = _word(tmp_path / "form.docx", "Child's views: I like art & maths")
    (resaved,) = office.convert([source], "docx", tmp_path / "resaved")
    with zipfile.ZipFile(resaved) as package:
        assert "word/document.xml" in package.namelist()
    text = [paragraph.text for paragraph in docx.Document(str(resaved)).paragraphs]
    assert "Child's views: I like art & maths" in text


def test_a_workbook_converts_to_pdf_and_back_to_xlsx(libreoffice: Path, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "Attendance"
    sheet["B1"] = "94.5%"
    source = tmp_path / "pep.xlsx"
    workbook.save(source)
    (pdf,) = office.convert([source], "pdf", tmp_path / "pdf")
    (xlsx,) = office.convert([source], "xlsx", tmp_path / "xlsx")
    assert "Attendance" in _pdf_text(pdf)
    reopened = openpyxl.load_workbook(xlsx).active
    assert reopened is not None and reopened["B1"].value == "94.5%"


def test_a_conversion_that_runs_too_long_is_stopped(libreoffice: Path, tmp_path: Path) -> None:
    source = _word(tmp_path / "slow.docx", "slow")
    with pytest.raises(PepdocsError, match=r"LibreOffice took longer than 0 s"):
        office.convert([source], "pdf", tmp_path / "out", timeout=0.05)


def test_two_inputs_with_the_same_name_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _word(tmp_path / "a" / "form.docx", "a")
    second = _word(tmp_path / "b" / "form.docx", "b")
    with pytest.raises(PepdocsError, match="several inputs named 'form'"):
        office.convert([first, second], "pdf", tmp_path / "out")


def test_a_missing_input_is_named(tmp_path: Path) -> None:
    with pytest.raises(PepdocsError, match=r"nope\.docx: no such file to convert"):
        office.convert([tmp_path / "nope.docx"], "pdf", tmp_path)


def test_an_unknown_target_is_refused(libreoffice: Path, tmp_path: Path) -> None:
    source = _word(tmp_path / "form.docx", "x")
    with pytest.raises(PepdocsError, match="cannot convert to 'odt'"):
        office.convert([source], "odt", tmp_path / "out")  # type: ignore[arg-type]


def test_converting_nothing_starts_nothing(tmp_path: Path) -> None:
    assert office.convert([], "pdf", tmp_path) == []
