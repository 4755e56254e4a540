"""Stanholme PEP document, after St Helens' PEP (nine numbered sections, each saying who
completes it: "To be completed by the SW and the DT", "... by a key adult and signed off by the
DT", "... by the Virtual School"): shaded section rows, italic instructions, drop-downs whose
items start with the code ("C2 - Full Care Order"), questions with block rich-text answers
below, attainment and target grids, and the Virtual School's feedback left empty."""

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
    label_rows,
    pick,
    pick_item,
    question_below,
    row_tag,
)

PURPLE = "5B2C6F"
LEGAL = [
    ("C1 - Interim Care Order", "C1"),
    ("C2 - Full Care Order", "C2"),
    ("E1 - Placement Order", "E1"),
    ("V2 - Section 20", "V2"),
]
ETHNIC = [
    ("WBRI - White British", "WBRI"),
    ("WOTH - Any Other White Background", "WOTH"),
    ("MWBC - White and Black Caribbean", "MWBC"),
    ("MWBA - White and Black African", "MWBA"),
    ("MOTH - Any Other Mixed Background", "MOTH"),
    ("BAFR - Black African", "BAFR"),
    ("BCRB - Black Caribbean", "BCRB"),
    ("AOTH - Any Other Asian Background", "AOTH"),
]
GENDER = [("Male", "M"), ("Female", "F")]
PLACEMENT = [
    ("U4 - Long-term foster placement", "U4"),
    ("U6 - Foster placement", "U6"),
    ("U3 - Connected person placement", "U3"),
    ("K2 - Children's home", "K2"),
    ("P1 - Placed with parents", "P1"),
]
SEN = [("No SEN", "N"), ("SEN Support", "K"), ("EHCP", "E")]
YES_NO = [("Yes", True), ("No", False)]
AREAS = [
    ("Reading", "literacy"),
    ("Writing", "literacy"),
    ("Maths", "numeracy"),
    ("SEMH", "semh"),
    ("Attendance", "attendance"),
    ("Careers", "careers"),
    ("Behaviour", "behaviour"),
]


def _section(number: int, title: str, who: str) -> list[str]:
    widths = [wk.TEXT_W]
    return [
        wk.table(
            [
                wk.row(
                    wk.cell(
                        wk.para(wk.run(f"{number}  {title}", bold=True, size=24, color="FFFFFF")),
                        width=wk.TEXT_W,
                        fill=PURPLE,
                    )
                )
            ],
            widths,
        ),
        wk.instruction(who),
    ]


def _ctrl(doc: Doc, typed: str | None, key: str) -> list[str]:
    return box(doc, typed, style="control", key=key, tag=key, size=18)


def _date(doc: Doc, path: str, key: str) -> list[str]:
    return box(doc, doc.text(path), style="date", key=key, tag=key, size=18)


def _drop(doc: Doc, items: list[tuple[str, str]], path: str, tag: str) -> list[str]:
    return [
        wk.para(
            wk.dropdown(
                doc.ids, [t for t, _ in items], tag=tag, chosen=pick(doc, path, items), size=18
            )
        )
    ]


WIDTHS = [2400, 2833, 2400, 2833]


def _meeting(doc: Doc) -> list[str]:
    pairs = [
        ("Date of PEP meeting", _date(doc, "meta.meeting_date", "PEPDate")),
        ("Date of last PEP", _date(doc, "meta.previous_pep_date", "LastPEP")),
        ("Date of next PEP", _date(doc, "meta.next_review_date", "NextPEP")),
        ("Term", _ctrl(doc, doc.text("meta.term"), "Term")),
    ]
    widths = [3800, 3000, 1833, 1833]
    printed = 4

    def flag(field: str) -> Column:
        def render(i: int) -> list[str]:
            value = doc.item_flag("attendees", i, field)
            return [wk.para(*marks([("", True)], value, style="control", doc=doc))]

        return render

    rows = [header_row(["Who was invited / attended", "Role", "Invited", "Attended"], widths)]
    rows += grid_rows(
        doc,
        "attendees",
        [
            lambda i: _ctrl(doc, doc.cell("attendees", i, "name"), row_tag("AttName", i, printed)),
            lambda i: _ctrl(doc, doc.cell("attendees", i, "role"), row_tag("AttRole", i, printed)),
            flag("invited"),
            flag("attended"),
        ],
        widths,
        printed_rows=printed,
    )
    return [
        *_section(1, "My PEP Meeting", "To be completed by the SW and the DT"),
        wk.table(label_rows(pairs, WIDTHS), WIDTHS),
        wk.gap(),
        wk.table(rows, widths),
    ]


