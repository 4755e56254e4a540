"""The cohort workbook for the Virtual School: a row per child and a summary with charts.

Names appear inside the workbook (it is the Virtual School's own record) but never in logs or
messages. Every text cell is neutralised against formula injection: a value that a
spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``, tab or carriage
return; OWASP "CSV injection") gets a leading apostrophe.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from pepdocs._io import write_atomic
from pepdocs.compliance._access import date_at, money, text_at
from pepdocs.compliance.check import DueItem, child_name, due_schedule, latest_per_child
from pepdocs.compliance.findings import CheckResult
from pepdocs.compliance.rating import RATINGS
from pepdocs.model.paths import get_path

__all__ = ["cohort_report", "safe_cell"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DATE_FORMAT = "DD/MM/YYYY"
_MONEY_FORMAT = '"£"#,##0.00'
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_RATING_FILLS = {
    "gold": "FFD966",
    "green": "A9D08E",
    "amber": "F4B183",
    "red": "FF7C80",
}
_NO_SCHOOL = "(no school recorded)"

CHILD_COLUMNS = (
    "LA child id", "Child", "School", "Rating", "Meeting date", "Next review", "Next due",
    "Due kind", "Due status", "Attendance %", "PP+ requested", "PP+ approved", "Errors",
    "Warnings", "File",
)


def safe_cell(value: Any) -> Any:
    """``value`` as a cell may hold it: text that would start a formula is quoted."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _header(sheet: Worksheet, row: int, titles: Sequence[str]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=column, value=title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL


def _approved(value: object) -> str:
    return {True: "yes", False: "no"}.get(value, "") if isinstance(value, bool) else ""


def _children_sheet(
    sheet: Worksheet,
    results: Sequence[CheckResult],
    due_by_source: dict[str, DueItem],
) -> None:
    _header(sheet, 1, CHILD_COLUMNS)
    row = 2
    for result in results:
        pep = result.pep or {}
        due = due_by_source.get(result.source)
        percent = money(get_path(pep, "education.attendance.percent"))
        requested = money(get_path(pep, "pp_plus.requested_total"))
        values: list[Any] = [
            text_at(pep, "child.la_child_id") or "",
            child_name(pep),
            text_at(pep, "education.setting_name") or "",
            result.rating or "not rated",
            date_at(pep, "meta.meeting_date"),
            date_at(pep, "meta.next_review_date"),
            due.due if due else None,
            due.kind if due else "",
            due.status if due else "",
            float(percent) if percent is not None else None,
            float(requested) if requested is not None else None,
            _approved(get_path(pep, "pp_plus.approved")),
            result.count("error"),
            result.count("warning"),
            Path(result.source).name,
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=safe_cell(value))
            if isinstance(value, dt.date):
                cell.number_format = _DATE_FORMAT
            elif column == 11 and value is not None:
                cell.number_format = _MONEY_FORMAT
        fill = _RATING_FILLS.get(result.rating or "")
        if fill:
            sheet.cell(row=row, column=4).fill = PatternFill("solid", fgColor=fill)
        row += 1
    widths = (14, 24, 30, 10, 13, 13, 13, 16, 11, 13, 14, 13, 8, 9, 28)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    _fit_to_page_width(sheet)
    if row > 2:
        sheet.auto_filter.ref = f"A1:{chr(ord('A') + len(CHILD_COLUMNS) - 1)}{row - 1}"


