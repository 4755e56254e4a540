"""Where a PDF form's fields sit among its printed words: labels, headings, tables of fields.

A form whose fields are named ``Text1``, ``Check Box23`` says what each field is for only in
print: the label to the left of the box on its line, the question above a box, the column
header above a table's cells, the option word beside a checkbox, the section heading over
all of them. This module reads that the way a person does, from geometry alone:

- **Phrases.** Text runs (``pepdocs.safety.pdf.TextRun``) on one baseline are joined while
  the gap between them is about a word space and no field sits in the gap.
- **Beside a box.** A phrase is on a box's line when at least half its height is inside the
  box's height. ``left`` is the nearest such phrase ending left of the box with no other box
  between (a label that wraps in its column, lines closely spaced at the same left edge, is
  joined); ``right`` the nearest starting right of it (an option word beside a checkbox).
  Phrases are placed by where they start: where they end is an estimate.
- **Above a box.** The nearest phrase whose bottom is above the box's top, starting within
  the box's width, at most :data:`ABOVE_MAX` font sizes (and :data:`ABOVE_MAX_POINTS`) up,
  with no box between.
- **Headings.** A phrase alone on its line (no other phrase, no box) printed larger than the
  form's labels, or bold (or in capitals) where the labels are not.
- **Tables of fields.** Boxes whose vertical centres agree make a row; two or more rows one
  under the other with the same columns (left and right edges within
  :data:`COLUMN_SLACK` points), nothing printed between the boxes or between the rows, and a
  printed line above the first row with a header over two or more columns make a table. Each
  header phrase belongs to the column whose boxes it overlaps most, or, printed over the gap
  between two columns, to the column on its right (a header at the left of its cell, over a
  checkbox centred in the cell).

Coordinates are PDF points in default user space, origin at the bottom left: "above" is a
larger y. A page turned with ``/Rotate`` is read as it is stored, not as it is shown.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from pepdocs.safety.pdf import PageText, TextRun

#: a phrase at most this many of its font sizes (and :data:`ABOVE_MAX_POINTS`) above a box
#: can be the box's label
ABOVE_MAX = 3.0
ABOVE_MAX_POINTS = 24.0
#: lines this close (in font sizes, baseline to baseline) are one wrapped label
WRAP_LEADING = 1.35
#: table columns whose edges agree within this many points are one column
COLUMN_SLACK = 4.0
#: the widest gap (in font sizes, plus a share of the first run's width for estimation
#: error) between two runs of one phrase
WORD_GAP = 1.0

Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Phrase:
    """Printed words read as one piece: runs on one line with no wide gap or box between.
    ``page`` counts from 1; ``line`` numbers the page's lines from the top."""

    page: int
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool
    text: str
    line: int

    @property
    def top(self) -> float:
        return self.baseline + 0.75 * self.size

    @property
    def bottom(self) -> float:
        return self.baseline - 0.2 * self.size


@dataclass(frozen=True, slots=True)
class Label:
    """The printed text a person reads as a box's label, and how far it is from the box
    (points)."""

    text: str
    gap: float
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class Widget:
    """One widget of an AcroForm field (a field can have several: a radio group's buttons)
    with the printed text around it.

    ``kind`` is ``text``, ``multiline`` (a text box of several lines), ``checkbox``,
    ``radio``, ``choice`` (drop-down or list), ``signature`` or ``button``. ``state`` is a
    checkbox's or radio button's on-state (``/Yes``, ``/Choice2``...); ``options`` a choice
    field's (export value, shown text) pairs; ``value`` the text a text box or drop-down
    holds (on a completed form; None when empty). ``column`` is the printed header of the
    widget's column when it is a cell of a table of fields; ``section`` the heading it sits
    under.
    """

    name: str
    kind: str
    page: int
    rect: Rect
    state: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    tooltip: str = ""
    value: str | None = None
    left: Label | None = None
    right: Label | None = None
    above: Label | None = None
    column: str | None = None
    section: str | None = None

    @property
    def height(self) -> float:
        return self.rect[3] - self.rect[1]

    @property
    def centre(self) -> float:
        return (self.rect[1] + self.rect[3]) / 2


