"""Stanholme post-16 PEP, after St Helens' termly post-16 PEPs in the house style of a public
post-16 PEP form (dotted leaders): "Student name......", "NCY: 11 / 12 / 13 / 14" with the year
circled, a contact table (Role / Name / Telephone / Email / Invited / Present), a checklist of
what was prepared, care information questions, attendance, aspirations and targets."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, grid_rows, header_row

ROLES = [
    ("Student", "child"),
    ("Social worker", "social_worker"),
    ("Designated person", "teacher"),
    ("Carer", "carer"),
    ("Personal adviser", "other"),
    ("Virtual School", "virtual_school"),
]


def _dots(doc: Doc, label: str, typed: str | None, key: str = "", length: int = 40) -> list[str]:
    """A printed label and dotted leader; people type over the dots or after them."""
    lead = [wk.run(label, bold=True)]
    if typed is not None and doc.quirk("leaders") == "keep":
        lead.append(wk.run("\u2026" * 4))
    return box(doc, typed, style="dots", key=key, lead=lead, dots=length)


def _header(doc: Doc) -> list[str]:
    ncy = doc.code("education.ncy")
    circle = doc.habits.quirks.get("circle", "bold") if not doc.blank else "bold"
    return [
        wk.para(
            wk.run("Post 16 Personal Education Plan (PEP)", bold=True, size=30), align="center"
        ),
        *_dots(doc, "PEP form completed by", doc.text("meta.completed_by"), length=34),
        *_dots(doc, "Email", doc.text("education.designated_teacher.email"), length=40),
        *_dots(doc, "PEP Date", doc.text("meta.meeting_date"), length=16),
        *_dots(doc, "Student name", doc.full_name(middle=False), length=30),
        wk.para(
            wk.run("NCY: ", bold=True),
            *marks(
                [("11", "11"), ("12", "12"), ("13", "13"), ("14", "14")], ncy, style=circle, doc=doc
            ),
        ),
        *_dots(doc, "College or Provider", doc.text("education.setting_name"), length=54),
        *_dots(
            doc,
            "Study course & level",
            doc.unplaced("course", "Study course & level", "education.course"),
            length=54,
        ),
        wk.para(
            wk.run(
                "The Personal Education Plan (PEP) is an evolving record of what needs to "
                "happen for Looked After young people to enable them to make expected "
                "progress and fulfil their potential.",
                italic=True,
                size=16,
            )
        ),
    ]


def _contacts(doc: Doc) -> str:
    widths = [1900, 2300, 1700, 2566, 1000, 1000]
    rows = [
        header_row(["Role", "Name", "Telephone", "Email", "Invited", "Present"], widths, size=16)
    ]
    phones = {
        "social_worker": "care.social_worker.phone",
        "teacher": "education.designated_teacher.phone",
    }
    emails = {
        "social_worker": "care.social_worker.email",
        "teacher": "education.designated_teacher.email",
    }
    for role, kind in ROLES:
        who = doc.attendee(kind)
        name = phone = email = invited = present = None
        if who is not None:
            item = {
                "name": who["name"],
                "role": role,
                "invited": who["invited"],
                "attended": who["attended"],
            }
            if kind == "other":
                item["role"] = who["role"]
            doc.add_item("attendees", item)
            name = who["name"]
            invited = doc.say("attendees.invited", who["invited"])
            present = doc.say("attendees.attended", who["attended"])
            if kind in phones and doc.value(phones[kind]):
                phone = doc.contact(item, "phone", phones[kind])
            if kind in emails and doc.value(emails[kind]):
                email = doc.contact(item, "email", emails[kind])
        rows.append(
            wk.row(
                *(
                    wk.cell(*box(doc, value, style="typed", size=16), width=w)
                    for value, w in zip(
                        [role, name, phone, email, invited, present], widths, strict=True
                    )
                )
            )
        )
    return wk.table(rows, widths)


def _prepared(doc: Doc) -> list[str]:
    ticked = not doc.blank
    out = [wk.para(wk.run("The following information has been prepared/gathered:", bold=True))]
    for item in (
        "Current attendance data has been entered",
        "Current attainment data has been entered",
        "Completed pupil voice sheet if they do not wish to attend the meeting",
        "Previous PEP is at hand to discuss progress",
    ):
        out.append(
            wk.para(
                *marks([(item, True)], True if ticked else None, style="glyph", doc=doc), indent=360
            )
        )
    return out


def _care(doc: Doc) -> list[str]:
    return [
        wk.heading("Care information"),
        *_dots(
            doc,
            "Address where student currently resides: ",
            doc.unplaced("residence", "Address where student currently resides", "care.residence"),
            length=50,
        ),
        *_dots(doc, "Legal status: ", doc.text("care.legal_status"), length=30),
        *_dots(doc, "Placement type: ", doc.text("care.placement_type"), length=30),
        *_dots(
            doc,
            "Who will liaise with the provider on a day to day basis? ",
            doc.unplaced(
                "personal_adviser",
                "Who will liaise with the provider day to day?",
                "care.personal_adviser",
            ),
            length=30,
        ),
    ]


def _attendance(doc: Doc) -> str:
    widths = [3500, 6966]
    rows = [
        header_row(
            ["Attendance: Factors affecting progress", "Detail (including dates etc)"], widths
        )
    ]
    rows.append(
        wk.row(
            wk.label("Attendance % this term", widths[0], fill="F2F2F2"),
            wk.cell(
                *box(doc, doc.text("education.attendance.percent"), style="typed"), width=widths[1]
            ),
        )
    )
    rows.append(
        wk.row(
            wk.label("Bursary / financial support", widths[0], fill="F2F2F2"),
            wk.cell(
                *box(
                    doc,
                    doc.unplaced("bursary", "Bursary / financial support", "pp_plus.bursary"),
                    style="typed",
                ),
                width=widths[1],
            ),
        )
    )
    return wk.table(rows, widths)


def _progress(doc: Doc) -> str:
    widths = [3600, 2300, 2300, 2266]
    rows = [
        header_row(["Qualification / unit", "Current grade", "Target grade", "On track?"], widths)
    ]
    rows += grid_rows(
        doc,
        "attainment",
        [
            lambda i: box(doc, doc.cell("attainment", i, "subject"), style="typed"),
            lambda i: box(doc, doc.cell("attainment", i, "current"), style="typed"),
            lambda i: box(doc, doc.cell("attainment", i, "target"), style="typed"),
            lambda i: box(doc, doc.cell("attainment", i, "on_track"), style="typed"),
        ],
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _targets(doc: Doc) -> str:
    widths = [3300, 3000, 2000, 2166]
    rows = [header_row(["Target", "Action / support", "Responsible", "Review date"], widths)]
    rows += grid_rows(
        doc,
        "targets",
        [
            lambda i: box(doc, doc.cell("targets", i, "description"), style="typed"),
            lambda i: box(doc, doc.cell("targets", i, "actions"), style="typed"),
            lambda i: box(doc, doc.cell("targets", i, "lead"), style="typed"),
            lambda i: box(doc, doc.cell("targets", i, "due_date"), style="typed"),
        ],
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def build(doc: Doc) -> bytes:
    blocks = [
        *_header(doc),
        _contacts(doc),
        *_prepared(doc),
        *_care(doc),
        wk.heading("Attendance"),
        _attendance(doc),
        wk.heading("Progress on my course"),
        _progress(doc),
        wk.heading("My views"),
        *box(doc, doc.text("views.child"), style="typed", key="views.child"),
        *_dots(doc, "Tutor / provider comments: ", doc.text("views.school"), length=60),
        wk.heading("Aspirations and next steps"),
        *_dots(doc, "Career aspiration: ", doc.text("transition.aspirations"), length=40),
        *_dots(
            doc, "Careers advice (IAG) received: ", doc.text("transition.careers_advice"), length=40
        ),
        *_dots(doc, "Plans after this course: ", doc.text("transition.next_transition"), length=40),
        wk.heading("Targets"),
        _targets(doc),
        *_dots(doc, "Date of next PEP: ", doc.text("meta.next_review_date"), length=16),
    ]
    return document(
        "Post 16 PEP",
        "Stanholme Council",
        "Stanholme Virtual School - Post 16",
        "Post 16 PEP 2025",
        blocks,
        accent="5B2C6F",
        doc=doc,
    )


LAYOUT = Layout(
    id="stanholme-post-16",
    set="dev",
    authority="Stanholme Council",
    source="sthelens",
    phase="post16",
    kind="docx",
    features=(
        "dotted leaders typed over or after",
        "NCY: 11 / 12 / 13 / 14 with the year circled (bold or highlight)",
        "contact table Role / Name / Telephone / Email / Invited / Present",
        "checklist of ☐ items",
        "full name in one line",
    ),
    completions=(
        (
            "dev-kai",
            Habits(
                dates=("dmy", "ordinal"),
                yes_no=1,
                percent="bare",
                quirks={"circle": "bold", "leaders": "keep"},
            ),
        ),
        (
            "dev-tyler",
            Habits(
                dates=("dmy2", "long"),
                wording=1,
                quirks={"circle": "highlight"},
            ),
        ),
    ),
    build=build,
    style_sources=("post16-dotted",),
)
