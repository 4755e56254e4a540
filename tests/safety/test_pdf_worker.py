"""The PDF worker stays up between files and never outlives its process: a file killed at
its deadline costs that file only, a worker killed from outside is replaced, a forked
process starts its own, and kill -9 or Ctrl-C of the process that started it ends it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from pepdocs import UnsafeDocumentError
from pepdocs.safety.pdf import inspect_pdf, stop_pdf_workers

from . import corpus

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _no_workers_yet() -> None:
    """Each test starts with no worker and no summary kept from an earlier test."""
    stop_pdf_workers()


def _form(tag: str) -> bytes:
    """A small form no other call has sent (the same bytes again would be answered from
    the summaries kept, without a worker)."""
    return corpus.pdf_form(first_name=f"Zephyrine {tag}")


def _stat(pid: int) -> list[str] | None:
    """/proc/<pid>/stat after the command name (state, ppid, pgrp...), None once gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _is_worker(pid: int) -> bool:
    try:
        return b"_pdf_worker.py" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _workers(parent: int | None = None, group: int | None = None) -> list[int]:
    """Live PDF worker processes whose parent is ``parent`` or whose process group is
    ``group``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if not fields or fields[0] == "Z" or not _is_worker(int(entry.name)):
            continue
        if (parent is not None and int(fields[1]) == parent) or (
            group is not None and int(fields[2]) == group
        ):
            found.append(int(entry.name))
    return found


def _wait_until(check: object, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return bool(check())  # type: ignore[operator]


def test_one_worker_serves_file_after_file() -> None:
    for number in range(3):
        assert inspect_pdf(_form(str(number)), "form.pdf").fields["camhs"].value == "/1"
    assert len(_workers(parent=os.getpid())) == 1


def test_the_same_bytes_asked_again_are_answered_without_the_worker() -> None:
    data = _form("again")
    first = inspect_pdf(data, "form.pdf", form=True)
    (worker,) = _workers(parent=os.getpid())
    os.kill(worker, signal.SIGKILL)
    assert _wait_until(lambda: _workers(parent=os.getpid()) == [])
    assert inspect_pdf(data, "form.pdf") == replace(first, form=())
    assert inspect_pdf(data, "form.pdf", form=True) == first
    assert _workers(parent=os.getpid()) == []
    # asked for more than before (the page text): the worker is asked
    assert inspect_pdf(data, "form.pdf", text=True).text == ("",)
    assert len(_workers(parent=os.getpid())) == 1


def test_a_file_killed_at_its_deadline_costs_that_file_not_the_worker() -> None:
    inspect_pdf(_form("first"), "form.pdf")
    (worker,) = _workers(parent=os.getpid())
    with pytest.raises(UnsafeDocumentError, match=r"^slow\.pdf: took longer than 0\.001 s"):
        inspect_pdf(_form("slow"), "slow.pdf", timeout=0.001)
    summary = inspect_pdf(_form("next"), "next.pdf")
    assert summary.fields["child.first_name"].value == "Zephyrine next"
    assert _workers(parent=os.getpid()) == [worker]
    # the killed child was reaped: the worker has no child left
    assert _wait_until(lambda: not _children_of(worker))


def _children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_a_child_past_its_memory_cap_costs_that_file_not_the_worker() -> None:
    inspect_pdf(_form("first"), "form.pdf")
    (worker,) = _workers(parent=os.getpid())
    data = corpus.pdf_form(first_name="A" * (20 << 20))
    with pytest.raises(UnsafeDocumentError, match=r"^big\.pdf: needs more than 8 MB"):
        inspect_pdf(data, "big.pdf", memory_bytes=8 << 20)
    assert inspect_pdf(_form("next"), "next.pdf").pages == 1
    assert _workers(parent=os.getpid()) == [worker]


def test_a_worker_killed_from_outside_is_replaced_for_the_next_file() -> None:
    inspect_pdf(_form("first"), "form.pdf")
    (worker,) = _workers(parent=os.getpid())
    os.kill(worker, signal.SIGKILL)
    assert _wait_until(lambda: worker not in _workers(parent=os.getpid()))
    assert inspect_pdf(_form("next"), "form.pdf").pages == 1
    (replacement,) = _workers(parent=os.getpid())
    assert replacement != worker


def test_stopping_the_workers_leaves_no_process() -> None:
    inspect_pdf(_form("first"), "form.pdf")
    assert _workers(parent=os.getpid())
    stop_pdf_workers()
    assert _workers(parent=os.getpid()) == []


def test_a_forked_process_starts_its_own_worker_and_leaves_the_parents_alone() -> None:
    inspect_pdf(_form("parent"), "form.pdf")
    (parents_worker,) = _workers(parent=os.getpid())
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the forked child)
        code = 1
        try:
            os.close(read_end)
            value = inspect_pdf(_form("child"), "form.pdf").fields["camhs"].value
            own = _workers(parent=os.getpid())
            os.write(write_end, f"{value} {len(own)}".encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as answer:
        said = answer.read().decode()
    _, status = os.waitpid(child, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert said == "/1 1"  # its own worker, started by it
    # the child's worker ended with it (its stdin closed); the parent's still serves
    assert _wait_until(lambda: _workers(parent=child) == [])
    assert _workers(parent=os.getpid()) == [parents_worker]
    assert inspect_pdf(_form("parent again"), "form.pdf").pages == 1


_READER = """
import sys
from pepdocs.safety.pdf import inspect_pdf
data = open(sys.argv[1], "rb").read()
print("reading", flush=True)
number = 0
while True:
    # a comment after the end: other bytes each time, so each goes to the worker
    number += 1
    inspect_pdf(data + b"%% %d\\n" % number, "form.pdf")
"""


def _start_reader(tmp_path: Path) -> subprocess.Popen[str]:
    """A process reading a PDF again and again, in a process group of its own (as a
    terminal starts a command), once its worker is up."""
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(corpus.pdf_form())
    reader = subprocess.Popen(
        [sys.executable, "-c", _READER, str(pdf)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert reader.stdout is not None and reader.stdout.readline() == "reading\n"
    assert _wait_until(lambda: _workers(parent=reader.pid))
    return reader


def test_kill_9_of_the_reading_process_ends_its_worker(tmp_path: Path) -> None:
    reader = _start_reader(tmp_path)
    os.kill(reader.pid, signal.SIGKILL)
    reader.communicate(timeout=30)
    # the worker and any child reading a PDF at that moment
    assert _wait_until(lambda: _workers(group=reader.pid) == [])
    assert _wait_until(lambda: not _group_alive(reader.pid))


def test_ctrl_c_of_the_reading_process_ends_its_worker_without_a_word(tmp_path: Path) -> None:
    reader = _start_reader(tmp_path)
    os.killpg(reader.pid, signal.SIGINT)  # what the terminal sends on Ctrl-C
    _, err = reader.communicate(timeout=30)
    assert reader.returncode != 0
    assert "KeyboardInterrupt" in err  # the reader's own; nothing from the worker
    assert "_pdf_worker" not in err
    assert _wait_until(lambda: not _group_alive(reader.pid))


def _group_alive(pgrp: int) -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields and fields[0] != "Z" and int(fields[2]) == pgrp:
                return True
    return False
