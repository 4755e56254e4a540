"""Synthetic, fictional PEPs for tests, benchmarks and demonstrations.

Every person, school, authority and identifier here is invented: the five authorities
(Northshire, Eastborough, Westmere, Southvale, Ridgeford) do not exist, their LA numbers sit
in the unassigned 991-995 range, URNs in 99xxxx, phone numbers in Ofcom's drama ranges and
email addresses under the reserved ``.example`` domain (RFC 2606). PEPs are special-category
data about children, so nothing real may ever be copied in here.

The data is awkward where real forms are awkward: names with diacritics, apostrophes and
hyphens; long free text with newlines; ``&``, ``<``, ``>``, quotes and the occasional ``{{``
(typed text a template engine must print, never evaluate); optional sections missing at
random. It is also *consistent*, so that it validates: birth dates match the national
curriculum year, dates follow each other, identifiers carry correct check characters and
attendance percentages agree with their sessions. Missing data is a missing key, never
``None`` or ``[]``, because that is what an empty form box extracts to.

Determinism: :func:`generate_peps` seeds one ``random.Random`` per item from ``(seed, index)``,
so item ``i`` is the same whatever ``n`` is, on every platform and in every Python run.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pepdocs import _samples_text as text
from pepdocs._io import write_atomic
from pepdocs.errors import OutputExistsError, UsageError
from pepdocs.model import dump_pep
from pepdocs.model.identifiers import uln_check_digit, upn_check_letter
from pepdocs.model.phases import list_phases

__all__ = [
    "ACADEMIC_YEAR",
    "AUTHORITIES",
    "dump_sample",
    "generate_pep",
    "generate_peps",
    "write_samples",
]

Pep = dict[str, Any]
_T = TypeVar("_T")


#: The academic year generated PEPs belong to. Code lists are versioned by collection year
#: (placement types Z11-Z14 only exist from 2025-26), so the samples stay inside that year.
ACADEMIC_YEAR = "2025-26"
_YEAR = 2025  # the calendar year the academic year starts in (1 September)



def _weighted(rng: random.Random, pairs: Sequence[tuple[_T, int]]) -> _T:
    return rng.choices([value for value, _ in pairs], weights=[w for _, w in pairs])[0]


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _days(count: int) -> dt.timedelta:
    return dt.timedelta(days=count)


# --------------------------------------------------------------------------- authorities


@dataclass(frozen=True, slots=True)
class _Setting:
    name: str
    kind: str  # nursery | primary | secondary | special | post16
    urn: str
    laestab: str
    domain: str


@dataclass(frozen=True, slots=True)
class _Authority:
    key: str
    name: str
    la_number: str
    settings: tuple[_Setting, ...]


# LAESTAB establishment numbers follow the DfE bands: 1xxx nursery, 2xxx-3xxx primary,
# 4xxx-6xxx secondary, 7xxx special; post-16 colleges are given 8xxx here.
_ESTAB_BASE = {"nursery": 1000, "primary": 2000, "secondary": 4000, "special": 7000,
               "post16": 8000}

_SPELLED_OUT = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE",
                              "ß": "ss", "đ": "d"})


def _ascii_slug(value: str, keep: str = "") -> str:
    """Lower-case ASCII letters and digits only, for email addresses and domains."""
    # NFKD splits é into e + accent; ø, ł... have no decomposition and are spelt out first.
    folded = unicodedata.normalize("NFKD", value.translate(_SPELLED_OUT))
    ascii_only = folded.encode("ascii", "ignore").decode()
    return re.sub(rf"[^a-z0-9{re.escape(keep)}]", "", ascii_only.lower())


def _build_authorities() -> dict[str, _Authority]:
    built: dict[str, _Authority] = {}
    for number, (key, kinds) in enumerate(text.SETTING_NAMES.items(), start=1):
        la_number = f"99{number}"
        settings = []
        for kind_digit, (kind, names) in enumerate(kinds.items(), start=1):
            for position, name in enumerate(names, start=1):
                estab = _ESTAB_BASE[kind] + 11 * position
                # 99 + authority + kind + position: unique, 6 digits, clear of real URNs.
                urn = f"99{number}{kind_digit}{position:02d}"
                words = [w for w in name.split() if w not in ("School", "&", "@", "The")]
                # Colleges use .ac.uk, schools .sch.uk: mirrored under the reserved .example.
                suffix = ".ac.example" if kind == "post16" and "College" in name else ".sch.example"
                domain = _ascii_slug("".join(words[:2])) + suffix
                settings.append(_Setting(name, kind, urn, f"{la_number}{estab:04d}", domain))
        built[key] = _Authority(key, text.AUTHORITY_NAMES[key], la_number, tuple(settings))
    return built


_AUTHORITY_TABLE = _build_authorities()

#: The fictional authorities, as ``meta.authority`` stores them.
AUTHORITIES = tuple(_AUTHORITY_TABLE)


# --------------------------------------------------------------------------- identifiers


def _upn(rng: random.Random, laestab: str, allocated: int) -> str:
    """A permanent UPN issued by the child's school: LA, establishment, year, serial."""
    rest = f"{laestab}{allocated % 100:02d}{rng.randrange(1, 1000):03d}"
    return upn_check_letter(rest) + rest


def _uln(rng: random.Random) -> str:
    """A ULN with a correct check digit; nine digits that no check digit fits are drawn
    again (such numbers are never issued)."""
    while True:
        first9 = str(rng.randrange(100_000_000, 1_000_000_000))
        check = uln_check_digit(first9)
        if check is not None:
            return f"{first9}{check}"


