"""Forms authored with Jinja tags (``engine: docxtpl`` in the mapping): Northshire's.

The context contract is the templates engineer's (templates/build/northshire.py,
docs/authoring.md "Jinja templates"):

* ``f.<tag>``: one entry per scalar field, keyed by its primary ``control`` anchor's tag (else
  its path with dots as ``_``), holding the form text, ``""`` when there is no value; a
  ``multiline: true`` text's lines are separated by :data:`PARAGRAPH_MARK`, made into new
  paragraphs after rendering;
* ``rows.<key>``: one list per repeating section, keyed by its path with dots as ``_``; each
  row maps column keys (the column path with dots as ``_``) to form text.

docxtpl spends most of a render re-patching and re-parsing the same XML, so the template is
patched with docxtpl's own ``patch_xml`` and compiled ONCE; each record is one Jinja render
plus docxtpl's text post-processing (newlines to ``w:br``, tabs to ``w:tab``). Rendering uses
the sandboxed, autoescaping environment of ``pepdocs.safety.jinja``: templates are code we
did not write, and values are never template source (typed ``{{`` stays text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from pepdocs.errors import DocumentError
from pepdocs.formats.word._xml import TBL
from pepdocs.formats.word.heights import fixed_rows, let_grow, would_clip
from pepdocs.formats.word.package import PreparedPackage, part_text, serialise
from pepdocs.mapping.spec import FieldSpec, FillNote, FormSpec, FormValue
from pepdocs.safety.jinja import sandboxed_environment, template_errors
from pepdocs.safety.package import open_package

_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_JINJA = re.compile(r"\{[{%]")
#: docxtpl's own paragraph pattern (resolve_listing); only paragraphs holding a newline, tab,
#: \a or \f need its rewriting, and skipping the rest halves the per-record time.
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_LISTING_CHARACTERS = re.compile("[\t\n\a\f]")
#: Where a multi-line value starts a new paragraph. docxtpl's own mark, ``\a``, is a control
#: character, which the sandbox's finalize strips from every value (XML cannot hold it);
#: U+2029 PARAGRAPH SEPARATOR is legal XML and never reaches here from a value (the text
#: transform turns it into ``\n``), so it stands in for ``\a`` until after rendering.
PARAGRAPH_MARK = "\u2029"


def _resolve_paragraph(match: re.Match[str]) -> str:
    paragraph = match.group(0)
    if not _LISTING_CHARACTERS.search(paragraph):
        return paragraph
    return str(DocxTemplate.resolve_listing(None, paragraph))


def uses_docxtpl(form: FormSpec) -> bool:
    engine = form.settings.get("engine")
    if isinstance(engine, Mapping):
        engine = engine.get("name")
    return str(engine or "").strip().lower() == "docxtpl"


def context_key(path: str) -> str:
    """``education.exclusions`` -> ``education_exclusions``: a Jinja-friendly name."""
    return path.replace(".", "_")


def scalar_tag(spec: FieldSpec) -> str:
    first = spec.anchors[0] if spec.anchors else None
    if first is not None and first.kind == "control":
        return first.key
    return context_key(spec.path)


def _text(value: FormValue | object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    return str(value)


def build_context(form: FormSpec, values: Sequence[tuple[FieldSpec, FormValue]]) -> dict[str, Any]:
    """``{"f": {...}, "rows": {...}}`` with every field of the form present (conditional
    blocks test them), filled from ``values``."""
    scalars: dict[str, str] = {}
    rows: dict[str, list[dict[str, str]]] = {}
    for spec in form.fields:
        if spec.repeating:
            rows[context_key(spec.path)] = []
        else:
            scalars[scalar_tag(spec)] = ""
    for spec, value in values:
        if not spec.fill or value is None:
            continue
        if spec.repeating:
            items = value if isinstance(value, list) else []
            rows[context_key(spec.path)] = [
                {
                    context_key(column.path): _text(item.get(column.header, item.get(column.path)))
                    for column in spec.columns
                }
                for item in items
                if isinstance(item, dict)
            ]
        else:
            text = _text(value)
            if getattr(spec.transform, "multiline", None) is True:
                # one paragraph per line: the box is a rich-text block control (_post_process)
                text = text.replace("\n", PARAGRAPH_MARK)
            scalars[scalar_tag(spec)] = text
    return {"f": scalars, "rows": rows}


@dataclass(frozen=True)
class JinjaTemplate:
    """A Jinja-tagged Word template, patched and compiled once."""

    template: str
    package: PreparedPackage
    compiled: tuple[tuple[str, jinja2.Template], ...]
    form: FormSpec

    @classmethod
    def from_bytes(cls, data: bytes, template: str, form: FormSpec) -> JinjaTemplate:
        safe = open_package(data, template, "docx")
        environment = sandboxed_environment()
        compiled: list[tuple[str, jinja2.Template]] = []
        for name in safe.names():
            if not _PARTS.match(name):
                continue
            source = part_text(safe, template, name)
            if not _JINJA.search(source):
                continue
            # patch_xml and resolve_listing are pure string functions on docxtpl's class
            patched = DocxTemplate.patch_xml(None, source)
            # docxtpl renders with each paragraph on its own line so {%p %} tags can remove
            # whole paragraphs; render_xml_part undoes it afterwards (see render below).
            patched = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
            with template_errors(template):
                compiled.append((name, environment.from_string(patched)))
        return cls(
            template=template,
            package=PreparedPackage.from_bytes(data, tuple(name for name, _ in compiled)),
            compiled=tuple(compiled),
            form=form,
        )

    def fill(
        self,
        values: Sequence[tuple[FieldSpec, FormValue]],
        notes: list[FillNote] | None = None,
    ) -> bytes:
        context = build_context(self.form, values)
        parts: dict[str, bytes] = {}
        for name, compiled in self.compiled:
            with template_errors(self.template):
                rendered = compiled.render(context)
            parts[name] = _grown(_post_process(rendered, self.template, name), name, notes)
        return self.package.write(parts)


def _grown(data: bytes, part: str, notes: list[FillNote] | None) -> bytes:
    """Rows of exact height that hold rendered text grow with it (``heights``): a Jinja
    template's rows are rendered, not located, so a clipped one is noted by its place."""
    if b'w:hRule="exact"' not in data:
        return data
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    changed = False
    for number, tr in enumerate(fixed_rows(root.iter(TBL)), start=1):
        if would_clip(tr) and notes is not None:
            notes.append(
                FillNote(
                    f"{part}: table row {number}",
                    "taller",
                    "a row of fixed height would have cut its text off; made to grow with it",
                )
            )
        let_grow(tr)
        changed = True
    return serialise(root) if changed else data


def _post_process(rendered: str, template: str, part: str) -> bytes:
    """docxtpl's steps after rendering (``render_xml_part``): paragraphs back on one line,
    escaped braces restored, ``\\n``/``\\t`` in text turned into ``w:br``/``w:tab``."""
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", rendered)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    xml = xml.replace(PARAGRAPH_MARK, "\a")
    xml = _PARAGRAPH.sub(_resolve_paragraph, xml)
    data = xml.encode("utf-8")
    try:
        etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise DocumentError(
            f"part {part} is not well-formed after rendering (line {exc.lineno}); check the "
            "template's {% %} tags enclose whole rows or paragraphs",
            template,
        ) from None
    return data


__all__ = ["JinjaTemplate", "build_context", "uses_docxtpl"]
