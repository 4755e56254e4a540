"""Yarnbury "My Personal Education Plan", after City of York's PEP (published 5 January 2015):
first-person labels followed by a control with a placeholder of its own ("My first name:
Enter your first name"), "My plan" dates, then parts for the adults: education and progress,
my views, my targets, and the people who helped write the plan."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    grid_rows,
    header_row,
    row_tag,
)

TRANSITIONS = [
    "Starting school",
    "Infant to junior",
    "Primary to secondary",
    "Year 9 options",
    "Post-16",
    "None planned",
]


def _mine(doc: Doc, label: str, typed: str | None, placeholder: str, key: str) -> list[str]:
    return box(
        doc,
        typed,
        style="control",
        key=key,
        tag=key,
        placeholder=placeholder,
        lead=[wk.run(f"{label} ", bold=True)],
    )


def _part1(doc: Doc) -> list[str]:
    transition = doc.text("transition.next_transition")
    return [
        wk.heading("Part 1: Who am I and what's in my plan?"),
        wk.heading("1.1 Who I am", 2),
        *_mine(
            doc,
            "I like to be known as:",
            doc.text("child.preferred_name"),
            "Enter your preferred name",
            "Known",
        ),
        wk.instruction(
            "This space on the front cover of the Personal Education Plan (PEP) can "
            "be personalised by the child, young person or their family/carer, eg "
            "using photos, drawings, pictures or symbols."
        ),
        wk.heading("My personal details", 2),
        *_mine(
            doc, "My first name:", doc.text("child.first_name"), "Enter your first name", "First"
        ),
        *_mine(doc, "My surname:", doc.text("child.last_name"), "Enter your surname", "Surname"),
        *_mine(
            doc,
            "My date of birth:",
            doc.text("child.date_of_birth"),
            "Enter your date of birth",
            "DOB",
        ),
        *_mine(doc, "My address:", None, "Enter your home address", "Address"),
        wk.heading("My education", 2),
        *_mine(
            doc,
            "Current educational setting:",
            doc.text("education.setting_name"),
            "Enter your current school, college or setting",
            "Setting",
        ),
        *_mine(
            doc, "Current year group:", doc.text("education.ncy"), "Enter your year group", "Year"
        ),
        wk.para(
            wk.run("Next key transition point: ", bold=True),
            wk.dropdown(doc.ids, TRANSITIONS, tag="Transition", chosen=transition, combo=True),
        ),
        *_mine(
            doc,
            "Date of next transition:",
            doc.text("transition.date"),
            "Enter your leaving date",
            "TransitionDate",
        ),
        wk.heading("My plan", 2),
        *_mine(
            doc,
            "Main point of contact:",
            doc.unplaced("main_contact", "Main point of contact", "meta.lead_professional"),
            "The lead professional responsible for arranging the next review of this plan",
            "Contact",
        ),
        *_mine(doc, "Date of this plan:", doc.text("meta.meeting_date"), "Enter date", "Date"),
        *_mine(
            doc,
            "Date this plan will be reviewed by:",
            doc.text("meta.next_review_date"),
            "Enter date",
            "Review",
        ),
        *_mine(
            doc,
            "Date of last plan:",
            doc.text("meta.previous_pep_date"),
            "Enter date of last PEP",
            "Last",
        ),
        wk.para(
            wk.run(
                "This version of the Personal Education Plan was published on 5 January 2025",
                italic=True,
                size=16,
            )
        ),
    ]


def _part2(doc: Doc) -> list[str]:
    widths = [3000, 2500, 2500, 2466]
    printed = 3

    def column(field: str, base: str, placeholder: str) -> Column:
        def render(i: int) -> list[str]:
            return box(
                doc,
                doc.cell("attainment", i, field),
                style="control",
                size=18,
                tag=row_tag(base, i, printed),
                placeholder=placeholder,
            )

        return render

    rows = [
        header_row(
            [
                "Subject",
                "Where I am now",
                "Where I should be by the end of the year",
                "Am I on track?",
            ],
            widths,
        )
    ]
    rows += grid_rows(
        doc,
        "attainment",
        [
            column("subject", "Subject", "Enter subject"),
            column("current", "Now", "Enter current level"),
            column("target", "Target", "Enter target"),
            column("on_track", "Track", "Yes or no"),
        ],
        widths,
        printed_rows=printed,
    )
    return [
        wk.heading("Part 2: My education and progress"),
        wk.instruction("Completed by my designated teacher"),
        *_mine(
            doc,
            "My attendance this year:",
            doc.text("education.attendance.percent"),
            "Enter attendance %",
            "Attendance",
        ),
        *_mine(
            doc,
            "My designated teacher:",
            doc.text("education.designated_teacher.name"),
            "Enter name",
            "DT",
        ),
        *_mine(
            doc,
            "Their email address:",
            doc.text("education.designated_teacher.email"),
            "Enter email address",
            "DTEmail",
        ),
        *_mine(doc, "My social worker:", doc.text("care.social_worker.name"), "Enter name", "SW"),
        *_mine(
            doc,
            "Their phone number:",
            doc.text("care.social_worker.phone"),
            "Enter phone number",
            "SWPhone",
        ),
        wk.table(rows, widths),
    ]


def _part3(doc: Doc) -> list[str]:
    out = [
        wk.heading("Part 3: My views"),
        wk.instruction("Completed by me, with help if I want it"),
    ]
    for label, path, tag, placeholder in (
        (
            "What I think about my school and my learning:",
            "views.child",
            "views.child",
            "Write, draw or tell someone what you think",
        ),
        (
            "What I like doing outside school:",
            "child.leisure_interests",
            "Hobbies",
            "Enter your hobbies",
        ),
        ("What my carer thinks:", "views.carer", "views.carer", "Enter your carer's views"),
        ("What my teachers think:", "views.school", "views.school", "Enter school's views"),
    ):
        out.append(wk.para(wk.run(label, bold=True)))
        out += box(doc, doc.text(path), style="rich", key=tag, tag=tag, placeholder=placeholder)
    return out


def _part4(doc: Doc) -> list[str]:
    widths = [3300, 3100, 2200, 1866]
    printed = 3

    def column(field: str, base: str, placeholder: str) -> Column:
        def render(i: int) -> list[str]:
            return box(
                doc,
                doc.cell("targets", i, field),
                style="control",
                size=18,
                tag=row_tag(base, i, printed),
                placeholder=placeholder,
            )

        return render

    rows = [
        header_row(
            ["What I want to achieve", "What will help me", "Who will help", "By when"], widths
        )
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            column("description", "Goal", "Enter target"),
            column("actions", "Help", "Enter support"),
            column("lead", "Who", "Enter name"),
            column("due_date", "When", "Enter date"),
        ],
        widths,
        printed_rows=printed,
    )
    return [wk.heading("Part 4: My targets"), wk.table(rows, widths)]


def _part5(doc: Doc) -> list[str]:
    widths = [3500, 3500, 3466]
    printed = 4

    def column(field: str, base: str, placeholder: str) -> Column:
        def render(i: int) -> list[str]:
            return box(
                doc,
                doc.cell("attendees", i, field),
                style="control",
                size=18,
                tag=row_tag(base, i, printed),
                placeholder=placeholder,
            )

        return render

    def attended(i: int) -> list[str]:
        value = doc.item_flag("attendees", i, "attended")
        typed = None if value is None else doc.say("attendees.attended", value)
        return box(
            doc,
            typed,
            style="control",
            size=18,
            tag=row_tag("Came", i, printed),
            placeholder="Yes or no",
        )

    rows = [header_row(["Name", "Role", "Came to the meeting?"], widths)]
    rows += grid_rows(
        doc,
        "attendees",
        [
            column("name", "PName", "Enter name"),
            column("role", "PRole", "Enter role"),
            attended,
        ],
        widths,
        printed_rows=printed,
    )
    return [wk.heading("Part 5: People who helped write my plan"), wk.table(rows, widths)]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("My Personal Education Plan (PEP)"), style="Title"),
        wk.para(wk.run("coordinated support", italic=True), align="center"),
        *_part1(doc),
        *_part2(doc),
        *_part3(doc),
        *_part4(doc),
        *_part5(doc),
    ]
    return document(
        "My Personal Education Plan",
        "Yarnbury City Council",
        "Virtual School for Children in Care",
        "YCC PEP 2025",
        blocks,
        accent="4B2E83",
        doc=doc,
    )


LAYOUT = Layout(
    id="yarnbury-my-pep",
    set="dev",
    authority="Yarnbury City Council",
    source="york",
    phase="school_age",
    kind="docx",
    features=(
        "first-person labels (My first name:) with custom placeholders",
        "label and control in one paragraph",
        "combo box for the next transition",
        "views in block rich-text controls under a bold question",
        "attainment, targets and people grids with copied rows",
    ),
    completions=(
        (
            "dev-jayden",
            Habits(
                dates=("long", "dmy"),
                ncy="year",
                quirks={"views.carer": "beside"},
            ),
        ),
        (
            "dev-lilymae",
            Habits(
                dates=("ordinal", "slash", "dmy2"),
                ncy="yr",
                yes_no=1,
                month_only=frozenset({"transition.date"}),
                quirks={"views.child": "beside", "First": "beside"},
            ),
        ),
    ),
    build=build,
)
