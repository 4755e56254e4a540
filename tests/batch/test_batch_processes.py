"""`--jobs` with real processes (issue 20): no process outlives the command when it is
interrupted with Ctrl-C or when one of its workers is killed, and any number of jobs makes
the very bytes one job makes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pepdocs.batch import BatchOptions, run_batch
from pepdocs.batch.manifest import JOURNAL, MANIFEST_CSV, MANIFEST_JSON

from .rosters import child, write_roster
from .test_batch_runner import TODAY


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (state, ppid, pgrp, session...),
    or None once the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _group(pgrp: int) -> list[int]:
    """Live (not zombie) processes of process group ``pgrp``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields and int(fields[2]) == pgrp and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields and int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _start_batch(tmp_path: Path, count: int, jobs: int) -> tuple[subprocess.Popen[str], Path]:
    """``pepdocs batch --jobs`` in a process group of its own (as a terminal starts it),
    once it has made a few forms."""
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", [child(n) for n in range(1, count + 1)])
    command = [
        sys.executable, "-c", "from pepdocs.cli import main; main()",
        "batch", str(roster), "--out", str(out), "--jobs", str(jobs),
    ]  # fmt: skip
    batch = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 10:
        if batch.poll() is not None:
            pytest.fail(f"the batch ended before it was interrupted: {batch.stderr}")
        time.sleep(0.05)
    return batch, out


def _wait_for_group_to_empty(pgrp: int, seconds: float = 15) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and _group(pgrp):
        time.sleep(0.05)
    return _group(pgrp)


@pytest.mark.slow
def test_ctrl_c_to_the_process_group_stops_the_batch_and_every_worker(tmp_path: Path) -> None:
    batch, out = _start_batch(tmp_path, 2_000, jobs=2)
    workers = _children(batch.pid)
    assert len(workers) >= 2, "the batch had no worker processes"
    os.killpg(batch.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
    _, err = batch.communicate(timeout=60)
    assert batch.returncode != 0
    # one line ("Aborted."): no worker answered the signal with a traceback of its own
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert _wait_for_group_to_empty(batch.pid) == []
    left = [path.name for path in out.iterdir()]
    assert not [name for name in left if name.endswith(".part")]
    assert not [name for name in left if "manifest" in name]  # no half manifest
    made = [name for name in left if name.endswith(".docx")]
    assert 10 <= len(made) < 2_000
    # the journal knows every form on disk, so a rerun adopts them
    journalled = {
        json.loads(line)["output"] for line in (out / JOURNAL).read_text("utf-8").splitlines()
    }
    assert set(made) <= journalled


@pytest.mark.slow
def test_a_worker_killed_stops_the_batch_with_one_line_and_no_process_left(
    tmp_path: Path,
) -> None:
    batch, out = _start_batch(tmp_path, 2_000, jobs=2)
    workers = _children(batch.pid)
    assert len(workers) >= 2, "the batch had no worker processes"
    os.kill(workers[0], signal.SIGKILL)
    _, err = batch.communicate(timeout=60)
    assert batch.returncode != 0
    assert "worker process stopped" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert _wait_for_group_to_empty(batch.pid) == []
    assert not list(out.glob(".*.part"))
    assert not (out / MANIFEST_CSV).exists()


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [2, 3])
def test_any_number_of_jobs_makes_the_bytes_one_job_makes(tmp_path: Path, jobs: int) -> None:
    rows = [
        child(number, Authority=("northshire", "eastborough", "westmere")[number % 3])
        for number in range(1, 61)
    ]
    rows[7]["DOB"] = ""  # a failed row keeps its place in the manifest
    roster = write_roster(tmp_path / "roster.csv", rows)
    one = run_batch(roster, BatchOptions(out_dir=tmp_path / "one", today=TODAY))
    many = run_batch(roster, BatchOptions(out_dir=tmp_path / "many", today=TODAY, jobs=jobs))
    assert one.counts == many.counts == {"made": 59, "failed": 1}
    made = sorted(path.name for path in (tmp_path / "one").iterdir())
    assert made == sorted(path.name for path in (tmp_path / "many").iterdir())
    for name in made:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "many" / name).read_bytes()
    listed = json.loads((tmp_path / "many" / MANIFEST_JSON).read_text("utf-8"))["rows"]
    assert [row["row"] for row in listed] == list(range(2, 62))  # roster order
