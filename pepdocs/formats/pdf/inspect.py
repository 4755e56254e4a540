"""The PDF engine's inspection API: what code outside the engine may read of a PDF form.

Inference (drafting a mapping for a form no mapping describes) looks at a PDF AcroForm the
way a person does: each field's widgets, and the printed words around each one: the label
to its left on its line, the label above it, the column header over it when it is a cell of
a table of fields, the option word beside a checkbox, the section heading it sits under.
Fields named only ``Text1`` or ``Check Box23`` are read by those labels. This module is the
counterpart of ``pepdocs.formats.word.inspect``; the engine's other modules are its own.

    from pepdocs.formats.pdf import inspect as pdf

    layout = pdf.open_form(data, "form.pdf")
    for widget in layout.widgets:
        widget.name, widget.kind, widget.left, widget.above, widget.column, widget.section
    for table in layout.tables:
        table.header, table.rows        # rows of field names under printed column headers

The PDF is opened through the bounded opener (``pepdocs.safety.pdf.open_pdf``, time and
memory limits in a worker process), whose worker also extracts the printed text with
positions; how labels are found from them is in ``_layout``'s docstring.
"""

from __future__ import annotations

from typing import Any, cast

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from pepdocs.errors import DocumentError, PepdocsError
from pepdocs.formats.pdf._fields import ANNOT_HIDDEN, FF_MULTILINE, FormField, iter_fields
from pepdocs.formats.pdf._layout import (
    FieldTable,
    FormLayout,
    Label,
    Phrase,
    RawWidget,
    Rect,
    Widget,
    build_layout,
)

__all__ = [
    "FieldTable",
    "FormLayout",
    "Label",
    "Phrase",
    "Rect",
    "Widget",
    "open_form",
]


def open_form(data: bytes, name: str, password: str | None = None) -> FormLayout:
    """A PDF form opened within the safety bounds, its widgets with the printed text around
    each, and its tables of fields. A PDF without fields has no widgets (and no tables)."""
    from pepdocs.safety.pdf import open_pdf

    reader, summary = open_pdf(data, name, password, layout=True)
    try:
        boxes = _widgets(reader)
    except PepdocsError:
        raise
    except Exception:
        raise DocumentError("is not a readable PDF form (damaged field tree)", name) from None
    return build_layout(summary.layout, boxes)


def _kind(field: FormField) -> str:
    kind = field.kind
    if kind == "text" and field.flags & FF_MULTILINE:
        return "multiline"
    return kind


def _reference(item: Any) -> int | None:
    """The object number of an annotation, however it is reached."""
    number = getattr(item, "idnum", None)
    if number is None:
        reference = getattr(item, "indirect_reference", None)
        number = getattr(reference, "idnum", None)
    return int(number) if number is not None else None


def _rect(widget: DictionaryObject) -> Rect | None:
    raw = widget.get("/Rect")
    raw = raw.get_object() if raw is not None else None
    try:
        x0, y0, x1, y1 = (float(value) for value in raw)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _widgets(reader: PdfReader) -> list[RawWidget]:
    """Every visible widget of every terminal field, with its page (from the pages'
    ``/Annots``, else the widget's ``/P``), in the order of the field tree."""
    pages: dict[int, int] = {}
    page_objects: dict[int, int] = {}
    for number, page_object in enumerate(reader.pages, start=1):
        reference = _reference(page_object)
        if reference is not None:
            page_objects[reference] = number
        annotations = page_object.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else None
        if isinstance(annotations, ArrayObject):
            for item in annotations:
                annotation = _reference(item)
                if annotation is not None:
                    pages.setdefault(annotation, number)
    root = cast(DictionaryObject, reader.trailer["/Root"])
    found: list[RawWidget] = []
    for field in iter_fields(root):
        kind = _kind(field)
        tooltip = str(field.get("/TU") or "").strip()
        options = tuple(field.options()) if kind == "choice" else ()
        value = _text_value(field) if kind in ("text", "multiline", "choice") else None
        for widget in field.widgets:
            flags = widget.get("/F")
            try:
                hidden = flags is not None and int(flags.get_object()) & ANNOT_HIDDEN
            except (TypeError, ValueError):
                hidden = False
            rect = _rect(widget)
            if hidden or rect is None or rect[2] - rect[0] < 1 or rect[3] - rect[1] < 1:
                continue
            page = pages.get(_reference(widget) or -1)
            if page is None:
                owner = widget.get("/P")
                page = page_objects.get(_reference(owner) or -1) if owner is not None else None
            if page is None:
                continue
            states = field.states(widget) if kind in ("checkbox", "radio") else []
            found.append(
                RawWidget(
                    name=field.name,
                    kind=kind,
                    page=page,
                    rect=rect,
                    state=states[0] if states else None,
                    options=options,
                    tooltip=tooltip,
                    value=value,
                )
            )
    return found


def _text_value(field: FormField) -> str | None:
    """The text a text box or drop-down holds, or None when it holds none."""
    value = field.get("/V")
    value = value.get_object() if value is not None else None
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    text = "" if value is None else str(value)
    return text if text.strip() else None
