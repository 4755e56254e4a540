"""West Nenbury post-16 PEP as a PDF, after West Northamptonshire Virtual School's "Personal
Education Plan: Post 16" page: a general post-16 PEP held twice a year (phase 1 after the
October half term to February, phase 2 to the end of June) and a progression review in July
and August; for young people in education or training, apprenticed or employed, not in
education, employment or training (NEET), or in custody; the social worker arranges the
meeting with the designated person at the setting, both complete their sections and the young
person's view is added. Laid out as a grid of ruled cells with each printed label at the top
of its cell above the field, checklists with the box left of each option, and ruled grids;
fields named only Text1... and Check Box1..."""

from __future__ import annotations

from benchmarks.realforms.build.form import Doc
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout
from benchmarks.realforms.build.pdfkit import Sheet

PHASES = [
    "General post 16 PEP - phase 1 (October to February)",
    "General post 16 PEP - phase 2 (February to June)",
    "Progression review (July to August)",
]
STATUS = [
    "In education",
    "Apprenticeship",
    "Employed with training",
    "Employed without training",
    "NEET",
    "In custody",
]
YEARS = [("Year 12", "12"), ("Year 13", "13"), ("Year 14", "14")]
LEGAL = [("Care order", "C2"), ("Interim care order", "C1"), ("Section 20", "V2")]


def _ticked(options: list[str], typed: str | None) -> list[bool]:
    return [typed == option for option in options]


