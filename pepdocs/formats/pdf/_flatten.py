"""Flattening: each widget's appearance drawn into its page, then every field removed.

pypdf's own ``flatten=True`` draws the appearances but leaves the ``/Widget`` annotations
and the ``/AcroForm`` behind (ISO 32000-2, docs/sources.md), so a viewer still offers the
boxes for editing.
Here every visible widget's normal appearance (for a checkbox or radio button: the one its
``/AS`` state selects) is merged into the page content at the widget's rectangle, through
pypdf's page merge (which isolates graphics state and renames clashing resources). Then
the widgets leave ``/Annots`` and ``/AcroForm`` leaves the catalog. What remains is page
content: text extraction (pypdf, pdftotext) finds the values, and nothing is editable.
"""

from __future__ import annotations

from typing import Any

from pypdf import PageObject, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    StreamObject,
)

from pepdocs.formats.pdf._fields import ANNOT_HIDDEN, OFF


def _numbers(value: Any, count: int) -> list[float] | None:
    value = value.get_object() if value is not None else None
    if not isinstance(value, ArrayObject) or len(value) != count:
        return None
    try:
        return [float(item) for item in value]
    except (TypeError, ValueError):
        return None


def _appearance(widget: DictionaryObject) -> Any:
    appearances = widget.get("/AP")
    appearances = appearances.get_object() if appearances is not None else None
    if not isinstance(appearances, DictionaryObject):
        return None
    normal = appearances.get("/N")
    if normal is None:
        return None
    resolved = normal.get_object()
    if isinstance(resolved, StreamObject):
        return normal
    if isinstance(resolved, DictionaryObject):  # one appearance per state
        state = str(widget.get("/AS", OFF))
        return resolved.get(state) or resolved.get(OFF)
    return None


def _placement(widget: DictionaryObject, appearance: StreamObject) -> list[float] | None:
    """The ``cm`` matrix mapping the appearance's BBox onto the widget's Rect (12.5.5)."""
    rect = _numbers(widget.get("/Rect"), 4)
    bbox = _numbers(appearance.get("/BBox"), 4)
    if rect is None or bbox is None:
        return None
    x1, y1, x2, y2 = (
        min(rect[0], rect[2]),
        min(rect[1], rect[3]),
        max(rect[0], rect[2]),
        max(rect[1], rect[3]),
    )
    matrix = _numbers(appearance.get("/Matrix"), 6) or [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    # the transformed bbox's corners
    corners = [
        (bx * matrix[0] + by * matrix[2] + matrix[4], bx * matrix[1] + by * matrix[3] + matrix[5])
        for bx in (bbox[0], bbox[2])
        for by in (bbox[1], bbox[3])
    ]
    left = min(x for x, _ in corners)
    right = max(x for x, _ in corners)
    bottom = min(y for _, y in corners)
    top = max(y for _, y in corners)
    if right - left <= 0 or top - bottom <= 0:
        return None
    sx = (x2 - x1) / (right - left)
    sy = (y2 - y1) / (top - bottom)
    return [sx, 0.0, 0.0, sy, x1 - left * sx, y1 - bottom * sy]


def _multiply(first: list[float], second: list[float]) -> list[float]:
    """``first`` then ``second`` as one PDF matrix (row vectors, as in ISO 32000-1 8.3.4)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def _as_page(writer: PdfWriter, appearance: StreamObject) -> PageObject:
    """The appearance as a page, so pypdf can merge it into the real page: pypdf renames
    clashing resource names (two ``/F1`` fonts) while merging, and text drawn in the page
    content itself is what every extractor reads (pypdf's layout mode skips form XObjects)."""
    bbox = _numbers(appearance.get("/BBox"), 4) or [0.0, 0.0, 1.0, 1.0]
    page = PageObject.create_blank_page(writer, width=bbox[2] - bbox[0], height=bbox[3] - bbox[1])
    resources = appearance.get("/Resources")
    if resources is not None:
        page[NameObject("/Resources")] = resources.get_object()
    content = DecodedStreamObject()
    # the XObject was clipped to its BBox by the viewer; drawn inline, clip it ourselves
    clip = f"{bbox[0]} {bbox[1]} {bbox[2] - bbox[0]} {bbox[3] - bbox[1]} re W n\n".encode()
    content.set_data(clip + appearance.get_data())
    page[NameObject("/Contents")] = writer._add_object(content)
    return page


def flatten_writer(writer: PdfWriter) -> None:
    """Flatten every page of ``writer`` in place and drop the form."""
    for page in writer.pages:
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else None
        if not isinstance(annots, ArrayObject):
            continue
        kept = ArrayObject()
        for item in annots:
            widget = item.get_object()
            if not isinstance(widget, DictionaryObject) or widget.get("/Subtype") != "/Widget":
                kept.append(item)
                continue
            flags = widget.get("/F")
            if flags is not None and int(flags.get_object()) & ANNOT_HIDDEN:
                continue
            reference = _appearance(widget)
            appearance = reference.get_object() if reference is not None else None
            if not isinstance(appearance, StreamObject) or "/BBox" not in appearance:
                continue
            placement = _placement(widget, appearance)
            if placement is None:
                continue
            own = _numbers(appearance.get("/Matrix"), 6) or [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
            ctm = _multiply(own, placement)
            page.merge_transformed_page(
                _as_page(writer, appearance),
                Transformation((ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5])),
            )
        if kept:
            page[NameObject("/Annots")] = kept
        elif "/Annots" in page:
            del page["/Annots"]
    root = writer._root_object
    if "/AcroForm" in root:
        del root["/AcroForm"]
