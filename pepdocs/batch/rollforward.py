"""Roll a child's PEP forward: last term's PEP plus today's roster row -> next term's draft.

The rules (docs/scaling.md and the CLI help say the same):

* the previous PEP is matched by LA child id, else by UPN; several PEPs of one child: the one
  with the latest meeting date;
* child, care and education details are carried over, except attendance figures (they belong
  to last term's period; a stale percentage pre-filled would read as current) and exclusions
  of another academic year: the education section's exclusions are "this academic year", so
  a draft for a new academic year keeps only those dated in it (undated ones stay within the
  same year, and are dropped, with a warning, across years);
* last term's targets become ``previous_targets`` with no outcome yet (the meeting records
  met / partly met / not met);
* the roster wins wherever it has a value (it is the case-management system's current
  record), except a placement that started *before* the one the previous PEP records: then the
  PEP's placement is newer and kept;
* term and academic year, as :func:`pepdocs.compliance.calendar.term_of` defines them (a
  date in August is the summer term of its academic year): the term of the meeting date when
  one is known; otherwise the later
  of the current term and the term after the previous PEP's; ``pep_type`` is ``review`` when a
  previous PEP exists; ``next_review_date`` is set from the meeting date;
* crossing into a new academic year moves a carried year group up one (Year 6 -> 7), unless
  the roster gives the year group.

Everything here is a pure function of its arguments (``today`` is passed in), so a record's
result depends on the roster row, the previous PEP and the options only.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pepdocs._io import read_json_file
from pepdocs.compliance.calendar import TERM_NAMES, SchoolTerm, TermCalendar, next_term, term_of
from pepdocs.errors import PepdocsError
from pepdocs.model.paths import get_path, set_path
from pepdocs.model.years import academic_year_bounds, academic_year_of, first_calendar_year

__all__ = [
    "TERMS",
    "PreviousPeps",
    "advance_ncy",
    "index_previous",
    "next_review_date",
    "phase_for_ncy",
    "roll_forward",
]

TERMS = TERM_NAMES

#: Placement fields that move together: a newer placement in the PEP keeps all of them.
_PLACEMENT = ("care.placement_type", "care.placement_start_date", "care.carer")
#: ``meta`` fields the roster may set; the rest of ``meta`` is planned here.
_ROSTER_META = ("meta.pep_type", "meta.meeting_date")
_NCY_NEXT = {"E1": "E2", "E2": "N1", "N1": "N2", "N2": "R", "R": "1", "14": "14", "X": "X"}
_NCY_NEXT.update({str(year): str(year + 1) for year in range(1, 14)})
#: a review is due about a term after the meeting; PEP windows are termly (docs/sources.md)
REVIEW_AFTER = dt.timedelta(weeks=12)


def _first_year(year: object) -> int | None:
    """``"2025-26"`` -> 2025; None for anything else (a previous PEP may be hand-made)."""
    if not isinstance(year, str):
        return None
    try:
        return first_calendar_year(year)
    except ValueError:
        return None


def _order(term: SchoolTerm) -> int:
    return first_calendar_year(term.academic_year) * 3 + TERMS.index(term.term)


def next_review_date(meeting: dt.date) -> dt.date:
    """About a term after ``meeting``, on a weekday, and never in the summer holiday (then the
    middle of September, when autumn reviews start)."""
    review = meeting + REVIEW_AFTER
    if (review.month, review.day) >= (7, 21) and review.month <= 8:
        review = dt.date(review.year, 9, 15)
    while review.weekday() >= 5:
        review += dt.timedelta(days=1)
    return review


def advance_ncy(ncy: str, years: int) -> str:
    """A year group ``years`` academic years later (``X``, not following the national
    curriculum, stays)."""
    for _ in range(max(years, 0)):
        ncy = _NCY_NEXT.get(ncy, ncy)
    return ncy


def phase_for_ncy(ncy: str | None) -> str | None:
    """The phase a year group belongs to; Reception and ``X`` fit several, so None."""
    if ncy in ("E1", "E2", "N1", "N2"):
        return "early_years"
    if ncy is not None and ncy.isdigit():
        return "school_age" if int(ncy) <= 11 else "post16"
    return None


# --- the previous PEPs -----------------------------------------------------------------------


@dataclass(slots=True)
class PreviousPeps:
    """Where each child's latest previous PEP is: by LA child id and by UPN, paths only (the
    PEPs themselves are read when their child's row comes up)."""

    by_id: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_upn: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: files that could not be used, one line each (file name and reason, no values)
    skipped: list[str] = field(default_factory=list)

    def find(self, la_child_id: str | None, upn: str | None) -> str | None:
        """The previous PEP's path: by LA child id, else by UPN."""
        if la_child_id and la_child_id in self.by_id:
            return self.by_id[la_child_id][1]
        if upn and upn.upper() in self.by_upn:
            return self.by_upn[upn.upper()][1]
        return None

    def __len__(self) -> int:
        return len({path for _, path in (*self.by_id.values(), *self.by_upn.values())})


