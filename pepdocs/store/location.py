"""Where the store is: a database URL, a SQLite file, the documents folder beside it.

``--db`` or ``PEPDOCS_DB`` names the store: a file path (a SQLite database, created on first
use) or a URL (``sqlite:///path``, ``postgresql://user@host/db``; ``postgresql://`` is read
with the psycopg 3 driver). Without either, the store is ``pepdocs.db`` in the user's data
folder: ``$XDG_DATA_HOME/pepdocs`` (``~/.local/share/pepdocs``) on Linux,
``~/Library/Application Support/pepdocs`` on macOS, ``%LOCALAPPDATA%\\pepdocs`` on Windows.
A SQLite file is created with owner-only permissions (0600) in a folder made owner-only
(0700) when pepdocs makes it.

Documents (every form sent and received) go in a content-addressed folder beside a SQLite
file (``pepdocs.db`` -> ``pepdocs-documents/``), or in a folder ``PEPDOCS_DOCUMENTS`` names;
a PostgreSQL store keeps them in the database unless such a folder is named
(``PEPDOCS_DOCUMENTS=database`` keeps them in any database).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from pepdocs.errors import UsageError
from pepdocs.store.errors import StoreError

__all__ = [
    "DB_ENV",
    "DOCUMENTS_ENV",
    "StoreLocation",
    "default_database",
    "locate",
    "prepare_sqlite_file",
]

DB_ENV = "PEPDOCS_DB"
DOCUMENTS_ENV = "PEPDOCS_DOCUMENTS"
DEFAULT_NAME = "pepdocs.db"
#: what ``PEPDOCS_DOCUMENTS`` says to keep documents in the database itself
IN_DATABASE = "database"


@dataclass(frozen=True, slots=True)
class StoreLocation:
    """A resolved store: its SQLAlchemy URL, its SQLite file (None for a server), and where
    its documents go (a folder, or None: in the database)."""

    url: str
    sqlite_path: Path | None
    documents_folder: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    def describe(self) -> str:
        """The store as people name it, with no password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


def default_database() -> Path:
    """``pepdocs.db`` in the per-user data folder of this operating system."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "pepdocs" / DEFAULT_NAME


def _documents_folder(sqlite_path: Path | None) -> Path | None:
    named = os.environ.get(DOCUMENTS_ENV, "").strip()
    if named == IN_DATABASE:
        return None
    if named:
        return Path(named).expanduser()
    if sqlite_path is None:
        return None
    return sqlite_path.with_name(f"{sqlite_path.stem}-documents")


def locate(db: str | os.PathLike[str] | None = None) -> StoreLocation:
    """The store ``db`` names (a path or URL), else ``PEPDOCS_DB``, else the default file."""
    text = os.fspath(db) if db is not None else os.environ.get(DB_ENV, "").strip()
    if not text:
        path = default_database()
        return StoreLocation(f"sqlite:///{path}", path, _documents_folder(path))
    if "://" not in text:
        path = Path(text).expanduser().absolute()
        return StoreLocation(f"sqlite:///{path}", path, _documents_folder(path))
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except ArgumentError:
        raise UsageError("--db: not a database URL (sqlite:///FILE or postgresql://...)") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise UsageError("--db: a SQLite store needs a file (sqlite:///path/to/pepdocs.db)")
        path = Path(url.database).expanduser().absolute()
        return StoreLocation(f"sqlite:///{path}", path, _documents_folder(path))
    if backend == "postgresql":
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        rendered = url.render_as_string(hide_password=False)
        return StoreLocation(rendered, None, _documents_folder(None))
    raise UsageError(f"--db: pepdocs stores PEPs in SQLite or PostgreSQL, not {backend}")


def prepare_sqlite_file(path: Path) -> bool:
    """Make the folder (0700) and an empty database file (0600) if there is none yet; True
    when the file was created now. An existing file keeps its permissions."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    except OSError as exc:
        raise StoreError(f"{path}: cannot make the store here ({exc.strerror})") from None
    os.close(descriptor)
    os.chmod(path, 0o600)  # whatever the umask
    return True