def _about(doc: Doc) -> list[str]:
    pairs = [
        ("Legal first name", _ctrl(doc, doc.text("child.first_name"), "First")),
        ("Legal surname", _ctrl(doc, doc.text("child.last_name"), "Last")),
        ("Date of birth", _date(doc, "child.date_of_birth", "DOB")),
        ("UPN", _ctrl(doc, doc.text("child.upn"), "UPN")),
        ("Gender", _drop(doc, GENDER, "child.gender", "Gender")),
        ("Ethnicity", _drop(doc, ETHNIC, "child.ethnicity", "Ethnicity")),
        ("Legal status", _drop(doc, LEGAL, "care.legal_status", "Legal")),
        ("Date became looked after", _date(doc, "care.date_became_looked_after", "DLA")),
        ("Placement type", _drop(doc, PLACEMENT, "care.placement_type", "Placement")),
        ("Number of placements", _ctrl(doc, doc.text("care.number_of_placements"), "Moves")),
        ("Carer(s)", _ctrl(doc, doc.text("care.carer.name"), "Carer")),
        ("Carer telephone", _ctrl(doc, doc.text("care.carer.phone"), "CarerTel")),
        ("Social worker", _ctrl(doc, doc.text("care.social_worker.name"), "SW")),
        ("Social worker email", _ctrl(doc, doc.text("care.social_worker.email"), "SWEmail")),
        ("IRO", _ctrl(doc, doc.text("care.iro.name"), "IRO")),
        ("LA child ID", _ctrl(doc, doc.text("child.la_child_id"), "ChildID")),
    ]
    return [
        *_section(2, "About Me", "To be completed by the SW"),
        wk.table(label_rows(pairs, WIDTHS), WIDTHS),
    ]


def _education(doc: Doc) -> list[str]:
    pairs = [
        ("School / setting", _ctrl(doc, doc.text("education.setting_name"), "School")),
        ("URN", _ctrl(doc, doc.text("education.urn"), "URN")),
        ("Year group", _ctrl(doc, doc.text("education.ncy"), "Year")),
        ("Date joined", _date(doc, "education.date_joined", "Joined")),
        ("Designated Teacher", _ctrl(doc, doc.text("education.designated_teacher.name"), "DT")),
        ("DT email", _ctrl(doc, doc.text("education.designated_teacher.email"), "DTEmail")),
        ("SEN status", _drop(doc, SEN, "education.sen_provision", "SEN")),
        ("EHCP date (if any)", _date(doc, "education.ehcp_date", "EHCP")),
    ]
    return [
        *_section(3, "My Education", "To be completed by the DT"),
        wk.table(label_rows(pairs, WIDTHS), WIDTHS),
    ]


def _attainment(doc: Doc) -> list[str]:
    widths = [2800, 2600, 2600, 2466]
    printed = 4

    def field(name: str) -> Column:
        def render(i: int) -> list[str]:
            if name == "on_track":
                value = doc.item_flag("attainment", i, "on_track")
                chosen = None if value is None else ("Yes" if value else "No")
                return [
                    wk.para(
                        wk.dropdown(
                            doc.ids,
                            ["Yes", "No"],
                            tag=row_tag("OT", i, printed),
                            chosen=chosen,
                            size=18,
                        )
                    )
                ]
            return _ctrl(doc, doc.cell("attainment", i, name), row_tag(name, i, printed))

        return render

    rows = [header_row(["Subject", "Working at now", "End of year target", "On track?"], widths)]
    rows += grid_rows(
        doc,
        "attainment",
        [
            field(n)
            for n in (
                "subject",
                "current",
                "target",
                "on_track",
            )
        ],
        widths,
        printed_rows=printed,
    )
    return [*_section(4, "My Attainment", "To be completed by the DT"), wk.table(rows, widths)]


def _views(doc: Doc) -> list[str]:
    rows = []
    for question, typed, key in (
        ("What is going well for me?", doc.text("views.child"), "views.child"),
        (
            "What could be better? What worries me?",
            doc.unplaced("worries", "What could be better? What worries me?", "child.worries"),
            "worries",
        ),
        ("What my carer thinks", doc.text("views.carer"), "views.carer"),
        ("What school thinks", doc.text("views.school"), "views.school"),
    ):
        rows += question_below(
            question, box(doc, typed, style="rich", key=key, tag=key), wk.TEXT_W, fill="E8DAEF"
        )
    return [
        *_section(
            5,
            "My Views, Wishes and Feelings",
            "To be completed by a key adult and signed off by the DT",
        ),
        wk.table(rows, [wk.TEXT_W]),
    ]


def _attendance(doc: Doc) -> list[str]:
    pairs = [
        ("Attendance %", _ctrl(doc, doc.text("education.attendance.percent"), "AttPct")),
        (
            "Sessions possible",
            _ctrl(doc, doc.text("education.attendance.sessions_possible"), "Possible"),
        ),
        ("Sessions missed", _ctrl(doc, doc.text("education.attendance.sessions_missed"), "Missed")),
    ]
    return [
        *_section(6, "My Attendance", "To be completed by the DT"),
        wk.table(label_rows(pairs, WIDTHS), WIDTHS),
    ]


