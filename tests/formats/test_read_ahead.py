"""Reading forms ahead in a helper thread: same results as reading each alone, in order, and
nothing left behind."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from pepdocs import api
from pepdocs.errors import DocumentError, PepdocsError
from pepdocs.formats import read_ahead as ahead_module
from pepdocs.formats.read_ahead import read_ahead
from pepdocs.formats.word import package as package_module
from pepdocs.formats.word.package import DOCUMENT_PART, WordPackage
from pepdocs.samples import generate_peps


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("returned")
    paths = []
    for number, pep in enumerate(generate_peps(5, seed=3, authority="eastborough")):
        path = folder / f"{number}.docx"
        path.write_bytes(api.fill(pep, "eastborough", pep["meta"]["phase"]))
        paths.append(path)
    return paths


def _same(one: api.Extraction, other: api.Extraction) -> bool:
    return json.dumps(one.pep, sort_keys=True, default=str) == json.dumps(
        other.pep, sort_keys=True, default=str
    ) and json.dumps(one.report.to_dict(), sort_keys=True) == json.dumps(
        other.report.to_dict(), sort_keys=True
    )


def test_extract_many_gives_what_extract_gives_in_order(forms: list[Path], tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(forms[0].read_bytes()[:500])
    sources = [forms[0], damaged, tmp_path / "missing.docx", *forms[1:]]

    results = list(api.extract_many(sources, "eastborough"))

    assert [source for source, _ in results] == sources
    for source, result in results:
        if source in forms:
            assert isinstance(result, api.Extraction)
            assert _same(result, api.extract(source, "eastborough"))
            assert result.pep["child"]["first_name"]
        else:  # one bad file does not stop the others; its error is the one extract raises
            assert isinstance(result, DocumentError)
            with pytest.raises(PepdocsError) as alone:
                api.extract(source, "eastborough")
            assert str(result) == str(alone.value)


def test_a_package_parsed_ahead_is_the_one_the_reader_opens(forms: list[Path]) -> None:
    helpers: set[str] = set()
    for loaded in read_ahead(forms, lambda path: (path.read_bytes(), str(path))):
        data = loaded.data()
        opened = WordPackage.open(data, loaded.name)
        assert DOCUMENT_PART in opened._parsed  # parsed already, by the helper thread
        assert WordPackage.open(data, loaded.name) is opened  # detection and reading share it
        assert WordPackage.open(bytes(bytearray(data)), loaded.name) is not opened  # same id only
        helpers.update(t.name for t in threading.enumerate() if "read-ahead" in t.name)
    assert helpers  # the parsing happened in the helper thread
    assert not package_module._AHEAD  # each package is let go once its turn is over


def test_stopping_early_leaves_nothing_behind(forms: list[Path]) -> None:
    iterator = read_ahead(forms, lambda path: (path.read_bytes(), str(path)), ahead=3)
    first = next(iterator)
    assert first.item == forms[0]
    iterator.close()
    assert not package_module._AHEAD
    assert not [t for t in threading.enumerate() if "read-ahead" in t.name and t.is_alive()]


def test_a_failed_load_is_raised_in_the_reader_thread_in_its_turn(tmp_path: Path) -> None:
    def load(name: str) -> tuple[bytes, str]:
        if name == "bad":
            raise DocumentError("no such file", name)
        return name.encode(), name

    loaded = list(read_ahead(["a", "bad", "c"], load))
    assert [item.item for item in loaded] == ["a", "bad", "c"]
    assert loaded[0].data() == b"a"
    with pytest.raises(DocumentError, match="no such file"):
        loaded[1].data()
    assert ahead_module.DEFAULT_AHEAD >= 1
