"""The continuation sheet: what a PDF form has no room for, on pages added at its end.

A PDF form cannot grow. When a value does not fit its box even at the smallest readable size
(``_appearance.MIN_FONT_SIZE``), the box shows what fits and "see continuation C1", and the
sheet prints the whole text under "C1. <the box's label>" (the field keeps the whole text as
its value, so reading the form back loses nothing). When a table of fields has more items
than printed rows, the sheet carries the further rows as fields of their own, one labelled
box per column, named ``Continued <table> row <n> col <i>`` so that reading the form finds
them as rows of the table (:func:`continued_field_name`), and a flattened copy prints them.

The sheet is drawn in the font the values are drawn in (``_appearance``), headed with the
form's name, and is numbered on its own ("Continuation sheet 1 of 2"), since the form's pages
print their own "Page X of Y".
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from pepdocs.formats.pdf._appearance import (
    LEADING,
    PADDING,
    PreparedFont,
    StreamCanvas,
    value_font,
)
from pepdocs.formats.pdf._fields import FF_MULTILINE, FormField

__all__ = ["Continuation", "continued_field_name", "continued_prefix", "field_node"]

_PAGE_W, _PAGE_H = 595.2756, 841.8898  # A4 in points (ISO 216)
_MARGIN = 40.0
_BODY, _HEADING, _TITLE = 9.0, 10.5, 14.0
_LABEL_W = 130.0
_BANNER = (0.25, 0.25, 0.30)
_FIELD_BG = (0.93, 0.95, 1.0)
_BORDER = (0.45, 0.45, 0.55)


def continued_field_name(table: str, row: int, column: int) -> str:
    """The field holding column ``column`` (from 1) of row ``row`` of ``table`` (a model path)
    on a continuation sheet. No periods: a period in a field name means a parent field."""
    return f"{continued_prefix(table)}{row} col {column}"


def continued_prefix(table: str) -> str:
    """What the names of ``table``'s continued fields start with."""
    return f"Continued {table.replace('.', '_')} row "


@dataclass(slots=True)
class _Text:
    number: int
    label: str
    page: int | None
    text: str


@dataclass(slots=True)
class _Rows:
    table: str
    title: str
    headers: tuple[str, ...]
    first: int  # the row number of the first continued row (printed rows + 1)
    rows: list[list[str]]


@dataclass(slots=True)
class _Box:
    """A field to create on a continuation page: where, named what, holding what."""

    page: int
    rect: tuple[float, float, float, float]
    name: str
    label: str
    text: str


@dataclass(slots=True)
class _Cursor:
    page: int = 0
    y: float = 0.0


