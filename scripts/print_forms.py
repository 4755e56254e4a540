"""Print every shipped form, filled from a sample PEP, and picture its pages for docs/.

    python scripts/print_forms.py                 # into docs/pictures/
    python scripts/print_forms.py --out /tmp/pics --dpi 60

Each form a mapping file ships is filled from the sample PEP of its authority and phase
(samples/), else from a sample of its phase moved to the authority, else from a generated
PEP; Word and Excel forms are printed to PDF the way ``pepdocs fill --pdf`` prints them (the
copy with prompts blank, through LibreOffice), a PDF form is the filled form itself. Every
page becomes a PNG (poppler's ``pdftoppm``), reduced to a small palette so the pictures stay
small enough to commit; ``docs/pictures/README.md`` lists them with what each form
reported (values with no place on it, values that needed more room).

This is a developer's tool: it needs LibreOffice and poppler-utils, and it is not part of the
installed package.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pepdocs import api  # noqa: E402
from pepdocs.bundle import to_pdf  # noqa: E402
from pepdocs.mapping import FormSpec, list_authorities, load_form  # noqa: E402
from pepdocs.report import FillReport  # noqa: E402
from pepdocs.samples import generate_peps  # noqa: E402

SAMPLES = REPO / "samples"
#: colours kept in each picture: enough for the forms' shading, few enough for small files
PALETTE = 48


def _samples() -> list[dict[str, Any]]:
    found = []
    for path in sorted(SAMPLES.glob("pep-*.json")):
        found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def sample_for(form: FormSpec, samples: list[dict[str, Any]]) -> dict[str, Any]:
    """The sample PEP of the form's authority and phase, else one of its phase moved to the
    authority, else a generated one."""
    of_phase = [pep for pep in samples if pep["meta"].get("phase") == form.form]
    own = [pep for pep in of_phase if pep["meta"].get("authority") == form.authority]
    if own:
        return own[0]
    if of_phase:
        moved = json.loads(json.dumps(of_phase[0]))
        moved["meta"]["authority"] = form.authority
        return moved
    return next(generate_peps(1, seed=1, authority=form.authority, phase=form.form))


def shipped_forms() -> list[FormSpec]:
    return [
        load_form(summary.source)
        for authority in list_authorities()
        for summary in authority.forms
    ]


def _picture(pdf: Path, out_dir: Path, stem: str, dpi: int) -> list[Path]:
    from PIL import Image

    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / stem)],
        check=True,
        timeout=300,
    )
    pictures = sorted(out_dir.glob(f"{stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    for picture in pictures:
        with Image.open(picture) as image:
            small = image.convert("RGB").quantize(colors=PALETTE, dither=Image.Dither.NONE)
        small.save(picture, optimize=True)
    return pictures


def print_forms(out_dir: Path, dpi: int) -> list[tuple[FormSpec, FillReport, list[Path]]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.png"):
        old.unlink()
    samples = _samples()
    done = []
    with tempfile.TemporaryDirectory(prefix="print-forms-") as scratch:
        folder = Path(scratch)
        filled: list[tuple[FormSpec, FillReport, Path]] = []
        for form in shipped_forms():
            pep = sample_for(form, samples)
            document, report = api.fill_with_report(pep, form)
            path = folder / f"{form.authority}-{form.form.replace('_', '-')}.{form.kind}"
            path.write_bytes(document)
            filled.append((form, report, path))
        office = [path for _, _, path in filled if path.suffix != ".pdf"]
        printed = {path.stem: path for path in to_pdf(office, folder / "pdf")}
        for form, report, path in filled:
            pdf = printed.get(path.stem, path)
            done.append((form, report, _picture(pdf, out_dir, path.stem, dpi)))
    return done


def index_text(done: list[tuple[FormSpec, FillReport, list[Path]]]) -> str:
    lines = [
        "# Pictures of the shipped forms, printed",
        "",
        "Made by `python scripts/print_forms.py` (LibreOffice and poppler-utils): each shipped",
        "form filled from a sample PEP (all fictional) and printed to PDF as `pepdocs fill",
        "--pdf` prints it, one picture per page. docs/printing.md says what to look for.",
        "",
    ]
    for form, report, pictures in done:
        lines += [f"## {form.name}: {form.form.replace('_', ' ')} ({form.kind})", ""]
        lines += [f"Filled: {report.summary()}."]
        lines += [f"- {line}" for line in report.lines()]
        lines.append("")
        lines += [f"![{form.authority} page {n}]({p.name})" for n, p in enumerate(pictures, 1)]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "pictures")
    parser.add_argument("--dpi", type=int, default=50)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        parser.error("pdftoppm not found: install poppler-utils")
    done = print_forms(args.out, args.dpi)
    (args.out / "README.md").write_text(index_text(done), encoding="utf-8")
    for form, report, pictures in done:
        print(f"{form.label}: {len(pictures)} page(s); {report.summary()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
