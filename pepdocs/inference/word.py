"""Inference for Word forms: draft mapping entries from a blank or completed form.

Given a blank template (or a completed form: the labels are the same), inference walks the
document through the Word engine's own index (controls, legacy fields, table grids, section
headings, checkboxes) and proposes one entry per model path it recognises:

- content controls and legacy fields by their tag/alias/name and the label beside them;
- label cells (value to the right or below) and ``Label: value`` paragraphs;
- checkbox groups whose option labels are a code list's labels (``EHCP``/``SEN Support``);
- repeating tables by their header row (targets, attendees, attainment...);
- free-text blocks under headings (``Child's views``).

Each entry carries a confidence (1.0: exact lexicon wording, lower for fuzzy matches and
generic labels read through their section). Every anchor is checked against the document
with the engine's own ``locate`` so that it finds the intended box first; a label that occurs
twice gets its ``section`` (or ``occurrence``). Paths are assigned once, best first, and a
box is never given to two paths: when unsure, nothing is proposed (a wrong value is worse
than a blank one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from pepdocs.errors import PepdocsError
from pepdocs.formats.word import inspect as word
from pepdocs.formats.word.inspect import (
    TC,
    AfterLabelSlot,
    ControlSlot,
    DocumentIndex,
    Element,
    GridCell,
    LegacySlot,
    Mark,
    Marker,
    MarkSlot,
    RegionSlot,
    Slot,
    TableGrid,
    bold_lead,
    clean_value,
    enclosing,
    holds_field,
    label_and_answer,
    label_over_answer,
    label_with_instruction,
    looks_like_label,
    normalise,
    paragraph_text,
    tick_and_cross_legend,
    transpose,
)
from pepdocs.inference.draft import (
    Candidate,
    InferredEntry,
    assign,
    code_prefix,
    completing_role,
    plausible_value,
    signatory,
)
from pepdocs.inference.lexicon import (
    KEYED_SCORE,
    PERSON_SECTIONS,
    Lexicon,
    LexiconMatch,
    TableSection,
    fold,
    share_columns,
)
from pepdocs.mapping.anchors import parse_anchor
from pepdocs.mapping.spec import Anchor, ColumnSpec, FieldSpec
from pepdocs.mapping.transforms import TextTransform
from pepdocs.model import FieldInfo, field_catalog, get_codelist

__all__ = ["WordInference", "form_identity", "guess_phase"]

_LABEL_MAX_CHARS = 70

#: Labels that only ask about the child (a bare "Name" beside them is the child's).
_CHILD_IDENTITY = frozenset({"child.date_of_birth", "child.upn", "child.gender"})
_LABEL_COLON = re.compile(
    r"^\s*([^:\n]{2,60}?)\s*(?:[:\u2013]|[.\u2026_]{3,}|\u2026)\s*(.*)$"
    # a first-person label with its verb and no colon, as early-years pages print them:
    # "My name is Alfie", "My carers are Jill and Andrew" ("My name is" alone on a blank)
    r"|^\s*((?:my|i|me)\b[^:\n]{1,50}?\b(?:is|are|am))(?:\s+(\S.*)|\s*)$",
    re.DOTALL | re.IGNORECASE,
)


#: A signature line: "Social worker signature:", "Signature of designated teacher ....",
#: "Signed:"; the printed words around the start word say whose it is.
_SIGNATURE_LINE = re.compile(
    r"^\s*(?:(?P<before>[^:\n]{1,60}?)\s+)?(?P<word>signature|signed(?:\s+off)?)"
    r"(?:\s+(?:(?:of|by)\s+|(?=\())(?P<after>[^:\n]{1,60}?))?\s*(?:[:\-\u2013]|[.\u2026_]+)",
    re.IGNORECASE,
)
#: words a signatory's role is never made of ("Please add your signature.")
_NOT_A_ROLE = frozenset({"please", "your", "my", "their", "add", "sign", "here", "confirm", "a"})

#: The first line of a numbered record: ``Target 1: ...``, ``Target no. 2 - ...``.
_RECORD_START = re.compile(r"^\s*([A-Za-z][^:\n\d]{1,40}?)\s*(?:no\.?\s*)?(\d{1,2})\s*[:.\-\u2013]")


#: ... or with its number first: ``1.  Target: ...``, ``2) Target: ...``.
_NUMBERED_RECORD = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*([A-Za-z][^:\n\d]{1,40}?)\s*:")


#: a number before or after a record's label ("Last term's target 1", "2. Target")
_LABEL_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.)]\s*|\s*(?:no\.?|#)?\s*\d{1,2}\s*:?\s*$")


def _unnumbered(text: str) -> str:
    return _LABEL_NUMBER.sub("", " ".join(text.split())).rstrip(":").strip()


def _is_record_start(text: str) -> bool:
    return bool(_RECORD_START.match(text) or _NUMBERED_RECORD.match(text))


def _label_parts(match: re.Match[str]) -> tuple[str, str]:
    """(label, what follows it) of a :data:`_LABEL_COLON` match, whichever form matched."""
    if match.group(1) is not None:
        return match.group(1), match.group(2)
    return match.group(3), match.group(4) or ""


#: a label later on a line, after a gap: "...   Name: Mark Huxtable   Role: ..."
_INLINE_LABEL = re.compile(r"(?:\t|\s{2,})([A-Za-z][A-Za-z /']{1,30}?)\s*:")

_SEGMENT_SPLIT = re.compile(r"\t+|\s{3,}")
#: "Type N in the band the child is working within now", "and T in the band you expect by
#: the next PEP": a letter and what it is typed for
_LETTER_LEGEND = re.compile(
    r"(?:\b(?i:type|write|put|enter|use|mark)\s+(?:an?\s+)?|\b(?i:and)\s+)"
    r"[\"'\u201c]?([A-Z])[\"'\u201d]?\s+(?i:in|for|to show)\b([^.;]*?)"
    r"(?=\b(?i:and)\s+[\"'\u201c]?[A-Z][\"'\u201d]?\s+(?i:in|for)\b|[.;]|$)"
)
#: what a letter typed for the band now, or for the band expected later, is said to be for
_NOW_WORDS = re.compile(r"\b(?:now|currently|current|working within|working at|today)\b")
_LATER_WORDS = re.compile(r"\b(?:next pep|next review|expect|expected|target|by the end|aim)\b")
#: boxes typed or shown as glyphs on a line of text
_BOX_GLYPHS = frozenset("\u2610\u2611\u2612\u25a1\u25a0")
#: Paths whose answer is a block of free text under a heading (views, plans).
_FREE_TEXT_PREFIXES = (
    "views.",
    "transition.",
    "care.parental_responsibility",
    "child.leisure_interests",
)


# --- entry point ---------------------------------------------------------------------------


# --- Word inference --------------------------------------------------------------------------


class WordInference:
    def __init__(self, index: DocumentIndex, lexicon: Lexicon) -> None:
        self.index = index
        self.lexicon = lexicon
        self.catalog = field_catalog()
        self.candidates: list[Candidate] = []
        self.unmatched: list[str] = []
        self.claimed_cells: set[Element] = set()
        self._signoff_grids: dict[Element, bool] = {}
        #: paragraphs a record list reads (``Target 1: ...`` and the lines after it)
        self.claimed_paragraphs: set[Element] = set()
        self.title = ""
        self.unplaced_boxes: list[str] = []
        self.unplaced_columns: list[str] = []
        self._marker_cells = {m.element for m in index.markers if m.kind == "row"}
        #: the band headers of a grid's ticked column, by (grid, section)
        self._ticked: dict[tuple[int, str], list[str]] = {}
        #: (grid, section) -> {item column: letter} of a band grid answered with letters
        self._letters: dict[tuple[int, str], dict[str, str]] = {}

    def run(self) -> list[InferredEntry]:
        self._tables()
        self._record_lists()
        self._record_tables()
        self._people_lines()
        self._controls_and_fields()
        self._checkbox_groups()
        self._labels_over_answers()
        self._label_cells()
        self._label_paragraphs()
        self._question_paragraphs()
        self._headings()
        self._signature_lines()
        return self._assign()

    # -- helpers -----------------------------------------------------------------------------

    def _heading_before(self, element: Element) -> list[str]:
        """Texts of the nearest section headings above ``element`` (nearest first)."""
        position = self.index.position(element)
        before = [m for m in self.index.markers if m.position < position]
        found: list[str] = []
        level = 99
        for marker in reversed(before):
            if marker.level < level or not found:
                found.append(marker.text)
                level = marker.level
            if len(found) == 3:
                break
        return found

    def _cell_of(self, element: Element) -> tuple[TableGrid, GridCell] | None:
        node = enclosing(element, "tc")
        return None if node is None else self.index.cell_of_tc.get(node)

    def _match_label(
        self, text: str, element: Element, line_before: bool = True
    ) -> LexiconMatch | None:
        """The path a label names: on its own, else read through the line before it (unless
        ``line_before`` is False: a label later on a line belongs to that line), its
        sections, or the child's details around it."""
        found = self.lexicon.match(text)
        if found is not None:
            return found
        context = self._line_before(element) if line_before else ""
        context = context or self._person_left_in_row(element)
        if context:
            # a generic label read through the line before it: "Telephone" under "My social
            # worker is: ...", "Date" under "Designated teacher signature: ..."
            in_context = self.lexicon.match_in_section(text, context)
            if in_context is not None:
                return LexiconMatch(
                    in_context.path, round(in_context.score * 0.9, 3), False, in_context.wording
                )
        for heading in self._heading_before(element):
            in_section = self.lexicon.match_in_section(text, heading)
            if in_section is not None:
                # a generic label read through its section is less sure than a full one
                return LexiconMatch(
                    in_section.path,
                    round(in_section.score * 0.9, 3),
                    False,
                    in_section.wording,
                )
        for heading in self._heading_before(element):
            # "School" / "Carer's section" as headings under "What the adults say"
            said = self.lexicon.said_under(text, heading)
            if said is not None:
                return said
        return self._name_among_the_childs_details(text, element)

    def _name_among_the_childs_details(self, text: str, element: Element) -> LexiconMatch | None:
        """A bare "Name" in the table that asks for the child's date of birth or UPN: the
        child's name (the people around the child are named with their role)."""
        child = self.lexicon.match_in_section(text, "child details")
        if child is None:
            return None
        cell = self._cell_of(element)
        if cell is None:
            # "Name: Poppy Ashgrove<tab>DOB: 11/02/2022" on one line
            paragraph = enclosing(element, "p")
            line = paragraph_text(paragraph) if paragraph is not None else ""
            for later in _INLINE_LABEL.finditer(line):
                found = self.lexicon.match(later.group(1))
                if found is not None and found.path in _CHILD_IDENTITY:
                    return LexiconMatch(
                        child.path, round(child.score * 0.9, 3), False, child.wording
                    )
            return None
        grid = cell[0]
        for _, other in grid.cells():
            if other is cell[1]:
                continue
            label = label_over_answer(other.tc)
            printed = paragraph_text(label) if label is not None else other.text()
            words = " ".join(printed.split()[:8])
            found = self.lexicon.match(words) if words else None
            if found is not None and found.path in _CHILD_IDENTITY:
                return LexiconMatch(child.path, round(child.score * 0.9, 3), False, child.wording)
        return None

    def _person_left_in_row(self, element: Element) -> str:
        """Whose a generic label is when a label to its left in the same table row names a
        person (``Designated practitioner | Gemma Falstead | Email | ...``): that person, as
        a section would say it; empty otherwise."""
        found = self._cell_of(element)
        if found is None:
            return ""
        grid, cell = found
        for other in reversed(grid.row_cells(cell.row)):
            if other.col >= cell.col or not _label_looking(other.tc):
                continue
            named = self.lexicon.match(" ".join(other.text().split()))
            if named is None:
                continue
            for prefix, person in PERSON_SECTIONS.items():
                if named.path.startswith(prefix):
                    return person
            return ""  # the nearest label names something else
        return ""

    def _signatory_above(self, paragraph: Element, segments: Sequence[str]) -> str:
        """The role a short line just above a signature line names ("Chair of the meeting
        (designated person)"), when the line's labels include a signature; else empty."""
        labels = [_LABEL_COLON.match(segment) for segment in segments]
        if not any(m and "signature" in fold(_label_parts(m)[0]).split() for m in labels):
            return ""
        node = _paragraph_before(paragraph)
        if node is None:
            return ""
        text = " ".join(paragraph_text(node).split())
        if not text or ":" in text or len(text) > _LABEL_MAX_CHARS:
            return ""
        return signatory(text)

    def _line_before(self, element: Element) -> str:
        """What the line before a label line is about, as a section would say it: a person
        ("social worker") when it names one of theirs, their signature ("designated teacher
        signature") when it is a signature line; empty otherwise."""
        paragraph = enclosing(element, "p")
        node = _paragraph_before(paragraph) if paragraph is not None else None
        if node is None:
            return ""
        match = _LABEL_COLON.match(paragraph_text(node))
        if match is None:
            return ""
        label = _label_parts(match)[0].strip()
        folded = fold(label)
        if "signature" in folded.split() or "signed" in folded.split():
            role = signatory(label)
            return f"{role} signature" if role else ""
        named = self.lexicon.match(label)
        if named is not None:
            for prefix, person in PERSON_SECTIONS.items():
                if named.path.startswith(prefix):
                    return person
        return ""

    def _kind(self, path: str) -> str:
        """The model kind of a lexicon path; ``name`` for a box holding a whole name."""
        placed = self.lexicon.placement(path)
        return placed.kind or self.catalog[path].kind

    def _add(
        self,
        path: str,
        anchor: dict[str, Any],
        confidence: float,
        evidence: str,
        claims: Iterable[Any],
        element: Any,
        **extra: Any,
    ) -> None:
        placed = self.lexicon.placement(path)
        kind = self._kind(path)
        # what the box holds, read once (None: not found or not readable)
        read = self._box_read(placed.path, anchor) if not placed.paths and kind != "list" else None
        if not placed.path.startswith("signoff.") and self._in_signoff_grid(element):
            # a name in a sign-off table is the signatory's: the same person's own box
            # elsewhere on the form is the surer place for their details
            confidence *= 0.8
            evidence += "; in a sign-off table"
        if read is not None and not _plausible(placed.path, read[0]):
            # a completed form's box holds something this path cannot hold ("Yr 4" under a
            # label read as the academic year): the label means something else here
            confidence *= 0.5
            evidence += "; the box holds a value that does not fit"
        entry = InferredEntry(placed.path, anchor, round(confidence, 3), evidence, element=element)
        entry.also = list(extra.get("also") or [])
        # one box holding the whole name is read into its parts (type: name); a question
        # asked the other way round is read negated
        entry.options = {**placed.options, **dict(extra.get("options") or {})}
        entry.paths = list(placed.paths)
        entry.columns = list(extra.get("columns") or [])
        # on a completed form, whether the box holds an answer (a blank form's hold none)
        filled = None
        if read is not None and kind != "bool":
            filled = isinstance(read[0], str) and bool(read[0].strip())
        self.candidates.append(Candidate(entry, tuple(claims), filled))

    def _box_read(self, path: str, anchor: dict[str, Any]) -> tuple[Any] | None:
        """What the anchor's box holds, as a one-item tuple, or None when the anchor finds
        no box or the box cannot be read."""
        slot = self._locate(anchor, path)
        if slot is None:
            return None
        try:
            return (slot.read(),)
        except PepdocsError:
            return None

    def _in_signoff_grid(self, element: Any) -> bool:
        """Whether ``element`` sits in a table one of whose cells says "Signature" or
        "Signed" (a sign-off table, its signatories in rows or in columns)."""
        found = self._cell_of(element) if element is not None else None
        if found is None:
            return False
        grid = found[0]
        if grid.tbl not in self._signoff_grids:
            self._signoff_grids[grid.tbl] = any(
                fold(cell.text()).split()[:1] in (["signature"], ["signed"], ["signatures"])
                for _, cell in grid.cells()
            )
        return self._signoff_grids[grid.tbl]

    def _verify(self, anchor: dict[str, Any], target: Element, path: str) -> dict[str, Any] | None:
        """``anchor``, made specific enough (a section, else an occurrence) that the engine
        finds ``target`` with it first; None when it cannot be made to."""
        for attempt in self._refinements(anchor, target):
            slot = self._locate(attempt, path)
            if slot is None or target not in _slot_elements(slot):
                continue
            if self._elsewhere_too(attempt, target, path):
                continue  # found first, but a second place fits too: be more specific
            return attempt
        return None

    def _elsewhere_too(self, anchor: dict[str, Any], target: Element, path: str) -> bool:
        """Whether an anchor without ``occurrence`` also lands somewhere other than
        ``target`` (a label the form uses twice)."""
        ((kind, value),) = anchor.items()
        if kind not in ("label", "checkbox", "heading"):
            return False
        body = dict(value) if isinstance(value, Mapping) else {"text": value}
        if "occurrence" in body:
            return False
        for occurrence in range(2, 10):
            slot = self._locate({kind: {**body, "occurrence": occurrence}}, path)
            if slot is None:
                return False
            if target not in _slot_elements(slot) and not label_echo(slot):
                return True
        return False

    def _refinements(self, anchor: dict[str, Any], target: Element) -> Iterable[dict[str, Any]]:
        yield anchor
        ((kind, value),) = anchor.items()
        if kind not in ("label", "checkbox", "heading"):
            return
        body = dict(value) if isinstance(value, Mapping) else {"text": value}
        if kind != "heading":
            for heading in self._heading_before(target):
                if len(self.index.find_markers(heading)) == 1:
                    yield {kind: {**body, "section": self._marker_title(heading)}}
        for occurrence in range(2, 6):
            yield {kind: {**body, "occurrence": occurrence}}

    def _marker_title(self, folded: str) -> str:
        marker = self.index.find_markers(folded)[0]
        return _display_text(marker)

    def _locate(
        self, anchor: dict[str, Any], path: str, columns: Sequence[dict[str, Any]] = ()
    ) -> Slot | None:
        try:
            parsed = parse_anchor(anchor, "docx", 0)
        except ValueError:
            return None
        return word.locate(self.index, parsed, _probe_spec(path, parsed, columns))

    # -- tables ------------------------------------------------------------------------------

    def _tables(self) -> None:
        for number, grid in enumerate(self.index.grids):
            best: tuple[float, TableSection, int, list[tuple[GridCell, str, str, float]]] | None
            best = None
            for row_number in range(min(len(grid.rows), 4)):
                cells = [
                    (cell, cell.text().strip())
                    for cell in grid.row_cells(row_number)
                    if cell.row == row_number
                ]
                if len(cells) < 2 or any(len(text) > _LABEL_MAX_CHARS for _, text in cells):
                    continue
                if any(
                    _holds_box(cell.tc)
                    or (_labelled_answer(text) and not _label_looking(cell.tc))
                    or (self.index.holds_mark(cell.tc) and not tick_and_cross_legend(text))
                    for cell, text in cells
                ):
                    continue  # a row of boxes or of "Label: answer" cells is not a header row
                title = self._table_title(grid, row_number)
                for section in self.lexicon.tables.values():
                    scored = self._header_columns(cells, section)
                    scored += self._printed_role_column(grid, row_number, cells, section, scored)
                    scored += self._ticked_column(grid, cells, section, scored)
                    present = _present(section, scored)
                    if not all(key in present for key in section.key) or len(scored) < 2:
                        continue
                    if not any(score >= KEYED_SCORE for *_, score in scored):
                        continue  # columns told by cues alone: no wording says it is this
                    score = sum(s for *_, s in scored) + (1.5 if title == section.path else 0.0)
                    if best is None or score > best[0]:
                        best = (score, section, row_number, scored)
            if best is None:
                self._table_across(number, grid)
                continue
            score, section, row_number, scored = best
            self._add_table(number, grid, section, row_number, scored)

    def _table_across(self, number: int, grid: TableGrid) -> None:
        """A repeating table turned on its side: the headers printed down the first column,
        each later column one item (prime areas across the top with "Now" and "By the next
        PEP" down the side; signatories as columns over Name / Signature / Date). Only when
        the table reads as no list the usual way round, has two or more item columns, and
        two of the first column's cells name the section's columns outright."""
        turned = transpose(grid)
        if turned is None or len(turned.rows) < 3:
            return
        cells = [(cell, cell.text().strip()) for cell in turned.row_cells(0) if cell.row == 0]
        if len(cells) < 2 or any(len(text) > _LABEL_MAX_CHARS for _, text in cells):
            return
        if any(_holds_box(cell.tc) or _labelled_answer(text) for cell, text in cells):
            return
        best: tuple[float, TableSection, list[tuple[GridCell, str, str, float]]] | None = None
        for section in self.lexicon.tables.values():
            scored = self._header_columns(cells, section)
            scored += self._printed_role_column(turned, 0, cells, section, scored)
            present = _present(section, scored)
            if not all(key in present for key in section.key):
                continue
            if sum(1 for *_, score in scored if score >= KEYED_SCORE) < 2:
                continue  # across is the rarer way: two columns must be named outright
            score = sum(s for *_, s in scored)
            if best is None or score > best[0]:
                best = (score, section, scored)
        if best is not None:
            _, section, scored = best
            self._add_table(number, turned, section, 0, scored, transposed=True)

    def _record_lists(self) -> None:
        """A repeating section printed as numbered records of "Label: value" lines
        (``Target 1: ...`` / ``Area: ...`` / ``Target 2: ...``), as case-record systems
        print targets: the first line's label names the section's key column."""
        paragraphs = [p for p, _ in self.index.paragraph_texts if self._cell_of(p) is None]
        seen: set[str] = set()
        for position, paragraph in enumerate(paragraphs):
            text = paragraph_text(paragraph)
            start = _RECORD_START.match(text)
            label = start.group(1).strip() if start is not None else ""
            if start is None:
                # "1.  Target: ...   Support: ...   Who: ...   By: ..." (number first)
                start = _NUMBERED_RECORD.match(text)
                if start is None:
                    continue
                label = start.group(2).strip()
            if fold(label) in seen:
                continue
            # the record's other labels: later on its first line, then lines of their own
            labels = [found.group(1).strip() for found in _INLINE_LABEL.finditer(text, start.end())]
            for following in paragraphs[position + 1 : position + 16]:
                line_text = paragraph_text(following)
                line = _LABEL_COLON.match(line_text)
                if line is None or _is_record_start(line_text):
                    break
                labels.append(_label_parts(line)[0].strip())
            best: tuple[float, TableSection, list[tuple[str, str, float]]] | None = None
            for section in self.lexicon.tables.values():
                first = self.lexicon.header_match(label, section)
                if first is None or first[0] not in section.key:
                    continue
                columns = [(label, first[0], first[1])]
                for header in labels:
                    found = self.lexicon.header_match(header, section)
                    if found is None or any(found[0] == c for _, c, _ in columns):
                        break
                    columns.append((header, found[0], found[1]))
                score = sum(s for *_, s in columns)
                if len(columns) >= 3 and (best is None or score > best[0]):
                    best = (score, section, columns)
            if best is None:
                continue
            seen.add(fold(label))
            self._add_records(label, best[1], best[2])

    def _people_lines(self) -> None:
        """A section written as lines of a minute, ``Present: A (role), B (role)`` and
        ``Apologies: C (role)``: one people anchor over the lines the form prints, unless a
        table of the section was found already."""
        for section in self.lexicon.tables.values():
            if not section.lines or any(c.entry.path == section.path for c in self.candidates):
                continue
            wordings = {fold(label): label for label in section.lines}
            printed: dict[str, str] = {}  # the form's wording -> the lexicon's
            for paragraph, text in self.index.paragraph_texts:
                if paragraph in self.claimed_paragraphs or self._cell_of(paragraph) is not None:
                    continue
                line = _LABEL_COLON.match(text)
                label = line.group(1) if line is not None and line.group(1) else ""
                known = wordings.get(fold(label))
                if known is not None and known not in printed.values():
                    printed[label.strip()] = known
            if not printed:
                continue
            header = {column: wordings_[0] for column, wordings_ in section.columns.items()}
            used = [
                "name",
                "role",
                *dict.fromkeys(
                    column for known in printed.values() for column in section.lines[known]
                ),
            ]
            if any(column not in header for column in used):
                continue
            anchor = {
                "people": {
                    "lines": {
                        label: {header[c]: v for c, v in section.lines[known].items()}
                        for label, known in printed.items()
                    },
                    "name": header["name"],
                    "role": header["role"],
                }
            }
            columns = [{"path": column, "header": header[column]} for column in used]
            slot = self._locate(anchor, section.path, columns)
            elements = list(slot.covers()) if slot is not None else []
            if not elements:
                continue
            self.claimed_paragraphs.update(elements)
            self._add(
                section.path,
                anchor,
                0.9,
                "people listed after " + ", ".join(repr(label) for label in printed),
                elements,
                elements[0],
                columns=columns,
            )

    def _record_tables(self) -> None:
        """A repeating section printed as small tables of "label | answer" rows, one per
        item (``SMART target | ...`` / ``Adult responsible | ...`` / ``Review date | ...``):
        the first row's label names the section's key column."""
        seen: set[str] = set()
        for grid in self.index.grids:
            pairs = [label_and_answer(grid, number) for number in range(len(grid.rows))]
            for position, pair in enumerate(pairs):
                if pair is None or pair[0].tc in self.claimed_cells:
                    continue
                label = _unnumbered(pair[0].text())
                if not label or fold(label) in seen or len(label) > _LABEL_MAX_CHARS:
                    continue
                labels = []
                for later in pairs[position + 1 :]:
                    if later is None:
                        break
                    text = " ".join(later[0].text().split())
                    if _unnumbered(text) == label:
                        break
                    labels.append(text)
                best = self._record_columns(label, labels)
                if best is None:
                    continue
                seen.add(fold(label))
                self._add_records(label, best[1], best[2])

    def _record_columns(
        self, label: str, labels: Sequence[str]
    ) -> tuple[float, TableSection, list[tuple[str, str, float]]] | None:
        """The section whose key column ``label`` names and whose columns ``labels`` name
        (three at least), best first."""
        best: tuple[float, TableSection, list[tuple[str, str, float]]] | None = None
        for section in self.lexicon.tables.values():
            first = self.lexicon.header_match(label, section)
            if first is None or first[0] not in section.key or first[1] < KEYED_SCORE:
                continue  # the start row is the section's key column, by its wording
            columns = [(label, first[0], first[1])]
            for header in labels:
                found = self.lexicon.header_match(header, section)
                if found is None or any(found[0] == c for _, c, _ in columns):
                    continue
                columns.append((header, found[0], found[1]))
            # most of the record's rows are the section's columns (a table of the child's
            # details has a "Date" row too, and is no record)
            if len(columns) < 3 or 2 * len(columns) < len(labels) + 1:
                continue
            score = sum(s for *_, s in columns)
            if best is None or score > best[0]:
                best = (score, section, columns)
        return best

    def _record_column_entries(
        self, section: TableSection, scored: list[tuple[str, str, float]]
    ) -> list[dict[str, Any]]:
        info = self.catalog[section.path]
        kinds = {item.path: item.kind for item in info.item_fields}
        columns: list[dict[str, Any]] = []
        for header, column, _ in scored:
            entry: dict[str, Any] = {"path": column, "header": header}
            if kinds.get(column) == "date":
                entry["type"] = "date"
            columns.append(entry)
        return columns

    def _add_records(
        self, start: str, section: TableSection, scored: list[tuple[str, str, float]]
    ) -> None:
        """The records anchor starting at ``start`` with ``scored`` columns, where the engine
        finds them: as lines (their paragraphs claimed) or as table rows (their tables)."""
        columns = self._record_column_entries(section, scored)
        anchor: dict[str, Any] = {"records": {"start": start}}
        slot = self._locate(anchor, section.path, columns)
        elements = list(slot.covers()) if slot is not None else []
        if not elements:
            return
        what = "records"
        if all(element.tag == TC for element in elements):
            what = "records of table rows"
            tables = {enclosing(element, "tbl") for element in elements}
            for grid in self.index.grids:
                if grid.tbl in tables:
                    self.claimed_cells.update(cell.tc for _, cell in grid.cells())
        else:
            self.claimed_paragraphs.update(elements)
        confidence = min(0.95, sum(s for *_, s in scored) / len(scored))
        self._add(
            section.path,
            anchor,
            confidence,
            f"{what} starting {start!r}: " + ", ".join(repr(h) for h, *_ in scored),
            elements,
            elements[0],
            columns=columns,
        )

    def _signature_lines(self) -> None:
        """Sign-off written as lines ("Designated teacher signature: ..." then "Date: ...",
        or "Signature: ...  Name: ...  Role: ..." on one line), where a form has no sign-off
        table: each line a ``signoff.signatures`` record, its role the words printed with
        "signature" when there are any. The lines' dates and names stay with the fields
        drafted for them too (a form filled from a PEP with no signature rows still gets
        its sign-off dates)."""
        section = self.lexicon.tables.get("signoff.signatures")
        if section is None or any(
            c.entry.path == section.path for c in self.candidates
        ):  # a sign-off table was found
            return
        starts: list[tuple[Element, re.Match[str]]] = []
        for paragraph, text in self.index.paragraph_texts:
            found = _SIGNATURE_LINE.match(text)
            if found is None or paragraph in self.claimed_paragraphs:
                continue
            words = fold(found.group("before") or found.group("after") or "").split()
            if len(words) > 6 or _NOT_A_ROLE.intersection(words):
                continue
            starts.append((paragraph, found))
        if not starts:
            return
        first = starts[0][1]
        start_word = first.group("word")
        printed = any(found.group("before") or found.group("after") for _, found in starts)
        # "Signed off by (Designated Teacher): Deborah Quayle" names who signed; "Designated
        # teacher signature: D. Quayle" is the signature as typed
        named = fold(start_word) == "signed off" or (
            fold(start_word) == "signed" and " by " in f" {fold(first.group(0))} "
        )
        scored: dict[str, tuple[str, float]] = {"name" if named else "signature": (start_word, 1.0)}
        for paragraph, found in starts:
            for label in self._record_labels(paragraph, found.end()):
                match = self.lexicon.header_match(label, section)
                if match is not None and match[0] not in scored and match[1] >= KEYED_SCORE:
                    scored[match[0]] = (label, match[1])
        if printed and "role" not in scored:
            scored["role"] = ("Role", 1.0)
        if len(scored) < 2:
            return  # a lone "Signed:" line says nothing of whose sign-off it is
        columns = self._record_column_entries(
            section, [(header, column, score) for column, (header, score) in scored.items()]
        )
        options: dict[str, Any] = {"start": start_word}
        if printed:
            options["printed"] = scored["role"][0]
        anchor: dict[str, Any] = {"records": options}
        slot = self._locate(anchor, section.path, columns)
        elements = list(slot.covers()) if slot is not None else []
        if not elements:
            return
        start_labels = {fold(" ".join(paragraph_text(p).split()[:8])) for p, _ in starts}
        self.unmatched = [
            label for label in self.unmatched if not any(fold(label) in s for s in start_labels)
        ]
        key_columns = [c for c in section.item_key if c in scored]
        self._add(
            section.path,
            anchor,
            min(0.9, sum(score for _, score in scored.values()) / len(scored)),
            f"{len(starts)} signature line(s): " + ", ".join(repr(h) for h, _ in scored.values()),
            [],
            elements[0],
            columns=columns,
            options={"key_columns": key_columns} if key_columns else {},
        )

    def _record_labels(self, paragraph: Element, offset: int) -> list[str]:
        """The labels of a record's lines: later on its first line (after ``offset``) and
        at the start of the lines after it, up to a line with no label."""
        labels = [
            found.group(1) for found in _INLINE_LABEL.finditer(paragraph_text(paragraph), offset)
        ]
        node = paragraph.getnext()
        while node is not None and node.tag == word.P:
            text = paragraph_text(node)
            if not text.strip():
                node = node.getnext()
                continue
            if _SIGNATURE_LINE.match(text):
                break
            line = _LABEL_COLON.match(text)
            if line is None:
                break
            labels.append(_label_parts(line)[0].strip())
            labels.extend(found.group(1) for found in _INLINE_LABEL.finditer(text, line.end(1)))
            node = node.getnext()
        return labels

    def _table_title(self, grid: TableGrid, header_row: int) -> str | None:
        """The repeating section a table's title names: a full-width row above its header, or
        the heading just before the table."""
        for row in range(header_row - 1, -1, -1):
            cells = grid.row_cells(row)
            if len(cells) == 1:
                found = self.lexicon.title_match(cells[0].text())
                if found:
                    return found
        headings = self._heading_before(grid.tbl)
        for heading in headings[:1]:
            found = self.lexicon.title_match(heading)
            if found:
                return found
        return None

    def _header_columns(
        self, cells: Sequence[tuple[GridCell, str]], section: TableSection
    ) -> list[tuple[GridCell, str, str, float]]:
        """(cell, header text, column path, score) for header cells naming a column, each
        column once (:func:`share_columns`)."""
        choices = [
            (cell, text, self.lexicon.header_choices(text, section))
            for cell, text in cells
            if text
        ]
        shared = share_columns([ranked for _, _, ranked in choices])
        placed = [
            (cell, text, column, score)
            for (cell, text, _), (column, score) in zip(choices, shared, strict=True)
            if column
        ]
        return sorted(placed, key=lambda item: item[0].col)

    def _printed_role_column(
        self,
        grid: TableGrid,
        row_number: int,
        cells: Sequence[tuple[GridCell, str]],
        section: TableSection,
        scored: Sequence[tuple[GridCell, str, str, float]],
    ) -> list[tuple[GridCell, str, str, float]]:
        """A blank header over roles printed down the first column (``Social worker``,
        ``Designated teacher``, ``Carer`` ...): the section's role column, placed by number."""
        if "role" not in section.columns or any(column == "role" for *_, column, _ in scored):
            return []
        first, text = cells[0]
        if text or not scored:
            return []
        printed = [
            " ".join(cell.text().split())
            for number in range(row_number + 1, len(grid.rows))
            for cell in grid.row_cells(number)
            if cell.row == number and cell.col == first.col
        ]
        printed = [words for words in printed if words]
        roles = [words for words in printed if signatory(words)]
        if len(roles) < 2 or 3 * len(roles) < len(printed):
            return []
        return [(first, "", "role", KEYED_SCORE)]

    def _ticked_column(
        self,
        grid: TableGrid,
        cells: Sequence[tuple[GridCell, str]],
        section: TableSection,
        scored: Sequence[tuple[GridCell, str, str, float]],
    ) -> list[tuple[GridCell, str, str, float]]:
        """Three or more header cells naming bands (``8-20``, ``16-26``, ``22-36``): the
        section's ticked column, read from which of them is ticked in each row."""
        column = section.ticked_column
        if not column or any(c == column for *_, c, _ in scored):
            return []
        pattern = re.compile(section.ticked_headers, re.IGNORECASE)
        bands = [(cell, text) for cell, text in cells if pattern.match(" ".join(text.split()))]
        if len(bands) < 3:
            return []
        self._ticked[(id(grid), section.path)] = [" ".join(text.split()) for _, text in bands]
        letters = self._band_letters(grid, section)
        if letters:
            # "Type N in the band ... now and T in the band you expect by the next PEP"
            self._letters[(id(grid), section.path)] = letters
            return [(bands[n][0], "", path, KEYED_SCORE) for n, path in enumerate(letters)]
        return [(bands[0][0], "", column, KEYED_SCORE)]

    def _band_letters(self, grid: TableGrid, section: TableSection) -> dict[str, str]:
        """The letters an instruction just above a band grid asks for ("Type N in the band
        the child is working within now and T in the band you expect by the next PEP"): the
        section's current and target columns by their letters; empty unless both are said."""
        node = grid.tbl.getprevious()
        texts: list[str] = []
        while node is not None and node.tag == word.P and len(texts) < 3:
            texts.append(paragraph_text(node))
            node = node.getprevious()
        letters: dict[str, str] = {}
        for text in texts:
            for found in _LETTER_LEGEND.finditer(text):
                letter, said = found.group(1), fold(found.group(2))
                for path, words in (("current", _NOW_WORDS), ("target", _LATER_WORDS)):
                    if path in section.columns and path not in letters and words.search(said):
                        letters[path] = letter
                        break
        return letters if len(letters) == 2 else {}

    def _add_table(
        self,
        number: int,
        grid: TableGrid,
        section: TableSection,
        row_number: int,
        scored: list[tuple[GridCell, str, str, float]],
        transposed: bool = False,
    ) -> None:
        info = self.catalog[section.path]
        kinds = {item.path: item.kind for item in info.item_fields}
        ticked = self._ticked.get((id(grid), section.path), [])
        headers = [" ".join(text.split()) for _, text, _, _ in scored if text.strip()]
        headers += ticked  # a band grid is found by its bands too
        columns: list[dict[str, Any]] = []
        for cell, text, column, _ in scored:
            entry: dict[str, Any] = {"path": column, "header": " ".join(text.split())}
            letter = self._letters.get((id(grid), section.path), {}).get(column)
            if not text.strip() and ticked and letter:
                # a band grid answered with letters: the column holding this one
                entry = {
                    "path": column,
                    "header": f"{column} ({letter})",
                    "ticked": ticked,
                    "mark": letter,
                }
            elif not text.strip() and ticked and column == section.ticked_column:
                # a band grid: the header of the column ticked in each row (a code list's
                # columns, "Fully met | Partially met | Not met", each give their code)
                entry = {"path": column, "header": f"{column} (ticked)", "ticked": ticked}
                entry.update(self._choice_values(f"{section.path}.{column}", ticked, info))
            elif not text.strip():
                entry = {"path": column, "column": cell.col + 1}  # a blank header cell
            if kinds.get(column) == "date":
                entry["type"] = "date"
            columns.append(entry)
        anchor: dict[str, Any] = {"table": {"header": headers}}
        if transposed:
            anchor["table"]["transposed"] = True
        verified = self._verify_table(anchor, grid, section.path)
        if verified is None:
            return
        confidence = min(0.99, sum(s for *_, s in scored) / len(scored))
        if len(scored) == 2:
            confidence *= 0.9  # two matching headers could be coincidence
        # The table's own columns are its; a column it does not map (a notes column beside an
        # attendance list holding "Date of this meeting: ...") stays free for other fields.
        mapped = {cell.col for cell, *_ in scored}
        for cell in grid.row_cells(row_number):
            text = " ".join(cell.text().split())
            if cell.col not in mapped and text:
                self.unplaced_columns.append(f"{text} (table {number + 1}, {section.path})")
        for row in range(row_number, len(grid.rows)):
            if row > row_number and grid.totals_row(row):
                break  # the totals line is no item: its label and sum stay free
            for cell in grid.row_cells(row):
                if row == row_number or cell.col in mapped:
                    self.claimed_cells.add(cell.tc)
        present = [column["path"] for column in columns]
        key_columns = [column for column in section.item_key if column in present]
        options: dict[str, Any] = {"key_columns": key_columns} if key_columns else {}
        said = self._title_says(grid, section, present)
        if said:
            options["each_row"] = said
        self._add(
            section.path,
            verified,
            confidence,
            f"table {number + 1} header " + ", ".join(repr(h) for h in headers),
            [grid.tbl],
            grid.tbl,
            columns=columns,
            options=options,
        )

    def _title_says(
        self, grid: TableGrid, section: TableSection, present: Sequence[str]
    ) -> dict[str, str]:
        """What the heading over a table says of every row when no column says it: "Who
        attended" over names and roles, each person listed attended (the section's ``lines``:
        the words a minute line starts with and what they say of everyone on it)."""
        headings = self._heading_before(grid.tbl)
        if not headings or not section.lines:
            return {}
        words = f" {fold(headings[0])} "
        for label, says in section.lines.items():
            if f" {fold(label)} " in words and not any(column in present for column in says):
                return dict(says)
        return {}

    def _verify_table(
        self, anchor: dict[str, Any], grid: TableGrid, path: str
    ) -> dict[str, Any] | None:
        for occurrence in (None, 1, 2, 3, 4):
            attempt = (
                anchor
                if occurrence is None
                else {"table": {**anchor["table"], "occurrence": occurrence}}
            )
            slot = self._locate(attempt, path)
            data = getattr(slot, "data", None)
            if data is not None and getattr(data, "tbl", None) is grid.tbl:
                return attempt
        return None

    # -- content controls and legacy fields --------------------------------------------------

    def _nearby_label(self, element: Element) -> str:
        """The label a person sees for a box: the text before a colon in its own paragraph
        ("Meeting Date: [box]"), else the cell to its left (or above)."""
        paragraph = enclosing(element, "p")
        if paragraph is not None:
            before = _text_before(paragraph, element)
            match = _LABEL_COLON.match(before + " x") if before.strip() else None
            if match:
                return _label_parts(match)[0]
        found = self._cell_of(element)
        if found is not None:
            grid, cell = found
            left = grid.left_of(cell, cell.row)
            if left is not None and left.text().strip():
                return left.text().strip()
        if paragraph is not None:
            match = _LABEL_COLON.match(paragraph_text(paragraph))
            if match:
                return _label_parts(match)[0]
        if found is not None:
            grid, cell = found
            row_above = grid.slots[cell.row - 1] if cell.row else []
            above = row_above[cell.col] if cell.col < len(row_above) else None
            if above is not None and above is not cell and above.text().strip():
                return above.text().strip()
        return ""

    def _controls_and_fields(self) -> None:
        for control in self.index.controls:
            if control.kind in ("group", "picture", "checkbox"):
                continue
            if self._inside_claimed(control.element):
                continue
            names = [n for n in (control.tag, control.alias) if n]
            label = self._nearby_label(control.element)
            anchor: dict[str, Any] = (
                {"control": control.tag}
                if control.tag
                else {"control": {"alias": control.alias}}
                if control.alias
                else {}
            )
            self._field_candidate(
                names, label, anchor, control.element, "content control", control.list_items()
            )
        for legacy in self.index.legacy_fields:
            if legacy.kind not in ("text", "dropdown") or not legacy.name:
                continue
            if self._inside_claimed(legacy.begin):
                continue
            label = self._nearby_label(legacy.begin)
            entries = legacy.entries() if legacy.kind == "dropdown" else []
            items = [(text, text) for text in entries]
            self._field_candidate(
                [legacy.name], label, {"legacy": legacy.name}, legacy.begin, "legacy field", items
            )

    def _inside_claimed(self, element: Element) -> bool:
        found = self._cell_of(element)
        return found is not None and found[1].tc in self.claimed_cells

    def _field_candidate(
        self,
        names: Sequence[str],
        label: str,
        anchor: dict[str, Any],
        element: Element,
        what: str,
        items: Sequence[tuple[str, str]],
    ) -> None:
        by_name = [m for m in (self.lexicon.match_identifier(n) for n in names) if m]
        by_label = self._match_label(label, element) if label else None
        best_name = max(by_name, key=lambda m: m.score) if by_name else None
        if best_name and by_label and best_name.path != by_label.path:
            # tag and label disagree: trust neither unless one is exact and the other fuzzy
            if best_name.exact == by_label.exact:
                return
            chosen = best_name if best_name.exact else by_label
            confidence = chosen.score * 0.8
        elif best_name and by_label:
            chosen, confidence = best_name, min(1.0, max(best_name.score, by_label.score) + 0.05)
        elif best_name:
            chosen, confidence = best_name, best_name.score * 0.95
        elif by_label:
            chosen, confidence = by_label, by_label.score * 0.95
        else:
            if label:
                self.unmatched.append(label)
            else:
                self.unplaced_boxes.append(f"{what} {names[0]!r}" if names else what)
            return
        if not anchor:
            return
        path = chosen.path
        if self._kind(path) == "list":
            return
        also: list[dict[str, Any]] = []
        if label and by_label is not None and by_label.path == path:
            fallback = self._label_fallback(label, element, path)
            if fallback is not None:
                also.append(fallback)
        evidence = f"{what} {names[0]!r}" if names else what
        if label:
            evidence += f" beside {label!r}"
        options = self._choice_values(path, [text for text, _ in items])
        self._add(
            path,
            anchor,
            confidence,
            evidence,
            [element, *self._claims_of_label(element)],
            element,
            also=also,
            options=options,
        )

    def _claims_of_label(self, element: Element) -> list[Element]:
        found = self._cell_of(element)
        if found is None:
            # a box in a "Label: [box]" line: the line is the same place as the box (not
            # when the line is a sentence holding several: "... is [93.4%], having missed
            # [7] of [106] possible sessions", each box its own place)
            paragraph = enclosing(element, "p")
            if paragraph is None or sum(1 for _ in paragraph.iter(word.SDT)) > 1:
                return []
            return [paragraph]
        grid, cell = found
        if sum(1 for _ in cell.tc.iter(word.SDT)) > 1:
            # a cell of several "Label: [box]" lines: each line is its own place
            paragraph = enclosing(element, "p")
            return [paragraph] if paragraph is not None else []
        own = [cell.tc]
        paragraph = enclosing(element, "p")
        if paragraph is not None:
            own.append(paragraph)  # its "Label: [box]" line, read as a line, is this box too
        left = grid.left_of(cell, cell.row)
        if left is None or _holds_box(left.tc):
            return own  # the cell to the left is another "Label: [box]", not the label
        return [*own, left.tc]

    def _label_fallback(self, label: str, element: Element, path: str) -> dict[str, Any] | None:
        """A label anchor for a control's box, so the field survives an editor dropping tags."""
        paragraph = enclosing(element, "p")
        if paragraph is not None and _text_before(paragraph, element).strip():
            # "Meeting Date: [box]": the text after the label in its own line
            text = label.strip().rstrip(":").strip()
            return self._verify({"label": {"text": text, "direction": "after"}}, paragraph, path)
        found = self._cell_of(element)
        target = found[1].tc if found is not None else _paragraph_of(element)
        if target is None:
            return None
        return self._verify({"label": label.strip().rstrip(":").strip()}, target, path)

    def _choice_values(
        self, path: str, items: Sequence[str], section: FieldInfo | None = None
    ) -> dict[str, Any]:
        """``values`` for a drop-down whose entries are not the code list's own labels
        (``section``: the list ``path`` is an item field of, ``<list>.<item field>``)."""
        if section is not None:
            name = path.rpartition(".")[2]
            info = next((f for f in section.item_fields if f.path == name), None)
        else:
            info = self.catalog.get(path)
        if info is None or info.kind != "choice" or not info.codelist or not items:
            return {}
        codes = get_codelist(info.codelist)
        values: dict[str, str] = {}
        for text in items:
            if not text.strip() or clean_value(text) == "":
                continue
            code = codes.code_for_label(text) or code_prefix(text, codes.codes)
            if code is None or code in values:
                continue
            # the drop-down's own wording, so that fill picks one of its entries
            values[code] = text
        return {"values": values} if values else {}

    # -- checkbox groups ---------------------------------------------------------------------

    def _checkbox_groups(self) -> None:
        groups: list[tuple[Element, list[tuple[str, Mark]], str]] = []
        for paragraph, pairs in self.index.mark_paragraphs:
            labelled = [(text.strip(), mark) for text, mark in pairs if text.strip()]
            if not labelled:
                continue
            lead = self._group_lead(paragraph, pairs)
            groups.append((paragraph, labelled, lead))
        # one box per paragraph, several paragraphs in one cell: a vertical group
        by_cell: dict[Element, list[tuple[Element, list[tuple[str, Mark]], str]]] = {}
        for group in groups:
            found = self._cell_of(group[0])
            if found is not None and len(group[1]) == 1:
                by_cell.setdefault(found[1].tc, []).append(group)
        merged: list[tuple[Element, list[tuple[str, Mark]], str]] = [
            g for g in groups if not (len(g[1]) == 1 and self._cell_of(g[0]))
        ]
        # one box per cell across a row that asks a question in its first cell:
        # "| CAMHS involved? | Yes ☐ | No ☒ |"
        by_row: dict[tuple[Element, int], list[tuple[Element, list[tuple[str, Mark]], str]]] = {}
        for members in by_cell.values():
            found = self._cell_of(members[0][0])
            if len(members) == 1 and found is not None and _yes_or_no(members[0][1][0][0]):
                by_row.setdefault((found[0].tbl, found[1].row), []).append(members[0])
                continue
            pairs = [pair for member in members for pair in member[1]]
            merged.append((members[0][0], pairs, members[0][2]))
        for members in by_row.values():
            pairs = [pair for member in members for pair in member[1]]
            merged.append((members[0][0], pairs, members[0][2]))
        for paragraph, pairs, lead in merged:
            if len(pairs) >= 2:
                self._group_candidate(paragraph, pairs, lead)
            else:
                self._single_box(paragraph, pairs[0][0])

    def _single_box(self, paragraph: Element, label: str) -> None:
        """One box beside a label that names a yes/no path (``☐ CAMHS involved``)."""
        text = _option_text(label)
        found = self._match_label(text, paragraph)
        if found is None or self._kind(found.path) != "bool":
            return
        anchor = self._verify({"checkbox": text}, paragraph, found.path)
        if anchor is None:
            return
        self._add(found.path, anchor, found.score, f"checkbox {text!r}", [paragraph], paragraph)

    def _group_lead(self, paragraph: Element, pairs: list[tuple[str, Mark]]) -> str:
        """The question a group answers: text before the first box (``SEN status:``), else
        the cell to the left, else the nearest heading."""
        text = paragraph_text(paragraph)
        match = _LABEL_COLON.match(text)
        if match:
            return _label_parts(match)[0]
        found = self._cell_of(paragraph)
        if found is not None:
            grid, cell = found
            left = grid.left_of(cell, cell.row)
            if left is not None and left.text().strip():
                return left.text().strip()
        return ""

    def _yes_no_pair(self, element: Element, pairs: list[tuple[str, Mark]], lead: str) -> bool:
        """Two boxes printed Yes and No after a question naming a yes/no path (``Is the
        child known to CAMHS?  ☐ Yes  ☐ No``): the question and the option together label
        each box, which tells the form's many Yes/No lines apart. Only a question that names
        the path surely is taken (a loose match could invert an answer). True when the pair
        is a Yes/No pair (placed or not)."""
        words = [_option_text(text) for text, _ in pairs]
        asked = ""
        if len(words) == 2 and not _yes_or_no(words[0]):
            # labels before their boxes: "Known to CAMHS?  Yes ☐  No ☒" pairs the question
            # with the first box
            head, _, tail = words[0].rpartition(" ")
            if head.rstrip().endswith(("?", ":")) and _yes_or_no(tail):
                asked, words[0] = head.strip(), tail
        if len(words) != 2 or not (_yes_or_no(words[0]) and _yes_or_no(words[1])):
            return False
        if fold(words[0])[0] == fold(words[1])[0]:
            return False
        question = asked or self.index.mark_questions.get(element) or lead
        question = " ".join(question.split()).strip()
        found = self._match_label(question.rstrip("?:").strip(), element) if question else None
        if found is None or self._kind(found.path) != "bool" or found.score < KEYED_SCORE:
            if question:
                self.unmatched.append(question)
            return True
        yes, no = words if fold(words[0]).startswith("y") else words[::-1]
        stem = question.rstrip(":").strip()
        anchor: dict[str, Any] = {"checkboxes": {"yes": f"{stem} {yes}", "no": f"{stem} {no}"}}
        slot = self._locate(anchor, found.path)
        if slot is None or not _group_in(slot, element, self.index):
            return True
        self._add(
            found.path,
            anchor,
            found.score * 0.95,
            f"Yes/No boxes after {question!r}",
            [element],
            element,
        )
        return True

    def _group_candidate(self, element: Element, pairs: list[tuple[str, Mark]], lead: str) -> None:
        if self._yes_no_pair(element, pairs, lead):
            return
        lead_match = self._match_label(lead, element) if lead else None
        best: tuple[float, str, dict[str, str]] | None = None
        for path, info in self.catalog.items():
            if info.kind != "choice" or not info.codelist:
                continue
            if lead_match is not None and lead_match.path != path:
                continue
            codes = get_codelist(info.codelist)
            options: dict[str, str] = {}
            for text, _ in pairs:
                option = _option_text(text)
                code = codes.code_for_label(option) or code_prefix(option, codes.codes)
                if code is not None and code not in options:
                    options[code] = option
            if len(options) < 2 or len(options) < 0.6 * len(pairs):
                continue
            share = len(options) / len(pairs)
            score = share * (1.0 if lead_match else 0.85)
            if best is None or score > best[0]:
                best = (score, path, options)
            elif best is not None and score == best[0]:
                best = None if lead_match is None else best  # two lists fit equally: unsure
        if best is None:
            if lead:
                self.unmatched.append(lead)
            return
        score, path, options = best
        anchor: dict[str, Any] = {"checkboxes": {"options": options}}
        slot = self._locate(anchor, path)
        if slot is None or not _group_in(slot, element, self.index):
            headings = self._heading_before(element)
            anchor = {}
            for heading in headings:
                if len(self.index.find_markers(heading)) != 1:
                    continue
                attempt = {
                    "checkboxes": {"options": options, "section": self._marker_title(heading)}
                }
                slot = self._locate(attempt, path)
                if slot is not None and _group_in(slot, element, self.index):
                    anchor = attempt
                    break
            if not anchor:
                return
        evidence = "checkboxes " + ", ".join(repr(label) for label in options.values())
        if lead:
            evidence += f" after {lead!r}"
        self._add(path, anchor, score, evidence, [element], element)

    # -- labels ------------------------------------------------------------------------------

    def _label_cells(self) -> None:
        for grid, cell, _ in self.index.cell_entries:
            if cell.tc in self.claimed_cells or cell.tc in self._marker_cells:
                continue
            raw = cell.text().strip()
            if "\n" in raw and self._label_over_instruction(grid, cell):
                continue
            if not raw or "\n" in raw or len(raw) > _LABEL_MAX_CHARS:
                continue
            colon = _LABEL_COLON.match(raw)
            subtitled = False
            if colon and clean_value(_label_parts(colon)[1]):
                if not _label_looking(cell.tc):
                    continue  # "Label: value" inside one cell: the paragraph pass takes it
                # a printed label with words after its colon ("My voice: what I have told
                # or shown the adults who know me"): all of it is print
                subtitled = True
            if _holds_box(cell.tc):
                continue
            if self._group_heading(grid, cell):
                continue
            label = raw.rstrip(":").strip()
            found = self._match_label(label, cell.tc)
            if found is None and subtitled and colon is not None:
                found = self._match_label(_label_parts(colon)[0].strip(), cell.tc)
            if found is None and self._two_in_one(label, grid, cell):
                continue
            if found is None:
                if _looks_like_label_text(raw) or _label_looking(cell.tc):
                    self.unmatched.append(label)
                continue
            if self._kind(found.path) == "list":
                continue
            anchor = self._verify_label(label, cell, grid, found.path)
            if anchor is None:
                continue
            target = self._label_target(grid, cell)
            if _answered_in_cell(anchor):
                target = cell  # "Child's full name" and a line break: answered in the cell
            if target is None:
                continue
            confidence = found.score
            if not _label_looking(cell.tc) and not raw.endswith(":"):
                confidence *= 0.95  # plain text could be a value that happens to read so
            self._add(
                found.path,
                anchor,
                confidence,
                f"label {label!r}",
                [cell.tc, target.tc],
                target.tc,
            )

    def _labels_over_answers(self) -> None:
        """A cell printing its label in bold over the answer, both in the one cell ("Name" /
        "Harvey John Lomas"): on a blank form, a bold label and an empty paragraph in a cell
        whose neighbours are labels too (no box beside or under it for the answer)."""
        for grid, cell, _ in self.index.cell_entries:
            if cell.tc in self.claimed_cells or cell.tc in self._marker_cells:
                continue
            paragraph = label_over_answer(cell.tc)
            if paragraph is None or _has_box(paragraph, self.index):
                continue
            answered = any(
                paragraph_text(node).strip()
                for node in paragraph.itersiblings()
                if node.tag == word.P
            )
            if not answered and not self._answer_has_no_other_box(grid, cell):
                continue
            label = " ".join(paragraph_text(paragraph).split()).rstrip(":?").strip()
            if not label or len(label) > _LABEL_MAX_CHARS:
                continue
            found = self._match_label(label, cell.tc)
            head, colon, _ = label.partition(":")
            if (found is None or found.score < 1.0) and colon and head.strip():
                # "My views: how is it going, and what would help me?": the label and its
                # prompt; the words before the colon name the field
                named = self._match_label(head.strip(), cell.tc)
                if named is not None and (found is None or named.score > found.score):
                    found = named
            if found is None:
                self.unmatched.append(label)
                continue
            if self._kind(found.path) == "list":
                continue
            answer = next(n for n in paragraph.itersiblings() if n.tag == word.P)
            anchor = self._verify({"heading": label}, answer, found.path)
            if anchor is None:
                continue
            self._add(
                found.path,
                anchor,
                found.score,
                f"label {label!r} over its answer in one cell",
                [cell.tc],
                cell.tc,
            )

    def _answer_has_no_other_box(self, grid: TableGrid, cell: GridCell) -> bool:
        """Whether the cells right of and under a label cell are labels themselves (or
        absent), so its answer can only go in the cell itself."""
        shaped = [
            label_over_answer(other.tc) is not None
            for _, other in grid.cells()
            if other.text().strip()
        ]
        if len(shaped) >= 4 and sum(shaped) >= 0.75 * len(shaped):
            return True  # a grid of such cells: an empty one fills out a row
        for neighbour in (grid.right_of(cell, cell.row), grid.below(cell)):
            if neighbour is None:
                continue
            if not neighbour.text().strip() or not _label_looking(neighbour.tc):
                return False
        return True

    def _label_over_instruction(self, grid: TableGrid, cell: GridCell) -> bool:
        """A label cell printing an instruction in italics under its label ("My voice" / "My
        words, drawings or photos..."), the answer in the cell under it or beside it: drafted
        by the label alone (a heading anchor); True when drafted."""
        if label_with_instruction(cell.tc) is None:
            return False
        paragraph = next(n for n in cell.tc if n.tag == word.P and paragraph_text(n).strip())
        label = " ".join(paragraph_text(paragraph).split()).rstrip(":?").strip()
        if len(label) > _LABEL_MAX_CHARS:
            return False
        found = self._match_label(label, cell.tc)
        if found is None:
            self.unmatched.append(label)
            return False
        if self._kind(found.path) == "list":
            return False
        target = self._label_target(grid, cell)
        if target is None:
            return False
        anchor = self._verify({"heading": label}, target.tc, found.path)
        if anchor is None:
            return False
        self._add(
            found.path,
            anchor,
            found.score,
            f"label {label!r} (with an instruction under it)",
            [cell.tc, target.tc],
            target.tc,
        )
        return True

    def _two_in_one(self, label: str, grid: TableGrid, cell: GridCell) -> bool:
        """A label asking for two values in one box, ``Sessions possible / missed`` (``76 /
        9``): drafted as both paths joined by the slash; True when drafted."""
        pair = _slashed_pair(label, lambda text: self._match_label(text, cell.tc))
        if pair is None:
            return False
        first, second = pair
        if {self._kind(first.path), self._kind(second.path)} & {"list", "name", "object"}:
            return False
        names = (first.path.rsplit(".", 1)[-1], second.path.rsplit(".", 1)[-1])
        if names[0] == names[1]:
            return False
        anchor = self._verify_label(label, cell, grid, first.path)
        target = self._label_target(grid, cell)
        if anchor is None or target is None:
            return False
        entry = InferredEntry(
            first.path,
            anchor,
            round(min(first.score, second.score) * 0.9, 3),
            f"label {label!r}: two values in one box",
            element=target.tc,
        )
        entry.paths = [first.path, second.path]
        entry.options = {"pattern": f"{{{{{names[0]}}}}} / {{{{{names[1]}}}}}"}
        self.candidates.append(Candidate(entry, (cell.tc, target.tc)))
        return True

    def _group_heading(self, grid: TableGrid, cell: GridCell) -> bool:
        """A cell merged down several rows beside their own labels ("School" beside "Name of
        school", "DfE number", "Year group"): it heads them, it labels no box."""
        if cell.rows < 2:
            return False
        right = grid.right_of(cell, cell.row)
        if right is None:
            return False
        text = right.text().strip().rstrip(":").strip()
        if not text or "\n" in text or len(text) > _LABEL_MAX_CHARS:
            return False
        return _label_looking(right.tc) or self.lexicon.match(text) is not None

    def _label_target(self, grid: TableGrid, cell: GridCell) -> GridCell | None:
        right = grid.right_of(cell, cell.row)
        below = grid.below(cell)
        if right is None or right.tc in self._marker_cells:
            return below
        # a row of label cells (shaded or bold) has its values underneath, as the engine reads
        if below is not None and _label_looking(cell.tc) and _label_looking(right.tc):
            return below
        return right

    def _verify_label(
        self, label: str, cell: GridCell, grid: TableGrid, path: str
    ) -> dict[str, Any] | None:
        lines = [node for node in cell.tc if node.tag == word.P]
        if len(lines) == 1:
            printed = paragraph_text(lines[0])
            if "\n" in printed and not printed.split("\n", 1)[1].strip():
                # "Child's full name" and a line break: the answer is typed on the new line,
                # after the label in the same cell
                after = {"label": {"text": label, "direction": "after"}}
                return self._verify(after, lines[0], path)
        target = self._label_target(grid, cell)
        if target is None:
            return None
        anchor: dict[str, Any] = {"label": label}
        if target.row > cell.row:
            anchor = {"label": {"text": label, "direction": "below"}}
        return self._verify(anchor, target.tc, path)

    def _label_paragraphs(self) -> None:
        for paragraph, text in self.index.paragraph_texts:
            if paragraph in self.claimed_paragraphs:
                continue
            found_cell = self._cell_of(paragraph)
            if found_cell is not None and found_cell[1].tc in self.claimed_cells:
                continue
            if not text.strip():
                continue
            # each "Label: answer" on the line ("Name: Poppy Ashgrove<tab>DOB: 11/02/2022")
            segments = _SEGMENT_SPLIT.split(text.strip())
            # a line with a box is the box's, unless the box and its statement come first and
            # "Label: answer" pairs with no box follow ("☒ I confirm this page is up to date.
            # Social worker: Priya Wendover   Date: 13/10/25")
            first = 0
            if _has_box(paragraph, self.index):
                if len(segments) < 2 or not _BOX_GLYPHS.intersection(segments[0]):
                    continue
                if any(_BOX_GLYPHS.intersection(segment) for segment in segments[1:]):
                    continue
                first = 1
            if found_cell is not None and word.label_over_answer(found_cell[1].tc) is paragraph:
                continue  # "My views: how is it going?" over the answer: the cell's label
            lead, answered = bold_lead(paragraph)
            if (
                not first
                and answered
                and not _LABEL_COLON.match(text.strip())
                and text.strip().startswith(lead.strip() or "\0")
            ):
                # the label in bold and the answer typed straight after it
                self._label_answer(paragraph, lead.strip(), 0, False, True)
                continue
            if not first and not answered and lead.strip() and _tab_after(text, lead):
                # a blank form's "Label<tab>": the answer is typed after the tab
                self._label_answer(paragraph, lead.strip(), 0, False, True)
                continue
            # the role a line is completed in ("Completed by (Designated Teacher): ..."), or
            # a signature line's role printed on the line before it ("Chair of the meeting
            # (designated person)" over "Name: ...   Signature: ...   Date: ...")
            line_role = completing_role(segments[first]) or self._signatory_above(
                paragraph, segments[first:]
            )
            for number, segment in enumerate(segments):
                if number < first:
                    continue
                # "Label:<tab>answer": the answer is the next piece of the line
                following = segments[number + 1] if number + 1 < len(segments) else ""
                answer_after = bool(following.strip()) and not _LABEL_COLON.match(following)
                if found_cell is not None and _label_looking(found_cell[1].tc):
                    colon = _LABEL_COLON.match(segment)
                    if colon is not None and clean_value(_label_parts(colon)[1]):
                        continue  # a printed label cell: what follows its colon is print too
                self._label_segment(
                    paragraph,
                    segment,
                    number,
                    self._box_beside(found_cell),
                    answer_after,
                    line_role,
                )
                if number == first and not line_role:
                    # "Social worker: Priya Wendover   Date: 13/10/25": the date after a
                    # person's name on their line is their sign-off date
                    colon = _LABEL_COLON.match(segment)
                    role = _label_parts(colon)[0].strip() if colon and colon.group(1) else ""
                    line_role = signatory(role) if fold(role) == fold(signatory(role)) else ""

    def _box_beside(self, found: tuple[TableGrid, GridCell] | None) -> bool:
        """Whether a cell has an empty cell right of it or under it, where the answer to a
        "Label:" printed in it would go (else it is answered in the cell, after the colon:
        a notes column holding "Date of this meeting: ...")."""
        if found is None:
            return False
        grid, cell = found
        for neighbour in (grid.right_of(cell, cell.row), grid.below(cell)):
            if neighbour is not None and not neighbour.text().strip():
                return True
        return False

    def _label_segment(
        self,
        paragraph: Element,
        segment: str,
        number: int,
        box_beside: bool,
        answer_after: bool,
        line_role: str = "",
    ) -> None:
        """One ``Label: answer`` of a line (``number``: its place on the line; ``box_beside``:
        its cell has an empty cell beside or under it; ``answer_after``: the next piece of the
        line is its answer; ``line_role``: the role the line is completed in)."""
        match = _LABEL_COLON.match(segment)
        if not match:
            return
        label, rest = _label_parts(match)
        # a first-person label ("My setting is") is answered after its verb, on its line
        first_person = match.group(1) is None
        answered = bool(clean_value(rest)) or answer_after or first_person
        self._label_answer(paragraph, label.strip(), number, box_beside, answered, line_role)

    def _label_answer(
        self,
        paragraph: Element,
        label: str,
        number: int,
        box_beside: bool,
        answered: bool,
        line_role: str = "",
    ) -> None:
        """A label on a line with its answer after it (``answered``: something follows)."""
        if len(label) > _LABEL_MAX_CHARS:
            return
        found = self._match_label(label, paragraph, line_before=number == 0)
        if number > 0 and line_role:
            # "Completed by (Designated Teacher): M Ebdon   Date: 28/11/2025": the line's
            # date is that role's sign-off date
            signed = self.lexicon.match_in_section(label, f"{line_role} signature")
            found = signed or found
        if found is None or self._kind(found.path) == "list":
            return
        if number == 0 and not answered and (box_beside or _question_above_answer(paragraph)):
            # a label cell "Label:" with its value in the next cell, or a question with
            # its answer in the paragraphs under it (the question pass takes it)
            return
        anchor = self._verify(
            {"label": {"text": label, "direction": "after"}}, paragraph, found.path
        )
        if anchor is None:
            return
        self._add(
            found.path,
            anchor,
            found.score * 0.97,
            f"text after {label!r}",
            [paragraph] if number == 0 else [(paragraph, number)],
            paragraph,
        )

    def _question_paragraphs(self) -> None:
        """A question printed as a paragraph of its own ("Child's view:", "What I think about
        school:"), in the body or in a cell, with the answer in the paragraphs under it."""
        for paragraph, text in self.index.paragraph_texts:
            stripped = " ".join(text.split())
            if not stripped.endswith((":", "?")) or len(stripped) > _QUESTION_MAX_CHARS:
                continue
            if paragraph in self.claimed_paragraphs:
                continue
            found_cell = self._cell_of(paragraph)
            if found_cell is not None and found_cell[1].tc in self.claimed_cells:
                continue
            if _has_box(paragraph, self.index) or not _question_above_answer(paragraph):
                continue
            label = stripped.rstrip(":?").strip()
            found = self._match_label(label, paragraph)
            if found is None or self._kind(found.path) in ("list", "name"):
                continue
            anchor: dict[str, Any] = {"heading": label}
            slot = self._locate(anchor, found.path)
            if slot is None or getattr(slot, "heading", None) is not paragraph:
                continue
            elements = _slot_elements(slot)
            if any(e in self.claimed_cells for e in elements):
                continue
            also = [{"label": {"text": label, "direction": "after"}}]
            self._add(
                found.path,
                anchor,
                found.score * 0.95,
                f"text under the question {stripped!r}",
                [paragraph, *elements],
                paragraph,
                also=also,
            )

    def _headings(self) -> None:
        for marker in self.index.markers:
            found = self.lexicon.match(_display_text(marker))
            colon = _LABEL_COLON.match(_display_text(marker))
            if found is None and colon is not None:
                # a heading with words after its colon ("My voice: what I have told or
                # shown the adults who know me"): named by the words before it
                found = self.lexicon.match(_label_parts(colon)[0].strip())
            if found is None or not found.path.startswith(_FREE_TEXT_PREFIXES):
                # "School" under "What the adults say": the school's views
                found = self._said_under_heading(marker) or found
            if found is None or not found.path.startswith(_FREE_TEXT_PREFIXES):
                continue
            anchor = {"heading": _display_text(marker)}
            slot = self._locate(anchor, found.path)
            if slot is None:
                continue
            elements = _slot_elements(slot)
            if any(e in self.claimed_cells for e in elements):
                continue
            if isinstance(slot, RegionSlot) and _label_looking(slot.container):
                continue  # the "block" under it is another label: a section, not a box
            if not isinstance(slot, RegionSlot) and not elements and _question_next(marker):
                continue  # questions follow it ("Views" / "Child's view:"): a section title
            self._add(
                found.path,
                anchor,
                found.score * 0.95,
                f"text under heading {_display_text(marker)!r}",
                [marker.element, *self._up_to_next_label(elements)],
                marker.element,
            )

    def _up_to_next_label(self, elements: Sequence[Element]) -> list[Element]:
        """The paragraphs of a heading's block before one that starts with another field's
        label ("Tutor / provider comments: ......"): that line is its own field's, so the
        two entries do not claim it both."""
        kept: list[Element] = []
        for element in elements:
            if element.tag == word.P:
                colon = _LABEL_COLON.match(paragraph_text(element).strip())
                if colon is not None and self.lexicon.match(_label_parts(colon)[0].strip()):
                    break
            kept.append(element)
        return kept

    def _said_under_heading(self, marker: Marker) -> LexiconMatch | None:
        """A heading naming only a person ("Carer's section", "School", "Social Worker"),
        one of a run of such headings printed under a heading about what people say ("What
        the adults say"), whatever level the document gives each: that person's views."""
        markers = self.index.markers
        at = next((n for n, m in enumerate(markers) if m is marker), -1)
        text = _display_text(marker)
        for earlier in reversed(markers[max(0, at - 6) : max(at, 0)]):
            said = self.lexicon.said_under(text, _display_text(earlier))
            if said is not None:
                return said
            if self.lexicon.said_under(_display_text(earlier), "views") is None:
                return None  # not a run of people's headings: another section
        return None

    # -- assignment --------------------------------------------------------------------------

    def _assign(self) -> list[InferredEntry]:
        self.unmatched = list(dict.fromkeys(self.unmatched))
        return assign(self.candidates)


