"""Ridgeford's PDF form and Southvale's workbook, and their mapping files, are what
templates/build makes of them: rebuilding gives the committed files, so nobody hand-edits a
generated template and nobody changes a build script without committing its output.

The PDF is compared byte for byte (reportlab's invariant mode); the workbook part by part
(deflate output may differ between zlib versions).
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


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BUILD / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    saved = list(sys.path)
    sys.modules[name] = module  # dataclasses look their module up while the script runs
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
        del sys.modules[name]
    return module


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.slow
def test_the_ridgeford_build_makes_the_committed_form_and_mapping(tmp_path: Path) -> None:
    assert _script("build_ridgeford").main(["--out", str(tmp_path)]) == 0
    name = "ridgeford-school-age"
    built = (tmp_path / "pdf" / f"{name}.pdf").read_bytes()
    assert built == (REPO / "templates" / "pdf" / f"{name}.pdf").read_bytes()
    mapping = (tmp_path / "mappings" / f"{name}.yaml").read_text("utf-8")
    assert mapping == (REPO / "mappings" / f"{name}.yaml").read_text("utf-8")


@pytest.mark.slow
def test_the_southvale_build_makes_the_committed_workbook_and_mapping(tmp_path: Path) -> None:
    assert _script("build_southvale").main(["--out", str(tmp_path)]) == 0
    name = "southvale-school-age"
    built = _parts(tmp_path / "xlsx" / f"{name}.xlsx")
    assert built == _parts(REPO / "templates" / "xlsx" / f"{name}.xlsx")
    mapping = (tmp_path / "mappings" / f"{name}.yaml").read_text("utf-8")
    assert mapping == (REPO / "mappings" / f"{name}.yaml").read_text("utf-8")
