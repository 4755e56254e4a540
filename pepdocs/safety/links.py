"""Copies of documents with every link to the outside removed, for another program to open.

LibreOffice follows what a document points at when it lays the document out: an image
linked by URL is fetched over the network, a ``file://`` image is read from the local disk
and embedded in the PDF it writes (which then travels, encrypted, to whoever gets the
bundle), an ``INCLUDETEXT`` field pulls in another file. pepdocs hands LibreOffice only
copies made here, with those links cut:

- OOXML (.docx, .xlsx): relationships with ``TargetMode="External"`` removed, except plain
  web and mail hyperlinks (a link in the PDF, never fetched); ``INCLUDEPICTURE``,
  ``INCLUDETEXT``, ``LINK``, ``IMPORT`` and ``DDE``/``DDEAUTO`` field instructions emptied
  (the field's last shown result stays); VML ``src``/``o:href`` and other ``href`` attributes
  that point outside the package removed;
- ODF (.odt, .ods): ``xlink:href`` values that point outside the package removed (again
  except web and mail hyperlinks), and linked sections, DDE links and linked sheets dropped;
- old binary ``.doc`` and ``.rtf`` files cannot be rewritten safely here: one holding any of
  those field instructions is refused.

Every member is read through the safe-open layer (:func:`pepdocs.safety.package.open_package`
limits), so a copy is never bigger than what those limits allow.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from pepdocs.errors import UnsafeDocumentError
from pepdocs.safety.package import Kind, open_package, parse_xml

__all__ = ["LINKING_FIELDS", "without_external_links"]

#: field instructions that read another file or address (Word field codes, ECMA-376 17.16.5)
LINKING_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "LINK", "IMPORT", "DDEAUTO", "DDE")
_FIELD = re.compile(r"^\s*(?:" + "|".join(LINKING_FIELDS) + r")\b", re.IGNORECASE)
_RAW_FIELD = re.compile(
    rb"(?i)(?:INCLUDEPICTURE|INCLUDETEXT|\bLINK\b|\bIMPORT\b|\bDDEAUTO\b|\bDDE\b)"
)
#: hyperlinks LibreOffice keeps as link annotations without opening them
_HARMLESS_LINK = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)
#: a target outside the package: a scheme (http:, file:, smb:), an absolute or parent path
_OUTSIDE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/|\\|\.\./)")

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK_TYPE = "/hyperlink"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_ODF_HYPERLINKS = frozenset(
    {
        "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}a",
        "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}a",
    }
)
#: ODF elements that exist only to pull content from elsewhere (ODF 1.2 part 1: 9.2.11
#: table:table-source, 5.4.2 text:section-source, 14.6 DDE connections)
_ODF_LINK_ELEMENTS = frozenset(
    {
        "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}section-source",
        "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}dde-source",
        "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}dde-connection-decls",
        "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}dde-links",
        "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table-source",
        "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}cell-range-source",
    }
)


def without_external_links(data: bytes, source: str, kind: Kind) -> bytes:
    """``data`` (a document of ``kind``) with every link to the outside cut; see the module
    docstring. Raises ``UnsafeDocumentError`` for a ``.doc``/``.rtf`` that links out."""
    if kind in ("docx", "xlsx", "pptx"):
        return _rewrite(data, source, kind, _ooxml_part)
    if kind in ("odt", "ods"):
        return _rewrite(data, source, kind, _odf_part)
    if _RAW_FIELD.search(data) or _RAW_FIELD.search(_utf16_text(data)):
        raise UnsafeDocumentError(
            "links to other files or addresses (an INCLUDEPICTURE, INCLUDETEXT, LINK or DDE "
            "field) that pepdocs cannot remove from this file type: save it as .docx",
            source,
        )
    return data


def _utf16_text(data: bytes) -> bytes:
    """Word's binary format stores text as UTF-16LE: the ASCII bytes of it, for searching."""
    return data[::2] if len(data) < 64 * 1024 * 1024 else b""


def _rewrite(data: bytes, source: str, kind: Kind, clean: object) -> bytes:
    package = open_package(data, source, kind)
    buffer = io.BytesIO()
    changed = False
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in package.names():
            member = package.read(name)
            if name.lower().endswith((".xml", ".rels", ".vml")):
                root = parse_xml(member, source, name, package.budget)
                if clean(name, root):  # type: ignore[operator]
                    member = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                    changed = True
            # ODF wants its mimetype first and stored (ODF 1.2 part 3, 3.3)
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            copy.writestr(name, member, compress_type=method)
    return buffer.getvalue() if changed else data


def _ooxml_part(name: str, root: etree._Element) -> bool:
    changed = False
    if name.endswith(".rels"):
        for relationship in list(root):
            if relationship.get("TargetMode") != "External":
                continue
            target = relationship.get("Target") or ""
            kind = relationship.get("Type") or ""
            if kind.endswith(_HYPERLINK_TYPE) and _HARMLESS_LINK.match(target):
                continue
            root.remove(relationship)
            changed = True
        return changed
    for instruction in root.iter(f"{{{_W}}}instrText"):
        if instruction.text and _FIELD.match(instruction.text):
            instruction.text = ""
            changed = True
    for simple in root.iter(f"{{{_W}}}fldSimple"):
        if _FIELD.match(simple.get(f"{{{_W}}}instr") or ""):
            simple.set(f"{{{_W}}}instr", "")
            changed = True
    return _drop_outside_attributes(root) or changed


def _drop_outside_attributes(root: etree._Element) -> bool:
    """``src``/``href`` attributes (VML ``v:imagedata``, ``o:href``, ``xlink:href``) that point
    outside the package."""
    changed = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, value in list(element.attrib.items()):
            local = attribute.rsplit("}", 1)[-1]
            if local in ("src", "href") and _OUTSIDE.match(value.strip()):
                del element.attrib[attribute]
                changed = True
    return changed


def _odf_part(name: str, root: etree._Element) -> bool:
    if name.endswith("manifest.xml"):
        return False
    changed = False
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in _ODF_LINK_ELEMENTS:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
                changed = True
            continue
        target = element.get(_XLINK_HREF)
        if target is None or not _OUTSIDE.match(target.strip()):
            continue
        if element.tag in _ODF_HYPERLINKS and _HARMLESS_LINK.match(target.strip()):
            continue
        del element.attrib[_XLINK_HREF]
        changed = True
    return changed
