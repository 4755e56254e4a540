"""Appearance streams for filled text and choice fields, with a font that has the glyphs.

A PDF viewer draws a field from its appearance stream (``/AP /N``), not from its value; with
no stream, or with ``NeedAppearances``, each viewer draws its own, often only when the field
is clicked, and with the form's ``/Helv`` (WinAnsi encoding) it cannot draw ``Ł`` in Łucja or
``ŵ`` at all. So pepdocs draws every filled box itself: reportlab lays out the text (one page
per box, sized to the box) with an embedded, subsetted TrueType font that has the glyphs
(DejaVu Sans), and each page becomes a form XObject used as the widget's ``/AP /N``. One
reportlab document for all boxes of a form means one font subset shared by all of them.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    FloatObject,
    IndirectObject,
    NameObject,
)

from pepdocs.errors import ComponentMissingError

#: Where Debian's fonts-dejavu-core (CI installs it) and other systems keep DejaVu Sans;
#: ``PEPDOCS_PDF_FONT`` names another TrueType font with the glyphs a form needs.
FONT_ENV = "PEPDOCS_PDF_FONT"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
)
_FONT_NAME = "PepdocsSans"
#: the smallest size text is drawn at to fit its box (a value that does not fit even then is
#: continued on a continuation sheet); 7 pt is about the smallest a printed form stays
#: readable at
MIN_FONT_SIZE = 7.0
DEFAULT_FONT_SIZE = 10.0
PADDING = 2.0
LEADING = 1.15


@dataclass(frozen=True, slots=True)
class Box:
    """What to draw into one widget: its size, text and look (from the field's /DA, /MK)."""

    width: float
    height: float
    text: str
    font_size: float = 0.0  # 0: auto, as /DA "0 Tf" means
    multiline: bool = False
    align: int = 0  # /Q: 0 left, 1 centre, 2 right
    text_colour: tuple[float, ...] = (0.0, 0.0, 0.0)
    background: tuple[float, ...] | None = None
    border: tuple[float, ...] | None = None
    border_width: float = 1.0


def font_path() -> Path:
    """The TrueType font used for filled values; ComponentMissingError if none is found."""
    chosen = os.environ.get(FONT_ENV)
    candidates = [chosen] if chosen else list(FONT_CANDIDATES)
    for candidate in candidates:
        if candidate and os.path.isfile(candidate):
            return Path(candidate)
    where = f"{FONT_ENV}={chosen}" if chosen else "DejaVu Sans"
    raise ComponentMissingError(
        f"filling PDF forms needs a TrueType font with accented letters ({where} not found): "
        "install fonts-dejavu-core or set PEPDOCS_PDF_FONT to a .ttf file"
    )


@lru_cache(maxsize=4)
def _register(path: str) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"{_FONT_NAME}{abs(hash(path)) % 10_000}"
    pdfmetrics.registerFont(TTFont(name, path))
    return name


def value_font() -> str:
    """The reportlab name of the font values are drawn in (registered on first use)."""
    return _register(str(font_path()))


def _colour(canvas: object, values: tuple[float, ...], fill: bool) -> None:
    # /MK and /DA colours come as 1 (grey), 3 (RGB) or 4 (CMYK) numbers
    set_rgb = canvas.setFillColorRGB if fill else canvas.setStrokeColorRGB  # type: ignore[attr-defined]
    set_cmyk = canvas.setFillColorCMYK if fill else canvas.setStrokeColorCMYK  # type: ignore[attr-defined]
    if len(values) == 1:
        set_rgb(values[0], values[0], values[0])
    elif len(values) == 3:
        set_rgb(*values)
    elif len(values) == 4:
        set_cmyk(*values)


#: widths of texts measured so far, in thousandths of the font size, per font (a batch
#: measures the same words over and over); cleared when it grows large
_MEASURED: dict[str, dict[str, float]] = {}
_MEASURED_LIMIT = 100_000


def string_width(text: str, font: str, size: float) -> float:
    """``text``'s width in ``font`` at ``size``: reportlab's ``stringWidth`` for a TrueType
    font (the same sum, the same rounding), with each text's sum kept for the next time."""
    known = _MEASURED.get(font)
    if known is None:
        known = _MEASURED[font] = {}
    total = known.get(text)
    if total is None:
        from reportlab.pdfbase.pdfmetrics import getFont

        face = getFont(font).face
        widths, default = face.charWidths.get, face.defaultWidth
        total = sum(widths(ord(letter), default) for letter in text)
        if len(known) > _MEASURED_LIMIT:
            known.clear()
        known[text] = total
    return 0.001 * size * total


def split_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """One paragraph broken into lines no wider than ``width`` at word boundaries (a word
    wider than that has a line of its own), as reportlab's ``simpleSplit`` breaks it."""
    space = string_width(" ", font, size)
    lines: list[str] = []
    words: list[str] = []
    used = -space
    for word in text.split():
        measured = string_width(word, font, size)
        if used + space + measured <= width or not words:
            words.append(word)
            used = used + space + measured
        else:
            lines.append(" ".join(words))
            words = [word]
            used = measured
    if words:
        lines.append(" ".join(words))
    return lines


def _lines(text: str, font: str, size: float, width: float, multiline: bool) -> list[str]:
    if not multiline:
        return [" ".join(text.split("\n"))]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(split_lines(paragraph, font, size, width) or [""])
    return lines


@dataclass(frozen=True, slots=True)
class Fit:
    """How a box's text is drawn: the font size, the lines, and whether they all fit."""

    size: float
    lines: list[str]
    fits: bool
    #: the size the box asked for (its /DA size, or the auto size it started from)
    start: float = 0.0


def _fits(box: Box, font: str, size: float, lines: list[str]) -> bool:
    inner_w = max(box.width - 2 * PADDING, 1.0)
    inner_h = max(box.height - 2 * PADDING, 1.0)
    if box.multiline:
        return len(lines) * size * LEADING <= inner_h + size * (LEADING - 1)
    return string_width(lines[0], font, size) <= inner_w and size <= inner_h + 1


def layout(box: Box, font: str | None = None) -> Fit:
    """The box's text at the form's size (its /DA size, or the largest up to 10 pt for an
    auto-sized box), smaller if it does not fit, down to :data:`MIN_FONT_SIZE`. ``font``:
    the registered value font's name, when the caller has it."""
    font = font or _register(str(font_path()))
    inner_w = max(box.width - 2 * PADDING, 1.0)
    inner_h = max(box.height - 2 * PADDING, 1.0)
    if box.font_size > 0:
        size = box.font_size
    elif box.multiline:
        size = DEFAULT_FONT_SIZE
    else:
        size = max(min(DEFAULT_FONT_SIZE, inner_h / LEADING), MIN_FONT_SIZE)
    start = size
    while True:
        lines = _lines(box.text, font, size, inner_w, box.multiline)
        if _fits(box, font, size, lines):
            return Fit(size, lines, True, start)
        if size <= MIN_FONT_SIZE:
            return Fit(size, lines, False, start)
        size = max(MIN_FONT_SIZE, size - 0.5)


def cut_to_fit(box: Box, marker: str) -> Box:
    """``box`` at the smallest size, showing as much of its text as fits followed by
    ``marker`` (``… see continuation C1``): the full text is on a continuation sheet."""
    font = _register(str(font_path()))
    size = MIN_FONT_SIZE
    inner_w = max(box.width - 2 * PADDING, 1.0)
    if not box.multiline:
        text = " ".join(box.text.split())
        # the longest start that fits with the marker (widths add up letter by letter)
        room = inner_w - string_width(marker, font, size)
        used, keep = 0.0, 0
        for letter in text:
            used += string_width(letter, font, size)
            if used > room:
                break
            keep += 1
        return replace(box, text=f"{text[:keep].rstrip()}{marker}", font_size=size)
    inner_h = max(box.height - 2 * PADDING, 1.0)
    room = max(1, int((inner_h + size * (LEADING - 1)) // (size * LEADING)))
    lines = _lines(box.text, font, size, inner_w, True)[: room - 1] if room > 1 else []
    return replace(box, text="\n".join([*lines, marker.strip()]), font_size=size)


def _fit(box: Box, font: str) -> tuple[float, list[str]]:
    """Font size and lines as :func:`layout` finds them (what does not fit is clipped)."""
    found = layout(box)
    return found.size, found.lines


def render(boxes: Sequence[Box]) -> bytes:
    """A reportlab PDF with one page per box, each page drawn as the box should look."""
    from reportlab.pdfgen.canvas import Canvas

    font = _register(str(font_path()))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=0)
    for box in boxes:
        width, height = max(box.width, 1.0), max(box.height, 1.0)
        canvas.setPageSize((width, height))
        if box.background:
            _colour(canvas, box.background, fill=True)
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
        if box.border and box.border_width > 0:
            _colour(canvas, box.border, fill=False)
            canvas.setLineWidth(box.border_width)
            half = box.border_width / 2
            canvas.rect(half, half, width - box.border_width, height - box.border_width)
        size, lines = _fit(box, font)
        path = canvas.beginPath()
        path.rect(1, 1, width - 2, height - 2)
        canvas.clipPath(path, stroke=0, fill=0)
        _colour(canvas, box.text_colour, fill=True)
        canvas.setFont(font, size)
        leading = size * LEADING
        # multi-line text starts at the top; one line is centred (cap height ~0.73 of size)
        y = height - PADDING - size if box.multiline else (height - size * 0.73) / 2
        for line in lines:
            if box.align == 1:
                canvas.drawCentredString(width / 2, y, line)
            elif box.align == 2:
                canvas.drawRightString(width - PADDING, y, line)
            else:
                canvas.drawString(PADDING, y, line)
            y -= leading
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def add_appearances(writer: PdfWriter, boxes: Sequence[Box]) -> list[IndirectObject]:
    """Render ``boxes`` and add each as a form XObject to ``writer``; returns their refs."""
    if not boxes:
        return []
    reader = PdfReader(io.BytesIO(render(boxes)))
    refs: list[IndirectObject] = []
    for page, box in zip(reader.pages, boxes, strict=True):
        stream = DecodedStreamObject()
        # /Tx BMC ... EMC marks a text field's variable text (ISO 32000-1, 12.7.3.3)
        stream.set_data(b"/Tx BMC\n" + page.get_contents().get_data() + b"\nEMC\n")  # type: ignore[union-attr]
        stream[NameObject("/Type")] = NameObject("/XObject")
        stream[NameObject("/Subtype")] = NameObject("/Form")
        stream[NameObject("/BBox")] = ArrayObject(
            [FloatObject(0), FloatObject(0), FloatObject(box.width), FloatObject(box.height)]
        )
        # cloning shares the one font subset among all boxes (pypdf maps each source
        # object to one copy per writer)
        stream[NameObject("/Resources")] = page["/Resources"].clone(writer)
        refs.append(writer._add_object(stream.flate_encode()))
    return refs


# -- prepared once per process: the value font's subsets and appearance streams drawn here ----

#: the letters a prepared form draws without reportlab: Latin-1 (font 0, each letter its own
#: byte, so a Latin-1 value reads back from its appearance stream as typed), then Latin
#: Extended-A (Ł, ŵ, ő...), the typographic punctuation people paste (– — ‘ ’ “ ” … •), the
#: euro sign and the ballot boxes (font 1). A value with any other letter is drawn by
#: :func:`render` instead.
_LATIN_1 = [*range(0x20, 0x7F), *range(0xA0, 0x100)]
_EXTRA = [
    *range(0x100, 0x180),
    *range(0x2010, 0x2028),
    *range(0x2030, 0x203B),
    0x20AC,
    0x2122,
    0x2190,
    0x2192,
    0x2610,
    0x2611,
    0x2612,
    0x2713,
    0x2714,
]
#: the resource names appearance streams use for the value font's subsets
SUBSET_NAMES = ("/PepdocsSans0", "/PepdocsSans1")
#: bytes that need no escape in a literal string but the three that have their own
_PLAIN = re.compile(rb"[\x20-\x7e\x80-\xff]*")
_SUBSET_BYTES = tuple(name.encode("ascii") for name in SUBSET_NAMES)
#: bytes a PDF literal string must escape (ISO 32000-1, 7.3.4.2), and control bytes
_ESCAPED = {ord("("): b"\\(", ord(")"): b"\\)", ord("\\"): b"\\\\"}


@dataclass(frozen=True)
class PreparedFont:
    """The value font as two fixed subsets (Latin-1, and the letters of :data:`_EXTRA`),
    embedded once per prepared form: which subset and code draws each letter."""

    font: str  # the reportlab name, for measuring
    codes: dict[str, tuple[int, int]]
    #: a reportlab PDF whose page resources hold the two subsets (copied into the form)
    pdf: bytes

    def can_draw(self, text: str) -> bool:
        return self.letters.issuperset(text)

    @cached_property
    def letters(self) -> frozenset[str]:
        return frozenset(self.codes)

    def encode(self, text: str) -> list[tuple[int, bytes]]:
        """``text`` as runs of (subset, bytes); the caller checked :meth:`can_draw`."""
        if text.isascii() or max(text, default=" ") < "\u0100":
            return [(0, text.encode("latin-1"))]  # font 0 draws Latin-1 letters as themselves
        runs: list[tuple[int, bytes]] = []
        current, chunk = -1, bytearray()
        for letter in text:
            subset, code = self.codes[letter]
            if subset != current:
                if chunk:
                    runs.append((current, bytes(chunk)))
                current, chunk = subset, bytearray()
            chunk.append(code)
        if chunk:
            runs.append((current, bytes(chunk)))
        return runs


@lru_cache(maxsize=4)
def prepared_font(path: str) -> PreparedFont:
    """The two subsets of the font at ``path``, built once per process: reportlab embeds
    them (its own subsetting, with widths and a ToUnicode map) in a one-page PDF whose
    resources are then copied into each prepared form."""
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfgen.canvas import Canvas

    name = _register(path)
    font = getFont(name)
    have = font.face.charToGlyph
    latin = [code if code in have else 0 for code in range(256)]
    for code in (*range(0x20), *range(0x7F, 0xA0)):
        latin[code] = 0
    extra = [0] + [code for code in _EXTRA if code in have]
    codes = {chr(code): (0, code) for code in _LATIN_1 if code in have}
    codes.update({chr(code): (1, index) for index, code in enumerate(extra) if index})
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    state = font._assignState(canvas._doc)
    state.subsets = [latin, extra]
    state.assignments = {code: n for n, code in enumerate(latin) if code or not n}
    state.assignments.update({code: 256 + n for n, code in enumerate(extra) if n})
    state.nextCode = 256 + len(extra)
    state.frozen = 1
    canvas.setFont(name, DEFAULT_FONT_SIZE)
    canvas.drawString(0, 0, "A" + chr(extra[1]) if len(extra) > 1 else "A")
    canvas.showPage()
    canvas.save()
    return PreparedFont(name, codes, buffer.getvalue())


def number(value: float) -> bytes:
    """A number as content streams write it (no exponent, no trailing zeros)."""
    if value == int(value):
        return b"%d" % value
    return (b"%.4f" % value).rstrip(b"0")


def _colour_op(values: tuple[float, ...], fill: bool) -> bytes:
    numbers = b" ".join(number(value) for value in values)
    if len(values) == 1:
        return numbers + (b" g" if fill else b" G")
    if len(values) == 3:
        return numbers + (b" rg" if fill else b" RG")
    if len(values) == 4:
        return numbers + (b" k" if fill else b" K")
    return b""


def _literal(data: bytes) -> bytes:
    if _PLAIN.fullmatch(data):
        return (
            b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
        )
    out = bytearray(b"(")
    for byte in data:
        escaped = _ESCAPED.get(byte)
        if escaped is not None:
            out += escaped
        elif byte < 0x20 or byte == 0x7F:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    out += b")"
    return bytes(out)


def frame(box: Box) -> bytes:
    """The part of a box's appearance its text does not change (background, border, clip,
    text colour), the same for every record: worth keeping per widget."""
    width, height = max(box.width, 1.0), max(box.height, 1.0)
    ops: list[bytes] = [b"/Tx BMC", b"q"]
    if box.background:
        ops.append(_colour_op(box.background, fill=True))
        ops.append(b"0 0 %s %s re f" % (number(width), number(height)))
    if box.border and box.border_width > 0:
        half = box.border_width / 2
        ops.append(_colour_op(box.border, fill=False))
        ops.append(number(box.border_width) + b" w")
        ops.append(
            b"%s %s %s %s re S"
            % (
                number(half),
                number(half),
                number(width - box.border_width),
                number(height - box.border_width),
            )
        )
    ops.append(b"1 1 %s %s re W n" % (number(width - 2), number(height - 2)))
    ops.append(_colour_op(box.text_colour, fill=True))
    ops.append(b"")
    return b"\n".join(ops)


def draw(box: Box, fit: Fit, font: PreparedFont, framed: bytes | None = None) -> bytes:
    """The content stream of ``box`` drawn with ``fit`` (from :func:`layout`), as
    :func:`render` draws it: ``framed`` (:func:`frame` of the box, computed if not given),
    then the lines of text in the prepared subsets, in ``/Tx BMC ... EMC``."""
    width, height = max(box.width, 1.0), max(box.height, 1.0)
    ops: list[bytes] = [framed if framed is not None else frame(box)]
    size = fit.size
    size_text = number(size)
    y = height - PADDING - size if box.multiline else (height - size * 0.73) / 2
    for line in fit.lines:
        x = PADDING
        if box.align in (1, 2):
            measured = string_width(line, font.font, size)
            x = (width - measured) / 2 if box.align == 1 else width - PADDING - measured
        if line:
            ops.append(b"BT 1 0 0 1 %s %s Tm" % (number(x), number(y)))
            for subset, data in font.encode(line):
                ops.append(b"%s %s Tf %s Tj" % (_SUBSET_BYTES[subset], size_text, _literal(data)))
            ops.append(b"ET")
        y -= size * LEADING
    ops.append(b"Q\nEMC\n")
    return b"\n".join(ops)


class StreamCanvas:
    """The few drawing calls the continuation sheet makes of a reportlab canvas
    (``setFont``, ``setFillColorRGB``, ``rect``, ``drawString``, ``drawRightString``,
    ``showPage``), written straight into page content streams in the prepared subsets.
    ``drawable`` turns false when a text has a letter the subsets lack."""

    def __init__(self, font: PreparedFont) -> None:
        self.font = font
        self.pages: list[bytes] = []
        self.drawable = True
        self._ops: list[bytes] = []
        self._size = DEFAULT_FONT_SIZE

    def setTitle(self, title: str) -> None:
        """The sheet's pages go into the form: the title of its own document is not kept."""

    def setFont(self, name: str, size: float) -> None:
        self._size = size

    def setFillColorRGB(self, red: float, green: float, blue: float) -> None:
        self._ops.append(_colour_op((red, green, blue), fill=True))

    def rect(
        self, x: float, y: float, width: float, height: float, stroke: int = 1, fill: int = 0
    ) -> None:
        paint = b"B" if stroke and fill else b"f" if fill else b"S" if stroke else b"n"
        self._ops.append(
            b"%s %s %s %s re %s" % (number(x), number(y), number(width), number(height), paint)
        )

    def drawString(self, x: float, y: float, text: str) -> None:
        if not text:
            return
        if not self.font.can_draw(text):
            self.drawable = False
            return
        self._ops.append(b"BT 1 0 0 1 %s %s Tm" % (number(x), number(y)))
        for subset, data in self.font.encode(text):
            self._ops.append(
                b"%s %s Tf %s Tj"
                % (SUBSET_NAMES[subset].encode("ascii"), number(self._size), _literal(data))
            )
        self._ops.append(b"ET")

    def drawRightString(self, x: float, y: float, text: str) -> None:
        self.drawString(x - string_width(text, self.font.font, self._size), y, text)

    def showPage(self) -> None:
        self.pages.append(b"\n".join([*self._ops, b""]))
        self._ops = []

    def save(self) -> None:
        if self._ops:
            self.showPage()
