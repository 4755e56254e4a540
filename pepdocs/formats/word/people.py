"""People anchors: who was at a meeting, written as minutes are written.

Some forms record the meeting's attendees not in a table but as lines of a minute::

    Present: Rashida Begum (social worker), Colette Brannigan (designated teacher / SENCo)
    Apologies: Harvey Lomas (child), Dr Samira Gill (CAMHS)

``{people: {lines: {"Present": {Attended: "Yes"}, "Apologies": {Invited: "Yes",
Attended: "No"}}}}`` reads each person after each line's label as one row: their name, the
role in brackets after it, and what the line says of everyone on it. Fill writes each row on
the line that says what the row says, as ``Name (role), Name (role)``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pepdocs.formats.word._xml import Element
from pepdocs.formats.word.document import DocumentIndex, Scope
from pepdocs.formats.word.records import label_pattern
from pepdocs.formats.word.slots import AfterLabelSlot, Slot, Where, expect_text
from pepdocs.formats.word.text import paragraph_text
from pepdocs.mapping.spec import Anchor, FieldSpec, FormValue

__all__ = ["PeopleSlot", "as_listed", "find_people", "line_for", "split_people"]

#: what a person's entry is split at: commas, semicolons, "and", "&" outside brackets
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+", re.IGNORECASE)
#: a line that lists nobody
_NOBODY = frozenset({"", "none", "n/a", "na", "-", "nil", "no one", "nobody", "none received"})
_YES = frozenset({"yes", "y", "true", "x", "\u2713", "\u2714", "attended", "present"})
_NO = frozenset({"no", "n", "false", "\u2717", "\u2718"})


def _outside_brackets(text: str) -> list[str]:
    """``text`` split at separators that are not inside brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    position = 0
    while position < len(text):
        character = text[position]
        if character in "([":
            depth += 1
        elif character in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            found = _SEPARATOR.match(text, position)
            if found is not None and found.end() > position:
                parts.append(text[start:position])
                start = position = found.end()
                continue
        position += 1
    parts.append(text[start:])
    return [part.strip().rstrip(".").strip() for part in parts if part.strip(" .")]


def split_people(text: str) -> list[tuple[str, str]]:
    """The people a line lists, as (name, role): ``A (SW), B (DT)`` -> two people."""
    if " ".join(text.split()).casefold().strip(".") in _NOBODY:
        return []
    return [_name_and_role(part) for part in _outside_brackets(text)]


def _name_and_role(part: str) -> tuple[str, str]:
    """``Lee Barraclough (key worker (Orchard House))``: the name, and the role in the
    brackets that close the entry (brackets inside them kept)."""
    if part[-1:] not in ")]":
        return part, ""
    depth = 0
    for position in range(len(part) - 1, -1, -1):
        if part[position] in ")]":
            depth += 1
        elif part[position] in "([":
            depth -= 1
            if depth == 0:
                name = part[:position].strip()
                if not name:
                    break
                return name, " ".join(part[position + 1 : -1].split())
    return part, ""


def _says(text: str) -> str:
    folded = " ".join(str(text).split()).casefold()
    if folded in _YES:
        return "yes"
    if folded in _NO:
        return "no"
    return folded


def find_people(index: DocumentIndex, anchor: Anchor, spec: FieldSpec, scope: Scope) -> Slot | None:
    lines: Mapping[str, Mapping[str, str]] = anchor.options["lines"]
    found: list[tuple[Element, str]] = []
    for label in lines:
        pattern = label_pattern(label)
        paragraph = next(
            (
                paragraph
                for paragraph in index.paragraphs
                if index.in_range(paragraph, scope)
                and pattern.match(paragraph_text(paragraph)) is not None
                and all(paragraph is not other for other, _ in found)
            ),
            None,
        )
        if paragraph is not None:
            found.append((paragraph, label))
    if not found:
        return None
    return PeopleSlot(found, anchor, spec)


