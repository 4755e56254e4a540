"""An opened document: its kind told once, each engine's parse and each form's reading kept
on it; engines that do not take one (a stand-in) still get the bytes."""

from __future__ import annotations

import pytest

from pepdocs import api
from pepdocs.formats import ENGINES, get_engine, open_document, opened, read_form
from pepdocs.mapping.registry import resolve_form
from pepdocs.recognition import detect_form
from pepdocs.samples import generate_peps
from tests.fake_engine import FakeEngine, document
from tests.parse_counter import ParseCounter


@pytest.fixture(scope="module")
def pep() -> dict[str, object]:
    return next(iter(generate_peps(1, seed=8, phase="school_age")))


def test_opening_tells_the_kind_from_the_bytes_not_the_name() -> None:
    assert open_document(b"%PDF-1.7\n", "form.docx").kind == "pdf"
    assert open_document(b"", "empty.docx").kind == "unknown"


def test_an_opened_document_is_handed_on_as_it_is_and_bytes_are_opened() -> None:
    once = open_document(b"%PDF-1.7\n", "a.pdf")
    assert opened(once) is once
    assert opened(b"%PDF-1.7\n", "b.pdf").name == "b.pdf"


@pytest.mark.parametrize("authority", ["westmere", "southvale", "ridgeford"])
def test_reading_an_opened_document_gives_what_reading_its_bytes_gives(
    authority: str, pep: dict[str, object]
) -> None:
    form = resolve_form(authority)
    data = api.fill(pep, form)
    from_bytes = get_engine(form.kind).read(form, data, "form")
    from_opened = read_form(form, open_document(data, "form"))
    assert from_opened == from_bytes


@pytest.mark.parametrize("authority", ["westmere", "southvale", "ridgeford"])
def test_a_form_is_read_once_per_opened_document_and_the_document_parsed_once(
    authority: str, pep: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    form = resolve_form(authority)
    data = api.fill(pep, form)
    counter = ParseCounter(monkeypatch)
    once = open_document(data, "returned")
    first = read_form(form, once)
    assert read_form(form, once) is first
    assert api.extract(once, form).pep == api.extract(data, form).pep
    assert counter.parses["returned"] == 1


def test_recognition_keeps_the_winning_forms_reading_for_extraction(
    pep: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    form = resolve_form("southvale")
    once = open_document(api.fill(pep, form), "returned.xlsx")
    detection = detect_form(once)
    assert detection.form is not None and detection.form.source == form.source
    reads: list[str] = []
    real = get_engine("xlsx").read
    monkeypatch.setattr(
        get_engine("xlsx"), "read", lambda *args: reads.append("read") or real(*args)
    )
    read_form(detection.form, once)
    assert reads == []


def test_an_engine_that_takes_bytes_only_is_handed_the_bytes() -> None:
    form = resolve_form("westmere")
    data = document("westmere", {"0": {"status": "found", "raw": "typed"}})
    with ENGINES.using("docx", FakeEngine()):
        reading = read_form(form, open_document(data, "stand-in.docx"))
    assert (reading.readings[0].status, reading.readings[0].raw) == ("found", "typed")


@pytest.mark.parametrize(
    ("authority", "phase"),
    [
        ("eastborough", "early_years"),
        ("eastborough", "school_age"),
        ("eastborough", "post16"),
        ("northshire", "early_years"),
        ("northshire", "school_age"),
        ("northshire", "post16"),
        ("westmere", "school_age"),
    ],
)
def test_a_word_form_read_after_recognition_reads_as_its_bytes_do(
    authority: str, phase: str
) -> None:
    # recognition indexes the document without the form's labels; the reading's index takes
    # over what that one worked out (cells, grids, controls, boxes): nothing may change
    form = resolve_form(authority, phase=phase)
    pep = next(iter(generate_peps(1, seed=13, phase=phase)))
    data = api.fill({**pep, "meta": {**pep["meta"], "authority": authority}}, form)
    once = open_document(data, "returned.docx")
    assert detect_form(once).form is not None
    assert read_form(form, once) == get_engine("docx").read(form, data, "returned.docx")
