"""Batch fill speed and memory: pepdocs batch against a plain per-document docxtpl loop.

A script, not a test (timings belong in docs/scaling.md, not in assertions). In one run:

1. Northshire's school-age form (a docxtpl template) for N children from a roster plus their
   previous PEPs: ``pepdocs.batch.run_batch`` on one process, then the loop people write by
   hand (``DocxTemplate(path)``, ``render(context)``, ``save`` for every record) with the very
   Jinja context the Word engine builds for each of the same records. Prints
   ``docxtpl_docs_per_s``, ``pepdocs_docs_per_s`` and ``ratio_vs_docxtpl`` (target >= 10).
2. docs/s of the anchor-based Word forms (eastborough, westmere), the Excel form (southvale)
   and the PDF form (ridgeford); each Word form's CPU time as a multiple of the Word floor
   (``floors.word_floor``: unzip, parse ``document.xml``, re-zip, measured in the same run).
   Then ``--jobs 1`` against ``--jobs 2`` on 2,000 forms, each in a fresh process timed from
   outside, start-up included: ``jobs2_speedup`` (target >= 1.8 on two idle cores).
3. Peak RSS of a batch of 1,000 and of 20,000 children, each in a fresh process, and
   ``rss_ratio_20000_vs_1000`` (target <= 1.2: the roster streams, forms are written as made).

Usage::

    python benchmarks/bench_fill.py            # the full run (20,000 forms: some minutes)
    python benchmarks/bench_fill.py --quick    # smaller numbers, the same lines
    python benchmarks/bench_fill.py --jobs-only   # only the --jobs scaling (2,000 forms)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import TODAY

# pepdocs is imported inside the functions, not here: the memory runs are started before
# this process grows (see _peak_rss).

#: CPU seconds of the last timed run in this process: on a shared machine wall time also
#: measures the neighbours, so the CPU-time rate is printed beside it
CPU_SECONDS: dict[str, float] = {}

OTHER_FORMS = (
    ("eastborough", "docx"),
    ("westmere", "docx"),
    ("southvale", "xlsx"),
    ("ridgeford", "pdf"),
)


def _batch(roster: Path, previous: Path | None, out: Path, jobs: int = 1) -> tuple[int, float]:
    from pepdocs.batch import BatchOptions, run_batch

    options = BatchOptions(
        out_dir=out,
        previous=(previous,) if previous else (),
        jobs=jobs,
        today=TODAY,
    )
    started = time.perf_counter()
    cpu = time.process_time()
    result = run_batch(roster, options)
    elapsed = time.perf_counter() - started
    CPU_SECONDS["last"] = time.process_time() - cpu
    made = result.counts.get("made", 0)
    if result.counts.get("failed"):
        print(f"# warning: {result.counts['failed']} rows failed: {result.failures[:3]}")
    return made, elapsed


def _docxtpl_loop(roster: Path, previous: Path | None, out: Path) -> tuple[int, float]:
    """The per-document docxtpl loop on the same records, with the Word engine's contexts
    (built before the clock starts: only docxtpl is timed)."""
    from docxtpl import DocxTemplate

    from pepdocs.batch import BatchOptions
    from pepdocs.batch.runner import iter_planned
    from pepdocs.binding import form_values
    from pepdocs.formats.word.templated import build_context

    options = BatchOptions(out_dir=out, previous=(previous,) if previous else (), today=TODAY)
    contexts = []
    template = None
    for _, data, spec in iter_planned(roster, options):
        if data is None or spec is None:
            continue
        template = spec.template
        contexts.append(build_context(spec, form_values(data, spec)))
    assert template is not None
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    cpu = time.process_time()
    for number, context in enumerate(contexts):
        document = DocxTemplate(template)
        document.render(context, autoescape=True)  # names hold & and ', as real ones do
        document.save(out / f"{number:06d}.docx")
    elapsed = time.perf_counter() - started
    CPU_SECONDS["last"] = time.process_time() - cpu
    return len(contexts), elapsed


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else 0.0


def _peak_rss_child(count: str, folder: str) -> None:
    """In a fresh process: write a roster of ``count`` children, run one batch over it, print
    the peak RSS in KiB (``ru_maxrss``, and the kernel's ``VmHWM`` as a cross-check)."""
    from _data import write_inputs

    from pepdocs.batch import BatchOptions, run_batch

    roster, _ = write_inputs(Path(folder), int(count), "northshire", previous=False)
    result = run_batch(roster, BatchOptions(out_dir=Path(folder) / "out", today=TODAY))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    hwm = 0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    print(f"{result.counts.get('made', 0)} {peak} {hwm}")


def _peak_rss(work: Path, count: int) -> tuple[int, int, int]:
    """(forms made, ru_maxrss KiB, VmHWM KiB) of a batch of ``count`` in a fresh process.

    Linux carries a process's ru_maxrss over into the program it execs (it starts at the
    parent's size at fork), so these runs are started while this process is still small:
    before it imports pepdocs or makes anything.
    """
    completed = subprocess.run(
        [sys.executable, __file__, "--rss-child", str(count), str(work / f"rss-{count}")],
        check=True,
        capture_output=True,
        text=True,
    )
    made, peak, hwm = completed.stdout.split()[-3:]
    return int(made), int(peak), int(hwm)


def _print_pdf_floor(authority: str, fill_seconds: float) -> None:
    """The PDF floors on the form's template, measured now, and the fill as a multiple."""
    from floors import pdf_floor

    from pepdocs.mapping import resolve_form

    print(pdf_floor(resolve_form(authority).template).lines(fill_seconds=fill_seconds))


def _jobs_child(roster: str, previous: str, out: str, jobs: str) -> None:
    """In a fresh process: one batch, as ``pepdocs batch --jobs`` runs it."""
    from pepdocs.batch import BatchOptions, run_batch

    options = BatchOptions(
        out_dir=Path(out), previous=(Path(previous),), jobs=int(jobs), today=TODAY
    )
    print(run_batch(Path(roster), options).counts.get("made", 0))


def _jobs_scaling(work: Path, count: int) -> None:
    """``--jobs 1`` against ``--jobs 2`` on ``count`` Northshire forms, each batch in a fresh
    process timed from outside (interpreter start, imports, worker start-up and template
    preparation included); runs alternate, the faster of two counts for each."""
    from _data import write_inputs

    roster, previous = write_inputs(work / "jobs", count, "northshire", seed=8)
    best: dict[int, float] = {}
    cpu: dict[int, float] = {}
    for attempt, jobs in enumerate((1, 2, 1, 2)):
        out = work / "jobs" / f"out-{jobs}-{attempt}"
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, __file__, "--jobs-child", str(roster), str(previous), str(out),
             str(jobs)],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        made = int((process.stdout.read() if process.stdout else "0").split()[-1])
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        if status or made != count:
            print(f"# warning: --jobs {jobs} made {made} of {count}")
        if elapsed < best.get(jobs, float("inf")):
            best[jobs], cpu[jobs] = elapsed, usage.ru_utime + usage.ru_stime
    load = os.getloadavg()[0]
    print(
        f"jobs1_docs_per_s: {count / best[1]:.1f}  jobs2_docs_per_s: {count / best[2]:.1f}  "
        f"(northshire, {count} forms, fresh processes, start-up included; CPU "
        f"{cpu[1]:.1f} s and {cpu[2]:.1f} s; load average {load:.1f})"
    )
    print(f"jobs2_speedup: {best[1] / best[2]:.2f}  (target >= 1.8 on 2 idle cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller numbers, same lines")
    parser.add_argument("--records", type=int, help="children for the docxtpl comparison")
    parser.add_argument("--rss-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--jobs-child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--jobs-only", action="store_true", help="only the --jobs scaling")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    if args.rss_child:
        _peak_rss_child(*args.rss_child)
        return
    if args.jobs_child:
        _jobs_child(*args.jobs_child)
        return
    if args.jobs_only:
        work = Path(tempfile.mkdtemp(prefix="pepdocs-bench-jobs-"))
        _jobs_scaling(work, args.records or (400 if args.quick else 2_000))
        shutil.rmtree(work, ignore_errors=True)
        return

    count = args.records or (40 if args.quick else 300)
    others = max(count // 2, 20)
    rss_small, rss_large = (200, 4_000) if args.quick else (1_000, 20_000)
    work = Path(tempfile.mkdtemp(prefix="pepdocs-bench-fill-"))
    print(f"# cpus: {os.cpu_count()}, python {sys.version.split()[0]}, work: {work}")
    # Memory first, while this process is small (see _peak_rss).
    small_made, small, small_hwm = _peak_rss(work, rss_small)
    large_made, large, large_hwm = _peak_rss(work, rss_large)
    from _data import write_inputs

    # Cold: a fresh batch in this process (mapping files parsed, template prepared).
    warm_up, _ = write_inputs(work / "warm-up", 3, "northshire", seed=9)
    roster, previous = write_inputs(work / "northshire", count, "northshire")
    started = time.perf_counter()
    _batch(warm_up, None, work / "warm-up" / "out")
    startup = time.perf_counter() - started
    # Warm: what every further record costs once the template is prepared (the per-record
    # work a long batch repeats: roll forward, validate, render, zip, write).
    made, seconds = _batch(roster, previous, work / "northshire" / "pepdocs")
    pepdocs_rate, pepdocs_cpu_rate = _rate(made, seconds), _rate(made, CPU_SECONDS["last"])
    done, seconds = _docxtpl_loop(roster, previous, work / "northshire" / "docxtpl")
    docxtpl_rate, docxtpl_cpu_rate = _rate(done, seconds), _rate(done, CPU_SECONDS["last"])
    print(f"# northshire school_age, {made} children, roster + previous PEPs, one process")
    print(f"docxtpl_docs_per_s: {docxtpl_rate:.1f}")
    print(f"pepdocs_docs_per_s: {pepdocs_rate:.1f}")
    print(f"ratio_vs_docxtpl: {pepdocs_rate / docxtpl_rate:.1f}")
    print(
        f"# by CPU time: docxtpl {docxtpl_cpu_rate:.1f}, pepdocs {pepdocs_cpu_rate:.1f} docs/s, "
        f"ratio {pepdocs_cpu_rate / docxtpl_cpu_rate:.1f}; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus"
    )
    print(f"pepdocs_batch_startup_s: {startup:.2f}  (once per process: mapping files, template)")
    from floors import word_floor  # lxml: after the memory runs (see _peak_rss)

    floor = word_floor(sorted((work / "northshire" / "pepdocs").glob("*.docx"))[:100])
    print(
        f"word_floor_ms: {floor * 1000:.2f}  (unzip, parse document.xml, re-zip; CPU)\n"
        f"fill_vs_floor[northshire/docx]: {1 / pepdocs_cpu_rate / floor:.1f}  "
        f"docxtpl_vs_floor: {1 / docxtpl_cpu_rate / floor:.1f}"
    )

    for authority, kind in OTHER_FORMS:
        try:
            warm_up, _ = write_inputs(work / f"warm-{authority}", 2, authority, seed=9)
            _batch(warm_up, None, work / f"warm-{authority}" / "out")
            roster, previous = write_inputs(work / authority, others, authority)
            made, seconds = _batch(roster, previous, work / authority / "out")
        except Exception as problem:  # an engine not there yet: say so, go on
            print(f"pepdocs_docs_per_s[{authority}/{kind}]: skipped ({problem})")
            continue
        line = (
            f"pepdocs_docs_per_s[{authority}/{kind}]: {_rate(made, seconds):.1f}  "
            f"(cpu: {_rate(made, CPU_SECONDS['last']):.1f})"
        )
        if kind == "docx":
            line += f"  fill_vs_floor: {CPU_SECONDS['last'] / made / floor:.1f}"
        print(line)
        if kind == "pdf" and made:
            _print_pdf_floor(authority, seconds / made)

    _jobs_scaling(work, 400 if args.quick else 2_000)

    print(f"rss_peak_mb_{rss_small}: {small / 1024:.1f}  ({small_made} forms)")
    print(f"rss_peak_mb_{rss_large}: {large / 1024:.1f}  ({large_made} forms)")
    print(f"rss_ratio_{rss_large}_vs_{rss_small}: {large / small:.2f}")
    print(f"# VmHWM: {small_hwm / 1024:.1f} and {large_hwm / 1024:.1f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
