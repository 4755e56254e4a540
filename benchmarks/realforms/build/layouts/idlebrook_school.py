"""Idlebrook Education Review (PEP), after Nottinghamshire's guide to improving outcomes through
the PEP process (the meeting called an "Education Review" with children; a "Strengths and
Challenges" section covering executive functioning skills and preparing for adulthood; SMART
targets; the child's voice co-produced; PEP documents per phase) and its Virtual School's PEP
page (the social worker leads on reviews taking place, the designated teacher on the education
in the PEP; part pre-populated before the meeting). Written as headings, each followed by an
italic instruction (never a value) and the answer in a rich-text control under it; a bold
label | control table without shading on the front; a strengths and challenges grid; and grids
whose rows are added by copying."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    grid_rows,
    header_row,
    row_tag,
)

ACCENT = "00205B"
SHADE = "DAE3F3"


def _ctrl(doc: Doc, typed: str | None, tag: str, *, date: bool = False) -> list[str]:
    style = "date" if date else "control"
    return box(doc, typed, style=style, key=tag, tag=tag, size=18)


def _section(doc: Doc, title: str, instruction: str, typed: str | None, tag: str) -> list[str]:
    return [
        wk.heading(title, 2),
        wk.instruction(instruction),
        *box(doc, typed, style="rich", key=tag, tag=tag, size=20),
    ]


def _about(doc: Doc) -> str:
    widths = [3600, 6866]
    pairs = [
        ("First name", _ctrl(doc, doc.text("child.first_name"), "First")),
        ("Last name", _ctrl(doc, doc.text("child.last_name"), "Last")),
        ("Date of birth", _ctrl(doc, doc.text("child.date_of_birth"), "DOB", date=True)),
        ("Gender", _ctrl(doc, doc.text("child.gender"), "Gender")),
        ("Ethnicity", _ctrl(doc, doc.text("child.ethnicity"), "Ethnicity")),
        ("First language", _ctrl(doc, doc.text("child.first_language"), "Language")),
        ("UPN", _ctrl(doc, doc.text("child.upn"), "UPN")),
        ("Current year group", _ctrl(doc, doc.text("education.ncy"), "NCY")),
        ("School", _ctrl(doc, doc.text("education.setting_name"), "School")),
        ("URN", _ctrl(doc, doc.text("education.urn"), "URN")),
        ("Designated Teacher", _ctrl(doc, doc.text("education.designated_teacher.name"), "DT")),
        (
            "Designated Teacher email",
            _ctrl(doc, doc.text("education.designated_teacher.email"), "DTEmail"),
        ),
        ("Social Worker", _ctrl(doc, doc.text("care.social_worker.name"), "SW")),
        ("Social Worker telephone", _ctrl(doc, doc.text("care.social_worker.phone"), "SWTel")),
        ("Carer(s)", _ctrl(doc, doc.text("care.carer.name"), "Carer")),
        ("Legal status", _ctrl(doc, doc.text("care.legal_status"), "Legal")),
        (
            "Date of this Education Review",
            _ctrl(doc, doc.text("meta.meeting_date"), "Date", date=True),
        ),
        (
            "Date of next Education Review",
            _ctrl(doc, doc.text("meta.next_review_date"), "Next", date=True),
        ),
    ]
    rows = [
        wk.row(
            wk.cell(wk.para(wk.run(label, bold=True, size=18)), width=widths[0]),
            wk.cell(*answer, width=widths[1]),
        )
        for label, answer in pairs
    ]
    return wk.table(rows, widths)


def _strengths(doc: Doc) -> str:
    widths = [2600, 3933, 3933]
    rows = [header_row(["", "Strengths", "Challenges"], widths, fill=SHADE)]
    for area, strength, challenge in (
        (
            "Learning",
            doc.unplaced("strengths", "Strengths (learning)", "child.strengths"),
            doc.unplaced("challenges", "Challenges (learning)", None),
        ),
        (
            "Executive functioning skills",
            doc.unplaced("exec_skills", "Executive functioning skills", None),
            None,
        ),
        (
            "Preparing for Adulthood",
            doc.unplaced("adulthood", "Preparing for Adulthood", None),
            None,
        ),
    ):
        rows.append(
            wk.row(
                wk.label(area, widths[0], fill=SHADE),
                wk.cell(*box(doc, strength, style="rich", size=18), width=widths[1]),
                wk.cell(*box(doc, challenge, style="rich", size=18), width=widths[2]),
            )
        )
    return wk.table(rows, widths)


def _attendance(doc: Doc) -> str:
    widths = [3600, 6866]
    rows = []
    for label, typed, tag in (
        ("Attendance this year %", doc.text("education.attendance.percent"), "AttPct"),
        ("Sessions possible", doc.text("education.attendance.sessions_possible"), "AttPoss"),
        ("Sessions missed", doc.text("education.attendance.sessions_missed"), "AttMiss"),
    ):
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(label, bold=True, size=18)), width=widths[0]),
                wk.cell(*_ctrl(doc, typed, tag), width=widths[1]),
            )
        )
    return wk.table(rows, widths)


def _progress(doc: Doc) -> str:
    widths = [3000, 2300, 3000, 2166]
    printed = 5
    yes_mark, no_mark = ("Y", "N") if doc.quirk("tick") == "Y" else ("\u2713", "\u2717")

    def text(field: str, base: str) -> Column:
        return lambda i: _ctrl(doc, doc.cell("attainment", i, field), row_tag(base, i, printed))

    def on_track(i: int) -> list[str]:
        value = doc.item_flag("attainment", i, "on_track")
        shown = None if value is None else (yes_mark if value else no_mark)
        return _ctrl(doc, shown, row_tag("OnTrack", i, printed))

    rows = [
        header_row(
            [
                "Subject",
                "Currently working at",
                "End of key stage target",
                "On track \u2713/\u2717",
            ],
            widths,
            fill=SHADE,
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        [text("subject", "Subject"), text("current", "Now"), text("target", "KSTarget"), on_track],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _targets(doc: Doc) -> str:
    widths = [2500, 2100, 2400, 1300, 1200, 966]
    printed = 3
    fields = [
        ("description", "Tgt"),
        ("success_criteria", "Success"),
        ("actions", "Strategy"),
        ("lead", "Who"),
        ("due_date", "Review"),
        ("pp_plus_cost", "PPP"),
    ]

    def column(field: str, base: str) -> Column:
        return lambda i: _ctrl(doc, doc.cell("targets", i, field), row_tag(base, i, printed))

    columns = [column(field, base) for field, base in fields]
    rows = [
        header_row(
            [
                "SMART target",
                "What will success look like?",
                "Strategies and support",
                "Who",
                "Review date",
                "PP+ \u00a3",
            ],
            widths,
            fill=SHADE,
            size=16,
        )
    ]
    rows += grid_rows(doc, "targets", columns, widths, printed_rows=printed)
    return wk.table(rows, widths)


def _next_steps(doc: Doc) -> list[str]:
    out = []
    for label, path, tag in (
        ("My aspiration: ", "transition.aspirations", "Aspire"),
        ("Careers advice and guidance so far: ", "transition.careers_advice", "IAG"),
        ("My next step: ", "transition.next_transition", "Next"),
        ("When: ", "transition.date", "NextDate"),
        ("How we will get ready: ", "transition.plan", "Plan"),
    ):
        out += box(
            doc, doc.text(path), style="control", key=tag, tag=tag, lead=[wk.run(label, bold=True)]
        )
    return out


def _contributors(doc: Doc) -> str:
    widths = [3600, 4366, 2500]
    printed = 5

    def present(i: int) -> list[str]:
        value = doc.item_flag("attendees", i, "attended")
        return [wk.para(*marks([("", True)], value, style="control", doc=doc), align="center")]

    rows = [header_row(["Name", "Role", "Contributed in person"], widths, fill=SHADE)]
    rows += grid_rows(
        doc,
        "attendees",
        [
            lambda i: _ctrl(doc, doc.cell("attendees", i, "name"), row_tag("Who", i, printed)),
            lambda i: _ctrl(doc, doc.cell("attendees", i, "role"), row_tag("Role", i, printed)),
            present,
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _sign_off(doc: Doc) -> list[str]:
    out = []
    for role, name_path, date_path in (
        (
            "Designated Teacher",
            "education.designated_teacher.name",
            "signoff.designated_teacher_date",
        ),
        ("Social Worker", "care.social_worker.name", "signoff.social_worker_date"),
    ):
        signatory = doc.signatory(role)
        name = signatory.name(name_path)
        date = signatory.date(date_path) if name is not None else None
        out.append(
            wk.para(
                wk.run(f"Signed off by ({role}): ", bold=True),
                wk.control(doc.ids, tag=f"Off{role.split()[0]}", value=name, size=18),
                wk.run("   Date: ", bold=True),
                wk.date_control(doc.ids, tag=f"OffDate{role.split()[0]}", shown=date, size=18),
                before=120,
            )
        )
    return out


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Education Review (PEP)"), style="Title"),
        wk.para(
            wk.run(
                "We call the PEP meeting an Education Review when we talk with our children "
                "and young people.",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        wk.heading("About me"),
        wk.instruction("Pre-populated by the social worker before the Education Review"),
        _about(doc),
        *_section(
            doc,
            "My voice",
            "Co-produced with me before or at the review. Use my words.",
            doc.text("views.child"),
            "views.child",
        ),
        *_section(
            doc,
            "What I enjoy",
            "Clubs, hobbies and things I am proud of outside school",
            doc.text("child.leisure_interests"),
            "Enjoy",
        ),
        wk.heading("Strengths and Challenges", 2),
        wk.instruction(
            "Think about learning, executive functioning skills (planning, organising, "
            "starting tasks) and preparing for adulthood."
        ),
        _strengths(doc),
        wk.heading("Attendance", 2),
        _attendance(doc),
        wk.heading("Attainment and progress", 2),
        wk.instruction(
            "Designated Teacher: current working at grades and end of key stage targets"
        ),
        _progress(doc),
        wk.heading("SMART targets", 2),
        wk.instruction("Agreed at the Education Review; say how Pupil Premium Plus supports each"),
        _targets(doc),
        wk.heading("Preparing for my next steps", 2),
        *_next_steps(doc),
        *_section(
            doc,
            "My carer's view",
            "Including how they support learning at home",
            doc.text("views.carer"),
            "views.carer",
        ),
        *_section(
            doc,
            "School's view",
            "Designated Teacher's summary of progress and wellbeing",
            doc.text("views.school"),
            "views.school",
        ),
        *_section(
            doc,
            "Social Worker's view",
            "Any changes to the care plan that school should know about",
            doc.text("views.social_worker"),
            "views.sw",
        ),
        wk.heading("Who contributed to this Education Review", 2),
        _contributors(doc),
        wk.heading("Sign off", 2),
        *_sign_off(doc),
    ]
    return document(
        "Education Review (PEP)",
        "Idlebrook County Council",
        "Idlebrook Virtual School",
        "Idlebrook Education Review (PEP) - secondary",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="idlebrook-education-review",
    set="dev",
    authority="Idlebrook County Council",
    source="nottinghamshire",
    phase="school_age",
    kind="docx",
    features=(
        "the PEP called an Education Review",
        "headings each followed by an italic instruction and the answer in a rich-text "
        "control under it",
        "bold label | content control front table without shading, first and last name apart",
        "Strengths and Challenges grid (Learning, Executive functioning skills, Preparing for "
        "Adulthood)",
        "attainment grid with on track shown as \u2713/\u2717",
        "SMART targets grid (SMART target / What will success look like? / Strategies and "
        "support / Who / Review date / PP+), rows copied with the same tags",
        "next steps as label + control lines; contributors with checkbox controls; 'Signed "
        "off by (...): name Date:' lines with controls",
    ),
    completions=(
        (
            "dev-amira",
            Habits(
                dates=("dmy", "long"),
                ncy="year",
                quirks={"views.child": "below", "Date": "picker"},
            ),
        ),
        (
            "dev-zainab",
            Habits(
                dates=("ordinal", "dmy2"),
                ncy="yr",
                wording=1,
                money="bare",
                quirks={"tick": "Y", "views.carer": "beside"},
                month_only=frozenset({"transition.date"}),
            ),
        ),
    ),
    build=build,
)
