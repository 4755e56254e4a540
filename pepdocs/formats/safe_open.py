"""The one safe-open layer every reader goes through.

Completed forms arrive by email from hundreds of schools: damaged, renamed, half-saved and
occasionally hostile. Every document is read into memory with a size cap, zip packages are
checked before any member is read (entry count, total and per-entry size, compression ratio,
unsafe and duplicate names), reads are capped because declared sizes can lie, XML is parsed
with no DTD, no entities and no network, and macro-enabled or encrypted files are recognised by
content, not by extension. Nothing is ever extracted to disk. PDFs have their own bounded
opener in ``pepdocs.safety.pdf`` (pypdf needs a time and memory bound, not zip checks).

Every failure is a ``DocumentError`` (damaged, wrong kind) or ``UnsafeDocumentError``
(refused for safety) whose message names the file and the problem, never the content.
docs/safety.md explains each limit.
"""

from __future__ import annotations

import io
import lzma
import os
import stat
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lxml import etree

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
    source = Path(path)
    try:
        mode = source.stat().st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError("is a folder, not a file", str(source))
        # A named pipe or device (/dev/zero, /dev/stdin) would block or never end; stat
        # before open because opening a FIFO blocks by itself.
        if not stat.S_ISREG(mode):
            raise DocumentError("is not a regular file", str(source))
        with source.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise DocumentError("no such file", str(source)) from None
    except IsADirectoryError:
        raise DocumentError("is a folder, not a file", str(source)) from None
    except OSError as exc:
        raise DocumentError(f"cannot be read ({exc.strerror})", str(source)) from None
    if len(data) > limit:
        raise UnsafeDocumentError(f"larger than {limit // (1024 * 1024)} MB", str(source))
    if not data:
        raise DocumentError("is empty (0 bytes)", str(source))
    return data


@dataclass(frozen=True, slots=True)
class SafeZip:
    """A read-only, size-checked view of a zip package held in memory."""

    source: str
    _zip: zipfile.ZipFile
    _names: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        return self._names

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """Read one member, never more than its checked size (declared sizes can lie)."""
        if name not in self._names:
            raise DocumentError(f"part {name} is missing: the file is damaged", self.source)
        info = self._zip.getinfo(name)
        try:
            with self._zip.open(info) as member:
                # zipfile stops at the declared size and then checks the CRC, so a member that
                # inflates past its declaration fails as damaged; the +1 is a second guard.
                data = member.read(MAX_ENTRY_BYTES + 1)
        except _ZIP_ERRORS as exc:
            why = "bad checksum" if "CRC" in str(exc) else "corrupt or cut-short data"
            raise DocumentError(
                f"part {name} cannot be unpacked ({why}): the file is damaged", self.source
            ) from None
        except NotImplementedError:
            raise DocumentError(
                f"part {name} uses an unsupported compression", self.source
            ) from None
        except (MemoryError, RecursionError):
            raise UnsafeDocumentError(
                f"part {name} needs too much memory to unpack: refused", self.source
            ) from None
        if len(data) > MAX_ENTRY_BYTES or len(data) > info.file_size:
            raise UnsafeDocumentError(f"part {name} is larger than it declares", self.source)
        return data


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
                    # ODF puts a short, stored ``mimetype`` first; read a capped prefix only,
                    # a hostile one could be a bomb.
                    with package.open("mimetype") as member:
                        mime = member.read(MIMETYPE_READ_BYTES)
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
    main_part = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}.get(expected)
    if main_part and main_part not in names:
        actual = sniff_kind(data)
        raise DocumentError(f"is {describe_kind(actual)}, not {describe_kind(expected)}", source)
    safe = SafeZip(source, package, names)
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
            if name.endswith((".xml", ".rels")) and any(
                marker in safe.read(name) for marker in _DTD_MARKERS
            ):
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


def parse_xml(data: bytes, source: str, part: str = "") -> etree._Element:
    """Parse an XML part with no DTD, no entities and no network; a DOCTYPE is refused."""
    where = f"part {part} " if part else ""
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
            parse_xml(safe.read(name), source, name)
    return safe
