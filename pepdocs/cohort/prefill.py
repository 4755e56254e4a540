"""A term's pre-filled forms from the 903 export: the cohort, joined to the people file,
becomes roster rows that the batch runner makes forms from (merging an attendance export
when it is given one).

Who gets a form: every child the cohort says needs a PEP on the date (looked after, aged 2
to 17, not on short breaks only). Each row holds what the 903 knows (date of birth, UPN, sex,
ethnicity, legal status, date the period of care began and whether it was an emergency,
placement type and start, number of placements, year group by age, SDQ score) and what the
people file adds (names, school, designated teacher, social worker, carer ...). For what
both hold the 903 wins (it is the case-management record) and a difference is noted; a year
group the people file records wins over the year group by age (a child may be taught out
of their age group). A child missing from the people file still gets a form, from the 903
alone, and is reported; a people-file row for a child the cohort does not hold is reported.

``from-903.csv`` in the output folder lists every child and every people-file row with what
was decided and why (no values): the manifest's row numbers are its rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pepdocs._io import write_text_atomic
from pepdocs.batch import BatchOptions, BatchRecorder, BatchResult, run_batch
from pepdocs.batch.roster import Roster, RosterRow
from pepdocs.cohort.cohort import Cohort, CohortChild, pep_phase
from pepdocs.cohort.people import People
from pepdocs.model import get_codelist, validate_pep
from pepdocs.model.paths import set_path
from pepdocs.safety import export_cell

__all__ = [
    "FROM_903_REPORT",
    "CohortRoster",
    "JoinEntry",
    "Prefill903",
    "cohort_roster",
    "cohort_values",
    "prefill_from_903",
]

FROM_903_REPORT = "from-903.csv"
#: the 903's sex codes (1/2 until 2023-24, M/F/U after) -> the model's gender codes
_GENDER = {"1": "M", "2": "F", "M": "M", "F": "F", "U": "U"}
#: model paths the 903 export decides (the people file's value is noted when it differs)
_FROM_903 = (
    "child.date_of_birth",
    "care.legal_status",
    "care.date_became_looked_after",
    "care.emergency_entry",
    "care.placement_type",
    "care.placement_start_date",
    "care.number_of_placements",
)


@dataclass(slots=True)
class JoinEntry:
    """One line of ``from-903.csv``: a child of the cohort or a row of the people file."""

    child_id: str
    status: str  # "form" | "no PEP" | "not in the cohort"
    #: the row number of this child in the roster handed to the batch (the manifest's row)
    row: int | None = None
    people_row: int | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CohortRoster:
    """The roster rows made from a cohort, and the join report."""

    rows: list[RosterRow]
    entries: list[JoinEntry]

    @property
    def missing_from_people(self) -> list[JoinEntry]:
        return [e for e in self.entries if e.status == "form" and e.people_row is None]

    @property
    def not_in_cohort(self) -> list[JoinEntry]:
        return [e for e in self.entries if e.status == "not in the cohort"]


def _code(list_name: str, code: str | None, path: str, notes: list[str]) -> str | None:
    """``code`` when the model's list has it; else None and a note (a retired 903 code)."""
    if code is None:
        return None
    if code in get_codelist(list_name):
        return code
    listed = get_codelist(list_name)
    notes.append(
        f"{path}: the 903 code {code!r} has no place in the model's {listed.collection_year} "
        "list (a code of an earlier year?); left blank"
    )
    return None


def cohort_values(child: CohortChild) -> tuple[dict[str, Any], list[str]]:
    """The model values the 903 gives for ``child`` (by path), and notes on what it could
    not give."""
    notes: list[str] = []
    values: dict[str, Any] = {"child.la_child_id": child.child_id}
    if child.date_of_birth is not None:
        values["child.date_of_birth"] = child.date_of_birth.isoformat()
    if child.upn is not None:
        values["child.upn"] = child.upn
    if child.sex in _GENDER:
        values["child.gender"] = _GENDER[child.sex]
    for path, list_name, code in (
        ("child.ethnicity", "ethnicity", child.ethnicity),
        ("care.legal_status", "legal_status", child.legal_status),
        ("care.placement_type", "placement_type", child.placement_type),
    ):
        found = _code(list_name, code, path, notes)
        if found is not None:
            values[path] = found
    if child.period_start_known:
        values["care.date_became_looked_after"] = child.period_start.isoformat()
        values["care.number_of_placements"] = child.number_of_placements
    else:
        notes.append(
            "care.date_became_looked_after: the period of care began before the export's "
            "first episode; left for the people file or the previous PEP"
        )
    if child.emergency_entry:
        values["care.emergency_entry"] = True
    values["care.placement_start_date"] = child.placement_start.isoformat()
    if child.year_group is not None:
        values["education.ncy"] = child.year_group
    if child.phase is not None:
        values["meta.phase"] = child.phase
    if child.sdq_score is not None:
        values["health.sdq_score"] = child.sdq_score
    return values, notes


