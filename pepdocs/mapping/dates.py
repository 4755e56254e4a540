"""Dates as people type them on English forms: a strict, layered, day-first parser.

Why not ``dateutil``: with ``dayfirst=True`` it swaps ISO dates (``2025-09-03`` becomes
9 March), silently accepts US order (``12/13/2025``), fills missing parts from today, maps
``/75`` to 2075 and raises ``OverflowError`` on junk (see docs/mappings.md, "Dates").

The layers, tried in order; the first whose *shape* matches decides, and its errors are final:

1. ISO, year first: ``2025-09-03``, ``2025/09/03``, ``2025.9.3``; a time part after ``T`` or a
   space (``2025-09-03T00:00:00Z``, Word's ``w:fullDate``) is dropped, its date part taken
   literally (no time-zone shift).
2. Day-first numbers: ``3/9/2025``, ``03.09.25``, ``3-9-2025``, ``03 / 09 / 2025``. The same
   separator twice; month 1-12 and a day that exists in that month, else an error: never
   month-first.
3. Names: ``3rd Sept 2025``, ``3 Oct 25``, ``Wednesday 3 September 2025``, ``3-Sep-2025``,
   ``September 3rd, 2025``, ``3rd of September 2025``. A weekday, when given, must match.

Two-digit years use a sliding window: ``20yy`` unless that is more than
:data:`FUTURE_WINDOW_YEARS` after the pivot year (default: this year), then ``19yy``. In 2025,
``25`` is 2025, ``45`` is 2045 and ``46`` is 1946. A date without a year, day or month is an
error: nothing is filled in from today.

Errors are :class:`pepdocs.errors.TransformError` with a reason and never the text itself
(which is kept on ``.raw`` for the report).
"""

from __future__ import annotations

import datetime as dt
import re

from pepdocs.errors import TransformError

#: A two-digit year is read as 20yy unless that lies more than this many years after the pivot
#: year; then it is 19yy. Meeting and review dates sit within a year or two of today and dates
#: of birth in the past, so 20 years ahead is generous for the first and harmless for the second.
FUTURE_WINDOW_YEARS = 20

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

_WEEKDAYS: dict[str, int] = {}
for _number, _name in enumerate(WEEKDAY_NAMES):
    _WEEKDAYS[_name.lower()] = _number
    _WEEKDAYS[_name[:3].lower()] = _number
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

_TIME_SUFFIX = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME_SUFFIX)
_NUMERIC = re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d+)")
_ALL_DIGITS_AND_SEPARATORS = re.compile(r"[\d\s/.\-:]+")
_DAY = re.compile(r"(\d{1,2})(st|nd|rd|th)?")
_YEAR = re.compile(r"['’]?(\d{2}|\d{4})")
# Commas, and the hyphens of spreadsheet dates (03-Sep-2025), separate words like spaces.
_WORD_SEPARATORS = re.compile(r"[\s,]+|(?<=\w)-(?=\w)")

_DAY_FIRST_HINT = "dates are read day-first (DD/MM/YYYY), never month-first"


def _fail(reason: str, raw: object) -> TransformError:
    return TransformError(f"not a date: {reason}", raw=raw)


def expand_two_digit_year(year: int, pivot_year: int | None = None) -> int:
    """``25`` -> 2025; see :data:`FUTURE_WINDOW_YEARS` for the window."""
    pivot = pivot_year if pivot_year is not None else dt.date.today().year
    full = 2000 + year
    if full > pivot + FUTURE_WINDOW_YEARS:
        full -= 100
    return full


def _year(text: str, raw: object, pivot_year: int | None) -> int:
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        return expand_two_digit_year(int(text), pivot_year)
    raise _fail("the year must have 4 digits (or 2)", raw)


def _build(year: int, month: int, day: int, raw: object) -> dt.date:
    if not 1 <= month <= 12:
        raise _fail(f"the month is out of range (1-12); {_DAY_FIRST_HINT}", raw)
    if year < 1:
        raise _fail("the year is out of range", raw)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _fail("the day is out of range for that month", raw) from None


