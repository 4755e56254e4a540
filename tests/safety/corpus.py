"""The hostile and broken input corpus, built in code (nothing binary is checked in).

Each builder returns the bytes of one file as it might arrive by email from a school. Sizes
stay small on disk: the zip bomb is a few hundred kilobytes that claims 65 MB, the XML bomb
a few hundred bytes that would expand to gigabytes.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import docx

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def small_form() -> bytes:
    """A small valid Word form: a heading, a label table and a targets table."""
    document = docx.Document()
    document.add_heading("Personal Education Plan", level=1)
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in enumerate(
        [("First name", "Zephyrine"), ("Last name", "Quillfeather"), ("UPN", "B801200005001")]
    ):
        table.cell(row, 0).text = label
        table.cell(row, 1).text = value
    targets = document.add_table(rows=2, cols=3)
    for column, header in enumerate(["Target", "Lead person", "By when"]):
        targets.cell(0, column).text = header
    for column, text in enumerate(["Read daily", "Class teacher", "20/12/2025"]):
        targets.cell(1, column).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _members(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _zip(members: dict[str, bytes] | list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    items = members.items() if isinstance(members, dict) else members
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return buffer.getvalue()


def with_part(name: str, data: bytes, base: bytes | None = None) -> bytes:
    """``base`` (the small form by default) with part ``name`` replaced or added."""
    members = _members(base if base is not None else small_form())
    members[name] = data
    return _zip(members)


def with_document_xml(xml: bytes) -> bytes:
    return with_part("word/document.xml", xml)


# -- the items ------------------------------------------------------------------------------


def empty_file() -> bytes:
    return b""


def pdf_named_docx() -> bytes:
    return minimal_pdf()


def text_named_docx() -> bytes:
    return b"Dear DT,\r\nPlease find the PEP attached.\r\n"


def truncated_zip() -> bytes:
    whole = small_form()
    return whole[: len(whole) // 2]


def zip_bomb() -> bytes:
    """A form with an extra 65 MB part of zeros, deflated to ~64 KB (declared size > cap)."""
    return _with_zero_part("word/media/image1.png", 65 * 1024 * 1024)


def ratio_bomb() -> bytes:
    """A 10 MB part of zeros (under the size cap) at ~1000:1, over the ratio cap."""
    return _with_zero_part("word/media/image1.png", 10 * 1024 * 1024)


def _with_zero_part(name: str, size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in _members(small_form()).items():
            archive.writestr(member, data)
        # streamed in 1 MB chunks: the test never holds the expanded part in memory
        with archive.open(name, "w", force_zip64=True) as part:
            chunk = bytes(1024 * 1024)
            for _ in range(size // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


def lying_size_bomb() -> bytes:
    """document.xml declares 2 KB but inflates to 8 MB: sizes in the headers are patched."""
    xml = b"<w:document xmlns:w='" + WORD_NS.encode() + b"'><w:body>" + b" " * (8 << 20)
    members = _members(small_form())
    members["word/document.xml"] = xml
    data = bytearray(_zip(members))
    _patch_declared_size(data, b"word/document.xml", 2048)
    return bytes(data)


def _patch_declared_size(data: bytearray, name: bytes, size: int) -> None:
    """Overwrite the uncompressed size of member ``name`` in its local and central headers."""
    position = 0
    while True:
        position = data.find(b"PK\x03\x04", position)
        if position < 0:
            break
        name_length = struct.unpack_from("<H", data, position + 26)[0]
        if bytes(data[position + 30 : position + 30 + name_length]) == name:
            struct.pack_into("<I", data, position + 22, size)
        position += 4
    position = 0
    while True:
        position = data.find(b"PK\x01\x02", position)
        if position < 0:
            break
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if bytes(data[position + 46 : position + 46 + name_length]) == name:
            struct.pack_into("<I", data, position + 24, size)
        position += 4


def _png(marker: bytes = b"") -> bytes:
    """A 2x2 PNG; ``marker`` goes into a text chunk (to find the file's bytes elsewhere)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2)
    text = chunk(b"tEXt", b"Comment\x00" + marker) if marker else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + text
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def linked_images_docx(*targets: str) -> bytes:
    """Cause 2: a Word form whose pictures are LINKED (``r:link``, ``TargetMode="External"``)
    to ``targets`` (``http://127.0.0.1:<port>/x.png``, ``file:///...``), plus an
    ``INCLUDEPICTURE`` field to the first: what LibreOffice would fetch or read."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph("Personal Education Plan")
    for number, _ in enumerate(targets):
        document.add_picture(io.BytesIO(_png(str(number).encode())), width=Pt(20))
    buffer = io.BytesIO()
    document.save(buffer)
    members = _members(buffer.getvalue())
    xml = members["word/document.xml"].decode()
    rels = members["word/_rels/document.xml.rels"].decode()
    for number, target in enumerate(targets):
        embedded = re.findall(r'r:embed="(rId\d+)"', xml)[0]
        xml = xml.replace(f'r:embed="{embedded}"', f'r:link="rIdLink{number}"', 1)
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdLink{number}" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/image" Target="{target}" '
            'TargetMode="External"/></Relationships>',
        )
    field = (
        f"<w:p><w:fldSimple w:instr=' INCLUDEPICTURE \"{targets[0]}\" \\d '>"
        "<w:r><w:t>picture</w:t></w:r></w:fldSimple></w:p>"
    )
    xml = xml.replace("<w:sectPr", field + "<w:sectPr", 1)
    members["word/document.xml"] = xml.encode()
    members["word/_rels/document.xml.rels"] = rels.encode()
    return _zip(members)


def linked_image_odt(target: str) -> bytes:
    """Cause 2: an OpenDocument text whose only picture is linked to ``target``."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
        ' xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
        ' xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2">'
        "<office:body><office:text><text:p>Personal Education Plan</text:p><text:p>"
        '<draw:frame draw:name="photo" svg:width="2cm" svg:height="2cm" text:anchor-type="as-char">'
        f'<draw:image xlink:href="{target}" xlink:type="simple" xlink:show="embed"'
        ' xlink:actuate="onLoad"/></draw:frame></text:p></office:text></office:body>'
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return buffer.getvalue()


def _compressed_bomb(method: int, name: str = "word/document.xml") -> bytes:
    """Cause 1: ``name`` holds 200 MB of zeros compressed with ``method`` (bzip2: ~180 bytes,
    lzma: ~30 KB) and declares 4 KB: zipfile's own bzip2/lzma readers expand a whole
    compressed chunk before any size check."""
    members = _members(small_form())
    data = bytearray(_zip_with_method(members, name, method, 200 << 20))
    _patch_declared_size(data, name.encode(), 4096)
    return bytes(data)


def _zip_with_method(members: dict[str, bytes], name: str, method: int, zeros: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            if member != name:
                archive.writestr(member, data)
        info = zipfile.ZipInfo(name)
        info.compress_type = method
        with archive.open(info, "w", force_zip64=True) as part:
            chunk = bytes(8 << 20)
            for _ in range(zeros // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


def bzip2_bomb() -> bytes:
    return _compressed_bomb(zipfile.ZIP_BZIP2)


def lzma_bomb() -> bytes:
    return _compressed_bomb(zipfile.ZIP_LZMA)


def unknown_compression() -> bytes:
    """document.xml marked with compression method 99 (AES in WinZip's scheme, not Office's)."""
    data = bytearray(small_form())
    for magic, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        position = 0
        while (position := data.find(magic, position)) >= 0:
            struct.pack_into("<H", data, position + offset, 99)
            position += 4
    return bytes(data)


def _incompressible_paragraph(size: int = 96 * 1024) -> bytes:
    """A paragraph of random letters: keeps a bomb-shaped part under the 200:1 ratio cap, as
    the real attack files were (5 MB zipped)."""
    import base64
    import random

    noise = base64.b64encode(random.Random(19).randbytes(size * 3 // 4))
    return b"<w:p><w:r><w:t>" + noise + b"</w:t></w:r></w:p>"


def many_paragraphs(count: int = 1_500_000) -> bytes:
    """Cause 5: 1.5 million empty paragraphs (9 MB of XML, a few hundred KB zipped): within
    every byte limit, over the element budget."""
    body = b"<w:p/>" * count + _incompressible_paragraph()
    xml = (
        b"<w:document xmlns:w='"
        + WORD_NS.encode()
        + b"'><w:body>"
        + body
        + b"</w:body></w:document>"
    )
    return with_document_xml(xml)


def many_table_rows(count: int = 500_000) -> bytes:
    """Cause 5: half a million one-cell table rows."""
    row = b"<w:tr><w:tc><w:p/></w:tc></w:tr>"
    xml = (
        b"<w:document xmlns:w='"
        + WORD_NS.encode()
        + b"'><w:body><w:tbl>"
        + row * count
        + b"</w:tbl>"
        + _incompressible_paragraph()
        + b"</w:body></w:document>"
    )
    return with_document_xml(xml)


def many_header_parts(count: int = 1_950) -> bytes:
    """Cause 5: nearly 2,000 header parts, each with a tagged control (under the entry cap)."""
    members = _members(small_form())
    header = (
        b"<w:hdr xmlns:w='" + WORD_NS.encode() + b"'><w:sdt><w:sdtPr><w:tag w:val='x'/>"
        b"</w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt></w:hdr>"
    )
    for index in range(1, count + 1):
        members[f"word/header{index}.xml"] = header
    return _zip(members)


def corrupt_deflate() -> bytes:
    """One bit flipped in the middle of document.xml's deflate stream (CRC and sizes intact):
    zlib itself fails, below zipfile's own checks."""
    data = bytearray(small_form())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    # APPNOTE 4.3.7: a 30-byte local header, the name and the extra field, then the data;
    # flipping two bits of the first byte makes an invalid deflate block type
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start] ^= 0x03
    return bytes(data)


def many_entries() -> bytes:
    members = _members(small_form())
    members.update({f"customXml/item{index}.xml": b"<a/>" for index in range(2_500)})
    return _zip(members)


def duplicate_names() -> bytes:
    members = list(_members(small_form()).items())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns; the duplicate is the point
        return _zip([*members, ("word/document.xml", b"<shadow/>")])


def xml_bomb() -> bytes:
    """Billion laughs in word/document.xml."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{level} "{("&lol" + (str(level - 1) if level > 1 else "") + ";") * 10}">'
        for level in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{WORD_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return with_document_xml(xml.encode())


def late_doctype_bomb() -> bytes:
    """The DTD hidden after 10 KB of comment, past any prefix scan."""
    xml = (
        '<?xml version="1.0"?><!--' + "x" * 10_000 + "-->"
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{WORD_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return with_document_xml(xml.encode())


def external_entity() -> bytes:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{WORD_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return with_document_xml(xml.encode())


def malformed_xml() -> bytes:
    return with_document_xml(
        f'<w:document xmlns:w="{WORD_NS}"><w:body><w:p><w:r><w:t>Zephyrine</w:body>'.encode()
    )


def control_characters_xml() -> bytes:
    """A raw vertical tab and NUL inside a value (what a broken export leaves behind)."""
    return with_document_xml(
        f'<w:document xmlns:w="{WORD_NS}"><w:body><w:p><w:r><w:t>Zeph\x0byr\x00ine</w:t>'
        "</w:r></w:p></w:body></w:document>".encode()
    )


def big_table(rows: int = 20_000) -> bytes:
    """A valid form whose targets table has ``rows`` rows (built as XML: python-docx would
    take minutes to add them one by one)."""
    document = docx.Document()
    document.add_paragraph("Personal Education Plan")
    table = document.add_table(rows=2, cols=3)
    for column, header in enumerate(["Target", "Lead person", "By when"]):
        table.cell(0, column).text = header
    for column, text in enumerate(["Target ROW", "Lead ROW", "20/12/2025"]):
        table.cell(1, column).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    xml = _members(buffer.getvalue())["word/document.xml"].decode()
    start = xml.rfind("<w:tr>", 0, xml.index("Target ROW"))
    if start < 0:
        start = xml.rfind("<w:tr ", 0, xml.index("Target ROW"))
    end = xml.index("</w:tr>", xml.index("Target ROW")) + len("</w:tr>")
    row = xml[start:end]
    body = "".join(row.replace("ROW", str(number)) for number in range(rows))
    return with_part(
        "word/document.xml", (xml[:start] + body + xml[end:]).encode(), buffer.getvalue()
    )


def _macro_package(base: bytes, content_type: str, main: str) -> bytes:
    members = _members(base)
    members["word/vbaProject.bin" if main.startswith("word") else "xl/vbaProject.bin"] = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    )
    types = members["[Content_Types].xml"].decode()
    types = types.replace(
        'PartName="/' + main + '" ContentType="', 'PartName="/' + main + '" ContentType="X'
    )
    types = types.replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    types = types.replace(
        'ContentType="X' + _main_type(types, main), f'ContentType="{content_type}'
    )
    members["[Content_Types].xml"] = types.encode()
    return _zip(members)


def _main_type(types: str, main: str) -> str:
    start = types.index('PartName="/' + main + '" ContentType="X') + len(
        'PartName="/' + main + '" ContentType="X'
    )
    return types[start : types.index('"', start)]


def docm_named_docx() -> bytes:
    return _macro_package(
        small_form(),
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "word/document.xml",
    )


def macro_content_type_only() -> bytes:
    """Macro content type declared, vbaProject.bin renamed: caught by the content type."""
    members = _members(docm_named_docx())
    members["word/other.bin"] = members.pop("word/vbaProject.bin")
    return _zip(members)


def xlsm_named_xlsx() -> bytes:
    return _macro_package(
        small_workbook(),
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "xl/workbook.xml",
    )


def small_workbook() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "First name"
    sheet["B1"] = "Zephyrine"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def truncated_workbook() -> bytes:
    whole = small_workbook()
    return whole[: len(whole) // 2]


def workbook_xml_bomb() -> bytes:
    """Billion laughs in the first worksheet."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{level} "{("&a" + (str(level - 1) if level > 1 else "") + ";") * 10}">'
        for level in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    return with_part("xl/worksheets/sheet1.xml", xml.encode(), small_workbook())


def workbook_cell_bomb(rows: int = 300_000) -> bytes:
    """A sheet of ~22 MB of cells (~2.3 MB zipped): within the zip caps, too big for a form."""
    cells = "".join(
        f'<row r="{row}"><c r="A{row}"><v>1</v></c><c r="B{row}"><v>2</v></c></row>'
        for row in range(1, rows + 1)
    )
    xml = (
        '<?xml version="1.0"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{cells}</sheetData></worksheet>"
    )
    return with_part("xl/worksheets/sheet1.xml", xml.encode(), small_workbook())


def _sheet(body: str, before: str = "", after: str = "") -> str:
    return (
        '<?xml version="1.0"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{before}<sheetData>{body}</sheetData>{after}</worksheet>"
    )


def workbook_far_cell(ref: str = "XFD1048576") -> bytes:
    """Cause 4: a 20 KB workbook with one cell at ``ref``: openpyxl walks every position up
    to it (XFD1048576: 17 billion)."""
    row = int("".join(ch for ch in ref if ch.isdigit()))
    body = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>First name</t></is></c></row>'
        f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'
    )
    return with_part("xl/worksheets/sheet1.xml", _sheet(body).encode(), small_workbook())


def workbook_whole_sheet_merge() -> bytes:
    """Cause 4: one merge over the whole sheet (openpyxl makes a MergedCell per position)."""
    body = '<row r="1"><c r="A1"><v>1</v></c></row>'
    merge = '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
    xml = _sheet(body, after=merge)
    return with_part("xl/worksheets/sheet1.xml", xml.encode(), small_workbook())


def roster_claiming_every_row(rows: int = 3) -> bytes:
    """Cause 4: a roster workbook whose ``dimension`` claims A1:Z1048576 over three real rows
    (openpyxl's read-only mode believes the claim and walks a million empty rows)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["LA Child ID", "UPN", "First name", "Last name", "Date of birth", "Authority"])
    for number in range(1, rows + 1):
        sheet.append(
            [f"C{number:04d}", "", "Zephyrine", "Quillfeather", "2014-03-09", "eastborough"]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    members = _members(buffer.getvalue())
    xml = members["xl/worksheets/sheet1.xml"]
    start = xml.index(b"<dimension")
    end = xml.index(b"/>", start) + 2
    members["xl/worksheets/sheet1.xml"] = (
        xml[:start] + b'<dimension ref="A1:Z1048576"/>' + xml[end:]
    )
    return _zip(members)


def roster_with_a_far_row() -> bytes:
    """Cause 4: a roster whose last cell sits on row 1,048,576."""
    data = roster_claiming_every_row()
    members = _members(data)
    xml = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = xml.replace(
        b"</sheetData>", b'<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>'
    )
    return _zip(members)


def ole2_encrypted() -> bytes:
    """The start of an [MS-OFFCRYPTO] encrypted package: an OLE2 file with the
    EncryptedPackage and EncryptionInfo streams in its directory."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
        for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    return header + directory


def ole2_plain_doc() -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    return header + "WordDocument".encode("utf-16-le").ljust(128, b"\x00")


def zip_slip() -> bytes:
    members = list(_members(small_form()).items())
    return _zip([*members, ("../evil.txt", b"owned"), ("/abs/evil.txt", b"owned")])


# -- PDFs ------------------------------------------------------------------------------------


def build_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF from numbered objects (1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def pdf_with_actions() -> bytes:
    """Cause 12: an attachment that runs JavaScript when opened (/OpenAction, the catalog's
    and the page's /AA, the /Names JavaScript tree) and launches a program from a link."""
    script = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /AA << /WC 5 0 R >>"
            b" /Names << /JavaScript << /Names [(run) 5 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R]"
            b" /AA << /O 5 0 R >> >>",
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 6 0 R >>",
            script,
            b"<< /S /Launch /F (calc.exe) /Next 5 0 R >>",
        ]
    )


def minimal_pdf() -> bytes:
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ]
    )