def _staff_name(rng: random.Random) -> str:
    return f"{rng.choice(text.STAFF_FIRST_NAMES)} {rng.choice(text.STAFF_SURNAMES)}"


def _email(name: str, domain: str) -> str:
    first, _, last = name.partition(" ")
    return f"{_ascii_slug(first)}.{_ascii_slug(last, keep='-')}@{domain}"


def _landline(rng: random.Random) -> str:
    return f"01632 960{rng.randrange(1000):03d}"  # Ofcom drama range, never allocated


def _mobile(rng: random.Random) -> str:
    return f"07700 900{rng.randrange(1000):03d}"  # Ofcom drama range, never allocated


# --------------------------------------------------------------------------- dates

# Typical school holidays for 2025-26, so that attendance sessions count school days only.
_HOLIDAYS = (
    (dt.date(2025, 10, 27), dt.date(2025, 10, 31)),
    (dt.date(2025, 12, 22), dt.date(2026, 1, 2)),
    (dt.date(2026, 2, 16), dt.date(2026, 2, 20)),
    (dt.date(2026, 3, 30), dt.date(2026, 4, 10)),
    (dt.date(2026, 5, 4), dt.date(2026, 5, 4)),
    (dt.date(2026, 5, 25), dt.date(2026, 5, 29)),
    (dt.date(2026, 7, 22), dt.date(2026, 8, 31)),
)
_FIRST_SCHOOL_DAY = dt.date(_YEAR, 9, 3)

# Typical termly PEP windows (docs/sources.md: autumn to October half term, spring to February
# half term, summer to May half term).
_TERM_WINDOWS = {
    "autumn": (dt.date(_YEAR, 9, 15), dt.date(_YEAR, 10, 24)),
    "spring": (dt.date(_YEAR + 1, 1, 12), dt.date(_YEAR + 1, 2, 13)),
    "summer": (dt.date(_YEAR + 1, 4, 20), dt.date(_YEAR + 1, 5, 22)),
}
_PREVIOUS_WINDOW = {
    "autumn": (dt.date(_YEAR, 4, 21), dt.date(_YEAR, 5, 23)),
    "spring": _TERM_WINDOWS["autumn"],
    "summer": _TERM_WINDOWS["spring"],
}
_NEXT_WINDOW = {
    "autumn": _TERM_WINDOWS["spring"],
    "spring": _TERM_WINDOWS["summer"],
    "summer": (dt.date(_YEAR + 1, 9, 14), dt.date(_YEAR + 1, 10, 16)),
}
# An interim PEP covers a holiday (docs/sources.md); the summer one still falls before 31 August.
_INTERIM_WINDOW = (dt.date(_YEAR + 1, 7, 27), dt.date(_YEAR + 1, 8, 21))


def _is_school_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not any(start <= day <= end for start, end in _HOLIDAYS)


def _school_days(first: dt.date, last: dt.date) -> int:
    return sum(_is_school_day(first + _days(offset)) for offset in range((last - first).days + 1))


def _date_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A random date in ``first..last``; ``first`` when the range is empty."""
    if last <= first:
        return first
    return first + _days(rng.randint(0, (last - first).days))


def _weekday_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A random Monday-to-Friday date in ``first..last`` (meetings happen on weekdays)."""
    day = _date_between(rng, first, last)
    step = -1 if day.weekday() == 5 or day + _days(1) > last else 1
    while day.weekday() >= 5:
        day += _days(step)
    return day


# --------------------------------------------------------------------------- year groups

# NCY -> years after Reception (R = 0): a child in year k in 2025-26 was born between
# 1 September (2025 - k - 5) and 31 August (2025 - k - 4). E1/E2 are the codes of
# early-years settings for two- and three-year-olds.
_NCY_OFFSET = {"E1": -3, "E2": -2, "N1": -2, "N2": -1, "R": 0,
               **{str(year): year for year in range(1, 15)}}
_PHASE_NCY: dict[str, tuple[tuple[str, int], ...]] = {
    "early_years": (("E1", 1), ("E2", 1), ("N1", 2), ("N2", 3), ("R", 4)),
    # Reception fits both phases: authorities without an early-years form use the
    # school-age one from Reception.
    "school_age": (("R", 1), *((str(year), 2 if year in (6, 10, 11) else 1)
                               for year in range(1, 12))),
    # Year 14 exists, but its pupils are 18 or 19: past the age a child can be looked after.
    "post16": (("12", 5), ("13", 4)),
}
_TRANSITION_YEARS = {"N2": "Reception", "6": "Year 7", "11": "post-16", "13": "adulthood"}


@dataclass(slots=True)
class _Draft:
    """What the section builders share while one PEP is drawn."""

    rng: random.Random
    authority: _Authority
    host: _Authority  # where the child lives and goes to school (differs when out of area)
    phase: str
    ncy: str
    pep_type: str
    term: str
    meeting: dt.date
    next_review: dt.date
    date_of_birth: dt.date = dt.date.min
    name: str = ""  # what the free text calls the child
    became_looked_after: dt.date = dt.date.min
    placement_start: dt.date = dt.date.min
    designated_teacher: str = ""
    social_worker: str = ""
    carer: str = ""

    @property
    def offset(self) -> int:
        return _NCY_OFFSET[self.ncy]

    @property
    def age_at_meeting(self) -> float:
        return (self.meeting - self.date_of_birth).days / 365.25


