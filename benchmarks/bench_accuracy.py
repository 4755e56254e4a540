"""How much of what a careful person reads from real authorities' forms pepdocs recovers.

    python benchmarks/bench_accuracy.py [--set eval|dev] [--json] [--no-resave]
                                        [--no-generated] [--strict]

Scores the real-forms corpus (benchmarks/realforms: forms rebuilt from public PEP forms of
English authorities, completed as people complete them, with truth files) in three modes:

(a) no mapping: ``pepdocs.extract(completed)``, the form unknown and recognised or inferred
    on the spot;
(b) with the draft mapping ``infer-mapping`` writes from the blank form
    (``pepdocs.infer_mapping`` then ``pepdocs.load_mapping``), then ``pepdocs.extract(completed,
    draft)``;
(c) the completed Word forms re-saved by LibreOffice, read as in (b) and as in (a) (needs
    ``soffice``; skipped with a line saying so when it is absent; PDFs are not re-saved).

Scoring (benchmarks/realforms/scoring.py, explained in benchmarks/realforms/README.md):
recall = correct / truth values, precision = correct / extracted values, lists aligned by best
match. A failure of pepdocs on a form scores zero for that form and is printed as one line.
Prints per layout and per field group, then the headline lines ``eval recall (a) no mapping:
0.xx``... against the targets (recall >= 0.95, precision >= 0.99). The evaluation set is
scored, never tuned to. The generated corpus (benchmarks/corpus, pepdocs' own generator) is
still reported, labelled as such. Exit status 0 unless ``--strict`` and a target is missed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # run as a script: make benchmarks.realforms importable
    sys.path.insert(0, str(ROOT))

import pepdocs  # noqa: E402
from benchmarks.realforms.scoring import Tally, score  # noqa: E402
from pepdocs.errors import ComponentMissingError, PepdocsError  # noqa: E402
from pepdocs.office import convert, find_soffice  # noqa: E402

CORPUS = HERE / "realforms"
RECALL_TARGET = 0.95
PRECISION_TARGET = 0.99
MODES = {
    "a": "(a) no mapping",
    "b": "(b) infer-mapping draft",
    "c": "(c) after re-save, draft mapping",
    "c-a": "(c) after re-save, no mapping",
}


@dataclass
class ModeResult:
    """One mode's tallies: the whole set, per layout, and the failures (one line each)."""

    total: Tally = field(default_factory=Tally)
    layouts: dict[str, Tally] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    skipped: str = ""

    def add(self, layout: str, tally: Tally) -> None:
        self.total.add(tally)
        self.layouts.setdefault(layout, Tally()).add(tally)


Reader = Callable[[bytes, str], "pepdocs.Extraction"]


def _failure_line(name: str, problem: BaseException) -> str:
    """One line: the form, the kind of failure and its message's first line (pepdocs'
    messages name the file and field path, never a value)."""
    kind = problem.__class__.__name__
    message = str(problem).splitlines()[0] if str(problem) else ""
    message = message.removeprefix(f"{name}: ").replace("\\n", " ")
    return f"{name}: {kind}: {message}"[:200]


def read_and_score(
    result: ModeResult, layout: str, name: str, truth: dict[str, Any], read: Reader, data: bytes
) -> None:
    """Read one form with ``read`` and add its score to ``result``; a failure of pepdocs
    scores zero for the form and is kept as one line."""
    try:
        extraction = read(data, name)
    except Exception as problem:  # an unknown failure must cost the form, not the run
        result.failures.append(_failure_line(name, problem))
        result.add(layout, score(truth, None))
        return
    result.add(layout, score(truth, extraction.pep, extraction.report.unmapped))


def _draft(blank: Path, layout_id: str, folder: Path) -> pepdocs.FormSpec:
    """The mapping ``pepdocs infer-mapping`` drafts from the blank form, loaded."""
    inferred = pepdocs.infer_mapping(blank)
    text = inferred.to_yaml(f"draft-{layout_id}", template=str(blank))
    mapping = folder / f"{layout_id}.yaml"
    mapping.write_text(text, encoding="utf-8")
    return pepdocs.load_mapping(mapping)


def _no_mapping(data: bytes, name: str) -> pepdocs.Extraction:
    return pepdocs.extract(data, name=name)


