"""The document id in a Word form: a custom document property and, in case a school's tools
strip those (Word's Document Inspector removes custom properties), a document variable
(``w:docVar`` in ``word/settings.xml``, ECMA-376 Part 1, 17.15.1.31), which nobody sees.
Reading prefers the property and falls back to the variable."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from pepdocs.formats.docid import (
    DOCUMENT_ID_PROPERTY,
    check_document_id,
    custom_property_changes,
    is_document_id,
    read_custom_property,
    rewrite_package,
)
from pepdocs.formats.opened import OpenedDocument, opened

__all__ = ["read_document_id", "write_document_id"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SETTINGS_PART = "word/settings.xml"
#: ``w:settings`` children that come after ``w:docVars`` in the schema's sequence: the
#: variables go before the first of them (Word refuses a settings part out of order)
_AFTER_DOC_VARS = frozenset(
    f"{{{_W}}}{name}"
    for name in (
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )
) | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


def _settings(old: bytes | None, value: str) -> bytes:
    if old is None:
        root = etree.Element(f"{{{_W}}}settings", nsmap={"w": _W})
    else:
        root = etree.fromstring(old)
    variables = root.find(f"{{{_W}}}docVars")
    if variables is None:
        variables = etree.Element(f"{{{_W}}}docVars")
        later = next((child for child in root if child.tag in _AFTER_DOC_VARS), None)
        if later is None:
            root.append(variables)
        else:
            later.addprevious(variables)
    for variable in variables.findall(f"{{{_W}}}docVar"):
        if variable.get(f"{{{_W}}}name") == DOCUMENT_ID_PROPERTY:
            variables.remove(variable)
    etree.SubElement(
        variables,
        f"{{{_W}}}docVar",
        {f"{{{_W}}}name": DOCUMENT_ID_PROPERTY, f"{{{_W}}}val": value},
    )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def write_document_id(data: bytes, document_id: str) -> bytes:
    """A filled Word form with ``document_id`` as a custom property and a document variable."""
    check_document_id(document_id)
    changes: dict[str, Callable[[bytes | None], bytes]] = custom_property_changes(
        DOCUMENT_ID_PROPERTY, document_id
    )
    changes[SETTINGS_PART] = lambda old: _settings(old, document_id)
    return rewrite_package(data, changes)


def read_document_id(data: bytes | OpenedDocument, source: str = "<document>") -> str | None:
    """The document id a returned Word form (its bytes, or the document opened once)
    carries (its custom property, else its document variable), or None. ``DocumentError``
    for a file that is not a readable .docx."""
    document = opened(data, source)
    found = read_custom_property(document, DOCUMENT_ID_PROPERTY, "docx", source)
    if is_document_id(found):
        return found
    package = document.package("docx")
    if not package.has(SETTINGS_PART):
        return None
    root = package.parse(SETTINGS_PART)
    for variable in root.iter(f"{{{_W}}}docVar"):
        if variable.get(f"{{{_W}}}name") == DOCUMENT_ID_PROPERTY:
            value = variable.get(f"{{{_W}}}val")
            return value if is_document_id(value) else None
    return None