@dataclass
class Continuation:
    """What goes on the continuation sheet, collected while a form is filled."""

    form_name: str
    texts: list[_Text] = field(default_factory=list)
    tables: list[_Rows] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.texts or self.tables)

    def add_text(self, label: str, page: int | None, text: str) -> str:
        """Put ``text`` on the sheet; returns its reference (``C1``) for the box's marker."""
        number = len(self.texts) + 1
        self.texts.append(_Text(number, label, page, text))
        return f"C{number}"

    def add_rows(
        self,
        table: str,
        title: str,
        headers: Sequence[str],
        first: int,
        rows: Sequence[Sequence[str]],
    ) -> None:
        self.tables.append(_Rows(table, title, tuple(headers), first, [list(r) for r in rows]))

    # -- drawing ----------------------------------------------------------------------------

    def append_to(self, writer: PdfWriter) -> list[tuple[FormField, DictionaryObject, str]]:
        """Draw the sheet, add its pages to ``writer`` and its row fields to the form; returns
        (field, widget, text) for each new field, whose appearance the caller draws."""
        # twice: "Continuation sheet N of M" needs M before the first page is drawn
        counted, _ = self._draw(0)
        pages, boxes = self._draw(len(PdfReader(io.BytesIO(counted)).pages))
        first_page = len(writer.pages)
        reader = PdfReader(io.BytesIO(pages))
        for page in reader.pages:
            writer.add_page(page)
        return [self._field(writer, writer.pages[first_page + box.page], box) for box in boxes]

    def draw_streams(
        self, font: PreparedFont
    ) -> tuple[list[bytes], list[_Box], tuple[float, float]] | None:
        """The sheet as page content streams in the prepared font subsets (for a form
        written from its prepared template), its boxes, and the page size; None when a
        text has a letter the subsets lack."""
        counted = StreamCanvas(font)
        self._draw_on(counted, 0)
        canvas = StreamCanvas(font)
        boxes = self._draw_on(canvas, len(counted.pages))
        if not (counted.drawable and canvas.drawable):
            return None
        return canvas.pages, boxes, (_PAGE_W, _PAGE_H)

    def _draw(self, total: int) -> tuple[bytes, list[_Box]]:
        from reportlab.pdfgen.canvas import Canvas

        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(_PAGE_W, _PAGE_H), invariant=1)
        boxes = self._draw_on(canvas, total)
        canvas.save()
        return buffer.getvalue(), boxes

    def _draw_on(self, canvas: Any, total: int) -> list[_Box]:
        """Draw the sheet on ``canvas`` (reportlab's, or a :class:`StreamCanvas`); returns
        the boxes of the continued rows' fields. ``total`` is the page count printed."""
        from reportlab.lib.utils import simpleSplit

        font = value_font()
        canvas.setTitle(f"{self.form_name}: continuation sheet")
        boxes: list[_Box] = []
        width = _PAGE_W - 2 * _MARGIN
        state = _Cursor()
        headers: list[int] = []  # which page each header was drawn on (for "of N")

        def new_page() -> None:
            if headers:
                canvas.showPage()
                state.page += 1
            headers.append(state.page)
            canvas.setFillColorRGB(*_BANNER)
            canvas.rect(0, _PAGE_H - 50, _PAGE_W, 50, stroke=0, fill=1)
            canvas.setFillColorRGB(1, 1, 1)
            canvas.setFont(font, _TITLE)
            canvas.drawString(_MARGIN, _PAGE_H - 32, f"{self.form_name}: continuation sheet")
            canvas.setFillColorRGB(0, 0, 0)
            canvas.setFont(font, 8)
            canvas.drawRightString(
                _PAGE_W - _MARGIN, 30, f"Continuation sheet {len(headers)} of {total}"
            )
            state.y = _PAGE_H - 80

        def room(height: float) -> None:
            if state.y - height < _MARGIN + 20:
                new_page()

        def heading(text: str) -> None:
            room(_HEADING * 3)
            canvas.setFont(font, _HEADING)
            canvas.setFillColorRGB(*_BANNER)
            canvas.drawString(_MARGIN, state.y, text)
            canvas.setFillColorRGB(0, 0, 0)
            state.y -= _HEADING * 1.8

        new_page()
        for item in self.texts:
            where = f" (page {item.page})" if item.page else ""
            heading(f"C{item.number}. {item.label}{where}")
            canvas.setFont(font, _BODY)
            for paragraph in item.text.split("\n"):
                for line in simpleSplit(paragraph, font, _BODY, width) or [""]:
                    room(_BODY * LEADING)
                    canvas.setFont(font, _BODY)
                    canvas.drawString(_MARGIN, state.y, line)
                    state.y -= _BODY * LEADING
            state.y -= _BODY
        box_w = width - _LABEL_W
        for table in self.tables:
            last = table.first + len(table.rows) - 1
            span = f"row {table.first}" if last == table.first else f"rows {table.first}-{last}"
            heading(f"{table.title}: {span} (the form has room for {table.first - 1})")
            for offset, row in enumerate(table.rows):
                number = table.first + offset
                heights = [
                    max(1, len(_wrapped(text, font, box_w))) * _BODY * LEADING + 2 * PADDING + 2
                    for text in row
                ]
                room(sum(heights) + 4 * len(row) + _BODY * 2)
                canvas.setFont(font, _BODY)
                canvas.drawString(_MARGIN, state.y, f"Row {number}")
                state.y -= _BODY * 1.6
                for column, (header, text, height) in enumerate(
                    zip(table.headers, row, heights, strict=True), start=1
                ):
                    top = state.y + _BODY
                    canvas.setFont(font, _BODY)
                    for index, line in enumerate(simpleSplit(header, font, _BODY, _LABEL_W - 8)):
                        canvas.drawString(_MARGIN, top - _BODY - index * _BODY * LEADING, line)
                    rect = (_MARGIN + _LABEL_W, top - height, _MARGIN + width, top)
                    boxes.append(
                        _Box(
                            state.page,
                            rect,
                            continued_field_name(table.table, number, column),
                            header,
                            text,
                        )
                    )
                    state.y -= height + 4
                state.y -= _BODY
        canvas.showPage()
        return boxes

    def _field(
        self, writer: PdfWriter, page: DictionaryObject, box: _Box
    ) -> tuple[FormField, DictionaryObject, str]:
        node = field_node(box)
        reference = writer._add_object(node)
        node[NameObject("/P")] = page.indirect_reference or reference
        annotations = page.get("/Annots")
        if annotations is None:
            page[NameObject("/Annots")] = ArrayObject([reference])
        else:
            annotations.get_object().append(reference)
        root = writer._root_object
        found = root.get("/AcroForm")
        acroform = found.get_object() if found is not None else None
        if not isinstance(acroform, DictionaryObject):
            acroform = DictionaryObject({NameObject("/Fields"): ArrayObject()})
            root[NameObject("/AcroForm")] = writer._add_object(acroform)
        fields = acroform.get("/Fields")
        fields = fields.get_object() if fields is not None else None
        if isinstance(fields, ArrayObject):
            fields.append(reference)
        else:
            acroform[NameObject("/Fields")] = ArrayObject([reference])
        return FormField(box.name, node, [node]), node, box.text


def field_node(box: _Box) -> DictionaryObject:
    """The text field (and its widget) a continued cell is written into, without its page."""
    x1, y1, x2, y2 = box.rect
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject(box.name),
            NameObject("/TU"): TextStringObject(box.label),
            NameObject("/V"): TextStringObject(box.text),
            NameObject("/Ff"): NumberObject(FF_MULTILINE),
            NameObject("/F"): NumberObject(4),  # print
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (x1, y1, x2, y2)]),
            NameObject("/DA"): TextStringObject(f"/Helv {_BODY:g} Tf 0 g"),
            NameObject("/MK"): DictionaryObject(
                {
                    NameObject("/BG"): ArrayObject([FloatObject(v) for v in _FIELD_BG]),
                    NameObject("/BC"): ArrayObject([FloatObject(v) for v in _BORDER]),
                }
            ),
        }
    )


def _wrapped(text: str, font: str, width: float) -> list[str]:
    """The lines ``text`` takes in a box ``width`` wide at the body size."""
    from reportlab.lib.utils import simpleSplit

    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(simpleSplit(paragraph, font, _BODY, width - 2 * PADDING) or [""])
    return lines
