"""Printed text with its place on the page, as plain data the bounded PDF worker sends:
runs where the producer drew them, two labels drawn in one text block kept apart, sizes as
drawn, rotated text left out; extracted in the worker (``open_pdf(layout=True)``), never
for a file the worker refuses."""

from __future__ import annotations

import io
import json

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pepdocs import DocumentError
from pepdocs.safety import _pdf_layout
from pepdocs.safety.pdf import PageText, TextRun, inspect_pdf, open_pdf

from . import corpus


def _page(draw: object) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    draw(canvas)  # type: ignore[operator]
    canvas.save()
    return buffer.getvalue()


def _texts(data: bytes) -> list[tuple[float, float, float, str]]:
    (page,) = _pdf_layout.layout_from_bytes(data)
    return [(x, baseline, size, text) for x, baseline, _, size, _, text in page["runs"]]


def test_each_string_drawn_is_a_run_where_it_starts_with_its_size() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawString(40, 700, "Date of birth")
        canvas.setFont("Helvetica", 12)
        canvas.drawString(300, 650, "Care information")

    assert _texts(_page(draw)) == [
        (40.0, 700.0, 9.0, "Date of birth"),
        (300.0, 650.0, 12.0, "Care information"),
    ]


def test_two_labels_drawn_in_one_text_block_on_one_line_stay_two_runs() -> None:
    # pypdf reports "Legal name Preferred name" as one piece of text; the operators tell
    # where each label starts
    def draw(canvas: Canvas) -> None:
        text = canvas.beginText(40, 700)
        text.setFont("Helvetica-Bold", 9)
        text.textOut("Legal name")
        text.moveCursor(250, 0)
        text.textOut("Preferred name")
        canvas.drawText(text)

    assert _texts(_page(draw)) == [
        (40.0, 700.0, 9.0, "Legal name"),
        (290.0, 700.0, 9.0, "Preferred name"),
    ]


def test_a_size_set_by_the_text_matrix_is_the_size_as_drawn() -> None:
    def draw(canvas: Canvas) -> None:
        text = canvas.beginText()
        text.setFont("Helvetica", 1)
        text.setTextTransform(10, 0, 0, 10, 72, 500)
        text.textOut("Gender")
        canvas.drawText(text)

    assert _texts(_page(draw)) == [(72.0, 500.0, 10.0, "Gender")]


def test_rotated_text_is_not_a_label() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.drawString(40, 700, "UPN")
        canvas.saveState()
        canvas.translate(20, 400)
        canvas.rotate(90)
        canvas.drawString(0, 0, "OFFICIAL-SENSITIVE")
        canvas.restoreState()

    assert [text for *_, text in _texts(_page(draw))] == ["UPN"]


def test_the_width_comes_from_the_font_and_grows_with_the_text() -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(40, 700, "No")
        canvas.drawString(40, 680, "No special educational needs")

    (page,) = _pdf_layout.layout_from_bytes(_page(draw))
    short, long = (run[2] for run in page["runs"])
    assert 5 < short < 20
    assert 100 < long < 160


def test_the_layout_is_plain_data_with_the_media_box() -> None:
    data = _page(lambda canvas: canvas.drawString(40, 700, "Ethnicity"))
    layout = _pdf_layout.layout_from_bytes(data)
    assert json.loads(json.dumps(layout)) == layout
    assert layout[0]["box"] == pytest.approx([0, 0, A4[0], A4[1]])


def test_open_pdf_gives_the_layout_only_when_asked() -> None:
    data = _page(lambda canvas: canvas.drawString(40, 700, "Ethnicity"))
    _, plain = open_pdf(data, "form.pdf")
    assert plain.layout == ()
    _, summary = open_pdf(data, "form.pdf", layout=True)
    (page,) = summary.layout
    assert isinstance(page, PageText)
    assert page.runs[0] == TextRun(40.0, 700.0, page.runs[0].width, 12.0, False, "Ethnicity")


def test_the_worker_extracts_the_positions_and_the_parent_parses_nothing() -> None:
    data = _page(lambda canvas: canvas.drawString(40, 700, "Ethnicity"))
    # inspect_pdf opens nothing in this process: what it gives came from the worker
    (page,) = inspect_pdf(data, "form.pdf", layout=True).layout
    assert [(run.x, run.baseline, run.text) for run in page.runs] == [(40.0, 700.0, "Ethnicity")]
    assert inspect_pdf(data, "form.pdf").layout == ()


@pytest.mark.parametrize("item", corpus.REFUSED_PDF, ids=lambda item: item.name)
def test_a_pdf_the_worker_refuses_gives_no_layout(item: corpus.Item) -> None:
    with pytest.raises(DocumentError):
        open_pdf(item.build(), f"{item.name}.pdf", layout=True)
