"""Holderwold PEP, after East Riding's "Personal Education Plans: Guidance Notes" (4.9.3): the
social worker prepares the PEP and its content is drawn up at a meeting with the school, the
Education Welfare Officer, parents and carers and the young person; a child-friendly version
goes to the young person; the plan opens with a summary of actions and timescales and covers
special educational needs and disabilities, curriculum and aspirations, academic attainment
and attendance. Written in a plain Word house style where each box holds its bold label and
the typed answer under it in the same cell, choices are made by striking out the other words,
printed attendee roles carry ☐/☒ boxes, and a sign-off table closes the plan."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, attendee_kind, box, marks, yes_no
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, each, grid_rows, header_row

ACCENT = "833C0B"
SHADE = "FBE4D5"
SEN = [("None", "N"), ("SEN Support", "K"), ("EHCP", "E")]
ROLES = [
    ("Young person", "child"),
    ("Social worker", "social_worker"),
    ("Designated teacher", "teacher"),
    ("Carer", "carer"),
    ("Parent", "parent"),
    ("Education Welfare Officer", "ewo"),
    ("Other", "other"),
    ("Other", "other"),
]
PRINTED_KINDS = {kind for _, kind in ROLES if kind != "other"}


def _typed(doc: Doc, text: str | None, size: int = 18) -> list[str]:
    return box(doc, text, style="typed", size=size)


def _in_cell(label: str, typed: str | None, width: int) -> str:
    """The label in bold and the answer typed under it, in one cell."""
    blocks = [wk.para(wk.run(label, bold=True, size=16, color=ACCENT), after=20)]
    blocks.append(wk.para(*([wk.run(typed, size=20)] if typed is not None else [])))
    return wk.cell(*blocks, width=width)


def _grid(cells: list[tuple[str, str | None]], columns: int = 3) -> str:
    width = wk.TEXT_W // columns
    widths = [width] * (columns - 1) + [wk.TEXT_W - width * (columns - 1)]
    rows = []
    for start in range(0, len(cells), columns):
        chunk = cells[start : start + columns]
        chunk += [("", None)] * (columns - len(chunk))
        rows.append(
            wk.row(
                *(
                    _in_cell(label, typed, w)
                    for (label, typed), w in zip(chunk, widths, strict=True)
                )
            )
        )
    return wk.table(rows, widths)


def _front(doc: Doc) -> str:
    return _grid(
        [
            ("Name", doc.full_name()),
            ("Date of birth", doc.text("child.date_of_birth")),
            ("Gender", doc.text("child.gender")),
            ("UPN", doc.text("child.upn")),
            ("Ethnicity", doc.text("child.ethnicity")),
            ("First language", doc.text("child.first_language")),
            ("School", doc.text("education.setting_name")),
            ("Year group (NCY)", doc.text("education.ncy")),
            ("Date admitted to school", doc.text("education.date_joined")),
            ("Legal status", doc.text("care.legal_status")),
            ("Placement", doc.text("care.placement_type")),
            ("Number of placements", doc.text("care.number_of_placements")),
            ("Social worker", doc.text("care.social_worker.name")),
            ("Social worker's telephone", doc.text("care.social_worker.phone")),
            ("IRO", doc.text("care.iro.name")),
            ("Designated teacher", doc.text("education.designated_teacher.name")),
            ("Designated teacher's email", doc.text("education.designated_teacher.email")),
            ("Date of this PEP meeting", doc.text("meta.meeting_date")),
            ("Date of last PEP", doc.text("meta.previous_pep_date")),
            ("Next PEP (before the next LAC review)", doc.text("meta.next_review_date")),
        ]
    )


def _summary(doc: Doc) -> str:
    widths = [3300, 3400, 2066, 1700]
    rows = [header_row(["Target", "Action required", "By whom", "By when"], widths, fill=SHADE)]
    rows += grid_rows(
        doc,
        "targets",
        each(
            ("description", "actions", "lead", "due_date"),
            lambda f, i: _typed(doc, doc.cell("targets", i, f)),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _send(doc: Doc) -> list[str]:
    strike = doc.quirk("choose") or "strike"
    sen = doc.code("education.sen_provision")
    return [
        wk.para(
            wk.run("SEN stage: ", bold=True),
            *marks(SEN, sen, style=strike, doc=doc),
            wk.run("   (strike out as appropriate)", italic=True, size=14),
        ),
        _grid(
            [
                ("Primary need", doc.text("education.sen_primary_need")),
                ("Date of EHCP", doc.text("education.ehcp_date")),
                ("SENCO", doc.text("education.senco")),
            ]
        ),
    ]


def _curriculum(doc: Doc) -> list[str]:
    strike = doc.quirk("choose") or "strike"
    part_time = doc.flag("education.part_time_timetable")
    return [
        wk.para(
            wk.run("Is the young person on a full-time timetable? ", bold=True),
            *marks(
                [("YES", False), ("NO", True)],
                part_time,
                style=strike,
                doc=doc,
            ),
        ),
        _grid(
            [
                ("Aspirations", doc.text("transition.aspirations")),
                ("Careers advice and guidance", doc.text("transition.careers_advice")),
                ("Activities out of school", doc.text("child.leisure_interests")),
            ]
        ),
    ]


def _attainment(doc: Doc) -> str:
    widths = [3100, 2500, 2500, 2366]
    strike = doc.quirk("choose") or "strike"

    def on_track(i: int) -> list[str]:
        value = doc.item_flag("attainment", i, "on_track")
        return [wk.para(*yes_no(doc, value, style=strike, size=16))]

    rows = [
        header_row(
            ["Subject", "Current attainment", "Target", "Making expected progress?"],
            widths,
            fill=SHADE,
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        [
            lambda i: _typed(doc, doc.cell("attainment", i, "subject")),
            lambda i: _typed(doc, doc.cell("attainment", i, "current")),
            lambda i: _typed(doc, doc.cell("attainment", i, "target")),
            on_track,
        ],
        widths,
        printed_rows=4,
    )
    return wk.table(rows, widths)


def _attendance(doc: Doc) -> list[str]:
    widths = [3488, 3489, 3489]
    rows = [
        header_row(["Possible sessions", "Sessions missed", "Attendance %"], widths, fill=SHADE),
        wk.row(
            *(
                wk.cell(*_typed(doc, doc.text(f"education.attendance.{name}")), width=w)
                for name, w in zip(
                    ("sessions_possible", "sessions_missed", "percent"), widths, strict=True
                )
            )
        ),
    ]
    ex_widths = [2200, 2000, 1500, 4766]
    ex_rows = [header_row(["Exclusion", "Date", "Sessions", "Reason"], ex_widths, fill=SHADE)]
    ex_rows += grid_rows(
        doc,
        "education.exclusions",
        [
            lambda i: _typed(doc, doc.exclusion_type(i)),
            lambda i: _typed(doc, doc.cell("education.exclusions", i, "start_date")),
            lambda i: _typed(doc, doc.cell("education.exclusions", i, "sessions")),
            lambda i: _typed(doc, doc.cell("education.exclusions", i, "reason")),
        ],
        ex_widths,
        printed_rows=1,
    )
    return [wk.table(rows, widths), wk.gap(), wk.table(ex_rows, ex_widths)]


def _views(doc: Doc) -> str:
    return _grid(
        [
            (
                "My views (a child-friendly copy of this plan will be sent to me)",
                doc.text("views.child"),
            ),
            ("Carer's views", doc.text("views.carer")),
            ("Parent's views", doc.text("views.parent")),
            ("School's views", doc.text("views.school")),
            ("Social worker's views", doc.text("views.social_worker")),
        ],
        columns=1,
    )


def _attendees(doc: Doc) -> str:
    widths = [2800, 4000, 1800, 1866]
    style = doc.quirk("boxes") or "glyph"
    rows = [header_row(["", "Name", "Invited", "Attended"], widths, fill=SHADE)]
    used: set[int] = set()
    for role, kind in ROLES:
        who: dict[str, Any] | None = None
        for number, item in enumerate(doc.items("attendees")):
            found = attendee_kind(item["role"])
            if found not in PRINTED_KINDS:
                found = "other"
            if number not in used and found == kind:
                used.add(number)
                who = item
                break
        name = None
        invited = attended = None
        if who is not None:
            item = {"name": who["name"], "role": who["role"] if role == "Other" else role}
            item["invited"], item["attended"] = who["invited"], who["attended"]
            doc.add_item("attendees", item)
            name = who["name"] + (f" ({who['role']})" if role == "Other" else "")
            invited, attended = who["invited"], who["attended"]
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill=SHADE),
                wk.cell(*_typed(doc, name), width=widths[1]),
                wk.cell(
                    wk.para(*marks([("", True)], invited, style=style, doc=doc), align="center"),
                    width=widths[2],
                ),
                wk.cell(
                    wk.para(*marks([("", True)], attended, style=style, doc=doc), align="center"),
                    width=widths[3],
                ),
            )
        )
    return wk.table(rows, widths)


def _sign_off(doc: Doc) -> str:
    widths = [3000, 2800, 2600, 2066]
    rows = [header_row(["", "Name", "Signature", "Date"], widths, fill=SHADE)]
    for role, who, name_path, date_path in (
        (
            "Social worker (completing the PEP)",
            "social_worker",
            "care.social_worker.name",
            "signoff.social_worker_date",
        ),
        (
            "Designated teacher",
            "designated_teacher",
            "education.designated_teacher.name",
            "signoff.designated_teacher_date",
        ),
        ("Young person", "young_person", None, None),
    ):
        signatory = doc.signatory(role)
        name = signature = date = None
        if not doc.blank and (doc.person or {}).get("signatures", {}).get(who):
            if name_path is not None:
                name = signatory.name(name_path)
            signature = signatory.signature(who)
            if date_path is not None:
                date = signatory.date(date_path)
        rows.append(
            wk.row(
                wk.label(role, widths[0], fill=SHADE),
                wk.cell(*_typed(doc, name), width=widths[1]),
                wk.cell(*_typed(doc, signature), width=widths[2]),
                wk.cell(*_typed(doc, date), width=widths[3]),
            )
        )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(
            wk.run("PERSONAL EDUCATION PLAN", bold=True, size=32, color=ACCENT), align="center"
        ),
        wk.para(
            wk.run(
                "Prepared by the social worker; content agreed at the PEP meeting with school, "
                "EWO, parents, carers and the young person.",
                italic=True,
                size=16,
            ),
            align="center",
        ),
        _front(doc),
        wk.heading("1. Summary of actions and timescales"),
        _summary(doc),
        wk.heading("2. Special Educational Needs and Disabilities (SEND)"),
        *_send(doc),
        wk.heading("3. Curriculum and aspirations"),
        *_curriculum(doc),
        wk.heading("4. Academic attainment"),
        _attainment(doc),
        wk.heading("5. Attendance"),
        *_attendance(doc),
        wk.heading("6. Views"),
        _views(doc),
        wk.heading("7. The PEP meeting"),
        _attendees(doc),
        wk.gap(),
        _sign_off(doc),
    ]
    return document(
        "Personal Education Plan",
        "Holderwold Council",
        "Children's Services - Virtual School",
        "Holderwold PEP (procedure 4.9)",
        blocks,
        accent=ACCENT,
        doc=doc,
    )


LAYOUT = Layout(
    id="holderwold-pep",
    set="dev",
    authority="Holderwold Council",
    source="east-riding",
    phase="school_age",
    kind="docx",
    features=(
        "each box holds its bold label and the typed answer under it in the same cell, three "
        "to a row",
        "summary of actions and timescales grid (Target / Action required / By whom / By when) "
        "first",
        "choices made by striking out the other words (SEN stage, full-time timetable YES / NO, "
        "expected progress Yes / No)",
        "attendance as a header row over one row of figures; exclusions grid",
        "printed attendee roles (including Education Welfare Officer and Other) with ☐/☒ boxes "
        "for Invited and Attended",
        "sign-off table with printed roles and empty header cell",
    ),
    completions=(
        (
            "dev-harvey",
            Habits(dates=("dmy", "ordinal"), ncy="bare", yes_no=0, quirks={"boxes": "glyph"}),
        ),
        (
            "dev-oskar",
            Habits(
                dates=("dash", "long"),
                ncy="year",
                wording=1,
                quirks={"boxes": "glyph_x", "choose": "highlight"},
            ),
        ),
    ),
    build=build,
)