def _targets(doc: Doc) -> list[str]:
    widths = [1500, 2800, 2700, 1400, 1100, 966]
    printed = 3

    def field(name: str) -> Column:
        def render(i: int) -> list[str]:
            if name == "area":
                chosen = pick_item(doc, "targets", i, "area", _areas_for(doc, i))
                return [
                    wk.para(
                        wk.dropdown(
                            doc.ids,
                            [t for t, _ in AREAS],
                            tag=row_tag("Area", i, printed),
                            chosen=chosen,
                            size=16,
                        )
                    )
                ]
            return _ctrl(doc, doc.cell("targets", i, name), row_tag(name, i, printed))

        return render

    rows = [
        header_row(
            ["Area", "My target", "What will help me", "Who", "By when", "PP+ £"], widths, size=16
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            field(n)
            for n in (
                "area",
                "description",
                "actions",
                "lead",
                "due_date",
                "pp_plus_cost",
            )
        ],
        widths,
        printed_rows=printed,
    )
    prev_widths = [5000, 1800, 3666]
    prev = [header_row(["My last targets", "Outcome", "Evidence"], prev_widths)]
    prev += grid_rows(
        doc,
        "previous_targets",
        [
            lambda i: _ctrl(doc, doc.cell("previous_targets", i, "description"), "PrevT"),
            lambda i: _ctrl(doc, doc.cell("previous_targets", i, "outcome"), "PrevO"),
            lambda i: _ctrl(doc, doc.cell("previous_targets", i, "evidence"), "PrevE"),
        ],
        prev_widths,
        printed_rows=2,
    )
    return [
        *_section(7, "My Targets / Outcomes", "To be completed by the DT"),
        wk.table(prev, prev_widths),
        wk.gap(),
        wk.table(rows, widths),
    ]


def _areas_for(doc: Doc, index: int) -> list[tuple[str, str]]:
    """The drop-down's areas; for literacy targets the one the target names (reading or
    writing) is picked."""
    items = doc.items("targets")
    if index < len(items) and items[index].get("area") == "literacy":
        text = items[index]["description"].lower()
        first = "Writing" if "writ" in text else "Reading"
        return [(first, "literacy"), *[a for a in AREAS if a[1] != "literacy"]]
    return AREAS


def _aspiration(doc: Doc) -> list[str]:
    rows = []
    for question, path in (
        ("What I want to do when I am older", "transition.aspirations"),
        ("Careers advice and guidance I have had", "transition.careers_advice"),
        ("My next move (school, college, training)", "transition.next_transition"),
    ):
        rows += question_below(
            question,
            box(doc, doc.text(path), style="rich", key=path, tag=path),
            wk.TEXT_W,
            fill="E8DAEF",
        )
    return [
        *_section(
            8, "Aspiration Pathway", "To be completed by a key adult and signed off by the DT"
        ),
        wk.table(rows, [wk.TEXT_W]),
    ]


def _feedback(doc: Doc) -> list[str]:
    pairs = [
        (
            "PEP quality rating",
            [wk.para(wk.dropdown(doc.ids, ["Green", "Amber", "Red"], tag="QA"))],
        ),
        ("Date quality assured", box(doc, None, style="date", tag="QADate", size=18)),
    ]
    return [
        *_section(9, "VS Feedback", "To be completed by the Virtual School"),
        wk.table(label_rows(pairs, WIDTHS), WIDTHS),
        *box(doc, None, style="rich", tag="VSFeedback"),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan"), style="Title"),
        wk.para(
            wk.run(
                "Once the meeting has taken place the PEP should be completed by the "
                "Designated Teacher and Social Worker and signed off with all mandatory "
                "fields completed.",
                italic=True,
                size=16,
            )
        ),
        *_meeting(doc),
        *_about(doc),
        *_education(doc),
        *_attainment(doc),
        *_views(doc),
        *_attendance(doc),
        *_targets(doc),
        *_aspiration(doc),
        *_feedback(doc),
    ]
    return document(
        "PEP document",
        "Stanholme Council",
        "Stanholme Virtual School",
        "Stanholme PEP v3",
        blocks,
        accent=PURPLE,
        doc=doc,
    )


LAYOUT = Layout(
    id="stanholme-pep",
    set="dev",
    authority="Stanholme Council",
    source="sthelens",
    phase="school_age",
    kind="docx",
    features=(
        "nine numbered sections, each with a 'To be completed by ...' instruction",
        "drop-down items that start with the code (C2 - Full Care Order)",
        "questions with block rich-text answers below",
        "attendee grid with checkbox controls",
        "Virtual School feedback section left empty",
    ),
    completions=(
        (
            "dev-reuben",
            Habits(
                dates=("dmy",),
                ncy="year",
                quirks={
                    "PEPDate": "picker",
                    "LastPEP": "picker",
                    "NextPEP": "picker",
                    "DOB": "picker",
                    "DLA": "picker",
                    "Joined": "picker",
                },
            ),
        ),
        (
            "dev-amira",
            Habits(
                dates=("dmy2", "long", "dots"),
                ncy="bare",
                wording=1,
                quirks={"views.child": "beside", "views.school": "below"},
                word_for={"previous_targets.outcome": 1},
            ),
        ),
    ),
    build=build,
)