def _table(sheet: Worksheet, top: int, titles: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a small table at ``top``; return the last row written."""
    _header(sheet, top, titles)
    last = top
    for last, values in enumerate(rows, start=top + 1):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=last, column=column, value=safe_cell(value))
    return last


def _bar(
    title: str, y_title: str, sheet: Worksheet, top: int, last: int, columns: int,
    size: tuple[float, float] = (7.5, 16),
) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.height, chart.width = size
    data = Reference(sheet, min_col=2, max_col=1 + columns, min_row=top, max_row=max(last, top + 1))
    categories = Reference(sheet, min_col=1, min_row=top + 1, max_row=max(last, top + 1))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    return chart


def _summary_sheet(
    sheet: Worksheet,
    results: Sequence[CheckResult],
    unreadable: int,
    due_items: Sequence[DueItem],
    as_of: dt.date,
) -> None:
    sheet["A1"] = "PEP cohort report"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "As of"
    sheet["B2"] = as_of
    sheet["B2"].number_format = _DATE_FORMAT
    sheet["A3"] = "Children"
    sheet["B3"] = len(results)
    sheet["A4"] = "Files that could not be read"
    sheet["B4"] = unreadable
    sheet["A5"] = "Overdue"
    sheet["B5"] = sum(1 for item in due_items if item.status == "overdue")
    sheet["A6"] = "Due soon"
    sheet["B6"] = sum(1 for item in due_items if item.status == "due-soon")

    # Ratings in scheme order (both schemes' names; a cohort may mix authorities).
    ratings = Counter(result.rating or "not rated" for result in results)
    order = list(dict.fromkeys([*RATINGS["gold"], *RATINGS["rag"], "not rated"]))
    rating_rows = [(name, ratings[name]) for name in order if ratings[name]] or [("none", 0)]
    top = 8
    last = _table(sheet, top, ("Rating", "PEPs"), rating_rows)
    pie = PieChart()
    pie.title = "PEPs by rating"
    pie.height, pie.width = 7.5, 10
    pie.add_data(Reference(sheet, min_col=2, min_row=top, max_row=last), titles_from_data=True)
    pie.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=last))
    # Slices in the rating's own colour, so red reads as red whatever the theme.
    for index, (name, _) in enumerate(rating_rows):
        colour = _RATING_FILLS.get(name)
        if colour:
            point = DataPoint(idx=index)
            point.graphicalProperties.solidFill = colour
            pie.series[0].dPt.append(point)
    sheet.add_chart(pie, "E2")
    sheet.add_chart(_bar("PEPs by rating", "PEPs", sheet, top, last, 1), "L2")

    overdue: Counter[str] = Counter(
        item.setting_name or _NO_SCHOOL for item in due_items if item.status == "overdue"
    )
    top = last + 2
    overdue_rows = sorted(overdue.items(), key=lambda pair: (-pair[1], pair[0])) or [("none", 0)]
    last = _table(sheet, top, ("School", "Overdue PEPs"), overdue_rows)
    sheet.add_chart(
        _bar("Overdue PEPs by school", "PEPs", sheet, top, last, 1, (11, 24)), "E18"
    )

    requested: dict[str, Decimal] = defaultdict(Decimal)
    approved: dict[str, Decimal] = defaultdict(Decimal)
    for result in results:
        pep = result.pep or {}
        school = text_at(pep, "education.setting_name") or _NO_SCHOOL
        amount = money(get_path(pep, "pp_plus.requested_total")) or Decimal(0)
        requested[school] += amount
        approved[school] += amount if get_path(pep, "pp_plus.approved") is True else Decimal(0)
    top = last + 2
    pp_rows = [
        (school, float(requested[school]), float(approved[school])) for school in sorted(requested)
    ] or [("none", 0.0, 0.0)]
    pp_rows.append(("All schools", float(sum(requested.values())), float(sum(approved.values()))))
    last = _table(sheet, top, ("School", "PP+ requested", "PP+ approved"), pp_rows)
    for row in range(top + 1, last + 1):
        for column in (2, 3):
            sheet.cell(row=row, column=column).number_format = _MONEY_FORMAT
    # The chart leaves out the "All schools" total so the bars compare schools.
    sheet.add_chart(
        _bar("PP+ requested vs approved (GBP)", "GBP", sheet, top, max(last - 1, top + 1), 2,
             (11, 24)),
        "E41",
    )
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 14
    _fit_to_page_width(sheet)


def _fit_to_page_width(sheet: Worksheet) -> None:
    # Printed (and converted to PDF) landscape, one page wide, so charts are not cut in two.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def cohort_report(
    results: Sequence[CheckResult],
    out_path: str | os.PathLike[str],
    as_of: dt.date | None = None,
    *,
    force: bool = False,
) -> Path:
    """Write the cohort workbook (``Summary``, ``Children``, ``Unreadable files``) atomically.

    ``results`` come from :func:`check_path`; each child's latest PEP gives its row.
    """
    day = as_of or dt.date.today()
    readable = [result for result in results if result.pep is not None]
    unreadable = [result for result in results if result.pep is None]
    latest_sources = {
        source for source, _ in latest_per_child((r.source, r.pep or {}) for r in readable)
    }
    children = [result for result in readable if result.source in latest_sources]
    due_items = due_schedule([(r.source, r.pep or {}) for r in children], day)
    due_by_source = {item.source: item for item in due_items}

    workbook = Workbook()
    summary = workbook.active
    assert summary is not None  # a new workbook always has one sheet
    summary.title = "Summary"
    _summary_sheet(summary, children, len(unreadable), due_items, day)
    _children_sheet(workbook.create_sheet("Children"), children, due_by_source)
    problems = workbook.create_sheet("Unreadable files")
    _table(
        problems, 1, ("File", "Problem"),
        [(Path(result.source).name, result.error or "") for result in unreadable],
    )
    problems.column_dimensions["A"].width = 30
    problems.column_dimensions["B"].width = 100

    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_atomic(out_path, buffer.getvalue(), force=force)
