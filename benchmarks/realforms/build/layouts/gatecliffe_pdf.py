"""Gatecliffe PEP as a PDF form, after Gateshead's ePEP tabs (the same core tabs for every
phase, each under a blue banner: essential pupil information, care information, contact
information, health, SDQ, education setting, attendance, attainment, views, targets). The
fields are named as Acrobat names detected fields ("Text12", "Check Box4"), so only the printed
label beside or above each field says what it holds."""

from __future__ import annotations

from benchmarks.realforms.build.form import Doc
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout
from benchmarks.realforms.build.pdfkit import Sheet

LEGAL = [("S20", "V2"), ("ICO", "C1"), ("Full care order", "C2"), ("Placement order", "E1")]
SEN = [("No SEN", "N"), ("SEN support", "K"), ("EHCP", "E")]


def _options(sheet: Sheet, doc: Doc, label: str, path: str, options: list[tuple[str, str]]) -> None:
    chosen = doc.code(path)
    sheet.options(label, [text for text, _ in options], [code == chosen for _, code in options])


def _yes_no(sheet: Sheet, doc: Doc, label: str, path: str) -> None:
    value = doc.flag(path)
    sheet.options(label, ["Yes", "No"], [value is True, value is False])


def _rows(doc: Doc, list_path: str, fields: list[str], printed: int) -> list[list[str | None]]:
    """The printed rows of a PDF table: a PDF form cannot grow, so items beyond them are not
    on the form (and not in the truth)."""
    rows = []
    for index in range(printed):
        rows.append([doc.cell(list_path, index, name) for name in fields])
    return rows