# --------------------------------------------------------------------------- sections


def _draw_meeting(rng: random.Random, authority: str | None, phase: str | None) -> _Draft:
    la = _AUTHORITY_TABLE[authority or rng.choice(AUTHORITIES)]
    # Weighted like a real cohort: most looked-after children are of school age.
    phase = phase or _weighted(rng, (("early_years", 2), ("school_age", 6), ("post16", 2)))
    ncy = _weighted(rng, _PHASE_NCY[phase])
    pep_type = _weighted(rng, (("review", 78), ("initial", 12), ("transition", 6),
                               ("interim", 4)))
    if pep_type == "transition" and ncy not in _TRANSITION_YEARS:
        pep_type = "review"
    term = rng.choice(("autumn", "spring", "summer"))
    if pep_type == "transition" and term == "autumn":
        # The receiving setting joins the spring/summer PEP (docs/sources.md, "Timelines").
        term = "summer"
    if pep_type == "interim":
        term = "summer"
        meeting = _weekday_between(rng, *_INTERIM_WINDOW)
    else:
        meeting = _weekday_between(rng, *_TERM_WINDOWS[term])
    next_review = _weekday_between(rng, *_NEXT_WINDOW[term])
    host = la
    if rng.random() < 0.15:  # placed out of area: school and UPN belong to the host
        host = _AUTHORITY_TABLE[rng.choice([k for k in AUTHORITIES if k != la.key])]
    return _Draft(rng, la, host, phase, ncy, pep_type, term, meeting, next_review)


def _draw_child(d: _Draft) -> Pep:
    rng = d.rng
    gender = _weighted(rng, (("M", 52), ("F", 46), ("O", 1), ("U", 1)))
    pool = {"M": text.MALE_NAMES, "F": text.FEMALE_NAMES}.get(
        gender, text.MALE_NAMES + text.FEMALE_NAMES)
    first_name = rng.choice(pool)
    born_from = dt.date(_YEAR - d.offset - 5, 9, 1)
    if d.offset >= 12:
        # A young person leaves care at 18, so a Year 13 PEP needs a birthday still to come.
        born_from = max(born_from, d.meeting.replace(year=d.meeting.year - 18) + _days(1))
    d.date_of_birth = _date_between(rng, born_from, dt.date(_YEAR - d.offset - 4, 8, 31))
    child: Pep = {"first_name": first_name}
    if rng.random() < 0.4:
        child["middle_names"] = " ".join(rng.sample(text.MIDDLE_NAMES, k=rng.randint(1, 2)))
    child["last_name"] = rng.choice(text.SURNAMES)
    if first_name in text.PREFERRED_NAMES and rng.random() < 0.7:
        child["preferred_name"] = text.PREFERRED_NAMES[first_name]
    elif rng.random() < 0.3:
        child["preferred_name"] = first_name
    d.name = child.get("preferred_name", first_name)
    child["date_of_birth"] = _iso(d.date_of_birth)
    child["gender"] = gender
    child["ethnicity"] = _weighted(rng, (
        ("WBRI", 46), ("WIRI", 2), ("WOTH", 7), ("MWBC", 7), ("MWBA", 4), ("MOTH", 4),
        ("AIND", 2), ("APKN", 3), ("ABAN", 2), ("BCRB", 3), ("BAFR", 7), ("CHNE", 1),
        ("OOTH", 4), ("WROM", 2), ("NOBT", 1)))
    language = text.FIRST_LANGUAGES.get(first_name, "English")
    child["first_language"] = language if rng.random() < 0.8 else "English"
    return child


def _draw_care(d: _Draft) -> Pep:
    rng, la = d.rng, d.authority
    legal_status = _weighted(rng, (("C2", 60), ("C1", 12), ("V2", 16), ("E1", 5), ("D1", 1),
                                   ("L2", 1), ("J1", 1)))
    if legal_status == "J1" and d.offset < 6:
        legal_status = "C2"  # remand applies from the age of criminal responsibility (10)
    if d.pep_type == "initial":
        # The first PEP is due within 20 working days of entering care (docs/sources.md).
        became = d.meeting - _days(rng.randint(5, 28))
    else:
        became = _date_between(rng, d.date_of_birth + _days(30), d.meeting - _days(120))
    d.became_looked_after = max(became, d.date_of_birth + _days(1))
    if d.pep_type == "initial" or rng.random() < 0.3:
        d.placement_start, placements = d.became_looked_after, 1
    else:
        d.placement_start = _date_between(rng, d.became_looked_after, d.meeting - _days(14))
        years = (d.meeting - d.became_looked_after).days / 365
        placements = rng.randint(2, 2 + min(8, int(years * 1.5)))
    if legal_status == "E1" and d.offset < 2:
        placement_type = rng.choice(("A5", "A6", "U5"))
    elif d.phase == "post16":
        placement_type = _weighted(rng, (("U4", 4), ("U1", 2), ("K2", 3), ("K3", 3),
                                         ("Z12", 1)))
    else:
        placement_type = _weighted(rng, (("U4", 30), ("U6", 14), ("U1", 10), ("U3", 8),
                                         ("K2", 6), ("P1", 2), ("S1", 1), ("R1", 1)))
    if placement_type == "P1" and legal_status not in ("C1", "C2"):
        placement_type = "U6"  # placed with parents needs a care order (SSDA903 rule)
    care: Pep = {
        "legal_status": legal_status,
        "date_became_looked_after": _iso(d.became_looked_after),
        "emergency_entry": rng.random() < 0.2,
        "placement_type": placement_type,
        "placement_start_date": _iso(d.placement_start),
        "number_of_placements": placements,
        "placing_authority": la.name,
    }
    if rng.random() < 0.8:
        care["host_authority"] = d.host.name
    if rng.random() < 0.7:
        care["parental_responsibility"] = (
            f"{la.name} shares parental responsibility with the birth parents"
            if legal_status in ("C1", "C2", "E1", "D1")
            else "Birth parents (accommodated under section 20)")
    care["carer"] = _draw_carer(d, placement_type)
    d.social_worker = _staff_name(rng)
    team = ("Leaving Care Team" if d.phase == "post16" and rng.random() < 0.6 else
            rng.choice(("Children in Care Team 1", "Children in Care Team 2", "Permanence Team",
                        "Disabled Children's Team", "Court & Assessment Team")))
    care["social_worker"] = {"name": d.social_worker, "phone": _landline(rng),
                             "email": _email(d.social_worker, f"{la.key}.example"), "team": team}
    iro = _staff_name(rng)
    care["iro"] = {"name": iro, "email": _email(iro, f"{la.key}.example")}
    if rng.random() < 0.5:
        care["iro"]["phone"] = _landline(rng)
    return care


