"""Colnebury PEP1 and PEP2, after Essex Virtual School's two-part PEP: the school completes
PEP1 each term (in the first three weeks, new targets after a gap analysis, the proposed spend
of Pupil Premium Plus linked to the interventions, the previous targets reviewed with the
impact of the funding); social care arranges the meeting and completes PEP2, the record of the
meeting and the decisions agreed.

A protected Word form of legacy FORMTEXT fields whose default text ("Enter text",
"DD/MM/YYYY") stays showing in the fields nobody typed in; the term and the previous targets'
outcomes are FORMDROPDOWN lists, who was invited and who attended FORMCHECKBOX boxes; part 1
and part 2 each open with a shaded band naming who completes them; a PP+ spend plan lists the
interventions with their costs and a total."""

from __future__ import annotations

from typing import Any

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, header_row

ACCENT = "843C0C"
SHADE = "FBE4D5"
WIDTH = 10466
TEXT = "Enter text"
DATE = "DD/MM/YYYY"
TERMS = [("Autumn", "autumn"), ("Spring", "spring"), ("Summer", "summer")]
OUTCOMES = [("Achieved", "met"), ("Partially achieved", "partly_met"), ("Not achieved", "not_met")]
DATES = {
    "meta.meeting_date",
    "meta.next_review_date",
    "child.date_of_birth",
    "signoff.designated_teacher_date",
    "signoff.social_worker_date",
    "targets.due_date",
}


def _field(doc: Doc, name: str, typed: str | None, default: str = TEXT) -> str:
    """A FORMTEXT field with default text: the default shows until someone types over it."""
    props = wk.rpr(size=18)
    data = (
        f'<w:ffData><w:name w:val="{wk.x(name)}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:textInput><w:default w:val="{wk.x(default)}"/></w:textInput></w:ffData>'
    )
    shown = default if typed is None else typed
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{wk.x(p)}</w:t>' for p in shown.split("\n"))
    mark = doc.ids.take()
    return (
        f'<w:bookmarkStart w:id="{mark}" w:name="{wk.x(name)}"/>'
        f'<w:r>{props}<w:fldChar w:fldCharType="begin">{data}</w:fldChar></w:r>'
        f'<w:r>{props}<w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:rPr><w:noProof/><w:sz w:val="18"/></w:rPr>{body}</w:r>'
        f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:bookmarkEnd w:id="{mark}"/>'
    )


def _in_cell(doc: Doc, name: str, typed: str | None, width: int, *, default: str = TEXT) -> str:
    return wk.cell(wk.para(_field(doc, name, typed, default)), width=width)


def _band(text: str, note: str) -> list[str]:
    return [
        wk.para(
            wk.run(text, bold=True, size=26, color="FFFFFF"), shade=ACCENT, before=200, after=0
        ),
        wk.para(wk.run(note, italic=True, size=18), shade=SHADE, after=120),
    ]


def _subheading(text: str) -> str:
    return wk.para(wk.run(text, bold=True, size=22, color=ACCENT), before=160, keep_next=True)


def _pairs(doc: Doc, pairs: list[tuple[str, str, str]]) -> str:
    """Four columns: label | field | label | field; (label, field name, model path)."""
    widths = [2300, 2933, 2300, 2933]
    rows = []
    for start in range(0, len(pairs), 2):
        cells = []
        for label, name, path in pairs[start : start + 2]:
            typed = doc.full_name() if path == "child.full_name" else doc.text(path)
            default = DATE if path in DATES else TEXT
            cells.append(wk.label(label, widths[len(cells)], fill=SHADE))
            cells.append(_in_cell(doc, name, typed, widths[len(cells)], default=default))
        rows.append(wk.row(*cells))
    return wk.table(rows, widths)


def _term(doc: Doc) -> str:
    code = doc.code("meta.term")
    entries = [" ", *(text for text, _ in TERMS)]
    chosen = 0 if code is None else 1 + [c for _, c in TERMS].index(code)
    return wk.para(
        wk.run("Term: ", bold=True),
        wk.legacy_dropdown(doc.ids, "Term", entries, chosen=chosen, size=18),
        wk.run("     Academic year: ", bold=True),
        _field(doc, "AcYear", doc.text("meta.academic_year")),
        after=80,
    )


def _grid(
    doc: Doc,
    list_path: str,
    headers: list[str],
    widths: list[int],
    columns: list[tuple[str, str]],
    printed_rows: int,
) -> str:
    """A table of fields; copied rows repeat the last printed row's field names."""
    rows = [header_row(headers, widths, fill=SHADE, size=16)]
    count = max(printed_rows, len(doc.items(list_path)))
    for index in range(count):
        number = min(index, printed_rows - 1) + 1
        cells = []
        for (field, base), width in zip(columns, widths, strict=True):
            typed = doc.cell(list_path, index, field)
            default = DATE if f"{list_path}.{field}" in DATES else TEXT
            cells.append(_in_cell(doc, f"{base}{number}", typed, width, default=default))
        rows.append(wk.row(*cells))
    return wk.table(rows, widths)