def _paragraph_before(paragraph: Element) -> Element | None:
    """The paragraph just before ``paragraph`` with text in it (empty ones skipped), or None
    when a table or the start of its container comes first."""
    node = paragraph.getprevious()
    while node is not None and node.tag == word.P and not paragraph_text(node).strip():
        node = node.getprevious()
    return node if node is not None and node.tag == word.P else None


def _tab_after(text: str, lead: str) -> bool:
    """A line that is its bold label and a tab, nothing typed after it yet."""
    head, tab, rest = text.strip(" ").lstrip("\t").partition("\t")
    return bool(tab) and not rest.strip() and head.strip() == lead.strip()


def _present(
    section: TableSection, scored: Sequence[tuple[GridCell, str, str, float]]
) -> set[str]:
    """The section's columns a table's headers give: those placed, and a key column named
    inside another's header ("Name - role": each person's role typed with their name)."""
    present = {column for _, _, column, _ in scored}
    words = [set(fold(text).split()) for _, text, _, _ in scored]
    for key in section.key:
        cues = section.cues.get(key, ())
        if key not in present and any(cue in header for cue in cues for header in words):
            present.add(key)
    return present


def _paragraph_of(element: Element) -> Element | None:
    return enclosing(element, "p")


def label_echo(slot: Slot) -> bool:
    """A label cell that says ``Label:`` also reads as a "Label: value" paragraph with
    nothing after the colon: the same label seen twice, not a second place."""
    if not isinstance(slot, AfterLabelSlot):
        return False
    parent = slot.paragraph.getparent()
    node = None if parent is None else enclosing(parent, "tc")
    return node is not None and not slot.read()


