"""What extraction, translation and fill found, field by field, for people and for JSON.

A report is the honest half of each verb: ``extract`` lists every mapped field with what
happened to it, ``fill`` every value the form has no place for and every value that needed
a smaller font, a continuation sheet or a taller row, so nothing is lost silently. Raw
form text is kept only for fields that could not be read (``unparseable``), so that a
person can fix them; it is never logged and never part of ``repr`` (reports end up in
tracebacks and debugger output).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pepdocs.mapping.spec import FillNote, FormValue

FieldStatus = Literal["found", "empty", "unparseable", "invalid", "missing"]
AnchorUsed = Literal["primary", "fallback"]

#: Statuses in the order the summary and ``counts`` list them.
STATUSES: tuple[FieldStatus, ...] = ("found", "empty", "unparseable", "invalid", "missing")


@dataclass(slots=True)
class FieldReport:
    """What happened to one mapped field (or one cell of a repeating section).

    ``path`` is the model path (``child.upn``, ``targets.1.due_date``; a join reads
    ``child.first_name+child.last_name``). ``status``:

    - ``found``: a value was read and is in the PEP;
    - ``empty``: the anchor is on the form, the box blank;
    - ``unparseable``: text is there but the transform could not read it (``raw`` keeps it);
    - ``invalid``: it was read but failed model validation, so it was left out of the PEP
      (``notes`` say why);
    - ``missing``: none of the field's anchors is on the form.

    ``location`` says where on the form, ``anchor_used`` whether the first anchor or a
    fallback hit (a fallback after a re-save is normal, but worth knowing).
    """

    path: str
    status: FieldStatus
    location: str = ""
    anchor_used: AnchorUsed | None = None
    raw: FormValue = field(default=None, repr=False)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "status": self.status}
        if self.location:
            data["location"] = self.location
        if self.anchor_used:
            data["anchor_used"] = self.anchor_used
        if self.status == "unparseable" and self.raw is not None:
            data["raw"] = _jsonable(self.raw)
        if self.notes:
            data["notes"] = list(self.notes)
        return data


def _jsonable(value: Any) -> Any:
    """Raw form values as JSON: spreadsheet cells can hold dates and numbers."""
    if isinstance(value, str | bool | int | float) or value is None:
        return value
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return str(value)


def _counts(fields: Iterable[FieldReport]) -> dict[FieldStatus, int]:
    counts: dict[FieldStatus, int] = dict.fromkeys(STATUSES, 0)
    for report in fields:
        counts[report.status] += 1
    return counts


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


@dataclass(slots=True)
class ExtractionReport:
    """The report of one extraction: which form was read and what each field gave.

    ``unmapped`` lists filled-in content the mapping does not cover (``label: text``, as the
    engine saw it), ``notes`` document-level remarks (``authority detected: ...``, ``tracked
    changes present``), ``confidence`` how far the reading can be trusted (1.0 for a form's
    own controls; lower when the form had to be detected or a weaker source was read).
    """

    source: str
    authority: str
    form: str
    fields: list[FieldReport] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list, repr=False)
    notes: list[str] = field(default_factory=list)
    confidence: float = 1.0
    #: True when the authority form was recognised from the document rather than given
    detected: bool = False
    #: True when no known form matched and the document was read with a mapping inferred
    #: from the document itself (``authority`` is then ``unrecognised``): check every value
    inferred: bool = False

    def counts(self) -> dict[FieldStatus, int]:
        """How many fields have each status (every status present, zeros included)."""
        return _counts(self.fields)

    def by_status(self, status: FieldStatus) -> list[FieldReport]:
        return [report for report in self.fields if report.status == status]

    def field(self, path: str) -> FieldReport | None:
        """The report entry for ``path`` (first match), or None."""
        return next((report for report in self.fields if report.path == path), None)

    def summary(self) -> str:
        """One line for people: ``found 52, empty 9, ..., missing 0; 3 unmapped entries``."""
        counts = self.counts()
        parts = ", ".join(f"{status} {counts[status]}" for status in STATUSES)
        return f"{parts}; {_plural(len(self.unmapped), 'unmapped entry', 'unmapped entries')}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape written by ``pepdocs extract --report``."""
        return {
            "source": self.source,
            "authority": self.authority,
            "form": self.form,
            "detected": self.detected,
            "inferred": self.inferred,
            "confidence": round(self.confidence, 3),
            "summary": {status: count for status, count in self.counts().items()},
            "fields": [report.to_dict() for report in self.fields],
            "unmapped": list(self.unmapped),
            "notes": list(self.notes),
        }


