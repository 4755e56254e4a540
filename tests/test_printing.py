"""What leaves pepdocs for the printer and the screen reader: prompts never print, addresses
wrap at sensible points, and every PDF made through LibreOffice, and every bundle, is tagged
(title, language, headings and tables in a structure tree)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from pepdocs import api
from pepdocs.bundle import bundle, to_pdf
from pepdocs.formats import word
from pepdocs.formats.word.printing import ZERO_WIDTH_SPACE

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROMPTS = ("Click or tap here to enter text", "Click or tap to enter a date", "Choose an item")


def _sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / name).read_text("utf-8"))
    return data


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode("utf-8")


def _texts(xml: str) -> str:
    """The text a document shows (its ``w:t`` elements), not its list items' attributes."""
    return " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_the_filled_form_keeps_its_prompts_grey_and_the_print_copy_leaves_them_blank() -> None:
    filled = api.fill(_sample("pep-oisin-obrien.json"), "eastborough")
    shown = _document_xml(filled)
    # as Word shows it: the prompts are there, in Word's grey Placeholder Text style
    assert "Click or tap here to enter text." in _texts(shown)
    assert '<w:rStyle w:val="PlaceholderText"/>' in shown
    printed = _document_xml(word.print_copy(filled, "oisin.docx"))
    assert not any(prompt in _texts(printed) for prompt in PROMPTS)
    # the answers are all still there, and so are the empty boxes' controls
    assert "Oisín" in _texts(printed) and printed.count("<w:sdt>") == shown.count("<w:sdt>")


def test_the_print_copy_lets_addresses_wrap_after_at_signs_and_dots() -> None:
    pep = _sample("pep-oisin-obrien.json")
    email = pep["education"]["designated_teacher"]["email"]
    filled = api.fill(pep, "eastborough")
    assert email in _document_xml(filled)  # the form itself: the address as typed
    printed = _document_xml(word.print_copy(filled, "oisin.docx"))
    user, domain = email.split("@")
    breakable = f"{user.replace('.', '.' + ZERO_WIDTH_SPACE)}@{ZERO_WIDTH_SPACE}" + domain.replace(
        ".", "." + ZERO_WIDTH_SPACE
    )
    assert breakable in printed


def _structure(reader: PdfReader) -> Counter[str]:
    """How many structure elements of each type the document's structure tree holds."""
    counts: Counter[str] = Counter()
    pending: list[Any] = [reader.trailer["/Root"]["/StructTreeRoot"]["/K"]]
    while pending:
        node = pending.pop()
        node = node.get_object()
        if isinstance(node, ArrayObject):
            pending.extend(node)
        elif isinstance(node, DictionaryObject) and "/S" in node:
            counts[str(node["/S"])] += 1
            if "/K" in node:
                pending.append(node["/K"])
    return counts


def _assert_tagged(path: Path, title: str) -> Counter[str]:
    reader = PdfReader(path)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en-GB"
    assert reader.metadata is not None and reader.metadata.title == title
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    return _structure(reader)


@pytest.mark.slow
def test_pdf_copies_print_no_prompts_and_are_tagged(tmp_path: Path, libreoffice: Path) -> None:
    eastborough = tmp_path / "oisin.docx"
    eastborough.write_bytes(api.fill(_sample("pep-oisin-obrien.json"), "eastborough"))
    westmere = tmp_path / "jayden.docx"
    westmere.write_bytes(api.fill(_sample("pep-jayden-evans-price.json"), "westmere"))
    southvale = tmp_path / "sian.xlsx"
    southvale.write_bytes(api.fill(_sample("pep-sian-dsouza.json"), "southvale"))
    made = to_pdf([eastborough, westmere, southvale], tmp_path / "pdf")
    for path in made:
        text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
        assert not any(prompt in text for prompt in PROMPTS), path.name
    structure = _assert_tagged(made[0], "Eastborough Personal Education Plan - School Age")
    assert structure["/H1"] >= 10 and structure["/Table"] >= 10 and structure["/TH"] > 0
    structure = _assert_tagged(made[1], "Westmere PEP (School Age)")
    assert structure["/Table"] >= 5
    structure = _assert_tagged(made[2], "Southvale Personal Education Plan - School Age")
    assert sum(structure.values()) > 50


@pytest.mark.slow
def test_a_bundle_of_tagged_parts_is_one_tagged_document(
    tmp_path: Path, libreoffice: Path
) -> None:
    pep = tmp_path / "oisin.docx"
    pep.write_bytes(api.fill(_sample("pep-oisin-obrien.json"), "eastborough"))
    (pep_pdf,) = to_pdf([pep], tmp_path)
    workbook = tmp_path / "Attendance.xlsx"
    workbook.write_bytes(api.fill(_sample("pep-sian-dsouza.json"), "southvale"))
    notes: list[str] = []
    written = bundle(pep_pdf, [workbook], tmp_path / "bundle.pdf", notes=notes)
    assert notes == []
    title = "Eastborough Personal Education Plan - School Age"
    structure = _assert_tagged(written, title)
    assert structure["/Document"] == 1 and structure["/Part"] == 2
    assert structure["/H1"] >= 10 and structure["/Table"] >= 10
    reader = PdfReader(written)
    keys = [page["/StructParents"] for page in reader.pages]
    assert len(set(keys)) == len(reader.pages)  # each page its own entry in the ParentTree
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    assert set(keys) <= {int(nums[index]) for index in range(0, len(nums), 2)}
    assert tree["/ParentTreeNextKey"] > max(keys)


@pytest.mark.slow
def test_a_bundle_names_a_part_that_is_not_tagged(tmp_path: Path, libreoffice: Path) -> None:
    pep = tmp_path / "oisin.docx"
    pep.write_bytes(api.fill(_sample("pep-oisin-obrien.json"), "eastborough"))
    (pep_pdf,) = to_pdf([pep], tmp_path)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(api.fill(_sample("pep-bjorn-lindqvist.json"), "ridgeford", flatten=True))
    notes: list[str] = []
    written = bundle(pep_pdf, [scan], tmp_path / "bundle.pdf", notes=notes)
    untagged = f"{scan}: its PDF is not tagged, so screen readers cannot follow its structure"
    assert notes == [untagged]
    catalog = PdfReader(written).trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is False  # not claimed for the untagged pages
    assert catalog["/Lang"] == "en-GB"
