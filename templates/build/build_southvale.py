"""Build Southvale's Excel PEP workbook (templates/xlsx/) and its mapping (mappings/).

    python templates/build/build_southvale.py            # into the checkout
    python templates/build/build_southvale.py --out DIR  # into DIR/xlsx and DIR/mappings

Southvale is fictional. Its workbook is laid out the way real authorities' Excel PEPs are:
a banner and an OFFICIAL-SENSITIVE marking, grey locked label cells beside white unlocked
answer cells on protected sheets, drop-down lists fed from a hidden ``Lists`` sheet through
defined names (the form Excel keeps in the standard ``dataValidation`` element; cross-sheet
references would go into an x14 extension that openpyxl drops), Yes/No lists typed inline, a
PP+ total as a ``SUM`` formula, and defined names on the key cells. Tables (targets,
attainment, PP+ items...) have a header row and a few formatted empty rows; people add rows
below.

The mapping is written from the same field list that draws the workbook, so a label, cell or
name cannot be in one and not the other. The build is deterministic (fixed timestamps), so a
rebuild of an unchanged script gives the committed files byte for byte.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

REPO = Path(__file__).resolve().parent.parent.parent
GENERATOR = "templates/build/build_southvale.py"
TEMPLATE_NAME = "southvale-school-age.xlsx"
MAPPING_NAME = "southvale-school-age.yaml"
#: every timestamp inside the workbook, so rebuilds are byte-identical
FIXED_TIME = datetime(2025, 9, 1, 9, 0, 0)

# -- the authority's house style ------------------------------------------------------------

BANNER_FILL = PatternFill("solid", fgColor="1F4E5F")
SECTION_FILL = PatternFill("solid", fgColor="BDD7EE")
LABEL_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WHITE = Font(name="Arial", size=14, bold=True, color="FFFFFF")
# 11 pt: printed one page wide, a sheet shrinks to fit, and its text must stay 9 pt or more
BOLD = Font(name="Arial", size=11, bold=True)
NORMAL = Font(name="Arial", size=11)
ITALIC = Font(name="Arial", size=11, italic=True, color="595959")
RED_BOLD = Font(name="Arial", size=11, bold=True, color="C00000")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)

DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = '"£"#,##0.00'
YES_NO = ("Yes", "No")
#: formatted empty rows under each table header; the drop-down lists reach further down
TABLE_ROWS = 8
VALIDATION_ROWS = 200

# -- code lists as Southvale words them (code -> label on the form) --------------------------

LISTS: dict[str, dict[str, str]] = {
    "pep_type": {
        "initial": "Initial PEP",
        "review": "Review PEP",
        "transition": "Transition PEP",
        "interim": "Interim PEP",
    },
    "term": {"autumn": "Autumn", "spring": "Spring", "summer": "Summer"},
    "pep_status": {
        "draft": "Draft",
        "completed": "Completed - awaiting QA",
        "qa_returned": "Returned for changes",
        "qa_approved": "QA approved",
        "cancelled": "Cancelled",
    },
    "gender": {"M": "Male", "F": "Female", "O": "Other", "U": "Not known"},
    "ethnicity": {
        "WBRI": "White British",
        "WIRI": "White Irish",
        "WIRT": "Traveller of Irish heritage",
        "WOTH": "Any other White background",
        "WROM": "Gypsy / Roma",
        "MWBC": "White and Black Caribbean",
        "MWBA": "White and Black African",
        "MWAS": "White and Asian",
        "MOTH": "Any other mixed background",
        "AIND": "Indian",
        "APKN": "Pakistani",
        "ABAN": "Bangladeshi",
        "AOTH": "Any other Asian background",
        "BCRB": "Black Caribbean",
        "BAFR": "Black African",
        "BOTH": "Any other Black background",
        "CHNE": "Chinese",
        "OOTH": "Any other ethnic group",
        "REFU": "Refused",
        "NOBT": "Information not yet obtained",
    },
    "legal_status": {
        "C1": "C1 - Interim care order",
        "C2": "C2 - Full care order",
        "D1": "D1 - Freeing order",
        "E1": "E1 - Placement order",
        "V2": "V2 - Section 20",
        "V3": "V3 - Short breaks (episodes)",
        "V4": "V4 - Short breaks (agreement)",
        "L1": "L1 - Police protection",
        "L2": "L2 - Emergency protection order",
        "L3": "L3 - Child assessment order",
        "J1": "J1 - Remanded",
        "J2": "J2 - PACE",
        "J3": "J3 - YRO with residence requirement",
    },
    "placement_type": {
        "A3": "A3 - Adoption, consent, current carer",
        "A4": "A4 - Adoption, consent, new carer",
        "A5": "A5 - Adoption, placement order, current carer",
        "A6": "A6 - Adoption, placement order, new carer",
        "K1": "K1 - Secure children's home",
        "K2": "K2 - Children's home",
        "K3": "K3 - Supported accommodation",
        "P1": "P1 - Placed with parent(s)",
        "P3": "P3 - Residential employment",
        "R1": "R1 - Residential care home",
        "R2": "R2 - NHS / health setting",
        "R3": "R3 - Family centre / mother and baby unit",
        "R5": "R5 - Young offender institution",
        "S1": "S1 - Residential school",
        "T0": "T0 - Temporary move",
        "T1": "T1 - Temporary: hospital",
        "T2": "T2 - Temporary: holiday",
        "T3": "T3 - Temporary: carer on holiday",
        "T4": "T4 - Temporary: 7 days or less",
        "U1": "U1 - Family/friends foster, long-term",
        "U2": "U2 - Family/friends foster, FfA",
        "U3": "U3 - Family/friends foster, other",
        "U4": "U4 - Foster care, long-term",
        "U5": "U5 - Foster care, FfA",
        "U6": "U6 - Foster care, other",
        "Z11": "Z11 - Unregistered children's home",
        "Z12": "Z12 - Unregistered supported accommodation",
        "Z13": "Z13 - Other unregistered provision",
        "Z14": "Z14 - Other placement",
    },
    "ncy": {
        "N1": "N1",
        "N2": "N2",
        "R": "Reception",
        **{str(year): f"Year {year}" for year in range(1, 15)},
        "X": "Not following the NC",
    },
    "sen_provision": {
        "E": "E - EHC plan",
        "K": "K - SEN support",
        "N": "N - No SEN",
    },
    "sen_need": {
        "SPLD": "SpLD - Specific learning difficulty",
        "MLD": "MLD - Moderate learning difficulty",
        "SLD": "SLD - Severe learning difficulty",
        "PMLD": "PMLD - Profound and multiple learning difficulty",
        "SLCN": "SLCN - Speech, language and communication",
        "SEMH": "SEMH - Social, emotional and mental health",
        "ASD": "ASD - Autistic spectrum disorder",
        "VI": "VI - Visual impairment",
        "HI": "HI - Hearing impairment",
        "MSI": "MSI - Multi-sensory impairment",
        "PD": "PD - Physical disability",
        "NSA": "NSA - No specialist assessment",
        "OTH": "OTH - Other",
    },
    "qa_rating": {"gold": "Gold", "green": "Green", "amber": "Amber", "red": "Red"},
    "target_area": {
        "academic": "Academic progress",
        "literacy": "Literacy",
        "numeracy": "Numeracy",
        "semh": "SEMH",
        "attendance": "Attendance",
        "behaviour": "Behaviour for learning",
        "communication": "Speech, language & communication",
        "physical": "Physical health",
        "independence": "Independence",
        "careers": "Careers & aspirations",
        "other": "Other",
    },
    "target_outcome": {"met": "Met", "partly_met": "Partly met", "not_met": "Not met"},
    "exclusion_type": {},  # filled from the model's code list at build time, see _lists()
    "linked_plan": {
        "EHCP": "EHC plan",
        "BSP": "Behaviour support plan",
        "ILP": "Individual learning plan",
        "PSP": "Pastoral support plan",
        "PATHWAY": "Pathway plan",
        "IEP": "Individual education plan",
        "OTHER": "Other plan",
    },
}


# -- what the form holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """One answer box: its label, the model path, how it is typed, and optional extras."""

    label: str
    path: str
    type: str = "text"  # text | date | int | money | percent | yesno | choice | long
    choices: str = ""  # a LISTS key for a drop-down
    name: str = ""  # a defined name on the answer cell
    formula: str = ""  # the cell holds this formula; read back, never written


@dataclass(frozen=True)
class Column:
    header: str
    path: str
    type: str = "text"
    choices: str = ""


@dataclass(frozen=True)
class Table:
    path: str
    columns: tuple[Column, ...]


#: column widths of a sheet of label/answer pairs: label, answer, gap, label, answer
PAIR_WIDTHS = (29, 34, 2, 29, 34)


@dataclass
class Sheet:
    title: str
    guidance: str
    #: (section heading, boxes laid out two per row) / ("", long boxes) / tables
    parts: list[tuple[str, Any]] = field(default_factory=list)
    #: each column's width, from A (Excel's units: characters of the default font). Chosen
    #: so that a sheet printed landscape on A4, one page wide, keeps its 11 pt text at 9 pt
    #: or more (printed at 82 % or more) even where the fonts are replaced by wider ones
    #: (LibreOffice without Arial and Calibri): at most about 130 units across.
    widths: tuple[float, ...] = PAIR_WIDTHS
    #: section headings (or long boxes' labels) that start a printed page, so that a
    #: heading or a label is not left at the foot of the page before its answers
    new_pages: tuple[str, ...] = ()


CHILD = Sheet(
    "Child & Care",
    "To be completed by the social worker before the meeting; the designated teacher checks it.",
    [
        (
            "1. About this PEP",
            [
                Box("PEP reference", "meta.pep_id", name="sv_pep_id"),
                Box("Type of PEP", "meta.pep_type", "choice", "pep_type"),
                Box("Academic year", "meta.academic_year"),
                Box("Term", "meta.term", "choice", "term"),
                Box("Date of PEP meeting", "meta.meeting_date", "date", name="sv_meeting_date"),
                Box("Date of previous PEP", "meta.previous_pep_date", "date"),
                Box("Next PEP due", "meta.next_review_date", "date"),
                Box("Date PEP initiated", "meta.initiated_date", "date"),
                Box("PEP status", "meta.status", "choice", "pep_status"),
                Box("Completed by", "meta.completed_by"),
            ],
        ),
        (
            "2. The child",
            [
                Box("Legal first name", "child.first_name", name="sv_first_name"),
                Box("Middle name(s)", "child.middle_names"),
                Box("Legal surname", "child.last_name", name="sv_last_name"),
                Box("Preferred name", "child.preferred_name"),
                Box("Date of birth", "child.date_of_birth", "date", name="sv_date_of_birth"),
                Box("Gender", "child.gender", "choice", "gender"),
                Box("Ethnicity", "child.ethnicity", "choice", "ethnicity"),
                Box("First language", "child.first_language"),
                Box("UPN", "child.upn", name="sv_upn"),
                Box("ULN", "child.uln"),
                Box("Southvale child ID (LCS)", "child.la_child_id", name="sv_child_id"),
            ],
        ),
        (
            "3. Care arrangements",
            [
                Box(
                    "Legal status",
                    "care.legal_status",
                    "choice",
                    "legal_status",
                    name="sv_legal_status",
                ),
                Box("Date became looked after", "care.date_became_looked_after", "date"),
                Box("Emergency entry to care", "care.emergency_entry", "yesno"),
                Box("Placement type", "care.placement_type", "choice", "placement_type"),
                Box("Placement start date", "care.placement_start_date", "date"),
                Box("Number of placements", "care.number_of_placements", "int"),
                Box("Placing authority", "care.placing_authority"),
                Box("Host authority", "care.host_authority"),
                Box("Parental responsibility held by", "care.parental_responsibility"),
                Box("Carer name", "care.carer.name"),
                Box("Carer phone", "care.carer.phone"),
                Box("Carer email", "care.carer.email"),
                Box("Carer's part in learning", "care.carer.education_role"),
                Box("Social worker", "care.social_worker.name", name="sv_social_worker"),
                Box("Social worker phone", "care.social_worker.phone"),
                Box("Social worker email", "care.social_worker.email"),
                Box("Social work team", "care.social_worker.team"),
                Box("IRO name", "care.iro.name"),
                Box("IRO phone", "care.iro.phone"),
                Box("IRO email", "care.iro.email"),
            ],
        ),
        (
            "4. Education setting",
            [
                Box("School / setting", "education.setting_name", name="sv_school"),
                Box("URN", "education.urn"),
                Box("LAESTAB (DfE number)", "education.laestab"),
                Box("NC year", "education.ncy", "choice", "ncy", name="sv_ncy"),
                Box("Date joined school", "education.date_joined", "date"),
                Box("On roll", "education.on_roll", "yesno"),
                Box("Designated teacher", "education.designated_teacher.name"),
                Box("Designated teacher phone", "education.designated_teacher.phone"),
                Box("Designated teacher email", "education.designated_teacher.email"),
                Box("SENCo", "education.senco"),
                Box(
                    "SEN provision",
                    "education.sen_provision",
                    "choice",
                    "sen_provision",
                    name="sv_sen_provision",
                ),
                Box("Primary SEN need", "education.sen_primary_need", "choice", "sen_need"),
                Box("EHCP date", "education.ehcp_date", "date"),
                Box("Part-time timetable", "education.part_time_timetable", "yesno"),
            ],
        ),
        (
            "5. Health and wellbeing",
            [
                Box("SDQ score", "health.sdq_score", "int"),
                Box("SDQ date", "health.sdq_date", "date"),
                Box("CAMHS involved", "health.camhs_involved", "yesno"),
            ],
        ),
        (
            "6. Sign-off",
            [
                Box("Designated teacher signed", "signoff.designated_teacher_date", "date"),
                Box("Social worker signed", "signoff.social_worker_date", "date"),
                Box("Virtual School QA date", "signoff.virtual_school_date", "date"),
                Box("QA rating", "signoff.qa_rating", "choice", "qa_rating"),
            ],
        ),
    ],
    new_pages=("4. Education setting",),
)

ATTENDANCE = Sheet(
    "Attendance & Attainment",
    "To be completed by the designated teacher. Add rows below a table if you need more.",
    [
        (
            "7. Attendance this academic year",
            [
                Box(
                    "Attendance (%)",
                    "education.attendance.percent",
                    "percent",
                    name="sv_attendance",
                ),
                Box("Sessions possible", "education.attendance.sessions_possible", "int"),
                Box("Sessions missed", "education.attendance.sessions_missed", "int"),
                Box("Period from", "education.attendance.period_start", "date"),
                Box("Period to", "education.attendance.period_end", "date"),
            ],
        ),
        (
            "8. Attainment and progress",
            [
                Table(
                    "attainment",
                    (
                        Column("Subject", "subject"),
                        Column("Assessment scale", "scale"),
                        Column("Baseline", "baseline"),
                        Column("Current", "current"),
                        Column("Target", "target"),
                        Column("On track?", "on_track", "yesno"),
                    ),
                ),
            ],
        ),
    ],
    widths=(26, 32, 13, 20, 22, 12),
)

EXCLUSIONS = Sheet(
    "Exclusions",
    "Suspensions and permanent exclusions this academic year, from the school's records.",
    [
        (
            "9. Suspensions and exclusions",
            [
                Table(
                    "education.exclusions",
                    (
                        Column("Exclusion type", "type", "choice", "exclusion_type"),
                        Column("Start date", "start_date", "date"),
                        Column("Sessions", "sessions", "int"),
                        Column("Reason", "reason"),
                    ),
                ),
            ],
        ),
    ],
    widths=(30, 14, 10, 70),
)

VIEWS = Sheet(
    "Views & Transition",
    "Record views in the person's own words where you can.",
    [
        (
            "10. Views",
            [
                Box("The child's views", "views.child", "long"),
                Box(
                    "If the child's views are not recorded, why not",
                    "views.child_not_given_reason",
                    "long",
                ),
                Box("Leisure interests", "child.leisure_interests", "long"),
                Box("Carer's views", "views.carer", "long"),
                Box("Parent's views", "views.parent", "long"),
                Box("School's views", "views.school", "long"),
                Box("Social worker's views", "views.social_worker", "long"),
            ],
        ),
        (
            "11. Transition and aspirations",
            [
                Box("Next transition", "transition.next_transition"),
                Box("Transition date", "transition.date", "date"),
                Box("Transition plan", "transition.plan", "long"),
                Box("Careers advice", "transition.careers_advice", "long"),
                Box("Aspirations", "transition.aspirations", "long"),
            ],
        ),
    ],
    new_pages=("Carer's views", "11. Transition and aspirations"),
)

REVIEW = Sheet(
    "Review of targets",
    "Last term's targets: was each one met? Say what shows it and what PP+ paid for.",
    [
        (
            "12. Review of previous targets",
            [
                Table(
                    "previous_targets",
                    (
                        Column("Previous target", "description"),
                        Column("Outcome", "outcome", "choice", "target_outcome"),
                        Column("Evidence", "evidence"),
                    ),
                )
            ],
        ),
    ],
    widths=(50, 14, 62),
)

TARGETS = Sheet(
    "Targets",
    "SMART targets: specific, measurable, achievable, relevant and time-bound, with a lead.",
    [
        (
            "13. New targets",
            [
                Table(
                    "targets",
                    (
                        Column("Ref", "id"),
                        Column("Area", "area", "choice", "target_area"),
                        Column("Target", "description"),
                        Column("Actions", "actions"),
                        Column("Success criteria", "success_criteria"),
                        Column("Lead person", "lead"),
                        Column("By when", "due_date", "date"),
                        Column("PP+ cost (£)", "pp_plus_cost", "money"),
                    ),
                )
            ],
        ),
    ],
    widths=(5, 16, 23, 23, 22, 14, 12, 14),
)

PP_PLUS = Sheet(
    "PP+ Plan",
    "Pupil Premium Plus requests must be linked to a target on the Targets sheet.",
    [
        (
            "14. Pupil Premium Plus",
            [
                Box(
                    "Total requested (£)",
                    "pp_plus.requested_total",
                    "money",
                    name="pp_total",
                    formula="=SUM(B{first}:B{last})",
                ),
                Box(
                    "Approved by the Virtual School",
                    "pp_plus.approved",
                    "yesno",
                    name="pp_approved",
                ),
            ],
        ),
        (
            "15. PP+ items",
            [
                Table(
                    "pp_plus.items",
                    (
                        Column("Item / activity", "description"),
                        Column("Cost (£)", "cost", "money"),
                        Column("Linked target", "target_id"),
                    ),
                )
            ],
        ),
    ],
    widths=(48, 16, 16, 32, 12),
)

MEETING = Sheet(
    "Meeting",
    "Everyone invited to the PEP meeting, and whether they came.",
    [
        (
            "16. Attendees",
            [
                Table(
                    "attendees",
                    (
                        Column("Name", "name"),
                        Column("Role", "role"),
                        Column("Organisation", "organisation"),
                        Column("Invited", "invited", "yesno"),
                        Column("Attended", "attended", "yesno"),
                    ),
                )
            ],
        ),
    ],
    widths=(32, 28, 40, 11, 11),
)

PLANS = Sheet(
    "Other plans",
    "Other plans for the child: EHC plan, pathway plan, behaviour or pastoral support plan.",
    [
        (
            "17. Other plans",
            [
                Table(
                    "linked_plans",
                    (
                        Column("Plan", "type", "choice", "linked_plan"),
                        Column("Date of plan", "date", "date"),
                        Column("Reference or where it is held", "reference"),
                    ),
                ),
            ],
        ),
    ],
    widths=(40, 16, 70),
)

SHEETS = (
    CHILD,
    ATTENDANCE,
    EXCLUSIONS,
    VIEWS,
    REVIEW,
    TARGETS,
    PP_PLUS,
    MEETING,
    PLANS,
)


def _lists() -> dict[str, dict[str, str]]:
    lists = dict(LISTS)
    if not lists["exclusion_type"]:
        from pepdocs.model.codelists import get_codelist

        lists["exclusion_type"] = dict(get_codelist("exclusion_type").labels)
    return lists


# -- drawing ---------------------------------------------------------------------------------


@dataclass
class Placed:
    """Where the build put a box or a table (for the mapping)."""

    sheet: str
    ref: str = ""
    direction: str = "right"
    header_row: int = 0


class Builder:
    def __init__(self) -> None:
        self.wb = Workbook()
        self.lists = _lists()
        self.placed: dict[int, Placed] = {}  # id(Box|Table) -> where
        self._list_names: dict[str, str] = {}
        self._validations: dict[tuple[str, str], DataValidation] = {}
        self._lists_sheet: Worksheet | None = None

    # lists live on a hidden sheet, each behind a defined name the validations use
    def list_formula(self, key: str) -> str:
        if key in self._list_names:
            return self._list_names[key]
        sheet = self._lists_sheet
        assert sheet is not None
        column = len(self._list_names) + 1
        letter = get_column_letter(column)
        sheet.cell(1, column, key).font = BOLD
        labels = list(self.lists[key].values())
        for row, label in enumerate(labels, start=2):
            sheet.cell(row, column, label)
        sheet.column_dimensions[letter].width = 40
        name = f"list_{key}"
        ref = f"{quote_sheetname(sheet.title)}!${letter}$2:${letter}${len(labels) + 1}"
        self.wb.defined_names[name] = DefinedName(name, attr_text=ref)
        self._list_names[key] = name
        return name

    def validate(self, ws: Worksheet, kind: str, choices: str, ref: str) -> None:
        """Attach ``ref`` to the sheet's drop-down for ``choices`` (one validation per list)."""
        key = (ws.title, choices or kind)
        validation = self._validations.get(key)
        if validation is None:
            formula = '"Yes,No"' if kind == "yesno" else self.list_formula(choices)
            validation = DataValidation(
                type="list",
                formula1=formula,
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Southvale PEP",
                error="Please choose an entry from the list.",
            )
            ws.add_data_validation(validation)
            self._validations[key] = validation
        validation.add(ref)

    def build(self) -> bytes:
        first = self.wb.active
        assert first is not None
        self.wb.remove(first)
        self._lists_sheet = self.wb.create_sheet("Lists")
        self._lists_sheet.sheet_state = "hidden"
        for sheet in SHEETS:
            self.draw(sheet)
        # the Lists sheet last: tabs show the form's sheets in reading order
        self.wb.move_sheet("Lists", offset=len(SHEETS))
        self.wb.active = 0
        props = self.wb.properties
        props.creator = "Southvale Virtual School"
        props.title = "Southvale Personal Education Plan - School Age"
        props.created = props.modified = FIXED_TIME
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return _deterministic(buffer.getvalue())

    def draw(self, sheet: Sheet) -> None:
        ws = self.wb.create_sheet(sheet.title)
        ws.sheet_view.showGridLines = False
        across = len(sheet.widths)
        last = get_column_letter(across)
        for column, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[get_column_letter(column)].width = width
        ws.merge_cells(f"A1:{last}1")
        banner = ws["A1"]
        banner.value = "Southvale Virtual School - Personal Education Plan (School Age)"
        banner.font, banner.fill = WHITE, BANNER_FILL
        banner.alignment = Alignment(vertical="center")
        ws.row_dimensions[1].height = 28
        ws["A2"] = "OFFICIAL-SENSITIVE when completed"
        ws["A2"].font = RED_BOLD
        ws["A3"] = sheet.guidance
        ws["A3"].font = ITALIC
        row = 5
        table_header = 0
        for heading, content in sheet.parts:
            if heading in sheet.new_pages:
                ws.row_breaks.append(Break(id=row - 1))
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=across)
            cell = ws.cell(row, 1, heading)
            cell.font, cell.fill = BOLD, SECTION_FILL
            row += 1
            tables = [item for item in content if isinstance(item, Table)]
            boxes = [item for item in content if isinstance(item, Box)]
            if tables:
                table_header = row
                row = self.tables(ws, tables, row)
            elif boxes and all(box.type == "long" for box in boxes):
                row = self.long_boxes(ws, boxes, row, sheet.new_pages)
            else:
                row = self.pairs(ws, boxes, row)
            row += 1
        ws.protection.sheet = True
        # people may add rows under a table and resize, but not edit the labels
        ws.protection.insertRows = False
        ws.protection.formatRows = False
        ws.protection.formatColumns = False
        ws.oddHeader.right.text = "OFFICIAL-SENSITIVE"
        ws.oddFooter.center.text = "Page &P of &N"
        self.print_setup(ws, f"A1:{last}{row - 1}", table_header)

    @staticmethod
    def print_setup(ws: Worksheet, area: str, table_header: int) -> None:
        """Printed on A4 landscape, one page wide and as many long as the answers need (a
        sheet's widths keep that at 90 % or more), over the form's own cells (pepdocs
        extends the print area when a table grows past it); a table's header row repeats
        on each page it runs onto."""
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        ws.print_options.horizontalCentered = True
        ws.print_area = area
        if table_header:
            ws.print_title_rows = f"{table_header}:{table_header}"

    def answer_cell(self, ws: Worksheet, row: int, col: int, box: Box | Column) -> None:
        cell = ws.cell(row, col)
        cell.border, cell.font, cell.alignment = BOX, NORMAL, WRAP_TOP
        cell.protection = UNLOCKED
        if box.type == "date":
            cell.number_format = DATE_FORMAT
        elif box.type == "money":
            cell.number_format = MONEY_FORMAT
        elif box.type == "percent":
            cell.number_format = "0.0"
        elif box.type == "int":
            cell.number_format = "0"
        if box.type in ("yesno", "choice"):
            self.validate(ws, box.type, box.choices, cell.coordinate)

    def pairs(self, ws: Worksheet, boxes: Sequence[Box], row: int) -> int:
        """Label/answer pairs, two to a row (A:B and D:E), as on most LA forms."""
        for index, box in enumerate(boxes):
            label_col = 1 if index % 2 == 0 else 4
            label = ws.cell(row, label_col, box.label)
            label.font, label.fill, label.border = BOLD, LABEL_FILL, BOX
            label.alignment, label.protection = WRAP_TOP, LOCKED
            self.answer_cell(ws, row, label_col + 1, box)
            answer = ws.cell(row, label_col + 1)
            if box.formula:
                answer.value = box.formula  # completed when the table below is drawn
                answer.protection = LOCKED
            if box.name:
                ref = f"{quote_sheetname(ws.title)}!${answer.column_letter}${row}"
                self.wb.defined_names[box.name] = DefinedName(box.name, attr_text=ref)
            self.placed[id(box)] = Placed(ws.title, answer.coordinate)
            if index % 2 == 1:
                row += 1
        return row + (len(boxes) % 2)

    def long_boxes(
        self, ws: Worksheet, boxes: Sequence[Box], row: int, new_pages: Sequence[str] = ()
    ) -> int:
        """Free-text boxes: a label row, then a tall merged answer block below it (a label
        in ``new_pages`` starts a printed page, with its box)."""
        for box in boxes:
            if box.label in new_pages:
                ws.row_breaks.append(Break(id=row - 1))
            label = ws.cell(row, 1, box.label)
            label.font, label.fill, label.protection = BOLD, LABEL_FILL, LOCKED
            ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=5)
            for col in range(1, 6):
                ws.cell(row + 1, col).border = BOX
            self.answer_cell(ws, row + 1, 1, box)
            ws.row_dimensions[row + 1].height = 75
            self.placed[id(box)] = Placed(ws.title, f"A{row + 1}", direction="below")
            row += 2
        return row

    def tables(self, ws: Worksheet, tables: Sequence[Table], row: int) -> int:
        for table in tables:
            for col, column in enumerate(table.columns, start=1):
                letter = get_column_letter(col)
                head = ws.cell(row, col, column.header)
                head.font, head.fill, head.border = BOLD, HEADER_FILL, BOX
                head.alignment, head.protection = CENTRE, LOCKED
                for data_row in range(row + 1, row + 1 + TABLE_ROWS):
                    self.answer_cell(ws, data_row, col, column)
                if column.type in ("yesno", "choice"):
                    # reach well below the formatted rows: people add rows under tables
                    validation = self._validations[(ws.title, column.choices or column.type)]
                    validation.add(f"{letter}{row + 1 + TABLE_ROWS}:{letter}{VALIDATION_ROWS}")
            self.placed[id(table)] = Placed(ws.title, header_row=row)
            if table.path == "pp_plus.items":
                self._complete_total(ws, row)
        return row + TABLE_ROWS + 1

    def _complete_total(self, ws: Worksheet, header_row: int) -> None:
        # The total sits ABOVE the items so rows added below the table stay inside its range.
        for line in ws.iter_rows(min_row=1, max_row=header_row):
            for cell in line:
                if isinstance(cell.value, str) and "{first}" in cell.value:
                    cell.value = cell.value.format(first=header_row + 1, last=VALIDATION_ROWS)


