"""Extraction: a completed Word form -> one ``Reading`` per mapped field, plus what no
mapping covers and remarks about the document.

Anchor order: the first anchor found in the document gives the reading. When it is there but
empty and a fallback anchor finds a value elsewhere, the value wins (noted on the reading):
a re-saved form can keep an emptied copy of a control while the school typed the answer
beside its label.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from docxtpl import DocxTemplate
from lxml import etree

from pepdocs.errors import DocumentError
from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.formats.opened import OpenedDocument, opened
from pepdocs.formats.word._xml import (
    DEL,
    FLDCHAR,
    INS,
    MOVE_FROM,
    MOVE_TO,
    SDT,
    TC,
    W_NS,
    Element,
    P,
)
from pepdocs.formats.word.beside import answer_box, printed_pieces, typed_paragraphs
from pepdocs.formats.word.checkboxes import strike_through_choices
from pepdocs.formats.word.circled import circled_option
from pepdocs.formats.word.document import DocumentIndex, looks_like_label
from pepdocs.formats.word.labels import cell_location
from pepdocs.formats.word.locate import label_texts, locate
from pepdocs.formats.word.once import document_index, word_package
from pepdocs.formats.word.package import DOCUMENT_PART, WordPackage, part_text
from pepdocs.formats.word.repeating import TableSlot
from pepdocs.formats.word.slots import (
    BoxContext,
    ControlSlot,
    LegacySlot,
    RegionSlot,
    Slot,
    without_leaders,
)
from pepdocs.formats.word.tables import GridCell, TableGrid
from pepdocs.formats.word.templated import uses_docxtpl
from pepdocs.formats.word.text import (
    block_text,
    clean_value,
    first_normalised_character,
    is_placeholder,
    memoised_reading,
    normalise,
)
from pepdocs.mapping.spec import FieldSpec, FormSpec, FormValue
from pepdocs.safety.package import read_input

_LABEL_MAX_CHARS = 80
#: a question printed in the cell left of its answer can be long ("Are the targets ... ?")
_QUESTION_MAX_CHARS = 250


def read_document(form: FormSpec, data: bytes | OpenedDocument, name: str) -> DocumentReading:
    """Read a completed form: its bytes, or a document opened once (whose package and
    index are reused: :mod:`pepdocs.formats.word.once`)."""
    with memoised_reading():  # nothing below changes the document
        return _read_document(form, opened(data, name))


def _read_document(form: FormSpec, document: OpenedDocument) -> DocumentReading:
    package = word_package(document)
    index = document_index(document, label_texts(form))
    source = str(form.source) if form.source else ""
    readings: dict[int, Reading] = {}
    covered: set[Element] = set()
    tables: list[TableSlot] = []
    # A mapping inferred from this very document has no blank form: nothing is known to be
    # printed rather than typed.
    facts = _template_facts(str(form.template)) if form.template and not form.inferred else None
    prompts = facts.prompts if facts is not None else frozenset()
    editor = application(package)
    context = BoxContext(
        facts.box_pieces if facts is not None and facts.known else None,
        _label_test(index),
        resaved_by_libreoffice=editor.startswith("LibreOffice"),
        printed_texts=facts.texts if facts is not None and facts.known else None,
    )
    for number, spec in enumerate(form.fields):
        if not spec.extract:
            continue
        reading, slots = read_field(index, spec, source, prompts, context)
        readings[number] = reading
        for slot in slots:
            covered.update(slot.covers())
            if isinstance(slot, TableSlot):
                tables.append(slot)
    if uses_docxtpl(form):
        _absent_blocks(form, readings)
    unmapped = collect_unmapped(index, form, covered, tables)
    notes = document_notes(index, form, readings)
    # Word itself keeps tags and line breaks; other editors are worth a remark.
    if (
        editor
        and not editor.startswith("Microsoft")
        and editor != _template_facts(str(form.template)).application
    ):
        notes.insert(0, f"last saved by {editor}")
    return DocumentReading(readings=readings, unmapped=unmapped, notes=notes)


_APP_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def application(package: WordPackage) -> str:
    """The program that last saved the document (``docProps/app.xml``), by name only:
    ``LibreOffice/7.4.7.2$Linux...`` -> ``LibreOffice``. A form re-saved by another editor
    may have lost control tags or line breaks; the report says which editor it was."""
    try:
        properties = package.part("docProps/app.xml")
    except DocumentError:
        return ""  # a damaged optional part says nothing about the answers
    node = None if properties is None else properties.find(f"{_APP_NS}Application")
    raw = (node.text or "").strip() if node is not None else ""
    return raw.split("/")[0].split("$")[0].strip()[:60]


def _revised(slot: Slot) -> bool:
    return any(
        True for element in slot.covers() for _ in element.iter(INS, DEL, MOVE_FROM, MOVE_TO)
    )


def _has_value(value: FormValue) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return True
    return bool(value)


def without_prompts(value: FormValue, prompts: frozenset[str]) -> FormValue:
    """The template's own prompt texts as empty: after a re-save by an editor that drops
    ``w:showingPlcHdr`` (LibreOffice), a control's custom prompt ("Record the parent's
    views...") is ordinary text."""
    if not prompts:
        return value
    if isinstance(value, str):
        return None if _is_prompt(value, prompts) else value
    if isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
        rows = []
        for row in value:
            assert isinstance(row, dict)
            cleaned = {k: ("" if _is_prompt(v, prompts) else v) for k, v in row.items()}
            if any(text.strip() for text in cleaned.values()):
                rows.append(cleaned)
        return rows or None
    return value


