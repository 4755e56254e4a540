"""Documents by content: every form sent or received, kept once per SHA-256.

In a folder (``<folder>/<first two hex digits>/<sha256>``, files 0600 in folders 0700),
written atomically and made durable *before* the row that names them commits: a crash
leaves at worst a file no row names yet, which the rerun that records it adopts. Or in the
database (``document_blobs``), in the same transaction as the row. Nothing of a document is
ever logged.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pepdocs.store.errors import StoreError
from pepdocs.store.schema import DocumentBlob

__all__ = ["DocumentFiles", "sha256_of"]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class DocumentFiles:
    """Where a store's document bytes live: ``folder`` (None: in the database)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @property
    def where(self) -> str:
        """``folder`` or ``database``: what ``documents.stored_in`` records for new ones."""
        return "folder" if self.folder is not None else "database"

    def path_of(self, sha256: str) -> Path:
        if self.folder is None:
            raise StoreError("this store keeps its documents in the database")
        return self.folder / sha256[:2] / sha256

    def put_file(self, data: bytes, sha256: str | None = None) -> str:
        """Write ``data`` to the folder (if it is not there already) and make it durable;
        returns its SHA-256. Call before the transaction that records it."""
        digest = sha256 or sha256_of(data)
        target = self.path_of(digest)
        if target.is_file() and target.stat().st_size == len(data):
            return digest
        folder = target.parent
        try:
            for level in (self.path_of(digest).parent.parent, folder):
                if not level.exists():
                    level.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".", suffix=".part", dir=folder)
        except OSError as exc:
            raise StoreError(
                f"{self.folder}: cannot write the store's documents here ({exc.strerror})"
            ) from None
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise StoreError(
                f"{self.folder}: cannot write the store's documents here ({exc.strerror})"
            ) from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _sync(folder)
        return digest

    def put_files(self, documents: Iterable[tuple[bytes, str]]) -> None:
        """Write several documents (bytes, SHA-256) to the folder and make them durable with
        one barrier for the lot instead of one per file: each is written to a temporary file
        beside its place, the file system is synced, the temporary files are renamed into
        place, and the folders are synced. A crash at any point leaves at worst temporary
        files or finished documents no row names yet; a name never points at bytes that are
        not on disk. Call before the transaction that records them."""
        todo: dict[str, bytes] = {}
        for data, digest in documents:
            target = self.path_of(digest)
            if digest not in todo and not (
                target.is_file() and target.stat().st_size == len(data)
            ):
                todo[digest] = data
        if not todo:
            return
        written: list[tuple[str, Path]] = []
        try:
            for digest, data in todo.items():
                folder = self.path_of(digest).parent
                for level in (folder.parent, folder):
                    if not level.exists():
                        level.mkdir(mode=0o700, parents=True, exist_ok=True)
                handle, name = tempfile.mkstemp(prefix=".", suffix=".part", dir=folder)
                written.append((digest, Path(name)))
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                os.chmod(name, 0o600)
            folders = {self.path_of(digest).parent for digest in todo}
            _sync_files([part for _, part in written], self.folder)
            for digest, part in written:
                os.replace(part, self.path_of(digest))
            written.clear()
            _sync_folders(folders, self.folder)
        except OSError as exc:
            raise StoreError(
                f"{self.folder}: cannot write the store's documents here ({exc.strerror})"
            ) from None
        finally:
            for _, part in written:
                with contextlib.suppress(OSError):
                    os.unlink(part)

    def put(self, session: Session, data: bytes, sha256: str) -> str:
        """Keep ``data`` as a blob in ``session`` when the store keeps documents in the
        database; in the folder, the caller has written it with :meth:`put_files` before its
        transaction began. Returns where (``folder`` or ``database``)."""
        if self.folder is not None:
            return "folder"
        if session.get(DocumentBlob, sha256) is None:
            session.add(DocumentBlob(sha256=sha256, content=data))
        return "database"

    def read(self, session: Session, sha256: str, stored_in: str) -> bytes:
        """A document's bytes, checked against its SHA-256."""
        if stored_in == "removed":
            raise StoreError("this document was removed by the retention setting")
        if stored_in == "database":
            content = session.scalar(
                select(DocumentBlob.content).where(DocumentBlob.sha256 == sha256)
            )
            if content is None:
                raise StoreError(f"document {sha256[:12]}: missing from the database")
            data = bytes(content)
        else:
            try:
                data = self.path_of(sha256).read_bytes()
            except OSError:
                raise StoreError(
                    f"document {sha256[:12]}: missing from {self.folder}"
                ) from None
        if sha256_of(data) != sha256:
            raise StoreError(f"document {sha256[:12]}: its bytes no longer match its SHA-256")
        return data

    def remove(self, session: Session, sha256: str, stored_in: str) -> None:
        """Remove a document's bytes (retention). Files go after the commit's caller is done
        with them; here they go at once (a file without a row is never read)."""
        if stored_in == "database":
            blob = session.get(DocumentBlob, sha256)
            if blob is not None:
                session.delete(blob)
        elif stored_in == "folder" and self.folder is not None:
            with contextlib.suppress(FileNotFoundError):
                self.path_of(sha256).unlink()


def _syncfs(folder: Path | None) -> bool:
    """Linux: sync the whole file system ``folder`` is on, in one call (``syncfs(2)``); False
    where that is not available (the callers then sync file by file)."""
    if folder is None or not sys.platform.startswith("linux"):
        return False
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        return bool(syncfs(descriptor) == 0)
    finally:
        os.close(descriptor)


def _sync_files(paths: Iterable[Path], folder: Path | None) -> None:
    """Make the contents of ``paths`` (files under ``folder``) durable."""
    if _syncfs(folder):
        return
    for path in paths:
        descriptor = os.open(path, os.O_RDWR)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _sync_folders(folders: Iterable[Path], root: Path | None) -> None:
    """Make the names just written in ``folders`` (under ``root``) durable."""
    if _syncfs(root):
        return
    for folder in folders:
        _sync(folder)


def _sync(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
