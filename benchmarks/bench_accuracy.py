"""Accuracy of reading forms pepdocs has no mapping for: detection -> inferred mapping ->
extract, scored against the PEPs the forms were filled from.

    python benchmarks/bench_accuracy.py [--seed 2] [--per-authority 6] [--corpus DIR] [--no-resave]

The corpus (benchmarks/corpus/build_corpus.py) is built into a temporary folder unless
``--corpus`` names one already built. Tune on one seed, report on another (the held-out
split: other children *and* other label wordings). Scored on the core fields of issue 6;
a value counts as correct only when it equals the truth after trimming spaces. Recall is
correct / values in the truth; precision is correct / values extracted (a wrong value costs
precision, a blank costs recall only). Prints per-field figures, then ``recall: X`` and
``precision: Y`` (targets: recall >= 0.90, precision >= 0.97).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pepdocs.api import extract
from pepdocs.errors import PepdocsError

HERE = Path(__file__).resolve().parent

SCALARS = (
    "child.first_name",
    "child.last_name",
    "child.date_of_birth",
    "child.upn",
    "care.legal_status",
    "care.date_became_looked_after",
    "care.social_worker.name",
    "care.iro.name",
    "care.carer.name",
    "education.setting_name",
    "education.urn",
    "education.ncy",
    "education.designated_teacher.name",
    "education.attendance.percent",
    "education.sen_provision",
    "meta.meeting_date",
    "meta.next_review_date",
    "views.child",
)
LISTS = {
    "targets": ("description", "lead", "due_date"),
    "attendees": ("name", "role"),
    "attainment": ("subject", "current", "target"),
}
RECALL_TARGET = 0.90
PRECISION_TARGET = 0.97


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _norm(value: Any) -> Any:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def _pairs(truth: dict[str, Any], got: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, true value, extracted value) for every core field and list cell."""
    pairs = [(path, _norm(_get(truth, path)), _norm(_get(got, path))) for path in SCALARS]
    for section, columns in LISTS.items():
        want = _get(truth, section) or []
        have = _get(got, section) or []
        for number in range(max(len(want), len(have))):
            for column in columns:
                left = _get(want[number], column) if number < len(want) else None
                right = _get(have[number], column) if number < len(have) else None
                pairs.append((f"{section}.{column}", _norm(left), _norm(right)))
    return pairs


def _load_builder() -> Any:
    path = HERE / "corpus" / "build_corpus.py"
    spec = importlib.util.spec_from_file_location("pepdocs_build_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run(corpus: Path, verbose: bool = False) -> tuple[float, float]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    truths = Counter[str]()
    extracted = Counter[str]()
    correct = Counter[str]()
    recognised = 0
    started = time.perf_counter()
    for item in manifest:
        truth = json.loads((corpus / item["truth"]).read_text(encoding="utf-8"))
        try:
            extraction = extract(corpus / item["document"])
        except PepdocsError as problem:
            # an unreadable document extracts nothing: every true value is a miss
            print(f"  {item['document']}: {problem.__class__.__name__}")
            got: dict[str, Any] = {}
        else:
            got = extraction.pep
            if extraction.report.authority != "unrecognised":
                recognised += 1  # a fictional form taken for a known one: detection failed
        for name, want, have in _pairs(truth, got):
            if want is not None:
                truths[name] += 1
            if have is not None:
                extracted[name] += 1
            if want is not None and want == have:
                correct[name] += 1
            elif verbose and have is not None:
                print(f"  wrong {item['document']} {name}")
    elapsed = time.perf_counter() - started
    print(f"{len(manifest)} documents, {elapsed:.1f} s; taken for a known form: {recognised}")
    print(f"{'field':40} {'recall':>7} {'precision':>9} {'truth':>6}")
    for name in sorted(set(truths) | set(extracted)):
        recall = correct[name] / truths[name] if truths[name] else 1.0
        precision = correct[name] / extracted[name] if extracted[name] else 1.0
        print(f"{name:40} {recall:7.3f} {precision:9.3f} {truths[name]:6d}")
    total_truth = sum(truths.values())
    total_extracted = sum(extracted.values())
    total_correct = sum(correct.values())
    recall = total_correct / total_truth if total_truth else 1.0
    precision = total_correct / total_extracted if total_extracted else 1.0
    print(f"recall: {recall:.3f}")
    print(f"precision: {precision:.3f}")
    return recall, precision


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2, help="corpus seed (2: held-out)")
    parser.add_argument("--per-authority", type=int, default=6)
    parser.add_argument("--corpus", type=Path, help="a corpus folder already built")
    parser.add_argument("--no-resave", action="store_true", help="skip LibreOffice re-saving")
    parser.add_argument("--verbose", action="store_true", help="list wrong values (no values)")
    args = parser.parse_args(argv)
    if args.corpus:
        recall, precision = run(args.corpus, args.verbose)
    else:
        with tempfile.TemporaryDirectory(prefix="pepdocs-accuracy-") as folder:
            _load_builder().build(
                Path(folder), args.seed, args.per_authority, resave=not args.no_resave
            )
            recall, precision = run(Path(folder), args.verbose)
    met = recall >= RECALL_TARGET and precision >= PRECISION_TARGET
    print(
        f"target (recall >= {RECALL_TARGET}, precision >= {PRECISION_TARGET}): "
        f"{'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