def pdf_form(first_name: str = "Zephyrine", checked: bool = True) -> bytes:
    """A one-page AcroForm: a text field and a checkbox whose on-state is /1 (not /Yes)."""
    state = b"/1" if checked else b"/Off"
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R 5 0 R] >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R 5 0 R] >>",
            b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (child.first_name) /V ("
            + first_name.encode("latin-1")
            + b") /Rect [10 10 100 30] /P 3 0 R >>",
            b"<< /Type /Annot /Subtype /Widget /FT /Btn /T (camhs) /V "
            + state
            + b" /AS "
            + state
            + b" /Rect [10 40 30 60] /P 3 0 R /AP << /N << /1 6 0 R /Off 6 0 R >> >> >>",
            b"<< /Length 0 >>\nstream\n\nendstream",
        ]
    )


def pdf_value_stream(first_name: str = "Zephyrine", field: str = "child.first_name") -> bytes:
    """Cause 10: a text field whose /V is a text stream (ISO 32000-1 allows it), not a string."""
    text = first_name.encode("latin-1")
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] >>",
            b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (" + field.encode() + b") /V 5 0 R"
            b" /Rect [10 10 100 30] /P 3 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        ]
    )


def pdf_updated_value(
    shown: str = "Zephyrine", stored: str = "Mallory", name: str = "child.first_name"
) -> bytes:
    """Cause 10: a filled form (its appearance draws ``shown``) with an incremental update
    appended that changes only the stored /V to ``stored``: viewers that draw the appearance
    show one name, a reader of /V gets another."""
    appearance = b"BT /Helv 10 Tf 2 5 Td (" + shown.encode("latin-1") + b") Tj ET"
    field = (
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (" + name.encode() + b") /V (%s)"
        b" /Rect [10 10 100 30] /P 3 0 R /AP << /N 5 0 R >> >>"
    )
    base = build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] >>",
            field % shown.encode("latin-1"),
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 90 20] /Length %d >>\nstream\n"
            % len(appearance)
            + appearance
            + b"\nendstream",
        ]
    )
    previous = int(base.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    offset = len(base)
    update = b"4 0 obj\n" + field % stored.encode("latin-1") + b"\nendobj\n"
    xref = offset + len(update)
    update += b"xref\n4 1\n%010d 00000 n \n" % offset
    update += b"trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        previous,
        xref,
    )
    return base + update


