"""Extraction speed: completed forms of every authority read back into PEPs.

A script, not a test. Completed forms are made first (``pepdocs.api.fill`` of generated,
fictional PEPs: every section filled, as a school returns them), then timed in one process:

* ``extract_docs_per_s[<authority>/<form>]``: ``pepdocs.api.extract`` (safe open, anchors,
  transforms, model validation, the field report) per file, fastest of three passes;
  ``[<authority>/<form>/docx returned]``: the same Word form as ``pepdocs batch`` pre-fills
  it from a roster (as ``bench_national.py`` reads back): most boxes empty, where a reading
  also tries each field's fallback anchors;
* beside each Word form, ``python_docx_open_docs_per_s``: python-docx's ``Document(path)``
  alone on the same files, i.e. only opening and parsing, no reading of any field;
* ``extract_word_docs_per_s``: all Word forms together, and by CPU time (target >= 150 per
  core), with each Word form's CPU time as a multiple of the Word floor (``floors.py``:
  unzip, parse ``document.xml``, re-zip; same files, same run);
* beside each Word and Excel form, ``vs_word_floor`` / ``vs_excel_floor``: its CPU time per
  form as a multiple of that format's floor on the same files (Excel: unzip, parse every XML
  part, re-zip), with the floor's own forms/s;
<<<<<<< HEAD
* ``--baseline SRC``: the same Word and Excel files (filled and returned) read by another
  checkout's code (``SRC`` holds its ``pepdocs`` package, e.g. ``git worktree add /tmp/base
  main``: the code before a change) and by this one, each in a fresh process, alternated
  form by form in the same run (fastest of two each), printed as before/after forms/s of
  CPU and the speed-up;
=======
* ``--baseline SRC``: the same Word, Excel and PDF files read by another checkout's code
  (``SRC`` holds its ``pepdocs`` package, e.g. ``git worktree add /tmp/base main``) and by
  this one, each in a fresh process, alternated form by form in the same run (fastest of two
  each), printed as before/after forms/s of CPU (a PDF's with its worker's) and the speed-up;
  with ``--excel-only`` or ``--pdf-only`` for those forms alone;
>>>>>>> main
* ``convert``: docs/s of ``pepdocs convert`` over 1,000 forms when that command exists.

The load average is printed with every block of figures (absolute rates on a shared machine
measure the neighbours too; the multiples of the floor and the before/after ratio do not).

PDF forms are opened in a bounded worker process (``pepdocs.safety.pdf``), so their CPU is
counted with the worker's (``cpu_with_worker``: this process plus its reaped children; the
long-lived worker is stopped at the end of each pass so that its time, and its forked
children's, is counted). Beside the long-lived worker, the same files are read the old way
in the same run (``pdf_per_file_worker``, ``--pdf-old-only`` runs only that): a fresh
worker process for every PDF (interpreter start, pypdf import and warm-up per file) and the
PDF opened a second time in this process, as ``pdf.read`` did before (pypdf's reader and
its field list), so the two are a ratio measured under the same load.

Usage::

    python benchmarks/bench_extract.py            # 40 forms per authority form
    python benchmarks/bench_extract.py --quick    # 10
    python benchmarks/bench_extract.py --quick --baseline /tmp/base
    python benchmarks/bench_extract.py --quick --word-only --baseline /tmp/base
    python benchmarks/bench_extract.py --count 20 --baseline /tmp/base --before-after-only
    python benchmarks/bench_extract.py --quick --excel-only --baseline /tmp/base
    python benchmarks/bench_extract.py --quick --pdf-only --baseline /tmp/base
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from floors import excel_floor, word_floor

from pepdocs import api
from pepdocs.mapping import list_authorities
from pepdocs.samples import generate_peps


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else 0.0


def _make_forms(
    work: Path, count: int, word_only: bool = False
) -> list[tuple[str, str, str, list[Path]]]:
    """(authority, form, kind, files) for every shipped form whose template exists (only the
    Word ones with ``word_only``)."""
    made = []
    for authority in list_authorities():
        for summary in authority.forms:
            if not summary.template_found or (word_only and summary.kind != "docx"):
                continue
            folder = work / f"{authority.name}-{summary.form}"
            folder.mkdir(parents=True)
            files = []
            peps = generate_peps(count, seed=11, authority=authority.name, phase=summary.form)
            for number, pep in enumerate(peps):
                path = folder / f"{number:04d}.{summary.kind}"
                path.write_bytes(api.fill(pep, authority.name, summary.form))
                files.append(path)
            made.append((authority.name, summary.form, summary.kind, files))
            if summary.kind == "docx":
                returned = _make_returned(work, authority.name, summary.form, count)
                made.append((authority.name, summary.form, summary.kind, returned))
    return made


#: the folder suffix of a Word form's returned copies (see ``_make_returned``)
RETURNED = "-returned"


def _make_returned(work: Path, authority: str, form: str, count: int) -> list[Path]:
    """``count`` copies of a Word form as ``pepdocs batch`` pre-fills them from a roster (as
    in ``bench_national.py``): the roster's columns filled, many boxes left empty, as a form
    comes back. An empty control is where a reading also tries the field's fallback
    anchors, so these read differently from forms with every section filled."""
    from _data import TODAY, records, roster_header, roster_row

    from pepdocs.batch import BatchOptions, run_batch

    folder = work / f"{authority}-{form}{RETURNED}"
    made = work / f"{authority}-{form}-batch"
    made.mkdir()
    roster = made / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(roster_header())
        for pep in records(count, authority, form, seed=31):
            writer.writerow(roster_row(pep))
    run_batch(roster, BatchOptions(out_dir=made / "out", jobs=1, today=TODAY))
    folder.mkdir()  # the forms alone (``--time-only`` reads every file of a folder)
    for path in sorted((made / "out").glob("*.docx")):
        path.rename(folder / path.name)
    return sorted(folder.iterdir())


def _variant(files: list[Path]) -> str:
    """`` returned`` for a Word form's pre-filled copies, else nothing (for the labels)."""
    return " returned" if files[0].parent.name.endswith(RETURNED) else ""


