"""Reading a roster: the case-management export a Virtual School pre-fills PEPs from.

A roster is a CSV (any encoding Excel writes: UTF-8, UTF-8 with a BOM, UTF-16, Windows-1252)
or an XLSX workbook (first sheet), one row per child under one header row. Columns are found
by header, spelt as exports spell them: ``DOB``, ``Date of Birth`` and ``D.O.B.`` are one
column (headers are compared without case, spaces or punctuation). An authority's mapping
file may name more columns in its ``roster:`` section (``roster: {columns: {"Child
Ref": child.la_child_id}}``).

Rows are read one at a time (memory stays flat however long the roster is) and each becomes
a :class:`RosterRow`: the cells converted to canonical values (UK day-first dates through
:mod:`pepdocs.mapping.dates`, labels such as ``Year 10`` or ``No SEN`` to their codes) plus
the problems found, each naming the column and never the value. Row numbers are those a
spreadsheet shows: the header is row 1, the first child row 2.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pepdocs.errors import DocumentError, PepdocsError, TransformError, UsageError
from pepdocs.mapping.dates import parse_uk_date
from pepdocs.model import get_codelist
from pepdocs.safety import decode_text
from pepdocs.safety.package import read_input, vet_workbook
from pepdocs.safety.textfile import MAX_TEXT_BYTES

__all__ = [
    "COLUMNS",
    "Column",
    "Roster",
    "RosterRow",
    "estimate_rows",
    "find_columns",
    "normalise_header",
    "open_roster",
]

ValueKind = Literal["text", "date", "code", "int", "bool", "upper"]


@dataclass(frozen=True, slots=True)
class Column:
    """A model path a roster may carry, how its cells read, and the headers it goes by."""

    path: str
    kind: ValueKind = "text"
    headers: tuple[str, ...] = ()
    codelist: str | None = None


def _column(path: str, *headers: str, kind: ValueKind = "text", codes: str | None = None) -> Column:
    return Column(path, "code" if codes else kind, headers, codes)


#: Every column batch understands. Header spellings come from LA case-management exports
#: (Liquidlogic LCS, Mosaic, ClearCare, Welfare Call) and school MIS exports.
COLUMNS: tuple[Column, ...] = (
    _column(
        "child.la_child_id",
        "LA Child ID",
        "Child ID",
        "LA ID",
        "Child Ref",
        "Child Reference",
        "Person ID",
        "Case ID",
        "LCS ID",
        "Mosaic ID",
    ),
    _column("child.first_name", "Forename", "First Name", "Given Name", "Legal Forename"),
    _column("child.middle_names", "Middle Names", "Middle Name", "Middle Name(s)"),
    _column("child.last_name", "Surname", "Last Name", "Family Name", "Legal Surname"),
    _column("child.preferred_name", "Preferred Name", "Known As", "Preferred Forename"),
    _column("child.date_of_birth", "DOB", "Date of Birth", "D.O.B.", "Birth Date", kind="date"),
    _column("child.gender", "Gender", "Sex", codes="gender"),
    _column("child.ethnicity", "Ethnicity", "Ethnic Origin", "Ethnicity Code", codes="ethnicity"),
    _column("child.first_language", "First Language", "Home Language", "Language"),
    _column("child.upn", "UPN", "Unique Pupil Number", kind="upper"),
    _column("child.uln", "ULN", "Unique Learner Number"),
    _column("care.legal_status", "Legal Status", "Legal Status Code", codes="legal_status"),
    _column(
        "care.date_became_looked_after",
        "Date Became LAC",
        "Date Became Looked After",
        "Date Became CLA",
        "Date Entered Care",
        "CLA Start Date",
        "LAC Start Date",
        "Period of Care Start",
        kind="date",
    ),
    _column("care.emergency_entry", "Emergency Entry", kind="bool"),
    _column("care.placement_type", "Placement Type", "Placement Type Code", codes="placement_type"),
    _column("care.placement_start_date", "Placement Start", "Placement Start Date", kind="date"),
    _column(
        "care.number_of_placements",
        "Number of Placements",
        "No. of Placements",
        "Placements",
        kind="int",
    ),
    _column("care.placing_authority", "Placing Authority", "Responsible Authority"),
    _column("care.carer.name", "Carer Name", "Carer", "Carers", "Foster Carer"),
    _column("care.carer.phone", "Carer Phone", "Carer Telephone"),
    _column("care.carer.email", "Carer Email"),
    _column(
        "care.social_worker.name",
        "Social Worker",
        "Social Worker Name",
        "SW Name",
        "Allocated Worker",
    ),
    _column("care.social_worker.email", "SW Email", "Social Worker Email"),
    _column("care.social_worker.phone", "SW Phone", "Social Worker Phone"),
    _column("care.social_worker.team", "SW Team", "Social Worker Team", "Team"),
    _column("care.iro.name", "IRO", "IRO Name"),
    _column("care.iro.email", "IRO Email"),
    _column(
        "education.setting_name",
        "School",
        "School Name",
        "Setting",
        "Setting Name",
        "Education Setting",
        "Provider",
    ),
    _column("education.urn", "URN", "School URN", "Setting URN", kind="upper"),
    _column("education.laestab", "LAESTAB", "DfE Number", "LA ESTAB"),
    _column(
        "education.date_joined",
        "Date Joined",
        "Date Joined School",
        "School Start Date",
        "Admission Date",
        "Date of Admission",
        kind="date",
    ),
    _column(
        "education.ncy", "NCY", "Year Group", "NC Year", "National Curriculum Year", codes="ncy"
    ),
    _column(
        "education.designated_teacher.name",
        "Designated Teacher",
        "DT",
        "DT Name",
        "Designated Teacher Name",
    ),
    _column("education.designated_teacher.email", "DT Email", "Designated Teacher Email"),
    _column("education.designated_teacher.phone", "DT Phone", "Designated Teacher Phone"),
    _column("education.senco", "SENCo", "SENCO Name"),
    _column("education.sen_provision", "SEN Status", "SEN Provision", "SEN", codes="sen_provision"),
    _column("education.sen_primary_need", "SEN Primary Need", "Primary Need", codes="sen_need"),
    _column("meta.authority", "Authority", "Local Authority", "LA", "Virtual School"),
    _column("meta.phase", "Phase", "PEP Phase", "Form", codes="phase"),
    _column("meta.pep_type", "PEP Type", codes="pep_type"),
    _column(
        "meta.meeting_date",
        "Meeting Date",
        "PEP Meeting Date",
        "PEP Date",
        "Next PEP Meeting",
        kind="date",
    ),
)
_BY_PATH = {column.path: column for column in COLUMNS}

_NON_ALPHANUMERIC = re.compile(r"[\W_]+", re.UNICODE)
_TRUE = frozenset({"y", "yes", "true", "1"})
_FALSE = frozenset({"n", "no", "false", "0"})
#: a cell written this way is empty (MIS exports write these for "nothing recorded")
_BLANKS = frozenset({"", "n/a", "na", "null", "none recorded", "-"})


def normalise_header(text: str) -> str:
    """``"D.O.B."``, ``"dob "`` and ``"DOB"`` -> ``"dob"``: headers compared without case,
    spaces or punctuation."""
    return _NON_ALPHANUMERIC.sub("", text).casefold()


_SYNONYMS: dict[str, str] = {
    normalise_header(header): column.path for column in COLUMNS for header in column.headers
}


@dataclass(slots=True)
class RosterRow:
    """One child's row: canonical values by model path, and the problems found in it."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    #: one line per problem, naming the column (never the value)
    problems: list[str] = field(default_factory=list)

    def get(self, path: str) -> Any:
        return self.values.get(path)


