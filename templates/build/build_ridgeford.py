"""Build Ridgeford's PDF AcroForm PEP (templates/pdf/) and its mapping (mappings/).

    python templates/build/build_ridgeford.py            # into the checkout
    python templates/build/build_ridgeford.py --out DIR  # into DIR/pdf and DIR/mappings

Ridgeford is fictional. Its form is drawn the way authorities' fillable PDFs are: a banner, an
OFFICIAL-SENSITIVE marking, "Page X of Y", numbered sections, a printed label left of each
box, and every kind of AcroForm field: single-line and multi-line text, drop-down lists whose
export values are codes (``C2``) while the list shows words, radio groups (Yes/No questions,
the term, SEN provision) and lone checkboxes. As on real forms, on-state names are not all
``/Yes``: the "on roll" box uses ``/On`` and the PP+ approval box ``/1``, so a filler that
assumes ``/Yes`` silently leaves them unticked (ISO 32000-2; docs/excel-pdf.md).

A PDF form cannot grow, so its repeating sections (attainment, the review of previous
targets, new targets, the people at the meeting) are printed as a few rows of fields under
column headers, mapped with ``table`` anchors; pepdocs puts further rows on a continuation
sheet. A new target takes two printed lines (what and who/when above, how and how measured
below), as on forms whose targets table would not fit across a portrait page. Answers that
expect a code (a target's area, a previous target's outcome, "on track?") are drop-down
lists; attendance at the meeting is a pair of checkboxes. Each single text box's mapping
entry has a label fallback, which reads the value back from the text layer of a flattened
copy.

Labels are printed in DejaVu Sans, the font pepdocs draws filled values in, so a filled form
reads in one type family (the build needs ``fonts-dejavu-core``).

The mapping is written from the same field list that draws the form. The build is
deterministic (reportlab's invariant mode, fixed ids), so rebuilding an unchanged script gives
the committed files byte for byte.
"""

from __future__ import annotations

import argparse
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

REPO = Path(__file__).resolve().parent.parent.parent
GENERATOR = "templates/build/build_ridgeford.py"
TEMPLATE_NAME = "ridgeford-school-age.pdf"
MAPPING_NAME = "ridgeford-school-age.yaml"

#: the type family of labels and of the values pepdocs draws (docs/excel-pdf.md)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SANS, SANS_BOLD, SANS_ITALIC = "RidgefordSans", "RidgefordSans-Bold", "RidgefordSans-Oblique"

BANNER = Color(0.36, 0.18, 0.42)
SECTION = Color(0.90, 0.86, 0.93)
FIELD_BG = Color(0.93, 0.95, 1.0)
BORDER = Color(0.45, 0.45, 0.55)

PAGE_W, PAGE_H = A4
LEFT = 40
LABEL_W = 175
BOX_X = LEFT + LABEL_W
BOX_W = PAGE_W - BOX_X - 40
TABLE_W = PAGE_W - 2 * LEFT
ROW = 21
BOX_H = 15
TOP = PAGE_H - 120
BOTTOM = 60

YES_NO = {"Yes": "Yes", "No": "No"}


@dataclass(frozen=True)
class Box:
    """One field: its printed label, PDF field name, model path and kind.

    kind: text | long | date | int | money | percent | choice (drop-down) | radio | yesno
    (a Yes/No radio pair) | checkbox (one box; ``on`` is its on-state name).
    """

    label: str
    name: str
    path: str
    kind: str = "text"
    #: drop-down: code -> label shown; radio: code -> on-state name
    options: Mapping[str, str] | None = None
    on: str = "Yes"
    lines: int = 4


@dataclass(frozen=True)
class Column:
    """One column of a table of fields: header, the item's path, kind, width in points.

    kind: text | long (wraps) | date | money | choice (drop-down) | check (checkbox)."""

    header: str
    path: str
    width: float
    kind: str = "text"
    #: drop-down: code -> label shown
    options: Mapping[str, str] | None = None
    #: the printed line of a two-line row the column is on (0 or 1)
    line: int = 0


@dataclass(frozen=True)
class Grid:
    """A repeating section as rows of fields under printed column headers."""

    path: str
    prefix: str  # field names: <prefix><row><column name>
    columns: tuple[Column, ...]
    rows: int
    height: float = BOX_H + 1  # of each printed line
    #: printed above the headers when the table is one part of a section
    title: str = ""

    def field_name(self, row: int, column: Column) -> str:
        return f"{self.prefix}{row}{''.join(part.title() for part in column.path.split('_'))}"


