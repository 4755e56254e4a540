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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pepdocs.formats.word._xml import Element, P
from pepdocs.formats.word.document import DocumentIndex, Scope
from pepdocs.formats.word.record_tables import TableRecord, copy_table_record, find_table_records
from pepdocs.formats.word.slots import AfterLabelSlot, RegionSlot, Slot, Where, expect_text
from pepdocs.formats.word.text import normalise, paragraph_text
from pepdocs.mapping.spec import Anchor, FieldSpec, FormValue

__all__ = ["RecordsSlot", "find_records", "label_pattern"]


#: what may end a line's label: a colon, a dash, or dots/underscores to write on
_END = r"\s*(?:[:\-\u2013]|[.\u2026_]+)\s*"


def _words(label: str) -> str:
    return r"\s+".join(re.escape(word) for word in label.strip().rstrip(":").split())


@lru_cache(maxsize=256)
def _start_pattern(start: str, printed: bool = False) -> re.Pattern[str]:
    """``Target:``, ``Target 2:``, ``Target no. 2 -`` at a paragraph's start; with
    ``printed``, also printed words before or after the start label that say whose record
    it is: ``Social worker signature:``, ``Signature of designated teacher:``."""
    body = _words(start)
    number = r"(?:\s*(?:no\.?|number|#)?\s*(\d+))?"
    first = r"(?:\d{1,2}\s*[.)]\s*)?"  # "1.  Target:": numbered before the label
    if not printed:
        return re.compile(rf"^\s*{first}{body}{number}{_END}", re.IGNORECASE)
    return re.compile(
        rf"^\s*{first}(?:(?P<before>[^:\n]{{1,60}}?)\s+)?{body}"
        rf"(?:\s+(?:(?:of|by)\s+|(?=\())(?P<after>[^:\n]{{1,60}}?))?{number}{_END}",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1024)