class PeopleSlot(Slot):
    """The people of a meeting, one row per person, over the lines that list them."""

    def __init__(self, lines: list[tuple[Element, str]], anchor: Anchor, spec: FieldSpec) -> None:
        super().__init__()
        self.lines = lines
        self.says: Mapping[str, Mapping[str, str]] = anchor.options["lines"]
        self.name = str(anchor.options["name"])
        self.role = str(anchor.options["role"])
        self.spec = spec
        self.location = "people listed after " + ", ".join(repr(label) for _, label in lines)

    def _slot(self, paragraph: Element, label: str) -> AfterLabelSlot:
        return AfterLabelSlot(paragraph, label_pattern(label), self.location)

    def covers(self) -> list[Element]:
        return [paragraph for paragraph, _ in self.lines]

    def read(self) -> FormValue:
        rows: list[dict[str, str]] = []
        for paragraph, label in self.lines:
            text = self._slot(paragraph, label).read()
            if not isinstance(text, str):
                continue
            for name, role in split_people(text):
                row = {column.header: "" for column in self.spec.columns}
                row.update(self.says[label])
                row[self.name] = name
                row[self.role] = role
                rows.append(row)
        return rows or None

    def write(self, value: FormValue, where: Where) -> None:
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise where.error("a list of people takes a list of rows")
        labels = [label for _, label in self.lines]
        listed: dict[str, list[str]] = {label: [] for label in labels}
        for row in value:
            if not isinstance(row, dict):
                continue
            name = expect_text(self._cell(row, self.name), where).strip()
            role = expect_text(self._cell(row, self.role), where).strip()
            if not name and not role:
                continue
            cells = {
                header: self._cell(row, header) for line in self.says.values() for header in line
            }
            line = line_for(cells, self.says, labels)
            listed[line].append(f"{name} ({role})" if role else name)
        for paragraph, label in self.lines:
            self._slot(paragraph, label).write(", ".join(listed[label]), where)

    def _cell(self, row: Mapping[str, object], header: str) -> str:
        column = next((c for c in self.spec.columns if c.header == header), None)
        value = row.get(header)
        if value is None and column is not None:
            value = row.get(column.path)
        return "" if value is None else str(value)


def line_for(
    cells: Mapping[str, object], says: Mapping[str, Mapping[str, str]], labels: Sequence[str]
) -> str:
    """The line among ``labels`` whose words agree most with a row (``cells``: its values by
    column header; an empty cell agrees with any line), the first on a tie."""

    def agreement(label: str) -> tuple[int, int, int]:
        agree = disagree = 0
        for header, said in says[label].items():
            value = cells.get(header)
            found = _says("" if value is None else str(value))
            if not found:
                continue
            if found == _says(said):
                agree += 1
            else:
                disagree += 1
        return -disagree, agree, -labels.index(label)

    return max(labels, key=agreement)


def as_listed(
    rows: Sequence[Mapping[str, Any]], anchor: Anchor, paths: Mapping[str, str]
) -> list[dict[str, Any]]:
    """``rows`` (keyed by column path; ``paths`` maps headers to paths) as the lines hold
    them once filled and read back: line by line, each row's columns a line speaks for set
    to what it says (yes and no as True and False; None where it says nothing), rows with no
    name or role dropped."""
    says: Mapping[str, Mapping[str, str]] = anchor.options["lines"]
    labels = list(says)
    name, role = paths.get(anchor.options["name"]), paths.get(anchor.options["role"])
    by_line: dict[str, list[dict[str, Any]]] = {label: [] for label in labels}
    # a column any line speaks for is the lines' alone: nothing else on them can say it
    spoken = [h for h in dict.fromkeys(h for line in says.values() for h in line) if h in paths]
    for row in rows:
        if not any(row.get(key) not in (None, "") for key in (name, role) if key):
            continue
        cells = {header: row.get(path) for header, path in paths.items()}
        line = line_for(cells, says, labels)
        listed = dict(row)
        for header in spoken:
            said = says[line].get(header)
            word = _says(said) if said is not None else ""
            listed[paths[header]] = True if word == "yes" else False if word == "no" else said
        by_line[line].append(listed)
    return [row for label in labels for row in by_line[label]]
