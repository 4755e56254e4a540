"""The one safe-open layer every reader goes through.

Completed forms arrive by email from hundreds of schools: damaged, renamed, half-saved and
occasionally hostile. Every document is read into memory with a size cap, zip packages are
checked before any member is read (entry count, total and per-entry size, compression ratio,
unsafe and duplicate names), and members are unpacked here, not by zipfile: whatever the
compression method (stored, deflate, bzip2, lzma; any other is refused), the decompressor is
asked for at most the bytes still allowed, so a bomb stops at the limit instead of after it.
XML is parsed with no DTD, no entities and no network, after counting its elements against
a budget shared by the whole package; macro-enabled or encrypted files are recognised by
content, not by extension. Nothing is ever extracted to disk. PDFs have their own bounded
opener in ``pepdocs.safety.pdf`` (pypdf needs a time and memory bound, not zip checks).

Every failure is a ``DocumentError`` (damaged, wrong kind) or ``UnsafeDocumentError``
(refused for safety) whose message names the file and the problem, never the content.
docs/safety.md explains each limit.
"""

from __future__ import annotations

import bz2
import io
import lzma
import os
import re
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from pepdocs._io import read_bounded
from pepdocs.errors import DocumentError, UnsafeDocumentError

# Limits sized for real PEP forms (a few MB with photos) with a wide margin.
MAX_INPUT_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 2_000
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
#: deflate reaches ~1000:1 only on degenerate data; real XML parts compress 5-30:1
MAX_RATIO = 200
#: small entries may legitimately have high ratios (a run of spaces); the ratio check applies
#: above this size
RATIO_FLOOR_BYTES = 1024 * 1024
#: openpyxl builds a Python object per cell of every sheet (about 270 MB and 10 s for a 16 MB
#: sheet); a PEP workbook's sheets are kilobytes, so a bigger sheet is refused before openpyxl
#: sees it. Callers reading large non-form workbooks may pass a higher ``max_sheet_bytes``.
MAX_SHEET_BYTES = 16 * 1024 * 1024
#: start tags in all the XML parts of one package that are parsed (lxml keeps a node of a
#: hundred-odd bytes per element, and engines walk them): the 20,000-row table is 380,000
MAX_XML_ELEMENTS = 1_000_000
#: XML parts of one package that are parsed: a form has a document, a few headers and
#: footers, styles, settings; nearly 2,000 header parts is not a form
MAX_XML_PARTS = 400
#: cells one worksheet may hold, counted in its XML before openpyxl builds an object per cell
MAX_SHEET_CELLS = 1_000_000
#: positions a worksheet spans (furthest row x furthest column, merges included): openpyxl
#: materialises every position of that rectangle when a sheet is walked, and one per merged
#: cell, so a single cell at XFD1048576 would be 17 billion of them
MAX_SHEET_AREA = 1_000_000
#: header and footer parts of a Word document: three of each per section (first, odd, even),
#: and a form has a handful of sections
MAX_HEADER_FOOTER_PARTS = 300
#: ``sniff_kind`` reads at most this much of an ODF ``mimetype`` member (it is ~40 bytes)
MIMETYPE_READ_BYTES = 256

# [MS-OFFCRYPTO]: an encrypted OOXML file is an OLE2 compound file, not a zip.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
#: APPNOTE.TXT 4.3.12: every central-directory record starts with this signature, and
#: zipfile refuses a record without it, so counting it bounds the entry count from above.
ZIP_CENTRAL_DIRECTORY_MAGIC = b"PK\x01\x02"
PDF_MAGIC = b"%PDF-"
# [MS-OFFCRYPTO] 2.3.4.4: the stream names of an encrypted package, as UTF-16LE directory names.
_ENCRYPTED_STREAMS = (
    "EncryptedPackage".encode("utf-16-le"),
    "EncryptionInfo".encode("utf-16-le"),
)

Kind = Literal["docx", "xlsx", "pptx", "odt", "ods", "pdf", "doc", "ole2", "zip", "unknown"]

