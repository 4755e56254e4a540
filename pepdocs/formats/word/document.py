"""One parsed document body with the lookups anchors need, built once and shared.

Lookups are built lazily and cached: a fill or read resolves every anchor against the same
index, and all writes happen after all lookups (see ``writer``), so cached element
references stay valid.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Literal

from lxml import etree

from pepdocs.formats.word._xml import (
    BODY,
    DEL,
    INS,
    MC_FALLBACK,
    MC_NS,
    MOVE_FROM,
    MOVE_TO,
    PPR,
    RPR,
    SDT,
    TBL,
    TC,
    TCPR,
    TR,
    W_NS,
    Element,
    P,
    R,
    T,
    first_child,
    on_off,
    w,
)
from pepdocs.formats.word.checkboxes import (
    Mark,
    labelled_marks,
    paragraph_tokens,
    paragraphs_with_marks,
    question_before,
    question_of,
)
from pepdocs.formats.word.controls import ContentControl, find_controls
from pepdocs.formats.word.legacy import LegacyField, find_legacy_fields
from pepdocs.formats.word.package import STYLES_PART, WordPackage
from pepdocs.formats.word.tables import GridCell, TableGrid, build_grid, iter_tables, spanned
from pepdocs.formats.word.text import block_text, normalise, paragraph_text, reading_memo
from pepdocs.safety.package import parse_xml

#: Level given to headings that are not Word heading styles: a bold stand-alone paragraph
#: sits below real headings, a shaded full-width table row below that.
BOLD_PARAGRAPH_LEVEL = 8
HEADING_ROW_LEVEL = 9
_MAX_HEADING_CHARS = 120
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)

#: A section of the document as a range of ``DocumentIndex.position``s (exclusive), or None
#: for the whole document.
Scope = tuple[float, float] | None


@dataclass(eq=False)
class Marker:
    """A heading: a heading-styled or bold stand-alone paragraph, or a shaded/bold row that
    spans a whole table (how one-long-table forms mark their sections)."""

    kind: Literal["paragraph", "row"]
    element: Element  # the w:p, or the row's only w:tc
    text: str
    level: int
    position: float
    grid: TableGrid | None = None
    row: int = -1


class DocumentIndex:
    def __init__(
        self,
        root: Element,
        styles: Element | None = None,
        label_texts: tuple[str, ...] = (),
        style_levels: Mapping[str, int] | None = None,
    ) -> None:
        self.root = root
        #: the form's label texts, so "Label: value" text stops at the next label
        self.label_texts = label_texts
        body = first_child(root, BODY)
        self.body = body if body is not None else root
        self.styles = styles
        if style_levels is not None:
            self.style_levels = style_levels

    @classmethod
    def of_package(cls, package: WordPackage, label_texts: tuple[str, ...] = ()) -> DocumentIndex:
        """The index of a package's main document. Its heading styles are worked out once per
        distinct ``styles.xml``: every form filled from one template carries that template's
        styles part byte for byte, and reading the style sheet was a twentieth of reading a
        form."""
        raw = package.zip.read(STYLES_PART) if package.zip.has(STYLES_PART) else b""
        return cls(package.document(), None, label_texts, _style_levels_of(raw, package.source))

    @cached_property
    def controls(self) -> list[ContentControl]:
        return find_controls(self.body)

    @cached_property
    def legacy_fields(self) -> list[LegacyField]:
        return find_legacy_fields(self.body)

    @cached_property
    def legacy_by_begin(self) -> dict[Element, LegacyField]:
        return {f.begin: f for f in self.legacy_fields}

    @cached_property
    def legacy_by_name(self) -> dict[str, list[LegacyField]]:
        """Form fields (not PAGE and the like) by ffData name and bookmark, in document
        order: each legacy anchor was a scan of every field, reading its ffData."""
        by_name: dict[str, list[LegacyField]] = {}
        for legacy in self.legacy_fields:
            if legacy.kind == "other":
                continue
            for name in dict.fromkeys(legacy.names):
                by_name.setdefault(name, []).append(legacy)
        return by_name

    def legacy_in(self, container: Element) -> list[LegacyField]:
        """``find_legacy_fields(container)`` from the document's fields: those that begin and
        end inside ``container`` (a cell holding a form field, looked up by its label)."""
        by_begin = self.legacy_by_begin
        if not by_begin:
            return []
        runs = list(container.iter(R))
        inside = set(runs)
        return [f for run in runs if (f := by_begin.get(run)) is not None and f.end in inside]

    @cached_property
    def grids(self) -> list[TableGrid]:
        special = spanned(self.body)
        return [build_grid(tbl, special) for tbl in iter_tables(self.body) if not in_fallback(tbl)]

    @cached_property
    def grid_of_table(self) -> dict[Element, TableGrid]:
        return {grid.tbl: grid for grid in self.grids}

    def grid_number(self, grid: TableGrid) -> int:
        """The 1-based number of ``grid`` among the document's tables (document order,
        nested ones included), as locations in the report give it."""
        return self._grid_numbers[grid]

    @cached_property
    def _grid_numbers(self) -> dict[TableGrid, int]:
        return {grid: number for number, grid in enumerate(self.grids, start=1)}

    @cached_property
    def cell_of_tc(self) -> dict[Element, tuple[TableGrid, GridCell]]:
        out: dict[Element, tuple[TableGrid, GridCell]] = {}
        for grid in self.grids:
            for _, cell in grid.cells():
                out[cell.tc] = (grid, cell)
        return out

    @cached_property
    def positions(self) -> dict[Element, int]:
        """Document order of the block structure (paragraphs, tables, rows, cells and
        controls), to compare places (section scoping). Numbering every element was a
        tenth of reading a form; what lies inside a paragraph takes its paragraph's place
        (``position``)."""
        return {node: number for number, node in enumerate(self.body.iter(*_PLACED))}

    def position(self, element: Element) -> float:
        """Where ``element`` is in document order: after its enclosing paragraph (or cell,
        row, table) and before whatever follows that; -1 when it is not in the body."""
        positions = self.positions
        found = positions.get(element)
        if found is not None:
            return found
        node = element.getparent()
        while node is not None:
            found = positions.get(node)
            if found is not None:
                return found + 0.5
            node = node.getparent()
        return -1

    @cached_property
    def paragraphs(self) -> list[Element]:
        # ``in_fallback`` per paragraph walked up to the root for each: find the few
        # Fallback paragraphs in libxml2 once instead.
        copies = self.fallback_paragraphs
        return [p for p in self.body.iter(P) if p not in copies]

    @cached_property
    def fallback_paragraphs(self) -> frozenset[Element]:
        """Paragraphs inside ``mc:Fallback`` (usually none: looked for in one walk first)."""
        if next(self.body.iter(MC_FALLBACK), None) is None:
            return frozenset()
        found = _FALLBACK_PARAGRAPHS(self.body)
        assert isinstance(found, list)
        return frozenset(node for node in found if isinstance(node, etree._Element))

    @cached_property
    def has_revisions(self) -> bool:
        """Tracked changes anywhere in the body (then each reading says whether it has any)."""
        return next(self.body.iter(INS, DEL, MOVE_FROM, MOVE_TO), None) is not None

    @cached_property
    def style_levels(self) -> Mapping[str, int]:
        """Heading level per paragraph style id (``heading_levels``)."""
        return heading_levels(self.styles)

    def paragraph_level(self, paragraph: Element, in_table: bool | None = None) -> int | None:
        """The heading level of a paragraph, or None for body text (``in_table``: whether
        it is in a table cell, when the caller knows)."""
        properties = first_child(paragraph, PPR)
        if properties is not None:
            outline = first_child(properties, w("outlineLvl"))
            if outline is not None and (outline.get(w("val")) or "").isdigit():
                level = int(outline.get(w("val")) or "9") + 1
                return level if level <= 9 else None
            style = first_child(properties, w("pStyle"))
            style_id = style.get(w("val")) if style is not None else None
            if style_id:
                if style_id in self.style_levels:
                    return self.style_levels[style_id]
                match = re.match(r"^heading\s*(\d)$", style_id, re.IGNORECASE)
                if match:
                    return int(match.group(1))
                if style_id.lower() == "title":
                    return 1
        if in_table is None:
            in_table = False
            parent = paragraph.getparent()
            while parent is not None:
                if parent.tag == TC:
                    in_table = True
                    break
                parent = parent.getparent()
        if not in_table and _all_bold(paragraph):
            text = paragraph_text(paragraph).strip()
            if text and len(text) <= _MAX_HEADING_CHARS:
                return BOLD_PARAGRAPH_LEVEL
        return None

    @cached_property
    def markers(self) -> list[Marker]:
        found: list[Marker] = []
        # Only paragraphs with an outline level or a style, or outside tables with a bold
        # run, can be headings: they are found from those properties, rather than every
        # paragraph being looked at here (``paragraphs``, without mc:Fallback copies).
        copies = self.fallback_paragraphs
        for paragraph in _heading_candidates(self.body):
            if paragraph in copies:
                continue
            level = self.paragraph_level(paragraph)
            if level is None:
                continue
            text = paragraph_text(paragraph).strip()
            if text:
                found.append(
                    Marker("paragraph", paragraph, normalise(text), level, self.position(paragraph))
                )
        for grid, number, cell, text in self.heading_rows:
            found.append(
                Marker(
                    "row",
                    cell.tc,
                    text,
                    HEADING_ROW_LEVEL,
                    self.position(cell.tc),
                    grid,
                    number,
                )
            )
        found.sort(key=lambda m: m.position)
        return found

    @cached_property
    def heading_rows(self) -> list[tuple[TableGrid, int, GridCell, str]]:
        """(grid, row number, cell, normalised text) of the rows that are section headings:
        one shaded (or, in a wider table, bold) cell across the whole row."""
        found = []
        for grid in self.grids:
            for number in range(len(grid.rows)):
                cells = grid.row_cells(number)
                if len(cells) != 1:
                    continue
                cell = cells[0]
                if cell.row != number:
                    continue
                text = cell.text().strip()
                if not text or len(text) > _MAX_HEADING_CHARS:
                    continue
                shaded = _shaded(cell.tc)
                if not shaded and (grid.width <= 1 or not _all_bold_cell(cell.tc)):
                    continue
                found.append((grid, number, cell, normalise(text)))
        return found

    @cached_property
    def cell_entries(self) -> list[tuple[TableGrid, GridCell, str]]:
        """Every table cell with its normalised text, for label lookups."""
        entries = []
        for grid in self.grids:
            for number, cells in enumerate(grid.distinct):
                for cell in cells:
                    if cell.row == number:
                        entries.append((grid, cell, normalise(block_text(cell.tc))))
        return entries

    @cached_property
    def cells_by_text(
        self,
    ) -> tuple[
        dict[str, list[tuple[TableGrid, GridCell, str]]],
        dict[str, list[tuple[TableGrid, GridCell, str]]],
    ]:
        """``cell_entries`` by normalised text, and by the text before a note (``date of
        birth`` for ``date of birth (dd/mm/yyyy)``, ``... [...]``, or a final ``:``), each in
        document order: a label lookup lands on its few cells instead of scanning them all,
        which was most of the cost of reading a form."""
        return self.cells_by_exact_text, self.cells_by_noted_text

    @cached_property
    def cells_by_exact_text(self) -> dict[str, list[tuple[TableGrid, GridCell, str]]]:
        """``cell_entries`` by normalised text, in document order."""
        exact: dict[str, list[tuple[TableGrid, GridCell, str]]] = {}
        for entry in self.cell_entries:
            exact.setdefault(entry[2], []).append(entry)
        return exact

    @cached_property
    def cells_by_noted_text(self) -> dict[str, list[tuple[TableGrid, GridCell, str]]]:
        """``cell_entries`` by the text before a note (see ``cells_by_text``), in document
        order; worked out only when a label is not found as a cell's whole text."""
        noted: dict[str, list[tuple[TableGrid, GridCell, str]]] = {}
        for entry in self.cell_entries:
            text = entry[2]
            prefixes: dict[str, None] = {}
            for note in (" (", " [", ":"):
                start = text.find(note)
                while start != -1:
                    if text[start : start + 2] == note:  # ":" counts only as the last char
                        prefixes[text[:start]] = None
                    start = text.find(note, start + 1)
            for prefix in prefixes:
                noted.setdefault(prefix, []).append(entry)
        return noted

    @cached_property
    def rows_by_text(self) -> dict[str, list[tuple[int, int]]]:
        """(grid number, row number) of the rows holding a cell with this normalised text,
        in document order: a table anchor checks only rows naming one of its headers."""
        rows: dict[str, list[tuple[int, int]]] = {}
        cell_text = self.cell_text
        for grid_number, grid in enumerate(self.grids):
            for number, cells in enumerate(grid.distinct):
                for text in {cell_text.get(cell, ""): None for cell in cells}:
                    rows.setdefault(text, []).append((grid_number, number))
        return rows

    @cached_property
    def label_keys(self) -> frozenset[str]:
        """The form's label texts, normalised (empty texts never count)."""
        return frozenset(k for k in (normalise(t) for t in self.label_texts) if k)

    @cached_property
    def cell_text(self) -> dict[GridCell, str]:
        """Normalised text per cell (a vertically merged cell once)."""
        return {cell: text for _, cell, text in self.cell_entries}

    def row_texts(self, grid: TableGrid, row: int) -> list[tuple[GridCell, str]]:
        return [(cell, self.cell_text.get(cell, "")) for cell in grid.row_cells(row)]

    @cached_property
    def controls_by_key(
        self,
    ) -> tuple[dict[str, list[ContentControl]], dict[str, list[ContentControl]]]:
        """Controls by ``w:tag`` and by ``w:alias``, in document order."""
        by_tag: dict[str, list[ContentControl]] = {}
        by_alias: dict[str, list[ContentControl]] = {}
        for control in self.controls:
            if control.tag is not None:
                by_tag.setdefault(control.tag, []).append(control)
            if control.alias is not None:
                by_alias.setdefault(control.alias, []).append(control)
        return by_tag, by_alias

    @cached_property
    def paragraph_texts(self) -> list[tuple[Element, str]]:
        return [(p, paragraph_text(p)) for p in self.paragraphs]

    @cached_property
    def _joined_paragraphs(self) -> tuple[str, list[int]]:
        """Every paragraph's text in one string (NUL between them, which no text holds) and
        where each starts, so a pattern is searched for in one pass."""
        starts: list[int] = []
        offset = 0
        for _, text in self.paragraph_texts:
            starts.append(offset)
            offset += len(text) + 1
        return "\0".join(text.replace("\0", " ") for _, text in self.paragraph_texts), starts

    def paragraphs_matching(self, pattern: re.Pattern[str]) -> list[tuple[Element, str]]:
        """``paragraph_texts`` holding a match of ``pattern`` (which must not match across
        a NUL), in document order: one regex pass over the whole text instead of one search
        per paragraph, for each label of a form that is looked for in running text."""
        joined, starts = self._joined_paragraphs
        found: dict[int, None] = {}
        for match in pattern.finditer(joined):
            found[bisect_right(starts, match.start()) - 1] = None
        texts = self.paragraph_texts
        return [texts[number] for number in found]

    @cached_property
    def mark_paragraphs(self) -> list[tuple[Element, list[tuple[str, Mark]]]]:
        """Paragraphs that hold checkboxes, each box paired with its label text."""
        out = []
        candidates = paragraphs_with_marks(self.body, self.legacy_by_begin)
        for paragraph in self.paragraphs:
            if paragraph not in candidates:
                continue
            tokens = paragraph_tokens(paragraph, self.legacy_by_begin)
            pairs = labelled_marks(tokens)
            if pairs:
                out.append((paragraph, pairs))
                question = (
                    question_of(tokens) or question_before(pairs) or self._row_question(paragraph)
                )
                self.mark_questions[paragraph] = question
        return out

    def _row_question(self, paragraph: Element) -> str:
        """For boxes in a table cell (``| CAMHS involved? | ☐ Yes | ☐ No |``): the text of
        the row's first cell, when that is another cell."""
        node = paragraph.getparent()
        while node is not None and node.tag != TC:
            node = node.getparent()
        entry = self.cell_of_tc.get(node) if node is not None else None
        if entry is None:
            return ""
        grid, cell = entry
        first = grid.row_cells(cell.row)[0]
        if first is cell:
            return ""
        return " ".join(first.text().split())

    @cached_property
    def _mark_paragraph_set(self) -> frozenset[Element]:
        return frozenset(paragraph for paragraph, _ in self.mark_paragraphs)

    def holds_mark(self, tc: Element) -> bool:
        """Whether a cell holds a checkbox of any kind (a typed ☐ or a Wingdings box too)."""
        return any(paragraph in self._mark_paragraph_set for paragraph in tc.iter(P))

    @cached_property
    def mark_questions(self) -> dict[Element, str]:
        """The question a line of boxes answers (``CAMHS involved? ☐ Yes ☐ No``), per
        paragraph of ``mark_paragraphs``; filled as those are found."""
        return {}

    @cached_property
    def cell_labels_over_answers(self) -> dict[Element, tuple[Element | None, str]]:
        """Per cell, its label paragraph over the answer (if any) and that label's
        normalised text, filled by the heading lookups as they ask (each title of a form
        asked it of every cell)."""
        return {}

    @cached_property
    def normalised_texts(self) -> dict[Element, str]:
        """Per paragraph, its text normalised, as the heading lookups ask (each title not
        found among the headings was compared with every paragraph)."""
        return {}

    @cached_property
    def cell_instruction_labels(self) -> dict[Element, str | None]:
        """Per cell, its label over an instruction in italics (normalised), as asked."""
        return {}

    @cached_property
    def heading_cells(self) -> frozenset[Element]:
        """The cells of heading rows (shaded/bold full-width rows)."""
        return frozenset(cell.tc for _, _, cell, _ in self.heading_rows)

    def find_markers(self, title: str) -> list[Marker]:
        found = self._markers_by_title.get(title)
        if found is None:
            wanted = normalise(title)
            found = [m for m in self.markers if m.text == wanted] or [
                m for m in self.markers if m.text.startswith(wanted + " ")
            ]
            self._markers_by_title[title] = found
        return list(found)

    @cached_property
    def _markers_by_title(self) -> dict[str, list[Marker]]:
        """``find_markers`` per title asked: a form scopes many anchors to one section, and
        each asked the same question of every heading."""
        return {}

    def section_range(self, title: str) -> Scope:
        """Positions from a section's heading to the next heading of the same or a higher
        level (``None`` when no heading has that title)."""
        ranges = self._section_ranges
        if title not in ranges:
            ranges[title] = self._section_range(title)
        return ranges[title]

    @cached_property
    def _section_ranges(self) -> dict[str, Scope]:
        """``section_range`` per title asked (see ``_markers_by_title``)."""
        return {}

    def _section_range(self, title: str) -> Scope:
        found = self.find_markers(title)
        if not found:
            return None
        start = found[0]
        end: float = len(self.positions) + 1
        for marker in self.markers:
            if marker.position > start.position and marker.level <= start.level:
                end = marker.position
                break
        return start.position, end

    def in_range(self, element: Element, scope: Scope) -> bool:
        if scope is None:
            return True
        position = self.position(element)
        return scope[0] < position < scope[1]


