"""The real-forms corpus is complete, consistent with its truth files, rebuilt identically,
and documented: these tests guard the corpus, not pepdocs' accuracy (no threshold here)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pypdf import PdfReader

from benchmarks.realforms.build import build_all
from benchmarks.realforms.build.catalog import LAYOUTS
from benchmarks.realforms.build.sources import SOURCES, real_authority
from pepdocs.model import field_catalog, validate_pep

from .corpus_text import document_text, normalise

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "realforms"
MANIFEST: list[dict[str, Any]] = json.loads((CORPUS / "manifest.json").read_text("utf-8"))
WORD_LAYOUTS = [entry for entry in MANIFEST if entry["kind"] == "docx"]
PDF_LAYOUTS = [entry for entry in MANIFEST if entry["kind"] == "pdf"]
COMPLETED = [
    (entry, item) for entry in MANIFEST for item in entry["completed"]
]  # every completed form with its layout


def _ids(value: Any) -> str:
    if isinstance(value, tuple):
        entry, item = value
        return f"{entry['id']}/{item['document']}"
    return str(value)


def _truth(entry: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    path = CORPUS / entry["set"] / entry["id"] / item["truth"]
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def _authorities(which: str) -> set[str]:
    return {real_authority(entry["source"]) for entry in MANIFEST if entry["set"] == which}


def test_the_corpus_has_twenty_layouts_from_twelve_real_authorities() -> None:
    assert len(MANIFEST) >= 20
    assert len(_authorities("dev") | _authorities("eval")) >= 12


def test_the_development_set_has_twelve_layouts_from_seven_authorities() -> None:
    assert sum(1 for entry in MANIFEST if entry["set"] == "dev") >= 12
    assert len(_authorities("dev")) >= 7


def test_the_evaluation_set_has_eight_layouts_from_five_authorities_of_its_own() -> None:
    assert sum(1 for entry in MANIFEST if entry["set"] == "eval") >= 8
    assert len(_authorities("eval")) >= 5
    assert not _authorities("eval") & _authorities("dev")


@pytest.mark.parametrize("which", ["dev", "eval"])
def test_each_set_covers_every_phase_and_a_pdf_form(which: str) -> None:
    layouts = [entry for entry in MANIFEST if entry["set"] == which]
    assert {entry["phase"] for entry in layouts} == {"early_years", "school_age", "post16"}
    assert any(entry["kind"] == "pdf" for entry in layouts)


def test_every_layout_has_a_blank_form_and_completed_forms_with_truth_files() -> None:
    for entry in MANIFEST:
        folder = CORPUS / entry["set"] / entry["id"]
        assert (folder / entry["blank"]).is_file()
        assert len(entry["completed"]) >= 2
        for item in entry["completed"]:
            assert (folder / item["document"]).is_file()
            assert (folder / item["truth"]).is_file()
        people = {item["person"] for item in entry["completed"]}
        assert len(people) == len(entry["completed"])  # different children


def test_development_and_evaluation_forms_are_about_different_children() -> None:
    people = {
        which: {
            item["person"]
            for entry in MANIFEST
            if entry["set"] == which
            for item in entry["completed"]
        }
        for which in ("dev", "eval")
    }
    assert not people["dev"] & people["eval"]


@pytest.mark.parametrize(("entry", "item"), COMPLETED, ids=[_ids(c) for c in COMPLETED])
def test_truth_loads_through_the_model_as_a_partial_pep(
    entry: dict[str, Any], item: dict[str, Any]
) -> None:
    truth = _truth(entry, item)
    assert set(truth) == {"pep", "unplaced", "not_scored"}
    assert {"meta", "child"} <= set(truth["pep"])
    assert validate_pep(truth["pep"]) == []
    for place in truth["unplaced"]:
        assert set(place) == {"label", "text", "suggested_path"} and place["text"]


def _free_text(pep: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, value) of every free-text leaf of a truth PEP (identifiers included)."""
    catalog = field_catalog()
    found: list[tuple[str, str]] = []

    def walk(data: dict[str, Any], prefix: str) -> None:
        for key, value in data.items():
            path = f"{prefix}{key}"
            if isinstance(value, dict):
                walk(value, f"{path}.")
            elif isinstance(value, list):
                kinds = {f.path: f.kind for f in catalog[path].item_fields}
                for item in value:
                    found.extend((f"{path}.{k}", v) for k, v in item.items() if kinds[k] == "text")
            elif catalog[path].kind == "text":
                found.append((path, value))

    walk(pep, "")
    return found


