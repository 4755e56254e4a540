"""Values from a PDF's text layer, found by their labels: for PDFs that are not forms.

A Word PEP printed or exported to PDF, or a PDF form that was flattened, keeps its answers
only as text on the page. pypdf's layout mode lays each page out as lines of text with the
horizontal gaps kept, so a label/value table row comes out as ``Date of birth     03/09/2015``
and a "Label: value" paragraph as itself. The value of a label is then:

- ``right``/``after`` (the default): the rest of the label's line up to the next wide gap
  (the next column), plus following lines that continue at the value's column (a wrapped
  answer cell, joined with spaces: a wrap is not a line break the writer typed);
- ``below``: the lines under the label, up to a blank line or the next known label.

A label that wraps inside its cell (``Date of PEP`` / ``meeting`` on the next line, in the
same column) is found by joining the two lines' cells at that column. This is reading by
eye, not by structure: a value that wraps into the label column is cut. Readings from here
carry a confidence below 1.0 (:data:`TEXT_LAYER_CONFIDENCE`), and the report says where
each value came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.mapping.spec import Anchor, FieldSpec, FormSpec
from pepdocs.mapping.transforms import normalise_label

#: document confidence of a text-layer reading (labels can be ambiguous; layout is guessed)
TEXT_LAYER_CONFIDENCE = 0.6
#: a run of this many spaces separates columns in pypdf's layout text
_COLUMN_GAP = re.compile(r" {3,}")
#: what Word shows in an empty content control; printed, it means "no answer"
PLACEHOLDERS = (
    "click or tap here to enter text",
    "click or tap to enter a date",
    "choose an item",
    "click here to enter text",
    "click here to enter a date",
)


@dataclass(frozen=True, slots=True)
class Found:
    text: str
    page: int
    line: int


def _is_placeholder(text: str) -> bool:
    key = normalise_label(text)
    return any(key == normalise_label(placeholder) for placeholder in PLACEHOLDERS)


def _label_at(line: str, label: str, loose: bool = False) -> int | None:
    """End index of ``label`` in ``line`` when the line starts a column with it.

    Strict: the label's words as written (any case and spacing), optionally followed by a
    colon. ``loose``: word by word ignoring punctuation, for re-typed labels; it is tried
    only where no strict match exists (``Attendance (%)`` loosely is just "attendance",
    which guidance text also starts with).
    """
    stripped = line.lstrip()
    start = len(line) - len(stripped)
    candidates = [start] + [match.end() for match in _COLUMN_GAP.finditer(line)]
    wanted = normalise_label(label)
    if not wanted:
        return None
    literal = re.compile(
        r"\s+".join(re.escape(word) for word in label.split()) + r"\s*:?(?=\s|$)", re.IGNORECASE
    )
    for begin in candidates:
        if not loose:
            exact = literal.match(line, begin)
            if exact:
                return exact.end()
            continue
        # the longest run of words that still reads as the label wins
        words = line[begin:].split()
        best: int | None = None
        for count in range(1, min(len(words), 40) + 1):
            key = normalise_label(" ".join(words[:count]))
            if key == wanted:
                best = count
            elif len(key) > len(wanted) + 2:
                break
        if best is not None:
            end = begin
            for word in words[:best]:
                end = line.index(word, end) + len(word)
            return end
    return None


def _wrapped_label_at(line: str, following: str, label: str) -> int | None:
    """End index of the part of ``label`` on ``line`` when the label wraps in its cell: the
    line's cell at some column is the label's start and ``following``'s cell at the same
    column is the rest (``Date of PEP`` / ``meeting``)."""
    wanted = normalise_label(label)
    stripped = line.lstrip()
    starts = [len(line) - len(stripped)] + [m.end() for m in _COLUMN_GAP.finditer(line)]
    for begin in starts:
        cell = _COLUMN_GAP.split(line[begin:])[0].rstrip()
        head = normalise_label(cell)
        if not head or head == wanted or not wanted.startswith(head + " "):
            continue
        below = following[begin:] if len(following) > begin else ""
        if following[:begin].strip() and not following[begin - 1 : begin].isspace():
            continue
        if below[:1].isspace():
            continue  # the next line's text does not start at this column
        rest = normalise_label(_COLUMN_GAP.split(below)[0])
        if rest and normalise_label(f"{head} {rest}") == wanted:
            return begin + len(cell)
    return None


class TextLayer:
    """The layout text of every page, and label lookups over it."""

    def __init__(self, pages: Sequence[str], labels: Iterable[str] = ()) -> None:
        self.pages = [page.splitlines() for page in pages]
        self.labels = {normalise_label(label) for label in labels if normalise_label(label)}

    def _is_label_line(self, line: str) -> bool:
        first = _COLUMN_GAP.split(line.strip())[0] if line.strip() else ""
        key = normalise_label(first.rstrip(":"))
        return bool(key) and key in self.labels

    def _start(self, section: str | None) -> tuple[int, int]:
        """(page index, line index) where a section heading is, or the document start."""
        if not section:
            return 0, 0
        wanted = normalise_label(section)
        for page_index, lines in enumerate(self.pages):
            for index, line in enumerate(lines):
                if normalise_label(line) == wanted:
                    return page_index, index + 1
        return len(self.pages), 0  # no such section: nothing to find

    def find(self, anchor: Anchor) -> Found | None:
        for loose in (False, True):
            found = self._find(anchor, loose)
            if found is not None:
                return found
        return None

    def _find(self, anchor: Anchor, loose: bool) -> Found | None:
        page_wanted = anchor.options.get("page")
        occurrence = int(anchor.options.get("occurrence", 1))
        direction = "below" if anchor.kind == "heading" else anchor.options.get("direction")
        first_page, first_line = self._start(anchor.options.get("section"))
        seen = 0
        for page_index in range(first_page, len(self.pages)):
            lines = self.pages[page_index]
            if page_wanted and page_index + 1 != int(page_wanted):
                continue
            begin = first_line if page_index == first_page else 0
            for index in range(begin, len(lines)):
                line = lines[index]
                if anchor.kind == "heading":
                    heading = normalise_label(line) == normalise_label(anchor.key)
                    end = len(line) if heading else None
                else:
                    end = _label_at(line, anchor.key, loose)
                    if end is None and not loose and index + 1 < len(lines):
                        end = _wrapped_label_at(line, lines[index + 1], anchor.key)
                if end is None:
                    continue
                seen += 1
                if seen != occurrence:
                    continue
                if direction == "below":
                    text = self._below(lines, index)
                else:
                    text = self._beside(lines, index, end)
                return Found(text, page_index + 1, index + 1)
        return None

    def _beside(self, lines: Sequence[str], index: int, end: int) -> str:
        line = lines[index]
        rest = line[end:]
        stripped = rest.lstrip(" :\t")
        if not stripped:
            return ""
        column = len(line) - len(stripped)
        parts = [_COLUMN_GAP.split(stripped)[0].strip()]
        # a wrapped answer continues on the next lines at the same column
        for following in lines[index + 1 : index + 12]:
            head, tail = following[:column], following[column:]
            if head.strip() or not tail.strip() or tail.startswith(" "):
                break
            parts.append(_COLUMN_GAP.split(tail)[0].strip())
        # a cell's lines wrap where the box ended, not where the writer pressed Enter
        return " ".join(part for part in parts if part)

    def _below(self, lines: Sequence[str], index: int) -> str:
        parts: list[str] = []
        for following in lines[index + 1 : index + 60]:
            if not following.strip():
                if parts:
                    break
                continue
            if self._is_label_line(following):
                break
            parts.append(" ".join(following.split()))
        return " ".join(parts)


def _label_anchors(spec: FieldSpec) -> list[Anchor]:
    """Anchors that can be found in plain text: labels, and headings over a text block."""
    return [anchor for anchor in spec.anchors if anchor.kind in ("label", "heading")]


def all_labels(form: FormSpec) -> list[str]:
    return [anchor.key for spec in form.fields for anchor in _label_anchors(spec)]


def read_labels(
    form: FormSpec, layer: TextLayer, indexes: Iterable[int] | None = None
) -> dict[int, Reading]:
    """Readings for the fields (all, or those at ``indexes``) that have label anchors."""
    wanted = set(indexes) if indexes is not None else None
    readings: dict[int, Reading] = {}
    for index, spec in enumerate(form.fields):
        if wanted is not None and index not in wanted:
            continue
        if spec.repeating:
            continue  # tables do not survive as text reliably enough to rebuild rows
        for anchor in _label_anchors(spec):
            found = layer.find(anchor)
            if found is None:
                continue
            text = found.text.strip()
            location = f"page {found.page} line {found.line} (text layer)"
            if not text or _is_placeholder(text):
                readings[index] = Reading("empty", None, location, anchor, ["read from the text"])
            else:
                readings[index] = Reading(
                    "found", text, location, anchor, ["read from the page text by its label"]
                )
            break
    return readings


def read_layer(form: FormSpec, pages: Sequence[str]) -> DocumentReading:
    layer = TextLayer(pages, all_labels(form))
    readings = read_labels(form, layer)
    return DocumentReading(
        readings,
        notes=["no form fields: values were read from the page text by their labels"],
        confidence=TEXT_LAYER_CONFIDENCE,
    )
