"""convert, extract and translate parse each document once: recognising which form it is
(the fingerprint of a Word form; every candidate read for an Excel or PDF form) and reading
it share the one opened document. Counted on the real openers (``tests.parse_counter``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs import api
from pepdocs.legacy.convert import convert_folder
from pepdocs.samples import generate_peps
from tests.parse_counter import ParseCounter


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A Word, an Excel and a PDF form of three authorities, filled."""
    folder = tmp_path / "returned"
    folder.mkdir()
    peps = list(generate_peps(3, seed=5, phase="school_age"))
    for pep, authority, suffix in zip(
        peps, ("westmere", "southvale", "ridgeford"), (".docx", ".xlsx", ".pdf"), strict=True
    ):
        (folder / f"{authority}{suffix}").write_bytes(api.fill(pep, authority))
    return folder


def test_convert_parses_each_word_and_pdf_form_once(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (filled / "southvale.xlsx").unlink()  # convert takes Word and PDF documents only
    counter = ParseCounter(monkeypatch)
    summary = convert_folder(filled, tmp_path / "out")
    assert sorted(summary.converted) == ["ridgeford.pdf", "westmere.docx"]
    # (a template is opened too, once per process, for what it prints: not a document read)
    documents = {name: count for name, count in counter.parses.items() if "/" not in name}
    assert documents == {"ridgeford.pdf": 1, "westmere.docx": 1}


@pytest.mark.parametrize("name", ["westmere.docx", "southvale.xlsx", "ridgeford.pdf"])
def test_extract_without_an_authority_parses_the_form_once(
    filled: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled / name
    counter = ParseCounter(monkeypatch)
    extraction = api.extract(path)
    assert extraction.report.detected
    assert extraction.report.authority == name.split(".")[0]
    assert counter.parses[str(path)] == 1


def test_translate_parses_the_source_form_once(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled / "southvale.xlsx"
    counter = ParseCounter(monkeypatch)
    document, report = api.translate(path, None, "northshire", form="school_age")
    assert document.startswith(b"PK") and report.target_authority == "northshire"
    assert counter.parses[str(path)] == 1


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_word_form_printed_to_pdf_runs_the_pdf_worker_for_its_fields_and_its_text_once(
    tmp_path: Path, libreoffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Recognising a printed form reads the page text by every Word and Excel form's labels:
    # the text is taken from the PDF once for all of them, and again for none of the reading.
    from pepdocs.office import convert

    pep = next(iter(generate_peps(1, seed=4, phase="school_age")))
    (tmp_path / "westmere.docx").write_bytes(api.fill(pep, "westmere"))
    convert([tmp_path / "westmere.docx"], "pdf", tmp_path / "printed")
    path = tmp_path / "printed" / "westmere.pdf"
    counter = ParseCounter(monkeypatch)
    extraction = api.extract(path)
    assert extraction.report.authority == "westmere"
    assert counter.by_opener[str(path)] == ["pdf worker", "pdf worker"]  # fields, then text
