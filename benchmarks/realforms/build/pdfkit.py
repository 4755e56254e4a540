"""PDF forms as people get them from an authority: printed labels, and AcroForm fields named
the way Acrobat's automatic field detection names them ("Text1", "Text2", "Check Box1"), so
only the printed words beside or above a field say what it is for.

A :class:`Sheet` lays a form out top to bottom on A4 pages; a blank and a completed copy of a
layout put every field in the same place with the same name, the completed one with values.
Built with ``invariant`` set: no creation date or random id, so rebuilds are identical.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
MARGIN = 40.0
INNER = WIDTH - 2 * MARGIN
BORDER = HexColor("#7F7F7F")
FIELD_FILL = HexColor("#EEF3FB")


class Sheet:
    """One PDF form being drawn; fields are numbered in the order they are placed."""

    def __init__(self, title: str, authority: str, banner: str, reference: str) -> None:
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=A4, invariant=1, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(authority)
        self.canvas.setCreator("Microsoft Word")
        self.banner = HexColor(banner)
        self.authority = authority
        self.reference = reference
        self.texts = 0
        self.boxes = 0
        self.page = 1
        self.y = 0.0
        self._start_page()

    # -- pages ----------------------------------------------------------------------------

    def _start_page(self) -> None:
        c = self.canvas
        c.setFont("Helvetica-Bold", 11)
        c.setFillColor(self.banner)
        c.drawString(MARGIN, HEIGHT - 30, self.authority)
        c.setFillColor(HexColor("#C00000"))
        c.drawRightString(WIDTH - MARGIN, HEIGHT - 30, "OFFICIAL-SENSITIVE")
        c.setFont("Helvetica", 7)
        c.setFillColor(HexColor("#595959"))
        c.drawString(MARGIN, 20, self.reference)
        c.drawRightString(WIDTH - MARGIN, 20, f"Page {self.page}")
        c.setFillColor(HexColor("#000000"))
        self.y = HEIGHT - 50

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` points fit on this one."""
        if self.y - height < 40:
            self.canvas.showPage()
            self.page += 1
            self._start_page()

    # -- printed text ---------------------------------------------------------------------

    def title(self, text: str, size: int = 15) -> None:
        self.need(size + 10)
        self.canvas.setFont("Helvetica-Bold", size)
        self.canvas.drawCentredString(WIDTH / 2, self.y - size, text)
        self.y -= size + 10

    def heading(self, text: str) -> None:
        """A section banner: white bold text on the authority's colour."""
        self.need(22)
        c = self.canvas
        c.setFillColor(self.banner)
        c.rect(MARGIN, self.y - 16, INNER, 16, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(MARGIN + 4, self.y - 12, text)
        c.setFillColor(HexColor("#000000"))
        self.y -= 22

    def note(self, text: str, *, italic: bool = True, size: float = 7.5) -> None:
        """A guidance line ("To be completed by ..."), wrapped to the page width."""
        words = text.split()
        lines: list[str] = []
        line = ""
        font = "Helvetica-Oblique" if italic else "Helvetica"
        for word in words:
            trial = f"{line} {word}".strip()
            if self.canvas.stringWidth(trial, font, size) > INNER:
                lines.append(line)
                line = word
            else:
                line = trial
        if line:
            lines.append(line)
        self.need(len(lines) * (size + 2) + 4)
        self.canvas.setFont(font, size)
        for text_line in lines:
            self.canvas.drawString(MARGIN, self.y - size, text_line)
            self.y -= size + 2
        self.y -= 4

    def _label(self, text: str, x: float, y: float, size: float = 8) -> None:
        self.canvas.setFont("Helvetica-Bold", size)
        self.canvas.drawString(x, y, text)

    # -- fields ---------------------------------------------------------------------------

    def _text_field(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        value: str | None,
        *,
        multiline: bool = False,
    ) -> None:
        self.texts += 1
        self.canvas.acroForm.textfield(
            name=f"Text{self.texts}",
            value=value or "",
            x=x,
            y=y,
            width=width,
            height=height,
            fontName="Helvetica",
            fontSize=8 if not multiline else 7.5,
            borderColor=BORDER,
            fillColor=FIELD_FILL,
            borderWidth=0.5,
            fieldFlags="multiline" if multiline else "",
            maxlen=4000,
            forceBorder=True,
        )

    def _check(self, x: float, y: float, checked: bool) -> None:
        self.boxes += 1
        self.canvas.acroForm.checkbox(
            name=f"Check Box{self.boxes}",
            checked=checked,
            buttonStyle="cross",
            x=x,
            y=y,
            size=9,
            borderColor=BORDER,
            fillColor=white,
            borderWidth=0.5,
            fieldFlags="",
            forceBorder=True,
        )

    def fields(
        self, pairs: Sequence[tuple[str, str | None]], *, columns: int = 2, label_width: float = 95
    ) -> None:
        """Rows of "Label [field]" pairs, ``columns`` pairs to a row, label to the left."""
        column_width = INNER / columns
        for start in range(0, len(pairs), columns):
            self.need(18)
            for n, (label, value) in enumerate(pairs[start : start + columns]):
                x = MARGIN + n * column_width
                self._label(label, x, self.y - 11)
                self._text_field(
                    x + label_width, self.y - 14, column_width - label_width - 6, 14, value
                )
            self.y -= 18

    def stacked(self, pairs: Sequence[tuple[str, str | None]], *, columns: int = 3) -> None:
        """Rows of fields each with its printed label above it (small caps style)."""
        column_width = INNER / columns
        for start in range(0, len(pairs), columns):
            self.need(30)
            for n, (label, value) in enumerate(pairs[start : start + columns]):
                x = MARGIN + n * column_width
                self._label(label, x, self.y - 8, size=7)
                self._text_field(x, self.y - 26, column_width - 8, 15, value)
            self.y -= 31

    def field_above(self, label: str, value: str | None, *, height: float = 48) -> None:
        """A printed question with a multi-line field under it."""
        self.need(height + 16)
        self._label(label, MARGIN, self.y - 10)
        self._text_field(MARGIN, self.y - 14 - height, INNER, height, value, multiline=True)
        self.y -= height + 20

    def options(
        self,
        label: str,
        options: Sequence[str],
        chosen: Sequence[bool],
        *,
        label_width: float = 150,
    ) -> None:
        """A printed label then boxes, each followed by its option's words."""
        self.need(16)
        self._label(label, MARGIN, self.y - 10)
        x = MARGIN + label_width
        self.canvas.setFont("Helvetica", 8)
        for text, picked in zip(options, chosen, strict=True):
            self._check(x, self.y - 12, picked)
            self.canvas.drawString(x + 12, self.y - 10, text)
            x += 18 + self.canvas.stringWidth(text, "Helvetica", 8) + 10
        self.y -= 17

    def grid(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Sequence[Sequence[str | bool | None]],
        *,
        row_height: float = 26,
        boxes: Sequence[bool] = (),
    ) -> None:
        """A table: printed header cells, then a field (or a box, for columns flagged in
        ``boxes``) in every cell of every row."""
        scale = INNER / sum(widths)
        widths = [w * scale for w in widths]
        self.need(16 + row_height)
        c = self.canvas
        x = MARGIN
        c.setFillColor(Color(0.85, 0.85, 0.85))
        c.rect(MARGIN, self.y - 14, INNER, 14, stroke=0, fill=1)
        c.setFillColor(HexColor("#000000"))
        c.setFont("Helvetica-Bold", 7)
        for header, width in zip(headers, widths, strict=True):
            c.drawString(x + 2, self.y - 10, header)
            x += width
        self.y -= 15
        for row in rows:
            self.need(row_height + 2)
            x = MARGIN
            for column, (value, width) in enumerate(zip(row, widths, strict=True)):
                if boxes and boxes[column]:
                    self._check(x + width / 2 - 4.5, self.y - row_height / 2 - 4.5, bool(value))
                else:
                    text = value if isinstance(value, str) else None
                    self._text_field(
                        x + 1,
                        self.y - row_height,
                        width - 2,
                        row_height,
                        text,
                        multiline=row_height > 16,
                    )
                x += width
            self.y -= row_height + 2
        self.y -= 4

    # -- ruled layouts: labels in cells drawn with lines ---------------------------------

    def rule(self, text: str) -> None:
        """A section title in bold capitals between two thin rules (no banner)."""
        self.need(24)
        c = self.canvas
        c.setStrokeColor(self.banner)
        c.setLineWidth(1.2)
        c.line(MARGIN, self.y - 2, WIDTH - MARGIN, self.y - 2)
        c.setFillColor(self.banner)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(MARGIN, self.y - 13, text.upper())
        c.line(MARGIN, self.y - 17, WIDTH - MARGIN, self.y - 17)
        c.setFillColor(HexColor("#000000"))
        self.y -= 23

    def _frame(self, x: float, y: float, width: float, height: float, fill: Color | None) -> None:
        c = self.canvas
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.6)
        if fill is not None:
            c.setFillColor(fill)
        c.rect(x, y, width, height, stroke=1, fill=1 if fill is not None else 0)
        c.setFillColor(HexColor("#000000"))

    def ruled_pairs(
        self,
        pairs: Sequence[tuple[str, str | None]],
        *,
        columns: int = 2,
        label_share: float = 0.42,
        height: float = 18,
    ) -> None:
        """Rows of label cell | field cell drawn as a ruled table, ``columns`` pairs to a row;
        the label sits in a shaded cell, the field fills the cell to its right."""
        column_width = INNER / columns
        label_width = column_width * label_share
        for start in range(0, len(pairs), columns):
            self.need(height)
            top = self.y
            for n, (label, value) in enumerate(pairs[start : start + columns]):
                x = MARGIN + n * column_width
                self._frame(x, top - height, label_width, height, Color(0.9, 0.9, 0.9))
                self._frame(x + label_width, top - height, column_width - label_width, height, None)
                self._label(label, x + 3, top - height + 6, size=7)
                self._text_field(
                    x + label_width + 1.5,
                    top - height + 1.5,
                    column_width - label_width - 3,
                    height - 3,
                    value,
                )
            self.y -= height

    def ruled_cells(
        self, cells: Sequence[tuple[str, str | None, float]], *, height: float = 30
    ) -> None:
        """One ruled row of cells, each with its printed label at the top left inside the cell
        and the field filling the rest of the cell (``weight`` shares the row's width)."""
        self.need(height)
        total = sum(weight for _, _, weight in cells)
        x = MARGIN
        top = self.y
        for label, value, weight in cells:
            width = INNER * weight / total
            self._frame(x, top - height, width, height, None)
            self._label(label, x + 3, top - 8, size=6.5)
            self._text_field(
                x + 2,
                top - height + 2,
                width - 4,
                height - 12,
                value,
                multiline=height > 40,
            )
            x += width
        self.y -= height

    def checklist(
        self,
        question: str,
        options: Sequence[str],
        chosen: Sequence[bool],
        *,
        columns: int = 2,
    ) -> None:
        """A printed question, then its options in columns, each box to the left of its
        words."""
        rows = (len(options) + columns - 1) // columns
        self.need(14 + rows * 13)
        self._label(question, MARGIN, self.y - 9, size=7.5)
        self.y -= 13
        column_width = INNER / columns
        self.canvas.setFont("Helvetica", 7.5)
        for n, (text, picked) in enumerate(zip(options, chosen, strict=True)):
            row, column = divmod(n, columns)
            x = MARGIN + 8 + column * column_width
            y = self.y - row * 13
            self._check(x, y - 10, picked)
            self.canvas.setFont("Helvetica", 7.5)
            self.canvas.drawString(x + 13, y - 8, text)
        self.y -= rows * 13 + 4

    def answer_boxes(
        self, label: str, options: Sequence[str], chosen: Sequence[bool], *, at: float = 0.55
    ) -> None:
        """A printed question with each option's word first and its box to the right
        ("Yes [ ]  No [ ]")."""
        self.need(16)
        self._label(label, MARGIN, self.y - 10, size=7.5)
        x = MARGIN + INNER * at
        for text, picked in zip(options, chosen, strict=True):
            self.canvas.setFont("Helvetica", 8)
            self.canvas.drawString(x, self.y - 10, text)
            x += self.canvas.stringWidth(text, "Helvetica", 8) + 3
            self._check(x, self.y - 12, picked)
            x += 24
        self.y -= 17

    def framed(self, label: str, value: str | None, *, height: float = 50) -> None:
        """A ruled box with its question printed inside at the top and a multi-line field
        under it."""
        self.need(height + 2)
        top = self.y
        self._frame(MARGIN, top - height, INNER, height, None)
        self._label(label, MARGIN + 3, top - 9, size=7)
        self._text_field(
            MARGIN + 2, top - height + 2, INNER - 4, height - 14, value, multiline=True
        )
        self.y -= height + 3

    def ruled_grid(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Sequence[Sequence[str | bool | None]],
        *,
        row_height: float = 24,
        boxes: Sequence[bool] = (),
    ) -> None:
        """A table drawn with lines: shaded header cells, then a field (or a box) inside each
        ruled cell of every printed row."""
        scale = INNER / sum(widths)
        widths = [w * scale for w in widths]
        self.need(16 + row_height)
        x = MARGIN
        for header, width in zip(headers, widths, strict=True):
            self._frame(x, self.y - 14, width, 14, Color(0.88, 0.88, 0.88))
            self._label(header, x + 2, self.y - 10, size=6.5)
            x += width
        self.y -= 14
        for row in rows:
            self.need(row_height)
            x = MARGIN
            for column, (value, width) in enumerate(zip(row, widths, strict=True)):
                self._frame(x, self.y - row_height, width, row_height, None)
                if boxes and boxes[column]:
                    self._check(x + width / 2 - 4.5, self.y - row_height / 2 - 4.5, bool(value))
                else:
                    text = value if isinstance(value, str) else None
                    self._text_field(
                        x + 1.5,
                        self.y - row_height + 1.5,
                        width - 3,
                        row_height - 3,
                        text,
                        multiline=row_height > 16,
                    )
                x += width
            self.y -= row_height
        self.y -= 6

    def to_bytes(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()