def _display_text(marker: Marker) -> str:
    element = marker.element
    if element.tag == TC and label_with_instruction(element) is not None:
        # a heading row printing an instruction under its title: the title names it
        first = next(n for n in element if n.tag == word.P and paragraph_text(n).strip())
        return " ".join(paragraph_text(first).split())
    text = paragraph_text(element) if element.tag != TC else _cell_text(element)
    return " ".join(text.split()) or marker.text


def _cell_text(tc: Element) -> str:
    return " ".join(paragraph_text(p) for p in tc.iter(word.P))


def _slot_elements(slot: Slot) -> list[Element]:
    """Every element a slot reads or sits in, for comparing it with the intended box."""
    elements: list[Element] = list(slot.covers())
    if isinstance(slot, RegionSlot):
        elements.append(slot.container)
    if isinstance(slot, AfterLabelSlot):
        elements.append(slot.paragraph)
    if isinstance(slot, ControlSlot):
        elements.extend(c.element for c in slot.controls)
    if isinstance(slot, LegacySlot):
        elements.extend(f.begin for f in slot.fields)
    container = getattr(slot, "container", None)
    if container is not None:
        elements.append(container)
    if isinstance(slot, MarkSlot):
        paragraph = _paragraph_of(slot.mark.element())
        if paragraph is not None:
            elements.append(paragraph)
    return elements


