"""Authority settings are data: layered files, checked strictly."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import Any

import pytest

from pepdocs.compliance import settings as settings_module
from pepdocs.compliance.settings import list_settings_files, load_settings
from pepdocs.errors import AuthorityNotFoundError, PepdocsError


def test_defaults_are_10_and_20_working_days_in_england_rated_rag() -> None:
    defaults = load_settings()
    assert (defaults.emergency_days, defaults.planned_days, defaults.day_basis) == (
        10,
        20,
        "working",
    )
    assert defaults.nation == "england-and-wales"
    assert (defaults.rating_scheme, defaults.rating_aggregation) == ("rag", "worst")
    assert defaults.quality.min_targets == 3
    assert defaults.quality.transition_years == ("N2", "6", "11")


def test_an_authority_without_a_settings_file_gets_the_defaults() -> None:
    northshire = load_settings("northshire")
    assert northshire.sources[0] == "default.yaml"
    assert northshire.planned_days == 20 and northshire.rating_scheme == "rag"


def test_eastborough_counts_school_days_and_rates_gold_green_amber_red() -> None:
    eastborough = load_settings("eastborough")
    assert "eastborough.yaml" in eastborough.sources
    assert eastborough.day_basis == "school"
    assert (eastborough.rating_scheme, eastborough.rating_aggregation) == ("gold", "average")
    assert eastborough.termly_deadlines["autumn"] == "10-31"


def test_westmere_allows_20_working_days_even_for_an_emergency_entry() -> None:
    westmere = load_settings("westmere")
    assert (westmere.emergency_days, westmere.planned_days, westmere.day_basis) == (
        20,
        20,
        "working",
    )
    assert (westmere.change_review_days, westmere.change_review_basis) == (10, "working")


def test_shipped_settings_files_all_load() -> None:
    names = list_settings_files()
    assert {"eastborough", "westmere"} <= set(names)
    for name in names:
        assert load_settings(name).authority == name


def test_overrides_merge_into_sections_key_by_key() -> None:
    custom = load_settings(overrides={"initial_pep": {"emergency_days": 5}, "nation": "scotland"})
    assert (custom.emergency_days, custom.planned_days, custom.nation) == (5, 20, "scotland")
    assert custom.sources[-1] == "overrides"


def test_termly_deadline_half_term_is_the_last_weekday_before_the_break() -> None:
    defaults = load_settings()
    year = defaults.calendar.year("2025-26")
    assert defaults.termly_deadline(year, "autumn") == dt.date(2025, 10, 24)
    assert defaults.termly_deadline(year, "spring") == dt.date(2026, 2, 13)
    assert defaults.termly_deadline(year, "summer") == dt.date(2026, 5, 22)


def test_a_fixed_29_february_deadline_falls_back_to_28_in_a_common_year() -> None:
    custom = load_settings(overrides={"termly_reviews": {"spring": "02-29"}})
    assert custom.termly_deadline(custom.calendar.year("2026-27"), "spring") == dt.date(2027, 2, 28)
    assert custom.termly_deadline(custom.calendar.year("2027-28"), "spring") == dt.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"natoin": "scotland"}, "unknown compliance setting 'natoin'"),
        ({"nation": "wessex"}, "nation must be one of"),
        ({"day_basis": "calendar"}, "day_basis: must be one of working, school"),
        ({"initial_pep": {"emergency_days": -1}}, "emergency_days must be a whole number"),
        ({"initial_pep": {"emergency": 10}}, "unknown key 'emergency' under initial_pep"),
        ({"termly_reviews": {"autumn": "31-10"}}, "autumn must be half_term or MM-DD"),
        ({"rating": {"scheme": "stars"}}, "scheme: must be one of rag, gold"),
        ({"rules": {"QA999": {"enabled": False}}}, "unknown rule 'QA999'"),
        ({"rules": {"QA040": {"severity": "fatal"}}}, "QA040: severity must be"),
        ({"quality": {"persistent_absence_percent": 190}}, "0 to 100"),
        ({"closures": ["not a date"]}, "ISO date"),
        (
            {"term_dates": {"2025-26": {"autumn": {"start": "2025-09-03"}}}},
            "list autumn, spring and summer",
        ),
    ],
)
def test_bad_settings_are_errors_naming_the_key(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(PepdocsError, match=message):
        load_settings(overrides=overrides)


def test_listed_term_dates_must_run_in_order() -> None:
    term = {"start": "2025-09-03", "half_term": ["2025-10-27", "2025-10-31"], "end": "2025-12-19"}
    backwards = {**term, "end": "2025-10-01"}
    year = {"autumn": backwards, "spring": term, "summer": term}
    with pytest.raises(PepdocsError, match="start <= half term <= end"):
        load_settings(overrides={"term_dates": {"2025-26": year}})


class _Form:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.source = "mappings/ridgeford-school-age.yaml"


class _Registry:
    def __init__(self, known: dict[str, _Form]) -> None:
        self.known = known

    def resolve_form(self, authority: str, phase: str) -> _Form:
        if authority not in self.known:
            raise AuthorityNotFoundError(f"unknown authority {authority}")
        return self.known[authority]


def _use_registry(monkeypatch: pytest.MonkeyPatch, registry: _Registry) -> None:
    real = importlib.import_module

    def import_module(name: str) -> Any:
        return registry if name == "pepdocs.mapping.registry" else real(name)

    monkeypatch.setattr(settings_module.importlib, "import_module", import_module)


def test_a_rules_section_in_the_mapping_file_overrides_the_settings_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry = _Registry({"ridgeford": _Form({"rules": {"initial_pep": {"planned_days": 15}}})})
    _use_registry(monkeypatch, registry)
    ridgeford = settings_module._load("ridgeford", "school_age", None)
    assert ridgeford.planned_days == 15
    assert ridgeford.sources[-1] == "mapping ridgeford/school_age rules"
    # An authority the registry does not know simply has no mapping layer.
    assert settings_module._load("southvale", "school_age", None).planned_days == 20


def test_a_mapping_rules_section_must_be_a_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = _Registry({"ridgeford": _Form({"rules": ["not", "a", "mapping"]})})
    _use_registry(monkeypatch, registry)
    with pytest.raises(PepdocsError, match="rules: must be a mapping"):
        settings_module._load("ridgeford", "school_age", None)


def test_the_real_registry_reads_rules_from_a_user_mapping_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pepdocs.mapping import registry

    (tmp_path / "southvale-school-age.docx").write_bytes(b"template")
    (tmp_path / "southvale-school-age.yaml").write_text(
        "authority: southvale\n"
        "name: Southvale Virtual School\n"
        "form: school_age\n"
        'version: "2025-09"\n'
        "kind: docx\n"
        "template: southvale-school-age.docx\n"
        "fields:\n"
        "  - path: child.upn\n"
        "    at: {control: upn}\n"
        "rules:\n"
        "  nation: scotland\n"
        "  rating: {scheme: gold}\n"
        "  rules:\n"
        "    QA052: {enabled: false}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(registry.ENV_VAR, str(tmp_path))
    registry.clear_cache()
    settings_module._load_cached.cache_clear()
    try:
        southvale = load_settings("southvale")
        assert southvale.sources == ("default.yaml", "mapping southvale/school_age rules")
        assert (southvale.nation, southvale.rating_scheme) == ("scotland", "gold")
        assert not southvale.rules.enabled("QA052")
    finally:
        monkeypatch.delenv(registry.ENV_VAR)
        registry.clear_cache()
        settings_module._load_cached.cache_clear()
