"""The Excel engine's prepared template: output that depends only on its input, parts not
written to copied as they are, and workbooks read from their XML as openpyxl would read them
(shared strings, the 1904 date system, document ids)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from pepdocs import api
from pepdocs._resources import data_dir
from pepdocs.binding import form_values
from pepdocs.formats import excel
from pepdocs.formats.excel.zipped import PreparedZip
from pepdocs.mapping import FormSpec, load_mapping
from pepdocs.model import load_pep
from pepdocs.samples import generate_peps

MAPPING = data_dir("mappings") / "southvale-school-age.yaml"


@pytest.fixture(scope="module")
def form() -> FormSpec:
    return load_mapping(MAPPING)


def _pep(seed: int = 4) -> dict[str, Any]:
    return next(iter(generate_peps(1, seed=seed, authority="southvale", phase="school_age")))


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _raw(data: bytes) -> dict[str, bytes]:
    return {member.name: member.compressed for member in PreparedZip.from_bytes(data).members}


_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t[^>]*>(.*?)</t></is></c>', re.S)


def _with_shared_strings(data: bytes) -> bytes:
    """The workbook with every inline string moved to a shared strings part, as Excel saves
    text."""
    strings: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        strings.append(match.group(3))
        return b'<c %st="s"%s><v>%d</v></c>' % (match.group(1), match.group(2), len(strings) - 1)

    members = _members(data)
    for name in [n for n in members if n.startswith("xl/worksheets/")]:
        members[name] = _INLINE.sub(shared, members[name])
    items = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % text for text in strings)
    members["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="%d" uniqueCount="%d">%s</sst>' % (len(strings), len(strings), items)
    )
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in members.items():
            package.writestr(name, content)
    return out.getvalue()


def test_the_same_record_gives_the_same_bytes(form: FormSpec) -> None:
    pep = _pep()
    assert api.fill(pep, form) == api.fill(pep, form)


def test_only_the_sheets_written_to_change_and_the_rest_is_copied_byte_for_byte(
    form: FormSpec,
) -> None:
    template = Path(form.template).read_bytes()
    first_name = next(spec for spec in form.fields if spec.path == "child.first_name")
    filled = excel.fill(form, [(first_name, "Amara")])
    before, after = _members(template), _members(filled)
    assert list(after) == list(before)  # same members, same order
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"xl/worksheets/sheet1.xml", "xl/styles.xml"}
    raw_before, raw_after = _raw(template), _raw(filled)
    assert raw_after["xl/theme/theme1.xml"] == raw_before["xl/theme/theme1.xml"]
    assert raw_after["xl/worksheets/sheet10.xml"] == raw_before["xl/worksheets/sheet10.xml"]
    assert load_workbook(io.BytesIO(filled))["Child & Care"]["B13"].value == "Amara"


def test_text_is_written_as_inline_strings_and_dates_as_serials(form: FormSpec) -> None:
    pep = _pep()
    members = _members(api.fill(pep, form))
    assert b't="inlineStr"' in members["xl/worksheets/sheet1.xml"]
    assert "xl/sharedStrings.xml" not in members
    book = load_workbook(io.BytesIO(api.fill(pep, form)))
    title, ref = next(iter(book.defined_names["sv_date_of_birth"].destinations))
    assert book[title][ref.replace("$", "")].value.date().isoformat() == (
        pep["child"]["date_of_birth"]
    )


def test_a_workbook_saved_with_shared_strings_and_the_1904_date_system_reads_the_same(
    form: FormSpec,
) -> None:
    pep = _pep(seed=7)
    book = load_workbook(io.BytesIO(api.fill(pep, form)))
    book.epoch = CALENDAR_MAC_1904  # dates are then stored as days since 1 January 1904
    buffer = io.BytesIO()
    book.save(buffer)
    saved = _with_shared_strings(buffer.getvalue())
    assert b"date1904" in _members(saved)["xl/workbook.xml"]
    assert b't="inlineStr"' not in _members(saved)["xl/worksheets/sheet1.xml"]
    again = api.extract(saved, form).pep
    original = api.extract(api.fill(pep, form), form).pep
    assert again["child"] == original["child"]
    assert again["child"]["date_of_birth"] == pep["child"]["date_of_birth"]


def test_a_document_id_is_added_without_recompressing_the_other_parts(form: FormSpec) -> None:
    filled = api.fill(_pep(), form)
    stamped = excel.write_document_id(filled, "0f8fad5b-d9cb-469f-a165-70867728950e")
    assert excel.read_document_id(stamped) == "0f8fad5b-d9cb-469f-a165-70867728950e"
    before, after = _raw(filled), _raw(stamped)
    assert "docProps/custom.xml" in after
    for name in ("xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/theme/theme1.xml"):
        assert after[name] == before[name]
    assert api.extract(stamped, form).pep["child"] == api.extract(filled, form).pep["child"]


def test_the_prepared_template_is_made_once_per_template(form: FormSpec) -> None:
    assert excel.prepare(form) is excel.prepare(form)


def test_a_value_for_a_formula_cell_is_refused_with_the_mapping_line(form: FormSpec) -> None:
    total = next(spec for spec in form.fields if spec.path == "pp_plus.requested_total")
    from pepdocs.errors import MappingError

    with pytest.raises(MappingError, match="formula cell"):
        excel.fill(form, [(total, "120.00")])


def test_filling_from_form_values_equals_filling_through_the_api(form: FormSpec) -> None:
    pep = _pep()
    values = form_values(load_pep(pep), form)
    assert excel.fill(form, values) == api.fill(pep, form)
