"""Statutory timelines: when each PEP is due, and which due dates have passed.

Sources (domain.md, "Timelines"): the Care Planning, Placement and Case Review (England)
Regulations 2010 want the care plan, PEP included, before the first placement or within 10
working days of an emergency one, and the PEP ready for the first review at 20 working days;
statutory guidance "Promoting the education of looked-after and previously looked-after
children" (DfE 2018) wants the PEP reviewed every term and whenever the school or placement
changes; a Pathway Plan follows the needs assessment within three months of the 16th
birthday (Care Leavers (England) Regulations 2010); short-break children (legal status V3/V4)
need no full PEP. Days are counted on the authority's basis (working or school days).

A PEP file is one meeting. "Overdue" means a due date lies before ``as_of`` and this PEP's
meeting does not cover it; a meeting dated after ``as_of`` has not happened yet and covers
nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

from pepdocs.compliance._access import date_at, items_at, text_at
from pepdocs.compliance.calendar import AcademicYear, add_days, add_months, add_years
from pepdocs.compliance.findings import Finding
from pepdocs.compliance.settings import Settings
from pepdocs.model.paths import get_path

__all__ = ["SHORT_BREAK_STATUSES", "Deadline", "DueKind", "check_timelines"]

#: SSDA903 legal statuses for an agreed series of short breaks: no full PEP is required.
SHORT_BREAK_STATUSES = frozenset({"V3", "V4"})

DueKind = Literal["initial", "termly", "school_change", "placement_change", "pathway_plan"]


@dataclass(frozen=True, slots=True)
class Deadline:
    """A PEP (or Pathway Plan) still to be held, and by when."""

    kind: DueKind
    due: dt.date
    overdue: bool


class _Collector:
    def __init__(self, settings: Settings) -> None:
        self.rules = settings.rules
        self.findings: list[Finding] = []
        self.deadlines: list[Deadline] = []

    def add(self, rule_id: str, path: str = "", **values: object) -> None:
        finding = self.rules.finding(rule_id, path, **values)
        if finding is not None:
            self.findings.append(finding)

    def open(self, kind: DueKind, due: dt.date, as_of: dt.date) -> bool:
        """Record a deadline still to be met; ``True`` when it has passed."""
        overdue = due < as_of
        self.deadlines.append(Deadline(kind, due, overdue))
        return overdue


def _following_term(
    settings: Settings, year: AcademicYear, term_name: str
) -> tuple[AcademicYear, str]:
    if term_name == "autumn":
        return year, "spring"
    if term_name == "spring":
        return year, "summer"
    first = int(year.label[:4]) + 1
    return settings.calendar.year(f"{first}-{(first + 1) % 100:02d}"), "autumn"


def check_timelines(
    pep: Mapping[str, Any], as_of: dt.date, settings: Settings
) -> tuple[list[Finding], list[Deadline]]:
    """Timeline findings for one PEP, and the deadlines still open on ``as_of``."""
    out = _Collector(settings)
    if text_at(pep, "care.legal_status") in SHORT_BREAK_STATUSES:
        out.add("TL040", "care.legal_status")
        return out.findings, out.deadlines

    meeting = date_at(pep, "meta.meeting_date")
    previous = date_at(pep, "meta.previous_pep_date")
    # A meeting dated after as_of (a form pre-populated for a coming meeting) has not happened
    # yet: the last PEP actually held is then the previous one.
    held = meeting if meeting is not None and meeting <= as_of else None
    last_held = held or (previous if previous is not None and previous <= as_of else None)
    pep_type = text_at(pep, "meta.pep_type")
    entered = date_at(pep, "care.date_became_looked_after")

    if entered is not None and entered > as_of:
        # Not looked after yet on that date: no PEP can be due.
        out.add("TL092", "care.date_became_looked_after", entered=entered, as_of=as_of)
        return out.findings, out.deadlines
    if last_held is None and pep_type != "initial" and (meeting or previous) is not None:
        # A review PEP whose meetings all lie after as_of proves an earlier PEP but not when:
        # nothing can be called overdue on this record alone.
        out.add("TL091", "meta.meeting_date", as_of=as_of)
        _pathway_plan(pep, out, settings, as_of)
        return out.findings, out.deadlines
    _initial(pep, out, settings, as_of, held, last_held, entered, pep_type)
    if last_held is not None:
        _termly(out, settings, as_of, held, last_held, pep_type)
        for kind, path, rule_ids in (
            ("school_change", "education.date_joined", ("TL020", "TL021", "TL022")),
            ("placement_change", "care.placement_start_date", ("TL025", "TL026", "TL027")),
        ):
            kind = cast(DueKind, kind)
            _change(pep, out, settings, as_of, held, last_held, previous, entered, kind, path,
                    rule_ids)
    _pathway_plan(pep, out, settings, as_of)
    return out.findings, out.deadlines


def _initial(
    pep: Mapping[str, Any],
    out: _Collector,
    settings: Settings,
    as_of: dt.date,
    held: dt.date | None,
    last_held: dt.date | None,
    entered: dt.date | None,
    pep_type: str | None,
) -> None:
    if entered is None:
        if last_held is None or pep_type == "initial":
            out.add("TL090", "care.date_became_looked_after", what="the initial PEP due date",
                    field="care.date_became_looked_after")
        return
    emergency = get_path(pep, "care.emergency_entry") is True
    days = settings.emergency_days if emergency else settings.planned_days
    due = add_days(entered, days, settings.day_basis, settings.calendar, settings.nation)
    facts = {"due": due, "days": days, "basis": settings.day_basis, "entered": entered}
    if last_held is None or last_held < entered:
        if out.open("initial", due, as_of):
            out.add("TL001", "care.date_became_looked_after", **facts)
        else:
            out.add("TL003", "care.date_became_looked_after", **facts)
    elif held is not None and pep_type == "initial" and held > due:
        out.add("TL002", "meta.meeting_date", meeting=held, **facts)


def _termly(
    out: _Collector,
    settings: Settings,
    as_of: dt.date,
    held: dt.date | None,
    last_held: dt.date,
    pep_type: str | None,
) -> None:
    calendar = settings.calendar
    year = calendar.year_of(last_held)
    term = calendar.term_of(last_held)
    deadline = settings.termly_deadline(year, term.name)
    # An initial PEP runs to the entry deadline, not the term's: only reviews can be late here.
    if held is not None and pep_type != "initial" and held > deadline:
        out.add("TL011", "meta.meeting_date", meeting=held, term=term.name, year=year.label,
                due=deadline)
    next_year, next_term = _following_term(settings, year, term.name)
    due = settings.termly_deadline(next_year, next_term)
    facts = {"term": next_term, "year": next_year.label, "due": due}
    if out.open("termly", due, as_of):
        out.add("TL010", "meta.meeting_date", last_meeting=last_held, **facts)
    else:
        out.add("TL012", "meta.next_review_date", **facts)


def _change(
    pep: Mapping[str, Any],
    out: _Collector,
    settings: Settings,
    as_of: dt.date,
    held: dt.date | None,
    last_held: dt.date,
    previous: dt.date | None,
    entered: dt.date | None,
    kind: DueKind,
    path: str,
    rule_ids: tuple[str, str, str],
) -> None:
    changed = date_at(pep, path)
    # The first placement (or the school held on entering care) is no change: the initial PEP
    # covers it.
    if changed is None or (entered is not None and changed <= entered):
        return
    overdue_id, late_id, due_id = rule_ids
    due = add_days(
        changed, settings.change_review_days, settings.change_review_basis, settings.calendar,
        settings.nation,
    )
    if changed > last_held:
        if out.open(kind, due, as_of):
            out.add(overdue_id, path, due=due, changed=changed)
        else:
            out.add(due_id, path, due=due, changed=changed)
    elif held is not None and previous is not None and previous < changed and held > due:
        # This meeting is the first since the change, and it came after the extra review's date.
        out.add(late_id, "meta.meeting_date", meeting=held, due=due, changed=changed)


def _pathway_plan(
    pep: Mapping[str, Any], out: _Collector, settings: Settings, as_of: dt.date
) -> None:
    born = date_at(pep, "child.date_of_birth")
    if born is None:
        return
    months = settings.pathway_plan_months
    sixteenth = add_years(born, 16)
    due = add_months(sixteenth, months)
    # Remind from the same span before the birthday (age 15 and 9 months by default) until
    # the child leaves care at 18.
    if not add_months(sixteenth, -months) <= as_of < add_years(born, 18):
        return
    if any(text_at(plan, "type") == "PATHWAY" for plan in items_at(pep, "linked_plans")):
        return
    facts = {"due": due, "months": months, "birthday": sixteenth}
    if out.open("pathway_plan", due, as_of):
        out.add("TL030", "linked_plans", **facts)
    else:
        out.add("TL031", "linked_plans", **facts)
