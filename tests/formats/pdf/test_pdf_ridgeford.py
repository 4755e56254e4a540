"""The PDF engine against Ridgeford's shipped AcroForm: round trips, appearance streams that
show every letter, the form's own on-states, flattening, XFA and passwords."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, NameObject, StreamObject

from pepdocs import api, binding
from pepdocs._resources import data_dir
from pepdocs.errors import DocumentError
from pepdocs.formats import get_engine, pdf
from pepdocs.mapping import FormSpec, load_mapping
from pepdocs.model import load_pep
from pepdocs.samples import generate_peps

# Every PDF is opened in the bounded worker process: seconds per test.
pytestmark = pytest.mark.slow

MAPPING = data_dir("mappings") / "ridgeford-school-age.yaml"
SAMPLES = Path(__file__).resolve().parents[3] / "samples"
#: lone checkboxes cannot tell "no" from "not answered": unticked reads back as False
LONE_CHECKBOXES = {"education.on_roll", "pp_plus.approved"}


@pytest.fixture(scope="module")
def form() -> FormSpec:
    return load_mapping(MAPPING)


def _pep(index: int = 1) -> dict[str, Any]:
    return list(generate_peps(index, seed=7, authority="ridgeford", phase="school_age"))[-1]


def _differences(pep: dict[str, Any], extracted: dict[str, Any], form: FormSpec) -> list[str]:
    expected = binding.mapped_view(load_pep(pep), form)
    found = binding.mapped_view(extracted, form)
    different = []
    for path, value in expected.items():
        if value == found[path]:
            continue
        if value is None and path in LONE_CHECKBOXES and found[path] is False:
            continue
        different.append(path)
    return different


def _fields(data: bytes) -> dict[str, Any]:
    return PdfReader(io.BytesIO(data)).get_fields() or {}


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _samples() -> list[Path]:
    found = []
    for path in sorted(SAMPLES.glob("**/*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and data.get("meta", {}).get("phase") == "school_age":
            found.append(path)
    return found


def test_the_engine_is_registered_for_pdf_forms() -> None:
    engine = get_engine("pdf")
    assert engine.fill is pdf.fill
    assert engine.read is pdf.read


@pytest.mark.parametrize("index", range(1, 13))
def test_every_mapped_field_survives_fill_then_extract(form: FormSpec, index: int) -> None:
    pep = _pep(index)
    extraction = api.extract(api.fill(pep, form), form, name="ridgeford.pdf")
    assert _differences(pep, extraction.pep, form) == []
    assert extraction.report.confidence == 1.0


@pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
def test_shipped_samples_survive_fill_then_extract(form: FormSpec, path: Path) -> None:
    pep = json.loads(path.read_text(encoding="utf-8"))
    extraction = api.extract(api.fill(pep, form), form)
    assert _differences(pep, extraction.pep, form) == []


def test_names_with_letters_outside_latin_1_are_drawn_with_an_embedded_font(
    form: FormSpec,
) -> None:
    pep = _pep()
    pep["child"].update(first_name="Łucja", middle_names="Zoë", last_name="ap Siân-Wyn")
    data = api.fill(pep, form)
    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/AcroForm"]["/NeedAppearances"] == BooleanObject(False)
    widget = next(
        annot.get_object()
        for page in reader.pages
        for annot in page["/Annots"]
        if annot.get_object().get("/T") == "ChildForename"
    )
    appearance = widget["/AP"]["/N"]
    assert isinstance(appearance, StreamObject)
    fonts = [font.get_object() for font in appearance["/Resources"]["/Font"].values()]
    embedded = [font for font in fonts if "/FontFile2" in font.get("/FontDescriptor", {})]
    assert embedded, "the value is drawn with an embedded TrueType font"
    # the drawn text itself (what a viewer shows without clicking) reads back as the name
    flattened = pdf.flatten(data)
    assert "Łucja" in _text(flattened)
    assert "ap Siân-Wyn" in _text(flattened)
    assert _fields(data)["ChildForename"]["/V"] == "Łucja"


def test_checkbox_and_radio_on_states_come_from_the_form(form: FormSpec) -> None:
    pep = _pep()
    pep["education"]["on_roll"] = True
    pep["education"]["sen_provision"] = "K"
    pep.setdefault("pp_plus", {})["approved"] = True
    pep["pp_plus"].setdefault("requested_total", "100.00")
    pep["care"]["legal_status"] = "C2"
    fields = _fields(api.fill(pep, form))
    assert fields["OnRoll"]["/V"] == "/On"  # Ridgeford's on-state is /On, not /Yes
    assert fields["PPApproved"]["/V"] == "/1"
    assert fields["SENProvision"]["/V"] == "/SENSupport"
    assert fields["LegalStatus"]["/V"] == "C2"  # the drop-down's export value


def test_unticked_boxes_and_empty_fields_stay_as_the_template_had_them(form: FormSpec) -> None:
    pep = _pep()
    pep["education"]["on_roll"] = False
    pep["child"].pop("preferred_name", None)
    fields = _fields(api.fill(pep, form))
    assert fields["OnRoll"]["/V"] == "/Off"
    assert not fields["ChildKnownAs"].get("/V")


def test_flatten_leaves_values_as_page_text_and_no_form_fields(form: FormSpec) -> None:
    pep = _pep()
    flattened = pdf.flatten(api.fill(pep, form))
    reader = PdfReader(io.BytesIO(flattened))
    assert "/AcroForm" not in reader.trailer["/Root"]
    widgets = [
        annot
        for page in reader.pages
        for annot in (page.get("/Annots") or [])
        if annot.get_object().get("/Subtype") == "/Widget"
    ]
    assert widgets == []
    assert not reader.get_fields()
    text = _text(flattened)
    for value in (pep["child"]["first_name"], pep["child"]["upn"], pep["education"]["urn"]):
        assert value in text
    layout = "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)
    assert pep["child"]["last_name"] in layout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_flattened_values_are_in_pdftotext_output(form: FormSpec, tmp_path: Path) -> None:
    pep = _pep(2)
    path = tmp_path / "flat.pdf"
    path.write_bytes(pdf.fill(form, binding.form_values(load_pep(pep), form), flatten=True))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    assert pep["education"]["setting_name"] in text
    assert pep["child"]["first_name"] in text


def test_a_flattened_copy_is_read_back_by_its_labels_with_lower_confidence(
    form: FormSpec,
) -> None:
    pep = _pep(3)
    extraction = api.extract(pdf.flatten(api.fill(pep, form)), form)
    assert extraction.report.confidence < 1.0
    for path in ("child.first_name", "child.last_name", "child.upn", "education.urn"):
        section, name = path.split(".")
        assert extraction.pep[section][name] == pep[section][name]
    assert extraction.pep["child"]["date_of_birth"] == pep["child"]["date_of_birth"]


def test_a_value_outside_a_drop_down_is_refused_with_the_mapping_line(form: FormSpec) -> None:
    spec = form.field_for("care.legal_status")
    assert spec is not None
    with pytest.raises(Exception, match=r"ridgeford-school-age\.yaml:\d+: care\.legal_status"):
        pdf.fill(form, [(spec, "Not a legal status at all")])


def _with_xfa(data: bytes, dynamic: bool) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    acroform = writer._root_object["/AcroForm"]
    xfa = StreamObject()
    xfa._data = b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>"
    acroform[NameObject("/XFA")] = writer._add_object(xfa)
    if dynamic:
        writer._root_object[NameObject("/NeedsRendering")] = BooleanObject(True)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_dynamic_xfa_form_is_refused_with_a_clear_message(form: FormSpec) -> None:
    data = _with_xfa(api.fill(_pep(), form), dynamic=True)
    with pytest.raises(DocumentError, match="XFA") as caught:
        pdf.read(form, data, "xfa.pdf")
    assert "\n" not in str(caught.value)


def test_a_hybrid_form_still_reads_from_its_acroform(form: FormSpec) -> None:
    pep = _pep()
    data = _with_xfa(api.fill(pep, form), dynamic=False)
    extraction = api.extract(data, form)
    assert extraction.pep["child"]["first_name"] == pep["child"]["first_name"]


def test_a_password_protected_form_needs_its_password(form: FormSpec) -> None:
    pep = _pep()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(api.fill(pep, form))))
    writer.encrypt("s3cret-Pass", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    with pytest.raises(DocumentError, match="password") as missing:
        pdf.read(form, data, "locked.pdf")
    with pytest.raises(DocumentError, match="password") as wrong:
        pdf.read(form, data, "locked.pdf", password="guess")
    for error in (missing.value, wrong.value):
        assert "\n" not in str(error)
        assert "s3cret" not in str(error) and "guess" not in str(error)
    reading = pdf.read(form, data, "locked.pdf", password="s3cret-Pass")
    index = next(i for i, spec in enumerate(form.fields) if spec.path == "child.first_name")
    assert reading.readings[index].raw == pep["child"]["first_name"]


def test_template_fields_are_all_mapped_and_all_exist(form: FormSpec) -> None:
    fields = _fields(Path(form.template).read_bytes())
    mapped = {
        anchor.key
        for spec in form.fields
        for anchor in spec.anchors
        if anchor.kind in ("field", "radio")
    }
    mapped |= {
        name
        for spec in form.fields
        for anchor in spec.anchors
        if anchor.kind == "table"
        for row in anchor.options["rows"]
        for name in row
        if name
    }
    assert mapped <= set(fields)
    assert set(fields) - mapped == set()


def test_a_multiline_answer_keeps_its_line_breaks(form: FormSpec) -> None:
    pep = _pep()
    pep["views"]["child"] = "First line.\nSecond line & <more>.\n\nAfter a blank line."
    extraction = api.extract(api.fill(pep, form), form)
    assert extraction.pep["views"]["child"] == pep["views"]["child"]


def test_a_form_opened_once_is_read_without_its_bytes_again(form: FormSpec) -> None:
    data = api.fill(_pep(), form)
    opened = pdf.open_for_reading(data, "returned.pdf")
    again = pdf.read(form, b"", "ignored.pdf", opened=opened)
    direct = pdf.read(form, data, "returned.pdf")
    assert again.readings == direct.readings
    assert again.unmapped == direct.unmapped and again.notes == direct.notes


def test_the_workers_field_list_is_the_engines_own_field_walk(form: FormSpec) -> None:
    from pepdocs.formats.pdf._fields import fields_by_name

    data = api.fill(_pep(3), form)
    reported = {field.name: field for field in pdf.open_for_reading(data, "f.pdf").summary.form}
    walked = fields_by_name(PdfReader(io.BytesIO(data)).trailer["/Root"])
    assert list(reported) == list(walked)
    for name, field in walked.items():
        seen = reported[name]
        assert (seen.type, seen.flags) == (field.type or None, field.flags)
        assert seen.options == tuple(field.options())
        value = field.get("/V")
        assert seen.value == (None if value is None else str(value))
        assert seen.widget_states == tuple(
            None if widget.get("/AS") is None else str(widget["/AS"]) for widget in field.widgets
        )