def label_pattern(label: str) -> re.Pattern[str]:
    """``Label:`` at a line's start."""
    return re.compile(rf"^\s*{_words(label)}\s*[:\-\u2013]\s*", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _inline_pattern(label: str) -> re.Pattern[str]:
    """``Label:`` at a line's start or after a gap in it (``Signature: M Hux   Name: ...``)."""
    return re.compile(rf"(?:^|(?<=\s)){_words(label)}\s*:\s*", re.IGNORECASE)


@lru_cache(maxsize=256)
def _any_inline(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    if not labels:
        return None
    return re.compile(
        "|".join(rf"(?:(?:^|(?<=\s)){_words(label)}\s*:)" for label in labels), re.IGNORECASE
    )


@dataclass(eq=False)
class Record:
    """One record: its start paragraph, the paragraph holding each column's line (the start
    paragraph itself for a label later on the same line), and its printed words."""

    start: Element
    fields: dict[str, Element]
    printed: str = ""

    @property
    def paragraphs(self) -> list[Element]:
        return list(dict.fromkeys([self.start, *self.fields.values()]))


def find_records(
    index: DocumentIndex, anchor: Anchor, spec: FieldSpec, scope: Scope
) -> Slot | None:
    start = anchor.key
    printed = anchor.options.get("printed")
    pattern = _start_pattern(start, printed is not None)
    headers = [
        column.header for column in spec.columns if normalise(column.header) != normalise(start)
    ]
    records: list[Record] = []
    for paragraph in index.paragraphs:
        if not index.in_range(paragraph, scope):
            continue
        match = pattern.match(paragraph_text(paragraph))
        if match is None or any(paragraph in record.paragraphs for record in records):
            continue
        words = ""
        if printed is not None:
            words = " ".join((match.group("before") or match.group("after") or "").split())
            words = words.strip("()[] ")  # "Signed off by (Designated Teacher):"
        fields = _inline(paragraph_text(paragraph), match.end(), headers, paragraph)
        fields.update(_fields_after(index, paragraph, pattern, headers, fields))
        records.append(Record(paragraph, fields, words))
    if records:
        return RecordsSlot(records, start, spec, f"records starting {start!r}", printed)
    rows = find_table_records(index, start, headers, scope)
    if rows and printed is None:
        return RecordsSlot(rows, start, spec, f"records starting {start!r} (table rows)")
    return None


def _inline(text: str, offset: int, headers: list[str], paragraph: Element) -> dict[str, Element]:
    """Columns labelled later on the line ``text`` (from ``offset``)."""
    return {
        header: paragraph
        for header in headers
        if _inline_pattern(header).search(text, offset) is not None
    }


def _fields_after(
    index: DocumentIndex,
    start: Element,
    pattern: re.Pattern[str],
    headers: list[str],
    found: dict[str, Element],
) -> dict[str, Element]:
    """The labelled paragraphs of the record that ``start`` begins (a line may hold several
    labels), skipping columns ``found`` on the start line already."""
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
        taken = found.keys() | fields.keys()
        match = next(
            (
                (h, m)
                for h in headers
                if h not in taken and (m := label_pattern(h).match(text)) is not None
            ),
            None,
        )
        if match is None:
            break  # a heading, or a line of something else
        header, label = match
        fields[header] = node
        for other, where in _inline(text, label.end(), headers, node).items():
            if other not in taken and other != header:
                fields[other] = where
        node = node.getnext()
    return fields


class RecordsSlot(Slot):
    """The records of a repeating section; the value is one ``{header: text}`` per record.

    With ``printed`` (a column's header), the words printed around each record's start label
    are that column's value ("Social worker" of "Social worker signature:"): read, never
    written; fill puts each row in the record printed for it."""

    def __init__(
        self,
        records: Sequence[Record | TableRecord],
        start: str,
        spec: FieldSpec,
        location: str,
        printed: str | None = None,
    ) -> None:
        super().__init__()
        self.records = list(records)
        self.start = start
        self.spec = spec
        self.location = location
        self.printed = printed

    def covers(self) -> list[Element]:
        return [
            element
            for record in self.records
            for element in (record.cells if isinstance(record, TableRecord) else record.paragraphs)
        ]

    def _headers(self) -> list[str]:
        return [c.header for c in self.spec.columns if normalise(c.header) != normalise(self.start)]

    def _slot(self, record: Record | TableRecord, header: str) -> Slot | None:
        """Where a column's answer is in ``record``: after its label, up to the next label
        of the record on the same line; in a record of table rows, the cell beside it."""
        if isinstance(record, TableRecord):
            tc = record.start if normalise(header) == normalise(self.start) else None
            tc = tc if tc is not None else record.fields.get(header)
            if tc is None:
                return None
            region = RegionSlot(tc, self.location)
            region.mark = None
            return region
        headers = self._headers()
        if normalise(header) == normalise(self.start):
            paragraph, label = record.start, _start_pattern(self.start, self.printed is not None)
        elif header in record.fields:
            paragraph = record.fields[header]
            leading = label_pattern(header)
            own_line = paragraph is not record.start and leading.match(paragraph_text(paragraph))
            label = leading if own_line else _inline_pattern(header)
        else:
            return None
        others = tuple(h for h in headers if h != header and record.fields.get(h) is paragraph)
        return AfterLabelSlot(paragraph, label, self.location, _any_inline(others))

    def read(self) -> FormValue:
        rows: list[dict[str, str]] = []
        for record in self.records:
            row: dict[str, str] = {}
            for column in self.spec.columns:
                slot = self._slot(record, column.header)
                value = slot.read() if slot is not None else None
                row[column.header] = value if isinstance(value, str) else ""
            if not any(value.strip() for value in row.values()):
                continue  # a record nobody wrote in; its printed words alone are no item
            printed = record.printed if isinstance(record, Record) else ""
            if self.printed is not None and printed and not row.get(self.printed):
                row[self.printed] = printed
            rows.append(row)
        return rows or None

    def write(self, value: FormValue, where: Where) -> None:
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise where.error("records take a list of rows")
        rows = [row for row in value if isinstance(row, dict)]
        for record, row in self._placed(rows, where):
            for column in self.spec.columns:
                text = row.get(column.header, row.get(column.path))
                if column.header == self.printed and isinstance(record, Record) and record.printed:
                    continue  # printed on the form
                written = expect_text(text, where) if text is not None else ""
                slot = self._slot(record, column.header)
                if slot is None:
                    if text:
                        raise where.error(f"the record has no line {column.header!r}")
                    continue
                slot.write(written, where)

    def _placed(
        self, rows: list[dict[str, str]], where: Where
    ) -> list[tuple[Record | TableRecord, dict[str, str]]]:
        """Each row with the record it goes in (blank rows for records left over): by the
        printed words when the records have them, else in order, copying the first record
        for each further row."""
        if self.printed is None or not any(
            isinstance(record, Record) and record.printed for record in self.records
        ):
            while len(self.records) < len(rows):
                self.records.append(self._copy(self.records[0], len(self.records) + 1))
            return [
                (record, rows[number] if number < len(rows) else {})
                for number, record in enumerate(self.records)
            ]
        free = [record for record in self.records if isinstance(record, Record)]
        placed: list[tuple[Record | TableRecord, dict[str, str]]] = []
        for row in rows:
            header = self.printed
            column = next(c for c in self.spec.columns if c.header == header)
            wanted = normalise(str(row.get(header, row.get(column.path)) or ""))
            record = next(
                (r for r in free if r.printed and normalise(r.printed) == wanted), None
            ) or next((r for r in free if not r.printed), None)
            if record is None:
                raise where.error(
                    f"the form prints no {self.start!r} line for one of the rows "
                    f"(row {rows.index(row) + 1})"
                )
            free.remove(record)
            placed.append((record, row))
        placed.extend((record, {}) for record in free)
        return placed

    def _copy(self, model: Record | TableRecord, number: int) -> Record | TableRecord:
        """The first record copied after the last one, its number made ``number``."""
        if isinstance(model, TableRecord):
            last_table = self.records[-1]
            assert isinstance(last_table, TableRecord)
            return copy_table_record(model, last_table, number)
        last_record = self.records[-1]
        assert isinstance(last_record, Record)
        last = last_record.paragraphs[-1]
        originals = model.paragraphs
        copies = [copy.deepcopy(paragraph) for paragraph in originals]
        anchor = last
        for paragraph in copies:
            anchor.addnext(paragraph)
            anchor = paragraph
        _renumber(copies[0], number)
        twin = dict(zip(originals, copies, strict=True))
        fields = {header: twin[paragraph] for header, paragraph in model.fields.items()}
        return Record(copies[0], fields, model.printed)


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