def pdf_shared_content(pages: int = 400, size: int = 7 * 1024 * 1024) -> bytes:
    """Cause 3: ``pages`` pages sharing one content stream of ``size`` bytes of text
    operators (a few hundred KB compressed): each page's text extraction parses all of it."""
    operators = b"BT /F1 8 Tf 10 10 Td (Zephyrine) Tj ET\n"
    content = zlib.compress(operators * (size // len(operators)), 9)
    kids = b" ".join(b"%d 0 R" % (5 + index) for index in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R"
        b" /Resources << /Font << /F1 4 0 R >> >> >>"
    ] * pages
    return build_pdf(objects)


def encrypted_pdf(password: str = "correct horse") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_form())))
    writer.encrypt(password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_page_tree_loop() -> bytes:
    """The page tree lists itself as a kid: a naive walker never ends."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R >>",
        ]
    )


def pdf_field_parent_loop() -> bytes:
    """A form field that is its own parent and kid."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
            b"<< /T (a) /FT /Tx /Kids [4 0 R] /Parent 4 0 R >>",
        ]
    )


def pdf_xref_prev_loop() -> bytes:
    """The trailer's /Prev points back at its own xref table."""
    base = minimal_pdf()
    xref = base.rindex(b"xref\n")
    return base.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref)


