"""The rule catalogue (``rules.yaml``, data) and turning a rule into a finding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

from ruamel.yaml import YAML

from pepdocs.compliance.findings import SEVERITIES, Finding, Severity
from pepdocs.errors import PepdocsError

__all__ = ["Rule", "RuleBook", "list_rules"]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    severity: Severity
    section: str
    message: str


@cache
def list_rules() -> tuple[Rule, ...]:
    """Every rule, in catalogue order, with its default severity."""
    text = resources.files("pepdocs.compliance").joinpath("rules.yaml").read_text("utf-8")
    entries = YAML(typ="safe").load(text)
    rules: list[Rule] = []
    for entry in entries:
        severity = entry["severity"]
        if severity not in SEVERITIES:  # pragma: no cover - guarded by tests on the data
            raise PepdocsError(f"rules.yaml: rule {entry['id']} has unknown severity {severity}")
        rules.append(
            Rule(entry["id"], entry["name"], severity, entry["section"], entry["message"])
        )
    return tuple(rules)


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


class RuleBook:
    """The catalogue as one authority has it: rules switched off or given another severity.

    ``overrides`` is the settings' ``rules:`` mapping, ``{"QA040": {"severity": "error"}}``.
    """

    def __init__(self, overrides: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self._rules = {rule.id: rule for rule in list_rules()}
        self._enabled: dict[str, bool] = dict.fromkeys(self._rules, True)
        self._severity: dict[str, Severity] = {r.id: r.severity for r in self._rules.values()}
        for rule_id, override in (overrides or {}).items():
            if rule_id not in self._rules:
                raise PepdocsError(
                    f"compliance settings: unknown rule {rule_id!r} under rules: "
                    "(see docs/compliance.md for the rule ids)"
                )
            for key, value in override.items():
                if key == "enabled":
                    self._enabled[rule_id] = bool(value)
                elif key == "severity" and value in SEVERITIES:
                    self._severity[rule_id] = cast(Severity, value)
                else:
                    raise PepdocsError(
                        f"compliance settings: rules: {rule_id}: {key} must be enabled "
                        "(true/false) or severity (error, warning or info)"
                    )

    def enabled(self, rule_id: str) -> bool:
        return self._enabled[rule_id]

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
        )
