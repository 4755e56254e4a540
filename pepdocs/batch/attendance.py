"""Attendance exports: the figures the services and school systems that track looked-after
children's attendance produce (a termly report, a Welfare Call style download, a school MIS
extract), merged into pre-filled forms and into ``check``.

An export is a CSV or XLSX file read as rosters are (:mod:`pepdocs.batch.roster`: the same
encodings and header matching), one row per child and period: the child's LA (903) id or
UPN; the period, as dates (``Period Start``, ``Period End``) or as a term (``Autumn
2025-26``); sessions possible; sessions missed or attended; a percentage. What the row gives
is turned into the model's ``education.attendance`` (percent, sessions possible and missed,
period start and end): a percentage is worked out from the sessions when they are given
(possible - missed, over possible), otherwise taken as written. A bare 0 or 1 without a
``%`` is refused (a spreadsheet's 100% cell reads 1): write it as ``100%`` or give sessions.

A child with several rows keeps the latest period (by its end date, else by term).
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from pepdocs.batch.roster import Roster, RosterRow, open_roster
from pepdocs.errors import PepdocsError, TransformError
from pepdocs.mapping.dates import parse_uk_date

__all__ = [
    "ATTENDANCE_HEADERS",
    "AttendanceExport",
    "AttendanceRecord",
    "apply_attendance",
    "load_attendance",
    "with_attendance",
]

_KEYS = ("period", "period_start", "period_end", "possible", "missed", "attended", "percent")

#: Header spellings (compared without case, spaces or punctuation, as rosters compare them)
#: -> what the column holds. The child's id and UPN use the roster's own synonyms.
ATTENDANCE_HEADERS: Mapping[str, str] = {
    **{h: "attendance.period" for h in ("Period", "Term", "Attendance Period", "Reporting Period")},
    **{
        h: "attendance.period_start"
        for h in ("Period Start", "Period From", "From", "Start Date", "Date From")
    },
    **{
        h: "attendance.period_end"
        for h in ("Period End", "Period To", "To", "End Date", "Date To", "As At", "As Of")
    },
    **{
        h: "attendance.possible"
        for h in ("Sessions Possible", "Possible Sessions", "Possible", "Total Sessions")
    },
    **{
        h: "attendance.missed"
        for h in (
            "Sessions Missed",
            "Missed Sessions",
            "Missed",
            "Sessions Absent",
            "Absent Sessions",
            "Absences",
            "Total Absence",
        )
    },
    **{
        h: "attendance.attended"
        for h in (
            "Sessions Attended",
            "Attended Sessions",
            "Attended",
            "Sessions Present",
            "Present",
        )
    },
    **{
        h: "attendance.percent"
        for h in (
            "Attendance %",
            "Attendance Percentage",
            "Percentage Attendance",
            "% Attendance",
            "Attendance",
            "Attendance Rate",
            "Percentage",
            "Percent",
        )
    },
    "CHILD": "child.la_child_id",
}

_TERM = re.compile(
    r"^(?:(?P<t1>autumn|spring|summer)(?:\s+term)?\s+(?P<y1>\d{4}(?:\s*[-/]\s*\d{2,4})?)"
    r"|(?P<y2>\d{4}(?:\s*[-/]\s*\d{2,4})?)\s+(?P<t2>autumn|spring|summer)(?:\s+term)?)$",
    re.IGNORECASE,
)
_TERM_ORDER = {"autumn": 0, "spring": 1, "summer": 2}
_ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class AttendanceRecord:
    """One child's attendance for one period, as the model holds it."""

    source: str  # "file row N"
    child_id: str | None
    upn: str | None
    percent: Decimal
    sessions_possible: int | None = None
    sessions_missed: int | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    #: (academic year's first calendar year, term index) when the period was given as a term
    term: tuple[int, int] | None = None

    def order(self) -> tuple[dt.date, tuple[int, int]]:
        return (self.period_end or dt.date.min, self.term or (0, 0))

    def model_values(self) -> dict[str, Any]:
        """``education.attendance`` values by model path (only those the row gave)."""
        values: dict[str, Any] = {"education.attendance.percent": float(self.percent)}
        for name, value in (
            ("sessions_possible", self.sessions_possible),
            ("sessions_missed", self.sessions_missed),
            ("period_start", self.period_start),
            ("period_end", self.period_end),
        ):
            if value is not None:
                values[f"education.attendance.{name}"] = (
                    value.isoformat() if isinstance(value, dt.date) else value
                )
        return values