def _deterministic(data: bytes) -> bytes:
    """Fix the save time openpyxl stamps into docProps/core.xml and every zip entry."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


# -- the mapping -----------------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "~"}


def _scalar(value: Any) -> str:
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return _scalar(value)


def _type_lines(
    kind: str, choices: str, lists: Mapping[str, Mapping[str, str]], indent: str
) -> list[str]:
    if kind == "date":
        return [f"{indent}type: date", f'{indent}format: "%d/%m/%Y"']
    if kind == "yesno":
        return [f"{indent}type: bool", f'{indent}values: {{true: "Yes", false: "No"}}']
    if kind == "choice":
        lines = [f"{indent}type: choice", f"{indent}values:"]
        lines += [
            f"{indent}  {_scalar(code)}: {_scalar(label)}" for code, label in lists[choices].items()
        ]
        return lines
    if kind == "long":
        return [f"{indent}multiline: true"]
    if kind in ("int", "money", "percent"):
        return [f"{indent}type: {kind}"]
    return []


def mapping_text(builder: Builder) -> str:
    lists = builder.lists
    lines = [
        "# Southvale Virtual School: school age PEP workbook, version 2025-09.",
        f"# Written by {GENERATOR} together with the workbook, so every cell, label",
        "# and defined name below exists in it; change both by editing that script and",
        "# re-running it. docs/excel-pdf.md explains the Excel anchors.",
        "authority: southvale",
        'name: "Southvale Virtual School"',
        "form: school_age",
        'version: "2025-09"',
        "kind: xlsx",
        f"template: {TEMPLATE_NAME}",
        "description: >-",
        "  Southvale's school age PEP as an Excel workbook: protected sheets with grey label",
        "  cells, drop-down lists (data validation), defined names on key cells, tables found",
        "  by their header rows, and the PP+ total as a SUM formula (read, never written).",
        "fields:",
    ]
    for sheet in SHEETS:
        lines += ["", f"  # --- sheet {sheet.title!r}"]
        for _heading, content in sheet.parts:
            for item in content:
                place = builder.placed[id(item)]
                if isinstance(item, Table):
                    header = [column.header for column in item.columns]
                    lines.append(f"  - path: {item.path}")
                    anchor = {"table": {"sheet": place.sheet, "header": header}}
                    lines.append(f"    at: {_flow(anchor)}")
                    lines.append("    columns:")
                    for column in item.columns:
                        lines.append(
                            f"      - {{path: {column.path}, header: {_scalar(column.header)}}}"
                        )
                        extra = _type_lines(column.type, column.choices, lists, "        ")
                        if extra:
                            # a column with options: expand the flow mapping into block style
                            lines[-1] = f"      - path: {column.path}"
                            lines.append(f"        header: {_scalar(column.header)}")
                            lines += extra
                    continue
                box = item
                label: dict[str, Any] = {"text": box.label, "sheet": place.sheet}
                if place.direction != "right":
                    label["direction"] = place.direction
                cell = f"{quote_sheetname(place.sheet)}!{place.ref}"
                lines.append(f"  - path: {box.path}")
                if box.name:
                    lines.append(f"    at: {_flow({'name': box.name})}")
                    lines.append(f"    also: {_flow({'label': label})}")
                else:
                    lines.append(f"    at: {_flow({'label': label})}")
                    lines.append(f"    also: {_flow({'cell': cell})}")
                lines += _type_lines(box.type, box.choices, lists, "    ")
                if box.formula:
                    lines.append("    fill: false")
                    lines.append(
                        '    note: "a SUM formula over the PP+ items: read, never written"'
                    )
    return "\n".join(lines) + "\n"


def build(template_dir: Path, mapping_dir: Path) -> tuple[Path, Path]:
    builder = Builder()
    data = builder.build()
    template_dir.mkdir(parents=True, exist_ok=True)
    mapping_dir.mkdir(parents=True, exist_ok=True)
    template = template_dir / TEMPLATE_NAME
    template.write_bytes(data)
    mapping = mapping_dir / MAPPING_NAME
    mapping.write_text(mapping_text(builder), encoding="utf-8")
    return template, mapping


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, help="build into OUT/xlsx and OUT/mappings")
    args = parser.parse_args(argv)
    if args.out:
        build(args.out / "xlsx", args.out / "mappings")
    else:
        build(REPO / "templates" / "xlsx", REPO / "mappings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
