"""Dotted paths into a PEP (``education.attendance.percent``, ``targets.1.due_date``).

One implementation for every layer that walks PEP data by path (fill/extract, roll-forward,
conversion), so they agree on what a path means.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def get_path(data: Any, path: str) -> Any:
    """The value at a dotted path, or None; numeric parts index lists."""
    for part in path.split("."):
        if isinstance(data, Mapping):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a dotted path, creating the objects on the way."""
    *parents, last = path.split(".")
    for part in parents:
        child = data.get(part)
        if not isinstance(child, dict):
            child = data[part] = {}
        data = child
    data[last] = value
