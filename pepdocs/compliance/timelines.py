"""Timelines: when each PEP is due, and which due dates have passed.

The statutory dates come from :mod:`pepdocs.compliance.milestones` (the same functions the
cohort work calls with plain facts); this module reads those facts from a PEP and adds the
authority's local deadlines, which can make a date earlier but never later:

- initial PEP (the 2010 Regulations reg 4(2), 5(b)(ii), 33(1)): started with the care plan,
  by the first placement or within 10 working days of an emergency one; ready for the first
  review of the care plan, 20 working days after entering care;
- termly reviews (statutory guidance: the PEP is reviewed every term); the deadline within
  the term is local practice; a term that ends without a review is a breach;
- reviews after a change of school or placement (local practice), and placement moves in key
  stage 4 (reg 10);
- the Pathway Plan of an eligible child (regs 40-43);
- who needs a PEP at all: short breaks (reg 48) do not; early years from the authority's
  starting age; young people to the end of the academic year in which they turn 18.

A PEP file is one meeting. "Overdue" means a due date lies before ``as_of`` and this PEP's
meeting does not cover it; a meeting dated after ``as_of`` has not happened yet and covers
nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pepdocs.compliance._access import date_at, items_at, text_at
from pepdocs.compliance.calendar import (
    TermCalendar,
    add_days,
    add_months,
    add_years,
    next_term,
    term_of,
)
from pepdocs.compliance.findings import Finding
from pepdocs.compliance.milestones import (
    ADULT_AGE,
    CarePeriod,
    early_years_pep_from,
    end_of_academic_year_turning,
    initial_pep_milestones,
    pathway_plan_due,
    year_group,
)
from pepdocs.compliance.settings import Settings
from pepdocs.model.paths import get_path

__all__ = ["KEY_STAGE_4", "SHORT_BREAK_STATUSES", "Deadline", "DueKind", "check_timelines"]

#: SSDA903 legal statuses for an agreed series of short breaks: no full PEP is required.
SHORT_BREAK_STATUSES = frozenset({"V3", "V4"})
#: National curriculum years of key stage 4 (reg 10 of the 2010 Regulations).
KEY_STAGE_4 = frozenset({"10", "11"})

DueKind = Literal[
    "initial_care_plan", "initial", "initial_local", "termly", "school_change",
    "placement_change", "pathway_plan", "early_years_start",
]


@dataclass(frozen=True, slots=True)
class Deadline:
    """A PEP (or Pathway Plan) still to be held, by when, and what the date rests on."""

    kind: DueKind
    due: dt.date
    overdue: bool
    basis: str = "statute"


class _Collector:
    def __init__(self, settings: Settings) -> None:
        self.rules = settings.rules
        self.findings: list[Finding] = []
        self.deadlines: list[Deadline] = []

    def add(self, rule_id: str, path: str = "", **values: object) -> None:
        finding = self.rules.finding(rule_id, path, **values)
        if finding is not None:
            self.findings.append(finding)

    def open(self, kind: DueKind, due: dt.date, as_of: dt.date, basis: str) -> bool:
        """Record a deadline still to be met; ``True`` when it has passed."""
        overdue = due < as_of
        self.deadlines.append(Deadline(kind, due, overdue, basis))
        return overdue


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the timelines read from one PEP, once."""

    as_of: dt.date
    meeting: dt.date | None
    previous: dt.date | None
    #: this PEP's meeting, when it has happened by ``as_of``
    held: dt.date | None
    #: the last PEP meeting that has happened: this one, else the previous one
    last_held: dt.date | None
    pep_type: str | None
    entered: dt.date | None
    born: dt.date | None
    initiated: dt.date | None
    emergency: bool | None
    calendar: TermCalendar


def _facts(pep: Mapping[str, Any], as_of: dt.date, settings: Settings) -> _Facts:
    meeting = date_at(pep, "meta.meeting_date")
    previous = date_at(pep, "meta.previous_pep_date")
    # A meeting dated after as_of (a form pre-populated for a coming meeting) has not happened
    # yet: the last PEP actually held is then the previous one.
    held = meeting if meeting is not None and meeting <= as_of else None
    last_held = held or (previous if previous is not None and previous <= as_of else None)
    emergency = get_path(pep, "care.emergency_entry")
    return _Facts(
        as_of=as_of,
        meeting=meeting,
        previous=previous,
        held=held,
        last_held=last_held,
        pep_type=text_at(pep, "meta.pep_type"),
        entered=date_at(pep, "care.date_became_looked_after"),
        born=date_at(pep, "child.date_of_birth"),
        initiated=date_at(pep, "meta.initiated_date"),
        emergency=emergency if isinstance(emergency, bool) else None,
        calendar=settings.calendar_for(
            text_at(pep, "education.urn"), text_at(pep, "care.host_authority")
        ),
    )