MACRO_PARTS = ("vbaProject.bin", "vbaData.xml")
MACRO_CONTENT_TYPES = (
    "application/vnd.ms-word.document.macroEnabled",
    "application/vnd.ms-excel.sheet.macroEnabled",
    "application/vnd.ms-word.template.macroEnabledTemplate",
    "application/vnd.ms-excel.template.macroEnabled",
    "application/vnd.ms-excel.addin.macroEnabled",
    "application/vnd.ms-office.vbaProject",
)

# Everything zipfile lets through on a damaged archive: its own errors, and those of the
# decompressors underneath (a flipped bit in deflate data is a zlib.error, not BadZipFile).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    zlib.error,
    lzma.LZMAError,
    struct.error,
)


def read_input(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a whole input file with a size cap; missing/unreadable files give one clear line."""
    data = read_bounded(path, limit, refuse=UnsafeDocumentError)
    if not data:
        raise DocumentError("is empty (0 bytes)", os.fspath(path))
    return data


_HEADER_FOOTER = re.compile(r"^word/(?:header|footer)[^/]*\.xml$")
#: zip compression methods (APPNOTE.TXT 4.4.5) and how each is unpacked under a limit
STORED, DEFLATED, BZIP2, LZMA = 0, 8, 12, 14
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_HEADER_MAGIC = b"PK\x03\x04"
#: compressed bytes handed to a decompressor at a time
_CHUNK = 64 * 1024


@dataclass(slots=True)
class Budget:
    """What one package may still cost: unpacked bytes, parsed XML parts and elements.

    Shared by every read of one :class:`SafeZip`, so a limit holds for the package as a
    whole, not only per part (2,000 small parts of 1,000 elements each add up)."""

    unpacked_bytes: int = MAX_TOTAL_BYTES
    xml_parts: int = MAX_XML_PARTS
    xml_elements: int = MAX_XML_ELEMENTS


@dataclass(frozen=True, slots=True)
class SafeZip:
    """A read-only, size-checked view of a zip package held in memory."""

    source: str
    _zip: zipfile.ZipFile
    _names: tuple[str, ...]
    _data: bytes = b""
    budget: Budget = field(default_factory=Budget)

    def names(self) -> tuple[str, ...]:
        return self._names

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """Member ``name`` unpacked, never past its declared size nor the package's budget
        (declared sizes can lie; the decompressor is asked for no more than is allowed)."""
        if name not in self._names:
            raise DocumentError(f"part {name} is missing: the file is damaged", self.source)
        info = self._zip.getinfo(name)
        allowed = min(MAX_ENTRY_BYTES, info.file_size, self.budget.unpacked_bytes)
        data = unpack_member(self._data, info, allowed, self.source)
        self.budget.unpacked_bytes -= len(data)
        return data

    def parse(self, name: str) -> etree._Element:
        """Member ``name`` read and parsed by :func:`parse_xml` within the package's budget."""
        return parse_xml(self.read(name), self.source, name, self.budget)


def unpack_member(
    package: bytes, info: zipfile.ZipInfo, limit: int, source: str, *, prefix: bool = False
) -> bytes:
    """The content of member ``info`` of the zip ``package``, at most ``limit`` bytes.

    Unpacked here rather than by zipfile: its bzip2 and lzma readers decompress a whole
    compressed chunk at once, so a few kilobytes can expand to gigabytes before any size
    check. Every decompressor here is asked for at most the bytes still allowed (Python's
    ``max_length``); more output than allowed or declared is refused, and the CRC checked.
    With ``prefix``, the first ``limit`` bytes are returned instead (no size or CRC check).
    """
    name = info.filename
    offset = info.header_offset
    header = package[offset : offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or not header.startswith(_LOCAL_HEADER_MAGIC):
        raise DocumentError(f"part {name} cannot be found: the file is damaged", source)
    fields = _LOCAL_HEADER.unpack(header)
    # APPNOTE 4.3.7: name and extra-field lengths are the last two fields
    start = offset + _LOCAL_HEADER.size + fields[10] + fields[11]
    compressed = memoryview(package)[start : start + info.compress_size]
    if len(compressed) < info.compress_size:
        raise DocumentError(f"part {name} is cut short: the file is damaged", source)
    method = info.compress_type
    try:
        if method == STORED:
            if len(compressed) > limit and not prefix:
                raise _TooLarge
            data = bytes(compressed[:limit])
        elif method == DEFLATED:
            data = _inflate(zlib.decompressobj(-zlib.MAX_WBITS), compressed, limit)
        elif method == BZIP2:
            data = _inflate(bz2.BZ2Decompressor(), compressed, limit)
        elif method == LZMA:
            body = compressed[4 + _lzma_props(compressed) :]
            data = _inflate(_lzma_decompressor(compressed), body, limit)
        else:
            raise DocumentError(
                f"part {name} uses a compression method pepdocs does not read ({method}): "
                "save the file again from Word or Excel",
                source,
            )
    except _TooLarge as stopped:
        if prefix:
            return stopped.output[:limit]
        if limit >= info.file_size:
            raise DocumentError(
                f"part {name} unpacks to more than it declares: the file is damaged", source
            ) from None
        raise UnsafeDocumentError(
            f"part {name} unpacks to more than the limits allow: refused as a zip bomb", source
        ) from None
    except (zlib.error, OSError, EOFError, ValueError, lzma.LZMAError):
        raise DocumentError(
            f"part {name} cannot be unpacked (corrupt or cut-short data): the file is damaged",
            source,
        ) from None
    except MemoryError:
        raise UnsafeDocumentError(
            f"part {name} needs too much memory to unpack: refused", source
        ) from None
    if prefix:
        return data
    if len(data) != info.file_size:
        raise DocumentError(f"part {name} is not the size it declares: the file is damaged", source)
    if zlib.crc32(data) != info.CRC:
        raise DocumentError(
            f"part {name} cannot be unpacked (bad checksum): the file is damaged", source
        )
    return data


class _TooLarge(Exception):
    """More output than allowed: internal signal turned into one refusal (or, for a prefix,
    the output so far)."""

    def __init__(self, output: bytes | bytearray = b"") -> None:
        super().__init__()
        self.output = bytes(output)


def _inflate(decompressor: object, compressed: memoryview, limit: int) -> bytes:
    """Feed ``compressed`` to ``decompressor`` a chunk at a time, asking for at most what
    ``limit`` still allows (+1, to tell "exactly the limit" from "more")."""
    engine: object = decompressor
    output = bytearray()
    position = 0
    tail = b""
    zlib_like = hasattr(engine, "unconsumed_tail")
    while not engine.eof:  # type: ignore[attr-defined]
        room = limit - len(output) + 1
        if zlib_like:
            if not tail:
                if position >= len(compressed):
                    raise EOFError("compressed data ends early")
                tail = bytes(compressed[position : position + _CHUNK])
                position += len(tail)
            output += engine.decompress(tail, room)  # type: ignore[attr-defined]
            tail = engine.unconsumed_tail  # type: ignore[attr-defined]
        else:
            # bz2 and lzma keep unconsumed input inside; b"" asks for more of its output
            feed = b""
            if engine.needs_input:  # type: ignore[attr-defined]
                if position >= len(compressed):
                    raise EOFError("compressed data ends early")
                feed = bytes(compressed[position : position + _CHUNK])
                position += len(feed)
            output += engine.decompress(feed, max_length=room)  # type: ignore[attr-defined]
        if len(output) > limit:
            raise _TooLarge(output)
    return bytes(output)


def _lzma_props(compressed: memoryview) -> int:
    """Length of the LZMA properties block after zip's 4-byte LZMA header (APPNOTE 5.8.8)."""
    if len(compressed) < 4:
        raise EOFError("lzma header cut short")
    return int.from_bytes(compressed[2:4], "little")


def _lzma_decompressor(compressed: memoryview) -> lzma.LZMADecompressor:
    """A raw LZMA1 decompressor from zip's header: version (2 bytes), properties size (2),
    then the 5-byte LZMA properties: lc/lp/pb packed in one byte and the dictionary size."""
    size = _lzma_props(compressed)
    props = bytes(compressed[4 : 4 + size])
    if size != 5 or len(props) != 5 or props[0] >= 9 * 5 * 5:
        raise ValueError("unknown lzma properties")
    packed = props[0]
    literal_context, packed = packed % 9, packed // 9
    literal_position, position_bits = packed % 5, packed // 5
    dictionary = int.from_bytes(props[1:5], "little")
    return lzma.LZMADecompressor(
        lzma.FORMAT_RAW,
        filters=[
            {
                "id": lzma.FILTER_LZMA1,
                "dict_size": max(dictionary, 4096),
                "lc": literal_context,
                "lp": literal_position,
                "pb": position_bits,
            }
        ],
    )


def _too_many_entries(data: bytes) -> bool:
    """A cheap upper bound on the entry count, checked BEFORE zipfile builds one Python object
    per central-directory record: 100 MB of records would cost gigabytes of memory."""
    return data.count(ZIP_CENTRAL_DIRECTORY_MAGIC) > MAX_ZIP_ENTRIES


def sniff_kind(data: bytes) -> Kind:
    """What a file really is, from its bytes (the extension is only a hint)."""
    head = data[:8]
    if head.startswith(PDF_MAGIC) or data[:1024].lstrip().startswith(PDF_MAGIC):
        return "pdf"
    if head == OLE2_MAGIC:
        return "ole2"
    if head.startswith(ZIP_MAGIC) or head.startswith(EMPTY_ZIP_MAGIC):
        if _too_many_entries(data):
            # Not opened (that is the danger), but its names are plain bytes in the headers:
            # saying "Word document" lets open_package give the real reason (a zip bomb).
            return _kind_from_raw_names(data)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = set(package.namelist())
                if "mimetype" in names:
                    # ODF puts a short, stored ``mimetype`` first; a hostile one could be a
                    # bomb in any compression method, so it is unpacked under a small cap.
                    try:
                        mime = unpack_member(
                            data,
                            package.getinfo("mimetype"),
                            MIMETYPE_READ_BYTES,
                            "<sniff>",
                            prefix=True,
                        )
                    except DocumentError:
                        mime = b""
                    if b"opendocument.text" in mime:
                        return "odt"
                    if b"opendocument.spreadsheet" in mime:
                        return "ods"
        except (*_ZIP_ERRORS, NotImplementedError, MemoryError):
            # Cut short or damaged: still a Word/Excel file for the person who sent it, and
            # open_package then says "damaged" rather than "not a form".
            return _kind_from_raw_names(data)
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "ppt/presentation.xml" in names:
            return "pptx"
        return "zip"
    return "unknown"


def _kind_from_raw_names(data: bytes) -> Kind:
    """The OOXML kind of a zip that cannot or must not be opened, from the member names that
    local headers store uncompressed near the start of the file."""
    head = data[: 1024 * 1024]
    if b"word/document.xml" in head or b"word/_rels/" in head:
        return "docx"
    if b"xl/workbook.xml" in head or b"xl/_rels/" in head:
        return "xlsx"
    return "zip"


def check_form_kind(
    data: bytes, source: str, kinds: tuple[Kind, ...] = ("docx", "xlsx", "pdf")
) -> Kind:
    """The kind of ``data`` if it is one of ``kinds``; otherwise the most specific one-line
    reason it is not (empty, encrypted Office file, old .doc/.xls, damaged zip, unknown).

    For callers that choose an engine by content (``pepdocs extract`` without
    ``--authority``): they get the same messages as :func:`open_package` would give.
    """
    if not data:
        raise DocumentError("is empty (0 bytes)", source)
    kind = sniff_kind(data)
    if kind in kinds:
        return kind
    if kind == "ole2":
        open_package(data, source, "docx")  # raises: encrypted, or an old-style file
    wanted = ", ".join(describe_kind(known) for known in kinds)
    if kind == "zip":
        raise DocumentError(f"is a zip archive but not a form ({wanted})", source)
    if kind == "unknown":
        raise DocumentError(f"is not a form ({wanted}); was it renamed?", source)
    raise DocumentError(f"is {describe_kind(kind)}, not a form ({wanted})", source)


def describe_kind(kind: Kind) -> str:
    """What a file of ``kind`` is, for messages: ``a Word document``, ``a zip archive``."""
    return {
        "docx": "a Word document",
        "xlsx": "an Excel workbook",
        "pptx": "a PowerPoint file",
        "odt": "an OpenDocument text file",
        "ods": "an OpenDocument spreadsheet",
        "pdf": "a PDF",
        "doc": "an old-style Word .doc",
        "ole2": "an old-style Office file",
        "zip": "a zip archive",
        "unknown": "not a recognised document",
    }[kind]


def _is_encrypted_ole2(data: bytes) -> bool:
    return any(marker in data for marker in _ENCRYPTED_STREAMS)


def open_package(
    data: bytes, source: str, expected: Kind, *, max_sheet_bytes: int = MAX_SHEET_BYTES
) -> SafeZip:
    """Open an OOXML package (``docx``/``xlsx``) after every safety check.

    Raises ``DocumentError`` for the wrong format or a damaged file, and
    ``UnsafeDocumentError`` for encrypted, macro-enabled or bomb-shaped packages (for
    ``xlsx``: also a worksheet declaring more than ``max_sheet_bytes`` of XML).
    """
    if not data:
        raise DocumentError("is empty (0 bytes)", source)
    if data[:8] == OLE2_MAGIC:
        if _is_encrypted_ole2(data):
            raise UnsafeDocumentError(
                "is password-protected (encrypted); remove the password in Word or Excel and "
                "send it again",
                source,
            )
        raise DocumentError(
            "is an old-style Office file (.doc/.xls); save it as .docx/.xlsx first", source
        )
    if not data.startswith(ZIP_MAGIC) and not data.startswith(EMPTY_ZIP_MAGIC):
        actual = sniff_kind(data)
        if actual == "unknown":
            raise DocumentError(
                f"is not {describe_kind(expected)} (nor any Office file or PDF); was it renamed?",
                source,
            )
        raise DocumentError(f"is {describe_kind(actual)}, not {describe_kind(expected)}", source)
    if _too_many_entries(data):
        raise UnsafeDocumentError(
            f"has more than {MAX_ZIP_ENTRIES} parts: refused as a zip bomb", source
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except _ZIP_ERRORS:
        # zipfile's own message can quote member names; say what it means instead.
        raise DocumentError(
            f"is not a readable {expected} file (damaged or cut short)", source
        ) from None
    except (NotImplementedError, MemoryError):
        raise DocumentError(
            f"is not a readable {expected} file (unsupported zip)", source
        ) from None
    _check_members(infos, source)
    if expected == "xlsx":
        _check_sheets(infos, source, max_sheet_bytes)
    names = tuple(info.filename for info in infos if _safe_name(info.filename))
    if any(name.rsplit("/", 1)[-1] in MACRO_PARTS for name in names):
        raise UnsafeDocumentError(
            "contains macros (VBA); save it as a macro-free .docx/.xlsx and send it again", source
        )
    if expected == "docx":
        margins = sum(1 for name in names if _HEADER_FOOTER.match(name))
        if margins > MAX_HEADER_FOOTER_PARTS:
            raise UnsafeDocumentError(
                f"has {margins:,} header and footer parts (more than {MAX_HEADER_FOOTER_PARTS}): "
                "refused (not a form)",
                source,
            )
    main_part = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}.get(expected)
    if main_part and main_part not in names:
        actual = sniff_kind(data)
        raise DocumentError(f"is {describe_kind(actual)}, not {describe_kind(expected)}", source)
    safe = SafeZip(source, package, names, data)
    if safe.has("[Content_Types].xml"):
        content_types = safe.read("[Content_Types].xml")
        if any(marker.encode() in content_types for marker in MACRO_CONTENT_TYPES):
            raise UnsafeDocumentError(
                "is macro-enabled; save it as a macro-free .docx/.xlsx and send it again", source
            )
    if expected == "xlsx":
        # openpyxl parses every part itself (through defusedxml, whose refusal would surface
        # as "damaged"); checking here says what is really wrong, and costs one read of
        # parts openpyxl reads anyway.
        for name in names:
            # each part unpacked once (not once per marker: that cost six unpackings and
            # charged the package's byte budget six times)
            member = safe.read(name) if name.endswith((".xml", ".rels")) else b""
            if member and any(marker in member for marker in _DTD_MARKERS):
                raise UnsafeDocumentError(
                    f"part {name} declares a DTD or entities: refused", source
                )
    return safe


def _safe_name(name: str) -> bool:
    """Ignore members with absolute paths or ``..`` (zip-slip); we never extract, but a
    name like that never belongs in an Office package."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return False
    return ".." not in name.replace("\\", "/").split("/")


def _check_members(infos: list[zipfile.ZipInfo], source: str) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnsafeDocumentError(
            f"has {len(infos)} parts (more than {MAX_ZIP_ENTRIES}): refused as a zip bomb", source
        )
    total = 0
    seen: set[str] = set()
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeDocumentError("has encrypted zip entries", source)
        if info.compress_type not in (STORED, DEFLATED, BZIP2, LZMA):
            raise DocumentError(
                f"part {info.filename} uses a compression method pepdocs does not read "
                f"({info.compress_type}): save the file again from Word or Excel",
                source,
            )
        # Two members of one name: readers would disagree on which is "the" part (zipfile
        # takes the last, Word the first), a classic way to show a checker one content and
        # a person another.
        if info.filename in seen:
            raise UnsafeDocumentError(
                f"has two parts named {info.filename}: refused as tampered", source
            )
        seen.add(info.filename)
        if info.file_size > MAX_ENTRY_BYTES:
            raise UnsafeDocumentError(
                f"part {info.filename} would unpack to {info.file_size // (1024 * 1024)} MB: "
                "refused as a zip bomb",
                source,
            )
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise UnsafeDocumentError(
                f"part {info.filename} is compressed more than {MAX_RATIO}:1: "
                "refused as a zip bomb",
                source,
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise UnsafeDocumentError(
            f"would unpack to {total // (1024 * 1024)} MB: refused as a zip bomb", source
        )


def _check_sheets(infos: list[zipfile.ZipInfo], source: str, limit: int) -> None:
    for info in infos:
        if info.filename.startswith("xl/worksheets/") and info.file_size > limit:
            raise UnsafeDocumentError(
                f"sheet {info.filename} would unpack to {info.file_size // (1024 * 1024)} MB, "
                f"over the {limit // (1024 * 1024)} MB limit for a sheet: refused",
                source,
            )


# lxml parser objects must not be shared between threads; one per thread, built on first use.
_PARSERS = threading.local()


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            dtd_validation=False,
            load_dtd=False,
            # keeps libxml2's default limits (depth, text node size): a real form is far
            # below them, a hostile one is stopped by them
            huge_tree=False,
            remove_blank_text=False,
            # nothing looks elements up by xml:id; not indexing them parses a little faster
            collect_ids=False,
        )
        _PARSERS.parser = parser
    return parser


# Markup that brings a DTD (and with it entity expansion: billion laughs, external
# entities) in the three encodings an XML part can arrive in. Office never writes a DTD, and a
# literal "<!" cannot occur in well-formed text content (it would be escaped as "&lt;!").
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


_DTD_STARTS = tuple("<!".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


def parse_xml(
    data: bytes, source: str, part: str = "", budget: Budget | None = None
) -> etree._Element:
    """Parse an XML part with no DTD, no entities and no network; a DOCTYPE is refused.

    The part's elements are counted before lxml builds anything (every start tag needs a
    ``<`` that does not begin ``</``: two memchr-speed counts give an upper bound), against
    ``budget`` (the package's) or, for a part on its own, :data:`MAX_XML_ELEMENTS`.
    """
    where = f"part {part} " if part else ""
    elements = data.count(b"<") - data.count(b"</")
    if budget is not None:
        budget.xml_parts -= 1
        if budget.xml_parts < 0:
            raise UnsafeDocumentError(
                f"has more than {MAX_XML_PARTS} XML parts to read: refused (not a form)", source
            )
        budget.xml_elements -= elements
        if budget.xml_elements < 0:
            raise UnsafeDocumentError(
                f"{where}takes the document past {MAX_XML_ELEMENTS:,} XML elements: refused "
                "(not a form; a 20,000-row table is a third of that)",
                source,
            )
    elif elements > MAX_XML_ELEMENTS:
        raise UnsafeDocumentError(
            f"{where}has more than {MAX_XML_ELEMENTS:,} XML elements: refused (not a form)",
            source,
        )
    # The whole part is scanned, not a prefix: a DOCTYPE may follow a long comment. Every
    # marker holds a "!" byte, which most parts lack (one memchr); "<" is everywhere, so
    # "<!" is looked for only then, and the markers themselves only after that.
    if (
        b"!" in data
        and any(start in data for start in _DTD_STARTS)
        and any(marker in data for marker in _DTD_MARKERS)
    ):
        raise UnsafeDocumentError(f"{where}declares a DTD or entities: refused", source)
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise DocumentError(
            f"{where}is not well-formed XML (line {exc.lineno}): the file is damaged", source
        ) from None
    except (etree.LxmlError, ValueError, MemoryError, RecursionError):
        raise DocumentError(
            f"{where}cannot be parsed as XML: the file is damaged", source
        ) from None
    if root is None:
        raise DocumentError(f"{where}is empty", source)
    # Belt and braces for encodings the byte scan above does not cover (UTF-32, EBCDIC).
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise UnsafeDocumentError(f"{where}declares a DTD or entities: refused", source)
    return root


#: where LibreOffice/OpenOffice store a document's macros in an ODF package (Basic libraries,
#: and scripts in other languages): a program that opens the file may run them.
ODF_MACRO_FOLDERS = ("Basic/", "Scripts/")
#: member names whose content is XML, in OOXML (parts, relationships, legacy VML drawings)
#: and ODF (content.xml, styles.xml, META-INF/manifest.xml ...)
_XML_MEMBER_SUFFIXES = (".xml", ".rels", ".vml")


def check_package(data: bytes, source: str, expected: Kind) -> SafeZip:
    """:func:`open_package`, then every XML member through :func:`parse_xml`.

    For a package handed whole to another program (LibreOffice, for a PDF): that program
    parses every member with parsers we do not control, so each must first pass ours (no
    DTD, no entities, well-formed), not only the parts a pepdocs engine would read. Works for
    ``docx``/``xlsx`` and for ODF (``odt``/``ods``), whose macro folders are refused too.
    """
    safe = open_package(data, source, expected)
    if expected in ("odt", "ods") and any(
        name.startswith(ODF_MACRO_FOLDERS) for name in safe.names()
    ):
        raise UnsafeDocumentError(
            "contains macros (Basic or scripts); save it without macros and send it again",
            source,
        )
    for name in safe.names():
        if name.lower().endswith(_XML_MEMBER_SUFFIXES):
            safe.parse(name)
    return safe


# -- workbooks for openpyxl --------------------------------------------------------------------

_PREFIX = rb"<(?:[A-Za-z_][\w.-]*:)?"
_SHEET_DATA = re.compile(_PREFIX + rb"sheetData[\s>/]")
_CELL = re.compile(_PREFIX + rb"c[\s>/]")
_CELL_REF = re.compile(_PREFIX + rb"c\s[^>]*?\br=\"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})\"")
_ROW = re.compile(_PREFIX + rb"row[\s>/]")
_ROW_REF = re.compile(_PREFIX + rb"row\s[^>]*?\br=\"([0-9]{1,7})\"")
_MERGE_REF = re.compile(
    _PREFIX + rb"mergeCell\s[^>]*?\bref=\"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})"
    rb"(?::\$?([A-Za-z]{1,3})\$?([0-9]{1,7}))?\""
)
_DIMENSION = re.compile(_PREFIX + rb"dimension\s[^>]*/>")


@dataclass(frozen=True, slots=True)
class SheetExtent:
    """What a worksheet's XML says about its size, read before any spreadsheet library."""

    cells: int
    rows: int
    last_row: int
    last_column: int
    merged_cells: int

    @property
    def area(self) -> int:
        return self.last_row * self.last_column


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def sheet_extent(xml: bytes) -> SheetExtent:
    """Cells, rows, furthest position and merged positions of one worksheet's XML.

    Counted from the markup (regular expressions over the bytes: no tree), so a sheet that
    claims or holds a million rows is measured in a fraction of a second. The ``dimension``
    element is ignored: it is a claim, and the cells are the facts.
    """
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff"):
        xml = xml.decode("utf-16").encode("utf-8")
    cells = len(_CELL.findall(xml))
    referenced = _CELL_REF.findall(xml)
    rows = len(_ROW.findall(xml))
    last_row = max((int(row) for row in _ROW_REF.findall(xml)), default=rows)
    last_column = 0
    for letters, row in referenced:
        last_row = max(last_row, int(row))
        last_column = max(last_column, _column_number(letters))
    # cells without a reference follow the one before: at most that many further columns
    last_column = max(last_column, cells - len(referenced) if cells > len(referenced) else 0)
    merged = 0
    for first_letters, first_row, last_letters, end_row in _MERGE_REF.findall(xml):
        if not last_letters:
            continue
        left, right = sorted((_column_number(first_letters), _column_number(last_letters)))
        top, bottom = sorted((int(first_row), int(end_row)))
        merged += (right - left + 1) * (bottom - top + 1)
        last_row = max(last_row, bottom)
        last_column = max(last_column, right)
    return SheetExtent(cells, rows, last_row, max(last_column, 1 if cells else 0), merged)


@dataclass(frozen=True, slots=True)
class VettedWorkbook:
    """A workbook that passed every check, re-packed for openpyxl, with its sheets' sizes."""

    data: bytes
    sheets: dict[str, SheetExtent]


def vet_workbook(
    data: bytes,
    source: str,
    *,
    max_sheet_bytes: int = MAX_SHEET_BYTES,
    max_cells: int = MAX_SHEET_CELLS,
    max_area: int = MAX_SHEET_AREA,
) -> VettedWorkbook:
    """An Excel workbook checked and re-packed so that openpyxl cannot be led past the limits.

    :func:`open_package` first; then every part holding ``sheetData`` (wherever the workbook's
    relationships put it) is measured by :func:`sheet_extent` and refused beyond ``max_cells``
    cells or ``max_area`` positions (merged positions counted too). openpyxl unpacks members
    with zipfile (whose bzip2 and lzma readers are unbounded) and trusts a sheet's
    ``dimension`` claim (a roster "of 1,048,576 rows" is walked row by empty row), so it is
    given a copy: every member unpacked here within the limits, stored uncompressed, and the
    ``dimension`` claims removed (openpyxl then measures the cells).
    """
    package = open_package(data, source, "xlsx", max_sheet_bytes=max_sheet_bytes)
    sheets: dict[str, SheetExtent] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as copy:
        for name in package.names():
            member = package.read(name)
            if name.lower().endswith(".xml") and _SHEET_DATA.search(member):
                extent = sheet_extent(member)
                where = f"sheet {name}"
                if extent.cells > max_cells:
                    raise UnsafeDocumentError(
                        f"{where} has {extent.cells:,} cells, over the limit of {max_cells:,}: "
                        "refused (not a form or roster)",
                        source,
                    )
                if extent.area > max_area or extent.merged_cells > max_area:
                    raise UnsafeDocumentError(
                        f"{where} reaches row {extent.last_row:,} and column "
                        f"{extent.last_column:,} (merges included), over the limit of "
                        f"{max_area:,} cells: refused; delete stray cells or merges far from "
                        "the data",
                        source,
                    )
                sheets[name] = extent
                member = _DIMENSION.sub(b"", member, count=1)
            copy.writestr(name, member)
    return VettedWorkbook(buffer.getvalue(), sheets)
