"""Filled forms in a real office suite: LibreOffice prints them with the values visible, and a
form re-saved by LibreOffice (as schools without Microsoft Office do) still extracts to the
same data: Word forms lose their content-control tags on the way, so the label fallbacks
carry them.

All forms of a kind are converted in one LibreOffice run (module fixtures): a start costs
seconds, a form about one.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from pepdocs import api, office
from pepdocs.mapping.spec import FormSpec
from pepdocs.model import load_pep
from roundtrip.support import (
    comparable_view,
    differences,
    generated_peps,
    shipped_forms,
    yes_no_paths,
)

WORD_FORMS = shipped_forms("docx")
SHEET_FORMS = shipped_forms("xlsx")
PDF_FORMS = shipped_forms("pdf")

FIRST_NAME = "Zoë"
LAST_NAME = "Ní Bhriain-Łukasz"
UPN = "B801200005001"
TARGET = "Read with Şahin for 20 minutes a day"


def _stem(form: FormSpec) -> str:
    return form.source.stem


def _pep_for(form: FormSpec) -> dict[str, Any]:
    """A generated PEP of the form's phase carrying the values the PDF test looks for."""
    pep = copy.deepcopy(next(generated_peps(form, 1, seed=31)))
    pep["child"].update(first_name=FIRST_NAME, last_name=LAST_NAME, upn=UPN)
    targets = pep.setdefault("targets", [])
    if targets:
        targets[0]["description"] = TARGET
    else:
        targets.append({"description": TARGET})
    return load_pep(pep)


@pytest.fixture(scope="module")
def filled(
    libreoffice: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[FormSpec, dict[str, Any], Path]]:
    """Every shipped form filled once: stem -> (form, PEP, file)."""
    folder = tmp_path_factory.mktemp("filled")
    result = {}
    for form in [*WORD_FORMS, *SHEET_FORMS, *PDF_FORMS]:
        pep = _pep_for(form)
        path = folder / f"{_stem(form)}.{form.kind}"
        path.write_bytes(api.fill(pep, form))
        result[_stem(form)] = (form, pep, path)
    return result


@pytest.fixture(scope="module")
def pdfs(
    filled: dict[str, tuple[FormSpec, dict[str, Any], Path]],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    """Word and Excel forms printed by LibreOffice (one run); PDF forms as filled."""
    sources = [path for form, _, path in filled.values() if form.kind != "pdf"]
    outputs = office.convert(sources, "pdf", tmp_path_factory.mktemp("pdf"))
    printed = {path.stem: path for path in outputs}
    printed.update((stem, path) for stem, (form, _, path) in filled.items() if form.kind == "pdf")
    return printed


@pytest.fixture(scope="module")
def resaved(
    filled: dict[str, tuple[FormSpec, dict[str, Any], Path]],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    """Every filled form re-saved by LibreOffice in its own format: one run per kind."""
    folder = tmp_path_factory.mktemp("resaved")
    outputs: dict[str, Path] = {}
    for kind in ("docx", "xlsx"):
        sources = [path for form, _, path in filled.values() if form.kind == kind]
        if sources:
            converted = office.convert(sources, kind, folder)  # type: ignore[arg-type]
            outputs.update((path.stem, path) for path in converted)
    return outputs


def _pdf_text(path: Path) -> str:
    """The PDF's text by pdftotext when installed (it keeps reading order), else pypdf."""
    if shutil.which("pdftotext"):
        completed = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
        )
        text = completed.stdout.decode("utf-8")
    else:
        text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())


def _visible(value: str, text: str) -> bool:
    """``value``'s words appear in order. A table cell wraps, and text extraction interleaves
    the lines of neighbouring cells, so a cell's words need not be adjacent in the text."""
    words = iter(text.split())
    return all(any(word == seen for seen in words) for word in value.split())


def _maps(form: FormSpec, path: str) -> bool:
    return any(path in spec.paths for spec in form.fields)


def _maps_column(form: FormSpec, section: str, column: str) -> bool:
    spec = form.field_for(section)
    return spec is not None and any(c.path == column for c in spec.columns)


@pytest.mark.parametrize("stem", [_stem(f) for f in [*WORD_FORMS, *SHEET_FORMS, *PDF_FORMS]])
def test_a_filled_form_prints_to_pdf_with_its_values_visible(
    stem: str,
    filled: dict[str, tuple[FormSpec, dict[str, Any], Path]],
    pdfs: dict[str, Path],
) -> None:
    form, _, _ = filled[stem]
    text = _pdf_text(pdfs[stem])
    expected = [
        (value, path)
        for value, path in (
            (FIRST_NAME, "child.first_name"),
            (LAST_NAME, "child.last_name"),
            (UPN, "child.upn"),
        )
        if _maps(form, path)
    ]
    if _maps_column(form, "targets", "description"):
        expected.append((TARGET, "targets.*.description"))
    assert expected, f"{form.label} maps none of the values this test looks for"
    missing = [path for value, path in expected if not _visible(value, text)]
    assert missing == [], f"{form.label}: not visible in the PDF: {missing}"