@dataclass(slots=True)
class TranslationReport:
    """Moving a PEP from authority A's form to B's: what was read and what B cannot hold.

    ``extraction`` is the report of reading A's form. ``unplaced`` lists model paths that had
    a value in the PEP but that B's form has no place for (list columns as ``targets.*.lead``);
    ``empty_in_source`` the fields A's form mapped but left empty or did not have.
    """

    extraction: ExtractionReport
    target_authority: str
    target_form: str
    unplaced: list[str] = field(default_factory=list)
    empty_in_source: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"read {self.extraction.authority}/{self.extraction.form}: "
            f"{self.extraction.summary()}; wrote {self.target_authority}/{self.target_form}: "
            f"{_plural(len(self.unplaced), 'field', 'fields')} with no place on the target form"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.extraction.to_dict(),
            "target": {"authority": self.target_authority, "form": self.target_form},
            "unplaced": list(self.unplaced),
            "empty_in_source": list(self.empty_in_source),
        }


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A value (or ``count`` values, one per list item) that a form has no place for.

    ``path`` is a model path, list items as ``targets.*.area``; ``reason`` is empty when the
    form has no box for the path at all, else why the value could not be written (a code the
    form's option list lacks).
    """

    path: str
    count: int = 1
    reason: str = ""

    def __str__(self) -> str:
        values = f"{self.count} values" if self.count != 1 else "1 value"
        return f"{self.path} ({self.reason})" if self.reason else f"{self.path} ({values})"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "count": self.count}
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass(slots=True)
class FillReport:
    """What filling one form left out and what it had to fit (``fill``, ``batch``).

    ``unplaced``: values the PEP holds that the form has no place for (``--strict`` refuses
    to fill then). ``overflow``: values shown in full only because fill made room for them:
    a smaller font in a PDF box, a continuation sheet, a Word or Excel row made taller.
    ``output`` and ``pdf`` are the files written, when the report comes from ``fill_file``.
    """

    authority: str
    form: str
    unplaced: list[Unplaced] = field(default_factory=list)
    overflow: list[FillNote] = field(default_factory=list)
    output: Path | None = None
    pdf: Path | None = None

    @property
    def complete(self) -> bool:
        """True when every value the PEP holds has a place on the form."""
        return not self.unplaced

    def unplaced_count(self) -> int:
        return sum(item.count for item in self.unplaced)

    def summary(self) -> str:
        """One line: ``7 values with no place on the form; 2 needed more room``."""
        parts = []
        if self.unplaced:
            count = self.unplaced_count()
            parts.append(f"{_plural(count, 'value', 'values')} with no place on the form")
        if self.overflow:
            parts.append(
                f"{_plural(len(self.overflow), 'value', 'values')} needed more room "
                "(a smaller font, a continuation sheet or a taller row)"
            )
        return "; ".join(parts) if parts else "every value placed"

    def lines(self) -> list[str]:
        """For the screen: the unplaced paths, one line per section of the PEP (``targets:
        id, area, actions (15 values)``; values refused with a reason on lines of their
        own), then one line per value that needed room."""
        sections: dict[str, list[Unplaced]] = {}
        refused: list[str] = []
        for item in self.unplaced:
            if item.reason:
                refused.append(f"no place on the form: {item}")
            else:
                sections.setdefault(item.path.split(".", 1)[0], []).append(item)
        out = []
        for section, items in sections.items():
            names = [
                item.path[len(section) + 1 :].removeprefix("*.") or section for item in items
            ]
            count = sum(item.count for item in items)
            out.append(
                f"no place on the form: {section}: {', '.join(names)} "
                f"({_plural(count, 'value', 'values')})"
            )
        out.extend(refused)
        return out + [f"needed more room: {note}" for note in self.overflow]

    def to_dict(self) -> dict[str, Any]:
        return {
            "authority": self.authority,
            "form": self.form,
            "output": str(self.output) if self.output else None,
            "pdf": str(self.pdf) if self.pdf else None,
            "unplaced": [item.to_dict() for item in self.unplaced],
            "overflow": [
                {"path": note.path, "kind": note.kind, "message": note.message}
                for note in self.overflow
            ],
        }
