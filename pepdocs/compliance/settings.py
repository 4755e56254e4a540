"""An authority's compliance settings: data files, merged in layers.

Settings hold local practice only (deadlines, term dates, ratings, quality word lists). The
statutory dates are not settings: :mod:`pepdocs.compliance.milestones` computes them, and a
local deadline can make a date earlier, never later.

Layers, later ones winning key by key (nested sections merge):

1. ``settings/default.yaml`` beside this module;
2. ``settings/<authority>.yaml`` when the authority has one;
3. the ``rules:`` section of the authority's mapping file for the PEP's phase, when the
   mapping registry knows the authority (mapping files may carry the settings instead);
4. the ``overrides`` mapping passed in code.

Unknown keys are errors naming the key, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from pepdocs.compliance.calendar import (
    NATIONS,
    TERM_NAMES,
    AcademicYear,
    Term,
    TermCalendar,
)
from pepdocs.compliance.rules import RuleBook
from pepdocs.errors import AuthorityNotFoundError, PepdocsError
from pepdocs.model.years import first_calendar_year

__all__ = [
    "ENGLAND", "QualitySettings", "Settings", "list_settings_files", "load_settings",
]

_KEYS = {
    "nation", "initial_pep", "change_review", "termly_reviews", "term_dates", "closures",
    "schools", "early_years", "post18", "due_soon_days", "rating", "quality", "rules",
}
_SECTION_KEYS: dict[str, set[str]] = {
    "initial_pep": {"local_days", "basis"},
    "change_review": {"days", "basis"},
    "termly_reviews": {str(name) for name in TERM_NAMES},
    "early_years": {"pep_from_birthday"},
    "post18": {"pep_until"},
    "rating": {"scheme", "aggregation", "include_timeliness"},
    "quality": {
        "min_targets", "attendance_max_age_days", "persistent_absence_percent",
        "transition_years", "transition_terms", "measurable_words", "generic_phrases",
        "universal_items", "child_views_from_age",
    },
}
#: Nations whose rules these are; the others get England's rules with their own bank holidays
#: and a notice saying so (TL099). ``england-and-wales`` is kept for settings written before
#: the split: England's rules, with the bank holidays England and Wales share.
ENGLAND = frozenset({"england", "england-and-wales"})
_PEP_UNTIL = ("end_of_academic_year", "eighteenth_birthday")
#: The statute's first-review deadline (reg 33(1)): a local deadline in working days may not
#: be longer.
_STATUTORY_INITIAL_WORKING_DAYS = 20
_DAY_BASES = ("working", "school")
_SCHEMES = ("rag", "gold")
_AGGREGATIONS = ("worst", "average")
_DEADLINE = re.compile(r"^(\d{2})-(\d{2})$")
_AUTHORITY_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True, slots=True)
class QualitySettings:
    min_targets: int
    attendance_max_age_days: int
    persistent_absence_percent: float
    child_views_from_age: int
    transition_years: tuple[str, ...]
    transition_terms: tuple[str, ...]
    measurable_words: tuple[str, ...]
    generic_phrases: tuple[str, ...]
    universal_items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the checks need to know about one authority's rules."""

    authority: str
    nation: str
    #: the authority's own initial PEP deadline (``None``: the statutory dates only), and
    #: what it counts: working or school days
    initial_local_days: int | None
    initial_basis: str
    change_review_days: int
    change_review_basis: str
    #: term name -> ``"half_term"`` or ``"MM-DD"``
    termly_deadlines: Mapping[str, str]
    calendar: TermCalendar
    #: schools with term dates of their own, by URN (academies, schools out of area)
    school_calendars: Mapping[str, TermCalendar]
    #: early-years PEPs start the funded term after this birthday
    early_years_from_birthday: int
    #: ``end_of_academic_year`` (of the 18th birthday) or ``eighteenth_birthday``
    pep_until: str
    due_soon_days: int
    rating_scheme: str
    rating_aggregation: str
    #: whether overdue and late PEPs count towards the rating, or only the document's quality
    rating_include_timeliness: bool
    quality: QualitySettings
    rules: RuleBook
    #: where the layers came from (files, "mapping rules:", "overrides"), for messages
    sources: tuple[str, ...]
    #: which layer last set each top-level key (for labelling local practice)
    origins: Mapping[str, str]

    @property
    def rules_are_for_nation(self) -> bool:
        """England's rules are these rules; other nations get a notice (TL099)."""
        return self.nation in ENGLAND

    def calendar_for(self, urn: str | None, host_authority: str | None) -> TermCalendar:
        """The term dates a child's school keeps: the school's own when listed under
        ``schools:`` by URN, else, for a child placed out of area, the host authority's when
        it has a settings file with term dates, else this authority's."""
        if urn and urn.strip().upper() in self.school_calendars:
            return self.school_calendars[urn.strip().upper()]
        host = _slug(host_authority or "")
        if host and host != self.authority and host in _shipped_settings():
            hosted = _load_cached(host, "school_age")
            if hosted.calendar.lists_years:
                return hosted.calendar
        return self.calendar

    def termly_deadline(self, year: AcademicYear, term_name: str) -> dt.date:
        """The date a term's PEP review must be held by, in academic ``year``."""
        term = year.term(term_name)
        rule = self.termly_deadlines[term_name]
        if rule == "half_term":
            # The last weekday before the half-term break starts.
            day = term.half_term_start - dt.timedelta(days=1)
            while day.weekday() >= 5:
                day -= dt.timedelta(days=1)
            return day
        match = _DEADLINE.match(rule)
        assert match is not None  # checked when the settings were built
        month, day_of_month = int(match.group(1)), int(match.group(2))
        try:
            return dt.date(term.start.year, month, day_of_month)
        except ValueError:
            # "02-29" in a common year: the last day of February.
            return dt.date(term.start.year, month, day_of_month - 1)


