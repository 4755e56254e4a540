"""Every Word mapping file built by templates/build loads, covers the whole model, and every
one of its anchors (the fallbacks too) finds its place in its own template.

The fallbacks matter because schools' editors strip content-control tags and legacy field
names when they re-save: a form re-saved that way must still extract the same PEP.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import pytest

from pepdocs import api
from pepdocs.formats import word
from pepdocs.mapping.loader import load_mapping
from pepdocs.mapping.spec import FormSpec
from pepdocs.model.catalog import field_catalog
from pepdocs.samples import generate_peps

REPO = Path(__file__).resolve().parents[2]
NAMES = [
    "eastborough-early-years",
    "eastborough-post16",
    "eastborough-school-age",
    "northshire-early-years",
    "northshire-post16",
    "northshire-school-age",
    "westmere-school-age",
]
#: model paths each form deliberately has no box for (a school-age form asks no ULN; the
#: authority and phase are the form itself; ``unresolved`` is what extraction could not
#: place; these forms sign off per role with dated boxes (``signoff.*_date``), not with a
#: sign-off table, which ``signoff.signatures`` holds for forms that have one)
NOT_ON_FORM = {
    "schema_version",
    "meta.authority",
    "meta.phase",
    "signoff.signatures",
    "unresolved",
}
NOT_ON_THIS_FORM = {
    "eastborough-early-years": {"child.uln", "education.exclusions", "transition.careers_advice"},
    "eastborough-post16": set(),
    "eastborough-school-age": {"child.uln"},
    "northshire-early-years": {"child.uln", "education.exclusions", "transition.careers_advice"},
    "northshire-post16": set(),
    "northshire-school-age": {"child.uln"},
    "westmere-school-age": {"child.uln"},
}


def _form(name: str) -> FormSpec:
    return load_mapping(REPO / "mappings" / f"{name}.yaml")


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_the_mapping_loads_and_points_at_its_committed_template(name: str) -> None:
    form = _form(name)
    assert form.kind == "docx"
    assert form.authority == name.split("-")[0]
    assert form.template == REPO / "templates" / "docx" / f"{name}.docx"
    assert form.version


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_the_mapping_covers_every_model_path_the_form_has_a_box_for(name: str) -> None:
    mapped = {path for spec in _form(name).fields for path in spec.paths}
    model = {path for path, info in field_catalog().items() if info.kind != "object"}
    assert model - mapped == NOT_ON_FORM | NOT_ON_THIS_FORM[name]


def _only_anchor(form: FormSpec, position: int) -> FormSpec:
    """The form with each field reduced to its anchor at ``position`` (fields without one
    are dropped), so each fallback is tested on its own."""
    fields = tuple(
        dataclasses.replace(spec, anchors=(spec.anchors[position],))
        for spec in form.fields
        if len(spec.anchors) > position
    )
    return dataclasses.replace(form, fields=fields)


@pytest.mark.slow
@pytest.mark.parametrize("position", [0, 1], ids=["primary", "fallback"])
@pytest.mark.parametrize("name", NAMES)
def test_every_anchor_is_found_in_the_blank_template(name: str, position: int) -> None:
    form = _only_anchor(_form(name), position)
    reading = word.read(form, form.template.read_bytes(), form.template.name)
    missing = [
        f"{form.fields[index].path} ({form.fields[index].anchor.describe()})"
        for index, result in reading.readings.items()
        if result.status == "missing"
    ]
    assert not missing


@pytest.mark.slow
def test_each_word_anchor_kind_is_used_by_some_shipped_template_mapping() -> None:
    kinds = {
        anchor.kind for name in NAMES for spec in _form(name).fields for anchor in spec.anchors
    }
    assert kinds >= {
        "control",
        "legacy",
        "label",
        "checkbox",
        "checkboxes",
        "table",
        "heading",
        "cell",
    }


# --- a form re-saved by an editor that drops tags and field names ------------------------

_TAG_OR_ALIAS = re.compile(rb"<w:(?:tag|alias) w:val=\"[^\"]*\"/>")
_FIELD_NAME = re.compile(rb"<w:name w:val=\"[^\"]*\"/>")
_BOOKMARK = re.compile(rb"<w:bookmark(?:Start|End) [^>]*/>")


def _strip_names(document: bytes) -> bytes:
    """What some editors leave: controls without tag/alias, legacy fields without names."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(document)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = _BOOKMARK.sub(b"", _FIELD_NAME.sub(b"", _TAG_OR_ALIAS.sub(b"", data)))
            target.writestr(info, data)
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["eastborough-school-age", "eastborough-post16", "westmere-school-age"]
)
def test_a_filled_form_stripped_of_tags_and_field_names_extracts_the_same(name: str) -> None:
    form = _form(name)
    for pep in generate_peps(3, seed=7, authority=form.authority, phase=form.form):
        filled = api.fill(pep, form)
        stripped = _strip_names(filled)
        assert b"<w:tag " not in stripped and b"<w:name " not in stripped
        from_stripped = api.extract(stripped, form).pep
        assert from_stripped == api.extract(filled, form).pep
        assert from_stripped["child"]["first_name"] == pep["child"]["first_name"]