def heading_levels(styles: Element | None) -> dict[str, int]:
    """Heading level per paragraph style id, from ``w:outlineLvl`` or the style's name
    (``heading 1``), so renamed or localised heading styles still count."""
    levels: dict[str, int] = {}
    if styles is None:
        return levels
    based_on: dict[str, str] = {}
    for style in styles.iter(w("style")):
        style_id = style.get(w("styleId")) or ""
        parent = first_child(style, w("basedOn"))
        if parent is not None and parent.get(w("val")):
            based_on[style_id] = parent.get(w("val")) or ""
        outline = style.find(f"{PPR}/{w('outlineLvl')}")
        name = first_child(style, w("name"))
        name_text = (name.get(w("val")) if name is not None else "") or ""
        if outline is not None and (outline.get(w("val")) or "").isdigit():
            level = int(outline.get(w("val")) or "9") + 1
            if level <= 9:
                levels[style_id] = level
                continue
        match = _HEADING_NAME.match(name_text.strip())
        if match:
            levels[style_id] = int(match.group(1))
        elif name_text.strip().lower() == "title":
            levels[style_id] = 1
    # A style based on a heading style is a heading of that level (17.7.4.3), e.g. a
    # form's own "PEP Section" style based on Heading 1.
    for style_id in based_on:
        seen = {style_id}
        parent = based_on.get(style_id)
        while style_id not in levels and parent and parent not in seen:
            if parent in levels:
                levels[style_id] = levels[parent]
            seen.add(parent)
            parent = based_on.get(parent)
    return levels


