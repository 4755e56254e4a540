"""From findings to section ratings to one overall rating, with the reasons.

Virtual Schools rate PEPs red/amber/green (RAG) or gold/green/amber/red, per section and
overall; any red section makes the PEP red, and a red PEP is returned with PP+ held until it
is fixed (docs/sources.md, "Virtual School practice"). Info findings never lower a rating.

Section ratings:

=========  ==================================  ===============================
scheme     no error, no warning                warnings            any error
=========  ==================================  ===============================
rag        green                               amber               red
gold       gold                                1: green, 2+: amber red
=========  ==================================  ===============================

Overall: ``worst`` takes the worst section; ``average`` takes the mean of the sections'
points (gold 3, green 2, amber 1, red 0) rounded half down, except that a red section still
makes the PEP red.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from pepdocs.compliance.findings import Finding
from pepdocs.compliance.rules import list_rules
from pepdocs.compliance.settings import Settings

__all__ = ["RATINGS", "SECTIONS", "Rating", "rate"]

#: Ratings of each scheme, best first.
RATINGS: Mapping[str, tuple[str, ...]] = {
    "rag": ("green", "amber", "red"),
    "gold": ("gold", "green", "amber", "red"),
}
_POINTS = {"gold": 3, "green": 2, "amber": 1, "red": 0}


def _sections() -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for rule in list_rules():
        seen.setdefault(rule.section, None)
    return tuple(seen)


#: The sections rated, in the order the rule catalogue first names them.
SECTIONS: tuple[str, ...] = _sections()


@dataclass(frozen=True, slots=True)
class Rating:
    overall: str
    sections: Mapping[str, str]
    reasons: tuple[str, ...]


def _section_rating(scheme: str, errors: int, warnings: int) -> str:
    if errors:
        return "red"
    if scheme == "gold":
        return "gold" if warnings == 0 else "green" if warnings == 1 else "amber"
    return "green" if warnings == 0 else "amber"


def rate(findings: Iterable[Finding], settings: Settings) -> Rating:
    """Rate one PEP's findings with the authority's scheme and aggregation rule."""
    scheme = settings.rating_scheme
    order = RATINGS[scheme]
    by_section: dict[str, list[Finding]] = {section: [] for section in SECTIONS}
    for finding in findings:
        if finding.section == "timeliness" and not settings.rating_include_timeliness:
            continue
        by_section.setdefault(finding.section, []).append(finding)
    if not settings.rating_include_timeliness:
        by_section.pop("timeliness", None)

    sections: dict[str, str] = {}
    reasons: list[str] = []
    for section, found in by_section.items():
        errors = [f.rule_id for f in found if f.severity == "error"]
        warnings = [f.rule_id for f in found if f.severity == "warning"]
        rating = _section_rating(scheme, len(errors), len(warnings))
        sections[section] = rating
        if rating != order[0]:
            rule_ids = ", ".join(dict.fromkeys(errors + warnings))
            reasons.append(f"{section}: {rating} ({rule_ids})")

    worst = max(sections.values(), key=order.index)
    red_sections = [name for name, rating in sections.items() if rating == "red"]
    if red_sections:
        overall = "red"
        reasons.insert(0, f"red: any red section makes the PEP red ({', '.join(red_sections)})")
    elif settings.rating_aggregation == "average":
        mean = Fraction(sum(_POINTS[r] for r in sections.values()), len(sections))
        # Half rounds down: a PEP between two ratings gets the lower one.
        points = int(mean) if mean - int(mean) <= Fraction(1, 2) else int(mean) + 1
        overall = next(r for r in order if _POINTS[r] <= points)
        reasons.insert(0, f"{overall}: average of {len(sections)} section ratings")
    else:
        overall = worst
        if overall != order[0]:
            reasons.insert(0, f"{overall}: the worst section rating")
    return Rating(overall, sections, tuple(reasons))