def _previous(doc: Doc) -> str:
    widths = [4466, 2200, 3800]
    rows = [
        header_row(
            ["Previous target", "Outcome", "Impact of PP+ / evidence"], widths, fill=SHADE, size=16
        )
    ]
    entries = [" ", *(text for text, _ in OUTCOMES)]
    codes = [code for _, code in OUTCOMES]
    count = max(2, len(doc.items("previous_targets")))
    for index in range(count):
        number = min(index, 1) + 1
        code = (
            doc.item_code("previous_targets", index, "outcome")
            if index < len(doc.items("previous_targets"))
            else None
        )
        chosen = 0 if code is None else 1 + codes.index(code)
        rows.append(
            wk.row(
                _in_cell(
                    doc,
                    f"PrevTarget{number}",
                    doc.cell("previous_targets", index, "description"),
                    widths[0],
                ),
                wk.cell(
                    wk.para(
                        wk.legacy_dropdown(
                            doc.ids, f"PrevOutcome{number}", entries, chosen=chosen, size=18
                        )
                    ),
                    width=widths[1],
                ),
                _in_cell(
                    doc,
                    f"PrevImpact{number}",
                    doc.cell("previous_targets", index, "evidence"),
                    widths[2],
                ),
            )
        )
    return wk.table(rows, widths)


def _spend(doc: Doc) -> str:
    widths = [8066, 2400]
    rows = [header_row(["Intervention (PP+ spend plan)", "Cost £"], widths, fill=SHADE, size=16)]
    count = max(3, len(doc.items("pp_plus.items")))
    for index in range(count):
        number = min(index, 2) + 1
        rows.append(
            wk.row(
                _in_cell(
                    doc,
                    f"Spend{number}",
                    doc.cell("pp_plus.items", index, "description"),
                    widths[0],
                ),
                _in_cell(
                    doc,
                    f"Cost{number}",
                    doc.cell("pp_plus.items", index, "cost", kind="targets.pp_plus_cost"),
                    widths[1],
                ),
            )
        )
    rows.append(
        wk.row(
            wk.cell(wk.para(wk.run("Total requested", bold=True), align="right"), width=widths[0]),
            _in_cell(doc, "Total", doc.text("pp_plus.requested_total"), widths[1]),
        )
    )
    return wk.table(rows, widths)


def _part1(doc: Doc) -> list[str]:
    completed_by = doc.text("meta.completed_by")
    date = doc.text("signoff.designated_teacher_date") if completed_by is not None else None
    return [
        *_band("PEP1", "Completed by the school each term, in the first three weeks."),
        _term(doc),
        _pairs(
            doc,
            [
                ("Child's name", "ChildName", "child.full_name"),
                ("Date of birth", "DOB", "child.date_of_birth"),
                ("Year group", "NCY", "education.ncy"),
                ("UPN", "UPN", "child.upn"),
                ("School", "School", "education.setting_name"),
                ("DfE number", "DfE", "education.laestab"),
                ("Designated Teacher", "DT", "education.designated_teacher.name"),
                ("DT email", "DTEmail", "education.designated_teacher.email"),
                ("SEN status", "SEN", "education.sen_provision"),
                ("Primary need", "Need", "education.sen_primary_need"),
                ("Attendance this term %", "Att", "education.attendance.percent"),
                ("Sessions missed", "Missed", "education.attendance.sessions_missed"),
            ],
        ),
        _subheading("Gap analysis: where is the pupil now?"),
        _grid(
            doc,
            "attainment",
            ["Subject", "Working at now", "End of term target", "On track? (Y/N)"],
            [2800, 2800, 2800, 2066],
            [("subject", "Subj"), ("current", "Now"), ("target", "Tgt"), ("on_track", "OnTrack")],
            printed_rows=3,
        ),
        _subheading("What does the pupil say about school?"),
        wk.table(
            [wk.row(_in_cell(doc, "PupilVoice", doc.text("views.child"), WIDTH), height=900)],
            [WIDTH],
        ),
        _subheading("Review of last term's targets"),
        _previous(doc),
        _subheading("New targets for this term (following the gap analysis)"),
        _grid(
            doc,
            "targets",
            ["Target", "Success criteria", "Interventions", "Staff lead", "Review date", "PP+ £"],
            [2300, 2000, 2200, 1500, 1366, 1100],
            [
                ("description", "Target"),
                ("success_criteria", "Success"),
                ("actions", "Action"),
                ("lead", "Lead"),
                ("due_date", "Review"),
                ("pp_plus_cost", "TCost"),
            ],
            printed_rows=3,
        ),
        _subheading("Pupil Premium Plus: proposed spend"),
        _spend(doc),
        _subheading("School's comments"),
        wk.table(
            [wk.row(_in_cell(doc, "SchoolView", doc.text("views.school"), WIDTH), height=900)],
            [WIDTH],
        ),
        wk.para(
            wk.run("Completed by (Designated Teacher): ", bold=True),
            _field(doc, "DTName", completed_by),
            wk.run("   Date: ", bold=True),
            _field(doc, "DTDate", date, DATE),
            before=160,
        ),
    ]


