"""Westchurch and Vale PEP, after Cheshire West and Chester's Word PEP and its Pupil Premium
Plus request: legacy form fields throughout (FORMTEXT, a FORMDROPDOWN for the legal status,
FORMCHECKBOX groups), and a PP+ request grid asking for the type of intervention (pastoral or
learning), its description, the target it serves, the expected impact and the cost, with a
total and the Virtual School Head's approval."""

from __future__ import annotations

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import (
    Column,
    Layout,
    document,
    each,
    grid_rows,
    header_row,
    label_rows,
)

ORANGE = "C55A11"
LEGAL = ["", "Interim Care Order", "Care Order", "Placement Order", "Section 20"]
LEGAL_CODES = {"C1": 1, "C2": 2, "E1": 3, "V2": 4}
SEN = [("None", "N"), ("SEN support", "K"), ("EHCP", "E")]


def _f(doc: Doc, typed: str | None, name: str) -> list[str]:
    return box(doc, typed, style="legacy", tag=name, size=18)


def _section_a(doc: Doc) -> str:
    widths = [2300, 2933, 2300, 2933]
    code = doc.code("care.legal_status")
    legal = [
        wk.para(
            wk.legacy_dropdown(
                doc.ids, "LegalStatus", LEGAL, chosen=LEGAL_CODES.get(code or "", 0), size=18
            )
        )
    ]
    pairs = [
        ("Forename", _f(doc, doc.text("child.first_name"), "Forename")),
        ("Surname", _f(doc, doc.text("child.last_name"), "Surname")),
        ("Date of birth", _f(doc, doc.text("child.date_of_birth"), "DOB")),
        ("UPN", _f(doc, doc.text("child.upn"), "UPN")),
        ("Legal status", legal),
        ("Placement", _f(doc, doc.text("care.placement_type"), "Placement")),
        ("Social worker", _f(doc, doc.text("care.social_worker.name"), "SocialWorker")),
        ("SW telephone", _f(doc, doc.text("care.social_worker.phone"), "SWTel")),
        ("Carer", _f(doc, doc.text("care.carer.name"), "Carer")),
        ("Carer telephone", _f(doc, doc.text("care.carer.phone"), "CarerTel")),
        ("Date of this PEP", _f(doc, doc.text("meta.meeting_date"), "PEPDate")),
        ("Date of last PEP", _f(doc, doc.text("meta.previous_pep_date"), "LastPEP")),
    ]
    return wk.table(
        [
            wk.title_row("Section A: Pupil details (social worker)", widths, fill=ORANGE),
            *label_rows(pairs, widths),
        ],
        widths,
    )


def _section_b(doc: Doc) -> list[str]:
    widths = [2300, 2933, 2300, 2933]
    pairs = [
        ("School", _f(doc, doc.text("education.setting_name"), "School")),
        ("URN", _f(doc, doc.text("education.urn"), "URN")),
        ("DfE no.", _f(doc, doc.text("education.laestab"), "DfE")),
        ("Year group", _f(doc, doc.text("education.ncy"), "Year")),
        ("Designated teacher", _f(doc, doc.text("education.designated_teacher.name"), "DT")),
        ("DT email", _f(doc, doc.text("education.designated_teacher.email"), "DTEmail")),
        (
            "SEN",
            [
                wk.para(
                    *marks(
                        SEN,
                        doc.code("education.sen_provision"),
                        style="legacy",
                        doc=doc,
                        name="SEN",
                    )
                )
            ],
        ),
        ("Primary need", _f(doc, doc.text("education.sen_primary_need"), "Need")),
        ("Attendance %", _f(doc, doc.text("education.attendance.percent"), "Attendance")),
        ("Date joined", _f(doc, doc.text("education.date_joined"), "Joined")),
    ]
    ex_widths = [2000, 1900, 1300, 5266]
    rows = [header_row(["Suspension type", "Date", "Sessions", "Reason"], ex_widths)]
    rows += grid_rows(
        doc,
        "education.exclusions",
        [
            lambda i: _f(doc, doc.exclusion_type(i), "ExType"),
            lambda i: _f(doc, doc.cell("education.exclusions", i, "start_date"), "ExDate"),
            lambda i: _f(doc, doc.cell("education.exclusions", i, "sessions"), "ExSessions"),
            lambda i: _f(doc, doc.cell("education.exclusions", i, "reason"), "ExReason"),
        ],
        ex_widths,
        printed_rows=1,
    )
    return [
        wk.table(
            [
                wk.title_row("Section B: Education (designated teacher)", widths, fill=ORANGE),
                *label_rows(pairs, widths),
            ],
            widths,
        ),
        wk.gap(),
        wk.table(rows, ex_widths),
    ]


