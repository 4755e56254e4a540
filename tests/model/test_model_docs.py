"""docs/model.md documents every model path and every code list (it fails when one is added)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.model import field_catalog, get_codelist, list_codelists

MODEL_DOC = Path(__file__).resolve().parents[2] / "docs" / "model.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return MODEL_DOC.read_text(encoding="utf-8")


def documented_paths() -> list[str]:
    found: list[str] = []
    for path, info in field_catalog().items():
        found.append(path)
        found.extend(f"{path}[].{item.path}" for item in info.item_fields)
    return found


@pytest.mark.parametrize("path", documented_paths())
def test_every_model_path_is_documented(doc: str, path: str) -> None:
    assert f"`{path}`" in doc


@pytest.mark.parametrize("name", list_codelists())
def test_every_code_list_is_documented_with_its_year(doc: str, name: str) -> None:
    codes = get_codelist(name)
    assert f"### `{name}`: {codes.title} ({codes.collection_year})" in doc
    for code in codes.codes:
        assert f"| `{code}` | {codes.label(code)} |" in doc
