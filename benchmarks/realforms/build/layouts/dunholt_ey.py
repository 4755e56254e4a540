"""Dunholt early years PEP, after Dudley's early years PEPs (started the term after a child
turns two; a key adult who observes the child and keeps a Learning Journal; EYPP for three and
four year olds, PP+ in Reception; getting ready to start school) in the house style of a public
"Early Years Foundation Stage PEP form": a first-person front table (My name, My birthday, My
age, My year group, My school/setting, Date of my PEP meeting, PEP term ticked), "About Me"
sentence starters finished in the child's words, development bands ticked in a column per band,
last targets with "Yes / Nearly / Not yet" (delete as appropriate), next steps in the child's
voice, a people table and a sign-off table. Plain typed Word tables: no controls."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "7030A0"
TERMS = [
    ("Autumn term (PEP 1)", "autumn"),
    ("Spring term (PEP 2)", "spring"),
    ("Summer term (PEP 3)", "summer"),
]
BANDS = ["8-20", "16-26", "22-36", "30-50", "40-60", "ELG"]
AREAS = [
    "Personal, social and emotional development",
    "Communication and language",
    "Physical development",
    "Literacy",
    "Mathematics",
    "Understanding the world",
    "Expressive arts and design",
]
REACHED = [("Yes", "met"), ("Nearly", "partly_met"), ("Not yet", "not_met")]
LAVENDER = "E5DFEC"


def _typed(doc: Doc, text: str | None, size: int = 18) -> list[str]:
    return box(doc, text, style="typed", size=size)


def _front(doc: Doc) -> str:
    widths = [3000, 7466]
    term = doc.code("meta.term")
    pairs: list[tuple[str, list[str]]] = [
        ("My name", _typed(doc, doc.full_name(), 22)),
        ("My birthday", _typed(doc, doc.text("child.date_of_birth"), 22)),
        ("My age", _typed(doc, doc.unplaced("age", "My age", None), 22)),
        ("My year group", _typed(doc, doc.text("education.ncy"), 22)),
        ("My school/setting", _typed(doc, doc.text("education.setting_name"), 22)),
        ("Date of my PEP meeting", _typed(doc, doc.text("meta.meeting_date"), 22)),
        ("PEP", [wk.para(*marks(TERMS, term, style="glyph", doc=doc, size=20))]),
    ]
    rows = [
        wk.row(
            wk.cell(wk.para(wk.run(label, bold=True, size=22)), width=widths[0], fill=LAVENDER),
            wk.cell(*answer, width=widths[1]),
            height=520,
        )
        for label, answer in pairs
    ]
    return wk.table(rows, widths)


def _about_me(doc: Doc) -> str:
    """Sentence starters finished in the child's words: after the dots, or on the next line."""
    starters: list[tuple[str, str | None]] = [
        ("I like playing with...", doc.text("child.leisure_interests")),
        (
            "I am good at/enjoy...",
            doc.unplaced("strengths", "I am good at/enjoy...", "child.strengths"),
        ),
        ("My friends are...", doc.unplaced("friends", "My friends are...", None)),
        ("I am happy when...", doc.unplaced("happy_when", "I am happy when...", None)),
        ("I am sad when...", doc.unplaced("sad_when", "I am sad when...", None)),
    ]
    under = doc.quirk("starters") == "under"
    blocks = [wk.para(wk.run("About Me \u2026\u2026", bold=True, size=26, color=ACCENT))]
    for starter, typed in starters:
        if typed is not None and under:
            blocks.append(wk.para(wk.run(starter, bold=True, size=20), after=0))
            blocks.append(wk.para(wk.run(typed, size=20), indent=360))
        else:
            runs = [wk.run(starter, bold=True, size=20)]
            if typed is not None:
                runs.append(wk.run(" " + typed, size=20))
            blocks.append(wk.para(*runs, after=160))
    blocks.append(
        wk.para(
            wk.run("My key adult at my setting is: ", bold=True, size=20),
            *(
                [wk.run(key_adult, size=20)]
                if (key_adult := doc.unplaced("key_adult", "My key adult", None))
                else []
            ),
        )
    )
    width = wk.TEXT_W
    return wk.table([wk.row(wk.cell(*blocks, width=width))], [width])