def _group_in(slot: Slot, element: Element, index: DocumentIndex) -> bool:
    """Whether a checkbox group's slot found its boxes in ``element`` (a paragraph) or the
    cell around it."""
    marks = getattr(slot, "marks", None)
    if not isinstance(marks, Mapping):
        return False
    scope = {element}
    cell = enclosing(element, "tc")
    if cell is not None:
        scope.add(cell)
    for mark in marks.values():
        node = _mark_node(mark)
        inside = False
        while node is not None:
            if node in scope:
                inside = True
                break
            node = node.getparent()
        if not inside:
            return False
    return True


def _mark_node(mark: Mark) -> Element | None:
    for name in ("text", "symbol", "tc"):
        node = getattr(mark, name, None)
        if node is not None and hasattr(node, "getparent"):
            return node
    control = getattr(mark, "control", None)
    if control is not None:
        return control.element
    legacy = getattr(mark, "field", None)
    if legacy is not None:
        return legacy.begin
    return None


def _probe_spec(path: str, anchor: Anchor, columns: Sequence[dict[str, Any]] = ()) -> FieldSpec:
    """A stand-in field for asking the engine where an anchor lands."""
    specs: tuple[ColumnSpec, ...] = ()
    if anchor.kind == "table":
        specs = tuple(
            ColumnSpec(header, header, TextTransform()) for header in anchor.options["header"]
        )
    elif columns:
        specs = tuple(
            ColumnSpec(str(c["path"]), str(c["header"]), TextTransform()) for c in columns
        )
    return FieldSpec((path,), (anchor,), TextTransform(), specs)


