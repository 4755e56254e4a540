"""Reading an SSDA903 export: the CSV set or the XML form, checked row by row.

Every file goes through the project's safe readers: CSV text through
:func:`pepdocs.safety.read_text_file` (size cap; UTF-8, UTF-8 with a BOM, UTF-16 or
Windows-1252, as rosters are read), XML through :func:`pepdocs.safety.package.parse_xml`
(size cap, no DTD, no entities, no network). Dates are DD/MM/YYYY as the DfE specifies them
(ISO ``YYYY-MM-DD`` is also read: it cannot be misread). Every code is checked against the
903 code list of the collection years its row belongs to (:mod:`pepdocs.ssda903.codes`).

A bad value is reported at its file, row and column and the rest of the row is kept; a row
whose key (the child id, an episode's start, a review's date) is missing or unreadable is
left out and reported. Nothing stops the whole read but a file that cannot be read at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from lxml import etree

from pepdocs.errors import DocumentError, PepdocsError, UsageError
from pepdocs.model.identifiers import validate_upn
from pepdocs.safety import read_text_file
from pepdocs.safety.package import parse_xml, read_input
from pepdocs.ssda903.codes import (
    CodeBook,
    collection_year_of,
    load_codebook,
    parse_year,
    year_label,
)
from pepdocs.ssda903.kinds import KINDS, KINDS_BY_NAME, FileKind, kind_of_header
from pepdocs.ssda903.records import (
    Child903,
    DataProblem,
    Episode,
    FileRead,
    Record,
    Return903,
    Review,
    Source,
    UascStatus,
)

__all__ = ["load_903", "parse_903_date"]

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?: 00:00(?::00)?)?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?")
#: a value shown in a message only when it looks like a code (never a name or a date)
_CODE_LIKE = re.compile(r"[A-Z0-9]{1,8}")
_FLOAT_ZERO = re.compile(r"(?<=^\d)\.0+$|(?<=^\d\d)\.0+$")
_XML_NAMES = {"CHILDID": "CHILD", "PL": "PLACE"}


def parse_903_date(text: str) -> dt.date:
    """``"14/08/2017"`` (or ``"2017-08-14"``) -> a date; ``ValueError`` for anything else.

    Day first, always: 903 dates are DD/MM/YYYY. A time of midnight (database exports add
    one) is allowed; any other text is refused rather than guessed.
    """
    match = _DMY.fullmatch(text)
    if match is not None:
        return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    match = _ISO.fullmatch(text)
    if match is not None:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    raise ValueError(text)


# --- raw rows -------------------------------------------------------------------------------

# A raw row: its source, and its non-blank cells by column (stripped text).
_Raw = tuple[Source, dict[str, str]]


def _csv_rows(path: Path, name: str) -> tuple[FileKind | None, Iterator[_Raw], str]:
    """The file's kind (None when it is no 903 table: then the third item says why) and its
    rows."""
    text = read_text_file(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return None, iter(()), "empty"
    except csv.Error:
        raise DocumentError("is not a readable CSV file", name) from None
    columns = [cell.strip().upper() for cell in header]
    kinds = kind_of_header(frozenset(columns))
    if len(kinds) != 1:
        why = (
            "its columns are those of no 903 table"
            if not kinds
            else f"its columns fit several 903 tables ({', '.join(k.name for k in kinds)})"
        )
        return None, iter(()), why
    kind = kinds[0]
    wanted = [
        (position, column) for position, column in enumerate(columns) if column in kind.columns
    ]

    def rows() -> Iterator[_Raw]:
        number = 1
        try:
            for number, cells in enumerate(reader, start=2):
                values = {}
                for position, column in wanted:
                    if position < len(cells):
                        cell = cells[position].strip()
                        if cell:
                            values[column] = cell
                if values:
                    yield Source(name, row=number), values
        except csv.Error:
            raise DocumentError(f"row {number + 1}: not readable as CSV", name) from None

    return kind, rows(), ""


def _leaves(element: etree._Element) -> dict[str, str]:
    values: dict[str, str] = {}
    for node in element:
        if len(node) == 0 and isinstance(node.tag, str):
            text = (node.text or "").strip()
            if text:
                values[_XML_NAMES.get(node.tag, node.tag)] = text
    return values


_HEADER_TABLES = {
    kind.xml_element: kind for kind in KINDS if kind.xml_element and kind.xml_element != "EPISODE"
}


def _xml_rows(
    root: etree._Element, name: str, unknown: dict[str, int]
) -> Iterator[tuple[FileKind, Source, dict[str, str]]]:
    """Every table row held in the XML form, with its kind. The XML nests a child's tables:
    CHILD holds HEADER (the header columns, UASC and DUC, OC3 and AD1 columns, and an element
    per review, missing episode, OC2, previous permanence and placement for adoption) and an
    EPISODE per episode."""
    known_header = {
        column for kind in KINDS if kind.xml_element is None for column in kind.columns
    } | {"CHILDID", "UASC", "DUC"}
    for number, child in enumerate(root.iterfind("CHILD"), start=1):
        where = f"CHILD {number}"
        header = child.find("HEADER")
        head = _leaves(header) if header is not None else {}
        identity: dict[str, str] = {
            key: head[key] for key in ("CHILD", "DOB", "SEX") if key in head
        }
        yield KINDS_BY_NAME["header"], Source(name, element=where), head
        if head.get("UASC") == "1" or "DUC" in head:
            yield KINDS_BY_NAME["uasc"], Source(name, element=where), head
        if "IN_TOUCH" in head or "ACTIV" in head or "ACCOM" in head:
            yield KINDS_BY_NAME["oc3"], Source(name, element=where), head
        if "DATE_INT" in head:
            yield KINDS_BY_NAME["ad1"], Source(name, element=where), head
        counts: dict[str, int] = {}
        for node in header if header is not None else ():
            if not isinstance(node.tag, str):
                continue
            kind = _HEADER_TABLES.get(node.tag)
            if kind is None:
                if len(node) or node.tag not in known_header:
                    unknown[f"HEADER/{node.tag}"] = unknown.get(f"HEADER/{node.tag}", 0) + 1
                continue
            counts[node.tag] = counts.get(node.tag, 0) + 1
            source = Source(name, element=f"{where}, {node.tag} {counts[node.tag]}")
            yield kind, source, {**identity, **_leaves(node)}
        episodes = 0
        for node in child:
            if node.tag == "EPISODE":
                episodes += 1
                source = Source(name, element=f"{where}, EPISODE {episodes}")
                yield KINDS_BY_NAME["episodes"], source, {**identity, **_leaves(node)}
            elif isinstance(node.tag, str) and node.tag != "HEADER":
                unknown[node.tag] = unknown.get(node.tag, 0) + 1


# --- checking a row -------------------------------------------------------------------------


class _Checker:
    """Turns raw rows into checked values, collecting problems."""

    def __init__(self, book: CodeBook, forced_year: int | None) -> None:
        self.book = book
        self.forced_year = forced_year
        self.problems: list[DataProblem] = []

    def report(
        self, source: Source, column: str, message: str, child: str | None, left_out: bool
    ) -> None:
        self.problems.append(DataProblem(source, column, message, left_out, child or None))

    def _span(self, kind: FileKind, values: Mapping[str, Any]) -> tuple[int | None, int | None]:
        """The collection years whose code lists apply to a row: the forced year; else the
        year of the row's date (an episode: from its start to its end, or on to today's
        lists while it is open); else any year."""
        if self.forced_year is not None:
            return self.forced_year, self.forced_year
        if kind.year_from is None:
            return None, None
        day = values.get(kind.year_from)
        if not isinstance(day, dt.date):
            return None, None
        if kind.name == "episodes":
            end = values.get("DEC")
            return collection_year_of(day), (
                collection_year_of(end) if isinstance(end, dt.date) else None
            )
        year = collection_year_of(day)
        return year, year

    def _code_message(self, field: str, code: str, span: tuple[int | None, int | None]) -> str:
        """``'H5' is not a valid code in 2025-26 (valid until 2024-25)``: the code is shown
        (a code is no personal data), any other text is not."""
        shown = repr(code) if _CODE_LIKE.fullmatch(code) else "the value"
        entry = self.book[field].codes.get(code)
        first, last = span
        if entry is None or first is None:
            return f"{shown} is not a valid code"
        years = (
            year_label(first)
            if first == last
            else f"{year_label(first)} or later"
            if last is None
            else f"{year_label(first)} to {year_label(last)}"
        )
        if entry.first is not None and entry.last is not None:
            valid = f"valid {year_label(entry.first)} to {year_label(entry.last)}"
        elif entry.first is not None:
            valid = f"valid from {year_label(entry.first)}"
        else:
            valid = f"valid until {year_label(entry.last or 0)}"
        return f"{shown} is not a valid code in {years} ({valid})"

    def check(
        self, kind: FileKind, source: Source, raw: Mapping[str, str]
    ) -> dict[str, Any] | None:
        """The row's values (dates as dates, codes upper-cased, blanks as None), or None when
        the row is left out."""
        child = raw.get("CHILD", "")
        if not child:
            self.report(source, "CHILD", "no child id", None, True)
            return None
        values: dict[str, Any] = {"CHILD": child}
        for column in kind.columns:
            if column == "CHILD":
                continue
            text = raw.get(column)
            if text is None:
                if column in kind.keys:
                    self.report(source, column, "missing", child, True)
                    return None
                values[column] = None
                continue
            if column in kind.dates:
                try:
                    values[column] = parse_903_date(text)
                except ValueError:
                    if column in kind.keys:
                        self.report(source, column, "not a date written DD/MM/YYYY", child, True)
                        return None
                    self.report(source, column, "not a date written DD/MM/YYYY", child, False)
                    values[column] = None
            else:
                values[column] = text
        span = self._span(kind, values)
        for column, field in kind.codes.items():
            code = values.get(column)
            if code is None:
                continue
            # "1.0" for 1: a numeric code that went through a spreadsheet or a data frame
            code = _FLOAT_ZERO.sub("", code.upper())
            first, last = span
            if self.book[field].valid_between(code, first, last):
                values[column] = code
            else:
                self.report(source, column, self._code_message(field, code, span), child, False)
                values[column] = None
        for column, (low, high) in kind.numbers.items():
            text = values.get(column)
            if text is None:
                continue
            if text.isdigit() and low <= int(text) <= high:
                values[column] = int(text)
            else:
                self.report(
                    source, column, f"not a whole number from {low} to {high}", child, False
                )
                values[column] = None
        upn = values.get("UPN")
        if upn is not None:
            upn = upn.upper().replace(" ", "")
            reason = validate_upn(upn)
            if reason is not None:
                self.report(
                    source, "UPN", f"not a valid UPN ({reason.rstrip('.')})", child, False
                )
                upn = None
            values["UPN"] = upn
        return values


# --- the whole export -----------------------------------------------------------------------


def _files_in(path: Path) -> tuple[list[Path], list[Path], list[str]]:
    """The CSV and XML files to read, and notes on what else is there."""
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix == ".xml":
            return [], [path], []
        if suffix in (".csv", ".txt"):
            return [path], [], []
        raise UsageError(f"{path}: a 903 export is a folder of CSV files, or an XML file")
    if not path.is_dir():
        raise UsageError(f"{path}: no such file or folder")
    csvs: list[Path] = []
    xmls: list[Path] = []
    notes: list[str] = []
    for entry in sorted(path.iterdir()):
        if entry.name.startswith(".") or not entry.is_file():
            continue
        suffix = entry.suffix.lower()
        if suffix == ".csv":
            csvs.append(entry)
        elif suffix == ".xml":
            xmls.append(entry)
        elif entry.name not in ("LICENSE", "README.md"):
            notes.append(f"{entry}: not read (not a .csv or .xml file)")
    if csvs and xmls:
        # One form of the return at a time: the CSV set and the XML are usually the same
        # data twice. The XML is read when named itself.
        notes.extend(
            f"{xml}: not read (the folder's CSV files are; name the XML file to read it)"
            for xml in xmls
        )
        xmls = []
    if not csvs and not xmls:
        raise UsageError(f"{path}: no 903 files here (no .csv or .xml file)")
    return csvs, xmls, notes


class _Collector:
    """Builds the :class:`Return903` from checked rows, dropping exact duplicates."""

    def __init__(self, data: Return903, checker: _Checker) -> None:
        self.data = data
        self.checker = checker
        self.episode_at: dict[tuple[str, dt.date], Episode] = {}
        self.review_at: set[tuple[str, dt.date, str | None]] = set()

    def add(self, kind: FileKind, source: Source, values: dict[str, Any]) -> bool:
        """Keep a checked row; False when it repeats one already kept (and is left out)."""
        child: str = values["CHILD"]
        if kind.name == "header":
            known = self.data.children.get(child)
            record = Child903(
                child,
                source,
                values.get("SEX"),
                values.get("DOB"),
                values.get("ETHNIC"),
                values.get("UPN"),
            )
            if known is not None:
                return self._repeat(record, known, source, child, "header record")
            self.data.children[child] = record
        elif kind.name == "episodes":
            episode = Episode(
                child_id=child,
                start=values["DECOM"],
                source=source,
                reason_new=values.get("RNE"),
                legal_status=values.get("LS"),
                need=values.get("CIN"),
                placement=values.get("PLACE"),
                provider=values.get("PLACE_PROVIDER"),
                end=values.get("DEC"),
                reason_ended=values.get("REC"),
                reason_placement_changed=values.get("REASON_PLACE_CHANGE"),
                placement_urn=values.get("URN"),
            )
            key = (child, episode.start)
            known_episode = self.episode_at.get(key)
            if known_episode is not None:
                return self._repeat(
                    episode, known_episode, source, child, "episode starting that day"
                )
            self.episode_at[key] = episode
            self.data.episodes.setdefault(child, []).append(episode)
        elif kind.name == "reviews":
            review = Review(child, values["REVIEW"], source, values.get("REVIEW_CODE"))
            review_key = (child, review.date, review.participation)
            if review_key in self.review_at:
                return False
            self.review_at.add(review_key)
            self.data.reviews.setdefault(child, []).append(review)
        elif kind.name == "uasc":
            status = UascStatus(child, source, values.get("DUC"))
            known_status = self.data.uasc.get(child)
            if known_status is not None:
                return self._repeat(status, known_status, source, child, "UASC record")
            self.data.uasc[child] = status
        else:
            self.data.other.setdefault(kind.name, []).append(
                Record(kind.name, child, source, values)
            )
        return True

    def _repeat(self, new: Any, known: Any, source: Source, child: str, what: str) -> bool:
        same = all(
            getattr(new, name) == getattr(known, name)
            for name in new.__dataclass_fields__
            if name != "source"
        )
        if not same:
            self.checker.report(
                source,
                "CHILD",
                f"this child has another {what} ({known.source}) that differs; that one is used",
                child,
                True,
            )
        return False


def load_903(path: str | os.PathLike[str], *, collection_year: str | None = None) -> Return903:
    """Read and check an SSDA903 export: a folder of CSV files (recognised by their columns,
    whatever their names), a single CSV file, or the XML form of the return.

    ``collection_year`` (``"2025-26"``) checks every code against that one year's lists, as
    the DfE's validation of the year's return does; by default each row is checked against
    the years it belongs to. Several files of one kind (two years' exports in one folder)
    are read together; a row repeated exactly is kept once, a differing repeat is reported.
    Raises ``PepdocsError`` only when a file cannot be read at all.
    """
    source_path = Path(path)
    forced = parse_year(collection_year) if collection_year else None
    csvs, xmls, notes = _files_in(source_path)
    data = Return903(notes=notes)
    checker = _Checker(load_codebook(), forced)
    collector = _Collector(data, checker)
    for file in csvs:
        name = os.fspath(file)
        kind, rows, why = _csv_rows(file, name)
        if kind is None:
            data.notes.append(f"{name}: not read ({why})")
            continue
        read = kept = 0
        for source, raw in rows:
            read += 1
            values = checker.check(kind, source, raw)
            if values is not None and collector.add(kind, source, values):
                kept += 1
        data.files.append(FileRead(name, kind.name, read, kept))
    for file in xmls:
        name = os.fspath(file)
        root = parse_xml(read_input(file), name)
        if root.tag != "EXPSSDA903":
            raise DocumentError(
                "is not the XML form of an SSDA903 return (its root element is not EXPSSDA903)",
                name,
            )
        unknown: dict[str, int] = {}
        counts: dict[str, list[int]] = {}
        for kind, source, raw in _xml_rows(root, name, unknown):
            tally = counts.setdefault(kind.name, [0, 0])
            tally[0] += 1
            values = checker.check(kind, source, raw)
            if values is not None and collector.add(kind, source, values):
                tally[1] += 1
        for kind_name, (read, kept) in counts.items():
            data.files.append(FileRead(name, kind_name, read, kept))
        for element, times in sorted(unknown.items()):
            data.notes.append(f"{name}: element {element} not read ({times} times)")
    if not data.files:
        raise PepdocsError(f"{source_path}: no 903 table found (no file has 903 columns)")
    data.problems = checker.problems
    _finish(data, checker)
    return data


def _finish(data: Return903, checker: _Checker) -> None:
    """Sort each child's episodes and reviews; note episodes and reviews of children with no
    header record; find the latest date the episodes record."""
    latest: dt.date | None = None
    for child, episodes in data.episodes.items():
        episodes.sort(key=lambda episode: (episode.start, episode.end or dt.date.max))
        for episode in episodes:
            for day in (episode.start, episode.end):
                if day is not None and (latest is None or day > latest):
                    latest = day
        if data.children and child not in data.children:
            checker.report(
                episodes[0].source,
                "CHILD",
                "episodes of a child with no header record (date of birth unknown)",
                child,
                False,
            )
    for reviews in data.reviews.values():
        reviews.sort(key=lambda review: review.date)
    data.latest_date = latest