#: heading levels by the bytes of a ``styles.xml`` (a few templates' worth)
_STYLE_LEVELS: dict[bytes, Mapping[str, int]] = {}
_STYLE_SHEETS_KEPT = 16


def _style_levels_of(raw: bytes, source: str) -> Mapping[str, int]:
    found = _STYLE_LEVELS.get(raw)
    if found is None:
        # parsed (and so checked) only the first time these bytes are seen
        levels = heading_levels(parse_xml(raw, source, STYLES_PART) if raw else None)
        found = MappingProxyType(levels)
        if len(_STYLE_LEVELS) >= _STYLE_SHEETS_KEPT:
            _STYLE_LEVELS.pop(next(iter(_STYLE_LEVELS)))
        _STYLE_LEVELS[raw] = found
    return found


_BOLD = w("b")
_ITALIC = w("i")
_SHADING = w("shd")
_FILL = w("fill")

#: Elements numbered in ``DocumentIndex.positions``.
_PLACED = (P, TC, TR, TBL, SDT)
_FALLBACK_PARAGRAPHS = etree.XPath(".//mc:Fallback//w:p", namespaces={"mc": MC_NS, "w": W_NS})
_OUTLINE_LEVEL = w("outlineLvl")
_PARAGRAPH_STYLE = w("pStyle")


