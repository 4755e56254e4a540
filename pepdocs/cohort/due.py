"""Who needs which PEP by when, from the 903 export: the cohort's facts judged by the very
rules ``check`` and ``due`` apply (:func:`pepdocs.compliance.due_schedule`), not a copy.

Each child the cohort says needs a PEP becomes a PEP-shaped record: the 903's facts (date
of birth, when the period of care began and whether in an emergency, legal status, the
last placement move), the child's latest PEP on record when a folder of PEPs is given (its
meeting dates, PEP type, linked plans, school and date joined), and the people file's school
and date joined (newer than a PEP's). ``due_schedule`` then gives each child's most pressing
deadline: the initial PEP's milestones, a review after a placement or school move, the
termly review, a Pathway Plan, the start of early-years PEPs. Beside it: the next statutory
review of the child's case (counted from the reviews the export records as held, by
:func:`pepdocs.compliance.next_care_review`) and the 18th birthday, when the child leaves
care, if it falls within a year.

A child with no PEP on record is judged as the rules judge any record without a meeting:
the initial PEP is outstanding. Without a folder of PEPs that is every child, so give one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pepdocs._io import read_json_file
from pepdocs.batch.rollforward import index_previous
from pepdocs.cohort.cohort import Cohort, CohortChild
from pepdocs.cohort.people import People
from pepdocs.cohort.prefill import cohort_values
from pepdocs.compliance import DueItem, due_schedule
from pepdocs.compliance.calendar import add_years, age_on
from pepdocs.compliance.settings import Settings
from pepdocs.errors import PepdocsError
from pepdocs.model.paths import get_path, set_path

__all__ = ["CohortDue", "cohort_due"]

#: what a PEP on record brings to the record judged (the 903 brings the rest)
_FROM_PEP = (
    "meta.authority",
    "meta.pep_type",
    "meta.meeting_date",
    "meta.previous_pep_date",
    "meta.next_review_date",
    "child.first_name",
    "child.last_name",
    "child.preferred_name",
    # kept when the export's first episode is later than the period's start (then the 903
    # does not know when the child became looked after)
    "care.date_became_looked_after",
    "care.emergency_entry",
    "education.setting_name",
    "education.date_joined",
    "linked_plans",
)
#: what the people file brings (it is the Virtual School's current list)
_FROM_PEOPLE = (
    "meta.authority",
    "child.first_name",
    "child.last_name",
    "child.preferred_name",
    "education.setting_name",
    "education.date_joined",
)
_LEAVING_AGE = 18


@dataclass(frozen=True, slots=True)
class CohortDue:
    """A child's most pressing deadline (``item``, as ``due`` gives it), the cohort facts it
    rests on, the PEP on record used (None: none found) and the 18th birthday when it falls
    within a year of the date."""

    item: DueItem
    child: CohortChild
    pep_on_record: str | None
    leaves_care: dt.date | None


def _record(
    child: CohortChild,
    previous: Mapping[str, Any] | None,
    person: Mapping[str, Any] | None,
    authority: str | None,
) -> dict[str, Any]:
    record: dict[str, Any] = {"meta": {}, "child": {}}
    for path in _FROM_PEP:
        value = get_path(previous, path) if previous is not None else None
        if value is not None:
            set_path(record, path, value)
    values, _ = cohort_values(child)
    # The review after a placement move runs from the last move the export shows (a stay in
    # hospital or on holiday is no move); no move: the period's start, which is no change.
    values["care.placement_start_date"] = (
        child.last_placement_move or child.period_start
    ).isoformat()
    for path, value in values.items():
        set_path(record, path, value)
    for path in _FROM_PEOPLE:
        value = person.get(path) if person is not None else None
        if value is not None:
            set_path(record, path, value)
    if authority and not get_path(record, "meta.authority"):
        set_path(record, "meta.authority", authority)
    return record


def cohort_due(
    cohort: Cohort,
    *,
    peps: Iterable[str | os.PathLike[str]] = (),
    people: People | None = None,
    authority: str | None = None,
    settings: Settings | None = None,
    notes: list[str] | None = None,
) -> list[CohortDue]:
    """Each child needing a PEP with their most pressing deadline on ``cohort.as_of``, in
    ``due``'s order (overdue first); see the module docstring. ``peps`` are folders of PEP
    JSON files (the latest of each child, matched by LA child id, else UPN, is used);
    ``authority`` names the settings for records that say none. Files that could not be
    used are added to ``notes``."""
    found_notes = notes if notes is not None else []
    previous = index_previous(peps)
    found_notes.extend(previous.skipped)
    pairs: list[tuple[str, dict[str, Any]]] = []
    by_id: dict[str, tuple[CohortChild, str | None]] = {}
    for child in cohort.children:
        if not child.needs_pep:
            continue
        path = previous.find(child.child_id, child.upn)
        pep: Mapping[str, Any] | None = None
        if path is not None:
            try:
                data = read_json_file(path)
            except PepdocsError as problem:
                found_notes.append(str(problem))
            else:
                pep = data if isinstance(data, Mapping) else None
        person = people.get(child.child_id) if people is not None else None
        record = _record(child, pep, person.values if person else None, authority)
        source = path if pep is not None and path is not None else None
        pairs.append((source or "903", record))
        by_id[child.child_id] = (child, source)
    items = due_schedule(pairs, cohort.as_of, settings)
    result: list[CohortDue] = []
    for item in items:
        child, source = by_id[item.la_child_id]
        leaves = None
        if child.date_of_birth is not None:
            eighteenth = add_years(child.date_of_birth, _LEAVING_AGE)
            if age_on(child.date_of_birth, cohort.as_of) >= _LEAVING_AGE - 1:
                leaves = eighteenth
        if child.next_review is not None and item.status != "exempt":
            # the export knows the reviews held: the next one counts from them, where a PEP
            # alone must assume each was held on its due date
            item = dataclasses.replace(item, care_review=child.next_review)
        result.append(CohortDue(item, child, source, leaves))
    return result