@pytest.mark.parametrize("stem", [_stem(f) for f in [*WORD_FORMS, *SHEET_FORMS]])
def test_a_form_resaved_by_libreoffice_extracts_to_the_same_data(
    stem: str,
    filled: dict[str, tuple[FormSpec, dict[str, Any], Path]],
    resaved: dict[str, Path],
) -> None:
    form, pep, _ = filled[stem]
    extraction = api.extract(resaved[stem], form)
    found = differences(
        comparable_view(pep, form), comparable_view(extraction.pep, form), yes_no_paths(form)
    )
    assert found == [], f"{form.label} after a LibreOffice re-save: {found}"
    problems = [
        (entry.path, entry.status)
        for entry in extraction.report.fields
        if entry.status in ("missing", "unparseable", "invalid")
    ]
    assert problems == []


LONG_ANSWER = (
    "First paragraph of the answer.\nSecond paragraph, no capital after it\n\nafter a blank"
)


@pytest.fixture(scope="module")
def long_answers_resaved(
    libreoffice: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[FormSpec, dict[str, Any], Path]]:
    """Every Word form filled with multi-paragraph long answers, re-saved by LibreOffice."""
    folder = tmp_path_factory.mktemp("long")
    sources: dict[str, tuple[FormSpec, dict[str, Any], Path]] = {}
    for form in WORD_FORMS:
        pep = copy.deepcopy(_pep_for(form))
        pep["views"] = {
            key: LONG_ANSWER for key in ("child", "carer", "parent", "school", "social_worker")
        }
        path = folder / f"{_stem(form)}.docx"
        path.write_bytes(api.fill(load_pep(pep), form))
        sources[_stem(form)] = (form, load_pep(pep), path)
    converted = office.convert([path for _, _, path in sources.values()], "docx", folder / "out")
    return {path.stem: (*sources[path.stem][:2], path) for path in converted}


@pytest.mark.parametrize("stem", [_stem(f) for f in WORD_FORMS])
def test_multi_paragraph_answers_keep_their_paragraphs_after_a_libreoffice_resave(
    stem: str, long_answers_resaved: dict[str, tuple[FormSpec, dict[str, Any], Path]]
) -> None:
    form, pep, path = long_answers_resaved[stem]
    extraction = api.extract(path, form)
    mapped = [
        p
        for p in ("child", "carer", "parent", "school", "social_worker")
        if _maps(form, f"views.{p}")
    ]
    assert mapped, f"{form.label} maps no views"
    glued = {
        person: extraction.pep.get("views", {}).get(person)
        for person in mapped
        if extraction.pep.get("views", {}).get(person) != pep["views"][person]
    }
    assert glued == {}, f"{form.label} after a LibreOffice re-save"


def test_a_plain_text_control_glued_by_a_libreoffice_resave_gets_its_lines_back(
    libreoffice: Path, tmp_path: Path
) -> None:
    # Another authority's form: a multi-line *plain-text* control. LibreOffice moves its line
    # breaks out in front of it; the reader puts them back where sentences were glued.
    from formats.word.docxbuild import (
        anchor,
        field,
        make_docx,
        make_form,
        p,
        read_form,
        tbl,
        tc,
        tr,
    )

    def box(content: str) -> str:
        return tbl(tr(tc(p("Views"), shade="D9D9D9"), tc(p(content))))

    lines = ["The placement is stable.", "Health needs are met.", "School is going well."]
    value = '<w:r><w:t xml:space="preserve">' + "</w:t><w:br/><w:t>".join(lines) + "</w:t></w:r>"
    control = (
        '<w:sdt><w:sdtPr><w:alias w:val="Views"/><w:tag w:val="views"/>'
        f'<w:text w:multiLine="1"/></w:sdtPr><w:sdtContent>{value}</w:sdtContent></w:sdt>'
    )
    empty = (
        '<w:sdt><w:sdtPr><w:alias w:val="Views"/><w:tag w:val="views"/><w:showingPlcHdr/>'
        '<w:text w:multiLine="1"/></w:sdtPr><w:sdtContent><w:r><w:t>'
        "Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>"
    )
    form = make_form(
        tmp_path, box(empty), field("views.child", anchor("control", "views", alias="Views"))
    )
    completed = tmp_path / "completed.docx"
    completed.write_bytes(make_docx(box(control)))
    (resaved,) = office.convert([completed], "docx", tmp_path / "out")
    found = read_form(form, resaved.read_bytes()).readings[0]
    assert found.raw == "\n".join(lines)
    assert any("LibreOffice" in note for note in found.notes)
