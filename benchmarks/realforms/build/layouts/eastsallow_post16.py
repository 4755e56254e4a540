"""East Sallowfield post-16 PEP, after East Sussex's separate Post-16 PEP form: "Label:<tab>
value" paragraphs typed straight into the document, a tick-box group inside a label line for
the young person's current status, rich-text controls for the longer answers, a course progress
table and targets."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

BLUE = "2E74B5"
STATUS = [
    ("In education", "education"),
    ("Apprenticeship", "apprenticeship"),
    ("Employment with training", "employment"),
    ("NEET", "neet"),
]


def _line(doc: Doc, label: str, typed: str | None) -> list[str]:
    return box(doc, typed, style="typed", lead=[wk.run(f"{label}:", bold=True), wk.tab()])


def _about(doc: Doc) -> list[str]:
    return [
        wk.heading("About me"),
        *_line(doc, "Name", doc.full_name(middle=False)),
        *_line(doc, "Date of birth", doc.text("child.date_of_birth")),
        *_line(doc, "ULN", doc.text("child.uln")),
        *_line(doc, "First language", doc.text("child.first_language")),
        *_line(doc, "Legal status", doc.text("care.legal_status")),
        *_line(doc, "Where I live", doc.text("care.placement_type")),
        *_line(doc, "Carer / key worker", doc.text("care.carer.name")),
        *_line(doc, "Social worker", doc.text("care.social_worker.name")),
        *_line(doc, "Social worker tel", doc.text("care.social_worker.phone")),
    ]


def _education(doc: Doc) -> list[str]:
    status = None if doc.blank else "education"
    if status is not None:
        doc.truth.unplaced.append(
            {
                "label": "Current status",
                "text": "In education",
                "suggested_path": "education.status",
            }
        )
    return [
        wk.heading("My education, employment or training"),
        wk.para(
            wk.run("Current status:", bold=True),
            wk.tab(),
            *marks(STATUS, status, style="glyph", doc=doc, size=20),
        ),
        *_line(doc, "College / provider", doc.text("education.setting_name")),
        *_line(doc, "Course", doc.unplaced("course", "Course", "education.course")),
        *_line(doc, "Level", doc.unplaced("course_level", "Level", "education.course_level")),
        *_line(doc, "Year of study (NCY)", doc.text("education.ncy")),
        *_line(doc, "Start date", doc.text("education.date_joined")),
        *_line(doc, "Designated person", doc.text("education.designated_teacher.name")),
        *_line(doc, "Designated person email", doc.text("education.designated_teacher.email")),
        *_line(doc, "Attendance", doc.text("education.attendance.percent")),
        *_line(
            doc,
            "Work placement / employment",
            doc.unplaced("work_placement", "Work placement", "education.work_placement"),
        ),
        *_line(doc, "Bursary", doc.unplaced("bursary", "Bursary", "pp_plus.bursary")),
    ]


def _progress(doc: Doc) -> str:
    widths = [3600, 2300, 2300, 2266]
    rows = [
        header_row(
            ["Course / qualification", "Working at", "Target", "On track"], widths, fill="DEEAF6"
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        each(
            ("subject", "current", "target", "on_track"),
            lambda f, i: box(doc, doc.cell("attainment", i, f), style="typed"),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _views(doc: Doc) -> list[str]:
    out = [wk.heading("Views")]
    for label, path in (
        ("My views:", "views.child"),
        ("Carer's views:", "views.carer"),
        ("College / provider views:", "views.school"),
    ):
        out.append(wk.para(wk.run(label, bold=True)))
        out += box(doc, doc.text(path), style="rich", key=path, tag=path)
    return out


def _future(doc: Doc) -> list[str]:
    widths = [3500, 3300, 2000, 1666]
    rows = [header_row(["Target", "Support needed", "Who", "Review date"], widths, fill="DEEAF6")]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("description", "actions", "lead", "due_date"),
            lambda f, i: box(doc, doc.cell("targets", i, f), style="typed"),
        ),
        widths,
        printed_rows=3,
    )
    young_person = doc.signatory("Young person")
    social_worker = doc.signatory("Social worker")
    return [
        wk.heading("My future"),
        *_line(doc, "What I want to do in the future", doc.text("transition.aspirations")),
        *_line(doc, "My next step", doc.text("transition.next_transition")),
        *_line(doc, "Plan", doc.text("transition.plan")),
        wk.heading("Targets"),
        wk.table(rows, widths),
        wk.heading("Meeting"),
        *_line(doc, "Date of PEP", doc.text("meta.meeting_date")),
        *_line(doc, "Date of next PEP", doc.text("meta.next_review_date")),
        *_line(doc, "Young person's signature", young_person.signature("young_person")),
        *_line(doc, "Social worker's signature", social_worker.signature("social_worker")),
        # the one date under both signatures is the social worker's sign-off date
        *_line(doc, "Date signed", social_worker.date("signoff.social_worker_date")),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Post-16 Personal Education Plan"), style="Title"),
        wk.para(wk.run("For young people aged 16 and over", italic=True), align="center"),
        *_about(doc),
        *_education(doc),
        wk.heading("Progress"),
        _progress(doc),
        *_views(doc),
        *_future(doc),
    ]
    return document(
        "Post-16 PEP",
        "East Sallowfield County Council",
        "Virtual School",
        "ESCC Post-16 PEP form",
        blocks,
        accent=BLUE,
        doc=doc,
    )


LAYOUT = Layout(
    id="east-sallowfield-post-16",
    set="eval",
    authority="East Sallowfield County Council",
    source="east-sussex",
    phase="post16",
    kind="docx",
    features=(
        "Label:<tab>value paragraphs",
        "tick-box group inside a label line (current status)",
        "rich-text controls for views",
        "signature lines as Label: value",
        "full name on one line",
    ),
    completions=(
        (
            "eval-leah",
            Habits(
                dates=("ordinal", "dmy"), ncy="yr", percent="pct", quirks={"views.child": "beside"}
            ),
        ),
        (
            "eval-farid",
            Habits(
                dates=("dmy2", "long"),
                ncy="year",
                wording=1,
                percent="space",
                blanks={"views.carer": "N/A"},
            ),
        ),
    ),
    build=build,
)
