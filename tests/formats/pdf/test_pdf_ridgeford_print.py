"""Ridgeford's PDF form as a school and a printer see it: every repeating section of a
school-age PEP on the form (rows of fields, a continuation sheet when the rows run out), text
that does not fit drawn smaller and then continued, labels and values in one type family, and
answers that expect a code offered as drop-down lists."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, StreamObject

from pepdocs import api, binding
from pepdocs._resources import data_dir
from pepdocs.mapping import FormSpec, load_mapping
from pepdocs.model import load_pep

# Every PDF is opened in the bounded worker process: seconds per test.
pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


@pytest.fixture(scope="module")
def form() -> FormSpec:
    return load_mapping(data_dir("mappings") / "ridgeford-school-age.yaml")


def _bjorn() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / "pep-bjorn-lindqvist.json").read_text("utf-8"))
    return data


def _with_previous_targets(count: int) -> dict[str, Any]:
    """Bjørn's PEP carrying ``count`` targets of last term, as a batch rolls them forward."""
    pep = _bjorn()
    pep["previous_targets"] = [
        {"description": f"Previous target {n}: join in the morning song.", "outcome": "met"}
        for n in range(1, count + 1)
    ]
    return pep


@pytest.mark.parametrize("path", ["targets", "previous_targets", "attainment", "attendees"])
def test_the_form_has_each_repeating_section_as_rows_of_fields(form: FormSpec, path: str) -> None:
    spec = form.field_for(path)
    assert spec is not None and spec.anchor.kind == "table"
    rows = spec.anchor.options["rows"]
    assert len(rows) >= 3
    fields = PdfReader(form.template).get_fields() or {}
    assert all(name in fields for row in rows for name in row if name)


def test_a_sample_pep_leaves_none_of_its_targets_attainment_or_people_behind(
    form: FormSpec,
) -> None:
    _, report = api.fill_with_report(_bjorn(), form)
    left_out = {item.path.split(".")[0] for item in report.unplaced}
    assert left_out.isdisjoint({"targets", "previous_targets", "attainment", "attendees"})


def test_five_rolled_forward_targets_are_all_on_the_form(form: FormSpec) -> None:
    pep = _with_previous_targets(5)
    filled, report = api.fill_with_report(pep, form)
    assert not [item for item in report.unplaced if item.path.startswith("previous_targets")]
    continued = [note for note in report.overflow if note.path == "previous_targets"]
    assert [note.kind for note in continued] == ["continued"]
    assert "rows 4 to 5 are on the continuation sheet" in continued[0].message
    reader = PdfReader(io.BytesIO(filled))
    assert len(reader.pages) == len(PdfReader(form.template).pages) + 1
    assert "Previous targets: rows 4-5" in (reader.pages[-1].extract_text() or "")
    extraction = api.extract(filled, form, name="returned.pdf")
    expected = binding.mapped_view(load_pep(pep), form)
    found = binding.mapped_view(extraction.pep, form)
    assert found["previous_targets"] == expected["previous_targets"]


def test_a_long_answer_is_drawn_smaller_then_continued_and_read_back_whole(
    form: FormSpec,
) -> None:
    pep = _bjorn()
    pep["views"]["carer"] = "Björn settles well at bedtime now. " * 18  # fits when smaller
    pep["views"]["child"] = "I like the guinea pigs and the big wheeled toys. " * 30
    filled, report = api.fill_with_report(pep, form)
    kinds = {note.path: note.kind for note in report.overflow}
    assert kinds["views.carer"] == "smaller"
    assert kinds["views.child"] == "continued"
    sheet = PdfReader(io.BytesIO(filled)).pages[-1].extract_text() or ""
    assert "C1. Child's views (page" in sheet
    # the field keeps the whole answer: nothing is lost when the form is read back
    extraction = api.extract(filled, form, name="returned.pdf")
    assert extraction.pep["views"]["child"] == pep["views"]["child"].strip()
    assert extraction.pep["views"]["carer"] == pep["views"]["carer"].strip()
    # the box itself says where the rest is
    flat = api.fill(pep, form, flatten=True)
    assert "see continuation C1" in " ".join(
        (page.extract_text() or "") for page in PdfReader(io.BytesIO(flat)).pages
    )


def _drawing_fonts(stream: StreamObject, resources: DictionaryObject) -> set[str]:
    """The base fonts a content stream shows text with (a font selected and never used to
    show anything, as reportlab's opening ``BT /F1 12 Tf ET``, does not count)."""
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else {}
    used: set[str] = set()
    current = ""
    for operands, operator in ContentStream(stream, None).operations:
        if operator == b"Tf":
            current = str(operands[0])
        elif operator in (b"Tj", b"TJ", b"'", b'"') and current in fonts:
            used.add(str(fonts[current].get_object()["/BaseFont"]))
    return used


def test_labels_and_values_are_printed_in_one_type_family(form: FormSpec) -> None:
    reader = PdfReader(io.BytesIO(api.fill(_bjorn(), form)))
    used: set[str] = set()
    for page in reader.pages[:-1] if len(reader.pages) > 5 else reader.pages:
        resources = page["/Resources"].get_object()
        used |= _drawing_fonts(page.get_contents(), resources)  # type: ignore[arg-type]
        for annotation in page.get("/Annots") or []:
            widget = annotation.get_object()
            appearance = widget.get("/AP")
            normal = appearance.get_object().get("/N") if appearance is not None else None
            normal = normal.get_object() if normal is not None else None
            if isinstance(normal, StreamObject) and widget.get("/V"):
                used |= _drawing_fonts(normal, normal["/Resources"].get_object())
    assert used, "text was found"
    families = {name.split("+")[-1].split("-")[0] for name in used}
    assert families == {"/DejaVuSans"} or families == {"DejaVuSans"}, used


@pytest.mark.parametrize(
    ("field", "entries"),
    [
        ("Target1Area", {"Literacy", "Numeracy", "Wellbeing (SEMH)", "Attendance"}),
        ("PreviousTarget1Outcome", {"Met", "Partly met", "Not met"}),
        ("Attainment1OnTrack", {"Yes", "No"}),
    ],
)
def test_answers_that_expect_a_code_are_drop_down_lists(
    form: FormSpec, field: str, entries: set[str]
) -> None:
    fields = PdfReader(form.template).get_fields() or {}
    assert fields[field]["/FT"] == "/Ch"
    listed = fields[field]["/Opt"]
    options = {str(item[1]) if isinstance(item, list) else str(item) for item in listed}
    assert entries <= options


def test_who_came_to_the_meeting_is_ticked(form: FormSpec) -> None:
    pep = _bjorn()
    fields = PdfReader(io.BytesIO(api.fill(pep, form))).get_fields() or {}
    ticked = [fields[f"Attendee{n}Attended"].get("/V") for n in range(1, 6)]
    assert ticked == ["/Yes" if person.get("attended") else "/Off" for person in pep["attendees"]]


def test_a_screen_reader_announces_the_forms_title_in_uk_english_and_each_box_by_its_label(
    form: FormSpec,
) -> None:
    reader = PdfReader(io.BytesIO(api.fill(_bjorn(), form)))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata is not None
    assert reader.metadata.title == "Ridgeford Personal Education Plan - School Age"
    fields = reader.get_fields() or {}
    assert fields["CarerEmail"]["/TU"] == "Carer's email"
    assert all(field.get("/TU") for field in fields.values())