def _attendance(doc: Doc) -> str:
    widths = [3400, 4066, 1500, 1500]
    rows = [header_row(["Name", "Role", "Invited", "Attended"], widths, fill=SHADE, size=16)]
    count = max(5, len(doc.items("attendees")))
    for index in range(count):
        number = min(index, 4) + 1
        items = doc.items("attendees")
        name = role = None
        invited = attended = False
        if index < len(items):
            who = items[index]
            entry: dict[str, Any] = {
                "name": who["name"],
                "role": who["role"],
                "invited": who["invited"],
                "attended": who["attended"],
            }
            doc.add_item("attendees", entry)
            name, role = who["name"], who["role"]
            invited, attended = who["invited"], who["attended"]
        rows.append(
            wk.row(
                _in_cell(doc, f"AttName{number}", name, widths[0]),
                _in_cell(doc, f"AttRole{number}", role, widths[1]),
                wk.cell(
                    wk.para(wk.legacy_checkbox(doc.ids, f"Inv{number}", checked=invited)),
                    width=widths[2],
                ),
                wk.cell(
                    wk.para(wk.legacy_checkbox(doc.ids, f"Att{number}", checked=attended)),
                    width=widths[3],
                ),
            )
        )
    return wk.table(rows, widths)


def _part2(doc: Doc) -> list[str]:
    worker = doc.signatory("Social Worker")
    signature = worker.signature("social_worker")
    date = worker.date("signoff.social_worker_date") if signature is not None else None
    views = []
    for label, name, path in (
        ("Social worker's update on the care plan", "SWView", "views.social_worker"),
        ("Carer's views", "CarerView", "views.carer"),
        ("Parent's views", "ParentView", "views.parent"),
    ):
        views += [
            _subheading(label),
            wk.table([wk.row(_in_cell(doc, name, doc.text(path), WIDTH), height=700)], [WIDTH]),
        ]
    return [
        *_band("PEP2", "Record of the PEP meeting, completed by Social Care after the meeting."),
        _pairs(
            doc,
            [
                ("Date of PEP meeting", "MeetDate", "meta.meeting_date"),
                ("Date of next PEP meeting", "NextDate", "meta.next_review_date"),
                ("Social worker", "SW", "care.social_worker.name"),
                ("Social worker's email", "SWEmail", "care.social_worker.email"),
                ("Legal status", "Legal", "care.legal_status"),
                ("Placement", "Placement", "care.placement_type"),
            ],
        ),
        _subheading("Who was invited and who attended"),
        _attendance(doc),
        *views,
        wk.para(
            wk.run("Signed (Social worker): ", bold=True),
            _field(doc, "SWSign", signature),
            wk.run("   Date: ", bold=True),
            _field(doc, "SWDate", date, DATE),
            before=160,
        ),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan"), style="Title"),
        wk.para(
            wk.run(
                "Part 1 (PEP1) is completed by the school; Part 2 (PEP2) records the meeting and "
                "is completed by Social Care.",
                italic=True,
                size=18,
            ),
            align="center",
        ),
        *_part1(doc),
        *_part2(doc),
    ]
    return document(
        "Personal Education Plan (PEP1 and PEP2)",
        "Colnebury County Council",
        "Colnebury Virtual School",
        "PEP1 / PEP2",
        blocks,
        accent=ACCENT,
        protected=True,
        doc=doc,
    )


LAYOUT = Layout(
    id="colnebury-pep1-pep2",
    set="dev",
    authority="Colnebury County Council",
    source="essex",
    phase="school_age",
    kind="docx",
    features=(
        "protected form of legacy FORMTEXT fields with default text ('Enter text', "
        "'DD/MM/YYYY') left showing in the fields nobody typed in",
        "two parts, each opening with a shaded band naming who completes it (PEP1 by the "
        "school, PEP2 the record of the meeting by Social Care)",
        "term and previous targets' outcomes as FORMDROPDOWN lists",
        "four-column label / field tables; full name in one field; DfE number NNN/NNNN",
        "gap analysis grid Subject / Working at now / End of term target / On track (Y/N)",
        "new targets grid with success criteria, interventions, staff lead, review date and "
        "PP+ £; rows copied with their field names",
        "PP+ spend plan (intervention, cost) with a 'Total requested' row",
        "attendee table with FORMCHECKBOX boxes for Invited and Attended",
        "'Completed by (Designated Teacher): [field] Date: [field]' and 'Signed (Social "
        "worker): [field] Date: [field]' lines",
    ),
    completions=(
        (
            "dev-oskar",
            Habits(dates=("dmy", "dmy2"), wording=0, ncy="year", money="bare", yes_no=1),
        ),
        (
            "dev-demi",
            Habits(
                dates=("long", "dots"),
                wording=1,
                ncy="yr",
                money="pence",
                blanks={"education.sen_primary_need": "N/A"},
            ),
        ),
    ),
    build=build,
)
