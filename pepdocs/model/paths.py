"""Dotted paths into a PEP (``education.attendance.percent``, ``targets.1.due_date``).

One implementation for every layer that walks PEP data by path (fill/extract, roll-forward,
conversion), so they agree on what a path means.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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


def drop_path(data: Any, path: str) -> bool:
    """Remove the value at a dotted path; True if something went.

    A list item becomes None rather than leaving the list, so that the indexes of other paths
    into the same list (several problems found at once) stay right; :func:`compact` removes
    those placeholders afterwards.
    """
    *parents, last = path.split(".")
    holder = get_path(data, ".".join(parents)) if parents else data
    if isinstance(holder, dict) and last in holder:
        del holder[last]
        return True
    if isinstance(holder, list) and last.isdigit() and int(last) < len(holder):
        holder[int(last)] = None
        return True
    return False


def compact(data: Any) -> Any:
    """A copy of ``data`` without the None placeholders :func:`drop_path` left in lists."""
    if isinstance(data, dict):
        return {key: compact(value) for key, value in data.items()}
    if isinstance(data, list):
        return [compact(item) for item in data if item is not None]
    return data


def value_paths(data: Any, prefix: str = "") -> Iterator[str]:
    """The dotted paths that hold a value (not None, not ``""``); list items collapse to
    ``*`` (``targets.*.lead``), so a path is yielded once per item that has it."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from value_paths(value, f"{prefix}{key}.")
    elif isinstance(data, list):
        for item in data:
            yield from value_paths(item, f"{prefix}*.")
    elif data is not None and data != "":
        yield prefix.rstrip(".")
