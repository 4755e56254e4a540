"""The facts kept about mapping files between runs: reused while a file is unchanged, read
again when it changes, never kept for a broken file, and never in the way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pepdocs.errors import MappingError
from pepdocs.mapping import registry
from pepdocs.mapping.filecache import CACHE_ENV_VAR
from pepdocs.mapping.registry import ENV_VAR, clear_cache, list_authorities

MAPPING = """\
authority: {authority}
name: {name}
form: school_age
version: "2025-09"
kind: docx
template: form.docx
fields:
  - path: child.upn
    at: {{control: upn}}
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "form.docx").write_bytes(b"template")
    monkeypatch.setattr(registry, "data_dir", lambda name: shipped)
    monkeypatch.delenv(ENV_VAR, raising=False)
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV_VAR, str(folder))
    clear_cache()
    yield folder
    clear_cache()


def _write(folder: Path, authority: str, name: str) -> Path:
    path = folder / f"{authority}.yaml"
    path.write_text(MAPPING.format(authority=authority, name=name), encoding="utf-8")
    return path


def _listed_names() -> list[str]:
    clear_cache()  # a new run: only what was saved is known
    return [authority.display_name for authority in list_authorities()]


def test_an_unchanged_file_is_listed_from_the_kept_facts_without_reading_it(
    cache: Path,
) -> None:
    path = _write(cache.parent / "shipped", "testshire", "Testshire VS")
    assert _listed_names() == ["Testshire VS"]
    # Same size and modification time, other text: only the kept facts can say this.
    status = path.stat()
    path.write_text(MAPPING.format(authority="testshire", name="Renamed VS!!"), encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert _listed_names() == ["Testshire VS"]
    stored = json.loads((cache / "mapping-files.json").read_text(encoding="utf-8"))
    assert [Path(file).name for file in stored["files"]] == ["testshire.yaml"]


def test_a_changed_file_is_read_again(cache: Path) -> None:
    path = _write(cache.parent / "shipped", "testshire", "Testshire VS")
    assert _listed_names() == ["Testshire VS"]
    path.write_text(MAPPING.format(authority="testshire", name="Testshire Virtual School"))
    assert _listed_names() == ["Testshire Virtual School"]


def test_a_broken_file_is_never_remembered(cache: Path) -> None:
    path = _write(cache.parent / "shipped", "testshire", "Testshire VS")
    path.write_text(path.read_text(encoding="utf-8").replace("child.upn", "child.nope"))
    for _ in range(2):
        clear_cache()
        with pytest.raises(MappingError, match=r"child\.nope"):
            list_authorities()


def test_facts_kept_by_other_code_are_not_trusted(cache: Path) -> None:
    _write(cache.parent / "shipped", "testshire", "Testshire VS")
    assert _listed_names() == ["Testshire VS"]
    stored = cache / "mapping-files.json"
    kept = json.loads(stored.read_text(encoding="utf-8"))
    for entry in kept["files"].values():
        entry["summary"]["name"] = "From another version"
    kept["fingerprint"] = "another version of pepdocs"
    stored.write_text(json.dumps(kept), encoding="utf-8")
    assert _listed_names() == ["Testshire VS"]


def test_an_empty_cache_setting_keeps_nothing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV_VAR, "")
    _write(cache.parent / "shipped", "testshire", "Testshire VS")
    assert _listed_names() == ["Testshire VS"]
    assert not cache.exists()


def test_a_cache_that_cannot_be_written_or_read_is_passed_over(cache: Path) -> None:
    cache.write_text("not a folder", encoding="utf-8")
    _write(cache.parent / "shipped", "testshire", "Testshire VS")
    assert _listed_names() == ["Testshire VS"]
    assert cache.read_text(encoding="utf-8") == "not a folder"


def test_files_that_are_gone_are_forgotten_when_the_facts_are_saved(cache: Path) -> None:
    shipped = cache.parent / "shipped"
    gone = _write(shipped, "goneshire", "Goneshire VS")
    _write(shipped, "testshire", "Testshire VS")
    assert _listed_names() == ["Goneshire VS", "Testshire VS"]
    gone.unlink()
    _write(shipped, "newshire", "Newshire VS")
    assert _listed_names() == ["Newshire VS", "Testshire VS"]
    stored = json.loads((cache / "mapping-files.json").read_text(encoding="utf-8"))
    names = sorted(Path(file).name for file in stored["files"])
    assert names == ["newshire.yaml", "testshire.yaml"]