#: as short as a drop-down in a table cell needs them
TARGET_AREAS = {
    "academic": "Academic progress",
    "literacy": "Literacy",
    "numeracy": "Numeracy",
    "semh": "Wellbeing (SEMH)",
    "attendance": "Attendance",
    "behaviour": "Behaviour",
    "communication": "Communication",
    "physical": "Physical health",
    "independence": "Independence",
    "careers": "Careers",
    "other": "Other",
}
OUTCOMES = {"met": "Met", "partly_met": "Partly met", "not_met": "Not met"}
ON_TRACK = {"true": "Yes", "false": "No"}

ATTAINMENT = Grid(
    "attainment",
    "Attainment",
    (
        Column("Subject", "subject", 120, "long"),
        Column("Assessment scale", "scale", 150, "long"),
        Column("Baseline", "baseline", 60),
        Column("Current", "current", 60),
        Column("Target", "target", 60),
        Column("On track?", "on_track", 65, "choice", ON_TRACK),
    ),
    rows=6,
    height=24,
)
PREVIOUS_TARGETS = Grid(
    "previous_targets",
    "PreviousTarget",
    (
        Column("Previous target", "description", 220, "long"),
        Column("Outcome", "outcome", 85, "choice", OUTCOMES),
        Column("Evidence and impact", "evidence", 210, "long"),
    ),
    rows=3,
    height=34,
)
TARGETS = Grid(
    "targets",
    "Target",
    (
        Column("Ref", "id", 30),
        Column("Area", "area", 110, "choice", TARGET_AREAS),
        Column("SMART target", "description", 225, "long"),
        Column("Lead person", "lead", 85, "long"),
        Column("By when", "due_date", 65, "date"),
        Column("Actions and support", "actions", 255, "long", line=1),
        Column("Success criteria", "success_criteria", 195, "long", line=1),
        Column("PP+ £", "pp_plus_cost", 65, "money", line=1),
    ),
    rows=4,
    height=34,
)
EXCLUSIONS = Grid(
    "education.exclusions",
    "Exclusion",
    (
        Column(
            "Type",
            "type",
            150,
            "choice",
            {"FIXD": "Suspension", "PERM": "Permanent exclusion", "LNCH": "Lunchtime suspension"},
        ),
        Column("Start date", "start_date", 70, "date"),
        Column("Sessions", "sessions", 55),
        Column("Reason", "reason", 240, "long"),
    ),
    rows=3,
    height=24,
    title="Suspensions and exclusions this academic year",
)
PP_PLUS_ITEMS = Grid(
    "pp_plus.items",
    "PPItem",
    (
        Column("PP+ item or activity", "description", 330, "long"),
        Column("Cost £", "cost", 90, "money"),
        Column("For target", "target_id", 95),
    ),
    rows=3,
    height=24,
    title="What PP+ will pay for",
)
LINKED_PLANS = Grid(
    "linked_plans",
    "LinkedPlan",
    (
        Column(
            "Plan",
            "type",
            175,
            "choice",
            {
                "EHCP": "EHC plan",
                "BSP": "Behaviour support plan",
                "ILP": "Individual learning plan",
                "PSP": "Pastoral support plan",
                "PATHWAY": "Pathway plan",
                "IEP": "Individual education plan",
                "OTHER": "Other plan",
            },
        ),
        Column("Date of plan", "date", 80, "date"),
        Column("Reference or where it is held", "reference", 260),
    ),
    rows=3,
    title="Other plans for the child",
)
ATTENDEES = Grid(
    "attendees",
    "Attendee",
    (
        Column("Name", "name", 150),
        Column("Role", "role", 130),
        Column("Organisation", "organisation", 155),
        Column("Invited", "invited", 40, "check"),
        Column("Attended", "attended", 40, "check"),
    ),
    rows=6,
)