def _bands(doc: Doc) -> str:
    """One tick per area, in the column of the band the child is working in now."""
    widths = [3066] + [900] * 6 + [2000]
    mark = doc.quirk("tick") or "\u2713"
    rows = [
        wk.row(
            wk.label("", widths[0], fill=LAVENDER),
            wk.cell(
                wk.para(wk.run("Development bands (months)", bold=True, size=16), align="center"),
                width=sum(widths[1:]),
                span=7,
                fill=LAVENDER,
            ),
        ),
        header_row(["Area of learning", *BANDS, "Comment"], widths, fill=LAVENDER, size=16),
    ]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    for area in AREAS:
        index = by_subject.get(area)
        band = None
        if index is not None:
            now = str(doc.items("attainment")[index].get("current", "")).split(" ")[0]
            if now in BANDS:
                band = now
                doc.add_item("attainment", {"subject": area, "current": band})
        cells = [wk.label(area, widths[0], fill="F2F2F2", size=16)]
        for column, width in zip(BANDS, widths[1:7], strict=True):
            tick = mark if band == column else None
            cells.append(
                wk.cell(
                    wk.para(*([wk.run(tick, bold=True, size=20)] if tick else []), align="center"),
                    width=width,
                )
            )
        cells.append(wk.cell(width=widths[7]))
        rows.append(wk.row(*cells))
    return wk.table(rows, widths)


def _question(doc: Doc, question: str, typed: str | None, *, hint: str | None = None) -> str:
    width = wk.TEXT_W
    head = [wk.para(wk.run(question, bold=True, size=20))]
    if hint:
        head.append(wk.para(wk.run(hint, italic=True, size=16, color="595959")))
    return wk.table(
        [
            wk.row(wk.cell(*head, width=width, fill=LAVENDER)),
            wk.row(wk.cell(*_typed(doc, typed, 20), width=width), height=1100),
        ],
        [width],
    )


def _last_targets(doc: Doc) -> str:
    widths = [4600, 2400, 3466]

    def reached(i: int) -> list[str]:
        chosen = doc.item_code("previous_targets", i, "outcome") if not doc.blank else None
        return [wk.para(*marks(REACHED, chosen, style="delete", doc=doc, size=18))]

    rows = [
        header_row(
            ["My last target", "Did I get there? (delete as appropriate)", "How do we know?"],
            widths,
            fill=LAVENDER,
        )
    ]
    rows += grid_rows(
        doc,
        "previous_targets",
        [
            lambda i: _typed(doc, doc.cell("previous_targets", i, "description")),
            reached,
            lambda i: _typed(doc, doc.cell("previous_targets", i, "evidence")),
        ],
        widths,
        printed_rows=2,
    )
    return wk.table(rows, widths)


