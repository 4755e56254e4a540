"""The rule catalogue (``rules.yaml``, data) and turning a rule into a finding.

Each rule carries its basis (statute, statutory guidance, national standard, local practice,
or a notice) and its source (public title and section). Statutory breaches are errors, and
an authority's settings may raise their severity but never lower it or switch them off:
``check`` must not report as fine what the law says is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, cast

from ruamel.yaml import YAML

from pepdocs.compliance.findings import SEVERITIES, Finding, Severity
from pepdocs.errors import PepdocsError

__all__ = ["BASES", "BASIS_LABELS", "Basis", "Rule", "RuleBook", "list_rules"]

Basis = Literal["statute", "statutory_guidance", "national_standard", "local_practice", "notice"]
BASES: tuple[Basis, ...] = (
    "statute", "statutory_guidance", "national_standard", "local_practice", "notice",
)
#: How each basis is written for people (the text output and the docs).
BASIS_LABELS: Mapping[str, str] = {
    "statute": "statute",
    "statutory_guidance": "statutory guidance",
    "national_standard": "national standard",
    "local_practice": "local practice",
    "notice": "notice",
}
#: Bases whose error-severity rules an authority cannot lower or switch off.
STATUTORY_BASES = frozenset({"statute", "statutory_guidance"})


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    severity: Severity
    section: str
    message: str
    basis: Basis
    #: (public title, the section or regulation) of each source, in order
    sources: tuple[tuple[str, str], ...]
    #: the settings keys the rule reads (where local practice is configured)
    settings: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """The sources as one line: ``title, where; title, where``."""
        return "; ".join(f"{title}, {where}" for title, where in self.sources)

    @property
    def locked(self) -> bool:
        """A statutory breach: its severity cannot be lowered, nor the rule switched off."""
        return self.basis in STATUTORY_BASES and self.severity == "error"


#: The ``sources:`` key of the Virtual School's own practice (its settings say which).
LOCAL_SOURCE = "LOCAL"


def _sources(
    entries: Sequence[Sequence[str]], titles: Mapping[str, str], rule: str
) -> tuple[tuple[str, str], ...]:
    parts: list[tuple[str, str]] = []
    for entry in entries:
        key, where = entry
        if key not in titles:  # pragma: no cover - guarded by tests on the data
            raise PepdocsError(f"rules.yaml: rule {rule} cites unknown source {key}")
        parts.append((titles[key], where))
    return tuple(parts)


@cache
def _catalogue() -> Mapping[str, Any]:
    text = resources.files("pepdocs.compliance").joinpath("rules.yaml").read_text("utf-8")
    data: Mapping[str, Any] = YAML(typ="safe").load(text)
    return data


def _titles() -> Mapping[str, str]:
    titles: Mapping[str, str] = _catalogue()["sources"]
    return titles


@cache
def list_rules() -> tuple[Rule, ...]:
    """Every rule, in catalogue order, with its default severity."""
    data = _catalogue()
    titles = _titles()
    rules: list[Rule] = []
    for entry in data["rules"]:
        severity, basis = entry["severity"], entry["basis"]
        if severity not in SEVERITIES or basis not in BASES:  # pragma: no cover - data tests
            raise PepdocsError(f"rules.yaml: rule {entry['id']} has an unknown severity or basis")
        rules.append(
            Rule(
                id=entry["id"],
                name=entry["name"],
                severity=severity,
                section=entry["section"],
                message=entry["message"],
                basis=basis,
                sources=_sources(entry["source"], titles, entry["id"]),
                settings=tuple(entry.get("settings", ())),
            )
        )
    return tuple(rules)


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


class RuleBook:
    """The catalogue as one authority has it: rules switched off or given another severity.

    ``overrides`` is the settings' ``rules:`` mapping, ``{"QA052": {"severity": "warning"}}``;
    ``origins`` says which settings layer set each top-level key (``"eastborough.yaml"``),
    so a local-practice finding can say whose practice it is.
    """

    def __init__(
        self,
        overrides: Mapping[str, Mapping[str, Any]] | None = None,
        origins: Mapping[str, str] | None = None,
    ) -> None:
        self._rules = {rule.id: rule for rule in list_rules()}
        self._enabled: dict[str, bool] = dict.fromkeys(self._rules, True)
        self._severity: dict[str, Severity] = {r.id: r.severity for r in self._rules.values()}
        self._origins = dict(origins or {})
        for rule_id, override in (overrides or {}).items():
            if rule_id not in self._rules:
                raise PepdocsError(
                    f"compliance settings: unknown rule {rule_id!r} under rules: "
                    "(see docs/compliance.md for the rule ids)"
                )
            rule = self._rules[rule_id]
            for key, value in override.items():
                if key == "enabled":
                    if rule.locked and not value:
                        raise PepdocsError(
                            f"compliance settings: rules: {rule_id} is a statutory breach "
                            f"({rule.source}) and cannot be switched off"
                        )
                    self._enabled[rule_id] = bool(value)
                elif key == "severity" and value in SEVERITIES:
                    if rule.locked and value != "error":
                        raise PepdocsError(
                            f"compliance settings: rules: {rule_id} is a statutory breach "
                            f"({rule.source}) and stays an error"
                        )
                    self._severity[rule_id] = cast(Severity, value)
                else:
                    raise PepdocsError(
                        f"compliance settings: rules: {rule_id}: {key} must be enabled "
                        "(true/false) or severity (error, warning or info)"
                    )

    def rule(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def enabled(self, rule_id: str) -> bool:
        return self._enabled[rule_id]

    def severity(self, rule_id: str) -> Severity:
        return self._severity[rule_id]

    def source(self, rule_id: str) -> str:
        """The rule's source; the Virtual School's own practice also says which settings
        file set it (``Virtual School practice, termly review deadline (settings
        termly_reviews: eastborough.yaml)``)."""
        rule = self._rules[rule_id]
        local_title = _titles()[LOCAL_SOURCE]
        parts: list[str] = []
        for title, where in rule.sources:
            part = f"{title}, {where}"
            if title == local_title and rule.settings:
                origins = sorted({self._origins.get(key, "default.yaml") for key in rule.settings})
                part += f" (settings {', '.join(rule.settings)}: {' + '.join(origins)})"
            parts.append(part)
        return "; ".join(parts)

    def finding(self, rule_id: str, path: str = "", **values: object) -> Finding | None:
        """The finding for ``rule_id``, or ``None`` when the authority switched it off.

        ``values`` fill the message template; date values also go into ``Finding.dates``.
        """
        rule = self._rules[rule_id]
        if not self._enabled[rule_id]:
            return None
        texts = {key: _text(value) for key, value in values.items()}
        dates = {
            key: value.isoformat() for key, value in values.items() if isinstance(value, dt.date)
        }
        return Finding(
            rule_id=rule.id,
            name=rule.name,
            severity=self._severity[rule_id],
            section=rule.section,
            message=rule.message.format(**texts),
            dates=dates,
            path=path,
            basis=rule.basis,
            source=self.source(rule_id),
        )
