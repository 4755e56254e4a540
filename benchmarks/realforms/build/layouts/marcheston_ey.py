"""Marcheston early years PEP, after Shropshire Virtual School's description of "Our Shropshire
PEP" for the early years (a PEP for every looked-after child from pre-school, held by the setting
with the social worker and carers; it identifies needs and interventions that support learning
through play and the acquisition of language and skills; the social worker completes and signs
off the social worker "single page", the designated person chairs the meeting and makes sure
"My PEP" gives a concise picture; EYPP+ paid to the setting from the term after the third
birthday).

The social worker's single page is a grid of content controls with no printed labels: each
control's placeholder ("Enter child's date of birth") and its title say what it holds, and once
typed over only the title is left. The page is signed off with a ticked confirmation, a name
and a date on one line. Development is a grid of Development Matters age bands (months) across
the top and the prime areas down the side, with "N" typed in the band the child works within now
and "T" in the band expected by the next PEP ("N T" when they are the same). The voice questions
are numbered paragraphs with the answers indented under them; last next steps are marked Yes /
Nearly / Not yet by highlighting; attendees give name and role in one cell ("Name - role") with
a typed tick or cross."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Layout,
    document,
    each,
    grid_rows,
    header_row,
    label_rows,
)

ACCENT = "B45F06"
SHADE = "FCE5CD"
WIDTH = 10466
HALF = WIDTH // 2
PRIME = [
    "Personal, social and emotional development",
    "Communication and language",
    "Physical development",
]
BANDS = ["0-11", "8-20", "16-26", "22-36", "30-50", "40-60"]
OUTCOMES = [("Yes", "met"), ("Nearly", "partly_met"), ("Not yet", "not_met")]


def _part(number: int, title: str, who: str) -> list[str]:
    return [
        wk.para(
            wk.run(f"Part {number}  ", bold=True, size=26, color=ACCENT),
            wk.run(title, bold=True, size=26),
            before=240,
            after=40,
            keep_next=True,
        ),
        wk.instruction(who),
    ]


def _unlabelled(doc: Doc, name: str, typed: str | None) -> list[str]:
    """A control whose only label is its title and its "Enter ..." placeholder."""
    lowered = name[0].lower() + name[1:]
    control = wk.control(
        doc.ids,
        tag=name.replace(" ", "").replace("'", ""),
        alias=name,
        value=typed,
        placeholder=f"Enter {lowered}",
        size=20,
    )
    return [wk.para(control, after=40)]


def _single_page(doc: Doc) -> list[str]:
    boxes = [
        ("Child's full name", doc.full_name()),
        ("Child's date of birth", doc.text("child.date_of_birth")),
        ("Gender", doc.text("child.gender")),
        ("Ethnicity", doc.text("child.ethnicity")),
        ("Legal status", doc.text("care.legal_status")),
        ("Date the child came into care", doc.text("care.date_became_looked_after")),
        ("Type of placement", doc.text("care.placement_type")),
        ("Date the placement started", doc.text("care.placement_start_date")),
        ("Carer's name", doc.text("care.carer.name")),
        ("Carer's phone number", doc.text("care.carer.phone")),
        ("Social worker's phone number", doc.text("care.social_worker.phone")),
        ("Social worker's email address", doc.text("care.social_worker.email")),
    ]
    rows = [
        wk.row(
            *(
                wk.cell(*_unlabelled(doc, name, typed), width=HALF)
                for name, typed in boxes[start : start + 2]
            ),
            height=420,
        )
        for start in range(0, len(boxes), 2)
    ]
    health = doc.unplaced("health", "Health needs the setting should know about", "health.notes")
    rows.append(
        wk.row(
            wk.cell(
                *_unlabelled(doc, "Health needs the setting should know about", health),
                width=WIDTH,
                span=2,
            ),
            height=700,
        )
    )
    worker = doc.signatory("Social worker")
    date = worker.date("signoff.social_worker_date")
    name = worker.name("care.social_worker.name") if date is not None else None
    confirmed = date is not None
    signoff = wk.para(
        wk.run(wk.TICKED_BOX if confirmed else wk.EMPTY_BOX, font="Segoe UI Symbol", size=20),
        wk.run(" I confirm this page is up to date.   ", size=18),
        wk.run("Social worker: ", bold=True, size=18),
        wk.run(name or "\u2026" * 12, size=18),
        wk.run("   Date: ", bold=True, size=18),
        wk.run(date or "\u2026" * 8, size=18),
        before=80,
    )
    return [
        *_part(
            1,
            "Social worker's single page",
            "To be completed and signed off by the child's social worker before the PEP meeting.",
        ),
        wk.table(rows, [HALF, WIDTH - HALF]),
        signoff,
    ]


def _setting(doc: Doc) -> list[str]:
    def typed(text: str | None) -> list[str]:
        return box(doc, text, style="typed", size=18)

    pairs = [
        ("Name of setting", typed(doc.text("education.setting_name"))),
        ("Ofsted URN", typed(doc.text("education.urn"))),
        ("Date started at the setting", typed(doc.text("education.date_joined"))),
        ("Foundation year", typed(doc.text("education.ncy"))),
        ("Designated person", typed(doc.text("education.designated_teacher.name"))),
        ("Designated person's email", typed(doc.text("education.designated_teacher.email"))),
        ("Key person", typed(doc.unplaced("key_adult", "Key person", None))),
        ("Funded hours", typed(doc.unplaced("hours", "Funded hours", None))),
        ("Attendance this term", typed(doc.text("education.attendance.percent"))),
        ("SEND", typed(doc.text("education.sen_provision"))),
        ("Date of this PEP", typed(doc.text("meta.meeting_date"))),
        ("Date of last PEP", typed(doc.text("meta.previous_pep_date"))),
        ("Date of next PEP", typed(doc.text("meta.next_review_date"))),
        ("Next PEP chaired by", typed(doc.unplaced("next_chair", "Next PEP chaired by", None))),
    ]
    widths = [2100, 3133, 2100, 3133]
    return [
        *_part(2, "My setting", "To be completed by the designated person at the setting."),
        wk.table(label_rows(pairs, widths, fill=SHADE), widths),
    ]


def _development(doc: Doc) -> list[str]:
    """Prime areas down the side, age bands across the top; N now, T by the next PEP."""
    widths = [3166] + [1216] * 5 + [1220]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    rows = [
        wk.row(
            wk.cell(wk.para(), width=widths[0], fill=SHADE),
            wk.cell(
                wk.para(
                    wk.run("Development Matters age band (months)", bold=True, size=18),
                    align="center",
                ),
                width=sum(widths[1:]),
                fill=SHADE,
                span=len(BANDS),
            ),
            header=True,
        ),
        header_row(["Prime area", *(f"{band} months" for band in BANDS)], widths, fill=SHADE),
    ]
    for subject in PRIME:
        index = by_subject.get(subject)
        marks_in: dict[str, list[str]] = {}
        if index is not None and not doc.blank:
            item = doc.items("attainment")[index]
            found = doc.truth.item("attainment", index)
            found["subject"] = subject
            for letter, field in (("N", "current"), ("T", "target")):
                band = str(item[field]).replace(" months", "")
                marks_in.setdefault(band, []).append(letter)
                found[field] = f"{band} months"
        rows.append(
            wk.row(
                wk.label(subject, widths[0], fill=SHADE),
                *(
                    wk.cell(
                        wk.para(
                            wk.run(" ".join(marks_in.get(band, [])), bold=True, size=20),
                            align="center",
                        ),
                        width=width,
                    )
                    for band, width in zip(BANDS, widths[1:], strict=True)
                ),
                height=500,
            )
        )
    return [
        *_part(
            3,
            "My learning and development",
            "To be completed by the key person before the meeting.",
        ),
        wk.para(
            wk.run(
                "Type N in the band the child is working within now and T in the band you expect "
                "by the next PEP.",
                italic=True,
                size=16,
            ),
            after=60,
        ),
        wk.table(rows, widths),
    ]


def _voice(doc: Doc) -> list[str]:
    questions = [
        ("What do I enjoy doing?", doc.text("child.leisure_interests")),
        ("How do I show you what I think and feel?", doc.text("views.child")),
        ("I am happy when ...", doc.unplaced("happy_when", "I am happy when", None)),
        ("My friends are ...", doc.unplaced("friends", "My friends", None)),
        ("What do my carers say?", doc.text("views.carer")),
        ("What does my key person say?", doc.text("views.school")),
        ("What does my social worker say?", doc.text("views.social_worker")),
    ]
    blocks = [*_part(4, "My voice", "Gathered by the key person with the child and carers.")]
    for number, (question, answer) in enumerate(questions, start=1):
        blocks.append(
            wk.para(
                wk.run(f"{number}.  {question}", bold=True, size=20),
                before=120,
                after=20,
                keep_next=True,
            )
        )
        blocks.append(wk.para(wk.run(answer or "", size=20), indent=567, after=60))
    return blocks


def _last_steps(doc: Doc) -> list[str]:
    widths = [4600, 2300, 3566]
    rows = [
        header_row(["My last next step", "Did I get there?", "What helped"], widths, fill=SHADE)
    ]

    def outcome(index: int) -> list[str]:
        chosen = doc.item_code("previous_targets", index, "outcome")
        return [wk.para(*marks(OUTCOMES, chosen, style="highlight", doc=doc))]

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
    return [
        *_part(5, "How did I get on?", "Reviewed at the meeting; highlight one answer."),
        wk.table(rows, widths),
    ]


def _next_steps(doc: Doc) -> list[str]:
    widths = [1700, 2600, 2500, 1500, 1166, 1000]
    rows = [
        header_row(
            [
                "Area of learning",
                "What I will learn next",
                "How the adults will help me",
                "Who will help",
                "By when",
                "EYPP+ £",
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
            ("area", "description", "actions", "lead", "due_date", "pp_plus_cost"),
            lambda f, i: box(doc, doc.cell("targets", i, f), style="typed", size=18),
        ),
        widths,
        printed_rows=3,
    )
    spend = doc.unplaced("eypp_use", "How EYPP+ will be spent", None)
    return [
        *_part(
            6, "My next steps", "Agreed at the meeting: learning through play, language and skills."
        ),
        wk.table(rows, widths),
        wk.para(
            wk.run("How will EYPP+ be spent this term? ", bold=True, size=18),
            wk.run(spend or "", size=18),
            before=80,
        ),
    ]


def _people(doc: Doc) -> list[str]:
    widths = [5200, 3266, 2000]
    rows = [
        header_row(["Name - role", "Email or phone", "Came? (\u2713 / \u2717)"], widths, fill=SHADE)
    ]
    contacts = {
        "Social worker": "care.social_worker.phone",
        "Foster carer": "care.carer.phone",
    }
    items = doc.items("attendees")
    for index in range(max(5, len(items))):
        cells: tuple[str | None, ...] = (None, None, None)
        if index < len(items):
            who = items[index]
            entry: dict[str, Any] = {
                "name": who["name"],
                "role": who["role"],
                "attended": who["attended"],
            }
            path = contacts.get(who["role"])
            contact = doc.contact(entry, path.rsplit(".", 1)[1], path) if path else None
            doc.add_item("attendees", entry)
            cells = (
                f"{who['name']} - {who['role']}",
                contact,
                "\u2713" if who["attended"] else "\u2717",
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
        *_part(7, "Who came to my PEP meeting", "Recorded by the chair."),
        wk.table(rows, widths),
    ]


def _chair(doc: Doc) -> list[str]:
    chair = doc.signatory("Chair of the meeting (designated person)")
    signature = chair.signature("designated_teacher")
    name = date = None
    if signature is not None:
        name = chair.name("education.designated_teacher.name")
        date = chair.date("signoff.designated_teacher_date")
    return [
        wk.para(
            wk.run("Chair of the meeting (designated person)", bold=True, size=18),
            before=200,
            keep_next=True,
        ),
        wk.para(
            wk.run("Name: ", bold=True, size=18),
            wk.run(name or "\u2026" * 14, size=18),
            wk.run("   Signature: ", bold=True, size=18),
            wk.run(signature or "\u2026" * 10, size=18),
            wk.run("   Date: ", bold=True, size=18),
            wk.run(date or "\u2026" * 8, size=18),
        ),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Our Marcheston PEP"), style="Title"),
        wk.para(
            wk.run(
                "Early Years: from two to the end of Reception", bold=True, size=28, color=ACCENT
            ),
            align="center",
        ),
        wk.para(
            wk.run(
                "The PEP is part of the child's care plan. The social worker completes the single "
                "page; the designated person prepares My PEP and chairs the meeting.",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        *_single_page(doc),
        *_setting(doc),
        *_development(doc),
        *_voice(doc),
        *_last_steps(doc),
        *_next_steps(doc),
        *_people(doc),
        *_chair(doc),
    ]
    return document(
        "Our Marcheston PEP - Early Years",
        "Marcheston Council",
        "Marcheston Virtual School",
        "Our Marcheston PEP (EY)",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="marcheston-early-years-pep",
    set="dev",
    authority="Marcheston Council",
    source="shropshire",
    phase="early_years",
    kind="docx",
    features=(
        "social worker's single page: content controls with no printed label, named only by "
        "their title and an 'Enter ...' placeholder (gone once typed over)",
        "single page signed off on one line: a ticked confirmation, 'Social worker:' name and "
        "'Date:'",
        "four-column label / answer table typed into (My setting)",
        "age-band grid: prime areas down the side, Development Matters bands (months) across the "
        "top under a merged title, 'N' typed in the band now and 'T' in the band by the next PEP",
        "voice questions as numbered bold paragraphs with the answer indented under each",
        "last next steps marked Yes / Nearly / Not yet by highlighting",
        "next steps grid Area of learning / What I will learn next / How the adults will help me "
        "/ Who will help / By when / EYPP+ £",
        "attendees with 'Name - role' in one cell, email or phone, and a typed tick or cross",
        "chair's Name: Signature: Date: line",
    ),
    completions=(
        (
            "dev-poppy",
            Habits(dates=("ordinal", "dmy2"), wording=1, ncy="f", money="pounds"),
        ),
        (
            "dev-esme",
            Habits(
                dates=("long", "slash"),
                wording=0,
                ncy="year",
                money="pence",
                percent="space",
                month_only=frozenset({"meta.previous_pep_date"}),
            ),
        ),
    ),
    build=build,
)
