"""Tettenford 16+ PEP, after Wolverhampton Virtual School's post-16 pages: one 16+ PEP form for
every post-16 PEP (Years 12 and 13, and care leavers, held as often as the regular PEP and in
step with the Pathway Plan); routes through A levels, T Levels, vocational courses at levels 1
to 3, apprenticeships or a training provider's study programme, with maths and English; the
social worker starts the process and arranges the meeting; the Virtual School's post-16 officer
supports. A Word form of "Label:<tab>value" lines, a route chosen from a tick-box group inside
its label line, answers on the line after their question, each new target written on one line
as "Target: ... Support: ... Who: ... By: ...", a contact column holding a phone number or an
email, and a signature table."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, attendee_kind, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "E36C09"
SHADE = "FDE9D9"
ROUTES = ["A levels", "T Levels", "Vocational", "Apprenticeship", "Study programme"]


def _line(doc: Doc, label: str, typed: str | None) -> list[str]:
    return box(doc, typed, style="typed", lead=[wk.run(f"{label}:", bold=True), wk.tab()])


def _below(doc: Doc, question: str, typed: str | None) -> list[str]:
    return [
        wk.para(wk.run(question, bold=True), before=100, keep_next=True),
        *box(doc, typed, style="typed"),
    ]


def _about(doc: Doc) -> list[str]:
    return [
        *_line(doc, "Name", doc.full_name(middle=False)),
        *_line(doc, "Date of birth", doc.text("child.date_of_birth")),
        *_line(doc, "ULN", doc.text("child.uln")),
        *_line(doc, "School year", doc.text("education.ncy")),
        *_line(doc, "Legal status", doc.text("care.legal_status")),
        *_line(doc, "Placement", doc.text("care.placement_type")),
        *_line(doc, "Carer / provider", doc.text("care.carer.name")),
        *_line(doc, "Where I live", doc.unplaced("residence", "Where I live", "care.residence")),
        *_line(doc, "Social worker", doc.text("care.social_worker.name")),
        *_line(
            doc,
            "Personal adviser",
            doc.unplaced("personal_adviser", "Personal adviser", "care.personal_adviser"),
        ),
    ]


def _education(doc: Doc) -> list[str]:
    route = doc.unplaced("route", "My route", None)
    style = doc.quirk("boxes") or "glyph"
    return [
        *_line(doc, "College / provider", doc.text("education.setting_name")),
        *_line(doc, "Course", doc.unplaced("course", "Course", "education.course")),
        wk.para(
            wk.run("My route:", bold=True),
            wk.tab(),
            *marks([(r, r) for r in ROUTES], route, style=style, doc=doc),
        ),
        *_line(doc, "Start date", doc.text("education.date_joined")),
        *_line(doc, "Tutor / designated person", doc.text("education.designated_teacher.name")),
        *_line(doc, "Attendance %", doc.text("education.attendance.percent")),
        *_line(doc, "16-19 Bursary", doc.unplaced("bursary", "16-19 Bursary", "pp_plus.bursary")),
    ]


def _pathway(doc: Doc) -> list[str]:
    plans = [plan for plan in doc.items("linked_plans") if plan["type"] == "PATHWAY"]
    typed = None
    if plans:
        doc.add_item("linked_plans", {"type": "PATHWAY", "date": plans[0]["date"]})
        typed = doc.say("linked_plans.date", plans[0]["date"])
    return _line(doc, "Date of my Pathway Plan", typed)


def _progress(doc: Doc) -> str:
    widths = [4200, 2200, 2200, 1866]
    rows = [
        header_row(
            ["Qualification", "Current / predicted", "Target", "On track?"], widths, fill=SHADE
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        each(
            ("subject", "current", "target", "on_track"),
            lambda f, i: box(doc, doc.cell("attainment", i, f), style="typed", size=18),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _previous(doc: Doc) -> str:
    widths = [4800, 1700, 3966]
    rows = [header_row(["Last target", "Achieved?", "Comments"], widths, fill=SHADE)]
    rows += grid_rows(
        doc,
        "previous_targets",
        each(
            ("description", "outcome", "evidence"),
            lambda f, i: box(doc, doc.cell("previous_targets", i, f), style="typed", size=18),
        ),
        widths,
        printed_rows=2,
    )
    return wk.table(rows, widths)


def _targets(doc: Doc) -> list[str]:
    """Each target on one line: Target: ... Support: ... Who: ... By: ..."""
    out = []
    count = max(3, len(doc.items("targets")))
    for index in range(count):
        runs = [wk.run(f"{index + 1}.  ", bold=True)]
        for label, field in (
            ("Target", "description"),
            ("Support", "actions"),
            ("Who", "lead"),
            ("By", "due_date"),
        ):
            typed = doc.cell("targets", index, field)
            runs.append(wk.run(f"{label}: ", bold=True))
            runs.append(wk.run(typed if typed is not None else "\u2002" * 6))
            runs.append(wk.run("   "))
        out.append(wk.para(*runs, after=100))
    return out


def _people(doc: Doc) -> str:
    widths = [3000, 3200, 4266]
    contacts: dict[str, list[tuple[str, str]]] = {
        "social_worker": [
            ("email", "care.social_worker.email"),
            ("phone", "care.social_worker.phone"),
        ],
        "teacher": [
            ("email", "education.designated_teacher.email"),
            ("phone", "education.designated_teacher.phone"),
        ],
        "carer": [("phone", "care.carer.phone")],
    }
    prefer_phone = doc.quirk("contact") == "phone"
    rows = [header_row(["Name", "Role", "Phone or email"], widths, fill=SHADE)]
    count = max(4, len(doc.items("attendees")))
    for index in range(count):
        items = doc.items("attendees")
        name = role = contact = None
        if index < len(items):
            who = items[index]
            item: dict[str, Any] = {"name": who["name"], "role": who["role"]}
            name, role = who["name"], who["role"]
            options = contacts.get(attendee_kind(who["role"]), [])
            if prefer_phone:
                options = sorted(options, key=lambda o: o[0] != "phone")
            for kind, path in options:
                if doc.value(path):
                    contact = doc.contact(item, kind, path)
                    break
            doc.add_item("attendees", item)
        rows.append(
            wk.row(
                *(
                    wk.cell(*box(doc, value, style="typed", size=18), width=width)
                    for value, width in zip((name, role, contact), widths, strict=True)
                )
            )
        )
    return wk.table(rows, widths)


def _signatures(doc: Doc) -> str:
    widths = [3000, 4466, 3000]
    rows = [header_row(["", "Signature", "Date"], widths, fill=SHADE)]
    for role, who, date_path in (
        ("Young person", "young_person", None),
        ("Social worker", "social_worker", "signoff.social_worker_date"),
        ("Designated person", "designated_teacher", "signoff.designated_teacher_date"),
    ):
        signatory = doc.signatory(role)
        signature = signatory.signature(who)
        date = None
        if signature is not None and date_path is not None:
            date = signatory.date(date_path)
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill=SHADE),
                wk.cell(*box(doc, signature, style="typed", size=18), width=widths[1]),
                wk.cell(*box(doc, date, style="typed", size=18), width=widths[2]),
            )
        )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("16+ Personal Education Plan"), style="Title"),
        wk.para(
            wk.run(
                "For young people in Years 12 and 13 and care leavers. Hold it as often as the "
                "PEP and in step with the Pathway Plan.",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        *_line(doc, "Date of this PEP", doc.text("meta.meeting_date")),
        *_line(doc, "Date of next PEP", doc.text("meta.next_review_date")),
        wk.heading("About me"),
        *_about(doc),
        wk.heading("My education, employment or training"),
        *_education(doc),
        *_pathway(doc),
        wk.heading("How I am doing"),
        _progress(doc),
        *_below(doc, "What is going well, and what do I need help with?", doc.text("views.child")),
        *_below(doc, "Comments from my tutor or designated person:", doc.text("views.school")),
        *_below(doc, "Comments from my carer:", doc.text("views.carer")),
        *_below(doc, "Comments from my social worker:", doc.text("views.social_worker")),
        wk.heading("My next steps"),
        *_line(doc, "Career aspiration", doc.text("transition.aspirations")),
        *_line(doc, "Careers advice (IAG) received", doc.text("transition.careers_advice")),
        *_line(doc, "What I plan to do next", doc.text("transition.next_transition")),
        *_line(doc, "When", doc.text("transition.date")),
        wk.heading("My last targets"),
        _previous(doc),
        wk.heading("My targets"),
        *_targets(doc),
        wk.heading("Who came to my PEP"),
        _people(doc),
        wk.heading("Signatures"),
        _signatures(doc),
    ]
    return document(
        "16+ Personal Education Plan",
        "Tettenford City Council",
        "Tettenford Virtual School - Post 16",
        "16+ PEP form",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="tettenford-16-plus-pep",
    set="dev",
    authority="Tettenford City Council",
    source="wolverhampton",
    phase="post16",
    kind="docx",
    features=(
        "Label:<tab>value lines (about me, education, next steps)",
        "the route chosen from a tick-box group inside its label line",
        "questions in bold with the answer on the line after",
        "each target written on one line: Target: ... Support: ... Who: ... By: ...",
        "people table with one 'Phone or email' column",
        "signature table (young person, social worker, designated person) with an empty "
        "header cell",
    ),
    completions=(
        (
            "dev-tyler",
            Habits(
                dates=("long", "dmy"),
                ncy="year",
                wording=1,
                yes_no=1,
                quirks={"contact": "phone", "boxes": "glyph"},
            ),
        ),
        (
            "dev-shannon",
            Habits(dates=("dmy2",), ncy="yr", wording=2, quirks={"boxes": "x"}),
        ),
    ),
    build=build,
)
