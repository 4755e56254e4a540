"""Statutory timelines and PEP quality assurance (issue 7; docs/compliance.md).

Library first: ``check_pep`` / ``check_path`` give findings and a rating per PEP,
``due_schedule`` the cohort's next deadlines, ``cohort_report`` the Virtual School workbook.
The statutory dates themselves come from plain facts, no PEP needed
(``initial_pep_milestones``, ``care_review_dates``, ``pathway_plan_due``, ``year_group``,
``term_of``, ``academic_year_of`` ...), so other jobs (the SSDA903 cohort) share them.
Authority rules are data: ``settings/*.yaml`` beside this module and ``rules:`` sections in
mapping files (see :mod:`pepdocs.compliance.settings`).
"""

from pepdocs.compliance.calendar import (
    SchoolTerm,
    TermCalendar,
    academic_year_of,
    add_school_days,
    add_working_days,
    bank_holidays,
    default_term_dates,
    is_working_day,
    next_term,
    term_of,
)
from pepdocs.compliance.check import (
    DueItem,
    check_path,
    check_pep,
    due_schedule,
    parse_as_of,
)
from pepdocs.compliance.findings import CheckResult, Finding
from pepdocs.compliance.milestones import (
    CarePeriod,
    CareReview,
    InitialPepMilestones,
    PathwayPlanDue,
    care_review_dates,
    early_years_pep_from,
    end_of_academic_year_turning,
    initial_pep_milestones,
    next_care_review,
    pathway_plan_due,
    year_group,
)
from pepdocs.compliance.pupil_premium import (
    PupilPremiumPlus,
    financial_year_of,
    pupil_premium_plus,
)
from pepdocs.compliance.rating import rate
from pepdocs.compliance.report import cohort_report
from pepdocs.compliance.rules import Rule, list_rules
from pepdocs.compliance.settings import Settings, load_settings

__all__ = [
    "CarePeriod",
    "CareReview",
    "CheckResult",
    "DueItem",
    "Finding",
    "InitialPepMilestones",
    "PathwayPlanDue",
    "PupilPremiumPlus",
    "Rule",
    "SchoolTerm",
    "Settings",
    "TermCalendar",
    "academic_year_of",
    "add_school_days",
    "add_working_days",
    "bank_holidays",
    "care_review_dates",
    "check_path",
    "check_pep",
    "cohort_report",
    "default_term_dates",
    "due_schedule",
    "early_years_pep_from",
    "end_of_academic_year_turning",
    "financial_year_of",
    "initial_pep_milestones",
    "is_working_day",
    "list_rules",
    "load_settings",
    "next_care_review",
    "next_term",
    "parse_as_of",
    "pathway_plan_due",
    "pupil_premium_plus",
    "rate",
    "term_of",
    "year_group",
]
