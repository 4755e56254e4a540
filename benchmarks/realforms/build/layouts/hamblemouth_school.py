"""Hamblemouth PEP, after Southampton Virtual School's PEP guidance: Section A (the documents to
bring: previous PEP, attendance, exclusions, IEP/PSP), Section B (meeting preparation, the
designated teacher chairs), Section 1 People at the meeting (name, role and contact details of
everyone there), Section 2 The Young Person's Voice, Section 3 Achievement and Attainment with
attendance, Section 4 Review and Action Plan. Written as a modern Word form: four-column
label/value tables of content controls, date pickers and drop-downs, the voice questions with
their answers in rich-text controls in the row below, and grids with rows added by copying."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, attendee_kind, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    grid_rows,
    header_row,
    label_rows,
    pick,
    pick_item,
    row_tag,
)

ACCENT = "1F3864"
SHADE = "DEEAF6"
LEGAL = [
    ("S20 - Accommodated", "V2"),
    ("S31 - Care Order", "C2"),
    ("S38 - Interim Care Order", "C1"),
    ("Placement Order", "E1"),
]
SEN = [("None", "N"), ("SEN Support", "K"), ("EHCP", "E")]
OUTCOMES = [("Met", "met"), ("Partially met", "partly_met"), ("Not met", "not_met")]
YES_NO = [("Y", True), ("N", False)]


def _ctrl(doc: Doc, typed: str | None, tag: str) -> list[str]:
    return box(doc, typed, style="control", key=tag, tag=tag, size=18)


def _date(doc: Doc, typed: str | None, tag: str) -> list[str]:
    return box(doc, typed, style="date", key=tag, tag=tag, size=18)


def _drop(doc: Doc, items: list[tuple[str, Any]], chosen: str | None, tag: str) -> list[str]:
    return [wk.para(wk.dropdown(doc.ids, [t for t, _ in items], tag=tag, chosen=chosen, size=18))]


def _band(text: str) -> str:
    return wk.para(wk.run(text, bold=True, size=24, color=ACCENT), before=240, keep_next=True)


def _front(doc: Doc) -> str:
    ncy = doc.code("education.ncy")
    year = None if ncy is None else f"Year {ncy}"
    pairs = [
        ("Name of young person", _ctrl(doc, doc.full_name(middle=False), "Name")),
        ("Date of birth", _date(doc, doc.text("child.date_of_birth"), "DOB")),
        (
            "Year group",
            _drop(doc, [(f"Year {n}", str(n)) for n in range(1, 14)], year, "Year"),
        ),
        ("UPN", _ctrl(doc, doc.text("child.upn"), "UPN")),
        ("School", _ctrl(doc, doc.text("education.setting_name"), "School")),
        ("DfE number", _ctrl(doc, doc.text("education.laestab"), "DfE")),
        (
            "Designated teacher",
            _ctrl(doc, doc.text("education.designated_teacher.name"), "DT"),
        ),
        ("DT telephone", _ctrl(doc, doc.text("education.designated_teacher.phone"), "DTTel")),
        ("Social worker", _ctrl(doc, doc.text("care.social_worker.name"), "SW")),
        ("Social work team", _ctrl(doc, doc.text("care.social_worker.team"), "SWTeam")),
        ("Legal status", _drop(doc, LEGAL, pick(doc, "care.legal_status", LEGAL), "Legal")),
        ("Placement type", _ctrl(doc, doc.text("care.placement_type"), "Placement")),
        (
            "Host LA (if placed out of area)",
            _ctrl(doc, doc.text("care.host_authority"), "HostLA"),
        ),
        ("Carer(s)", _ctrl(doc, doc.text("care.carer.name"), "Carer")),
        ("Date of this PEP", _date(doc, doc.text("meta.meeting_date"), "MeetingDate")),
        ("Date of last PEP", _date(doc, doc.text("meta.previous_pep_date"), "LastPEP")),
        ("Date of next PEP", _date(doc, doc.text("meta.next_review_date"), "NextPEP")),
        ("Meeting chaired by", [wk.para(wk.run("Designated Teacher", size=18))]),
    ]
    widths = [2100, 3133, 2100, 3133]
    return wk.table(label_rows(pairs, widths, fill=SHADE), widths)


def _section_a(doc: Doc) -> list[str]:
    ready = None if doc.blank else True
    out = [
        _band("Section A: Getting organised"),
        wk.instruction("Documents and information which will be helpful at the meeting"),
    ]
    for item in (
        "Previous PEP form (to review the previous targets)",
        "Attendance information or print-out",
        "Exclusion information, internal and external",
        "IEP / PSP where appropriate",
    ):
        out.append(wk.para(*marks([(item, True)], ready, style="control", doc=doc), indent=240))
    return out


def _people(doc: Doc) -> str:
    widths = [3200, 3300, 3966]
    printed = 4
    contacts = {
        "social_worker": ("email", "care.social_worker.email"),
        "teacher": ("email", "education.designated_teacher.email"),
        "carer": ("phone", "care.carer.phone"),
    }
    rows = [header_row(["Name", "Role", "Contact details"], widths, fill=SHADE)]
    count = max(printed, len(doc.items("attendees")))
    for index in range(count):
        items = doc.items("attendees")
        name = role = contact = None
        if index < len(items):
            who = items[index]
            item: dict[str, Any] = {"name": who["name"], "role": who["role"]}
            name, role = who["name"], who["role"]
            spec = contacts.get(attendee_kind(who["role"]))
            if spec and doc.value(spec[1]):
                contact = doc.contact(item, spec[0], spec[1])
            doc.add_item("attendees", item)
        tag = min(index, printed - 1) + 1
        rows.append(
            wk.row(
                wk.cell(*_ctrl(doc, name, f"AttName{tag}"), width=widths[0]),
                wk.cell(*_ctrl(doc, role, f"AttRole{tag}"), width=widths[1]),
                wk.cell(*_ctrl(doc, contact, f"AttContact{tag}"), width=widths[2]),
            )
        )
    return wk.table(rows, widths)


def _voice(doc: Doc) -> str:
    width = wk.TEXT_W
    rows = []
    for question, typed, tag in (
        (
            "What is going well for you at school?",
            doc.unplaced("whats_going_well", "What is going well at school?", None),
            "Going",
        ),
        (
            "What do you find difficult?",
            doc.unplaced("worries", "What do you find difficult?", "child.worries"),
            "Difficult",
        ),
        (
            "What would help you?",
            doc.unplaced("help_wanted", "What would help you?", None),
            "Help",
        ),
        ("Anything else you want to say about your education?", doc.text("views.child"), "Voice"),
        ("What I like doing outside school", doc.text("child.leisure_interests"), "Interests"),
    ):
        rows.append(
            wk.row(wk.cell(wk.para(wk.run(question, bold=True, size=18)), width=width, fill=SHADE))
        )
        rows.append(
            wk.row(
                wk.cell(
                    *box(doc, typed, style="rich", key=tag, tag=tag, size=18),
                    width=width,
                ),
                height=800,
            )
        )
    return wk.table(rows, [width])


def _attainment(doc: Doc) -> str:
    widths = [2600, 1900, 1900, 2100, 1966]
    printed = 4

    def text(field: str, base: str) -> Column:
        return lambda i: _ctrl(doc, doc.cell("attainment", i, field), row_tag(base, i, printed))

    def on_track(i: int) -> list[str]:
        value = doc.item_flag("attainment", i, "on_track")
        chosen = None if value is None else ("Y" if value else "N")
        return _drop(doc, YES_NO, chosen, row_tag("OnTrack", i, printed))

    rows = [
        header_row(
            ["Subject", "Starting point", "Current", "End of year target", "On track? (Y/N)"],
            widths,
            fill=SHADE,
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        [
            text("subject", "Subj"),
            text("baseline", "Start"),
            text("current", "Now"),
            text("target", "Target"),
            on_track,
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _attendance(doc: Doc) -> list[str]:
    pairs = [
        (
            "Attendance % this year",
            _ctrl(doc, doc.text("education.attendance.percent"), "AttPct"),
        ),
        (
            "Sessions possible",
            _ctrl(doc, doc.text("education.attendance.sessions_possible"), "Possible"),
        ),
        (
            "Sessions missed",
            _ctrl(doc, doc.text("education.attendance.sessions_missed"), "Missed"),
        ),
        (
            "Figures from",
            _date(doc, doc.text("education.attendance.period_start"), "AttFrom"),
        ),
        ("Figures to", _date(doc, doc.text("education.attendance.period_end"), "AttTo")),
        (
            "Internal exclusions",
            _ctrl(
                doc,
                doc.unplaced("exclusion_internal", "Internal exclusions", None),
                "Internal",
            ),
        ),
    ]
    widths = [2100, 3133, 2100, 3133]
    ex_widths = [2300, 1800, 1300, 5066]
    printed = 1
    ex_rows = [
        header_row(
            ["External exclusion (type)", "Date", "Sessions", "Reason"], ex_widths, fill=SHADE
        )
    ]
    ex_rows += grid_rows(
        doc,
        "education.exclusions",
        [
            lambda i: _ctrl(doc, doc.exclusion_type(i), row_tag("ExType", i, printed)),
            lambda i: _ctrl(
                doc, doc.cell("education.exclusions", i, "start_date"), row_tag("ExDate", i, 1)
            ),
            lambda i: _ctrl(
                doc, doc.cell("education.exclusions", i, "sessions"), row_tag("ExSess", i, 1)
            ),
            lambda i: _ctrl(
                doc, doc.cell("education.exclusions", i, "reason"), row_tag("ExWhy", i, 1)
            ),
        ],
        ex_widths,
        printed_rows=printed,
    )
    sen = [
        ("SEN", _drop(doc, SEN, pick(doc, "education.sen_provision", SEN), "SEN")),
        ("Primary need", _ctrl(doc, doc.text("education.sen_primary_need"), "Need")),
        ("SDQ score", _ctrl(doc, doc.text("health.sdq_score"), "SDQ")),
        ("SDQ date", _date(doc, doc.text("health.sdq_date"), "SDQDate")),
    ]
    return [
        wk.para(wk.run("Attendance", bold=True, size=20), keep_next=True),
        wk.table(label_rows(pairs, widths, fill=SHADE), widths),
        wk.gap(),
        wk.table(ex_rows, ex_widths),
        wk.gap(),
        wk.table(label_rows(sen, widths, fill=SHADE), widths),
    ]


def _review(doc: Doc) -> str:
    widths = [4700, 1900, 3866]
    printed = 3

    def outcome(i: int) -> list[str]:
        chosen = pick_item(doc, "previous_targets", i, "outcome", OUTCOMES)
        return _drop(doc, OUTCOMES, chosen, row_tag("Outcome", i, printed))

    rows = [header_row(["Previous target", "Outcome", "Evidence"], widths, fill=SHADE)]
    rows += grid_rows(
        doc,
        "previous_targets",
        [
            lambda i: box(
                doc,
                doc.cell("previous_targets", i, "description"),
                style="control",
                tag=row_tag("Prev", i, printed),
                size=18,
            ),
            outcome,
            lambda i: box(
                doc,
                doc.cell("previous_targets", i, "evidence"),
                style="control",
                tag=row_tag("Evid", i, printed),
                size=18,
            ),
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _action_plan(doc: Doc) -> str:
    widths = [1300, 2200, 2100, 1300, 1066, 900, 900, 700]
    printed = 3

    def text(field: str, base: str) -> Column:
        return lambda i: box(
            doc,
            doc.cell("targets", i, field),
            style="control",
            tag=row_tag(base, i, printed),
            size=16,
        )

    def empty(base: str) -> Column:
        return lambda i: box(doc, None, style="control", tag=row_tag(base, i, printed), size=16)

    rows = [
        header_row(
            [
                "Area of need",
                "SMART target",
                "Actions",
                "Responsible",
                "By when",
                "Cost",
                "Outcome",
                "RAG",
            ],
            widths,
            fill=SHADE,
            size=16,
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            text("area", "Need"),
            text("description", "Smart"),
            text("actions", "Act"),
            text("lead", "Resp"),
            text("due_date", "When"),
            text("pp_plus_cost", "Cost"),
            empty("Result"),
            empty("RAG"),
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _pp_plus(doc: Doc) -> list[str]:
    widths = [7466, 3000]
    printed = 3
    rows = [header_row(["Pupil Premium Plus: what will it pay for?", "Cost"], widths, fill=SHADE)]
    rows += grid_rows(
        doc,
        "pp_plus.items",
        [
            lambda i: _ctrl(doc, doc.cell("pp_plus.items", i, "description"), row_tag("PPI", i, 3)),
            lambda i: _ctrl(
                doc,
                doc.cell("pp_plus.items", i, "cost", kind="targets.pp_plus_cost"),
                row_tag("PPC", i, 3),
            ),
        ],
        widths,
        printed_rows=printed,
    )
    return [
        wk.table(rows, widths),
        *box(
            doc,
            doc.text("pp_plus.requested_total"),
            style="control",
            tag="PPTotal",
            lead=[wk.run("Total PP+ requested this term: ", bold=True)],
        ),
    ]


def _plans(doc: Doc) -> str:
    widths = [2600, 2000, 5866]
    rows = [header_row(["Other plan (EHCP, PSP, IEP)", "Date", "Notes"], widths, fill=SHADE)]
    rows += grid_rows(
        doc,
        "linked_plans",
        [
            lambda i: _ctrl(doc, doc.cell("linked_plans", i, "type"), row_tag("Plan", i, 1)),
            lambda i: _ctrl(doc, doc.cell("linked_plans", i, "date"), row_tag("PlanDate", i, 1)),
            lambda i: _ctrl(
                doc, doc.cell("linked_plans", i, "reference"), row_tag("PlanNote", i, 1)
            ),
        ],
        widths,
        printed_rows=1,
    )
    return wk.table(rows, widths)


def _views(doc: Doc) -> list[str]:
    out = []
    for label, path, tag in (
        ("Carer's views", "views.carer", "Carer"),
        ("Parent's views (where appropriate)", "views.parent", "Parent"),
        ("Social worker's update", "views.social_worker", "SWView"),
        ("Designated teacher's summary", "views.school", "DTView"),
    ):
        out += box(
            doc,
            doc.text(path),
            style="rich",
            key=tag,
            tag=tag,
            size=18,
            lead=[wk.run(label, bold=True)],
        )
    return out


def _sign_off(doc: Doc) -> str:
    widths = [2700, 2900, 2700, 2166]
    rows = [header_row(["Role", "Name", "Signature", "Date"], widths, fill=SHADE)]
    specs: list[tuple[str, str | None, str, str | None]] = [
        (
            "Designated Teacher (chair)",
            "education.designated_teacher.name",
            "designated_teacher",
            "signoff.designated_teacher_date",
        ),
        ("Social Worker", "care.social_worker.name", "social_worker", "signoff.social_worker_date"),
        ("Young Person", None, "young_person", None),
    ]
    for number, (role, name_path, who, date_path) in enumerate(specs, start=1):
        signatory = doc.signatory(role)
        name = signature = date = None
        if not doc.blank and (doc.person or {}).get("signatures", {}).get(who):
            signature = signatory.signature(who)
            if name_path is not None:
                name = signatory.name(name_path)
            if date_path is not None:
                date = signatory.date(date_path)
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill=SHADE),
                wk.cell(*_ctrl(doc, name, f"SignName{number}"), width=widths[1]),
                wk.cell(*_ctrl(doc, signature, f"Sign{number}"), width=widths[2]),
                wk.cell(*_date(doc, date, f"SignDate{number}"), width=widths[3]),
            )
        )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan (PEP)"), style="Title"),
        wk.para(wk.run("Hamblemouth Virtual School", size=22, color=ACCENT), align="center"),
        _front(doc),
        *_section_a(doc),
        _band("Section B: Meeting preparation"),
        wk.instruction(
            "The social worker and designated teacher agree the date and who is invited. The "
            "designated teacher chairs the meeting."
        ),
        _band("Section 1: People at the meeting"),
        wk.instruction("Record the name, role and contact details of everyone who attends."),
        _people(doc),
        _band("Section 2: The Young Person's Voice"),
        wk.instruction(
            "Collected before the meeting by the designated teacher or an adult the young "
            "person knows well. You may print this page."
        ),
        _voice(doc),
        _band("Section 3: Achievement and Attainment"),
        wk.instruction("Completed by the designated teacher. Attach the latest report if useful."),
        _attainment(doc),
        *_attendance(doc),
        _band("Section 4: Review and Action Plan"),
        wk.para(wk.run("PEP Review", bold=True, size=20), keep_next=True),
        _review(doc),
        wk.para(wk.run("Action Plan", bold=True, size=20), keep_next=True, before=160),
        _action_plan(doc),
        wk.gap(),
        *_pp_plus(doc),
        wk.para(wk.run("Other plans", bold=True, size=20), keep_next=True, before=160),
        _plans(doc),
        _band("Views of the adults"),
        *_views(doc),
        _band("Signatures"),
        _sign_off(doc),
    ]
    return document(
        "Personal Education Plan",
        "Hamblemouth City Council",
        "Hamblemouth Virtual School",
        "HVS PEP v3",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="hamblemouth-pep",
    set="dev",
    authority="Hamblemouth City Council",
    source="southampton",
    phase="school_age",
    kind="docx",
    features=(
        "four-column label/value front table of content controls, date pickers and drop-downs",
        "Section A checklist of checkbox controls",
        "Section 1 people table (Name / Role / Contact details) with one email or phone per row",
        "voice questions in shaded rows with rich-text answers in the row below",
        "attainment grid Subject / Starting point / Current / End of year target / On track",
        "attendance as label/value pairs with the period's dates, exclusions grid",
        "action plan Area of need / SMART target / Actions / Responsible / By when / Cost / "
        "Outcome / RAG, rows copied with the same tags",
        "PP+ items with costs and a total line; other plans grid; sign-off table",
    ),
    completions=(
        (
            "dev-jayden",
            Habits(
                dates=("dmy", "ordinal"),
                ncy="year",
                money="pence",
                word_for={"targets.area": 1},
                quirks={"Voice": "beside", "MeetingDate": "picker"},
            ),
        ),
        (
            "dev-oskar",
            Habits(
                dates=("dmy2", "long", "dots"),
                wording=2,
                yes_no=1,
                quirks={"Difficult": "beside"},
                blanks={"health.sdq_date": "-"},
            ),
        ),
    ),
    build=build,
)
