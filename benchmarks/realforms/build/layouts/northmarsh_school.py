"""Northmarsh PEP, after Norfolk's sectioned PEP: Section 1 Personal Information / Care
Arrangements (social worker), Section 2 Education Information / Homework Arrangements
(designated teacher), Section 3 Priorities and Targets, Section 4 the young person's view,
and a summative record of schools attended. An older protected form: legacy text fields,
FORMCHECKBOX boxes beside printed options and Wingdings boxes typed in by hand."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

GREEN = "00703C"
LEGAL = [
    ("Care Order", "C2"),
    ("Interim Care Order", "C1"),
    ("Accommodated (S20)", "V2"),
    ("Placement Order", "E1"),
]
GENDER = [("Male", "M"), ("Female", "F")]
SEN = [("No SEN", "N"), ("SEN Support", "K"), ("EHC Plan", "E")]


def _f(doc: Doc, typed: str | None, name: str) -> list[str]:
    return box(doc, typed, style="legacy", tag=name)


def _rows(doc: Doc, pairs: list[tuple[str, list[str]]]) -> list[str]:
    widths = [3400, 7066]
    return [
        wk.row(wk.label(label, widths[0], fill="E2EFD9"), wk.cell(*answer, width=widths[1]))
        for label, answer in pairs
    ]


def _section1(doc: Doc) -> str:
    widths = [3400, 7066]
    pairs = [
        ("Surname", _f(doc, doc.text("child.last_name"), "Surname")),
        ("Forename(s)", _f(doc, doc.text("child.first_name"), "Forenames")),
        ("Date of birth", _f(doc, doc.text("child.date_of_birth"), "DOB")),
        (
            "Gender",
            [
                wk.para(
                    *marks(GENDER, doc.code("child.gender"), style="legacy", doc=doc, name="Gender")
                )
            ],
        ),
        ("Ethnic origin", _f(doc, doc.text("child.ethnicity"), "Ethnicity")),
        (
            "Legal status",
            [
                wk.para(
                    *marks(
                        LEGAL, doc.code("care.legal_status"), style="legacy", doc=doc, name="Legal"
                    )
                )
            ],
        ),
        ("Date looked after", _f(doc, doc.text("care.date_became_looked_after"), "DLA")),
        ("Placement type", _f(doc, doc.text("care.placement_type"), "Placement")),
        ("Carer(s)", _f(doc, doc.text("care.carer.name"), "Carers")),
        ("Carer's telephone", _f(doc, doc.text("care.carer.phone"), "CarerTel")),
        ("Social worker", _f(doc, doc.text("care.social_worker.name"), "SW")),
        ("Social worker's telephone", _f(doc, doc.text("care.social_worker.phone"), "SWTel")),
        (
            "Who has parental responsibility?",
            _f(doc, doc.text("care.parental_responsibility"), "PR"),
        ),
    ]
    return wk.table(
        [
            wk.title_row(
                "Section 1 - Personal Information / Care Arrangements", widths, fill=GREEN
            ),
            *_rows(doc, pairs),
        ],
        widths,
    )


def _section2(doc: Doc) -> str:
    widths = [3400, 7066]
    sen = doc.code("education.sen_provision")
    style = doc.habits.quirks.get("sen_boxes", "sym") if not doc.blank else "sym"
    pairs = [
        ("School", _f(doc, doc.text("education.setting_name"), "School")),
        ("DfE number", _f(doc, doc.text("education.laestab"), "DfENo")),
        ("Year group", _f(doc, doc.text("education.ncy"), "YearGroup")),
        ("Date admitted", _f(doc, doc.text("education.date_joined"), "Admitted")),
        ("Designated teacher", _f(doc, doc.text("education.designated_teacher.name"), "DT")),
        ("SEN stage", [wk.para(*marks(SEN, sen, style=style, doc=doc))]),
        ("Attendance this year (%)", _f(doc, doc.text("education.attendance.percent"), "Att")),
        (
            "Homework arrangements",
            _f(
                doc,
                doc.unplaced("homework", "Homework arrangements", "education.homework"),
                "Homework",
            ),
        ),
    ]
    return wk.table(
        [
            wk.title_row(
                "Section 2 - Education Information / Homework Arrangements", widths, fill=GREEN
            ),
            *_rows(doc, pairs),
        ],
        widths,
    )


def _section3(doc: Doc) -> str:
    widths = [1600, 3000, 2700, 1700, 1466]
    rows = [
        wk.title_row("Section 3 - Priorities and Targets", widths, fill=GREEN),
        header_row(["Priority", "Target", "Action", "By whom", "By when"], widths),
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("area", "description", "actions", "lead", "due_date"),
            lambda f, i: _f(doc, doc.cell("targets", i, f), f"T{f}"),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _section4(doc: Doc) -> list[str]:
    widths = [wk.TEXT_W]
    rows = [wk.title_row("Section 4 - Young Person's View", widths, fill=GREEN)]
    for label, typed, name in (
        ("What I think about school:", doc.text("views.child"), "YPView"),
        (
            "What I would like help with:",
            doc.unplaced("worries", "What I would like help with", "child.worries"),
            "YPHelp",
        ),
        ("My parent's view:", doc.text("views.parent"), "ParentView"),
    ):
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(label, bold=True)), *_f(doc, typed, name), width=widths[0])
            )
        )
    # a signature line; the designated teacher's line below holds a completion date only
    signature = doc.signatory("Young person").signature("young_person")
    return [
        wk.table(rows, widths),
        *box(
            doc,
            signature,
            style="legacy",
            tag="YPSign",
            lead=[wk.run("Young person's signature: ", bold=True)],
        ),
        *box(
            doc,
            doc.text("signoff.designated_teacher_date"),
            style="legacy",
            tag="DTDate",
            lead=[wk.run("Designated teacher - date completed: ", bold=True)],
        ),
    ]


def _summative(doc: Doc) -> list[str]:
    return [
        wk.heading("Summative Record"),
        wk.instruction(
            "The designated teacher completes as much of the summative record as "
            "possible from school records"
        ),
        *box(
            doc,
            doc.unplaced(
                "summary_record", "Summative record (schools attended)", "education.history"
            ),
            style="legacy",
            tag="Summative",
        ),
        *box(
            doc,
            doc.text("meta.meeting_date"),
            style="legacy",
            tag="ReviewDate",
            lead=[wk.run("Date of PEP review: ", bold=True)],
        ),
        *box(
            doc,
            doc.text("meta.next_review_date"),
            style="legacy",
            tag="NextReview",
            lead=[wk.run("Next review: ", bold=True)],
        ),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("PERSONAL EDUCATION PLAN"), style="Title"),
        wk.para(
            wk.run("For children and young people in public care", italic=True), align="center"
        ),
        _section1(doc),
        wk.gap(),
        _section2(doc),
        wk.gap(),
        _section3(doc),
        wk.gap(),
        *_section4(doc),
        *_summative(doc),
    ]
    return document(
        "Personal Education Plan",
        "Northmarsh County Council",
        "Children's Services - Education of Children in Care",
        "NCC PEP (legacy)",
        blocks,
        accent=GREEN,
        protected=True,
        doc=doc,
    )


LAYOUT = Layout(
    id="northmarsh-pep",
    set="eval",
    authority="Northmarsh County Council",
    source="norfolk",
    phase="school_age",
    kind="docx",
    features=(
        "protected form of legacy FORMTEXT fields",
        "FORMCHECKBOX boxes beside printed options (gender, legal status)",
        "Wingdings boxes (Insert > Symbol) for the SEN stage, or an X typed",
        "merged title rows per section",
        "summative record and signature lines in fields",
    ),
    completions=(
        (
            "eval-mia",
            Habits(dates=("dmy", "long"), ncy="yr", wording=0, quirks={"sen_boxes": "sym"}),
        ),
        (
            "eval-oscar",
            Habits(
                dates=("dots", "dmy2"),
                ncy="bare",
                wording=1,
                quirks={"sen_boxes": "sym_x"},
                blanks={"views.parent": "N/A"},
            ),
        ),
    ),
    build=build,
)
