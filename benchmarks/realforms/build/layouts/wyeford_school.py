"""Wyeford PEP, after Herefordshire's description of its PEP (a document reviewed at a termly
meeting organised and chaired by the Virtual School Education Officer; the education views of
the child, school, carers and social worker; a Child's Voice section every child is encouraged
to contribute to; SMART targets with strategies and time frames, showing how pupil premium plus
will be used) in the house style of a public PEP whose carer section is sent to the carer to
fill in and bring to the meeting, and whose previous SMART targets are reviewed first.

Front details sit two to a row, each cell holding its label and, after a line break in the same
paragraph, the typed answer; Yes / No questions are a three-column checklist (question, Yes/No,
comment); the Child's Voice is a two-by-two grid of prompts with the answer under each prompt in
the same cell; the SMART target grid has two header rows (group titles over column names);
previous targets are marked Met / Partly met / Not met by deleting the other words; attendees
are marked Present or Apologies."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "385623"
SHADE = "E2EFD9"
WIDTH = 10466
HALF = WIDTH // 2
OUTCOMES = [("Met", "met"), ("Partly met", "partly_met"), ("Not met", "not_met")]


def _heading(number: int, title: str) -> str:
    return wk.para(
        wk.run(f"{number}. {title}", bold=True, size=24, color="FFFFFF"),
        shade=ACCENT,
        before=200,
        after=80,
        keep_next=True,
    )


def _stacked(label: str, typed: str | None) -> list[str]:
    """The label and, after a line break in the same paragraph, the typed answer."""
    runs = [wk.run(label, bold=True, size=16, color="385623")]
    if typed is not None:
        runs.append(wk.run("\n" + typed, size=20))
    else:
        runs.append(wk.run("\n", size=20))
    return [wk.para(*runs, after=40)]


def _details(doc: Doc) -> str:
    pairs = [
        ("Child's full name", doc.full_name()),
        ("Date of birth", doc.text("child.date_of_birth")),
        ("UPN", doc.text("child.upn")),
        ("Year group", doc.text("education.ncy")),
        ("Gender", doc.text("child.gender")),
        ("Ethnicity", doc.text("child.ethnicity")),
        ("School", doc.text("education.setting_name")),
        ("DfE number", doc.text("education.laestab")),
        ("Designated Teacher", doc.text("education.designated_teacher.name")),
        ("Designated Teacher's email", doc.text("education.designated_teacher.email")),
        ("Social Worker", doc.text("care.social_worker.name")),
        ("Social Worker's email", doc.text("care.social_worker.email")),
        ("Legal status", doc.text("care.legal_status")),
        ("Placement type", doc.text("care.placement_type")),
        ("Carer / placement", doc.text("care.carer.name")),
        ("Carer's phone", doc.text("care.carer.phone")),
        ("Date of this PEP", doc.text("meta.meeting_date")),
        ("Date of next PEP", doc.text("meta.next_review_date")),
    ]
    rows = []
    for start in range(0, len(pairs), 2):
        rows.append(
            wk.row(
                *(
                    wk.cell(*_stacked(label, typed), width=HALF)
                    for label, typed in pairs[start : start + 2]
                )
            )
        )
    return wk.table(rows, [HALF, WIDTH - HALF])


def _checklist(doc: Doc) -> str:
    widths = [5466, 1400, 3600]
    rows = [header_row(["Question", "Yes / No", "Comment"], widths, fill=SHADE)]
    for question, path, comment in (
        (
            "Is the child on a reduced or part-time timetable?",
            "education.part_time_timetable",
            doc.unplaced("part_time_reason", "Why the timetable is reduced", None),
        ),
        ("Is CAMHS involved?", "health.camhs_involved", None),
    ):
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(question, size=18)), width=widths[0]),
                wk.cell(*box(doc, doc.text(path), style="typed", size=18), width=widths[1]),
                wk.cell(*box(doc, comment, style="typed", size=18), width=widths[2]),
            )
        )
    return wk.table(rows, widths)


def _education(doc: Doc) -> list[str]:
    sessions = doc.text("education.attendance.sessions_missed")
    return [
        _heading(2, "Education"),
        _checklist(doc),
        wk.gap(),
        wk.para(
            wk.run("Attendance this term: ", bold=True),
            wk.run(doc.text("education.attendance.percent") or "\u2002" * 8),
            wk.run("     Sessions missed: ", bold=True),
            wk.run(sessions or "\u2002" * 6),
        ),
        wk.para(
            wk.run("SEN status: ", bold=True),
            wk.run(doc.text("education.sen_provision") or "\u2002" * 8),
            wk.run("     Primary need: ", bold=True),
            wk.run(doc.text("education.sen_primary_need") or "\u2002" * 8),
        ),
        *_attainment(doc),
    ]


def _attainment(doc: Doc) -> list[str]:
    widths = [3000, 2600, 2900, 1966]
    rows = [
        header_row(
            ["Subject", "Working at now", "End of year target", "On track?"], widths, fill=SHADE
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
    return [wk.para(wk.run("Progress", bold=True), before=120), wk.table(rows, widths)]


def _voice(doc: Doc) -> list[str]:
    prompts = [
        ("What I think about school", doc.text("views.child")),
        ("What I am good at", doc.unplaced("strengths", "What I am good at", None)),
        ("What I find hard or worries me", doc.unplaced("worries", "Worries", None)),
        ("What I want to do when I am older", doc.text("transition.aspirations")),
    ]
    rows = []
    for start in (0, 2):
        rows.append(
            wk.row(
                *(
                    wk.cell(
                        wk.para(wk.run(prompt, bold=True, size=18)),
                        *box(doc, typed, style="typed", size=18),
                        width=HALF,
                    )
                    for prompt, typed in prompts[start : start + 2]
                ),
                height=1200,
            )
        )
    return [_heading(3, "Child's Voice"), wk.table(rows, [HALF, WIDTH - HALF])]


def _views(doc: Doc) -> list[str]:
    out = [_heading(4, "What the adults say")]
    for label, path, note in (
        (
            "Carer's section",
            "views.carer",
            "To be completed by the carer before the meeting and brought to it.",
        ),
        ("School", "views.school", None),
        ("Social Worker", "views.social_worker", None),
    ):
        out.append(wk.para(wk.run(label, bold=True), before=100, keep_next=True))
        if note:
            out.append(wk.instruction(note))
        out.extend(box(doc, doc.text(path), style="typed"))
    return out


def _previous(doc: Doc) -> list[str]:
    widths = [4200, 2400, 3866]
    rows = [
        header_row(
            [
                "Previous SMART target",
                "Met / Partly met / Not met (delete as appropriate)",
                "Impact of PP+ and evidence",
            ],
            widths,
            fill=SHADE,
            size=16,
        )
    ]

    def outcome(index: int) -> list[str]:
        if index >= len(doc.items("previous_targets")):
            chosen = None
        else:
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
    return [_heading(5, "Review of previous SMART targets"), wk.table(rows, widths)]


def _targets(doc: Doc) -> list[str]:
    widths = [1300, 2200, 1800, 2000, 1266, 1000, 900]
    groups = wk.row(
        wk.label("SMART target", widths[0] + widths[1] + widths[2], fill=SHADE, span=3),
        wk.label("How we will get there", sum(widths[3:]), fill=SHADE, span=4),
        header=True,
    )
    names = header_row(
        [
            "Area",
            "Specific target",
            "How will we measure it?",
            "Strategies",
            "Who",
            "Time frame",
            "PP+ £",
        ],
        widths,
        fill=SHADE,
        size=14,
    )
    rows = [groups, names]
    rows += grid_rows(
        doc,
        "targets",
        each(
            (
                "area",
                "description",
                "success_criteria",
                "actions",
                "lead",
                "due_date",
                "pp_plus_cost",
            ),
            lambda f, i: box(doc, doc.cell("targets", i, f), style="typed", size=16),
        ),
        widths,
        printed_rows=3,
    )
    return [
        _heading(6, "SMART targets and Pupil Premium Plus"),
        wk.table(rows, widths),
        wk.para(
            wk.run("Total PP+ requested this term: ", bold=True),
            wk.run(doc.text("pp_plus.requested_total") or "\u2002" * 8),
            before=80,
        ),
    ]


def _people(doc: Doc) -> list[str]:
    widths = [3800, 4266, 2400]
    rows = [header_row(["Name", "Role", "Present / Apologies"], widths, fill=SHADE)]
    count = max(5, len(doc.items("attendees")))
    for index in range(count):
        items = doc.items("attendees")
        cells: tuple[str | None, ...] = (None, None, None)
        if index < len(items) and items[index]["invited"]:
            who = items[index]
            entry: dict[str, Any] = {
                "name": who["name"],
                "role": who["role"],
                "attended": who["attended"],
            }
            doc.add_item("attendees", entry)
            cells = (who["name"], who["role"], "Present" if who["attended"] else "Apologies")
        rows.append(
            wk.row(
                *(
                    wk.cell(*box(doc, typed, style="typed", size=18), width=width)
                    for typed, width in zip(cells, widths, strict=True)
                )
            )
        )
    return [
        _heading(7, "Who was at the meeting"),
        wk.para(
            wk.run(
                "Meeting organised and chaired by the Virtual School Education Officer.",
                italic=True,
                size=16,
            )
        ),
        wk.table(rows, widths),
    ]


def _signatures(doc: Doc) -> list[str]:
    out = [_heading(8, "Agreed")]
    for role, who, date_path in (
        ("Designated Teacher", "designated_teacher", "signoff.designated_teacher_date"),
        ("Social Worker", "social_worker", "signoff.social_worker_date"),
    ):
        signatory = doc.signatory(role)
        signature = signatory.signature(who)
        date = signatory.date(date_path) if signature is not None else None
        out.append(
            wk.para(
                wk.run(f"{role} signature: ", bold=True),
                wk.run(signature or "\u2026" * 12),
                wk.run("    Date: ", bold=True),
                wk.run(date or "\u2026" * 8),
                before=120,
            )
        )
    return out


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan (PEP)"), style="Title"),
        wk.para(
            wk.run(
                "Reviewed every term. The Virtual School Education Officer organises and chairs "
                "the meeting; the school uploads the information below before it.",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        _heading(1, "About me"),
        _details(doc),
        *_education(doc),
        *_voice(doc),
        *_views(doc),
        *_previous(doc),
        *_targets(doc),
        *_people(doc),
        *_signatures(doc),
    ]
    return document(
        "Personal Education Plan",
        "Wyeford Council",
        "Wyeford Virtual School",
        "PEP (Wyeford) - termly",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="wyeford-pep",
    set="dev",
    authority="Wyeford Council",
    source="herefordshire",
    style_sources=("pep-carer-section",),
    phase="school_age",
    kind="docx",
    features=(
        "front details two to a row, each cell holding its label and, after a line break in "
        "the same paragraph, the typed answer; full name in one box; DfE number NNN/NNNN",
        "numbered section headings on a dark shaded band",
        "Yes / No questions as a checklist table (Question / Yes / No / Comment)",
        "'Label: value' pairs typed two to a line (attendance and sessions missed, SEN status "
        "and primary need)",
        "Child's Voice as a two-by-two grid of prompts with the answer under each prompt in the "
        "same cell",
        "a carer's section with a 'To be completed by the carer' line",
        "previous targets marked Met / Partly met / Not met by deleting the other words",
        "SMART target grid with two header rows (group titles over column names) and a PP+ £ "
        "column; total PP+ requested on a line under it",
        "attendee table Name / Role / Present / Apologies (those not invited left off)",
        "signature lines 'Role signature: ... Date: ...'",
    ),
    completions=(
        (
            "dev-callum",
            Habits(
                dates=("ordinal", "dmy"),
                wording=1,
                ncy="yr",
                blanks={"pp_plus.requested_total": "-"},
            ),
        ),
        (
            "dev-harvey",
            Habits(
                dates=("dmy2", "long"),
                wording=2,
                yes_no=1,
                ncy="y",
                money="pence",
                percent="bare",
                blanks={"transition.aspirations": "N/A"},
            ),
        ),
    ),
    build=build,
)
