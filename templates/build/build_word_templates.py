"""Rebuild every Word template in templates/docx/ and its mapping file in mappings/.

    python templates/build/build_word_templates.py            # all forms
    python templates/build/build_word_templates.py --out DIR  # build into DIR/{docx,mappings}

Builds are deterministic (fixed timestamps and ids), so a rebuild of unchanged scripts gives
the committed files byte for byte; tests/templates checks that.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import eastborough  # noqa: E402
import northshire  # noqa: E402
import westmere  # noqa: E402

REPO = HERE.parent.parent
GENERATOR = "templates/build/build_word_templates.py"

#: (authority module, phase) for every form this script builds
FORMS = [
    (eastborough, "school_age"),
    (eastborough, "early_years"),
    (eastborough, "post16"),
    (westmere, "school_age"),
    (northshire, "school_age"),
    (northshire, "early_years"),
    (northshire, "post16"),
]


def build_all(template_dir: Path, mapping_dir: Path) -> None:
    for module, phase in FORMS:
        module.build(phase, template_dir, mapping_dir, GENERATOR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="build into OUT/docx and OUT/mappings")
    args = parser.parse_args(argv)
    if args.out:
        build_all(args.out / "docx", args.out / "mappings")
    else:
        build_all(REPO / "templates" / "docx", REPO / "mappings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
