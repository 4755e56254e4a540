"""The cohort: the children looked after on a date, as the 903 export records them.

For each child with an episode covering ``as_of`` (from its start up to the day before its
end), :func:`looked_after_on` gives the current period of care (:mod:`.periods`) and what a
Virtual School plans PEPs from: when the period began and whether the entry was an emergency,
the current legal status and placement, the placement moves in this period, short breaks,
remand and UASC status, age, year group by age and PEP phase, and the statutory reviews held.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from pepdocs.cohort.periods import (
    EMERGENCY_STATUSES,
    PLACEMENT_CHANGES,
    REMAND_STATUSES,
    TEMPORARY_PLACEMENTS,
    PeriodOfCare,
    periods_of_care,
)
from pepdocs.compliance import (
    Settings,
    early_years_pep_from,
    initial_pep_milestones,
    load_settings,
    next_care_review,
    year_group,
)
from pepdocs.compliance.calendar import age_on
from pepdocs.compliance.timelines import SHORT_BREAK_STATUSES
from pepdocs.ssda903 import Episode, Return903, collection_year_of, load_903

__all__ = [
    "Cohort",
    "CohortChild",
    "load_cohort",
    "looked_after_on",
    "pep_phase",
]

#: a looked-after child is under 18: the period of care ends on the 18th birthday
_LEAVING_AGE = 18
_EARLY_YEARS = frozenset({"E1", "E2", "N1", "N2"})
_POST_16 = frozenset({"12", "13", "14"})


def pep_phase(year_group: str | None) -> str | None:
    """The PEP form a year group calls for: ``early_years`` (E1, E2, N1, N2), ``school_age``
    (Reception to Year 11), ``post16`` (Years 12 to 14); None for none (or ``X``)."""
    if year_group in _EARLY_YEARS:
        return "early_years"
    if year_group in _POST_16:
        return "post16"
    if year_group == "R" or (year_group is not None and year_group.isdigit()):
        return "school_age"
    return None


@dataclass(frozen=True, slots=True)
class CohortChild:
    """One looked-after child on the cohort's date; codes are the 903's own."""

    child_id: str
    upn: str | None
    sex: str | None
    ethnicity: str | None
    date_of_birth: dt.date | None
    age: int | None
    #: national curriculum year by age (a people file's recorded year group overrides it)
    year_group: str | None
    phase: str | None
    period_start: dt.date
    #: False when the period began before the export's first episode (then
    #: ``period_start`` is the earliest date the export shows)
    period_start_known: bool
    #: True when the period began under L1, L2 or L3; None when that is not known (another
    #: legal status may still have been an unplanned entry: the 903 does not say)
    emergency_entry: bool | None
    entry_legal_status: str | None
    legal_status: str | None
    placement_type: str | None
    placement_provider: str | None
    #: the placement's Ofsted URN (not the school's)
    placement_urn: str | None
    placement_start: dt.date
    #: placements changed in this period (temporary placements and the return from one to
    #: the same placement are not moves)
    placement_moves: int
    last_placement_move: dt.date | None
    short_breaks_only: bool
    on_remand: bool
    uasc: bool
    reviews: tuple[dt.date, ...]
    #: the next statutory review of the child's case (reg 33) after the reviews held, which
    #: may be overdue; None when the period's start is not known
    next_review: dt.date | None
    sdq_score: int | None
    #: why no PEP is made for this child ("" when one is)
    no_pep_reason: str
    #: what reading the child's data had to assume or could not use (rows, never values)
    notes: tuple[str, ...] = ()

    @property
    def needs_pep(self) -> bool:
        return not self.no_pep_reason

    @property
    def last_review(self) -> dt.date | None:
        return self.reviews[-1] if self.reviews else None

    @property
    def number_of_placements(self) -> int:
        return self.placement_moves + 1


@dataclass(slots=True)
class Cohort:
    """The children looked after on ``as_of``, by 903 child id."""

    as_of: dt.date
    children: list[CohortChild]
    source: Return903
    notes: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[CohortChild]:
        return iter(self.children)

    def __len__(self) -> int:
        return len(self.children)

    def get(self, child_id: str) -> CohortChild | None:
        """The child with 903 id ``child_id``, or None when not looked after on the date."""
        return next((child for child in self.children if child.child_id == child_id), None)


def _same_placement(one: Episode, other: Episode) -> bool:
    return (one.placement, one.placement_urn, one.provider) == (
        other.placement,
        other.placement_urn,
        other.provider,
    )


def _placements(period: PeriodOfCare, as_of: dt.date) -> tuple[dt.date, int, dt.date | None]:
    """The current placement's start, the moves in the period, and the last move's date.

    A move is a new episode whose reason records a placement change (P, T, B, U), except a
    move into a temporary placement (T0-T4) and a return from one to the placement the child
    left for it.
    """
    episodes = period.episodes_to(as_of)
    placement_start = settled_start = episodes[0].start
    moves = 0
    last_move: dt.date | None = None
    settled = episodes[0]  # the last placement that was not temporary
    for episode in episodes[1:]:
        if episode.reason_new not in PLACEMENT_CHANGES:
            continue  # a legal-status change (L) keeps the placement and its start
        if episode.placement in TEMPORARY_PLACEMENTS:
            placement_start = episode.start
            continue
        if _same_placement(episode, settled):
            # back from a temporary placement to the one left for it: the same placement
            placement_start = settled_start
            continue
        moves += 1
        placement_start = settled_start = last_move = episode.start
        settled = episode
    return placement_start, moves, last_move


def _child(
    data: Return903,
    child_id: str,
    period: PeriodOfCare,
    as_of: dt.date,
    settings: Settings,
    problems: list[str],
    sdq_scores: dict[str, int],
    reviews_from: dt.date | None,
) -> CohortChild:
    header = data.children.get(child_id)
    born = header.date_of_birth if header is not None else None
    age = age_on(born, as_of) if born is not None else None
    group = year_group(born, as_of) if born is not None else None
    episodes = period.episodes_to(as_of)
    current = episodes[-1]
    first = period.episodes[0]
    placement_start, moves, last_move = _placements(period, as_of)
    short_breaks = all(episode.legal_status in SHORT_BREAK_STATUSES for episode in episodes)
    uasc = data.uasc.get(child_id)
    reviews = tuple(
        review.date
        for review in data.reviews.get(child_id, ())
        if period.start <= review.date <= as_of
    )
    next_review = None
    notes: list[str] = []
    if period.start_known:
        # A year's return holds that year's reviews only. When the export's reviews begin
        # after this period's first review was due, earlier ones may be missing and the
        # held ones cannot be numbered; then each is taken as held on time, as for a PEP
        # that records none.
        first_due = initial_pep_milestones(period.start, None, nation=settings.nation)
        complete = reviews_from is not None and reviews_from <= first_due.first_review_due
        if not complete and reviews:
            notes.append(
                "the export's reviews begin after this period's first review was due: the "
                "next review is counted as if each earlier one was held on time"
            )
        held = reviews if complete else None
        next_review = next_care_review(period.start, as_of, held, nation=settings.nation).due
    sdq = sdq_scores.get(child_id)
    phase = pep_phase(group)
    reason = ""
    if short_breaks:
        reason = "short breaks only (V3/V4): no full PEP"
    elif born is None:
        reason = "no date of birth in the header file"
    elif age is not None and age >= _LEAVING_AGE:
        reason = "aged 18 or over (looked after until the 18th birthday)"
    else:
        starts = early_years_pep_from(born, settings.early_years_from_birthday)
        if as_of < starts:
            reason = f"early-years PEPs start on {starts.isoformat()}"
    return CohortChild(
        child_id=child_id,
        upn=header.upn if header is not None else None,
        sex=header.sex if header is not None else None,
        ethnicity=header.ethnicity if header is not None else None,
        date_of_birth=born,
        age=age,
        year_group=group,
        phase=phase,
        period_start=period.start,
        period_start_known=period.start_known,
        emergency_entry=(
            True if period.start_known and first.legal_status in EMERGENCY_STATUSES else None
        ),
        entry_legal_status=first.legal_status if period.start_known else None,
        legal_status=current.legal_status,
        placement_type=current.placement,
        placement_provider=current.provider,
        placement_urn=current.placement_urn,
        placement_start=placement_start,
        placement_moves=moves,
        last_placement_move=last_move,
        short_breaks_only=short_breaks,
        on_remand=current.legal_status in REMAND_STATUSES,
        uasc=uasc is not None and uasc.on(as_of),
        reviews=reviews,
        next_review=next_review,
        sdq_score=sdq,
        no_pep_reason=reason,
        notes=(*period.notes, *notes, *problems),
    )


def _id_order(child_id: str) -> tuple[int, str]:
    # 903 ids are usually numbers of varying length: "92296" before "566910"
    return (len(child_id), child_id) if child_id.isdigit() else (10**6, child_id)


def looked_after_on(
    data: Return903, as_of: dt.date, *, settings: Settings | None = None
) -> Cohort:
    """The children an export shows looked after on ``as_of``, with their current period of
    care; see the module docstring. ``settings`` (the authority's compliance settings; the
    defaults when None) say from when early-years PEPs start and whose bank holidays count
    for review dates. Pure: reads ``data``, changes nothing."""
    rules = settings if settings is not None else load_settings()
    problems: dict[str, list[str]] = {}
    for problem in data.problems:
        if problem.child_id is not None:
            problems.setdefault(problem.child_id, []).append(str(problem))
    # OC2 holds the SDQ score of the return's year (a later file's row wins)
    sdq_scores = {
        record.child_id: record.values["SDQ_SCORE"]
        for record in data.other.get("oc2", ())
        if isinstance(record.values.get("SDQ_SCORE"), int)
    }
    reviews_from = min(
        (reviews[0].date for reviews in data.reviews.values() if reviews), default=None
    )
    children: list[CohortChild] = []
    for child_id, episodes in data.episodes.items():
        for period in periods_of_care(episodes):
            if period.covers(as_of):
                children.append(
                    _child(
                        data,
                        child_id,
                        period,
                        as_of,
                        rules,
                        problems.get(child_id, []),
                        sdq_scores,
                        reviews_from,
                    )
                )
                break
    children.sort(key=lambda child: _id_order(child.child_id))
    cohort = Cohort(as_of, children, data)
    # An export records up to the day it was made: an as-of date in a later collection year
    # than the latest date recorded means an old export, whose open episodes may have ended.
    if data.latest_date is not None and collection_year_of(as_of) > collection_year_of(
        data.latest_date
    ):
        cohort.notes.append(
            f"{as_of.isoformat()} is in a later collection year than the latest date the "
            f"episodes record ({data.latest_date.isoformat()}): episodes open in the export "
            "are taken to be open still"
        )
    return cohort


def load_cohort(
    path: str | os.PathLike[str],
    as_of: dt.date,
    *,
    collection_year: str | None = None,
    settings: Settings | None = None,
) -> Cohort:
    """Read a 903 export (:func:`pepdocs.ssda903.load_903`) and give its cohort on ``as_of``;
    the export's problems are in ``cohort.source.problems``."""
    return looked_after_on(
        load_903(path, collection_year=collection_year), as_of, settings=settings
    )
