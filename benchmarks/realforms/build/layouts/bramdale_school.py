"""Bramdale PEP action plan and review, after Bradford's guidance for schools: the school
completes the action plan part of the PEP and gives the social worker a copy, reviews the
previous PEP with the PEP review document before setting new targets, asks the Virtual School
for additional funds over and above Pupil Premium Plus on a request form, and the Virtual
School checks PEPs with a quality assurance audit tool. A plain Word form: questions in shaded
rows with their answers in the row below, tick-box groups typed as ☐/☒ (or an X over the
box), an exclusions grid, who was present and who sent apologies written as one line each,
the targets as an action plan with differently worded columns, and a Red / Amber / Green QA
outcome circled by highlight."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks, yes_no
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "375623"
SHADE = "E2EFD9"
SEN = [("No SEN", "N"), ("SEN Support", "K"), ("EHCP", "E")]
PLANS = [("EHCP", "EHCP"), ("PSP", "PSP"), ("IEP", "IEP")]
MET = [("Yes", "met"), ("Partly", "partly_met"), ("No", "not_met")]
RAG = [("Red", "red"), ("Amber", "amber"), ("Green", "green")]
EX_TYPES = {"FIXD": "Fixed term", "LNCH": "Lunchtime", "PERM": "Permanent"}


def _typed(doc: Doc, text: str | None, size: int = 18) -> list[str]:
    return box(doc, text, style="typed", size=size)


def _boxes(doc: Doc) -> str:
    return doc.quirk("boxes") or "glyph"


def _qa_rows(doc: Doc, items: list[tuple[str, list[str]]]) -> str:
    """Each question in a shaded row, its answer in the row below."""
    width = wk.TEXT_W
    rows = []
    for question, answer in items:
        rows.append(
            wk.row(wk.cell(wk.para(wk.run(question, bold=True, size=18)), width=width, fill=SHADE))
        )
        rows.append(wk.row(wk.cell(*answer, width=width), height=600))
    return wk.table(rows, [width])


def _details(doc: Doc) -> str:
    widths = [2600, 2633, 2600, 2633]
    pairs = [
        ("Pupil name", doc.full_name()),
        ("Date of birth", doc.text("child.date_of_birth")),
        ("Year group", doc.text("education.ncy")),
        ("UPN", doc.text("child.upn")),
        ("School", doc.text("education.setting_name")),
        ("DfE no.", doc.text("education.laestab")),
        ("Designated teacher", doc.text("education.designated_teacher.name")),
        ("DT telephone", doc.text("education.designated_teacher.phone")),
        ("Social worker", doc.text("care.social_worker.name")),
        ("SW email", doc.text("care.social_worker.email")),
        ("Date of PEP meeting", doc.text("meta.meeting_date")),
        ("Date of last PEP", doc.text("meta.previous_pep_date")),
    ]
    rows = []
    for start in range(0, len(pairs), 2):
        cells = []
        for (label, typed), column in zip(pairs[start : start + 2], (0, 2), strict=True):
            cells.append(wk.label(label, widths[column], fill=SHADE))
            cells.append(wk.cell(*_typed(doc, typed), width=widths[column + 1]))
        rows.append(wk.row(*cells))
    return wk.table(rows, widths)


def _present(doc: Doc) -> list[str]:
    """Who was there, and who sent apologies, each as one typed line."""
    present, apologies = [], []
    for who in doc.items("attendees"):
        if who.get("attended"):
            present.append(who)
            doc.add_item("attendees", {"name": who["name"], "role": who["role"], "attended": True})
        elif who.get("invited"):
            apologies.append(who)
            doc.add_item(
                "attendees",
                {"name": who["name"], "role": who["role"], "invited": True, "attended": False},
            )

    def listing(people: list[dict[str, Any]]) -> str | None:
        if not people:
            return None
        return ", ".join(f"{p['name']} ({p['role'].lower()})" for p in people)

    return [
        *box(doc, listing(present), style="typed", lead=[wk.run("Present: ", bold=True)]),
        *box(doc, listing(apologies), style="typed", lead=[wk.run("Apologies: ", bold=True)]),
    ]


def _attendance(doc: Doc) -> list[str]:
    widths = [2600, 2633, 2600, 2633]
    rows = [
        wk.row(
            wk.label("Attendance % this term", widths[0], fill=SHADE),
            wk.cell(*_typed(doc, doc.text("education.attendance.percent")), width=widths[1]),
            wk.label("Sessions possible / missed", widths[2], fill=SHADE),
            wk.cell(
                wk.para(
                    wk.run(doc.text("education.attendance.sessions_possible") or "", size=18),
                    wk.run(" / " if not doc.blank else "", size=18),
                    wk.run(doc.text("education.attendance.sessions_missed") or "", size=18),
                ),
                width=widths[3],
            ),
        )
    ]
    ex_widths = [1800, 2000, 1600, 5066]
    ex_rows = [
        header_row(
            ["Date", "Type of exclusion", "No. of sessions", "Reason"], ex_widths, fill=SHADE
        )
    ]

    def kind(i: int) -> list[str]:
        items = doc.items("education.exclusions")
        if i >= len(items):
            return _typed(doc, None)
        doc.truth.item("education.exclusions", i)["type"] = items[i]["type"]
        return _typed(doc, EX_TYPES[items[i]["type"]])

    ex_rows += grid_rows(
        doc,
        "education.exclusions",
        [
            lambda i: _typed(doc, doc.cell("education.exclusions", i, "start_date")),
            kind,
            lambda i: _typed(doc, doc.cell("education.exclusions", i, "sessions")),
            lambda i: _typed(doc, doc.cell("education.exclusions", i, "reason")),
        ],
        ex_widths,
        printed_rows=2,
    )
    part_time = doc.flag("education.part_time_timetable")
    return [
        wk.table(rows, widths),
        wk.para(wk.run("Exclusions this term", bold=True), before=120, keep_next=True),
        wk.table(ex_rows, ex_widths),
        wk.gap(),
        _qa_rows(
            doc,
            [
                (
                    "Is the pupil on a part-time or reduced timetable?",
                    [wk.para(*yes_no(doc, part_time, style=_boxes(doc)))],
                ),
                (
                    "If yes, why, and what is the plan to return to full time?",
                    _typed(
                        doc,
                        doc.unplaced(
                            "part_time_reason",
                            "Why a reduced timetable, and the plan",
                            "education.part_time_reason",
                        ),
                    ),
                ),
            ],
        ),
    ]


def _needs(doc: Doc) -> list[str]:
    sen = doc.code("education.sen_provision")
    camhs = doc.flag("health.camhs_involved")
    plans = doc.items("linked_plans")
    plan = plans[0] if plans else None
    if plan is not None:
        doc.add_item("linked_plans", {"type": plan["type"], "date": plan["date"]})
    plan_date = None if plan is None else doc.say("linked_plans.date", plan["date"])
    return [
        wk.para(
            wk.run("SEN status: ", bold=True),
            *marks(SEN, sen, style=_boxes(doc), doc=doc),
        ),
        *box(
            doc,
            doc.text("education.sen_primary_need"),
            style="typed",
            lead=[wk.run("Primary area of need: ", bold=True)],
        ),
        wk.para(
            wk.run("Other plans: ", bold=True),
            *marks(PLANS, None if plan is None else plan["type"], style=_boxes(doc), doc=doc),
            wk.run("   Date of plan / last review: ", bold=True),
            wk.run(plan_date or ""),
        ),
        *box(
            doc,
            doc.text("health.sdq_score"),
            style="typed",
            lead=[wk.run("SDQ score: ", bold=True)],
        ),
        wk.para(wk.run("Is CAMHS involved? ", bold=True), *yes_no(doc, camhs, style=_boxes(doc))),
    ]


def _review(doc: Doc) -> str:
    widths = [4100, 4166, 2200]

    def met(i: int) -> list[str]:
        chosen = doc.item_code("previous_targets", i, "outcome")
        return [wk.para(*marks(MET, chosen, style=_boxes(doc), doc=doc, size=16))]

    rows = [
        header_row(
            ["Target from the last PEP", "Progress made (evidence)", "Target met?"],
            widths,
            fill=SHADE,
        )
    ]
    rows += grid_rows(
        doc,
        "previous_targets",
        [
            lambda i: _typed(doc, doc.cell("previous_targets", i, "description")),
            lambda i: _typed(doc, doc.cell("previous_targets", i, "evidence")),
            met,
        ],
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _action_plan(doc: Doc) -> str:
    widths = [2400, 2300, 1700, 1300, 1566, 1200]
    rows = [
        header_row(
            [
                "Outcome sought (SMART)",
                "Provision / intervention",
                "Frequency and who",
                "Start - end",
                "Success criteria",
                "PP+ cost",
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
            (
                "description",
                "actions",
                "lead",
                "due_date",
                "success_criteria",
                "pp_plus_cost",
            ),
            lambda f, i: _typed(doc, doc.cell("targets", i, f), 16),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _funding(doc: Doc) -> list[str]:
    approved = doc.flag("pp_plus.approved")
    return [
        *box(
            doc,
            doc.text("pp_plus.requested_total"),
            style="typed",
            lead=[wk.run("Total PP+ requested for this plan: ", bold=True)],
        ),
        _qa_rows(
            doc,
            [
                (
                    "Additional Support Request: is the school asking the Virtual School for "
                    "funding over and above the PP+ allocation? Say what for.",
                    _typed(
                        doc,
                        doc.unplaced(
                            "additional_support",
                            "Additional Support Request",
                            "pp_plus.additional_request",
                        ),
                    ),
                ),
            ],
        ),
        wk.para(
            wk.run("PP+ agreed by the Virtual School: ", bold=True),
            *yes_no(doc, approved, style=_boxes(doc)),
            before=120,
        ),
    ]


def _quality(doc: Doc) -> list[str]:
    rating = doc.code("signoff.qa_rating")
    signatory = doc.signatory("Virtual School")
    signature = signatory.signature("virtual_school")
    date = signatory.date("signoff.virtual_school_date") if signature is not None else None
    completed_by = doc.text("meta.completed_by")
    dt_date = doc.text("signoff.designated_teacher_date")
    return [
        wk.para(
            wk.run("Completed by: ", bold=True),
            wk.run(completed_by or "\u2002" * 24),
            wk.tab(),
            wk.run("Date: ", bold=True),
            wk.run(dt_date or ""),
        ),
        wk.para(
            wk.run("Copy sent to the social worker: ", bold=True),
            *yes_no(doc, None if doc.blank else True, style=_boxes(doc)),
        ),
        wk.para(wk.run("Virtual School use only", bold=True, color=ACCENT), before=200),
        wk.para(
            wk.run("QA audit outcome: ", bold=True),
            *marks(RAG, rating, style=doc.quirk("circle") or "highlight", doc=doc),
        ),
        wk.para(
            wk.run("Checked by: ", bold=True),
            wk.run(signature or "\u2002" * 24),
            wk.tab(),
            wk.run("Date: ", bold=True),
            wk.run(date or ""),
        ),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("PEP Action Plan and Review"), style="Title"),
        wk.para(
            wk.run(
                "To be completed by the school and a copy given to the social worker at the "
                "meeting",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        _details(doc),
        wk.heading("Who was at the meeting"),
        *_present(doc),
        wk.heading("Attendance and exclusions"),
        *_attendance(doc),
        wk.heading("Needs and other plans"),
        *_needs(doc),
        wk.heading("PEP Review Document"),
        wk.instruction("Review the targets from the last PEP before setting new ones."),
        _review(doc),
        wk.heading("Action Plan"),
        _action_plan(doc),
        wk.heading("Views"),
        _qa_rows(
            doc,
            [
                ("What does the pupil say about school?", _typed(doc, doc.text("views.child"))),
                (
                    "What does the parent or carer say?",
                    _typed(doc, doc.text("views.carer")),
                ),
                (
                    "School's view of progress and wellbeing",
                    _typed(doc, doc.text("views.school")),
                ),
                ("Social worker's update", _typed(doc, doc.text("views.social_worker"))),
            ],
        ),
        wk.heading("Funding"),
        *_funding(doc),
        wk.heading("Sign off"),
        *_quality(doc),
    ]
    return document(
        "PEP Action Plan and Review",
        "Bramdale Metropolitan District Council",
        "Virtual School for Looked After Children",
        "Bramdale PEP Action Plan",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="bramdale-action-plan",
    set="dev",
    authority="Bramdale Metropolitan District Council",
    source="bradford",
    phase="school_age",
    kind="docx",
    features=(
        "plain Word tables typed into; four-column details table",
        "who was present and who sent apologies each written on one line (Name (role), ...)",
        "attendance with 'sessions possible / missed' typed in one cell; exclusions grid",
        "questions in shaded rows with the answer in the row below",
        "tick-box groups typed as ☐/☒ or an X over the box (SEN status, other plans, "
        "Yes / No questions, target met?)",
        "action plan columns Outcome sought (SMART) / Provision / Frequency and who / Start - "
        "end / Success criteria / PP+ cost",
        "'Completed by ... Date' line and a Red / Amber / Green QA outcome circled",
    ),
    completions=(
        (
            "dev-callum",
            Habits(
                dates=("dmy", "dots"),
                ncy="yr",
                quirks={"boxes": "glyph"},
            ),
        ),
        (
            "dev-harvey",
            Habits(
                dates=("long", "dmy2"),
                ncy="y",
                money="pence",
                quirks={"boxes": "glyph_x", "circle": "highlight"},
            ),
        ),
    ),
    build=build,
)