def parse_uk_date(text: str, *, pivot_year: int | None = None) -> dt.date:
    """Read a date typed by a person on an English form; raise ``TransformError`` if unsure.

    ``pivot_year`` anchors the two-digit-year window (default: the current year); it is the
    only thing taken from today, and only for two-digit years.
    """
    if not isinstance(text, str):
        raise _fail("expected text", text)
    # Word and PDFs bring no-break and thin spaces; treat them as spaces.
    cleaned = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    if not cleaned:
        raise _fail("the box is empty", text)

    iso = _ISO.fullmatch(cleaned)
    if iso:
        year, _, month, day = iso.groups()
        return _build(int(year), int(month), int(day), text)

    numeric = _NUMERIC.fullmatch(cleaned)
    if numeric:
        day, _, month, year = numeric.groups()
        return _build(_year(year, text, pivot_year), int(month), int(day), text)

    if _ALL_DIGITS_AND_SEPARATORS.fullmatch(cleaned):
        raise _fail("write it as day, month and year, e.g. 03/09/2025 or 3 September 2025", text)
    return _parse_named(cleaned, text, pivot_year)


def _month_number(word: str) -> int | None:
    return _MONTHS.get(word.rstrip(".").lower())


def _parse_named(cleaned: str, raw: object, pivot_year: int | None) -> dt.date:
    words = [word for word in _WORD_SEPARATORS.split(cleaned) if word]
    weekday: int | None = None
    if words and words[0].rstrip(".").lower() in _WEEKDAYS:
        weekday = _WEEKDAYS[words.pop(0).rstrip(".").lower()]
    if words and words[0].lower() == "the":
        words.pop(0)

    month_at = next((i for i, word in enumerate(words) if _month_number(word)), None)
    if month_at is None:
        raise _fail("no month name or day/month/year numbers found", raw)
    month = _month_number(words[month_at])
    assert month is not None
    before, after = words[:month_at], words[month_at + 1 :]
    if before and before[-1].lower() == "of":
        before.pop()

    day_text: str | None
    if before:  # 3rd (of) September 2025
        if len(before) != 1:
            raise _fail("unexpected words before the month", raw)
        day_text, rest = before[0], after
    else:  # September 3rd, 2025
        if after and _DAY.fullmatch(after[0]):
            day_text, rest = after[0], after[1:]
        else:  # "September 2025": that number is a year, not a day
            day_text, rest = None, after
    if day_text is None:
        raise _fail("no day: write the day of the month too", raw)
    day_match = _DAY.fullmatch(day_text)
    if not day_match:
        raise _fail("the day must be a number (3, 03 or 3rd)", raw)
    if not rest:
        raise _fail("no year: write the year too (a date is never completed from today)", raw)
    if len(rest) > 1:
        raise _fail("unexpected words after the year", raw)
    year_match = _YEAR.fullmatch(rest[0])
    if not year_match:
        raise _fail("the year must have 4 digits (or 2)", raw)

    date = _build(_year(year_match.group(1), raw, pivot_year), month, int(day_match.group(1)), raw)
    if weekday is not None and date.weekday() != weekday:
        raise _fail("the weekday does not match the date; check which one is right", raw)
    return date


# --- formatting ----------------------------------------------------------------------------

_DIRECTIVE = re.compile(r"%(-?)(.)")
#: Directives :func:`format_date` understands; English names whatever the locale.
DIRECTIVES = "d m Y y B b A a O %"


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def check_date_format(fmt: str) -> None:
    """Raise ``ValueError`` naming the first directive :func:`format_date` does not know."""
    for match in _DIRECTIVE.finditer(fmt):
        flag, code = match.groups()
        if code not in DIRECTIVES.split() or (flag and code not in "dm"):
            raise ValueError(
                f"unknown date directive %{flag}{code}; use %d %-d %m %-m %Y %y %B %b %A %a "
                "%O (3rd) or %%"
            )
    if "%" in _DIRECTIVE.sub("", fmt):
        raise ValueError("a lone % at the end of the date format; write %% for a percent sign")


def format_date(value: dt.date, fmt: str) -> str:
    """``strftime`` with English names on every platform, plus ``%-d``/``%-m`` (no padding)
    and ``%O`` (ordinal day: ``3rd``). ``%b`` is the three-letter month (``Sep``)."""
    check_date_format(fmt)

    def render(match: re.Match[str]) -> str:
        flag, code = match.groups()
        if code == "d":
            return str(value.day) if flag else f"{value.day:02d}"
        if code == "m":
            return str(value.month) if flag else f"{value.month:02d}"
        if code == "Y":
            return f"{value.year:04d}"
        if code == "y":
            return f"{value.year % 100:02d}"
        if code == "B":
            return MONTH_NAMES[value.month - 1]
        if code == "b":
            return MONTH_NAMES[value.month - 1][:3]
        if code == "A":
            return WEEKDAY_NAMES[value.weekday()]
        if code == "a":
            return WEEKDAY_NAMES[value.weekday()][:3]
        if code == "O":
            return _ordinal(value.day)
        return "%"

    return _DIRECTIVE.sub(render, fmt)
