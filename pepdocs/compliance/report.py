"""The cohort workbook for the Virtual School, and the summary for its board.

Sheets: ``Summary`` (counts, and one native chart per question: how the PEPs are rated,
which schools have PEPs overdue, PP+ requested against approved by school), ``Children`` (a
row per child, by legal name, from the child's most recent PEP), ``Findings`` (every finding
behind each child's counts: rule, what it rests on, severity, message, field path) and
``Files passed over`` (each PEP file not reported on, and why: unreadable, or an earlier PEP
of a child whose newer PEP is reported). ``cohort_report(..., pdf=True)`` also prints the
Summary sheet to PDF for the board: counts and charts, no child named.

Names appear inside the workbook (it is the Virtual School's own record) but never in logs or
messages. Every text cell is neutralised against formula injection: a value that a
spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``, tab or carriage
return; OWASP "CSV injection") gets a leading apostrophe.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from pepdocs._io import write_atomic
from pepdocs.compliance._access import date_at, money, text_at
from pepdocs.compliance.check import (
    DueItem,
    PassedOver,
    child_name,
    due_schedule,
    known_as,
    rank_per_child,
)
from pepdocs.compliance.findings import CheckResult
from pepdocs.compliance.rating import RATINGS
from pepdocs.errors import OutputExistsError, PepdocsError
from pepdocs.model.paths import get_path

__all__ = [
    "CHILD_COLUMNS",
    "FINDING_COLUMNS",
    "PASSED_OVER_COLUMNS",
    "cohort_report",
    "safe_cell",
]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_DATE_FORMAT = "DD/MM/YYYY"
_MONEY_FORMAT = '"£"#,##0.00'
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_WRAP = Alignment(wrap_text=True, vertical="top")
_RATING_FILLS = {
    "gold": "FFD966",
    "green": "A9D08E",
    "amber": "F4B183",
    "red": "FF7C80",
}
_NO_SCHOOL = "(no school recorded)"
#: widest a column of names grows to (characters) before its text wraps
_WIDEST = 60
#: the height of a worksheet row of the default height (15 pt), in centimetres, for
#: placing charts (whose sizes openpyxl gives in centimetres)
_ROW_CM = 15 / 72 * 2.54

CHILD_COLUMNS = (
    "LA child id", "Legal name", "Known as", "School", "Rating", "Meeting date", "Next review",
    "Next due", "Due kind", "Due status", "Attendance %", "PP+ requested", "PP+ approved",
    "Errors", "Warnings", "File",
)
FINDING_COLUMNS = (
    "LA child id", "Legal name", "Rule", "Rule name", "Basis", "Severity", "Section",
    "Message", "Path", "Source", "File",
)
PASSED_OVER_COLUMNS = ("File", "LA child id", "Why it is not reported on")


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


def _fit_columns(sheet: Worksheet, widths: dict[int, float]) -> None:
    """Each column as wide as its longest text (up to :data:`_WIDEST`, then wrapped), so
    names are shown whole."""
    longest: dict[int, int] = defaultdict(int)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                longest[cell.column] = max(longest[cell.column], len(cell.value))
    for column in set(widths) | set(longest):
        width = max(widths.get(column, 8.0), min(longest.get(column, 0) + 2, _WIDEST))
        sheet.column_dimensions[get_column_letter(column)].width = width
        if longest.get(column, 0) + 2 > _WIDEST:
            for (cell,) in sheet.iter_rows(min_col=column, max_col=column, min_row=2):
                cell.alignment = _WRAP


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
            known_as(pep),
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
            elif CHILD_COLUMNS[column - 1] == "PP+ requested" and value is not None:
                cell.number_format = _MONEY_FORMAT
        fill = _RATING_FILLS.get(result.rating or "")
        if fill:
            sheet.cell(row=row, column=5).fill = PatternFill("solid", fgColor=fill)
        row += 1
    dates = {6: 13.0, 7: 13.0, 8: 13.0, 11: 13.0, 12: 14.0, 13: 13.0, 14: 8.0, 15: 9.0}
    _fit_columns(sheet, dates)
    sheet.freeze_panes = "A2"
    _landscape_one_page_wide(sheet)
    if row > 2:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(CHILD_COLUMNS))}{row - 1}"


def _findings_sheet(sheet: Worksheet, results: Sequence[CheckResult]) -> None:
    """Every finding of each reported child's PEP: what the counts and ratings rest on."""
    _header(sheet, 1, FINDING_COLUMNS)
    row = 2
    for result in results:
        pep = result.pep or {}
        for finding in result.findings:
            values = (
                text_at(pep, "child.la_child_id") or "",
                child_name(pep),
                finding.rule_id,
                finding.name,
                finding.basis.replace("_", " "),
                finding.severity,
                finding.section,
                finding.message,
                finding.path,
                finding.source,
                Path(result.source).name,
            )
            for column, value in enumerate(values, start=1):
                sheet.cell(row=row, column=column, value=safe_cell(value))
            row += 1
    _fit_columns(sheet, {3: 8.0, 6: 9.0})
    sheet.freeze_panes = "A2"
    _landscape_one_page_wide(sheet)
    if row > 2:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(FINDING_COLUMNS))}{row - 1}"


