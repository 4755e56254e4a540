"""A document id written into every kind of filled form is read back by each engine, survives
being filled in and re-saved, and a form that lost it (or never had one) reads as None."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from pepdocs.binding import extract_form, fill_form, read_document_id, write_document_id
from pepdocs.errors import PepdocsError
from pepdocs.formats import excel, pdf, word
from pepdocs.formats.docid import DOCUMENT_ID_PROPERTY, rewrite_package
from pepdocs.mapping import resolve_form
from pepdocs.model import load_pep_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
DOCUMENT_ID = "0f8c6f7e-2b1d-4c55-9d9a-2f7e1c3a4b5c"
FORMS = {
    "docx (content controls)": ("eastborough", "pep-oisin-obrien.json"),
    "docx (Jinja)": ("northshire", "pep-amara-okafor.json"),
    "docx (legacy fields)": ("westmere", "pep-jayden-evans-price.json"),
    "xlsx": ("southvale", "pep-sian-dsouza.json"),
    "pdf": ("ridgeford", "pep-bjorn-lindqvist.json"),
}


def _filled(authority: str, sample: str, document_id: str | None = DOCUMENT_ID) -> bytes:
    pep = load_pep_file(SAMPLES / sample)
    form = resolve_form(authority, phase=pep["meta"]["phase"])
    return fill_form(pep, form, document_id=document_id)


@pytest.mark.parametrize("which", sorted(FORMS))
def test_a_filled_form_carries_its_document_id_and_still_reads_the_same(which: str) -> None:
    authority, sample = FORMS[which]
    pep = load_pep_file(SAMPLES / sample)
    form = resolve_form(authority, phase=pep["meta"]["phase"])
    with_id = fill_form(pep, form, document_id=DOCUMENT_ID)
    without = fill_form(pep, form)
    assert read_document_id(with_id) == DOCUMENT_ID
    assert read_document_id(without) is None
    assert extract_form(with_id, form, "a").pep == extract_form(without, form, "b").pep


def test_each_engine_reads_the_id_with_its_own_public_function() -> None:
    assert word.read_document_id(_filled(*FORMS["docx (content controls)"])) == DOCUMENT_ID
    assert excel.read_document_id(_filled(*FORMS["xlsx"])) == DOCUMENT_ID
    assert pdf.read_document_id(_filled(*FORMS["pdf"])) == DOCUMENT_ID


def _without_member(data: bytes, name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
    return out.getvalue()


def test_a_word_form_whose_custom_properties_were_stripped_keeps_its_document_variable() -> None:
    data = _filled(*FORMS["docx (content controls)"])
    stripped = _without_member(data, "docProps/custom.xml")
    assert read_document_id(stripped) == DOCUMENT_ID


def test_the_document_variable_sits_where_word_expects_it_in_the_settings() -> None:
    data = _filled(*FORMS["docx (legacy fields)"])
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()
    assert f'w:name="{DOCUMENT_ID_PROPERTY}"' in settings
    # w:docVars comes before w:rsids in the schema's sequence
    if "<w:rsids" in settings:
        assert settings.index("<w:docVars") < settings.index("<w:rsids")


def test_writing_an_id_twice_keeps_one_property_and_one_variable() -> None:
    data = _filled(*FORMS["docx (content controls)"])
    again = write_document_id("docx", data, "11111111-2222-4333-8444-555555555555")
    package = zipfile.ZipFile(io.BytesIO(again))
    assert package.read("docProps/custom.xml").decode().count(DOCUMENT_ID_PROPERTY) == 1
    assert package.read("word/settings.xml").decode().count(DOCUMENT_ID_PROPERTY) == 1
    assert read_document_id(again) == "11111111-2222-4333-8444-555555555555"


def test_an_id_of_another_shape_is_refused_when_written_and_ignored_when_read() -> None:
    data = _filled(*FORMS["xlsx"], document_id=None)
    with pytest.raises(PepdocsError, match="8 to 64 letters"):
        write_document_id("xlsx", data, "<script>")
    planted = _filled(*FORMS["xlsx"])
    hostile = rewrite_package(
        planted,
        {
            "docProps/custom.xml": lambda old: (old or b"").replace(
                DOCUMENT_ID.encode(), b"not an id; DROP TABLE"
            )
        },
    )
    assert read_document_id(hostile) is None


def test_a_letter_that_is_no_office_file_or_pdf_carries_no_id() -> None:
    assert read_document_id(b"Dear designated teacher, ...") is None


@pytest.mark.slow
@pytest.mark.parametrize("which", ["docx (content controls)", "xlsx"])
def test_the_id_survives_a_resave_by_libreoffice(
    which: str, libreoffice: Path, tmp_path: Path
) -> None:
    authority, sample = FORMS[which]
    data = _filled(authority, sample)
    kind = "docx" if which.startswith("docx") else "xlsx"
    source = tmp_path / f"form.{kind}"
    source.write_bytes(data)
    out = tmp_path / "out"
    filters = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
    subprocess.run(
        [str(libreoffice), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", filters[kind], "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    resaved = (out / source.name).read_bytes()
    assert resaved != data
    assert read_document_id(resaved) == DOCUMENT_ID
