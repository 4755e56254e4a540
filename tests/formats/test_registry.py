"""The engine registry: built-in engines by kind, stand-ins handed over without patching."""

from __future__ import annotations

import pytest
from fake_engine import FakeEngine

from pepdocs.errors import PepdocsError
from pepdocs.formats import ENGINES, EngineRegistry, get_engine


def test_the_built_in_kinds_are_served_by_their_engine_modules() -> None:
    registry = EngineRegistry()
    assert registry.kinds() == ["docx", "xlsx", "pdf"]
    assert registry.get("docx").__name__ == "pepdocs.formats.word"  # type: ignore[attr-defined]


def test_an_engine_handed_over_for_a_block_serves_its_kind_only_inside_it() -> None:
    fake = FakeEngine()
    with ENGINES.using("docx", fake):
        assert get_engine("docx") is fake
        assert get_engine("xlsx") is not fake
    assert get_engine("docx") is not fake


def test_a_block_that_fails_still_gives_the_kind_back_to_the_engine_before_it() -> None:
    registry = EngineRegistry()
    first, second = FakeEngine(), FakeEngine()
    registry.register("docx", first)
    with pytest.raises(RuntimeError), registry.using("docx", second):
        raise RuntimeError("the test inside failed")
    assert registry.get("docx") is first


def test_a_registered_engine_adds_a_kind() -> None:
    registry = EngineRegistry()
    engine = FakeEngine()
    registry.register("odt", engine)
    assert registry.get("odt") is engine
    assert "odt" in registry.kinds()


def test_an_unknown_kind_is_refused_with_the_known_ones() -> None:
    with pytest.raises(PepdocsError, match=r"no form engine for kind 'odt': use one of docx"):
        EngineRegistry().get("odt")


def test_a_missing_engine_module_means_the_kind_is_unsupported() -> None:
    registry = EngineRegistry({"odt": "pepdocs.formats.no_such_engine"})
    with pytest.raises(PepdocsError, match="odt forms are not supported"):
        registry.get("odt")
    assert registry.kinds() == []
