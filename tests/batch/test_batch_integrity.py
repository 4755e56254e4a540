"""Batch outputs belong to the child and to the batch (issue 19, causes 6, 7 and 12): distinct
ids never share a file, only files the batch made and recorded are ever replaced, a killed
batch is finished by a rerun and leaves no workers behind, and folder problems are one line."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pepdocs.batch import BatchOptions, run_batch
from pepdocs.batch.manifest import JOURNAL, MANIFEST_JSON, read_manifest
from pepdocs.errors import UsageError
from tests.safety.bounded import run_pepdocs

from .rosters import child, upn, write_roster
from .test_batch_runner import TODAY


def options(out: Path, **changes: Any) -> BatchOptions:
    return BatchOptions(out_dir=out, today=TODAY, **changes)


def rows(out: Path) -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads((out / MANIFEST_JSON).read_text("utf-8"))
    return list(data["rows"])


def test_ids_that_clean_to_the_same_name_get_files_of_their_own(tmp_path: Path) -> None:
    ids = ["A/1", "A_1", "A 1", "A.1", "Łucja", "Ωμέγα", "a1", "A1"]
    roster = write_roster(
        tmp_path / "roster.csv",
        [
            child(n, **{"LA Child ID": i, "UPN": upn(f"99120231{n:04d}")})
            for n, i in enumerate(ids, 1)
        ],
    )
    out = tmp_path / "out"
    assert run_batch(roster, options(out)).counts == {"made": len(ids)}
    outputs = [row["output"] for row in rows(out)]
    assert len(set(outputs)) == len(ids)
    assert len({name.casefold() for name in outputs}) == len(ids)  # also on Windows and macOS
    assert sorted(path.name for path in out.glob("*.docx")) == sorted(outputs)
    assert run_batch(roster, options(out)).counts == {"unchanged": len(ids)}


def test_a_form_a_school_edited_in_the_folder_is_never_adopted_nor_overwritten(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", [child(1)])
    run_batch(roster, options(out))
    (form,) = out.glob("*.docx")
    edited = form.read_bytes() + b"\0the school's edit"
    form.write_bytes(edited)
    assert run_batch(roster, options(out)).counts == {"kept": 1}
    assert run_batch(roster, options(out)).counts == {"kept": 1}  # still not ours
    changed = write_roster(tmp_path / "roster.csv", [child(1, **{"Carer Name": "Lee Other"})])
    assert run_batch(changed, options(out)).counts == {"kept": 1}
    assert form.read_bytes() == edited
    assert form.name not in read_manifest(out)
    assert run_batch(changed, options(out, force=True)).counts == {"made": 1}


@pytest.mark.slow
def test_a_batch_killed_midway_is_finished_by_a_rerun_that_knows_its_files(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", [child(n) for n in range(1, 41)])
    run_batch(roster, options(out))
    made = rows(out)
    # what a kill -9 leaves: twenty forms on disk, their journal lines, a temporary file and
    # no manifest
    (out / MANIFEST_JSON).unlink()
    (out / "manifest.csv").unlink()
    journal = []
    for row in made[20:]:
        (out / row["output"]).unlink()
    for row in made[:20]:
        journal.append(json.dumps({key: row[key] for key in ("output", "input_hash", "sha256")}))
    (out / JOURNAL).write_text("\n".join(journal) + '\n{"output": "cut sh', "utf-8")
    stray = out / ".northshire-9000001-2025-26-spring.docx.abcd1234.part"
    stray.write_bytes(b"half a form")
    result = run_batch(roster, options(out))
    assert result.counts == {"unchanged": 20, "made": 20}
    assert not stray.exists() and not (out / JOURNAL).exists()


@pytest.mark.slow
def test_kill_9_of_a_parallel_batch_stops_its_workers_and_a_rerun_finishes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", [child(n) for n in range(1, 301)])
    command = [
        sys.executable, "-c", "from pepdocs.cli import main; main()",
        "batch", str(roster), "--out", str(out), "--jobs", "2",
    ]  # fmt: skip
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 10:
        time.sleep(0.05)
    workers = _children(parent.pid)
    assert workers, "the batch had no worker processes"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and [pid for pid in workers if _alive(pid)]:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived their parent"
    before = {path.name for path in out.glob("*.docx")}
    time.sleep(0.5)
    assert {path.name for path in out.glob("*.docx")} == before  # nobody is writing
    rerun = run_pepdocs("batch", roster, "--out", out)
    assert rerun.code == 0, rerun.err
    data = json.loads((out / MANIFEST_JSON).read_text("utf-8"))
    counts = data["summary"]["counts"]
    assert set(counts) <= {"made", "unchanged"}, counts  # nothing "kept ... did not make"
    assert sum(counts.values()) == 300
    assert not list(out.glob(".*.part")) and not (out / JOURNAL).exists()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_second_batch_into_a_busy_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    roster = write_roster(tmp_path / "roster.csv", [child(1)])
    holder = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)  # as a running batch holds it
        with pytest.raises(UsageError, match="another pepdocs batch is writing"):
            run_batch(roster, options(out))
    finally:
        os.close(holder)
    assert not list(out.iterdir())


def test_two_rosters_into_one_folder_keep_each_others_files_on_record(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = write_roster(tmp_path / "first.csv", [child(1)])
    second = write_roster(tmp_path / "second.csv", [child(2)])
    run_batch(first, options(out))
    result = run_batch(second, options(out))
    assert result.counts == {"made": 1}
    assert any("another roster (first.csv)" in note for note in result.notes)
    assert run_batch(first, options(out)).counts == {"unchanged": 1}


def test_an_output_name_taken_by_a_folder_fails_that_row_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", [child(1), child(2)])
    (out / "northshire-9000001-2025-26-spring.docx").mkdir(parents=True)
    result = run_batch(roster, options(out))
    assert result.counts == {"failed": 1, "made": 1}
    assert "is a folder" in result.failures[0]


@pytest.mark.slow
def test_a_manifest_of_150000_rows_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", [child(1)])
    run_batch(roster, options(out))
    text = (out / MANIFEST_JSON).read_text("utf-8")
    head, tail = text.split('"rows": [', 1)
    filler = ",\n    ".join(
        json.dumps({"row": n, "output": f"old-{n}.docx", "status": "made", "warnings": ["x" * 300],
                    "input_hash": "0" * 64, "sha256": "1" * 64})
        for n in range(150_000)
    )  # fmt: skip
    (out / MANIFEST_JSON).write_text(head + '"rows": [\n    ' + filler + "," + tail, "utf-8")
    assert (out / MANIFEST_JSON).stat().st_size > 50 * 1024 * 1024
    assert len(read_manifest(out)) == 150_001
    assert run_batch(roster, options(out)).counts == {"unchanged": 1}


def _private_mount(mount_options: str) -> list[str] | None:
    """A command prefix that runs what follows with a fresh tmpfs (``mount_options``) over
    ``$OUT``, in a mount namespace of its own; None where the system does not allow it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    prefix = [unshare, "--mount", "--map-root-user", "sh", "-c",
              f'mount -t tmpfs -o {mount_options} none "$OUT" && exec "$@"', "sh"]  # fmt: skip
    probe = subprocess.run(
        [*prefix, "true"], env={**os.environ, "OUT": "/tmp"}, capture_output=True
    )
    return prefix if probe.returncode == 0 else None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mount_options", "problem"),
    [("ro", "Read-only file system"), ("size=64k", "No space left on device")],
    ids=["read-only", "full"],
)
def test_a_read_only_or_full_output_folder_is_one_line(
    tmp_path: Path, mount_options: str, problem: str
) -> None:
    prefix = _private_mount(mount_options)
    if prefix is None:
        pytest.skip("mount namespaces are not available here")
    out = tmp_path / "out"
    out.mkdir()
    roster = write_roster(tmp_path / "roster.csv", [child(n) for n in range(1, 6)])
    run = subprocess.run(
        [*prefix, sys.executable, "-c", "from pepdocs.cli import main; main()",
         "batch", str(roster), "--out", str(out)],
        env={**os.environ, "OUT": str(out)}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode != 0
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and problem in lines[0], run.stderr


def test_one_file_named_for_the_pep_and_the_report_is_refused(tmp_path: Path) -> None:
    from tests.safety.corpus import small_form

    form = tmp_path / "form.docx"
    form.write_bytes(small_form())
    target = tmp_path / "same.json"
    run = run_pepdocs(
        "extract", form, "-a", "eastborough", "--form", "school_age",
        "-o", target, "--report", target,
    )  # fmt: skip
    assert run.code == 2
    assert len(run.err_lines) == 1 and "given for two outputs" in run.err
    assert not target.exists()