def _option_text(text: str) -> str:
    return text.strip().strip(":;,/").strip()


def _yes_or_no(text: str) -> bool:
    return fold(_option_text(text)) in ("yes", "no", "y", "n")


#: The longest printed question read as a question (headings.py stops a block at the same).
_QUESTION_MAX_CHARS = 120


def _plausible(path: str, raw: Any) -> bool:
    """Whether what a box holds (nothing, on a blank form) could be a value of ``path``:
    read by the path's default transform and accepted by the model."""
    if raw is None or raw == "" or isinstance(raw, list):
        return True
    return plausible_value(path, raw)


def _answered_in_cell(anchor: dict[str, Any]) -> bool:
    """A label anchor read after the label in its own cell (``direction: after``)."""
    body = anchor.get("label")
    return isinstance(body, Mapping) and body.get("direction") == "after"


def _text_before(paragraph: Element, element: Element) -> str:
    """The paragraph's text before ``element`` (a control or a legacy field's first run)."""
    from pepdocs.formats.word.inspect import paragraph_segments

    text = ""
    for segment in paragraph_segments(paragraph):
        if segment.field is element or (
            segment.field is not None and element in segment.field.iter()
        ):
            return text
        if segment.field is None:
            text += segment.text
    return ""


def _slashed_pair(
    label: str, match: Callable[[str], LexiconMatch | None]
) -> tuple[LexiconMatch, LexiconMatch] | None:
    """The two paths a label ``A / B`` names when each half does, the shorter half read with
    the other's words (``Sessions possible / missed`` = ``Sessions possible`` and ``Sessions
    missed``; ``Possible / missed sessions`` = ``Possible sessions`` and ``missed
    sessions``); None unless both halves name different paths."""
    halves = [half.strip() for half in label.split("/")]
    if len(halves) != 2 or not all(halves):
        return None
    first, second = halves
    head, tail = first.split(), second.split()
    firsts = [first] + ([f"{first} {' '.join(tail[1:])}"] if len(tail) > 1 else [])
    seconds = [second] + ([" ".join([*head[:-1], second])] if len(head) > 1 else [])
    found = []
    for options in (firsts, seconds):
        hit = next((m for m in map(match, options) if m is not None), None)
        if hit is None:
            return None
        found.append(hit)
    if found[0].path == found[1].path:
        return None
    return found[0], found[1]


