"""The batch manifest: one line per roster row, as CSV (for people) and JSON (for tools).

Columns: ``row`` (the roster's row number), ``child_id`` (LA child id, else UPN), ``authority``,
``form``, ``output`` (file name in the output folder), ``status``, ``warnings``, ``sha256``
(of the output file as written), ``pdf`` and ``pdf_sha256`` (with ``--pdf``) and
``input_hash`` (SHA-256 of everything the output was made from: a rerun compares it to skip
what is unchanged).

Statuses: ``made`` (written now), ``updated`` (an output this batch made before, re-made
because its inputs changed), ``unchanged`` (done before, inputs the same: skipped), ``kept``
(a file of that name exists that this batch did not make or that was edited since: kept,
``--force`` replaces it) and ``failed`` (the reason is in ``warnings``).

Both files are streamed (memory stays flat in the number of rows) to temporary files and
renamed into place at the end, so a crash never leaves half a manifest. CSV cells go through
:func:`pepdocs.safety.export_cell`: a cell starting ``=`` would run as a formula when the
manifest is opened in Excel.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from pepdocs._io import _umask, read_json_file
from pepdocs.errors import PepdocsError
from pepdocs.safety import export_cell

__all__ = [
    "MANIFEST_COLUMNS",
    "MANIFEST_CSV",
    "MANIFEST_JSON",
    "STATUSES",
    "Entry",
    "ManifestWriter",
    "read_manifest",
]

MANIFEST_CSV = "manifest.csv"
MANIFEST_JSON = "manifest.json"
STATUSES = ("made", "updated", "unchanged", "kept", "failed")
MANIFEST_COLUMNS = (
    "row",
    "child_id",
    "authority",
    "form",
    "output",
    "status",
    "warnings",
    "sha256",
    "pdf",
    "pdf_sha256",
    "input_hash",
)


@dataclass(slots=True)
class Entry:
    """One roster row's outcome."""

    row: int
    child_id: str = ""
    authority: str = ""
    form: str = ""
    output: str = ""
    status: str = "failed"
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""
    pdf: str = ""
    pdf_sha256: str = ""
    input_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def csv_cells(self) -> list[Any]:
        data = self.to_dict()
        data["warnings"] = "; ".join(self.warnings)
        return [export_cell(data[column]) for column in MANIFEST_COLUMNS]


def read_manifest(out_dir: str | os.PathLike[str]) -> dict[str, tuple[str, str]]:
    """What a previous run made in ``out_dir``: output name -> (input hash, SHA-256).

    A missing manifest is an empty record; an unreadable one raises (a rerun must not guess
    which files it made)."""
    path = Path(out_dir) / MANIFEST_JSON
    if not path.exists():
        return {}
    data = read_json_file(path)
    rows = data.get("rows") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise PepdocsError(f"{path}: not a pepdocs batch manifest; move it away to start afresh")
    made: dict[str, tuple[str, str]] = {}
    for row in rows:
        if not isinstance(row, Mapping) or row.get("status") == "failed":
            continue
        output, input_hash, sha = row.get("output"), row.get("input_hash"), row.get("sha256")
        if isinstance(output, str) and isinstance(input_hash, str) and isinstance(sha, str):
            made[output] = (input_hash, sha)
    return made


class ManifestWriter:
    """Streams entries into ``manifest.csv`` and ``manifest.json`` in ``out_dir``."""

    def __init__(self, out_dir: str | os.PathLike[str], roster: str) -> None:
        self.out_dir = Path(out_dir)
        self.counts: Counter[str] = Counter()
        self._files: list[tuple[IO[str], str, Path]] = []
        self._csv_stream = self._open(MANIFEST_CSV)
        self._json_stream = self._open(MANIFEST_JSON)
        self._csv = csv.writer(self._csv_stream)
        self._csv.writerow(MANIFEST_COLUMNS)
        self._json_stream.write('{\n  "roster": ' + json.dumps(roster, ensure_ascii=False))
        self._json_stream.write(',\n  "columns": ' + json.dumps(list(MANIFEST_COLUMNS)))
        self._json_stream.write(',\n  "rows": [')
        self._first = True

    def _open(self, name: str) -> IO[str]:
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=self.out_dir)
        stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        self._files.append((stream, temporary, self.out_dir / name))
        return stream

    def add(self, entry: Entry) -> None:
        self.counts[entry.status] += 1
        self._csv.writerow(entry.csv_cells())
        self._json_stream.write("\n    " if self._first else ",\n    ")
        self._json_stream.write(json.dumps(entry.to_dict(), ensure_ascii=False))
        self._first = False

    def finish(self, summary: Mapping[str, Any]) -> tuple[Path, Path]:
        """Close both files and move them into place; returns (csv path, json path)."""
        self._json_stream.write('\n  ],\n  "summary": ')
        self._json_stream.write(json.dumps(dict(summary), ensure_ascii=False, indent=2))
        self._json_stream.write("\n}\n")
        for stream, temporary, final in self._files:
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
            # the permissions a plain open() would give, like every other output
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, final)
        self._files = []
        return self.out_dir / MANIFEST_CSV, self.out_dir / MANIFEST_JSON

    def abandon(self) -> None:
        """Remove the temporary files (the batch stopped); the old manifest stays."""
        for stream, temporary, _ in self._files:
            with contextlib.suppress(OSError):
                stream.close()
                os.unlink(temporary)
        self._files = []
