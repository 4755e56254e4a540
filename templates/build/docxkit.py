"""Small WordprocessingML builders shared by the template build scripts.

The templates are written as raw XML and zipped here rather than saved through python-docx:
python-docx stamps the current time into every zip entry and ships a default template full of
parts a form does not need, so two builds would never be byte-identical. Writing the parts
ourselves keeps every rebuild reproducible (fixed zip timestamps, fixed core properties, fixed
content-control ids) and lets us emit the exact markup real LA forms carry: content controls
with placeholder text, legacy form fields with their bookmarks, glyph checkboxes, shaded label
cells and PAGE/NUMPAGES fields.

Everything here returns XML *strings*; callers concatenate them. Text is always escaped here,
so callers pass plain text.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

# --- namespaces (ECMA-376 part 1, and the Word 2010 extension for checkbox controls) ---------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NS_DECL = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    f'xmlns:w14="{W14}" mc:Ignorable="w14"'
)

#: Fixed so that rebuilding a template gives identical bytes (zip entries and core.xml).
FIXED_ZIP_TIME = (2025, 9, 1, 0, 0, 0)
FIXED_W3CDTF = "2025-09-01T00:00:00Z"

# A4 portrait with 1.27 cm ("narrow") margins, the layout most LA forms use for wide tables.
PAGE_W, PAGE_H, MARGIN = 11906, 16838, 720
TEXT_W = PAGE_W - 2 * MARGIN  # 10466 twips of usable width

LABEL_FILL = "D9D9D9"  # the grey of shaded label cells
PLACEHOLDER_TEXT = "Click or tap here to enter text."
PLACEHOLDER_DATE = "Click or tap to enter a date."
PLACEHOLDER_CHOICE = "Choose an item."
BOX_EMPTY, BOX_TICKED = "\u2610", "\u2612"  # ☐ ☒
EN_SPACES = "\u2002" * 5  # what Word shows in an empty legacy text field


def xml_text(text: str) -> str:
    return escape(text, {'"': "&quot;"})


# --- runs and paragraphs ---------------------------------------------------------------------


def rpr(
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    color: str | None = None,
    font: str | None = None,
    style: str | None = None,
    caps: bool = False,
) -> str:
    """Run properties in schema order (rStyle, rFonts, b, i, caps, color, sz)."""
    parts = []
    if style:
        parts.append(f'<w:rStyle w:val="{style}"/>')
    if font:
        parts.append(
            f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
        )
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, **fmt: object) -> str:
    """One run. Jinja tags are always passed as a whole run so docxtpl needs no repair."""
    return f'<w:r>{rpr(**fmt)}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'  # type: ignore[arg-type]


def tab_run() -> str:
    return "<w:r><w:tab/></w:r>"


def para(
    *content: str,
    style: str | None = None,
    align: str | None = None,
    after: int | None = None,
    before: int | None = None,
    keep_next: bool = False,
    tabs: Sequence[tuple[str, int]] = (),
    shade: str | None = None,
) -> str:
    """A paragraph; ``content`` items starting with ``<`` are XML, anything else becomes a run."""
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
    if shade:
        ppr.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>')
    if tabs:
        stops = "".join(f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in tabs)
        ppr.append(f"<w:tabs>{stops}</w:tabs>")
    if after is not None or before is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{before}"'
        if after is not None:
            attrs += f' w:after="{after}"'
        ppr.append(f"<w:spacing{attrs}/>")
    if align:
        ppr.append(f'<w:jc w:val="{align}"/>')
    body = "".join(c if c.startswith("<") else run(c) for c in content)
    props = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{props}{body}</w:p>"


def guidance(text: str) -> str:
    """The italic instruction line LA forms put under a section heading."""
    # keepNext: the guidance stays on the page of the table it introduces
    return para(run(text, italic=True, size=18, color="404040"), after=60, keep_next=True)


def field_runs(instruction: str, shown: str, **fmt: object) -> str:
    """A complex field (PAGE, NUMPAGES): begin, instruction, separate, cached result, end."""
    props = rpr(**fmt)  # type: ignore[arg-type]
    return (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{props}<w:t>{xml_text(shown)}</w:t></w:r>"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )


# --- tables ----------------------------------------------------------------------------------


def cell(
    *blocks: str,
    width: int,
    fill: str | None = None,
    span: int = 1,
    valign: str | None = None,
) -> str:
    """A table cell; a cell must hold at least one paragraph, so an empty one gets one."""
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    if valign:
        tcpr += f'<w:vAlign w:val="{valign}"/>'
    content = "".join(blocks) or para()
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content}</w:tc>"


def row(*cells: str, header: bool = False, height: int | None = None) -> str:
    trpr = "<w:cantSplit/>"
    if height:
        # "at least": a row never hides a long answer (an exact row cuts it off in print)
        trpr += f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>'
    if header:
        trpr += "<w:tblHeader/>"  # repeat the header row on each page, as Word forms do
    return f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>"


def table(rows: Iterable[str], widths: Sequence[int], *, borders: bool = True) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    total = sum(widths)
    if borders:
        edge = 'w:val="single" w:sz="4" w:space="0" w:color="808080"'
        border_xml = (
            f"<w:tblBorders><w:top {edge}/><w:left {edge}/><w:bottom {edge}/><w:right {edge}/>"
            f"<w:insideH {edge}/><w:insideV {edge}/></w:tblBorders>"
        )
    else:
        border_xml = ""
    tblpr = (
        f'<w:tblStyle w:val="TableGrid"/><w:tblW w:w="{total}" w:type="dxa"/>{border_xml}'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    )
    if not borders:
        tblpr = tblpr.replace('<w:tblStyle w:val="TableGrid"/>', "")
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def answers_hint(columns: Sequence[tuple[str, Sequence[str] | None]]) -> str:
    """The italic line over a table saying what its coded columns accept: for each (header,
    accepted answers; ``None`` for yes/no) "Area: Literacy, Numeracy or Other". A table row
    typed as text has no drop-down of its own (a Jinja table is rendered, and legacy
    drop-downs work only in a part protected for filling in forms)."""
    parts = []
    for header, answers in columns:
        listed = list(answers) if answers is not None else ["Yes", "No"]
        words = ", ".join(listed[:-1]) + f" or {listed[-1]}" if len(listed) > 1 else listed[0]
        parts.append(f"{header.rstrip('?:')}: {words}")
    return guidance("Answers: " + "; ".join(parts) + ".")


def spacer(after: int = 120) -> str:
    """An empty paragraph: Word merges two adjacent tables into one without it."""
    return para(after=after)


def label_cell(text: str, width: int, *, span: int = 1, fill: str = LABEL_FILL) -> str:
    return cell(para(run(text, bold=True, size=18)), width=width, fill=fill, span=span)


def heading_row(text: str, total_cols: int, width: int, *, fill: str, color: str) -> str:
    """A section heading as a shaded row spanning the table (one long-table forms)."""
    return row(
        cell(
            para(run(text, bold=True, size=22, color=color), keep_next=True),
            width=width,
            fill=fill,
            span=total_cols,
        )
    )


# --- content controls (w:sdt) ----------------------------------------------------------------


@dataclass
class Ids:
    """Deterministic ids for content controls, bookmarks and drawings within one document."""

    next_id: int = 1000

    def take(self) -> int:
        self.next_id += 1
        return self.next_id


def _sdt(props: str, content_runs: str) -> str:
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content_runs}</w:sdtContent></w:sdt>"


def _names(tag: str | None, alias: str | None, ids: Ids) -> str:
    out = ""
    if alias:
        out += f'<w:alias w:val="{xml_text(alias)}"/>'
    if tag:
        out += f'<w:tag w:val="{xml_text(tag)}"/>'
    return out + f'<w:id w:val="{ids.take()}"/>'


def _placeholder_run(text: str, size: int | None = None) -> str:
    return run(text, style="PlaceholderText", size=size)


def sdt_text(
    ids: Ids,
    tag: str | None,
    alias: str | None,
    *,
    placeholder: str = PLACEHOLDER_TEXT,
    content: str | None = None,
    multiline: bool = False,
    size: int | None = None,
) -> str:
    """A run-level plain-text control, empty (showing its placeholder) unless ``content``."""
    props = _names(tag, alias, ids)
    if content is None:
        props += "<w:showingPlcHdr/>"
        body = _placeholder_run(placeholder, size)
    else:
        body = run(content, size=size)
    props += '<w:text w:multiLine="1"/>' if multiline else "<w:text/>"
    return _sdt(props, body)


def sdt_rich_block(
    ids: Ids,
    tag: str | None,
    alias: str | None,
    *,
    placeholder: str = PLACEHOLDER_TEXT,
    paragraphs: Sequence[str] | None = None,
) -> str:
    """A block-level rich-text control holding whole paragraphs (a long answer box), empty
    (one paragraph showing its placeholder) unless ``paragraphs`` (paragraph XML) are given.

    Long answers go in these rather than in a multi-line plain-text control: each line is a
    paragraph, which every editor keeps when it re-saves the form (LibreOffice moves the line
    breaks of a plain-text control out of it, gluing the lines together)."""
    props = _names(tag, alias, ids)
    if paragraphs is None:
        props += "<w:showingPlcHdr/>"
        body = para(_placeholder_run(placeholder))
    else:
        body = "".join(paragraphs)
    return _sdt(props + "<w:richText/>", body)


def sdt_date(ids: Ids, tag: str | None, alias: str | None, *, size: int | None = None) -> str:
    """A date picker shown as dd/MM/yyyy, the UK day-first order forms print."""
    props = (
        _names(tag, alias, ids)
        + "<w:showingPlcHdr/>"
        + '<w:date><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="en-GB"/>'
        '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
    )
    return _sdt(props, _placeholder_run(PLACEHOLDER_DATE, size))


def sdt_dropdown(
    ids: Ids,
    tag: str | None,
    alias: str | None,
    items: Sequence[str],
    *,
    size: int | None = None,
    content: str | None = None,
) -> str:
    """A drop-down list; like Word's own, each item's value equals its display text and the
    first, empty-valued item is the "Choose an item." prompt. Empty (showing the prompt)
    unless ``content`` (a Jinja template's ``{{ }}`` tag, which renders one of the items)."""
    entries = f'<w:listItem w:displayText="{PLACEHOLDER_CHOICE}" w:value=""/>' + "".join(
        f'<w:listItem w:displayText="{xml_text(i)}" w:value="{xml_text(i)}"/>' for i in items
    )
    listing = f"<w:dropDownList>{entries}</w:dropDownList>"
    if content is not None:
        return _sdt(_names(tag, alias, ids) + listing, run(content, size=size))
    props = _names(tag, alias, ids) + "<w:showingPlcHdr/>" + listing
    return _sdt(props, _placeholder_run(PLACEHOLDER_CHOICE, size))


def sdt_checkbox(ids: Ids, tag: str | None, alias: str | None, *, size: int = 22) -> str:
    """A Word 2010 checkbox control (w14:checkbox), unticked, drawn with MS Gothic glyphs."""
    props = (
        _names(tag, alias, ids) + '<w14:checkbox><w14:checked w14:val="0"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
    )
    return _sdt(props, run(BOX_EMPTY, font="MS Gothic", size=size))


# --- legacy form fields (Word 97-2003 FORMTEXT / FORMCHECKBOX / FORMDROPDOWN) ----------------


def _bookmarked(ids: Ids, name: str, field_xml: str) -> str:
    # Word mirrors each legacy field's name in a bookmark around the field.
    bid = ids.take()
    return (
        f'<w:bookmarkStart w:id="{bid}" w:name="{xml_text(name)}"/>'
        f'{field_xml}<w:bookmarkEnd w:id="{bid}"/>'
    )


def legacy_text(ids: Ids, name: str, *, help_text: str = "", size: int | None = None) -> str:
    """A FORMTEXT field showing the five en-spaces Word puts in an empty one."""
    props = rpr(size=size)
    stat = f'<w:statusText w:type="text" w:val="{xml_text(help_text)}"/>' if help_text else ""
    ffdata = (
        f'<w:ffData><w:name w:val="{xml_text(name)}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f"{stat}<w:textInput/></w:ffData>"
    )
    field_xml = (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin">{ffdata}</w:fldChar></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:rPr><w:noProof/>{props[7:-8]}</w:rPr><w:t>{EN_SPACES}</w:t></w:r>"
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    return _bookmarked(ids, name, field_xml)


def legacy_checkbox(ids: Ids, name: str, *, size: int = 20) -> str:
    """A FORMCHECKBOX: its state lives only in ffData (w:default 0 = unticked)."""
    props = rpr(size=size)
    ffdata = (
        f'<w:ffData><w:name w:val="{xml_text(name)}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        '<w:checkBox><w:sizeAuto/><w:default w:val="0"/></w:checkBox></w:ffData>'
    )
    field_xml = (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin">{ffdata}</w:fldChar></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    return _bookmarked(ids, name, field_xml)


def legacy_dropdown(ids: Ids, name: str, entries: Sequence[str], *, size: int | None = None) -> str:
    """A FORMDROPDOWN; ``w:result`` 0 selects the first entry, so entry 0 is a blank prompt."""
    props = rpr(size=size)
    listing = "".join(f'<w:listEntry w:val="{xml_text(e)}"/>' for e in entries)
    ffdata = (
        f'<w:ffData><w:name w:val="{xml_text(name)}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:ddList><w:result w:val="0"/>{listing}</w:ddList></w:ffData>'
    )
    field_xml = (
        f'<w:r>{props}<w:fldChar w:fldCharType="begin">{ffdata}</w:fldChar></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r>{props}<w:t xml:space="preserve">{xml_text(entries[0])}</w:t></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
    )
    return _bookmarked(ids, name, field_xml)


def glyph_options(labels: Sequence[str], *, size: int = 20, gap: str = "   ") -> list[str]:
    """Typed ☐ boxes, each followed by its label: the "fake checkbox" of older forms."""
    runs: list[str] = []
    for n, label in enumerate(labels):
        runs.append(run(BOX_EMPTY, font="Segoe UI Symbol", size=size))
        runs.append(run(f" {label}" + (gap if n < len(labels) - 1 else ""), size=size))
    return runs


# --- images ----------------------------------------------------------------------------------

Pixel = tuple[int, int, int, int]


def png_bytes(
    width: int, height: int, paint: Callable[[float, float], Pixel], ss: int = 3
) -> bytes:
    """An RGBA PNG drawn by ``paint(x, y)`` (unit square coordinates), ``ss``x``ss``
    supersampled so edges are smooth; pure zlib/struct so no imaging library is needed."""
    raw = bytearray()
    for py in range(height):
        raw.append(0)  # filter type None for every scanline
        for px in range(width):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    r, g, b, a = paint(
                        (px + (sx + 0.5) / ss) / width, (py + (sy + 0.5) / ss) / height
                    )
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3]
            if alpha:
                raw += bytes(
                    (acc[0] // alpha, acc[1] // alpha, acc[2] // alpha, alpha // (ss * ss))
                )
            else:
                raw += b"\0\0\0\0"

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def image_inline(rel_id: str, ids: Ids, cx_cm: float, cy_cm: float, name: str) -> str:
    """An inline picture run (DrawingML), sized in centimetres."""
    cx, cy = int(cx_cm * 360000), int(cy_cm * 360000)
    pid = ids.take()
    return (
        "<w:r><w:drawing>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="{pid}" name="{xml_text(name)}" descr="{xml_text(name)}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{pid}" name="{xml_text(name)}"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/>'
        '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


# --- package parts ---------------------------------------------------------------------------

_PARTS = Path(__file__).resolve().parent / "parts"


def _part_text(name: str) -> str:
    """Fixed XML parts kept as files beside this module (styles carry colour slots)."""
    return (_PARTS / name).read_text(encoding="utf-8").rstrip("\n")


STYLES = _part_text("styles.xml")

CONTENT_TYPES = _part_text("content_types.xml")

ROOT_RELS = _part_text("root.rels")

DOCUMENT_RELS = _part_text("document.xml.rels")

HEADER_RELS = _part_text("header.xml.rels")


@dataclass
class Package:
    """Everything one .docx template needs; ``write`` zips it reproducibly."""

    title: str
    creator: str
    body: list[str] = field(default_factory=list)
    header: str = ""
    footer: str = ""
    logo_png: bytes = b""
    protect_forms: bool = False
    #: with forms protection on, leave the last section editable as ordinary text (older LA
    #: forms protect the legacy-field part and let people type freely in the rest)
    last_section_unprotected: bool = False
    title_color: str = "1F3864"
    heading_color: str = "1F3864"
    description: str = ""

    def add(self, *blocks: str) -> None:
        self.body.extend(blocks)

    def document_xml(self) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {NS_DECL}><w:body>{''.join(self.body)}"
            f"{section_properties(form_protected=not self.last_section_unprotected)}"
            "</w:body></w:document>"
        )

    def _part(self, root: str, content: str) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:{root} {NS_DECL}>{content}</w:{root}>"
        )

    def settings_xml(self) -> str:
        # Element order follows CT_Settings; Word rejects settings in the wrong order.
        protection = (
            '<w:documentProtection w:edit="forms" w:enforcement="1"/>' if self.protect_forms else ""
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/>{protection}'
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            "</w:settings>"
        )

    def core_xml(self) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
            'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{xml_text(self.title)}</dc:title>"
            f"<dc:subject>Personal Education Plan</dc:subject>"
            f"<dc:creator>{xml_text(self.creator)}</dc:creator>"
            f"<dc:description>{xml_text(self.description)}</dc:description>"
            f"<cp:lastModifiedBy>{xml_text(self.creator)}</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_W3CDTF}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_W3CDTF}</dcterms:modified>'
            "</cp:coreProperties>"
        )

    def app_xml(self) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>pepdocs template build</Application>'
            "<DocSecurity>0</DocSecurity></Properties>"
        )

    def parts(self) -> list[tuple[str, bytes]]:
        styles = STYLES.replace("{title}", self.title_color).replace(
            "{heading}", self.heading_color
        )
        text_parts = [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("docProps/core.xml", self.core_xml()),
            ("docProps/app.xml", self.app_xml()),
            ("word/document.xml", self.document_xml()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/styles.xml", styles),
            ("word/settings.xml", self.settings_xml()),
            ("word/header1.xml", self._part("hdr", self.header)),
            ("word/_rels/header1.xml.rels", HEADER_RELS),
            ("word/footer1.xml", self._part("ftr", self.footer)),
        ]
        out = [(name, text.encode("utf-8")) for name, text in text_parts]
        out.append(("word/media/logo.png", self.logo_png))
        return out

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with zipfile.ZipFile(tmp, "w") as zf:
            for name, data in self.parts():
                info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, data)
        tmp.replace(path)


