"""How people type PEP answers into forms: dates, codes, yes/no, money, year groups.

Each completed form has a :class:`Habits` (one teacher's or social worker's ways), and every
value goes from its canonical form (what the truth file holds) to the text typed on the form
through the functions here. The wordings are the ones public LA forms and completed examples
show; nothing here is taken from pepdocs (the corpus must not be built by the engine it tests).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_text(iso: str, style: str) -> str:
    """A date as people write it. Styles: ``ordinal`` 3rd Sept 2025, ``dmy2`` 03/09/25,
    ``dots`` 3.9.2025, ``dmy`` 03/09/2025, ``long`` 3 September 2025, ``short`` 3 Sep 25,
    ``slash`` 3/9/2025, ``dash`` 03-09-2025, ``weekday`` Wednesday 3rd September 2025."""
    day = dt.date.fromisoformat(iso)
    d, m, y = day.day, day.month, day.year
    if style == "ordinal":
        return f"{ordinal(d)} {SHORT[m - 1]} {y}"
    if style == "dmy2":
        return f"{d:02d}/{m:02d}/{y % 100:02d}"
    if style == "dots":
        return f"{d}.{m}.{y}"
    if style == "dmy":
        return f"{d:02d}/{m:02d}/{y}"
    if style == "long":
        return f"{d} {MONTHS[m - 1]} {y}"
    if style == "short":
        return f"{d} {SHORT[m - 1][:3]} {y % 100:02d}"
    if style == "slash":
        return f"{d}/{m}/{y}"
    if style == "dash":
        return f"{d:02d}-{m:02d}-{y}"
    if style == "weekday":
        return f"{WEEKDAYS[day.weekday()]} {ordinal(d)} {MONTHS[m - 1]} {y}"
    raise ValueError(f"unknown date style {style!r}")


def month_text(iso: str, style: str = "short") -> str:
    """A date written as its month only ("Sept 2025"): a person cannot say the day."""
    day = dt.date.fromisoformat(iso)
    if style == "long":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{SHORT[day.month - 1]} {day.year}"


# --- code lists as forms word them (canonical code -> wordings, first is the plainest) --------

LEGAL_STATUS = {
    "C1": ["Interim Care Order (S38)", "ICO", "Interim Care Order"],
    "C2": ["S31 Full Care Order", "Full Care Order", "Care Order (s31)"],
    "E1": ["Placement Order", "Placement Order granted"],
    "V2": ["Section 20 (accommodated)", "S20", "Accommodated - Section 20"],
}
ETHNICITY = {
    "WBRI": ["White - British", "White British", "White: English/Welsh/Scottish/NI/British"],
    "WOTH": ["White - Any other White background", "Any other White background"],
    "WIRT": ["Traveller of Irish heritage"],
    "WROM": ["Gypsy/Roma", "White - Gypsy/Roma"],
    "MWBC": ["Mixed - White and Black Caribbean", "White and Black Caribbean"],
    "MWBA": ["Mixed - White and Black African", "White and Black African"],
    "MOTH": ["Mixed - Any other mixed background", "Any other mixed background"],
    "BAFR": ["Black - African", "Black or Black British - African"],
    "BCRB": ["Black - Caribbean", "Black Caribbean"],
    "APKN": ["Asian or Asian British - Pakistani", "Pakistani"],
    "AOTH": ["Any other Asian background"],
}
GENDER = {"M": ["Male", "M", "Boy"], "F": ["Female", "F", "Girl"]}
PLACEMENT = {
    "U1": ["Kinship foster care (long term)", "Connected person - long term"],
    "U3": ["Kinship foster placement", "Connected person foster care"],
    "U4": ["Long term foster placement", "Foster care - long term"],
    "U5": ["Fostering for adoption", "Foster to adopt (FFA)"],
    "U6": ["Short term foster placement", "Foster care (short term)"],
    "K2": ["Children's home", "Residential children's home"],
    "K3": ["Supported accommodation", "Registered supported accommodation"],
    "P1": ["Placed with parents", "Placed with mum (P1)"],
}
SEN_PROVISION = {
    "N": ["No SEN", "None", "N"],
    "K": ["SEN Support", "SEN support (K)", "K"],
    "E": ["EHCP", "EHC Plan", "E"],
}
SEN_NEED = {
    "SEMH": ["SEMH", "Social, emotional and mental health"],
    "SLCN": ["SLCN", "Speech, language and communication needs"],
    "SPLD": ["SpLD", "Specific learning difficulty"],
    "MLD": ["MLD", "Moderate learning difficulty"],
    "ASD": ["ASD", "Autistic spectrum disorder"],
}
TARGET_AREA = {
    "numeracy": ["Maths", "Numeracy", "Maths / Numeracy"],
    "literacy": ["English", "Reading", "Literacy"],
    "semh": ["Social, emotional and mental health", "SEMH", "Emotional wellbeing"],
    "attendance": ["Attendance"],
    "communication": ["Speech and language", "Communication and language"],
    "physical": ["Physical development"],
    "independence": ["Independence", "Independence skills"],
    "careers": ["Careers", "Next steps / careers"],
    "behaviour": ["Behaviour for learning", "Behaviour"],
}
OUTCOME = {
    "met": ["Met", "Achieved", "Yes", "Y"],
    "partly_met": ["Partly", "Partially met", "Ongoing", "Partially achieved"],
    "not_met": ["Not met", "Not yet", "No"],
}
TERM = {
    "autumn": ["Autumn", "Autumn Term", "Autumn 1"],
    "spring": ["Spring", "Spring Term"],
    "summer": ["Summer", "Summer Term"],
}
PEP_TYPE = {
    "initial": ["Initial", "Initial PEP"],
    "review": ["Review", "Termly review"],
    "transition": ["Transition"],
}
QA_RATING = {
    "gold": ["Gold"],
    "green": ["Green", "G"],
    "amber": ["Amber", "A"],
    "red": ["Red", "R"],
}
LINKED_PLAN = {
    "EHCP": ["EHCP", "EHC Plan"],
    "PSP": ["PSP", "Pastoral Support Plan"],
    "PATHWAY": ["Pathway Plan", "Pathway plan"],
    "IEP": ["IEP", "Individual Education Plan"],
    "BSP": ["Behaviour Support Plan", "BSP"],
}
YES = ["Yes", "Y", "yes"]
NO = ["No", "N", "no"]

CODES = {
    "care.legal_status": LEGAL_STATUS,
    "child.ethnicity": ETHNICITY,
    "child.gender": GENDER,
    "care.placement_type": PLACEMENT,
    "education.sen_provision": SEN_PROVISION,
    "education.sen_primary_need": SEN_NEED,
    "targets.area": TARGET_AREA,
    "previous_targets.outcome": OUTCOME,
    "meta.term": TERM,
    "meta.pep_type": PEP_TYPE,
    "signoff.qa_rating": QA_RATING,
    "linked_plans.type": LINKED_PLAN,
}


def ncy_text(code: str, style: str) -> str:
    """A year group: ``yr`` Yr 7, ``year`` Year 7, ``y`` Y7, ``bare`` 7; early years as forms
    write them (N2 -> "Nursery 2" or "F1", R -> "Reception" or "F2")."""
    early = {
        "N1": {"yr": "N1", "year": "Nursery 1", "y": "N1", "bare": "N1", "f": "N1"},
        "N2": {"yr": "N2", "year": "Nursery 2", "y": "FS1", "bare": "N2", "f": "F1"},
        "R": {"yr": "YR", "year": "Reception", "y": "YR", "bare": "R", "f": "F2"},
    }
    if code in early:
        return early[code][style]
    return {
        "yr": f"Yr {code}",
        "year": f"Year {code}",
        "y": f"Y{code}",
        "bare": code,
        "f": f"Year {code}",
    }[style]


def money_text(amount: str, style: str) -> str:
    """Money: ``pounds`` £250, ``pence`` £250.00, ``bare`` 250, ``comma`` £1,250."""
    value = Decimal(amount)
    whole = value == value.to_integral_value()
    if style == "pence":
        return f"£{value:,.2f}"
    if style == "bare":
        return f"{value:.0f}" if whole else f"{value:.2f}"
    if style == "comma":
        return f"£{value:,.0f}" if whole else f"£{value:,.2f}"
    return f"£{value:.0f}" if whole else f"£{value:.2f}"


def percent_text(value: float, style: str) -> str:
    number = f"{value:g}"
    return {"pct": f"{number}%", "space": f"{number} %", "bare": number}[style]


def academic_year_text(canonical: str, style: str) -> str:
    """``2025-26`` as ``2025-26``, ``2025/26``, ``2025/2026`` or ``2025 - 2026``."""
    first = int(canonical[:4])
    return {
        "dash": canonical,
        "slash": f"{first}/{str(first + 1)[2:]}",
        "full": f"{first}/{first + 1}",
        "spaced": f"{first} - {first + 1}",
    }[style]


@dataclass
class Habits:
    """One person's ways of typing. Dates take the styles of ``dates`` in turn (so one form
    mixes them, as a form filled by three people does); ``wording`` picks the n-th wording
    of each code list (wrapping); ``blanks`` are boxes filled with a deliberate non-answer
    ("N/A", "-", "none"); ``month_only`` dates are typed as their month only; ``quirks``
    say how an answer sits in its box (see ``form.Doc.answer``)."""

    dates: tuple[str, ...] = ("dmy",)
    wording: int = 0
    yes_no: int = 0
    ncy: str = "year"
    money: str = "pounds"
    percent: str = "pct"
    academic_year: str = "dash"
    blanks: dict[str, str] = field(default_factory=dict)
    month_only: frozenset[str] = frozenset()
    quirks: dict[str, str] = field(default_factory=dict)
    #: wording index per path, overriding ``wording`` ("targets.area": 2)
    word_for: dict[str, int] = field(default_factory=dict)
    _cycle: Iterator[str] | None = field(default=None, repr=False, init=False, compare=False)

    def next_date_style(self) -> str:
        if self._cycle is None:
            self._cycle = itertools.cycle(self.dates)
        return next(self._cycle)

    def word(self, path: str, code: str) -> str:
        wordings = CODES[path][code]
        index = self.word_for.get(path, self.wording)
        return wordings[index % len(wordings)]

    def yes(self, value: bool) -> str:
        options = YES if value else NO
        return options[self.yes_no % len(options)]