def find_columns(
    headers: list[str], extra: Mapping[str, str] | None = None
) -> tuple[dict[int, Column], list[str]]:
    """Which model column each header position holds, and the headers nobody maps.

    ``extra`` maps header texts to model paths (an authority's ``roster: columns:``); it is
    searched before the built-in synonyms.
    """
    named = {normalise_header(header): path for header, path in (extra or {}).items()}
    found: dict[int, Column] = {}
    seen: set[str] = set()
    ignored: list[str] = []
    for position, header in enumerate(headers):
        key = normalise_header(header)
        path = named.get(key) or _SYNONYMS.get(key)
        if path is None or path in seen:
            if header.strip():
                ignored.append(header.strip())
            continue
        seen.add(path)
        found[position] = _BY_PATH.get(path) or Column(path)
    return found, ignored


def _convert(column: Column, cell: str) -> Any:
    """A roster cell as the canonical value of ``column``; ``TransformError`` if it is not."""
    if column.kind == "date":
        return parse_uk_date(cell).isoformat()
    if column.kind == "code":
        assert column.codelist is not None
        codes = get_codelist(column.codelist)
        code = codes.code_for_label(cell)
        if code is None:
            raise TransformError(f"not a {codes.title.lower()} code or label")
        return code
    if column.kind == "int":
        if not cell.isdigit():
            raise TransformError("not a whole number")
        return int(cell)
    if column.kind == "bool":
        folded = cell.casefold()
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
        raise TransformError("not yes or no")
    if column.kind == "upper":
        return cell.upper().replace(" ", "")
    return cell


