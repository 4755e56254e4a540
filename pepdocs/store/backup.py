"""``pepdocs db backup`` and ``db restore``: the whole store, database and documents.

A backup is a folder: ``backup.json`` (what it is: when, which schema, which engine),
the database (``pepdocs.db``, taken with SQLite's online backup API while the store is in
use; for PostgreSQL ``pepdocs.pgdump``, made by ``pg_dump --format=custom``) and
``documents/`` (the content-addressed files, when the store keeps them in a folder; copied
by SHA-256, so a second backup into the same folder copies only what is new). Everything is
owner-only (files 0600, folders 0700).

Restore checks the backup first (the database's integrity, a schema this pepdocs knows, each
document's SHA-256), copies the documents in (files before rows), then replaces the
database's content (SQLite: the backup API in the other direction, under the database's
lock; PostgreSQL: ``pg_restore --clean``), upgrades an older schema and adds an audit line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url

from pepdocs._io import write_atomic
from pepdocs.errors import ComponentMissingError, OutputExistsError, PepdocsError
from pepdocs.store.documents import sha256_of
from pepdocs.store.errors import SchemaError, StoreError
from pepdocs.store.migrate import REVISIONS, current_revision, ensure_schema
from pepdocs.store.records import audit
from pepdocs.store.schema import Document
from pepdocs.store.store import Store

__all__ = ["BACKUP_MANIFEST", "BackupResult", "backup", "restore"]

BACKUP_MANIFEST = "backup.json"
SQLITE_FILE = "pepdocs.db"
PG_DUMP_FILE = "pepdocs.pgdump"
DOCUMENTS = "documents"


@dataclass(frozen=True, slots=True)
class BackupResult:
    folder: Path
    database: Path
    documents: int
    copied: int


def _private_folder(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)


def _copy_document(source: Path, target: Path) -> bool:
    """Copy one content-addressed file if the target lacks it; True when copied."""
    if target.is_file() and target.stat().st_size == source.stat().st_size:
        return False
    _private_folder(target.parent)
    write_atomic(target, source.read_bytes(), force=True)
    os.chmod(target, 0o600)
    return True


def _folder_documents(store: Store) -> list[str]:
    with store.session() as session:
        return sorted(
            set(
                session.scalars(
                    select(Document.sha256).where(Document.stored_in == "folder")
                )
            )
        )


def _libpq(store: Store) -> tuple[str, dict[str, str]]:
    """The store's URL as pg_dump takes it, and the environment with its password."""
    url = make_url(store.location.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ComponentMissingError(
            f"{name} is needed to back up or restore a PostgreSQL store (Debian: apt-get "
            "install postgresql-client)"
        )
    return found


def backup(store: Store, folder: str | os.PathLike[str], *, force: bool = False) -> BackupResult:
    """Back the store up into ``folder`` (see the module docstring)."""
    target = Path(folder)
    database = target / (SQLITE_FILE if store.location.is_sqlite else PG_DUMP_FILE)
    if database.exists() and not force:
        raise OutputExistsError(str(database))
    _private_folder(target)
    with store.engine.connect() as connection:
        revision = current_revision(connection)
    if store.location.sqlite_path is not None:
        handle, temporary = tempfile.mkstemp(prefix=".pepdocs.db.", suffix=".part", dir=target)
        os.close(handle)
        try:
            source = sqlite3.connect(store.location.sqlite_path)
            copy = sqlite3.connect(temporary)
            try:
                with copy:
                    source.backup(copy)
            finally:
                copy.close()
                source.close()
            os.chmod(temporary, 0o600)
            os.replace(temporary, database)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    else:
        url, env = _libpq(store)
        handle, temporary = tempfile.mkstemp(prefix=".pepdocs.pgdump.", suffix=".part", dir=target)
        os.close(handle)
        result = subprocess.run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", temporary, url],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            Path(temporary).unlink(missing_ok=True)
            raise StoreError(f"pg_dump failed: {_first_line(result.stderr)}")
        os.chmod(temporary, 0o600)
        os.replace(temporary, database)
    hashes = _folder_documents(store)
    copied = 0
    for digest in hashes:
        source_file = store.documents.path_of(digest)
        if not source_file.is_file():
            raise StoreError(f"document {digest[:12]}: missing from {store.documents.folder}")
        copied += _copy_document(source_file, target / DOCUMENTS / digest[:2] / digest)
    manifest = {
        "made_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "engine": "sqlite" if store.location.is_sqlite else "postgresql",
        "schema": revision,
        "database": database.name,
        "documents": hashes,
    }
    write_atomic(
        target / BACKUP_MANIFEST,
        (json.dumps(manifest, indent=2) + "\n").encode("utf-8"),
        force=True,
    )
    os.chmod(target / BACKUP_MANIFEST, 0o600)
    return BackupResult(target, database, len(hashes), copied)


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0][:200] if lines else "no message"


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / BACKUP_MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise PepdocsError(
            f"{path}: not a pepdocs backup (no readable {BACKUP_MANIFEST})"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("engine") not in ("sqlite", "postgresql"):
        raise PepdocsError(f"{path}: not a pepdocs backup")
    if manifest.get("schema") not in REVISIONS:
        raise SchemaError(
            f"{path}: the backup's schema is {manifest.get('schema')}, which this pepdocs does "
            "not know: restore it with the pepdocs that made it"
        )
    return manifest


def _check_sqlite_backup(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise PepdocsError(f"{path}: not a readable SQLite database") from None
    if not verdict or verdict[0] != "ok":
        raise PepdocsError(f"{path}: fails SQLite's integrity check; not restored")


def restore(store: Store, folder: str | os.PathLike[str]) -> int:
    """Replace the store's content by the backup in ``folder``; returns the documents
    restored. The backup is checked whole before anything is changed."""
    source = Path(folder)
    manifest = _read_manifest(source)
    engine = "sqlite" if store.location.is_sqlite else "postgresql"
    if manifest["engine"] != engine:
        raise PepdocsError(
            f"{source}: a {manifest['engine']} backup cannot be restored into a {engine} store "
            "(export and import the PEPs instead)"
        )
    database = source / str(manifest.get("database") or "")
    if not database.is_file():
        raise PepdocsError(f"{database}: missing from the backup")
    hashes = [str(digest) for digest in manifest.get("documents") or ()]
    for digest in hashes:
        file = source / DOCUMENTS / digest[:2] / digest
        if not file.is_file() or sha256_of(file.read_bytes()) != digest:
            raise PepdocsError(f"{source}: document {digest[:12]} is missing or damaged")
    if hashes and store.documents.folder is None:
        raise PepdocsError(
            f"{source}: its documents were kept in a folder; name one with PEPDOCS_DOCUMENTS"
        )
    if engine == "sqlite":
        _check_sqlite_backup(database)
    for digest in hashes:  # files before rows
        _copy_document(source / DOCUMENTS / digest[:2] / digest, store.documents.path_of(digest))
    if store.location.sqlite_path is not None:
        store.engine.dispose()
        backup_db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        live = sqlite3.connect(store.location.sqlite_path, timeout=30)
        try:
            backup_db.backup(live)
        finally:
            live.close()
            backup_db.close()
    else:
        url, env = _libpq(store)
        store.engine.dispose()
        result = subprocess.run(
            [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
             "--dbname", url, str(database)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise StoreError(f"pg_restore failed: {_first_line(result.stderr)}")
    ensure_schema(store.engine)
    with store.session() as session:
        audit(
            session,
            store.user,
            "store.restored",
            reason=f"from a backup made {manifest.get('made_at')}",
        )
    return len(hashes)
