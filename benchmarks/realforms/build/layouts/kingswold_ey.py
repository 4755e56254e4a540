"""Kingswold early years PEP, after Bristol's Pre-school and Foundation stage PEP (a Word Early
Years PEP form for children from two, if in a funded place, to the end of Reception, judged
against The HOPE's EYFS PEP descriptors) and The HOPE's description of what a PEP holds (how
the child feels about their education, progress, how to help, attendance, support, the
difference the pupil premium made and future funding needs), in the house style of a public
early years PEP form: several "Label: value" pairs on one line, a printed people table
(Role / Name / Email / Invited / Present) answered Yes / No, a checklist of what has been
prepared finished with "...... X", care information as Label: value lines, EYFS bands by area
and next steps with the EYPP to be spent."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, attendee_kind, box
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "2E75B6"
SHADE = "DDEBF7"
ROLES = [
    ("Child", "child"),
    ("Social worker", "social_worker"),
    ("Parent", "parent"),
    ("Carer", "carer"),
    ("Designated Person", "teacher"),
    ("Virtual School", "virtual_school"),
]
EMAILS = {
    "social_worker": "care.social_worker.email",
    "teacher": "education.designated_teacher.email",
    "carer": "care.carer.email",
}
AREAS = [
    "Personal, social and emotional development",
    "Communication and language",
    "Physical development",
    "Literacy",
    "Mathematics",
]


def _pairs(doc: Doc, pairs: list[tuple[str, str | None]]) -> str:
    """Several "Label: value" pairs typed on one line, a tab between them."""
    runs: list[str] = []
    for number, (label, typed) in enumerate(pairs):
        if number:
            runs.append(wk.tab())
        runs.append(wk.run(f"{label}: ", bold=True))
        if typed is not None:
            runs.append(wk.run(typed))
    return wk.para(*runs, after=80)


def _header(doc: Doc) -> list[str]:
    return [
        _pairs(
            doc,
            [
                ("Name", doc.full_name(middle=False)),
                ("DOB", doc.text("child.date_of_birth")),
                ("Foundation year", doc.text("education.ncy")),
            ],
        ),
        _pairs(
            doc,
            [
                ("PEP Date", doc.text("meta.meeting_date")),
                ("Date of Last PEP", doc.text("meta.previous_pep_date")),
            ],
        ),
        _pairs(doc, [("Setting / School", doc.text("education.setting_name"))]),
        _pairs(doc, [("Name of Designated Person", doc.text("education.designated_teacher.name"))]),
        _pairs(
            doc,
            [
                (
                    "Email address of Designated Person",
                    doc.text("education.designated_teacher.email"),
                )
            ],
        ),
        _pairs(
            doc,
            [
                (
                    "Next PEP meeting to be organised / chaired by",
                    doc.unplaced("next_chair", "Next PEP meeting organised / chaired by", None),
                )
            ],
        ),
        _pairs(doc, [("Date of next PEP meeting", doc.text("meta.next_review_date"))]),
        _pairs(
            doc,
            [
                (
                    "Last Ofsted judgement for overall effectiveness",
                    doc.unplaced("ofsted_judgement", "Ofsted judgement", "education.ofsted_rating"),
                )
            ],
        ),
    ]


def _people(doc: Doc) -> str:
    widths = [2200, 2700, 3166, 1200, 1200]
    rows = [header_row(["Role", "Name", "Email", "Invited", "Present"], widths, fill=SHADE)]
    used: set[int] = set()
    for role, kind in ROLES:
        who: dict[str, Any] | None = None
        for number, item in enumerate(doc.items("attendees")):
            if number not in used and attendee_kind(item["role"]) == kind:
                used.add(number)
                who = item
                break
        name = email = invited = present = None
        if who is not None:
            entry: dict[str, Any] = {"name": who["name"], "role": role}
            name = who["name"]
            path = EMAILS.get(kind)
            if path and doc.value(path):
                email = doc.contact(entry, "email", path)
            if kind == "child":
                invited = present = "N/A"  # a young child is not invited: the box is not an answer
            else:
                entry["invited"], entry["attended"] = who["invited"], who["attended"]
                invited = doc.say("attendees.invited", who["invited"])
                present = doc.say("attendees.attended", who["attended"])
            doc.add_item("attendees", entry)
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill=SHADE),
                *(
                    wk.cell(*box(doc, value, style="typed", size=18), width=width)
                    for value, width in zip(
                        (name, email, invited, present), widths[1:], strict=True
                    )
                ),
            )
        )
    return wk.table(rows, widths)


def _prepared(doc: Doc) -> list[str]:
    out = [wk.para(wk.run("The following information has been prepared / gathered:", bold=True))]
    for item in (
        "Current attendance data has been entered",
        "Current progress and attainment data has been entered",
        "The child's views have been sought (through play, pictures or talking with the key "
        "person)",
        "The previous PEP is at hand to discuss progress",
        "2 year old progress check",
    ):
        out.append(
            wk.para(
                wk.run("\u2022  " + item + "\u2026\u2026 "),
                *([wk.run("X", bold=True)] if not doc.blank else []),
                indent=240,
                after=40,
            )
        )
    return out


def _care(doc: Doc) -> list[str]:
    def line(label: str, typed: str | None) -> list[str]:
        return box(doc, typed, style="typed", lead=[wk.run(f"{label}: ", bold=True)])

    return [
        *line("Legal status", doc.text("care.legal_status")),
        *line("Placement type", doc.text("care.placement_type")),
        *line("Date of placement", doc.text("care.placement_start_date")),
        *line("Carer(s)", doc.text("care.carer.name")),
        *line("Carer's telephone", doc.text("care.carer.phone")),
        *line("Who has parental responsibility", doc.text("care.parental_responsibility")),
        *line("Social worker", doc.text("care.social_worker.name")),
        *line("Social worker's telephone", doc.text("care.social_worker.phone")),
    ]


def _development(doc: Doc) -> str:
    widths = [4000, 3233, 3233]
    rows = [
        header_row(
            ["Area of learning", "Age band now (months)", "Band expected at next PEP"],
            widths,
            fill=SHADE,
        )
    ]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    for area in AREAS:
        index = by_subject.get(area)
        now = expected = None
        if index is not None:
            doc.truth.item("attainment", index)["subject"] = area
            now = doc.cell("attainment", index, "current")
            expected = doc.cell("attainment", index, "target")
        rows.append(
            wk.row(
                wk.label(area, widths[0], fill="F2F2F2", size=16),
                wk.cell(*box(doc, now, style="typed", size=18), width=widths[1]),
                wk.cell(*box(doc, expected, style="typed", size=18), width=widths[2]),
            )
        )
    return wk.table(rows, widths)


def _next_steps(doc: Doc) -> str:
    widths = [1700, 2700, 2600, 1400, 1166, 900]
    rows = [
        header_row(
            ["Area", "Next step", "How we will help", "Who", "When", "EYPP \u00a3"],
            widths,
            fill=SHADE,
            size=16,
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("area", "description", "actions", "lead", "due_date", "pp_plus_cost"),
            lambda f, i: box(doc, doc.cell("targets", i, f), style="typed", size=16),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _views(doc: Doc) -> list[str]:
    out = []
    for label, typed in (
        ("Voice of the child: how I feel about my nursery or school", doc.text("views.child")),
        ("What I enjoy", doc.text("child.leisure_interests")),
        ("Carer's views", doc.text("views.carer")),
        ("Designated Person's views", doc.text("views.school")),
        ("Social worker's update", doc.text("views.social_worker")),
    ):
        width = wk.TEXT_W
        out += [
            wk.table(
                [
                    wk.row(wk.cell(wk.para(wk.run(label, bold=True)), width=width, fill=SHADE)),
                    wk.row(wk.cell(*box(doc, typed, style="typed"), width=width), height=700),
                ],
                [width],
            ),
            wk.gap(),
        ]
    return out


def _sign(doc: Doc) -> list[str]:
    signatory = doc.signatory("Designated Person")
    signature = signatory.signature("designated_teacher")
    date = signatory.date("signoff.designated_teacher_date") if signature is not None else None
    return [
        _pairs(
            doc,
            [("Signed (Designated Person)", signature or "\u2026" * 12), ("Date", date)],
        )
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan for the Early Years"), style="Title"),
        wk.para(
            wk.run(
                "For children from 2 (in a funded place) to the end of Reception",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        *_header(doc),
        wk.para(
            wk.run(
                "The PEP is an evolving record of what needs to happen for a looked after child "
                "to make progress. It is the joint responsibility of the local authority and the "
                "setting, and involves the child as far as their age allows.",
                italic=True,
                size=16,
            )
        ),
        _people(doc),
        *_prepared(doc),
        wk.heading("Care Information"),
        *_care(doc),
        wk.heading("Attendance"),
        *box(
            doc,
            doc.text("education.attendance.percent"),
            style="typed",
            lead=[wk.run("% attendance this term: ", bold=True)],
        ),
        *box(
            doc,
            doc.text("education.attendance.sessions_missed"),
            style="typed",
            lead=[wk.run("Sessions missed: ", bold=True)],
        ),
        wk.heading("Progress (EYFS)"),
        _development(doc),
        wk.heading("The child's views and the adults' views"),
        *_views(doc),
        wk.heading("Early Years Pupil Premium"),
        *box(
            doc,
            doc.unplaced("eypp_use", "What difference has the EYPP made?", "pp_plus.impact"),
            style="typed",
            lead=[wk.run("What difference has the EYPP made? ", bold=True)],
        ),
        wk.heading("Next steps and future EYPP"),
        _next_steps(doc),
        *_sign(doc),
    ]
    return document(
        "Early Years PEP",
        "Kingswold City Council",
        "The Kingswold Virtual School",
        "Early Years PEP form",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="kingswold-early-years-pep",
    set="dev",
    authority="Kingswold City Council",
    source="bristol-ey",
    phase="early_years",
    kind="docx",
    features=(
        "several Label: value pairs typed on one line with tabs between them",
        "printed people table Role / Name / Email / Invited / Present answered Yes / No, "
        "N/A for the child",
        "checklist of what has been prepared, each line ending '...... X'",
        "care information as Label: value lines",
        "EYFS areas with the age band now and at the next PEP",
        "views in one-column tables (question row, answer row)",
        "next steps grid with the area typed in words and an EYPP column",
    ),
    completions=(
        (
            "dev-poppy",
            Habits(dates=("dmy", "dots"), ncy="f", money="bare", yes_no=1),
        ),
        (
            "dev-esme",
            Habits(dates=("ordinal", "long"), ncy="f", wording=1),
        ),
    ),
    build=build,
    style_sources=("ey-pep-form-f2",),
)
