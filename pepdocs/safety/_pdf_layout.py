"""Printed text with its place on the page: the labels a person reads beside a form's fields.

Plain data in, plain data out: this module imports nothing of pepdocs (only the standard
library and pypdf), so that the bounded PDF worker (``_pdf_worker.py``, which loads no
pepdocs at all) runs :func:`layout_of` on the reader it has opened, once every page's content
is known to be within its budget, and sends the result back as JSON, as it does for a form's
fields and page text (``pepdocs.safety.pdf.open_pdf(..., layout=True)``).

pypdf's text extraction reports what it reads through ``visitor_text`` in chunks: text that
shares a baseline between two line moves, with the text matrix (``Tm``) and the current
transformation matrix (``cm``) where the chunk starts (ISO 32000-1, 9.4.2). A chunk can hold
two labels that sit far apart on one line when the producer drew them inside one ``BT``
block (pypdf joins them with one space), so ``visitor_operand_before`` also records where
each text-showing operator (``Tj``, ``TJ``) starts, and a chunk made of several operators is
cut back into one run per operator, at the spaces nearest to where each operator's share of
the bytes ends. Runs are left as the producer drew them; joining runs into phrases and
telling labels from headings is the PDF engine's business (``pepdocs.formats.pdf``).

A run is ``[x, baseline, width, size, bold, text]`` in default user space (points, origin at
the bottom left of the page): ``x`` where the text starts, ``width`` an estimate from the
font's ``/Widths`` (about half the font size per character when the font has none, as the
standard fonts do), ``size`` the font size as drawn. Rotated and mirrored text is left out: a form's
labels are upright.
"""

from __future__ import annotations

import io
import math
from typing import Any

#: runs kept per page; a 40-page PEP form has a few hundred per page
MAX_RUNS_PER_PAGE = 5_000
#: characters kept per run (a label is short; a paragraph of guidance is cut)
MAX_RUN_CHARS = 500
#: average character width, in em, when the font does not say (Helvetica's is about 0.5,
#: Helvetica-Bold's 0.55)
DEFAULT_EM = 0.5
BOLD_EM = 0.55
_SHOWS = (b"Tj", b"TJ")
_MOVES_LINE = (b"'", b'"')


def _multiply(tm: list[float], cm: list[float]) -> list[float]:
    """``tm`` x ``cm`` (ISO 32000-1, 8.3.4): where text space lands on the page."""
    return [
        tm[0] * cm[0] + tm[1] * cm[2],
        tm[0] * cm[1] + tm[1] * cm[3],
        tm[2] * cm[0] + tm[3] * cm[2],
        tm[2] * cm[1] + tm[3] * cm[3],
        tm[4] * cm[0] + tm[5] * cm[2] + cm[4],
        tm[4] * cm[1] + tm[5] * cm[3] + cm[5],
    ]


def _bytes_shown(operator: bytes, operands: list[Any]) -> int:
    """How many bytes of string an operator shows (its share of a chunk's text)."""
    if not operands:
        return 0
    if operator == b"TJ":
        items = operands[0] if isinstance(operands[0], list) else []
        return sum(len(item) for item in items if isinstance(item, str | bytes))
    first = operands[-1]
    return len(first) if isinstance(first, str | bytes) else 0


def _em_width(font: Any, bold: bool) -> float:
    """The average glyph width of a font in em: from a simple font's ``/Widths`` (ISO
    32000-1, 9.6.2) or a composite font's ``/DW``, else :data:`DEFAULT_EM` (or
    :data:`BOLD_EM`)."""
    try:
        widths = font.get("/Widths") if font is not None else None
        widths = widths.get_object() if widths is not None else None
        if widths:
            values = [float(value) for value in list(widths)[:512]]
            used = [value for value in values if value > 0]
            if used:
                return min(0.9, max(0.25, sum(used) / len(used) / 1000))
        descendants = font.get("/DescendantFonts") if font is not None else None
        descendants = descendants.get_object() if descendants is not None else None
        if descendants:
            default = descendants[0].get_object().get("/DW")
            if default is not None:
                return min(0.9, max(0.25, float(default) / 1000 * 0.5))
    except (TypeError, ValueError, AttributeError, IndexError, KeyError):
        pass
    return BOLD_EM if bold else DEFAULT_EM


