"""Returned forms uploaded through the workbench, collected into the store.

Each upload is written, under a name of our own making (never the path the browser sent),
into a private temporary folder (0700, files 0600), with a size limit per file; the store's
:class:`~pepdocs.store.Collector` then reads each one through the same safe-open layer as
``pepdocs collect`` (size, zip-bomb and XML limits), matches it to the form sent and stores
it as a new version. The folder is removed afterwards: the store keeps the documents.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pepdocs.safety.package import MAX_INPUT_BYTES
from pepdocs.store import Attention, Collector, CollectResult, Store

__all__ = ["MAX_FILES", "MAX_REQUEST_BYTES", "Refused", "Upload", "UploadResult", "collect_uploads"]

#: forms one upload may carry, and the bytes of the whole request
MAX_FILES = 500
MAX_REQUEST_BYTES = 1024 * 1024 * 1024
SUFFIXES = (".docx", ".xlsx", ".pdf")
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file: the name the browser gave (shown, never used as a path) and its
    bytes as a stream."""

    name: str
    stream: BinaryIO


@dataclass(frozen=True, slots=True)
class Refused:
    name: str
    why: str


@dataclass(slots=True)
class UploadResult:
    result: CollectResult
    refused: list[Refused] = field(default_factory=list)

    @property
    def attention(self) -> list[Attention]:
        return self.result.attention


def shown_name(name: str) -> str:
    """The file's own name, without any folder the browser sent, made safe to keep: letters,
    digits, dot, dash, underscore and space; at most 120 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .") or "form"
    stem, suffix = os.path.splitext(cleaned)
    return stem[: 120 - len(suffix)] + suffix.lower()


def _write(stream: BinaryIO, target: Path, limit: int) -> bool:
    """Copy ``stream`` into ``target`` (created 0600); False (and nothing left) when it is
    longer than ``limit``."""
    written = 0
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        while chunk := stream.read(_CHUNK):
            written += len(chunk)
            if written > limit:
                break
            out.write(chunk)
    if written > limit:
        target.unlink()
        return False
    return True


def _unused(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name (2)``, ``name (3)``... when two uploads share a name."""
    target, stem, suffix = folder / name, *os.path.splitext(name)
    count = 1
    while target.exists():
        count += 1
        target = folder / f"{stem} ({count}){suffix}"
    return target


def collect_uploads(
    store: Store,
    uploads: Iterable[Upload],
    *,
    as_of: dt.date | None = None,
    limit: int = MAX_INPUT_BYTES,
) -> UploadResult:
    """Collect each uploaded form into ``store`` (see the module docstring). Files that are
    not Word, Excel or PDF, or are over ``limit`` bytes, are refused and listed."""
    refused: list[Refused] = []
    with tempfile.TemporaryDirectory(prefix="pepdocs-upload-") as folder:
        root = Path(folder)
        os.chmod(root, 0o700)
        kept: list[Path] = []
        for upload in uploads:
            name = shown_name(upload.name)
            if not name.lower().endswith(SUFFIXES):
                refused.append(Refused(name, "not a Word (.docx), Excel (.xlsx) or PDF form"))
                continue
            target = _unused(root, name)
            if not _write(upload.stream, target, limit):
                refused.append(Refused(name, f"larger than {limit // (1024 * 1024)} MB"))
                continue
            kept.append(target)
        collector = Collector(store, root, as_of or dt.date.today())
        for path in kept:
            collector.collect_file(path)
        return UploadResult(collector.finish(), refused)