def pdf_truncated() -> bytes:
    whole = pdf_form()
    return whole[: len(whole) // 2]


def pdf_dynamic_xfa() -> bytes:
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /NeedsRendering true "
            b"/AcroForm << /Fields [] /XFA 4 0 R >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
            b"<< /Length 9 >>\nstream\n<xdp:xdp/>\nendstream",
        ]
    )


def pdf_flate_bomb() -> bytes:
    """A page content stream that inflates from ~100 KB to 100 MB."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    compressed = b"".join(compressor.compress(chunk) for _ in range(100)) + compressor.flush()
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed)
            + compressed
            + b"\nendstream",
        ]
    )


# -- a PEP whose every personal value is distinctive -------------------------------------

#: the personal values of :func:`distinctive_pep`: none may appear in a message, a log or a
#: redacted copy
DISTINCTIVE_VALUES = [
    "Zephyrine",
    "Quillfeather",
    "Marigold",
    "Zeph",
    "Bartholomew Fennimore",
    "Fennimore",
    "Ottoline Vasquez-Brandt",
    "Vasquez-Brandt",
    "Percival Thorne",
    "Thorne",
    "Griselda Oakenshaw",
    "Oakenshaw",
    "Ignatius Plum",
    "Hortensia Wilde",
    "Wilde",
    "Ramsbottom",
    "2014-05-17",
    "17/05/2014",
    "B801200005001",
    "1000000043",
    "LA-4242",
    "01632 960000",
    "07700 900555",
    "bart@fennimore.example.com",
    "ottoline.vb@eastborough.gov.uk",
    "g.oakenshaw@school.sch.uk",
    "EHCP-77123",
]


def distinctive_pep() -> dict[str, Any]:
    """A valid school-age PEP for eastborough in which every name, date of birth,
    identifier and contact detail is unusual enough to be found in any text."""
    return {
        "schema_version": "1",
        "meta": {
            "pep_id": "PEP-0001",
            "authority": "eastborough",
            "phase": "school_age",
            "pep_type": "review",
            "academic_year": "2025-26",
            "term": "autumn",
            "meeting_date": "2025-10-08",
            "completed_by": "Griselda Oakenshaw",
        },
        "child": {
            "first_name": "Zephyrine",
            "middle_names": "Marigold",
            "last_name": "Quillfeather",
            "preferred_name": "Zeph",
            "date_of_birth": "2014-05-17",
            "gender": "F",
            "upn": "B801200005001",
            "uln": "1000000043",
            "la_child_id": "LA-4242",
        },
        "care": {
            "legal_status": "C2",
            "carer": {
                "name": "Bartholomew Fennimore",
                "phone": "01632 960000",
                "email": "bart@fennimore.example.com",
            },
            "social_worker": {
                "name": "Ottoline Vasquez-Brandt",
                "email": "ottoline.vb@eastborough.gov.uk",
                "phone": "07700 900555",
                "team": "Children in Care 2",
            },
            "iro": {"name": "Percival Thorne"},
        },
        "education": {
            "setting_name": "Example Primary School",
            "ncy": "6",
            "designated_teacher": {
                "name": "Griselda Oakenshaw",
                "email": "g.oakenshaw@school.sch.uk",
            },
            "senco": "Ignatius Plum",
        },
        "views": {
            "child": "Zeph says she likes reading with Bartholomew.",
            "carer": "Mr Fennimore: ZEPHYRINE has settled. Call 07700 900555 or "
            "bart@fennimore.example.com.",
            "school": "Mrs Oakenshaw met Mrs Ramsbottom about Zephyrine Quillfeather "
            "(UPN B801200005001, born 17/05/2014).",
            "social_worker": "Ottoline visited on 2025-09-30.",
        },
        "targets": [
            {
                "id": "T1",
                "area": "literacy",
                "description": "Zephyrine to read 20 minutes a day with Hortensia.",
                "lead": "Hortensia Wilde",
                "due_date": "2025-12-19",
            },
            {"id": "T2", "description": "Maths catch-up", "lead": "Class teacher"},
        ],
        "attendees": [
            {"name": "Ottoline Vasquez-Brandt", "role": "Social worker"},
            {"name": "Zephyrine Quillfeather", "role": "Child"},
        ],
        "linked_plans": [{"type": "EHCP", "date": "2024-03-01", "reference": "EHCP-77123"}],
    }


def pdf_object_balloon(entries: int = 2_000_000) -> bytes:
    """A page whose /Annots array holds two million numbers: 4 MB of file, hundreds of MB of
    parsed objects (no compression involved, so pypdf's decompression limits do not apply)."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Annots 4 0 R >>",
            b"[" + b"0 " * entries + b"]",
        ]
    )