def check_timelines(
    pep: Mapping[str, Any], as_of: dt.date, settings: Settings
) -> tuple[list[Finding], list[Deadline]]:
    """Timeline findings for one PEP, and the deadlines still open on ``as_of``."""
    out = _Collector(settings)
    if not settings.rules_are_for_nation:
        out.add("TL099", "", nation=settings.nation)
    if text_at(pep, "care.legal_status") in SHORT_BREAK_STATUSES:
        out.add("TL040", "care.legal_status")
        return out.findings, out.deadlines

    facts = _facts(pep, as_of, settings)
    if facts.entered is not None and facts.entered > as_of:
        # Not looked after yet on that date: no PEP can be due.
        out.add("TL092", "care.date_became_looked_after", entered=facts.entered, as_of=as_of)
        return out.findings, out.deadlines
    if not _within_pep_years(facts, out, settings):
        return out.findings, out.deadlines
    if (
        facts.last_held is None and facts.pep_type != "initial"
        and (facts.meeting or facts.previous) is not None
    ):
        # A review PEP whose meetings all lie after as_of proves an earlier PEP but not when:
        # nothing can be called overdue on this record alone.
        out.add("TL091", "meta.meeting_date", as_of=as_of)
        _pathway_plan(pep, facts, out)
        return out.findings, out.deadlines

    start = _early_years_start(facts, out, settings)
    if start == "nothing_more_due":
        return out.findings, out.deadlines
    if start == "initial_pep":
        _initial(facts, out, settings)
    if facts.last_held is not None:
        _termly(facts, out, settings)
        for kind, path, rule_ids in _CHANGES:
            _change(pep, facts, out, settings, kind, path, rule_ids)
        _key_stage_4_move(pep, facts, out)
    _pathway_plan(pep, facts, out)
    return out.findings, out.deadlines


# ----------------------------------------------------------------------------- who needs a PEP


def _pep_end(born: dt.date, settings: Settings) -> dt.date:
    """The last day PEPs run for a young person: the end of the academic year of the 18th
    birthday, or the day before the birthday (settings ``post18.pep_until``)."""
    if settings.pep_until == "eighteenth_birthday":
        return add_years(born, ADULT_AGE) - dt.timedelta(days=1)
    return end_of_academic_year_turning(born, ADULT_AGE)


def _within_pep_years(facts: _Facts, out: _Collector, settings: Settings) -> bool:
    """Findings about a PEP held after the 18th birthday; ``False`` when PEPs have ended by
    ``as_of`` (then no deadline applies any more)."""
    if facts.born is None:
        return True
    eighteenth = add_years(facts.born, ADULT_AGE)
    until = _pep_end(facts.born, settings)
    if facts.meeting is not None and facts.meeting >= eighteenth:
        if facts.meeting > until:
            out.add("TL051", "meta.meeting_date", meeting=facts.meeting, until=until,
                    birthday=eighteenth)
        else:
            out.add("TL050", "child.date_of_birth", birthday=eighteenth, until=until)
    return facts.as_of <= until


def _first_deadline_from(
    start: dt.date, settings: Settings, calendar: TermCalendar
) -> dt.date:
    """The first termly review deadline on or after ``start``."""
    term = term_of(start, calendar)
    while True:
        due = settings.termly_deadline(calendar.year(term.academic_year), term.term)
        if due >= start:
            return due
        term = next_term(term)


_Start = Literal["initial_pep", "reviews_only", "nothing_more_due"]