def _passed_over_sheet(sheet: Worksheet, passed: Sequence[PassedOver]) -> None:
    _header(sheet, 1, PASSED_OVER_COLUMNS)
    for row, item in enumerate(passed, start=2):
        values = (Path(item.source).name, item.la_child_id, item.reason)
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=safe_cell(value))
    _fit_columns(sheet, {1: 24.0, 2: 12.0, 3: 40.0})
    _landscape_one_page_wide(sheet)


def _table(sheet: Worksheet, top: int, titles: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a small table at ``top``; return the last row written."""
    _header(sheet, top, titles)
    last = top
    for last, values in enumerate(rows, start=top + 1):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=last, column=column, value=safe_cell(value))
    return last


def _whole_steps(largest: float) -> int:
    """A whole-number step for a count axis: 1, 2, 5, 10 ... giving at most ten steps."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if largest / (step * factor) <= 10:
                return step * factor
        step *= 10


def _bar(
    title: str,
    y_title: str,
    sheet: Worksheet,
    top: int,
    last: int,
    columns: int,
    *,
    largest: float,
    counts: bool,
    horizontal: bool = False,
) -> BarChart:
    """One bar chart of a table's rows: categories in column A, series in B (and C).

    Counts get an axis in whole numbers (an axis of PEPs in steps of 0.2 asks for a fifth
    of a PEP); the axes are shown explicitly (openpyxl otherwise marks them deleted).
    """
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.scaling.min = 0
    if counts:
        step = _whole_steps(max(largest, 1))
        chart.y_axis.majorUnit = step
        chart.y_axis.scaling.max = max(step, math.ceil(largest / step) * step)
        chart.y_axis.number_format = "0"
    else:
        chart.y_axis.number_format = '"£"#,##0'
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    rows = max(last - top, 1)
    chart.height = max(7.5, 1.2 + 0.8 * rows) if horizontal else 7.5
    chart.width = 18
    data = Reference(sheet, min_col=2, max_col=1 + columns, min_row=top, max_row=max(last, top + 1))
    categories = Reference(sheet, min_col=1, min_row=top + 1, max_row=max(last, top + 1))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    if columns == 1:
        chart.legend = None
    return chart


def _summary_sheet(
    sheet: Worksheet,
    results: Sequence[CheckResult],
    passed: Sequence[PassedOver],
    due_items: Sequence[DueItem],
    as_of: dt.date,
) -> None:
    sheet["A1"] = "PEP cohort report"
    sheet["A1"].font = Font(bold=True, size=14)
    unreadable = sum(1 for item in passed if item.reason.startswith("could not be read"))
    facts: list[tuple[str, Any]] = [
        ("As of", as_of),
        ("Children", len(results)),
        ("Files passed over", len(passed)),
        ("  of which could not be read", unreadable),
        ("  of which an earlier PEP of a child", len(passed) - unreadable),
        ("Overdue", sum(1 for item in due_items if item.status == "overdue")),
        ("Due soon", sum(1 for item in due_items if item.status == "due-soon")),
    ]
    for row, (label, value) in enumerate(facts, start=2):
        sheet.cell(row=row, column=1, value=label)
        cell = sheet.cell(row=row, column=2, value=value)
        if isinstance(value, dt.date):
            cell.number_format = _DATE_FORMAT

    # Question 1: how are the PEPs rated? Ratings in scheme order (both schemes' names; a
    # cohort may mix authorities), each bar in its rating's own colour.
    ratings = Counter(result.rating or "not rated" for result in results)
    order = list(dict.fromkeys([*RATINGS["gold"], *RATINGS["rag"], "not rated"]))
    rating_rows = [(name, ratings[name]) for name in order if ratings[name]] or [("none", 0)]
    top = len(facts) + 3
    last = _table(sheet, top, ("Rating", "PEPs"), rating_rows)
    rated = _bar(
        "PEPs by rating", "PEPs", sheet, top, last, 1,
        largest=max(count for _, count in rating_rows), counts=True,
    )
    for index, (name, _) in enumerate(rating_rows):
        colour = _RATING_FILLS.get(name)
        if colour:
            point = DataPoint(idx=index)
            point.graphicalProperties.solidFill = colour
            rated.series[0].dPt.append(point)
    sheet.add_chart(rated, "E2")

    # Question 2: which schools have PEPs overdue? Whole school names, bars across.
    overdue: Counter[str] = Counter(
        item.setting_name or _NO_SCHOOL for item in due_items if item.status == "overdue"
    )
    top = last + 2
    overdue_rows = sorted(overdue.items(), key=lambda pair: (-pair[1], pair[0])) or [("none", 0)]
    last = _table(sheet, top, ("School", "Overdue PEPs"), overdue_rows)
    by_school = _bar(
        "Overdue PEPs by school", "PEPs", sheet, top, last, 1,
        largest=max(count for _, count in overdue_rows), counts=True, horizontal=True,
    )
    sheet.add_chart(by_school, "E18")
    # The PP+ question starts a printed page of its own, below both charts, so that no
    # chart is cut by a page break.
    chart_end = 18 + math.ceil(by_school.height / _ROW_CM)
    page = max(last, chart_end) + 1
    sheet.row_breaks.append(Break(id=page))

    # Question 3: how much PP+ is requested and approved, school by school?
    requested: dict[str, Decimal] = defaultdict(Decimal)
    approved: dict[str, Decimal] = defaultdict(Decimal)
    for result in results:
        pep = result.pep or {}
        school = text_at(pep, "education.setting_name") or _NO_SCHOOL
        amount = money(get_path(pep, "pp_plus.requested_total")) or Decimal(0)
        requested[school] += amount
        approved[school] += amount if get_path(pep, "pp_plus.approved") is True else Decimal(0)
    top = page + 1
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
        _bar(
            "PP+ requested vs approved (GBP)", "GBP", sheet, top, max(last - 1, top + 1), 2,
            largest=0, counts=False, horizontal=True,
        ),
        f"E{top}",
    )
    _fit_columns(sheet, {1: 30.0, 2: 14.0, 3: 14.0})
    _landscape_one_page_wide(sheet)


