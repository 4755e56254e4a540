"""Glenmoor PEP document, after Gloucestershire Virtual School's "Personal Education Plan
2020/2021": every table under a merged, dark title row in capitals (BASIC DETAILS, ATTENDANCE
AT THE PEP...), the child's full name in one box, a printed attendance table (Child, Social
Worker, Parent / Carer, Designated Teacher, Virtual School, then OTHER AGENCIES rows) with
checkbox controls for Invited and Present, an SEMH table with the SDQ score and a target grid
asking What / Why / How / Who / When / PP+ cost."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    grid_rows,
    header_row,
    row_tag,
)

DARK = "17365D"
PRINTED_ROLES = [
    ("Child", "child"),
    ("Social Worker", "social_worker"),
    ("Parent / Carer", "carer"),
    ("Designated Teacher", "teacher"),
    ("Virtual School", "virtual_school"),
]


def _control(doc: Doc, typed: str | None, key: str, *, date: bool = False) -> list[str]:
    if date:
        return box(doc, typed, style="date", key=key, tag=key, size=18)
    return box(doc, typed, style="control", key=key, tag=key, size=18)


def _basic(doc: Doc) -> str:
    widths = [2000, 3233, 2000, 3233]
    name = doc.full_name(middle=False)
    rows = [
        wk.title_row("BASIC DETAILS", widths, fill=DARK),
        wk.row(
            wk.label("DATE OF PEP MEETING", widths[0] + widths[1], span=2),
            wk.cell(
                *_control(doc, doc.text("meta.meeting_date"), "PEPDate", date=True),
                width=widths[2] + widths[3],
                span=2,
            ),
        ),
        wk.title_row("CHILD'S/YOUNG PERSON'S IDENTIFYING DETAILS", widths, fill=DARK),
        wk.row(
            wk.label("Child / YP Name", widths[0]),
            wk.cell(*_control(doc, name, "Name"), width=widths[1]),
            wk.label("School Year", widths[2]),
            wk.cell(*_control(doc, doc.text("education.ncy"), "Year"), width=widths[3]),
        ),
        wk.row(
            wk.label("DOB", widths[0]),
            wk.cell(
                *_control(doc, doc.text("child.date_of_birth"), "DOB", date=True), width=widths[1]
            ),
            wk.label("School Name", widths[2]),
            wk.cell(*_control(doc, doc.text("education.setting_name"), "School"), width=widths[3]),
        ),
        wk.row(
            wk.label("UPN", widths[0]),
            wk.cell(*_control(doc, doc.text("child.upn"), "UPN"), width=widths[1]),
            wk.label("Legal Status", widths[2]),
            wk.cell(*_control(doc, doc.text("care.legal_status"), "Legal"), width=widths[3]),
        ),
        wk.row(
            wk.label("SEN status", widths[0]),
            wk.cell(*_control(doc, doc.text("education.sen_provision"), "SEN"), width=widths[1]),
            wk.label("Primary need", widths[2]),
            wk.cell(
                *_control(doc, doc.text("education.sen_primary_need"), "Need"), width=widths[3]
            ),
        ),
    ]
    return wk.table(rows, widths)


def _attendance_at_pep(doc: Doc) -> str:
    widths = [2600, 4266, 1800, 1800]
    rows = [
        wk.title_row("MEETING ATTENDANCE AND MULTI-AGENCY WORK", widths, fill=DARK),
        header_row(["ATTENDANCE AT THE PEP Role", "Name", "Invited", "Present"], widths),
    ]

    def person_row(role: str, who: dict[str, Any] | None) -> str:
        name = invited = present = None
        if who is not None and not doc.blank:
            item = {"name": who["name"], "role": role}
            name = who["name"]
            invited, present = who.get("invited"), who.get("attended")
            if invited is not None:
                item["invited"] = invited
            if present is not None:
                item["attended"] = present
            doc.add_item("attendees", item)
        return wk.row(
            wk.label(role, widths[0], fill="F2F2F2"),
            wk.cell(*_control(doc, name, f"Att{role}"), width=widths[1]),
            wk.cell(
                wk.para(*marks([("", True)], invited, style="control", doc=doc)), width=widths[2]
            ),
            wk.cell(
                wk.para(*marks([("", True)], present, style="control", doc=doc)), width=widths[3]
            ),
        )

    for role, kind in PRINTED_ROLES:
        rows.append(person_row(role, doc.attendee(kind)))
    rows.append(
        wk.row(
            wk.cell(
                wk.para(wk.run("OTHER AGENCIES", bold=True, size=18)),
                width=sum(widths),
                span=4,
                fill=wk.GREY,
            )
        )
    )
    others = [a for a in doc.items("attendees") if _kind(a) in ("other", "iro", "parent")]
    for n in range(max(2, len(others))):
        who = others[n] if n < len(others) else None
        role_typed = who["role"] if who else None
        if who is not None and not doc.blank:
            item = {
                "name": who["name"],
                "role": who["role"],
                "invited": who["invited"],
                "attended": who["attended"],
            }
            doc.add_item("attendees", item)
        rows.append(
            wk.row(
                wk.cell(*_control(doc, role_typed, "OtherRole"), width=widths[0]),
                wk.cell(*_control(doc, who["name"] if who else None, "OtherName"), width=widths[1]),
                wk.cell(
                    wk.para(
                        *marks(
                            [("", True)], who["invited"] if who else None, style="control", doc=doc
                        )
                    ),
                    width=widths[2],
                ),
                wk.cell(
                    wk.para(
                        *marks(
                            [("", True)], who["attended"] if who else None, style="control", doc=doc
                        )
                    ),
                    width=widths[3],
                ),
            )
        )
    return wk.table(rows, widths)


def _kind(attendee: dict[str, Any]) -> str:
    from benchmarks.realforms.build.form import attendee_kind

    return attendee_kind(attendee["role"])


def _semh(doc: Doc) -> str:
    widths = [2600, 2633, 2600, 2633]
    camhs = doc.flag("health.camhs_involved")
    rows = [
        wk.title_row("SOCIAL, EMOTIONAL, MENTAL HEALTH AND WELLBEING", widths, fill=DARK),
        wk.row(
            wk.label("SDQ Score", widths[0]),
            wk.cell(*_control(doc, doc.text("health.sdq_score"), "SDQ"), width=widths[1]),
            wk.label("Date of SDQ", widths[2]),
            wk.cell(
                *_control(doc, doc.text("health.sdq_date"), "SDQDate", date=True), width=widths[3]
            ),
        ),
        wk.row(
            wk.label("Is CAMHS involved?", widths[0]),
            wk.cell(
                wk.para(*marks([("Yes", True), ("No", False)], camhs, style="control", doc=doc)),
                width=sum(widths[1:]),
                span=3,
            ),
        ),
        wk.row(
            wk.label("School's view of the child's wellbeing", widths[0]),
            wk.cell(
                *box(
                    doc,
                    doc.text("views.school"),
                    style="rich",
                    key="views.school",
                    tag="SchoolView",
                ),
                width=sum(widths[1:]),
                span=3,
            ),
        ),
    ]
    return wk.table(rows, widths)


def _attainment(doc: Doc) -> str:
    widths = [3000, 2500, 2500, 2466]
    printed = 3

    def column(field: str) -> Column:
        def render(i: int) -> list[str]:
            if field == "on_track":
                value = doc.item_flag("attainment", i, "on_track")
                return [
                    wk.para(*marks([("Yes", True), ("No", False)], value, style="control", doc=doc))
                ]
            return _control(doc, doc.cell("attainment", i, field), row_tag(field, i, printed))

        return render

    rows = [
        wk.title_row("ATTAINMENT AND PROGRESS", widths, fill=DARK),
        header_row(["Subject", "Current attainment", "End of year target", "On track?"], widths),
    ]
    rows += grid_rows(
        doc,
        "attainment",
        [
            column(f)
            for f in (
                "subject",
                "current",
                "target",
                "on_track",
            )
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _previous(doc: Doc) -> str:
    widths = [4600, 1900, 3966]
    printed = 3

    def column(field: str) -> Column:
        def render(i: int) -> list[str]:
            return _control(
                doc, doc.cell("previous_targets", i, field), row_tag(f"Prev{field}", i, printed)
            )

        return render

    rows = [
        wk.title_row("REVIEW OF PREVIOUS TARGETS", widths, fill=DARK),
        header_row(["Previous target", "Met / Partly met / Not met", "Evidence"], widths),
    ]
    rows += grid_rows(
        doc,
        "previous_targets",
        [
            column(f)
            for f in (
                "description",
                "outcome",
                "evidence",
            )
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def _targets(doc: Doc) -> str:
    widths = [2500, 1900, 2300, 1300, 1300, 1166]
    printed = 2

    def column(field: str) -> Column:
        def render(i: int) -> list[str]:
            if field == "why":
                items = doc.items("targets")
                text = items[i].get("why") if i < len(items) else None
                if text is not None:
                    doc.truth.unplaced.append(
                        {
                            "label": "Why? (target)",
                            "text": text,
                            "suggested_path": "targets[].rationale",
                        }
                    )
                return _control(doc, text, row_tag("Why", i, printed))
            return _control(doc, doc.cell("targets", i, field), row_tag(field, i, printed))

        return render

    rows = [
        wk.title_row("SMART TARGETS AND PUPIL PREMIUM PLUS", widths, fill=DARK),
        header_row(
            ["What is the target?", "Why?", "How?", "Who?", "When?", "PP+ cost"], widths, size=16
        ),
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            column(f)
            for f in (
                "description",
                "why",
                "actions",
                "lead",
                "due_date",
                "pp_plus_cost",
            )
        ],
        widths,
        printed_rows=printed,
    )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan 2025/2026"), style="Title"),
        wk.para(
            wk.run(
                "All Looked After Children have a statutory care plan, which is drawn up "
                "and reviewed by the Local Authority that looks after them. The Personal "
                "Education Plan (PEP) is a legal part of the care plan.",
                size=18,
            )
        ),
        wk.para(
            wk.run(
                "A PEP CAN NOT TAKE PLACE WITHOUT THE ATTENDANCE OF THE SOCIAL WORKER",
                bold=True,
                color="C00000",
            )
        ),
        _basic(doc),
        wk.gap(),
        _attendance_at_pep(doc),
        wk.gap(),
        _semh(doc),
        wk.gap(),
        _attainment(doc),
        wk.gap(),
        _previous(doc),
        wk.gap(),
        _targets(doc),
    ]
    return document(
        "Personal Education Plan",
        "Glenmoor County Council",
        "Glenmoor Virtual School - PEP Document",
        "Glenmoor VS PEP 2025-26",
        blocks,
        accent=DARK,
        doc=doc,
    )


LAYOUT = Layout(
    id="glenmoor-pep",
    set="dev",
    authority="Glenmoor County Council",
    source="gloucestershire",
    phase="school_age",
    kind="docx",
    features=(
        "merged dark title rows in capitals over every table",
        "full name in one box",
        "printed attendee roles with checkbox controls (Invited, Present), OTHER AGENCIES rows",
        "Yes/No checkbox controls (CAMHS, on track)",
        "targets grid What / Why / How / Who / When / PP+ cost with copied rows",
        "natural outcome words (Partly, Not yet, Y)",
    ),
    completions=(
        (
            "dev-jayden",
            Habits(
                dates=("dmy", "ordinal"),
                ncy="yr",
                wording=0,
                quirks={"PEPDate": "picker", "DOB": "picker", "views.school": "below"},
                word_for={"previous_targets.outcome": 1},
            ),
        ),
        (
            "dev-amira",
            Habits(
                dates=("dots", "dmy2"),
                ncy="y",
                wording=1,
                word_for={"previous_targets.outcome": 3, "education.sen_provision": 1},
            ),
        ),
    ),
    build=build,
)
