"""Every shipped form, filled from a sample PEP and printed as ``fill --pdf`` prints it, reads
as a finished form: no prompt printed, no table header broken over two lines, email addresses
wrapped only after an @ or a dot, and Southvale's workbook on A4 one page wide with no text
under 9 pt."""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pepdocs import api
from pepdocs.bundle import to_pdf
from pepdocs.mapping import FormSpec, list_authorities, load_form
from pepdocs.model.paths import get_path

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROMPTS = ("Click or tap here to enter text", "Click or tap to enter a date", "Choose an item")
#: A4 landscape, in points (ISO 216)
A4_LANDSCAPE = (841.89, 595.28)


@dataclass(frozen=True)
class Printed:
    form: FormSpec
    pep: dict[str, Any]
    pdf: Path
    document: Path

    @property
    def text(self) -> str:
        return "\n".join(page.extract_text() or "" for page in PdfReader(self.pdf).pages)

    @property
    def layout(self) -> str:
        result = subprocess.run(
            ["pdftotext", "-layout", str(self.pdf), "-"],
            capture_output=True,
            check=True,
            timeout=120,
        )
        return result.stdout.decode("utf-8")


def _sample_for(form: FormSpec) -> dict[str, Any]:
    """The sample PEP of the form's authority and phase, else one of its phase moved."""
    samples = [json.loads(path.read_text("utf-8")) for path in sorted(SAMPLES.glob("pep-*.json"))]
    of_phase = [pep for pep in samples if pep["meta"]["phase"] == form.form]
    own = [pep for pep in of_phase if pep["meta"]["authority"] == form.authority]
    chosen: dict[str, Any] = json.loads(json.dumps((own or of_phase)[0]))
    chosen["meta"]["authority"] = form.authority
    return chosen


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, libreoffice: Path) -> dict[str, Printed]:
    folder = tmp_path_factory.mktemp("printed")
    forms = [load_form(s.source) for a in list_authorities() for s in a.forms]
    made: dict[str, tuple[FormSpec, dict[str, Any], Path]] = {}
    for form in forms:
        if form.kind == "pdf":
            continue
        pep = _sample_for(form)
        path = folder / f"{form.authority}-{form.form}.{form.kind}"
        path.write_bytes(api.fill(pep, form))
        made[path.stem] = (form, pep, path)
    pdfs = to_pdf([path for _, _, path in made.values()], folder / "pdf")
    return {
        pdf.stem: Printed(made[pdf.stem][0], made[pdf.stem][1], pdf, made[pdf.stem][2])
        for pdf in pdfs
    }


def _names(printed: dict[str, Printed]) -> Iterator[str]:
    yield from sorted(printed)


def test_every_word_and_excel_form_was_printed(printed: dict[str, Printed]) -> None:
    assert sorted(printed) == [
        "eastborough-early_years",
        "eastborough-post16",
        "eastborough-school_age",
        "northshire-early_years",
        "northshire-post16",
        "northshire-school_age",
        "southvale-school_age",
        "westmere-school_age",
    ]


def test_no_prompt_is_printed(printed: dict[str, Printed]) -> None:
    found = {name: [p for p in PROMPTS if p in item.text] for name, item in printed.items()}
    assert found == {name: [] for name in printed}


def _headers(form: FormSpec) -> list[str]:
    return [
        str(header)
        for spec in form.fields
        for anchor in spec.anchors
        if anchor.kind == "table"
        for header in anchor.options.get("header") or ()
    ]


def test_no_table_header_wraps(printed: dict[str, Printed]) -> None:
    """Each header of each table the mapping reads is printed whole on one line (a header
    broken over two lines, "No" over ".", reads as two words)."""
    broken = {}
    for name, item in printed.items():
        lines = " \n ".join(" ".join(line.split()) for line in item.layout.splitlines())
        missing = [
            header for header in _headers(item.form) if " ".join(header.split()) not in lines
        ]
        if missing:
            broken[name] = missing
    assert broken == {}, broken


def _emails(pep: dict[str, Any]) -> list[str]:
    paths = [
        "care.carer.email",
        "care.social_worker.email",
        "care.iro.email",
        "education.designated_teacher.email",
    ]
    return [value for path in paths if isinstance(value := get_path(pep, path), str) and value]


def test_email_addresses_wrap_only_after_an_at_sign_a_dot_or_a_hyphen(
    printed: dict[str, Printed],
) -> None:
    wrong = {}
    for name, item in printed.items():
        text = item.text
        for email in _emails(item.pep):
            # a line may end after "@", "." or a hyphen (or a zero-width space there), nowhere
            # else
            pattern = "".join(
                re.escape(ch) + ("\u200b?\\s*" if ch in "@.-" else "\u200b?") for ch in email
            )
            if re.search(pattern, text) is None:
                wrong.setdefault(name, []).append(email)
    assert wrong == {}


def _smallest_text(reader: PdfReader) -> list[float]:
    """Per page, the smallest size text is printed at (its font size scaled by the text
    and graphics matrices in force)."""
    smallest = []
    for page in reader.pages:
        sizes = _sizes(page)
        smallest.append(min(sizes) if sizes else 99.0)
    return smallest


def _sizes(page: Any) -> list[float]:
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            scale = (abs(tm[3]) or abs(tm[0])) * (abs(cm[3]) or abs(cm[0]))
            sizes.append(size * scale)

    page.extract_text(visitor_text=visit)
    return sizes


def test_southvale_prints_on_a4_one_page_wide_and_no_smaller_than_9_pt(
    printed: dict[str, Printed],
) -> None:
    item = printed["southvale-school_age"]
    book = load_workbook(io.BytesIO(item.document.read_bytes()))
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        setup = sheet.page_setup
        assert setup.orientation == "landscape"
        assert int(setup.paperSize) == int(sheet.PAPERSIZE_A4)
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_area, sheet.title
    reader = PdfReader(item.pdf)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == tuple(round(v) for v in A4_LANDSCAPE)
    assert min(_smallest_text(reader)) >= 9.0
