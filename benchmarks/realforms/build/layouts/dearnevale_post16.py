"""Dearnevale post-16 Termly PEP, after Barnsley Virtual School's post-16 Termly Personal
Education Plans (TPEPs: one for each young person in Years 12 and 13, sitting alongside the
pathway plan, requested from the provider after the October return and updated mid-year after
February half term, with the qualifications and outcomes the young person is working towards)
in the house style of a public post-16 Personal Education and Training Plan (the personal
adviser completes the form; the designated tutor brings the latest progress, tracking and
attendance reports; around three targets).

The front details are a borderless two-column table (labels right-aligned, ending in a colon);
the current status is shown by striking out the other words; the young person's views sit in a
one-cell box with the italic prompt above the answer; targets carry an empty "Mid-year update"
column; who attended is a Name / Role / Phone or email table with the apologies on one line
under it; the signature table has Print name / Signature / Date columns."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, attendee_kind, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "1F3864"
SHADE = "D9E2F3"
WIDTH = 10466
STATUSES = ["In education", "Apprenticeship", "Employment with training", "Training", "NEET"]
OUTCOMES = [("Achieved", "met"), ("Partly", "partly_met"), ("Not achieved", "not_met")]


def _title(text: str) -> str:
    return wk.para(
        wk.run(text.upper(), bold=True, size=22, color=ACCENT),
        before=200,
        after=60,
        keep_next=True,
    )


def _front(doc: Doc, pairs: list[tuple[str, str | None]]) -> str:
    """A borderless label | answer table: labels right-aligned, ending in a colon."""
    widths = [3600, WIDTH - 3600]
    rows = [
        wk.row(
            wk.cell(
                wk.para(wk.run(f"{label}:", bold=True, size=18), align="right"), width=widths[0]
            ),
            wk.cell(*box(doc, typed, style="typed", size=20), width=widths[1]),
        )
        for label, typed in pairs
    ]
    return wk.table(rows, widths, borders=False)


def _about(doc: Doc) -> list[str]:
    return [
        _title("About me"),
        _front(
            doc,
            [
                ("Name", doc.full_name(middle=False)),
                ("Date of birth", doc.text("child.date_of_birth")),
                ("ULN", doc.text("child.uln")),
                ("School year", doc.text("education.ncy")),
                ("Legal status", doc.text("care.legal_status")),
                ("Carer / placement", doc.text("care.carer.name")),
                ("Carer's phone", doc.text("care.carer.phone")),
                ("Social worker", doc.text("care.social_worker.name")),
                ("Social worker's phone", doc.text("care.social_worker.phone")),
                (
                    "Personal adviser",
                    doc.unplaced("personal_adviser", "Personal adviser", "care.personal_adviser"),
                ),
            ],
        ),
    ]


def _provider(doc: Doc) -> list[str]:
    status = doc.unplaced("status", "Current status", None)
    plans = [plan for plan in doc.items("linked_plans") if plan["type"] == "PATHWAY"]
    pathway = None
    if plans:
        doc.add_item("linked_plans", {"type": "PATHWAY", "date": plans[0]["date"]})
        pathway = doc.say("linked_plans.date", plans[0]["date"])
    return [
        _title("Where I learn"),
        wk.para(
            wk.run("Current status (strike out those that do not apply): ", bold=True, size=18),
            *marks([(s, s) for s in STATUSES], status, style="strike", doc=doc),
            after=80,
        ),
        _front(
            doc,
            [
                ("College / provider / employer", doc.text("education.setting_name")),
                ("Date started", doc.text("education.date_joined")),
                ("Main programme", doc.unplaced("course", "Main programme", "education.course")),
                ("Designated tutor", doc.text("education.designated_teacher.name")),
                ("Designated tutor's email", doc.text("education.designated_teacher.email")),
                ("Attendance (provider's register)", doc.text("education.attendance.percent")),
                ("16-19 Bursary", doc.unplaced("bursary", "16-19 Bursary", "pp_plus.bursary")),
                ("Date of my pathway plan", pathway),
                ("Date of this TPEP", doc.text("meta.meeting_date")),
                ("Date of last TPEP", doc.text("meta.previous_pep_date")),
                ("Date of next TPEP", doc.text("meta.next_review_date")),
            ],
        ),
    ]


def _qualifications(doc: Doc) -> list[str]:
    widths = [4466, 2200, 2200, 1600]
    rows = [
        header_row(
            ["Qualification / outcome", "Current or predicted", "Target", "On track? (Y/N)"],
            widths,
            fill=SHADE,
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
    return [_title("My qualifications"), wk.table(rows, widths)]


def _boxed(doc: Doc, prompt: str, path: str) -> list[str]:
    """A one-cell box: the italic prompt above the typed answer."""
    cell = wk.cell(
        wk.para(wk.run(prompt, italic=True, size=16, color="595959")),
        *box(doc, doc.text(path), style="typed", size=20),
        width=WIDTH,
    )
    return [wk.table([wk.row(cell, height=900)], [WIDTH]), wk.gap()]


def _views(doc: Doc) -> list[str]:
    return [
        _title("Views"),
        *_boxed(doc, "My views: how is it going, and what would help me?", "views.child"),
        *_boxed(doc, "Designated tutor's comments (progress report and tracking)", "views.school"),
        *_boxed(doc, "Carer's comments", "views.carer"),
    ]


def _previous(doc: Doc) -> list[str]:
    widths = [4600, 2600, 3266]
    rows = [header_row(["Last target", "Outcome", "Comment"], widths, fill=SHADE)]

    def outcome(index: int) -> list[str]:
        if index >= len(doc.items("previous_targets")):
            return [wk.para(*marks(OUTCOMES, None, style="delete", doc=doc))]
        chosen = doc.item_code("previous_targets", index, "outcome")
        return [wk.para(*marks(OUTCOMES, chosen, style="delete", doc=doc))]

    rows += grid_rows(
        doc,
        "previous_targets",
        [
            lambda i: box(
                doc, doc.cell("previous_targets", i, "description"), style="typed", size=18
            ),
            outcome,
            lambda i: box(doc, doc.cell("previous_targets", i, "evidence"), style="typed", size=18),
        ],
        widths,
        printed_rows=2,
    )
    return [_title("Last targets"), wk.table(rows, widths)]


def _targets(doc: Doc) -> list[str]:
    widths = [3100, 2900, 1600, 1300, 1566]
    rows = [
        header_row(
            ["Target", "Actions and support", "Who", "By when", "Mid-year update"],
            widths,
            fill=SHADE,
        )
    ]
    fields = each(
        ("description", "actions", "lead", "due_date"),
        lambda f, i: box(doc, doc.cell("targets", i, f), style="typed", size=18),
    )
    rows += grid_rows(doc, "targets", [*fields, lambda i: [wk.para()]], widths, printed_rows=3)
    return [
        _title("My targets (around three)"),
        wk.table(rows, widths),
    ]


def _next(doc: Doc) -> list[str]:
    return [
        _title("Next steps"),
        _front(
            doc,
            [
                ("What I want to do in the future", doc.text("transition.aspirations")),
                ("Careers advice and guidance", doc.text("transition.careers_advice")),
                ("My next step after this course", doc.text("transition.next_transition")),
            ],
        ),
    ]


def _people(doc: Doc) -> list[str]:
    widths = [3300, 3300, 3866]
    contacts = {
        "social_worker": "care.social_worker.phone",
        "teacher": "education.designated_teacher.email",
        "carer": "care.carer.phone",
    }
    rows = [header_row(["Name", "Role", "Phone or email"], widths, fill=SHADE)]
    apologies = []
    present = [who for who in doc.items("attendees") if who["attended"]]
    for who in doc.items("attendees"):
        if not who["attended"]:
            doc.add_item("attendees", {"name": who["name"], "role": who["role"], "attended": False})
            apologies.append(f"{who['name']} ({who['role']})")
    for index in range(max(4, len(present))):
        cells: tuple[str | None, ...] = (None, None, None)
        if index < len(present):
            who = present[index]
            entry: dict[str, Any] = {"name": who["name"], "role": who["role"], "attended": True}
            path = contacts.get(attendee_kind(who["role"]))
            contact = doc.contact(entry, path.rsplit(".", 1)[1], path) if path else None
            doc.add_item("attendees", entry)
            cells = (who["name"], who["role"], contact)
        rows.append(
            wk.row(
                *(
                    wk.cell(*box(doc, typed, style="typed", size=18), width=width)
                    for typed, width in zip(cells, widths, strict=True)
                )
            )
        )
    return [
        _title("Who attended"),
        wk.table(rows, widths),
        wk.para(
            wk.run("Apologies: ", bold=True),
            wk.run(", ".join(apologies)),
            before=80,
        ),
    ]


def _signatures(doc: Doc) -> list[str]:
    widths = [2600, 2800, 2800, 2266]
    rows = [header_row(["", "Print name", "Signature", "Date"], widths, fill=SHADE)]
    for role, who, name_path, date_path in (
        ("Young person", "young_person", None, None),
        ("Social worker", "social_worker", "care.social_worker.name", "signoff.social_worker_date"),
        (
            "Designated tutor",
            "designated_teacher",
            "education.designated_teacher.name",
            "signoff.designated_teacher_date",
        ),
    ):
        signatory = doc.signatory(role)
        signature = signatory.signature(who)
        name = date = None
        if signature is not None and name_path is not None and date_path is not None:
            name = signatory.name(name_path)
            date = signatory.date(date_path)
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill=SHADE),
                *(
                    wk.cell(*box(doc, typed, style="typed", size=18), width=width)
                    for typed, width in zip((name, signature, date), widths[1:], strict=True)
                ),
            )
        )
    return [_title("Signatures"), wk.table(rows, widths)]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Post-16 Termly Personal Education Plan (TPEP)"), style="Title"),
        wk.para(
            wk.run(
                "For young people in care in Years 12 and 13. Completed by the personal adviser "
                "with the designated tutor; read alongside the pathway plan and updated mid-year "
                "after February half term.",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        *_about(doc),
        *_provider(doc),
        *_qualifications(doc),
        *_views(doc),
        *_previous(doc),
        *_targets(doc),
        *_next(doc),
        *_people(doc),
        *_signatures(doc),
    ]
    return document(
        "Post-16 Termly Personal Education Plan",
        "Dearnevale Metropolitan Borough Council",
        "Dearnevale Virtual School - Post 16",
        "Post-16 TPEP",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="dearnevale-post-16-tpep",
    set="dev",
    authority="Dearnevale Metropolitan Borough Council",
    source="barnsley",
    style_sources=("post16-petp",),
    phase="post16",
    kind="docx",
    features=(
        "borderless two-column label / answer tables, labels right-aligned and ending in a colon",
        "current status shown by striking out the words that do not apply",
        "qualifications grid Qualification / outcome / Current or predicted / Target / On track "
        "(Y/N)",
        "views in one-cell boxes, an italic grey prompt above the typed answer",
        "last targets marked Achieved / Partly / Not achieved by deleting the other words",
        "targets grid Target / Actions and support / Who / By when with an empty 'Mid-year "
        "update' column",
        "who attended as Name / Role / Phone or email, the apologies typed on one line under "
        "the table as 'Name (role), ...'",
        "signature table Print name / Signature / Date with an empty header cell",
    ),
    completions=(
        (
            "dev-kai",
            Habits(
                dates=("slash", "long"),
                wording=0,
                ncy="year",
                blanks={"transition.next_transition": "-"},
            ),
        ),
        (
            "dev-shannon",
            Habits(
                dates=("dash", "ordinal"),
                wording=1,
                ncy="y",
                yes_no=1,
                month_only=frozenset({"education.date_joined"}),
            ),
        ),
    ),
    build=build,
)