def _heading_candidates(body: Element) -> set[Element]:
    """Paragraphs ``DocumentIndex.paragraph_level`` may find a heading level for (a
    superset): those with an outline level or a style, and those outside tables holding a
    bold run. Found from the few such properties up, not by testing every paragraph."""
    found: set[Element] = set()
    for node in body.iter(_OUTLINE_LEVEL, _PARAGRAPH_STYLE):
        properties = node.getparent()
        if properties is not None and properties.tag == PPR:
            paragraph = properties.getparent()
            if paragraph is not None and paragraph.tag == P:
                found.add(paragraph)
    for bold in body.iter(_BOLD):
        properties = bold.getparent()
        run = properties.getparent() if properties is not None and properties.tag == RPR else None
        if run is None or run.tag != R:
            continue
        around: list[Element] = []  # the paragraphs around the run, but not in a table cell
        node = run.getparent()
        while node is not None and node is not body:
            if node.tag == P:
                around.append(node)
            elif node.tag == TC:
                around.clear()
            node = node.getparent()
        found.update(around)
    return found


def in_fallback(element: Element) -> bool:
    """Inside ``mc:Fallback``: Word stores a text box twice (``mc:AlternateContent``, ECMA-376
    Part 3), and only the ``mc:Choice`` copy is read, so nothing is found twice. Controls in
    both copies are still written on fill, keeping the copies alike."""
    node = element.getparent()
    while node is not None:
        if node.tag == MC_FALLBACK:
            return True
        node = node.getparent()
    return False