def _draw_carer(d: _Draft, placement_type: str) -> Pep:
    rng = d.rng
    if placement_type in ("K2", "K3", "R1", "Z12", "S1"):
        home = rng.choice(text.CHILDREN_HOMES)
        d.carer = f"{home} (key worker: {_staff_name(rng)})"
        email = f"{_ascii_slug(home)}@homes.example"
    else:
        first, last = rng.choice(text.STAFF_FIRST_NAMES), rng.choice(text.SURNAMES)
        if placement_type == "P1":
            d.carer = f"{first} {last} (parent)"
        elif rng.random() < 0.5:
            partner = rng.choice([n for n in text.STAFF_FIRST_NAMES if n != first])
            d.carer = f"{first} and {partner} {last}"
        else:
            d.carer = f"{first} {last}"
        email = _email(f"{first} {last}", "mail.example")
    carer: Pep = {"name": d.carer, "phone": _mobile(rng)}
    if rng.random() < 0.7:
        carer["email"] = email
    return carer


def _setting_kind(d: _Draft, sen_provision: str) -> str:
    if sen_provision == "E" and 1 <= d.offset <= 11 and d.rng.random() < 0.35:
        return "special"
    if d.offset < 0:
        return "nursery"
    if d.offset <= 6:
        return "primary"
    return "secondary" if d.offset <= 11 else "post16"


def _draw_education(d: _Draft, child: Pep) -> Pep:
    rng = d.rng
    sen_provision = "N"
    if d.phase != "early_years" or d.offset == 0 or rng.random() < 0.5:
        sen_provision = _weighted(rng, (("E", 27), ("K", 33), ("N", 40)))
    kind = _setting_kind(d, sen_provision)
    setting = rng.choice([s for s in d.host.settings if s.kind == kind])
    first_year = {"nursery": d.offset, "primary": 0, "special": max(d.offset - 3, 0),
                  "secondary": 7, "post16": 12}[kind]
    entered = dt.date(_YEAR - (d.offset - first_year), 9, 4)
    if entered > d.meeting - _days(10):
        entered = _FIRST_SCHOOL_DAY
    joined = entered
    if rng.random() < 0.3 or d.placement_start > entered:
        # A placement move often brings a school move (docs/sources.md: new PEP within 10-20 days).
        joined = _date_between(rng, max(entered, d.placement_start), d.meeting - _days(10))
        while not _is_school_day(joined):  # nobody starts school in a holiday
            joined += _days(1)
        joined = min(joined, d.meeting)
    d.designated_teacher = _staff_name(rng)
    education: Pep = {
        "setting_name": setting.name,
        "urn": setting.urn,
        "laestab": setting.laestab,
        "ncy": d.ncy,
        "date_joined": _iso(joined),
        "on_roll": True,
        "designated_teacher": {
            "name": d.designated_teacher,
            "email": _email(d.designated_teacher, setting.domain),
            "phone": _landline(rng),
        },
    }
    if d.offset >= 0 and rng.random() < 0.6:
        education["senco"] = _staff_name(rng)
    education["sen_provision"] = sen_provision
    if sen_provision != "N":
        needs = ["SPLD", "MLD", "SLD", "SLCN", "SEMH", "ASD", "HI", "VI", "PD", "OTH"]
        if d.offset < 1:
            needs = ["SLCN", "ASD", "PD", "HI", "SEMH"]
        if sen_provision == "K":
            needs.append("NSA")  # "no specialist assessment" exists for SEN support only
        education["sen_primary_need"] = rng.choice(needs)
    if sen_provision == "E":
        last = d.meeting - _days(14)
        first = min(last, max(d.date_of_birth + _days(300), d.meeting - _days(4 * 365)))
        education["ehcp_date"] = _iso(_date_between(rng, first, last))
    if d.phase == "school_age":
        education["part_time_timetable"] = rng.random() < 0.06
    if d.offset >= 0 or rng.random() < 0.5:
        education.update(_draw_attendance(d))
    if kind != "nursery" or rng.random() < 0.5:
        # Issued by the first school the child joined here, in the year the child joined.
        child["upn"] = _upn(rng, setting.laestab, min(entered, joined).year)
    if d.phase == "post16" or (d.offset >= 10 and rng.random() < 0.3):
        child["uln"] = _uln(rng)
    child["la_child_id"] = str(rng.randrange(1_000_000, 10_000_000))
    return education


