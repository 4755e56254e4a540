"""A PDF form's document id comes from the bounded worker's summary: the worker reads the
information entry from the parse it makes for the fields, so reading the id, recognising the
form and reading it parse the PDF once, in the worker, and never in this process."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from pepdocs import api
from pepdocs.binding import fill_form, read_document_id
from pepdocs.formats import open_document, pdf
from pepdocs.formats.pdf.docid import INFO_KEY
from pepdocs.mapping import resolve_form
from pepdocs.safety.pdf import inspect_pdf
from pepdocs.samples import generate_peps
from tests.parse_counter import ParseCounter

DOCUMENT_ID = "0f8c6f7e-2b1d-4c55-9d9a-2f7e1c3a4b5c"


@pytest.fixture(scope="module")
def filled() -> bytes:
    pep = next(iter(generate_peps(1, seed=21, phase="school_age")))
    return fill_form(pep, resolve_form("ridgeford"), document_id=DOCUMENT_ID)


def _with_info_entry(data: bytes, text: str) -> bytes:
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.add_metadata({NameObject(INFO_KEY): TextStringObject(text)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_the_worker_summary_carries_the_information_entry(filled: bytes) -> None:
    assert inspect_pdf(filled, "form.pdf").document_id == DOCUMENT_ID


def test_a_form_filled_without_an_id_has_none_in_its_summary_and_reads_none() -> None:
    pep = next(iter(generate_peps(1, seed=22, phase="school_age")))
    data = api.fill(pep, "ridgeford")
    assert inspect_pdf(data, "form.pdf").document_id is None
    assert pdf.read_document_id(data) is None


@pytest.mark.parametrize("planted", ["not an id; DROP TABLE", "x" * 65, "<script>"])
def test_an_entry_of_another_shape_reads_as_no_id(filled: bytes, planted: str) -> None:
    assert read_document_id(_with_info_entry(filled, planted)) is None


def test_the_id_recognition_and_reading_parse_the_pdf_once_in_the_worker(
    filled: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = ParseCounter(monkeypatch)
    document = open_document(filled, "returned.pdf")
    assert read_document_id(document) == DOCUMENT_ID
    extraction = api.extract(document)
    assert extraction.report.authority == "ridgeford"
    assert counter.by_opener["returned.pdf"] == ["pdf worker"]
