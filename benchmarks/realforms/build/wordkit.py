"""WordprocessingML as Word writes it, for the real-forms corpus: runs, paragraphs, tables,
content controls (plain, rich, date, drop-down, checkbox), legacy FORMTEXT/FORMCHECKBOX fields,
typed and symbol-font boxes, headers and footers, and a package writer with fixed zip times.

Kept apart from ``templates/build/docxkit.py`` on purpose: the corpus must not change when the
shipped templates' kit does, and it needs what docxkit never writes (filled controls and
fields, highlight and strike-through, vertical merges, Wingdings boxes, tracked insertions).
Every function returns an XML string; text is escaped here, callers pass plain text.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    f'xmlns:w14="{W14}" mc:Ignorable="w14"'
)

#: Every entry of every built file carries this time, so rebuilding gives the same bytes.
ZIP_TIME = (2025, 9, 1, 0, 0, 0)
W3C_TIME = "2025-09-01T00:00:00Z"

PAGE_W, PAGE_H, MARGIN = 11906, 16838, 720
TEXT_W = PAGE_W - 2 * MARGIN

GREY = "D9D9D9"
PLACEHOLDER = "Click or tap here to enter text."
PLACEHOLDER_OLD = "Click here to enter text."
PLACEHOLDER_DATE = "Click or tap to enter a date."
PLACEHOLDER_DATE_OLD = "Click here to enter a date."
PLACEHOLDER_CHOICE = "Choose an item."
EMPTY_BOX, TICKED_BOX = "\u2610", "\u2612"
EN_SPACES = "\u2002" * 5


def x(text: str) -> str:
    return escape(text, {'"': "&quot;"})


@dataclass
class Ids:
    """Deterministic ids for controls, bookmarks and revisions inside one document."""

    value: int = 100

    def take(self) -> int:
        self.value += 1
        return self.value


# --- runs and paragraphs ---------------------------------------------------------------------


def rpr(
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    color: str | None = None,
    font: str | None = None,
    style: str | None = None,
    highlight: str | None = None,
    strike: bool = False,
    underline: bool = False,
) -> str:
    """Run properties in the schema's order."""
    parts = []
    if style:
        parts.append(f'<w:rStyle w:val="{style}"/>')
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if strike:
        parts.append("<w:strike/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    if highlight:
        parts.append(f'<w:highlight w:val="{highlight}"/>')
    if underline:
        parts.append('<w:u w:val="single"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, **fmt: object) -> str:
    """One run; a newline in ``text`` becomes a line break (Shift+Enter), as people type."""
    props = rpr(**fmt)  # type: ignore[arg-type]
    pieces = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{x(piece)}</w:t>' for piece in pieces)
    return f"<w:r>{props}{body}</w:r>"


def tab() -> str:
    return "<w:r><w:tab/></w:r>"


def sym_box(checked: bool) -> str:
    """A Wingdings box inserted with Insert > Symbol (older forms): F0A8 empty, F0FE ticked."""
    char = "F0FE" if checked else "F0A8"
    return f'<w:r><w:sym w:font="Wingdings" w:char="{char}"/></w:r>'


def inserted(ids: Ids, content: str, author: str = "Form tutor") -> str:
    """Runs added with Track Changes on and never accepted."""
    return (
        f'<w:ins w:id="{ids.take()}" w:author="{x(author)}" w:date="{W3C_TIME}">{content}</w:ins>'
    )


def para(
    *content: str,
    style: str | None = None,
    align: str | None = None,
    after: int | None = None,
    before: int | None = None,
    keep_next: bool = False,
    shade: str | None = None,
    indent: int | None = None,
) -> str:
    """A paragraph; ``content`` items starting with ``<`` are XML, others become plain runs."""
    props = []
    if style:
        props.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        props.append("<w:keepNext/>")
    if shade:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if after is not None or before is not None:
        attrs = (f' w:before="{before}"' if before is not None else "") + (
            f' w:after="{after}"' if after is not None else ""
        )
        props.append(f"<w:spacing{attrs}/>")
    if indent is not None:
        props.append(f'<w:ind w:left="{indent}"/>')
    if align:
        props.append(f'<w:jc w:val="{align}"/>')
    body = "".join(item if item.startswith("<") else run(item) for item in content)
    head = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
    return f"<w:p>{head}{body}</w:p>"


def heading(text: str, level: int = 1) -> str:
    return para(run(text), style=f"Heading{level}", keep_next=True)


def instruction(text: str) -> str:
    """The italic "To be completed by ..." line forms put under a heading."""
    return para(run(text, italic=True, size=18, color="404040"), after=60, keep_next=True)


# --- tables ----------------------------------------------------------------------------------


def cell(
    *blocks: str,
    width: int,
    fill: str | None = None,
    span: int = 1,
    vmerge: str | None = None,
    valign: str | None = None,
) -> str:
    """A cell; ``vmerge`` is ``restart`` or ``continue`` for vertically merged cells."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    if valign:
        props += f'<w:vAlign w:val="{valign}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(blocks) or para()}</w:tc>"


def label(text: str, width: int, *, fill: str = GREY, span: int = 1, size: int = 18) -> str:
    """A shaded cell holding a bold label."""
    return cell(para(run(text, bold=True, size=size)), width=width, fill=fill, span=span)


def row(*cells: str, header: bool = False, height: int | None = None) -> str:
    props = "<w:cantSplit/>"
    if height:
        props += f'<w:trHeight w:val="{height}"/>'
    if header:
        props += "<w:tblHeader/>"
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def title_row(text: str, widths: Sequence[int], *, fill: str, color: str = "FFFFFF") -> str:
    """A merged title row across the whole table, as forms head their tables."""
    return row(
        cell(
            para(run(text, bold=True, size=22, color=color), keep_next=True),
            width=sum(widths),
            fill=fill,
            span=len(widths),
        )
    )


def table(rows: Iterable[str], widths: Sequence[int], *, borders: bool = True) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    edge = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
    border_xml = (
        f"<w:tblBorders><w:top {edge}/><w:left {edge}/><w:bottom {edge}/><w:right {edge}/>"
        f"<w:insideH {edge}/><w:insideV {edge}/></w:tblBorders>"
        if borders
        else ""
    )
    style = '<w:tblStyle w:val="TableGrid"/>' if borders else ""
    props = (
        f'{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>{border_xml}'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    )
    return f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def gap() -> str:
    """The empty paragraph Word needs between two tables (or it merges them)."""
    return para(after=80)


# --- content controls ------------------------------------------------------------------------


def _names(ids: Ids, tag: str | None, alias: str | None) -> str:
    out = f'<w:alias w:val="{x(alias)}"/>' if alias else ""
    out += f'<w:tag w:val="{x(tag)}"/>' if tag else ""
    return out + f'<w:id w:val="{ids.take()}"/>'


def _placeholder(text: str, size: int | None) -> str:
    return run(text, style="PlaceholderText", size=size)


def control(
    ids: Ids,
    *,
    tag: str | None = None,
    alias: str | None = None,
    value: str | None = None,
    placeholder: str = PLACEHOLDER,
    rich: bool = False,
    multiline: bool = False,
    size: int | None = None,
) -> str:
    """A run-level text control: the placeholder while empty, the typed text once filled."""
    props = _names(ids, tag, alias)
    if value is None:
        props += "<w:showingPlcHdr/>"
        body = _placeholder(placeholder, size)
    else:
        body = run(value, size=size)
    if not rich:
        props += '<w:text w:multiLine="1"/>' if multiline else "<w:text/>"
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{body}</w:sdtContent></w:sdt>"


def block_control(
    ids: Ids,
    *,
    tag: str | None = None,
    alias: str | None = None,
    paragraphs: Sequence[str] | None = None,
    placeholder: str = PLACEHOLDER,
    size: int | None = None,
) -> str:
    """A block-level rich text control (in a cell or the body) holding whole paragraphs."""
    props = _names(ids, tag, alias)
    if not paragraphs:
        props += "<w:showingPlcHdr/>"
        body = para(_placeholder(placeholder, size))
    else:
        body = "".join(para(run(text, size=size)) for text in paragraphs)
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{body}</w:sdtContent></w:sdt>"


def date_control(
    ids: Ids,
    *,
    tag: str | None = None,
    alias: str | None = None,
    iso: str | None = None,
    shown: str | None = None,
    placeholder: str = PLACEHOLDER_DATE,
    size: int | None = None,
) -> str:
    """A date picker (dd/MM/yyyy). Picked: ``w:fullDate`` holds the day and ``shown`` the text;
    typed over without the picker: ``shown`` only (Word then keeps no fullDate)."""
    full = f' w:fullDate="{iso}T00:00:00Z"' if iso else ""
    props = _names(ids, tag, alias)
    if shown is None:
        props += "<w:showingPlcHdr/>"
    props += (
        f'<w:date{full}><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="en-GB"/>'
        '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
    )
    body = _placeholder(placeholder, size) if shown is None else run(shown, size=size)
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{body}</w:sdtContent></w:sdt>"


def dropdown(
    ids: Ids,
    items: Sequence[str],
    *,
    tag: str | None = None,
    alias: str | None = None,
    chosen: str | None = None,
    combo: bool = False,
    placeholder: str = PLACEHOLDER_CHOICE,
    size: int | None = None,
) -> str:
    """A drop-down (or combo box, which also takes typed text); ``chosen`` is the shown text."""
    entries = f'<w:listItem w:displayText="{placeholder}" w:value=""/>' + "".join(
        f'<w:listItem w:displayText="{x(i)}" w:value="{x(i)}"/>' for i in items
    )
    kind = "comboBox" if combo else "dropDownList"
    props = _names(ids, tag, alias)
    if chosen is None:
        props += "<w:showingPlcHdr/>"
    props += f"<w:{kind}>{entries}</w:{kind}>"
    body = _placeholder(placeholder, size) if chosen is None else run(chosen, size=size)
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{body}</w:sdtContent></w:sdt>"


def checkbox_control(
    ids: Ids, *, tag: str | None = None, alias: str | None = None, checked: bool = False
) -> str:
    """A Word 2010 checkbox control drawn with MS Gothic glyphs."""
    state = "1" if checked else "0"
    props = _names(ids, tag, alias) + (
        f'<w14:checkbox><w14:checked w14:val="{state}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
    )
    glyph = TICKED_BOX if checked else EMPTY_BOX
    body = run(glyph, font="MS Gothic")
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{body}</w:sdtContent></w:sdt>"


# --- legacy form fields ----------------------------------------------------------------------


def _bookmarked(ids: Ids, name: str, field_xml: str) -> str:
    mark = ids.take()
    return (
        f'<w:bookmarkStart w:id="{mark}" w:name="{x(name)}"/>{field_xml}'
        f'<w:bookmarkEnd w:id="{mark}"/>'
    )


def legacy_text(
    ids: Ids, name: str, *, value: str | None = None, help_text: str = "", size: int | None = None
) -> str:
    """A FORMTEXT field: five en-spaces while empty, the typed text once filled."""
    props = rpr(size=size)
    status = f'<w:statusText w:type="text" w:val="{x(help_text)}"/>' if help_text else ""
    data = (
        f'<w:ffData><w:name w:val="{x(name)}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f"{status}<w:textInput/></w:ffData>"
    )
    result = EN_SPACES if value is None else value
    pieces = result.split("\n")
    shown = "<w:br/>".join(f'<w:t xml:space="preserve">{x(p)}</w:t>' for p in pieces)
    no_proof = f"<w:rPr><w:noProof/>{props[7:-8]}</w:rPr>"
    field_xml = (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin">{data}</w:fldChar></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{no_proof}{shown}</w:r>"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    return _bookmarked(ids, name, field_xml)


def legacy_checkbox(ids: Ids, name: str, *, checked: bool = False, size: int = 20) -> str:
    """A FORMCHECKBOX; a ticked box records ``w:checked`` beside its default."""
    props = rpr(size=size)
    state = "<w:checked/>" if checked else ""
    data = (
        f'<w:ffData><w:name w:val="{x(name)}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox></w:ffData>'
    )
    field_xml = (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin">{data}</w:fldChar></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    return _bookmarked(ids, name, field_xml)


def legacy_dropdown(
    ids: Ids, name: str, entries: Sequence[str], *, chosen: int = 0, size: int | None = None
) -> str:
    """A FORMDROPDOWN; entry 0 is the blank prompt, ``chosen`` the picked entry."""
    props = rpr(size=size)
    listing = "".join(f'<w:listEntry w:val="{x(e)}"/>' for e in entries)
    data = (
        f'<w:ffData><w:name w:val="{x(name)}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:ddList><w:result w:val="{chosen}"/>{listing}</w:ddList></w:ffData>'
    )
    field_xml = (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin">{data}</w:fldChar></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r>{props}<w:t xml:space="preserve">{x(entries[chosen])}</w:t></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    return _bookmarked(ids, name, field_xml)


# --- page furniture --------------------------------------------------------------------------


def field_code(instruction: str, shown: str, size: int = 16) -> str:
    props = rpr(size=size)
    return (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{props}<w:t>{x(shown)}</w:t></w:r>"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def header_block(authority: str, service: str, *, accent: str) -> str:
    """Authority and service on the left, the protective marking on the right."""
    left = cell(
        para(run(authority, bold=True, size=26, color=accent), after=0),
        para(run(service, size=16, color="404040"), after=0),
        width=7000,
    )
    right = cell(
        para(run("OFFICIAL-SENSITIVE", bold=True, size=18, color="C00000"), align="right"),
        width=TEXT_W - 7000,
    )
    return table([row(left, right)], [7000, TEXT_W - 7000], borders=False) + para(after=0)


def footer_block(reference: str) -> str:
    """The marking again, the form's reference and "Page X of Y"."""
    return para(
        run("OFFICIAL-SENSITIVE", bold=True, size=16, color="C00000"), align="center", after=0
    ) + para(
        run(f"{reference}    Page ", size=16),
        field_code("PAGE", "1"),
        run(" of ", size=16),
        field_code("NUMPAGES", "1"),
        align="right",
        after=0,
    )


# --- the package ------------------------------------------------------------------------------

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" \
w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/>\
<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault>\
<w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name \
w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name \
w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing \
w:before="120" w:after="60"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz \
w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" \
w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next \
w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/>\
<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>\
</w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>\
<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing \
w:before="160" w:after="40"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz \
w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style><w:style w:type="character" w:default="1" \
w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority \
w:val="1"/><w:semiHidden/></w:style><w:style w:type="character" w:styleId="PlaceholderText">\
<w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority \
w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style><w:style \
w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>\
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left \
w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>\
</w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name \
w:val="Table Grid"/><w:basedOn w:val="TableNormal"/></w:style></w:styles>"""

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.settings+xml"/>\
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.header+xml"/>\
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-\
officedocument.wordprocessingml.footer+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-\
package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-\
officedocument.extended-properties+xml"/></Types>"""

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/\
metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>"""

_DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>\
<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>\
<Relationship Id="rId3" Type="{_REL}/header" Target="header1.xml"/>\
<Relationship Id="rId4" Type="{_REL}/footer" Target="footer1.xml"/></Relationships>"""


@dataclass
class Package:
    """One .docx: body blocks, header and footer; ``write`` zips it reproducibly."""

    title: str
    author: str
    body: list[str] = field(default_factory=list)
    header: str = ""
    footer: str = ""
    #: "Restrict editing: filling in forms" (legacy-field forms are sent protected)
    protected: bool = False
    #: the last editor, as Word records it in docProps (a school, for completed forms)
    last_modified_by: str = ""

    def add(self, *blocks: str) -> None:
        self.body.extend(blocks)

    def _section(self) -> str:
        return (
            '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
            '<w:footerReference w:type="default" r:id="rId4"/>'
            f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
            f'<w:pgMar w:top="{MARGIN + 500}" w:right="{MARGIN}" w:bottom="{MARGIN + 300}" '
            f'w:left="{MARGIN}" w:header="400" w:footer="340" w:gutter="0"/>'
            '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
        )

    def _part(self, root: str, content: str) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:{root} {NS}>{content or para()}</w:{root}>"
        )

    def parts(self) -> list[tuple[str, str]]:
        document = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {NS}><w:body>{''.join(self.body)}{self._section()}</w:body>"
            "</w:document>"
        )
        protection = (
            '<w:documentProtection w:edit="forms" w:enforcement="1"/>' if self.protected else ""
        )
        settings = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/>{protection}'
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            "</w:settings>"
        )
        core = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{x(self.title)}</dc:title><dc:creator>{x(self.author)}</dc:creator>"
            f"<cp:lastModifiedBy>{x(self.last_modified_by or self.author)}</cp:lastModifiedBy>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{W3C_TIME}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{W3C_TIME}</dcterms:modified>'
            "</cp:coreProperties>"
        )
        app = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>Microsoft Office Word</Application>'
            "<DocSecurity>0</DocSecurity></Properties>"
        )
        return [
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("docProps/core.xml", core),
            ("docProps/app.xml", app),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", _DOCUMENT_RELS),
            ("word/styles.xml", _STYLES),
            ("word/settings.xml", settings),
            ("word/header1.xml", self._part("hdr", self.header)),
            ("word/footer1.xml", self._part("ftr", self.footer)),
        ]

    def to_bytes(self) -> bytes:
        import io

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, text in self.parts():
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, text.encode("utf-8"))
        return buffer.getvalue()

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.to_bytes())