@dataclass(slots=True)
class AttendanceExport:
    """An attendance export read: each child's latest record, by LA child id and by UPN."""

    path: str
    by_id: dict[str, AttendanceRecord] = field(default_factory=dict)
    by_upn: dict[str, AttendanceRecord] = field(default_factory=dict)
    #: one line per row that could not be used, naming the row and column (never a value)
    problems: list[str] = field(default_factory=list)
    rows: int = 0

    def find(self, child_id: object, upn: object) -> AttendanceRecord | None:
        """The child's latest record: by LA child id, else by UPN."""
        if isinstance(child_id, str) and child_id in self.by_id:
            return self.by_id[child_id]
        if isinstance(upn, str) and upn.upper() in self.by_upn:
            return self.by_upn[upn.upper()]
        return None

    def applied_to(self, pep: Mapping[str, Any]) -> dict[str, Any]:
        """``pep`` with this export's newer attendance for the child (:func:`apply_attendance`)."""
        return apply_attendance(pep, self)[0]

    def supplied(self, pep: Mapping[str, Any]) -> AttendanceRecord | None:
        """The record whose figures ``pep``'s attendance is (after :func:`apply_attendance`
        put them there), or None."""
        child = pep.get("child")
        education = pep.get("education")
        if not isinstance(child, Mapping) or not isinstance(education, Mapping):
            return None
        record = self.find(child.get("la_child_id"), child.get("upn"))
        held = education.get("attendance")
        if record is None or not isinstance(held, Mapping):
            return None
        wanted = {path.rsplit(".", 1)[1]: value for path, value in record.model_values().items()}
        return record if dict(held) == wanted else None

    def _keep(self, record: AttendanceRecord) -> None:
        for index, key in ((self.by_id, record.child_id), (self.by_upn, record.upn)):
            if key and (key not in index or record.order() >= index[key].order()):
                index[key] = record


def _whole(text: str, what: str) -> int:
    cleaned = text.replace(",", "").strip()
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if not cleaned.isdigit():
        raise TransformError(f"{what}: not a whole number")
    return int(cleaned)


def _date(text: str, what: str) -> dt.date:
    """A UK date as people type it, or an ISO date (an XLSX date cell reads
    ``2025-10-17 00:00:00``)."""
    try:
        if re.match(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text[:10])
        return parse_uk_date(text)
    except (TransformError, ValueError):
        raise TransformError(f"{what}: not a date") from None


def _percent(text: str) -> Decimal:
    cleaned = text.strip()
    marked = cleaned.endswith("%")
    try:
        value = Decimal(cleaned.rstrip("%").strip())
    except InvalidOperation:
        raise TransformError("attendance percentage: not a number") from None
    if not marked and value in (0, 1):
        raise TransformError(
            "attendance percentage: a bare 0 or 1 could be a fraction or a percentage; "
            "write it with % or give the sessions"
        )
    if not marked and value < 1:
        value *= 100  # a spreadsheet's percentage cell holds the fraction
    if not 0 <= value <= 100:
        raise TransformError("attendance percentage: not between 0 and 100")
    return value.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)


def _term(text: str) -> tuple[tuple[int, int], dt.date, dt.date]:
    """``Autumn 2025-26`` / ``2025/26 Spring`` -> ((2025, 0), first and last day of term)."""
    from pepdocs.compliance.calendar import default_term_dates

    match = _TERM.match(" ".join(text.split()))
    if match is None:
        raise TransformError("period: not a term and academic year such as Autumn 2025-26")
    name = (match.group("t1") or match.group("t2")).lower()
    year_text = match.group("y1") or match.group("y2")
    first = int(year_text[:4])
    rest = re.split(r"\s*[-/]\s*", year_text)
    if len(rest) == 2 and int(rest[1][-2:]) != (first + 1) % 100:
        raise TransformError("period: the academic year's two years do not follow each other")
    term = default_term_dates(f"{first}-{(first + 1) % 100:02d}").term(name)
    return (first, _TERM_ORDER[name]), term.start, term.end