def _question_next(marker: Marker) -> bool:
    """Whether the paragraph after a heading is a printed question ending with a colon."""
    node = marker.element.getnext()
    if node is None or node.tag != word.P:
        return False
    text = " ".join(paragraph_text(node).split())
    return bool(text) and len(text) <= _QUESTION_MAX_CHARS and text.endswith(":")


def _labelled_answer(text: str) -> bool:
    """``Label: answer`` in one cell (a header cell says what its column holds, no more)."""
    match = _LABEL_COLON.match(text)
    return match is not None and bool(clean_value(_label_parts(match)[1]))


def _question_above_answer(paragraph: Element) -> bool:
    """A paragraph followed, in its own container, by room for its answer: a paragraph that
    is not itself another ``Label:`` line (a list of those is labels with their answers
    after the colon), a control, or a one-box table."""
    node = paragraph.getnext()
    while node is not None and not isinstance(node.tag, str):
        node = node.getnext()
    if node is None or node.tag not in (word.P, word.SDT, word.TBL):
        return False
    if node.tag == word.P:
        following = " ".join(paragraph_text(node).split())
        label = _LABEL_COLON.match(following)
        if label and len(_label_parts(label)[0]) <= _LABEL_MAX_CHARS:
            return False
    return True


def _holds_box(tc: Element) -> bool:
    return holds_field(tc)


