"""Checking PEPs: one PEP, a file or folder of PEP JSON files, and the cohort's due dates."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pepdocs.compliance._access import date_at, text_at
from pepdocs.compliance.calendar import add_working_days, term_of
from pepdocs.compliance.findings import SEVERITIES, CheckResult, Finding
from pepdocs.compliance.milestones import next_care_review
from pepdocs.compliance.quality import check_quality
from pepdocs.compliance.rating import rate
from pepdocs.compliance.settings import Settings, load_settings
from pepdocs.compliance.timelines import SHORT_BREAK_STATUSES, Deadline, check_timelines
from pepdocs.errors import PepdocsError, UsageError
from pepdocs.model import load_pep_file
from pepdocs.model.phases import list_phases

if TYPE_CHECKING:  # the attendance reader sits above compliance: imported when used
    from pepdocs.batch.attendance import AttendanceExport

__all__ = [
    "DueItem",
    "PassedOver",
    "check_path",
    "check_pep",
    "due_schedule",
    "iter_pep_files",
    "known_as",
    "parse_as_of",
    "rank_per_child",
    "recency",
]

DueStatus = Literal["overdue", "due-soon", "ok", "no-date", "exempt"]
_STATUS_ORDER: tuple[DueStatus, ...] = ("overdue", "due-soon", "ok", "no-date", "exempt")

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_as_of(text: str) -> dt.date:
    """``2026-01-07`` or ``07/01/2026`` (day first, as English forms write it); nothing else.

    Strict on purpose: an "as of" date decides what is overdue, so ``01/07/2026`` is read
    only as 1 July and two-digit years or month names are refused rather than guessed.
    """
    cleaned = text.strip()
    iso, uk = _ISO.match(cleaned), _UK.match(cleaned)
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if uk:
            return dt.date(int(uk.group(3)), int(uk.group(2)), int(uk.group(1)))
    except ValueError:
        raise UsageError("--as-of: not a real calendar date") from None
    raise UsageError("--as-of: write the date as YYYY-MM-DD or DD/MM/YYYY (day first)")


def _settings_for(pep: Mapping[str, Any], settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    phase = text_at(pep, "meta.phase")
    return load_settings(
        text_at(pep, "meta.authority"), phase=phase if phase in list_phases() else "school_age"
    )


def _ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: SEVERITIES.index(f.severity)))


def check_pep(
    pep: Mapping[str, Any],
    as_of: dt.date | None = None,
    settings: Settings | None = None,
    *,
    source: str = "",
) -> CheckResult:
    """Timeline and quality findings for one PEP (a mapping of canonical JSON values).

    ``as_of`` defaults to today; ``settings`` to the settings of the PEP's ``meta.authority``.
    """
    day = as_of or dt.date.today()
    rules = _settings_for(pep, settings)
    timeline_findings, _ = check_timelines(pep, day, rules)
    if text_at(pep, "care.legal_status") in SHORT_BREAK_STATUSES:
        return CheckResult(
            source=source,
            findings=_ordered(timeline_findings),
            rating=None,
            reasons=("not rated: short-break care (V3/V4) needs no full PEP",),
            pep=pep,
        )
    findings = _ordered([*timeline_findings, *check_quality(pep, rules)])
    rating = rate(findings, rules)
    return CheckResult(
        source=source,
        findings=findings,
        rating=rating.overall,
        reasons=rating.reasons,
        section_ratings=rating.sections,
        pep=pep,
    )


def iter_pep_files(path: str | os.PathLike[str]) -> list[Path]:
    """``path`` itself, or the ``*.json`` files directly inside a folder, sorted by name."""
    target = Path(path)
    if target.is_dir():
        return sorted(p for p in target.glob("*.json") if p.is_file())
    if target.is_file():
        return [target]
    raise UsageError(f"{target}: no such file or folder")


def check_path(
    path: str | os.PathLike[str],
    as_of: dt.date | None = None,
    settings: Settings | None = None,
    *,
    attendance: AttendanceExport | None = None,
) -> list[CheckResult]:
    """Check a PEP JSON file, or every ``*.json`` file in a folder.

    A file that cannot be read or is not a valid PEP becomes a result with ``error`` set (one
    line naming the file and the problem); it never stops the others. With ``attendance``
    (an attendance export), a child's attendance there that is newer than the PEP's is what
    the attendance rules see (``AttendanceExport.applied_to``).
    """
    results: list[CheckResult] = []
    for file in iter_pep_files(path):
        try:
            pep = load_pep_file(file)
            if attendance is not None:
                pep = attendance.applied_to(pep)
            results.append(check_pep(pep, as_of, settings, source=str(file)))
        except PepdocsError as problem:
            results.append(CheckResult(source=str(file), error=str(problem)))
    return results


@dataclass(frozen=True, slots=True)
class DueItem:
    """A child's next PEP deadline. ``child_name`` is for outputs the user asked for (the CSV,
    the workbook), never for logs or error messages."""

    child_name: str
    la_child_id: str
    source: str
    kind: str
    due: dt.date | None
    status: DueStatus
    last_meeting: dt.date | None
    setting_name: str
    #: what the deadline rests on: statute, statutory_guidance or local_practice
    basis: str = ""
    #: the next statutory review of the child's case (reg 33), which needs an up-to-date PEP;
    #: worked out as if every earlier review was held on its due date
    care_review: dt.date | None = None
    #: the authority's nation setting when its rules are not England's (checked as England's)
    nation_note: str = ""

    def to_row(self) -> dict[str, str]:
        return {
            "la_child_id": self.la_child_id,
            "child": self.child_name,
            "school": self.setting_name,
            "kind": self.kind,
            "due": self.due.isoformat() if self.due else "",
            "status": self.status,
            "basis": self.basis,
            "care_review": self.care_review.isoformat() if self.care_review else "",
            "last_meeting": self.last_meeting.isoformat() if self.last_meeting else "",
        }


def child_name(pep: Mapping[str, Any]) -> str:
    """The child's legal name as records give it: first, middle and last names (the name a
    child is known by is ``known_as``)."""
    parts = (
        text_at(pep, "child.first_name"),
        text_at(pep, "child.middle_names"),
        text_at(pep, "child.last_name"),
    )
    return " ".join(part for part in parts if part)


def known_as(pep: Mapping[str, Any]) -> str:
    """The name the child prefers, when it is not their first name."""
    preferred = text_at(pep, "child.preferred_name") or ""
    return "" if preferred == (text_at(pep, "child.first_name") or "") else preferred


_TERMS = ("autumn", "spring", "summer")


def recency(pep: Mapping[str, Any]) -> tuple[tuple[int, int], dt.date]:
    """How recent a PEP is: its term (academic year and term, from ``meta`` or else from
    the meeting date) before its meeting date, so that a newer PEP whose meeting date was
    dropped (an impossible date read from a form) still counts as the newer one."""
    meeting = date_at(pep, "meta.meeting_date")
    year, term = text_at(pep, "meta.academic_year") or "", text_at(pep, "meta.term") or ""
    if not (re.fullmatch(r"\d{4}-\d{2}", year) and term in _TERMS) and meeting is not None:
        year, term = term_of(meeting)
    known = term in _TERMS and year[:4].isdigit()
    period = (int(year[:4]), _TERMS.index(term)) if known else (0, -1)
    return period, meeting or dt.date.min


@dataclass(frozen=True, slots=True)
class PassedOver:
    """A PEP file a cohort report leaves out, and why (``reason`` names files, terms and
    dates, never a child's details)."""

    source: str
    la_child_id: str
    reason: str


def rank_per_child(
    peps: Iterable[tuple[str, Mapping[str, Any]]],
) -> tuple[list[tuple[str, Mapping[str, Any]]], list[PassedOver]]:
    """Each child's most recent PEP (:func:`recency`; children by LA child id, a PEP
    without an id stands for itself), and the other PEPs with the reason each is left out."""
    by_child: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for source, pep in peps:
        key = text_at(pep, "child.la_child_id") or f"file:{source}"
        by_child.setdefault(key, []).append((source, pep))
    latest: list[tuple[str, Mapping[str, Any]]] = []
    passed: list[PassedOver] = []
    for key, held in by_child.items():
        # the last of equals wins, as files are read in name order
        newest = max(reversed(held), key=lambda item: recency(item[1]))
        latest.append(newest)
        newest_period, newest_meeting = recency(newest[1])
        for source, pep in held:
            if source == newest[0] and pep is newest[1]:
                continue
            period, meeting = recency(pep)
            when = _when(period, meeting)
            reason = f"an earlier PEP of this child ({when}); the newest is {Path(newest[0]).name}"
            if newest_meeting == dt.date.min:
                reason += " (newest by its term: its meeting date is missing)"
            elif period == newest_period and meeting == newest_meeting:
                reason = f"the same term and meeting date as {Path(newest[0]).name}, read later"
            passed.append(PassedOver(source, "" if key.startswith("file:") else key, reason))
    return latest, passed


def _when(period: tuple[int, int], meeting: dt.date) -> str:
    term = f"{_TERMS[period[1]]} {period[0]}-{(period[0] + 1) % 100:02d}" if period[1] >= 0 else ""
    held = f"meeting {meeting.isoformat()}" if meeting != dt.date.min else "no meeting date"
    return ", ".join(part for part in (term, held) if part)


def latest_per_child(
    peps: Iterable[tuple[str, Mapping[str, Any]]],
) -> list[tuple[str, Mapping[str, Any]]]:
    """Each child's most recent PEP (see :func:`rank_per_child`)."""
    return rank_per_child(peps)[0]


_BASIS_ORDER = ("statute", "statutory_guidance", "local_practice")


def _most_pressing(deadlines: list[Deadline]) -> Deadline:
    """An overdue deadline before any other (a statutory one before a local one), else the
    earliest to come."""
    return min(
        deadlines,
        key=lambda d: (
            not d.overdue,
            _BASIS_ORDER.index(d.basis) if d.overdue and d.basis in _BASIS_ORDER else 0,
            d.due,
        ),
    )


def due_schedule(
    peps: Iterable[Mapping[str, Any] | tuple[str, Mapping[str, Any]]],
    as_of: dt.date | None = None,
    settings: Settings | None = None,
) -> list[DueItem]:
    """Each child's next deadline, overdue first, then due soon, then the rest, by date.

    ``peps`` are PEP mappings or ``(source, pep)`` pairs; with several PEPs for one child only
    the latest meeting counts. "Due soon" is within the authority's ``due_soon_days`` working
    days of ``as_of``. Each item also names the next statutory review of the child's case
    (reg 33 of the 2010 Regulations), for which the PEP must be up to date.
    """
    day = as_of or dt.date.today()
    pairs = [
        item if isinstance(item, tuple) else ("", item)
        for item in peps
    ]
    items: list[DueItem] = []
    for source, pep in latest_per_child(pairs):
        rules = _settings_for(pep, settings)
        _, deadlines = check_timelines(pep, day, rules)
        status: DueStatus
        kind, due, basis = "", None, ""
        if text_at(pep, "care.legal_status") in SHORT_BREAK_STATUSES:
            status = "exempt"
        elif not deadlines:
            status = "no-date"
        else:
            first = _most_pressing(deadlines)
            kind, due, basis = first.kind, first.due, first.basis
            if first.overdue:
                status = "overdue"
            elif due <= add_working_days(day, rules.due_soon_days, rules.nation):
                status = "due-soon"
            else:
                status = "ok"
        entered = date_at(pep, "care.date_became_looked_after")
        care_review = None
        if status != "exempt" and entered is not None and entered <= day:
            care_review = next_care_review(entered, day, nation=rules.nation).due
        items.append(
            DueItem(
                child_name=child_name(pep),
                la_child_id=text_at(pep, "child.la_child_id") or "",
                source=source,
                kind=kind,
                due=due,
                status=status,
                last_meeting=date_at(pep, "meta.meeting_date"),
                setting_name=text_at(pep, "education.setting_name") or "",
                basis=basis,
                care_review=care_review,
                nation_note="" if rules.rules_are_for_nation else rules.nation,
            )
        )
    items.sort(
        key=lambda item: (
            _STATUS_ORDER.index(item.status), item.due or dt.date.max, item.la_child_id
        )
    )
    return items
