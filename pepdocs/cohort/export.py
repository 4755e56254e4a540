"""The cohort as a table: rows for the screen, and CSV, JSON or XLSX files.

Files hold what the user asked for, dates of birth included, and are written atomically,
never over an existing file unless ``force``. The screen table (:func:`screen_rows`) leaves
out dates of birth: a terminal's scroll-back and a shared screen are not where a child's
details belong. Text cells are guarded against formula injection (the CSV opens in Excel).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pepdocs._io import write_atomic, write_text_atomic
from pepdocs.cohort.cohort import Cohort, CohortChild
from pepdocs.errors import UsageError
from pepdocs.safety import export_cell

__all__ = [
    "COLUMNS",
    "FORMATS",
    "SCREEN_COLUMNS",
    "cohort_rows",
    "format_cohort",
    "screen_rows",
    "write_cohort",
]

FORMATS = ("csv", "json", "xlsx")
CohortFormat = Literal["csv", "json", "xlsx"]

#: the file columns, in order (docs/ssda903.md describes each)
COLUMNS: tuple[str, ...] = (
    "child_id",
    "upn",
    "date_of_birth",
    "age",
    "year_group",
    "phase",
    "needs_pep",
    "no_pep_reason",
    "period_start",
    "period_start_known",
    "emergency_entry",
    "entry_legal_status",
    "legal_status",
    "placement_type",
    "placement_provider",
    "placement_urn",
    "placement_start",
    "placement_moves",
    "last_placement_move",
    "short_breaks_only",
    "on_remand",
    "uasc",
    "reviews",
    "last_review",
    "next_review",
    "sdq_score",
    "data_notes",
)
#: the screen table: no date of birth, no UPN
SCREEN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("child_id", "CHILD"),
    ("age", "AGE"),
    ("year_group", "NCY"),
    ("phase", "PHASE"),
    ("period_start", "IN CARE FROM"),
    ("emergency", "EMERG"),
    ("legal_status", "LS"),
    ("placement_type", "PLACE"),
    ("placement_start", "PLACED"),
    ("placement_moves", "MOVES"),
    ("flags", "FLAGS"),
    ("last_review", "LAST REVIEW"),
)


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def _row(child: CohortChild) -> dict[str, Any]:
    return {
        "child_id": child.child_id,
        "upn": child.upn,
        "date_of_birth": child.date_of_birth,
        "age": child.age,
        "year_group": child.year_group,
        "phase": child.phase,
        "needs_pep": child.needs_pep,
        "no_pep_reason": child.no_pep_reason or None,
        "period_start": child.period_start,
        "period_start_known": child.period_start_known,
        "emergency_entry": child.emergency_entry,
        "entry_legal_status": child.entry_legal_status,
        "legal_status": child.legal_status,
        "placement_type": child.placement_type,
        "placement_provider": child.placement_provider,
        "placement_urn": child.placement_urn,
        "placement_start": child.placement_start,
        "placement_moves": child.placement_moves,
        "last_placement_move": child.last_placement_move,
        "short_breaks_only": child.short_breaks_only,
        "on_remand": child.on_remand,
        "uasc": child.uasc,
        "reviews": list(child.reviews),
        "last_review": child.last_review,
        "next_review": child.next_review,
        "sdq_score": child.sdq_score,
        "data_notes": len(child.notes),
    }


def cohort_rows(cohort: Cohort) -> list[dict[str, Any]]:
    """One mapping per child, keyed by :data:`COLUMNS`, values as Python values."""
    return [_row(child) for child in cohort.children]


def _flags(child: CohortChild) -> str:
    flags = [
        name
        for name, on in (
            ("short-breaks", child.short_breaks_only),
            ("remand", child.on_remand),
            ("UASC", child.uasc),
        )
        if on
    ]
    if not child.needs_pep and not child.short_breaks_only:
        flags.append("no-PEP")
    return ",".join(flags) or "-"


def screen_rows(cohort: Cohort) -> list[list[str]]:
    """The on-screen table: a header row, then a row per child (text, no dates of birth)."""
    rows = [[title for _, title in SCREEN_COLUMNS]]
    for child in cohort.children:
        start = _date(child.period_start) + ("" if child.period_start_known else "?")
        emergency = "yes" if child.emergency_entry else "-"
        rows.append(
            [
                child.child_id,
                "" if child.age is None else str(child.age),
                child.year_group or "-",
                child.phase or "-",
                start,
                emergency,
                child.legal_status or "-",
                child.placement_type or "-",
                _date(child.placement_start),
                str(child.placement_moves),
                _flags(child),
                _date(child.last_review) or "-",
            ]
        )
    return rows


def _text(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return " ".join(_text(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


def _csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: export_cell(_text(value)) for key, value in row.items()})
    return buffer.getvalue()


def _json(cohort: Cohort, rows: Sequence[dict[str, Any]]) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    document = {
        "as_of": cohort.as_of.isoformat(),
        "children": [{key: plain(value) for key, value in row.items()} for row in rows],
        "notes": cohort.notes,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _xlsx(cohort: Cohort, rows: Sequence[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook  # only XLSX output pays for importing it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cohort"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        cells = []
        for key in COLUMNS:
            value = row[key]
            if isinstance(value, list):
                value = _text(value)
            cells.append(export_cell(value))
        sheet.append(cells)
    for column, key in enumerate(COLUMNS, start=1):
        if key in (
            "date_of_birth",
            "period_start",
            "placement_start",
            "last_placement_move",
            "last_review",
            "next_review",
        ):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    about = book.create_sheet("About")
    about.append(["Looked after on", cohort.as_of])
    about["B1"].number_format = "DD/MM/YYYY"
    about.append(["Children", len(rows)])
    for note in cohort.notes:
        about.append(["Note", export_cell(note)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def format_cohort(cohort: Cohort, output_format: str) -> str:
    """The cohort as CSV or JSON text (for standard output)."""
    if output_format == "csv":
        return _csv(cohort_rows(cohort))
    if output_format == "json":
        return _json(cohort, cohort_rows(cohort))
    raise UsageError(
        f"--format {output_format}: only csv and json go to the screen; give -o FILE for xlsx"
    )


def write_cohort(
    cohort: Cohort,
    path: str | os.PathLike[str],
    output_format: str | None = None,
    *,
    force: bool = False,
) -> Path:
    """Write the cohort to ``path`` as CSV, JSON or XLSX (from ``output_format``, else the
    file's extension); atomically, and never over an existing file unless ``force``."""
    chosen = (output_format or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise UsageError(f"{path}: write the cohort as .csv, .json or .xlsx")
    rows = cohort_rows(cohort)
    if chosen == "xlsx":
        return write_atomic(path, _xlsx(cohort, rows), force=force)
    text = _csv(rows) if chosen == "csv" else _json(cohort, rows)
    return write_text_atomic(path, text, force=force)
