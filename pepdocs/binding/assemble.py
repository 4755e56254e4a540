"""Extract direction: a PEP and a field-by-field report from an engine's reading of a form.

The engine says what it found at each field's anchors (form values: text, ticks, rows); the
field's transform turns each back into a model value. What the model then refuses (an
impossible UPN, dates out of order) leaves the PEP and is reported ``invalid``, so the PEP
handed back always loads and nothing is lost silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pepdocs.binding.signoff import (
    contacts_in_names,
    derive_from_attendees,
    derive_from_signatures,
)
from pepdocs.errors import PepdocsError, PepValidationError, Problem, TransformError
from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.mapping.spec import ColumnSpec, FieldSpec, FormSpec
from pepdocs.mapping.transforms import BoolTransform, cell_for_column
from pepdocs.model import load_pep, validate_pep
from pepdocs.model.paths import compact, drop_path, get_path, set_path
from pepdocs.report import AnchorUsed, FieldReport

__all__ = ["assemble_pep"]


def _anchor_used(spec: FieldSpec, reading: Reading) -> AnchorUsed | None:
    if reading.status == "missing":
        return None
    if reading.anchor is None or reading.anchor is spec.anchor or reading.anchor == spec.anchor:
        return "primary"
    return "fallback"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


#: What an unticked box in a table cell reads as: a form's spare rows often carry checkboxes
#: (Invited/Attended), and a row of unticked boxes with no text is a spare row, not an item.
_UNTICKED = frozenset({"\u2610", "\u25a1", "[ ]", "[]", "( )"})


def _spare_cell(column: ColumnSpec, value: Any) -> bool:
    """Nothing in this cell: blank, or an unticked box in a yes/no column (in a text column
    a typed ``☐`` is text)."""
    if isinstance(column.transform, BoolTransform) and (
        value is False or (isinstance(value, str) and " ".join(value.split()) in _UNTICKED)
    ):
        return True
    return _blank(value)


class _Assembler:
    """Builds the PEP and the report from an engine's reading of one form."""

    def __init__(self, form: FormSpec, reading: DocumentReading) -> None:
        self.form = form
        self.reading = reading
        self.pep: dict[str, Any] = {}
        self.fields: list[FieldReport] = []
        #: model path -> report entry, for marking values that fail validation
        self.by_path: dict[str, FieldReport] = {}
        #: values that could not be put in their field, kept as typed (``unresolved``)
        self.unresolved: list[dict[str, str]] = []
        #: values of boxes that each hold one item of a list ("Date of pathway plan"), put in
        #: their lists once every table is read (:meth:`place_items`)
        self.items: list[tuple[FieldSpec, Any]] = []

    def keep(self, path: str, raw: Any, problem: str) -> None:
        """Keep a value that has no place in the PEP as typed, so no answer disappears."""
        text = _as_text(raw)
        if text:
            self.unresolved.append({"path": path, "text": text, "problem": problem})

    def run(self) -> None:
        for index, spec in enumerate(self.form.fields):
            if not spec.extract:
                continue
            reading = self.reading.readings.get(index) or Reading("missing")
            report = FieldReport(
                path=spec.path,
                status=reading.status,
                location=reading.location,
                anchor_used=_anchor_used(spec, reading),
                notes=list(reading.notes),
            )
            self.fields.append(report)
            for path in spec.paths:
                self.by_path[path] = report
            if reading.status != "found":
                continue
            if spec.repeating:
                self._rows(spec, reading, report)
            else:
                self._value(spec, reading, report)

    def _value(self, spec: FieldSpec, reading: Reading, report: FieldReport) -> None:
        if _blank(reading.raw):
            report.status = "empty"
            return
        try:
            value, notes = spec.transform.from_form_noted(reading.raw)
        except TransformError as problem:
            report.status = "unparseable"
            report.raw = reading.raw
            report.notes.append(problem.message)
            self.keep(spec.path, reading.raw, problem.message)
            return
        report.notes.extend(notes)
        if len(spec.paths) > 1:
            # A join reads back as {path: value}; a tuple in path order is accepted too.
            parts = (
                value
                if isinstance(value, Mapping)
                else dict(zip(spec.paths, value or (), strict=False))
            )
            for path in spec.paths:
                if not _blank(parts.get(path)):
                    set_path(self.pep, path, parts[path])
            if all(_blank(parts.get(path)) for path in spec.paths):
                report.status = "empty"
        elif _blank(value):
            report.status = "empty"
        elif spec.item:
            self.items.append((spec, value))
        else:
            set_path(self.pep, spec.paths[0], value)

    def place_items(self) -> None:
        """Each value of a box holding one item of a list goes into the item the box names
        (a "Date of pathway plan" box: the linked plan of type PATHWAY), found among the
        items a table gave, or added."""
        for spec, value in self.items:
            section, field = spec.item_of
            items = get_path(self.pep, section)
            if not isinstance(items, list):
                items = []
                set_path(self.pep, section, items)
            item = spec.item_in(items)
            if item is None:
                item = dict(spec.item)
                items.append(item)
            if _blank(item.get(field)):
                item[field] = value
            elif item[field] != value:
                self.keep(spec.path, value, f"the list gives this item's {field} otherwise")

    def _rows(self, spec: FieldSpec, reading: Reading, report: FieldReport) -> None:
        rows = reading.raw if isinstance(reading.raw, list) else []
        items: list[dict[str, Any]] = []
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, Mapping):
                continue
            cells = [(column, cell_for_column(row, column)) for column in spec.columns]
            if all(_spare_cell(column, cell) for column, cell in cells):
                continue  # the form's spare rows: nothing typed, no box ticked
            if spec.key_columns and all(
                _spare_cell(column, cell)
                for column, cell in cells
                if column.path in spec.key_columns
            ):
                # a printed row (a role, a subject written in by the form) nobody filled
                continue
            item: dict[str, Any] = {}
            item_path = f"{spec.paths[0]}.{len(items)}"
            where = f"{reading.location} row {number}".strip()
            for column, cell in cells:
                if _blank(cell):
                    continue
                path = f"{item_path}.{column.path}"
                try:
                    value, notes = column.transform.from_form_noted(cell)
                except TransformError as problem:
                    entry = FieldReport(
                        path, "unparseable", where, report.anchor_used, cell, [problem.message]
                    )
                    self.fields.append(entry)
                    self.keep(path, cell, problem.message)
                    continue
                if notes:
                    report.notes.extend(f"{path}: {note}" for note in notes)
                if not _blank(value):
                    set_path(item, column.path, value)
            for path, value in spec.each_row:
                if path not in item:
                    item[path] = value  # the table's title says it of every row it lists
            items.append(item)
            self.by_path[item_path] = report
        if items:
            set_path(self.pep, spec.paths[0], items)
        else:
            report.status = "empty"

    def prune_invalid(self) -> dict[str, Any]:
        """Drop what fails model validation, reporting each value as ``invalid``.

        Extraction must hand back a loadable PEP and lose nothing silently: a value the
        model refuses (an impossible UPN, dates out of order) leaves the PEP and its report
        entry says why.
        """
        pep = self.pep
        # Dropping one value can only remove problems, but rules compare fields: loop until
        # nothing is left, with a bound in case a problem names a path we cannot remove.
        for _ in range(5):
            # One validation pass per round: load_pep gives the normalised PEP or every
            # problem at once (validate_pep then load_pep validated a valid PEP twice, a
            # large share of an extraction's time).
            try:
                return load_pep(pep)
            except PepValidationError as error:
                problems = list(error.problems)
            dropped = False
            for problem in problems:
                dropped |= self._drop_invalid(pep, problem)
            pep = compact(pep)
            if not dropped:
                break
        first = validate_pep(pep)
        where = first[0].path if first else "?"
        raise PepdocsError(f"{self.form.label}: extracted data could not be made valid at {where}")

    def _drop_invalid(self, pep: dict[str, Any], problem: Problem) -> bool:
        path = problem.path
        candidates = [path]
        while "." in candidates[-1]:
            candidates.append(candidates[-1].rsplit(".", 1)[0])
        target = next((c for c in candidates if get_path(pep, c) is not None), None)
        if target is None or target in ("meta", "child"):
            return False
        if not target.startswith("unresolved"):
            self.keep(target, get_path(pep, target), problem.message)
        drop_path(pep, target)
        entry = self.by_path.get(target)
        if entry is not None and entry.path == target:
            entry.status = "invalid"
            entry.notes.append(problem.message)
        else:
            # A cell of a repeating section, or one part of a joined box: its own entry.
            owner = next((self.by_path[c] for c in candidates if c in self.by_path), None)
            self.fields.append(
                FieldReport(
                    target,
                    "invalid",
                    owner.location if owner else "",
                    owner.anchor_used if owner else None,
                    notes=[problem.message],
                )
            )
        return True


