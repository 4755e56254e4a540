"""Northshire: a form WE author, filled by docxtpl (``engine: docxtpl`` in the mapping).

Context contract agreed with the Word engine (docs/authoring.md, "Jinja templates"):

* ``f``: one entry per scalar field, keyed by the field's control tag (its model path with
  dots turned to ``_``: ``child_first_name``), holding the form text (the transform's output:
  ``03/09/2025``, ``Year 6``, ``Yes``) or ``""`` when there is no value. Every tag must be
  present, because the conditional blocks test them.
* ``rows``: one list per repeating section, keyed by its path with dots turned to ``_``
  (``rows.targets``, ``rows.education_exclusions``, ``rows.pp_plus_items``); each row maps
  column keys (the column path with dots turned to ``_``) to form text.

Each scalar sits in a plain-text content control (tag = that key, alias = the printed label)
whose content is ``{{ f.<tag> }}``, so a filled form extracts by control tag like any other
control form, and by label if an editor strips the tags. Jinja tags are whole runs so docxtpl
needs no run repair. Repeating rows use ``{%tr for %}`` and keep at least three rows (blank
ones padded by ``range``) so the school has room to type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docxkit as k
import option_labels as lb
from mapwriter import Entry, MappingDoc

GREEN = "385723"
LABEL_W, VALUE_W = 2250, 2983
DATE_FORMAT = "%d/%m/%Y"
MIN_ROWS = 3

TRANSITION_YEARS = ["Nursery 1", "Nursery 2", "Year 6", "Year 11"]
# Careers guidance is expected from Year 8 (docs/sources.md, "Timelines").
CAREERS_YEARS = [f"Year {n}" for n in range(8, 15)]


@dataclass(frozen=True)
class Val:
    path: str
    label: str
    kind: str = "text"  # text | date | choice | bool
    options: dict[str, str] | None = None

    @property
    def tag(self) -> str:
        return self.path.replace(".", "_")


def jinja_var(expression: str) -> str:
    return "{{ " + expression + " }}"


def jinja_tag(level: str, statement: str) -> str:
    """A docxtpl block tag: ``{%tr ...%}`` replaces its table row, ``{%p ...%}`` its
    paragraph, so the tag must be alone in that row or paragraph."""
    return "{%" + level + " " + statement + " %}"


def _key(path: str) -> str:
    return path.replace(".", "_")


@dataclass
class JinjaForm:
    pkg: k.Package
    mapping: MappingDoc
    ids: k.Ids = field(default_factory=k.Ids)
    tags: list[str] = field(default_factory=list)
    number: int = 0
    _labels: set[tuple[str, str | None]] = field(default_factory=set)

    def control(self, v: Val) -> str:
        self.tags.append(v.tag)
        content = jinja_var(f"f.{v.tag}")
        if v.kind in ("choice", "bool"):
            # a code's box is a drop-down of the form's words for it: the teacher sees what
            # is accepted; the rendered value is one of the items
            items = list(v.options.values()) if v.options else ["Yes", "No"]
            return k.sdt_dropdown(self.ids, v.tag, v.label, items, content=content)
        return k.sdt_text(self.ids, v.tag, v.label, content=content)

    def record(self, v: Val, fallback: dict[str, object]) -> None:
        entry = Entry(path=v.path, at={"control": v.tag}, also=[fallback])
        if v.kind == "date":
            entry.type, entry.format = "date", DATE_FORMAT
        elif v.kind == "choice":
            entry.type, entry.values = "choice", v.options
        elif v.kind == "bool":
            entry.type = "bool"
        self.mapping.add(entry)

    def _label(self, v: Val, scope: str | None, direction: str | None = None) -> dict[str, object]:
        key = (v.label, scope)
        if key in self._labels:
            raise ValueError(f"label {v.label!r} used twice in {scope!r}")
        self._labels.add(key)
        if scope is None and direction is None:
            return {"label": v.label}
        spec: dict[str, object] = {"text": v.label}
        if direction:
            spec["direction"] = direction
        if scope:
            spec["section"] = scope
        return {"label": spec}

    def bar(self, title: str, guide: str | None = None, *, numbered: bool = True) -> None:
        """A section heading: a Heading 1 paragraph in a green bar. Sections inside a
        conditional block carry no number, so the numbering never jumps when one is hidden."""
        if numbered:
            self.number += 1
            title = f"{self.number}. {title}"
        self.pkg.add(
            k.para(k.run(title, color="FFFFFF"), style="Heading1", shade=GREEN, keep_next=True)
        )
        if guide:
            self.pkg.add(k.guidance(guide))
        self.mapping.section(title)

    def pairs(self, rows: Sequence[str | Sequence[Val]]) -> None:
        xml_rows = []
        scope: str | None = None
        for spec in rows:
            if isinstance(spec, str):
                scope = spec
                xml_rows.append(
                    k.row(
                        k.cell(
                            k.para(k.run(spec, bold=True, color=GREEN), keep_next=True),
                            width=k.TEXT_W,
                            fill="E2EFDA",
                            span=4,
                        )
                    )
                )
                continue
            cells = []
            wide = len(spec) == 1
            for v in spec:
                cells.append(k.label_cell(v.label, LABEL_W))
                if not v.path:  # ink only: a signature, a printed name
                    cells.append(k.cell(k.para(), width=VALUE_W))
                    continue
                cells.append(
                    k.cell(
                        k.para(self.control(v)),
                        width=VALUE_W * 2 + LABEL_W if wide else VALUE_W,
                        span=3 if wide else 1,
                    )
                )
                self.record(v, self._label(v, scope))
            xml_rows.append(k.row(*cells, height=340))
        self.pkg.add(k.table(xml_rows, [LABEL_W, VALUE_W, LABEL_W, VALUE_W]), k.spacer())

    def stacked(self, vals: Sequence[Val]) -> None:
        """Labels in a shaded row with the values underneath (a two-row cell pair)."""
        width = k.TEXT_W // len(vals)
        widths = [width] * (len(vals) - 1) + [k.TEXT_W - width * (len(vals) - 1)]
        head = k.row(*(k.label_cell(v.label, w) for v, w in zip(vals, widths, strict=True)))
        body = k.row(
            *(k.cell(k.para(self.control(v)), width=w) for v, w in zip(vals, widths, strict=True)),
            height=360,
        )
        for v in vals:
            self.record(v, self._label(v, None, "below"))
        self.pkg.add(k.table([head, body], widths), k.spacer(60))

    def loop_table(
        self, path: str, cols: Sequence[tuple[str, str, int, str, dict[str, str] | None]]
    ) -> None:
        """Header row, a ``{%tr for %}`` row per item, then blank rows up to MIN_ROWS."""
        widths = [c[2] for c in cols]
        assert sum(widths) == k.TEXT_W, (path, sum(widths))
        key = _key(path)
        span = len(cols)
        coded = [
            (c[1], list(c[4].values()) if c[4] else None)
            for c in cols
            if c[3] in ("choice", "bool")
        ]
        if coded:
            # the rows are rendered text: the answers each coded column accepts, over the table
            self.pkg.add(k.answers_hint(coded))

        def tag_row(tag: str) -> str:
            return k.row(k.cell(k.para(k.run(tag)), width=k.TEXT_W, span=span))

        header = k.row(
            *(
                k.cell(k.para(k.run(c[1], bold=True, size=18)), width=c[2], fill=k.LABEL_FILL)
                for c in cols
            ),
            header=True,
        )
        item = k.row(
            *(
                k.cell(k.para(k.run(jinja_var(f"row.{_key(c[0])}"), size=18)), width=c[2])
                for c in cols
            )
        )
        blank = k.row(*(k.cell(k.para(k.run("", size=18)), width=c[2]) for c in cols), height=400)
        rows = [
            header,
            tag_row(jinja_tag("tr", f"for row in rows.{key}")),
            item,
            tag_row(jinja_tag("tr", "endfor")),
            tag_row(jinja_tag("tr", f"for _ in range({MIN_ROWS} - rows.{key}|length)")),
            blank,
            tag_row(jinja_tag("tr", "endfor")),
        ]
        self.pkg.add(k.table(rows, widths), k.spacer())
        columns: list[dict[str, object]] = []
        for item_path, head, _w, kind, values in cols:
            col: dict[str, object] = {"path": item_path, "header": head}
            if kind == "date":
                col.update(type="date", format=DATE_FORMAT)
            elif kind == "choice":
                col.update(type="choice", values=values)
            elif kind == "bool":
                col["type"] = "bool"
            columns.append(col)
        self.mapping.add(
            Entry(path=path, at={"table": {"header": [c[1] for c in cols]}}, columns=columns)
        )

    def textbox(self, v: Val) -> None:
        """A long answer in a rich-text block control: the value's lines become paragraphs
        (``multiline: true`` asks the engine for that), which survive any editor's re-save."""
        self.tags.append(v.tag)
        control = k.sdt_rich_block(
            self.ids, v.tag, v.label, paragraphs=[k.para(k.run(jinja_var(f"f.{v.tag}")))]
        )
        self.pkg.add(
            k.para(v.label, style="Heading2"),
            k.table([k.row(k.cell(control, width=k.TEXT_W), height=1300)], [k.TEXT_W]),
            k.spacer(60),
        )
        self.mapping.add(
            Entry(path=v.path, at={"control": v.tag}, also=[{"heading": v.label}], multiline=True)
        )

    def block_if(self, condition: str) -> None:
        self.pkg.add(k.para(k.run(jinja_tag("p", f"if {condition}"))))

    def block_end(self) -> None:
        self.pkg.add(k.para(k.run(jinja_tag("p", "endif"))))