def all_bold(paragraph: Element) -> bool:
    """Every run of the paragraph that shows text is bold (a printed question or label)."""
    return _all_bold(paragraph)


def bold_lead(paragraph: Element) -> tuple[str, bool]:
    """The text of a paragraph's leading bold runs, and whether text follows them in runs
    that are not bold (``Student name`` in bold, then ``Tyler-Jay Penhallow``)."""
    lead = ""
    for run in paragraph.iter(R):
        text = "".join(t.text or "" for t in run.iter(T))
        if not text:
            continue
        properties = first_child(run, RPR)
        if properties is not None and on_off(first_child(properties, _BOLD)):
            lead += text
            continue
        return lead, bool(text.strip())
    return lead, False


def bold_then_italic(paragraph: Element) -> bool:
    """Bold runs, then only italic ones: a printed label and the prompt under it on one
    line ("**My views:** *how is it going, and what would help me?*")."""
    lead, rest = False, False
    for run in paragraph.iter(R):
        if not any(t.text and t.text.strip() for t in run.iter(T)):
            continue
        properties = first_child(run, RPR)
        bold = properties is not None and on_off(first_child(properties, _BOLD))
        italic = properties is not None and on_off(first_child(properties, _ITALIC))
        if bold and not rest:
            lead = True
        elif italic and lead:
            rest = True
        else:
            return False
    return lead and rest