def section_properties(*, form_protected: bool = True, continuous: bool = False) -> str:
    """A section's page setup, header and footer; ``formProt`` 0 exempts the section from
    "filling in forms" protection (Word: Restrict Editing > Select sections)."""
    kind = '<w:type w:val="continuous"/>' if continuous else ""
    prot = "" if form_protected else '<w:formProt w:val="0"/>'
    return (
        '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
        f'<w:footerReference w:type="default" r:id="rId4"/>{kind}'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN + 560}" w:right="{MARGIN}" w:bottom="{MARGIN + 280}" '
        f'w:left="{MARGIN}" w:header="425" w:footer="340" w:gutter="0"/>'
        f'<w:cols w:space="708"/>{prot}<w:docGrid w:linePitch="360"/></w:sectPr>'
    )


def section_break(*, form_protected: bool) -> str:
    """A paragraph ending a section (continuous: no page break) with the given protection."""
    props = section_properties(form_protected=form_protected, continuous=True)
    return f"<w:p><w:pPr>{props}</w:pPr></w:p>"


# --- header and footer in LA house style -----------------------------------------------------


def standard_header(
    ids: Ids, authority: str, service: str, *, accent: str, logo_cm: float = 1.6
) -> str:
    """Logo and authority name on the left, the protective marking on the right."""
    left = cell(
        para(image_inline("rId1", ids, logo_cm, logo_cm, f"{authority} logo"), after=0),
        width=1300,
        valign="center",
    )
    middle = cell(
        para(run(authority, bold=True, size=28, color=accent), after=0),
        para(run(service, size=18, color="404040"), after=0),
        width=6166,
        valign="center",
    )
    right = cell(
        para(run("OFFICIAL-SENSITIVE", bold=True, size=20, color="C00000"), align="right"),
        width=3000,
        valign="center",
    )
    return table([row(left, middle, right)], [1300, 6166, 3000], borders=False) + para(after=0)


def standard_footer(form_ref: str) -> str:
    """Protective marking again (it must show on every page) and "Page X of Y"."""
    return para(
        run("OFFICIAL-SENSITIVE", bold=True, color="C00000", size=16),
        align="center",
        after=0,
    ) + para(
        run(form_ref, size=16, color="595959"),
        tab_run(),
        tab_run(),
        run("Page ", size=16),
        field_runs("PAGE", "1", size=16),
        run(" of ", size=16),
        field_runs("NUMPAGES", "1", size=16),
        style="Footer",
    )


def shade_fn(color: str) -> Pixel:
    c = int(color, 16)
    return ((c >> 16) & 255, (c >> 8) & 255, c & 255, 255)


TRANSPARENT: Pixel = (0, 0, 0, 0)