def _as_text(raw: Any) -> str:
    """A form value as one text: a box's text, a row's cells ``header: text``, a tick."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "ticked" if raw else "not ticked"
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, Mapping):
        return "; ".join(f"{key}: {_as_text(value)}" for key, value in raw.items() if value)
    if isinstance(raw, list):
        return "; ".join(text for text in (_as_text(item) for item in raw) if text)
    return str(raw)


def assemble_pep(
    form: FormSpec, reading: DocumentReading
) -> tuple[dict[str, Any], list[FieldReport]]:
    """The PEP ``reading`` gives as ``form`` (valid: what the model refuses is left out) and
    the report entry of every field the form extracts, in the mapping's order (cells of
    repeating sections that could not be read, or were refused, follow as entries of their
    own). ``meta.authority`` and ``meta.phase`` are the form's unless the form says otherwise.
    """
    assembler = _Assembler(form, reading)
    assembler.run()
    assembler.place_items()
    for section, derive in (
        ("attendees", contacts_in_names),
        ("signoff.signatures", derive_from_signatures),
        ("attendees", derive_from_attendees),
    ):
        derived = derive(assembler.pep)
        owner = assembler.by_path.get(section)
        if derived and owner is not None:
            owner.notes.extend(derived)
    meta = assembler.pep.setdefault("meta", {})
    meta.setdefault("authority", form.authority)
    meta.setdefault("phase", form.form)
    assembler.pep.setdefault("child", {})
    pep = assembler.prune_invalid()
    if assembler.unresolved:
        pep["unresolved"] = [*pep.get("unresolved", []), *assembler.unresolved]
    return pep, assembler.fields
