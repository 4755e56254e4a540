"""Calderbrook early years PEP, after Lancashire's Early Years PEP (one format for every nursery
and reception class; the social worker completes "My Personal Information" and "My Health" at
least ten days before the meeting, the designated practitioner the setting's sections; targets
say what, when, where, by who and how often, with PPG/PEPSA costed against them; the Virtual
School quality-assures PEPs with a red, amber or green rating) in the style of an older
protected Word form: legacy FORMTEXT fields named Text1, Text2... with their labels in shaded
cells, FORMCHECKBOX boxes, FORMDROPDOWN lists in the targets grid and "delete as appropriate"
choices."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc, box, marks
from benchmarks.realforms.build.habits import Habits
from benchmarks.realforms.build.parts import Layout, document, header_row

ACCENT = "00594F"
SHADE = "D6E3BC"
PEP_TYPES = [("Initial", "initial"), ("Review", "review")]
YEARS = [("Nursery 1", "N1"), ("Nursery 2", "N2"), ("Reception", "R")]
SEN = [("No SEN", "N"), ("SEN support", "K"), ("EHCP", "E")]
RAG = [("Red", "red"), ("Amber", "amber"), ("Green", "green")]
AREAS = [
    "Personal, social and emotional development",
    "Communication and language",
    "Physical development",
    "Literacy",
    "Mathematics",
]
AREA_ENTRIES = [
    ("PSED", "semh"),
    ("Communication and language", "communication"),
    ("Physical development", "physical"),
    ("Literacy", "literacy"),
    ("Mathematics", "numeracy"),
    ("Behaviour for learning", "behaviour"),
]


@dataclass
class Fields:
    """Legacy form fields numbered as Word numbers them (Text1, Check1, Dropdown1)."""

    doc: Doc
    texts: int = 0
    drops: int = 0

    def text(self, typed: str | None, size: int = 18) -> list[str]:
        self.texts += 1
        return box(self.doc, typed, style="legacy", tag=f"Text{self.texts}", size=size)

    def inline(self, typed: str | None) -> str:
        """A field inside a line of printed text."""
        self.texts += 1
        return wk.legacy_text(self.doc.ids, f"Text{self.texts}", value=typed, size=18)

    def dropdown(self, entries: list[tuple[str, str]], chosen: str | None) -> list[str]:
        self.drops += 1
        shown = [" "] + [text for text, _ in entries]
        index = 0
        if chosen is not None:
            index = 1 + [code for _, code in entries].index(chosen)
        return [
            wk.para(
                wk.legacy_dropdown(
                    self.doc.ids, f"Dropdown{self.drops}", shown, chosen=index, size=18
                )
            )
        ]


def _four(rows: list[tuple[str, list[str], str, list[str]]]) -> str:
    widths = [2200, 3033, 2200, 3033]
    out = []
    for left, left_answer, right, right_answer in rows:
        out.append(
            wk.row(
                wk.label(left, widths[0], fill=SHADE),
                wk.cell(*left_answer, width=widths[1]),
                wk.label(right, widths[2], fill=SHADE),
                wk.cell(*right_answer, width=widths[3]),
            )
        )
    return wk.table(out, widths)


def _title(text: str, who: str) -> list[str]:
    return [
        wk.para(
            wk.run(text, bold=True, size=24, color="FFFFFF"),
            shade=ACCENT,
            before=200,
            keep_next=True,
        ),
        wk.instruction(who),
    ]


def _meeting(doc: Doc, f: Fields) -> list[str]:
    kind = doc.code("meta.pep_type")
    widths = [2200, 8266]
    return [
        _four(
            [
                (
                    "Date of PEP meeting",
                    f.text(doc.text("meta.meeting_date")),
                    "Date of next PEP review",
                    f.text(doc.text("meta.next_review_date")),
                )
            ]
        ),
        wk.table(
            [
                wk.row(
                    wk.label("Type of PEP", widths[0], fill=SHADE),
                    wk.cell(
                        wk.para(
                            *marks(PEP_TYPES, kind, style="delete", doc=doc),
                            wk.run("   (delete as appropriate)", italic=True, size=16),
                        ),
                        width=widths[1],
                    ),
                )
            ],
            widths,
        ),
    ]


def _personal(doc: Doc, f: Fields) -> list[str]:
    return [
        *_title(
            "My Personal Information",
            "To be completed by my social worker at least 10 working days before the meeting",
        ),
        _four(
            [
                (
                    "First name",
                    f.text(doc.text("child.first_name")),
                    "Surname",
                    f.text(doc.text("child.last_name")),
                ),
                (
                    "Date of birth",
                    f.text(doc.text("child.date_of_birth")),
                    "Gender",
                    f.text(doc.text("child.gender")),
                ),
                (
                    "Ethnicity",
                    f.text(doc.text("child.ethnicity")),
                    "First language",
                    f.text(doc.text("child.first_language")),
                ),
                (
                    "Legal status",
                    f.text(doc.text("care.legal_status")),
                    "Date I came into care",
                    f.text(doc.text("care.date_became_looked_after")),
                ),
                (
                    "Placement type",
                    f.text(doc.text("care.placement_type")),
                    "Placement start date",
                    f.text(doc.text("care.placement_start_date")),
                ),
                (
                    "Carer(s)",
                    f.text(doc.text("care.carer.name")),
                    "Carer telephone",
                    f.text(doc.text("care.carer.phone")),
                ),
                (
                    "Social worker",
                    f.text(doc.text("care.social_worker.name")),
                    "Social worker telephone",
                    f.text(doc.text("care.social_worker.phone")),
                ),
                (
                    "Social worker email",
                    f.text(doc.text("care.social_worker.email")),
                    "IRO",
                    f.text(doc.text("care.iro.name")),
                ),
                (
                    "Local authority ID",
                    f.text(doc.text("child.la_child_id")),
                    "Who holds parental responsibility?",
                    f.text(doc.text("care.parental_responsibility")),
                ),
            ]
        ),
    ]


def _health(doc: Doc, f: Fields) -> list[str]:
    width = wk.TEXT_W
    rows = []
    for question, typed in (
        (
            "Do I have any health needs, allergies or medication my setting needs to know about?",
            doc.unplaced("health", "Health needs or medication", "health.notes"),
        ),
        (
            "Has my two year progress check been done? By whom and when?",
            doc.unplaced("two_year_check", "Two year progress check", "health.two_year_check"),
        ),
    ):
        rows.append(
            wk.row(wk.cell(wk.para(wk.run(question, bold=True, size=18)), width=width, fill=SHADE))
        )
        rows.append(wk.row(wk.cell(*f.text(typed), width=width), height=700))
    return [
        *_title("My Health", "To be completed by my social worker"),
        wk.table(rows, [width]),
    ]


def _setting(doc: Doc, f: Fields) -> list[str]:
    year = doc.code("education.ncy")
    sen = doc.code("education.sen_provision")
    widths = [2200, 8266]
    return [
        *_title(
            "My Setting",
            "To be completed by the designated practitioner in my setting before the meeting",
        ),
        _four(
            [
                (
                    "Name of setting",
                    f.text(doc.text("education.setting_name")),
                    "URN",
                    f.text(doc.text("education.urn")),
                ),
                (
                    "Designated practitioner",
                    f.text(doc.text("education.designated_teacher.name")),
                    "Email",
                    f.text(doc.text("education.designated_teacher.email")),
                ),
                (
                    "Date I started",
                    f.text(doc.text("education.date_joined")),
                    "Attendance this term %",
                    f.text(doc.text("education.attendance.percent")),
                ),
                (
                    "Hours I attend",
                    f.text(doc.unplaced("hours", "Hours I attend", "education.hours")),
                    "UPN (Reception)",
                    f.text(doc.text("child.upn")),
                ),
            ]
        ),
        wk.table(
            [
                wk.row(
                    wk.label("Year group", widths[0], fill=SHADE),
                    wk.cell(
                        wk.para(
                            *marks(YEARS, year, style="delete", doc=doc),
                            wk.run("   (delete as appropriate)", italic=True, size=16),
                        ),
                        width=widths[1],
                    ),
                ),
                wk.row(
                    wk.label("SEND", widths[0], fill=SHADE),
                    wk.cell(wk.para(*marks(SEN, sen, style="legacy", doc=doc)), width=widths[1]),
                ),
            ],
            widths,
        ),
    ]


def _voice(doc: Doc, f: Fields) -> list[str]:
    width = wk.TEXT_W
    rows = []
    for question, typed in (
        ("What I enjoy doing", doc.text("child.leisure_interests")),
        ("My voice: what I have told or shown the adults who know me", doc.text("views.child")),
        ("My carer's views", doc.text("views.carer")),
        ("My designated practitioner's views", doc.text("views.school")),
    ):
        rows.append(
            wk.row(wk.cell(wk.para(wk.run(question, bold=True, size=18)), width=width, fill=SHADE))
        )
        rows.append(wk.row(wk.cell(*f.text(typed), width=width), height=800))
    return [
        *_title("All About Me", "Completed with me, my carer and my key person"),
        wk.table(rows, [width]),
    ]


def _learning(doc: Doc, f: Fields) -> list[str]:
    widths = [3400, 2700, 2700, 1666]
    rows = [
        header_row(
            ["Area of learning", "Where I am now", "Where I should be by my next PEP", "On track?"],
            widths,
            fill=SHADE,
        )
    ]
    by_subject = {item["subject"]: n for n, item in enumerate(doc.items("attainment"))}
    for area in AREAS:
        index = by_subject.get(area)
        now = target = on_track = None
        if index is not None:
            doc.truth.item("attainment", index)["subject"] = area
            now = doc.cell("attainment", index, "current")
            target = doc.cell("attainment", index, "target")
            on_track = doc.cell("attainment", index, "on_track")
        rows.append(
            wk.row(
                wk.label(area, widths[0], fill="EAF1DD", size=16),
                wk.cell(*f.text(now), width=widths[1]),
                wk.cell(*f.text(target), width=widths[2]),
                wk.cell(*f.text(on_track), width=widths[3]),
            )
        )
    return [
        *_title(
            "My Learning and Development",
            "Designated practitioner: use your own EYFS tracking; attach SEND targeted "
            "learning plans if I have one",
        ),
        wk.table(rows, widths),
    ]


def _targets(doc: Doc, f: Fields) -> list[str]:
    widths = [1900, 2600, 3000, 1300, 1666]
    printed = 3
    rows = [
        header_row(
            [
                "Area of learning",
                "SMART target",
                "What, when, where, by who and how often",
                "By when",
                "PPG/PEPSA \u00a3",
            ],
            widths,
            fill=SHADE,
            size=16,
        )
    ]
    previous = [
        header_row(["Previous target", "Achieved?", "Comment"], [4500, 2200, 3766], fill=SHADE)
    ]
    outcomes = [("Achieved", "met"), ("Partly achieved", "partly_met"), ("Not achieved", "not_met")]
    for index in range(max(2, len(doc.items("previous_targets")))):
        previous.append(
            wk.row(
                wk.cell(*f.text(doc.cell("previous_targets", index, "description")), width=4500),
                wk.cell(
                    *f.dropdown(outcomes, doc.item_code("previous_targets", index, "outcome")),
                    width=2200,
                ),
                wk.cell(*f.text(doc.cell("previous_targets", index, "evidence")), width=3766),
            )
        )
    for index in range(max(printed, len(doc.items("targets")))):
        area = doc.item_code("targets", index, "area")
        rows.append(
            wk.row(
                wk.cell(*f.dropdown(AREA_ENTRIES, area), width=widths[0]),
                wk.cell(*f.text(doc.cell("targets", index, "description")), width=widths[1]),
                wk.cell(*f.text(doc.cell("targets", index, "actions")), width=widths[2]),
                wk.cell(*f.text(doc.cell("targets", index, "due_date")), width=widths[3]),
                wk.cell(*f.text(doc.cell("targets", index, "pp_plus_cost")), width=widths[4]),
            )
        )
    return [
        *_title("My Targets", "Previous targets evaluated, then new SMART targets"),
        wk.table(previous, [4500, 2200, 3766]),
        wk.gap(),
        wk.table(rows, widths),
    ]


def _attendees(doc: Doc, f: Fields) -> list[str]:
    widths = [3800, 4666, 2000]
    rows = [header_row(["Name", "Role", "Present"], widths, fill=SHADE)]
    for index in range(max(4, len(doc.items("attendees")))):
        present = doc.item_flag("attendees", index, "attended")
        rows.append(
            wk.row(
                wk.cell(*f.text(doc.cell("attendees", index, "name")), width=widths[0]),
                wk.cell(*f.text(doc.cell("attendees", index, "role")), width=widths[1]),
                wk.cell(
                    wk.para(*marks([("", True)], present, style="legacy", doc=doc)),
                    width=widths[2],
                ),
            )
        )
    return [*_title("Attendees at my PEP meeting", "Tick who was present"), wk.table(rows, widths)]


def _sign_off(doc: Doc, f: Fields) -> list[str]:
    rating = doc.code("signoff.qa_rating")
    lines = []
    for role, who, date_path in (
        ("Signed (social worker)", "social_worker", "signoff.social_worker_date"),
        (
            "Signed (designated practitioner)",
            "designated_teacher",
            "signoff.designated_teacher_date",
        ),
    ):
        signatory = doc.signatory(role.removeprefix("Signed (").removesuffix(")"))
        signature = signatory.signature(who)
        date = signatory.date(date_path) if signature is not None else None
        lines.append(
            wk.para(
                wk.run(f"{role}: ", bold=True),
                f.inline(signature),
                wk.run("    Date: ", bold=True),
                f.inline(date),
                before=120,
            )
        )
    return [
        *_title("Sign off and quality assurance", "Virtual School use only for the RAG rating"),
        *lines,
        wk.para(
            wk.run("Virtual School RAG rating: ", bold=True),
            *marks(RAG, rating, style="delete", doc=doc),
            wk.run("   (delete as appropriate)", italic=True, size=16),
            before=160,
        ),
    ]


def build(doc: Doc) -> bytes:
    f = Fields(doc)
    blocks = [
        wk.para(wk.run("Calderbrook Early Years PEP"), style="Title"),
        wk.para(
            wk.run(
                "Personal Education Plan for children looked after in nursery and reception",
                size=20,
            ),
            align="center",
        ),
        wk.para(
            wk.run(
                "One format for all nursery and reception class settings. Complete the PEP "
                "within 10 working days of the meeting.",
                italic=True,
                size=16,
            ),
            align="center",
        ),
        *_meeting(doc, f),
        *_personal(doc, f),
        *_health(doc, f),
        *_setting(doc, f),
        *_voice(doc, f),
        *_learning(doc, f),
        *_targets(doc, f),
        *_attendees(doc, f),
        *_sign_off(doc, f),
    ]
    return document(
        "Calderbrook Early Years PEP",
        "Calderbrook County Council",
        "Calderbrook Virtual School",
        "CCC EY PEP (form)",
        blocks,
        accent=ACCENT,
        protected=True,
        doc=doc,
    )


LAYOUT = Layout(
    id="calderbrook-ey-pep",
    set="dev",
    authority="Calderbrook County Council",
    source="lancashire-ey",
    phase="early_years",
    kind="docx",
    features=(
        "protected form of legacy FORMTEXT fields named Text1, Text2... with labels in "
        "shaded cells, four columns",
        "sections headed on a coloured band with 'To be completed by ...' under them",
        "'delete as appropriate' for PEP type, year group and the RAG rating",
        "FORMCHECKBOX boxes for SEND and for who was present",
        "FORMDROPDOWN lists for area of learning and previous target outcome",
        "EYFS areas printed with where I am now / where I should be / on track",
        "targets costed in a PPG/PEPSA column",
        "signature lines as Signed (...): [field] Date: [field]",
    ),
    completions=(
        (
            "dev-alfie",
            Habits(
                dates=("dmy", "dots"),
                ncy="year",
                wording=1,
                blanks={"education.attendance.percent": "n/a"},
            ),
        ),
        (
            "dev-reuben",
            Habits(dates=("long", "dmy2"), ncy="year", money="bare", yes_no=1),
        ),
    ),
    build=build,
)