def _keep_latest(index: dict[str, tuple[str, str]], key: str, meeting: str, path: str) -> None:
    held = index.get(key)
    if held is None or (meeting, path) > held:
        index[key] = (meeting, path)


def index_previous(folders: Iterable[str | os.PathLike[str]]) -> PreviousPeps:
    """Index the PEP JSON files (``*.json``, not recursive) in ``folders``."""
    found = PreviousPeps()
    for folder in folders:
        directory = Path(folder)
        if not directory.is_dir():
            raise PepdocsError(f"{directory}: --previous must be a folder of PEP JSON files")
        for path in sorted(directory.glob("*.json")):
            try:
                data = read_json_file(path)
            except PepdocsError as problem:
                found.skipped.append(str(problem))
                continue
            child = data.get("child") if isinstance(data, dict) else None
            meta = data.get("meta") if isinstance(data, dict) else None
            if not isinstance(child, dict):
                found.skipped.append(f"{path}: not a PEP (no child section)")
                continue
            meeting = meta.get("meeting_date") if isinstance(meta, dict) else None
            meeting_text = meeting if isinstance(meeting, str) else ""
            la_child_id, upn = child.get("la_child_id"), child.get("upn")
            if isinstance(la_child_id, str) and la_child_id.strip():
                _keep_latest(found.by_id, la_child_id.strip(), meeting_text, str(path))
            if isinstance(upn, str) and upn.strip():
                _keep_latest(found.by_upn, upn.strip().upper(), meeting_text, str(path))
    return found


# --- rolling forward -------------------------------------------------------------------------


def _copy_json(value: Any) -> Any:
    """A copy of JSON data (dicts, lists, scalars): ``copy.deepcopy`` without its memo and
    dispatch, which cost more than the rest of a roll-forward."""
    if isinstance(value, dict):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


def _previous_year(previous: Mapping[str, Any]) -> str | None:
    """The academic year of the previous PEP: its ``meta.academic_year``, else the year of its
    meeting date."""
    year = get_path(previous, "meta.academic_year")
    if _first_year(year) is not None:
        return str(year)
    meeting = get_path(previous, "meta.meeting_date")
    try:
        day = dt.date.fromisoformat(meeting) if isinstance(meeting, str) else None
    except ValueError:
        return None
    return academic_year_of(day) if day is not None else None


def _this_year_only(
    exclusions: list[Any], year: str, same_year: bool, warnings: list[str]
) -> list[Any]:
    """The exclusions that belong in ``year``'s "this academic year" table.

    An exclusion dated in another academic year is last year's record, not this year's. An
    undated one stays while the PEP stays in the same academic year; across a new year it
    cannot be placed, so it is not carried either (and a warning says how many).
    """
    first, last = academic_year_bounds(year)
    kept: list[Any] = []
    undated = dated_elsewhere = 0
    for exclusion in exclusions:
        start = exclusion.get("start_date") if isinstance(exclusion, Mapping) else None
        try:
            day = dt.date.fromisoformat(start) if isinstance(start, str) else None
        except ValueError:
            day = None
        if day is None:
            if same_year:
                kept.append(exclusion)
            else:
                undated += 1
        elif first <= day <= last:
            kept.append(exclusion)
        else:
            dated_elsewhere += 1
    if dated_elsewhere:
        warnings.append(
            f"{dated_elsewhere} exclusion(s) of another academic year not carried into {year}"
        )
    if undated:
        warnings.append(
            f"{undated} undated exclusion(s) of the previous academic year not carried into {year}"
        )
    return kept


def _carried(
    previous: Mapping[str, Any], year: str, warnings: list[str]
) -> dict[str, Any]:
    pep: dict[str, Any] = {}
    for section in ("child", "care", "education"):
        value = previous.get(section)
        if isinstance(value, Mapping):
            pep[section] = _copy_json(dict(value))
    education = pep.get("education")
    if isinstance(education, dict):
        # Attendance belongs to last term's period; a stale percentage would read as current.
        education.pop("attendance", None)
        exclusions = education.get("exclusions")
        if isinstance(exclusions, list):
            same_year = _previous_year(previous) == year
            kept = _this_year_only(exclusions, year, same_year, warnings)
            if kept:
                education["exclusions"] = kept
            else:
                education.pop("exclusions")
    targets = previous.get("targets")
    if isinstance(targets, list):
        carried = [
            {"description": target["description"]}
            for target in targets
            if isinstance(target, Mapping) and target.get("description")
        ]
        if carried:
            pep["previous_targets"] = carried
    return pep


