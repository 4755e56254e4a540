"""The files of an SSDA903 export: their columns, how a file is recognised, and where each
table sits in the XML form of the return.

Column names are the DfE's (the same in every case-management system's export); a CSV file is
recognised by its header, whatever the file is called: a file is of a kind when its header
holds every column in that kind's ``signature``. Which columns are dates and which are codes
drives the checks in :mod:`pepdocs.ssda903.read`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["KINDS", "KINDS_BY_NAME", "FileKind", "kind_of_header"]


@dataclass(frozen=True, slots=True)
class FileKind:
    """One 903 table."""

    name: str
    #: the columns in export order
    columns: tuple[str, ...]
    #: a CSV header holding all of these is a file of this kind
    signature: frozenset[str]
    #: columns a row cannot do without: a row whose key is missing or unreadable is left out
    keys: tuple[str, ...] = ("CHILD",)
    dates: frozenset[str] = frozenset()
    #: column -> code list (a field of codes.yaml) its values must belong to
    codes: Mapping[str, str] = field(default_factory=dict)
    #: whole numbers with their allowed range (inclusive)
    numbers: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    #: the date column whose collection year decides which year's code lists apply
    year_from: str | None = None
    #: where the table is in the XML form: the element under HEADER (or EPISODE under
    #: CHILD) holding one row, or None when the columns sit in HEADER itself
    xml_element: str | None = None


def _kind(
    name: str,
    columns: str,
    signature: str,
    *,
    keys: str = "CHILD",
    dates: str = "",
    codes: Mapping[str, str] | None = None,
    numbers: Mapping[str, tuple[int, int]] | None = None,
    year_from: str | None = None,
    xml_element: str | None = None,
) -> FileKind:
    return FileKind(
        name=name,
        columns=tuple(columns.split()),
        signature=frozenset(signature.split()),
        keys=tuple(keys.split()),
        dates=frozenset(dates.split()),
        codes=MappingProxyType(dict(codes or {})),
        numbers=MappingProxyType(dict(numbers or {})),
        year_from=year_from,
        xml_element=xml_element,
    )


#: Every table of the return, as the DfE names their columns. ``episodes`` and ``reviews``
#: carry the cohort; ``header`` and ``uasc`` the child; the others are read and checked so
#: that an export's problems are all reported at once.
KINDS: tuple[FileKind, ...] = (
    _kind(
        "header",
        "CHILD SEX DOB ETHNIC UPN MOTHER MC_DOB",
        "CHILD SEX DOB ETHNIC",
        dates="DOB MC_DOB",
        codes={"SEX": "SEX", "ETHNIC": "ETHNIC", "MOTHER": "MOTHER"},
    ),
    _kind(
        "episodes",
        "CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE HOME_POST "
        "PL_POST URN",
        "CHILD DECOM RNE LS PLACE DEC REC",
        keys="CHILD DECOM",
        dates="DECOM DEC",
        codes={
            "RNE": "RNE",
            "LS": "LS",
            "CIN": "CIN",
            "PLACE": "PLACE",
            "PLACE_PROVIDER": "PLACE_PROVIDER",
            "REC": "REC",
            "REASON_PLACE_CHANGE": "REASON_PLACE_CHANGE",
        },
        year_from="DECOM",
        xml_element="EPISODE",
    ),
    _kind(
        "reviews",
        "CHILD DOB REVIEW REVIEW_CODE",
        "CHILD REVIEW REVIEW_CODE",
        keys="CHILD REVIEW",
        dates="DOB REVIEW",
        codes={"REVIEW_CODE": "REVIEW_CODE"},
        year_from="REVIEW",
        xml_element="AREVIEW",
    ),
    _kind("uasc", "CHILD SEX DOB DUC", "CHILD DUC", dates="DOB DUC", codes={"SEX": "SEX"}),
    _kind(
        "oc2",
        "CHILD DOB SDQ_SCORE SDQ_REASON CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK "
        "HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED",
        "CHILD SDQ_SCORE SDQ_REASON CONVICTED",
        dates="DOB",
        codes={
            "SDQ_REASON": "SDQ_REASON",
            **{
                column: "YES_NO"
                for column in (
                    "CONVICTED",
                    "HEALTH_CHECK",
                    "IMMUNISATIONS",
                    "TEETH_CHECK",
                    "HEALTH_ASSESSMENT",
                    "SUBSTANCE_MISUSE",
                    "INTERVENTION_RECEIVED",
                    "INTERVENTION_OFFERED",
                )
            },
        },
        # the SDQ total difficulties score runs 0 to 40
        numbers={"SDQ_SCORE": (0, 40)},
        xml_element="OC2",
    ),
    _kind(
        "oc3",
        "CHILD DOB IN_TOUCH ACTIV ACCOM",
        "CHILD IN_TOUCH ACTIV ACCOM",
        dates="DOB",
        codes={"IN_TOUCH": "IN_TOUCH", "ACTIV": "ACTIV", "ACCOM": "ACCOM"},
    ),
    _kind(
        "missing",
        "CHILD DOB MISSING MIS_START MIS_END",
        "CHILD MISSING MIS_START",
        dates="DOB MIS_START MIS_END",
        codes={"MISSING": "MISSING"},
        year_from="MIS_START",
        xml_element="AMISSING",
    ),
    _kind(
        "ad1",
        "CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR",
        "CHILD DATE_INT DATE_MATCH",
        dates="DOB DATE_INT DATE_MATCH",
        codes={
            "FOSTER_CARE": "YES_NO",
            "NB_ADOPTR": "NB_ADOPTR",
            "SEX_ADOPTR": "SEX_ADOPTR",
            "LS_ADOPTR": "LS_ADOPTR",
        },
    ),
    _kind(
        "placed_for_adoption",
        "CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED",
        "CHILD DATE_PLACED",
        dates="DOB DATE_PLACED DATE_PLACED_CEASED",
        codes={"REASON_PLACED_CEASED": "REASON_PLACED_CEASED"},
        xml_element="AD_PLACED",
    ),
    _kind(
        "previous_permanence",
        "CHILD DOB PREV_PERM LA_PERM DATE_PERM",
        "CHILD PREV_PERM",
        # DATE_PERM is not a date column: the guide lets its day and month be "zz" when only
        # the year is known, so it is kept as written.
        dates="DOB",
        codes={"PREV_PERM": "PREV_PERM"},
        xml_element="PERMANENCE",
    ),
    _kind(
        "sw_episodes",
        "CHILD DOB SW_ID SW_DECOM SW_DEC SW_REASON",
        "CHILD SW_ID SW_DECOM",
        dates="DOB SW_DECOM SW_DEC",
        codes={"SW_REASON": "SW_REASON"},
        year_from="SW_DECOM",
    ),
    _kind(
        "deprivation_of_liberty",
        "CHILD DOB DOLO_START DOLO_END",
        "CHILD DOLO_START",
        dates="DOB DOLO_START DOLO_END",
        year_from="DOLO_START",
    ),
)
KINDS_BY_NAME: Mapping[str, FileKind] = MappingProxyType({kind.name: kind for kind in KINDS})


def kind_of_header(columns: frozenset[str]) -> list[FileKind]:
    """The kinds whose signature a header (upper-cased, stripped column names) holds."""
    return [kind for kind in KINDS if kind.signature <= columns]
