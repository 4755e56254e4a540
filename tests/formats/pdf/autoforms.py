"""Small PDF forms drawn at test time whose fields are named as PDF editors name them
(``Text1``, ``Check Box1``, ``Group1``), so that only the printed words say what each holds.

    form = AutoForm("Personal Education Plan")
    form.heading("About the child")
    dob = form.beside("Date of birth", value="02/05/2015")     # label left of the box
    views = form.under("Child's views", value="I like maths")  # label above a multi-line box
    names = form.table(["Target", "By when"], rows=3)          # fields under column headers
    sen = form.options("SEN provision", ["No SEN", "EHCP"], ticked=["EHCP"])
    data = form.save()

Each method returns the names of the fields it drew. Everything is fictional.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

LEFT = 40
BOX_X = 170
BOX_W = 160
RIGHT_COLUMN = 360
ROW = 20
LABEL_SIZE = 9
FIELD_BG = Color(0.93, 0.95, 1.0)


class AutoForm:
    """A reportlab AcroForm filled in top to bottom, one printed line at a time."""

    def __init__(self, title: str = "Personal Education Plan") -> None:
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=True)
        self.y = A4[1] - 60
        self.counts = {"Text": 0, "Check Box": 0, "Group": 0, "Dropdown": 0}
        self.canvas.setFont("Helvetica-Bold", 16)
        self.canvas.drawString(LEFT, self.y, title)
        self.y -= 34

    # -- drawing helpers ---------------------------------------------------------------------

    def _name(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def _label(self, text: str, x: float, y: float, *, bold: bool = True) -> None:
        self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", LABEL_SIZE)
        self.canvas.setFillColor(black)
        self.canvas.drawString(x, y, text)

    def _text_field(
        self,
        x: float,
        y: float,
        width: float,
        height: float = 14,
        value: str = "",
        *,
        multiline: bool = False,
        tooltip: str | None = None,
        name: str | None = None,
    ) -> str:
        name = name or self._name("Text")
        self.canvas.acroForm.textfield(
            name=name,
            x=x,
            y=y,
            width=width,
            height=height,
            value=value,
            tooltip=tooltip,
            fieldFlags="multiline" if multiline else "",
            fillColor=FIELD_BG,
            borderWidth=0.5,
            fontSize=8,
            maxlen=2000,
        )
        return name

    def _checkbox(self, x: float, y: float, ticked: bool) -> str:
        name = self._name("Check Box")
        self.canvas.acroForm.checkbox(
            name=name, x=x, y=y, size=9, checked=ticked, buttonStyle="cross", borderWidth=0.5
        )
        return name

    # -- layout kinds ------------------------------------------------------------------------

    def heading(self, text: str) -> None:
        """A section heading, larger than the labels, alone on its line."""
        self.y -= 6
        self.canvas.setFont("Helvetica-Bold", 12)
        self.canvas.setFillColor(black)
        self.canvas.drawString(LEFT, self.y, text)
        self.y -= ROW

    def beside(
        self,
        label: str,
        value: str = "",
        *,
        second: tuple[str, str] | None = None,
        tooltip: str | None = None,
        name: str | None = None,
        wrapped: bool = False,
    ) -> list[str]:
        """``label`` printed left of a one-line box; ``second`` another label and value on
        the same line (two columns, as ePEP exports print them). ``wrapped`` prints the
        label's last word on the line under it, as a narrow label column wraps."""
        if wrapped:
            head, _, tail = label.rpartition(" ")
            self._label(head, LEFT, self.y + 3)
            self._label(tail, LEFT, self.y + 3 - 1.15 * LABEL_SIZE)
        else:
            self._label(label, LEFT, self.y + 3)
        names = [
            self._text_field(
                BOX_X, self.y - 1, BOX_W, 16 if wrapped else 14, value, tooltip=tooltip, name=name
            )
        ]
        if second is not None:
            self._label(second[0], RIGHT_COLUMN, self.y + 3)
            names.append(self._text_field(RIGHT_COLUMN + 90, self.y - 1, 100, 14, second[1]))
        self.y -= ROW + (6 if wrapped else 0)
        return names

    def under(self, label: str, value: str = "", *, height: float = 40) -> list[str]:
        """``label`` printed above a multi-line box as wide as the page."""
        self._label(label, LEFT, self.y)
        top = self.y - 4
        names = [self._text_field(LEFT, top - height, 515, height, value, multiline=True)]
        self.y = top - height - ROW
        return names

    def options(
        self,
        question: str,
        words: Sequence[str],
        *,
        ticked: Sequence[str] = (),
        words_left: bool = False,
        then: tuple[str, Sequence[str]] | None = None,
    ) -> list[str]:
        """``question`` then one checkbox per option word on one line: the word right of
        its box (``☐ Yes``), or left of it (``Yes ☐``) with ``words_left``; ``then`` a
        second question and its words further along the same line."""
        self._label(question, LEFT, self.y + 2)
        x = BOX_X
        names = []
        if then is not None:
            second_x = RIGHT_COLUMN
            self._label(then[0], second_x, self.y + 2)
            for word in then[1]:
                second_x += 110 if second_x == RIGHT_COLUMN else 40
                names.append(self._checkbox(second_x, self.y, word in ticked))
                self._label(word, second_x + 12, self.y + 2, bold=False)
        for word in words:
            if words_left:
                self._label(word, x, self.y + 2, bold=False)
                x += 6 * len(word) + 6
                names.append(self._checkbox(x, self.y, word in ticked))
                x += 30
            else:
                names.append(self._checkbox(x, self.y, word in ticked))
                self._label(word, x + 12, self.y + 2, bold=False)
                x += 12 + 6 * len(word) + 24
        self.y -= ROW
        return names

    def radio(
        self, question: str, words: Sequence[str], states: Sequence[str], chosen: str | None = None
    ) -> str:
        """``question`` then a radio group, one button per option word, the word right of
        its button; ``states`` are the buttons' on-state names (``Choice1``...)."""
        self._label(question, LEFT, self.y + 2)
        name = self._name("Group")
        x = BOX_X
        for word, state in zip(words, states, strict=True):
            self.canvas.acroForm.radio(
                name=name,
                value=state,
                selected=state == chosen,
                x=x,
                y=self.y,
                size=9,
                borderWidth=0.5,
            )
            self._label(word, x + 12, self.y + 2, bold=False)
            x += 12 + 6 * len(word) + 24
        self.y -= ROW
        return name

    def table(
        self,
        headers: Sequence[str],
        rows: int,
        *,
        widths: Sequence[float] | None = None,
        checkbox_columns: Sequence[str] = (),
        values: Sequence[Sequence[str | bool]] = (),
        height: float = 16,
    ) -> list[list[str]]:
        """A table of fields: ``headers`` printed over their columns, ``rows`` printed rows
        of boxes (checkboxes in ``checkbox_columns``); ``values`` fills rows in order."""
        widths = list(widths or [515 / len(headers)] * len(headers))
        xs = [LEFT + sum(widths[:index]) for index in range(len(headers))]
        self.canvas.setFont("Helvetica-Bold", 7.5)
        for header, x in zip(headers, xs, strict=True):
            self.canvas.drawString(x + 2, self.y, header)
        top = self.y - 4
        names: list[list[str]] = []
        for row in range(rows):
            y = top - (row + 1) * (height + 2)
            filled = values[row] if row < len(values) else [""] * len(headers)
            cells = []
            for column, (header, x, width) in enumerate(zip(headers, xs, widths, strict=True)):
                value = filled[column]
                if header in checkbox_columns:
                    cells.append(self._checkbox(x + width / 2 - 4.5, y + 3.5, value is True))
                else:
                    cells.append(self._text_field(x + 1, y, width - 2, height, str(value or "")))
            names.append(cells)
        self.y = top - rows * (height + 2) - ROW
        return names

    def note(self, text: str) -> None:
        """Guidance printed on its own line in small italics (never a label)."""
        self.canvas.setFont("Helvetica-Oblique", 7)
        self.canvas.drawString(LEFT, self.y, text)
        self.y -= ROW

    def new_page(self) -> None:
        self.canvas.showPage()
        self.y = A4[1] - 60

    def save(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()
