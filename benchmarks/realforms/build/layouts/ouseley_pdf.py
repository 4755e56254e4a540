"""Central Ouseley PEP as a PDF, after Central Bedfordshire Virtual School's PEP pages: an online
PEP form started each term by the Virtual School, completed by the designated teacher before
the meeting, with mandatory fields (marked *, "N/A" entered where one does not apply), printed
and saved as a PDF, then checked and submitted by the child's Education Advisor. The saved
print keeps its fields, named as Acrobat names detected fields ("Text7", "Check Box3"): labels
sit in shaded cells of ruled tables beside their fields, options have their box to the left of
the words in columns under the question, yes/no questions have the box after each word, long
answers sit in ruled boxes with the question printed inside, and grids have fixed rows."""

from __future__ import annotations

from benchmarks.realforms.build.form import Doc
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout
from benchmarks.realforms.build.pdfkit import Sheet

LEGAL = [
    ("Interim care order (S38)", "C1"),
    ("Full care order (S31)", "C2"),
    ("Accommodated (S20)", "V2"),
    ("Placement order", "E1"),
]
SEN = [("No special educational needs", "N"), ("SEN support", "K"), ("EHC plan", "E")]
TERMS = [("Autumn", "autumn"), ("Spring", "spring"), ("Summer", "summer")]


def _choose(
    sheet: Sheet,
    doc: Doc,
    question: str,
    path: str,
    options: list[tuple[str, str]],
    columns: int = 2,
) -> None:
    chosen = doc.code(path)
    sheet.checklist(
        question,
        [text for text, _ in options],
        [code == chosen for _, code in options],
        columns=columns,
    )


def _yes_no(sheet: Sheet, doc: Doc, question: str, path: str) -> None:
    value = doc.flag(path)
    sheet.answer_boxes(question, ["Yes", "No"], [value is True, value is False])


def _rows(
    doc: Doc, list_path: str, fields: list[str], printed: int
) -> list[list[str | bool | None]]:
    """A PDF grid cannot grow: items beyond its printed rows are not on the form."""
    return [[doc.cell(list_path, index, name) for name in fields] for index in range(printed)]


