"""What a check finds: findings, and the result of checking one PEP."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["SEVERITIES", "CheckResult", "Finding", "Severity"]

Severity = Literal["error", "warning", "info"]
#: Most serious first; the order findings are listed in.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding about one PEP.

    ``message`` holds dates, counts and field paths only, never a value from the PEP: the
    results are printed and logged, and PEPs are special-category data about children.
    """

    rule_id: str
    name: str
    severity: Severity
    section: str
    message: str
    dates: Mapping[str, str] = field(default_factory=dict)
    path: str = ""
    #: what the rule rests on: statute, statutory_guidance, national_standard,
    #: local_practice or notice (see :mod:`pepdocs.compliance.rules`)
    basis: str = ""
    #: the public title and section it comes from (for local practice, the settings file)
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "name": self.name,
            "severity": self.severity,
            "basis": self.basis,
            "source": self.source,
            "section": self.section,
            "message": self.message,
            "dates": dict(self.dates),
            "path": self.path,
        }

    def __str__(self) -> str:
        where = f" [{self.path}]" if self.path else ""
        return f"{self.severity:<7} {self.rule_id} {self.name}: {self.message}{where}"

    @property
    def basis_line(self) -> str:
        """``statute: The Care Planning ... Regulations 2010, reg 33(1)``, for people."""
        label = self.basis.replace("_", " ")
        return f"{label}: {self.source}" if self.source else label


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The findings for one PEP file (or one PEP), its rating and the reasons for it.

    ``error`` is set instead when the file could not be read at all; then there are no
    findings and no rating. ``rating`` is ``None`` too for a PEP that needs no rating
    (short-break care). ``pep`` keeps the data for the cohort report; it is never printed.
    """

    source: str
    findings: tuple[Finding, ...] = ()
    rating: str | None = None
    reasons: tuple[str, ...] = ()
    section_ratings: Mapping[str, str] = field(default_factory=dict)
    error: str | None = None
    pep: Mapping[str, Any] | None = field(default=None, repr=False, compare=False)

    @property
    def has_errors(self) -> bool:
        """A file that could not be read, or a PEP with an error-severity finding."""
        return self.error is not None or any(f.severity == "error" for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "error": self.error,
            "rating": self.rating,
            "reasons": list(self.reasons),
            "section_ratings": dict(self.section_ratings),
            "findings": [finding.to_dict() for finding in self.findings],
        }
