"""Benchmark inputs made in code: rosters and previous PEPs from ``pepdocs.samples``.

Every record is fictional (the samples generator's), each child gets a unique LA child id,
and rosters are written row by row so that making a 20,000-row roster does not hold 20,000
PEPs in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pepdocs.batch.roster import COLUMNS
from pepdocs.samples import generate_peps

#: The day the benchmark batches are planned on (fixed: the same terms on every run).
TODAY = dt.date(2026, 6, 1)
#: Planned by the batch itself, not taken from the previous PEP.
_NOT_FROM_PEP = ("meta.pep_type", "meta.meeting_date")
_ROSTER_COLUMNS = [column for column in COLUMNS if column.path not in _NOT_FROM_PEP]


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "date":
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y")  # as exports write them
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def roster_header() -> list[str]:
    """The roster's column headers, in the order :func:`roster_row` gives cells."""
    return [column.headers[0] for column in _ROSTER_COLUMNS]


def roster_row(pep: dict[str, Any]) -> list[str]:
    """A PEP as one roster row, as an MIS export writes it."""
    return [_cell(_get(pep, column.path), column.kind) for column in _ROSTER_COLUMNS]


def records(
    count: int, authority: str, phase: str = "school_age", seed: int = 7
) -> Iterator[dict[str, Any]]:
    """``count`` valid fictional PEPs of one authority form, with unique LA child ids."""
    for index, pep in enumerate(generate_peps(count, seed, authority=authority, phase=phase)):
        pep["child"]["la_child_id"] = f"B{seed:02d}{index:07d}"
        yield pep


def write_inputs(
    folder: Path,
    count: int,
    authority: str,
    *,
    phase: str = "school_age",
    previous: bool = True,
    seed: int = 7,
) -> tuple[Path, Path | None]:
    """A roster CSV of ``count`` children (and their previous PEPs as JSON files when
    ``previous``); returns (roster path, previous folder or None)."""
    folder.mkdir(parents=True, exist_ok=True)
    roster = folder / f"roster-{authority}-{count}.csv"
    earlier = folder / f"previous-{authority}-{count}" if previous else None
    if earlier is not None:
        earlier.mkdir(exist_ok=True)
    with roster.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(roster_header())
        for pep in records(count, authority, phase, seed):
            writer.writerow(roster_row(pep))
            if earlier is not None:
                name = f"{pep['child']['la_child_id']}.json"
                (earlier / name).write_text(json.dumps(pep), encoding="utf-8")
    return roster, earlier
