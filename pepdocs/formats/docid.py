"""A document id carried inside a filled form, so a returned form can be matched to the one
sent (``pepdocs collect``). Word and Excel keep it as a custom document property
(``docProps/custom.xml``, ECMA-376 Part 1, 15.2.12.2 "Custom File Properties Part"), which
Word, Excel and LibreOffice keep when they save; the Word engine adds a document variable
(:mod:`pepdocs.formats.word.docid`), the PDF engine a document information entry
(:mod:`pepdocs.formats.pdf.docid`).

Writing works on a package pepdocs has just filled (trusted bytes); reading works on a
returned document, through the safe package opener, and accepts only an id of the shape
pepdocs writes (anything else reads as no id: a hostile file cannot inject text).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping

from lxml import etree

from pepdocs.errors import PepdocsError
from pepdocs.formats.opened import OpenedDocument, opened
from pepdocs.safety.package import Kind

__all__ = [
    "DOCUMENT_ID_PROPERTY",
    "check_document_id",
    "custom_property_changes",
    "is_document_id",
    "read_custom_property",
    "read_document_id",
    "rewrite_package",
    "write_document_id",
]

#: the name of the custom property (and Word document variable) that holds the id
DOCUMENT_ID_PROPERTY = "pepdocs_document_id"
_ID_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{7,63}")

CUSTOM_PART = "docProps/custom.xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: the format id every user-defined custom property carries (ECMA-376 Part 1, 22.3.2.2)
_USER_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def is_document_id(text: object) -> bool:
    """True for text of the shape pepdocs writes as a document id (a UUID, or letters, digits
    and hyphens, 8 to 64 of them)."""
    return isinstance(text, str) and _ID_SHAPE.fullmatch(text) is not None


def check_document_id(document_id: str) -> None:
    """Refuse (``PepdocsError``) an id of a shape :func:`is_document_id` would not read back."""
    if not is_document_id(document_id):
        raise PepdocsError(
            "a document id is 8 to 64 letters, digits and hyphens (a UUID): not written"
        )


def rewrite_package(data: bytes, change: Mapping[str, Callable[[bytes | None], bytes]]) -> bytes:
    """A copy of the zip package ``data`` with the members named in ``change`` replaced by
    what each function returns for the old content (``None`` when the member is new, and
    then added at the end). Every other member is copied as it was, in its order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    pending = dict(change)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            rewrite = pending.pop(info.filename, None)
            if rewrite is not None:
                content = rewrite(content)
            copied = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copied.compress_type = info.compress_type
            copied.external_attr = info.external_attr
            target.writestr(copied, content)
        for name, rewrite in pending.items():
            target.writestr(name, rewrite(None), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _custom_part(old: bytes | None, name: str, value: str) -> bytes:
    if old is None:
        root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    else:
        root = etree.fromstring(old)
    highest = 1
    for prop in list(root):
        if prop.get("name") == name:
            root.remove(prop)
            continue
        pid = prop.get("pid", "")
        if pid.isdigit():
            highest = max(highest, int(pid))
    prop = etree.SubElement(
        root, f"{{{_CUSTOM_NS}}}property", fmtid=_USER_FMTID, pid=str(highest + 1), name=name
    )
    etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    return _xml(root)


def _content_types(old: bytes | None) -> bytes:
    if old is None:
        raise PepdocsError("the filled package has no [Content_Types].xml")
    root = etree.fromstring(old)
    wanted = f"/{CUSTOM_PART}"
    if not any(item.get("PartName") == wanted for item in root):
        etree.SubElement(
            root, f"{{{_CT_NS}}}Override", PartName=wanted, ContentType=_CUSTOM_TYPE
        )
    return _xml(root)


def _package_rels(old: bytes | None) -> bytes:
    if old is None:
        root = etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})
    else:
        root = etree.fromstring(old)
    if any(item.get("Type") == _CUSTOM_REL for item in root):
        return _xml(root)
    taken = {item.get("Id") for item in root}
    number = 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(
        root, f"{{{_REL_NS}}}Relationship", Id=f"rId{number}", Type=_CUSTOM_REL, Target=CUSTOM_PART
    )
    return _xml(root)


def custom_property_changes(name: str, value: str) -> dict[str, Callable[[bytes | None], bytes]]:
    """The member changes that set custom property ``name`` to ``value`` in an OOXML
    package (for :func:`rewrite_package`; a property of that name is replaced)."""
    return {
        "[Content_Types].xml": _content_types,
        "_rels/.rels": _package_rels,
        CUSTOM_PART: lambda old: _custom_part(old, name, value),
    }


def write_document_id(data: bytes, document_id: str) -> bytes:
    """An OOXML package (a filled ``.xlsx`` or ``.docx``) with ``document_id`` as its custom
    property :data:`DOCUMENT_ID_PROPERTY`."""
    check_document_id(document_id)
    return rewrite_package(data, custom_property_changes(DOCUMENT_ID_PROPERTY, document_id))


def read_custom_property(
    data: bytes | OpenedDocument, name: str, kind: Kind, source: str = "<document>"
) -> str | None:
    """The text of custom property ``name`` of a returned OOXML package (its bytes, or the
    document opened once), or None. The package is opened by the safe opener
    (``DocumentError`` for a damaged or hostile file)."""
    package = opened(data, source).package(kind)
    if not package.has(CUSTOM_PART):
        return None
    root = package.parse(CUSTOM_PART)
    for prop in root:
        if prop.get("name") == name:
            text = "".join(prop.itertext()).strip()
            return text or None
    return None


def read_document_id(
    data: bytes | OpenedDocument, kind: Kind = "xlsx", source: str = "<document>"
) -> str | None:
    """The document id a returned ``.xlsx`` (or ``.docx``) carries as a custom property, or
    None when there is none (or it is not of the shape pepdocs writes)."""
    found = read_custom_property(data, DOCUMENT_ID_PROPERTY, kind, source)
    return found if is_document_id(found) else None
