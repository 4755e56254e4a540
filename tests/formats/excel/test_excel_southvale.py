"""The Excel engine against Southvale's shipped workbook: round trips, what fill keeps, and
what read refuses to trust (stale formula results, entries outside a drop-down list)."""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Protection
from pypdf import PdfReader

from pepdocs import api, binding
from pepdocs._resources import data_dir
from pepdocs.errors import DocumentError
from pepdocs.formats import excel, get_engine
from pepdocs.mapping import FormSpec, load_mapping
from pepdocs.model import load_pep
from pepdocs.office import convert
from pepdocs.samples import generate_peps

MAPPING = data_dir("mappings") / "southvale-school-age.yaml"
SAMPLES = Path(__file__).resolve().parents[3] / "samples"


@pytest.fixture(scope="module")
def form() -> FormSpec:
    return load_mapping(MAPPING)


def _pep(index: int = 1) -> dict[str, Any]:
    peps = list(generate_peps(index, seed=4, authority="southvale", phase="school_age"))
    return peps[-1]


def _differences(pep: dict[str, Any], extracted: dict[str, Any], form: FormSpec) -> list[str]:
    expected = binding.mapped_view(load_pep(pep), form)
    found = binding.mapped_view(extracted, form)
    return [
        path
        for path in expected
        if expected[path] != found[path] and not (expected[path] in (None, []) and not found[path])
    ]


