"""Wychbourne Personal Progression Plan (PPP) as a PDF form, after Worcestershire's post-16
PEP, the "Personal Progression Plan" facilitated by post-16 Learning Advocates. Labels printed
above each field, three to a row; fields named only as Acrobat names them ("Text7",
"Check Box2"); status and yes/no as boxes beside printed words."""

from __future__ import annotations

from benchmarks.realforms.build.form import Doc
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout
from benchmarks.realforms.build.pdfkit import Sheet

LEGAL = [("Care order", "C2"), ("Interim care order", "C1"), ("Section 20", "V2")]


def build(doc: Doc) -> bytes:
    sheet = Sheet(
        "Personal Progression Plan",
        "Wychbourne County Council",
        "#5F497A",
        "Wychbourne Virtual School - PPP (post-16 PEP)",
    )
    sheet.title("Personal Progression Plan (PPP)")
    sheet.note(
        "The post-16 Personal Education Plan. Reviewed three times a year with the "
        "young person, their social worker or personal adviser, the provider and the "
        "Learning Advocate."
    )
    sheet.heading("1. Young person")
    sheet.stacked(
        [
            ("FIRST NAME", doc.text("child.first_name")),
            ("SURNAME", doc.text("child.last_name")),
            ("DATE OF BIRTH", doc.text("child.date_of_birth")),
            ("ULN", doc.text("child.uln")),
            ("FIRST LANGUAGE", doc.text("child.first_language")),
            ("ETHNICITY", doc.text("child.ethnicity")),
            ("SOCIAL WORKER", doc.text("care.social_worker.name")),
            ("SOCIAL WORKER PHONE", doc.text("care.social_worker.phone")),
            ("WHERE I LIVE", doc.text("care.placement_type")),
        ]
    )
    chosen = doc.code("care.legal_status")
    sheet.options("Legal status", [t for t, _ in LEGAL], [c == chosen for _, c in LEGAL])
    sheet.heading("2. Education, employment or training")
    status = None if doc.blank else "Education"
    if status is not None:
        doc.truth.unplaced.append(
            {"label": "Status", "text": "Education", "suggested_path": "education.status"}
        )
    sheet.options(
        "Status",
        ["Education", "Training", "Apprenticeship", "Employment", "NEET"],
        [status == "Education", False, False, False, False],
    )
    sheet.stacked(
        [
            ("PROVIDER", doc.text("education.setting_name")),
            (
                "COURSE / PROGRAMME",
                doc.unplaced("course", "Course / programme", "education.course"),
            ),
            ("LEVEL", doc.unplaced("course_level", "Level", "education.course_level")),
            ("YEAR (NCY)", doc.text("education.ncy")),
            ("START DATE", doc.text("education.date_joined")),
            ("ATTENDANCE %", doc.text("education.attendance.percent")),
            ("DESIGNATED PERSON", doc.text("education.designated_teacher.name")),
            ("EMAIL", doc.text("education.designated_teacher.email")),
        ]
    )
    sheet.heading("3. Progress")
    rows = []
    for index in range(3):
        row: list[str | bool | None] = [
            doc.cell("attainment", index, f) for f in ("subject", "current", "target")
        ]
        row.append(doc.item_flag("attainment", index, "on_track"))
        rows.append(row)
    sheet.grid(
        ["Qualification", "Now", "Aiming for", "On track"],
        [3, 2, 2, 1],
        rows,
        row_height=16,
        boxes=[False, False, False, True],
    )
    sheet.heading("4. My voice")
    sheet.field_above("What is going well, and what would help me?", doc.text("views.child"))
    sheet.field_above("Provider's comments", doc.text("views.school"), height=32)
    sheet.heading("5. My progression plan")
    sheet.field_above("My career goal", doc.text("transition.aspirations"), height=20)
    sheet.field_above(
        "My plan for next year",
        doc.text("transition.plan") or doc.text("transition.next_transition"),
        height=28,
    )
    targets = [
        [doc.cell("targets", i, f) for f in ("description", "actions", "lead", "due_date")]
        for i in range(3)
    ]
    sheet.grid(
        ["Goal", "Steps and support", "Who", "By"],
        [4, 4, 2, 1.4],
        targets,
        row_height=30,
    )
    sheet.heading("6. Meeting")
    sheet.stacked(
        [
            ("DATE OF PPP MEETING", doc.text("meta.meeting_date")),
            ("NEXT PPP", doc.text("meta.next_review_date")),
            (
                "SIGNED (YOUNG PERSON)",
                doc.signatory("YOUNG PERSON").signature("young_person"),
            ),
        ]
    )
    people = [
        [doc.cell("attendees", i, "name"), doc.cell("attendees", i, "role")] for i in range(4)
    ]
    sheet.grid(["Name", "Role"], [1, 1], people, row_height=15)
    return sheet.to_bytes()


LAYOUT = Layout(
    id="wychbourne-ppp-pdf",
    set="eval",
    authority="Wychbourne County Council",
    source="worcestershire",
    phase="post16",
    kind="pdf",
    features=(
        "PDF AcroForm, fields named Text1... / Check Box1... only",
        "labels printed above fields, three to a row, in capitals",
        "status and legal status as boxes beside printed words",
        "fixed table rows",
    ),
    completions=(
        ("eval-farid", Habits(dates=("dmy", "ordinal"), ncy="yr", wording=1)),
        ("eval-leah", Habits(dates=("dots", "dmy2"), ncy="year", percent="bare")),
    ),
    build=build,
)