def _record(row: RosterRow, path: str) -> AttendanceRecord:
    cells: dict[str, str] = {
        key: str(row.get(f"attendance.{key}"))
        for key in _KEYS
        if row.get(f"attendance.{key}") not in (None, "")
    }
    possible = _whole(cells["possible"], "sessions possible") if "possible" in cells else None
    missed = _whole(cells["missed"], "sessions missed") if "missed" in cells else None
    if missed is None and "attended" in cells and possible is not None:
        missed = possible - _whole(cells["attended"], "sessions attended")
    start = _date(cells["period_start"], "period start") if "period_start" in cells else None
    end = _date(cells["period_end"], "period end") if "period_end" in cells else None
    term = None
    if "period" in cells:
        term, term_start, term_end = _term(cells["period"])
        start, end = start or term_start, end or term_end
    if possible is not None and missed is not None:
        if possible <= 0 or not 0 <= missed <= possible:
            raise TransformError("sessions: missed must be from 0 to the sessions possible")
        percent = (Decimal(possible - missed) * 100 / possible).quantize(
            _ONE_DECIMAL, rounding=ROUND_HALF_UP
        )
    elif "percent" in cells:
        percent = _percent(cells["percent"])
    else:
        raise TransformError("no attendance percentage, nor sessions possible and missed")
    if start is not None and end is not None and end < start:
        raise TransformError("period: ends before it starts")
    child_id = row.get("child.la_child_id")
    upn = row.get("child.upn")
    return AttendanceRecord(
        source=f"{path} row {row.number}",
        child_id=str(child_id) if child_id else None,
        upn=str(upn).upper() if upn else None,
        percent=percent,
        sessions_possible=possible,
        sessions_missed=missed,
        period_start=start,
        period_end=end,
        term=term,
    )


def load_attendance(path: str | os.PathLike[str]) -> AttendanceExport:
    """Read an attendance export (``.csv`` or ``.xlsx``). A row that cannot be used is
    reported (row and column, never a value) and skipped; raises ``PepdocsError`` when the
    file cannot be read or has no child id or UPN column."""
    roster = open_roster(path, ATTENDANCE_HEADERS)
    name = os.fspath(path)
    found = {column.path for column in roster.columns.values()}
    if not found & {"attendance.percent", "attendance.possible"}:
        raise PepdocsError(
            f"{name}: no attendance column (a header such as 'Attendance %' or 'Sessions "
            "Possible'); is this an attendance export?"
        )
    export = AttendanceExport(name)
    for row in roster.rows():
        export.rows += 1
        if row.problems:
            export.problems.append(f"{name} row {row.number}: {row.problems[0]}")
            continue
        try:
            export._keep(_record(row, name))
        except TransformError as problem:
            export.problems.append(f"{name} row {row.number}: {problem.message}")
    return export


def apply_attendance(
    pep: Mapping[str, Any], export: AttendanceExport
) -> tuple[dict[str, Any], AttendanceRecord | None]:
    """A copy of ``pep`` with the export's attendance for the child, when the export's period
    is later than the PEP's own (or the PEP records none); and the record used, or None (then
    the PEP is returned as it was)."""
    child = pep.get("child") if isinstance(pep.get("child"), Mapping) else {}
    assert isinstance(child, Mapping)
    record = export.find(child.get("la_child_id"), child.get("upn"))
    education = pep.get("education") if isinstance(pep.get("education"), Mapping) else {}
    assert isinstance(education, Mapping)
    current = (
        education.get("attendance") if isinstance(education.get("attendance"), Mapping) else None
    )
    if record is None:
        return dict(pep), None
    if current is not None and current.get("percent") is not None:
        held = current.get("period_end")
        if (
            not isinstance(held, str)
            or record.period_end is None
            or (record.period_end.isoformat() <= held)
        ):
            return dict(pep), None
    merged = copy.deepcopy(dict(pep))
    attendance = {path.rsplit(".", 1)[1]: value for path, value in record.model_values().items()}
    merged.setdefault("education", {})["attendance"] = attendance
    return merged, record


class _WithAttendance(Roster):
    """A roster whose rows carry the export's latest attendance for each child."""

    def __init__(self, roster: Roster, export: AttendanceExport) -> None:
        super().__init__(roster.path, roster.headers, iter(()))
        self.columns, self.ignored, self.paths = roster.columns, roster.ignored, roster.paths
        self._inner = roster
        self._export = export

    def rows(self) -> Iterator[RosterRow]:
        for row in self._inner.rows():
            record = self._export.find(row.get("child.la_child_id"), row.get("child.upn"))
            if record is not None:
                row = RosterRow(row.number, {**row.values, **record.model_values()}, row.problems)
            yield row


def with_attendance(roster: Roster, export: AttendanceExport) -> Roster:
    """``roster`` with each child's latest attendance from ``export`` in its rows (the
    export's figures replace the roster's: they are the newer record)."""
    return _WithAttendance(roster, export)