def _is_prompt(text: str, prompts: frozenset[str]) -> bool:
    """``normalise(text) in prompts``; most answers are told apart by their first
    character alone (every cell of every table passes here)."""
    if first_normalised_character(text) not in _first_characters(prompts):
        return False
    return normalise(text) in prompts


@lru_cache(maxsize=32)
def _first_characters(prompts: frozenset[str]) -> frozenset[str]:
    return frozenset(prompt[:1] for prompt in prompts)


def _label_test(index: DocumentIndex) -> Callable[[str], bool]:
    """Whether a text in an answer box reads as printed when the blank form is not known:
    one of the form's labels, or a short text ending with a colon (and perhaps the ``*`` of a
    required field)."""
    labels = index.label_keys

    def is_label(text: str) -> bool:
        stripped = text.strip().rstrip("*").strip()  # "Email: *": a required field's mark
        return normalise(stripped) in labels or (
            stripped.endswith(":") and len(stripped) <= _LABEL_MAX_CHARS
        )

    return is_label


def read_field(
    index: DocumentIndex,
    spec: FieldSpec,
    source: str,
    prompts: frozenset[str] = frozenset(),
    context: BoxContext | None = None,
) -> tuple[Reading, list[Slot]]:
    first: tuple[Slot, int] | None = None
    slots: list[Slot] = []
    for number, anchor in enumerate(spec.anchors):
        slot = locate(index, anchor, spec, source)
        if slot is None:
            continue
        if isinstance(slot, ControlSlot | LegacySlot) or type(slot) is RegionSlot:
            slot.context = context
        slots.append(slot)
        value = without_prompts(slot.read(), prompts)
        if _has_value(value):
            notes = list(slot.notes)
            if index.has_revisions and _revised(slot):
                notes.append("tracked changes here: read as if accepted")
            if number:
                notes.append(f"read from fallback anchor {anchor.describe()}")
            if first is not None:
                notes.append(f"{spec.anchors[first[1]].describe()} is empty")
            return Reading("found", value, slot.location, anchor, notes), slots
        if first is None:
            first = (slot, number)
    if first is None:
        return Reading("missing"), slots
    slot, number = first
    return Reading("empty", None, slot.location, spec.anchors[number], list(slot.notes)), slots


def _absent_blocks(form: FormSpec, readings: dict[int, Reading]) -> None:
    """A Jinja template leaves conditional blocks out when they have no value
    (``{%p if f.transition_plan %}``): a control inside such a block in the template, missing
    from a document that is this form, was left out empty, not lost. "This form": at least a
    quarter of its fields were found (through any anchor: a re-save may drop the tags)."""
    tags = _template_facts(str(form.template)).conditional_tags if form.template else frozenset()
    present = sum(1 for reading in readings.values() if reading.status != "missing")
    if not readings or present * 4 < len(readings):
        return
    for number, reading in readings.items():
        if reading.status != "missing":
            continue
        spec = form.fields[number]
        first = next((a for a in spec.anchors if a.kind == "control"), None)
        if first is not None and first.key in tags:
            readings[number] = Reading(
                "empty",
                None,
                f"content control {first.key!r} (left out by the template: no value)",
                first,
            )


