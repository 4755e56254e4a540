"""Sedgecombe early years PEP, after Somerset's Early Years PEP (pre-school provision and
Reception classes): section 1a completed by the social worker in legacy form fields, the
setting's view of progress against printed EYFS areas with YES / NO circled for "on track",
"My Views" collected by the key person, next steps with an EYPP column, and a sign-off table
(role, name, signature, date)."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    grid_rows,
    header_row,
    label_rows,
    question_below,
)

GREEN = "385623"
AREAS = [
    "Personal, social and emotional development",
    "Communication and language",
    "Physical development",
    "Literacy",
    "Mathematics",
]


def _field(doc: Doc, typed: str | None, name: str) -> list[str]:
    return box(doc, typed, style="legacy", tag=name, size=18)


def _details(doc: Doc) -> str:
    widths = [2400, 2833, 2400, 2833]
    pairs = [
        ("Child's full name", _field(doc, doc.full_name(), "ChildName")),
        ("Date of birth", _field(doc, doc.text("child.date_of_birth"), "DOB")),
        ("Gender", _field(doc, doc.text("child.gender"), "Gender")),
        ("Ethnicity", _field(doc, doc.text("child.ethnicity"), "Ethnicity")),
        ("Legal status", _field(doc, doc.text("care.legal_status"), "Legal")),
        ("Date became looked after", _field(doc, doc.text("care.date_became_looked_after"), "DLA")),
        ("Placement type", _field(doc, doc.text("care.placement_type"), "Placement")),
        ("Carer(s)", _field(doc, doc.text("care.carer.name"), "Carer")),
        ("Carer telephone", _field(doc, doc.text("care.carer.phone"), "CarerTel")),
        ("Social worker", _field(doc, doc.text("care.social_worker.name"), "SW")),
        ("Social worker telephone", _field(doc, doc.text("care.social_worker.phone"), "SWTel")),
        ("Setting / school", _field(doc, doc.text("education.setting_name"), "Setting")),
        (
            "Area SENCO / designated teacher",
            _field(doc, doc.text("education.designated_teacher.name"), "DT"),
        ),
        ("Foundation year (F1 / F2)", _field(doc, doc.text("education.ncy"), "FYear")),
        ("Date of this PEP", _field(doc, doc.text("meta.meeting_date"), "PEPDate")),
        ("Date of last PEP", _field(doc, doc.text("meta.previous_pep_date"), "LastPEP")),
    ]
    return wk.table(label_rows(pairs, widths, fill="E2EFD9"), widths)


def _progress(doc: Doc) -> str:
    widths = [3300, 2400, 2400, 2366]
    circle = doc.habits.quirks.get("circle", "strike") if not doc.blank else "strike"
    rows = [
        header_row(
            [
                "Early Years Outcomes (Development Matters)",
                "Where I am now",
                "Where I will be by my next PEP",
                "On track? (circle)",
            ],
            widths,
            fill="E2EFD9",
            size=16,
        )
    ]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    for area in AREAS:
        index = by_subject.get(area)
        now = later = None
        on_track = None
        if index is not None:
            doc.truth.item("attainment", index)["subject"] = area
            now = doc.cell("attainment", index, "current")
            later = doc.cell("attainment", index, "target")
            on_track = doc.item_flag("attainment", index, "on_track")
        rows.append(
            wk.row(
                wk.label(area, widths[0], fill="F2F2F2", size=16),
                wk.cell(*box(doc, now, style="typed", size=18), width=widths[1]),
                wk.cell(*box(doc, later, style="typed", size=18), width=widths[2]),
                wk.cell(
                    wk.para(
                        *marks([("YES", True), ("NO", False)], on_track, style=circle, doc=doc)
                    ),
                    width=widths[3],
                ),
            )
        )
    return wk.table(rows, widths)


def _views(doc: Doc) -> str:
    rows = []
    for question, typed, key in (
        (
            "What I enjoy doing",
            doc.text("child.leisure_interests"),
            "interests",
        ),
        (
            "My voice (what I have shown or told my key person)",
            doc.text("views.child"),
            "views.child",
        ),
        ("What my carer says", doc.text("views.carer"), "views.carer"),
        ("What my key person says", doc.text("views.school"), "views.school"),
    ):
        rows += question_below(
            question, box(doc, typed, style="typed", key=key, size=18), wk.TEXT_W, fill="E2EFD9"
        )
    return wk.table(rows, [wk.TEXT_W])


def _next_steps(doc: Doc) -> str:
    widths = [1700, 2700, 2400, 1500, 1200, 966]

    def column(field: str) -> Column:
        return lambda i: box(doc, doc.cell("targets", i, field), style="typed", size=16)

    rows = [
        header_row(
            ["Area", "Next step", "How we will help", "Who", "When", "EYPP £"],
            widths,
            fill="E2EFD9",
            size=16,
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            column(f)
            for f in (
                "area",
                "description",
                "actions",
                "lead",
                "due_date",
                "pp_plus_cost",
            )
        ],
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _sign_off(doc: Doc) -> str:
    widths = [2800, 3000, 2666, 2000]
    rows = [header_row(["Role", "Name", "Signature", "Date"], widths, fill="E2EFD9")]
    for role, name_path, signer, date_path in (
        (
            "Designated teacher / key person",
            "education.designated_teacher.name",
            "designated_teacher",
            "signoff.designated_teacher_date",
        ),
        ("Social worker", "care.social_worker.name", "social_worker", "signoff.social_worker_date"),
    ):
        row = doc.signatory(role)
        signature = row.signature(signer)
        when = row.date(date_path)
        name = row.name(name_path) if (signature or when) else None
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill="F2F2F2"),
                wk.cell(*box(doc, name, style="typed"), width=widths[1]),
                wk.cell(*box(doc, signature, style="typed"), width=widths[2]),
                wk.cell(*box(doc, when, style="typed"), width=widths[3]),
            )
        )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan"), style="Title"),
        wk.para(
            wk.run(
                "Early Years Foundation Stage - Pre-school Provision and Reception Classes",
                bold=True,
                size=22,
            ),
            align="center",
        ),
        wk.heading("Section 1a: My details"),
        wk.instruction(
            "To be completed by the Social Worker and emailed to the setting 5 working "
            "days before the meeting"
        ),
        _details(doc),
        wk.heading("Section 2a: How I am learning and developing"),
        wk.instruction("To be completed by the key person / designated teacher before the meeting"),
        _progress(doc),
        wk.gap(),
        *box(
            doc,
            doc.text("education.attendance.percent"),
            style="legacy",
            tag="Attendance",
            lead=[wk.run("Section 2b: My attendance since my last PEP (%): ", bold=True)],
        ),
        wk.heading("Section 3: My Views"),
        wk.instruction(
            "Normally completed by my key person with me, using photos, objects or drawings"
        ),
        _views(doc),
        wk.heading("Section 4: My next steps"),
        _next_steps(doc),
        wk.heading("Sign off"),
        _sign_off(doc),
    ]
    return document(
        "Early Years PEP",
        "Sedgecombe County Council",
        "Virtual School for Children Looked After",
        "Sedgecombe EY PEP (2025)",
        blocks,
        accent=GREEN,
        protected=True,
        doc=doc,
    )


LAYOUT = Layout(
    id="sedgecombe-early-years",
    set="dev",
    authority="Sedgecombe County Council",
    source="somerset-ey",
    phase="early_years",
    kind="docx",
    features=(
        "legacy FORMTEXT fields in a protected form",
        "full name in one field",
        "printed EYFS areas with YES / NO circled by striking out the other word",
        "question cell with the answer below",
        "an answer typed with Track Changes on (unaccepted insertion)",
        "sign-off table (role, name, signature, date)",
        "F1 / F2 year groups",
    ),
    completions=(
        (
            "dev-reuben",
            Habits(
                dates=("dmy", "dots"),
                ncy="f",
                wording=1,
                money="bare",
                quirks={"circle": "strike", "views.carer": "tracked"},
                word_for={"care.legal_status": 0},
            ),
        ),
        (
            "dev-poppy",
            Habits(
                dates=("short", "dmy2"),
                ncy="f",
                wording=2,
                quirks={"circle": "highlight"},
            ),
        ),
    ),
    build=build,
)