@dataclass(frozen=True, slots=True)
class FieldTable:
    """A table made of fields: the printed ``header`` of each column (``""`` where a column
    has none) and, per row top to bottom, the full name of the field in each column."""

    page: int
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: the kind of each column's fields (``text``, ``checkbox``...), from the first row
    kinds: tuple[str, ...]
    section: str | None
    rect: Rect


@dataclass(frozen=True, slots=True)
class FormLayout:
    """Every widget with its labels, the tables of fields, the printed phrases and headings."""

    widgets: tuple[Widget, ...]
    tables: tuple[FieldTable, ...]
    phrases: tuple[Phrase, ...]
    headings: tuple[Phrase, ...]
    #: widgets on one line, left to right, per line top to bottom
    rows: tuple[tuple[Widget, ...], ...] = field(default=())

    def phrase_before(self, phrase: Phrase) -> Phrase | None:
        """The phrase printed just left of ``phrase`` on its line, if any."""
        same = [
            other
            for other in self.phrases
            if other.page == phrase.page and other.line == phrase.line and other.x1 <= phrase.x0
        ]
        return max(same, key=lambda other: other.x1) if same else None

    @property
    def title(self) -> str:
        """The largest printed phrase of the first page (the form's title, usually)."""
        first = [phrase for phrase in self.phrases if phrase.page == 1]
        if not first:
            return ""
        return max(first, key=lambda phrase: (phrase.size, -phrase.line)).text


@dataclass(slots=True)
class RawWidget:
    """What the field tree says of a widget, before its labels are found."""

    name: str
    kind: str
    page: int
    rect: Rect
    state: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    tooltip: str = ""
    value: str | None = None


# --- phrases -------------------------------------------------------------------------------------


def _band_overlap(bottom: float, top: float, low: float, high: float) -> float:
    return min(top, high) - max(bottom, low)


def _box_between(
    boxes: Sequence[RawWidget], page: int, bottom: float, top: float, x0: float, x1: float
) -> bool:
    """Whether a box on ``page`` lies between ``x0`` and ``x1`` on a line from ``bottom`` to
    ``top``."""
    for box in boxes:
        if box.page != page:
            continue
        bx0, by0, bx1, by1 = box.rect
        if _band_overlap(bottom, top, by0, by1) <= 0:
            continue
        if bx0 >= x0 - 2 and bx1 <= x1 + 2:
            return True
    return False


def phrases_of(pages: Sequence[PageText], boxes: Sequence[RawWidget]) -> list[Phrase]:
    """Every page's runs joined into phrases, top to bottom, left to right."""
    found: list[Phrase] = []
    for number, page in enumerate(pages, start=1):
        lines: list[list[TextRun]] = []
        for run in sorted(page.runs, key=lambda run: (-run.baseline, run.x)):
            if lines:
                first = lines[-1][0]
                if abs(first.baseline - run.baseline) <= 0.35 * min(run.size, first.size):
                    lines[-1].append(run)
                    continue
            lines.append([run])
        for line_number, line in enumerate(lines):
            current: list[TextRun] = []
            for run in sorted(line, key=lambda run: run.x):
                if current and _joins(current[-1], run, boxes, number):
                    current.append(run)
                    continue
                if current:
                    found.append(_phrase(current, number, line_number))
                current = [run]
            if current:
                found.append(_phrase(current, number, line_number))
    return found


def _joins(previous: TextRun, run: TextRun, boxes: Sequence[RawWidget], page: int) -> bool:
    end = previous.x + previous.width
    size = max(previous.size, run.size)
    if run.x - end > WORD_GAP * size + 0.15 * previous.width:
        return False
    low, high = run.baseline - 0.2 * size, run.baseline + 0.75 * size
    # from where the first run starts: its end is only estimated
    return not _box_between(boxes, page, low, high, previous.x + 1, run.x)