# --- unmapped content ---------------------------------------------------------------------


def _covered(element: Element, covered: set[Element]) -> bool:
    node: Element | None = element
    while node is not None:
        if node in covered:
            return True
        node = node.getparent()
    return False


def collect_unmapped(
    index: DocumentIndex,
    form: FormSpec,
    covered: set[Element],
    tables: Sequence[TableSlot] = (),
) -> list[str]:
    """Typed-in content no mapping covers: controls and legacy fields holding values,
    label/value cell pairs (side by side, or a label row over its answer) whose value is not
    the template's own text, cells of a read table's columns the mapping has no path for,
    "Label: answer" lines and, with the blank form known, any other typed text."""
    known = form.template is not None and not form.inferred
    facts = _template_facts(str(form.template)) if known else TemplateFacts()
    found: list[str] = []
    # a cell holding anything a field read is not "unmapped", nor the label beside it
    touched: set[Element] = set()
    for element in covered:
        node: Element | None = element
        while node is not None and node not in touched:
            touched.add(node)
            node = node.getparent()
    ticked_marks = _ticked_boxes(index, covered, touched)
    found.extend(line for line, _ in ticked_marks)
    boxes = {element for _, elements in ticked_marks for element in elements}
    # a line of boxes reported by its question is not also "typed text"
    reported: set[Element] = {
        paragraph for element in boxes if (paragraph := _paragraph_of(element)) is not None
    }
    for control in index.controls:
        if (
            control.kind in ("group", "picture")
            or control.element in boxes  # reported with the line of boxes it is on
            or control.element in touched  # it holds what a field read
            or _covered(control.element, covered)
        ):
            continue
        value = without_prompts(control.value(), facts.prompts)
        if value is None or value is False or value == "":
            continue
        key = control.tag or control.alias or "content control without tag"
        found.append(f"{key}: {'ticked' if value is True else value}")
    for legacy in index.legacy_fields:
        if legacy.kind in ("other", "dropdown") or _covered(legacy.begin, covered):
            continue
        value = legacy.value()
        if value is None or value is False:
            continue
        if legacy.begin in boxes:
            continue
        found.append(f"{legacy.name or 'form field'}: {'ticked' if value is True else value}")
    template_pairs = facts.pairs
    for label, value, cell in _cell_pairs(index, covered, touched):
        if (normalise(label), normalise(value)) in template_pairs:
            continue
        reported.add(cell)
        found.append(f"{label.strip().rstrip(':').strip()}: {value}")
    found.extend(_unmapped_columns(index, tables, facts))
    if facts.known:
        found.extend(_typed_text(index, facts, covered, reported))
    else:
        found.extend(_labelled_lines(index, covered, touched))
    return list(dict.fromkeys(found))  # text boxes can repeat an entry


def _cell_of(paragraph: Element) -> Element | None:
    """The table cell (``w:tc``) a paragraph is in, if any."""
    node: Element | None = paragraph.getparent()
    while node is not None and node.tag != TC:
        node = node.getparent()
    return node


def _paragraph_of(element: Element) -> Element | None:
    node: Element | None = element
    while node is not None and node.tag != P:
        node = node.getparent()
    return node


def _ticked_boxes(
    index: DocumentIndex, covered: set[Element], touched: set[Element]
) -> list[tuple[str, list[Element]]]:
    """Lines of boxes no field read with a box ticked, each as ``question: ticked labels``
    (``Is the child on track?: Yes``) with the boxes' elements."""
    found: list[tuple[str, list[Element]]] = []
    for paragraph, pairs in index.mark_paragraphs:
        if paragraph in touched or _covered(paragraph, covered):
            continue
        elements = [mark.element() for _, mark in pairs]
        if any(element in touched or _covered(element, covered) for element in elements):
            continue
        question = index.mark_questions.get(paragraph, "")
        ticked = [
            " ".join(label.replace(question, "", 1).split()) if question else label.strip()
            for label, mark in pairs
            if mark.checked()
        ]
        ticked = [label for label in ticked if label]
        if not ticked:
            continue
        lead = " ".join(question.split()).rstrip(":").strip() or _where(index, paragraph)
        found.append((f"{lead}: {', '.join(ticked)}", elements))
    return found