def all_italic(paragraph: Element) -> bool:
    """Every run of the paragraph that shows text is italic (a printed instruction: "To be
    completed by the social worker", "Use my words")."""
    found = False
    for run in paragraph.iter(R):
        if not any(t.text for t in run.iter(T)):
            continue
        properties = first_child(run, RPR)
        if properties is None or not on_off(first_child(properties, _ITALIC)):
            return False
        found = True
    return found


def looks_like_label(tc: Element) -> bool:
    """A cell printed as a label: shaded, or all its text bold."""
    memo = reading_memo()
    if memo is None:
        return _shaded(tc) or _all_bold_cell(tc)
    found = memo.label_cells.get(tc)
    if found is None:
        found = memo.label_cells[tc] = _shaded(tc) or _all_bold_cell(tc)
    return found


def _all_bold(paragraph: Element) -> bool:
    """Every run with text is bold (and there is one)."""
    found = False
    for run in paragraph.iter(R):
        if not any(t.text for t in run.iter(T)):
            continue
        properties = first_child(run, RPR)
        if properties is None or not on_off(first_child(properties, _BOLD)):
            return False
        found = True
    return found


def _all_bold_cell(tc: Element) -> bool:
    found = False
    for paragraph in tc.iter(P):
        if paragraph_text(paragraph).strip():
            if not _all_bold(paragraph):
                return False
            found = True
    return found


def _shaded(tc: Element) -> bool:
    properties = first_child(tc, TCPR)
    shading = None if properties is None else first_child(properties, _SHADING)
    if shading is None:
        return False
    fill = (shading.get(_FILL) or "auto").upper()
    return fill not in ("AUTO", "FFFFFF", "NONE", "")
