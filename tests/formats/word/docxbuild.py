"""Small .docx fixtures built in code: a real package from python-docx with our own body XML.

Helpers return WordprocessingML snippets as strings so each test shows the exact construct it
is about (a split run, a legacy field, a merged cell) next to its assertion.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx

from pepdocs.formats import word
from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.mapping.spec import Anchor, ColumnSpec, FieldSpec, FormSpec, FormValue
from pepdocs.mapping.transforms import Transform

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


@lru_cache(maxsize=1)
def _base_package() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def make_docx(body: str) -> bytes:
    """A .docx whose body is ``body`` (python-docx's default styles, so Heading 1 exists)."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    source = zipfile.ZipFile(io.BytesIO(_base_package()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = document.encode() if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return out.getvalue()


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode()


# --- snippets -----------------------------------------------------------------------------


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def r(text: str = "", *, bold: bool = False, strike: bool = False, rpr: str = "") -> str:
    props = rpr + ("<w:b/>" if bold else "") + ("<w:strike/>" if strike else "")
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{t(text) if text else ''}</w:r>"


def p(*parts: str, style: str | None = None, bold: bool = False) -> str:
    """A paragraph; plain strings become runs, strings starting with ``<`` are raw XML."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    body = "".join(part if part.startswith("<") else r(part, bold=bold) for part in parts)
    return f"<w:p>{ppr}{body}</w:p>"


def tc(*content: str, span: int = 1, vmerge: str | None = None, shade: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        props += f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>"
    if shade:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    inner = "".join(c if c.startswith("<") else p(c) for c in content) or "<w:p/>"
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{inner}</w:tc>"


def tr(*cells: str) -> str:
    return (
        "<w:tr>"
        + "".join(c if c.startswith("<w:tc") or c.startswith("<w:sdt") else tc(c) for c in cells)
        + "</w:tr>"
    )


def tbl(*rows: str, cols: int | None = None) -> str:
    width = cols or max(row.count("<w:tc>") + row.count("<w:tc ") for row in rows)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(width))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


PLACEHOLDER = "Click or tap here to enter text."


def sdt_pr(tag: str | None, alias: str | None, kind: str, placeholder: bool, extra: str) -> str:
    parts = ""
    if alias:
        parts += f'<w:alias w:val="{alias}"/>'
    if tag:
        parts += f'<w:tag w:val="{tag}"/>'
    if placeholder:
        parts += "<w:showingPlcHdr/>"
    markers = {
        "text": "<w:text/>",
        "richText": "",
        "date": '<w:date><w:dateFormat w:val="dd/MM/yyyy"/></w:date>',
        "checkbox": (
            '<w14:checkbox><w14:checked w14:val="0"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
        ),
    }
    return f"<w:sdtPr>{parts}{extra or markers.get(kind, '')}</w:sdtPr>"


def sdt_run(
    tag: str | None,
    text: str | None = None,
    *,
    alias: str | None = None,
    kind: str = "text",
    extra: str = "",
    rpr: str = "",
) -> str:
    """A run-level content control; ``text=None`` shows Word's placeholder prompt."""
    placeholder = text is None
    if placeholder:
        content = r(PLACEHOLDER, rpr='<w:rStyle w:val="PlaceholderText"/>' + rpr)
    else:
        content = r(text, rpr=rpr)
    props = sdt_pr(tag, alias, kind, placeholder, extra)
    return f"<w:sdt>{props}<w:sdtContent>{content}</w:sdtContent></w:sdt>"


def sdt_block(
    tag: str | None,
    *paragraphs: str,
    alias: str | None = None,
    kind: str = "richText",
    extra: str = "",
) -> str:
    placeholder = not paragraphs
    body = "".join(paragraphs) or p(r(PLACEHOLDER, rpr='<w:rStyle w:val="PlaceholderText"/>'))
    props = sdt_pr(tag, alias, kind, placeholder, extra)
    return f"<w:sdt>{props}<w:sdtContent>{body}</w:sdtContent></w:sdt>"


def checkbox_control(tag: str | None, checked: bool, alias: str | None = None) -> str:
    state = "1" if checked else "0"
    glyph = "\u2612" if checked else "\u2610"
    extra = (
        f'<w14:checkbox><w14:checked w14:val="{state}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
    )
    return (
        f"<w:sdt>{sdt_pr(tag, alias, 'checkbox', False, extra)}"
        f"<w:sdtContent>{r(glyph)}</w:sdtContent></w:sdt>"
    )


def _field(ff_data: str, code: str, result: str | None) -> str:
    begin = (
        f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData>{ff_data}</w:ffData></w:fldChar></w:r>'
    )
    instr = f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
    separate = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' if result is not None else ""
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    return begin + instr + separate + (result or "") + end


def legacy_text(
    name: str, value: str | None = None, *, rpr: str = "", default: str | None = None
) -> str:
    shown = value if value is not None else "\u2002" * 5
    text_input = (
        f'<w:textInput><w:default w:val="{escape(default)}"/></w:textInput>'
        if default is not None
        else "<w:textInput/>"
    )
    data = f'<w:name w:val="{name}"/><w:enabled/>{text_input}'
    return _field(data, "FORMTEXT", r(shown, rpr=rpr))


def legacy_checkbox(name: str, checked: str | None = None, default: str | None = "0") -> str:
    inner = "<w:sizeAuto/>"
    if default is not None:
        inner += f'<w:default w:val="{default}"/>'
    if checked is not None:
        inner += "<w:checked/>" if checked == "" else f'<w:checked w:val="{checked}"/>'
    data = f'<w:name w:val="{name}"/><w:enabled/><w:checkBox>{inner}</w:checkBox>'
    return _field(data, "FORMCHECKBOX", None)


def legacy_dropdown(name: str, entries: list[str], result: int | None = None) -> str:
    listing = "".join(f'<w:listEntry w:val="{escape(e)}"/>' for e in entries)
    chosen = f'<w:result w:val="{result}"/>' if result is not None else ""
    data = f'<w:name w:val="{name}"/><w:enabled/><w:ddList>{chosen}{listing}</w:ddList>'
    return _field(data, "FORMDROPDOWN", None)


# --- mapping objects ----------------------------------------------------------------------


class Raw(Transform):
    """Engine tests see form values directly."""

    name = "raw"

    def to_form(self, value: Any) -> FormValue:
        return value  # type: ignore[no-any-return]

    def from_form(self, raw: FormValue) -> Any:
        return raw


def anchor(kind: str, key: str = "", line: int = 0, **options: Any) -> Anchor:
    return Anchor(kind, key, options, line)


def field(path: str, *anchors: Anchor, columns: tuple[tuple[str, str], ...] = ()) -> FieldSpec:
    specs = tuple(ColumnSpec(column_path, header, Raw()) for column_path, header in columns)
    return FieldSpec((path,), anchors, Raw(), columns=specs, line=7)


def make_form(
    tmp_path: Path, body: str, *fields: FieldSpec, settings: dict[str, Any] | None = None
) -> FormSpec:
    template = tmp_path / "template.docx"
    template.write_bytes(make_docx(body))
    return FormSpec(
        authority="southvale",
        name="Southvale Virtual School",
        form="school_age",
        version="2025-09",
        kind="docx",
        template=template,
        fields=tuple(fields),
        source=tmp_path / "southvale.yaml",
        settings=settings or {},
    )


def read_form(form: FormSpec, data: bytes | None = None) -> DocumentReading:
    if data is None:
        data = Path(form.template).read_bytes()
    return word.read(form, data, "completed.docx")


def reading(form: FormSpec, data: bytes | None = None, number: int = 0) -> Reading:
    return read_form(form, data).readings[number]


def fill(form: FormSpec, *values: FormValue) -> bytes:
    return word.fill(form, list(zip(form.fields, values, strict=True)))


def round_trip(form: FormSpec, *values: FormValue) -> list[FormValue]:
    result = read_form(form, fill(form, *values))
    return [result.readings[n].raw for n in range(len(form.fields))]