def _draw_attendance(d: _Draft) -> Pep:
    rng = d.rng
    period_end = max(d.meeting - _days(rng.randint(1, 3)), _FIRST_SCHOOL_DAY)
    possible = 2 * max(1, _school_days(_FIRST_SCHOOL_DAY, period_end))  # AM and PM sessions
    rate = _weighted(rng, ((0.02, 40), (0.05, 25), (0.08, 15), (0.14, 12), (0.3, 8)))
    missed = min(possible, round(possible * rng.uniform(0, rate)))
    exclusions: list[Pep] = []
    if d.phase == "school_age" and d.offset >= 2 and rng.random() < 0.15:
        for _ in range(rng.randint(1, 3)):
            kind = _weighted(rng, (("FIXD", 8), ("LNCH", 2)))
            exclusions.append({
                "type": kind,
                "start_date": _iso(_weekday_between(rng, _FIRST_SCHOOL_DAY, period_end)),
                "sessions": 1 if kind == "LNCH" else rng.choice((1, 2, 2, 4, 6, 10)),
                "reason": rng.choice(text.EXCLUSION_REASONS),
            })
        exclusions.sort(key=lambda item: str(item["start_date"]))
        # Suspended sessions are absences too, so the count cannot be lower than them.
        missed = min(possible, max(missed, sum(int(item["sessions"]) for item in exclusions)))
    section: Pep = {"attendance": {
        "percent": round(100 * (possible - missed) / possible, 1),
        "sessions_possible": possible,
        "sessions_missed": missed,
        "period_start": _iso(_FIRST_SCHOOL_DAY),
        "period_end": _iso(period_end),
    }}
    if exclusions:
        section["exclusions"] = exclusions
    return section


def _draw_health(d: _Draft) -> Pep:
    rng = d.rng
    health: Pep = {}
    # The SDQ is completed for looked-after children aged 4 to 16 (SSDA903 return).
    if 4 <= d.age_at_meeting < 17 and rng.random() < 0.85:
        health["sdq_score"] = rng.randint(3, 32)
        health["sdq_date"] = _iso(_date_between(rng, d.meeting - _days(330),
                                                d.meeting - _days(1)))
    health["camhs_involved"] = rng.random() < 0.3
    return health


# --------------------------------------------------------------------------- attainment

_TEACHER_ASSESSMENT = ("PKS", "WTS", "EXS", "GDS")  # pre-key stage .. greater depth
_GCSE = ("U", "1", "2", "3", "4", "5", "6", "7", "8", "9")
_EYFS_PRIME = ("Communication and language", "Personal, social and emotional development",
               "Physical development")
_POST16_COURSES = (
    ("BTEC Level 3 National Extended Diploma in Sport", "Level 3 (BTEC)",
     ("Pass", "Merit", "Distinction", "Distinction*")),
    ("A level Psychology", "Level 3 (A level)", ("E", "D", "C", "B", "A", "A*")),
    ("Level 2 Diploma in Motor Vehicle Maintenance", "Level 2",
     ("Pass", "Merit", "Distinction")),
    ("Level 1 Certificate in Hair & Beauty", "Level 1", ("Pass", "Merit", "Distinction")),
    ("Entry Level 3 Functional Skills English", "Entry level", ("Entry 1", "Entry 2",
                                                                "Entry 3")),
)


def _graded(rng: random.Random, subject: str, scale: str, pool: Sequence[str], low: int,
            high: int) -> Pep:
    """One attainment row with baseline <= target; grades are positions in ``pool``."""
    baseline = rng.randint(low, high)
    target = min(len(pool) - 1, baseline + rng.randint(0, 2))
    current = max(0, min(len(pool) - 1, baseline + rng.randint(-1, 2)))
    row: Pep = {"subject": subject, "scale": scale}
    if rng.random() < 0.95:  # new to the school: no baseline recorded yet
        row["baseline"] = pool[baseline]
    row["current"] = pool[current]
    row["target"] = pool[target]
    # On track: no slide below the baseline and at most one step short of the target.
    row["on_track"] = current >= baseline and current >= target - 1
    return row


