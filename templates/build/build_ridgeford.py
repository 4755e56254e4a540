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

A PDF form has no repeating tables, so Ridgeford's form holds single values only: targets,
attainment and PP+ items travel in the Word or Excel forms. Each text box's mapping entry
has a label fallback, which reads the value back from the text layer of a flattened copy.

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
from pypdf.generic import DictionaryObject, NameObject
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

REPO = Path(__file__).resolve().parent.parent.parent
GENERATOR = "templates/build/build_ridgeford.py"
TEMPLATE_NAME = "ridgeford-school-age.pdf"
MAPPING_NAME = "ridgeford-school-age.yaml"

BANNER = Color(0.36, 0.18, 0.42)
SECTION = Color(0.90, 0.86, 0.93)
FIELD_BG = Color(0.93, 0.95, 1.0)
BORDER = Color(0.45, 0.45, 0.55)

PAGE_W, PAGE_H = A4
LEFT = 40
LABEL_W = 175
BOX_X = LEFT + LABEL_W
BOX_W = PAGE_W - BOX_X - 40
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


SECTIONS: list[tuple[str, list[Box]]] = [
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
            Box("Carer's name", "CarerName", "care.carer.name"),
            Box("Carer's phone", "CarerPhone", "care.carer.phone"),
            Box("Social worker", "SWName", "care.social_worker.name"),
            Box("Social worker's email", "SWEmail", "care.social_worker.email"),
            Box("Social worker's phone", "SWPhone", "care.social_worker.phone"),
            Box("Social work team", "SWTeam", "care.social_worker.team"),
            Box("IRO", "IROName", "care.iro.name"),
            Box("IRO's email", "IROEmail", "care.iro.email"),
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
        ],
    ),
    (
        "6. Views",
        [
            Box("Child's views", "ViewsChild", "views.child", "long", lines=6),
            Box("Carer's views", "ViewsCarer", "views.carer", "long"),
            Box("Parent's views", "ViewsParent", "views.parent", "long"),
            Box("School's views", "ViewsSchool", "views.school", "long"),
            Box("Social worker's views", "ViewsSocialWorker", "views.social_worker", "long"),
        ],
    ),
    (
        "7. Transition, PP+ and sign-off",
        [
            Box("Next transition", "TransitionNext", "transition.next_transition"),
            Box("Transition date", "TransitionDate", "transition.date", "date"),
            Box("Transition plan", "TransitionPlan", "transition.plan", "long", lines=3),
            Box("Aspirations", "Aspirations", "transition.aspirations", "long", lines=3),
            Box("PP+ requested", "PPRequested", "pp_plus.requested_total", "money"),
            Box("PP+ approved", "PPApproved", "pp_plus.approved", "checkbox", on="1"),
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


class Form:
    def __init__(self, total_pages: int = 0) -> None:
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
        c.setFont("Helvetica-Bold", 16)
        c.drawString(LEFT, PAGE_H - 38, "Ridgeford Council - Virtual School")
        c.setFont("Helvetica", 11)
        c.drawString(LEFT, PAGE_H - 56, "Personal Education Plan (PEP) - School Age")
        c.setFillColor(Color(0.75, 0, 0))
        c.setFont("Helvetica-Bold", 9)
        c.drawRightString(PAGE_W - LEFT, PAGE_H - 85, "OFFICIAL-SENSITIVE when complete")
        c.setFillColor(black)
        c.setFont("Helvetica", 8)
        c.drawString(LEFT, 30, "Ridgeford Virtual School - PEP form RVS-SA-2025")
        c.drawRightString(PAGE_W - LEFT, 30, f"Page {self.page} of {self.total_pages}")
        self.y = TOP

    def room(self, height: float) -> None:
        if self.page == 0 or self.y - height < BOTTOM:
            self.new_page()

    def section(self, title: str) -> None:
        self.room(ROW * 3)
        c = self.canvas
        c.setFillColor(SECTION)
        c.rect(LEFT - 4, self.y - 4, PAGE_W - 2 * LEFT + 8, 18, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(LEFT, self.y + 1, title)
        self.y -= ROW + 4

    def box(self, box: Box) -> None:
        height = BOX_H if box.kind != "long" else box.lines * 12 + 4
        self.room(height + 8)
        c = self.canvas
        form = c.acroForm
        top = self.y + BOX_H
        c.setFont("Helvetica", 9.5)
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
                c.setFont("Helvetica", 9)
                c.drawString(x + 16, self.y + 4, shown)
                x += 38 + c.stringWidth(shown, "Helvetica", 9)
            self.y -= ROW
            return
        if box.kind == "checkbox":
            common.pop("fontName")
            common.pop("fontSize")
            form.checkbox(
                x=BOX_X, y=self.y + 1, size=12, checked=False, buttonStyle="check", **common
            )
            c.setFont("Helvetica", 8)
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
            c.setFont("Helvetica-Oblique", 8)
            c.drawString(BOX_X + width + 8, self.y + 4, "dd/mm/yyyy")
        self.y -= ROW

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
        for _, boxes in SECTIONS
        for box in boxes
        if box.kind == "checkbox" and box.on != "Yes"
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
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _draw(total_pages: int) -> Form:
    form = Form(total_pages)
    for title, boxes in SECTIONS:
        form.section(title)
        for box in boxes:
            form.box(box)
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
    for title, boxes in SECTIONS:
        lines += ["", f"  # --- {title}"]
        for box in boxes:
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