def _unmapped_columns(
    index: DocumentIndex, tables: Sequence[TableSlot], facts: TemplateFacts
) -> list[str]:
    """Cells of a read table's columns that no mapped column covers ("Why?" beside a target),
    each as ``header (table N row R): text``."""
    found: list[str] = []
    for slot in tables:
        data = slot.data
        grid = index.grid_of_table.get(data.tbl)
        if grid is None:
            continue
        mapped = {column.grid_col for column in data.columns}
        header_row = grid.rows.index(data.header_row) if data.header_row in grid.rows else 0
        headers = {cell.col: cell.text().strip() for cell in grid.row_cells(header_row)}
        for number, tr in enumerate(data.data_rows, start=1):
            row = data.row_columns.get(tr) or {}
            seen: set[Element] = set()
            for col, tc in sorted(row.items()):
                if col in mapped or tc in seen:
                    continue
                seen.add(tc)
                text = clean_value(block_text(tc))
                if not text or normalise(text) in facts.texts or is_placeholder(text):
                    continue
                if not facts.known and text.endswith((":", "?")):
                    continue  # a question printed in the column, unanswered
                header = " ".join(headers.get(col, "").split()) or f"column {col + 1}"
                table_number = index.grid_number(grid)
                found.append(f"{header} (table {table_number} row {number}): {text}")
    return found


#: ``Label: answer`` at a line's start (a label of up to 80 characters).
_LABELLED_LINE = re.compile(
    r"^\s*([^:\n]{2,80}?)\s*(?::|[.\u2026_]{3,}|\u2026)\s*(\S.*)$"
    # a question and its answer on one line: "Who will liaise with the provider? C Marsh"
    r"|^\s*([^:?\n]{2,150}\?)\s+(\S.*)$",
    re.DOTALL,
)


def _labelled_lines(
    index: DocumentIndex, covered: set[Element], touched: set[Element]
) -> list[str]:
    """ "Label: answer" lines no field read, when the blank form is not known (a form read
    with a mapping inferred from it): what a person would read as an answer."""
    found: list[str] = []
    headings = {marker.element for marker in index.markers}
    for paragraph, text in index.paragraph_texts:
        if _covered(paragraph, covered) or paragraph in touched or paragraph in headings:
            continue
        match = _LABELLED_LINE.match(text.strip())
        if match is None:
            continue
        cell = _cell_of(paragraph)
        if cell is not None and looks_like_label(cell):
            continue  # a label cell ("Day: / Residential:"), or a section's title row
        label = match.group(1) or match.group(3)
        answer = clean_value(without_leaders(match.group(2) or match.group(4)))
        if answer and not is_placeholder(answer) and not answer.endswith(":"):
            found.append(f"{label.strip()}: {answer}")
    return found


def _typed_text(
    index: DocumentIndex, facts: TemplateFacts, covered: set[Element], reported: set[Element]
) -> list[str]:
    """Text typed anywhere in the document (outside every field) that the blank form does
    not print and no field read: an answer written where the form has no box for it, or
    in a box shared by several fields. Each is given with where it is."""
    found: list[str] = []
    # the paragraphs inside what a field read or a pair reported (rather than walking up from
    # every paragraph of the document to see whether it is inside one)
    done = {paragraph for element in (*covered, *reported) for paragraph in element.iter(P)}
    for paragraph, text in typed_paragraphs(index.body, skip=done.__contains__):
        if normalise(text) in facts.texts or _is_prompt(text, facts.prompts):
            continue
        found.append(f"{_where(index, paragraph)}: {text}")
    return found


def _where(index: DocumentIndex, paragraph: Element) -> str:
    """``table 3 row 2`` for a paragraph in a table, else ``text under 'Heading'``."""
    node: Element | None = paragraph
    while node is not None:
        place = index.cell_of_tc.get(node)
        if place is not None:
            grid, cell = place
            return cell_location(index, grid, cell)
        node = node.getparent()
    position = index.position(paragraph)
    heading = None
    for marker in index.markers:
        if marker.position >= position:
            break
        heading = marker.text
    return f"text under {heading!r}" if heading else "text at the start of the document"


