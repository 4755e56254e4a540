"""Chaining a child's 903 episodes into periods of care.

The return records a new episode whenever a looked-after child's legal status or placement
changes; the reason for new episode (RNE) says which: ``S`` started to be looked after, ``L``
legal status changed, ``P`` placement and carers changed, ``T`` placement changed with the
same carers, ``B`` legal status and placement and carers changed, ``U`` legal status and
placement changed with the same carers. An episode that is followed by another on the same
day ends with reason ``X1``; any other reason episode ceased ends the period of care.

The rules, in order, for each episode after a child's first (by start date):

1. RNE ``S`` starts a new period.
2. The previous episode ended the period (a reason ceased other than ``X1``): a new period
   starts, whatever the RNE says (the data contradicts itself; noted).
3. Otherwise the episode continues the period (L, P, T, B, U). A gap after an ``X1`` end
   (an episode missing from the export) or an overlap is noted; an episode left open although
   a later one follows is taken to end where the next begins (noted).

A period's start is *known* when it begins with RNE ``S`` or follows a period that ended in
the data; a child's first period beginning with another reason started before the export's
first episode, and its start is the earliest date the export shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from pepdocs.ssda903 import Episode

__all__ = [
    "CONTINUING_EPISODE",
    "EMERGENCY_STATUSES",
    "PLACEMENT_CHANGES",
    "REMAND_STATUSES",
    "STARTED",
    "TEMPORARY_PLACEMENTS",
    "PeriodOfCare",
    "periods_of_care",
]

#: RNE: started to be looked after; every other reason continues a period
STARTED = "S"
#: RNE values that record a change of placement (P, T, B, U; L changes legal status only)
PLACEMENT_CHANGES = frozenset({"P", "T", "B", "U"})
#: REC: the episode ceases and a new one begins the same day
CONTINUING_EPISODE = "X1"
#: legal statuses of an emergency entry: police protection, emergency protection order,
#: child assessment order
EMERGENCY_STATUSES = frozenset({"L1", "L2", "L3"})
#: youth justice legal statuses: remanded (J1), detained under PACE (J2), sentenced to a
#: youth rehabilitation order with a residence or fostering requirement (J3)
REMAND_STATUSES = frozenset({"J1", "J2", "J3"})
#: temporary placements (hospital, holiday, respite while carers are away, 7 days or less):
#: the child returns to their placement afterwards
TEMPORARY_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "T4"})


@dataclass(frozen=True, slots=True)
class PeriodOfCare:
    """A continuous period of being looked after: its episodes in order."""

    child_id: str
    episodes: tuple[Episode, ...]
    #: False when the period began before the export's first episode
    start_known: bool
    #: what the chaining had to assume, each naming the row (no values)
    notes: tuple[str, ...] = ()

    @property
    def start(self) -> dt.date:
        return self.episodes[0].start

    @property
    def end(self) -> dt.date | None:
        """The day the period ended (the last episode's end), or None while it is open."""
        return self.episodes[-1].end

    def covers(self, day: dt.date) -> bool:
        return any(episode.covers(day) for episode in self.episodes)

    def episodes_to(self, day: dt.date) -> tuple[Episode, ...]:
        """The episodes begun on or before ``day``."""
        return tuple(episode for episode in self.episodes if episode.start <= day)


def _ended_period(episode: Episode) -> bool:
    return (
        episode.end is not None
        and episode.reason_ended is not None
        and episode.reason_ended != CONTINUING_EPISODE
    )


def periods_of_care(episodes: Sequence[Episode]) -> list[PeriodOfCare]:
    """One child's episodes (sorted by start, as :func:`pepdocs.ssda903.load_903` keeps
    them) chained into periods of care, earliest first; see the module docstring."""
    if not episodes:
        return []
    periods: list[PeriodOfCare] = []
    current: list[Episode] = [episodes[0]]
    notes: list[str] = []
    known = episodes[0].reason_new == STARTED

    def close() -> None:
        periods.append(PeriodOfCare(episodes[0].child_id, tuple(current), known, tuple(notes)))

    for episode in episodes[1:]:
        previous = current[-1]
        if previous.end is None or previous.end > episode.start:
            # open although a later episode follows, or overlapping it: it ends where the
            # next begins
            what = "is open" if previous.end is None else "overlaps the next episode"
            notes.append(f"{previous.source}: episode {what}; taken to end on the next one's start")
            current[-1] = previous = dataclasses.replace(previous, end=episode.start)
        if episode.reason_new == STARTED or _ended_period(previous):
            close()
            current, notes, known = [episode], [], True
            if episode.reason_new != STARTED:
                notes.append(
                    f"{episode.source}: the reason for new episode continues a period, but "
                    "the previous episode ended it; taken as a new period"
                )
            continue
        if previous.end is not None and previous.end < episode.start:
            notes.append(
                f"{episode.source}: starts after the previous episode ended (an episode "
                "missing?); taken to continue the period"
            )
        current.append(episode)
    close()
    return periods
