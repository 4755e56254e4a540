"""Every document the code, the tests and the docs point to is in the repository: a reader
can follow each reference, and no fact rests on a file only some people have.

A reference is a name ending in ``.md`` (``docs/model.md``, ``mappings.md``): it must be a
file relative to the referring file, to the repository root, or in docs/. Outside sources are
named by their public titles in docs/sources.md instead.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: What is read: code, data, tests, build scripts and the documentation itself.
SCANNED = ["pepdocs", "tests", "docs", "benchmarks", "templates", "mappings", "samples", ".ci"]
SUFFIXES = {".py", ".md", ".yaml", ".yml", ".toml", ".txt", ".csv", ""}
REFERENCE = re.compile(r"(?<![\w/.-])((?:\.\./|[\w-]+/)*[\w.-]+\.md)\b")
URL = re.compile(r"https?://\S+")


def _files() -> list[Path]:
    found = [ROOT / "README.md", ROOT / "pyproject.toml"]
    for folder in SCANNED:
        found.extend(
            path
            for path in sorted((ROOT / folder).rglob("*"))
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts
        )
    return found


def _resolves(name: str, referrer: Path) -> bool:
    return any(
        (base / name).is_file() for base in (referrer.parent, ROOT, ROOT / "docs")
    )


def _broken_references() -> list[str]:
    broken = []
    for path in _files():
        if path == Path(__file__).resolve():
            continue  # names absent documents on purpose, to show the check finds them
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for name in REFERENCE.findall(URL.sub("", line)):
                if not _resolves(name, path):
                    broken.append(f"{path.relative_to(ROOT)}:{number}: {name}")
    return broken


def test_every_referenced_document_is_in_the_repository() -> None:
    assert _broken_references() == []


def test_the_check_finds_a_reference_to_a_document_that_is_not_here(tmp_path: Path) -> None:
    assert REFERENCE.findall("the timelines (domain.md, section 3)") == ["domain.md"]
    assert REFERENCE.findall("see ../shared/formats.md") == ["../shared/formats.md"]
    assert not _resolves("domain.md", ROOT / "pepdocs" / "samples.py")
    assert _resolves("model.md", ROOT / "pepdocs" / "samples.py")
    assert _resolves("docs/sources.md", ROOT / "pepdocs" / "samples.py")


def test_the_statutory_sources_are_named_by_their_public_titles() -> None:
    sources = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    for title in (
        "The Care Planning, Placement and Case Review (England) Regulations 2010",
        "Promoting the education of looked-after children and previously looked-after "
        "children",
        "The designated teacher for looked-after and previously looked-after children",
        "Children looked after return (SSDA903)",
        "ECMA-376",
        "ISO 32000",
    ):
        assert title in sources, title
