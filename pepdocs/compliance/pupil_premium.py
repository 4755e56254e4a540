"""Pupil premium plus (PP+) for looked-after children: the rate per financial year, as data.

The rates live in ``pupil_premium.yaml`` beside this module (one line per financial year,
from the DfE's conditions of grant); a new year is a line of data, never a code change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from ruamel.yaml import YAML

__all__ = [
    "PupilPremiumPlus",
    "financial_year_of",
    "pupil_premium_plus",
    "pupil_premium_plus_year_groups",
]


@dataclass(frozen=True, slots=True)
class PupilPremiumPlus:
    """The PP+ rate for one financial year (GBP per looked-after child for the year)."""

    financial_year: str
    rate: Decimal


def financial_year_of(day: dt.date) -> str:
    """The UK financial year (1 April to 31 March): 31 March 2026 -> ``"2025-26"``,
    1 April 2026 -> ``"2026-27"``."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


@cache
def _data() -> Mapping[str, object]:
    text = resources.files("pepdocs.compliance").joinpath("pupil_premium.yaml").read_text("utf-8")
    data: Mapping[str, object] = YAML(typ="safe").load(text)
    return data


def pupil_premium_plus(when: dt.date | str) -> PupilPremiumPlus | None:
    """The PP+ rate for the financial year of ``when`` (a date, or a label ``"2025-26"``);
    ``None`` for a year the data does not list."""
    year = financial_year_of(when) if isinstance(when, dt.date) else when
    rates = _data()["rates"]
    assert isinstance(rates, Mapping)
    if year not in rates:
        return None
    return PupilPremiumPlus(year, Decimal(str(rates[year])))


def pupil_premium_plus_year_groups() -> frozenset[str]:
    """The national curriculum years PP+ covers: reception to year 11."""
    groups = _data()["year_groups"]
    assert isinstance(groups, list)
    return frozenset(str(group) for group in groups)