SECTIONS: list[tuple[str, list[Box | Grid]]] = [
    (
        "1. About this PEP",
        [
            Box("PEP reference", "PEPReference", "meta.pep_id"),
            Box(
                "Type of PEP",
                "PEPType",
                "meta.pep_type",
                "choice",
                {
                    "initial": "Initial PEP",
                    "review": "Review PEP",
                    "transition": "Transition PEP",
                    "interim": "Interim PEP",
                },
            ),
            Box("Academic year", "AcademicYear", "meta.academic_year"),
            Box(
                "Term",
                "Term",
                "meta.term",
                "radio",
                {
                    "autumn": "Autumn",
                    "spring": "Spring",
                    "summer": "Summer",
                },
            ),
            Box("Date of PEP meeting", "MeetingDate", "meta.meeting_date", "date"),
            Box("Date of previous PEP", "PreviousPEPDate", "meta.previous_pep_date", "date"),
            Box("Next PEP review due", "NextReviewDate", "meta.next_review_date", "date"),
            Box("Date PEP initiated", "InitiatedDate", "meta.initiated_date", "date"),
            Box(
                "PEP status",
                "PEPStatus",
                "meta.status",
                "choice",
                {
                    "draft": "Draft",
                    "completed": "Completed, awaiting QA",
                    "qa_returned": "Returned for changes",
                    "qa_approved": "Approved by the Virtual School",
                    "cancelled": "Cancelled",
                },
            ),
            Box("Form completed by", "CompletedBy", "meta.completed_by"),
        ],
    ),
    (
        "2. The child",
        [
            Box("Legal forename", "ChildForename", "child.first_name"),
            Box("Middle name(s)", "ChildMiddleNames", "child.middle_names"),
            Box("Legal surname", "ChildSurname", "child.last_name"),
            Box("Known as", "ChildKnownAs", "child.preferred_name"),
            Box("Date of birth", "ChildDOB", "child.date_of_birth", "date"),
            Box(
                "Gender",
                "ChildGender",
                "child.gender",
                "choice",
                {
                    "M": "Male",
                    "F": "Female",
                    "O": "Other",
                    "U": "Not known",
                },
            ),
            Box(
                "Ethnicity",
                "ChildEthnicity",
                "child.ethnicity",
                "choice",
                {
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
            ),
            Box("First language", "ChildFirstLanguage", "child.first_language"),
            Box("UPN", "ChildUPN", "child.upn"),
            Box("Ridgeford LCS number", "ChildLCSNumber", "child.la_child_id"),
        ],
    ),
    (
        "3. Care arrangements",
        [
            Box(
                "Legal status",
                "LegalStatus",
                "care.legal_status",
                "choice",
                {
                    "C1": "Interim Care Order (s38)",
                    "C2": "Full Care Order (s31)",
                    "D1": "Freeing Order",
                    "E1": "Placement Order",
                    "V2": "Section 20",
                    "V3": "Short breaks (V3)",
                    "V4": "Short breaks (V4)",
                    "L1": "Police Protection",
                    "L2": "Emergency Protection Order",
                    "L3": "Child Assessment Order",
                    "J1": "Remanded",
                    "J2": "PACE transfer",
                    "J3": "Youth Rehabilitation Order with residence",
                },
            ),
            Box("Date became looked after", "DateLAC", "care.date_became_looked_after", "date"),
            Box("Emergency entry to care", "EmergencyEntry", "care.emergency_entry", "yesno"),
            Box(
                "Placement type",
                "PlacementType",
                "care.placement_type",
                "choice",
                {
                    "A3": "Adoption (consent), current carer",
                    "A4": "Adoption (consent), new carer",
                    "A5": "Adoption (placement order), current carer",
                    "A6": "Adoption (placement order), new carer",
                    "K1": "Secure children's home",
                    "K2": "Children's home",
                    "K3": "Supported accommodation",
                    "P1": "Placed with parent(s)",
                    "P3": "Residential employment",
                    "R1": "Residential care home",
                    "R2": "NHS / health setting",
                    "R3": "Family centre / mother and baby unit",
                    "R5": "Young offender institution",
                    "S1": "Residential school",
                    "T0": "Temporary move",
                    "T1": "Temporary: hospital",
                    "T2": "Temporary: holiday",
                    "T3": "Temporary: carer on holiday",
                    "T4": "Temporary: 7 days or less",
                    "U1": "Family and friends foster care, long-term",
                    "U2": "Family and friends foster care, fostering for adoption",
                    "U3": "Family and friends foster care, other",
                    "U4": "Foster care, long-term",
                    "U5": "Foster care, fostering for adoption",
                    "U6": "Foster care, other",
                    "Z11": "Unregistered children's home",
                    "Z12": "Unregistered supported accommodation",
                    "Z13": "Other unregistered provision",
                    "Z14": "Other placement",
                },
            ),
            Box("Placement start date", "PlacementStart", "care.placement_start_date", "date"),
            Box("Number of placements", "NumberOfPlacements", "care.number_of_placements", "int"),
            Box("Placing authority", "PlacingLA", "care.placing_authority"),
            Box("Host authority", "HostLA", "care.host_authority"),
            Box(
                "Parental responsibility held by",
                "ParentalResponsibility",
                "care.parental_responsibility",
            ),
            Box("Carer's name", "CarerName", "care.carer.name"),
            Box("Carer's phone", "CarerPhone", "care.carer.phone"),
            Box("Carer's email", "CarerEmail", "care.carer.email"),
            Box(
                "Carer's part in learning",
                "CarerEducationRole",
                "care.carer.education_role",
                "long",
                lines=2,
            ),
            Box("Social worker", "SWName", "care.social_worker.name"),
            Box("Social worker's email", "SWEmail", "care.social_worker.email"),
            Box("Social worker's phone", "SWPhone", "care.social_worker.phone"),
            Box("Social work team", "SWTeam", "care.social_worker.team"),
            Box("IRO", "IROName", "care.iro.name"),
            Box("IRO's email", "IROEmail", "care.iro.email"),
            Box("IRO's phone", "IROPhone", "care.iro.phone"),
        ],
    ),
    (
        "4. Education",
        [
            Box("School or setting", "SchoolName", "education.setting_name"),
            Box("URN", "SchoolURN", "education.urn"),
            Box("DfE number (LAESTAB)", "SchoolDfENumber", "education.laestab"),
            Box(
                "National curriculum year",
                "NCYear",
                "education.ncy",
                "choice",
                {
                    "N1": "Nursery 1",
                    "N2": "Nursery 2",
                    "R": "Reception",
                    **{str(year): f"Year {year}" for year in range(1, 15)},
                    "X": "Not following the national curriculum",
                },
            ),
            Box("Date joined this school", "DateJoined", "education.date_joined", "date"),
            Box("On roll at this school", "OnRoll", "education.on_roll", "checkbox", on="On"),
            Box("Designated teacher", "DTName", "education.designated_teacher.name"),
            Box("Designated teacher's email", "DTEmail", "education.designated_teacher.email"),
            Box("Designated teacher's phone", "DTPhone", "education.designated_teacher.phone"),
            Box("SENCo", "SENCo", "education.senco"),
            Box(
                "SEN provision",
                "SENProvision",
                "education.sen_provision",
                "radio",
                {
                    "E": "EHCP",
                    "K": "SENSupport",
                    "N": "NoSEN",
                },
            ),
            Box(
                "Primary SEN need",
                "SENPrimaryNeed",
                "education.sen_primary_need",
                "choice",
                {
                    "SPLD": "Specific learning difficulty",
                    "MLD": "Moderate learning difficulty",
                    "SLD": "Severe learning difficulty",
                    "PMLD": "Profound and multiple learning difficulty",
                    "SLCN": "Speech, language and communication needs",
                    "SEMH": "Social, emotional and mental health",
                    "ASD": "Autistic spectrum disorder",
                    "VI": "Visual impairment",
                    "HI": "Hearing impairment",
                    "MSI": "Multi-sensory impairment",
                    "PD": "Physical disability",
                    "NSA": "No specialist assessment",
                    "OTH": "Other difficulty or disability",
                },
            ),
            Box("EHCP date", "EHCPDate", "education.ehcp_date", "date"),
            Box(
                "Part-time timetable", "PartTimeTimetable", "education.part_time_timetable", "yesno"
            ),
        ],
    ),
    (
        "5. Attendance and health",
        [
            Box("Attendance %", "AttendancePercent", "education.attendance.percent", "percent"),
            Box(
                "Sessions possible",
                "SessionsPossible",
                "education.attendance.sessions_possible",
                "int",
            ),
            Box("Sessions missed", "SessionsMissed", "education.attendance.sessions_missed", "int"),
            Box("Attendance from", "AttendanceFrom", "education.attendance.period_start", "date"),
            Box("Attendance to", "AttendanceTo", "education.attendance.period_end", "date"),
            Box("SDQ score", "SDQScore", "health.sdq_score", "int"),
            Box("SDQ completed on", "SDQDate", "health.sdq_date", "date"),
            Box("CAMHS involved", "CAMHS", "health.camhs_involved", "yesno"),
            EXCLUSIONS,
        ],
    ),
    ("6. Attainment and progress", [ATTAINMENT]),
    (
        "7. Views",
        [
            Box("Child's views", "ViewsChild", "views.child", "long", lines=6),
            Box(
                "If not recorded, why not",
                "ViewsChildNotGiven",
                "views.child_not_given_reason",
                "long",
                lines=2,
            ),
            Box(
                "Leisure interests", "LeisureInterests", "child.leisure_interests", "long", lines=2
            ),
            Box("Carer's views", "ViewsCarer", "views.carer", "long", lines=6),
            Box("Parent's views", "ViewsParent", "views.parent", "long", lines=6),
            Box("School's views", "ViewsSchool", "views.school", "long", lines=6),
            Box(
                "Social worker's views",
                "ViewsSocialWorker",
                "views.social_worker",
                "long",
                lines=6,
            ),
        ],
    ),
    ("8. Review of previous targets", [PREVIOUS_TARGETS]),
    ("9. New SMART targets", [TARGETS]),
    (
        "10. Transition and PP+",
        [
            Box("Next transition", "TransitionNext", "transition.next_transition"),
            Box("Transition date", "TransitionDate", "transition.date", "date"),
            Box("Transition plan", "TransitionPlan", "transition.plan", "long", lines=3),
            Box("Aspirations", "Aspirations", "transition.aspirations", "long", lines=3),
            Box(
                "Careers advice and guidance",
                "CareersAdvice",
                "transition.careers_advice",
                "long",
                lines=3,
            ),
            Box("PP+ requested", "PPRequested", "pp_plus.requested_total", "money"),
            Box("PP+ approved", "PPApproved", "pp_plus.approved", "checkbox", on="1"),
            PP_PLUS_ITEMS,
            LINKED_PLANS,
        ],
    ),
    ("11. People at the meeting", [ATTENDEES]),
    (
        "12. Sign-off",
        [
            Box("Designated teacher signed", "DTSigned", "signoff.designated_teacher_date", "date"),
            Box("Social worker signed", "SWSigned", "signoff.social_worker_date", "date"),
            Box("Virtual School QA date", "VSQADate", "signoff.virtual_school_date", "date"),
            Box(
                "QA rating",
                "QARating",
                "signoff.qa_rating",
                "radio",
                {
                    "gold": "Gold",
                    "green": "Green",
                    "amber": "Amber",
                    "red": "Red",
                },
            ),
        ],
    ),
]


# -- drawing -----------------------------------------------------------------------------------


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in (
        (SANS, "DejaVuSans.ttf"),
        (SANS_BOLD, "DejaVuSans-Bold.ttf"),
        (SANS_ITALIC, "DejaVuSans-Oblique.ttf"),
    ):
        path = FONT_DIR / file
        if not path.is_file():
            raise SystemExit(f"{path}: not found; install fonts-dejavu-core to build the form")
        pdfmetrics.registerFont(TTFont(name, str(path)))


class Form:
    def __init__(self, total_pages: int = 0) -> None:
        _register_fonts()
        self.total_pages = total_pages
        self.buffer = io.BytesIO()
        # invariant: no dates or random ids in the file, so rebuilds are identical
        self.canvas = Canvas(self.buffer, pagesize=A4, invariant=1, pageCompression=1)
        self.canvas.setTitle("Ridgeford Personal Education Plan - School Age")
        self.canvas.setAuthor("Ridgeford Virtual School")
        self.page = 0
        self.y = TOP
        #: field name -> page number (1-based), for the label anchors
        self.pages: dict[str, int] = {}

    def new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        c = self.canvas
        c.setFillColor(BANNER)
        c.rect(0, PAGE_H - 70, PAGE_W, 70, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont(SANS_BOLD, 16)
        c.drawString(LEFT, PAGE_H - 38, "Ridgeford Council - Virtual School")
        c.setFont(SANS, 11)
        c.drawString(LEFT, PAGE_H - 56, "Personal Education Plan (PEP) - School Age")
        c.setFillColor(Color(0.75, 0, 0))
        c.setFont(SANS_BOLD, 9)
        c.drawRightString(PAGE_W - LEFT, PAGE_H - 85, "OFFICIAL-SENSITIVE when complete")
        c.setFillColor(black)
        c.setFont(SANS, 8)
        c.drawString(LEFT, 30, "Ridgeford Virtual School - PEP form RVS-SA-2025")
        c.drawRightString(PAGE_W - LEFT, 30, f"Page {self.page} of {self.total_pages}")
        self.y = TOP

    def room(self, height: float) -> None:
        if self.page == 0 or self.y - height < BOTTOM:
            self.new_page()

    def section(self, title: str, first: Box | Grid) -> None:
        """A section heading, kept on the page of what follows it (its first box, or the
        whole of a table that opens it)."""
        if isinstance(first, Grid):
            lines = 1 + max(column.line for column in first.columns)
            row_h = first.height * lines + (4 if lines > 1 else 0)
            after = (16.0 if first.title else 0.0) + 13.0 * lines + first.rows * (row_h + 2)
        else:
            after = (BOX_H if first.kind != "long" else first.lines * 12 + 4) + 8
        self.room(ROW + 4 + min(after, TOP - BOTTOM - ROW - 4))
        c = self.canvas
        c.setFillColor(SECTION)
        c.rect(LEFT - 4, self.y - 4, PAGE_W - 2 * LEFT + 8, 18, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont(SANS_BOLD, 11)
        c.drawString(LEFT, self.y + 1, title)
        self.y -= ROW + 4

    def box(self, box: Box) -> None:
        height = BOX_H if box.kind != "long" else box.lines * 12 + 4
        self.room(height + 8)
        c = self.canvas
        form = c.acroForm
        top = self.y + BOX_H
        c.setFont(SANS, 9)
        c.setFillColor(black)
        c.drawString(LEFT, self.y + 4, box.label)
        self.pages[box.name] = self.page
        common: dict[str, Any] = {
            "name": box.name,
            "tooltip": box.label,
            "borderColor": BORDER,
            "fillColor": FIELD_BG,
            "textColor": black,
            "borderWidth": 0.6,
            "fontName": "Helvetica",
            "fontSize": 9,
        }
        if box.kind in ("radio", "yesno"):
            options = box.options or YES_NO
            x = BOX_X
            common.pop("fontName")
            common.pop("fontSize")
            for code, state in options.items():
                form.radio(
                    value=state,
                    selected=False,
                    x=x,
                    y=self.y + 1,
                    size=12,
                    buttonStyle="circle",
                    shape="circle",
                    **common,
                )
                shown = code if box.kind == "yesno" else _radio_caption(box, code)
                c.setFont(SANS, 9)
                c.drawString(x + 16, self.y + 4, shown)
                x += 38 + c.stringWidth(shown, SANS, 9)
            self.y -= ROW
            return
        if box.kind == "checkbox":
            common.pop("fontName")
            common.pop("fontSize")
            form.checkbox(
                x=BOX_X, y=self.y + 1, size=12, checked=False, buttonStyle="check", **common
            )
            c.setFont(SANS, 8)
            c.drawString(BOX_X + 18, self.y + 4, "(tick if yes)")
            self.y -= ROW
            return
        if box.kind == "choice":
            entries = [(label, code) for code, label in (box.options or {}).items()]
            # reportlab needs an initial value; the blank first entry is it (as on real forms)
            form.choice(
                value=" ",
                options=[(" ", " "), *entries],
                x=BOX_X,
                y=self.y,
                width=BOX_W,
                height=BOX_H,
                maxlen=None,
                **common,
            )
            self.y -= ROW
            return
        if box.kind == "long":
            form.textfield(
                value="",
                x=BOX_X,
                y=top - height,
                width=BOX_W,
                height=height,
                fieldFlags="multiline",
                maxlen=None,
                **common,
            )
            self.y -= height + 8
            return
        width = BOX_W if box.kind in ("text",) else 120
        form.textfield(
            value="", x=BOX_X, y=self.y, width=width, height=BOX_H, maxlen=None, **common
        )
        if box.kind == "date":
            c.setFont(SANS_ITALIC, 8)
            c.drawString(BOX_X + width + 8, self.y + 4, "dd/mm/yyyy")
        self.y -= ROW

    def grid(self, grid: Grid) -> None:
        """Column headers, then ``grid.rows`` printed rows of fields (a row may take two
        printed lines: each column says which); the headers repeat on a new page."""
        lines = 1 + max(column.line for column in grid.columns)
        header_h = 13.0 * lines
        row_h = grid.height * lines + (4 if lines > 1 else 0)
        title_h = 16.0 if grid.title else 0.0
        whole = title_h + header_h + grid.rows * (row_h + 2) + 6
        # the whole table on one page when a page can hold it, as a form designer would
        self.room(whole if whole < TOP - BOTTOM else title_h + header_h + row_h + 6)
        if grid.title:
            self.canvas.setFont(SANS_BOLD, 9)
            self.canvas.setFillColor(black)
            self.canvas.drawString(LEFT, self.y + 4, grid.title)
            self.y -= title_h
        self._grid_header(grid, lines)
        c = self.canvas
        form = c.acroForm
        for row in range(1, grid.rows + 1):
            if self.y - row_h < BOTTOM:
                self.new_page()
                self._grid_header(grid, lines)
            top = self.y
            for line in range(lines):
                x = float(LEFT)
                for column in (col for col in grid.columns if col.line == line):
                    y = top - (line + 1) * grid.height
                    self._grid_field(form, grid, row, column, x, y)
                    x += column.width
            self.y = top - row_h - 2
            if lines > 1 and row < grid.rows:
                c.setStrokeColor(BORDER)
                c.setLineWidth(0.4)
                c.line(LEFT, self.y + 2, LEFT + TABLE_W, self.y + 2)
        self.y -= 8

    def _grid_header(self, grid: Grid, lines: int) -> None:
        c = self.canvas
        c.setFillColor(SECTION)
        c.rect(LEFT, self.y - 13 * lines + 10, TABLE_W, 13 * lines, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont(SANS_BOLD, 8)
        for line in range(lines):
            x = float(LEFT)
            for column in (col for col in grid.columns if col.line == line):
                c.drawString(x + 2, self.y - 13 * line, column.header)
                x += column.width
        self.y -= 13 * lines - 6

    def _grid_field(
        self, form: Any, grid: Grid, row: int, column: Column, x: float, y: float
    ) -> None:
        name = grid.field_name(row, column)
        common: dict[str, Any] = {
            "name": name,
            "tooltip": f"{column.header}, row {row}",
            "borderColor": BORDER,
            "fillColor": FIELD_BG,
            "textColor": black,
            "borderWidth": 0.6,
        }
        height = grid.height - 2
        if column.kind == "check":
            size = 11.0
            form.checkbox(
                x=x + (column.width - size) / 2,
                y=y + (height - size) / 2 + 1,
                size=size,
                checked=False,
                buttonStyle="check",
                **common,
            )
            return
        common.update(fontName="Helvetica", fontSize=8)
        if column.kind == "choice":
            entries = [(label, code) for code, label in (column.options or {}).items()]
            form.choice(
                value=" ",
                options=[(" ", " "), *entries],
                x=x,
                y=y + 1,
                width=column.width - 2,
                height=height,
                maxlen=None,
                **common,
            )
            return
        flags = "multiline" if column.kind == "long" else ""
        form.textfield(
            value="",
            x=x,
            y=y + 1,
            width=column.width - 2,
            height=height,
            fieldFlags=flags,
            maxlen=None,
            **common,
        )

    def finish(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def _radio_caption(box: Box, code: str) -> str:
    captions = {
        "E": "EHC plan",
        "K": "SEN support",
        "N": "No SEN",
        "autumn": "Autumn",
        "spring": "Spring",
        "summer": "Summer",
        "gold": "Gold",
        "green": "Green",
        "amber": "Amber",
        "red": "Red",
    }
    return captions.get(code, code)


def _finish(data: bytes) -> bytes:
    """The checkbox on-states Ridgeford's form uses, renamed from reportlab's ``/Yes``."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    renames = {
        box.name: box.on
        for _, items in SECTIONS
        for box in items
        if isinstance(box, Box) and box.kind == "checkbox" and box.on != "Yes"
    }
    for page in writer.pages:
        for annot in page.get("/Annots", []) or []:
            widget = annot.get_object()
            name = widget.get("/T")
            if widget.get("/FT") == "/Ch":
                del widget["/V"]  # the blank entry reportlab had to select: no answer yet
            if name not in renames:
                continue
            state = NameObject("/" + renames[name])
            appearances = widget["/AP"]
            for key in list(appearances.keys()):
                states = appearances[key].get_object()
                if "/Yes" in states:
                    renamed = DictionaryObject(
                        {state if k == "/Yes" else NameObject(k): v for k, v in states.items()}
                    )
                    appearances[NameObject(key)] = renamed
            widget[NameObject("/AS")] = NameObject("/Off")
            widget[NameObject("/V")] = NameObject("/Off")
    writer.add_metadata({"/Title": "Ridgeford Personal Education Plan - School Age"})
    # what a screen reader announces: the form's title (not its file name) in UK English; the
    # boxes are named to it by their tooltips (the printed labels)
    writer.root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    writer.create_viewer_preferences().display_doctitle = True
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _draw(total_pages: int) -> Form:
    form = Form(total_pages)
    for title, items in SECTIONS:
        form.section(title, items[0])
        for item in items:
            if isinstance(item, Grid):
                form.grid(item)
            else:
                form.box(item)
    form.finish()
    return form


def build_pdf() -> tuple[bytes, dict[str, int]]:
    # twice: "Page X of Y" needs Y before the first page is drawn
    form = _draw(_draw(0).page)
    return _finish(form.buffer.getvalue()), form.pages


# -- the mapping -----------------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "~"}


def _scalar(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_scalar(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    return _scalar(value)


def mapping_text(pages: Mapping[str, int]) -> str:
    lines = [
        "# Ridgeford Virtual School: school age PEP as a fillable PDF (AcroForm), version 2025-09.",
        f"# Written by {GENERATOR} together with the form, so every field name below",
        "# exists in it; change both by editing that script and re-running it.",
        "# docs/excel-pdf.md explains the PDF anchors.",
        "authority: ridgeford",
        'name: "Ridgeford Virtual School"',
        "form: school_age",
        'version: "2025-09"',
        "kind: pdf",
        f"template: {TEMPLATE_NAME}",
        "description: >-",
        "  Ridgeford's school age PEP as a PDF form: text boxes, drop-down lists with code",
        "  export values, radio groups and checkboxes with their own on-states. Text boxes",
        "  fall back to their printed labels, read from the text layer of a flattened copy.",
        "fingerprint:",
        '  - "Ridgeford Council - Virtual School"',
        "fields:",
    ]
    for title, items in SECTIONS:
        lines += ["", f"  # --- {title}"]
        for box in items:
            if isinstance(box, Grid):
                lines += _grid_lines(box)
                continue
            lines.append(f"  - path: {box.path}")
            if box.kind == "radio" and box.path != "meta.term" and box.options:
                anchor: dict[str, Any] = {"radio": {"name": box.name, "states": box.options}}
                lines.append(f"    at: {_flow(anchor)}")
            else:
                lines.append(f"    at: {_flow({'field': box.name})}")
            if box.kind not in ("radio", "yesno", "checkbox"):
                label = {"text": box.label, "page": pages[box.name]}
                lines.append(f"    also: {_flow({'label': label})}")
            if box.kind == "date":
                lines += ["    type: date", '    format: "%d/%m/%Y"']
            elif box.kind in ("int", "money", "percent"):
                lines.append(f"    type: {box.kind}")
            elif box.kind == "long":
                lines.append("    multiline: true")
            elif box.kind == "yesno":
                lines += ["    type: bool", '    values: {true: "Yes", false: "No"}']
            elif box.kind == "choice" or (box.kind == "radio" and box.path == "meta.term"):
                lines += ["    type: choice", "    values:"]
                lines += [
                    f"      {_scalar(code)}: {_scalar(label)}"
                    for code, label in (box.options or {}).items()
                ]
            elif box.kind == "radio":
                lines.append("    type: choice")
            elif box.kind == "checkbox":
                lines.append(
                    f'    note: "a lone checkbox: unticked reads as no; its on-state is /{box.on}"'
                )
    return "\n".join(lines) + "\n"


def _grid_lines(grid: Grid) -> list[str]:
    """A ``table`` anchor: the printed headers, then each printed row's field names."""
    lines = [f"  - path: {grid.path}", "    at:", "      table:"]
    header = ", ".join(_scalar(column.header) for column in grid.columns)
    lines.append(f"        header: [{header}]")
    lines.append("        rows:")
    for row in range(1, grid.rows + 1):
        names = ", ".join(grid.field_name(row, column) for column in grid.columns)
        lines.append(f"          - [{names}]")
    lines.append("    columns:")
    for column in grid.columns:
        head = f"      - {{path: {column.path}, header: {_scalar(column.header)}"
        if column.kind == "date":
            lines.append(head + ', type: date, format: "%d/%m/%Y"}')
        elif column.kind == "money":
            lines.append(head + ", type: money}")
        elif column.kind == "check":
            lines.append(head + ", type: bool}")
        elif column.kind == "choice" and column.options is ON_TRACK:
            lines.append(head + ', type: bool, values: {true: "Yes", false: "No"}}')
        elif column.kind == "choice":
            lines += [
                f"      - path: {column.path}",
                f"        header: {_scalar(column.header)}",
                "        type: choice",
                "        values:",
            ]
            lines += [
                f"          {_scalar(code)}: {_scalar(label)}"
                for code, label in (column.options or {}).items()
            ]
        else:
            lines.append(head + "}")
    return lines


def build(template_dir: Path, mapping_dir: Path) -> tuple[Path, Path]:
    data, pages = build_pdf()
    template_dir.mkdir(parents=True, exist_ok=True)
    mapping_dir.mkdir(parents=True, exist_ok=True)
    template = template_dir / TEMPLATE_NAME
    template.write_bytes(data)
    mapping = mapping_dir / MAPPING_NAME
    mapping.write_text(mapping_text(pages), encoding="utf-8")
    return template, mapping


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, help="build into OUT/pdf and OUT/mappings")
    args = parser.parse_args(argv)
    if args.out:
        build(args.out / "pdf", args.out / "mappings")
    else:
        build(REPO / "templates" / "pdf", REPO / "mappings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
