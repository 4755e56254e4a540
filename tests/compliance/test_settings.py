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


def test_defaults_add_no_local_initial_deadline_to_the_statute_in_england_rated_rag() -> None:
    defaults = load_settings()
    assert (defaults.initial_local_days, defaults.initial_basis) == (None, "working")
    assert defaults.nation == "england" and defaults.rules_are_for_nation
    assert (defaults.early_years_from_birthday, defaults.pep_until) == (
        2, "end_of_academic_year")
    assert (defaults.rating_scheme, defaults.rating_aggregation) == ("rag", "worst")
    assert defaults.quality.min_targets == 3
    assert defaults.quality.transition_years == ("N2", "6", "11")


def test_an_authority_without_a_settings_file_gets_the_defaults() -> None:
    northshire = load_settings("northshire")
    assert northshire.sources[0] == "default.yaml"
    assert northshire.initial_local_days is None and northshire.rating_scheme == "rag"


def test_eastborough_counts_school_days_and_rates_gold_green_amber_red() -> None:
    eastborough = load_settings("eastborough")
    assert "eastborough.yaml" in eastborough.sources
    assert (eastborough.initial_local_days, eastborough.initial_basis) == (20, "school")
    assert eastborough.origins["initial_pep"] == "eastborough.yaml"
    assert eastborough.origins["nation"] == "default.yaml"
    assert (eastborough.rating_scheme, eastborough.rating_aggregation) == ("gold", "average")
    assert eastborough.termly_deadlines["autumn"] == "10-31"


def test_westmere_holds_initial_peps_within_15_working_days() -> None:
    westmere = load_settings("westmere")
    assert (westmere.initial_local_days, westmere.initial_basis) == (15, "working")
    assert (westmere.change_review_days, westmere.change_review_basis) == (10, "working")


def test_shipped_settings_files_all_load() -> None:
    names = list_settings_files()
    assert {"eastborough", "westmere"} <= set(names)
    for name in names:
        assert load_settings(name).authority == name


def test_overrides_merge_into_sections_key_by_key() -> None:
    custom = load_settings(overrides={"initial_pep": {"local_days": 5}, "nation": "scotland"})
    assert (custom.initial_local_days, custom.initial_basis, custom.nation) == (
        5, "working", "scotland")
    assert not custom.rules_are_for_nation
    assert custom.sources[-1] == "overrides"
    assert custom.origins["initial_pep"] == "overrides"


def test_a_local_initial_deadline_later_than_the_statute_is_refused() -> None:
    with pytest.raises(PepdocsError, match="later than the statutory 20"):
        load_settings(overrides={"initial_pep": {"local_days": 25}})
    # School days cannot be compared until a date is known: the earlier date wins then.
    assert load_settings(overrides={"initial_pep": {"local_days": 25, "basis": "school"}})


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
        ({"day_basis": "working"}, "unknown compliance setting 'day_basis'"),
        ({"pathway_plan_months": 6}, "unknown compliance setting 'pathway_plan_months'"),
        ({"initial_pep": {"basis": "calendar"}}, "basis: must be one of working, school"),
        ({"initial_pep": {"local_days": -1}}, "local_days must be a whole number"),
        ({"initial_pep": {"emergency_days": 10}}, "unknown key 'emergency_days' under initial"),
        ({"post18": {"pep_until": "21"}}, "pep_until: must be one of"),
        ({"schools": {"999001": {"terms": {}}}}, "schools: 999001: give term_dates"),
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
    registry = _Registry({"ridgeford": _Form({"rules": {"initial_pep": {"local_days": 15}}})})
    _use_registry(monkeypatch, registry)
    ridgeford = settings_module._load("ridgeford", "school_age", None)
    assert ridgeford.initial_local_days == 15
    assert ridgeford.sources[-1] == "mapping ridgeford/school_age rules"
    assert ridgeford.origins["initial_pep"] == "mapping ridgeford/school_age rules"
    # An authority the registry does not know simply has no mapping layer.
    assert settings_module._load("southvale", "school_age", None).initial_local_days is None


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


def test_a_school_s_own_term_dates_are_found_by_urn() -> None:
    terms = {
        "autumn": {"start": "2025-09-08", "half_term": ["2025-10-20", "2025-10-31"],
                   "end": "2025-12-17"},
        "spring": {"start": "2026-01-06", "half_term": ["2026-02-16", "2026-02-20"],
                   "end": "2026-03-27"},
        "summer": {"start": "2026-04-13", "half_term": ["2026-05-25", "2026-05-29"],
                   "end": "2026-07-17"},
    }
    custom = load_settings(overrides={"schools": {"999777": {"term_dates": {"2025-26": terms}}}})
    school = custom.calendar_for("999777", None)
    assert school is not custom.calendar
    assert custom.termly_deadline(school.year("2025-26"), "autumn") == dt.date(2025, 10, 17)
    assert custom.calendar_for("999001", None) is custom.calendar


def test_a_child_placed_out_of_area_counts_on_the_host_authority_s_term_dates() -> None:
    southvale = load_settings("southvale")
    hosted = southvale.calendar_for(None, "Eastborough")
    assert hosted is load_settings("eastborough").calendar
    # A host without term dates of its own (Westmere lists none) leaves the placing one's.
    assert southvale.calendar_for(None, "Westmere") is southvale.calendar
    assert southvale.calendar_for(None, "Nowhere Shire") is southvale.calendar