def _has_box(paragraph: Element, index: DocumentIndex) -> bool:
    return any(p is paragraph for p, _ in index.mark_paragraphs)


def _label_looking(tc: Element) -> bool:
    return looks_like_label(tc)


def _looks_like_label_text(text: str) -> bool:
    stripped = text.strip()
    return 2 <= len(stripped) <= 40 and (stripped.endswith(":") or stripped.istitle())


def normalise_header(text: str) -> str:
    return normalise(text)


def guess_phase(index: DocumentIndex) -> str:
    """Early years or post-16 when the form's title says so; school age otherwise (the form
    most authorities have, and the one a wrong guess harms least: fields are the same)."""
    head = " ".join(text for _, text in index.paragraph_texts[:12])
    head += " " + " ".join(m.text for m in index.markers[:4])
    folded = f" {fold(head)} "
    if any(w in folded for w in (" early years ", " eyfs ", " nursery ")):
        return "early_years"
    post16 = (
        " post 16 ",
        " post16 ",
        " 16 18 ",
        " further education ",
        " 16+ ",
        " 16 plus ",
        " years 12 and 13 ",
        " year 12 and 13 ",
        " sixth form ",
    )
    if any(w in folded for w in post16):
        return "post16"
    return "school_age"


#: How an English authority names itself on its forms: "Harrowfield County Council",
#: "Stanholme Metropolitan Borough Council", "Northmarsh Virtual School".
_AUTHORITY = re.compile(
    r"\b((?:[A-Z][\w'\u2019-]+|of|and|upon|on|&)(?: (?:[A-Z][\w'\u2019-]+|of|and|upon|on|&)){0,3})"
    r" (County Council|City Council|Metropolitan Borough Council|Borough Council|"
    r"District Council|Council|Virtual School(?: for Children in Care| for Looked After Children)?)"
    r"\b"
)
_COUNCIL_WORDS = frozenset({"county", "city", "borough", "district", "metropolitan"})
_NOT_A_PLACE = frozenset({"the", "county", "city", "our", "your", "local", "this", "a", "my"})
_TITLE = re.compile(r"personal education plan|\bpep\b", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[/\-\u2013]\s*(?:19|20)?\d\d)?\b")