def _build(doc: Doc, *, post16: bool) -> bytes:
    title = "Post 16 Personal Education Plan" if post16 else "Personal Education Plan"
    sheet = Sheet(
        title,
        "Gatecliffe Council",
        "#1F5A96",
        "Gatecliffe Virtual School ePEP export (P16)"
        if post16
        else "Gatecliffe Virtual School ePEP export (SSA)",
    )
    sheet.title(title)
    sheet.note(
        "This tab must be completed prior to the termly PEP meeting. Blue tabs: social "
        "worker. Red tabs: designated teacher / lead in the setting."
    )
    sheet.heading("Essential pupil information")
    identifier = ("ULN", doc.text("child.uln")) if post16 else ("UPN", doc.text("child.upn"))
    sheet.fields(
        [
            ("Legal name", doc.full_name()),
            ("Preferred name", doc.text("child.preferred_name")),
            ("Date of birth", doc.text("child.date_of_birth")),
            ("Gender", doc.text("child.gender")),
            ("Ethnicity", doc.text("child.ethnicity")),
            ("First language", doc.text("child.first_language")),
            identifier,
            ("Social care ID", doc.text("child.la_child_id")),
        ]
    )
    sheet.heading("Care information")
    if post16:
        _options(sheet, doc, "Care status", "care.legal_status", LEGAL)
    else:  # the school-age tab has a typed box
        sheet.fields([("Care status", doc.text("care.legal_status"))], columns=1)
    sheet.fields(
        [
            ("Date into care", doc.text("care.date_became_looked_after")),
            ("Placement type", doc.text("care.placement_type")),
            ("Placement start", doc.text("care.placement_start_date")),
            ("No. of placements", doc.text("care.number_of_placements")),
        ]
    )
    sheet.heading("Contact information")
    sheet.fields(
        [
            ("Social worker", doc.text("care.social_worker.name")),
            ("SW telephone", doc.text("care.social_worker.phone")),
            ("SW email", doc.text("care.social_worker.email")),
            ("Main carer", doc.text("care.carer.name")),
            ("Carer telephone", doc.text("care.carer.phone")),
            ("IRO", doc.text("care.iro.name")),
        ]
    )
    sheet.heading("Health information")
    sheet.field_above(
        "Any specific health conditions or medication needs which may impact on "
        "the school, college or provision",
        doc.unplaced("health", "Health conditions or medication needs", "health.notes"),
        height=30,
    )
    if not post16:
        sheet.heading("Strengths and difficulties questionnaire")
        sheet.fields(
            [
                ("SDQ score", doc.text("health.sdq_score")),
                ("Date of SDQ", doc.text("health.sdq_date")),
            ]
        )
        _yes_no(sheet, doc, "CAMHS involved?", "health.camhs_involved")
    sheet.heading("Education provision or setting information")
    pairs = [("Name of setting", doc.text("education.setting_name"))]
    if post16:
        pairs.append(
            ("Course and level", doc.unplaced("course", "Course and level", "education.course"))
        )
    else:
        pairs.append(("URN", doc.text("education.urn")))
    pairs += [
        ("Year group (NCY)", doc.text("education.ncy")),
        ("Date started", doc.text("education.date_joined")),
        ("Designated teacher", doc.text("education.designated_teacher.name")),
        ("DT email", doc.text("education.designated_teacher.email")),
    ]
    sheet.fields(pairs)
    _options(sheet, doc, "SEN provision", "education.sen_provision", SEN)
    sheet.heading("Attendance")
    sheet.fields(
        [
            ("Attendance %", doc.text("education.attendance.percent")),
            ("Sessions missed", doc.text("education.attendance.sessions_missed")),
        ]
    )
    sheet.heading("Attainment and progress")
    rows = []
    for index in range(3):
        row: list[str | bool | None] = [
            doc.cell("attainment", index, name) for name in ("subject", "current", "target")
        ]
        row.append(doc.item_flag("attainment", index, "on_track"))
        rows.append(row)
    sheet.grid(
        ["Subject / course", "Current", "Target", "On track"],
        [3, 2, 2, 1],
        rows,
        row_height=16,
        boxes=[False, False, False, True],
    )
    sheet.heading("Views")
    sheet.field_above(
        "Young person's views" if post16 else "Child's views", doc.text("views.child")
    )
    sheet.field_above("Carer's views", doc.text("views.carer"), height=32)
    sheet.field_above("Views of the school / college", doc.text("views.school"), height=32)
    sheet.heading("Targets")
    fields = ["description", "actions", "lead", "due_date"]
    headers = ["Target", "Actions", "Who", "By when"]
    widths = [4, 4, 2, 1.5]
    if not post16:
        fields.append("pp_plus_cost")
        headers.append("PP+ £")
        widths.append(1.2)
    sheet.grid(headers, widths, _rows(doc, "targets", fields, 3), row_height=30)
    sheet.heading("PEP meeting")
    sheet.fields(
        [
            ("Date of PEP", doc.text("meta.meeting_date")),
            ("Date of next PEP", doc.text("meta.next_review_date")),
        ]
    )
    people = []
    for index in range(4):
        row2: list[str | bool | None] = [
            doc.cell("attendees", index, "name"),
            doc.cell("attendees", index, "role"),
        ]
        row2.append(doc.item_flag("attendees", index, "attended"))
        people.append(row2)
    sheet.grid(
        ["Name", "Role", "Attended"], [3, 3, 1], people, row_height=16, boxes=[False, False, True]
    )
    return sheet.to_bytes()


def build_post16(doc: Doc) -> bytes:
    return _build(doc, post16=True)


def build_school(doc: Doc) -> bytes:
    return _build(doc, post16=False)


FEATURES = (
    "PDF AcroForm with fields named Text1... and Check Box1... only",
    "printed label to the left of each field, or above multi-line fields",
    "option boxes beside printed words (care status, SEN provision, yes/no)",
    "fixed table rows (a PDF form cannot grow)",
    "blue banner section headings",
)

POST16 = Layout(
    id="gatecliffe-post-16-pdf",
    set="dev",
    authority="Gatecliffe Council",
    source="gateshead",
    phase="post16",
    kind="pdf",
    features=FEATURES,
    completions=(
        ("dev-tyler", Habits(dates=("dmy", "dmy2"), ncy="year", percent="pct")),
        (
            "dev-kai",
            Habits(dates=("ordinal", "dmy"), ncy="yr", wording=1, blanks={"care.iro.name": "n/a"}),
        ),
    ),
    build=build_post16,
)

SCHOOL = Layout(
    id="gatecliffe-school-age-pdf",
    set="dev",
    authority="Gatecliffe Council",
    source="gateshead",
    phase="school_age",
    kind="pdf",
    features=FEATURES,
    completions=(
        (
            "dev-lilymae",
            Habits(dates=("dmy",), ncy="yr", money="pence", blanks={"care.iro.name": "-"}),
        ),
        ("dev-callum", Habits(dates=("dots", "dmy2", "long"), ncy="year", wording=1)),
    ),
    build=build_school,
)
