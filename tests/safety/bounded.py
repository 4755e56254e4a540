"""Run a pepdocs command in a child process and measure it from outside: exit code, output,
peak memory and wall-clock time.

Peak memory is the child's own high-water mark (``VmHWM`` of its own address space, which
starts empty at ``exec``), written by the child as it exits. ``ru_maxrss`` from ``wait4`` is
not used when that is there: Linux carries the parent's high-water mark into a child at
``exec``, so a long test session that has grown would be counted as the child's. A child
killed before it could write its figure falls back to ``ru_maxrss``.

Peak memory is a bound a hostile input must stay within (600 MB), checked after the fact.
Time is not asserted (the machines are shared and noisy: speed lives in benchmarks/); a
child still running far past any reasonable time (two minutes) is killed and reported as
``hung``, which fails the test that ran it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

#: the issue's bounds for any input: a clean error or a correct result within these
DEADLINE_SECONDS = 20.0
MEMORY_BOUND_MB = 600


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    peak_mb: int
    seconds: float
    #: killed by the hang guard
    hung: bool = False

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_pepdocs(*args: str | os.PathLike[str], cwd: Path | None = None) -> Outcome:
    """``pepdocs ARGS`` as a real process (the console script's entry point), reaped with
    ``wait4`` so that its own peak memory is known (not that of other children)."""
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        command = [sys.executable, "-c", _PEAK_AT_EXIT + "from pepdocs.cli import main; main()"]
        command += [os.fspath(arg) for arg in args]
        env = {**os.environ, "PEPDOCS_TEST_PEAK_FILE": str(peak_file)}
        outcome = _run(command, env, cwd)
        if peak_file.exists():
            measured = peak_file.read_text(encoding="ascii").strip()
            if measured.isdigit():
                outcome = Outcome(
                    outcome.code,
                    outcome.out,
                    outcome.err,
                    int(measured) // 1024,
                    outcome.seconds,
                    outcome.hung,
                )
        return outcome


#: run first in the child: at exit, write its own peak memory (VmHWM, kB) to a file
_PEAK_AT_EXIT = (
    "import atexit, os\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as status:\n"
    "        for line in status:\n"
    "            if line.startswith('VmHWM:'):\n"
    "                with open(os.environ['PEPDOCS_TEST_PEAK_FILE'], 'w') as out:\n"
    "                    out.write(line.split()[1])\n"
    "atexit.register(_peak)\n"
)


def _run(command: list[str], env: dict[str, str], cwd: Path | None) -> Outcome:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=cwd, env=env
        )
        limit = started + DEADLINE_SECONDS * 6  # a hang guard far past the bound
        hung = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > limit:
                hung = True
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Outcome(
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            usage.ru_maxrss // 1024,
            seconds,
            hung,
        )