def _cell_pairs(
    index: DocumentIndex, covered: set[Element], touched: set[Element] | None = None
) -> list[tuple[str, str, Element]]:
    """(label, value, value cell) for label/value cell pairs no field read."""
    pairs: list[tuple[str, str, Element]] = []
    taken = touched or covered

    def free(*cells: GridCell) -> bool:
        return not any(
            cell.tc in taken or _holds_field(cell.tc) or index.holds_mark(cell.tc)
            for cell in cells
        )

    for grid in index.grids:
        if _covered(grid.tbl, covered):
            continue
        for number in range(len(grid.rows)):
            cells = grid.row_cells(number)
            labels = _labels_above(grid, number, cells)
            if labels:
                # a row of answers under a row of labels: | Attendance % | Sessions missed |
                # over | 94.5 | 6 |
                for cell in cells:
                    above = labels.get(cell.col)
                    if above is None or not free(cell):
                        continue
                    value = clean_value(cell.text())
                    if value:
                        pairs.append((above.text().strip(), value, cell.tc))
                continue
            formatted = any(looks_like_label(cell.tc) for cell in cells)
            for left, right in itertools.pairwise(cells):
                if left.row != number or right.row != number:
                    continue
                label = left.text().strip()
                if not label or len(label) > _QUESTION_MAX_CHARS or "\n" in label:
                    continue
                if formatted and (not looks_like_label(left.tc) or looks_like_label(right.tc)):
                    continue  # a value beside the next label, or two labels side by side
                if not free(left, right):
                    # a box with a control or form field is a value, not a label; its own
                    # value is reported with the controls and legacy fields
                    continue
                value = _answer_text(right)
                if value:
                    pairs.append((label, value, right.tc))
            # a label row over its answer ("What I enjoy doing" / "Lego, dinosaurs")
            if (
                len(cells) == 1
                and number + 1 < len(grid.rows)
                and len(grid.row_cells(number + 1)) == 1
            ):
                top = cells[0]
                below = grid.below(top)
                label = top.text().strip()
                if (
                    below is None
                    or not label
                    or len(label) > _LABEL_MAX_CHARS
                    or not looks_like_label(top.tc)
                    or looks_like_label(below.tc)
                    or not free(top, below)
                ):
                    continue
                value = clean_value(below.text())
                if value:
                    pairs.append((label, value, below.tc))
    return pairs


def _answer_text(cell: GridCell) -> str:
    """A cell's answer as a person reads it: the option marked in a "circle one" box
    (``YES / NO`` with YES highlighted is ``YES``), else its text."""
    circled = circled_option(cell.tc)
    if circled is not None:
        return circled.answer or ""  # options none of which is marked are the form's print
    return clean_value(cell.text())


def _labels_above(grid: TableGrid, number: int, cells: list[GridCell]) -> dict[int, GridCell]:
    """Grid column -> label cell, when row ``number`` is a row of answers under a row of two
    or more labels (every cell above printed as a label, none in this row), else {}."""
    if number == 0 or len(cells) < 2 or any(looks_like_label(cell.tc) for cell in cells):
        return {}
    above = grid.row_cells(number - 1)
    if len(above) != len(cells) or not all(
        looks_like_label(cell.tc) and cell.text().strip() for cell in above
    ):
        return {}
    if any(cell.rows > 1 for cell in above):
        return {}
    return {cell.col: top for cell, top in zip(cells, above, strict=True)}


def _holds_field(tc: Element) -> bool:
    return any(True for _ in tc.iter(SDT, FLDCHAR))


@dataclass(frozen=True)
class TemplateFacts:
    """What reading a completed form needs to know about its blank template."""

    #: label/value cell pairs the template itself prints (guidance, not answers)
    pairs: frozenset[tuple[str, str]] = frozenset()
    #: the prompts its content controls show when empty (normalised)
    prompts: frozenset[str] = frozenset()
    #: the tags of its content controls
    control_tags: frozenset[str] = frozenset()
    #: the program that saved it
    application: str = ""
    #: tags of controls inside a Jinja template's conditional blocks (``{%p if %}``)
    conditional_tags: frozenset[str] = frozenset()
    #: what the blank form prints in each field's answer box outside the field (a label in
    #: the same cell), by control tag and alias and legacy field name (``beside``)
    box_pieces: dict[str, frozenset[str]] = field(default_factory=dict)
    #: every text the blank form prints outside its fields, normalised (the unmapped scan
    #: reports typed text that is not one of these)
    texts: frozenset[str] = frozenset()
    #: False when no blank form was found (then nothing is known to be printed)
    known: bool = False