def build(doc: Doc) -> bytes:
    sheet = Sheet(
        "Personal Education Plan: Post 16",
        "West Nenbury Council",
        "#7B2C83",
        "West Nenbury Virtual School - Post 16 PEP",
    )
    sheet.title("Personal Education Plan: Post 16")
    phase = doc.unplaced("pep_phase", "Type of post 16 PEP", None)
    sheet.checklist("Type of post 16 PEP", PHASES, _ticked(PHASES, phase), columns=1)
    status = doc.unplaced("status", "Current situation", "education.post16_status")
    sheet.checklist("Current situation", STATUS, _ticked(STATUS, status), columns=3)

    sheet.rule("About me")
    sheet.ruled_cells(
        [
            ("Young person's name", doc.full_name(middle=False), 3),
            ("Date of birth", doc.text("child.date_of_birth"), 1.5),
            ("ULN", doc.text("child.uln"), 1.5),
        ]
    )
    ncy = doc.code("education.ncy")
    sheet.checklist("School year", [t for t, _ in YEARS], [c == ncy for _, c in YEARS], columns=3)
    legal = doc.code("care.legal_status")
    sheet.checklist(
        "Legal status", [t for t, _ in LEGAL], [c == legal for _, c in LEGAL], columns=3
    )
    sheet.ruled_cells(
        [
            ("Placement type", doc.text("care.placement_type"), 3),
            ("Date became looked after", doc.text("care.date_became_looked_after"), 1.5),
            ("Carer / accommodation", doc.text("care.carer.name"), 2.5),
        ]
    )

    sheet.rule("My education, training or employment")
    sheet.ruled_cells(
        [
            ("Education or training provider", doc.text("education.setting_name"), 3),
            (
                "Course or apprenticeship",
                doc.unplaced("course", "Course or apprenticeship", "education.course"),
                3,
            ),
        ]
    )
    sheet.ruled_cells(
        [
            (
                "Employer (if apprenticed or employed)",
                doc.unplaced("employer", "Employer", "education.employer"),
                3,
            ),
            ("Start date", doc.text("education.date_joined"), 1.5),
            ("Attendance %", doc.text("education.attendance.percent"), 1.5),
        ]
    )
    sheet.ruled_cells(
        [
            ("Designated person / tutor", doc.text("education.designated_teacher.name"), 2),
            ("Email", doc.text("education.designated_teacher.email"), 2.5),
            ("Telephone", doc.text("education.designated_teacher.phone"), 1.5),
        ]
    )
    sheet.ruled_cells(
        [
            ("Social worker", doc.text("care.social_worker.name"), 2),
            ("Email", doc.text("care.social_worker.email"), 2.5),
            ("Telephone", doc.text("care.social_worker.phone"), 1.5),
        ]
    )
    sheet.ruled_cells(
        [
            (
                "Personal adviser",
                doc.unplaced("personal_adviser", "Personal adviser", "care.personal_adviser"),
                2,
            ),
            ("16-19 Bursary", doc.unplaced("bursary", "16-19 Bursary", "pp_plus.bursary"), 4),
        ]
    )

    sheet.rule("Progress")
    progress: list[list[str | bool | None]] = []
    for index in range(3):
        row: list[str | bool | None] = [
            doc.cell("attainment", index, name) for name in ("subject", "current", "target")
        ]
        row.append(doc.item_flag("attainment", index, "on_track"))
        progress.append(row)
    sheet.ruled_grid(
        ["Qualification / course unit", "Current", "Target", "On track"],
        [4, 2, 2, 1],
        progress,
        row_height=18,
        boxes=[False, False, False, True],
    )
    sheet.ruled_cells([("My views", doc.text("views.child"), 1)], height=56)
    sheet.ruled_cells(
        [
            ("Comments from my provider", doc.text("views.school"), 1),
            ("Comments from my carer", doc.text("views.carer"), 1),
        ],
        height=48,
    )

    sheet.rule("Planning ahead")
    sheet.ruled_cells(
        [
            ("Career aspiration", doc.text("transition.aspirations"), 2),
            ("Careers advice received", doc.text("transition.careers_advice"), 4),
        ]
    )
    sheet.ruled_cells(
        [
            ("Next step after this course", doc.text("transition.next_transition"), 4),
            ("When", doc.text("transition.date"), 2),
        ]
    )
    plans = [plan for plan in doc.items("linked_plans") if plan["type"] == "PATHWAY"]
    plan = plans[0] if plans else None
    plan_date = None
    if plan is not None:
        doc.add_item("linked_plans", {"type": "PATHWAY", "date": plan["date"]})
        plan_date = doc.say("linked_plans.date", plan["date"])
    sheet.answer_boxes("Is a Pathway Plan in place?", ["Yes", "No"], [plan is not None, False])
    sheet.ruled_cells(
        [("Date of Pathway Plan", plan_date, 1), ("Pathway Plan reviewed by", None, 2)],
        height=24,
    )

    sheet.rule("My targets")
    targets = [
        [
            doc.cell("targets", index, name)
            for name in ("description", "actions", "lead", "due_date")
        ]
        for index in range(3)
    ]
    sheet.ruled_grid(
        ["What I want to achieve", "Support I need", "Who", "By when"],
        [4, 4, 2, 1.4],
        targets,
        row_height=28,
    )

    sheet.rule("PEP meeting")
    sheet.ruled_cells(
        [
            ("Date of this PEP", doc.text("meta.meeting_date"), 1),
            ("Date of next PEP", doc.text("meta.next_review_date"), 1),
        ],
        height=26,
    )
    people: list[list[str | bool | None]] = []
    for index in range(5):
        row2: list[str | bool | None] = [
            doc.cell("attendees", index, "name"),
            doc.cell("attendees", index, "role"),
        ]
        row2.append(doc.item_flag("attendees", index, "attended"))
        people.append(row2)
    sheet.ruled_grid(
        ["Name", "Role", "Present"], [4, 4, 1], people, row_height=15, boxes=[False, False, True]
    )
    young = doc.signatory("young person")
    worker = doc.signatory("social worker")
    sw_signature = worker.signature("social_worker")
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
    return sheet.to_bytes()


LAYOUT = Layout(
    id="west-nenbury-post-16-pdf",
    set="dev",
    authority="West Nenbury Council",
    source="west-northamptonshire",
    phase="post16",
    kind="pdf",
    features=(
        "PDF AcroForm, fields named Text1... and Check Box1... only",
        "grid of ruled cells, each label printed at the top of its cell above the field, "
        "cells of different widths in one row",
        "checklists with the box left of each option (PEP phase, current situation, school "
        "year, legal status)",
        "'Is a Pathway Plan in place? Yes [ ] No [ ]' with the box after each word",
        "ruled grids with fixed rows (progress, targets, who was present)",
        "signature cells for the young person and the social worker in one row",
    ),
    completions=(
        (
            "dev-kai",
            Habits(dates=("dmy", "short"), wording=0, ncy="year"),
        ),
        (
            "dev-shannon",
            Habits(dates=("dots", "dmy2"), wording=1, blanks={"transition.date": "tbc"}),
        ),
    ),
    build=build,
)
