"""What pepdocs already knows about each mapping file, kept between runs.

Reading a mapping file (round-trip YAML with line numbers, then every check) takes a large
part of a second for the shipped nine, and ``pepdocs authorities`` or ``pepdocs fill`` need
the top of every file to know which forms exist. So the facts found about a file (its
authority, form and phases; once fully loaded, its name, kind, version and template) are
kept in one JSON file, each under the mapping file's path and valid while the file's
modification time and size are unchanged, and all of them while pepdocs' own mapping and
model code is unchanged (a fingerprint of those files, the version and the install path).

Only files that loaded without error are remembered: a broken file is read, and its error
raised, every time. The cache holds mapping metadata only, never PEP data. It is a
convenience: a cache that cannot be read is ignored, one that cannot be written is not
written, and ``PEPDOCS_CACHE_DIR`` moves it (an empty value turns it off).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pepdocs._version import __version__

__all__ = ["CACHE_ENV_VAR", "FileFacts", "cache_dir"]

#: Environment variable naming the cache folder; set but empty, no cache is kept.
CACHE_ENV_VAR = "PEPDOCS_CACHE_DIR"
_FILE_NAME = "mapping-files.json"
_PACKAGE = Path(__file__).resolve().parents[1]
#: The code a file's facts depend on: the loader and its checks, the model they check against.
_CODE_FOLDERS = ("mapping", "model", "model/codelists")

StatKey = tuple[int, int]


def cache_dir() -> Path | None:
    """The folder the cache lives in, or None when it is turned off."""
    configured = os.environ.get(CACHE_ENV_VAR)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "pepdocs"


def _code_fingerprint() -> str:
    parts = [__version__, str(_PACKAGE)]
    for folder in _CODE_FOLDERS:
        with contextlib.suppress(OSError), os.scandir(_PACKAGE / folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith((".py", ".yaml")) and entry.is_file():
                    status = entry.stat()
                    parts.append(f"{folder}/{entry.name}:{status.st_mtime_ns}:{status.st_size}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


class FileFacts:
    """The facts kept about mapping files, read once per process and written when changed."""

    def __init__(self, location: Path | None) -> None:
        self.location = location
        self.fingerprint = _code_fingerprint()
        self._files: dict[str, Any] = {}
        self._changed = False
        if location is not None:
            self._read(location / _FILE_NAME)

    def _read(self, path: Path) -> None:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (
            isinstance(stored, dict)
            and stored.get("fingerprint") == self.fingerprint
            and isinstance(stored.get("files"), dict)
        ):
            self._files = stored["files"]

    def get(self, path: Path, key: StatKey, part: str) -> dict[str, Any] | None:
        """The ``part`` (``header`` or ``summary``) known about ``path`` as it is now."""
        entry = self._files.get(str(path))
        if not isinstance(entry, dict) or entry.get("stat") != list(key):
            return None
        facts = entry.get(part)
        return facts if isinstance(facts, dict) else None

    def put(self, path: Path, key: StatKey, part: str, facts: dict[str, Any]) -> None:
        entry = self._files.get(str(path))
        if not isinstance(entry, dict) or entry.get("stat") != list(key):
            entry = self._files[str(path)] = {"stat": list(key)}
        if entry.get(part) != facts:
            entry[part] = facts
            self._changed = True

    def save(self) -> None:
        """Write the facts if anything changed; a folder that cannot be written is skipped."""
        if not self._changed or self.location is None:
            return
        # Files gone since (a test's temporary folder, a renamed mapping) are forgotten, so
        # the cache does not grow with every folder ever listed.
        self._files = {path: facts for path, facts in self._files.items() if os.path.exists(path)}
        text = json.dumps({"fingerprint": self.fingerprint, "files": self._files}, indent=0)
        temporary: str | None = None
        try:
            self.location.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.location, prefix=".mapping-files-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            # Several processes (a batch's workers) may save at once: each replaces the file
            # whole, so a reader sees one complete version, at worst missing some facts.
            os.replace(temporary, self.location / _FILE_NAME)
        except OSError:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            return
        self._changed = False
