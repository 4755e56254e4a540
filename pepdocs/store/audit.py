"""The audit log's field-by-field changes, and who is acting.

A change names a path and whether a value was added, removed or changed there: never the
value (the versions hold those; the log may be shown to people who may not see the PEP).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from typing import Any

__all__ = ["USER_ENV", "current_user", "field_changes", "leaves"]

USER_ENV = "PEPDOCS_USER"


def current_user(given: str | None = None) -> str:
    """Who is acting: ``given`` (``--user``, later the web user), else ``PEPDOCS_USER``,
    else the operating system's user name."""
    for name in (given, os.environ.get(USER_ENV)):
        if name and name.strip():
            return name.strip()[:128]
    try:
        return getpass.getuser()[:128]
    except (KeyError, OSError):  # no user name in a bare container
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def leaves(data: Any, prefix: str = "") -> dict[str, Any]:
    """``{dotted path: value}`` for every value in ``data`` (list items by index)."""
    found: dict[str, Any] = {}
    _gather(data, prefix, found)
    return found


def _gather(data: Any, prefix: str, found: dict[str, Any]) -> None:
    kind = type(data)
    if kind is str or kind is int or kind is float or kind is bool:
        # most values: no container checks (the Mapping check costs more than the rest)
        if data != "":
            found[prefix.rstrip(".")] = data
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _gather(value, f"{prefix}{index}.", found)
    elif isinstance(data, dict) or (not isinstance(data, str) and isinstance(data, Mapping)):
        for key, value in data.items():
            _gather(value, f"{prefix}{key}.", found)
    elif data is not None and data != "":
        found[prefix.rstrip(".")] = data


def field_changes(
    before: Mapping[str, Any] | None, after: Mapping[str, Any]
) -> list[dict[str, str]]:
    """What changed between two versions, path by path, in path order: ``added`` (no value
    before), ``removed`` (no value after) or ``changed``."""
    old, new = leaves(before or {}), leaves(after)
    changes = []
    for path in sorted(old.keys() | new.keys()):
        if path not in old:
            changes.append({"path": path, "change": "added"})
        elif path not in new:
            changes.append({"path": path, "change": "removed"})
        elif old[path] != new[path]:
            changes.append({"path": path, "change": "changed"})
    return changes