def _row(number: int, cells: list[Any], columns: Mapping[int, Column]) -> RosterRow:
    row = RosterRow(number)
    for position, column in columns.items():
        raw = cells[position] if position < len(cells) else None
        if raw is None:
            continue
        # An XLSX cell may already be a date, a number or a bool; CSV cells are text.
        if hasattr(raw, "isoformat") and column.kind == "date":
            row.values[column.path] = (
                raw.date().isoformat() if hasattr(raw, "date") else (raw.isoformat())
            )
            continue
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        cell = " ".join(str(raw).replace("\u00a0", " ").split())
        if cell.casefold() in _BLANKS:
            continue
        try:
            row.values[column.path] = _convert(column, cell)
        except TransformError as problem:
            row.problems.append(
                f"column {column.headers[0] if column.headers else column.path!r}"
                f" ({column.path}): {problem.message}"
            )
    return row


class Roster:
    """An opened roster: its column plan, then its rows one by one (:meth:`rows`)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        headers: list[str],
        cells: Iterator[tuple[int, list[Any]]],
        extra: Mapping[str, str] | None = None,
    ) -> None:
        self.path = os.fspath(path)
        self.headers = headers
        self.columns, self.ignored = find_columns(headers, extra)
        self._cells = cells
        self.paths = frozenset(column.path for column in self.columns.values())

    def rows(self) -> Iterator[RosterRow]:
        """Each child row, converted; blank lines are skipped (their numbers too)."""
        for number, cells in self._cells:
            if all(cell is None or not str(cell).strip() for cell in cells):
                continue
            yield _row(number, cells, self.columns)


# --- CSV -----------------------------------------------------------------------------------

_CHUNK = 1 << 16


def _csv_encoding(path: Path, name: str) -> str:
    """The encoding of a CSV, decided the way :func:`pepdocs.safety.decode_text` decides it
    but without holding the file: the helper judges the head (BOM, binary, UTF-16), then an
    incremental UTF-8 pass over the rest decides between UTF-8 and Windows-1252."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise DocumentError("no such file", name) from None
    except OSError as exc:
        raise DocumentError(f"cannot be read ({exc.strerror})", name) from None
    # A FIFO or device (/dev/stdin) would block or never end: regular files only.
    if not stat.S_ISREG(status.st_mode):
        raise DocumentError("is not a regular file", name)
    if status.st_size > MAX_TEXT_BYTES:
        raise DocumentError(f"larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB; not a roster", name)
    with path.open("rb") as stream:
        head = stream.read(_CHUNK)
        if not head:
            raise DocumentError("is empty (0 bytes)", name)
        cut = head if len(head) < _CHUNK else head[: head.rfind(b"\n") + 1] or head
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            cut = head[: len(head) // 2 * 2]
        try:
            _, encoding = decode_text(cut, name)
        except DocumentError:
            if cut is head:
                raise
            _, encoding = decode_text(head, name)
        if encoding != "utf-8":
            return encoding
        decoder = codecs.getincrementaldecoder("utf-8")()
        stream.seek(0)
        try:
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            # Excel's plain "CSV" on a UK PC: mostly ASCII, a £ or é somewhere far down.
            return "cp1252"
    return "utf-8"


def _csv_records(path: Path, encoding: str) -> Iterator[list[Any]]:
    with path.open(encoding=encoding, newline="") as stream:
        yield from csv.reader(stream)


def _open_csv(path: Path, extra: Mapping[str, str] | None) -> Roster:
    name = os.fspath(path)
    encoding = _csv_encoding(path, name)
    records = _csv_records(path, encoding)
    try:
        headers = next(records)
    except StopIteration:
        raise DocumentError(
            "has no header row; a roster starts with its column names", name
        ) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DocumentError(f"is not a readable CSV ({type(exc).__name__})", name) from None
    # Numbered by record, not by physical line (reader.line_num): a quoted cell may span
    # lines, and a spreadsheet shows one row per record.
    numbered = enumerate(records, start=2)
    return Roster(path, [header.strip() for header in headers], _guard(numbered, name), extra)


def _guard(cells: Iterator[tuple[int, list[Any]]], name: str) -> Iterator[tuple[int, list[Any]]]:
    """CSV errors met while streaming become one line naming the file."""
    number = 1
    try:
        for number, row in cells:
            yield number, row
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DocumentError(
            f"row {number + 1}: not readable as CSV ({type(exc).__name__})", name
        ) from None


# --- XLSX ----------------------------------------------------------------------------------


def _open_xlsx(path: Path, extra: Mapping[str, str] | None) -> Roster:
    from openpyxl import load_workbook  # only XLSX rosters pay for importing it

    name = os.fspath(path)
    data = read_input(path)
    # checked, measured (cells, rows, merges) and re-packed: openpyxl never sees the original
    vetted = vet_workbook(data, name)
    try:
        book = load_workbook(io.BytesIO(vetted.data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise DocumentError(f"is not a readable workbook ({type(exc).__name__})", name) from None
    sheet = book.worksheets[0] if book.worksheets else None
    if sheet is None:
        raise DocumentError("has no worksheet", name)
    rows = sheet.iter_rows(values_only=True)
    try:
        header_cells = next(rows)
    except StopIteration:
        raise DocumentError(
            "has no header row; a roster starts with its column names", name
        ) from None
    headers = ["" if cell is None else str(cell).strip() for cell in header_cells]

    def cells() -> Iterator[tuple[int, list[Any]]]:
        try:
            for number, values in enumerate(rows, start=2):
                yield number, list(values)
        finally:
            book.close()

    return Roster(path, headers, cells(), extra)


def open_roster(
    path: str | os.PathLike[str], extra_columns: Mapping[str, str] | None = None
) -> Roster:
    """Open a roster (``.csv`` or ``.xlsx``) for streaming; raises ``PepdocsError`` naming the
    file when it cannot be read or has no child id, UPN or date-of-birth column at all."""
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix == ".xlsx":
        roster = _open_xlsx(source, extra_columns)
    elif suffix in (".csv", ".txt"):
        roster = _open_csv(source, extra_columns)
    else:
        raise UsageError(f"{source}: a roster is a .csv or .xlsx file")
    if not roster.paths & {"child.la_child_id", "child.upn"}:
        raise PepdocsError(
            f"{source}: no column for the child's LA id or UPN (headers such as 'LA Child ID' "
            "or 'UPN'); name it, or map it in the authority's roster: section"
        )
    return roster


def estimate_rows(path: str | os.PathLike[str]) -> int | None:
    """About how many child rows a roster has, for a progress bar (a quoted cell spanning
    lines makes a CSV count high); None when it cannot tell cheaply."""
    source = Path(path)
    try:
        # Opening a named pipe blocks before any read: only a regular file is counted; the
        # roster reader then refuses anything else in one line naming the file.
        if not stat.S_ISREG(source.stat().st_mode):
            return None
        if source.suffix.lower() == ".xlsx":
            # the rows the sheets' XML holds (not the claim in their dimension), counted
            # without openpyxl
            sheets = vet_workbook(read_input(source), os.fspath(source)).sheets.values()
            return max((max(sheet.rows for sheet in sheets) if sheets else 1) - 1, 0)
        lines = 0
        with source.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                lines += chunk.count(b"\n")
        return max(lines - 1, 0)
    except Exception:  # only a hint: a roster that cannot be read fails properly later
        return None