@pytest.mark.parametrize(("entry", "item"), COMPLETED, ids=[_ids(c) for c in COMPLETED])
def test_every_free_text_truth_value_is_on_its_form(
    entry: dict[str, Any], item: dict[str, Any]
) -> None:
    truth = _truth(entry, item)
    text = document_text(CORPUS / entry["set"] / entry["id"] / item["document"])
    for path, value in _free_text(truth["pep"]):
        # a DfE number is typed NNN/NNNN; the model keeps its 7 digits
        shown = f"{value[:3]}/{value[3:]}" if path == "education.laestab" else value
        assert normalise(shown) in text, path
    for place in truth["unplaced"]:
        assert normalise(place["text"]) in text, place["label"]
    for blank in truth["not_scored"]:
        assert normalise(blank["text"]) in text, blank["path"]


@pytest.mark.parametrize("entry", WORD_LAYOUTS, ids=[e["id"] for e in WORD_LAYOUTS])
def test_every_built_word_form_is_a_zip_of_well_formed_xml(entry: dict[str, Any]) -> None:
    folder = CORPUS / entry["set"] / entry["id"]
    for name in [entry["blank"], *(item["document"] for item in entry["completed"])]:
        with zipfile.ZipFile(folder / name) as archive:
            assert archive.testzip() is None
            for part in archive.namelist():
                if part.endswith((".xml", ".rels")):
                    etree.fromstring(archive.read(part))  # raises when not well formed


#: PDF layouts whose fields were named by automatic field detection after the printed words
#: nearest them ("Telephone_2", "TargetRow1", "undefined"), not numbered "Text1"
DETECTED_NAMES = {"moleshaw-post-16-pdf"}


def _field_name(entry: dict[str, Any]) -> str:
    if entry["id"] in DETECTED_NAMES:
        return r"[A-Za-z0-9 /%]+?(Row\d+)?(_\d+)?"
    return r"Text\d+|Check Box\d+"


@pytest.mark.parametrize("entry", PDF_LAYOUTS, ids=[e["id"] for e in PDF_LAYOUTS])
def test_pdf_forms_have_only_acrobat_style_field_names(entry: dict[str, Any]) -> None:
    folder = CORPUS / entry["set"] / entry["id"]
    names = None
    for name in [entry["blank"], *(item["document"] for item in entry["completed"])]:
        fields = PdfReader(io.BytesIO((folder / name).read_bytes())).get_fields() or {}
        assert fields
        assert all(re.fullmatch(_field_name(entry), field) for field in fields)
        names = names or set(fields)
        assert set(fields) == names  # blank and completed copies have the same fields


@pytest.mark.slow
def test_the_builder_rebuilds_every_committed_file_byte_for_byte(tmp_path: Path) -> None:
    first = build_all.build(tmp_path / "one")
    second = build_all.build(tmp_path / "two")
    for path in first:
        twin = tmp_path / "two" / path.relative_to(tmp_path / "one")
        assert path.read_bytes() == twin.read_bytes(), path.name
    assert len(first) == len(second)
    assert build_all.check(CORPUS) == []


def test_the_readme_lists_every_layout_and_every_source_address() -> None:
    readme = (CORPUS / "README.md").read_text("utf-8")
    for entry in MANIFEST:
        assert f"`{entry['id']}`" in readme
    used = {entry["source"] for entry in MANIFEST} | {
        key for entry in MANIFEST for key in entry["style_sources"]
    }
    for key in used:
        for source in SOURCES[key]:
            assert source.url in readme, source.url


def test_the_manifest_lists_the_layouts_the_catalog_builds() -> None:
    assert [entry["id"] for entry in MANIFEST] == [layout.id for layout in LAYOUTS]


@pytest.mark.slow
@pytest.mark.libreoffice
def test_libreoffice_opens_every_word_form(libreoffice: Path, tmp_path: Path) -> None:
    from pepdocs.office import convert

    staged = []
    for entry in WORD_LAYOUTS:
        for item in entry["completed"]:
            source = CORPUS / entry["set"] / entry["id"] / item["document"]
            copy = tmp_path / "in" / f"{entry['id']}--{source.name}"
            copy.parent.mkdir(exist_ok=True)
            copy.write_bytes(source.read_bytes())
            staged.append(copy)
    outputs = convert(staged, "docx", tmp_path / "out")
    assert len(outputs) == len(staged)
    for output in outputs:
        assert zipfile.ZipFile(io.BytesIO(output.read_bytes())).testzip() is None


@pytest.mark.parametrize(("entry", "item"), COMPLETED, ids=[_ids(c) for c in COMPLETED])
def test_no_unplaced_text_has_a_text_field_of_its_own_in_the_model(
    entry: dict[str, Any], item: dict[str, Any]
) -> None:
    """Text the model now has a place for is read into it, not left unplaced."""
    catalog = field_catalog()
    for place in _truth(entry, item)["unplaced"]:
        path = place["suggested_path"]
        if path is None:
            continue
        list_path, _, name = path.partition("[].")
        if name:
            kinds = {f.path: f.kind for f in catalog[list_path].item_fields}
            kind = kinds.get(name)
        else:
            kind = catalog[path].kind if path in catalog else None
        assert kind != "text", f"{place['label']}: {path} is a field of the model"
