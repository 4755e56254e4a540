"""Date handling the engine needs for date content controls (``w:date/@w:fullDate``)."""

from __future__ import annotations

import datetime as dt

from pepdocs.errors import TransformError
from pepdocs.mapping.dates import parse_uk_date


def parse_form_date(text: str) -> dt.date | None:
    """The date a box's text states, or None when it is not a date read with certainty
    (the strict UK parser: never month-first, nothing filled in from today)."""
    if not text.strip():
        return None
    try:
        return parse_uk_date(text)
    except TransformError:
        return None