def _draw_attainment(d: _Draft) -> list[Pep]:
    rng, offset = d.rng, d.offset
    if offset < 0:
        age = "birth to three" if d.ncy in ("E1", "E2") else "3 and 4-year-olds"
        return [_graded(rng, subject, f"Development Matters ({age})",
                        ("Emerging", "Developing", "Secure"), 0, 1) for subject in _EYFS_PRIME]
    if offset == 0:
        return [_graded(rng, subject, "EYFS early learning goal", ("Emerging", "Expected"), 0, 0)
                for subject in (*_EYFS_PRIME, "Literacy", "Mathematics")]
    if offset <= 6:
        rows = []
        if offset == 1:
            rows.append(_graded(rng, "Phonics screening check", "Phonics check (out of 40)",
                                [str(mark) for mark in range(41)], 12, 30))
        if offset == 6:
            scores = [str(score) for score in range(80, 121)]
            rows += [_graded(rng, subject, "KS2 scaled score (100 = expected standard)",
                             scores, 4, 30)
                     for subject in ("Reading", "Mathematics",
                                     "Grammar, punctuation and spelling")]
            rows.append(_graded(rng, "Writing", "KS2 teacher assessment (WTS/EXS/GDS)",
                                _TEACHER_ASSESSMENT, 1, 2))
        else:
            rows += [_graded(rng, subject, "Teacher assessment (PKS/WTS/EXS/GDS)",
                             _TEACHER_ASSESSMENT, 0, 2)
                     for subject in ("Reading", "Writing", "Mathematics")]
        return rows
    if offset <= 11:
        scale = "GCSE 9-1 (predicted)" if offset >= 10 else "GCSE 9-1 (working at)"
        subjects = ["English Language", "Mathematics", "Combined Science"]
        subjects += rng.sample(["History", "Geography", "Art & Design", "Computer Science",
                                "French", "PE", "Religious Studies", "Music"],
                               k=rng.randint(0, 3))
        return [_graded(rng, subject, scale, _GCSE, 1, 6) for subject in subjects]
    course, level, grades = rng.choice(_POST16_COURSES)
    rows = [_graded(rng, course, level, grades, 0, len(grades) - 2)]
    if rng.random() < 0.6:
        rows.append(_graded(rng, "GCSE English Language (resit)", "GCSE 9-1", _GCSE, 2, 3))
    if rng.random() < 0.5:
        rows.append(_graded(rng, "GCSE Mathematics (resit)", "GCSE 9-1", _GCSE, 2, 3))
    return rows


# --------------------------------------------------------------------------- free text


def _sentences(rng: random.Random, pool: Sequence[str], name: str, count: int) -> str:
    chosen = rng.sample(list(pool), k=min(count, len(pool)))
    if rng.random() < 0.25:
        chosen.insert(rng.randrange(len(chosen) + 1), rng.choice(text.AWKWARD_SENTENCES))
    return " ".join(sentence.format(name=name) for sentence in chosen)


def _view(d: _Draft, pool: Sequence[str], long_pool: Sequence[str], curly: bool) -> str:
    """One person's views: a sentence or two, sometimes 2-3 paragraphs (up to ~2000 chars)."""
    rng = d.rng
    if rng.random() < 0.2:
        paragraphs = [paragraph.format(name=d.name)
                      for paragraph in rng.sample(list(long_pool), k=rng.randint(2, 3))]
        paragraphs[-1] += " " + _sentences(rng, pool, d.name, 2)
        # One newline per paragraph: a Word form stores each as its own w:p.
        value = "\n".join(paragraphs)
    else:
        value = _sentences(rng, pool, d.name, rng.randint(1, 2))
    if curly:
        value += " " + rng.choice(text.CURLY_SENTENCES).format(name=d.name)
    return value


def _draw_views(d: _Draft) -> Pep:
    rng = d.rng
    if rng.random() < 0.05:
        return {}  # some forms come back with every views box empty
    curly = rng.random() < 0.08
    about = text.LONG_THIRD_PERSON[d.phase]
    # An early-years child's views are written down by an adult, in the third person.
    own = text.LONG_FIRST_PERSON if d.phase != "early_years" else about
    parts = (("child", text.CHILD_VIEWS[d.phase], own, 0.9),
             ("carer", text.CARER_VIEWS[d.phase], about, 0.85),
             ("parent", text.PARENT_VIEWS, about, 0.3),
             ("school", text.SCHOOL_VIEWS[d.phase], about, 0.85),
             ("social_worker", text.SOCIAL_WORKER_VIEWS, about, 0.7))
    views: Pep = {}
    for part, pool, long_pool, chance in parts:
        if rng.random() < chance:
            views[part] = _view(d, pool, long_pool, curly and part == "child")
    return views


# --------------------------------------------------------------------------- targets


def _templates(d: _Draft) -> list[tuple[str, str, str, str, str, tuple[int, int],
                                          tuple[int, int]]]:
    stages = {d.phase, "all"}
    if d.phase == "school_age":
        stages.add("primary" if d.offset <= 6 else "secondary")
    return [t for t in text.TARGET_TEMPLATES if t[1] in stages]


def _fill_template(rng: random.Random, name: str, template: tuple[Any, ...]) -> list[str]:
    area, _, description, actions, criteria, a_range, b_range = template
    a, b = rng.randint(*a_range), rng.randint(*b_range)
    return [area, *(part.format(name=name, a=a, b=b) for part in (description, actions,
                                                                   criteria))]


def _draw_targets(d: _Draft) -> list[Pep]:
    rng = d.rng
    count = _weighted(rng, ((0, 6), (1, 6), (2, 10), (3, 20), (4, 20), (5, 15), (6, 10),
                            (7, 7), (8, 6)))
    pool = _templates(d)
    # Different targets first; a long plan may repeat an area with new numbers.
    chosen = rng.sample(pool, k=min(count, len(pool)))
    chosen += [rng.choice(pool) for _ in range(count - len(chosen))]
    teacher = {"early_years": "Key person", "post16": "Personal tutor"}.get(
        d.phase, "Class teacher" if d.offset <= 6 else "Form tutor")
    leads = [f"{d.designated_teacher} (designated teacher)", d.designated_teacher,
             f"{d.social_worker} (social worker)", "Carer", teacher]
    latest = d.next_review - _days(1)  # time-bound: before the next PEP (docs/sources.md, SMART)
    targets: list[Pep] = []
    for number, template in enumerate(chosen, start=1):
        area, description, actions, criteria = _fill_template(rng, d.name, template)
        due = min(latest, _date_between(rng, d.meeting + _days(21), latest))
        while not _is_school_day(due) and due > d.meeting + _days(1):
            due -= _days(1)  # a target falls due in term time, when it can be checked
        target: Pep = {"id": f"T{number}", "area": area, "description": description,
                       "actions": actions, "success_criteria": criteria,
                       "lead": rng.choice(leads), "due_date": _iso(due)}
        if rng.random() < 0.45:
            pounds = rng.choice((120, 150, 180, 240, 300, 360, 450, 600, 750))
            target["pp_plus_cost"] = f"{pounds}.{rng.choice((0, 0, 0, 50)):02d}"
        targets.append(target)
    return targets


