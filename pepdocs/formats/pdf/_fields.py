"""AcroForm fields: finding them by full name, and what they hold (ISO 32000-1, 12.7).

A field is a tree node: its full name joins the ``/T`` of it and its ancestors with dots, and
``/FT``, ``/Ff``, ``/V``, ``/DA``, ``/Opt`` may be inherited from an ancestor. Its widgets
(what is drawn on a page) are either the field dictionary itself or its ``/Kids`` without a
``/T``. Checkbox and radio on-state names are the keys of each widget's ``/AP /N`` other than
``/Off``, and are whatever the form's author chose (``/Yes``, ``/On``, ``/1``, ``/Choice2``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject

# Field flags (ISO 32000-1, tables 226, 228, 230), counted from bit 1.
FF_READ_ONLY = 1 << 0
FF_MULTILINE = 1 << 12
FF_NO_TOGGLE_TO_OFF = 1 << 14
FF_RADIO = 1 << 15
FF_PUSHBUTTON = 1 << 16
FF_COMBO = 1 << 17
FF_EDIT = 1 << 18
#: annotation flag "hidden" (table 165): not drawn, so not flattened either
ANNOT_HIDDEN = 1 << 1
OFF = "/Off"
_MAX_DEPTH = 32  # a field tree deeper than this is damaged or hostile


@dataclass
class FormField:
    """One terminal field with its widgets."""

    name: str
    node: DictionaryObject
    widgets: list[DictionaryObject] = field(default_factory=list)

    def get(self, key: str, default: Any = None) -> Any:
        """An attribute, inherited from an ancestor when the field does not set it."""
        node: Any = self.node
        for _ in range(_MAX_DEPTH):
            if node is None:
                break
            if key in node:
                return node[key]
            parent = node.get("/Parent")
            node = parent.get_object() if parent is not None else None
        return default

    @property
    def type(self) -> str:
        return str(self.get("/FT", ""))

    @property
    def flags(self) -> int:
        try:
            return int(self.get("/Ff", 0))
        except (TypeError, ValueError):
            return 0

    @property
    def kind(self) -> str:
        """``text``, ``checkbox``, ``radio``, ``choice``, ``button`` or ``signature``."""
        return field_kind(self.type, self.flags)

    def states(self, widget: DictionaryObject | None = None) -> list[str]:
        """On-state names (``/Yes``...) of one widget, or of all widgets in order."""
        widgets = [widget] if widget is not None else self.widgets
        found: list[str] = []
        for item in widgets:
            appearances = item.get("/AP")
            normal = appearances.get_object().get("/N") if appearances is not None else None
            normal = normal.get_object() if normal is not None else None
            if isinstance(normal, DictionaryObject):
                found.extend(str(key) for key in normal if key != OFF and key not in found)
        return found

    def options(self) -> list[tuple[str, str]]:
        """A choice field's options as (export value, shown text)."""
        found: list[tuple[str, str]] = []
        raw = self.get("/Opt")
        raw = raw.get_object() if raw is not None else None
        if not isinstance(raw, ArrayObject):
            return found
        for item in raw:
            item = item.get_object()
            if isinstance(item, ArrayObject) and len(item) >= 2:
                found.append((str(item[0].get_object()), str(item[1].get_object())))
            else:
                found.append((str(item), str(item)))
        return found


def field_kind(type_: str | None, flags: int) -> str:
    """What a field is, from its ``/FT`` and ``/Ff``: ``text``, ``checkbox``, ``radio``,
    ``choice``, ``button``, ``signature`` or ``unknown``."""
    if type_ == "/Tx":
        return "text"
    if type_ == "/Ch":
        return "choice"
    if type_ == "/Sig":
        return "signature"
    if type_ == "/Btn":
        if flags & FF_PUSHBUTTON:
            return "button"
        return "radio" if flags & FF_RADIO else "checkbox"
    return "unknown"


def iter_fields(root: DictionaryObject) -> Iterator[FormField]:
    """Every terminal field of a document (``root`` is the catalog), with full names."""
    acroform = root.get("/AcroForm")
    acroform = acroform.get_object() if acroform is not None else None
    if not isinstance(acroform, DictionaryObject):
        return
    fields = acroform.get("/Fields")
    fields = fields.get_object() if fields is not None else None
    if not isinstance(fields, ArrayObject):
        return
    seen: set[int] = set()
    for item in fields:
        yield from _walk(item.get_object(), "", seen, 0)


def _walk(node: Any, parent_name: str, seen: set[int], depth: int) -> Iterator[FormField]:
    if not isinstance(node, DictionaryObject) or depth > _MAX_DEPTH or id(node) in seen:
        return
    seen.add(id(node))
    partial = node.get("/T")
    name = parent_name
    if partial is not None:
        name = f"{parent_name}.{partial}" if parent_name else str(partial)
    kids = node.get("/Kids")
    kids = kids.get_object() if kids is not None else None
    children = [kid.get_object() for kid in kids] if isinstance(kids, ArrayObject) else []
    named = [kid for kid in children if isinstance(kid, DictionaryObject) and "/T" in kid]
    if named:
        for kid in named:
            yield from _walk(kid, name, seen, depth + 1)
        return
    found = FormField(name, node)
    if node.get("/Subtype") == "/Widget":
        found.widgets.append(node)
    found.widgets.extend(
        kid for kid in children if isinstance(kid, DictionaryObject) and "/T" not in kid
    )
    yield found


def fields_by_name(root: DictionaryObject) -> dict[str, FormField]:
    return {found.name: found for found in iter_fields(root)}


def widget_pages(document: PdfReader | PdfWriter) -> dict[int | None, int]:
    """Object number of each annotation -> the page it is on (from 1)."""
    pages: dict[int | None, int] = {}
    for number, page in enumerate(document.pages, start=1):
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else None
        if isinstance(annotations, ArrayObject):
            for annotation in annotations:
                idnum = getattr(annotation, "idnum", None)
                if idnum is not None:
                    pages.setdefault(idnum, number)
    return pages
