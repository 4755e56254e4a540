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

Ownership: only rows ``made``, ``updated`` and ``unchanged`` record a file as the batch's
own (with its SHA-256); a ``kept`` file is never adopted, so a form a school edited in the
output folder stays theirs on every rerun. Files made by earlier runs that this run did
not touch (another roster into the same folder) are carried forward under ``earlier``.
While a batch runs, every output is first recorded in a journal (``.pepdocs-batch.journal``,
one JSON line each, before the file is moved into place), so a batch killed half-way is
finished by a rerun that knows which files it made; the journal is removed when the
manifest is complete.

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
import stat
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from pepdocs._io import _umask
from pepdocs.errors import PepdocsError
from pepdocs.safety import export_cell

__all__ = [
    "MANIFEST_COLUMNS",
    "MANIFEST_CSV",
    "MANIFEST_JSON",
    "OWNED_STATUSES",
    "STATUSES",
    "Entry",
    "ManifestWriter",
    "Record",
    "clear_journal",
    "journal",
    "read_manifest",
]

MANIFEST_CSV = "manifest.csv"
MANIFEST_JSON = "manifest.json"
JOURNAL = ".pepdocs-batch.journal"
#: statuses whose output is a file the batch itself made (and may replace later)
OWNED_STATUSES = ("made", "updated", "unchanged")
#: a manifest line longer than this is not one pepdocs wrote (a row is a few hundred bytes)
_MAX_LINE = 1024 * 1024
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
    #: the validated PEP the output was made from, kept only when the batch records what it
    #: sends in a store (``BatchOptions.document_ids``); never in the manifest
    pep: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["pep"]
        return data

    def csv_cells(self) -> list[Any]:
        data = self.to_dict()
        data["warnings"] = "; ".join(self.warnings)
        return [export_cell(data[column]) for column in MANIFEST_COLUMNS]


@dataclass(frozen=True, slots=True)
class Record:
    """A file the batch made: what it was made from and what it held when written."""

    input_hash: str
    sha256: str
    roster: str = ""


def read_manifest(out_dir: str | os.PathLike[str]) -> dict[str, Record]:
    """The files earlier runs made in ``out_dir``: output name -> :class:`Record`.

    From ``manifest.json`` (rows of the owned statuses, and the ``earlier`` rows it carried
    forward) and, after a run that was stopped, from the journal it left. Read a line at a
    time, as it was written, so a manifest of hundreds of thousands of rows costs memory for
    the records only. A missing manifest is an empty record; one pepdocs did not write
    raises (a rerun must not guess which files it made)."""
    folder = Path(out_dir)
    made: dict[str, Record] = {}
    path = folder / MANIFEST_JSON
    if path.exists():
        roster = ""
        for row in _json_lines(path, require_manifest=True):
            if "roster" in row and "output" not in row:
                roster = str(row["roster"])
                continue
            _remember(made, row, roster)
    journal_file = folder / JOURNAL
    if journal_file.exists():
        for row in _json_lines(journal_file, require_manifest=False):
            _remember(made, {**row, "status": "made"}, str(row.get("roster", "")))
    return made


def _remember(made: dict[str, Record], row: Mapping[str, Any], roster: str) -> None:
    if row.get("status") not in OWNED_STATUSES:
        return
    output, input_hash, sha = row.get("output"), row.get("input_hash"), row.get("sha256")
    if isinstance(output, str) and isinstance(input_hash, str) and isinstance(sha, str):
        made[output] = Record(input_hash, sha, str(row.get("roster") or roster))


