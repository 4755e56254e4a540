"""Westmere: an older school-age form, the kind still circulating from Word 2003 days.

Part A is one long table with shaded heading rows, holding legacy form fields (FORMTEXT,
FORMCHECKBOX, FORMDROPDOWN, each named in ffData and mirrored by a bookmark) in a section
protected for filling in forms. Parts B to E sit in an unprotected section and are typed
straight into the form: plain label/value cells in the 4-column style, glyph checkboxes
(☐ EHCP ☐ SEN Support ☐ None), "Label:" lines, free-text boxes under headings, and a
signature grid whose dates have no label of their own (the mapping's one ``cell`` anchor).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docxkit as k
import option_labels as lb
from mapwriter import Entry, MappingDoc

TEAL = "1E5F66"
HEADING_FILL = "1E5F66"  # section heading rows: white text on teal
LABEL_W, VALUE_W = 2300, 2933  # label, value, label, value = 10466
DATE_FORMAT = "%d/%m/%Y"
# A legacy drop-down always shows an entry; the first is blank (en-spaces, as Word shows an
# empty FORMTEXT), so an untouched drop-down reads as empty rather than as a choice.
BLANK_ENTRY = k.EN_SPACES


@dataclass(frozen=True)
class Fld:
    """A labelled value. ``name`` set: a legacy form field (text/date/check/dropdown);
    ``name`` None: plain typed text found by its label."""

    path: str
    label: str
    name: str | None = None
    kind: str = "text"  # text | date | check | dropdown | choice (typed text read as a choice)
    options: dict[str, str] | None = None


@dataclass
class LegacyForm:
    pkg: k.Package
    mapping: MappingDoc
    ids: k.Ids = field(default_factory=k.Ids)
    tables: int = 0  # body tables so far, for the cell anchor's 1-based table number
    _labels: set[str] = field(default_factory=set)

    def add_table(self, xml: str) -> int:
        self.tables += 1
        self.pkg.add(xml)
        return self.tables

    def _value(self, f: Fld) -> str:
        if f.name is None:
            return k.para(k.run("", size=20))
        if f.kind == "check":
            # Alone in its cell: the label cell beside it names the box.
            return k.para(k.legacy_checkbox(self.ids, f.name))
        if f.kind == "dropdown":
            assert f.options is not None
            return k.para(
                k.legacy_dropdown(self.ids, f.name, [BLANK_ENTRY, *f.options.values()], size=20)
            )
        return k.para(k.legacy_text(self.ids, f.name, help_text=f.label, size=20))

    def _record(self, f: Fld) -> None:
        if f.label in self._labels:
            raise ValueError(f"label {f.label!r} used twice")
        self._labels.add(f.label)
        label_anchor: dict[str, object] = (
            {"checkbox": f.label} if f.kind == "check" else {"label": f.label}
        )
        entry = (
            Entry(path=f.path, at={"legacy": f.name}, also=[label_anchor])
            if f.name
            else Entry(path=f.path, at=label_anchor)
        )
        if f.kind == "date":
            entry.type, entry.format = "date", DATE_FORMAT
        elif f.kind in ("dropdown", "choice"):
            entry.type, entry.values = "choice", f.options
        elif f.kind == "check":
            entry.type = "bool"
        self.mapping.add(entry)

    def pair_rows(
        self, specs: Sequence[str | Sequence[Fld]], *, fill: str = HEADING_FILL
    ) -> list[str]:
        """Rows of a 4-column label/value table; a ``str`` is a shaded heading row."""
        rows = []
        for spec in specs:
            if isinstance(spec, str):
                rows.append(k.heading_row(spec, 4, k.TEXT_W, fill=fill, color="FFFFFF"))
                self.mapping.section(spec)
                continue
            cells = []
            for f in spec:
                wide = len(spec) == 1
                cells.append(k.label_cell(f.label, LABEL_W))
                cells.append(
                    k.cell(
                        self._value(f),
                        width=VALUE_W * 2 + LABEL_W if wide else VALUE_W,
                        span=3 if wide else 1,
                    )
                )
                self._record(f)
            rows.append(k.row(*cells, height=360))
        return rows

    def heading(self, text: str, guide: str | None = None) -> None:
        self.pkg.add(k.para(text, style="Heading1"))
        if guide:
            self.pkg.add(k.guidance(guide))
        self.mapping.section(text)

    def repeating(
        self,
        path: str,
        cols: Sequence[tuple[str, str, int, str, dict[str, str] | None]],
        *,
        blank_rows: int = 3,
    ) -> None:
        """(item path, header, width, type, values) columns; plain cells for typing."""
        widths = [c[2] for c in cols]
        assert sum(widths) == k.TEXT_W, (path, sum(widths))
        coded = [
            (c[1], list(c[4].values()) if c[4] else None)
            for c in cols
            if c[3] in ("choice", "bool")
        ]
        if coded:
            # typed cells in the unprotected part: the answers each coded column accepts
            self.pkg.add(k.answers_hint(coded))
        header = k.row(
            *(
                k.cell(k.para(k.run(c[1], bold=True, size=18)), width=c[2], fill=k.LABEL_FILL)
                for c in cols
            ),
            header=True,
        )
        # 9 pt answers, as the headers: a typed answer takes the empty run's size
        body = [
            k.row(*(k.cell(k.para(k.run("", size=18)), width=c[2]) for c in cols), height=420)
            for _ in range(blank_rows)
        ]
        self.add_table(k.table([header, *body], widths))
        self.pkg.add(k.spacer())
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

    def box_under_heading(self, path: str, heading: str, height: int = 1500) -> None:
        """Sub-heading, then an empty one-cell table: the value is whatever is typed in it."""
        self.pkg.add(k.para(heading, style="Heading2"))
        self.add_table(
            k.table([k.row(k.cell(k.para(), width=k.TEXT_W), height=height)], [k.TEXT_W])
        )
        self.pkg.add(k.spacer(60))
        self.mapping.add(Entry(path=path, at={"heading": heading}))

    def label_line(
        self,
        path: str,
        label: str,
        kind: str = "text",
        options: dict[str, str] | None = None,
        suffix: str = "",
    ) -> None:
        """ "Label: value" typed on one line (the label anchor's ``direction: after``)."""
        self.pkg.add(
            k.para(
                k.run(f"{label}:", bold=True),
                k.run(" "),
                *([k.run(suffix, italic=True, color="595959")] if suffix else []),
                after=80,
            )
        )
        entry = Entry(path=path, at={"label": {"text": label, "direction": "after"}})
        if kind == "date":
            entry.type, entry.format = "date", DATE_FORMAT
        elif kind == "choice":
            entry.type, entry.values = "choice", options
        self.mapping.add(entry)


def _logo(x: float, y: float) -> k.Pixel:
    """A teal shield with a hill and the mere (lake) below it."""
    import math

    half = 0.42
    if abs(x - 0.5) > half or y < 0.06:
        return k.TRANSPARENT
    if y > 0.55:
        # shield's lower half narrows to a point
        bottom = 0.96
        width = half * math.sqrt(max(0.0, 1 - ((y - 0.55) / (bottom - 0.55)) ** 2))
        if abs(x - 0.5) > width:
            return k.TRANSPARENT
    if abs(x - 0.5) > half - 0.035 or y < 0.095 or (y > 0.9 and abs(x - 0.5) < 0.2):
        return k.shade_fn("C9A227")  # gold edge
    hill = 0.52 - 0.22 * math.exp(-((x - 0.42) ** 2) / 0.02)
    if y < hill:
        return k.shade_fn("DDEBF7")  # sky
    if y < 0.55:
        return k.shade_fn("548235")  # hill
    wave = 0.03 * math.sin(x * 40)
    return k.shade_fn("FFFFFF" if int((y + wave) * 30) % 3 == 0 else TEAL)


def build(phase: str, template_dir: Path, mapping_dir: Path, generator: str) -> None:
    assert phase == "school_age", "Westmere has one form"
    template_name = "westmere-school-age.docx"
    pkg = k.Package(
        title="Westmere PEP (School Age)",
        creator="Westmere Virtual School",
        description="Fictional form for pepdocs; any resemblance to a real form is accidental.",
        protect_forms=True,
        last_section_unprotected=True,
        title_color=TEAL,
        heading_color=TEAL,
    )
    mapping = MappingDoc(
        authority="westmere",
        name="Westmere Virtual School",
        form="school_age",
        version="2019-04",
        template=template_name,
        description=(
            "Westmere's older school-age PEP: Part A is legacy form fields (named FORMTEXT, "
            "FORMCHECKBOX and FORMDROPDOWN, protected for filling in forms) inside one long "
            "table with shaded heading rows; Parts B to E are typed text found by labels, "
            "glyph checkboxes, free-text boxes under headings, and a signature grid."
        ),
        fingerprint=["Westmere Virtual School", "PERSONAL EDUCATION PLAN (PEP)"],
    )
    form = LegacyForm(pkg, mapping)
    ids = form.ids
    pkg.logo_png = k.png_bytes(96, 96, _logo)
    pkg.header = k.standard_header(
        ids, "Westmere Borough Council", "Children's Services - Virtual School", accent=TEAL
    )
    pkg.footer = k.standard_footer("WVS/PEP/SA  Rev. April 2019")

    pkg.add(
        k.para(
            k.run("PERSONAL EDUCATION PLAN (PEP)", bold=True, size=32, color=TEAL), style="Title"
        ),
        k.para(
            k.run("Westmere Virtual School  -  School Age (Reception to Year 11)", size=20),
            align="center",
            after=60,
        ),
        k.para(
            k.run(
                "Part A is completed by the social worker before the meeting (press TAB to "
                "move between grey boxes). Parts B to E are completed at the PEP meeting.",
                italic=True,
                size=18,
            ),
            after=120,
        ),
    )

    part_a = form.pair_rows(
        [
            "PART A: PEP AND CHILD DETAILS (social worker)",
            [
                Fld(
                    "meta.pep_type",
                    "Type of PEP",
                    "PEPType",
                    "dropdown",
                    {
                        "initial": "Initial",
                        "review": "Review",
                        "transition": "Transition",
                        "interim": "Interim",
                    },
                ),
                Fld("meta.term", "Term", "Term", "dropdown", lb.TERM),
            ],
            [
                Fld("meta.academic_year", "Academic year", "AcademicYear"),
                Fld("meta.meeting_date", "Date of meeting", "MeetingDate", "date"),
            ],
            [
                Fld("meta.previous_pep_date", "Date of last PEP", "LastPEPDate", "date"),
                Fld("meta.next_review_date", "Date of next PEP", "NextPEPDate", "date"),
            ],
            [
                Fld("meta.initiated_date", "Date PEP started", "PEPStarted", "date"),
                Fld("meta.pep_id", "PEP reference", "PEPReference"),
            ],
            [
                Fld(
                    "meta.status",
                    "PEP status",
                    "PEPStatus",
                    "dropdown",
                    {
                        "draft": "Draft",
                        "completed": "Completed",
                        "qa_returned": "Returned for changes",
                        "qa_approved": "Approved by the VSH",
                        "cancelled": "Cancelled",
                    },
                )
            ],
            "A1  Child / young person",
            [
                Fld("child.first_name", "First name", "ChildFirstName"),
                Fld("child.last_name", "Surname", "ChildSurname"),
            ],
            [
                Fld("child.middle_names", "Middle name(s)", "ChildMiddleNames"),
                Fld("child.preferred_name", "Preferred name", "ChildKnownAs"),
            ],
            [
                Fld("child.date_of_birth", "Date of birth", "ChildDOB", "date"),
                Fld("child.gender", "Gender", "ChildGender", "dropdown", lb.GENDER),
            ],
            [
                Fld("child.ethnicity", "Ethnicity", "ChildEthnicity", "choice", lb.ETHNICITY),
                Fld("child.first_language", "First language", "FirstLanguage"),
            ],
            [Fld("child.upn", "UPN", "UPN"), Fld("child.la_child_id", "LCS number", "LCSNumber")],
            "A2  Care arrangements",
            [
                Fld(
                    "care.legal_status", "Legal status", "LegalStatus", "dropdown", lb.LEGAL_STATUS
                ),
                Fld("care.date_became_looked_after", "Date looked after", "DateLAC", "date"),
            ],
            [
                Fld("care.emergency_entry", "Emergency placement", "EmergencyEntry", "check"),
                Fld("care.number_of_placements", "No. of placements", "NoPlacements"),
            ],
            [
                Fld(
                    "care.placement_type",
                    "Placement type",
                    "PlacementType",
                    "choice",
                    lb.PLACEMENT_TYPE,
                ),
                Fld("care.placement_start_date", "Placement date", "PlacementDate", "date"),
            ],
            [
                Fld("care.placing_authority", "Responsible LA", "PlacingLA"),
                Fld("care.host_authority", "LA where living", "HostLA"),
            ],
            [Fld("care.parental_responsibility", "Parental responsibility", "ParentalResp")],
            [
                Fld("care.carer.name", "Carer(s)", "CarerName"),
                Fld("care.carer.phone", "Carer tel.", "CarerTel"),
            ],
            [Fld("care.carer.email", "Carer email", "CarerEmail")],
            [Fld("care.carer.education_role", "Carer's role in education", "CarerRole")],
            "A3  Professionals",
            [
                Fld("care.social_worker.name", "Social worker", "SWName"),
                Fld("care.social_worker.team", "SW team", "SWTeam"),
            ],
            [
                Fld("care.social_worker.phone", "SW tel.", "SWTel"),
                Fld("care.social_worker.email", "SW email", "SWEmail"),
            ],
            [Fld("care.iro.name", "IRO", "IROName"), Fld("care.iro.phone", "IRO tel.", "IROTel")],
            [
                Fld("care.iro.email", "IRO email", "IROEmail"),
                Fld("meta.completed_by", "Completed by", "CompletedBy"),
            ],
        ]
    )
    form.add_table(k.table(part_a, [LABEL_W, VALUE_W, LABEL_W, VALUE_W]))
    # Everything below is typed as ordinary text: exempt it from forms protection.
    pkg.add(k.section_break(form_protected=True))

    form.heading("PART B: EDUCATION", "To be completed by the designated teacher.")
    part_b = form.pair_rows(
        [
            "B1  School",
            [Fld("education.setting_name", "Name of school")],
            [Fld("education.urn", "School URN"), Fld("education.laestab", "DfE number")],
            [
                Fld("education.ncy", "NC year", kind="choice", options=lb.NCY),
                Fld("education.date_joined", "Date admitted", kind="date"),
            ],
            [
                Fld("education.designated_teacher.name", "Designated teacher"),
                Fld("education.designated_teacher.phone", "DT tel."),
            ],
            [
                Fld("education.designated_teacher.email", "DT email"),
                Fld("education.senco", "SENCo"),
            ],
            "B2  Attendance, SEN and health (this academic year)",
            [
                Fld("education.attendance.percent", "Attendance %"),
                Fld("education.attendance.sessions_possible", "Possible sessions"),
            ],
            [
                Fld("education.attendance.sessions_missed", "Sessions missed"),
                Fld(
                    "education.sen_primary_need",
                    "Primary SEN need",
                    kind="choice",
                    options=lb.SEN_NEED,
                ),
            ],
            [
                Fld("education.attendance.period_start", "From", kind="date"),
                Fld("education.attendance.period_end", "To", kind="date"),
            ],
            [
                Fld("education.ehcp_date", "EHCP date", kind="date"),
                Fld("health.sdq_score", "SDQ score"),
            ],
            [Fld("health.sdq_date", "SDQ completed", kind="date")],
        ]
    )
    form.add_table(k.table(part_b, [LABEL_W, VALUE_W, LABEL_W, VALUE_W]))
    pkg.add(k.spacer())

    # Glyph checkboxes typed into the text: one group, four single boxes.
    pkg.add(
        k.para(
            k.run("SEN status:  ", bold=True),
            *k.glyph_options(["EHCP", "SEN Support", "None"]),
            after=80,
        )
    )
    mapping.add(
        Entry(
            path="education.sen_provision",
            at={"checkboxes": {"E": "EHCP", "K": "SEN Support", "N": "None"}},
        )
    )
    for path, text in [
        ("education.on_roll", "On roll at this school"),
        ("education.part_time_timetable", "Part-time timetable"),
        ("health.camhs_involved", "CAMHS involved"),
    ]:
        pkg.add(k.para(*k.glyph_options([text]), after=40))
        mapping.add(Entry(path=path, at={"checkbox": text}))
    pkg.add(
        k.para(
            k.run("Consent for school trips and photographs:  ", bold=True),
            *k.glyph_options(["Yes", "No"]),
            after=40,
        )
    )
    pkg.add(
        k.para(
            k.run("Has the child been excluded this year?  ", bold=True),
            k.run("Yes / No (delete as appropriate)", italic=True),
            after=120,
        )
    )

    pkg.add(k.para("Exclusions", style="Heading2"))
    form.repeating(
        "education.exclusions",
        [
            ("type", "Type", 2300, "choice", lb.EXCLUSION_TYPE),
            ("start_date", "Date", 1350, "date", None),
            ("sessions", "No. of sessions", 1950, "text", None),
            ("reason", "Reason", 4866, "text", None),
        ],
        blank_rows=2,
    )

    form.heading("PART C: PROGRESS AND VIEWS")
    pkg.add(k.para("Attainment", style="Heading2"))
    form.repeating(
        "attainment",
        [
            # a scale's longest word, "(PKS/WTS/EXS/GDS)", unbroken
            ("subject", "Subject", 1766, "text", None),
            ("scale", "Assessment", 2100, "text", None),
            ("baseline", "Baseline", 1500, "text", None),
            ("current", "Current", 1500, "text", None),
            ("target", "Target", 1500, "text", None),
            ("on_track", "On track (Y/N)", 2100, "bool", None),
        ],
        blank_rows=4,
    )
    form.box_under_heading("views.child", "Pupil voice")
    form.box_under_heading("views.child_not_given_reason", "If no pupil voice, the reason")
    form.box_under_heading("child.leisure_interests", "Leisure interests")
    form.box_under_heading("views.carer", "Carer's comments")
    form.box_under_heading("views.parent", "Parent's comments")
    form.box_under_heading("views.school", "School's comments")
    form.box_under_heading("views.social_worker", "Social worker's comments")

    form.heading("PART D: TARGETS AND PP+", "Review last term's targets before setting new ones.")
    pkg.add(k.para("Last term's targets", style="Heading2"))
    form.repeating(
        "previous_targets",
        [
            ("description", "Target set", 4266, "text", None),
            ("outcome", "Achieved?", 1600, "choice", lb.TARGET_OUTCOME),
            ("evidence", "Evidence", 4600, "text", None),
        ],
    )
    pkg.add(k.para("New targets", style="Heading2"))
    form.repeating(
        "targets",
        [
            # wide enough, at 9 pt and in the wider fonts that stand in for Arial where it
            # is not installed, for "No." and "Measured by" on one line, an area's longest
            # word, a date and an amount
            ("id", "No.", 600, "text", None),
            ("area", "Area", 1800, "choice", lb.TARGET_AREA),
            ("description", "Target", 1700, "text", None),
            ("actions", "How", 1516, "text", None),
            ("success_criteria", "Measured by", 1550, "text", None),
            ("lead", "Who", 1050, "text", None),
            ("due_date", "When", 1250, "date", None),
            ("pp_plus_cost", "PP+ £", 1000, "text", None),
        ],
    )
    pkg.add(k.para("Pupil Premium Plus", style="Heading2"))
    form.repeating(
        "pp_plus.items",
        [
            ("description", "Item", 6466, "text", None),
            ("cost", "Cost £", 2000, "text", None),
            ("target_id", "For target no.", 2000, "text", None),
        ],
        blank_rows=2,
    )
    form.label_line("pp_plus.requested_total", "Total PP+ requested (£)")
    pkg.add(k.para(*k.glyph_options(["Approved by the Virtual School Head"]), after=120))
    mapping.add(
        Entry(path="pp_plus.approved", at={"checkbox": "Approved by the Virtual School Head"})
    )

    form.heading("PART E: TRANSITION, MEETING AND SIGN-OFF")
    form.label_line("transition.next_transition", "Next change of school")
    form.label_line("transition.date", "Date of move", "date", suffix="")
    form.box_under_heading("transition.plan", "Transition arrangements", 1100)
    form.box_under_heading("transition.careers_advice", "Careers guidance (Year 8 upwards)", 1100)
    form.box_under_heading("transition.aspirations", "Hopes and aspirations", 1100)
    pkg.add(
        k.para(
            k.run("Careers interview booked?  ", bold=True),
            k.run("Yes / No (delete as appropriate)", italic=True),
            after=120,
        )
    )

    pkg.add(k.para("Present at the meeting", style="Heading2"))
    form.repeating(
        "attendees",
        [
            ("name", "Name", 2450, "text", None),
            ("role", "Role", 2100, "text", None),
            ("organisation", "Agency", 2316, "text", None),
            ("invited", "Invited (Y/N)", 1700, "bool", None),
            ("attended", "Attended (Y/N)", 1900, "bool", None),
        ],
        blank_rows=5,
    )
    pkg.add(k.para("Other plans", style="Heading2"))
    form.repeating(
        "linked_plans",
        [
            ("type", "Plan", 3000, "choice", lb.LINKED_PLAN),
            ("date", "Date", 2000, "date", None),
            ("reference", "Held by / reference", 5466, "text", None),
        ],
        blank_rows=2,
    )

    # The signature grid: the dates have only a column header, so they are found by position.
    pkg.add(k.para("Signatures", style="Heading2"))
    widths = [2400, 3000, 3066, 2000]
    grid = [
        k.row(
            *(
                k.cell(k.para(k.run(h, bold=True, size=18)), width=w, fill=k.LABEL_FILL)
                for h, w in zip(["", "Print name", "Signature", "Date"], widths, strict=True)
            ),
            header=True,
        )
    ]
    for role in ["Designated teacher", "Social worker", "Virtual School"]:
        grid.append(
            k.row(
                k.label_cell(role, widths[0]),
                *(k.cell(k.para(), width=w) for w in widths[1:]),
                height=500,
            )
        )
    table_no = form.add_table(k.table(grid, widths))
    for n, path in enumerate(
        [
            "signoff.designated_teacher_date",
            "signoff.social_worker_date",
            "signoff.virtual_school_date",
        ],
        start=2,
    ):
        mapping.add(
            Entry(
                path=path,
                at={"cell": {"table": table_no, "row": n, "col": 4}},
                type="date",
                format=DATE_FORMAT,
            )
        )
    pkg.add(k.spacer())
    form.label_line("signoff.qa_rating", "Virtual School QA rating", "choice", lb.QA_RATING)
    pkg.add(k.guidance("Ratings are Gold, Green, Amber or Red (Virtual School use only)."))

    pkg.write(template_dir / template_name)
    mapping.write(mapping_dir / "westmere-school-age.yaml", generator)