def _phrase(runs: Sequence[TextRun], page: int, line: int) -> Phrase:
    parts: list[str] = []
    end: float | None = None
    for run in runs:
        if end is not None and run.x - end > 0.1 * run.size:
            parts.append(" ")
        parts.append(run.text)
        end = run.x + run.width
    first = runs[0]
    return Phrase(
        page=page,
        x0=first.x,
        x1=max(run.x + run.width for run in runs),
        baseline=first.baseline,
        size=max(run.size for run in runs),
        bold=all(run.bold for run in runs),
        text=" ".join("".join(parts).split()),
        line=line,
    )


# --- labels --------------------------------------------------------------------------------------


def _beside(phrase: Phrase, rect: Rect) -> bool:
    """At least half the phrase's height is within the box's height: on the box's line."""
    height = phrase.top - phrase.bottom
    return _band_overlap(phrase.bottom, phrase.top, rect[1], rect[3]) >= 0.5 * height


class _Page:
    """One page's phrases and boxes, and the label searches over them."""

    def __init__(self, phrases: Sequence[Phrase], boxes: Sequence[RawWidget]) -> None:
        self.phrases = list(phrases)
        self.boxes = list(boxes)

    def _others(self, box: RawWidget) -> list[RawWidget]:
        return [other for other in self.boxes if other is not box]

    def left(self, box: RawWidget) -> Label | None:
        x0 = box.rect[0]
        others = self._others(box)
        # by where a phrase starts: where it ends is estimated, and may overshoot a box
        # printed close after it
        candidates = [
            phrase
            for phrase in self.phrases
            if phrase.x0 < x0 - 1
            and _beside(phrase, box.rect)
            and not _box_between(others, box.page, phrase.bottom, phrase.top, phrase.x0 + 1, x0)
        ]
        if not candidates:
            return None
        nearest = max(candidates, key=lambda phrase: phrase.x0)
        block = self._wrapped(nearest, box, lambda phrase: phrase.x0 < x0 - 1)
        return Label(_text_of(block), max(0.0, x0 - min(nearest.x1, x0)), tuple(block))

    def right(self, box: RawWidget) -> Label | None:
        x1 = box.rect[2]
        others = self._others(box)
        candidates = [
            phrase
            for phrase in self.phrases
            if phrase.x0 >= x1 - 2
            and _beside(phrase, box.rect)
            and not _box_between(others, box.page, phrase.bottom, phrase.top, x1, phrase.x0)
        ]
        if not candidates:
            return None
        nearest = min(candidates, key=lambda phrase: phrase.x0)
        return Label(nearest.text, max(0.0, nearest.x0 - x1), (nearest,))

    def above(self, box: RawWidget) -> Label | None:
        x0, _, x1, y1 = box.rect
        others = self._others(box)
        candidates = []
        for phrase in self.phrases:
            distance = phrase.bottom - y1
            if distance < -2 or distance > min(ABOVE_MAX * phrase.size, ABOVE_MAX_POINTS):
                continue
            if not x0 - 6 <= phrase.x0 < x1 - 2:
                continue
            if any(
                other.rect[1] >= y1 - 1
                and other.rect[3] <= phrase.bottom + 1
                and min(other.rect[2], x1) - max(other.rect[0], x0) > 0
                for other in others
            ):
                continue  # a box between the text and this box: the text is that box's
            candidates.append((distance, phrase))
        if not candidates:
            return None
        distance, nearest = min(candidates, key=lambda item: item[0])
        block = self._wrapped(nearest, box, lambda phrase: phrase.bottom >= y1 - 2, down=False)
        return Label(_text_of(block), max(0.0, distance), tuple(block))

    def _wrapped(
        self, start: Phrase, box: RawWidget, keep: Callable[[Phrase], bool], *, down: bool = True
    ) -> list[Phrase]:
        """``start`` with the lines of its wrapped label: phrases starting at the same left
        edge on the lines just above (and below, if ``down``), closely spaced."""
        block = [start]
        for direction in (1, -1) if down else (1,):
            edge = start
            while True:
                step = [
                    phrase
                    for phrase in self.phrases
                    if phrase not in block
                    and abs(phrase.x0 - edge.x0) <= 2
                    and 0.5 * edge.size
                    <= (phrase.baseline - edge.baseline) * direction
                    <= WRAP_LEADING * edge.size
                    and keep(phrase)
                    and (
                        not down
                        or _band_overlap(
                            phrase.bottom,
                            phrase.top,
                            box.rect[1] - phrase.size,
                            box.rect[3] + phrase.size,
                        )
                        > 0
                    )
                ]
                if not step:
                    break
                edge = step[0]
                block.append(edge)
        return sorted(block, key=lambda phrase: -phrase.baseline)


