"""Nothing lost: a real ``pepdocs batch`` or ``pepdocs collect`` killed (SIGKILL) in the
middle leaves the store consistent (every row's document is there, intact), and running it
again finishes the job without a duplicate."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pepdocs.batch.returns import ReturnsMade
from pepdocs.binding import read_document_id
from pepdocs.store import open_store
from pepdocs.store.documents import sha256_of
from tests.store.term import AS_OF, MEETING, SAMPLES, record_batch

pytestmark = pytest.mark.slow


def _pepdocs(*args: str, db: Path, batch: int = 2) -> subprocess.Popen[bytes]:
    """A real ``pepdocs`` process on the store ``db``; collect stores ``batch`` forms per
    transaction (small, so that a kill can fall between two batches and inside one)."""
    env = {**os.environ, "PEPDOCS_DB": str(db), "PEPDOCS_COLLECT_BATCH": str(batch)}
    return subprocess.Popen(
        [sys.executable, "-m", "pepdocs", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _count(db: Path, sql: str) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(connection.execute(sql).fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0  # not made yet


def _kill_when(process: subprocess.Popen[bytes], ready: object, limit: float = 120.0) -> bool:
    """SIGKILL ``process`` as soon as ``ready()`` is true; False when it finished first."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if ready():  # type: ignore[operator]
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
            return True
        time.sleep(0.01)
    process.kill()
    raise AssertionError("the command neither started its work nor finished in time")


def _consistent(db: Path) -> None:
    """Every document row's bytes are in the store and match; every version names a document
    that exists; each PEP's version number is its number of versions."""
    with open_store(db) as store:
        connection = sqlite3.connect(db)
        try:
            rows = connection.execute("SELECT uid, sha256 FROM documents").fetchall()
            for uid, digest in rows:
                assert sha256_of(store.document_bytes(uid)) == digest
            assert connection.execute(
                "SELECT count(*) FROM peps p WHERE p.version != "
                "(SELECT count(*) FROM pep_versions v WHERE v.pep_id = p.id)"
            ).fetchone()[0] == 0
            assert connection.execute(
                "SELECT count(*) FROM documents WHERE direction = 'received' AND id NOT IN "
                "(SELECT document_id FROM extractions)"
            ).fetchone()[0] == 0
        finally:
            connection.close()


def test_a_collect_killed_half_way_is_finished_by_running_it_again(
    term: tuple[Path, Path, ReturnsMade], tmp_path: Path
) -> None:
    batch, returned, made = term
    db = tmp_path / "pepdocs.db"
    with open_store(db) as store:
        record_batch(store, batch, tmp_path / "sent")
    received = "SELECT count(*) FROM documents WHERE direction = 'received'"
    kills = 0
    for _ in range(3):  # killed at three points, each after one more batch is stored
        before = _count(db, received)
        process = _pepdocs("collect", str(returned), "--as-of", MEETING.isoformat(), db=db)
        if not _kill_when(process, lambda before=before: _count(db, received) > before):
            break
        kills += 1
        _consistent(db)
    assert kills >= 1 and _count(db, received) < len(made.returned)
    final = _pepdocs("collect", str(returned), "--as-of", MEETING.isoformat(), db=db)
    assert final.wait(timeout=300) == 0
    _consistent(db)
    assert _count(db, received) == len(made.returned)
    assert _count(db, "SELECT count(DISTINCT sha256) FROM documents WHERE direction = "
                      "'received'") == len(made.returned)
    assert _count(db, "SELECT count(*) FROM pep_versions WHERE origin = 'return'") == len(
        made.returned
    ) - 1  # the stranger's form matches no child


def test_a_batch_killed_half_way_is_finished_by_running_it_again(tmp_path: Path) -> None:
    db, out = tmp_path / "pepdocs.db", tmp_path / "term"
    args = ("batch", str(SAMPLES / "roster.csv"), "--previous", str(SAMPLES), "--out", str(out),
            "--as-of", AS_OF.isoformat())
    sent = "SELECT count(*) FROM documents WHERE direction = 'sent'"
    process = _pepdocs(*args, db=db)
    killed = _kill_when(
        process, lambda: out.is_dir() and any(p.suffix == ".docx" for p in out.iterdir())
    )
    assert killed, "the batch finished before it could be killed"
    assert _count(db, sent) < 12
    _consistent(db)
    again = _pepdocs(*args, db=db)
    assert again.wait(timeout=300) == 0
    _consistent(db)
    assert _count(db, sent) == 12
    assert _count(db, "SELECT count(DISTINCT uid) FROM documents") == 12
    assert _count(db, "SELECT count(*) FROM pep_versions") == 12
    # each form in the folder carries the id of its row, and its bytes are the row's
    connection = sqlite3.connect(db)
    try:
        rows = dict(connection.execute("SELECT name, uid FROM documents").fetchall())
    finally:
        connection.close()
    forms = [p for p in out.iterdir() if p.suffix in (".docx", ".xlsx", ".pdf")]
    assert len(forms) == 12
    for form in forms:
        assert read_document_id(form.read_bytes()) == rows[form.name]


def test_a_killed_collect_left_no_half_written_document(
    term: tuple[Path, Path, ReturnsMade], tmp_path: Path
) -> None:
    batch, returned, _ = term
    db = tmp_path / "pepdocs.db"
    with open_store(db) as store:
        record_batch(store, batch, tmp_path / "sent")
    copy = tmp_path / "returned"
    shutil.copytree(returned, copy)
    process = _pepdocs("collect", str(copy), "--as-of", MEETING.isoformat(), db=db)
    _kill_when(
        process,
        lambda: _count(db, "SELECT count(*) FROM documents WHERE direction = 'received'") > 2,
    )
    folder = tmp_path / "pepdocs-documents"
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            assert sha256_of(path.read_bytes()) == path.name  # whole, or not there at all


def _files_ahead_of_rows(db: Path, folder: Path) -> bool:
    """True while a batch's documents are on disk and its rows not yet committed."""
    on_disk = sum(
        1 for path in folder.rglob("*") if path.is_file() and not path.name.startswith(".")
    ) if folder.is_dir() else 0
    return on_disk > _count(db, "SELECT count(DISTINCT sha256) FROM documents")


def test_a_collect_killed_inside_a_batch_stored_none_of_it_and_the_rerun_stores_it_once(
    term: tuple[Path, Path, ReturnsMade], tmp_path: Path
) -> None:
    batch, returned, made = term
    db = tmp_path / "pepdocs.db"
    with open_store(db) as store:
        record_batch(store, batch, tmp_path / "sent")
    folder = tmp_path / "pepdocs-documents"
    received = "SELECT count(*) FROM documents WHERE direction = 'received'"
    # one batch for the whole folder: its files are written, then its one transaction runs
    process = _pepdocs(
        "collect", str(returned), "--as-of", MEETING.isoformat(), db=db, batch=1000
    )
    killed = _kill_when(process, lambda: _files_ahead_of_rows(db, folder))
    assert killed, "the collect finished before it could be killed inside its batch"
    # the batch's documents are on disk, whole; none of its rows is
    assert _files_ahead_of_rows(db, folder)
    assert _count(db, received) == 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            assert sha256_of(path.read_bytes()) == path.name
    _consistent(db)
    final = _pepdocs("collect", str(returned), "--as-of", MEETING.isoformat(), db=db)
    assert final.wait(timeout=300) == 0
    _consistent(db)
    assert _count(db, received) == len(made.returned)
    assert _count(db, "SELECT count(*) FROM pep_versions WHERE origin = 'return'") == len(
        made.returned
    ) - 1  # the stranger's form matches no child