def _phase_for(child: CohortChild, recorded_ncy: str) -> str | None:
    """The phase of a recorded year group; ``X`` (not following the national curriculum)
    keeps the phase by age."""
    return pep_phase(recorded_ncy) or child.phase


def _merge(child: CohortChild, person: RosterRow | None, notes: list[str]) -> dict[str, Any]:
    values, value_notes = cohort_values(child)
    notes.extend(value_notes)
    if person is None:
        notes.append("not in the people file: names, school and contacts are blank")
        return values
    notes.extend(f"people file row {person.number}: {problem}" for problem in person.problems)
    theirs = person.values
    for path, value in theirs.items():
        if path in _FROM_903 and path in values:
            if values[path] != value:
                notes.append(
                    f"{path}: the people file differs from the 903 export; the 903's is used"
                )
            continue
        if path == "child.upn" and "child.upn" in values and values[path] != value:
            notes.append(
                "child.upn: the people file differs from the 903 export; the 903's is used"
            )
            continue
        if path == "education.ncy" and values.get(path) not in (None, value):
            notes.append(
                "education.ncy: the people file records another year group than the "
                "child's age gives; the recorded one is used"
            )
        values[path] = value
    if "education.ncy" in theirs and "meta.phase" not in theirs:
        phase = _phase_for(child, str(theirs["education.ncy"]))
        if phase is not None:
            values["meta.phase"] = phase
    return values


def _drop_invalid(values: dict[str, Any], notes: list[str]) -> None:
    """Leave out values the model refuses (a people file's mistyped URN or e-mail), so that
    the child's form is still made; each is noted by path with the model's reason."""
    pep: dict[str, Any] = {"meta": {}}
    for path, value in values.items():
        set_path(pep, path, value)
    for problem in validate_pep(pep):
        if problem.path in values:
            del values[problem.path]
            notes.append(f"{problem.path}: {problem.message} Left blank.")


def cohort_roster(cohort: Cohort, people: People | None = None) -> CohortRoster:
    """Roster rows for the cohort's children who need a PEP, joined to ``people``, and the
    join report; see the module docstring."""
    rows: list[RosterRow] = []
    entries: list[JoinEntry] = []
    seen: set[str] = set()
    for child in cohort.children:
        seen.add(child.child_id)
        person = people.get(child.child_id) if people is not None else None
        entry = JoinEntry(child.child_id, "form", people_row=person.number if person else None)
        entries.append(entry)
        if not child.needs_pep:
            entry.status = "no PEP"
            entry.notes.append(child.no_pep_reason)
            continue
        values = _merge(child, person, entry.notes)
        _drop_invalid(values, entry.notes)
        entry.row = len(rows) + 2  # as a roster numbers its rows: the header is row 1
        rows.append(RosterRow(entry.row, values))
    if people is not None:
        for child_id, person in people.rows.items():
            if child_id not in seen:
                entries.append(
                    JoinEntry(
                        child_id,
                        "not in the cohort",
                        people_row=person.number,
                        notes=[
                            f"not looked after on {cohort.as_of.isoformat()} in the 903 "
                            "export: no form made"
                        ],
                    )
                )
    return CohortRoster(rows, entries)


class _RowsRoster(Roster):
    """A roster whose rows were built in code (values already canonical)."""

    def __init__(self, name: str, rows: list[RosterRow]) -> None:
        super().__init__(name, [], iter(()))
        self._built = rows

    def rows(self) -> Iterator[RosterRow]:
        return iter(self._built)


def _report(entries: list[JoinEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["row", "child_id", "status", "people_row", "notes"])
    for entry in entries:
        writer.writerow(
            [
                "" if entry.row is None else entry.row,
                export_cell(entry.child_id),
                entry.status,
                "" if entry.people_row is None else entry.people_row,
                export_cell("; ".join(entry.notes)),
            ]
        )
    return buffer.getvalue()


@dataclass(slots=True)
class Prefill903:
    """What ``batch --from-903`` did: the join and the batch's own result."""

    join: CohortRoster
    batch: BatchResult
    report: Path


def prefill_from_903(
    cohort: Cohort,
    options: BatchOptions,
    *,
    people: People | None = None,
    progress: Callable[[int], None] | None = None,
    recorder: BatchRecorder | None = None,
) -> Prefill903:
    """Pre-fill the forms of the cohort's children who need a PEP into ``options.out_dir``
    (each on its authority's form for its phase, by :func:`pepdocs.batch.run_batch`, which
    also merges ``options.attendance``; ``recorder``, a store's, records what it sends) and
    write ``from-903.csv`` there (replaced on each
    run: it describes this run)."""
    join = cohort_roster(cohort, people)
    name = f"{FROM_903_REPORT} (903 export, {cohort.as_of.isoformat()})"
    result = run_batch(_RowsRoster(name, join.rows), options, progress, recorder)
    report = write_text_atomic(
        Path(options.out_dir) / FROM_903_REPORT, _report(join.entries), force=True
    )
    return Prefill903(join, result, report)
