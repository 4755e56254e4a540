"""Saxmere PEP, after Suffolk's "Effective PEP writing guidelines": the meeting recorded under
the Signs of Safety headings (what's working well, what are we worried about, what needs to
happen), an attainment grid with a column per term (the current term's column holds this
PEP's judgement), the learning objectives planning proforma (objective, success criteria,
strategies, person responsible, review date, pupil premium), support and achievement, pupil
voice and careers support."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    each,
    grid_rows,
    header_row,
    label_rows,
    question_below,
    row_tag,
)

TEAL = "006A71"
TERMS = ["autumn", "spring", "summer"]


def _c(doc: Doc, typed: str | None, key: str, size: int = 18) -> list[str]:
    return box(doc, typed, style="control", key=key, tag=key, size=size)


def _details(doc: Doc) -> str:
    widths = [2300, 2933, 2300, 2933]
    pairs = [
        ("Pupil name", _c(doc, doc.full_name(middle=False), "Name")),
        ("Date of birth", _c(doc, doc.text("child.date_of_birth"), "DOB")),
        ("UPN", _c(doc, doc.text("child.upn"), "UPN")),
        ("NC year", _c(doc, doc.text("education.ncy"), "NCY")),
        ("School", _c(doc, doc.text("education.setting_name"), "School")),
        ("Designated Teacher", _c(doc, doc.text("education.designated_teacher.name"), "DT")),
        ("Social Worker", _c(doc, doc.text("care.social_worker.name"), "SW")),
        ("Legal status", _c(doc, doc.text("care.legal_status"), "Legal")),
        ("PEP date", _c(doc, doc.text("meta.meeting_date"), "PEPDate")),
        ("Term", _c(doc, doc.text("meta.term"), "Term")),
    ]
    return wk.table(label_rows(pairs, widths, fill="D9EEEF"), widths)


def _meeting(doc: Doc) -> str:
    rows = []
    for key, heading in (
        ("working_well", "What's working well?"),
        ("worried", "What are we worried about?"),
        ("needs_to_happen", "What needs to happen?"),
    ):
        typed = doc.unplaced(key, heading, f"meeting.{key}")
        rows += question_below(
            heading, box(doc, typed, style="rich", key=key, tag=key), wk.TEXT_W, fill="D9EEEF"
        )
    return wk.table(rows, [wk.TEXT_W])


def _attainment(doc: Doc) -> str:
    widths = [2600, 1900, 1900, 1900, 2166]
    term = doc.value("meta.term")
    column = TERMS.index(term) if term in TERMS else 0

    def cell_for(number: int) -> Column:
        def render(i: int) -> list[str]:
            typed = doc.cell("attainment", i, "current") if number == column else None
            return _c(doc, typed, row_tag(f"T{number}", i, 4))

        return render

    rows = [
        header_row(
            ["Subject", "Autumn", "Spring", "Summer", "End of year target"], widths, fill="D9EEEF"
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        [
            lambda i: _c(doc, doc.cell("attainment", i, "subject"), row_tag("Subj", i, 4)),
            cell_for(0),
            cell_for(1),
            cell_for(2),
            lambda i: _c(doc, doc.cell("attainment", i, "target"), row_tag("EOY", i, 4)),
        ],
        widths,
        printed_rows=4,
    )
    return wk.table(rows, widths)


def _objectives(doc: Doc) -> str:
    widths = [2300, 2000, 2200, 1500, 1300, 1166]
    printed = 3
    rows = [
        header_row(
            [
                "Learning objective",
                "Success criteria",
                "Strategies / resources",
                "Person responsible",
                "Date to be reviewed",
                "Pupil premium (£)",
            ],
            widths,
            fill="D9EEEF",
            size=16,
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            (
                "description",
                "success_criteria",
                "actions",
                "lead",
                "due_date",
                "pp_plus_cost",
            ),
            lambda f, i: _c(doc, doc.cell("targets", i, f), row_tag(f, i, printed), 16),
        ),
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _support(doc: Doc) -> str:
    widths = [4800, 1800, 3866]
    rows = [
        header_row(
            ["Last term's learning objectives", "Outcome", "Impact / evidence"],
            widths,
            fill="D9EEEF",
        )
    ]
    rows += grid_rows(
        doc,
        "previous_targets",
        each(
            ("description", "outcome", "evidence"),
            lambda f, i: _c(doc, doc.cell("previous_targets", i, f), row_tag(f, i, 3)),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan"), style="Title"),
        wk.para(
            wk.run(
                "Improving outcomes for children in care through the Personal Education Plan",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        wk.heading("Pupil details"),
        _details(doc),
        wk.heading("PEP meeting record"),
        wk.instruction("Record the discussion under the Signs of Safety headings"),
        _meeting(doc),
        wk.heading("Attainment"),
        wk.instruction("Enter this term's teacher assessment in the column for the term"),
        _attainment(doc),
        *box(
            doc,
            doc.text("education.attendance.percent"),
            style="control",
            tag="Attendance",
            lead=[wk.run("Attendance this year (%): ", bold=True)],
        ),
        wk.heading("Learning objectives planning proforma"),
        _objectives(doc),
        wk.heading("Support and achievement"),
        _support(doc),
        wk.heading("Pupil voice"),
        wk.para(wk.run("My voice:", bold=True)),
        *box(doc, doc.text("views.child"), style="rich", key="views.child", tag="Voice"),
        wk.para(wk.run("Parent / carer voice:", bold=True)),
        *box(doc, doc.text("views.carer"), style="rich", key="views.carer", tag="CarerVoice"),
        wk.heading("Careers support"),
        *_c(doc, doc.text("transition.careers_advice"), "Careers"),
        *box(
            doc,
            doc.text("transition.aspirations"),
            style="control",
            tag="Aspirations",
            lead=[wk.run("Aspirations: ", bold=True)],
        ),
    ]
    return document(
        "Personal Education Plan",
        "Saxmere County Council",
        "Saxmere Virtual School",
        "Saxmere PEP export",
        blocks,
        accent=TEAL,
        doc=doc,
    )


LAYOUT = Layout(
    id="saxmere-pep",
    set="eval",
    authority="Saxmere County Council",
    source="suffolk",
    phase="school_age",
    kind="docx",
    features=(
        "Signs of Safety headings with answers below",
        "attainment grid with a column per term (the current term's column is this PEP's)",
        "learning objectives proforma (objective, success criteria, strategies, person "
        "responsible, review date, pupil premium)",
        "content controls with copied rows",
    ),
    completions=(
        (
            "eval-mia",
            Habits(
                dates=("dmy",),
                ncy="year",
                word_for={"previous_targets.outcome": 1},
                quirks={"working_well": "beside"},
            ),
        ),
        (
            "eval-oscar",
            Habits(
                dates=("ordinal", "dmy2"),
                ncy="yr",
                money="pence",
                word_for={"previous_targets.outcome": 2},
            ),
        ),
    ),
    build=build,
)