# -- the catalogue ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One corpus file: how to build it, its name, and the words its error must contain."""

    name: str
    build: Callable[[], bytes]
    problem: str
    unsafe: bool = False  # refused for safety (UnsafeDocumentError), not just unreadable


#: Word inputs that must be refused with one line (the file is named ``<name>.docx``).
REFUSED_DOCX = [
    Item("empty", empty_file, "empty"),
    Item("pdf-named-docx", pdf_named_docx, "is a PDF, not a Word document"),
    Item("text-named-docx", text_named_docx, "not a Word document"),
    Item("truncated", truncated_zip, "damaged or cut short"),
    Item("zip-bomb", zip_bomb, "zip bomb", unsafe=True),
    Item("ratio-bomb", ratio_bomb, "zip bomb", unsafe=True),
    Item("lying-size", lying_size_bomb, "damaged"),
    Item("corrupt-deflate", corrupt_deflate, "damaged"),
    Item("many-entries", many_entries, "zip bomb", unsafe=True),
    Item("duplicate-names", duplicate_names, "two parts named", unsafe=True),
    Item("xml-bomb", xml_bomb, "DTD or entities", unsafe=True),
    Item("late-doctype", late_doctype_bomb, "DTD or entities", unsafe=True),
    Item("external-entity", external_entity, "DTD or entities", unsafe=True),
    Item("malformed-xml", malformed_xml, "not well-formed XML"),
    Item("control-characters", control_characters_xml, "not well-formed XML"),
    Item("docm-named-docx", docm_named_docx, "macro", unsafe=True),
    Item("macro-content-type", macro_content_type_only, "macro-enabled", unsafe=True),
    Item("ole2-encrypted", ole2_encrypted, "password-protected", unsafe=True),
    Item("ole2-doc", ole2_plain_doc, "old-style Office file"),
]