def form_identity(index: DocumentIndex, header_texts: Sequence[str]) -> tuple[str, str, str]:
    """(the authority's name as the form prints it, a mapping name made of it, the form's
    title), from the headers, footers and first lines of the form; empty where it does not
    say. A draft named after the form's own words, not after its file."""
    texts = [*header_texts, *(text for _, text in index.paragraph_texts[:30])]
    name = slug = ""
    for text in texts:
        found = _AUTHORITY.search(" ".join(text.split()))
        if found is None:
            continue
        place = found.group(1)
        words = place.split()
        while words and words[0].casefold() in _NOT_A_PLACE:
            words = words[1:]
        kind = [found.group(2)]
        while len(words) > 1 and words[-1].casefold() in _COUNCIL_WORDS:
            kind.insert(0, words.pop())
        if not words:
            continue
        name = " ".join([*words, *kind])
        slug = "-".join(re.findall(r"[a-z0-9]+", " ".join(words).casefold()))
        break
    title = ""
    for _, text in index.paragraph_texts[:15]:
        line = " ".join(text.split())
        if line and len(line) <= 100 and _TITLE.search(line):
            # without the year, which the next year's form changes
            title = " ".join(_YEARS.sub(" ", line).split()).strip(" -:")
            break
    return name, slug, title