def draft_reader(blank: Path, layout_id: str, folder: Path) -> Reader:
    """A reader through the draft mapping of ``blank``; when drafting or loading the draft
    fails, every form of the layout fails with that problem (and scores zero)."""
    try:
        spec = _draft(blank, layout_id, folder)
    except Exception as problem:  # an unknown failure of pepdocs costs the layout, not the run
        failure = problem

        def failing(data: bytes, name: str) -> pepdocs.Extraction:
            raise failure

        return failing

    def read(data: bytes, name: str) -> pepdocs.Extraction:
        return pepdocs.extract(data, spec, name=name)

    return read


def run_corpus(which: str, *, resave: bool) -> dict[str, ModeResult]:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    layouts = [entry for entry in manifest if entry["set"] == which]
    results = {mode: ModeResult() for mode in MODES}
    with tempfile.TemporaryDirectory(prefix="pepdocs-realforms-") as scratch:
        folder = Path(scratch)
        resaved: dict[Path, Path] = {}
        if resave:
            try:
                find_soffice("re-saving the corpus")
            except ComponentMissingError as missing:
                reason = f"skipped: {missing}"
                results["c"].skipped = results["c-a"].skipped = reason
            else:
                sources = [
                    CORPUS / entry["set"] / entry["id"] / item["document"]
                    for entry in layouts
                    if entry["kind"] == "docx"
                    for item in entry["completed"]
                ]
                # one LibreOffice run; inputs share names across layouts, so copy them apart
                staged = []
                for source in sources:
                    copy = folder / "in" / f"{source.parent.name}--{source.name}"
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    copy.write_bytes(source.read_bytes())
                    staged.append(copy)
                outputs = convert(staged, "docx", folder / "resaved")
                resaved = dict(zip(sources, outputs, strict=True))
        else:
            results["c"].skipped = results["c-a"].skipped = "skipped: --no-resave"
        for entry in layouts:
            base = CORPUS / entry["set"] / entry["id"]
            with_draft = draft_reader(base / entry["blank"], entry["id"], folder)
            for item in entry["completed"]:
                document = base / item["document"]
                truth = json.loads((base / item["truth"]).read_text(encoding="utf-8"))
                name = f"{entry['id']}/{item['document']}"
                data = document.read_bytes()
                read_and_score(results["a"], entry["id"], name, truth, _no_mapping, data)
                read_and_score(results["b"], entry["id"], name, truth, with_draft, data)
                if document in resaved:
                    again = resaved[document].read_bytes()
                    read_and_score(
                        results["c"], entry["id"], f"{name} (re-saved)", truth, with_draft, again
                    )
                    read_and_score(
                        results["c-a"], entry["id"], f"{name} (re-saved)", truth, _no_mapping, again
                    )
    return results


def _print_mode(which: str, mode: str, result: ModeResult) -> None:
    label = MODES[mode]
    if result.skipped:
        print(f"\n{which} {label}: {result.skipped}")
        return
    print(f"\n{which} {label}")
    print(f"  {'layout':34} {'recall':>7} {'precision':>9} {'values':>6} {'unmapped':>9}")
    for layout, tally in result.layouts.items():
        unplaced = f"{tally.unplaced_reported}/{tally.unplaced}"
        print(
            f"  {layout:34} {tally.recall:7.3f} {tally.precision:9.3f} "
            f"{sum(tally.truth.values()):6d} {unplaced:>9}"
        )
    total = result.total
    print(f"  {'field group':34} {'recall':>7} {'precision':>9} {'values':>6}")
    for group in sorted(set(total.truth) | set(total.extracted)):
        print(
            f"  {group:34} {total.group_recall(group):7.3f} "
            f"{total.group_precision(group):9.3f} {total.truth[group]:6d}"
        )
    print(
        f"  unplaced text reported as unmapped: {total.unplaced_reported}/{total.unplaced}; "
        f"deliberate blanks read as values: {total.blank_read}"
    )
    for line in result.failures:
        print(f"  failed: {line}")


