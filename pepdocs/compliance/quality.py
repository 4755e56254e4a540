"""What a PEP must contain, and quality assurance as Virtual Schools apply it.

Statute first: the content the care plan's PEP must hold (the Care Planning, Placement and
Case Review (England) Regulations 2010, Schedule 1 paragraph 2: education history with the
attendance and conduct record, achievements and special educational needs; the current
arrangements; planned changes and how disruption is minimised; leisure interests; the role
of the appropriate person) and the child's wishes and feelings (Children Act 1989
s.22(4)-(5), having regard to age and understanding). Then national standards: persistent
absence, PP+ rates and year groups (DfE conditions of grant), identifiers. Then local
practice: SMART targets (specific, measurable, achievable, relevant, time-bound, with a named
lead), previous targets reviewed, current attendance, PP+ tied to targets and not to what
every pupil gets, a transition plan in transition years. Word lists (generic phrases,
measurable words, universal items) are settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from pepdocs.compliance._access import date_at, items_at, money, text_at
from pepdocs.compliance.calendar import age_on
from pepdocs.compliance.findings import Finding
from pepdocs.compliance.milestones import year_group
from pepdocs.compliance.pupil_premium import pupil_premium_plus, pupil_premium_plus_year_groups
from pepdocs.compliance.settings import Settings
from pepdocs.model.identifiers import validate_laestab, validate_uln, validate_upn, validate_urn
from pepdocs.model.paths import get_path
from pepdocs.model.years import academic_year_of

__all__ = ["check_quality", "is_generic", "is_measurable"]

_NUMBER = re.compile(r"\d")
_SPACES = re.compile(r"[^\w%]+")


def _normal(text: str) -> str:
    """Lower case, punctuation as single spaces: phrase matching ignores both."""
    return " " + _SPACES.sub(" ", text.casefold()).strip() + " "


def _contains(text: str, phrases: Iterable[str]) -> bool:
    normal = _normal(text)
    return any(_normal(phrase) in normal for phrase in phrases if phrase.strip())


def is_measurable(text: str, measurable_words: Iterable[str]) -> bool:
    """A number, a percentage, a score, a frequency or an observable word is present."""
    return bool(_NUMBER.search(text)) or "%" in text or _contains(text, measurable_words)


# A generic target is a stock phrase with at most a few words around it ("to make progress
# in maths"); a phrase inside a long, specific target does not make it generic.
_GENERIC_EXTRA_WORDS = 3


def is_generic(description: str, generic_phrases: Iterable[str]) -> bool:
    words = _normal(description).split()
    for phrase in generic_phrases:
        phrase_words = _normal(phrase).split()
        if phrase_words and _contains(description, [phrase]) and (
            len(words) <= len(phrase_words) + _GENERIC_EXTRA_WORDS
        ):
            return True
    return False


class _Out:
    def __init__(self, settings: Settings) -> None:
        self.rules = settings.rules
        self.findings: list[Finding] = []

    def add(self, rule_id: str, path: str = "", **values: object) -> None:
        finding = self.rules.finding(rule_id, path, **values)
        if finding is not None:
            self.findings.append(finding)


def check_quality(pep: Mapping[str, Any], settings: Settings) -> list[Finding]:
    """Quality findings for one PEP, section by section."""
    out = _Out(settings)
    for check in _CHECKS:
        check(pep, settings, out)
    return out.findings


def _meeting(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    meeting = date_at(pep, "meta.meeting_date")
    next_review = date_at(pep, "meta.next_review_date")
    if meeting is None:
        out.add("QA001", "meta.meeting_date")
    if next_review is None:
        out.add("QA002", "meta.next_review_date")
    elif meeting is not None and next_review <= meeting:
        out.add("QA003", "meta.next_review_date", next_review=next_review, meeting=meeting)


def _targets(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    quality = settings.quality
    targets = items_at(pep, "targets")
    meeting = date_at(pep, "meta.meeting_date")
    next_review = date_at(pep, "meta.next_review_date")
    if not targets:
        out.add("QA020", "targets")
    elif len(targets) < quality.min_targets:
        out.add("QA021", "targets", count=len(targets), minimum=quality.min_targets)
    for index, target in enumerate(targets):
        at = f"targets.{index}"
        description = text_at(target, "description") or ""
        wording = " ".join(
            filter(None, (description, text_at(target, "success_criteria")))
        )
        if not is_measurable(wording, quality.measurable_words):
            out.add("QA010", f"{at}.success_criteria")
        if text_at(target, "lead") is None:
            out.add("QA011", f"{at}.lead")
        due = date_at(target, "due_date")
        if due is None:
            out.add("QA012", f"{at}.due_date")
        else:
            if next_review is not None and due > next_review:
                out.add("QA013", f"{at}.due_date", due=due, next_review=next_review)
            if meeting is not None and due <= meeting:
                out.add("QA014", f"{at}.due_date", due=due, meeting=meeting)
        if text_at(target, "area") is None:
            out.add("QA015", f"{at}.area")
        if description and is_generic(description, quality.generic_phrases):
            out.add("QA016", f"{at}.description")


def _previous_targets(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    previous = items_at(pep, "previous_targets")
    pep_type = text_at(pep, "meta.pep_type")
    is_review = pep_type in {"review", "transition"} or (
        pep_type is None and date_at(pep, "meta.previous_pep_date") is not None
    )
    if is_review and not previous:
        out.add("QA030", "previous_targets")
    for index, target in enumerate(previous):
        if text_at(target, "outcome") is None:
            out.add("QA031", f"previous_targets.{index}.outcome")


def _views(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    if text_at(pep, "views.child") is not None:
        return
    if text_at(pep, "views.child_not_given_reason") is not None:
        out.add("QA041", "views.child_not_given_reason")
        return
    born, meeting = date_at(pep, "child.date_of_birth"), date_at(pep, "meta.meeting_date")
    young = settings.quality.child_views_from_age
    if born is not None and meeting is not None and age_on(born, meeting) < young:
        out.add("QA042", "views.child", age=young)
    else:
        out.add("QA040", "views.child")


def _attendance(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    quality = settings.quality
    percent = money(get_path(pep, "education.attendance.percent"))
    possible = get_path(pep, "education.attendance.sessions_possible")
    missed = get_path(pep, "education.attendance.sessions_missed")
    sessions = (
        isinstance(possible, int) and isinstance(missed, int) and not isinstance(possible, bool)
        and possible > 0
    )
    threshold = Decimal(str(quality.persistent_absence_percent))
    if percent is None and not sessions:
        # A child on no school's roll has no attendance to record; say so elsewhere.
        if get_path(pep, "education.on_roll") is not False:
            out.add("QA050", "education.attendance.percent")
    else:
        # Persistent absence: 10% or more of possible sessions missed, so 90.0% counts.
        if percent is not None:
            absent = percent <= threshold
        else:
            absent = Decimal(missed) * 100 >= (100 - threshold) * Decimal(possible)
        if absent:
            path = "education.attendance.percent" if percent is not None else (
                "education.attendance.sessions_missed")
            out.add("QA052", path, threshold=f"{quality.persistent_absence_percent:g}")
    period_end = date_at(pep, "education.attendance.period_end")
    meeting = date_at(pep, "meta.meeting_date")
    if period_end is not None and meeting is not None and (
        (meeting - period_end).days > quality.attendance_max_age_days
    ):
        out.add("QA051", "education.attendance.period_end", period_end=period_end,
                days=quality.attendance_max_age_days, meeting=meeting)


def _attainment(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    if not items_at(pep, "attainment"):
        out.add("QA060", "attainment")


def _year_group(pep: Mapping[str, Any]) -> str | None:
    """The recorded year group, else (or when it is X) the one for the date of birth."""
    ncy = text_at(pep, "education.ncy")
    if ncy is not None and ncy != "X":
        return ncy
    born, meeting = date_at(pep, "child.date_of_birth"), date_at(pep, "meta.meeting_date")
    return year_group(born, meeting) if born is not None and meeting is not None else None


def _pp_plus(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    target_ids = {text_at(target, "id") for target in items_at(pep, "targets")} - {None}
    items = items_at(pep, "pp_plus.items")
    requested = money(get_path(pep, "pp_plus.requested_total"))
    if requested is not None and requested > 0 and not items:
        out.add("QA073", "pp_plus.items", requested_total=f"{requested:.2f}")
    total = Decimal(0)
    for index, item in enumerate(items):
        at = f"pp_plus.items.{index}"
        if text_at(item, "target_id") not in target_ids:
            out.add("QA070", f"{at}.target_id")
        description = text_at(item, "description")
        if description and _contains(description, settings.quality.universal_items):
            out.add("QA072", f"{at}.description")
        total += money(item.get("cost")) or Decimal(0)
    if items and requested is not None and total != requested:
        out.add("QA071", "pp_plus.requested_total", items_total=f"{total:.2f}",
                requested_total=f"{requested:.2f}")
    if requested is None or requested <= 0:
        return
    group = _year_group(pep)
    if group is not None and group not in pupil_premium_plus_year_groups():
        instead = (
            "post-16 support is not PP+" if group.isdigit()
            else "for early years the early years pupil premium applies, paid to the provider"
        )
        out.add("QA074", "pp_plus.requested_total", requested_total=f"{requested:.2f}",
                year_group=group, instead=instead)
    meeting = date_at(pep, "meta.meeting_date")
    grant = pupil_premium_plus(meeting) if meeting is not None else None
    if grant is not None and requested > grant.rate:
        out.add("QA075", "pp_plus.requested_total", requested_total=f"{requested:.2f}",
                financial_year=grant.financial_year, rate=f"{grant.rate:.2f}")


def _planned_change(pep: Mapping[str, Any]) -> bool:
    return text_at(pep, "transition.next_transition") is not None or (
        date_at(pep, "transition.date") is not None
    )


def _transition(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    quality = settings.quality
    ncy = text_at(pep, "education.ncy")
    if ncy is None or ncy not in quality.transition_years:
        return
    if _planned_change(pep):
        return  # a recorded change without a plan is the statutory QA102 already
    term = text_at(pep, "meta.term")
    meeting = date_at(pep, "meta.meeting_date")
    if term is None and meeting is not None:
        term = settings.calendar.term_of(meeting).name
    if term is not None and term not in quality.transition_terms:
        return
    if text_at(pep, "transition.plan") is None:
        out.add("QA080", "transition.plan", ncy=ncy)


def _statutory_content(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    """Schedule 1 paragraph 2 of the 2010 Regulations: what the PEP must record."""
    if text_at(pep, "education.sen_provision") is None:
        out.add("QA100", "education.sen_provision")
    if text_at(pep, "education.setting_name") is None:
        out.add("QA101", "education.setting_name")
    if _planned_change(pep) and text_at(pep, "transition.plan") is None:
        out.add("QA102", "transition.plan")
    if text_at(pep, "child.leisure_interests") is None:
        out.add("QA103", "child.leisure_interests")
    if text_at(pep, "care.carer.education_role") is None:
        out.add("QA104", "care.carer.education_role")


def _age_and_year_group(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    ncy = text_at(pep, "education.ncy")
    born, meeting = date_at(pep, "child.date_of_birth"), date_at(pep, "meta.meeting_date")
    if ncy is None or ncy == "X" or born is None or meeting is None:
        return
    expected = year_group(born, meeting)
    if expected is not None and expected != ncy:
        out.add("QA110", "education.ncy", ncy=ncy, expected=expected,
                year=academic_year_of(meeting))


def _identifiers(pep: Mapping[str, Any], settings: Settings, out: _Out) -> None:
    for rule_id, path, validate in (
        ("QA090", "child.upn", validate_upn),
        ("QA091", "education.urn", validate_urn),
        ("QA092", "education.laestab", validate_laestab),
        ("QA093", "child.uln", validate_uln),
    ):
        text = text_at(pep, path)
        if text is None:
            continue
        # The model's messages name the problem and never repeat the identifier itself.
        reason = validate(text)
        if reason is not None:
            out.add(rule_id, path, reason=reason.rstrip("."))
    if text_at(pep, "child.la_child_id") is None:
        out.add("QA094", "child.la_child_id")


_CHECKS: tuple[Callable[[Mapping[str, Any], Settings, _Out], None], ...] = (
    _meeting,
    _targets,
    _previous_targets,
    _views,
    _attendance,
    _attainment,
    _pp_plus,
    _transition,
    _identifiers,
    _statutory_content,
    _age_and_year_group,
)