def build(doc: Doc) -> bytes:
    sheet = Sheet(
        "Personal Education Plan - Statutory School Age",
        "Central Ouseley Council",
        "#00677F",
        "Central Ouseley Virtual School - PEP (saved from the online form)",
    )
    sheet.title("Personal Education Plan - Statutory School Age", size=14)
    sheet.note(
        "Fields marked * are mandatory. If a mandatory field does not apply, enter N/A. Once "
        "the form is submitted no further changes can be made, so send it to your Education "
        "Advisor to check first.",
        italic=False,
    )
    sheet.rule("1. Pupil details")
    sheet.ruled_pairs(
        [
            ("Legal forename*", doc.text("child.first_name")),
            ("Legal surname*", doc.text("child.last_name")),
            ("Date of birth*", doc.text("child.date_of_birth")),
            ("Gender*", doc.text("child.gender")),
            ("UPN*", doc.text("child.upn")),
            ("NC year group*", doc.text("education.ncy")),
            ("Ethnicity*", doc.text("child.ethnicity")),
            ("Home language", doc.text("child.first_language")),
        ]
    )
    sheet.rule("2. Care information")
    _choose(sheet, doc, "Care status*", "care.legal_status", LEGAL)
    sheet.ruled_pairs(
        [
            ("Date became looked after*", doc.text("care.date_became_looked_after")),
            ("Placement type", doc.text("care.placement_type")),
            ("Carer(s)*", doc.text("care.carer.name")),
            ("Carer telephone", doc.text("care.carer.phone")),
            ("Social worker*", doc.text("care.social_worker.name")),
            ("Social worker email*", doc.text("care.social_worker.email")),
            ("Social worker telephone", doc.text("care.social_worker.phone")),
            ("IRO", doc.text("care.iro.name")),
        ]
    )
    sheet.rule("3. School")
    sheet.ruled_pairs(
        [
            ("School name*", doc.text("education.setting_name")),
            ("DfE number*", doc.text("education.laestab")),
            ("Designated teacher*", doc.text("education.designated_teacher.name")),
            ("DT email*", doc.text("education.designated_teacher.email")),
            ("DT telephone", doc.text("education.designated_teacher.phone")),
            ("Date of admission", doc.text("education.date_joined")),
        ]
    )
    _choose(sheet, doc, "SEN status*", "education.sen_provision", SEN, columns=3)
    sheet.ruled_pairs(
        [
            ("Primary need", doc.text("education.sen_primary_need")),
            ("Date of EHC plan*", doc.text("education.ehcp_date")),
            ("SDQ score", doc.text("health.sdq_score")),
            ("SDQ date", doc.text("health.sdq_date")),
        ]
    )
    _yes_no(
        sheet, doc, "Is CAMHS or another mental health service involved?", "health.camhs_involved"
    )
    sheet.rule("4. Attendance")
    sheet.ruled_pairs(
        [
            ("Attendance %*", doc.text("education.attendance.percent")),
            ("Possible sessions", doc.text("education.attendance.sessions_possible")),
            ("Sessions missed", doc.text("education.attendance.sessions_missed")),
        ],
        columns=3,
        label_share=0.55,
    )
    sheet.rule("5. Progress and attainment")
    attainment: list[list[str | bool | None]] = []
    for index in range(4):
        row: list[str | bool | None] = [
            doc.cell("attainment", index, name) for name in ("subject", "current", "target")
        ]
        row.append(doc.item_flag("attainment", index, "on_track"))
        attainment.append(row)
    sheet.ruled_grid(
        ["Subject", "Working at now", "End of year target", "On track"],
        [3, 2.5, 2.5, 1],
        attainment,
        row_height=16,
        boxes=[False, False, False, True],
    )
    sheet.rule("6. Pupil voice")
    sheet.framed(
        "What does the pupil say about school and their learning?*", doc.text("views.child")
    )
    sheet.framed("Carer's views", doc.text("views.carer"), height=40)
    sheet.framed("Designated teacher's comments on progress", doc.text("views.school"), height=40)
    sheet.rule("7. Review of previous targets")
    previous = _rows(doc, "previous_targets", ["description", "outcome", "evidence"], 3)
    sheet.ruled_grid(["Previous target", "Outcome", "Evidence"], [4, 1.5, 3.5], previous)
    sheet.rule("8. Targets and Pupil Premium Plus request")
    targets = [
        [
            doc.cell("targets", index, "description"),
            doc.cell("targets", index, "actions"),
            doc.cell("targets", index, "lead"),
            doc.cell("targets", index, "due_date"),
            doc.cell("targets", index, "pp_plus_cost"),
        ]
        for index in range(3)
    ]
    sheet.ruled_grid(
        ["Target", "Actions and provision", "Lead", "Date", "PP+ requested (\u00a3)"],
        [3.5, 3.5, 1.6, 1.2, 1.2],
        targets,
        row_height=30,
    )
    sheet.ruled_pairs(
        [("Total PP+ requested (\u00a3)", doc.text("pp_plus.requested_total"))],
        columns=2,
    )
    sheet.rule("9. PEP meeting")
    term = doc.code("meta.term")
    sheet.checklist("Term*", [t for t, _ in TERMS], [c == term for _, c in TERMS], columns=3)
    sheet.ruled_pairs(
        [
            ("Date of PEP meeting*", doc.text("meta.meeting_date")),
            ("Date of next PEP*", doc.text("meta.next_review_date")),
        ]
    )
    people: list[list[str | bool | None]] = []
    for index in range(5):
        row2: list[str | bool | None] = [
            doc.cell("attendees", index, "name"),
            doc.cell("attendees", index, "role"),
        ]
        row2.append(doc.item_flag("attendees", index, "attended"))
        people.append(row2)
    sheet.ruled_grid(
        ["Name", "Role", "Attended"], [4, 4, 1.2], people, row_height=15, boxes=[False, False, True]
    )
    dt = doc.signatory("Designated teacher")
    dt_name = dt.name("education.designated_teacher.name")
    dt_date = dt.date("signoff.designated_teacher_date") if dt_name is not None else None
    sheet.ruled_pairs(
        [
            ("Completed by (DT)*", dt_name),
            ("Date completed*", dt_date),
        ]
    )
    return sheet.to_bytes()


LAYOUT = Layout(
    id="central-ouseley-pep-pdf",
    set="dev",
    authority="Central Ouseley Council",
    source="central-bedfordshire",
    phase="school_age",
    kind="pdf",
    features=(
        "PDF saved from an online form: AcroForm fields named Text1... and Check Box1... only",
        "labels in shaded cells of ruled tables, two label/field pairs to a row, mandatory "
        "ones marked *",
        "N/A typed in mandatory fields that do not apply",
        "options listed in columns under their question with the box left of the words",
        "Yes / No answered with the box after each word",
        "long answers in ruled boxes with the question printed inside",
        "ruled grids with fixed rows (attainment, previous targets, targets with PP+, attendees)",
        "section titles between two rules",
    ),
    completions=(
        (
            "dev-demi",
            Habits(
                dates=("dmy",),
                ncy="year",
                money="bare",
                wording=1,
                blanks={"health.sdq_date": "N/A", "care.iro.name": "N/A"},
            ),
        ),
        (
            "dev-zainab",
            Habits(
                dates=("dmy2", "slash"),
                ncy="y",
                wording=2,
                blanks={"education.ehcp_date": "N/A", "education.sen_primary_need": "N/A"},
            ),
        ),
    ),
    build=build,
)
