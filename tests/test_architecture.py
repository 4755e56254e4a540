"""The layers of docs/architecture.md hold: checked by import-linter (the contracts in
pyproject.toml) and, for private names, which import-linter cannot see, by reading the code.

A private name (``_x``: a module or anything a module defines) belongs to the package that
holds it: modules of that package and of its sub-packages may import it, nobody else. So
``pepdocs._io`` serves every module of pepdocs, while ``pepdocs.formats.word.document.
_shaded`` is the Word engine's own.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pepdocs"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

#: Imports of another package's private names that open work removes. Each entry must still
#: be in the code: remove it here with the import.
KNOWN_PRIVATE_IMPORTS: set[tuple[str, str]] = set()


def _lint_imports(cwd: Path, *env_path: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(str(p) for p in env_path)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_the_import_contracts_are_kept() -> None:
    result = _lint_imports(ROOT, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


@pytest.mark.slow
def test_an_upward_import_breaks_the_layers_contract(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "pepdocs", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    paths = tmp_path / "pepdocs" / "model" / "paths.py"
    paths.write_text(paths.read_text(encoding="utf-8") + "\nfrom pepdocs import api\n")
    result = _lint_imports(tmp_path, tmp_path)
    assert result.returncode == 1
    assert "pepdocs.model is not allowed to import pepdocs.api" in result.stdout


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(dotted: str) -> bool:
    return (ROOT / Path(*dotted.split(".")) / "__init__.py").exists()


def _private(part: str) -> bool:
    return part.startswith("_") and not (part.startswith("__") and part.endswith("__"))


def _owner(target: str) -> str | None:
    """The package a private name in ``target`` belongs to, or None if nothing is private."""
    parts = target.split(".")
    for index, part in enumerate(parts):
        if _private(part):
            holder = ".".join(parts[:index])
            return holder if _is_package(holder) else holder.rsplit(".", 1)[0]
    return None


def _imports(path: Path) -> Iterator[str]:
    """Every dotted name a module imports from pepdocs (``pkg.module.name``)."""
    module = _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
                package = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{package}.{base}".rstrip(".")
            yield from (f"{base}.{alias.name}" for alias in node.names)


@cache
def _private_imports() -> frozenset[tuple[str, str]]:
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for target in _imports(path):
            if not target.startswith("pepdocs."):
                continue
            owner = _owner(target)
            if owner is not None and not (package == owner or package.startswith(owner + ".")):
                found.add((module, target))
    return frozenset(found)


@pytest.mark.slow
def test_no_module_imports_a_private_name_of_another_package() -> None:
    assert _private_imports() - KNOWN_PRIVATE_IMPORTS == set()


@pytest.mark.slow
def test_each_known_private_import_is_still_there_to_be_removed() -> None:
    assert KNOWN_PRIVATE_IMPORTS - _private_imports() == set()


def test_a_private_name_belongs_to_the_package_holding_its_module() -> None:
    assert _owner("pepdocs.formats.word.document._shaded") == "pepdocs.formats.word"
    assert _owner("pepdocs.formats.word._xml.SDT") == "pepdocs.formats.word"
    assert _owner("pepdocs._io.write_atomic") == "pepdocs"
    assert _owner("pepdocs.formats.word.document.DocumentIndex") is None
