"""Ledbridge PEP as printed from the case-management system, after Leeds' PEP recorded on
Frameworki: "Label: value" paragraphs under bold headings, tick-box groups inside a label line
("Legal Status: ☐ S20 ☒ Full Care Order"), long answers on the line after their question,
one block of "Label: value" lines per target (as many blocks as targets), and grids for the
previous targets, exclusions and attendees. The kind of document legacy conversion meets."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, grid_rows, header_row

LEGAL = [("S20", "V2"), ("Full Care Order", "C2"), ("ICO", "C1"), ("Placement Order", "E1")]
SEN = [("None", "N"), ("SEN Support", "K"), ("EHCP", "E")]


def _line(doc: Doc, label: str, typed: str | None) -> list[str]:
    return box(doc, typed, style="typed", lead=[wk.run(f"{label}: ", bold=True)])


def _below(doc: Doc, label: str, typed: str | None) -> list[str]:
    return [wk.para(wk.run(f"{label}:", bold=True)), *box(doc, typed, style="typed"), wk.para()]


def _child(doc: Doc) -> list[str]:
    return [
        wk.heading("Child Details"),
        *_line(doc, "Name", doc.full_name()),
        *_line(doc, "Date of Birth", doc.text("child.date_of_birth")),
        *_line(doc, "Gender", doc.text("child.gender")),
        *_line(doc, "Ethnicity", doc.text("child.ethnicity")),
        *_line(doc, "UPN", doc.text("child.upn")),
        *_line(doc, "Person ID", doc.text("child.la_child_id")),
        wk.para(
            wk.run("Legal Status: ", bold=True),
            *marks(LEGAL, doc.code("care.legal_status"), style="glyph", doc=doc, size=20),
        ),
        *_line(doc, "Date Became Looked After", doc.text("care.date_became_looked_after")),
        *_line(doc, "Placement Type", doc.text("care.placement_type")),
        *_line(doc, "Carer", doc.text("care.carer.name")),
        *_line(doc, "Social Worker", doc.text("care.social_worker.name")),
        *_line(doc, "Social Worker Phone", doc.text("care.social_worker.phone")),
        *_line(doc, "IRO", doc.text("care.iro.name")),
    ]


def _education(doc: Doc) -> list[str]:
    widths = [2200, 2000, 1200, 5066]
    rows = [header_row(["Type", "Start Date", "Sessions", "Reason"], widths)]
    rows += grid_rows(
        doc,
        "education.exclusions",
        [
            lambda i: box(doc, doc.exclusion_type(i), style="typed"),
            lambda i: box(doc, doc.cell("education.exclusions", i, "start_date"), style="typed"),
            lambda i: box(doc, doc.cell("education.exclusions", i, "sessions"), style="typed"),
            lambda i: box(doc, doc.cell("education.exclusions", i, "reason"), style="typed"),
        ],
        widths,
        printed_rows=1,
    )
    return [
        wk.heading("Education Details"),
        *_line(doc, "School", doc.text("education.setting_name")),
        *_line(doc, "DfE Number", doc.text("education.laestab")),
        *_line(doc, "Year Group", doc.text("education.ncy")),
        *_line(doc, "Designated Teacher", doc.text("education.designated_teacher.name")),
        *_line(doc, "Designated Teacher Email", doc.text("education.designated_teacher.email")),
        wk.para(
            wk.run("SEN Status: ", bold=True),
            *marks(SEN, doc.code("education.sen_provision"), style="glyph", doc=doc, size=20),
        ),
        *_line(doc, "Primary Need", doc.text("education.sen_primary_need")),
        wk.heading("Attendance and Exclusions", 2),
        *_line(doc, "Attendance (%)", doc.text("education.attendance.percent")),
        *_line(doc, "Sessions Possible", doc.text("education.attendance.sessions_possible")),
        *_line(doc, "Sessions Missed", doc.text("education.attendance.sessions_missed")),
        wk.para(wk.run("Exclusions this academic year:", bold=True)),
        wk.table(rows, widths),
        wk.heading("Health and Wellbeing", 2),
        *_line(doc, "SDQ Score", doc.text("health.sdq_score")),
        *_line(doc, "SDQ Date", doc.text("health.sdq_date")),
        *_line(doc, "CAMHS Involvement", doc.text("health.camhs_involved")),
    ]


def _views(doc: Doc) -> list[str]:
    return [
        wk.heading("Views"),
        *_below(doc, "Child's View", doc.text("views.child")),
        *_below(doc, "Carer's View", doc.text("views.carer")),
        *_below(doc, "Designated Teacher's View", doc.text("views.school")),
        *_below(doc, "Social Worker's View", doc.text("views.social_worker")),
    ]


def _targets(doc: Doc) -> list[str]:
    widths = [4800, 1700, 3966]
    rows = [header_row(["Previous Target", "Outcome", "Evidence"], widths)]
    rows += grid_rows(
        doc,
        "previous_targets",
        [
            lambda i: box(doc, doc.cell("previous_targets", i, "description"), style="typed"),
            lambda i: box(doc, doc.cell("previous_targets", i, "outcome"), style="typed"),
            lambda i: box(doc, doc.cell("previous_targets", i, "evidence"), style="typed"),
        ],
        widths,
        printed_rows=2,
    )
    out = [
        wk.heading("Review of Previous Targets"),
        wk.table(rows, widths),
        wk.heading("New Targets"),
    ]
    for index in range(max(2, len(doc.items("targets")))):
        out += [
            *_line(doc, f"Target {index + 1}", doc.cell("targets", index, "description")),
            *_line(doc, "Area", doc.cell("targets", index, "area")),
            *_line(doc, "Actions", doc.cell("targets", index, "actions")),
            *_line(doc, "Success Criteria", doc.cell("targets", index, "success_criteria")),
            *_line(doc, "Responsible", doc.cell("targets", index, "lead")),
            *_line(doc, "Target Date", doc.cell("targets", index, "due_date")),
            *_line(doc, "PP+ Cost", doc.cell("targets", index, "pp_plus_cost")),
            wk.para(),
        ]
    return out


def _meeting(doc: Doc) -> list[str]:
    widths = [4000, 4466, 2000]
    rows = [header_row(["Name", "Role", "Attended"], widths)]
    rows += grid_rows(
        doc,
        "attendees",
        [
            lambda i: box(doc, doc.cell("attendees", i, "name"), style="typed"),
            lambda i: box(doc, doc.cell("attendees", i, "role"), style="typed"),
            lambda i: box(doc, doc.cell("attendees", i, "attended"), style="typed"),
        ],
        widths,
        printed_rows=1,
    )
    return [
        wk.heading("Meeting"),
        *_line(doc, "Date of Meeting", doc.text("meta.meeting_date")),
        *_line(doc, "Next Review Date", doc.text("meta.next_review_date")),
        *_line(doc, "Completed By", doc.text("meta.completed_by")),
        wk.para(wk.run("Attendees:", bold=True)),
        wk.table(rows, widths),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan (PEP)"), style="Title"),
        wk.para(
            wk.run(
                "Form: PEP - School Age    Printed from the case record", size=16, color="595959"
            )
        ),
        *_child(doc),
        *_education(doc),
        *_views(doc),
        *_targets(doc),
        *_meeting(doc),
    ]
    return document(
        "PEP - School Age",
        "Ledbridge City Council",
        "Children and Families",
        "Case record print",
        blocks,
        accent="00205B",
        doc=doc,
    )


LAYOUT = Layout(
    id="ledbridge-case-record",
    set="dev",
    authority="Ledbridge City Council",
    source="leeds",
    phase="school_age",
    kind="docx",
    features=(
        "Label: value paragraphs (a case-record print)",
        "tick-box groups inside a label line",
        "answers on the line after their question",
        "one block of Label: value lines per target",
        "full name on one line",
    ),
    completions=(
        (
            "dev-jayden",
            Habits(
                dates=("dmy",),
                ncy="year",
                word_for={"targets.area": 0, "previous_targets.outcome": 2},
            ),
        ),
        (
            "dev-callum",
            Habits(
                dates=("dmy2", "dmy"),
                ncy="yr",
                yes_no=0,
                wording=1,
                blanks={"views.social_worker": "n/a"},
            ),
        ),
    ),
    build=build,
)