def _shipped_school_age_samples() -> list[Path]:
    paths = []
    for path in sorted(SAMPLES.glob("**/*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and data.get("meta", {}).get("phase") == "school_age":
            paths.append(path)
    return paths


def _workbook(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def _save(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_engine_is_registered_for_xlsx_forms() -> None:
    engine = get_engine("xlsx")
    assert engine.fill is excel.fill
    assert engine.read is excel.read


@pytest.mark.slow
@pytest.mark.parametrize("index", range(1, 13))
def test_every_mapped_field_survives_fill_then_extract(form: FormSpec, index: int) -> None:
    pep = _pep(index)
    extraction = api.extract(api.fill(pep, form), form, name="southvale.xlsx")
    assert _differences(pep, extraction.pep, form) == []
    assert not [f.path for f in extraction.report.fields if f.status in ("unparseable", "invalid")]


@pytest.mark.slow
@pytest.mark.parametrize("path", _shipped_school_age_samples(), ids=lambda p: p.name)
def test_shipped_samples_survive_fill_then_extract(form: FormSpec, path: Path) -> None:
    pep = json.loads(path.read_text(encoding="utf-8"))
    extraction = api.extract(api.fill(pep, form), form)
    assert _differences(pep, extraction.pep, form) == []


@pytest.mark.slow
def test_fill_keeps_formulas_names_validations_styles_and_protection(form: FormSpec) -> None:
    template = _workbook(Path(form.template).read_bytes())
    filled = _workbook(api.fill(_pep(), form))
    assert filled["PP+ Plan"]["B6"].value == template["PP+ Plan"]["B6"].value
    assert str(filled["PP+ Plan"]["B6"].value).startswith("=SUM(")
    assert set(filled.defined_names) == set(template.defined_names)
    for title in template.sheetnames:
        before, after = template[title], filled[title]
        assert len(after.data_validations.dataValidation) == len(
            before.data_validations.dataValidation
        )
        assert after.protection.sheet == before.protection.sheet
    assert filled["Child & Care"].protection.sheet
    label = filled["Child & Care"]["A12"]
    assert label.fill.fgColor.rgb == template["Child & Care"]["A12"].fill.fgColor.rgb
    assert label.protection.locked


@pytest.mark.slow
def test_dates_and_amounts_are_stored_as_real_dates_and_numbers(form: FormSpec) -> None:
    pep = _pep()
    filled = _workbook(api.fill(pep, form))
    dob = filled.defined_names["sv_date_of_birth"].destinations
    title, ref = next(iter(dob))
    cell = filled[title][ref.replace("$", "")]
    assert cell.value.date().isoformat() == pep["child"]["date_of_birth"]
    assert cell.number_format == "dd/mm/yyyy"


@pytest.mark.slow
def test_text_starting_with_equals_is_stored_as_text_never_as_a_formula(form: FormSpec) -> None:
    pep = _pep()
    pep["views"]["child"] = '=HYPERLINK("http://evil.example","click")'
    pep["views"]["carer"] = "+44 7700 900123 =1+1"
    data = api.fill(pep, form)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = b"".join(package.read(name) for name in sheets)
    assert not re.search(rb"<f>[^<]*HYPERLINK", xml)
    extraction = api.extract(data, form)
    assert extraction.pep["views"]["child"] == pep["views"]["child"]
    assert extraction.pep["views"]["carer"] == pep["views"]["carer"]


@pytest.mark.slow
def test_a_stale_cached_total_is_never_trusted(form: FormSpec) -> None:
    pep = _pep()
    data = api.fill(pep, form)
    # Put a cached result the items do not add up to, as a program that saved the workbook
    # before the last edit would have left.
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamped = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            content, count = re.subn(
                rb"(<f>SUM\([^<]*\)</f>)(?:<v>[^<]*</v>|<v/>)?", rb"\1<v>9999</v>", content
            )
            stamped += count
            target.writestr(info, content)
    assert stamped == 1
    stale = out.getvalue()
    extraction = api.extract(stale, form)
    expected = pep.get("pp_plus", {}).get("requested_total")
    assert extraction.pep.get("pp_plus", {}).get("requested_total") == expected
    assert extraction.pep.get("pp_plus", {}).get("requested_total") != "9999.00"


@pytest.mark.slow
def test_a_formula_it_cannot_recompute_is_reported_not_read(form: FormSpec) -> None:
    book = _workbook(api.fill(_pep(), form))
    book["PP+ Plan"]["B6"] = "=B10*2"
    extraction = api.extract(_save(book), form)
    entry = next(f for f in extraction.report.fields if f.path == "pp_plus.requested_total")
    assert entry.status == "empty"
    assert any("not read" in note for note in entry.notes)
    assert "requested_total" not in extraction.pep.get("pp_plus", {})


@pytest.mark.slow
def test_an_entry_outside_the_drop_down_list_is_noted(form: FormSpec) -> None:
    book = _workbook(api.fill(_pep(), form))
    title, ref = next(iter(book.defined_names["sv_legal_status"].destinations))
    book[title][ref.replace("$", "")] = "Section 20 (pasted from another form)"
    extraction = api.extract(_save(book), form)
    entry = next(f for f in extraction.report.fields if f.path == "care.legal_status")
    assert any("drop-down" in note for note in entry.notes)


@pytest.mark.slow
def test_rows_added_below_a_table_are_read(form: FormSpec) -> None:
    pep = _pep()
    book = _workbook(api.fill(pep, form))
    sheet = book["Targets"]
    header_row = next(cell.row for cell in sheet["A"] if cell.value == "Ref")
    far_below = header_row + 30  # beyond the formatted rows, after blank ones
    sheet.cell(far_below, 1, "T9")
    sheet.cell(far_below, 3, "Added by the school below the table.")
    sheet.cell(far_below, 6, "Form tutor")
    extraction = api.extract(_save(book), form)
    targets = extraction.pep["targets"]
    assert targets[-1]["id"] == "T9"
    assert targets[-1]["lead"] == "Form tutor"
    assert len(targets) == len(pep["targets"]) + 1


@pytest.mark.slow
def test_more_rows_than_the_template_formats_are_written_and_styled(form: FormSpec) -> None:
    pep = _pep()
    template_target = copy.deepcopy(pep["targets"][0])
    template_target.pop("pp_plus_cost", None)
    pep["targets"] = [dict(template_target, id=f"T{n}") for n in range(1, 16)]
    pep.pop("pp_plus", None)
    data = api.fill(pep, form)
    extraction = api.extract(data, form)
    assert [t["id"] for t in extraction.pep["targets"]] == [f"T{n}" for n in range(1, 16)]
    sheet = _workbook(data)["Targets"]
    last = sheet.cell(sheet.max_row, 3)
    assert last.border.left.style == "thin"
    assert last.protection.locked is False


@pytest.mark.slow
def test_a_label_anchor_finds_the_value_when_a_defined_name_is_gone(form: FormSpec) -> None:
    pep = _pep()
    book = _workbook(api.fill(pep, form))
    del book.defined_names["sv_first_name"]
    extraction = api.extract(_save(book), form)
    entry = next(f for f in extraction.report.fields if f.path == "child.first_name")
    assert extraction.pep["child"]["first_name"] == pep["child"]["first_name"]
    assert entry.anchor_used == "fallback"


@pytest.mark.slow
def test_a_percentage_formatted_cell_reads_as_the_percentage_shown(form: FormSpec) -> None:
    book = _workbook(api.fill(_pep(), form))
    title, ref = next(iter(book.defined_names["sv_attendance"].destinations))
    cell = book[title][ref.replace("$", "")]
    cell.value = 0.945
    cell.number_format = "0.0%"
    extraction = api.extract(_save(book), form)
    assert extraction.pep["education"]["attendance"]["percent"] == 94.5


@pytest.mark.slow
def test_typed_answers_no_mapping_covers_are_listed(form: FormSpec) -> None:
    book = _workbook(api.fill(_pep(), form))
    sheet = book["Child & Care"]
    spare = sheet.cell(sheet.max_row + 2, 2, "Notes typed in an answer cell")
    spare.protection = Protection(locked=False)
    extraction = api.extract(_save(book), form)
    assert any("Notes typed in an answer cell" in line for line in extraction.report.unmapped)


def test_a_damaged_workbook_is_one_clear_error(form: FormSpec) -> None:
    with pytest.raises(DocumentError, match=r"broken\.xlsx"):
        excel.read(form, b"PK\x03\x04 not really a zip", "broken.xlsx")


def test_libreoffice_opens_the_filled_workbook_and_its_pdf_shows_the_values(
    form: FormSpec, tmp_path: Path, libreoffice: Path
) -> None:
    pep = _pep()
    filled = tmp_path / "southvale-filled.xlsx"
    filled.write_bytes(api.fill(pep, form))
    (pdf,) = convert([filled], "pdf", tmp_path / "pdf")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    try:
        layout = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
        ).stdout.decode("utf-8")
    except FileNotFoundError:
        layout = text
    for needed in (
        pep["child"]["first_name"],
        pep["child"]["last_name"],
        pep["education"]["setting_name"],
        pep["child"]["upn"],
        pep["targets"][0]["id"],
    ):
        assert needed in text or needed in layout
    # the SUM formula is recalculated by LibreOffice when it opens the file
    if pep.get("pp_plus", {}).get("requested_total"):
        total = f"£{float(pep['pp_plus']['requested_total']):,.2f}"
        assert total in text or total in layout


def test_a_row_too_low_for_a_long_answer_is_made_taller_and_reported(form: FormSpec) -> None:
    pep = _pep()
    pep["views"]["child"] = "I like drawing and football and my new friends at school. " * 12
    filled, report = api.fill_with_report(pep, form)
    notes = [note for note in report.overflow if note.path == "views.child"]
    assert [note.kind for note in notes] == ["taller"]
    assert "the row was 75 pt high" in notes[0].message
    sheet = load_workbook(io.BytesIO(filled))["Views & Transition"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == pep["views"]["child"])
    assert sheet.row_dimensions[cell.row].height > 75


def test_a_table_grown_past_the_print_area_is_printed_whole(form: FormSpec) -> None:
    pep = _pep()
    pep["attendees"] = [
        {"name": f"Person {n}", "role": "Social worker", "invited": True} for n in range(1, 13)
    ]
    filled = api.fill(pep, form)
    sheet = load_workbook(io.BytesIO(filled))["Meeting"]
    last = max(c.row for row in sheet.iter_rows() for c in row if c.value == "Person 12")
    area = str(sheet.print_area).split("!")[-1].replace("$", "")
    assert int(re.findall(r"\d+", area)[-1]) >= last


def test_the_print_copy_lets_addresses_wrap_and_the_workbook_keeps_them(form: FormSpec) -> None:
    pep = _pep()
    email = pep["care"]["social_worker"]["email"]
    filled = api.fill(pep, form)
    values = [c.value for s in load_workbook(io.BytesIO(filled)) for r in s.iter_rows() for c in r]
    assert email in values
    printed = excel.print_copy(filled, "pep.xlsx")
    book = load_workbook(io.BytesIO(printed))
    shown = [c.value for s in book for r in s.iter_rows() for c in r if isinstance(c.value, str)]
    assert email.replace("@", "@\u200b").replace(".", ".\u200b") in shown