def _read_yaml(name: str) -> dict[str, Any] | None:
    file = resources.files("pepdocs.compliance").joinpath("settings", f"{name}.yaml")
    if not file.is_file():
        return None
    try:
        data = YAML(typ="safe").load(file.read_text("utf-8"))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise PepdocsError(f"compliance settings {name}.yaml{line}: not valid YAML") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PepdocsError(f"compliance settings {name}.yaml: expected a mapping of settings")
    return data


def list_settings_files() -> list[str]:
    """Authorities with their own settings file (``default`` excluded)."""
    folder = resources.files("pepdocs.compliance").joinpath("settings")
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml") and entry.name != "default.yaml"
    )


@cache
def _shipped_settings() -> frozenset[str]:
    return frozenset(list_settings_files())


def _merge(
    base: dict[str, Any],
    layer: Mapping[str, Any],
    where: str,
    origins: dict[str, str] | None = None,
    origin: str = "",
) -> dict[str, Any]:
    merged = dict(base)
    for key, value in layer.items():
        if key == "authority":
            continue
        if origins is not None and key in _KEYS:
            origins[str(key)] = origin
        if key not in _KEYS:
            raise PepdocsError(
                f"{where}: unknown compliance setting {key!r}; known: {', '.join(sorted(_KEYS))}"
            )
        allowed = _SECTION_KEYS.get(key)
        if allowed is not None:
            if not isinstance(value, Mapping):
                raise PepdocsError(f"{where}: {key} must be a mapping")
            unknown = {str(name) for name in value} - allowed
            if unknown:
                raise PepdocsError(
                    f"{where}: unknown key {sorted(unknown)[0]!r} under {key}; "
                    f"known: {', '.join(sorted(allowed))}"
                )
            merged[key] = {**merged.get(key, {}), **value}
        elif key in {"rules", "term_dates", "schools"}:
            if not isinstance(value, Mapping):
                raise PepdocsError(f"{where}: {key} must be a mapping")
            merged[key] = {**merged.get(key, {}), **value}
        else:
            merged[key] = value
    return merged


def _mapping_rules(authority: str, phase: str) -> Mapping[str, Any] | None:
    """The ``rules:`` section of the authority's mapping file, when the registry has one."""
    try:
        registry = importlib.import_module("pepdocs.mapping.registry")
    except ImportError:
        return None
    resolve_form = getattr(registry, "resolve_form", None)
    if resolve_form is None:
        return None
    try:
        form = resolve_form(authority, phase)
    except AuthorityNotFoundError:
        return None
    rules = getattr(form, "settings", {}).get("rules")
    if rules is None:
        return None
    if not isinstance(rules, Mapping):
        raise PepdocsError(f"{getattr(form, 'source', authority)}: rules: must be a mapping")
    return rules


def _date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PepdocsError(f"{where}: expected an ISO date (YYYY-MM-DD)")


def _int(data: Mapping[str, Any], key: str, where: str, minimum: int = 0) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise PepdocsError(f"{where}: {key} must be a whole number of at least {minimum}")
    return value


