"""The SSDA903 code lists, by collection year (data: ``codes.yaml`` beside this module).

A 903 export covers several collection years (a child's open episode may have started years
before the return), and the DfE changes code lists between years: placement types H5, P2 and
Z1 were retired after 2024-25, when Z11-Z14 replaced Z1. A code is therefore checked against
the lists of the years its record belongs to (:meth:`CodeBook.valid`), not against one year's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from pepdocs.errors import PepdocsError
from pepdocs.model import get_codelist

__all__ = [
    "CodeBook",
    "CodeList903",
    "collection_year_of",
    "collection_years_between",
    "load_codebook",
    "parse_year",
    "year_label",
]

_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


def collection_year_of(day: dt.date) -> int:
    """The collection year a date falls in, as its first calendar year: the 903 year runs 1
    April to 31 March, so 31 March 2018 is in 2017 (``"2017-18"``) and 1 April 2018 in 2018."""
    return day.year if day.month >= 4 else day.year - 1


def year_label(first: int) -> str:
    """``2017`` -> ``"2017-18"``."""
    return f"{first}-{(first + 1) % 100:02d}"


def parse_year(text: str) -> int:
    """``"2017-18"`` -> ``2017``; anything else raises ``PepdocsError``."""
    match = _YEAR.match(text.strip())
    if match is None or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise PepdocsError(f"{text!r} is not a collection year; write it as 2025-26")
    return int(match.group(1))


def collection_years_between(start: dt.date, end: dt.date) -> range:
    """Every collection year a span of dates touches (``end`` before ``start`` gives one)."""
    first = collection_year_of(start)
    return range(first, max(first, collection_year_of(end)) + 1)


@dataclass(frozen=True, slots=True)
class _Code:
    label: str
    first: int | None  # first collection year the code is valid in; None: from the start
    last: int | None  # last collection year; None: still valid

    def valid_in(self, year: int) -> bool:
        return (self.first is None or year >= self.first) and (
            self.last is None or year <= self.last
        )


@dataclass(frozen=True, slots=True)
class CodeList903:
    """One field's codes (``PLACE``), each with its label and the years it is valid in."""

    field: str
    title: str
    codes: Mapping[str, _Code]

    def label(self, code: str) -> str:
        found = self.codes.get(code)
        return found.label if found is not None else ""

    def valid(self, code: str, years: Iterable[int] | None = None) -> bool:
        """Whether ``code`` is a code of this list in any of ``years`` (any year if None)."""
        found = self.codes.get(code)
        if found is None:
            return False
        if years is None:
            return True
        return any(found.valid_in(year) for year in years)

    def valid_between(self, code: str, first: int | None, last: int | None) -> bool:
        """Whether ``code`` is valid in some collection year from ``first`` to ``last``
        (None: no bound on that side)."""
        found = self.codes.get(code)
        if found is None:
            return False
        return (found.first is None or last is None or found.first <= last) and (
            found.last is None or first is None or found.last >= first
        )

    def codes_in(self, year: int) -> tuple[str, ...]:
        """The codes valid in collection year ``year``, in the list's order."""
        return tuple(code for code, entry in self.codes.items() if entry.valid_in(year))


class CodeBook:
    """Every 903 code list, by field name (``RNE``, ``LS``, ``PLACE`` ...)."""

    def __init__(self, lists: Mapping[str, CodeList903]) -> None:
        self._lists = dict(lists)

    def __getitem__(self, field: str) -> CodeList903:
        return self._lists[field]

    def __contains__(self, field: object) -> bool:
        return field in self._lists

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self._lists)


def _year_or_none(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise PepdocsError(f'{where}: a collection year must be quoted, as "2025-26"')
    return parse_year(value)


def _entry(code: str, value: Any, where: str) -> _Code:
    if isinstance(value, Mapping):
        return _Code(
            str(value.get("label") or ""),
            _year_or_none(value.get("from"), where),
            _year_or_none(value.get("until"), where),
        )
    return _Code("" if value is None else str(value), None, None)


def _build(field: str, spec: Mapping[str, Any]) -> CodeList903:
    where = f"pepdocs/ssda903/codes.yaml: {field}"
    codes: dict[str, _Code] = {}
    model_list = spec.get("same_as")
    if model_list is not None:
        listed = get_codelist(str(model_list))
        codes = {code: _Code(label, None, None) for code, label in listed.labels.items()}
    raw = spec.get("codes") or {}
    items = raw.items() if isinstance(raw, Mapping) else ((code, None) for code in raw)
    for code, value in items:
        codes[str(code)] = _entry(str(code), value, where)
    for change in spec.get("history") or ():
        code = str(change["code"])
        label = str(change.get("label") or (codes[code].label if code in codes else ""))
        codes[code] = _Code(
            label,
            _year_or_none(change.get("from"), where),
            _year_or_none(change.get("until"), where),
        )
    if not codes:
        raise PepdocsError(f"{where}: no codes")
    return CodeList903(field, str(spec.get("title") or field), codes)


@cache
def load_codebook() -> CodeBook:
    """The shipped 903 code lists (read once per process)."""
    text = resources.files("pepdocs.ssda903").joinpath("codes.yaml").read_text("utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    fields = data.get("fields") if isinstance(data, Mapping) else None
    if not isinstance(fields, Mapping):
        raise PepdocsError("pepdocs/ssda903/codes.yaml: expected a fields: mapping")
    return CodeBook({str(name): _build(str(name), spec) for name, spec in fields.items()})
