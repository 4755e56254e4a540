"""How pepdocs reads a form whose wordings it has never seen: leave one layout out.

    python benchmarks/bench_unseen.py [--layout NAME ...] [--json]

The lexicon holds wordings the development forms showed, so scoring a development layout
measures, in part, that its own wordings were added. This benchmark scores each development
layout of the real-forms corpus in mode (a), no mapping, with the lexicon's wordings that
*only that layout* prints (in a label, cell, line or the part of a line before its colon)
taken out: an estimate, made without the evaluation set, of how a new authority's form
reads. Wordings two or more layouts print, or that come from public sources, stay.

Prints per layout the wordings taken out, recall and precision, then the totals:
``unseen recall (a) no mapping: 0.xx``. The lexicon is swapped for the run only (the
functions that load it are pointed at the reduced copy); nothing is written.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # run as a script: make benchmarks.realforms importable
    sys.path.insert(0, str(ROOT))

from ruamel.yaml import YAML  # noqa: E402

import pepdocs  # noqa: E402
import pepdocs.inference  # noqa: E402
import pepdocs.inference.lexicon as lexicon_module  # noqa: E402
import pepdocs.legacy.drift  # noqa: E402
import pepdocs.recognition.fingerprint  # noqa: E402
from benchmarks.realforms.scoring import Tally, score  # noqa: E402
from pepdocs.inference.lexicon import Lexicon, build_lexicon, fold, strip_note  # noqa: E402

DEV = HERE / "realforms" / "dev"
#: modules that call ``load_lexicon`` by the name they imported
_LOADERS = (
    pepdocs.inference,
    lexicon_module,
    pepdocs.recognition.fingerprint,
    pepdocs.legacy.drift,
)
Wording = tuple[str, str, str, str]  # (section, path, column or part, wording)


def printed_texts(form: Path) -> set[str]:
    """Every text ``form`` prints, folded: lines, cells, tab-separated parts and the part of
    each before a colon or question mark."""
    if form.suffix == ".pdf":
        page = subprocess.run(
            ["pdftotext", "-layout", str(form), "-"], capture_output=True, text=True, check=False
        ).stdout
        pieces = [part for line in page.splitlines() for part in re.split(r"\s{3,}", line)]
    else:
        xml = zipfile.ZipFile(form).read("word/document.xml").decode("utf-8")
        pieces = []
        for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
            text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", paragraph))
            pieces.extend(text.split("\t"))
    found: set[str] = set()
    for piece in pieces:
        asked = piece.split("?")[0] + "?" if "?" in piece else ""
        for part in (piece, piece.split(":")[0], asked):
            found.update(v for v in (fold(part), fold(strip_note(part))) if v)
    return found


def wordings(data: dict[str, Any]) -> Iterator[Wording]:
    for path, texts in (data.get("fields") or {}).items():
        for text in texts:
            yield ("fields", path, "", text)
    for path, entry in (data.get("in_section") or {}).items():
        for text in entry.get("labels") or []:
            yield ("in_section", path, "labels", text)
    for path, entry in (data.get("tables") or {}).items():
        for text in entry.get("titles") or []:
            yield ("tables", path, "titles", text)
        for column, texts in (entry.get("columns") or {}).items():
            for text in texts:
                yield ("tables", path, column, text)


def without(data: dict[str, Any], dropped: list[Wording]) -> dict[str, Any]:
    """The lexicon data with ``dropped`` wordings taken out."""
    reduced = copy.deepcopy(data)
    for section, path, part, text in dropped:
        if section == "fields":
            holder, key = reduced["fields"], path
        elif section == "in_section":
            holder, key = reduced["in_section"][path], "labels"
        elif part == "titles":
            holder, key = reduced["tables"][path], "titles"
        else:
            holder, key = reduced["tables"][path]["columns"], part
        holder[key] = [kept for kept in holder[key] if kept != text]
    for path, texts in reduced["fields"].items():
        if not texts:  # a path must keep one wording: one no form prints
            reduced["fields"][path] = ["(no wording)"]
    return reduced


def use(lexicon: Lexicon) -> None:
    for module in _LOADERS:
        module.load_lexicon = lambda lexicon=lexicon: lexicon  # type: ignore[attr-defined]


def score_layout(folder: Path) -> Tally:
    total = Tally()
    for completed in sorted(folder.glob("completed-*")):
        if completed.suffix not in (".docx", ".pdf"):
            continue
        truth = json.loads(completed.with_suffix(".truth.json").read_text(encoding="utf-8"))
        try:
            extraction = pepdocs.extract(completed)
        except Exception:  # a failure of pepdocs costs the form, not the run
            total.add(score(truth, None))
            continue
        total.add(score(truth, extraction.pep, extraction.report.unmapped))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layout", action="append", help="only this layout (repeatable)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    text = (Path(lexicon_module.__file__).parent / "lexicon.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    layouts = sorted(folder for folder in DEV.iterdir() if folder.is_dir())
    printed = {
        folder.name: set().union(
            *(printed_texts(form) for form in folder.iterdir() if form.suffix in (".docx", ".pdf"))
        )
        for folder in layouts
    }
    shown_by = {
        wording: {name for name, texts in printed.items() if fold(wording[3]) in texts}
        for wording in wordings(data)
    }
    total = Tally()
    rows: dict[str, dict[str, float]] = {}
    for folder in layouts:
        if args.layout and folder.name not in args.layout:
            continue
        dropped = [wording for wording, shown in shown_by.items() if shown == {folder.name}]
        use(build_lexicon(without(data, dropped)))
        tally = score_layout(folder)
        total.add(tally)
        rows[folder.name] = {
            "dropped": len(dropped),
            "recall": round(tally.recall, 3),
            "precision": round(tally.precision, 3),
        }
        if not args.json:
            print(
                f"  {folder.name:30} {len(dropped):3} wordings out  recall "
                f"{tally.recall:.3f}  precision {tally.precision:.3f}",
                flush=True,
            )
    if args.json:
        print(
            json.dumps(
                {"layouts": rows, "recall": total.recall, "precision": total.precision}, indent=2
            )
        )
    else:
        print(f"unseen recall (a) no mapping: {total.recall:.2f}")
        print(f"unseen precision (a) no mapping: {total.precision:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
