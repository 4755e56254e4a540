"""Northshire's docxtpl template honours the context contract in docs/authoring.md.

``f`` holds every scalar field's form text keyed by its control tag; ``rows`` holds each
repeating section's rows keyed by the section path with dots as ``_``, each row keyed by
column path the same way. Rendered in the sandboxed environment every fill uses, the
template must leave no Jinja behind, keep blank rows for typing, show the transition and
careers blocks when the year group or the data calls for them, and read back as it was
filled.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docxtpl import DocxTemplate

from pepdocs import api, binding
from pepdocs.mapping.loader import load_mapping
from pepdocs.mapping.spec import FormSpec
from pepdocs.safety.jinja import sandboxed_environment
from pepdocs.samples import generate_peps

MAPPING = Path(__file__).resolve().parents[2] / "mappings" / "northshire-school-age.yaml"


@pytest.fixture(scope="module")
def form() -> FormSpec:
    return load_mapping(MAPPING)


def _key(path: str) -> str:
    return path.replace(".", "_")


def context(form: FormSpec, pep: dict[str, Any] | None = None) -> dict[str, Any]:
    """The contract: every tag and every table key present, "" / [] when there is no data."""
    f: dict[str, Any] = {s.anchor.key: "" for s in form.fields if not s.repeating}
    rows: dict[str, list[dict[str, str]]] = {_key(s.path): [] for s in form.fields if s.repeating}
    for spec, value in binding.form_values(pep, form) if pep else []:
        if spec.repeating:
            rows[_key(spec.path)] = [
                {_key(c.path): str(row.get(c.header) or "") for c in spec.columns}
                for row in value or []
                if isinstance(row, dict)
            ]
        else:
            f[spec.anchor.key] = "" if value is None else value
    return {"f": f, "rows": rows}


def render(form: FormSpec, values: dict[str, Any]) -> bytes:
    template = DocxTemplate(str(form.template))
    template.render(values, jinja_env=sandboxed_environment())
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def document_xml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/document.xml").decode()


def test_every_control_tag_is_the_field_path_with_underscores(form: FormSpec) -> None:
    for spec in form.fields:
        if spec.anchor.kind == "control":
            assert spec.anchor.key == _key(spec.path)
    assert form.settings["engine"] == "docxtpl"


@pytest.mark.slow
def test_an_empty_context_renders_a_blank_form_with_rows_to_type_in(form: FormSpec) -> None:
    xml = document_xml(render(form, context(form)))
    assert "{{" not in xml and "{%" not in xml
    assert "Transition plan" not in xml and "Careers guidance received" not in xml
    reading = api.extract(render(form, context(form)), form)
    assert reading.pep["child"] == {}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("year", "transition", "careers"),
    [
        ("Year 3", False, False),
        ("Year 6", True, False),
        ("Year 9", False, True),
        ("Year 11", True, True),
        ("Nursery 2", True, False),
    ],
)
def test_transition_and_careers_blocks_follow_the_year_group(
    form: FormSpec, year: str, transition: bool, careers: bool
) -> None:
    values = context(form)
    values["f"]["education_ncy"] = year
    xml = document_xml(render(form, values))
    assert ("Transition plan" in xml) is transition
    assert ("Careers guidance received" in xml) is careers


def test_blocks_show_whenever_they_hold_data_so_a_fill_loses_nothing(form: FormSpec) -> None:
    values = context(form)
    values["f"]["education_ncy"] = "Year 3"
    values["f"]["transition_plan"] = "Visits to the new school in June."
    values["f"]["transition_aspirations"] = "Wants to be a vet."
    xml = document_xml(render(form, values))
    assert "Visits to the new school in June." in xml and "Wants to be a vet." in xml


def test_loop_tables_keep_three_rows_and_grow_past_them(form: FormSpec) -> None:
    values = context(form)
    values["rows"]["attendees"] = [
        {
            "name": f"Person {n}",
            "role": "Carer",
            "organisation": "",
            "invited": "Yes",
            "attended": "No",
        }
        for n in range(5)
    ]
    docx = render(form, values)
    rows = api.extract(docx, form).pep["attendees"]
    assert [row["name"] for row in rows] == [f"Person {n}" for n in range(5)]


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["early_years", "school_age", "post16"])
def test_a_rendered_form_reads_back_as_it_was_filled(phase: str) -> None:
    form = load_mapping(MAPPING.with_name(f"northshire-{phase.replace('_', '-')}.yaml"))
    assert form.form == phase and form.settings["engine"] == "docxtpl"
    for pep in generate_peps(8, seed=11, authority="northshire", phase=phase):
        filled = render(form, context(form, pep))
        extracted = api.extract(filled, form).pep
        assert binding.mapped_view(extracted, form) == binding.mapped_view(pep, form)
