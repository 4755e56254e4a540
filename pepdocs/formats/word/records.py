"""Record anchors: a repeating section written as runs of "Label: value" paragraphs.

Case-management systems print a PEP's targets as records, one after another, rather than as
a table::

    Target 1: Jayden will read a Year 4 book aloud at 90 words per minute
    Area: English
    Actions: 1:1 reading with TA three times a week
    Target Date: 30/01/2026
    Target 2: ...

``{records: {start: "Target"}}`` finds each record by its first line (the start label,
numbered or not) and reads the paragraphs after it whose labels are the section's column
headers, up to the next record, a heading, a table or a line that is none of them. Fill
copies the first record for each further item (renumbering ``Target 1`` to ``Target 2``).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import lru_cache

from pepdocs.formats.word._xml import Element, P
from pepdocs.formats.word.document import DocumentIndex, Scope
from pepdocs.formats.word.slots import AfterLabelSlot, Slot, Where, expect_text
from pepdocs.formats.word.text import clean_value, normalise, paragraph_text
from pepdocs.mapping.spec import Anchor, FieldSpec, FormValue

__all__ = ["RecordsSlot", "find_records"]


@lru_cache(maxsize=256)
def _start_pattern(start: str) -> re.Pattern[str]:
    """``Target:``, ``Target 2:``, ``Target no. 2 -`` at a paragraph's start."""
    body = r"\s+".join(re.escape(word) for word in start.strip().rstrip(":").split())
    return re.compile(
        rf"^\s*{body}(?:\s*(?:no\.?|number|#)?\s*(\d+))?\s*[:.\-\u2013]\s*", re.IGNORECASE
    )


@lru_cache(maxsize=1024)
def _label_pattern(label: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(word) for word in label.strip().rstrip(":").split())
    return re.compile(rf"^\s*{body}\s*[:\-\u2013]\s*", re.IGNORECASE)


@dataclass(eq=False)
class Record:
    """One record: its start paragraph and its labelled paragraphs by column header."""

    start: Element
    fields: dict[str, Element]

    @property
    def paragraphs(self) -> list[Element]:
        return [self.start, *self.fields.values()]


def find_records(
    index: DocumentIndex, anchor: Anchor, spec: FieldSpec, scope: Scope
) -> Slot | None:
    start = anchor.key
    pattern = _start_pattern(start)
    headers = [
        column.header for column in spec.columns if normalise(column.header) != normalise(start)
    ]
    records: list[Record] = []
    for paragraph in index.paragraphs:
        if not index.in_range(paragraph, scope) or not pattern.match(paragraph_text(paragraph)):
            continue
        if any(paragraph in record.paragraphs for record in records):
            continue
        records.append(Record(paragraph, _fields_after(index, paragraph, pattern, headers)))
    if not records:
        return None
    return RecordsSlot(records, start, spec, f"records starting {start!r}")


def _fields_after(
    index: DocumentIndex, start: Element, pattern: re.Pattern[str], headers: list[str]
) -> dict[str, Element]:
    """The labelled paragraphs of the record that ``start`` begins."""
    fields: dict[str, Element] = {}
    node = start.getnext()
    while node is not None:
        if node.tag != P:
            break
        text = paragraph_text(node)
        if not text.strip():
            node = node.getnext()
            continue
        if pattern.match(text):
            break
        header = next(
            (h for h in headers if h not in fields and _label_pattern(h).match(text)), None
        )
        if header is None:
            break  # a heading, or a line of something else
        fields[header] = node
        node = node.getnext()
    return fields


class RecordsSlot(Slot):
    """The records of a repeating section; the value is one ``{header: text}`` per record."""

    def __init__(self, records: list[Record], start: str, spec: FieldSpec, location: str) -> None:
        super().__init__()
        self.records = records
        self.start = start
        self.spec = spec
        self.location = location

    def covers(self) -> list[Element]:
        return [paragraph for record in self.records for paragraph in record.paragraphs]

    def _value(self, paragraph: Element, label: re.Pattern[str]) -> str:
        return clean_value(label.sub("", paragraph_text(paragraph), count=1))

    def read(self) -> FormValue:
        rows: list[dict[str, str]] = []
        start_pattern = _start_pattern(self.start)
        for record in self.records:
            row: dict[str, str] = {}
            for column in self.spec.columns:
                if normalise(column.header) == normalise(self.start):
                    row[column.header] = self._value(record.start, start_pattern)
                elif column.header in record.fields:
                    row[column.header] = self._value(
                        record.fields[column.header], _label_pattern(column.header)
                    )
                else:
                    row[column.header] = ""
            if any(value.strip() for value in row.values()):
                rows.append(row)
        return rows or None

    def write(self, value: FormValue, where: Where) -> None:
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise where.error("records take a list of rows")
        model = self.records[0]
        while len(self.records) < len(value):
            self.records.append(self._copy(model, len(self.records) + 1))
        start_pattern = _start_pattern(self.start)
        for number, record in enumerate(self.records):
            row = value[number] if number < len(value) else {}
            assert isinstance(row, dict)
            for column in self.spec.columns:
                text = row.get(column.header, row.get(column.path))
                written = expect_text(text, where) if text is not None else ""
                if normalise(column.header) == normalise(self.start):
                    paragraph, label = record.start, start_pattern
                elif column.header in record.fields:
                    paragraph, label = record.fields[column.header], _label_pattern(column.header)
                else:
                    if text:
                        raise where.error(f"the record has no line {column.header!r}")
                    continue
                AfterLabelSlot(paragraph, label, self.location).write(written, where)

    def _copy(self, model: Record, number: int) -> Record:
        """The first record copied after the last one, its number made ``number``."""
        last = self.records[-1].paragraphs[-1]
        copies = [copy.deepcopy(paragraph) for paragraph in model.paragraphs]
        anchor = last
        for paragraph in copies:
            anchor.addnext(paragraph)
            anchor = paragraph
        _renumber(copies[0], number)
        fields = dict(zip(model.fields, copies[1:], strict=True))
        return Record(copies[0], fields)


_FIRST_NUMBER = re.compile(r"\d+")


def _renumber(paragraph: Element, number: int) -> None:
    """``Target 1:`` -> ``Target 2:``: the first number in the start line's first runs."""
    for node in paragraph.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
        text = node.text or ""
        found = _FIRST_NUMBER.search(text)
        if found:
            node.text = text[: found.start()] + str(number) + text[found.end() :]
            return
        if ":" in text:
            return
