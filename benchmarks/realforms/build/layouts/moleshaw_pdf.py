"""Moleshaw post-16 PEP as a PDF form, after Surrey Virtual School's post-16 PEP pages (a termly
PEP through Years 12 and 13 for every young person in care, in education, employment or
training or not (NEET); completed by the social worker and the designated person at the
education or training provider; every PEP has a Student's View page; a Youth Support Officer may
join the meeting for a young person who is NEET; the social worker is responsible for the PEP
until 18, the personal adviser after).

The Student's View comes first, in framed boxes with the question printed inside at the top.
Fields were named by a PDF editor's automatic field detection, which names a field after the
printed words nearest to it: "Name", "Telephone", "Telephone_2" (the second field labelled
Telephone), "Email_2", grid cells as "TargetRow1" after their column heading, "undefined" where
it found no words, and boxes after the option beside them. A name therefore says what is printed
near the field, not whose it is: only the section and the label before it tell the social
worker's phone from the designated person's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from benchmarks.realforms.build.form import Doc
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout
from benchmarks.realforms.build.pdfkit import Sheet

ROUTES = ["A levels", "Vocational course", "T Level", "Apprenticeship", "Employment", "NEET"]
YEARS = [("Year 12", "12"), ("Year 13", "13")]


class DetectedSheet(Sheet):
    """A sheet whose fields carry the names automatic field detection gives them: the words
    queued for the next fields, made unique as "Name", "Name_2", ..."""

    def __init__(self, title: str, authority: str, banner: str, reference: str) -> None:
        super().__init__(title, authority, banner, reference)
        self.queued: list[str] = []
        self.seen: dict[str, int] = {}

    def queue(self, *labels: str) -> None:
        self.queued.extend(labels)

    def _unique(self, label: str) -> str:
        base = re.sub(r"[^A-Za-z0-9 /%]", "", label).strip() or "undefined"
        count = self.seen.get(base, 0) + 1
        self.seen[base] = count
        return base if count == 1 else f"{base}_{count}"

    def _next_name(self) -> str:
        return self._unique(self.queued.pop(0) if self.queued else "undefined")

    def _text_field(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        value: str | None,
        *,
        multiline: bool = False,
    ) -> None:
        self.canvas.acroForm.textfield(
            name=self._next_name(),
            value=value or "",
            x=x,
            y=y,
            width=width,
            height=height,
            fontName="Helvetica",
            fontSize=8 if not multiline else 7.5,
            borderColor=None,
            fillColor=None,
            borderWidth=0,
            fieldFlags="multiline" if multiline else "",
            maxlen=4000,
        )

    def _check(self, x: float, y: float, checked: bool) -> None:
        self.canvas.acroForm.checkbox(
            name=self._next_name(),
            checked=checked,
            buttonStyle="check",
            x=x,
            y=y,
            size=9,
            borderWidth=0.5,
            fieldFlags="",
            forceBorder=True,
        )


def _grid_names(headers: Sequence[str], rows: int) -> list[str]:
    return [f"{header}Row{row}" for row in range(1, rows + 1) for header in headers]


def _views(sheet: DetectedSheet, doc: Doc) -> None:
    sheet.heading("STUDENT'S VIEW")
    sheet.note("To be completed by the young person before the meeting, with help if they want it.")
    for question, typed in (
        ("How is your course, training or job going?", doc.text("views.child")),
        ("What would you like to do in the future?", doc.text("transition.aspirations")),
        (
            "What do you enjoy doing outside college or work?",
            doc.text("child.leisure_interests"),
        ),
    ):
        sheet.queue(question)
        sheet.framed(question, typed, height=54)


def _about(sheet: DetectedSheet, doc: Doc) -> None:
    sheet.heading("ABOUT ME")
    sheet.note("To be completed by the social worker.")
    pairs = [
        ("Name", doc.full_name(middle=False)),
        ("Date of birth", doc.text("child.date_of_birth")),
        ("ULN", doc.text("child.uln")),
        ("Gender", doc.text("child.gender")),
        ("Ethnicity", doc.text("child.ethnicity")),
        ("Legal status", doc.text("care.legal_status")),
        ("Placement type", doc.text("care.placement_type")),
        ("Where I live", doc.unplaced("residence", "Where I live", None)),
    ]
    sheet.queue(*(label for label, _ in pairs))
    sheet.fields(pairs, columns=2, label_width=80)
    ncy = doc.code("education.ncy")
    sheet.queue(*(text for text, _ in YEARS))
    sheet.options("School year", [t for t, _ in YEARS], [c == ncy for _, c in YEARS])


def _contacts(sheet: DetectedSheet, doc: Doc) -> None:
    sheet.heading("CONTACTS")
    rows = [
        [
            ("Social worker", doc.text("care.social_worker.name")),
            ("Telephone", doc.text("care.social_worker.phone")),
            ("Email", doc.text("care.social_worker.email")),
        ],
        [
            ("Carer or key worker", doc.text("care.carer.name")),
            ("Telephone", doc.text("care.carer.phone")),
            (
                "Personal adviser",
                doc.unplaced("personal_adviser", "Personal adviser", "care.personal_adviser"),
            ),
        ],
        [
            ("Designated person", doc.text("education.designated_teacher.name")),
            ("Telephone", doc.text("education.designated_teacher.phone")),
            ("Email", doc.text("education.designated_teacher.email")),
        ],
    ]
    for row in rows:
        sheet.queue(*(label for label, _ in row))
        sheet.fields(row, columns=3, label_width=86)


def _provider(sheet: DetectedSheet, doc: Doc) -> None:
    sheet.heading("EDUCATION, EMPLOYMENT OR TRAINING")
    sheet.note("To be completed by the designated person at the provider.")
    route = doc.unplaced("route", "Route", None)
    sheet.queue(*ROUTES)
    sheet.checklist("Route", ROUTES, [route == option for option in ROUTES], columns=3)
    pairs = [
        ("Provider or employer", doc.text("education.setting_name")),
        (
            "Course or apprenticeship",
            doc.unplaced("course", "Course or apprenticeship", "education.course"),
        ),
        ("Level", doc.unplaced("course_level", "Level", "education.course_level")),
        ("Start date", doc.text("education.date_joined")),
        ("Attendance %", doc.text("education.attendance.percent")),
        ("SEN support", doc.text("education.sen_provision")),
    ]
    # the detection found no words beside the Level box
    sheet.queue(
        "Provider or employer",
        "Course or apprenticeship",
        "",
        "Start date",
        "Attendance",
        "SEN support",
    )
    sheet.stacked(pairs, columns=3)
    plans = [plan for plan in doc.items("linked_plans") if plan["type"] == "PATHWAY"]
    plan_date = None
    if plans:
        doc.add_item("linked_plans", {"type": "PATHWAY", "date": plans[0]["date"]})
        plan_date = doc.say("linked_plans.date", plans[0]["date"])
    sheet.queue("Yes", "No")
    sheet.answer_boxes("Is a Pathway Plan in place?", ["Yes", "No"], [bool(plans), False])
    sheet.queue("Date of Pathway Plan")
    sheet.fields([("Date of Pathway Plan", plan_date)], columns=2, label_width=95)


def _progress(sheet: DetectedSheet, doc: Doc) -> None:
    sheet.heading("PROGRESS")
    headers = ["Qualification / course", "Current", "Target", "On track"]
    rows: list[list[str | bool | None]] = []
    for index in range(3):
        row: list[str | bool | None] = [
            doc.cell("attainment", index, name) for name in ("subject", "current", "target")
        ]
        row.append(doc.item_flag("attainment", index, "on_track"))
        rows.append(row)
    sheet.queue(*_grid_names(headers, 3))
    sheet.ruled_grid(headers, [4, 2, 2, 1], rows, row_height=18, boxes=[False, False, False, True])
    last = ["Last target", "Achieved", "Comment"]
    rows = [
        [
            doc.cell("previous_targets", index, "description"),
            doc.cell("previous_targets", index, "outcome"),
            doc.cell("previous_targets", index, "evidence"),
        ]
        for index in range(2)
    ]
    sheet.queue(*_grid_names(last, 2))
    sheet.ruled_grid(
        ["Last target", "Achieved? (Yes / Partly / No)", "Comment"],
        [4.5, 1.6, 3],
        rows,
        row_height=24,
    )


def _targets(sheet: DetectedSheet, doc: Doc) -> None:
    sheet.heading("TARGETS FOR THIS TERM")
    headers = ["Target", "Support and actions", "Who", "By when", "Funding"]
    rows = [
        [
            doc.cell("targets", index, name)
            for name in ("description", "actions", "lead", "due_date", "pp_plus_cost")
        ]
        for index in range(3)
    ]
    sheet.queue(*_grid_names(headers, 3))
    sheet.ruled_grid(
        ["Target", "Support and actions", "Who", "By when", "Funding \u00a3"],
        [4, 4, 2, 1.3, 1],
        rows,
        row_height=28,
    )


def _next(sheet: DetectedSheet, doc: Doc) -> None:
    sheet.heading("NEXT STEPS")
    sheet.queue("Planned next step", "", "Careers advice and guidance")
    sheet.fields(
        [
            ("Planned next step", doc.text("transition.next_transition")),
            ("When", doc.text("transition.date")),
        ],
        columns=2,
        label_width=90,
    )
    sheet.fields(
        [("Careers advice and guidance", doc.text("transition.careers_advice"))],
        columns=1,
        label_width=130,
    )


def _meeting(sheet: DetectedSheet, doc: Doc) -> None:
    sheet.heading("PEP MEETING")
    dates = [
        ("Date of this PEP", doc.text("meta.meeting_date")),
        ("Date of last PEP", doc.text("meta.previous_pep_date")),
        ("Date of next PEP", doc.text("meta.next_review_date")),
    ]
    sheet.queue(*(label for label, _ in dates))
    sheet.fields(dates, columns=3, label_width=72)
    people: list[list[str | bool | None]] = []
    for index in range(5):
        row: list[str | bool | None] = [
            doc.cell("attendees", index, "name"),
            doc.cell("attendees", index, "role"),
        ]
        row.append(doc.item_flag("attendees", index, "attended"))
        people.append(row)
    sheet.queue(*_grid_names(["Name", "Role", "Present"], 5))
    sheet.ruled_grid(
        ["Name", "Role", "Present"], [4, 4, 1], people, row_height=15, boxes=[False, False, True]
    )
    young = doc.signatory("Young person")
    worker = doc.signatory("Social worker")
    teacher = doc.signatory("Designated person")
    sw_signature = worker.signature("social_worker")
    dt_signature = teacher.signature("designated_teacher")
    sheet.queue("Young persons signature", "Social workers signature", "Date")
    sheet.ruled_cells(
        [
            ("Young person's signature", young.signature("young_person"), 3),
            ("Social worker's signature", sw_signature, 3),
            (
                "Date",
                worker.date("signoff.social_worker_date") if sw_signature is not None else None,
                1.5,
            ),
        ],
        height=28,
    )
    sheet.queue("Designated persons signature", "Print name", "Date")
    sheet.ruled_cells(
        [
            ("Designated person's signature", dt_signature, 3),
            (
                "Print name",
                teacher.name("education.designated_teacher.name")
                if dt_signature is not None
                else None,
                3,
            ),
            (
                "Date",
                teacher.date("signoff.designated_teacher_date")
                if dt_signature is not None
                else None,
                1.5,
            ),
        ],
        height=28,
    )


def build(doc: Doc) -> bytes:
    sheet = DetectedSheet(
        "Post-16 Personal Education Plan",
        "Moleshaw County Council",
        "#00695C",
        "Moleshaw Virtual School - Post-16 PEP (Years 12 and 13)",
    )
    sheet.title("Post-16 Personal Education Plan")
    sheet.note(
        "For young people in care in Years 12 and 13, in education, employment or training or "
        "not (NEET). Reviewed every term. The social worker and the designated person at the "
        "provider complete this form; the PEP is the social worker's responsibility until 18 "
        "and the personal adviser's after.",
        italic=True,
        size=8,
    )
    _views(sheet, doc)
    _about(sheet, doc)
    _contacts(sheet, doc)
    _provider(sheet, doc)
    _progress(sheet, doc)
    _targets(sheet, doc)
    _next(sheet, doc)
    _meeting(sheet, doc)
    return sheet.to_bytes()


LAYOUT = Layout(
    id="moleshaw-post-16-pdf",
    set="dev",
    authority="Moleshaw County Council",
    source="surrey",
    phase="post16",
    kind="pdf",
    features=(
        "PDF AcroForm whose fields were named by automatic field detection after the nearest "
        "printed words: 'Telephone', 'Telephone_2', 'Email_2', grid cells 'TargetRow1', "
        "'undefined' where no words were found, boxes named after their option",
        "fields with no border or fill of their own, on the plain page",
        "Student's View first: framed boxes, each question printed inside at the top",
        "label-left rows two or three to a row; contact rows Name / Telephone / Email per person",
        "route checklist and school year boxes; 'Is a Pathway Plan in place? Yes [ ] No [ ]'",
        "labels above fields (stacked) for the provider details",
        "ruled grids with fixed rows: progress with an On track box, last targets with "
        "'Achieved? (Yes / Partly / No)' typed, targets with a Funding £ column, who was present",
        "signature rows: young person, social worker and date; designated person, print name "
        "and date",
    ),
    completions=(
        (
            "dev-tyler",
            Habits(dates=("dmy", "long"), wording=0, ncy="year", money="pounds"),
        ),
        (
            "dev-shannon",
            Habits(
                dates=("ordinal", "dmy2"),
                wording=1,
                yes_no=1,
                percent="space",
                blanks={"transition.date": "tbc"},
            ),
        ),
    ),
    build=build,
)
