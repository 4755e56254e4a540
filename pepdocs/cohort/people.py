"""The people file: what the 903 export does not hold, keyed by the 903 child id.

A 903 export carries no names, schools or contacts. A Virtual School keeps them elsewhere
(its own spreadsheet, a report from the case-management system): the child's names, school
and its URN, designated teacher, social worker, carer, IRO. The people file is that list as
CSV or XLSX, one row per child, read exactly as a roster is (:mod:`pepdocs.batch.roster`:
the same encodings, the same header synonyms, ``CHILD`` too), keyed by the 903 child id.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from pepdocs.batch.roster import RosterRow, open_roster
from pepdocs.errors import PepdocsError

__all__ = ["PEOPLE_COLUMNS", "People", "load_people"]

#: headers a people file may use for the 903 child id, besides the roster's (LA Child ID,
#: Child ID, Child Ref ...): the 903's own column names
PEOPLE_COLUMNS = {"CHILD": "child.la_child_id", "CHILDID": "child.la_child_id"}


@dataclass(slots=True)
class People:
    """A people file read: rows by 903 child id, and what was wrong with it (row numbers and
    columns, never values)."""

    path: str
    rows: dict[str, RosterRow] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def get(self, child_id: str) -> RosterRow | None:
        return self.rows.get(child_id)


def load_people(path: str | os.PathLike[str]) -> People:
    """Read a people file (``.csv`` or ``.xlsx``). A cell that cannot be read is reported and
    left out (the rest of the row is used); a row without a child id, or repeating one, is
    reported and not used. Raises ``PepdocsError`` when the file cannot be read or has no
    child id column."""
    roster = open_roster(path, PEOPLE_COLUMNS)
    name = os.fspath(path)
    if "child.la_child_id" not in roster.paths:
        raise PepdocsError(
            f"{name}: no column for the 903 child id (a header such as CHILD, Child ID or "
            "LA Child ID): the people file is matched to the 903 export by it"
        )
    people = People(name, ignored_columns=list(roster.ignored))
    for row in roster.rows():
        child_id = row.get("child.la_child_id")
        people.problems.extend(f"{name} row {row.number}: {problem}" for problem in row.problems)
        if not child_id:
            people.problems.append(f"{name} row {row.number}: no child id; row not used")
            continue
        known = people.rows.get(str(child_id))
        if known is not None:
            people.problems.append(
                f"{name} row {row.number}: the same child as row {known.number}; row not used"
            )
            continue
        people.rows[str(child_id)] = row
    return people