def _any_filled(tags: Sequence[str]) -> str:
    return " or ".join(f"f.{t}" for t in tags)


def _logo(x: float, y: float) -> k.Pixel:
    """A green roundel with a white fell (mountain) and a pale star."""
    cx, cy = x - 0.5, y - 0.5
    if cx * cx + cy * cy > 0.25:
        return k.TRANSPARENT
    if cx * cx + cy * cy > 0.2:
        return k.shade_fn("A9D18E")
    # mountain: a triangle with its peak at (0.5, 0.3)
    if y > 0.3 and abs(x - 0.5) < (y - 0.3) * 0.9 and y < 0.78:
        return k.shade_fn("FFFFFF" if y < 0.45 else "C5E0B4")
    sx, sy = x - 0.72, y - 0.28
    if sx * sx + sy * sy < 0.004:
        return k.shade_fn("FFE699")
    return k.shade_fn(GREEN if y < 0.78 else "2F4B1C")


PHASES = {
    # phase: (form title, who it covers, setting word)
    "early_years": ("Early Years", "ages 2 to 4, before Reception", "Setting"),
    "school_age": ("School Age", "Reception to Year 11", "School"),
    "post16": ("Post-16", "Years 12 and 13, to age 18", "College or provider"),
}


def build(phase: str, template_dir: Path, mapping_dir: Path, generator: str) -> None:
    short, covers, setting = PHASES[phase]
    slug = phase.replace("_", "-")
    template_name = f"northshire-{slug}.docx"
    pkg = k.Package(
        title=f"Northshire Personal Education Plan ({short})",
        creator="Northshire Virtual School",
        description="Fictional form for pepdocs; any resemblance to a real form is accidental.",
        title_color=GREEN,
        heading_color=GREEN,
    )
    mapping = MappingDoc(
        authority="northshire",
        name="Northshire Virtual School",
        form=phase,
        version="2025-09",
        template=template_name,
        description=(
            f"Northshire's {short.lower()} PEP ({covers}), authored for docxtpl: each value "
            "is a tagged plain-text content control holding {{ f.<tag> }}; repeating tables "
            "are {%tr for %} row loops"
            + (
                "; the transition and careers blocks appear in the years that need them or "
                "whenever they hold data."
                if phase == "school_age"
                else "."
            )
        ),
        extra_top={"engine": "docxtpl"},
        fingerprint=["Northshire Virtual School", f"Personal Education Plan ({short})"],
    )
    form = JinjaForm(pkg, mapping)
    ids = form.ids
    pkg.logo_png = k.png_bytes(96, 96, _logo)
    pkg.header = k.standard_header(
        ids,
        "Northshire County Council",
        "Virtual School for Children Looked After",
        accent=GREEN,
    )
    pkg.footer = k.standard_footer(f"Northshire VS  PEP ({short})  2025-09")
    pkg.add(
        k.para(
            k.run(f"Personal Education Plan ({short})", bold=True, size=34, color=GREEN),
            style="Title",
        ),
        k.para(
            k.run(
                f"{covers[0].upper()}{covers[1:]}  |  reviewed every term", size=20, color="404040"
            ),
            align="center",
            after=120,
        ),
        k.guidance(
            "Prepared by Northshire Virtual School from the child's record. Check every "
            "pre-filled box, correct anything out of date, and complete the rest at the "
            "PEP meeting."
        ),
    )
    person = "young person" if phase == "post16" else "child"
    lead = {
        "early_years": "setting's lead for looked-after children",
        "school_age": "designated teacher",
        "post16": "college's designated person",
    }[phase]

    form.bar("About this PEP")
    form.pairs(
        [
            [
                Val("meta.pep_type", "PEP type", "choice", lb.PEP_TYPE),
                Val("meta.term", "Term", "choice", lb.TERM),
            ],
            [
                Val("meta.academic_year", "Academic year"),
                Val("meta.meeting_date", "Meeting date", "date"),
            ],
            [
                Val("meta.previous_pep_date", "Previous PEP", "date"),
                Val("meta.next_review_date", "Next review", "date"),
            ],
            [Val("meta.status", "Status", "choice", lb.PEP_STATUS), Val("meta.pep_id", "PEP ID")],
            [
                Val("meta.completed_by", "Completed by"),
                Val("meta.initiated_date", "PEP initiated", "date"),
            ],
        ]
    )

    form.bar(f"{person[0].upper()}{person[1:]}", "Pre-filled from the record: please check.")
    form.stacked(
        [
            Val("child.first_name", "First name"),
            Val("child.middle_names", "Middle names"),
            Val("child.last_name", "Last name"),
            Val("child.preferred_name", "Likes to be called"),
        ]
    )
    ids_row = (
        [Val("child.upn", "UPN"), Val("child.uln", "ULN")]
        if phase == "post16"
        else [Val("child.upn", "UPN"), Val("child.la_child_id", "Northshire ID")]
    )
    child_rows: list[str | Sequence[Val]] = [
        [
            Val("child.date_of_birth", "Date of birth", "date"),
            Val("child.gender", "Gender", "choice", lb.GENDER),
        ],
        [
            Val("child.ethnicity", "Ethnicity", "choice", lb.ETHNICITY),
            Val("child.first_language", "First language"),
        ],
        ids_row,
    ]
    if phase == "post16":
        child_rows.append([Val("child.la_child_id", "Northshire ID")])
    form.pairs(child_rows)

    form.bar("Care", "To be completed by the social worker.")
    form.pairs(
        [
            [
                Val("care.legal_status", "Legal status", "choice", lb.LEGAL_STATUS),
                Val("care.date_became_looked_after", "Looked after since", "date"),
            ],
            [
                Val("care.emergency_entry", "Emergency entry", "bool"),
                Val("care.number_of_placements", "Placements so far"),
            ],
            [
                Val("care.placement_type", "Placement type", "choice", lb.PLACEMENT_TYPE),
                Val("care.placement_start_date", "Placement started", "date"),
            ],
            [
                Val("care.placing_authority", "Placing authority"),
                Val("care.host_authority", "Host authority"),
            ],
            [Val("care.parental_responsibility", "Parental responsibility")],
            "Carer",
            [Val("care.carer.name", "Name"), Val("care.carer.phone", "Telephone")],
            [Val("care.carer.email", "Email")],
            [Val("care.carer.education_role", "Carer's part in learning and leisure")],
            "Social worker",
            [Val("care.social_worker.name", "Name"), Val("care.social_worker.team", "Team")],
            [
                Val("care.social_worker.phone", "Telephone"),
                Val("care.social_worker.email", "Email"),
            ],
            "Independent Reviewing Officer",
            [Val("care.iro.name", "Name"), Val("care.iro.phone", "Telephone")],
            [Val("care.iro.email", "Email")],
        ]
    )

    form.bar(setting, f"To be completed by the {lead}.")
    form.pairs(
        [
            [Val("education.setting_name", setting)],
            [
                Val("education.urn", "URN / UKPRN" if phase == "post16" else "URN"),
                Val("education.laestab", "LAESTAB"),
            ],
            [
                Val("education.ncy", "Year group", "choice", lb.NCY),
                Val("education.date_joined", "Date started", "date"),
            ],
            [
                Val("education.on_roll", "On roll", "bool"),
                Val("education.part_time_timetable", "Part-time timetable", "bool"),
            ],
            "Designated teacher" if phase != "early_years" else "Lead for looked-after children",
            [
                Val("education.designated_teacher.name", "Name"),
                Val("education.designated_teacher.phone", "Telephone"),
            ],
            [
                Val("education.designated_teacher.email", "Email"),
                Val("education.senco", "SENCo" if phase != "post16" else "Learning support"),
            ],
        ]
    )

    form.bar("Attendance" + (" and exclusions" if phase != "early_years" else ""))
    form.pairs(
        [
            [
                Val("education.attendance.percent", "Attendance %"),
                Val("education.attendance.sessions_possible", "Sessions possible"),
            ],
            [
                Val("education.attendance.sessions_missed", "Sessions missed"),
                Val("education.attendance.period_start", "Period start", "date"),
            ],
            [Val("education.attendance.period_end", "Period end", "date")],
        ]
    )
    if phase != "early_years":
        form.loop_table(
            "education.exclusions",
            [
                ("type", "Exclusion type", 2300, "choice", lb.EXCLUSION_TYPE),
                ("start_date", "Start date", 1700, "date", None),
                ("sessions", "Sessions", 1300, "text", None),
                ("reason", "Reason given", 5166, "text", None),
            ],
        )

    form.bar("Special educational needs")
    form.pairs(
        [
            [
                Val("education.sen_provision", "SEN provision", "choice", lb.SEN_PROVISION),
                Val("education.sen_primary_need", "Primary need", "choice", lb.SEN_NEED),
            ],
            [Val("education.ehcp_date", "EHCP issued", "date")],
        ]
    )

    form.bar("Health and wellbeing")
    form.pairs(
        [
            [Val("health.sdq_score", "SDQ total"), Val("health.sdq_date", "SDQ date", "date")],
            [Val("health.camhs_involved", "CAMHS involved", "bool")],
        ]
    )

    if phase == "early_years":
        form.bar(
            "Learning and development",
            "One row per EYFS area (prime: communication and language, physical, PSED; "
            "specific: literacy, mathematics, understanding the world, expressive arts): "
            "emerging or expected.",
        )
        first = ("subject", "EYFS area", 2266, "text", None)
    elif phase == "post16":
        form.bar("Course and progress", "One row per course: level (Entry, 1, 2, 3) and grades.")
        first = ("subject", "Course", 2266, "text", None)
    else:
        form.bar("Attainment", "Use the school's own measures; one row per subject.")
        first = ("subject", "Subject", 2266, "text", None)
    form.loop_table(
        "attainment",
        [
            first,
            # a scale's longest word, "(WTS/EXS/GDS)", unbroken
            ("scale", "Level" if phase == "post16" else "Scale", 2100, "text", None),
            ("baseline", "Baseline", 1500, "text", None),
            ("current", "Now", 1400, "text", None),
            ("target", "Target", 1400, "text", None),
            ("on_track", "On track", 1800, "bool", None),
        ],
    )

    form.bar("Voices")
    form.textbox(Val("views.child", f"What the {person} says"))
    form.textbox(Val("views.child_not_given_reason", f"Why the {person}'s voice is missing"))
    form.textbox(Val("child.leisure_interests", "Leisure interests and hobbies"))
    form.textbox(Val("views.carer", "What the carer says"))
    form.textbox(Val("views.parent", "What the parent says"))
    form.textbox(Val("views.school", f"What the {setting.lower()} says"))
    form.textbox(Val("views.social_worker", "What the social worker says"))

    form.bar("Last PEP's targets")
    form.loop_table(
        "previous_targets",
        [
            ("description", "Target from last PEP", 4266, "text", None),
            ("outcome", "Outcome", 1500, "choice", lb.TARGET_OUTCOME),
            ("evidence", "Evidence", 4700, "text", None),
        ],
    )

    form.bar(
        "Targets until the next PEP",
        "SMART: a measurable result, a named lead and a date before the next PEP.",
    )
    form.loop_table(
        "targets",
        [
            # each header on one line, an area's longest word and a date unbroken
            ("id", "#", 500, "text", None),
            ("area", "Area", 1600, "choice", lb.TARGET_AREA),
            ("description", "Target", 1416, "text", None),
            ("actions", "Actions", 1300, "text", None),
            ("success_criteria", "Success looks like", 2050, "text", None),
            ("lead", "Lead", 1250, "text", None),
            ("due_date", "Due", 1250, "date", None),
            ("pp_plus_cost", "PP+ £", 1100, "text", None),
        ],
    )

    form.bar("Pupil Premium Plus" if phase != "post16" else "Funding (PP+ and bursary)")
    form.loop_table(
        "pp_plus.items",
        [
            ("description", "PP+ item", 6466, "text", None),
            ("cost", "Cost £", 2000, "text", None),
            ("target_id", "Target #", 2000, "text", None),
        ],
    )
    form.pairs(
        [
            [
                Val("pp_plus.requested_total", "Total requested £"),
                Val("pp_plus.approved", "Approved", "bool"),
            ],
        ]
    )

    transition_vals = [
        [
            Val("transition.next_transition", "Moving to"),
            Val("transition.date", "Date of move", "date"),
        ],
    ]
    if phase == "school_age":
        transition = ["transition_next_transition", "transition_date", "transition_plan"]
        years = ", ".join(f"'{y}'" for y in TRANSITION_YEARS)
        # Shown in transition years, and whenever it holds data, so a fill never drops a value.
        form.block_if(f"f.education_ncy in [{years}] or {_any_filled(transition)}")
        form.bar(
            "Transition",
            "Nursery, Year 6 and Year 11: invite the receiving school.",
            numbered=False,
        )
        form.pairs(transition_vals)
        form.textbox(Val("transition.plan", "Transition plan"))
        form.block_end()

        careers = ["transition_careers_advice", "transition_aspirations"]
        years = ", ".join(f"'{y}'" for y in CAREERS_YEARS)
        form.block_if(f"f.education_ncy in [{years}] or {_any_filled(careers)}")
        form.bar(
            "Careers and post-16",
            "From Year 8: careers guidance, aspirations, and the planned post-16 destination.",
            numbered=False,
        )
        form.textbox(Val("transition.careers_advice", "Careers guidance received"))
        form.textbox(Val("transition.aspirations", "Aspirations and post-16 destination"))
        form.block_end()
    elif phase == "early_years":
        form.bar("Moving on", "Starting school: visits, handover, who from the school is invited.")
        form.pairs(transition_vals)
        form.textbox(Val("transition.plan", "Transition plan"))
        form.textbox(Val("transition.aspirations", "Hopes for the future"))
    else:
        form.bar(
            "Next steps and Pathway Plan",
            "Destination after this course, careers guidance, and how this PEP fits the "
            "Pathway Plan (record the Pathway Plan under Linked plans).",
        )
        form.pairs(transition_vals)
        form.textbox(Val("transition.plan", "Plan for the next step"))
        form.textbox(Val("transition.careers_advice", "Careers guidance received"))
        form.textbox(Val("transition.aspirations", "Aspirations and intended destination"))

    form.bar("At the meeting")
    form.loop_table(
        "attendees",
        [
            ("name", "Name", 2600, "text", None),
            ("role", "Role", 2300, "text", None),
            ("organisation", "Organisation", 2766, "text", None),
            ("invited", "Invited", 1400, "bool", None),
            ("attended", "Attended", 1400, "bool", None),
        ],
    )
    form.bar("Linked plans")
    form.loop_table(
        "linked_plans",
        [
            ("type", "Plan type", 3000, "choice", lb.LINKED_PLAN),
            ("date", "Plan date", 2000, "date", None),
            ("reference", "Reference", 5466, "text", None),
        ],
    )

    form.bar("Sign-off")
    lead_title = {
        "early_years": "Setting lead",
        "school_age": "Designated teacher",
        "post16": "College designated person",
    }[phase]
    form.pairs(
        [
            f"{lead_title} signature",
            [Val("", "Name"), Val("", "Signature")],
            [Val("signoff.designated_teacher_date", "Date", "date")],
            "Social worker signature",
            [Val("", "Name"), Val("", "Signature")],
            [Val("signoff.social_worker_date", "Date", "date")],
            "Virtual School quality assurance",
            [Val("", "Name"), Val("", "Signature")],
            [
                Val("signoff.virtual_school_date", "Date", "date"),
                Val("signoff.qa_rating", "QA rating", "choice", lb.QA_RATING),
            ],
        ]
    )

    pkg.write(template_dir / template_name)
    mapping.write(mapping_dir / f"northshire-{slug}.yaml", generator)