def _text_of(phrases: Iterable[Phrase]) -> str:
    return " ".join(" ".join(phrase.text for phrase in phrases).split())


# --- headings ------------------------------------------------------------------------------------


def _headings(
    phrases: Sequence[Phrase], boxes: Sequence[RawWidget], labels: Sequence[Phrase]
) -> list[Phrase]:
    """Phrases alone on their line, set apart from the form's labels by size, weight or
    capitals."""
    sample = list(labels) or list(phrases)
    if not sample:
        return []
    body = statistics.median(phrase.size for phrase in sample)
    bold_labels = sum(phrase.bold for phrase in sample) / len(sample)
    caps_labels = sum(phrase.text.isupper() for phrase in sample) / len(sample)
    lines: dict[tuple[int, int], int] = {}
    for phrase in phrases:
        lines[(phrase.page, phrase.line)] = lines.get((phrase.page, phrase.line), 0) + 1
    found = []
    for phrase in phrases:
        if lines[(phrase.page, phrase.line)] > 1 or len(phrase.text) > 100:
            continue
        if any(
            box.page == phrase.page
            and _band_overlap(phrase.bottom, phrase.top, box.rect[1], box.rect[3]) > 0
            for box in boxes
        ):
            continue
        larger = phrase.size >= body + 1.0
        weightier = phrase.bold and bold_labels < 0.5
        capitals = phrase.text.isupper() and len(phrase.text) > 3 and caps_labels < 0.5
        if larger or weightier or capitals:
            found.append(phrase)
    return found


def _section(box: RawWidget, headings: Sequence[Phrase]) -> str | None:
    """The nearest heading before ``box``: above it on its page, or on an earlier page."""
    before = [
        heading
        for heading in headings
        if heading.page < box.page
        or (heading.page == box.page and heading.bottom >= box.rect[3] - 2)
    ]
    if not before:
        return None
    return max(before, key=lambda heading: (heading.page, -heading.baseline)).text


# --- tables of fields ----------------------------------------------------------------------------


def _rows(boxes: Sequence[RawWidget]) -> list[list[RawWidget]]:
    """Boxes whose vertical centres agree, per page, top to bottom, each row left to right."""
    rows: list[list[RawWidget]] = []
    for box in sorted(boxes, key=lambda box: (box.page, -(box.rect[1] + box.rect[3]) / 2)):
        centre = (box.rect[1] + box.rect[3]) / 2
        if rows:
            first = rows[-1][0]
            first_centre = (first.rect[1] + first.rect[3]) / 2
            slack = 0.3 * min(box.rect[3] - box.rect[1], first.rect[3] - first.rect[1])
            if first.page == box.page and abs(first_centre - centre) <= max(slack, 1.0):
                rows[-1].append(box)
                continue
        rows.append([box])
    return [sorted(row, key=lambda box: box.rect[0]) for row in rows]


