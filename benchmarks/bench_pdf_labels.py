"""What reading a PDF form's printed labels costs, as ratios to opening the form safely, both
measured in the same run.

A script, not a test. For each PDF (by default the development set's Gatecliffe forms, blank
and completed), the fastest of ``--repeat`` runs counts (slower runs measure other work on a
shared machine):

* ``open_pdf``: the bounded opening every PDF read starts with (a worker process walks the
  file within time and memory limits), the baseline;
* ``open_pdf(layout=True)``: the same with every page's text extracted in the worker and
  then its positions here (``pepdocs.safety.pdf``);
* ``inspect.open_form``: the whole inspection (widgets, labels, headings, tables of fields);
* ``infer_mapping``: a draft mapping from it (lexicon matching included).

Usage::

    python benchmarks/bench_pdf_labels.py
    python benchmarks/bench_pdf_labels.py --repeat 3 path/to/form.pdf
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pepdocs.formats.pdf import inspect as pdf  # noqa: E402
from pepdocs.inference import infer_mapping_from_bytes  # noqa: E402
from pepdocs.safety.pdf import open_pdf  # noqa: E402

DEV = ROOT / "benchmarks" / "realforms" / "dev"


def _fastest(work: Callable[[bytes, str], object], data: bytes, name: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work(data, name)
        best = min(best, time.perf_counter() - started)
    return best


def _with_layout(data: bytes, name: str) -> object:
    return open_pdf(data, name, layout=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDF forms (default: Gatecliffe)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each step")
    options = parser.parse_args(argv)
    paths = options.pdfs or sorted(DEV.glob("gatecliffe-*-pdf/*.pdf"))
    print(f"{'form':44} {'open_pdf':>9} {'+layout':>8} {'inspect':>8} {'infer':>8}")
    for path in paths:
        data = path.read_bytes()
        name = path.name
        base = _fastest(open_pdf, data, name, options.repeat)
        layout = _fastest(_with_layout, data, name, options.repeat)
        inspect = _fastest(pdf.open_form, data, name, options.repeat)
        infer = _fastest(infer_mapping_from_bytes, data, name, options.repeat)
        label = f"{path.parent.name}/{path.name}"
        print(
            f"{label[-44:]:44} {base:8.3f}s {layout / base:7.2f}x {inspect / base:7.2f}x "
            f"{infer / base:7.2f}x"
        )
    print("ratios are to open_pdf on the same file in the same run")


if __name__ == "__main__":
    main()
