"""The problems found in an export, summarised for the screen or listed in a CSV file."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from pepdocs._io import write_text_atomic
from pepdocs.safety import export_cell
from pepdocs.ssda903.records import DataProblem

__all__ = ["PROBLEM_COLUMNS", "summarise_problems", "write_problems"]

PROBLEM_COLUMNS = ("file", "row", "element", "child_id", "column", "problem", "row_left_out")


def summarise_problems(problems: Sequence[DataProblem], limit: int = 12) -> list[str]:
    """One line per file and column with its count and first instance, most frequent first;
    at most ``limit`` lines, then how many more kinds there are."""
    groups: dict[tuple[str, str, bool], list[DataProblem]] = {}
    for problem in problems:
        key = (os.path.basename(problem.source.file), problem.column, problem.left_out)
        groups.setdefault(key, []).append(problem)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = []
    for (file, column, left_out), found in ordered[:limit]:
        first = found[0]
        where = str(first.source).removeprefix(first.source.file).strip() or "the file"
        rows = "row" if len(found) == 1 else "rows"
        kept = " left out" if left_out else ""
        lines.append(
            f"{file}: {column or 'row'}: {len(found)} {rows}{kept} "
            f"(first at {where}: {first.message})"
        )
    if len(ordered) > limit:
        lines.append(f"... and {len(ordered) - limit} more kinds of problem")
    return lines


def _rows(problems: Iterable[DataProblem]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(PROBLEM_COLUMNS)
    for problem in problems:
        source = problem.source
        writer.writerow(
            [
                export_cell(value)
                for value in (
                    source.file,
                    "" if source.row is None else source.row,
                    source.element or "",
                    problem.child_id or "",
                    problem.column,
                    problem.message,
                    "yes" if problem.left_out else "no",
                )
            ]
        )
    return buffer.getvalue()


def write_problems(
    problems: Iterable[DataProblem], path: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Every problem as a CSV row (file, row or element, child id, column, problem)."""
    return write_text_atomic(path, _rows(problems), force=force)