def _choice(value: object, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        raise PepdocsError(f"{where}: must be one of {', '.join(choices)}")
    return str(value)


def _words(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str | int) for item in value):
        raise PepdocsError(f"{where}: must be a list of words")
    return tuple(str(item) for item in value)


def _term_dates(data: Mapping[str, Any], where: str) -> dict[str, AcademicYear]:
    if not isinstance(data, Mapping):
        raise PepdocsError(f"{where}: term_dates must be a mapping of academic years")
    years: dict[str, AcademicYear] = {}
    for label, terms in data.items():
        here = f"{where}: term_dates: {label}"
        try:
            first_calendar_year(str(label))
        except ValueError:
            raise PepdocsError(f"{here}: an academic year looks like 2025-26") from None
        if not isinstance(terms, Mapping) or set(terms) != set(TERM_NAMES):
            raise PepdocsError(f"{here}: list autumn, spring and summer")
        built: list[Term] = []
        for name in TERM_NAMES:
            term = terms[name]
            spot = f"{here}: {name}"
            if not isinstance(term, Mapping) or set(term) != {"start", "half_term", "end"}:
                raise PepdocsError(f"{spot}: give start, half_term [first, last] and end")
            half = term["half_term"]
            if not isinstance(half, list) or len(half) != 2:
                raise PepdocsError(f"{spot}: half_term is [first day, last day]")
            start, end = _date(term["start"], spot), _date(term["end"], spot)
            half_start, half_end = _date(half[0], spot), _date(half[1], spot)
            if not start <= half_start <= half_end <= end:
                raise PepdocsError(f"{spot}: dates must run start <= half term <= end")
            built.append(Term(name, start, end, half_start, half_end))
        if not (built[0].end < built[1].start and built[1].end < built[2].start):
            raise PepdocsError(f"{here}: terms overlap")
        years[str(label)] = AcademicYear(str(label), (built[0], built[1], built[2]))
    return years


def _real_month_day(month: int, day: int) -> bool:
    try:
        dt.date(2028, month, day)  # a leap year, so 02-29 is allowed
    except ValueError:
        return False
    return True


def _calendar(data: Mapping[str, Any], where: str) -> TermCalendar:
    closures = data.get("closures") or []
    if not isinstance(closures, list):
        raise PepdocsError(f"{where}: closures must be a list of dates")
    return TermCalendar(
        _term_dates(data.get("term_dates") or {}, where),
        [_date(day, f"{where}: closures") for day in closures],
    )


def _school_calendars(data: object, where: str) -> dict[str, TermCalendar]:
    if not isinstance(data, Mapping):
        raise PepdocsError(f"{where}: schools must be a mapping of URNs")
    calendars: dict[str, TermCalendar] = {}
    for urn, school in data.items():
        here = f"{where}: schools: {urn}"
        if not isinstance(school, Mapping) or not set(school) <= {"term_dates", "closures"}:
            raise PepdocsError(f"{here}: give term_dates (and closures)")
        calendars[str(urn).strip().upper()] = _calendar(school, here)
    return calendars


def _initial_local_days(initial: Mapping[str, Any], basis: str, where: str) -> int | None:
    if initial.get("local_days") is None:
        return None
    days = _int(initial, "local_days", f"{where}: initial_pep", minimum=1)
    if basis == "working" and days > _STATUTORY_INITIAL_WORKING_DAYS:
        raise PepdocsError(
            f"{where}: initial_pep: local_days {days} working days is later than the statutory "
            f"{_STATUTORY_INITIAL_WORKING_DAYS} (the first review of the care plan, reg 33(1) "
            "of the 2010 Regulations); a local deadline can only be earlier"
        )
    return days


