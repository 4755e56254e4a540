"""Cairnfell 0-4 years PEP, after Cumbria's "0-4 Years Personal Education Plan": a first-person
front page ("My name is ... / I am ... months old / My setting is ...") typed straight after
the printed words, "Label: value" lines about me with tick-box groups inside the line for the
legal status and where I live, printed prime areas, next steps and who came to my PEP."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Column, Layout, document, grid_rows, header_row

TEAL = "1F6F78"
LEGAL = [
    ("Section 20", "V2"),
    ("Interim Care Order", "C1"),
    ("Care Order", "C2"),
    ("Placement Order", "E1"),
]
HOMES = [
    ("Long-term foster care", "U4"),
    ("Short-term foster care", "U6"),
    ("Family and friends carers", "U3"),
    ("Fostering for adoption", "U5"),
    ("With my parents", "P1"),
]
AREAS = [
    "Personal, social and emotional development",
    "Communication and language",
    "Physical development",
]


def _line(doc: Doc, label: str, typed: str | None, *, size: int = 20) -> list[str]:
    """A printed label with the answer typed after it on the same line."""
    return box(
        doc, typed, style="typed", lead=[wk.run(f"{label} ", bold=True, size=size)], size=size
    )


def _front(doc: Doc) -> list[str]:
    age = doc.unplaced("age_months", "I am ... months old", None)
    return [
        wk.para(
            wk.run("0\u20134 Years Personal Education Plan", bold=True, size=40, color=TEAL),
            align="center",
        ),
        wk.para(wk.run("2025\u20132026", bold=True, size=28), align="center", after=400),
        *_line(doc, "My name is", doc.full_name(middle=False), size=32),
        wk.para(
            wk.run("I am ", bold=True, size=32),
            wk.run(age or "", size=32),
            wk.run(" months old", bold=True, size=32),
        ),
        *_line(doc, "My setting is", doc.text("education.setting_name"), size=32),
        wk.para(wk.run("This is a photo of me", italic=True, size=22), align="center", before=600),
        wk.para(
            wk.run(
                "(Please refer to your setting's policy on the use of photographs)",
                italic=True,
                size=16,
            ),
            align="center",
            after=600,
        ),
        wk.para(
            wk.run(
                "Cairnfell County Council Personal Education Plans and Guidance can be "
                "accessed on the Virtual School pages.",
                size=16,
            )
        ),
    ]


def _about(doc: Doc) -> list[str]:
    boxes = doc.habits.quirks.get("boxes", "glyph") if not doc.blank else "glyph"
    return [
        wk.heading("1. About me"),
        wk.instruction("Social worker to complete before the meeting"),
        *_line(doc, "Date of birth:", doc.text("child.date_of_birth")),
        *_line(doc, "Gender:", doc.text("child.gender")),
        *_line(doc, "Ethnicity:", doc.text("child.ethnicity")),
        *_line(doc, "My first language:", doc.text("child.first_language")),
        wk.para(
            wk.run("My legal status: ", bold=True),
            *marks(LEGAL, doc.code("care.legal_status"), style=boxes, doc=doc, size=20),
        ),
        wk.para(
            wk.run("Where I live: ", bold=True),
            *marks(HOMES, doc.code("care.placement_type"), style=boxes, doc=doc, size=20),
        ),
        *_line(doc, "Date I came into care:", doc.text("care.date_became_looked_after")),
        *_line(doc, "My carers are:", doc.text("care.carer.name")),
        *_line(doc, "My social worker is:", doc.text("care.social_worker.name")),
        *_line(doc, "Telephone:", doc.text("care.social_worker.phone")),
        wk.heading("2. My health"),
        *_line(
            doc,
            "Anything my setting needs to know about my health:",
            doc.unplaced(
                "health", "Anything my setting needs to know about my health", "health.notes"
            ),
        ),
        wk.heading("3. My day at my setting"),
        *_line(doc, "My key person is:", doc.text("education.designated_teacher.name")),
        *_line(doc, "I started at my setting on:", doc.text("education.date_joined")),
        *_line(
            doc,
            "Days and hours I attend:",
            doc.unplaced("hours", "Days and hours I attend", "education.hours"),
        ),
        *_line(doc, "My attendance since my last PEP:", doc.text("education.attendance.percent")),
    ]


def _learning(doc: Doc) -> list[str]:
    widths = [3600, 3433, 3433]
    rows = [
        header_row(
            ["Prime area", "Age band I am working in", "Age band I should reach by my next PEP"],
            widths,
            fill="DAEEF3",
        )
    ]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    for area in AREAS:
        index = by_subject.get(area)
        now = later = None
        if index is not None:
            doc.truth.item("attainment", index)["subject"] = area
            now = doc.cell("attainment", index, "current")
            later = doc.cell("attainment", index, "target")
        rows.append(
            wk.row(
                wk.label(area, widths[0], fill="F2F2F2"),
                wk.cell(*box(doc, now, style="typed"), width=widths[1]),
                wk.cell(*box(doc, later, style="typed"), width=widths[2]),
            )
        )
    return [
        wk.heading("4. My learning and development"),
        wk.instruction("Key person to complete using Development Matters"),
        wk.table(rows, widths),
    ]


def _next(doc: Doc) -> list[str]:
    widths = [3200, 3000, 1700, 1400, 1166]

    def column(field: str) -> Column:
        return lambda i: box(doc, doc.cell("targets", i, field), style="typed", size=18)

    rows = [
        header_row(
            ["What I will learn next", "How the grown-ups will help me", "Who", "When", "EYPP £"],
            widths,
            fill="DAEEF3",
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            column(f)
            for f in (
                "description",
                "actions",
                "lead",
                "due_date",
                "pp_plus_cost",
            )
        ],
        widths,
        printed_rows=3,
    )
    return [
        wk.heading("5. What I will learn next"),
        wk.table(rows, widths),
        *_line(
            doc,
            "How my Early Years Pupil Premium has helped me:",
            doc.unplaced(
                "eypp_use", "How my Early Years Pupil Premium has helped me", "pp_plus.impact"
            ),
        ),
    ]


def _views(doc: Doc) -> list[str]:
    out = [wk.heading("6. What people think")]
    for label, path in (
        ("What I think (my key person watched and listened to me):", "views.child"),
        ("What my carers think:", "views.carer"),
        ("What my key person thinks:", "views.school"),
    ):
        out.append(wk.para(wk.run(label, bold=True)))
        out += box(doc, doc.text(path), style="typed", key=path)
        out.append(wk.para())
    return out


def _who_came(doc: Doc) -> list[str]:
    widths = [3700, 4266, 2500]
    boxes = doc.habits.quirks.get("boxes", "glyph") if not doc.blank else "glyph"

    def came(i: int) -> list[str]:
        value = doc.item_flag("attendees", i, "attended")
        return [wk.para(*marks([("came", True)], value, style=boxes, doc=doc))]

    rows = [header_row(["Name", "Who they are", "Came to my PEP"], widths, fill="DAEEF3")]
    rows += grid_rows(
        doc,
        "attendees",
        [
            lambda i: box(doc, doc.cell("attendees", i, "name"), style="typed"),
            lambda i: box(doc, doc.cell("attendees", i, "role"), style="typed"),
            came,
        ],
        widths,
        printed_rows=5,
    )
    return [
        wk.heading("7. Who came to my PEP meeting"),
        wk.table(rows, widths),
        *_line(doc, "Date of my PEP meeting:", doc.text("meta.meeting_date")),
        *_line(doc, "Date of my next PEP meeting:", doc.text("meta.next_review_date")),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        *_front(doc),
        *_about(doc),
        *_learning(doc),
        *_next(doc),
        *_views(doc),
        *_who_came(doc),
    ]
    return document(
        "0-4 Years PEP",
        "Cairnfell County Council",
        "Virtual School Team",
        "0-4 Years PEP 2025-2026",
        blocks,
        accent=TEAL,
        doc=doc,
    )


LAYOUT = Layout(
    id="cairnfell-0-4",
    set="dev",
    authority="Cairnfell County Council",
    source="cumbria",
    phase="early_years",
    kind="docx",
    features=(
        "first-person front page: My name is / I am ... months old / My setting is",
        "Label: value lines typed after the printed words",
        "tick-box groups inside a Label: line (legal status, where I live)",
        "boxes ticked as ☒ or typed over with X",
        "printed prime areas with age bands",
    ),
    completions=(
        (
            "dev-alfie",
            Habits(
                dates=("long", "dmy"),
                wording=0,
                percent="bare",
                quirks={"boxes": "glyph"},
            ),
        ),
        (
            "dev-poppy",
            Habits(
                dates=("ordinal", "weekday"),
                wording=1,
                money="pence",
                quirks={"boxes": "glyph_x"},
                month_only=frozenset({"care.date_became_looked_after"}),
            ),
        ),
    ),
    build=build,
)
