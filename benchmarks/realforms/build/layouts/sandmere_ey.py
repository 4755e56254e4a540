"""Sandmere early years PEP, after Sefton's early years PEP (a PEP for every cared for child at
a nursery or childminder from the age of two, the joint responsibility of the social worker
and the setting's designated practitioner, reviewed once a term with the carers) in the house
style of a public "Early Years Personal Education Plan for Children in Care" (the social worker
completes section A, the setting the rest). Details are asked in column-header tables: a row of
shaded headings with the answers in the row below. Progress is a transposed grid (the prime
areas across the top, "Now" and "By the next PEP" down the side). Next steps carry an EYPP
column; the attendee table marks who attended with a typed Y / N; the sign-off grid has the
signatories as columns and Name / Signature / Date as rows."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Layout,
    document,
    each,
    grid_rows,
    header_row,
    question_below,
)

ACCENT = "7030A0"
SHADE = "E4DFEC"
WIDTH = 10466
PRIME = [
    "Personal, social and emotional development",
    "Communication and language",
    "Physical development",
]


def _section(letter: str, title: str, who: str) -> list[str]:
    return [
        wk.para(wk.run(f"Section {letter}: {title}", bold=True, size=24, color=ACCENT), before=160),
        wk.instruction(f"To be completed by {who}"),
    ]


def _headed(doc: Doc, pairs: list[tuple[str, str | None]], widths: list[int]) -> str:
    """One row of shaded headings with the answers typed in the row below."""
    heads = header_row([label for label, _ in pairs], widths, fill=SHADE, size=16)
    answers = wk.row(
        *(
            wk.cell(*box(doc, typed, style="typed", size=18), width=width)
            for (_, typed), width in zip(pairs, widths, strict=True)
        ),
        height=400,
    )
    return wk.table([heads, answers], widths)


def _section_a(doc: Doc) -> list[str]:
    return [
        *_section("A", "About me", "the social worker before the meeting"),
        _headed(
            doc,
            [
                ("Child's first name", doc.text("child.first_name")),
                ("Surname", doc.text("child.last_name")),
                ("Date of birth", doc.text("child.date_of_birth")),
                ("Gender", doc.text("child.gender")),
                ("Ethnicity", doc.text("child.ethnicity")),
            ],
            [2000, 2200, 1900, 1500, 2866],
        ),
        wk.gap(),
        _headed(
            doc,
            [
                ("Legal status", doc.text("care.legal_status")),
                ("Date came into care", doc.text("care.date_became_looked_after")),
                ("Type of placement", doc.text("care.placement_type")),
                ("Placement started", doc.text("care.placement_start_date")),
            ],
            [2600, 2400, 3066, 2400],
        ),
        wk.gap(),
        _headed(
            doc,
            [
                ("Social worker", doc.text("care.social_worker.name")),
                ("Social worker's phone", doc.text("care.social_worker.phone")),
                ("Carer(s)", doc.text("care.carer.name")),
                ("Carer's phone", doc.text("care.carer.phone")),
            ],
            [2600, 2400, 3066, 2400],
        ),
        wk.gap(),
        _headed(
            doc,
            [
                (
                    "Health needs the setting should know about",
                    doc.unplaced("health", "Health needs", "health.notes"),
                ),
            ],
            [WIDTH],
        ),
    ]


def _section_b(doc: Doc) -> list[str]:
    return [
        *_section("B", "My setting", "the designated practitioner"),
        _headed(
            doc,
            [
                ("Date of PEP meeting", doc.text("meta.meeting_date")),
                ("Date of last PEP", doc.text("meta.previous_pep_date")),
                ("Date of next PEP", doc.text("meta.next_review_date")),
            ],
            [3488, 3489, 3489],
        ),
        wk.gap(),
        _headed(
            doc,
            [
                ("Name of setting", doc.text("education.setting_name")),
                ("Ofsted URN", doc.text("education.urn")),
                ("Date started at setting", doc.text("education.date_joined")),
            ],
            [4466, 2600, 3400],
        ),
        wk.gap(),
        _headed(
            doc,
            [
                ("Designated practitioner", doc.text("education.designated_teacher.name")),
                ("Key person", doc.unplaced("key_adult", "Key person", None)),
                ("Funded hours and days", doc.unplaced("hours", "Funded hours", None)),
            ],
            [3488, 3489, 3489],
        ),
        wk.gap(),
        _headed(
            doc,
            [
                ("Attendance %", doc.text("education.attendance.percent")),
                ("SEN status", doc.text("education.sen_provision")),
                ("Year group", doc.text("education.ncy")),
            ],
            [3488, 3489, 3489],
        ),
    ]


def _voices(doc: Doc) -> list[str]:
    rows = []
    for question, path in (
        ("What does the child enjoy, and how do they tell or show us?", "views.child"),
        ("What do the carers say?", "views.carer"),
        ("What does the key person / setting say?", "views.school"),
    ):
        rows += question_below(
            question, box(doc, doc.text(path), style="typed", size=18), WIDTH, fill=SHADE
        )
    rows += question_below(
        "What I like to do",
        box(doc, doc.text("child.leisure_interests"), style="typed", size=18),
        WIDTH,
        fill=SHADE,
    )
    return [
        *_section("C", "My voice", "the key person with the child and carers"),
        wk.table(rows, [WIDTH]),
    ]


def _progress(doc: Doc) -> list[str]:
    """The prime areas across the top; the bands now and expected down the side."""
    widths = [2466, 2666, 2667, 2667]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    now: list[str | None] = []
    later: list[str | None] = []
    for subject in PRIME:
        index = by_subject.get(subject)
        if index is None:
            now.append(None)
            later.append(None)
            continue
        doc.truth.item("attainment", index)["subject"] = subject
        now.append(doc.cell("attainment", index, "current"))
        later.append(doc.cell("attainment", index, "target"))
    rows = [
        header_row(["Prime area", *PRIME], widths, fill=SHADE, size=16),
        wk.row(
            wk.label("Now (age band, months)", widths[0], fill=SHADE),
            *(
                wk.cell(*box(doc, typed, style="typed", size=18), width=width)
                for typed, width in zip(now, widths[1:], strict=True)
            ),
        ),
        wk.row(
            wk.label("By the next PEP", widths[0], fill=SHADE),
            *(
                wk.cell(*box(doc, typed, style="typed", size=18), width=width)
                for typed, width in zip(later, widths[1:], strict=True)
            ),
        ),
    ]
    return [
        *_section("D", "How I am getting on", "the designated practitioner"),
        wk.para(
            wk.run(
                "Give the Development Matters age band the child is working within.",
                italic=True,
                size=16,
            )
        ),
        wk.table(rows, widths),
    ]


def _next_steps(doc: Doc) -> list[str]:
    widths = [1500, 2700, 2600, 1500, 1166, 1000]
    rows = [
        header_row(
            ["Area", "My next step", "How we will help me", "Who", "Review by", "EYPP £"],
            widths,
            fill=SHADE,
            size=16,
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("area", "description", "actions", "lead", "due_date", "pp_plus_cost"),
            lambda f, i: box(doc, doc.cell("targets", i, f), style="typed", size=18),
        ),
        widths,
        printed_rows=3,
    )
    return [
        *_section("E", "My next steps", "everyone at the meeting"),
        wk.table(rows, widths),
        wk.gap(),
        _headed(
            doc,
            [
                (
                    "How will the Early Years Pupil Premium be used?",
                    doc.unplaced("eypp_use", "EYPP use", None),
                )
            ],
            [WIDTH],
        ),
    ]


def _attendees(doc: Doc) -> list[str]:
    widths = [3600, 4266, 1300, 1300]
    rows = [header_row(["Name", "Role", "Invited", "Attended"], widths, fill=SHADE)]
    count = max(5, len(doc.items("attendees")))
    for index in range(count):
        items = doc.items("attendees")
        cells: tuple[str | None, ...] = (None, None, None, None)
        if index < len(items):
            who = items[index]
            entry: dict[str, Any] = {
                "name": who["name"],
                "role": who["role"],
                "invited": who["invited"],
                "attended": who["attended"],
            }
            doc.add_item("attendees", entry)
            cells = (
                who["name"],
                who["role"],
                "Y" if who["invited"] else "N",
                "Y" if who["attended"] else "N",
            )
        rows.append(
            wk.row(
                *(
                    wk.cell(*box(doc, typed, style="typed", size=18), width=width)
                    for typed, width in zip(cells, widths, strict=True)
                )
            )
        )
    return [
        *_section("F", "Who came to my PEP meeting", "the designated practitioner"),
        wk.table(rows, widths),
    ]


def _signoff(doc: Doc) -> list[str]:
    """Signatories as columns; Name / Signature / Date as rows."""
    widths = [2466, 4000, 4000]
    columns = []
    for role, who, name_path, date_path in (
        (
            "Designated practitioner",
            "designated_teacher",
            "education.designated_teacher.name",
            "signoff.designated_teacher_date",
        ),
        ("Social worker", "social_worker", "care.social_worker.name", "signoff.social_worker_date"),
    ):
        signatory = doc.signatory(role)
        signature = signatory.signature(who)
        if signature is None:
            columns.append((None, None, None))
            continue
        columns.append((signatory.name(name_path), signature, signatory.date(date_path)))
    rows = [header_row(["", "Designated practitioner", "Social worker"], widths, fill=SHADE)]
    for number, label in enumerate(("Name", "Signature", "Date")):
        rows.append(
            wk.row(
                wk.label(label, widths[0], fill=SHADE),
                *(
                    wk.cell(*box(doc, column[number], style="typed", size=18), width=width)
                    for column, width in zip(columns, widths[1:], strict=True)
                ),
            )
        )
    return [
        *_section("G", "Agreed by", "the designated practitioner and the social worker"),
        wk.table(rows, widths),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("EARLY YEARS PERSONAL EDUCATION PLAN"), style="Title"),
        wk.para(wk.run("FOR CHILDREN IN CARE", bold=True, size=28, color=ACCENT), align="center"),
        wk.para(
            wk.run(
                "For every cared for child at a nursery, pre-school or childminder from the age "
                "of two. Reviewed once a term with the carers.",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        *_section_a(doc),
        *_section_b(doc),
        *_voices(doc),
        *_progress(doc),
        *_next_steps(doc),
        *_attendees(doc),
        *_signoff(doc),
    ]
    return document(
        "Early Years Personal Education Plan",
        "Sandmere Metropolitan Borough Council",
        "Sandmere Virtual School - Early Years",
        "EY PEP (Sandmere)",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="sandmere-early-years-pep",
    set="dev",
    authority="Sandmere Metropolitan Borough Council",
    source="sefton",
    style_sources=("ey-pep-children-in-care",),
    phase="early_years",
    kind="docx",
    features=(
        "column-header tables: a row of shaded headings with the typed answers in the row "
        "below, up to five to a row (first name and surname apart)",
        "sections A to G each with a 'To be completed by ...' line",
        "questions in shaded rows with the answer in the row below",
        "transposed progress grid: prime areas across the top, 'Now' and 'By the next PEP' "
        "down the side",
        "next steps grid Area / My next step / How we will help me / Who / Review by / EYPP £",
        "attendee table Name / Role / Invited / Attended answered Y / N",
        "sign-off grid with the signatories as columns and Name / Signature / Date as rows",
    ),
    completions=(
        (
            "dev-alfie",
            Habits(dates=("dmy", "ordinal"), wording=1, ncy="f", money="pence"),
        ),
        (
            "dev-esme",
            Habits(
                dates=("dots", "dmy2"),
                wording=0,
                ncy="year",
                money="bare",
                percent="space",
                blanks={"education.urn": "N/A"},
            ),
        ),
    ),
    build=build,
)