def _draw_previous_targets(d: _Draft) -> list[Pep]:
    rng = d.rng
    found: list[Pep] = []
    for template in rng.sample(_templates(d), k=rng.randint(1, 5)):
        description = _fill_template(rng, d.name, template)[1]
        outcome = _weighted(rng, (("met", 45), ("partly_met", 35), ("not_met", 20)))
        entry: Pep = {"description": description, "outcome": outcome}
        if rng.random() < 0.85:
            entry["evidence"] = rng.choice(text.OUTCOME_EVIDENCE[outcome])
        found.append(entry)
    return found


def _draw_pp_plus(d: _Draft, targets: Sequence[Pep]) -> Pep:
    costed = [t for t in targets if "pp_plus_cost" in t]
    if not costed or d.rng.random() < 0.15:
        return {}
    # PP+ is costed per target (docs/sources.md): one item per costed target, linked by id.
    items = [{"description": d.rng.choice(text.PP_PLUS_ITEMS[t["area"]]),
              "cost": t["pp_plus_cost"], "target_id": t["id"]} for t in costed]
    total = sum((Decimal(item["cost"]) for item in items), Decimal("0"))
    section: Pep = {"requested_total": f"{total:.2f}"}
    if d.rng.random() < 0.8:
        section["approved"] = d.rng.random() < 0.8
    section["items"] = items
    return section


def _draw_transition(d: _Draft) -> Pep:
    rng = d.rng
    if not ((d.ncy in _TRANSITION_YEARS and rng.random() < 0.9) or rng.random() < 0.15):
        return {}
    transition: Pep = {}
    if d.ncy in _TRANSITION_YEARS:
        transition["next_transition"] = f"Move to {_TRANSITION_YEARS[d.ncy]}"
        transition["date"] = _iso(dt.date(_YEAR + 1, 9, 3))
    transition["plan"] = rng.choice(text.TRANSITION_PLANS).format(name=d.name)
    if d.offset >= 8:  # careers advice is due from Year 8 (docs/sources.md)
        transition["careers_advice"] = rng.choice(text.CAREERS_ADVICE)
    transition["aspirations"] = rng.choice(text.ASPIRATIONS[d.phase]).format(name=d.name)
    return transition


def _draw_attendees(d: _Draft, child: Pep, education: Pep) -> list[Pep]:
    rng = d.rng
    if rng.random() < 0.1:
        return []
    setting_name = education["setting_name"]
    # Carers and children belong to no organisation: the key is left out, not blank.
    attendees: list[Pep] = [
        {"name": d.social_worker, "role": "Social worker",
         "organisation": f"{d.authority.name} Children's Services", "invited": True,
         "attended": rng.random() < 0.9},
        {"name": d.designated_teacher, "role": "Designated teacher",
         "organisation": setting_name, "invited": True, "attended": True},
        {"name": d.carer, "role": "Carer", "invited": True, "attended": rng.random() < 0.85},
    ]
    if d.offset >= 3:
        attendees.append({"name": f"{child['first_name']} {child['last_name']}",
                          "role": "Child", "invited": True, "attended": rng.random() < 0.7})
    if rng.random() < 0.5:
        attendees.append({"name": _staff_name(rng), "role": "Virtual School officer",
                          "organisation": f"{d.authority.name} Virtual School",
                          "invited": True, "attended": rng.random() < 0.8})
    if "senco" in education and rng.random() < 0.5:
        attendees.append({"name": education["senco"], "role": "SENCo",
                          "organisation": setting_name, "invited": True, "attended": True})
    return attendees


def _draw_linked_plans(d: _Draft, education: Pep) -> list[Pep]:
    rng = d.rng
    linked: list[Pep] = []
    if "ehcp_date" in education and rng.random() < 0.8:
        linked.append({"type": "EHCP", "date": education["ehcp_date"],
                       "reference": f"EHCP/{d.authority.la_number}/{rng.randrange(10000):04d}"})
    if d.age_at_meeting >= 16 and rng.random() < 0.7:
        # Pathway plan: due within 3 months of the 16th birthday (docs/sources.md).
        linked.append({"type": "PATHWAY", "date": _iso(_date_between(
            rng, d.meeting - _days(180), d.meeting - _days(1)))})
    if d.phase == "school_age" and rng.random() < 0.1:
        linked.append({"type": rng.choice(("BSP", "PSP", "IEP")),
                       "date": _iso(_date_between(rng, d.meeting - _days(120), d.meeting))})
    return linked


def _draw_signoff(d: _Draft, status: str) -> Pep:
    rng = d.rng
    if status == "draft":
        return {}
    teacher = d.meeting + _days(rng.randint(0, 10))
    social_worker = d.meeting + _days(rng.randint(0, 14))
    signoff: Pep = {"designated_teacher_date": _iso(teacher)}
    if rng.random() < 0.9:
        signoff["social_worker_date"] = _iso(social_worker)
    if status in ("qa_approved", "qa_returned"):
        reviewed = max(teacher, social_worker) + _days(rng.randint(1, 14))
        signoff["virtual_school_date"] = _iso(reviewed)
        # A red PEP is returned (docs/sources.md), so approved ones are gold, green or amber.
        signoff["qa_rating"] = (_weighted(rng, (("gold", 2), ("green", 6), ("amber", 2)))
                                if status == "qa_approved" else rng.choice(("amber", "red")))
    return signoff


