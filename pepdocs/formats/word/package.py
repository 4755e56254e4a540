"""A .docx package in memory: parts read through the safe-open layer, written back with only
the changed parts replaced.

Untouched members keep their content byte for byte: the filled document keeps the template's
images, styles and custom XML exactly, and the per-record cost of writing a filled form is one
compressed ``document.xml`` appended to a prebuilt zip (see ``PreparedPackage``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from pepdocs.errors import DocumentError
from pepdocs.formats.word._xml import Element
from pepdocs.safety.package import SafeZip, open_package, parse_xml

DOCUMENT_PART = "word/document.xml"
_HEADER_FOOTER = re.compile(r"^word/(header|footer)\d*\.xml$")
STYLES_PART = "word/styles.xml"


@dataclass(slots=True)
class WordPackage:
    """An opened .docx: the safe zip view, its name for messages and parsed parts on demand."""

    source: str
    data: bytes
    zip: SafeZip
    _parsed: dict[str, Element] = field(default_factory=dict)

    @classmethod
    def open(cls, data: bytes, source: str) -> WordPackage:
        return cls(source=source, data=data, zip=open_package(data, source, "docx"))

    def part(self, name: str) -> Element | None:
        """The parsed XML part ``name`` (None when the package lacks it)."""
        if name not in self._parsed:
            if not self.zip.has(name):
                return None
            self._parsed[name] = self.zip.parse(name)
        return self._parsed[name]

    def document(self) -> Element:
        root = self.part(DOCUMENT_PART)
        assert root is not None  # open_package guarantees word/document.xml exists
        return root

    def prepared(self, also: tuple[str, ...] = ()) -> PreparedPackage:
        return PreparedPackage.from_bytes(self.data, (DOCUMENT_PART, *also))

    def header_footer_parts(self) -> dict[str, Element]:
        """Parsed headers and footers that hold tagged content controls (a child's name in
        the page header is common on PEP forms)."""
        parts: dict[str, Element] = {}
        for name in self.zip.names():
            if _HEADER_FOOTER.match(name):
                data = self.zip.read(name)
                if b"w:tag " in data or b":tag " in data:
                    root = self.part(name)
                    if root is not None:
                        parts[name] = root
        return parts


def part_text(package: SafeZip, source: str, name: str) -> str:
    """Part ``name`` as text, for the string-level work docxtpl does on a Jinja template.

    The part goes through ``parse_xml`` first, so a DTD is refused and damage reported
    before any Jinja sees the text. Word writes every part as UTF-8; the XML spec also allows
    UTF-16, but the Jinja patching works on text and fill writes UTF-8 back under the part's
    own declaration, so any other encoding is refused in one line, not re-encoded.
    """
    data = package.read(name)
    parse_xml(data, source, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DocumentError(
            f"part {name} is not UTF-8 text; open the template in Word and save it again "
            "as a .docx (Word writes UTF-8)",
            source,
        ) from None


def serialise(root: Element) -> bytes:
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


@dataclass(frozen=True, slots=True)
class PreparedPackage:
    """A template package minus the parts fill rewrites, built once per template.

    ``base`` is a complete zip of every other member; ``write`` appends the rewritten parts
    to a copy of it, so a record costs one deflate of ``document.xml`` and a memory copy.
    """

    base: bytes
    replaced: tuple[str, ...]
    #: the replaced parts' timestamps, reused so the same record gives the same bytes
    stamps: tuple[tuple[str, tuple[int, int, int, int, int, int]], ...] = ()

    @classmethod
    def from_bytes(cls, data: bytes, replaced: tuple[str, ...]) -> PreparedPackage:
        target = io.BytesIO()
        stamps = []
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(target, "w") as output,
        ):
            for info in source.infolist():
                if info.filename in replaced:
                    stamps.append((info.filename, info.date_time))
                    continue
                # Recompressed once per template, not per record; content stays identical.
                output.writestr(info, source.read(info.filename), info.compress_type)
        return cls(base=target.getvalue(), replaced=replaced, stamps=tuple(stamps))

    def write(self, parts: Mapping[str, bytes]) -> bytes:
        buffer = io.BytesIO(self.base)
        buffer.seek(0, io.SEEK_END)
        with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as output:
            stamps = dict(self.stamps)
            for name, content in parts.items():
                info = zipfile.ZipInfo(name, stamps.get(name, (1980, 1, 1, 0, 0, 0)))
                info.compress_type = zipfile.ZIP_DEFLATED
                output.writestr(info, content)
        return buffer.getvalue()
