"""Start-up time: how long ``pepdocs --help`` and ``pepdocs authorities`` take, as ratios to
two baselines measured in the same run.

A script, not a test. Each command runs in a fresh interpreter (as a person types it), the
fastest of ``--repeat`` runs counting (slower runs measure other work on a shared machine):

* ``python -c pass``: the interpreter alone, the floor no command can go under;
* ``python -c "import click"``: the CLI library, the floor of any click command;
* ``pepdocs --help``: the command list (imports the CLI, not the library);
* ``pepdocs authorities``, warm: the forms listed from the facts kept about unchanged mapping
  files (pepdocs.mapping.filecache), the everyday case;
* ``pepdocs authorities``, cold: the same with an empty cache folder, every mapping file
  read and checked (the first run after installing or editing a mapping).

The target (issue 17) is under 0.3 s wall for --help and a warm authorities listing.

Usage::

    python benchmarks/bench_startup.py              # 7 runs each
    python benchmarks/bench_startup.py --repeat 3
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

TARGET_SECONDS = 0.3


def _fastest(command: Sequence[str], repeat: int, env: dict[str, str]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each command")
    options = parser.parse_args(argv)
    python = sys.executable
    # The console script, as people type it (python -m pepdocs adds runpy's own start-up).
    script = Path(python).with_name("pepdocs")
    pepdocs = [str(script)] if script.exists() else [python, "-m", "pepdocs"]
    with tempfile.TemporaryDirectory() as warm, tempfile.TemporaryDirectory() as cold:
        env = {**os.environ, "PEPDOCS_CACHE_DIR": warm}
        subprocess.run([*pepdocs, "authorities"], env=env, stdout=subprocess.DEVNULL, check=True)
        runs = {
            "python -c pass": _fastest([python, "-c", "pass"], options.repeat, env),
            'python -c "import click"': _fastest(
                [python, "-c", "import click"], options.repeat, env
            ),
            "pepdocs --help": _fastest([*pepdocs, "--help"], options.repeat, env),
            "pepdocs authorities (warm)": _fastest(
                [*pepdocs, "authorities"], options.repeat, env
            ),
        }
        # Cold: a fresh, empty cache folder for each run.
        cold_best = float("inf")
        for number in range(max(1, options.repeat // 2)):
            folder = os.path.join(cold, str(number))
            started = time.perf_counter()
            subprocess.run(
                [*pepdocs, "authorities"],
                env={**os.environ, "PEPDOCS_CACHE_DIR": folder},
                stdout=subprocess.DEVNULL,
                check=True,
            )
            cold_best = min(cold_best, time.perf_counter() - started)
        runs["pepdocs authorities (cold)"] = cold_best
    floor, click_floor = runs["python -c pass"], runs['python -c "import click"']
    print(f"fastest of {options.repeat} runs each; target {TARGET_SECONDS:.1f} s")
    print(f"{'command':<30} {'seconds':>8} {'x python':>9} {'x click':>8}")
    for name, seconds in runs.items():
        print(f"{name:<30} {seconds:>8.3f} {seconds / floor:>9.1f} {seconds / click_floor:>8.1f}")


if __name__ == "__main__":
    main()