def _printed_between_boxes(row: Sequence[RawWidget], phrases: Sequence[Phrase]) -> bool:
    """Whether text is printed between a row's first and last box (a label/value line, or
    options beside checkboxes: not a row of a table)."""
    first, last = row[0].rect, row[-1].rect
    low = min(box.rect[1] for box in row)
    high = max(box.rect[3] for box in row)
    return any(
        phrase.page == row[0].page
        and phrase.x0 >= first[2] - 2
        and phrase.x1 <= last[0] + 2
        and _band_overlap(phrase.bottom, phrase.top, low, high) > 0
        for phrase in phrases
    )


def _same_columns(upper: Sequence[RawWidget], lower: Sequence[RawWidget]) -> bool:
    return len(upper) == len(lower) and all(
        abs(a.rect[0] - b.rect[0]) <= COLUMN_SLACK and abs(a.rect[2] - b.rect[2]) <= COLUMN_SLACK
        for a, b in zip(upper, lower, strict=True)
    )


def _printed_between_rows(
    upper: Sequence[RawWidget], lower: Sequence[RawWidget], phrases: Sequence[Phrase]
) -> bool:
    bottom = min(box.rect[1] for box in upper)
    top = max(box.rect[3] for box in lower)
    x0, x1 = upper[0].rect[0], upper[-1].rect[2]
    return any(
        phrase.page == upper[0].page
        and phrase.bottom >= top - 1
        and phrase.top <= bottom + 1
        and phrase.x1 > x0
        and phrase.x0 < x1
        for phrase in phrases
    )


def _grids(
    rows: Sequence[Sequence[RawWidget]], phrases: Sequence[Phrase]
) -> list[list[Sequence[RawWidget]]]:
    """Runs of two or more rows with the same columns, one under the other."""
    usable = [row for row in rows if len(row) >= 2 and not _printed_between_boxes(row, phrases)]
    grids: list[list[Sequence[RawWidget]]] = []
    current: list[Sequence[RawWidget]] = []
    for row in usable:
        if current:
            previous = current[-1]
            gap = min(box.rect[1] for box in previous) - max(box.rect[3] for box in row)
            height = max(box.rect[3] - box.rect[1] for box in previous)
            if (
                previous[0].page == row[0].page
                and _same_columns(previous, row)
                and -1 <= gap <= max(12.0, 0.8 * height)
                and not _printed_between_rows(previous, row, phrases)
            ):
                current.append(row)
                continue
            if len(current) >= 2:
                grids.append(current)
        current = [row]
    if len(current) >= 2:
        grids.append(current)
    return grids


def _header(grid: Sequence[Sequence[RawWidget]], phrases: Sequence[Phrase]) -> list[str] | None:
    """The printed header of each column of a grid (``""`` for none), or None when fewer
    than two columns have one."""
    top_row = grid[0]
    page = top_row[0].page
    top = max(box.rect[3] for box in top_row)
    columns = [(box.rect[0], box.rect[2]) for box in top_row]
    x0, x1 = columns[0][0], columns[-1][1]
    near = [
        phrase
        for phrase in phrases
        if phrase.page == page
        and top - 2 <= phrase.bottom <= top + ABOVE_MAX * phrase.size
        and phrase.x1 > x0 - 4
        and phrase.x0 < x1 + 4
    ]
    if not near:
        return None
    lowest = min(near, key=lambda phrase: phrase.baseline)
    band = [lowest.baseline]
    chosen = [
        phrase for phrase in near if abs(phrase.baseline - lowest.baseline) <= 0.35 * phrase.size
    ]
    for phrase in sorted(near, key=lambda phrase: phrase.baseline):
        if phrase in chosen:
            continue
        if 0.5 * phrase.size <= phrase.baseline - band[-1] <= WRAP_LEADING * phrase.size:
            band.append(phrase.baseline)
            chosen.append(phrase)
        elif abs(phrase.baseline - band[-1]) <= 0.35 * phrase.size:
            chosen.append(phrase)
    texts: list[list[Phrase]] = [[] for _ in columns]
    for phrase in chosen:
        column = _column_of(phrase, columns)
        if column is not None:
            texts[column].append(phrase)
    header = [_text_of(sorted(found, key=lambda p: (-p.baseline, p.x0))) for found in texts]
    if sum(1 for text in header if text) < 2:
        return None
    return header