def _json_lines(path: Path, *, require_manifest: bool) -> Any:
    """The one-line JSON objects of a file pepdocs wrote (rows), streamed; the manifest's
    ``roster`` line is yielded as ``{"roster": ...}``."""
    name = os.fspath(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise PepdocsError(f"{name}: is not a regular file; move it away to start afresh")
        stream = path.open("rb")
    except OSError as exc:
        raise PepdocsError(f"{name}: cannot be read ({exc.strerror})") from None
    with stream:
        first = stream.readline(_MAX_LINE)
        if require_manifest and first.strip() != b"{":
            raise PepdocsError(
                f"{name}: not a pepdocs batch manifest; move it away to start afresh"
            )
        if not require_manifest:
            stream.seek(0)
        for number, raw in enumerate(iter(lambda: stream.readline(_MAX_LINE), b""), start=2):
            if len(raw) >= _MAX_LINE and not raw.endswith(b"\n"):
                raise PepdocsError(
                    f"{name}: line {number} is too long for a pepdocs manifest; move it away "
                    "to start afresh"
                )
            text = raw.strip().rstrip(b",")
            if text.startswith(b'"roster":'):
                text = b"{" + text + b"}"
            if not (text.startswith(b"{") and text.endswith(b"}")):
                continue
            try:
                row = json.loads(text)
            except (ValueError, RecursionError):
                if require_manifest:
                    raise PepdocsError(
                        f"{name}: line {number} is not valid JSON; move the manifest away to "
                        "start afresh"
                    ) from None
                continue  # a journal line cut short by a kill: that file is not recorded
            if isinstance(row, dict):
                yield row


def journal(out_dir: str | os.PathLike[str], output: str, input_hash: str, sha256: str) -> None:
    """Record ``output`` as made by this batch, before the file is moved into place.

    One ``write`` of one line to a file opened for appending: workers of one batch append
    at the same time without mixing their lines (O_APPEND writes of a few hundred bytes are
    not interleaved on local file systems)."""
    line = json.dumps(
        {"output": output, "input_hash": input_hash, "sha256": sha256}, ensure_ascii=False
    )
    path = os.path.join(os.fspath(out_dir), JOURNAL)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, (line + "\n").encode("utf-8"))
        finally:
            os.close(descriptor)
    except OSError as exc:
        raise OutputFolderError(f"{out_dir}: cannot write here ({exc.strerror})") from None


def clear_journal(out_dir: str | os.PathLike[str]) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(os.path.join(os.fspath(out_dir), JOURNAL))


class OutputFolderError(PepdocsError):
    """The output folder cannot take the batch's files (read-only, full, gone): the whole
    batch stops, rather than every remaining row failing the same way."""


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
        try:
            handle, temporary = tempfile.mkstemp(
                prefix=f".{name}.", suffix=".part", dir=self.out_dir
            )
        except OSError as exc:
            self.abandon()
            raise OutputFolderError(
                f"{self.out_dir}: cannot write the manifest here ({exc.strerror})"
            ) from None
        stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        self._files.append((stream, temporary, self.out_dir / name))
        return stream

    def add(self, entry: Entry) -> None:
        self.counts[entry.status] += 1
        try:
            self._csv.writerow(entry.csv_cells())
            self._json_stream.write("\n    " if self._first else ",\n    ")
            self._json_stream.write(json.dumps(entry.to_dict(), ensure_ascii=False))
        except OSError as exc:
            raise OutputFolderError(
                f"{self.out_dir}: cannot write the manifest here ({exc.strerror})"
            ) from None
        self._first = False

    def finish(
        self, summary: Mapping[str, Any], earlier: Mapping[str, Record] | None = None
    ) -> tuple[Path, Path]:
        """Close both files and move them into place; returns (csv path, json path).

        ``earlier``: files earlier runs made here that this run did not list, kept on
        record (as the JSON's ``earlier`` rows) so that they stay the batch's own."""
        try:
            self._json_stream.write('\n  ],\n  "earlier": [')
            for number, (output, record) in enumerate((earlier or {}).items()):
                row = {
                    "output": output,
                    "status": "unchanged",
                    "input_hash": record.input_hash,
                    "sha256": record.sha256,
                    "roster": record.roster,
                }
                self._json_stream.write("\n    " if number == 0 else ",\n    ")
                self._json_stream.write(json.dumps(row, ensure_ascii=False))
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
        except OSError as exc:
            self.abandon()
            raise OutputFolderError(
                f"{self.out_dir}: cannot write the manifest here ({exc.strerror})"
            ) from None
        self._files = []
        return self.out_dir / MANIFEST_CSV, self.out_dir / MANIFEST_JSON

    def abandon(self) -> None:
        """Remove the temporary files (the batch stopped); the old manifest stays."""
        for stream, temporary, _ in self._files:
            with contextlib.suppress(OSError):
                stream.close()
                os.unlink(temporary)
        self._files = []
