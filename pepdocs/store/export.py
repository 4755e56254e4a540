"""``pepdocs export``: the current PEPs (or every version) as JSON, CSV or XLSX.

JSON keeps each PEP whole; CSV and XLSX give one row per PEP version, the store's columns
first (child, authority, term, state, version, when, who) then one column per field path
(``targets.0.description``), in the order they are first met. Every text cell is made safe
for a spreadsheet (a value starting ``=`` is not run as a formula). ``redact`` replaces the
people in every PEP by consistent pseudonyms (``pepdocs.safety.redact``, one random key per
export, so one child keeps one pseudonym across versions). The file is written atomically
and never over an existing one unless ``force``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pepdocs._io import write_atomic
from pepdocs.errors import OutputExistsError, UsageError
from pepdocs.safety import export_cell
from pepdocs.store.audit import leaves
from pepdocs.store.records import TermKey
from pepdocs.store.store import Store, StoredPep

__all__ = ["EXPORT_COLUMNS", "ExportFormat", "ExportResult", "export"]

ExportFormat = Literal["json", "csv", "xlsx"]
EXPORT_COLUMNS = (
    "child", "authority", "academic_year", "term", "state", "version", "current_version",
    "origin", "created_at", "created_by",
)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int
    format: str


def _format_of(path: Path, given: str | None) -> ExportFormat:
    wanted = (given or path.suffix.lstrip(".")).lower()
    if wanted not in ("json", "csv", "xlsx"):
        raise UsageError(f"{path}: give --format json, csv or xlsx (or name the file so)")
    return wanted  # type: ignore[return-value]


class _Rows:
    """The PEPs to export, redacted when asked (the same pseudonyms throughout)."""

    def __init__(
        self, store: Store, term: TermKey | None, all_versions: bool, redact: bool
    ) -> None:
        self.store, self.term, self.all_versions = store, term, all_versions
        self.redactor: Any = None
        if redact:
            from pepdocs.safety.redact import Redactor

            self.redactor = Redactor(os.urandom(32))

    def __iter__(self) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        for stored in self.store.current(self.term, all_versions=self.all_versions):
            data = stored.data
            if self.redactor is not None:
                data = self.redactor.redact_pep(data)
            yield _head(stored, data), data


def _head(stored: StoredPep, data: dict[str, Any]) -> dict[str, Any]:
    summary = stored.summary
    child = data.get("child") if isinstance(data.get("child"), dict) else {}
    return {
        "child": (child or {}).get("la_child_id") or (child or {}).get("upn") or "",
        "authority": summary.authority,
        "academic_year": summary.academic_year,
        "term": summary.term,
        "state": summary.state,
        "version": stored.number,
        "current_version": summary.version,
        "origin": stored.origin,
        "created_at": stored.created_at.isoformat(timespec="seconds") + "Z",
        "created_by": stored.created_by,
    }


def _json(rows: _Rows, meta: dict[str, Any]) -> tuple[bytes, int]:
    peps = [{**head, "pep": data} for head, data in rows]
    document = {**meta, "peps": peps}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), len(peps)


def _columns(rows: _Rows) -> list[str]:
    columns: dict[str, None] = {}
    for _, data in rows:
        for path in leaves(data):
            columns.setdefault(path, None)
    return list(columns)


def _cells(head: dict[str, Any], data: dict[str, Any], columns: list[str]) -> list[Any]:
    flat = leaves(data)
    return [export_cell(head[name]) for name in EXPORT_COLUMNS] + [
        export_cell(flat.get(path)) for path in columns
    ]


def _csv(rows: _Rows) -> tuple[bytes, int]:
    columns = _columns(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*EXPORT_COLUMNS, *columns])
    count = 0
    for head, data in rows:
        writer.writerow(_cells(head, data, columns))
        count += 1
    # a byte-order mark: Excel then opens the file as UTF-8 (names such as Łucja)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), count


def _xlsx(rows: _Rows) -> tuple[bytes, int]:
    from openpyxl import Workbook

    columns = _columns(rows)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("PEPs")
    sheet.append([*EXPORT_COLUMNS, *columns])
    count = 0
    for head, data in rows:
        sheet.append(_cells(head, data, columns))
        count += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), count


def export(
    store: Store,
    path: str | os.PathLike[str],
    *,
    output_format: str | None = None,
    term: TermKey | None = None,
    all_versions: bool = False,
    redact: bool = False,
    force: bool = False,
) -> ExportResult:
    """Write the store's PEPs to ``path`` (see the module docstring); the format is
    ``output_format`` or the file's suffix."""
    target = Path(path)
    fmt = _format_of(target, output_format)
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    rows = _Rows(store, term, all_versions, redact)
    if fmt == "json":
        meta = {
            "store": store.describe() if not redact else "",
            "term": str(term) if term else "all",
            "versions": "all" if all_versions else "current",
            "redacted": redact,
        }
        data, count = _json(rows, meta)
    elif fmt == "csv":
        data, count = _csv(rows)
    else:
        data, count = _xlsx(rows)
    write_atomic(target, data, force=force)
    return ExportResult(target, count, fmt)
