"""Harrowfield early years PEP, after Hampshire and Isle of Wight's "My Personal Education Plan:
Early Years Settings (0-4)" data form: a front table of "Label: [control]" pairs written as
Word 2010 forms write them ("Click here to enter text.", "Choose an item."), then numbered
sections with guidance lines, development bands per prime area, next steps with an EYPP cost
column and a sign-off line per person."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box
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
    question_below,
    row_tag,
)

ACCENT = "1F4E79"
OLD_TEXT = wk.PLACEHOLDER_OLD
OLD_DATE = wk.PLACEHOLDER_DATE_OLD

DOCUMENT_TYPES = [
    ("Initial PEP", "initial"),
    ("Review PEP", "review"),
    ("Transition PEP", "transition"),
]
LEGAL = [
    ("S31 Care Order", "C2"),
    ("S38 Interim Care Order", "C1"),
    ("S20 Accommodated", "V2"),
    ("Placement Order", "E1"),
]
ETHNIC = [
    ("White British", "WBRI"),
    ("White Irish", "WIRI"),
    ("Any other White background", "WOTH"),
    ("White and Black Caribbean", "MWBC"),
    ("White and Black African", "MWBA"),
    ("Any other mixed background", "MOTH"),
    ("Black African", "BAFR"),
    ("Any other ethnic group", "OOTH"),
]
GENDERS = [("Boy", "M"), ("Girl", "F")]
PLACEMENTS = [
    ("Foster care - long term", "U4"),
    ("Foster care - short term", "U6"),
    ("Fostering for adoption", "U5"),
    ("Connected person", "U3"),
    ("Placed with parents", "P1"),
]
ACHIEVED = [("Yes", "met"), ("Partly", "partly_met"), ("No", "not_met")]
AREAS = [
    ("Communication and language", "communication"),
    ("Physical development", "physical"),
    ("PSED", "semh"),
    ("Literacy", "literacy"),
    ("Maths", "numeracy"),
]
PRIME_AREAS = [
    "Personal, social and emotional development",
    "Communication and language",
    "Physical development",
]


def _pair(doc: Doc, label: str, typed: str | None, key: str, *, date: bool = False) -> list[str]:
    """A "Label: [control]" paragraph in one cell."""
    lead = [wk.run(f"{label} ", bold=True, size=18)]
    if date:
        return box(
            doc, typed, style="date", key=key, lead=lead, tag=key, placeholder=OLD_DATE, size=18
        )
    return box(
        doc, typed, style="control", key=key, lead=lead, tag=key, placeholder=OLD_TEXT, size=18
    )


def _drop(
    doc: Doc, label: str, items: list[tuple[str, str]], chosen: str | None, tag: str
) -> list[str]:
    return [
        wk.para(
            wk.run(f"{label} ", bold=True, size=18),
            wk.dropdown(doc.ids, [text for text, _ in items], tag=tag, chosen=chosen, size=18),
        )
    ]


def _front(doc: Doc) -> str:
    cells = [
        _drop(
            doc,
            "Document Type:",
            DOCUMENT_TYPES,
            pick(doc, "meta.pep_type", DOCUMENT_TYPES),
            "DocType",
        ),
        _pair(doc, "Meeting Date:", doc.text("meta.meeting_date"), "MeetingDate", date=True),
        _pair(doc, "Setting Name:", doc.text("education.setting_name"), "SettingName"),
        _pair(doc, "Setting URN:", doc.text("education.urn"), "SettingURN"),
        _drop(
            doc,
            "Harrowfield District:",
            [("North", "n"), ("South", "s"), ("East", "e")],
            None,
            "District",
        ),
        _pair(doc, "LA (if not Harrowfield):", None, "OtherLA"),
        _pair(doc, "Date of enrolment:", doc.text("education.date_joined"), "Enrolled", date=True),
        _pair(
            doc,
            "Current Ofsted Outcome:",
            doc.unplaced("ofsted", "Current Ofsted Outcome", "education.ofsted_rating"),
            "Ofsted",
        ),
        _pair(doc, "Social Worker name:", doc.text("care.social_worker.name"), "SWName"),
        _pair(doc, "Social Worker email: *", doc.text("care.social_worker.email"), "SWEmail"),
        _pair(doc, "Designated CiC Lead:", doc.text("education.designated_teacher.name"), "DTName"),
        _pair(
            doc,
            "Designated CiC Lead email: *",
            doc.text("education.designated_teacher.email"),
            "DTEmail",
        ),
    ]
    widths = [wk.TEXT_W // 2, wk.TEXT_W - wk.TEXT_W // 2]
    rows = [
        wk.row(*(wk.cell(*cells[i + j], width=widths[j]) for j in range(2)))
        for i in range(0, len(cells), 2)
    ]
    return wk.table(rows, widths)


def _essentials(doc: Doc) -> str:
    def control(typed: str | None, key: str) -> list[str]:
        return box(doc, typed, style="control", key=key, tag=key, placeholder=OLD_TEXT, size=18)

    def drop(items: list[tuple[str, str]], path: str, tag: str) -> list[str]:
        return [
            wk.para(
                wk.dropdown(
                    doc.ids, [t for t, _ in items], tag=tag, chosen=pick(doc, path, items), size=18
                )
            )
        ]

    def date(path: str, key: str) -> list[str]:
        return box(
            doc, doc.text(path), style="date", key=key, tag=key, placeholder=OLD_DATE, size=18
        )

    pairs = [
        ("Legal first name", control(doc.text("child.first_name"), "FirstName")),
        ("Legal surname", control(doc.text("child.last_name"), "Surname")),
        ("Name I like to be called", control(doc.text("child.preferred_name"), "Known")),
        ("Date of birth", date("child.date_of_birth", "DOB")),
        ("Gender", drop(GENDERS, "child.gender", "Gender")),
        ("Ethnicity", drop(ETHNIC, "child.ethnicity", "Ethnicity")),
        ("First language", control(doc.text("child.first_language"), "Language")),
        ("Legal status", drop(LEGAL, "care.legal_status", "Legal")),
        ("Date I became looked after", date("care.date_became_looked_after", "DLA")),
        ("Placement type", drop(PLACEMENTS, "care.placement_type", "Placement")),
        ("Carer name(s)", control(doc.text("care.carer.name"), "Carer")),
        ("Carer telephone", control(doc.text("care.carer.phone"), "CarerTel")),
        ("IRO", control(doc.text("care.iro.name"), "IRO")),
        ("Number of placements", control(doc.text("care.number_of_placements"), "Moves")),
    ]
    widths = [2300, 2933, 2300, 2933]
    return wk.table(label_rows(pairs, widths), widths)


def _about_me(doc: Doc) -> str:
    width = wk.TEXT_W
    rows = []
    for question, typed, key in (
        (
            "What I like to do / my interests",
            doc.text("child.leisure_interests"),
            "Interests",
        ),
        (
            "What I am good at",
            doc.unplaced("strengths", "What I am good at", "child.strengths"),
            "Strengths",
        ),
        ("My voice: how I feel about my setting", doc.text("views.child"), "views.child"),
        ("What my carer says about me", doc.text("views.carer"), "views.carer"),
        ("What my key person says about me", doc.text("views.school"), "views.school"),
    ):
        answer = box(doc, typed, style="control", key=key, tag=key, placeholder=OLD_TEXT, size=18)
        rows.extend(question_below(question, answer, width))
    return wk.table(rows, [width])


def _development(doc: Doc) -> str:
    widths = [4000, 3233, 3233]
    rows = [header_row(["Prime area", "Development band now", "Band expected by next PEP"], widths)]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    for area in PRIME_AREAS:
        index = by_subject.get(area)
        current = target = None
        if index is not None:
            doc.truth.item("attainment", index)["subject"] = area
            current = doc.cell("attainment", index, "current")
            target = doc.cell("attainment", index, "target")
        rows.append(
            wk.row(
                wk.label(area, widths[0], fill="F2F2F2"),
                wk.cell(
                    *box(
                        doc, current, style="control", tag="BandNow", placeholder=OLD_TEXT, size=18
                    ),
                    width=widths[1],
                ),
                wk.cell(
                    *box(
                        doc, target, style="control", tag="BandNext", placeholder=OLD_TEXT, size=18
                    ),
                    width=widths[2],
                ),
            )
        )
    return wk.table(rows, widths)


def _previous(doc: Doc) -> str:
    widths = [4600, 1800, 4066]
    printed = 2

    def target(i: int) -> list[str]:
        return box(
            doc,
            doc.cell("previous_targets", i, "description"),
            style="control",
            tag=row_tag("PrevTarget", i, printed),
            placeholder=OLD_TEXT,
            size=18,
        )

    def achieved(i: int) -> list[str]:
        chosen = pick_item(doc, "previous_targets", i, "outcome", ACHIEVED)
        return [
            wk.para(
                wk.dropdown(
                    doc.ids,
                    [t for t, _ in ACHIEVED],
                    tag=row_tag("Achieved", i, printed),
                    chosen=chosen,
                    size=18,
                )
            )
        ]

    def evidence(i: int) -> list[str]:
        return box(
            doc,
            doc.cell("previous_targets", i, "evidence"),
            style="control",
            tag=row_tag("Evidence", i, printed),
            placeholder=OLD_TEXT,
            size=18,
        )

    rows = [header_row(["Previous target", "Achieved?", "Evidence"], widths)]
    rows += grid_rows(
        doc, "previous_targets", [target, achieved, evidence], widths, printed_rows=printed
    )
    return wk.table(rows, widths)


def _next_steps(doc: Doc) -> str:
    widths = [1500, 2700, 2700, 1500, 1100, 966]
    printed = 3

    def text(field: str, base: str) -> Column:
        def column(i: int) -> list[str]:
            return box(
                doc,
                doc.cell("targets", i, field),
                style="control",
                tag=row_tag(base, i, printed),
                placeholder=OLD_TEXT,
                size=18,
            )

        return column

    def area(i: int) -> list[str]:
        chosen = pick_item(doc, "targets", i, "area", AREAS)
        return [
            wk.para(
                wk.dropdown(
                    doc.ids,
                    [t for t, _ in AREAS],
                    tag=row_tag("Area", i, printed),
                    chosen=chosen,
                    size=16,
                )
            )
        ]

    columns = [
        area,
        text("description", "Step"),
        text("actions", "Help"),
        text("lead", "Who"),
        text("due_date", "When"),
        text("pp_plus_cost", "EYPP"),
    ]
    rows = [
        header_row(
            [
                "Area of learning",
                "What I will learn next",
                "How adults will help me",
                "Who",
                "By when",
                "EYPP £",
            ],
            widths,
            size=16,
        )
    ]
    rows += grid_rows(doc, "targets", columns, widths, printed_rows=printed)
    return wk.table(rows, widths)


def _people(doc: Doc) -> str:
    widths = [3800, 4166, 2500]
    printed = 4

    def name(i: int) -> list[str]:
        return box(
            doc,
            doc.cell("attendees", i, "name"),
            style="control",
            tag=row_tag("AttName", i, printed),
            placeholder=OLD_TEXT,
            size=18,
        )

    def role(i: int) -> list[str]:
        return box(
            doc,
            doc.cell("attendees", i, "role"),
            style="control",
            tag=row_tag("AttRole", i, printed),
            placeholder=OLD_TEXT,
            size=18,
        )

    def attended(i: int) -> list[str]:
        value = doc.item_flag("attendees", i, "attended")
        typed = None if value is None else doc.say("attendees.attended", value)
        return box(
            doc,
            typed,
            style="control",
            tag=row_tag("AttYN", i, printed),
            placeholder=OLD_TEXT,
            size=18,
        )

    rows = [header_row(["Name", "Role", "Attended (Y/N)"], widths)]
    rows += grid_rows(doc, "attendees", [name, role, attended], widths, printed_rows=printed)
    return wk.table(rows, widths)


def _sign_off(doc: Doc) -> list[str]:
    lead = doc.signatory("Designated CiC Lead")
    social_worker = doc.signatory("Social worker")
    dt_sig = lead.signature("designated_teacher")
    sw_sig = social_worker.signature("social_worker")
    return [
        *box(
            doc,
            dt_sig,
            style="control",
            tag="DTSig",
            placeholder=OLD_TEXT,
            lead=[wk.run("Designated CiC Lead signature: ", bold=True)],
        ),
        *box(
            doc,
            lead.date("signoff.designated_teacher_date"),
            style="date",
            tag="DTSigDate",
            key="signoff.designated_teacher_date",
            placeholder=OLD_DATE,
            lead=[wk.run("Date: ", bold=True)],
        ),
        *box(
            doc,
            sw_sig,
            style="control",
            tag="SWSig",
            placeholder=OLD_TEXT,
            lead=[wk.run("Social worker signature: ", bold=True)],
        ),
        *box(
            doc,
            social_worker.date("signoff.social_worker_date"),
            style="date",
            tag="SWSigDate",
            key="signoff.social_worker_date",
            placeholder=OLD_DATE,
            lead=[wk.run("Date: ", bold=True)],
        ),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("My Personal Education Plan"), style="Title"),
        wk.para(wk.run("Early Years Settings (0-4)", bold=True, size=26), align="center"),
        wk.para(
            wk.run(
                "Click here for general guidance on completing this PEP or if the document "
                "is in protection mode and you cannot enter text into the fields",
                color="0563C1",
                underline=True,
                size=16,
            )
        ),
        wk.para(
            wk.run(
                "Within 4 weeks of PEP meeting all sections to be complete and emailed to "
                "the child's social worker and to the Virtual School PEP mailbox",
                bold=True,
                size=18,
            )
        ),
        _front(doc),
        wk.heading("Section 1 Personal information"),
        wk.instruction("Can be completed without the child present (possibly in advance)"),
        wk.heading("Essential information about me from my social worker", 2),
        wk.instruction(
            "*Wherever this document talks about the Designated Teacher this is the "
            "practitioner in an Early Years setting who has taken on the lead "
            "responsibility for children in care"
        ),
        _essentials(doc),
        wk.heading("Section 2 All about me"),
        wk.instruction("To be completed by my key person with me and my carer"),
        _about_me(doc),
        wk.heading("Section 3 My learning and development"),
        wk.instruction(
            "Designated Teacher* to complete before the meeting. Use the Development Matters bands."
        ),
        _development(doc),
        wk.gap(),
        *box(
            doc,
            doc.text("education.attendance.percent"),
            style="control",
            tag="Attendance",
            placeholder=OLD_TEXT,
            lead=[wk.run("My attendance this term (%): ", bold=True)],
        ),
        *box(
            doc,
            doc.unplaced("hours", "Hours I attend each week", "education.hours"),
            style="control",
            tag="Hours",
            placeholder=OLD_TEXT,
            lead=[wk.run("Hours I attend each week: ", bold=True)],
        ),
        wk.heading("Section 4 How did I do with my last next steps?"),
        _previous(doc),
        wk.heading("Section 5 My next steps"),
        wk.instruction(
            "Agreed at the meeting. Say how the Early Years Pupil Premium (EYPP) will be used."
        ),
        _next_steps(doc),
        wk.heading("Section 6 People at my PEP meeting"),
        _people(doc),
        wk.heading("Sign off"),
        *_sign_off(doc),
    ]
    return document(
        "My Personal Education Plan - Early Years",
        "Harrowfield County Council",
        "Children in Care Virtual School",
        "HF EY PEP v5 (2025)",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="harrowfield-early-years",
    set="dev",
    authority="Harrowfield County Council",
    source="hampshire-ey",
    phase="early_years",
    kind="docx",
    features=(
        "Label: [control] pairs in one cell",
        "Word 2010 placeholders (Click here to enter text.)",
        "drop-downs for codes",
        "date pickers",
        "question cell with answer cell below",
        "development bands per printed prime area",
        "next steps grid with EYPP cost",
        "sign-off lines with typed signatures",
    ),
    completions=(
        (
            "dev-poppy",
            Habits(
                dates=("dmy", "ordinal", "dmy"),
                quirks={
                    "MeetingDate": "picker",
                    "DOB": "picker",
                    "views.child": "beside",
                    "views.carer": "below",
                },
            ),
        ),
        (
            "dev-alfie",
            Habits(
                dates=("ordinal", "dmy2", "long"),
                yes_no=1,
                money="pence",
                blanks={"care.iro.name": "N/A"},
                quirks={"views.school": "beside", "Interests": "below"},
            ),
        ),
    ),
    build=build,
)
