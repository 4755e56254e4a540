"""Harrowfield PEP for pupils with an EHCP (cross phase), after Hampshire and Isle of Wight's
"My Personal Education Plan: PEP for pupils with an EHCP": a front page of "Label: [control]"
lines (PEP Type, Meeting Date, School Name, DfE Number written NNN/NNNN, Designated Teacher
name and email), then sections on the EHCP, attendance and suspensions, progress, views and
SMART targets, closed by a sign-off table (role, name, date)."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    grid_rows,
    header_row,
    label_rows,
    pick,
    question_below,
    row_tag,
)

OLD = wk.PLACEHOLDER_OLD
OLD_DATE = wk.PLACEHOLDER_DATE_OLD
PEP_TYPES = [("Initial", "initial"), ("Termly review", "review"), ("Transition", "transition")]
YEARS = [(f"Year {n}", str(n)) for n in range(1, 12)] + [("Reception", "R")]
NEEDS = [
    ("Autistic Spectrum Disorder (ASD)", "ASD"),
    ("Speech, Language and Communication Needs (SLCN)", "SLCN"),
    ("Social, Emotional and Mental Health (SEMH)", "SEMH"),
    ("Moderate Learning Difficulty (MLD)", "MLD"),
    ("Specific Learning Difficulty (SpLD)", "SPLD"),
]


def _line(doc: Doc, label: str, typed: str | None, key: str, *, date: bool = False) -> list[str]:
    lead = [wk.run(f"{label} ", bold=True), wk.tab()]
    if date:
        return box(doc, typed, style="date", key=key, tag=key, lead=lead, placeholder=OLD_DATE)
    return box(doc, typed, style="control", key=key, tag=key, lead=lead, placeholder=OLD)


def _drop_line(doc: Doc, label: str, items: list[tuple[str, str]], path: str, tag: str) -> str:
    return wk.para(
        wk.run(f"{label} ", bold=True),
        wk.tab(),
        wk.dropdown(doc.ids, [t for t, _ in items], tag=tag, chosen=pick(doc, path, items)),
    )


def _front(doc: Doc) -> list[str]:
    return [
        _drop_line(doc, "PEP Type:", PEP_TYPES, "meta.pep_type", "PEPType"),
        *_line(doc, "Meeting Date:", doc.text("meta.meeting_date"), "MeetingDate", date=True),
        *_line(doc, "School Name:", doc.text("education.setting_name"), "SchoolName"),
        *_line(doc, "DfE Number:", doc.text("education.laestab"), "DfE"),
        *_line(doc, "Date of enrolment:", doc.text("education.date_joined"), "Enrol", date=True),
        *_line(doc, "Social Worker name:", doc.text("care.social_worker.name"), "SWName"),
        *_line(doc, "Social Worker email:*", doc.text("care.social_worker.email"), "SWEmail"),
        *_line(
            doc, "Designated Teacher name:", doc.text("education.designated_teacher.name"), "DTName"
        ),
        *_line(
            doc,
            "Designated Teacher email:*",
            doc.text("education.designated_teacher.email"),
            "DTEmail",
        ),
        wk.para(
            wk.run(
                "Documents that can be inserted into page 19 of this PEP: Progress "
                "tracking sheet; Samples of work; Record of discussion with child; Other "
                "assessment data",
                italic=True,
                size=16,
            )
        ),
    ]


def _about(doc: Doc) -> str:
    def control(typed: str | None, key: str) -> list[str]:
        return box(doc, typed, style="control", key=key, tag=key, placeholder=OLD)

    year = pick(doc, "education.ncy", YEARS)
    pairs = [
        ("Name", control(doc.full_name(), "Name")),
        ("UPN", control(doc.text("child.upn"), "UPN")),
        (
            "Date of birth",
            box(
                doc,
                doc.text("child.date_of_birth"),
                style="date",
                key="DOB",
                tag="DOB",
                placeholder=OLD_DATE,
            ),
        ),
        (
            "Year group",
            [wk.para(wk.dropdown(doc.ids, [t for t, _ in YEARS], tag="Year", chosen=year))],
        ),
        ("Legal status", control(doc.text("care.legal_status"), "Legal")),
        ("Placement", control(doc.text("care.placement_type"), "Placement")),
    ]
    widths = [1700, 3533, 1700, 3533]
    return wk.table(label_rows(pairs, widths), widths)


def _ehcp(doc: Doc) -> str:
    widths = [3200, 7266]
    need = pick(doc, "education.sen_primary_need", NEEDS)
    pairs = [
        (
            "Date of EHCP (or last amended)",
            box(
                doc,
                doc.text("education.ehcp_date"),
                style="date",
                key="EHCPDate",
                tag="EHCPDate",
                placeholder=OLD_DATE,
            ),
        ),
        (
            "Primary area of need",
            [wk.para(wk.dropdown(doc.ids, [t for t, _ in NEEDS], tag="Need", chosen=need))],
        ),
        (
            "SENCo",
            box(
                doc,
                doc.text("education.senco"),
                style="control",
                key="SENCo",
                tag="SENCo",
                placeholder=OLD,
            ),
        ),
    ]
    return wk.table(label_rows(pairs, widths), widths)


def _attendance(doc: Doc) -> list[str]:
    widths = [2616, 2617, 2616, 2617]
    pairs = [
        (
            "Attendance % (this academic year)",
            box(
                doc,
                doc.text("education.attendance.percent"),
                style="control",
                key="Att",
                tag="AttPct",
                placeholder=OLD,
            ),
        ),
        (
            "Sessions possible",
            box(
                doc,
                doc.text("education.attendance.sessions_possible"),
                style="control",
                tag="Possible",
                placeholder=OLD,
            ),
        ),
        (
            "Sessions missed",
            box(
                doc,
                doc.text("education.attendance.sessions_missed"),
                style="control",
                tag="Missed",
                placeholder=OLD,
            ),
        ),
    ]
    table = wk.table(label_rows(pairs, widths), widths)
    ex_widths = [2000, 2000, 1300, 5166]
    printed = 2

    def column(field: str, base: str) -> Column:
        def render(i: int) -> list[str]:
            typed = (
                doc.exclusion_type(i)
                if field == "type"
                else doc.cell("education.exclusions", i, field)
            )
            return box(
                doc, typed, style="control", tag=row_tag(base, i, printed), placeholder=OLD, size=18
            )

        return render

    rows = [wk.title_row("Suspensions and exclusions this academic year", ex_widths, fill="1F4E79")]
    rows.append(header_row(["Type", "Start date", "Sessions", "Reason"], ex_widths))
    rows += grid_rows(
        doc,
        "education.exclusions",
        [
            column("type", "ExType"),
            column("start_date", "ExDate"),
            column("sessions", "ExSessions"),
            column("reason", "ExReason"),
        ],
        ex_widths,
        printed_rows=printed,
    )
    return [table, wk.gap(), wk.table(rows, ex_widths)]


def _progress(doc: Doc) -> str:
    widths = [3200, 2400, 2400, 2466]
    printed = 4

    def column(field: str, base: str) -> Column:
        def render(i: int) -> list[str]:
            return box(
                doc,
                doc.cell("attainment", i, field),
                style="control",
                tag=row_tag(base, i, printed),
                placeholder=OLD,
                size=18,
            )

        return render

    rows = [
        header_row(
            ["Subject", "Current working at", "End of year target", "On track? (Y/N)"], widths
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        [
            column("subject", "Subj"),
            column("current", "Now"),
            column("target", "Target"),
            column("on_track", "OnTrack"),
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _views(doc: Doc) -> str:
    rows = []
    for question, path in (
        ("What I think about school and my EHCP outcomes (my voice)", "views.child"),
        ("What my carer thinks", "views.carer"),
        ("What school thinks: strengths and barriers to learning", "views.school"),
    ):
        rows += question_below(
            question,
            box(doc, doc.text(path), style="control", key=path, tag=path, placeholder=OLD),
            wk.TEXT_W,
        )
    return wk.table(rows, [wk.TEXT_W])


def _targets(doc: Doc) -> str:
    widths = [3000, 2900, 1700, 1400, 1466]
    printed = 2

    def column(field: str, base: str) -> Column:
        def render(i: int) -> list[str]:
            return box(
                doc,
                doc.cell("targets", i, field),
                style="control",
                tag=row_tag(base, i, printed),
                placeholder=OLD,
                size=18,
            )

        return render

    rows = [
        header_row(
            [
                "SMART target",
                "Strategies / actions",
                "Who is responsible",
                "By when",
                "PP+ funding (£)",
            ],
            widths,
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            column("description", "TDesc"),
            column("actions", "TAct"),
            column("lead", "TWho"),
            column("due_date", "TWhen"),
            column("pp_plus_cost", "TCost"),
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _sign_off(doc: Doc) -> str:
    widths = [3000, 4466, 3000]
    rows = [header_row(["Role", "Name", "Date"], widths)]
    for role, name_path, date_path in (
        (
            "Designated Teacher",
            "education.designated_teacher.name",
            "signoff.designated_teacher_date",
        ),
        ("Social Worker", "care.social_worker.name", "signoff.social_worker_date"),
    ):
        row = doc.signatory(role)
        when = row.date(date_path)
        name = row.name(name_path) if when else None
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill="F2F2F2"),
                wk.cell(
                    *box(doc, name, style="control", tag=f"{role}Name", placeholder=OLD),
                    width=widths[1],
                ),
                wk.cell(
                    *box(
                        doc,
                        when,
                        style="date",
                        tag=f"{role}Date",
                        key=date_path,
                        placeholder=OLD_DATE,
                    ),
                    width=widths[2],
                ),
            )
        )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("My Personal Education Plan"), style="Title"),
        wk.para(
            wk.run("PEP for pupils with an EHCP (Cross Phase)", bold=True, size=26), align="center"
        ),
        wk.para(
            wk.run(
                "The PEP is statutory, and part of the care plan & can inform the EHCP "
                "Review. Within 4 weeks of PEP meeting all sections to be complete and "
                "emailed to the child's Social Worker and to: HCC PEP Mailbox",
                size=18,
            )
        ),
        *_front(doc),
        wk.heading("Section 1: About me"),
        wk.instruction("Click here for guidance on completing this section"),
        _about(doc),
        wk.heading("Section 2: My EHCP"),
        _ehcp(doc),
        wk.heading("Section 3: My attendance"),
        *_attendance(doc),
        wk.heading("Section 4: My progress"),
        wk.instruction("Designated Teacher to complete from the school's tracking data"),
        _progress(doc),
        wk.heading("Section 5: My views and the views of others"),
        _views(doc),
        wk.heading("Section 6: My SMART targets"),
        wk.instruction(
            "Targets should link to the outcomes in the EHCP and say how Pupil "
            "Premium Plus will be used"
        ),
        _targets(doc),
        wk.heading("Section 7: Sign off"),
        _sign_off(doc),
    ]
    return document(
        "PEP for pupils with an EHCP",
        "Harrowfield County Council",
        "Children in Care Virtual School",
        "HF EHCP PEP (April 2025)",
        blocks,
        accent="1F4E79",
        doc=doc,
    )


LAYOUT = Layout(
    id="harrowfield-ehcp",
    set="dev",
    authority="Harrowfield County Council",
    source="hampshire-ehcp",
    phase="school_age",
    kind="docx",
    features=(
        "Label: [control] lines with a tab on the front page",
        "DfE number written NNN/NNNN",
        "full name in one control",
        "drop-downs for year group, PEP type and need",
        "merged title row over the suspensions table",
        "targets grid with PP+ column, rows added by copying (same tags)",
        "sign-off table (role, name, date)",
    ),
    completions=(
        (
            "dev-callum",
            Habits(
                dates=("dmy2", "dots", "ordinal"),
                ncy="yr",
                quirks={"views.school": "below", "MeetingDate": "picker"},
            ),
        ),
        (
            "dev-amira",
            Habits(
                dates=("long", "dmy"),
                wording=1,
                yes_no=1,
                percent="space",
                quirks={"views.child": "beside"},
            ),
        ),
    ),
    build=build,
)