def _early_years_start(facts: _Facts, out: _Collector, settings: Settings) -> _Start:
    """How a child's PEPs start, given the early-years starting age.

    ``initial_pep``: the usual initial PEP milestones apply (the child entered care at an age
    that needs a PEP, or the date of birth is not known). ``nothing_more_due``: PEPs have not
    started by ``as_of``, or the first one, due in the term they start, is still outstanding
    (its deadline is recorded here). ``reviews_only``: the child entered care before PEPs
    started and has had a PEP since: termly reviews follow as usual.
    """
    if facts.born is None:
        return "initial_pep"
    starts = early_years_pep_from(facts.born, settings.early_years_from_birthday)
    due = _first_deadline_from(starts, settings, facts.calendar)
    if facts.as_of < starts:
        out.add("TL060", "child.date_of_birth", age=settings.early_years_from_birthday,
                **{"from": starts})
        out.open("early_years_start", due, facts.as_of, "local_practice")
        return "nothing_more_due"
    if facts.entered is None or facts.entered >= starts:
        return "initial_pep"
    if facts.last_held is None or facts.last_held < starts:
        if out.open("early_years_start", due, facts.as_of, "local_practice"):
            out.add("TL061", "meta.meeting_date", due=due, **{"from": starts})
        return "nothing_more_due"
    return "reviews_only"


# ----------------------------------------------------------------------------- initial PEP

_HOW = {
    True: "10 working days after an emergency placement",
    False: "the day of the first placement, a planned entry",
    None: "10 working days after the first placement, the later reading while "
          "care.emergency_entry is empty",
}


def _initial(facts: _Facts, out: _Collector, settings: Settings) -> None:
    entered = facts.entered
    if entered is None:
        if facts.last_held is None or facts.pep_type == "initial":
            out.add("TL090", "care.date_became_looked_after", what="the initial PEP due date",
                    field="care.date_became_looked_after")
        return
    no_pep_yet = facts.last_held is None or facts.last_held < entered
    if not no_pep_yet and facts.pep_type != "initial":
        return  # a review PEP: the initial PEP is behind it and this record cannot date it
    dates = initial_pep_milestones(entered, facts.emergency, nation=settings.nation)
    care_plan_due = dates.care_plan_latest
    how = _HOW[facts.emergency]
    local_due = None
    if settings.initial_local_days is not None:
        local_due = add_days(entered, settings.initial_local_days, settings.initial_basis,
                             facts.calendar, settings.nation)
    if facts.emergency is None:
        out.add("TL007", "care.emergency_entry", entered=entered, due=care_plan_due)

    # A planned entry's PEP is started before the placement: a start date before entering
    # care is the expected case, not an error.
    started = facts.initiated
    # Milestone 1: the PEP started with the care plan.
    if started is not None and started <= facts.as_of:
        if started > care_plan_due:
            out.add("TL005", "meta.initiated_date", started=started, due=care_plan_due, how=how)
    elif no_pep_yet and facts.meeting is None:
        # Nothing recorded at all: no start date, no meeting held or arranged.
        if out.open("initial_care_plan", care_plan_due, facts.as_of, "statute"):
            out.add("TL004", "care.date_became_looked_after", due=care_plan_due, how=how)
    elif (
        facts.pep_type == "initial" and facts.meeting is not None
        and facts.meeting > care_plan_due and care_plan_due < facts.as_of
    ):
        # A PEP exists (its meeting is held or arranged) but when it was started is not known.
        out.add("TL006", "meta.initiated_date", due=care_plan_due, meeting=facts.meeting)

    # Milestone 2: the PEP ready for the first review of the care plan.
    statutory = dates.first_review_due
    statutory_facts = {"due": statutory, "entered": entered}
    earlier_local = local_due if local_due is not None and local_due < statutory else None
    local_facts = {"days": settings.initial_local_days, "basis": settings.initial_basis}
    if no_pep_yet:
        if out.open("initial", statutory, facts.as_of, "statute"):
            out.add("TL001", "care.date_became_looked_after", **statutory_facts)
            return
        if earlier_local is not None and out.open(
            "initial_local", earlier_local, facts.as_of, "local_practice"
        ):
            out.add("TL008", "care.date_became_looked_after", due=earlier_local,
                    statutory_due=statutory, **local_facts)
            return
        out.add("TL003", "care.date_became_looked_after", care_plan_due=care_plan_due,
                **statutory_facts)
    elif facts.held is not None and facts.pep_type == "initial":
        if facts.held > statutory:
            out.add("TL002", "meta.meeting_date", meeting=facts.held, **statutory_facts)
        elif earlier_local is not None and facts.held > earlier_local:
            out.add("TL009", "meta.meeting_date", meeting=facts.held, due=earlier_local,
                    **local_facts)


# ----------------------------------------------------------------------------- termly reviews