def _plan_term(
    meeting: dt.date | None,
    today: dt.date,
    previous_meta: Mapping[str, Any],
    calendar: TermCalendar | None,
) -> SchoolTerm:
    if meeting is not None:
        return term_of(meeting, calendar)
    current = term_of(today, calendar)
    year, term = previous_meta.get("academic_year"), previous_meta.get("term")
    if isinstance(year, str) and _first_year(year) is not None and term in TERMS:
        after = next_term(SchoolTerm(year, term))
        if _order(after) > _order(current):
            return after
    return current


def roll_forward(
    roster_values: Mapping[str, Any],
    previous: Mapping[str, Any] | None,
    *,
    today: dt.date,
    meeting_date: dt.date | None = None,
    calendar: TermCalendar | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Next term's draft PEP for one child, and warnings (no values in them).

    ``roster_values`` are the row's canonical values by model path (``child.upn``...);
    ``previous`` a loaded previous PEP or None; ``meeting_date`` (the ``--meeting-date``
    option) is overridden by a meeting date in the row. ``meta.authority`` and ``meta.phase``
    are the row's, else the previous PEP's; the phase may still be None (the caller picks the
    authority's form). ``calendar`` gives the authority's term dates (the default pattern
    when ``None``) for telling which term a date is in.
    """
    warnings: list[str] = []
    previous_meta: Mapping[str, Any] = (
        previous.get("meta") or {} if previous and isinstance(previous.get("meta"), Mapping) else {}
    )
    roster_meeting = roster_values.get("meta.meeting_date")
    meeting = dt.date.fromisoformat(roster_meeting) if roster_meeting else meeting_date
    year, term = _plan_term(meeting, today, previous_meta, calendar)
    pep: dict[str, Any] = _carried(previous, year, warnings) if previous else {}
    pep.setdefault("child", {})

    keep_placement = False
    if previous is not None:
        ours = get_path(previous, "care.placement_start_date")
        theirs = roster_values.get("care.placement_start_date")
        if isinstance(ours, str) and isinstance(theirs, str) and ours > theirs:
            keep_placement = True
            warnings.append(
                "the previous PEP records a later placement than the roster; its placement kept"
            )
        roster_upn = roster_values.get("child.upn")
        carried_upn = get_path(previous, "child.upn")
        if roster_upn and carried_upn and str(carried_upn).upper() != roster_upn:
            warnings.append("child.upn differs from the previous PEP; the roster's is used")

    for path, value in roster_values.items():
        if path.startswith("meta.") and path not in _ROSTER_META:
            continue
        if keep_placement and path.startswith(_PLACEMENT):
            continue
        set_path(pep, path, value)

    meta: dict[str, Any] = {
        "authority": roster_values.get("meta.authority") or previous_meta.get("authority"),
        "phase": None,
        "pep_type": roster_values.get("meta.pep_type") or ("review" if previous else None),
        "academic_year": year,
        "term": term,
        "status": "draft",
    }
    if meeting is not None:
        meta["meeting_date"] = meeting.isoformat()
        meta["next_review_date"] = next_review_date(meeting).isoformat()
    previous_meeting = previous_meta.get("meeting_date")
    if isinstance(previous_meeting, str):
        if meeting is None or previous_meeting < meeting.isoformat():
            meta["previous_pep_date"] = previous_meeting
        else:
            warnings.append("the previous PEP's meeting is not before this meeting date")

    # A carried year group moves up with the academic year; the roster's is current already.
    previous_year = _first_year(previous_meta.get("academic_year"))
    carried_ncy = get_path(pep, "education.ncy")
    if (
        previous is not None
        and "education.ncy" not in roster_values
        and isinstance(carried_ncy, str)
        and previous_year is not None
    ):
        moved = first_calendar_year(year) - previous_year
        if moved > 0:
            pep["education"]["ncy"] = advance_ncy(carried_ncy, moved)

    ncy = get_path(pep, "education.ncy")
    previous_phase = previous_meta.get("phase")
    phase = roster_values.get("meta.phase") or phase_for_ncy(ncy)
    if phase is None and isinstance(previous_phase, str):
        phase = previous_phase
    meta["phase"] = phase
    pep["meta"] = {key: value for key, value in meta.items() if value is not None}
    return pep, warnings
