"""Writing outputs safely: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pepdocs.errors import OutputExistsError, PepdocsError


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A crash or error leaves either the old file or nothing, never half a document. An existing
    file is kept (``OutputExistsError``) unless ``force``.
    """
    target = Path(path)
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
        if not force and target.exists():
            raise OutputExistsError(str(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, force: bool = False
) -> Path:
    return write_atomic(path, text.encode("utf-8"), force=force)
