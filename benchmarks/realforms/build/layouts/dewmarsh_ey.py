"""Dewmarsh early years PEP (EYPEP), after Devon's EYPEP: Section One (a) the child's details,
Section One (b) a people table with printed titles (Child, Parent, Carer(s), Designated person,
Social worker) and Address and Phone Number / Attended Meeting / Copy of PEP Sent columns,
Section Two the responsibilities questions, then learning, voice and next steps."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Layout,
    document,
    each,
    grid_rows,
    header_row,
    label_rows,
)

NAVY = "003865"
TITLES = [
    ("Child", "child"),
    ("Parent", "parent"),
    ("Carer(s)", "carer"),
    ("Designated person (teacher or practitioner)", "teacher"),
    ("Social worker or care manager", "social_worker"),
]
PHONES = {"carer": "care.carer.phone", "social_worker": "care.social_worker.phone"}
AREAS = [
    "Communication and language",
    "Personal, social and emotional development",
    "Physical development",
]


def _typed(doc: Doc, typed: str | None) -> list[str]:
    return box(doc, typed, style="typed", size=18)


def _details(doc: Doc) -> str:
    widths = [2300, 2933, 2300, 2933]
    pairs = [
        ("Child's name", _typed(doc, doc.full_name(middle=False))),
        ("Date of birth", _typed(doc, doc.text("child.date_of_birth"))),
        ("Gender", _typed(doc, doc.text("child.gender"))),
        ("Ethnicity", _typed(doc, doc.text("child.ethnicity"))),
        ("First language", _typed(doc, doc.text("child.first_language"))),
        ("Legal status", _typed(doc, doc.text("care.legal_status"))),
        ("Date became looked after", _typed(doc, doc.text("care.date_became_looked_after"))),
        ("Placement type", _typed(doc, doc.text("care.placement_type"))),
        ("Setting", _typed(doc, doc.text("education.setting_name"))),
        ("Ofsted / URN", _typed(doc, doc.text("education.urn"))),
        ("Key person", _typed(doc, doc.text("education.designated_teacher.name"))),
        ("Date started at setting", _typed(doc, doc.text("education.date_joined"))),
        ("Date of EYPEP meeting", _typed(doc, doc.text("meta.meeting_date"))),
        ("Date of next EYPEP", _typed(doc, doc.text("meta.next_review_date"))),
    ]
    return wk.table(label_rows(pairs, widths, fill="DEEAF6"), widths)


def _people(doc: Doc) -> str:
    widths = [2700, 2300, 2666, 1400, 1400]
    rows = [
        header_row(
            ["Title", "Name", "Address and Phone Number", "Attended Meeting", "Copy of PEP Sent"],
            widths,
            fill="DEEAF6",
            size=16,
        )
    ]
    for title, kind in [*TITLES, ("", "other")]:
        who = doc.attendee(kind) if kind != "other" else None
        name = contact = attended = sent = None
        if who is not None:
            name = doc.full_name(middle=False) if kind == "child" else who["name"]
            item = {"name": name, "role": title, "attended": who["attended"]}
            doc.add_item("attendees", item)
            attended = doc.say("attendees.attended", who["attended"])
            sent = "Yes" if kind != "child" else None
            if kind in PHONES:
                contact = doc.contact(item, "phone", PHONES[kind])
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(title, bold=True, size=16)), width=widths[0]),
                *(
                    wk.cell(*_typed(doc, v), width=w)
                    for v, w in zip([name, contact, attended, sent], widths[1:], strict=True)
                ),
            )
        )
    return wk.table(rows, widths)


def _responsibilities(doc: Doc) -> str:
    widths = [5200, 5266]
    questions = [
        (
            "Who should the setting contact in an emergency - in order of priority? 1. 2. 3.",
            doc.unplaced(
                "emergency_contact",
                "Who should the setting contact in an emergency?",
                "care.emergency_contact",
            ),
        ),
        ("Who is allowed access to me in my setting?", None),
        (
            "Who will take responsibility for my health issues?",
            doc.unplaced(
                "health_responsibility",
                "Who will take responsibility for my health?",
                "health.responsible_adult",
            ),
        ),
        (
            "Who will receive and respond to communications from my setting - for example "
            "invitations to parents' evenings?",
            None,
        ),
        (
            "Who will give permission for my attendance on trips?",
            doc.unplaced(
                "trips_permission", "Who will give permission for trips?", "care.consents.trips"
            ),
        ),
        ("Who can give permission for school photographs and performances?", None),
    ]
    rows = [header_row(["", "Name and Contact Details"], widths, fill="DEEAF6")]
    for question, typed in questions:
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(question, size=18)), width=widths[0]),
                wk.cell(*_typed(doc, typed), width=widths[1]),
            )
        )
    return wk.table(rows, widths)


def _learning(doc: Doc) -> str:
    widths = [3300, 2400, 2400, 2366]
    rows = [
        header_row(
            [
                "Area of learning",
                "Now (Emerging / Developing / Secure)",
                "By my next EYPEP",
                "On track? (Y/N)",
            ],
            widths,
            fill="DEEAF6",
            size=16,
        )
    ]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    for area in AREAS:
        index = by_subject.get(area)
        values: list[str | None] = [None, None, None]
        if index is not None:
            doc.truth.item("attainment", index)["subject"] = area
            values = [doc.cell("attainment", index, f) for f in ("current", "target", "on_track")]
        rows.append(
            wk.row(
                wk.label(area, widths[0], fill="F2F2F2", size=16),
                *(
                    wk.cell(*_typed(doc, v), width=w)
                    for v, w in zip(values, widths[1:], strict=True)
                ),
            )
        )
    return wk.table(rows, widths)


def _voice(doc: Doc) -> list[str]:
    out = []
    for label, typed in (
        ("What I like doing:", doc.text("child.leisure_interests")),
        ("My voice (what my key person has seen and heard):", doc.text("views.child")),
        ("What my carer says:", doc.text("views.carer")),
        ("What my key person says:", doc.text("views.school")),
    ):
        out += [wk.para(wk.run(label, bold=True)), *_typed(doc, typed), wk.para()]
    return out


def _next_steps(doc: Doc) -> list[str]:
    widths = [3300, 3000, 1700, 1300, 1166]
    rows = [
        header_row(
            ["Next step", "How we will help", "Who", "By when", "EYPP £"], widths, fill="DEEAF6"
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("description", "actions", "lead", "due_date", "pp_plus_cost"),
            lambda f, i: _typed(doc, doc.cell("targets", i, f)),
        ),
        widths,
        printed_rows=3,
    )
    review_widths = [5000, 1800, 3666]
    review = [header_row(["Last next steps", "Achieved?", "Comment"], review_widths, fill="DEEAF6")]
    review += grid_rows(
        doc,
        "previous_targets",
        each(
            ("description", "outcome", "evidence"),
            lambda f, i: _typed(doc, doc.cell("previous_targets", i, f)),
        ),
        review_widths,
        printed_rows=2,
    )
    return [
        wk.heading("Section Four: How did I get on with my last next steps?"),
        wk.table(review, review_widths),
        wk.heading("Section Five: My next steps"),
        wk.table(rows, widths),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Early Years Personal Education Plan (EYPEP)"), style="Title"),
        wk.para(
            wk.run(
                "The personal education plan is a statutory requirement and a vital part "
                "of the care plan",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        wk.heading("Section One (a): Child's Details"),
        _details(doc),
        wk.heading("Section One (b): People Invited to EYPEP Meeting"),
        wk.instruction(
            "Please indicate the names of the people responsible for managing this EYPEP."
        ),
        _people(doc),
        wk.heading("Section Two: Responsibilities"),
        _responsibilities(doc),
        wk.heading("Section Three: My Learning"),
        _learning(doc),
        *box(
            doc,
            doc.text("education.attendance.percent"),
            style="typed",
            lead=[wk.run("My attendance at my setting (%): ", bold=True)],
        ),
        wk.heading("My Voice"),
        *_voice(doc),
        *_next_steps(doc),
    ]
    return document(
        "EYPEP",
        "Dewmarsh County Council",
        "Virtual School for Children in Care",
        "Dewmarsh EYPEP",
        blocks,
        accent=NAVY,
        doc=doc,
    )


LAYOUT = Layout(
    id="dewmarsh-eypep",
    set="eval",
    authority="Dewmarsh County Council",
    source="devon-ey",
    phase="early_years",
    kind="docx",
    features=(
        "people table with printed titles and an empty extra row",
        "phone numbers in an 'Address and Phone Number' column",
        "responsibilities questions with answers beside",
        "printed EYFS areas (Emerging / Developing / Secure)",
        "next steps with an EYPP column",
    ),
    completions=(
        ("eval-isla", Habits(dates=("ordinal", "dmy"), wording=1, money="pounds")),
        (
            "eval-theo",
            Habits(dates=("dmy2", "slash"), wording=0, yes_no=1, word_for={"care.legal_status": 1}),
        ),
    ),
    build=build,
)
