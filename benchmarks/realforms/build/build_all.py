"""Build every layout of the real-forms corpus: the blank form, each completed form and its
truth file, and the manifest the benchmark reads.

    python benchmarks/realforms/build/build_all.py [--out DIR] [--check]

Files go to ``benchmarks/realforms/<set>/<layout-id>/`` (or under ``--out``). Builds are
byte-identical run to run (fixed zip times, invariant PDFs); ``--check`` builds into a
temporary folder and lists every committed file that differs, exiting 1 if any does.
Nothing here calls pepdocs: the forms are typed the way people type them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from benchmarks.realforms.build.catalog import LAYOUTS  # noqa: E402
from benchmarks.realforms.build.form import Doc  # noqa: E402
from benchmarks.realforms.build.people import person  # noqa: E402

CORPUS = ROOT / "benchmarks" / "realforms"


def build(out: Path) -> list[Path]:
    """Write every layout under ``out``; returns the files written."""
    written: list[Path] = []
    manifest = []
    for layout in LAYOUTS:
        folder = out / layout.set / layout.id
        folder.mkdir(parents=True, exist_ok=True)
        suffix = layout.kind
        blank = folder / f"blank.{suffix}"
        blank.write_bytes(layout.build(Doc()))
        written.append(blank)
        completed = []
        for number, (key, habits) in enumerate(layout.completions, start=1):
            doc = Doc(person(key), habits)
            document = folder / f"completed-{number}.{suffix}"
            document.write_bytes(layout.build(doc))
            truth = folder / f"completed-{number}.truth.json"
            truth.write_text(doc.truth.to_json(), encoding="utf-8")
            written += [document, truth]
            completed.append({"document": document.name, "truth": truth.name, "person": key})
        manifest.append(
            {
                "id": layout.id,
                "set": layout.set,
                "authority": layout.authority,
                "source": layout.source,
                "style_sources": list(layout.style_sources),
                "phase": layout.phase,
                "kind": layout.kind,
                "features": list(layout.features),
                "blank": blank.name,
                "completed": completed,
            }
        )
    index = out / "manifest.json"
    index.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(index)
    return written


def check(committed: Path = CORPUS) -> list[str]:
    """Committed files that a fresh build would change (relative paths)."""
    with tempfile.TemporaryDirectory(prefix="realforms-") as folder:
        fresh = Path(folder)
        differing = []
        for path in build(fresh):
            relative = path.relative_to(fresh)
            old = committed / relative
            if not old.is_file() or old.read_bytes() != path.read_bytes():
                differing.append(str(relative))
        return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=CORPUS, help="corpus folder to write")
    parser.add_argument(
        "--check", action="store_true", help="compare a fresh build with the committed files"
    )
    args = parser.parse_args(argv)
    if args.check:
        differing = check(args.out)
        for name in differing:
            print(f"differs: {name}")
        print(f"{len(differing)} files differ from a fresh build")
        return 1 if differing else 0
    written = build(args.out)
    print(f"{len(written)} files written under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