#: Excel inputs that must be refused with one line (named ``<name>.xlsx``).
REFUSED_XLSX = [
    Item("xlsx-empty", empty_file, "empty"),
    Item("xlsx-truncated", truncated_workbook, "damaged or cut short"),
    Item("xlsm-named-xlsx", xlsm_named_xlsx, "macro", unsafe=True),
    Item("xlsx-xml-bomb", workbook_xml_bomb, "DTD or entities", unsafe=True),
    Item("xlsx-cell-bomb", workbook_cell_bomb, "over the 16 MB limit", unsafe=True),
    Item("xlsx-ole2-encrypted", ole2_encrypted, "password-protected", unsafe=True),
    Item("xlsx-word-named-xlsx", small_form, "is a Word document, not an Excel workbook"),
]

#: PDFs that must be refused with one line (named ``<name>.pdf``).
REFUSED_PDF = [
    Item("pdf-empty", empty_file, "empty"),
    Item("pdf-wrong-password", encrypted_pdf, "password-protected"),
    Item("pdf-truncated", pdf_truncated, "not a readable PDF"),
    Item("pdf-dynamic-xfa", pdf_dynamic_xfa, "dynamic XFA"),
    Item("pdf-docx-named-pdf", small_form, "is a Word document, not a PDF"),
]

#: PDFs built to loop: pypdf must end (refusing or reading them) within the deadline.
LOOPING_PDF = [
    Item("pdf-page-tree-loop", pdf_page_tree_loop, ""),
    Item("pdf-field-parent-loop", pdf_field_parent_loop, ""),
    Item("pdf-xref-prev-loop", pdf_xref_prev_loop, ""),
    Item("pdf-flate-bomb", pdf_flate_bomb, ""),
    Item("pdf-object-balloon", pdf_object_balloon, ""),
]