def _column_of(phrase: Phrase, columns: Sequence[tuple[float, float]]) -> int | None:
    """The column a header phrase stands over: the one whose boxes it overlaps most; a
    phrase over the gap between two columns heads the column to its right (a header printed
    at the left of its cell, over a checkbox centred in the cell); one right of every box,
    the last column when it is near."""
    overlaps = [min(phrase.x1, x1) - max(phrase.x0, x0) for x0, x1 in columns]
    best = max(range(len(columns)), key=lambda index: overlaps[index])
    if overlaps[best] > 0:
        return best
    for index, (x0, _) in enumerate(columns):
        if phrase.x0 < x0:
            return index
    return len(columns) - 1 if phrase.x0 - columns[-1][1] <= max(12.0, 2 * phrase.size) else None


# --- the whole form ------------------------------------------------------------------------------


def build_layout(pages: Sequence[PageText], boxes: Sequence[RawWidget]) -> FormLayout:
    """The layout of a form from its pages' printed text and its widgets."""
    phrases = phrases_of(pages, boxes)
    by_page = {
        number: _Page(
            [phrase for phrase in phrases if phrase.page == number],
            [box for box in boxes if box.page == number],
        )
        for number in range(1, len(pages) + 1)
    }
    labels: dict[int, tuple[Label | None, Label | None, Label | None]] = {}
    for index, box in enumerate(boxes):
        page = by_page.get(box.page)
        if page is None:
            labels[index] = (None, None, None)
            continue
        labels[index] = (page.left(box), page.right(box), page.above(box))
    label_phrases = [
        phrase
        for left, _, above in labels.values()
        for label in (left, above)
        if label is not None and label.gap < 200
        for phrase in label.phrases
    ]
    headings = _headings(phrases, boxes, label_phrases)
    rows = _rows(boxes)
    tables: list[FieldTable] = []
    columns: dict[int, str] = {}
    for grid in _grids(rows, phrases):
        header = _header(grid, phrases)
        if header is None:
            continue
        for row in grid:
            for number, box in enumerate(row):
                if header[number]:
                    columns[id(box)] = header[number]
        first = grid[0]
        tables.append(
            FieldTable(
                page=first[0].page,
                header=tuple(header),
                rows=tuple(tuple(box.name for box in row) for row in grid),
                kinds=tuple(box.kind for box in first),
                section=_section(first[0], headings),
                rect=(
                    first[0].rect[0],
                    min(box.rect[1] for box in grid[-1]),
                    first[-1].rect[2],
                    max(box.rect[3] for box in first),
                ),
            )
        )
    widgets = []
    made: dict[int, Widget] = {}
    for index, box in enumerate(boxes):
        left, right, above = labels[index]
        widget = Widget(
            name=box.name,
            kind=box.kind,
            page=box.page,
            rect=box.rect,
            state=box.state,
            options=box.options,
            tooltip=box.tooltip,
            value=box.value,
            left=left,
            right=right,
            above=above,
            column=columns.get(id(box)),
            section=_section(box, headings),
        )
        widgets.append(widget)
        made[id(box)] = widget
    return FormLayout(
        widgets=tuple(widgets),
        tables=tuple(tables),
        phrases=tuple(phrases),
        headings=tuple(headings),
        rows=tuple(tuple(made[id(box)] for box in row) for row in rows),
    )
