"""``engine: docxtpl`` forms: Jinja-tagged templates rendered once-compiled in the sandbox."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from pepdocs.errors import DocumentError, UnsafeDocumentError
from pepdocs.formats import word
from pepdocs.formats.word.templated import build_context
from pepdocs.mapping.spec import FormSpec

from .docxbuild import (
    anchor,
    document_xml,
    field,
    fill,
    make_form,
    p,
    r,
    read_form,
    sdt_run,
    tbl,
    tc,
    tr,
)

DOCXTPL = {"engine": "docxtpl"}


def _row_tag(statement: str) -> str:
    return tr(tc(p(r("{%tr " + statement + " %}")), span=2))


def _northshire_like() -> str:
    return (
        p("First name: ", sdt_run("child_first_name", "{{ f.child_first_name }}"))
        + p(r("{%p if f.transition_plan %}"))
        + p("Transition plan: ", sdt_run("transition_plan", "{{ f.transition_plan }}"))
        + p(r("{%p endif %}"))
        + tbl(
            tr("Target", "Lead person"),
            _row_tag("for row in rows.targets"),
            tr("{{ row.description }}", "{{ row.lead }}"),
            _row_tag("endfor"),
            cols=2,
        )
    )


def _fields() -> tuple[object, ...]:
    return (
        field(
            "child.first_name", anchor("control", "child_first_name"), anchor("label", "First name")
        ),
        field("transition.plan", anchor("control", "transition_plan")),
        field(
            "targets",
            anchor("table", "", header=["Target", "Lead person"]),
            columns=(("description", "Target"), ("lead", "Lead person")),
        ),
    )


def test_a_jinja_template_is_filled_and_reads_back_through_its_controls(tmp_path: Path) -> None:
    form = make_form(tmp_path, _northshire_like(), *_fields(), settings=DOCXTPL)  # type: ignore[arg-type]
    rows = [
        {"Target": "Read daily & <aloud>", "Lead person": "Ms Hale"},
        {"Target": "Join a club", "Lead person": "Carer"},
    ]
    data = fill(form, "Zoë {{ 7*7 }}", "Move to Larkspur\nvisit in June", rows)
    xml = document_xml(data)
    assert "{%" not in xml and "f.child_first_name" not in xml
    result = read_form(form, data)
    assert result.readings[0].raw == "Zoë {{ 7*7 }}"  # typed braces stay text: never rendered
    assert result.readings[1].raw == "Move to Larkspur\nvisit in June"
    assert result.readings[2].raw == rows


def test_a_conditional_block_disappears_without_its_value(tmp_path: Path) -> None:
    form = make_form(tmp_path, _northshire_like(), *_fields(), settings=DOCXTPL)  # type: ignore[arg-type]
    data = fill(form, "Ava", None, [])
    assert "Transition plan" not in document_xml(data)
    result = read_form(form, data)
    # the template has the control; the document left the block out: empty, not lost
    assert result.readings[1].status == "empty"
    assert "left out by the template" in result.readings[1].location
    assert result.readings[2].status in ("empty", "missing")


def test_the_template_is_compiled_once_and_reused(tmp_path: Path) -> None:
    form = make_form(tmp_path, _northshire_like(), *_fields(), settings=DOCXTPL)  # type: ignore[arg-type]
    prepared = word.prepare(form)
    assert isinstance(prepared, word.JinjaTemplate)
    assert word.prepare(form) is prepared
    first = prepared.fill([(form.fields[0], "Ava")])
    second = prepared.fill([(form.fields[0], "Kai")])
    assert read_form(form, first).readings[0].raw == "Ava"
    assert read_form(form, second).readings[0].raw == "Kai"


def test_every_field_is_in_the_context_even_without_a_value(tmp_path: Path) -> None:
    form = make_form(tmp_path, _northshire_like(), *_fields(), settings=DOCXTPL)  # type: ignore[arg-type]
    context = build_context(form, [])
    assert context == {
        "f": {"child_first_name": "", "transition_plan": ""},
        "rows": {"targets": []},
    }


def test_a_template_reaching_outside_the_sandbox_is_refused(tmp_path: Path) -> None:
    body = p(r("{{ f.__class__.__mro__ }}"))
    form = make_form(tmp_path, body, field("a", anchor("control", "a")), settings=DOCXTPL)
    with pytest.raises(UnsafeDocumentError, match="sandbox"):
        fill(form, "x")


def test_a_template_syntax_error_is_one_line_naming_the_template(tmp_path: Path) -> None:
    body = p(r("{{ f.a "), r("}"))
    form = make_form(tmp_path, body, field("a", anchor("control", "a")), settings=DOCXTPL)
    with pytest.raises(DocumentError, match=r"template\.docx"):
        fill(form, "x")


def _with_document_part(form: FormSpec, change: Callable[[bytes], bytes]) -> None:
    """Rewrite the template's ``word/document.xml`` in place."""
    template = Path(form.template)
    with zipfile.ZipFile(io.BytesIO(template.read_bytes())) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members["word/document.xml"] = change(members["word/document.xml"])
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as output:
        for name, data in members.items():
            output.writestr(name, data)
    template.write_bytes(target.getvalue())


def _as_utf16(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    return text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")


def test_a_template_part_that_is_not_utf8_is_one_line_naming_template_and_part(
    tmp_path: Path,
) -> None:
    body = p(r("{{ f.a }}"))
    form = make_form(tmp_path, body, field("a", anchor("control", "a")), settings=DOCXTPL)
    _with_document_part(form, _as_utf16)
    with pytest.raises(DocumentError) as caught:
        fill(form, "x")
    assert str(caught.value) == (
        f"{form.template}: part word/document.xml is not UTF-8 text; open the template in "
        "Word and save it again as a .docx (Word writes UTF-8)"
    )


def test_a_template_part_declaring_a_dtd_is_refused_before_jinja_sees_it(
    tmp_path: Path,
) -> None:
    body = p(r("{{ f.a }}"))
    form = make_form(tmp_path, body, field("a", anchor("control", "a")), settings=DOCXTPL)
    _with_document_part(
        form, lambda xml: xml.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY e "x">]>', 1)
    )
    with pytest.raises(UnsafeDocumentError, match=r"template\.docx: part word/document\.xml"):
        fill(form, "x")


def test_a_document_that_is_not_the_jinja_form_reads_all_missing(tmp_path: Path) -> None:
    from .docxbuild import make_docx

    form = make_form(tmp_path, _northshire_like(), *_fields(), settings=DOCXTPL)  # type: ignore[arg-type]
    letter = make_docx(p("Dear parent, the school trip is on Friday."))
    assert {r.status for r in read_form(form, letter).readings.values()} == {"missing"}
