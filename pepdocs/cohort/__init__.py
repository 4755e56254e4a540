"""The cohort from case management: who is looked after on a date, from the authority's
SSDA903 export, and what each child's PEP needs (docs/ssda903.md).

``looked_after_on(load_903(folder), as_of)`` gives a :class:`Cohort`; :mod:`.periods` holds
the episode-chaining rules.
"""

from pepdocs.cohort.cohort import (
    Cohort,
    CohortChild,
    load_cohort,
    looked_after_on,
    pep_phase,
)
from pepdocs.cohort.due import CohortDue, cohort_due
from pepdocs.cohort.export import cohort_rows, format_cohort, write_cohort
from pepdocs.cohort.people import People, load_people
from pepdocs.cohort.periods import PeriodOfCare, periods_of_care
from pepdocs.cohort.prefill import (
    FROM_903_REPORT,
    CohortRoster,
    JoinEntry,
    Prefill903,
    cohort_roster,
    prefill_from_903,
)

__all__ = [
    "FROM_903_REPORT",
    "Cohort",
    "CohortChild",
    "CohortDue",
    "CohortRoster",
    "JoinEntry",
    "People",
    "PeriodOfCare",
    "Prefill903",
    "cohort_due",
    "cohort_roster",
    "cohort_rows",
    "format_cohort",
    "load_cohort",
    "load_people",
    "looked_after_on",
    "pep_phase",
    "periods_of_care",
    "prefill_from_903",
    "write_cohort",
]