def _section_c(doc: Doc) -> str:
    widths = [3000, 2500, 2500, 2466]
    rows = [
        wk.title_row("Section C: Progress", widths, fill=ORANGE),
        header_row(["Subject", "Current", "Target", "On track (Y/N)"], widths),
    ]
    rows += grid_rows(
        doc,
        "attainment",
        each(
            ("subject", "current", "target", "on_track"),
            lambda f, i: _f(doc, doc.cell("attainment", i, f), f"Att{f}"),
        ),
        widths,
        printed_rows=3,
    )
    return wk.table(rows, widths)


def _section_d(doc: Doc) -> str:
    width = wk.TEXT_W
    rows = [wk.title_row("Section D: Views", [width], fill=ORANGE)]
    for label, path in (
        ("Pupil's views", "views.child"),
        ("Carer's views", "views.carer"),
        ("School's views", "views.school"),
    ):
        rows.append(
            wk.row(
                wk.cell(
                    wk.para(wk.run(label, bold=True)),
                    *_f(doc, doc.text(path), label.split("'")[0]),
                    width=width,
                )
            )
        )
    return wk.table(rows, [width])


def _section_e(doc: Doc) -> str:
    widths = [4700, 1900, 3866]
    rows = [
        wk.title_row("Section E: Review of previous targets", widths, fill=ORANGE),
        header_row(["Target", "Outcome", "Evidence"], widths),
    ]
    rows += grid_rows(
        doc,
        "previous_targets",
        each(
            ("description", "outcome", "evidence"),
            lambda f, i: _f(doc, doc.cell("previous_targets", i, f), f"Prev{f}"),
        ),
        widths,
        printed_rows=2,
    )
    return wk.table(rows, widths)


def _section_f(doc: Doc) -> list[str]:
    widths = [1500, 2500, 2500, 2600, 1366]
    headers = [
        "Type of intervention (Pastoral / Learning)",
        "Description of intervention",
        "Target details",
        "Expected impact",
        "Cost (£)",
    ]

    def unplaced(kind: str, label: str, path: str) -> Column:
        def render(i: int) -> list[str]:
            if i >= len(doc.items("targets")):
                return _f(doc, None, kind)
            return _f(doc, doc.unplaced(f"{kind}_{i + 1}", label, path), kind)

        return render

    rows = [
        wk.title_row("Section F: Pupil Premium Plus request", widths, fill=ORANGE),
        header_row(headers, widths, size=16),
    ]
    rows += grid_rows(
        doc,
        "targets",
        [
            unplaced("intervention_type", "Type of intervention", "targets[].intervention_type"),
            lambda i: _f(doc, doc.cell("targets", i, "actions"), "Intervention"),
            lambda i: _f(doc, doc.cell("targets", i, "description"), "TargetDetail"),
            unplaced("impact", "Expected impact", "targets[].expected_impact"),
            lambda i: _f(doc, doc.cell("targets", i, "pp_plus_cost"), "Cost"),
        ],
        widths,
        printed_rows=2,
    )
    return [
        wk.table(rows, widths),
        *box(
            doc,
            doc.text("pp_plus.requested_total"),
            style="legacy",
            tag="Total",
            lead=[wk.run("Total PP+ requested: £ ", bold=True)],
        ),
        *box(
            doc,
            doc.unplaced("vsh_approval", "Virtual School Head approval", "pp_plus.approved"),
            style="legacy",
            tag="VSH",
            lead=[wk.run("Virtual School Head approval: ", bold=True)],
        ),
    ]


def build(doc: Doc) -> bytes:
    blocks = [
        wk.para(wk.run("Personal Education Plan"), style="Title"),
        wk.para(
            wk.run(
                "Primary and secondary. Complete the form before the meeting; the social "
                "worker brings the final version back.",
                italic=True,
                size=16,
            ),
            align="center",
        ),
        _section_a(doc),
        wk.gap(),
        *_section_b(doc),
        wk.gap(),
        _section_c(doc),
        wk.gap(),
        _section_d(doc),
        wk.gap(),
        _section_e(doc),
        wk.gap(),
        *_section_f(doc),
    ]
    return document(
        "Personal Education Plan",
        "Westchurch and Vale Council",
        "Virtual School",
        "WVC PEP form (Word)",
        blocks,
        accent=ORANGE,
        protected=True,
        doc=doc,
    )


LAYOUT = Layout(
    id="westchurch-pep",
    set="eval",
    authority="Westchurch and Vale Council",
    source="cheshire-west",
    phase="school_age",
    kind="docx",
    features=(
        "legacy FORMTEXT fields, a FORMDROPDOWN and a FORMCHECKBOX group, protected form",
        "merged title rows (Section A ... F)",
        "PP+ request grid: type of intervention / description / target details / expected "
        "impact / cost",
        "rows copied with their fields (same field names)",
        "total requested and approval lines",
    ),
    completions=(
        ("eval-oscar", Habits(dates=("dmy", "dmy2"), ncy="yr", money="pence")),
        (
            "eval-jordan",
            Habits(dates=("ordinal", "dots"), ncy="year", wording=1, money="bare", percent="space"),
        ),
    ),
    build=build,
)
