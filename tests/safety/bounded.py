"""Run a pepdocs command in a child process and measure it from outside: exit code, output,
peak memory (the child's own ``ru_maxrss``, from ``wait4``) and wall-clock time.

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
    command = [sys.executable, "-c", "from pepdocs.cli import main; main()"]
    command += [os.fspath(arg) for arg in args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=cwd
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