def _landscape_one_page_wide(sheet: Worksheet) -> None:
    # Printed (and converted to PDF) landscape, one page wide, so charts are not cut in two.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _workbook(
    children: Sequence[CheckResult],
    passed: Sequence[PassedOver],
    due_items: Sequence[DueItem],
    day: dt.date,
    *,
    board: bool = False,
) -> bytes:
    """The cohort workbook; ``board``: the Summary sheet alone (no child named)."""
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None  # a new workbook always has one sheet
    summary.title = "Summary"
    _summary_sheet(summary, children, passed, due_items, day)
    title = "PEP cohort report" + (" for the board" if board else "")
    workbook.properties.title = f"{title}, {day.strftime('%d/%m/%Y')}"
    workbook.properties.creator = "pepdocs"
    if not board:
        due_by_source = {item.source: item for item in due_items}
        _children_sheet(workbook.create_sheet("Children"), children, due_by_source)
        _findings_sheet(workbook.create_sheet("Findings"), children)
        _passed_over_sheet(workbook.create_sheet("Files passed over"), passed)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cohort_report(
    results: Sequence[CheckResult],
    out_path: str | os.PathLike[str],
    as_of: dt.date | None = None,
    *,
    force: bool = False,
    pdf: bool = False,
) -> Path:
    """Write the cohort workbook (``Summary``, ``Children``, ``Findings``, ``Files passed
    over``) atomically; returns its path.

    ``results`` come from :func:`check_path`; each child's most recent PEP gives its row
    (:func:`pepdocs.compliance.check.rank_per_child`: by term, then meeting date). ``pdf``
    also writes the board's copy, ``out_path`` with ``.pdf``: the Summary sheet printed
    through LibreOffice (tagged), counts and charts and no child named. Both outputs are
    checked before anything is written.
    """
    out = Path(out_path)
    board = out.with_suffix(".pdf") if pdf else None
    if not force:
        for path in (out, board):
            if path is not None and path.exists():
                raise OutputExistsError(str(path))
    day = as_of or dt.date.today()
    readable = [result for result in results if result.pep is not None]
    unreadable = [
        PassedOver(result.source, "", f"could not be read: {result.error or 'not a PEP'}")
        for result in results
        if result.pep is None
    ]
    latest, earlier = rank_per_child((r.source, r.pep or {}) for r in readable)
    chosen = {(source, id(pep)) for source, pep in latest}
    children = [r for r in readable if (r.source, id(r.pep)) in chosen]
    due_items = due_schedule([(r.source, r.pep or {}) for r in children], day)
    passed = [*unreadable, *earlier]
    if board is not None:
        # the board's PDF first: a missing LibreOffice stops before the workbook is written
        _print_board(_workbook(children, passed, due_items, day, board=True), board, force)
    return write_atomic(out, _workbook(children, passed, due_items, day), force=force)


def _print_board(workbook: bytes, target: Path, force: bool) -> Path:
    from pepdocs.bundle import print_to_pdf

    with tempfile.TemporaryDirectory(prefix="pepdocs-board-") as scratch:
        source = Path(scratch) / f"{target.stem}.xlsx"
        source.write_bytes(workbook)
        try:
            (printed,) = print_to_pdf([source], Path(scratch) / "pdf")
        except PepdocsError as problem:
            # same class (ComponentMissingError stays one), the message names the output
            error = copy.copy(problem)
            error.message = f"{target}: not written: {problem.message}"
            error.args = (error.message,)
            raise error from None
        return write_atomic(target, printed.read_bytes(), force=force)