#: passes over each form's files; the fastest counts (as ``timeit`` advises: slower passes
#: measure other work on a shared machine, not this code), for pepdocs and python-docx alike
REPEATS = 3


def _time_extract(authority: str, form: str, files: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds to extract every file, fastest of ``REPEATS`` passes; the form
    is resolved once outside."""
    from pepdocs.mapping import resolve_form

    spec = resolve_form(authority, form=form)
    api.extract(files[0], spec)  # warm: the first read of a form builds its lookups
    best = (float("inf"), float("inf"))
    for _ in range(REPEATS):
        started, cpu = time.perf_counter(), time.process_time()
        for path in files:
            api.extract(path, spec)
        best = min(best, (time.perf_counter() - started, time.process_time() - cpu))
    return best


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _time_elsewhere(src: Path, authority: str, form: str, folder: Path) -> float:
    """CPU seconds per form to extract ``folder``'s files with the ``pepdocs`` package
    under ``src``, in a fresh process (``--time-only``)."""
    env = dict(os.environ, PYTHONPATH=str(src))
    completed = subprocess.run(
        [sys.executable, __file__, "--time-only", authority, form, str(folder)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    where, cpu = completed.stdout.split()
    if Path(where).resolve() != (src / "pepdocs").resolve():
        raise SystemExit(f"--baseline: {src} did not provide pepdocs (got {where})")
    return float(cpu)


def _time_only(authority: str, form: str, folder: str) -> None:
    """The child of ``--baseline``: print where pepdocs came from and CPU s per form (a
    PDF's with its worker's and the worker's children's)."""
    import pepdocs

    files = sorted(Path(folder).iterdir())
    if files[0].suffix == ".pdf":
        _, cpu = _time_pdf(authority, form, files, old=False)
    else:
        _, cpu = _time_extract(authority, form, files)
    print(Path(pepdocs.__file__).parent, cpu / len(files))


def _before_after(
    baseline: Path, forms: list[tuple[str, str, str, list[Path]]], rounds: int = 2
) -> None:
    """Each Word, Excel and PDF form read by the baseline's code and by this checkout's, in
    fresh processes, alternated; the fastest of ``rounds`` runs of each counts (a PDF's CPU
    with its worker's)."""
    here = Path(__file__).resolve().parent.parent
    print(f"# before/after: before = {baseline}, after = {here}; CPU time per form, "
          f"fresh process each, alternated, fastest of {rounds}")  # fmt: skip
    totals = [0.0, 0.0, 0]
    for authority, form, kind, files in forms:
        if kind not in ("docx", "xlsx", "pdf"):
            continue
        folder = files[0].parent
        runs: dict[str, list[float]] = {"before": [], "after": []}
        for _ in range(rounds):
            runs["before"].append(_time_elsewhere(baseline, authority, form, folder))
            runs["after"].append(_time_elsewhere(here, authority, form, folder))
        before, after = min(runs["before"]), min(runs["after"])
        if kind != "pdf":  # the Word and Excel total below, as before
            totals[0] += before * len(files)
            totals[1] += after * len(files)
            totals[2] += len(files)
        print(
            f"before_after_cpu_docs_per_s[{authority}/{form}/{kind}{_variant(files)}]: "
            f"{1 / before:.1f} -> {1 / after:.1f}  speed-up {before / after:.2f}x  ({_load()})"
        )
    if totals[2]:
        print(
            f"before_after_cpu_docs_per_s[word+excel]: {totals[2] / totals[0]:.1f} -> "
            f"{totals[2] / totals[1]:.1f}  speed-up {totals[0] / totals[1]:.2f}x  ({_load()})"
        )


def _cpu() -> float:
    """CPU seconds of this process and of its children reaped so far."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _time_pdf(authority: str, form: str, files: list[Path], old: bool) -> tuple[float, float]:
    """(wall, CPU with the worker's) seconds to extract every PDF, fastest of ``REPEATS``
    passes: through the long-lived worker, or (``old``) the per-file path it replaced."""
    from pypdf import PdfReader

    from pepdocs.mapping import resolve_form
    from pepdocs.safety.pdf import stop_pdf_workers

    spec = resolve_form(authority, form=form)
    api.extract(files[0], spec)  # warm: the first read of a form builds its lookups
    best = (float("inf"), float("inf"))
    for _ in range(REPEATS):
        stop_pdf_workers()
        started, cpu = time.perf_counter(), _cpu()
        for path in files:
            if old:
                stop_pdf_workers()  # a fresh worker process for this file...
                api.extract(path, spec)
                # ...and the PDF parsed again in this process, as the old read did
                PdfReader(path, strict=False).get_fields()
            else:
                api.extract(path, spec)
        stop_pdf_workers()  # reaped: its CPU is now counted
        best = min(best, (time.perf_counter() - started, _cpu() - cpu))
    return best


def _pdf_lines(authority: str, form: str, files: list[Path], old_only: bool) -> str:
    """The long-lived worker against the per-file one, and against the PDF floor."""
    count = len(files)
    old_wall, old_cpu = _time_pdf(authority, form, files, old=True)
    lines = [
        f"pdf_per_file_worker_docs_per_s[{authority}/{form}]: {_rate(count, old_wall):.1f}"
        f"  (cpu_with_worker: {_rate(count, old_cpu):.1f})"
    ]
    if old_only:
        return "\n".join(lines)
    wall, cpu = _time_pdf(authority, form, files, old=False)
    lines.append(
        f"pdf_long_lived_worker_docs_per_s[{authority}/{form}]: {_rate(count, wall):.1f}"
        f"  (cpu_with_worker: {_rate(count, cpu):.1f}, target >= 150)"
        f"  vs_per_file_worker: {old_wall / wall:.2f}x wall, {old_cpu / cpu:.2f}x cpu"
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from floors import pdf_floor

    from pepdocs.mapping import resolve_form

    floor = pdf_floor(resolve_form(authority, form=form).template)
    lines.append(floor.lines(read_seconds=wall / count))
    fields_floor = _pdf_fields_floor(files)
    lines.append(
        f"pdf_floor_fields_of_these_files_cpu_docs_per_s: {_rate(count, fields_floor):.1f}"
        f"  pdf_read_cpu_vs_it: {cpu / fields_floor:.2f}x  (pypdf opening each filled form"
        " and listing its fields, in this process, nothing bounded: the least pypdf does)"
    )
    return "\n".join(lines)


def _pdf_fields_floor(files: list[Path]) -> float:
    """CPU seconds for pypdf to open every file and list its fields, fastest of
    ``REPEATS`` passes: the read floor on the same filled forms."""
    from pypdf import PdfReader

    best = float("inf")
    for _ in range(REPEATS):
        cpu = _cpu()
        for path in files:
            PdfReader(path, strict=False).get_fields()
        best = min(best, _cpu() - cpu)
    return best


def _time_python_docx(files: list[Path]) -> float:
    from docx import Document

    Document(files[0])
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        for path in files:
            Document(path)
        best = min(best, time.perf_counter() - started)
    return best


def _convert(work: Path, forms: list[tuple[str, str, str, list[Path]]], quick: bool) -> None:
    from pepdocs.cli import cli

    if "convert" not in cli.commands:
        print("convert_docs_per_s: skipped (no `pepdocs convert` command yet)")
        return
    total = 100 if quick else 1_000
    source = work / "convert-in"
    source.mkdir()
    word = [path for _, _, kind, files in forms if kind == "docx" for path in files]
    for number in range(total):
        shutil.copyfile(word[number % len(word)], source / f"{number:05d}.docx")
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "pepdocs", "convert", str(source), "--out", str(work / "out")],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        last = (completed.stderr.strip().splitlines() or ["?"])[-1]
        print(f"convert_docs_per_s: skipped (pepdocs convert failed: {last})")
        return
    print(f"convert_docs_per_s: {_rate(total, seconds):.1f}  ({total} forms, one process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 forms per authority form")
    parser.add_argument("--count", type=int, help="forms per authority form")
    parser.add_argument(
        "--pdf-only", action="store_true", help="only the PDF forms (worker, old path, floor)"
    )
    parser.add_argument(
        "--excel-only", action="store_true", help="only the Excel forms (engine, floor)"
    )
    parser.add_argument(
        "--pdf-old-only",
        action="store_true",
        help="PDF forms read the old way only (a fresh worker process per file)",
    )
    parser.add_argument(
        "--word-only",
        action="store_true",
        help="only the Word forms (filled and returned), their floor and before/after",
    )
    parser.add_argument(
        "--baseline", type=Path, help="a checkout of the code to compare with (before/after)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="before/after runs of each")
    parser.add_argument(
        "--before-after-only", action="store_true", help="with --baseline: only before/after"
    )
    parser.add_argument("--time-only", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_only:
        _time_only(*args.time_only)
        return
    count = args.count or (10 if args.quick else 40)
    work = Path(tempfile.mkdtemp(prefix="pepdocs-bench-extract-"))
    print(f"# cpus: {os.cpu_count()}, python {sys.version.split()[0]}, {count} forms per form")
    forms = _make_forms(work, count, word_only=args.word_only)
    if args.baseline and args.before_after_only:
        _before_after(args.baseline.resolve(), forms, args.rounds)
        shutil.rmtree(work, ignore_errors=True)
        return
    word_files = 0
    word_seconds = 0.0
    docx_seconds = 0.0
    word_cpu = floor_seconds = 0.0
    if args.pdf_only or args.pdf_old_only:
        forms = [item for item in forms if item[2] == "pdf"]
    if args.excel_only:
        forms = [item for item in forms if item[2] == "xlsx"]
    for authority, form, kind, files in forms:
        if kind == "pdf":
            print(_pdf_lines(authority, form, files, args.pdf_old_only))
            continue
        seconds, cpu = _time_extract(authority, form, files)
        label = f"{authority}/{form}/{kind}{_variant(files)}"
        line = (
            f"extract_docs_per_s[{label}]: {_rate(len(files), seconds):.1f}"
            f"  (cpu: {_rate(len(files), cpu):.1f})"
        )
        if kind == "xlsx":
            floor = excel_floor(files[0].read_bytes(), min(len(files), 20))
            line += (
                "  (target >= 150)"
                f"  excel_floor_docs_per_s: {_rate(1, floor):.1f}"
                f"  vs_excel_floor: {cpu / len(files) / floor:.1f}  ({_load()})"
            )
        if kind == "docx":
            opened = _time_python_docx(files)
            floor = word_floor(files)
            line += (
                f"  python_docx_open_docs_per_s: {_rate(len(files), opened):.1f}"
                f"  word_floor_docs_per_s: {_rate(1, floor):.1f}"
                f"  vs_word_floor: {cpu / len(files) / floor:.1f}  ({_load()})"
            )
            word_cpu += cpu
            floor_seconds += floor * len(files)
            word_files += len(files)
            word_seconds += seconds
            docx_seconds += opened
        print(line)
    print(f"# load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")
    if not word_files:
        if args.baseline and not args.pdf_old_only:
            _before_after(args.baseline.resolve(), forms, args.rounds)
        shutil.rmtree(work, ignore_errors=True)
        return
    print(f"extract_word_docs_per_s: {_rate(word_files, word_seconds):.1f}")
    print(f"python_docx_open_docs_per_s: {_rate(word_files, docx_seconds):.1f}")
    print(
        f"extract_word_cpu_docs_per_s: {_rate(word_files, word_cpu):.1f}  (target >= 150)  "
        f"vs_word_floor: {word_cpu / floor_seconds:.1f}  "
        f"(floor {floor_seconds / word_files * 1000:.2f} ms: unzip, parse document.xml, "
        "re-zip; CPU)"
    )
    print(f"# load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")
    if args.baseline:
        _before_after(args.baseline.resolve(), forms, args.rounds)
    if not args.word_only:
        _convert(work, forms, args.quick)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
