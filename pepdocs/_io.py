"""Files in and out, safely: outputs written atomically and never over an existing file unless
asked; JSON inputs read with a size cap and no way to crash the reader.

This module sits below every layer (``pepdocs.model`` may use it), so it imports nothing of
pepdocs but the errors.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from pepdocs.errors import DocumentError, OutputExistsError, PepdocsError

__all__ = [
    "MAX_JSON_BYTES",
    "read_bounded",
    "read_json_file",
    "write_atomic",
    "write_text_atomic",
]

#: a PEP is a few kilobytes; a year's batch of them in one file a few megabytes
MAX_JSON_BYTES = 50 * 1024 * 1024


def _umask() -> int:
    # Linux reports the umask in /proc; elsewhere the only way to read it is to set it and
    # set it back (briefly process-wide, hence the last resort).
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A crash, an error or Ctrl-C leaves either the old file or nothing, never half a document.
    An existing file is kept (``OutputExistsError``) unless ``force``; without ``force`` the
    final step is a hard link, which fails if another process created the file meanwhile
    (no check-then-write race). The temporary file is private (0600) while it is written; the
    result gets the permissions a plain ``open()`` would give it.
    """
    target = Path(path)
    if target.is_dir():
        raise PepdocsError(f"{target}: is a folder; give a file name to write to")
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise PepdocsError(f"{target}: cannot write here ({exc.strerror})") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        if force:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, FileExistsError):
            raise OutputExistsError(str(target)) from None
        raise PepdocsError(f"{target}: cannot write here ({exc.strerror})") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    return target


def _link_new(temporary: str, target: Path) -> None:
    """Move ``temporary`` to ``target`` only if ``target`` does not exist (atomically)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT, some network shares): check-then-rename is the best left.
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible everywhere (Windows), so best effort."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, force: bool = False) -> Path:
    """:func:`write_atomic` for text, as UTF-8."""
    return write_atomic(path, text.encode("utf-8"), force=force)


def read_bounded(
    path: str | os.PathLike[str],
    limit: int,
    *,
    too_big: str = "",
    refuse: type[DocumentError] = DocumentError,
) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them: the one bounded file reader.

    Every input pepdocs reads from disk comes through here (documents, JSON, rosters, text
    exports, mapping files). Only regular files are opened: a named pipe would block the
    open itself and a device (``/dev/zero``) would never end, so the type is checked with
    ``stat`` first and the file opened with ``O_NONBLOCK`` (a FIFO swapped in between the
    two steps is then refused, not waited on). Failures are one ``DocumentError`` line
    naming the file; a file over ``limit`` raises ``refuse`` (``UnsafeDocumentError`` for
    documents), its message completed by ``too_big``.
    """
    name = os.fspath(path)
    try:
        mode = os.stat(name).st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError("is a folder, not a file", name)
        if not stat.S_ISREG(mode):
            raise DocumentError("is not a regular file", name)
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise DocumentError("is not a regular file", name)
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise DocumentError("no such file", name) from None
    except IsADirectoryError:
        raise DocumentError("is a folder, not a file", name) from None
    except OSError as exc:
        raise DocumentError(
            f"cannot be read ({exc.strerror or type(exc).__name__})", name
        ) from None
    if len(data) > limit:
        megabytes = f"{limit / (1024 * 1024):g} MB"
        raise refuse(f"larger than {megabytes}" + (f"; {too_big}" if too_big else ""), name)
    return data


def read_json_file(path: str | os.PathLike[str], limit: int = MAX_JSON_BYTES) -> Any:
    """The JSON value in ``path``; every failure is one ``PepdocsError`` line naming the file.

    Guards what ``json.loads`` alone does not: a FIFO or device that would block or never end,
    a file too big to be a PEP, a byte-order mark (Windows editors write one), and nesting so
    deep that the decoder runs out of stack (``[[[[...`` raises ``RecursionError``).
    Messages give positions, never content.
    """
    name = os.fspath(path)
    raw = read_bounded(path, limit, too_big="not a PEP file")
    if not raw.strip():
        raise PepdocsError(f"{name}: is empty")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PepdocsError(f"{name}: not UTF-8 text; save the PEP as UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise PepdocsError(
            f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise PepdocsError(f"{name}: JSON nested too deeply to be a PEP") from None
