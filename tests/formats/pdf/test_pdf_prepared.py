"""The PDF engine's prepared template: a record writes only what changes, and its forms read,
print and round-trip exactly as the full (pypdf clone and write) path's do."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from pepdocs import api, binding
from pepdocs._resources import data_dir
from pepdocs.binding import form_values
from pepdocs.formats import pdf
from pepdocs.formats.pdf import _prepared
from pepdocs.formats.pdf._appearance import SUBSET_NAMES
from pepdocs.mapping import FormSpec, load_mapping
from pepdocs.model import load_pep
from pepdocs.samples import generate_peps

# Every PDF read is opened in the bounded worker process: seconds per test.
pytestmark = pytest.mark.slow

MAPPING = data_dir("mappings") / "ridgeford-school-age.yaml"
LONE_CHECKBOXES = {"education.on_roll", "pp_plus.approved"}
PREPARED_FONT = SUBSET_NAMES[0].encode("ascii")
#: awkward strings: accents, Welsh and Polish letters beyond Latin-1, PDF string syntax,
#: typographic punctuation
AWKWARD = {
    "first_name": "Łucja (Lucy)",
    "middle_names": "Zoë \\ Siân",
    "last_name": "Ŵyn-O'Brien – “Nowak”",
}


@pytest.fixture(scope="module")
def form() -> FormSpec:
    return load_mapping(MAPPING)


def _peps(count: int, seed: int = 7) -> list[dict[str, Any]]:
    return list(generate_peps(count, seed=seed, authority="ridgeford", phase="school_age"))


def _differences(pep: dict[str, Any], data: bytes, form: FormSpec) -> list[str]:
    expected = binding.mapped_view(load_pep(pep), form)
    found = binding.mapped_view(api.extract(data, form, name="ridgeford.pdf").pep, form)
    return [
        path
        for path, value in expected.items()
        if value != found[path]
        and not (value is None and path in LONE_CHECKBOXES and found[path] is False)
    ]


def _full(form: FormSpec, pep: dict[str, Any]) -> bytes:
    return pdf._fill_full(form, form_values(load_pep(pep), form), flatten=False, notes=None)


def _more_targets(targets: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """``count`` targets made from ``targets``, each with its own id: more than the form
    prints (four), so the rest go on a continuation sheet."""
    return [{**targets[number % len(targets)], "id": f"T{number + 1}"} for number in range(count)]


def test_records_are_written_from_the_prepared_template(form: FormSpec) -> None:
    data = api.fill(_peps(1)[0], form)
    assert PREPARED_FONT in data  # the appearances use the prepared subsets
    assert data.count(b"%%EOF") == 1  # one revision, not a pypdf rewrite plus an update


def test_objects_a_record_does_not_change_are_copied_byte_for_byte(form: FormSpec) -> None:
    prepared = _prepared.prepare(form)
    data = api.fill(_peps(1)[0], form)
    rewritten = {number for number, chunk in prepared.objects.items() if chunk not in data}
    fields_and_widgets = {
        item.indirect_reference.idnum
        for _, node, widgets in prepared.fields
        for item in (node, *widgets)
        if item.indirect_reference is not None
    }
    # only field and widget dictionaries the record wrote a value or appearance into, and
    # the page tree and field list when a continuation sheet was added
    assert rewritten
    assert rewritten <= fields_and_widgets | {prepared.pages_root, prepared.acroform}
    assert all(
        prepared.objects[page.indirect_reference.idnum] in data
        for page in prepared.reader.pages
        if page.indirect_reference is not None
    )


def test_the_same_record_gives_the_same_bytes(form: FormSpec) -> None:
    pep = _peps(2)[1]
    assert api.fill(pep, form) == api.fill(pep, form)


@pytest.mark.parametrize("index", range(8))
def test_every_record_round_trips_as_the_full_path_does(form: FormSpec, index: int) -> None:
    pep = _peps(8, seed=23)[index]
    data = api.fill(pep, form)
    assert PREPARED_FONT in data
    assert _differences(pep, data, form) == []
    fast = pdf.read(form, data, "fast.pdf")
    full = pdf.read(form, _full(form, pep), "full.pdf")
    assert {key: reading.raw for key, reading in fast.readings.items()} == {
        key: reading.raw for key, reading in full.readings.items()
    }


def test_fill_notes_are_the_full_paths_notes(form: FormSpec) -> None:
    for pep in _peps(6, seed=5):
        values = form_values(load_pep(pep), form)
        fast: list[Any] = []
        full: list[Any] = []
        pdf.fill(form, values, notes=fast)
        pdf._fill_full(form, values, flatten=False, notes=full)
        assert [(n.path, n.kind, n.message) for n in fast] == [
            (n.path, n.kind, n.message) for n in full
        ]


def test_awkward_strings_round_trip_and_show(form: FormSpec, tmp_path: Path) -> None:
    pep = _peps(1)[0]
    pep["child"].update(AWKWARD)
    pep["views"]["child"] = ("Ça va (mostly) \\ but ŵ and ł are letters too. " * 40).strip()
    data = api.fill(pep, form)
    assert PREPARED_FONT in data
    assert _differences(pep, data, form) == []
    path = tmp_path / "awkward.pdf"
    path.write_bytes(data)
    shown = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for text in ("Łucja (Lucy)", "Zoë \\ Siân", "Ŵyn-O'Brien – “Nowak”", "continuation sheet"):
        assert text in shown


def test_letters_beyond_the_prepared_subsets_take_the_full_path(form: FormSpec) -> None:
    pep = _peps(1)[0]
    pep["child"].update(first_name="Αλέξης", last_name="Ковальчук")
    data = api.fill(pep, form)
    assert PREPARED_FONT not in data  # drawn by reportlab's own subsetting instead
    assert _differences(pep, data, form) == []


def test_a_continuation_sheet_is_added_from_the_prepared_template(form: FormSpec) -> None:
    pep = _peps(1)[0]
    pep["targets"] = _more_targets(pep["targets"], 7)
    data = api.fill(pep, form)
    assert PREPARED_FONT in data
    reader = PdfReader(io.BytesIO(data))
    template_pages = len(PdfReader(str(form.template)).pages)
    assert len(reader.pages) > template_pages
    assert len(reader.pages) == len(PdfReader(io.BytesIO(_full(form, pep))).pages)
    fields = reader.get_fields() or {}
    assert any(name.startswith("Continued targets") for name in fields)
    assert _differences(pep, data, form) == []


def test_pages_render_in_poppler(form: FormSpec, tmp_path: Path) -> None:
    path = tmp_path / "filled.pdf"
    path.write_bytes(api.fill(_peps(3)[2], form))
    completed = subprocess.run(
        ["pdftoppm", "-r", "20", "-png", str(path), str(tmp_path / "page")],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Error" not in completed.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == len(PdfReader(path).pages)


def test_the_document_id_is_appended_without_a_rewrite(form: FormSpec) -> None:
    data = api.fill(_peps(1)[0], form)
    once = pdf.write_document_id(data, "0f6e2c1a-1111-4c7b-9a51-2f7d9e3c4b5a")
    assert once.startswith(data)
    assert len(once) - len(data) < 2_000  # the information dictionary, an xref, a trailer
    assert pdf.read_document_id(once) == "0f6e2c1a-1111-4c7b-9a51-2f7d9e3c4b5a"
    twice = pdf.write_document_id(once, "second-id-0001")
    assert pdf.read_document_id(twice) == "second-id-0001"
    metadata = PdfReader(io.BytesIO(twice)).metadata
    assert metadata is not None and metadata.title  # the form's own entries are kept


def test_flattening_still_removes_every_field(form: FormSpec) -> None:
    pep = _peps(1)[0]
    flat = pdf.fill(form, form_values(load_pep(pep), form), flatten=True)
    assert not (PdfReader(io.BytesIO(flat)).get_fields() or {})


@pytest.mark.libreoffice
def test_libreoffice_opens_a_prepared_fill(
    form: FormSpec, tmp_path: Path, libreoffice: Path
) -> None:
    pep = _peps(1)[0]
    pep["child"].update(AWKWARD)
    pep["targets"] = _more_targets(pep["targets"], 7)
    source = tmp_path / "filled.pdf"
    source.write_bytes(api.fill(pep, form))
    subprocess.run(
        [
            str(libreoffice),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--infilter=writer_pdf_import",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    with zipfile.ZipFile(tmp_path / "filled.odt") as opened:
        content = opened.read("content.xml").decode("utf-8")
    assert "Łucja (Lucy)" in content
    assert "continuation sheet" in content
