"""Andredsley PEP document, after Virtual School Kent's description of its PEP Document (reviewed
three times a year: a first review from September to December, a second from January to April,
a third from May to July; started by the Virtual School with some basic information and
completed at a meeting of the designated teacher, social worker and carers, with the child's
views gathered at or before it; SMART targets read as Specific, Measurable, Assigned (to a
named professional), Realistic and Time constrained; PP+ considered at the meeting).

The review is ticked among the three printed review periods with legacy FORMCHECKBOX boxes.
The basic information is a run of paragraphs, each a label, a tab and the typed answer, with no
colon and no table. Progress carries a RAG column: a letter typed in a cell shaded green, amber
or red. Views are block rich-text controls under bold headings (one answer typed under the
control, which keeps its placeholder). The SMART target grid's columns are headed by the
letters' words ("Measurable: how will we know?", "Assigned to", "Time constrained: by when").
Attendance at the meeting is a table of printed roles with legacy checkboxes for Invited and
Attended and two "Other (state role)" rows; the form ends with a "Completed by (designated
teacher)" line and the social worker's ticked agreement with a date."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, attendee_kind, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "7F6000"
SHADE = "FFF2CC"
WIDTH = 10466
TAB_AT = 3700
REVIEWS = [
    ("First review (September to December)", "autumn"),
    ("Second review (January to April)", "spring"),
    ("Third review (May to July)", "summer"),
]
ROWS = [
    ("Designated Teacher", "teacher"),
    ("Social Worker", "social_worker"),
    ("Carer", "carer"),
    ("Child / Young Person", "child"),
    ("Virtual School", "virtual_school"),
]
RAG = {True: ("G", "92D050"), False: ("R", "FF5050")}


def _heading(text: str) -> str:
    return wk.para(
        wk.run(text, bold=True, size=24, color=ACCENT),
        before=240,
        after=60,
        keep_next=True,
    )


def _tabbed(label: str, typed: str | None) -> str:
    """A label, a tab to a set stop, then the typed answer (no colon, no table)."""
    runs = wk.run(label, bold=True, size=20) + wk.tab() + wk.run(typed or "", size=20)
    props = (
        f'<w:pPr><w:tabs><w:tab w:val="left" w:pos="{TAB_AT}"/></w:tabs>'
        '<w:spacing w:after="40"/></w:pPr>'
    )
    return f"<w:p>{props}{runs}</w:p>"


def _review(doc: Doc) -> list[str]:
    term = doc.code("meta.term")
    return [
        wk.para(wk.run("This PEP is the:", bold=True, size=20), after=40),
        wk.para(*marks(REVIEWS, term, style="legacy", doc=doc, name="Review", size=20), after=120),
    ]


def _basic(doc: Doc) -> list[str]:
    pairs = [
        ("Child's name", doc.full_name()),
        ("Date of birth", doc.text("child.date_of_birth")),
        ("Gender", doc.text("child.gender")),
        ("UPN", doc.text("child.upn")),
        ("First language", doc.text("child.first_language")),
        ("Legal status", doc.text("care.legal_status")),
        ("Carer / placement", doc.text("care.carer.name")),
        ("Carer's telephone", doc.text("care.carer.phone")),
        ("Social worker", doc.text("care.social_worker.name")),
        ("Social worker's telephone", doc.text("care.social_worker.phone")),
        ("Social worker's email", doc.text("care.social_worker.email")),
        ("School", doc.text("education.setting_name")),
        ("DfE number", doc.text("education.laestab")),
        ("Date joined school", doc.text("education.date_joined")),
        ("Year group", doc.text("education.ncy")),
        ("Designated teacher", doc.text("education.designated_teacher.name")),
        ("Designated teacher's email", doc.text("education.designated_teacher.email")),
        ("SENCo", doc.text("education.senco")),
        ("SEN status", doc.text("education.sen_provision")),
        ("Date of this PEP", doc.text("meta.meeting_date")),
        ("Date of last PEP", doc.text("meta.previous_pep_date")),
        ("Date of next PEP", doc.text("meta.next_review_date")),
    ]
    return [
        _heading("1. Basic information"),
        wk.instruction("Started by the Virtual School; checked and completed at the meeting."),
        *(_tabbed(label, typed) for label, typed in pairs),
    ]


def _attendance(doc: Doc) -> list[str]:
    widths = [2400, 2600, 1400, WIDTH - 6400]
    rows = [header_row(["Date", "Type", "Sessions", "Reason"], widths, fill=SHADE)]
    items = doc.items("education.exclusions")
    for index in range(max(2, len(items))):
        cells: list[str | None] = [None, None, None, None]
        if index < len(items):
            cells = [
                doc.cell("education.exclusions", index, "start_date"),
                doc.exclusion_type(index),
                doc.cell("education.exclusions", index, "sessions"),
                doc.cell("education.exclusions", index, "reason"),
            ]
        rows.append(
            wk.row(
                *(
                    wk.cell(*box(doc, typed, style="typed", size=18), width=width)
                    for typed, width in zip(cells, widths, strict=True)
                )
            )
        )
    return [
        _heading("2. Attendance and exclusions"),
        _tabbed("Attendance this year", doc.text("education.attendance.percent")),
        _tabbed("Sessions possible", doc.text("education.attendance.sessions_possible")),
        _tabbed("Sessions missed", doc.text("education.attendance.sessions_missed")),
        wk.para(wk.run("Exclusions this year", bold=True, size=20), before=80, after=40),
        wk.table(rows, widths),
    ]


def _progress(doc: Doc) -> list[str]:
    widths = [3400, 2700, 2700, 1666]
    rows = [header_row(["Subject", "Current", "Target", "RAG"], widths, fill=SHADE)]

    def rag(index: int) -> str:
        flag = doc.item_flag("attainment", index, "on_track")
        if flag is None:
            return wk.cell(wk.para(), width=widths[3])
        letter, fill = RAG[flag]
        return wk.cell(
            wk.para(wk.run(letter, bold=True, size=20), align="center"),
            width=widths[3],
            fill=fill,
        )

    items = doc.items("attainment")
    for index in range(max(3, len(items))):
        rows.append(
            wk.row(
                *(
                    wk.cell(
                        *box(doc, doc.cell("attainment", index, name), style="typed", size=18),
                        width=width,
                    )
                    for name, width in zip(("subject", "current", "target"), widths, strict=False)
                ),
                rag(index),
            )
        )
    return [
        _heading("3. Progress and attainment"),
        wk.instruction("RAG: green on track, amber at risk, red not on track."),
        wk.table(rows, widths),
    ]


def _voice(doc: Doc) -> list[str]:
    blocks = [_heading("4. Views")]
    for title, path, tag in (
        ("The child's views, in their own words", "views.child", "PupilVoice"),
        ("The carer's views", "views.carer", "CarerView"),
        ("The school's views", "views.school", "SchoolView"),
        ("The social worker's views", "views.social_worker", "SWView"),
    ):
        blocks.append(wk.para(wk.run(title, bold=True, size=20), before=100, keep_next=True))
        blocks += box(doc, doc.text(path), style="rich", key=path, tag=tag, alias=title, size=20)
    blocks.append(wk.para(wk.run("My strengths", bold=True, size=20), before=100, keep_next=True))
    strengths = doc.unplaced("strengths", "My strengths", "child.strengths")
    blocks += box(doc, strengths, style="rich", tag="Strengths", alias="My strengths", size=20)
    return blocks


def _previous(doc: Doc) -> list[str]:
    widths = [4900, 2000, 3566]
    rows = [header_row(["Target from last PEP", "Outcome", "Comment"], widths, fill=SHADE)]
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
    return [_heading("5. Review of last PEP's targets"), wk.table(rows, widths)]


def _targets(doc: Doc) -> list[str]:
    widths = [2300, 2000, 1500, 2200, 1366, 1100]
    rows = [
        header_row(
            [
                "Specific target",
                "Measurable: how will we know?",
                "Assigned to",
                "Realistic: support and resources",
                "Time constrained: by when",
                "PP+ \u00a3",
            ],
            widths,
            fill=SHADE,
            size=16,
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("description", "success_criteria", "lead", "actions", "due_date", "pp_plus_cost"),
            lambda f, i: box(doc, doc.cell("targets", i, f), style="typed", size=18),
        ),
        widths,
        printed_rows=3,
    )
    return [
        _heading("6. SMART targets"),
        wk.instruction("Specific, Measurable, Assigned, Realistic, Time constrained."),
        wk.table(rows, widths),
    ]


def _ahead(doc: Doc) -> list[str]:
    return [
        _heading("7. Looking ahead"),
        _tabbed("Next transition", doc.text("transition.next_transition")),
        _tabbed("Date of transition", doc.text("transition.date")),
        _tabbed("Transition plan", doc.text("transition.plan")),
        _tabbed("Aspirations", doc.text("transition.aspirations")),
        _tabbed("Careers advice", doc.text("transition.careers_advice")),
    ]


def _people(doc: Doc) -> list[str]:
    widths = [3000, 4466, 1500, 1500]
    rows = [header_row(["Role", "Name", "Invited", "Attended"], widths, fill=SHADE)]
    items = doc.items("attendees")
    printed = {kind: None for _, kind in ROWS}
    others: list[dict[str, Any]] = []
    for who in items:
        kind = attendee_kind(who["role"])
        if kind in printed and printed[kind] is None:
            printed[kind] = who
        else:
            others.append(who)

    def line(role: str, who: dict[str, Any] | None, typed_name: str | None) -> str:
        if who is not None:
            doc.add_item(
                "attendees",
                {
                    "name": who["name"],
                    "role": role,
                    "invited": who["invited"],
                    "attended": who["attended"],
                },
            )
        invited = who is not None and who["invited"]
        attended = who is not None and who["attended"]
        return wk.row(
            wk.label(
                role if who is None or role in dict(ROWS) else "Other (state role)",
                widths[0],
                fill=SHADE,
            ),
            wk.cell(*box(doc, typed_name, style="typed", size=18), width=widths[1]),
            wk.cell(
                wk.para(
                    wk.legacy_checkbox(doc.ids, f"Invited{doc.ids.value}", checked=invited),
                    align="center",
                ),
                width=widths[2],
            ),
            wk.cell(
                wk.para(
                    wk.legacy_checkbox(doc.ids, f"Attended{doc.ids.value}", checked=attended),
                    align="center",
                ),
                width=widths[3],
            ),
        )

    for role, kind in ROWS:
        who = printed[kind]
        rows.append(line(role, who, who["name"] if who else None))
    for index in range(max(2, len(others))):
        who = others[index] if index < len(others) else None
        if who is None:
            rows.append(line("Other (state role)", None, None))
        else:
            rows.append(line(who["role"], who, f"{who['name']} - {who['role']}"))
    return [_heading("8. Who was at the meeting"), wk.table(rows, widths)]


def _completed(doc: Doc) -> list[str]:
    by = doc.text("meta.completed_by")
    date = doc.text("signoff.designated_teacher_date")
    sw_date = doc.text("signoff.social_worker_date")
    agreed = sw_date is not None
    return [
        _heading("9. Completion"),
        wk.para(
            wk.run("Completed by (designated teacher): ", bold=True, size=20),
            wk.run(by or "", size=20),
            wk.run("      Date: ", bold=True, size=20),
            wk.run(date or "", size=20),
            after=80,
        ),
        wk.para(
            wk.legacy_checkbox(doc.ids, "SWAgree", checked=agreed),
            wk.run(" The social worker has read and agrees this PEP.", size=20),
            wk.run("      Date: ", bold=True, size=20),
            wk.run(sw_date or "", size=20),
        ),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan (PEP) Document"), style="Title"),
        wk.para(
            wk.run(
                "Andredsley Virtual School - statutory school age", bold=True, size=24, color=ACCENT
            ),
            align="center",
            after=160,
        ),
        *_review(doc),
        *_basic(doc),
        *_attendance(doc),
        *_progress(doc),
        *_voice(doc),
        *_previous(doc),
        *_targets(doc),
        *_ahead(doc),
        *_people(doc),
        *_completed(doc),
    ]
    return document(
        "Personal Education Plan (PEP) Document",
        "Andredsley County Council",
        "Andredsley Virtual School",
        "AVS PEP Document",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="andredsley-pep",
    set="dev",
    authority="Andredsley County Council",
    source="kent",
    phase="school_age",
    kind="docx",
    features=(
        "review period ticked among three printed periods (First review (September to "
        "December) ...) with legacy FORMCHECKBOX boxes",
        "basic information as paragraphs of a bold label, a tab to a set stop and the typed "
        "answer, with no colon and no table",
        "exclusions grid Date / Type / Sessions / Reason with the type typed ('Suspension')",
        "progress grid with a RAG column: a letter typed in a cell shaded green or red",
        "views in block rich-text controls under bold headings; one answer typed in a new "
        "paragraph under the control, which keeps its placeholder",
        "last targets' outcomes typed in an Outcome column",
        "SMART target grid headed by the letters' words: Specific target / Measurable: how will "
        "we know? / Assigned to / Realistic: support and resources / Time constrained: by when "
        "/ PP+ £",
        "looking-ahead lines (next transition, aspirations, careers advice) as tabbed paragraphs",
        "attendance table of printed roles with legacy checkboxes for Invited and Attended, two "
        "'Other (state role)' rows with 'Name - role' typed",
        "'Completed by (designated teacher): ... Date: ...' line and the social worker's ticked "
        "agreement with a date",
    ),
    completions=(
        (
            "dev-callum",
            Habits(
                dates=("dash", "ordinal"),
                wording=2,
                ncy="y",
                yes_no=0,
                quirks={"views.child": "beside"},
                month_only=frozenset({"education.date_joined"}),
            ),
        ),
        (
            "dev-lilymae",
            Habits(
                dates=("dmy2", "long"),
                wording=0,
                ncy="year",
                money="bare",
                blanks={"care.social_worker.email": "-"},
            ),
        ),
    ),
    build=build,
)
