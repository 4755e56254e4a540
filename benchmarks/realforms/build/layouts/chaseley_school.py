"""Chaseley PEP, after Enfield Virtual School's good practice guide on completing a PEP: termly
PEPs in school; receiving schools invited at transition stages; the designated teacher
completes educational attainment and progress before the meeting; targets 1 and 2 academic and
target 3 about social, emotional and mental health, each with key strategies and interventions,
the pupil premium funding and the expected evidence of impact; last term's targets reviewed with
the impact of the funding; a clear reason recorded when the child does not attend, and why a
parent or carer does not contribute. Plain typed Word: "Label: value" lines on the front, the
term circled by highlight, one small table per target (label cells down the left), ticks typed
for who was invited and who attended."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "C00000"
SHADE = "FBE4D5"
TERMS = [("Autumn", "autumn"), ("Spring", "spring"), ("Summer", "summer")]
REVIEW = [("Achieved", "met"), ("Partly", "partly_met"), ("Not achieved", "not_met")]
SLOTS = [
    ("Target 1 (academic)", "academic"),
    ("Target 2 (academic)", "academic"),
    ("Target 3 (social, emotional and mental health)", "semh"),
]


def _typed(doc: Doc, text: str | None, size: int = 18) -> list[str]:
    return box(doc, text, style="typed", size=size)


def _line(doc: Doc, label: str, typed: str | None) -> list[str]:
    return box(doc, typed, style="typed", lead=[wk.run(f"{label}: ", bold=True)])


def _front(doc: Doc) -> list[str]:
    term = doc.code("meta.term")
    circle = doc.quirk("circle") or "highlight"
    return [
        *_line(doc, "Child's name", doc.full_name()),
        *_line(doc, "Date of birth", doc.text("child.date_of_birth")),
        *_line(doc, "UPN", doc.text("child.upn")),
        *_line(doc, "Year group", doc.text("education.ncy")),
        *_line(doc, "School", doc.text("education.setting_name")),
        *_line(doc, "Designated teacher", doc.text("education.designated_teacher.name")),
        *_line(doc, "Social worker", doc.text("care.social_worker.name")),
        *_line(doc, "Date of PEP meeting", doc.text("meta.meeting_date")),
        wk.para(
            wk.run("Term: ", bold=True),
            *marks(TERMS, term, style=circle, doc=doc),
            wk.run("   (circle)", italic=True, size=16),
        ),
        *_line(doc, "Date of next PEP", doc.text("meta.next_review_date")),
    ]


def _attendance_at_meeting(doc: Doc) -> list[str]:
    widths = [3000, 3466, 2000, 2000]
    tick = doc.quirk("tick") or "\u2714"

    def flag(i: int, name: str) -> list[str]:
        value = doc.item_flag("attendees", i, name)
        if value is None:
            return _typed(doc, None)
        if tick == "yn":
            return _typed(doc, doc.say(f"attendees.{name}", value))
        return [wk.para(wk.run(tick if value else "\u2718", size=20), align="center")]

    rows = [header_row(["Name", "Role", "Invited", "Attended"], widths, fill=SHADE)]
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
    width = sum(widths)
    for question, typed in (
        (
            "If the child or young person did not attend, give the reason and how their "
            "views were gained:",
            doc.unplaced(
                "reason_not_attending", "Reason the child did not attend", "views.not_attending"
            ),
        ),
        (
            "Were parents/carers invited to contribute? If not, record why not:",
            doc.text("views.parent"),
        ),
    ):
        rows.append(
            wk.row(
                wk.cell(
                    wk.para(wk.run(question, bold=True, size=16)),
                    *_typed(doc, typed),
                    width=width,
                    span=4,
                )
            )
        )
    return [wk.table(rows, widths)]


def _attainment(doc: Doc) -> str:
    widths = [3000, 2600, 2600, 2266]
    rows = [
        header_row(
            ["Subject", "Working at now", "Expected by end of year", "Expected progress?"],
            widths,
            fill=SHADE,
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        each(
            ("subject", "current", "target", "on_track"),
            lambda f, i: _typed(doc, doc.cell("attainment", i, f)),
        ),
        widths,
        printed_rows=4,
    )
    return wk.table(rows, widths)


def _review(doc: Doc) -> list[str]:
    out = []
    count = max(2, len(doc.items("previous_targets")))
    widths = [2600, 7866]
    for index in range(count):
        outcome = doc.item_code("previous_targets", index, "outcome")
        rows = [
            wk.row(
                wk.label(f"Last term's target {index + 1}", widths[0], fill=SHADE),
                wk.cell(
                    *_typed(doc, doc.cell("previous_targets", index, "description")),
                    width=widths[1],
                ),
            ),
            wk.row(
                wk.label("Was it achieved?", widths[0], fill=SHADE),
                wk.cell(
                    wk.para(
                        *marks(REVIEW, outcome, style="delete", doc=doc),
                        wk.run("  (delete as appropriate)", italic=True, size=14),
                    ),
                    width=widths[1],
                ),
            ),
            wk.row(
                wk.label("Evidence and impact of pupil premium", widths[0], fill=SHADE),
                wk.cell(
                    *_typed(doc, doc.cell("previous_targets", index, "evidence")),
                    width=widths[1],
                ),
            ),
        ]
        out += [wk.table(rows, widths), wk.gap()]
    return out


def _slots(doc: Doc) -> list[tuple[str, str | None, int | None]]:
    """Targets placed in the printed boxes: academic ones in boxes 1 and 2, the SEMH one in
    box 3, any further targets in copied boxes after them (headed "Target 4"...)."""
    targets = doc.items("targets")
    academic = [n for n, t in enumerate(targets) if t.get("area") != "semh"]
    semh = [n for n, t in enumerate(targets) if t.get("area") == "semh"]
    placed: list[tuple[str, str | None, int | None]] = [
        (SLOTS[0][0], SLOTS[0][1], academic[0] if academic else None),
        (SLOTS[1][0], SLOTS[1][1], academic[1] if len(academic) > 1 else None),
        (SLOTS[2][0], SLOTS[2][1], semh[0] if semh else None),
    ]
    for number, index in enumerate(academic[2:] + semh[1:], start=4):
        placed.append((f"Target {number}", None, index))
    return placed


def _targets(doc: Doc) -> list[str]:
    widths = [2600, 7866]
    out = []
    for title, area, index in _slots(doc):
        values: list[str | None] = [
            None if index is None else doc.cell("targets", index, field)
            for field in (
                "description",
                "actions",
                "success_criteria",
                "lead",
                "due_date",
                "pp_plus_cost",
            )
        ]
        if index is not None and area is not None and not doc.blank:
            # the printed heading says what kind of target it is: a reader takes it as the area
            doc.truth.item("targets", index)["area"] = area
        rows = [
            wk.row(
                wk.cell(
                    wk.para(wk.run(title, bold=True, size=20, color="FFFFFF")),
                    width=sum(widths),
                    span=2,
                    fill=ACCENT,
                )
            )
        ]
        labels = (
            "SMART target",
            "Key strategies and interventions (what, who, how often)",
            "Expected evidence of impact",
            "Adult responsible",
            "Review date",
            "Pupil premium funding \u00a3",
        )
        for label, value in zip(labels, values, strict=True):
            rows.append(
                wk.row(
                    wk.label(label, widths[0], fill=SHADE, size=16),
                    wk.cell(*_typed(doc, value), width=widths[1]),
                )
            )
        out += [wk.table(rows, widths), wk.gap()]
    return out


def _transition(doc: Doc) -> list[str]:
    return [
        wk.heading("Transition", 2),
        wk.instruction(
            "At nursery, Year 6 and Year 11 invite staff from the receiving school or college "
            "to the spring and summer meetings."
        ),
        *_line(doc, "Next school or college", doc.text("transition.next_transition")),
        *_line(doc, "Start date", doc.text("transition.date")),
        *_line(doc, "Transition plan", doc.text("transition.plan")),
    ]


def _voices(doc: Doc) -> list[str]:
    out = []
    for label, typed in (
        ("The child's views, in their own words", doc.text("views.child")),
        ("Carer's contribution", doc.text("views.carer")),
        ("Designated teacher's comments", doc.text("views.school")),
        ("Hobbies, clubs and activities outside school", doc.text("child.leisure_interests")),
        (
            "Achievements to celebrate",
            doc.unplaced("strengths", "Achievements to celebrate", "child.strengths"),
        ),
    ):
        out += [wk.para(wk.run(label, bold=True), before=120), *_typed(doc, typed, 20)]
    return out


def _sign(doc: Doc) -> list[str]:
    out = []
    for role, who, date_path in (
        ("Designated teacher", "designated_teacher", "signoff.designated_teacher_date"),
        ("Social worker", "social_worker", "signoff.social_worker_date"),
    ):
        signatory = doc.signatory(role)
        signature = signatory.signature(who)
        date = signatory.date(date_path) if signature is not None else None
        out.append(
            wk.para(
                wk.run(f"Signed ({role.lower()}): ", bold=True),
                wk.run(signature or "\u2026" * 14),
                wk.tab(),
                wk.run("Date: ", bold=True),
                wk.run(date or "\u2026" * 8),
                before=160,
            )
        )
    return out


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("PERSONAL EDUCATION PLAN", bold=True, size=30, color=ACCENT)),
        wk.para(wk.run("Statutory school age (Reception to Year 11)", size=20)),
        *_front(doc),
        wk.heading("1. Attendance at the PEP meeting"),
        *_attendance_at_meeting(doc),
        wk.heading("2. Educational attainment and progress"),
        wk.instruction("Designated teacher to complete before the meeting"),
        _attainment(doc),
        *box(
            doc,
            doc.text("education.attendance.percent"),
            style="typed",
            lead=[wk.run("Attendance this academic year (%): ", bold=True)],
        ),
        wk.heading("3. Review of last term's targets"),
        *_review(doc),
        wk.heading("4. Targets for this term"),
        wk.instruction(
            "Targets 1 and 2 are academic, drafted with the child's teachers. Target 3 is about "
            "social, emotional and mental health and reflects the child's views. Each target "
            "is SMART, achievable within 12 weeks and says how pupil premium will be used."
        ),
        *_targets(doc),
        *box(
            doc,
            doc.text("pp_plus.requested_total"),
            style="typed",
            lead=[wk.run("Total pupil premium requested this term: ", bold=True)],
        ),
        *_transition(doc),
        wk.heading("5. Views"),
        *_voices(doc),
        wk.heading("6. Signatures"),
        *_sign(doc),
    ]
    return document(
        "Personal Education Plan",
        "London Borough of Chaseley",
        "Chaseley Virtual School",
        "Chaseley VS PEP (statutory age)",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="chaseley-pep",
    set="dev",
    authority="London Borough of Chaseley",
    source="enfield",
    phase="school_age",
    kind="docx",
    features=(
        "Label: value lines on the front page, the term circled by highlight or bold",
        "attendee table with ticks and crosses typed (or Y/N) for Invited and Attended, "
        "reason for non-attendance and parents' contribution in merged rows below",
        "attainment grid Subject / Working at now / Expected by end of year / Expected progress?",
        "one small table per previous target with Achieved / Partly / Not achieved to delete",
        "one table per new target with labels down the left, printed Target 1 (academic), "
        "Target 2 (academic), Target 3 (SEMH), a box left empty when there is no second "
        "academic target",
        "signature lines Signed (...): ...... Date: ......",
    ),
    completions=(
        (
            "dev-lilymae",
            Habits(
                dates=("ordinal", "dmy"),
                ncy="yr",
                quirks={"circle": "highlight", "tick": "\u2714"},
            ),
        ),
        (
            "dev-demi",
            Habits(
                dates=("slash", "dash"),
                ncy="y",
                money="comma",
                yes_no=2,
                quirks={"circle": "bold", "tick": "yn"},
            ),
        ),
    ),
    build=build,
)
