"""A national term: N pre-filled PEP forms across the shipped authorities, then read back.

A script, not a test. In one run:

1. a roster of N fictional children (default 60,000, ``--forms`` for a quick run) across
   the shipped authorities' forms in the proportions of :data:`TERM` (mostly Word), rows
   interleaved so every chunk of the batch is mixed;
2. ``run_batch(..., jobs=2)`` over it in a fresh process, with the resident memory of that
   process and all its workers sampled as it runs (``total_rss_mb``: the sum over the
   processes, at its peak in each quarter of the run: flat means the memory does not grow
   with the number of forms);
3. every form read back (``pepdocs.batch.readback.read_batch``, ``jobs=2``) in a fresh
   process, sampled the same way;
4. in the same run, on a sample of Northshire's school-age form: a one-process batch against
   the plain docxtpl loop (``DocxTemplate``, ``render``, ``save``) on the same records, and
   the Word floor (``floors.word_floor``).

Why these proportions: children looked after in England by age (DfE, "Children looked after
in England including adoptions", 31 March 2024): about 13% are 1-4 (PEPs start at 2 or 3),
56% are 5-15 and 26% are 16 or over (post-16 PEPs run to the end of Year 13, and not every
16-17 year old has one); so about 10% early years, 70% school age and 20% post-16 PEPs.
Most Virtual Schools' PEPs are Word forms or Word exports of an ePEP; spreadsheets and PDF
forms are a minority: here 90% Word, 5% Excel, 5% PDF form. The shipped authorities with one
form (westmere, southvale, ridgeford) take their share as school-age forms.

Usage::

    python benchmarks/bench_national.py                  # 60,000 forms (long)
    python benchmarks/bench_national.py --forms 4000     # the trend, in a few minutes
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import TODAY, records, roster_header, roster_row, write_inputs

#: (authority, form, share of the term's forms in percent)
TERM: tuple[tuple[str, str, int], ...] = (
    ("northshire", "school_age", 27),
    ("northshire", "early_years", 4),
    ("northshire", "post16", 8),
    ("eastborough", "school_age", 26),
    ("eastborough", "early_years", 4),
    ("eastborough", "post16", 7),
    ("westmere", "school_age", 14),
    ("southvale", "school_age", 5),
    ("ridgeford", "school_age", 5),
)
assert sum(share for _, _, share in TERM) == 100


def _pattern() -> list[int]:
    """Which form each of 100 consecutive rows is: the shares spread evenly (a row of each
    form as soon as it is due), so every chunk of the batch is a mix."""
    due = [0.0] * len(TERM)
    order = []
    for _ in range(100):
        for index, (_, _, share) in enumerate(TERM):
            due[index] += share / 100
        chosen = max(range(len(TERM)), key=lambda index: due[index])
        due[chosen] -= 1
        order.append(chosen)
    return order


def write_term_roster(path: Path, forms: int) -> dict[str, int]:
    """The term's roster of ``forms`` children, written row by row; counts by form."""
    pattern = _pattern()
    wanted = [pattern.count(index) * (forms // 100 + 1) for index in range(len(TERM))]
    streams: list[Iterator[dict[str, Any]]] = [
        records(count, authority, form, seed=20 + index)
        for index, ((authority, form, _), count) in enumerate(zip(TERM, wanted, strict=True))
    ]
    counts: dict[str, int] = {}
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(roster_header())
        for number in range(forms):
            index = pattern[number % 100]
            writer.writerow(roster_row(next(streams[index])))
            label = "/".join(TERM[index][:2])
            counts[label] = counts.get(label, 0) + 1
    return counts


# --- the measured runs, each in a fresh process ------------------------------------------------


def _fill_child(roster: str, out: str, jobs: str) -> None:
    from pepdocs.batch import BatchOptions, run_batch

    result = run_batch(Path(roster), BatchOptions(out_dir=Path(out), jobs=int(jobs), today=TODAY))
    print(f"counts {dict(result.counts)}")
    if result.failures:
        print(f"failures {result.failures[:3]}")


def _read_child(out: str, jobs: str) -> None:
    from pepdocs.batch.readback import read_batch

    read = failed = unreadable = 0
    for form in read_batch(out, jobs=int(jobs)):
        if form.problem:
            unreadable += 1
            continue
        read += 1
        failed += form.fields_failed
    print(f"counts read={read} unreadable={unreadable} fields_not_read={failed}")


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                    parents[int(entry.name)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _measured(command: list[str]) -> tuple[float, float, list[tuple[float, int, int]], str]:
    """Run ``command``; (wall seconds, CPU seconds of it and its workers, samples of
    (time, processes, total RSS KiB) every 0.25 s, its output)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    samples: list[tuple[float, int, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            pids = _tree(process.pid)
            samples.append(
                (time.perf_counter() - started, len(pids), sum(_rss_kib(p) for p in pids))
            )

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command[2:4]} failed: {output[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, samples, output


def _memory_lines(name: str, samples: list[tuple[float, int, int]]) -> None:
    if not samples:
        print(f"# {name}: too short to sample memory")
        return
    end = samples[-1][0]
    quarters = []
    for quarter in range(4):
        inside = [s for s in samples if quarter * end / 4 <= s[0] <= (quarter + 1) * end / 4]
        quarters.append(max((s[2] for s in inside), default=0) / 1024)
    peak = max(s[2] for s in samples) / 1024
    processes = max(s[1] for s in samples)
    print(
        f"{name}_total_rss_mb_by_quarter: "
        + " ".join(f"{value:.0f}" for value in quarters)
        + f"  (peak {peak:.0f} MB over {processes} processes)"
    )
    if quarters[0]:
        print(f"{name}_rss_last_vs_first_quarter: {quarters[3] / quarters[0]:.2f}")


def _baseline(work: Path, sample: int) -> None:
    """The docxtpl loop, a one-process batch and the Word floor on the same sample."""
    from bench_fill import CPU_SECONDS, _batch, _docxtpl_loop
    from floors import word_floor

    roster, _ = write_inputs(work / "sample", sample, "northshire", previous=False)
    warm, _ = write_inputs(work / "warm", 3, "northshire", previous=False, seed=9)
    _batch(warm, None, work / "warm" / "out")
    made, _ = _batch(roster, None, work / "sample" / "pepdocs")
    pepdocs_cpu = CPU_SECONDS["last"] / made
    done, _ = _docxtpl_loop(roster, None, work / "sample" / "docxtpl")
    docxtpl_cpu = CPU_SECONDS["last"] / done
    floor = word_floor(sorted((work / "sample" / "pepdocs").glob("*.docx"))[:100])
    print(f"# same run, northshire school_age sample of {made}, one process, CPU time:")
    print(f"docxtpl_ms_per_form: {docxtpl_cpu * 1000:.1f}")
    print(f"pepdocs_ms_per_form: {pepdocs_cpu * 1000:.1f}")
    print(f"ratio_vs_docxtpl: {docxtpl_cpu / pepdocs_cpu:.1f}")
    print(f"word_floor_ms: {floor * 1000:.2f}  (pepdocs fill = {pepdocs_cpu / floor:.1f}x floor)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=60_000, help="forms in the term")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--sample", type=int, default=200, help="docxtpl baseline's records")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--fill-child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--read-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill_child:
        _fill_child(*args.fill_child)
        return
    if args.read_child:
        _read_child(*args.read_child)
        return

    work = Path(tempfile.mkdtemp(prefix="pepdocs-bench-national-"))
    load = os.getloadavg()
    print(
        f"# {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, cpus: {os.cpu_count()}, python "
        f"{sys.version.split()[0]}, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
    )
    started = time.perf_counter()
    roster = work / "term.csv"
    counts = write_term_roster(roster, args.forms)
    print(f"# roster of {args.forms} written in {time.perf_counter() - started:.0f} s: {counts}")
    out = work / "term"
    script = [sys.executable, __file__]
    wall, cpu, samples, output = _measured(
        [*script, "--fill-child", str(roster), str(out), str(args.jobs)]
    )
    print(f"# fill: {output.strip()}")
    print(f"fill_forms: {args.forms}  jobs: {args.jobs}")
    print(f"fill_wall_s: {wall:.0f}  ({args.forms / wall:.0f} forms/s)")
    print(f"fill_cpu_s: {cpu:.0f}  ({cpu / args.forms * 1000:.1f} ms a form, all processes)")
    print(f"fill_60000_estimate_min: {wall / args.forms * 60_000 / 60:.1f}")
    _memory_lines("fill", samples)
    wall, cpu, samples, output = _measured([*script, "--read-child", str(out), str(args.jobs)])
    print(f"# read back: {output.strip()}")
    print(f"read_wall_s: {wall:.0f}  ({args.forms / wall:.0f} forms/s)")
    print(f"read_cpu_s: {cpu:.0f}  ({cpu / args.forms * 1000:.1f} ms a form, all processes)")
    print(f"read_60000_estimate_min: {wall / args.forms * 60_000 / 60:.1f}")
    _memory_lines("read", samples)
    _baseline(work, args.sample)
    load = os.getloadavg()
    print(f"# load average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
