"""Beddingfold PEP, after Sutton Virtual School's PEP guidance for designated teachers (every PEP
holds three SMART targets reviewed at the next PEP: one for English / literacy, one for maths
and one for another area such as attendance or homework, with a writing target in key stages 1
and 2; each target has a page of its own giving the reason for the target (the current
situation), the SMART target itself and the actions required of the child, school, carer and
social worker).

The front details are a three-column table: a group name ("Pupil", "School", "Care", "Health")
in a vertically merged first column, the labels in the second and content controls, date
pickers and drop-downs in the third. Attendance is a sentence with controls inside it. The
pupil's voice is a Question / My answer table of first-person questions. Last targets are
reviewed by ticking one of three checkbox columns (Fully met / Partially met / Not met). Each
new target is a table of its own under a merged "SMART target N" title, its area ticked among
printed English / Maths / Other (please state) with the other area typed after it. The adults'
views sit side by side, one column per adult. Attendees carry checkbox controls for Invited and
Attended; the agreement table has Role / Name / Date agreed and no signature."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, attendee_kind, box
from benchmarks.realforms.build.habits import LEGAL_STATUS, Habits
from benchmarks.realforms.build.parts import Layout, document, grid_rows, header_row

ACCENT = "0B5394"
SHADE = "DEEAF6"
WIDTH = 10466
YEARS = [f"Year {n}" for n in range(1, 12)]
LEGAL = [LEGAL_STATUS[code][0] for code in ("C1", "C2", "E1", "V2")]
AREAS = [("English", "literacy"), ("Maths", "numeracy")]


def _title(text: str) -> str:
    return wk.para(
        wk.run(text, bold=True, size=26, color=ACCENT), before=240, after=60, keep_next=True
    )


def _control(doc: Doc, typed: str | None, tag: str, *, multiline: bool = False) -> list[str]:
    return [
        wk.para(wk.control(doc.ids, tag=tag, value=typed, size=20, multiline=multiline), after=20)
    ]


def _date(doc: Doc, typed: str | None, tag: str) -> list[str]:
    return [wk.para(wk.date_control(doc.ids, tag=tag, shown=typed, size=20), after=20)]


def _choice(doc: Doc, typed: str | None, tag: str, items: list[str]) -> list[str]:
    """A drop-down; a wording not in the list is typed into a combo box."""
    listed = typed is None or typed in items
    return [
        wk.para(
            wk.dropdown(doc.ids, items, tag=tag, chosen=typed, combo=not listed, size=20),
            after=20,
        )
    ]


def _groups(groups: list[tuple[str, list[tuple[str, list[str]]]]]) -> str:
    """Group name merged down the first column, label and answer beside it."""
    widths = [1500, 3300, WIDTH - 4800]
    rows = []
    for group, pairs in groups:
        for number, (text, answer) in enumerate(pairs):
            rows.append(
                wk.row(
                    wk.cell(
                        wk.para(
                            wk.run(group if number == 0 else "", bold=True, size=20, color=ACCENT)
                        ),
                        width=widths[0],
                        fill=SHADE,
                        vmerge="restart" if number == 0 else "continue",
                        valign="center",
                    ),
                    wk.label(text, widths[1], fill=SHADE),
                    wk.cell(*answer, width=widths[2]),
                )
            )
    return wk.table(rows, widths)


def _front(doc: Doc) -> list[str]:
    ncy = doc.text("education.ncy")
    legal = doc.text("care.legal_status")
    camhs = doc.answer("health.camhs_involved")[0]
    return [
        _title("1. About me and my school"),
        wk.instruction("Pre-populated by the Virtual School; checked by the designated teacher."),
        _groups(
            [
                (
                    "Pupil",
                    [
                        ("Full name", _control(doc, doc.full_name(middle=False), "FullName")),
                        ("Date of birth", _date(doc, doc.text("child.date_of_birth"), "DOB")),
                        ("UPN", _control(doc, doc.text("child.upn"), "UPN")),
                        ("Ethnicity", _control(doc, doc.text("child.ethnicity"), "Ethnicity")),
                        (
                            "First language",
                            _control(doc, doc.text("child.first_language"), "Language"),
                        ),
                    ],
                ),
                (
                    "School",
                    [
                        (
                            "Name of school",
                            _control(doc, doc.text("education.setting_name"), "School"),
                        ),
                        ("DfE number", _control(doc, doc.text("education.laestab"), "DfE")),
                        ("Year group", _choice(doc, ncy, "Year", YEARS)),
                        (
                            "Designated teacher",
                            _control(doc, doc.text("education.designated_teacher.name"), "DT"),
                        ),
                        (
                            "DT email",
                            _control(
                                doc, doc.text("education.designated_teacher.email"), "DTEmail"
                            ),
                        ),
                        ("SEN status", _control(doc, doc.text("education.sen_provision"), "SEN")),
                        (
                            "Primary need",
                            _control(doc, doc.text("education.sen_primary_need"), "Need"),
                        ),
                    ],
                ),
                (
                    "Care",
                    [
                        ("Legal status", _choice(doc, legal, "Legal", LEGAL)),
                        (
                            "Date into care",
                            _date(doc, doc.text("care.date_became_looked_after"), "CareDate"),
                        ),
                        ("Carer(s)", _control(doc, doc.text("care.carer.name"), "Carer")),
                        ("Social worker", _control(doc, doc.text("care.social_worker.name"), "SW")),
                        (
                            "Social worker's email",
                            _control(doc, doc.text("care.social_worker.email"), "SWEmail"),
                        ),
                    ],
                ),
                (
                    "Health",
                    [
                        ("SDQ score", _control(doc, doc.text("health.sdq_score"), "SDQ")),
                        ("Date of SDQ", _date(doc, doc.text("health.sdq_date"), "SDQDate")),
                        (
                            "Involved with CAMHS?",
                            _choice(doc, camhs, "CAMHS", ["Yes", "No", "Y", "N"]),
                        ),
                    ],
                ),
                (
                    "PEP",
                    [
                        ("Date of this PEP", _date(doc, doc.text("meta.meeting_date"), "PEPDate")),
                        (
                            "Date of last PEP",
                            _date(doc, doc.text("meta.previous_pep_date"), "LastPEP"),
                        ),
                        (
                            "Date of next PEP",
                            _date(doc, doc.text("meta.next_review_date"), "NextPEP"),
                        ),
                    ],
                ),
            ]
        ),
    ]


def _attendance(doc: Doc) -> list[str]:
    """A sentence with the figures in controls inside it."""
    percent = doc.text("education.attendance.percent")
    missed = doc.text("education.attendance.sessions_missed")
    possible = doc.text("education.attendance.sessions_possible")
    return [
        _title("2. Attendance"),
        wk.para(
            wk.run("The pupil's attendance this academic year is ", size=20),
            wk.control(doc.ids, tag="AttPct", value=percent, size=20),
            wk.run(", having missed ", size=20),
            wk.control(doc.ids, tag="AttMissed", value=missed, size=20),
            wk.run(" of ", size=20),
            wk.control(doc.ids, tag="AttPossible", value=possible, size=20),
            wk.run(" possible sessions.", size=20),
            after=120,
        ),
        *_suspensions(doc),
    ]


def _suspensions(doc: Doc) -> list[str]:
    widths = [2600, 2000, WIDTH - 4600]
    rows = [header_row(["Suspension: first day", "Sessions", "Reason"], widths, fill=SHADE)]
    items = doc.items("education.exclusions")
    for index in range(max(1, len(items))):
        cells: list[str | None] = [None, None, None]
        if index < len(items):
            doc.exclusion_type(index)
            cells = [
                doc.cell("education.exclusions", index, "start_date"),
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
    return [wk.table(rows, widths)]


def _voice(doc: Doc) -> list[str]:
    widths = [3600, WIDTH - 3600]
    questions = [
        ("How do I feel about school?", doc.text("views.child")),
        ("What is going well?", doc.unplaced("whats_going_well", "What is going well", None)),
        ("What am I good at?", doc.unplaced("strengths", "What am I good at", "child.strengths")),
        ("What do I find hard?", doc.unplaced("worries", "What do I find hard", None)),
        ("What would help me?", doc.unplaced("help_wanted", "What would help me", None)),
        ("What do I enjoy outside school?", doc.text("child.leisure_interests")),
        ("What do I want to do when I am older?", doc.text("transition.aspirations")),
    ]
    rows = [header_row(["Question", "My answer"], widths, fill=SHADE)]
    for question, answer in questions:
        rows.append(
            wk.row(
                wk.label(question, widths[0], fill=SHADE),
                wk.cell(*box(doc, answer, style="typed", size=20), width=widths[1]),
                height=500,
            )
        )
    return [
        _title("3. My voice"),
        wk.instruction("Completed with the pupil before the meeting."),
        wk.table(rows, widths),
    ]


def _progress(doc: Doc) -> list[str]:
    widths = [2800, 2100, 2100, 2100, 1366]
    rows = [
        header_row(
            ["Subject", "Working at now", "End of year target", "Teacher comment", "On track?"],
            widths,
            fill=SHADE,
        )
    ]

    def on_track(index: int) -> list[str]:
        typed = doc.cell("attainment", index, "on_track")
        return _choice(doc, typed, f"OnTrack{min(index, 2) + 1}", ["Yes", "No", "Y", "N"])

    rows += grid_rows(
        doc,
        "attainment",
        [
            lambda i: box(doc, doc.cell("attainment", i, "subject"), style="typed", size=18),
            lambda i: box(doc, doc.cell("attainment", i, "current"), style="typed", size=18),
            lambda i: box(doc, doc.cell("attainment", i, "target"), style="typed", size=18),
            lambda i: [wk.para()],
            on_track,
        ],
        widths,
        printed_rows=3,
    )
    return [_title("4. Progress and attainment"), wk.table(rows, widths)]


def _review(doc: Doc) -> list[str]:
    """One checkbox column per outcome: the ticked column is the outcome."""
    outcomes = ["met", "partly_met", "not_met"]
    widths = [4300, 1100, 1100, 1100, 2866]
    rows = [
        header_row(
            ["Last PEP's target", "Fully met", "Partially met", "Not met", "Evidence"],
            widths,
            fill=SHADE,
        )
    ]

    def ticked(column: int) -> Callable[[int], list[str]]:
        def render(index: int) -> list[str]:
            chosen = None
            if index < len(doc.items("previous_targets")):
                chosen = doc.items("previous_targets")[index]["outcome"]
                if column == 0:
                    doc.item_code("previous_targets", index, "outcome")
            return [
                wk.para(
                    wk.checkbox_control(doc.ids, checked=chosen == outcomes[column]),
                    align="center",
                )
            ]

        return render

    rows += grid_rows(
        doc,
        "previous_targets",
        [
            lambda i: box(
                doc, doc.cell("previous_targets", i, "description"), style="typed", size=18
            ),
            ticked(0),
            ticked(1),
            ticked(2),
            lambda i: box(doc, doc.cell("previous_targets", i, "evidence"), style="typed", size=18),
        ],
        widths,
        printed_rows=3,
    )
    return [_title("5. Review of last PEP's targets"), wk.table(rows, widths)]


def _target(doc: Doc, index: int) -> list[str]:
    widths = [3300, WIDTH - 3300]
    items = doc.items("targets")
    code = None
    other = None
    if index < len(items):
        code = doc.item_code("targets", index, "area")
        if code not in dict((c, t) for t, c in AREAS):
            other = doc.say("targets.area", code)
    area_runs: list[str] = [wk.run("Area:  ", bold=True, size=18)]
    for text, value in AREAS:
        area_runs.append(wk.checkbox_control(doc.ids, checked=code == value))
        area_runs.append(wk.run(f" {text}     ", size=18))
    area_runs.append(wk.checkbox_control(doc.ids, checked=other is not None))
    area_runs.append(wk.run(" Other (please state): ", size=18))
    area_runs.append(wk.run(other or "", size=18))
    why = items[index].get("why") if index < len(items) else None
    if why is not None and not doc.blank:
        doc.truth.unplaced.append(
            {
                "label": "Reason for target (current situation)",
                "text": why,
                "suggested_path": "targets[].rationale",
            }
        )
    pairs = [
        ("Reason for target (current situation)", why),
        ("Outline SMART target", doc.cell("targets", index, "description")),
        (
            "Actions required (pupil, school, carer, social worker)",
            doc.cell("targets", index, "actions"),
        ),
        ("How will we know it has been achieved?", doc.cell("targets", index, "success_criteria")),
        ("Who is responsible?", doc.cell("targets", index, "lead")),
        ("To be achieved by", doc.cell("targets", index, "due_date")),
        ("PP+ requested for this target (£)", doc.cell("targets", index, "pp_plus_cost")),
    ]
    rows = [
        wk.title_row(f"SMART target {index + 1}", widths, fill=ACCENT),
        wk.row(wk.cell(wk.para(*area_runs), width=WIDTH, span=2)),
    ]
    for text, typed in pairs:
        rows.append(
            wk.row(
                wk.label(text, widths[0], fill=SHADE),
                wk.cell(*box(doc, typed, style="typed", size=20), width=widths[1]),
            )
        )
    return [wk.table(rows, widths), wk.gap()]


def _targets(doc: Doc) -> list[str]:
    blocks = [
        _title("6. SMART targets"),
        wk.instruction(
            "Three targets: English / literacy, maths and one other area (attendance, homework, "
            "another subject). A writing target at key stages 1 and 2."
        ),
    ]
    for index in range(max(3, len(doc.items("targets")))):
        blocks += _target(doc, index)
    total = doc.text("pp_plus.requested_total")
    blocks.append(
        wk.para(
            wk.run("Total PP+ requested this term: ", bold=True, size=20),
            wk.run(total or "\u00a3", size=20),
        )
    )
    return blocks


def _views(doc: Doc) -> list[str]:
    heads = ["Carer's views", "Designated teacher's views", "Social worker's views"]
    widths = [3488, 3489, 3489]
    answers = [doc.text("views.carer"), doc.text("views.school"), doc.text("views.social_worker")]
    return [
        _title("7. What the adults around me say"),
        wk.table(
            [
                header_row(heads, widths, fill=SHADE),
                wk.row(
                    *(
                        wk.cell(*box(doc, typed, style="typed", size=18), width=width)
                        for typed, width in zip(answers, widths, strict=True)
                    ),
                    height=1400,
                ),
            ],
            widths,
        ),
    ]


def _people(doc: Doc) -> list[str]:
    widths = [2900, 2600, 2966, 1000, 1000]
    emails = {
        "social_worker": "care.social_worker.email",
        "teacher": "education.designated_teacher.email",
        "carer": "care.carer.email",
    }
    rows = [header_row(["Name", "Role", "Email", "Invited", "Attended"], widths, fill=SHADE)]
    items = doc.items("attendees")
    for index in range(max(5, len(items))):
        name = role = email = None
        invited = attended = False
        if index < len(items):
            who = items[index]
            entry: dict[str, Any] = {
                "name": who["name"],
                "role": who["role"],
                "invited": who["invited"],
                "attended": who["attended"],
            }
            path = emails.get(attendee_kind(who["role"]))
            if path is not None and doc.value(path) is not None:
                email = doc.contact(entry, "email", path)
            doc.add_item("attendees", entry)
            name, role = who["name"], who["role"]
            invited, attended = who["invited"], who["attended"]
        rows.append(
            wk.row(
                wk.cell(*box(doc, name, style="typed", size=18), width=widths[0]),
                wk.cell(*box(doc, role, style="typed", size=18), width=widths[1]),
                wk.cell(*box(doc, email, style="typed", size=18), width=widths[2]),
                wk.cell(
                    wk.para(wk.checkbox_control(doc.ids, checked=invited), align="center"),
                    width=widths[3],
                ),
                wk.cell(
                    wk.para(wk.checkbox_control(doc.ids, checked=attended), align="center"),
                    width=widths[4],
                ),
            )
        )
    return [_title("8. Who was at the meeting"), wk.table(rows, widths)]


def _agreed(doc: Doc) -> list[str]:
    widths = [3400, 4000, 3066]
    rows = [header_row(["Role", "Name", "Date agreed"], widths, fill=SHADE)]
    for role, name_path, date_path in (
        (
            "Designated teacher",
            "education.designated_teacher.name",
            "signoff.designated_teacher_date",
        ),
        ("Social worker", "care.social_worker.name", "signoff.social_worker_date"),
        ("Virtual School", None, "signoff.virtual_school_date"),
    ):
        signatory = doc.signatory(role)
        name = date = None
        if name_path is not None and doc.value(date_path) is not None:
            name = signatory.name(name_path)
            date = signatory.date(date_path)
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill=SHADE),
                wk.cell(*box(doc, name, style="typed", size=18), width=widths[1]),
                wk.cell(*box(doc, date, style="typed", size=18), width=widths[2]),
            )
        )
    return [_title("9. Agreed by"), wk.table(rows, widths)]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan"), style="Title"),
        wk.para(
            wk.run(
                "Beddingfold Virtual School - statutory school age",
                bold=True,
                size=24,
                color=ACCENT,
            ),
            align="center",
        ),
        *_front(doc),
        *_attendance(doc),
        *_voice(doc),
        *_progress(doc),
        *_review(doc),
        *_targets(doc),
        *_views(doc),
        *_people(doc),
        *_agreed(doc),
    ]
    return document(
        "Personal Education Plan",
        "London Borough of Beddingfold",
        "Beddingfold Virtual School",
        "Beddingfold PEP (school age)",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="beddingfold-pep",
    set="dev",
    authority="London Borough of Beddingfold",
    source="sutton",
    phase="school_age",
    kind="docx",
    features=(
        "front details in three columns: a group name (Pupil, School, Care, Health, PEP) merged "
        "down the first column, labels in the second, content controls, date pickers and "
        "drop-downs in the third",
        "a year group or legal status wording not in a drop-down's list typed into a combo box",
        "attendance as a sentence with controls inside it ('... is [ ], having missed [ ] of [ ] "
        "possible sessions')",
        "pupil's voice as a Question / My answer table of first-person questions",
        "last targets reviewed by ticking one of three checkbox columns (Fully met / Partially "
        "met / Not met)",
        "one table per SMART target under a merged 'SMART target N' title, the area ticked among "
        "English / Maths / Other (please state) with the other area typed after it",
        "adults' views side by side, one column per adult",
        "attendees Name / Role / Email with checkbox controls for Invited and Attended",
        "agreement table Role / Name / Date agreed with no signature column",
    ),
    completions=(
        (
            "dev-jayden",
            Habits(dates=("dmy", "ordinal"), wording=1, ncy="year", yes_no=0, money="pence"),
        ),
        (
            "dev-oskar",
            Habits(
                dates=("long", "dots"),
                wording=0,
                ncy="yr",
                yes_no=1,
                money="pounds",
                percent="bare",
                blanks={"education.sen_primary_need": "n/a"},
            ),
        ),
    ),
    build=build,
)