def _template_facts(path: str) -> TemplateFacts:
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        return TemplateFacts()
    return _template_facts_cached(path, stamp)


@lru_cache(maxsize=32)
def _template_facts_cached(path: str, stamp: int) -> TemplateFacts:
    package = WordPackage.open(read_input(Path(path)), path)
    index = DocumentIndex.of_package(package)
    prompts = {
        normalise(control.text())
        for control in index.controls
        if control.showing_placeholder and control.kind != "checkbox"
    }
    return TemplateFacts(
        pairs=frozenset((normalise(a), normalise(b)) for a, b, _ in _cell_pairs(index, set())),
        prompts=frozenset(p for p in prompts if p),
        control_tags=frozenset(c.tag for c in index.controls if c.tag),
        application=application(package),
        conditional_tags=conditional_tags(part_text(package.zip, path, DOCUMENT_PART)),
        box_pieces=_box_pieces(index),
        texts=frozenset(normalise(text) for _, text in typed_paragraphs(index.body)),
        known=True,
    )


def _box_pieces(index: DocumentIndex) -> dict[str, frozenset[str]]:
    pieces: dict[str, set[str]] = {}
    fields: list[tuple[Element, tuple[str | None, ...]]] = [
        (control.element, (control.tag, control.alias)) for control in index.controls
    ]
    fields += [(legacy.begin, (legacy.name,)) for legacy in index.legacy_fields]
    for element, keys in fields:
        box = answer_box(element)
        if box is None:
            continue
        printed = printed_pieces(box, element)
        for key in keys:
            if key:
                pieces.setdefault(key, set()).update(printed)
    return {key: frozenset(found) for key, found in pieces.items()}


_JINJA_BLOCK_OR_TAG = re.compile(r"\{%-?\s*(?:p|tr|tc|r)?\s*(if|endif)\b|<w:tag w:val=\"([^\"]*)\"")


def conditional_tags(xml: str) -> frozenset[str]:
    """Tags of the content controls between ``{% if %}`` and ``{% endif %}`` in a Jinja
    template's ``document.xml`` (after docxtpl's own tag repair, so split runs count)."""
    patched = DocxTemplate.patch_xml(None, xml) if "{%" in xml else xml
    depth = 0
    inside: set[str] = set()
    for match in _JINJA_BLOCK_OR_TAG.finditer(patched):
        keyword, tag = match.groups()
        if keyword == "if":
            depth += 1
        elif keyword == "endif":
            depth = max(depth - 1, 0)
        elif tag is not None and depth:
            inside.add(tag)
    return frozenset(inside)


# --- document remarks ---------------------------------------------------------------------

_STRIKES = (f"{{{W_NS}}}strike", f"{{{W_NS}}}dstrike")
_STRUCK_PARAGRAPHS = etree.XPath(
    ".//w:p[.//w:r/w:rPr[w:strike or w:dstrike]]", namespaces={"w": W_NS}
)


def document_notes(index: DocumentIndex, form: FormSpec, readings: dict[int, Reading]) -> list[str]:
    notes: list[str] = []
    body = index.body
    if index.has_revisions:
        notes.append("tracked changes present: read as if all were accepted")
    control_fields = [
        number
        for number, spec in enumerate(form.fields)
        if any(a.kind == "control" for a in spec.anchors)
    ]
    lost = [
        number
        for number in control_fields
        if number in readings
        and readings[number].anchor is not None  # read, but not through its control
        and getattr(readings[number].anchor, "kind", None) != "control"
    ]
    if lost:
        untagged = [c for c in index.controls if not c.tag and not c.alias]
        if untagged:
            notes.append(
                "re-saved without content-control tags: "
                f"{len(lost)} field(s) read from fallback anchors"
            )
        elif not index.controls:
            notes.append(
                f"no content controls left (re-saved by another editor?): {len(lost)} field(s) "
                "read from fallback anchors"
            )
    # Struck-through runs are rare: look for the property itself first (a libxml2 walk),
    # then find their paragraphs, and only then check words.
    if next(body.iter(*_STRIKES), None) is not None:
        struck = set(_STRUCK_PARAGRAPHS(body))
        if any(strike_through_choices(p) for p in index.paragraphs if p in struck):
            notes.append("strike-through Yes/No answers: needs human review")
    return notes