# --------------------------------------------------------------------------- public API


def generate_pep(rng: random.Random, *, authority: str | None = None,
                 phase: str | None = None) -> Pep:
    """One fictional, valid PEP drawn from ``rng``; ``authority``/``phase`` fix those choices.

    The result is canonical JSON data (ISO dates, money as decimal strings, official codes).
    Optional sections and fields are left out at random, never set to ``None`` or ``[]``.
    """
    if authority is not None and authority not in _AUTHORITY_TABLE:
        raise UsageError(f"unknown sample authority '{authority}'; use one of "
                         f"{', '.join(AUTHORITIES)}")
    if phase is not None and phase not in list_phases():
        raise UsageError(f"unknown phase '{phase}'; use one of {', '.join(list_phases())}")
    d = _draw_meeting(rng, authority, phase)
    child = _draw_child(d)
    care = _draw_care(d)
    education = _draw_education(d, child)
    meta: Pep = {
        "pep_id": f"{d.authority.key[:2].upper()}-{rng.randrange(16**8):08X}",
        "authority": d.authority.key,
        "phase": d.phase,
        "pep_type": d.pep_type,
        "academic_year": ACADEMIC_YEAR,
        "term": d.term,
        "meeting_date": _iso(d.meeting),
    }
    if d.pep_type != "initial":
        previous = max(_weekday_between(rng, *_PREVIOUS_WINDOW[d.term]),
                       d.became_looked_after + _days(7))
        if previous < d.meeting:
            meta["previous_pep_date"] = _iso(previous)
    meta["next_review_date"] = _iso(d.next_review)
    status = _weighted(rng, (("qa_approved", 55), ("completed", 22), ("qa_returned", 10),
                             ("draft", 13)))
    meta["status"] = status
    meta["completed_by"] = d.designated_teacher

    pep: Pep = {"meta": meta, "child": child, "care": care, "education": education}
    if rng.random() < 0.75:
        pep["health"] = _draw_health(d)
    pep["attainment"] = _draw_attainment(d)
    targets = _draw_targets(d)
    optional: dict[str, Any] = {
        "views": _draw_views(d),
        "previous_targets": _draw_previous_targets(d) if d.pep_type != "initial" else [],
        "targets": targets,
        "pp_plus": _draw_pp_plus(d, targets),
        "transition": _draw_transition(d),
        "attendees": _draw_attendees(d, child, education),
        "linked_plans": _draw_linked_plans(d, education),
        "signoff": _draw_signoff(d, status),
    }
    pep.update((key, value) for key, value in optional.items() if value)
    # Drawn last, so every earlier value is what it was before these fields existed.
    if rng.random() < 0.9:
        child["leisure_interests"] = rng.choice(text.LEISURE_INTERESTS[d.phase])
    if rng.random() < 0.85:
        care["carer"]["education_role"] = rng.choice(text.CARER_ROLES[d.phase]).format(
            name=d.name)
    return pep


def generate_peps(n: int, seed: int = 0, *, authority: str | None = None,
                  phase: str | None = None) -> Iterator[Pep]:
    """``n`` fictional PEPs; item ``i`` depends only on ``(seed, i)`` and the two filters.

    ``meta.pep_id`` is ``SAMPLE-<seed>-<i>``, so ids are unique within a batch.
    """
    if n < 0:
        raise UsageError("the number of sample PEPs must be 0 or more")
    for index in range(1, n + 1):
        # random.seed hashes a str seed with SHA-512: stable across runs and platforms,
        # unlike hash(), which PYTHONHASHSEED randomises.
        rng = random.Random(f"pepdocs-samples:{seed}:{index}")
        pep = generate_pep(rng, authority=authority, phase=phase)
        pep["meta"]["pep_id"] = f"SAMPLE-{seed}-{index:04d}"
        yield pep


def dump_sample(pep: Pep) -> bytes:
    """A sample's JSON as written to disk: validated, in model order, UTF-8, newline-ended."""
    # Through the model's own writer, so a generator bug surfaces as a PepValidationError
    # here instead of as a puzzling failure in somebody's round-trip test.
    return dump_pep(pep).encode("utf-8")


def write_samples(n: int, out_dir: str | Path, seed: int = 0, force: bool = False, *,
                  authority: str | None = None, phase: str | None = None) -> list[Path]:
    """Write ``n`` generated PEPs as ``out_dir/pep-0001.json``...; returns the paths.

    Each file is written atomically. If any of them exists and ``force`` is not given,
    nothing is written at all, rather than a half-replaced set.
    """
    if n < 0:
        raise UsageError("the number of sample PEPs must be 0 or more")
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder; give a folder for the sample files")
    paths = [folder / f"pep-{index:04d}.json" for index in range(1, n + 1)]
    if not force:
        for path in paths:
            if path.exists():
                raise OutputExistsError(str(path))
    peps = generate_peps(n, seed, authority=authority, phase=phase)
    for path, pep in zip(paths, peps, strict=True):
        write_atomic(path, dump_sample(pep), force=force)
    return paths