def _termly(facts: _Facts, out: _Collector, settings: Settings) -> None:
    assert facts.last_held is not None
    calendar = facts.calendar
    last = term_of(facts.last_held, calendar)
    year = calendar.year(last.academic_year)
    deadline = settings.termly_deadline(year, last.term)
    # An initial PEP runs to the entry deadline, not the term's: only reviews can be late here.
    if facts.held is not None and facts.pep_type != "initial" and facts.held > deadline:
        out.add("TL011", "meta.meeting_date", meeting=facts.held, term=last.term,
                year=last.academic_year, due=deadline)
    coming = next_term(last)
    coming_year = calendar.year(coming.academic_year)
    due = settings.termly_deadline(coming_year, coming.term)
    term_end = calendar.term_span(coming_year, coming.term)[1]
    if facts.born is not None and due > _pep_end(facts.born, settings):
        return  # PEPs end before the next term's review would be due
    described = {"term": coming.term, "year": coming.academic_year, "due": due}
    if term_end < facts.as_of:
        out.open("termly", due, facts.as_of, "statutory_guidance")
        out.add("TL010", "meta.meeting_date", term=coming.term, year=coming.academic_year,
                term_end=term_end, last_meeting=facts.last_held)
    elif out.open("termly", due, facts.as_of, "local_practice"):
        out.add("TL013", "meta.meeting_date", last_meeting=facts.last_held, term_end=term_end,
                **described)
    else:
        out.add("TL012", "meta.next_review_date", **described)


# ----------------------------------------------------------------------------- changes

_CHANGES: tuple[tuple[DueKind, str, tuple[str, str, str]], ...] = (
    ("school_change", "education.date_joined", ("TL020", "TL021", "TL022")),
    ("placement_change", "care.placement_start_date", ("TL025", "TL026", "TL027")),
)


def _change(
    pep: Mapping[str, Any],
    facts: _Facts,
    out: _Collector,
    settings: Settings,
    kind: DueKind,
    path: str,
    rule_ids: tuple[str, str, str],
) -> None:
    assert facts.last_held is not None
    changed = date_at(pep, path)
    # The first placement (or the school held on entering care) is no change: the initial PEP
    # covers it.
    if changed is None or (facts.entered is not None and changed <= facts.entered):
        return
    overdue_id, late_id, due_id = rule_ids
    due = add_days(
        changed, settings.change_review_days, settings.change_review_basis, facts.calendar,
        settings.nation,
    )
    if changed > facts.last_held:
        if out.open(kind, due, facts.as_of, "local_practice"):
            out.add(overdue_id, path, due=due, changed=changed)
        else:
            out.add(due_id, path, due=due, changed=changed)
    elif (
        facts.held is not None and facts.previous is not None
        and facts.previous < changed and facts.held > due
    ):
        # This meeting is the first since the change, and it came after the extra review's date.
        out.add(late_id, "meta.meeting_date", meeting=facts.held, due=due, changed=changed)


def _key_stage_4_move(pep: Mapping[str, Any], facts: _Facts, out: _Collector) -> None:
    """A placement change this PEP covers, made while the child was in Years 10-11."""
    changed = date_at(pep, "care.placement_start_date")
    if changed is None or changed > facts.as_of:
        return
    since = facts.previous or facts.entered
    if since is None or changed <= since:
        return
    if facts.entered is not None and changed <= facts.entered:
        return  # the first placement on entering care is no move
    group = year_group(facts.born, changed) if facts.born is not None else None
    group = group or text_at(pep, "education.ncy")
    if group in KEY_STAGE_4:
        out.add("TL028", "care.placement_start_date", changed=changed, ncy=group)


# ----------------------------------------------------------------------------- pathway plan


def _pathway_plan(pep: Mapping[str, Any], facts: _Facts, out: _Collector) -> None:
    if facts.born is None or facts.entered is None:
        return
    plan = pathway_plan_due(facts.born, [CarePeriod(facts.entered)])
    if plan is None:
        return
    # Remind from three months before eligibility (never before entering care) until 18.
    remind_from = max(add_months(plan.eligible_from, -3), facts.entered)
    if not remind_from <= facts.as_of < add_years(facts.born, ADULT_AGE):
        return
    if any(text_at(linked, "type") == "PATHWAY" for linked in items_at(pep, "linked_plans")):
        return
    became = (
        "the 16th birthday" if plan.eligible_on_sixteenth_birthday
        else "13 weeks looked after since age 14, completed after 16"
    )
    described = {"due": plan.due, "eligible": plan.eligible_from, "became": became}
    if out.open("pathway_plan", plan.due, facts.as_of, "statute"):
        out.add("TL030", "linked_plans", **described)
    else:
        out.add("TL031", "linked_plans", **described)
