"""East Sallowfield PEP (under 16s) with its Pupil Premium Grant referral form, after East
Sussex's PEP form: modern content controls in label/value tables, Yes / No answered with ☐/☒
glyphs, an attendee table (Name / Role / Organisation / Invited / Attended) kept apart from
the sign-off table (Role / Name / Signature / Date), and a PPG referral grid of costed items."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, yes_no
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    each,
    grid_rows,
    header_row,
    label_rows,
    row_tag,
)

BLUE = "2E74B5"
ORGANISATIONS = {
    "social_worker": "Children's Services",
    "teacher": "School",
    "virtual_school": "Virtual School",
    "iro": "Children's Services",
}


def _c(doc: Doc, typed: str | None, key: str) -> list[str]:
    return box(doc, typed, style="control", key=key, tag=key, size=18)


def _details(doc: Doc) -> str:
    widths = [2300, 2933, 2300, 2933]
    pairs = [
        ("Child's name", _c(doc, doc.full_name(), "Name")),
        ("Date of birth", _c(doc, doc.text("child.date_of_birth"), "DOB")),
        ("UPN", _c(doc, doc.text("child.upn"), "UPN")),
        ("Year group", _c(doc, doc.text("education.ncy"), "NCY")),
        ("Gender", _c(doc, doc.text("child.gender"), "Gender")),
        ("Ethnicity", _c(doc, doc.text("child.ethnicity"), "Ethnicity")),
        ("Legal status", _c(doc, doc.text("care.legal_status"), "Legal")),
        ("Placement type", _c(doc, doc.text("care.placement_type"), "Placement")),
        ("School", _c(doc, doc.text("education.setting_name"), "School")),
        ("DfE number", _c(doc, doc.text("education.laestab"), "DfE")),
        ("Designated teacher", _c(doc, doc.text("education.designated_teacher.name"), "DT")),
        ("Social worker", _c(doc, doc.text("care.social_worker.name"), "SW")),
        ("SEN provision", _c(doc, doc.text("education.sen_provision"), "SEN")),
        ("EHCP date", _c(doc, doc.text("education.ehcp_date"), "EHCP")),
        ("Date of PEP meeting", _c(doc, doc.text("meta.meeting_date"), "PEPDate")),
        ("Next PEP due", _c(doc, doc.text("meta.next_review_date"), "NextPEP")),
    ]
    return wk.table(label_rows(pairs, widths, fill="DEEAF6"), widths)


def _questions(doc: Doc) -> str:
    widths = [6466, 4000]
    style = doc.habits.quirks.get("boxes", "glyph") if not doc.blank else "glyph"
    rows = []
    for question, path in (
        ("Is the child receiving support from CAMHS?", "health.camhs_involved"),
        ("Is the child on a part-time timetable?", "education.part_time_timetable"),
    ):
        rows.append(
            wk.row(
                wk.cell(wk.para(wk.run(question, size=18)), width=widths[0]),
                wk.cell(wk.para(*yes_no(doc, doc.flag(path), style=style)), width=widths[1]),
            )
        )
    rows.append(
        wk.row(
            wk.cell(wk.para(wk.run("Current SDQ score", size=18)), width=widths[0]),
            wk.cell(*_c(doc, doc.text("health.sdq_score"), "SDQ"), width=widths[1]),
        )
    )
    rows.append(
        wk.row(
            wk.cell(wk.para(wk.run("Attendance this academic year (%)", size=18)), width=widths[0]),
            wk.cell(*_c(doc, doc.text("education.attendance.percent"), "Att"), width=widths[1]),
        )
    )
    return wk.table(rows, widths)


def _attendees(doc: Doc) -> str:
    from benchmarks.realforms.build.form import attendee_kind

    widths = [2600, 2500, 2366, 1500, 1500]
    style = doc.habits.quirks.get("boxes", "glyph") if not doc.blank else "glyph"
    printed = 5

    def organisation(i: int) -> list[str]:
        items = doc.items("attendees")
        text = None
        if i < len(items):
            text = ORGANISATIONS.get(attendee_kind(items[i]["role"]))
            if text is not None:
                doc.truth.item("attendees", i)["organisation"] = text
        return _c(doc, text, row_tag("Org", i, printed))

    def flag(name: str) -> Column:
        return lambda i: [
            wk.para(*yes_no(doc, doc.item_flag("attendees", i, name), style=style, size=16))
        ]

    rows = [
        header_row(["Name", "Role", "Organisation", "Invited", "Attended"], widths, fill="DEEAF6")
    ]
    rows += grid_rows(
        doc,
        "attendees",
        [
            lambda i: _c(doc, doc.cell("attendees", i, "name"), row_tag("AName", i, printed)),
            lambda i: _c(doc, doc.cell("attendees", i, "role"), row_tag("ARole", i, printed)),
            organisation,
            flag("invited"),
            flag("attended"),
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _targets(doc: Doc) -> str:
    widths = [2600, 2700, 2000, 1700, 1466]
    rows = [
        header_row(["SMART target", "Actions", "Lead", "Review by", "PP+ £"], widths, fill="DEEAF6")
    ]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("description", "actions", "lead", "due_date", "pp_plus_cost"),
            lambda f, i: _c(doc, doc.cell("targets", i, f), row_tag(f, i, 3)),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _ppg(doc: Doc) -> list[str]:
    widths = [6900, 3566]
    rows = [
        wk.title_row("Pupil Premium Grant referral form", widths, fill=BLUE),
        header_row(["What is the PPG for?", "Amount (£)"], widths, fill="DEEAF6"),
    ]
    rows += grid_rows(
        doc,
        "pp_plus.items",
        [
            lambda i: _c(doc, doc.cell("pp_plus.items", i, "description"), row_tag("PPG", i, 3)),
            lambda i: _c(doc, doc.cell("pp_plus.items", i, "cost"), row_tag("PPGCost", i, 3)),
        ],
        widths,
        printed_rows=3,
    )
    return [
        wk.table(rows, widths),
        *box(
            doc,
            doc.text("pp_plus.requested_total"),
            style="control",
            tag="PPGTotal",
            lead=[wk.run("Total requested: ", bold=True)],
        ),
    ]


def _sign_off(doc: Doc) -> str:
    widths = [2500, 3000, 2966, 2000]
    rows = [header_row(["Role", "Name", "Signature", "Date"], widths, fill="DEEAF6")]
    for role, name_path, signer, date_path in (
        (
            "Designated Teacher",
            "education.designated_teacher.name",
            "designated_teacher",
            "signoff.designated_teacher_date",
        ),
        ("Social Worker", "care.social_worker.name", "social_worker", "signoff.social_worker_date"),
        ("Young person", None, "young_person", None),
    ):
        row = doc.signatory(role)
        signature = row.signature(signer)
        when = row.date(date_path) if date_path else None
        name = row.name(name_path) if name_path and (signature or when) else None
        if name_path is None and signature is not None:
            name = row.named(doc.full_name(middle=False))
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill="F2F2F2"),
                *(
                    wk.cell(*_c(doc, v, f"Sign{role}{n}"), width=w)
                    for n, (v, w) in enumerate(
                        zip([name, signature, when], widths[1:], strict=True)
                    )
                ),
            )
        )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan (PEP)"), style="Title"),
        wk.para(
            wk.run(
                "For children in care under 16. Includes the Pupil Premium Grant referral form.",
                italic=True,
                size=16,
            ),
            align="center",
        ),
        wk.heading("1. Child and placement details"),
        _details(doc),
        wk.heading("2. Wellbeing and attendance"),
        _questions(doc),
        wk.heading("3. Who was at the meeting"),
        _attendees(doc),
        wk.heading("4. Views"),
        *[
            p
            for label, path in (
                ("Child's views", "views.child"),
                ("Carer's views", "views.carer"),
                ("School's views", "views.school"),
            )
            for p in [
                wk.para(wk.run(label, bold=True)),
                *box(doc, doc.text(path), style="rich", key=path, tag=path),
            ]
        ],
        wk.heading("5. Targets"),
        _targets(doc),
        wk.heading("6. Pupil Premium Grant"),
        *_ppg(doc),
        wk.heading("7. Sign off"),
        _sign_off(doc),
    ]
    return document(
        "Personal Education Plan",
        "East Sallowfield County Council",
        "Virtual School",
        "ESCC PEP form (under 16)",
        blocks,
        accent=BLUE,
        doc=doc,
    )


LAYOUT = Layout(
    id="east-sallowfield-pep",
    set="eval",
    authority="East Sallowfield County Council",
    source="east-sussex",
    phase="school_age",
    kind="docx",
    features=(
        "modern content controls in four-column label/value tables",
        "Yes / No answered with ☐/☒ glyphs",
        "attendee table (Name / Role / Organisation / Invited / Attended)",
        "sign-off table (Role / Name / Signature / Date)",
        "Pupil Premium Grant referral grid of costed items",
        "full name in one control",
    ),
    completions=(
        (
            "eval-jordan",
            Habits(
                dates=("dmy", "ordinal"),
                ncy="yr",
                money="pence",
                quirks={"boxes": "glyph", "views.child": "below"},
            ),
        ),
        (
            "eval-ruby",
            Habits(
                dates=("dmy2", "slash"),
                ncy="year",
                wording=1,
                money="pounds",
                quirks={"boxes": "glyph_x", "views.school": "beside"},
            ),
        ),
    ),
    build=build,
)