def _next_steps(doc: Doc) -> str:
    widths = [3000, 3000, 1700, 1466, 1300]
    rows = [
        header_row(
            [
                "What I am learning next",
                "How the grown-ups will help me",
                "Who will help",
                "When we will check",
                "EYPP / PP+ \u00a3",
            ],
            widths,
            fill=LAVENDER,
            size=16,
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
    return wk.table(rows, widths)


def _people(doc: Doc) -> str:
    widths = [3000, 3866, 1800, 1800]
    style = doc.quirk("people") or "ticks"
    rows = [header_row(["Name", "Role", "Invited", "Attended"], widths, fill=LAVENDER)]

    def flag(i: int, name: str) -> list[str]:
        value = doc.item_flag("attendees", i, name)
        if value is None:
            return _typed(doc, None)
        if style == "ticks":
            return [wk.para(wk.run("\u2713" if value else "\u2717", size=20), align="center")]
        return _typed(doc, doc.say(f"attendees.{name}", value))

    rows += grid_rows(
        doc,
        "attendees",
        [
            lambda i: _typed(doc, doc.cell("attendees", i, "name")),
            lambda i: _typed(doc, doc.cell("attendees", i, "role")),
            lambda i: flag(i, "invited"),
            lambda i: flag(i, "attended"),
        ],
        widths,
        printed_rows=5,
    )
    return wk.table(rows, widths)


def _signatures(doc: Doc) -> str:
    widths = [2800, 2800, 2600, 2266]
    rows = [header_row(["Role", "Name", "Signature", "Date"], widths, fill=LAVENDER)]
    specs: list[tuple[str, str | None, str, str]] = [
        (
            "Designated teacher / key adult",
            "education.designated_teacher.name",
            "designated_teacher",
            "signoff.designated_teacher_date",
        ),
        ("Social worker", "care.social_worker.name", "social_worker", "signoff.social_worker_date"),
        ("Virtual School", None, "virtual_school", "signoff.virtual_school_date"),
    ]
    for role, name_path, who, date_path in specs:
        signatory = doc.signatory(role)
        cells: list[Any] = [None, None, None]
        signed = not doc.blank and (doc.person or {}).get("signatures", {}).get(who)
        if signed:
            if name_path is not None:
                cells[0] = signatory.name(name_path)
            else:
                visitor = doc.attendee("virtual_school")
                cells[0] = signatory.named(visitor["name"] if visitor else None)
            cells[1] = signatory.signature(who)
            cells[2] = signatory.date(date_path)
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill="F2F2F2"),
                *(
                    wk.cell(*_typed(doc, value), width=width)
                    for value, width in zip(cells, widths[1:], strict=True)
                ),
            )
        )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(
            wk.run("Early Years Foundation Stage PEP form", bold=True, size=32), align="center"
        ),
        wk.para(wk.run("Personal Education Plan (PEP)", size=24, color=ACCENT), align="center"),
        _front(doc),
        wk.para(
            wk.run(
                "A good PEP keeps a lasting record of my experiences and progress, links to any "
                "other plan I have, sets short steps with the people who will help me, and "
                "says how my Early Years Pupil Premium (or Pupil Premium Plus in Reception) "
                "will be spent.",
                italic=True,
                size=16,
            ),
            before=120,
        ),
        wk.heading("PEP Process"),
        _about_me(doc),
        wk.para(wk.run("(DT to complete before the PEP)", italic=True, size=18), before=200),
        wk.heading("1) Development assessment information", 2),
        wk.instruction(
            "Tick the development band that fits best for each area. Attach your own "
            "assessment information too if you have it."
        ),
        _bands(doc),
        wk.heading("2) My attendance", 2),
        *box(
            doc,
            doc.text("education.attendance.percent"),
            style="typed",
            lead=[wk.run("Attendance this term (%): ", bold=True)],
        ),
        *box(
            doc,
            doc.text("education.attendance.sessions_missed"),
            style="typed",
            lead=[wk.run("Sessions missed: ", bold=True)],
        ),
        wk.heading("3) What people say about me", 2),
        _question(
            doc,
            "My voice",
            doc.text("views.child"),
            hint="My words, drawings or photos, written down by my key adult",
        ),
        wk.gap(),
        _question(
            doc,
            "What my key adult has noticed about me",
            doc.text("views.school"),
            hint="My interests and fascinations, and how I respond to new things",
        ),
        wk.gap(),
        _question(doc, "What my carer says", doc.text("views.carer")),
        wk.gap(),
        _question(doc, "What my social worker says", doc.text("views.social_worker")),
        wk.heading("4) My Learning Journal", 2),
        _question(
            doc,
            "What has been added to my Learning Journal this term?",
            doc.unplaced("learning_journal", "Learning Journal", "education.learning_journal"),
        ),
        wk.heading("5) Early Years Pupil Premium", 2),
        _question(
            doc,
            "How was last term's funding used and what difference did it make?",
            doc.unplaced("eypp_use", "How was last term's funding used?", "pp_plus.impact"),
        ),
        wk.heading("6) How did I get on with my last targets?", 2),
        _last_targets(doc),
        wk.heading("7) My next steps", 2),
        _next_steps(doc),
        wk.heading("8) People at my PEP meeting", 2),
        _people(doc),
        wk.heading("9) Signatures", 2),
        _signatures(doc),
    ]
    return document(
        "Early Years Foundation Stage PEP",
        "Dunholt Metropolitan Borough Council",
        "Dunholt Virtual School - Early Years",
        "EYFS PEP form (Dunholt VS)",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="dunholt-eyfs-pep",
    set="dev",
    authority="Dunholt Metropolitan Borough Council",
    source="dudley",
    phase="early_years",
    kind="docx",
    features=(
        "first-person front table (My name, My birthday, My age, My year group, My "
        "school/setting) with typed answers",
        "PEP term ticked among printed Autumn (PEP 1) / Spring (PEP 2) / Summer (PEP 3)",
        "About Me sentence starters finished after the dots or on the next line",
        "development bands ticked in one column per band (8-20 ... ELG) under a merged "
        "'Development bands (months)' row",
        "last targets answered Yes / Nearly / Not yet by deleting the other words",
        "people table with Invited / Attended as ticks and crosses or Yes / No",
        "sign-off table with a Virtual School row",
    ),
    completions=(
        (
            "dev-poppy",
            Habits(
                dates=("long", "dmy"),
                ncy="f",
                money="pence",
                quirks={"tick": "\u2713", "people": "ticks"},
            ),
        ),
        (
            "dev-esme",
            Habits(
                dates=("dmy2", "ordinal"),
                ncy="year",
                yes_no=1,
                quirks={"tick": "X", "people": "words", "starters": "under"},
                month_only=frozenset({"signoff.virtual_school_date"}),
            ),
        ),
    ),
    build=build,
    style_sources=("eyfs-pep-form",),
)
