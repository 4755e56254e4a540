"""Statutory timelines and PEP quality assurance (issue 7; docs/compliance.md).

Library first: ``check_pep`` / ``check_path`` give findings and a rating per PEP,
``due_schedule`` the cohort's next deadlines, ``cohort_report`` the Virtual School workbook.
Authority rules are data: ``settings/*.yaml`` beside this module and ``rules:`` sections in
mapping files (see :mod:`pepdocs.compliance.settings`).
"""

from pepdocs.compliance.calendar import (
    add_school_days,
    add_working_days,
    bank_holidays,
    default_term_dates,
    is_working_day,
)
from pepdocs.compliance.check import (
    DueItem,
    check_path,
    check_pep,
    due_schedule,
    parse_as_of,
)
from pepdocs.compliance.findings import CheckResult, Finding
from pepdocs.compliance.rating import rate
from pepdocs.compliance.report import cohort_report
from pepdocs.compliance.rules import Rule, list_rules
from pepdocs.compliance.settings import Settings, load_settings

__all__ = [
    "CheckResult",
    "DueItem",
    "Finding",
    "Rule",
    "Settings",
    "add_school_days",
    "add_working_days",
    "bank_holidays",
    "check_path",
    "check_pep",
    "cohort_report",
    "default_term_dates",
    "due_schedule",
    "is_working_day",
    "list_rules",
    "load_settings",
    "parse_as_of",
    "rate",
]