def _is_bold(font: Any) -> bool:
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
        descriptor = font.get("/FontDescriptor") if font is not None else None
        descriptor = descriptor.get_object() if descriptor is not None else None
        weight = float(descriptor.get("/FontWeight", 0)) if descriptor is not None else 0.0
    except (TypeError, ValueError, AttributeError):
        return False
    lowered = name.lower()
    return weight >= 600 or any(word in lowered for word in ("bold", "black", "heavy", "semibold"))


def _cut(text: str, shares: list[int]) -> list[str] | None:
    """``text`` cut into one piece per operator, each piece ending at the space nearest to
    where the operator's share of the bytes ends; None when no such space is near (then the
    chunk stays whole)."""
    total = sum(shares)
    if total <= 0 or len(shares) < 2:
        return None
    pieces: list[str] = []
    start = 0
    shown = 0
    for share in shares[:-1]:
        shown += share
        target = round(len(text) * shown / total)
        near = [
            index
            for index in range(max(start, target - 3), min(len(text), target + 4))
            if text[index] == " "
        ]
        if not near:
            return None
        cut = min(near, key=lambda index: abs(index - target))
        pieces.append(text[start:cut])
        start = cut + 1
    pieces.append(text[start:])
    return pieces


def page_runs(page: Any, max_runs: int = MAX_RUNS_PER_PAGE) -> dict[str, Any]:
    """The printed text of one pypdf page as runs (see the module docstring), with the page's
    media box: ``{"box": [x0, y0, x1, y1], "runs": [[x, baseline, width, size, bold,
    text], ...]}``."""
    shown: list[tuple[float, float, int] | None] = []  # text operators since the last chunk
    runs: list[list[Any]] = []

    def before(operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        if operator in _SHOWS:
            matrix = _multiply(tm, cm)
            shown.append((matrix[4], matrix[5], _bytes_shown(operator, operands)))
        elif operator in _MOVES_LINE:
            shown.append(None)  # moves to the next line first: where it starts is not known

    def chunk(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        operators = list(shown)
        shown.clear()
        text = text.replace("\n", " ").rstrip()
        if not text.strip() or len(runs) >= max_runs:
            return
        matrix = _multiply(tm, cm)
        if matrix[0] <= 0 or matrix[3] <= 0 or abs(matrix[1]) > 1e-3 or abs(matrix[2]) > 1e-3:
            return  # rotated or mirrored: not a label
        try:
            scale = math.hypot(matrix[2], matrix[3])
            drawn = float(size) * scale
        except (TypeError, ValueError):
            return
        if not drawn > 0 or not math.isfinite(drawn):
            return
        bold = _is_bold(font)
        em = _em_width(font, bold) * math.hypot(matrix[0], matrix[1]) / scale
        starts = [item for item in operators if item is not None and item[2] > 0]
        pieces = None
        if None not in operators and len(starts) > 1:
            pieces = _cut(text, [item[2] for item in starts])
        if pieces is None:
            places = [(matrix[4], matrix[5])]
            pieces = [text]
        else:
            places = [(item[0], item[1]) for item in starts]
        for (x, baseline), piece in zip(places, pieces, strict=True):
            leading = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if not piece:
                continue
            x += leading * em * drawn
            runs.append(
                [
                    round(x, 2),
                    round(baseline, 2),
                    round(len(piece) * em * drawn, 2),
                    round(drawn, 2),
                    bold,
                    piece[:MAX_RUN_CHARS],
                ]
            )

    page.extract_text(visitor_operand_before=before, visitor_text=chunk)
    try:
        box = [float(value) for value in page.mediabox]
    except (TypeError, ValueError):
        box = [0.0, 0.0, 0.0, 0.0]
    return {"box": box, "runs": runs[:max_runs]}


def layout_of(reader: Any, max_runs: int = MAX_RUNS_PER_PAGE) -> list[dict[str, Any]]:
    """:func:`page_runs` of every page of an open pypdf reader, in page order."""
    return [page_runs(page, max_runs) for page in reader.pages]


def layout_from_bytes(
    data: bytes, password: str | None = None, max_runs: int = MAX_RUNS_PER_PAGE
) -> list[dict[str, Any]]:
    """:func:`layout_of` for a PDF given as bytes (opened with pypdf here: only for a PDF
    the bounded worker has already got through, or inside that worker)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        reader.decrypt(password or "")
    return layout_of(reader, max_runs)
