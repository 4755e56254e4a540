"""Eastborough: a modern form built from Word content controls (no Jinja tags).

What an Eastborough designated teacher sees: plain-text controls showing "Click or tap here to
enter text.", date pickers, drop-down lists showing "Choose an item.", checkbox controls, and
empty repeating tables (header row plus three blank rows). Three forms share one layout:
early years, school age and post-16. Every control carries a tag (primary anchor) and sits
in a cell right of a shaded label cell (fallback anchor), so a form whose tags an editor
stripped still extracts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docxkit as k
import option_labels as lb
from mapwriter import Entry, MappingDoc

NAVY = "1F3864"
SUBHEAD_FILL = "DEEAF6"  # light blue sub-heading rows inside a section's table
HEADER_FILL = "BDD7EE"  # repeating-table header rows
DATE_FORMAT = "%d/%m/%Y"
LABEL_W, VALUE_W = 2150, 3083  # label, value, label, value = 10466


@dataclass(frozen=True)
class Box:
    """One value box on the form: its model path, the label printed beside it, its kind."""

    path: str
    label: str
    kind: str = "text"  # text | date | choice | check | long
    options: dict[str, str] | None = None
    placeholder: str | None = None
    #: for boxes with no model path (the form asks something the PEP model does not hold)
    own_tag: str | None = None

    @property
    def tag(self) -> str:
        return self.own_tag or self.path.replace(".", "_")


@dataclass(frozen=True)
class Col:
    path: str
    header: str
    width: int
    kind: str = "text"  # text | date | check | choice | yesno
    options: dict[str, str] | None = None
    #: headers an earlier version of the form printed (a returned form still reads)
    also: tuple[str, ...] = ()


@dataclass
class ControlForm:
    """Builds one Eastborough form and its mapping at the same time."""

    pkg: k.Package
    mapping: MappingDoc
    ids: k.Ids = field(default_factory=k.Ids)
    section_no: int = 0
    _labels: dict[str, int] = field(default_factory=dict)

    # -- value controls ---------------------------------------------------------------------

    def control(self, box: Box) -> str:
        if box.kind == "date":
            return k.sdt_date(self.ids, box.tag, box.label)
        if box.kind == "choice":
            assert box.options is not None
            return k.sdt_dropdown(self.ids, box.tag, box.label, list(box.options.values()))
        if box.kind == "check":
            # The box stands alone in its cell, so the label cell beside it names it.
            return k.sdt_checkbox(self.ids, box.tag, box.label)
        return k.sdt_text(
            self.ids,
            box.tag,
            box.label,
            placeholder=box.placeholder or k.PLACEHOLDER_TEXT,
            multiline=box.kind == "long",
        )

    def record(self, box: Box, fallback: dict[str, object]) -> None:
        entry = Entry(path=box.path, at={"control": box.tag}, also=[fallback])
        if box.kind == "date":
            entry.type, entry.format = "date", DATE_FORMAT
        elif box.kind == "choice":
            entry.type, entry.values = "choice", box.options
        elif box.kind == "check":
            entry.type = "bool"
        self.mapping.add(entry)

    def _label_anchor(self, box: Box, scope: str | None) -> dict[str, object]:
        # A checkbox control falls back to the checkbox beside its label (reading the cell
        # right of the label as text would see "☐ Yes" whatever the state).
        if box.kind == "check":
            return {"checkbox": box.label}
        if scope:
            return {"label": {"text": box.label, "section": scope}}
        # An unscoped label anchor finds the first cell with that text: keep them unique.
        self._labels[box.label] = self._labels.get(box.label, 0) + 1
        if self._labels[box.label] > 1:
            raise ValueError(f"label {box.label!r} used twice without a section")
        return {"label": box.label}

    # -- layout -----------------------------------------------------------------------------

    def section(self, title: str, who: str | None = None) -> None:
        self.section_no += 1
        text = f"Section {self.section_no}: {title}"
        self.pkg.add(k.para(text, style="Heading1"))
        if who:
            self.pkg.add(k.guidance(who))
        self.mapping.section(text)

    def grid(self, rows: Sequence[str | Sequence[Box]]) -> None:
        """A 4-column label/value table; a ``str`` row is a shaded sub-heading that scopes the
        labels under it (three "Name" labels: carer, social worker, IRO)."""
        xml_rows = []
        scope: str | None = None
        for spec in rows:
            if isinstance(spec, str):
                scope = spec
                xml_rows.append(
                    k.row(
                        k.cell(
                            k.para(k.run(spec, bold=True, color=NAVY), keep_next=True),
                            width=k.TEXT_W,
                            fill=SUBHEAD_FILL,
                            span=4,
                        )
                    )
                )
                continue
            cells = []
            for n, box in enumerate(spec):
                wide = len(spec) == 1
                cells.append(k.label_cell(box.label, LABEL_W))
                value_w = VALUE_W + LABEL_W + VALUE_W if wide else VALUE_W
                cells.append(
                    k.cell(k.para(self.control(box)), width=value_w, span=3 if wide else 1)
                )
                if box.path:  # unmapped boxes stay on the form, reported as unmapped content
                    self.record(box, self._label_anchor(box, scope))
                del n
            xml_rows.append(k.row(*cells, height=340))
        self.pkg.add(k.table(xml_rows, [LABEL_W, VALUE_W, LABEL_W, VALUE_W]), k.spacer())

    def repeating(
        self, path: str, cols: Sequence[Col], *, blank_rows: int = 3, title: str | None = None
    ) -> None:
        """A repeating table found by its header row; blank rows are plain (users type or add
        rows), except checkbox columns, which hold an untagged checkbox control per row, and
        columns that take a code (an area, an outcome, yes or no), which hold an untagged
        drop-down list per row: the teacher sees what is accepted."""
        if title:
            self.pkg.add(k.para(title, style="Heading2"))
        widths = [c.width for c in cols]
        assert sum(widths) == k.TEXT_W, (path, sum(widths))
        header = k.row(
            *(
                k.cell(k.para(k.run(c.header, bold=True, size=18)), width=c.width, fill=HEADER_FILL)
                for c in cols
            ),
            header=True,
        )
        body = []
        for _ in range(blank_rows):
            cells = []
            for c in cols:
                if c.kind == "check":
                    content = k.para(k.sdt_checkbox(self.ids, None, None), align="center")
                elif c.kind in ("choice", "yesno"):
                    items = list(c.options.values()) if c.options else ["Yes", "No"]
                    content = k.para(k.sdt_dropdown(self.ids, None, c.header, items, size=18))
                else:
                    content = k.para(k.run("", size=18))
                cells.append(k.cell(content, width=c.width))
            body.append(k.row(*cells, height=400))
        self.pkg.add(k.table([header, *body], widths), k.spacer())
        columns: list[dict[str, object]] = []
        for c in cols:
            col: dict[str, object] = {"path": c.path, "header": c.header}
            if c.also:
                col["also_headers"] = list(c.also)
            if c.kind == "date":
                col.update(type="date", format=DATE_FORMAT)
            elif c.kind == "check":
                col["type"] = "bool"
            elif c.kind == "choice":
                col.update(type="choice", values=c.options)
            columns.append(col)
        self.mapping.add(
            Entry(path=path, at={"table": {"header": [c.header for c in cols]}}, columns=columns)
        )

    def textbox(self, path: str, heading: str, prompt: str) -> None:
        """A free-text box: sub-heading, then a one-cell table holding a rich-text block
        control whose placeholder is the prompt (so an untouched box still reads as empty);
        each line of the answer is a paragraph, which survives a re-save by any editor."""
        box = Box(path, heading, "long", placeholder=prompt)
        control = k.sdt_rich_block(self.ids, box.tag, box.label, placeholder=prompt)
        self.pkg.add(
            k.para(heading, style="Heading2"),
            k.table([k.row(k.cell(control, width=k.TEXT_W), height=1400)], [k.TEXT_W]),
            k.spacer(60),
        )
        self.mapping.add(
            Entry(
                path=path, at={"control": box.tag}, also=[{"heading": heading}], multiline=True
            )
        )

    def signoff_block(
        self, title: str, role: str, date_box: Box | None, extra: Sequence[Box] = ()
    ) -> None:
        """Name / role / signature / date for one signatory; the date is mapped, the rest is
        ink (names are mapped where the person's details are collected)."""
        cells_row1 = [
            k.label_cell("Name", LABEL_W),
            k.cell(k.para(), width=VALUE_W),
            k.label_cell("Role", LABEL_W),
            k.cell(k.para(k.run(role, size=18)), width=VALUE_W),
        ]
        rows = [
            k.row(
                k.cell(
                    k.para(k.run(title, bold=True, color=NAVY), keep_next=True),
                    width=k.TEXT_W,
                    fill=SUBHEAD_FILL,
                    span=4,
                )
            ),
            k.row(*cells_row1, height=340),
        ]
        sig = [k.label_cell("Signature", LABEL_W), k.cell(k.para(), width=VALUE_W)]
        if date_box:
            sig += [
                k.label_cell(date_box.label, LABEL_W),
                k.cell(k.para(self.control(date_box)), width=VALUE_W),
            ]
            self.record(date_box, {"label": {"text": date_box.label, "section": title}})
        else:
            sig += [k.label_cell("Date", LABEL_W), k.cell(k.para(), width=VALUE_W)]
        rows.append(k.row(*sig, height=500))
        for box in extra:
            rows.append(
                k.row(
                    k.label_cell(box.label, LABEL_W),
                    k.cell(k.para(self.control(box)), width=VALUE_W * 2 + LABEL_W, span=3),
                    height=340,
                )
            )
            self.record(box, {"label": {"text": box.label, "section": title}})
        self.pkg.add(k.table(rows, [LABEL_W, VALUE_W, LABEL_W, VALUE_W]), k.spacer())


# --- the logo: a rising sun over the sea (east) in a navy roundel -----------------------------


def _logo(x: float, y: float) -> k.Pixel:
    cx, cy = x - 0.5, y - 0.5
    r2 = cx * cx + cy * cy
    if r2 > 0.25:
        return k.TRANSPARENT
    if r2 > 0.21:
        return k.shade_fn("C9A227")  # gold rim
    if y > 0.62:
        # three bands of sea
        band = int((y - 0.62) / 0.06) % 2
        return k.shade_fn("2E75B6" if band else "1F4E79")
    sx, sy = x - 0.5, y - 0.62
    if sx * sx + sy * sy < 0.045:
        return k.shade_fn("F4B183")  # the sun
    # rays: alternate wedges around the sun's centre
    import math

    angle = math.atan2(sy, sx)
    if sy < 0 and int((angle + math.pi) / (math.pi / 9)) % 2 == 0:
        return k.shade_fn("2F5597")
    return k.shade_fn(NAVY)


PHASE_TITLES = {
    "early_years": ("Early Years", "for children aged 2 to Reception"),
    "school_age": ("School Age", "Reception to Year 11"),
    "post16": ("Post-16", "Years 12 and 13, to age 18"),
}


def build(phase: str, template_dir: Path, mapping_dir: Path, generator: str) -> None:
    short, span = PHASE_TITLES[phase]
    slug = phase.replace("_", "-")
    template_name = f"eastborough-{slug}.docx"
    pkg = k.Package(
        title=f"Eastborough Personal Education Plan - {short}",
        creator="Eastborough Virtual School",
        description="Fictional form for pepdocs; any resemblance to a real form is accidental.",
        title_color=NAVY,
        heading_color=NAVY,
    )
    mapping = MappingDoc(
        authority="eastborough",
        name="Eastborough Virtual School",
        form=phase,
        version="2025-09",
        template=template_name,
        description=(
            f"Eastborough's {short.lower()} PEP ({span}): Word content controls (text, date "
            "pickers, drop-down lists, checkboxes), each tagged and each beside a shaded label "
            "cell; repeating tables found by their header rows; free-text boxes under "
            "sub-headings."
        ),
        fingerprint=["Eastborough Virtual School", f"Personal Education Plan - {short}"],
    )
    form = ControlForm(pkg, mapping)
    ids = form.ids
    pkg.logo_png = k.png_bytes(96, 96, _logo)
    pkg.header = k.standard_header(
        ids, "Eastborough Council", "Virtual School for Children in Care", accent=NAVY
    )
    pkg.footer = k.standard_footer(f"Eastborough PEP {short} v2025-09")

    pkg.add(
        k.para(
            k.run(f"Personal Education Plan - {short}", bold=True, size=34, color=NAVY),
            style="Title",
        ),
        k.para(
            k.run(f"Eastborough Virtual School  |  {span}", size=20, color="404040"),
            align="center",
            after=120,
        ),
        k.guidance(
            "The social worker starts this plan; the designated teacher completes the education "
            "sections at the PEP meeting and returns it to the Virtual School within 5 school "
            "days. Grey boxes are labels; click a box to type."
        ),
    )
    setting = {
        "early_years": "Early years setting",
        "school_age": "School name",
        "post16": "College or training provider",
    }[phase]
    urn_label = {"early_years": "URN / EY number", "school_age": "URN", "post16": "URN / UKPRN"}[
        phase
    ]
    teacher = "Designated teacher" if phase != "early_years" else "Setting lead for CLA"

    form.section("About this PEP")
    form.grid(
        [
            [
                Box("meta.pep_type", "Type of PEP", "choice", lb.PEP_TYPE),
                Box("meta.academic_year", "Academic year", placeholder="e.g. 2025-26"),
            ],
            [
                Box("meta.term", "Term", "choice", lb.TERM),
                Box("meta.meeting_date", "Date of PEP meeting", "date"),
            ],
            [
                Box("meta.previous_pep_date", "Date of previous PEP", "date"),
                Box("meta.next_review_date", "Next PEP review due", "date"),
            ],
            [
                Box("meta.status", "PEP status", "choice", lb.PEP_STATUS),
                Box("meta.completed_by", "Form completed by"),
            ],
            [
                Box("meta.pep_id", "PEP reference"),
                Box("meta.initiated_date", "Date PEP initiated", "date"),
            ],
        ]
    )

    form.section("The child", "To be completed by the social worker.")
    child_rows: list[str | Sequence[Box]] = [
        [Box("child.first_name", "Legal first name"), Box("child.middle_names", "Middle name(s)")],
        [Box("child.last_name", "Legal surname"), Box("child.preferred_name", "Known as")],
        [
            Box("child.date_of_birth", "Date of birth", "date"),
            Box("child.gender", "Gender", "choice", lb.GENDER),
        ],
        [
            Box("child.ethnicity", "Ethnicity", "choice", lb.ETHNICITY),
            Box("child.first_language", "First language"),
        ],
    ]
    if phase == "post16":
        child_rows.append(
            [Box("child.upn", "UPN (from school)"), Box("child.uln", "ULN (Unique Learner Number)")]
        )
        child_rows.append([Box("child.la_child_id", "Eastborough child ID")])
    else:
        child_rows.append(
            [Box("child.upn", "UPN"), Box("child.la_child_id", "Eastborough child ID")]
        )
    form.grid(child_rows)

    form.section("Care arrangements", "To be completed by the social worker.")
    form.grid(
        [
            [
                Box("care.legal_status", "Legal status", "choice", lb.LEGAL_STATUS),
                Box("care.date_became_looked_after", "Date became looked after", "date"),
            ],
            [
                Box("care.emergency_entry", "Emergency entry to care", "check"),
                Box("care.number_of_placements", "Number of placements"),
            ],
            [
                Box("care.placement_type", "Placement type", "choice", lb.PLACEMENT_TYPE),
                Box("care.placement_start_date", "Placement start date", "date"),
            ],
            [
                Box("care.placing_authority", "Placing authority"),
                Box("care.host_authority", "Host authority"),
            ],
            [Box("care.parental_responsibility", "Who holds parental responsibility")],
            "Carer",
            [Box("care.carer.name", "Name"), Box("care.carer.phone", "Phone")],
            [Box("care.carer.email", "Email")],
            [Box("care.carer.education_role", "Carer's role in learning and leisure")],
            "Social worker",
            [Box("care.social_worker.name", "Name"), Box("care.social_worker.team", "Team")],
            [Box("care.social_worker.phone", "Phone"), Box("care.social_worker.email", "Email")],
            "Independent Reviewing Officer (IRO)",
            [Box("care.iro.name", "Name"), Box("care.iro.phone", "Phone")],
            [Box("care.iro.email", "Email")],
        ]
    )

    # lower case for the sentence, but not an acronym ("the setting lead for CLA")
    who = teacher[0].lower() + teacher[1:]
    form.section("Education setting", f"To be completed by the {who}.")
    edu_rows: list[str | Sequence[Box]] = [
        [Box("education.setting_name", setting)],
        [Box("education.urn", urn_label), Box("education.laestab", "DfE number (LAESTAB)")],
        [
            Box("education.ncy", "Year group (NCY)", "choice", lb.NCY),
            Box("education.date_joined", "Date joined", "date"),
        ],
        [
            Box("education.on_roll", "On roll", "check"),
            Box("education.part_time_timetable", "Part-time timetable", "check"),
        ],
        teacher,
        [
            Box("education.designated_teacher.name", "Name"),
            Box("education.designated_teacher.phone", "Phone"),
        ],
        [
            Box("education.designated_teacher.email", "Email"),
            Box("education.senco", "SENCo" if phase != "post16" else "Learning support lead"),
        ],
    ]
    if phase == "early_years":
        edu_rows.insert(
            4,
            [
                Box("", "Funded hours per week", own_tag="ey_funded_hours"),
                Box("", "Two-year-old funding", "check", own_tag="ey_two_funding"),
            ],
        )
    elif phase == "post16":
        edu_rows.insert(
            4,
            [
                Box("", "Study programme hours", own_tag="p16_hours"),
                Box("", "16-19 Bursary awarded", "check", own_tag="p16_bursary"),
            ],
        )
    form.grid(edu_rows)

    form.section(
        "Attendance" + (" and exclusions" if phase != "early_years" else ""),
        "Attendance for the period below, from the register.",
    )
    form.grid(
        [
            [
                Box("education.attendance.percent", "Attendance (%)"),
                Box("education.attendance.sessions_possible", "Possible sessions"),
            ],
            [
                Box("education.attendance.sessions_missed", "Sessions missed"),
                Box("education.attendance.period_start", "Period from", "date"),
            ],
            [Box("education.attendance.period_end", "Period to", "date")],
        ]
    )
    if phase != "early_years":  # nursery settings rarely exclude; schools and colleges do
        form.repeating(
            "education.exclusions",
            [
                Col("type", "Type of exclusion", 2400, "choice", lb.EXCLUSION_TYPE),
                Col("start_date", "Start date", 1350, "date"),
                Col("sessions", "Sessions lost", 1550),
                Col("reason", "Reason", 5166),
            ],
            blank_rows=2,
            title="Suspensions and exclusions this year",
        )

    form.section("Special educational needs (SEN)")
    form.grid(
        [
            [
                Box("education.sen_provision", "SEN provision", "choice", lb.SEN_PROVISION),
                Box("education.sen_primary_need", "Primary need", "choice", lb.SEN_NEED),
            ],
            [Box("education.ehcp_date", "Date of EHC plan", "date")],
        ]
    )

    form.section("Health and wellbeing")
    form.grid(
        [
            [Box("health.sdq_score", "SDQ score"), Box("health.sdq_date", "SDQ date", "date")],
            [Box("health.camhs_involved", "CAMHS involved", "check")],
        ]
    )

    if phase == "early_years":
        form.section(
            "Progress and development (EYFS)",
            "One row per EYFS area: prime areas (communication and language; "
            "physical; personal, social and emotional) and specific areas (literacy; "
            "mathematics; understanding the world; expressive arts and design). "
            "Record emerging or expected.",
        )
        form.repeating(
            "attainment",
            [
                # "Developing" and "Emerging" unbroken in the two narrow columns
                Col("subject", "Area of learning", 2500),
                Col("scale", "Assessment", 1400),
                Col("baseline", "On entry", 1300),
                Col("current", "Now", 1300),
                Col("target", "Expected by end of year", 2666),
                Col("on_track", "On track?", 1300, "yesno"),
            ],
            blank_rows=7,
        )
    elif phase == "post16":
        form.section(
            "Course and progress",
            "One row per course or qualification: level (Entry, 1, 2, 3), grades.",
        )
        form.repeating(
            "attainment",
            [
                Col("subject", "Course / qualification", 2866),
                Col("scale", "Level", 1200),
                Col("baseline", "Starting point", 1650),
                Col("current", "Current grade", 1650),
                Col("target", "Target grade", 1500),
                Col("on_track", "On track?", 1600, "yesno"),
            ],
        )
    else:
        form.section(
            "Attainment and progress",
            "Core subjects at least; use the school's own measures (KS2 scaled "
            "scores, GCSE 9-1...).",
        )
        form.repeating(
            "attainment",
            [
                Col("subject", "Subject", 2266),
                Col("scale", "Measure", 1500),
                Col("baseline", "Start of year", 1600),
                Col("current", "Current", 1600),
                Col("target", "End of year target", 2100),
                Col("on_track", "On track?", 1400, "yesno"),
            ],
            blank_rows=4,
        )

    form.section("Views")
    who = "young person" if phase == "post16" else "child"
    form.textbox(
        "views.child",
        f"The {who}'s views",
        f"What does the {who} say is going well, what is hard, and what would help?",
    )
    form.textbox(
        "views.child_not_given_reason",
        f"If the {who}'s views are not recorded, why not",
        "For example age and understanding, or declined to take part this time.",
    )
    form.textbox(
        "child.leisure_interests",
        "Leisure interests",
        f"What does the {who} enjoy outside lessons (clubs, sport, hobbies)?",
    )
    form.textbox("views.carer", "Carer's views", "Record the carer's views.")
    form.textbox(
        "views.parent",
        "Parent's views (where appropriate)",
        "Record the parent's views, if they take part.",
    )
    form.textbox(
        "views.school",
        "School or setting's views" if phase != "post16" else "College or provider's views",
        "Record the education provider's views.",
    )
    form.textbox(
        "views.social_worker", "Social worker's views", "Record the social worker's views."
    )

    form.section("Review of previous targets", "Outcome: Met, Partly met or Not met.")
    form.repeating(
        "previous_targets",
        [
            Col("description", "Previous target", 4266),
            Col("outcome", "Outcome", 1500, "choice", lb.TARGET_OUTCOME),
            Col("evidence", "Evidence and impact (including PP+)", 4700),
        ],
    )

    form.section(
        "New SMART targets",
        "At least three targets; each specific, measurable and due before the next "
        "PEP, with a named lead.",
    )
    form.repeating(
        "targets",
        [
            # each header on one line, an area's longest word and a date unbroken, even in
            # the wider fonts that stand in for Arial where it is not installed
            Col("id", "Ref", 550),
            Col("area", "Area", 1600, "choice", lb.TARGET_AREA),
            Col("description", "SMART target", 1650),
            Col("actions", "Actions", 1266, also=("Actions and support",)),
            Col("success_criteria", "Success criteria", 1800),
            Col("lead", "Lead", 1250, also=("Lead person",)),
            Col("due_date", "By when", 1250, "date"),
            Col("pp_plus_cost", "PP+ £", 1100, also=("PP+ cost (£)",)),
        ],
    )

    form.section(
        "Pupil Premium Plus (PP+) request", "Costs must be linked to a target above (use its Ref)."
    )
    form.repeating(
        "pp_plus.items",
        [
            Col("description", "What PP+ will fund", 6466),
            Col("cost", "Cost (£)", 2000),
            Col("target_id", "Target Ref", 2000),
        ],
    )
    form.grid(
        [
            [
                Box("pp_plus.requested_total", "Total requested (£)"),
                Box("pp_plus.approved", "Approved by Virtual School", "check"),
            ],
        ]
    )

    transition_title = {
        "early_years": "Moving on (transition to school)",
        "school_age": "Transition, careers and aspirations",
        "post16": "Careers, aspirations and next steps",
    }[phase]
    form.section(
        transition_title, "Transition years: Nursery, Year 6, Year 11. Careers advice from Year 8."
    )
    form.grid(
        [
            [
                Box("transition.next_transition", "Next transition"),
                Box("transition.date", "Date of move", "date"),
            ],
        ]
    )
    form.textbox(
        "transition.plan",
        "Transition plan",
        "Visits, handover meetings, who from the new setting is invited.",
    )
    if phase != "early_years":
        form.textbox(
            "transition.careers_advice",
            "Careers advice and guidance",
            "Who has given careers advice, when, and what was agreed.",
        )
    form.textbox(
        "transition.aspirations",
        "Aspirations and intended destination"
        if phase != "early_years"
        else "Hopes for the future",
        "In the child's own words where possible.",
    )

    form.section("Who took part in this PEP", "Tick invited and attended.")
    form.repeating(
        "attendees",
        [
            Col("name", "Name", 2500),
            Col("role", "Role", 2500),
            Col("organisation", "Organisation", 3066),
            Col("invited", "Invited", 1200, "check"),
            Col("attended", "Attended", 1200, "check"),
        ],
        blank_rows=5,
    )

    form.section(
        "Linked plans",
        "EHC plan, behaviour or pastoral support plan"
        + (", Pathway Plan (from age 16)" if phase == "post16" else "")
        + ".",
    )
    form.repeating(
        "linked_plans",
        [
            Col("type", "Plan", 3000, "choice", lb.LINKED_PLAN),
            Col("date", "Date of plan", 2000, "date"),
            Col("reference", "Reference or where held", 5466),
        ],
        blank_rows=2,
    )

    form.section("Sign-off and quality assurance")
    form.signoff_block(
        "Designated teacher sign-off",
        teacher,
        Box("signoff.designated_teacher_date", "Date signed (DT)", "date"),
    )
    form.signoff_block(
        "Social worker sign-off",
        "Social worker",
        Box("signoff.social_worker_date", "Date signed (SW)", "date"),
    )
    form.signoff_block(
        "Virtual School quality assurance",
        "Virtual School officer",
        Box("signoff.virtual_school_date", "Date of QA", "date"),
        extra=[Box("signoff.qa_rating", "QA rating", "choice", lb.QA_RATING)],
    )
    pkg.add(
        k.guidance(
            "Return the completed PEP to the Eastborough Virtual School by secure "
            "email. Do not send by ordinary email."
        )
    )

    pkg.write(template_dir / template_name)
    mapping.write(mapping_dir / f"eastborough-{slug}.yaml", generator)
