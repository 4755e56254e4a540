"""Dewmarsh PEP, after Devon's school-age PEP (the one opening with the Children in Care
Council's tips): each cell holds its label and the typed answer ("My school is: ..."), a row
of dates under printed headings, "Present at this meeting" boxes under Me / Designated Teacher
/ Social Worker / PEP Co-ordinator (names only in the cells above), an "Others present" table,
then views, progress, targets with a PP+ column and signature lines."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

NAVY = "003865"
HALF = wk.TEXT_W // 2


def _in_cell(doc: Doc, label: str, typed: str | None, width: int, span: int = 1) -> str:
    """A cell holding the printed label and the answer typed after it."""
    return wk.cell(
        *box(doc, typed, style="typed", lead=[wk.run(f"{label} ", bold=True)], size=20),
        width=width,
        span=span,
    )


def _tips() -> list[str]:
    tips = (
        "Prepare properly and give me plenty of notice about the meeting.",
        "Make sure everyone talks to each other and listens to each other.",
        "Make sure I can give my views, and come to the meeting if I want to.",
        "Please do not take me out of lessons I enjoy for the meeting.",
        "Make sure the actions are realistic and that they get done.",
    )
    return [
        wk.para(
            wk.run("The Children in Care Council's tips for a positive PEP", bold=True, color=NAVY)
        ),
        *(wk.para(wk.run(f"\u2022 {tip}", size=18), indent=300) for tip in tips),
    ]


def _who(doc: Doc) -> str:
    vs = doc.attendee("virtual_school")
    advocate = None
    if vs is not None and not doc.blank:
        advocate = vs["name"]
        doc.truth.unplaced.append(
            {
                "label": "My Area Learning Advocate is",
                "text": advocate,
                "suggested_path": "care.virtual_school_contact",
            }
        )
    coordinator = doc.unplaced("pep_coordinator", "My PEP Co-ordinator is", None)
    rows = [
        wk.row(_in_cell(doc, "My name is:", doc.full_name(middle=False), wk.TEXT_W, span=2)),
        wk.row(
            _in_cell(doc, "My school is:", doc.text("education.setting_name"), HALF),
            _in_cell(doc, "I am in year (NCY):", doc.text("education.ncy"), HALF),
        ),
        wk.row(
            _in_cell(
                doc,
                "My school is a (please enter type of school):",
                doc.unplaced(
                    "school_type", "My school is a (type of school)", "education.setting_type"
                ),
                wk.TEXT_W,
                span=2,
            )
        ),
        wk.row(
            _in_cell(
                doc,
                "My Designated Teacher is:",
                doc.text("education.designated_teacher.name"),
                HALF,
            ),
            _in_cell(doc, "Tel no:", doc.text("education.designated_teacher.phone"), HALF),
        ),
        wk.row(
            _in_cell(doc, "My Social Worker is:", doc.text("care.social_worker.name"), HALF),
            _in_cell(doc, "Tel no:", doc.text("care.social_worker.phone"), HALF),
        ),
        wk.row(
            _in_cell(doc, "My Area Learning Advocate is:", advocate, HALF),
            _in_cell(doc, "Tel no:", None, HALF),
        ),
        wk.row(
            _in_cell(doc, "My PEP Co-ordinator is:", coordinator, HALF),
            _in_cell(doc, "Tel no:", None, HALF),
        ),
    ]
    return wk.table(rows, [HALF, wk.TEXT_W - HALF])


def _dates(doc: Doc) -> str:
    widths = [2616, 2617, 2616, 2617]
    first = doc.unplaced("first_pep", "Is this the first PEP?", None)
    rows = [
        header_row(
            ["Date of this PEP", "Is this the first PEP?", "Date of last PEP", "Date of Next PEP"],
            widths,
            fill="DEEAF6",
        )
    ]
    values = [
        doc.text("meta.meeting_date"),
        first,
        doc.text("meta.previous_pep_date"),
        doc.text("meta.next_review_date"),
    ]
    rows.append(
        wk.row(
            *(
                wk.cell(*box(doc, v, style="typed"), width=w)
                for v, w in zip(values, widths, strict=True)
            )
        )
    )
    return wk.table(rows, widths)


def _present(doc: Doc) -> str:
    widths = [2616, 2617, 2616, 2617]
    printed = [
        ("Me", "child"),
        ("Designated Teacher", "teacher"),
        ("Social Worker", "social_worker"),
        ("PEP Co-ordinator", "none"),
    ]
    style = doc.habits.quirks.get("boxes", "glyph") if not doc.blank else "glyph"
    marks_row: list[str] = []
    for role, kind in printed:
        who = doc.attendee(kind)
        present = None
        if who is not None:
            present = bool(who["attended"])
            name = doc.full_name(middle=False) if kind == "child" else who["name"]
            doc.add_item("attendees", {"name": name, "role": role, "attended": present})
        marks_row.append(
            wk.cell(
                wk.para(*marks([("", True)], present, style=style, doc=doc), align="center"),
                width=widths[len(marks_row)],
            )
        )
    rows = [
        wk.row(
            wk.cell(
                wk.para(wk.run("Present at this meeting", bold=True)),
                width=sum(widths),
                span=4,
                fill="DEEAF6",
            )
        ),
        header_row([role for role, _ in printed], widths),
        wk.row(*marks_row),
    ]
    return wk.table(rows, widths)


def _others(doc: Doc) -> str:
    widths = [3300, 3300, 3866]
    others: list[dict[str, Any]] = []
    from benchmarks.realforms.build.form import attendee_kind

    for item in doc.items("attendees"):
        kind = attendee_kind(item["role"])
        if kind not in ("child", "teacher", "social_worker") and item["attended"]:
            others.append(item)
    rows = [
        wk.row(
            wk.cell(
                wk.para(wk.run("Others present at this meeting", bold=True)),
                width=sum(widths),
                span=3,
                fill="DEEAF6",
            )
        ),
        header_row(["Name", "Role", "Contact details"], widths),
    ]
    for n in range(max(3, len(others))):
        who = others[n] if n < len(others) else None
        contact = None
        if who is not None:
            item = {"name": who["name"], "role": who["role"], "attended": who["attended"]}
            doc.add_item("attendees", item)
            if attendee_kind(who["role"]) == "carer":
                contact = doc.contact(item, "phone", "care.carer.phone")
        rows.append(
            wk.row(
                wk.cell(*box(doc, who["name"] if who else None, style="typed"), width=widths[0]),
                wk.cell(*box(doc, who["role"] if who else None, style="typed"), width=widths[1]),
                wk.cell(*box(doc, contact, style="typed"), width=widths[2]),
            )
        )
    return wk.table(rows, widths)


def _views(doc: Doc) -> list[str]:
    out = [wk.heading("My views")]
    for label, path in (
        ("What I think about school and what would help me:", "views.child"),
        ("What my carer thinks:", "views.carer"),
        ("What my parent(s) think:", "views.parent"),
        ("What school thinks:", "views.school"),
    ):
        out.append(
            wk.table(
                [
                    wk.row(
                        wk.cell(
                            *box(
                                doc,
                                doc.text(path),
                                style="typed",
                                lead=[wk.run(label + " ", bold=True)],
                                key=path,
                            ),
                            width=wk.TEXT_W,
                        )
                    )
                ],
                [wk.TEXT_W],
            )
        )
        out.append(wk.gap())
    return out


def _progress(doc: Doc) -> list[str]:
    widths = [2800, 2600, 3000, 2066]
    rows = [
        header_row(
            [
                "Subject",
                "Where I am now",
                "Where I should be by the end of the year",
                "On track? (Y/N)",
            ],
            widths,
            fill="DEEAF6",
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        each(
            ("subject", "current", "target", "on_track"),
            lambda f, i: box(doc, doc.cell("attainment", i, f), style="typed"),
        ),
        widths,
        printed_rows=3,
    )
    previous_widths = [4900, 1700, 3866]
    previous = [
        header_row(
            ["Last term's targets", "Achieved?", "How do we know?"], previous_widths, fill="DEEAF6"
        )
    ]
    previous += grid_rows(
        doc,
        "previous_targets",
        each(
            ("description", "outcome", "evidence"),
            lambda f, i: box(doc, doc.cell("previous_targets", i, f), style="typed"),
        ),
        previous_widths,
        printed_rows=2,
    )
    return [
        wk.heading("How I am doing"),
        wk.table(rows, widths),
        wk.gap(),
        wk.table(previous, previous_widths),
    ]


def _targets(doc: Doc) -> list[str]:
    widths = [2900, 2700, 1900, 1500, 1466]
    rows = [
        header_row(
            ["What I need to do", "How I will be helped", "Who will help", "By when", "PP+ (£)"],
            widths,
            fill="DEEAF6",
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("description", "actions", "lead", "due_date", "pp_plus_cost"),
            lambda f, i: box(doc, doc.cell("targets", i, f), style="typed"),
        ),
        widths,
        printed_rows=3,
    )
    return [
        wk.heading("My targets this term"),
        wk.table(rows, widths),
        *box(
            doc,
            doc.text("pp_plus.requested_total"),
            style="typed",
            lead=[wk.run("Total Pupil Premium Plus requested this term: ", bold=True)],
        ),
    ]


def _signatures(doc: Doc) -> list[str]:
    out = [wk.heading("Agreed by")]
    for label, signer, date_path in (
        ("Designated Teacher", "designated_teacher", "signoff.designated_teacher_date"),
        ("Social Worker", "social_worker", "signoff.social_worker_date"),
    ):
        row = doc.signatory(label)
        signature = row.signature(signer)
        when = row.date(date_path)
        out.append(
            wk.para(
                wk.run(f"{label} signature: ", bold=True),
                wk.run(signature or "\u2026" * 18),
                wk.run("   Date: ", bold=True),
                wk.run(when or "\u2026" * 8),
            )
        )
    return out


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("My Personal Education Plan"), style="Title"),
        *_tips(),
        _who(doc),
        wk.gap(),
        _dates(doc),
        wk.gap(),
        _present(doc),
        wk.gap(),
        _others(doc),
        wk.para(
            wk.run(
                "The PEP is the plan agreed by the school, parents and carers which "
                "outlines the support offered to the child over and above that offered "
                "to other children. Pupil Premium Plus must be spent directly on "
                "supporting the child's educational achievement.",
                size=16,
                italic=True,
            )
        ),
        *_views(doc),
        *_progress(doc),
        *_targets(doc),
        *_signatures(doc),
    ]
    return document(
        "Personal Education Plan",
        "Dewmarsh County Council",
        "Virtual School for Children in Care",
        "Dewmarsh PEP (school age)",
        blocks,
        accent=NAVY,
        doc=doc,
    )


LAYOUT = Layout(
    id="dewmarsh-pep",
    set="eval",
    authority="Dewmarsh County Council",
    source="devon",
    phase="school_age",
    kind="docx",
    features=(
        "label and typed answer in one cell (My school is: ...)",
        "headings row with the dates in the row below",
        "'Present at this meeting' boxes under printed roles, names given elsewhere",
        "Others present table (Name / Role / Contact details)",
        "views typed after a bold label in a one-cell table",
        "signature lines with dotted blanks",
    ),
    completions=(
        (
            "eval-ruby",
            Habits(dates=("dmy", "ordinal"), ncy="yr", money="pounds", quirks={"boxes": "glyph"}),
        ),
        (
            "eval-mia",
            Habits(
                dates=("dots", "dmy2", "long"),
                ncy="year",
                yes_no=1,
                quirks={"boxes": "glyph_x"},
                word_for={"previous_targets.outcome": 2},
            ),
        ),
    ),
    build=build,
)
