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

    def to_bytes(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()
