"""Chevington East "My 2-4 years Learning Plan", after Cheshire East's early years PEP: part 1
about me (personal information, legal status, a summary of the care plan), part 2 my health
and my setting (attendance, EYPP and its impact), part 3 my progress in the EYFS as a grid of
printed areas with a checkbox under Emerging / Developing / Secure and a comment, part 4 next
steps and the meeting. Modern content controls ("Click or tap here to enter text.")."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Layout,
    document,
    each,
    grid_rows,
    header_row,
    label_rows,
    pick,
    row_tag,
)

PLUM = "7030A0"
LEGAL = [
    ("Interim Care Order", "C1"),
    ("Care Order", "C2"),
    ("Placement Order", "E1"),
    ("Section 20", "V2"),
]
AREAS = [
    "Communication and language",
    "Personal, social and emotional development",
    "Physical development",
    "Literacy",
    "Mathematics",
    "Understanding the world",
    "Expressive arts and design",
]
STAGES = ["Emerging", "Developing", "Secure"]


def _ctrl(doc: Doc, typed: str | None, key: str) -> list[str]:
    return box(doc, typed, style="control", key=key, tag=key, size=18)


def _date(doc: Doc, path: str, key: str) -> list[str]:
    return box(doc, doc.text(path), style="date", key=key, tag=key, size=18)


def _part1(doc: Doc) -> list[str]:
    widths = [2300, 2933, 2300, 2933]
    pairs = [
        ("My first name", _ctrl(doc, doc.text("child.first_name"), "First")),
        ("My surname", _ctrl(doc, doc.text("child.last_name"), "Surname")),
        ("My date of birth", _date(doc, "child.date_of_birth", "DOB")),
        (
            "My legal status",
            [
                wk.para(
                    wk.dropdown(
                        doc.ids,
                        [t for t, _ in LEGAL],
                        tag="Legal",
                        chosen=pick(doc, "care.legal_status", LEGAL),
                        size=18,
                    )
                )
            ],
        ),
        ("Date I became cared for", _date(doc, "care.date_became_looked_after", "DLA")),
        ("Who I live with", _ctrl(doc, doc.text("care.carer.name"), "Carer")),
        ("My social worker", _ctrl(doc, doc.text("care.social_worker.name"), "SW")),
        ("Social worker phone", _ctrl(doc, doc.text("care.social_worker.phone"), "SWTel")),
    ]
    summary = doc.unplaced("care_summary", "A brief summary of my care plan", "care.plan_summary")
    return [
        wk.heading("Part 1: About me"),
        wk.instruction("Completed by my social worker"),
        wk.table(label_rows(pairs, widths, fill="E4DFEC"), widths),
        wk.para(wk.run("A brief summary of my care plan:", bold=True)),
        *box(doc, summary, style="rich", key="care_summary", tag="CarePlan"),
    ]


def _part2(doc: Doc) -> list[str]:
    widths = [2300, 2933, 2300, 2933]
    pairs = [
        ("My setting", _ctrl(doc, doc.text("education.setting_name"), "Setting")),
        ("Ofsted URN", _ctrl(doc, doc.text("education.urn"), "URN")),
        ("My key person", _ctrl(doc, doc.text("education.designated_teacher.name"), "Key")),
        ("Date I started", _date(doc, "education.date_joined", "Started")),
        ("My attendance (%)", _ctrl(doc, doc.text("education.attendance.percent"), "Att")),
        (
            "My funded hours",
            _ctrl(doc, doc.unplaced("hours", "My funded hours", "education.hours"), "Hours"),
        ),
    ]
    return [
        wk.heading("Part 2: My health and my setting"),
        wk.para(wk.run("Any health concerns:", bold=True)),
        *box(
            doc,
            doc.unplaced("health", "Any health concerns", "health.notes"),
            style="rich",
            key="health",
            tag="Health",
        ),
        wk.table(label_rows(pairs, widths, fill="E4DFEC"), widths),
        wk.para(
            wk.run(
                "How has the Early Years Pupil Premium (EYPP) been used and what "
                "difference has it made?",
                bold=True,
            )
        ),
        *box(
            doc,
            doc.unplaced(
                "eypp_use",
                "How has EYPP been used and what difference has it made?",
                "pp_plus.impact",
            ),
            style="rich",
            key="eypp",
            tag="EYPP",
        ),
    ]


def _part3(doc: Doc) -> list[str]:
    widths = [3000, 1100, 1100, 1100, 4166]
    rows = [header_row(["Area of learning", *STAGES, "Comments"], widths, fill="E4DFEC", size=16)]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    for area in AREAS:
        index = by_subject.get(area)
        stage = None
        if index is not None:
            doc.truth.item("attainment", index)["subject"] = area
            stage = doc.item_code("attainment", index, "current")
        cells = [wk.label(area, widths[0], fill="F2F2F2", size=16)]
        for number, name in enumerate(STAGES):
            cells.append(
                wk.cell(
                    wk.para(*marks([("", name)], stage, style="control", doc=doc), align="center"),
                    width=widths[1 + number],
                )
            )
        cells.append(wk.cell(*_ctrl(doc, None, f"Comment{AREAS.index(area) + 1}"), width=widths[4]))
        rows.append(wk.row(*cells))
    return [
        wk.heading("Part 3: My progress in the EYFS"),
        wk.instruction("Tick one box for each area and give a comment"),
        wk.table(rows, widths),
    ]


def _part4(doc: Doc) -> list[str]:
    widths = [3300, 3300, 2000, 1866]
    printed = 2
    rows = [
        header_row(
            ["My next step", "What the adults will do", "Who", "Review date"], widths, fill="E4DFEC"
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("description", "actions", "lead", "due_date"),
            lambda f, i: _ctrl(doc, doc.cell("targets", i, f), row_tag(f, i, printed)),
        ),
        widths,
        printed_rows=printed,
    )
    people_widths = [3600, 4166, 2700]
    people = [header_row(["Name", "Role", "Attended"], people_widths, fill="E4DFEC")]
    people += grid_rows(
        doc,
        "attendees",
        [
            lambda i: _ctrl(doc, doc.cell("attendees", i, "name"), row_tag("N", i, 4)),
            lambda i: _ctrl(doc, doc.cell("attendees", i, "role"), row_tag("R", i, 4)),
            lambda i: [
                wk.para(
                    *marks(
                        [("", True)],
                        doc.item_flag("attendees", i, "attended"),
                        style="control",
                        doc=doc,
                    )
                )
            ],
        ],
        people_widths,
        printed_rows=4,
    )
    social_worker = doc.signatory("social worker")  # as printed: Signed (social worker)
    return [
        wk.heading("Part 4: My next steps"),
        wk.table(rows, widths),
        wk.heading("Part 5: My learning plan meeting"),
        *box(
            doc,
            doc.text("meta.meeting_date"),
            style="date",
            key="Meeting",
            tag="Meeting",
            lead=[wk.run("Date of meeting: ", bold=True)],
        ),
        *box(
            doc,
            doc.text("meta.next_review_date"),
            style="date",
            key="Next",
            tag="Next",
            lead=[wk.run("Date of next meeting: ", bold=True)],
        ),
        wk.table(people, people_widths),
        *box(
            doc,
            social_worker.signature("social_worker"),
            style="control",
            tag="SWSign",
            lead=[wk.run("Signed (social worker): ", bold=True)],
        ),
        *box(
            doc,
            social_worker.date("signoff.social_worker_date"),
            style="date",
            tag="SWSignDate",
            key="SWSignDate",
            lead=[wk.run("Date: ", bold=True)],
        ),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("My 2-4 years Learning Plan"), style="Title"),
        wk.para(
            wk.run(
                "Personal Education Plan for cared for children in the Early Years "
                "Foundation Stage",
                italic=True,
            ),
            align="center",
        ),
        *_part1(doc),
        *_part2(doc),
        *_part3(doc),
        *_part4(doc),
    ]
    return document(
        "My 2-4 years Learning Plan",
        "Chevington East Council",
        "Virtual School for Cared for Children",
        "CEC EY learning plan 2025",
        blocks,
        accent=PLUM,
        doc=doc,
    )


LAYOUT = Layout(
    id="chevington-east-2-4",
    set="eval",
    authority="Chevington East Council",
    source="cheshire-east",
    phase="early_years",
    kind="docx",
    features=(
        "modern content controls and date pickers",
        "legal status drop-down",
        "EYFS grid: a checkbox control under Emerging / Developing / Secure per printed area",
        "long answers in block rich-text controls under a bold question",
        "signature line with a control",
    ),
    completions=(
        (
            "eval-theo",
            Habits(dates=("dmy",), quirks={"DOB": "picker", "DLA": "picker", "Meeting": "picker"}),
        ),
        (
            "eval-isla",
            Habits(dates=("long", "dmy2"), percent="space", quirks={"care_summary": "beside"}),
        ),
    ),
    build=build,
)
