"""Sedgecombe PEP Part B (KS1-4), after Somerset's "PEP PART B KS1-4" (revised January 2016):
plain Word tables typed into, no controls. 1a people involved (printed roles, "Name and Email
address", Invited, Attended, and a merged right-hand column for circulation and the meeting
dates), 1(b) roles and responsibilities as questions with the answer beside, the meeting
chair's "Signature: Name: Role:" line, YES / NO questions answered by circling (highlight,
bold or striking out the other word), then views and a targets grid."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Column, Layout, document, grid_rows, header_row

ROLES = [
    ("Young Person", "child"),
    ("Social Worker", "social_worker"),
    ("Foster Carer/s", "carer"),
    ("Designated Teacher\nRole in school", "teacher"),
    ("Teacher", "none"),
    ("External Agencies", "iro"),
    ("The Virtual School", "virtual_school"),
    ("Other", "parent"),
    ("Other", "other"),
]
EMAILS = {
    "social_worker": "care.social_worker.email",
    "teacher": "education.designated_teacher.email",
}


def _typed(doc: Doc, text: str | None, size: int = 18) -> list[str]:
    return box(doc, text, style="typed", size=size)


def _people(doc: Doc) -> str:
    widths = [1900, 2800, 900, 900, 3966]
    circulation = doc.unplaced(
        "circulation", "To whom will this PEP be circulated?", "meta.circulation"
    )

    def dated(label: str, path: str) -> list[str]:
        typed = doc.text(path)
        return [
            wk.para(
                wk.run(f"{label} ", bold=True, size=16),
                *([wk.run(typed, size=18)] if typed else []),
            )
        ]

    right: list[tuple[str | None, list[str]]] = [
        (
            "restart",
            [
                wk.para(
                    wk.run(
                        "To whom will this PEP be circulated/distributed (with email "
                        "addresses)? Has the child/young person been consulted "
                        "about circulation?",
                        bold=True,
                        size=16,
                    )
                ),
                *_typed(doc, circulation),
            ],
        ),
        ("continue", []),
        ("continue", []),
        ("continue", []),
        ("continue", []),
        (None, [wk.para(wk.run("By when will it be emailed to ?", bold=True, size=16))]),
        (None, dated("Date of this meeting:", "meta.meeting_date")),
        (None, dated("Date of next PEP meeting:", "meta.next_review_date")),
        (None, [wk.para(wk.run("Date of next CLA Review:", bold=True, size=16))]),
    ]
    rows = [
        wk.row(
            wk.cell(
                wk.para(
                    wk.run("1a: People involved in this plan and meeting: ", bold=True),
                    wk.run(
                        "Those highlighted should ideally be present at all PEP meetings.",
                        italic=True,
                        size=16,
                    ),
                ),
                width=sum(widths),
                span=5,
                fill=wk.GREY,
            )
        ),
        header_row(
            ["Role/relationship", "Name and Email address", "Invited", "Attended", ""],
            widths,
            size=16,
        ),
    ]
    used: set[int] = set()
    for number, (role, kind) in enumerate(ROLES):
        who = _who(doc, kind, used)
        name_lines: list[str] = []
        invited = attended = None
        if who is not None:
            item: dict[str, Any] = {"name": who["name"]}
            item["role"] = who["role"] if role == "Other" else role.split("\n")[0]
            name_lines.append(
                who["name"] + (f" - {who['role'].lower()}" if role == "Other" else "")
            )
            email_path = EMAILS.get(kind)
            if email_path and doc.value(email_path):
                name_lines.append(doc.contact(item, "email", email_path) or "")
            item["invited"], item["attended"] = who["invited"], who["attended"]
            invited = doc.say("attendees.invited", who["invited"])
            attended = doc.say("attendees.attended", who["attended"])
            doc.add_item("attendees", item)
        fill = "FFF2CC" if kind in ("child", "social_worker", "carer", "teacher") else None
        vmerge, content = right[number]
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(role, bold=True, size=16)), width=widths[0], fill=fill),
                wk.cell(*_typed(doc, "\n".join(name_lines) or None, 16), width=widths[1]),
                wk.cell(*_typed(doc, invited, 16), width=widths[2]),
                wk.cell(*_typed(doc, attended, 16), width=widths[3]),
                wk.cell(*content, width=widths[4], vmerge=vmerge),
            )
        )
    return wk.table(rows, widths)


def _who(doc: Doc, kind: str, used: set[int]) -> dict[str, Any] | None:
    from benchmarks.realforms.build.form import attendee_kind

    for number, item in enumerate(doc.items("attendees")):
        if number not in used and attendee_kind(item["role"]) == kind:
            used.add(number)
            return item
    return None


def _roles(doc: Doc) -> str:
    widths = [5000, 5466]
    questions = [
        (
            "Who holds parental responsibility? Name and relationship to child:",
            doc.text("care.parental_responsibility"),
        ),
        (
            "Who should be contacted in case of an emergency?",
            doc.unplaced(
                "emergency_contact",
                "Who should be contacted in case of an emergency?",
                "care.emergency_contact",
            ),
        ),
        (
            "Who will receive school information?",
            doc.unplaced(
                "school_info_to",
                "Who will receive school information?",
                "care.school_information_to",
            ),
        ),
        (
            "Who will give permission for school trips? Day: / Residential:",
            doc.unplaced(
                "trips_permission",
                "Who will give permission for school trips?",
                "care.consents.trips",
            ),
        ),
        (
            "Is there anyone who should not have unsupervised contact and communication?",
            doc.unplaced(
                "no_contact",
                "Is there anyone who should not have unsupervised contact?",
                "care.contact_restrictions",
            ),
        ),
    ]
    rows = [
        wk.row(
            wk.cell(
                wk.para(wk.run("1(b) Roles and responsibilities", bold=True)),
                width=sum(widths),
                span=2,
                fill=wk.GREY,
            )
        )
    ]
    for question, typed in questions:
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(question, size=18)), width=widths[0]),
                wk.cell(*_typed(doc, typed), width=widths[1]),
            )
        )
    return wk.table(rows, widths)


def _chair(doc: Doc) -> list[str]:
    # the chair (the designated teacher) types their own name and role after the signature
    chair = doc.attendee("teacher")
    signatory = doc.signatory("Designated Teacher" if chair is not None else None)
    signature = signatory.signature("chair")
    name = role = None
    if signature is not None and chair is not None:
        name, role = signatory.named(chair["name"]), "Designated Teacher"
        doc.truth.set("education.designated_teacher.name", chair["name"])
    return [
        wk.para(
            wk.run(
                "Meeting chair, please sign to confirm that the information provided in "
                "PART A has been read, shared, is accurate and up to date.",
                italic=True,
                size=18,
            )
        ),
        wk.para(
            wk.run("Signature: ", bold=True),
            wk.run(signature or "\u2002" * 20),
            wk.run("   Name: ", bold=True),
            wk.run(name or "\u2002" * 20),
            wk.run("   Role: ", bold=True),
            wk.run(role or ""),
        ),
    ]


def _progress(doc: Doc) -> str:
    widths = [7466, 3000]
    circle = doc.habits.quirks.get("circle", "highlight") if not doc.blank else "highlight"
    rows = [
        wk.row(
            wk.cell(
                wk.para(wk.run("2a: Progress towards academic targets", bold=True)),
                width=sum(widths),
                span=2,
                fill=wk.GREY,
            )
        )
    ]
    for key, question in (
        (
            "targets_accurate",
            "Are the targets given in section 4 part A accurate, and "
            "aspirational? If not please update before submitting this PEP",
        ),
        (
            "on_track_ks",
            "Is this child/young person currently on track to achieve the agreed "
            "academic targets at the end of the KS?",
        ),
    ):
        answer = doc.unplaced(key, question, None)
        chosen = None if answer is None else answer.upper()
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(question, size=18)), width=widths[0]),
                wk.cell(
                    wk.para(*marks([("YES", "YES"), ("NO", "NO")], chosen, style=circle, doc=doc)),
                    width=widths[1],
                ),
            )
        )
    evidence = doc.text("views.school")
    rows.append(
        wk.row(
            wk.cell(
                wk.para(
                    wk.run(
                        "If yes, what is the evidence and rate of this "
                        "progress? If not, what measures has the school "
                        "put in place to address this concern?",
                        size=18,
                    )
                ),
                *_typed(doc, evidence),
                width=sum(widths),
                span=2,
            )
        )
    )
    return wk.table(rows, widths)


def _views(doc: Doc) -> list[str]:
    out = [
        wk.heading("3 My views"),
        wk.instruction("The designated teacher completes this with me before the meeting"),
    ]
    for label, path in (
        ("What I think is going well and what I would like help with:", "views.child"),
        ("My carer's views:", "views.carer"),
    ):
        out.append(wk.para(wk.run(label, bold=True)))
        out += _typed(doc, doc.text(path))
    return out


def _targets(doc: Doc) -> str:
    widths = [2600, 2000, 2300, 1300, 1200, 1066]

    def column(field: str) -> Column:
        return lambda i: _typed(doc, doc.cell("targets", i, field), 16)

    rows = [
        header_row(
            [
                "Target",
                "Success criteria",
                "Action / strategies",
                "Who",
                "Review date",
                "Cost (PP+)",
            ],
            widths,
            size=16,
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            column(f)
            for f in (
                "description",
                "success_criteria",
                "actions",
                "lead",
                "due_date",
                "pp_plus_cost",
            )
        ],
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Sedgecombe PEP PART B", bold=True, size=28), wk.run("   KS1-4", size=24)),
        wk.para(wk.run("Revised January 2025", italic=True, size=16)),
        wk.heading("Section 1: Communication, roles and responsibilities"),
        _people(doc),
        wk.gap(),
        _roles(doc),
        *_chair(doc),
        wk.heading("Section 2: Progress"),
        _progress(doc),
        *_views(doc),
        wk.heading("4 Targets for the coming term"),
        wk.instruction("Targets must be SMART and say how Pupil Premium Plus will be spent"),
        _targets(doc),
    ]
    return document(
        "Sedgecombe PEP Part B KS1-4",
        "Sedgecombe County Council",
        "Virtual School for Children Looked After",
        "Sedgecombe PEP Part B (2025)",
        blocks,
        accent="385623",
        doc=doc,
    )


LAYOUT = Layout(
    id="sedgecombe-part-b",
    set="dev",
    authority="Sedgecombe County Council",
    source="somerset",
    phase="school_age",
    kind="docx",
    features=(
        "plain typed table cells (no controls)",
        "printed attendee roles, name and email typed in one cell, 'Other' rows with the role "
        "typed after the name",
        "vertically merged circulation column with meeting dates",
        "roles and responsibilities questions with answers beside",
        "meeting chair's Signature: Name: Role: line",
        "YES / NO circled by highlight or bold",
    ),
    completions=(
        (
            "dev-lilymae",
            Habits(
                dates=("dmy", "ordinal"),
                yes_no=0,
                money="pence",
                quirks={"circle": "highlight"},
            ),
        ),
        (
            "dev-callum",
            Habits(
                dates=("dmy2", "long"),
                yes_no=1,
                quirks={"circle": "bold"},
                blanks={"care.parental_responsibility": "N/A"},
            ),
        ),
    ),
    build=build,
)