def _build(
    authority: str, data: dict[str, Any], sources: tuple[str, ...], origins: dict[str, str]
) -> Settings:
    where = "compliance settings (" + " + ".join(sources) + ")"
    nation = str(data["nation"])
    if nation not in NATIONS:
        raise PepdocsError(f"{where}: nation must be one of {', '.join(NATIONS)}")
    initial, change = data["initial_pep"], data["change_review"]
    initial_basis = _choice(initial["basis"], _DAY_BASES, f"{where}: initial_pep: basis")
    termly = data["termly_reviews"]
    for term_name in TERM_NAMES:
        rule = str(termly.get(term_name, ""))
        match = _DEADLINE.match(rule)
        valid = match is not None and _real_month_day(int(match.group(1)), int(match.group(2)))
        if rule != "half_term" and not valid:
            raise PepdocsError(
                f"{where}: termly_reviews: {term_name} must be half_term or MM-DD (\"10-31\")"
            )
    rating, quality = data["rating"], data["quality"]
    transition_terms = _words(quality["transition_terms"], f"{where}: quality: transition_terms")
    for name in transition_terms:
        _choice(name, TERM_NAMES, f"{where}: quality: transition_terms")
    percent = quality["persistent_absence_percent"]
    if not isinstance(percent, int | float) or not 0 <= percent <= 100:
        raise PepdocsError(f"{where}: quality: persistent_absence_percent must be 0 to 100")
    return Settings(
        authority=authority,
        nation=nation,
        initial_local_days=_initial_local_days(initial, initial_basis, where),
        initial_basis=initial_basis,
        change_review_days=_int(change, "days", f"{where}: change_review"),
        change_review_basis=_choice(change["basis"], _DAY_BASES, f"{where}: change_review: basis"),
        termly_deadlines={name: str(termly[name]) for name in TERM_NAMES},
        calendar=_calendar(data, where),
        school_calendars=_school_calendars(data.get("schools") or {}, where),
        early_years_from_birthday=_int(
            data["early_years"], "pep_from_birthday", f"{where}: early_years"
        ),
        pep_until=_choice(data["post18"]["pep_until"], _PEP_UNTIL, f"{where}: post18: pep_until"),
        due_soon_days=_int(data, "due_soon_days", where),
        rating_scheme=_choice(rating["scheme"], _SCHEMES, f"{where}: rating: scheme"),
        rating_aggregation=_choice(
            rating["aggregation"], _AGGREGATIONS, f"{where}: rating: aggregation"
        ),
        rating_include_timeliness=bool(rating.get("include_timeliness", True)),
        quality=QualitySettings(
            min_targets=_int(quality, "min_targets", f"{where}: quality"),
            attendance_max_age_days=_int(quality, "attendance_max_age_days", f"{where}: quality"),
            persistent_absence_percent=float(percent),
            child_views_from_age=_int(quality, "child_views_from_age", f"{where}: quality"),
            transition_years=_words(quality["transition_years"], f"{where}: quality"),
            transition_terms=transition_terms,
            measurable_words=_words(quality["measurable_words"], f"{where}: quality"),
            generic_phrases=_words(quality["generic_phrases"], f"{where}: quality"),
            universal_items=_words(quality["universal_items"], f"{where}: quality"),
        ),
        rules=RuleBook(data.get("rules") or {}, origins),
        sources=sources,
        origins=dict(origins),
    )


def _slug(name: str) -> str:
    """An authority name as its settings file is named: ``"Ridgeford"`` -> ``ridgeford``."""
    return "-".join(name.strip().lower().split())


@cache
def _load_cached(authority: str, phase: str) -> Settings:
    return _load(authority, phase, None)


def _load(authority: str, phase: str, overrides: Mapping[str, Any] | None) -> Settings:
    default = _read_yaml("default")
    assert default is not None, "pepdocs/compliance/settings/default.yaml is shipped"
    origins: dict[str, str] = {}
    data = _merge({}, default, "settings/default.yaml", origins, "default.yaml")
    sources = ["default.yaml"]
    name = authority.strip().lower()
    if name and name != "default" and _AUTHORITY_NAME.match(name):
        own = _read_yaml(name)
        if own is not None:
            data = _merge(data, own, f"settings/{name}.yaml", origins, f"{name}.yaml")
            sources.append(f"{name}.yaml")
        from_mapping = _mapping_rules(name, phase)
        if from_mapping is not None:
            layer = f"mapping {name}/{phase} rules"
            data = _merge(data, from_mapping, f"mapping {name}/{phase}: rules", origins, layer)
            sources.append(layer)
    if overrides:
        data = _merge(data, overrides, "settings overrides", origins, "overrides")
        sources.append("overrides")
    return _build(name or "default", data, tuple(sources), origins)


def load_settings(
    authority: str | None = None,
    *,
    phase: str = "school_age",
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """The compliance settings for ``authority`` (``None``: the defaults alone).

    An authority with no settings file and no ``rules:`` in its mapping gets the defaults;
    that is not an error, because most authorities follow the statutory defaults.
    """
    if overrides:
        return _load(authority or "", phase, overrides)
    return _load_cached(authority or "", phase)