def _load_generated_builder() -> Any:
    path = HERE / "corpus" / "build_corpus.py"
    spec = importlib.util.spec_from_file_location("pepdocs_build_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


GENERATED_SCALARS = (
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
GENERATED_LISTS = {
    "targets": ("description", "lead", "due_date"),
    "attendees": ("name", "role"),
    "attainment": ("subject", "current", "target"),
}


def run_generated(seed: int, per_authority: int, resave: bool) -> dict[str, float]:
    """The generated corpus, scored as before: the core fields, by index, exact text."""

    def get(data: Any, path: str) -> Any:
        for part in path.split("."):
            data = data.get(part) if isinstance(data, dict) else None
        return data

    def norm(value: Any) -> Any:
        if value is None or value == "" or value == []:
            return None
        if isinstance(value, float):
            return round(value, 2)
        return " ".join(value.split()) if isinstance(value, str) else value

    truths = extracted = correct = 0
    with tempfile.TemporaryDirectory(prefix="pepdocs-accuracy-") as folder:
        corpus = Path(folder)
        _load_generated_builder().build(corpus, seed, per_authority, resave=resave)
        manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
        for item in manifest:
            truth = json.loads((corpus / item["truth"]).read_text(encoding="utf-8"))
            try:
                got = pepdocs.extract(corpus / item["document"]).pep
            except PepdocsError:
                got = {}
            pairs = [(norm(get(truth, p)), norm(get(got, p))) for p in GENERATED_SCALARS]
            for section, columns in GENERATED_LISTS.items():
                want, have = get(truth, section) or [], get(got, section) or []
                for n in range(max(len(want), len(have))):
                    for column in columns:
                        left = get(want[n], column) if n < len(want) else None
                        right = get(have[n], column) if n < len(have) else None
                        pairs.append((norm(left), norm(right)))
            for want_value, have_value in pairs:
                truths += want_value is not None
                extracted += have_value is not None
                correct += want_value is not None and want_value == have_value
    return {
        "documents": len(manifest),
        "recall": correct / truths if truths else 1.0,
        "precision": correct / extracted if extracted else 1.0,
    }


def targets_met(results: dict[str, ModeResult]) -> bool:
    """Recall and precision at or above target in every mode that ran."""
    return all(
        r.total.recall >= RECALL_TARGET and r.total.precision >= PRECISION_TARGET
        for r in results.values()
        if not r.skipped
    )


def report_json(
    which: str,
    results: dict[str, ModeResult],
    generated: dict[str, float] | None,
    elapsed: float,
) -> dict[str, Any]:
    """Everything the text report says, as one JSON-ready object."""
    return {
        "set": which,
        "seconds": round(elapsed, 1),
        "targets": {
            "recall": RECALL_TARGET,
            "precision": PRECISION_TARGET,
            "met": targets_met(results),
        },
        "modes": {
            mode: {
                "label": MODES[mode],
                "skipped": r.skipped,
                **r.total.to_dict(),
                "layouts": {k: v.to_dict() for k, v in r.layouts.items()},
                "failure_lines": r.failures,
            }
            for mode, r in results.items()
        },
        "generated": generated,
    }


def report_text(
    which: str,
    results: dict[str, ModeResult],
    generated: dict[str, float] | None,
    elapsed: float,
) -> None:
    """Per layout and field group for each mode, then the headline lines."""
    print(
        f"real-forms corpus, {which} set: {len(results['a'].layouts)} layouts, "
        f"{results['a'].total.forms} completed forms; {elapsed:.1f} s"
    )
    for mode, result in results.items():
        _print_mode(which, mode, result)
    print()
    for mode, result in results.items():
        if result.skipped:
            print(f"{which} {MODES[mode]}: {result.skipped}")
            continue
        print(f"{which} recall {MODES[mode]}: {result.total.recall:.2f}")
        print(f"{which} precision {MODES[mode]}: {result.total.precision:.2f}")
    if not results["c"].skipped:
        print("(c) re-saves the Word forms only: PDF forms are not re-saved")
    print(
        f"targets (recall >= {RECALL_TARGET}, precision >= {PRECISION_TARGET} in every mode): "
        f"{'met' if targets_met(results) else 'NOT met'}"
    )
    if generated is not None:
        print(
            f"generated (engine vs its own generator): {generated['documents']:.0f} documents, "
            f"recall {generated['recall']:.3f}, precision {generated['precision']:.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        choices=("eval", "dev"),
        default="eval",
        help="which half of the corpus to score (default: eval)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument("--no-resave", action="store_true", help="skip mode (c) (LibreOffice)")
    parser.add_argument("--no-generated", action="store_true", help="skip the generated corpus")
    parser.add_argument("--seed", type=int, default=2, help="generated corpus seed")
    parser.add_argument("--per-authority", type=int, default=6)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results = run_corpus(args.set, resave=not args.no_resave)
    generated = None
    if not args.no_generated:
        generated = run_generated(args.seed, args.per_authority, resave=not args.no_resave)
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps(report_json(args.set, results, generated, elapsed), indent=2))
    else:
        report_text(args.set, results, generated, elapsed)
    return 1 if args.strict and not targets_met(results) else 0


if __name__ == "__main__":
    sys.exit(main())
