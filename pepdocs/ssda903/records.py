"""What a 903 export is read into: a child's header, episodes, reviews, UASC status, the
other tables as checked rows, and every problem found, each at its file, row and column.

Postcodes (HOME_POST, PL_POST) are not kept: a child's home and placement postcodes say
where a child lives, and nothing pepdocs makes from the return needs them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Child903",
    "DataProblem",
    "Episode",
    "FileRead",
    "Record",
    "Return903",
    "Review",
    "Source",
    "UascStatus",
]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a row came from: a CSV file and its row number as a spreadsheet shows it (the
    header is row 1), or the XML file and the element (``CHILD 12, EPISODE 2``)."""

    file: str
    row: int | None = None
    element: str | None = None

    def __str__(self) -> str:
        if self.row is not None:
            return f"{self.file} row {self.row}"
        if self.element:
            return f"{self.file} {self.element}"
        return self.file


@dataclass(frozen=True, slots=True)
class DataProblem:
    """One problem in the export. ``message`` never holds a value from the data except a
    code or the child's 903 id (a pseudonymous key); dates of birth, postcodes and free
    text never appear. ``left_out``: the whole row could not be used."""

    source: Source
    column: str
    message: str
    left_out: bool = False
    child_id: str | None = None

    def __str__(self) -> str:
        child = f" (child {self.child_id})" if self.child_id else ""
        where = f"{self.source}{child}: {self.column}: " if self.column else f"{self.source}: "
        return where + self.message + ("; row left out" if self.left_out else "")


@dataclass(frozen=True, slots=True)
class Child903:
    """A child's header record."""

    child_id: str
    source: Source
    sex: str | None = None
    date_of_birth: dt.date | None = None
    ethnicity: str | None = None
    upn: str | None = None


@dataclass(frozen=True, slots=True)
class Episode:
    """One episode of care: from ``start`` (DECOM) to ``end`` (DEC; None while open)."""

    child_id: str
    start: dt.date
    source: Source
    reason_new: str | None = None  # RNE
    legal_status: str | None = None  # LS
    need: str | None = None  # CIN
    placement: str | None = None  # PLACE (PL in the XML form)
    provider: str | None = None  # PLACE_PROVIDER
    end: dt.date | None = None  # DEC
    reason_ended: str | None = None  # REC
    reason_placement_changed: str | None = None  # REASON_PLACE_CHANGE
    #: the placement's Ofsted URN (not the school's)
    placement_urn: str | None = None

    def covers(self, day: dt.date) -> bool:
        """Looked after on ``day`` under this episode: from DECOM, up to the day before DEC
        (on the day an episode ceases, the child is counted under the next one or not at
        all, as the DfE counts children looked after at 31 March)."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Review:
    """A statutory review of the child's case (care plan), and how the child took part."""

    child_id: str
    date: dt.date
    source: Source
    participation: str | None = None  # REVIEW_CODE


@dataclass(frozen=True, slots=True)
class UascStatus:
    """The child is or was an unaccompanied asylum-seeking child; UASC status ceased on
    ``ceased`` (DUC) when given."""

    child_id: str
    source: Source
    ceased: dt.date | None = None

    def on(self, day: dt.date) -> bool:
        return self.ceased is None or day < self.ceased


@dataclass(frozen=True, slots=True)
class Record:
    """A checked row of another table (oc2, missing ...): values by column, dates as dates."""

    kind: str
    child_id: str
    source: Source
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class FileRead:
    """One file read: its kind, rows read and rows kept."""

    path: str
    kind: str
    rows: int
    kept: int


@dataclass(slots=True)
class Return903:
    """An SSDA903 export, read and checked. Children are keyed by their 903 id (CHILD)."""

    children: dict[str, Child903] = field(default_factory=dict)
    #: each child's episodes, by start date
    episodes: dict[str, list[Episode]] = field(default_factory=dict)
    #: each child's reviews, by date
    reviews: dict[str, list[Review]] = field(default_factory=dict)
    uasc: dict[str, UascStatus] = field(default_factory=dict)
    #: the other tables' rows by kind (``oc2``, ``missing`` ...)
    other: dict[str, list[Record]] = field(default_factory=dict)
    files: list[FileRead] = field(default_factory=list)
    problems: list[DataProblem] = field(default_factory=list)
    #: files in the folder that are not 903 tables, and the like (names only)
    notes: list[str] = field(default_factory=list)
    #: the latest date the episodes and reviews record (None when they record none)
    latest_date: dt.date | None = None

    def problems_of(self, child_id: str) -> list[DataProblem]:
        return [problem for problem in self.problems if problem.child_id == child_id]

    @property
    def rows_left_out(self) -> int:
        return sum(1 for problem in self.problems if problem.left_out)
