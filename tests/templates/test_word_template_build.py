"""The Word templates and their mapping files are what templates/build makes of them.

Rebuilding into a temporary directory must give the committed files: every part of every
.docx identical and every mapping file identical, so nobody hand-edits a generated file and
nobody changes a build script without committing its output. Parts are compared rather than
zip bytes because deflate output may differ between zlib versions; a second build on the
same machine must still be byte-identical (fixed timestamps and ids).
"""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD = REPO / "templates" / "build"


def _load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_word_templates", BUILD / "build_word_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # puts templates/build on sys.path for its helpers
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("word-templates")
    saved = list(sys.path)
    try:
        assert _load_build_script().main(["--out", str(out)]) == 0
    finally:
        sys.path[:] = saved
    return out


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _built_names(built: Path, sub: str, pattern: str) -> list[str]:
    return sorted(p.name for p in (built / sub).glob(pattern))


@pytest.mark.slow
def test_the_build_makes_every_committed_word_template_and_mapping(built: Path) -> None:
    docx = _built_names(built, "docx", "*.docx")
    yaml = _built_names(built, "mappings", "*.yaml")
    assert docx == [
        "eastborough-early-years.docx",
        "eastborough-post16.docx",
        "eastborough-school-age.docx",
        "northshire-early-years.docx",
        "northshire-post16.docx",
        "northshire-school-age.docx",
        "westmere-school-age.docx",
    ]
    assert [name.replace(".yaml", ".docx") for name in yaml] == docx
    for name in docx:
        assert (REPO / "templates" / "docx" / name).is_file(), f"{name} is not committed"
    for name in yaml:
        assert (REPO / "mappings" / name).is_file(), f"{name} is not committed"


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "eastborough-early-years",
        "eastborough-post16",
        "eastborough-school-age",
        "northshire-early-years",
        "northshire-post16",
        "northshire-school-age",
        "westmere-school-age",
    ],
)
def test_rebuilding_reproduces_the_committed_template_and_mapping(built: Path, name: str) -> None:
    committed = _parts(REPO / "templates" / "docx" / f"{name}.docx")
    rebuilt = _parts(built / "docx" / f"{name}.docx")
    assert list(rebuilt) == list(committed)
    changed = [part for part in committed if committed[part] != rebuilt[part]]
    assert not changed, f"{name}.docx differs from its build in {changed}: rerun the build"
    assert (built / "mappings" / f"{name}.yaml").read_text(encoding="utf-8") == (
        REPO / "mappings" / f"{name}.yaml"
    ).read_text(encoding="utf-8"), f"mappings/{name}.yaml differs from its build"


@pytest.mark.slow
def test_two_builds_give_identical_bytes(built: Path, tmp_path: Path) -> None:
    saved = list(sys.path)
    try:
        _load_build_script().main(["--out", str(tmp_path)])
    finally:
        sys.path[:] = saved
    for first in sorted((built / "docx").glob("*.docx")):
        assert (tmp_path / "docx" / first.name).read_bytes() == first.read_bytes(), first.name


def test_templates_carry_fixed_core_properties_not_the_build_time() -> None:
    for path in sorted((REPO / "templates" / "docx").glob("*.docx")):
        if not path.name.startswith(("eastborough", "northshire", "westmere")):
            continue
        core = _parts(path)["docProps/core.xml"].decode()
        assert "2025-09-01T00:00:00Z" in core, path.name
        with zipfile.ZipFile(path) as package:
            assert {info.date_time for info in package.infolist()} == {(2025, 9, 1, 0, 0, 0)}
