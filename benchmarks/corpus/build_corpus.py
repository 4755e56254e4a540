"""Build the labelled accuracy corpus: completed PEP forms of fictional authorities that have
NO mapping in pepdocs, each paired with the PEP it was filled from (the ground truth).

    python benchmarks/corpus/build_corpus.py OUT_DIR [--seed 1] [--per-authority 6] [--no-resave]

Six invented authorities (Ashcombe, Brackenfield, Coldwater, Dunmore, Elmstead, Farrowdale),
each with its own layout: two-column label/value tables, four-column tables, "Label: value"
paragraphs, content controls with tags and aliases, legacy form fields, checkbox glyphs and
boxes, tracked changes, targets rows added beyond the template's, forms re-saved by
LibreOffice. The wording of every label is drawn per authority from pools of what real forms
print, with ``--seed``: a held-out corpus (another seed) has other wordings and other
children, not just other children.

Each form is filled by pepdocs itself through a ground-truth mapping written here (so the
layout is exactly what the mapping says); the benchmark never sees those mappings. Outputs:
``OUT_DIR/<authority>-NN.docx`` + ``.json`` (the PEP) and ``OUT_DIR/manifest.json``.
Everything is fictional (pepdocs.samples).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from pepdocs import api
from pepdocs.model import dump_pep
from pepdocs.samples import generate_peps

ROOT = Path(__file__).resolve().parents[2]


def _docxkit() -> ModuleType:
    """The template build scripts' XML builders, imported by path (not a package)."""
    path = ROOT / "templates" / "build" / "docxkit.py"
    spec = importlib.util.spec_from_file_location("pepdocs_corpus_docxkit", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


dk = _docxkit()

# --- wordings real forms print, per field ------------------------------------------------------

POOLS: dict[str, list[str]] = {
    "child.first_name": [
        "First Name(s):",
        "Given name(s)",
        "First name",
        "Forename(s)",
        "Child's first name",
        "Legal first name",
        "Forename",
    ],
    "child.last_name": [
        "Surname:",
        "Last Name / Family Name",
        "Surname",
        "Last name",
        "Family name",
        "Child's surname",
        "Legal surname",
    ],
    "child.date_of_birth": [
        "Date of birth:",
        "Child's D.O.B",
        "Date of birth",
        "D.O.B.",
        "DOB",
        "Date of Birth (dd/mm/yyyy)",
        "Child's date of birth",
    ],
    "child.upn": [
        "UPN (if known)",
        "Pupil UPN",
        "UPN",
        "Unique Pupil Number",
        "Unique Pupil Number (UPN)",
        "UPN (13 characters)",
    ],
    "care.legal_status": [
        "Legal status:",
        "Legal status (CLA)",
        "Legal status",
        "Care status",
        "Legal Status",
        "Current legal status",
    ],
    "care.date_became_looked_after": [
        "Date child became looked after",
        "Date became CLA",
        "Date became looked after",
        "Date entered care",
        "Date came into care",
        "Date of entry to care",
        "Looked after since",
    ],
    "care.social_worker.name": [
        "Name of child's social worker",
        "Social worker:",
        "Social worker",
        "Allocated social worker",
        "Social Worker name",
        "Name of social worker",
    ],
    "care.iro.name": [
        "IRO (Independent Reviewing Officer)",
        "Independent reviewing officer name",
        "IRO",
        "Independent Reviewing Officer",
        "IRO name",
        "Independent Reviewing Officer (IRO)",
    ],
    "care.carer.name": [
        "Foster carer(s) name",
        "Carer / placement",
        "Foster carer",
        "Carer(s)",
        "Carer's name",
        "Name of carer(s)",
        "Carer",
    ],
    "education.setting_name": [
        "Name of school / setting",
        "Setting attended",
        "School",
        "Education setting",
        "Name of school",
        "School / setting",
        "Current school",
    ],
    "education.urn": [
        "School URN:",
        "URN (school)",
        "URN",
        "School URN",
        "Unique reference number (URN)",
        "URN of school",
    ],
    "education.ncy": [
        "Current year group",
        "NC year group",
        "Year group",
        "NCY",
        "NC year",
        "National curriculum year",
        "Year group (NCY)",
    ],
    "education.designated_teacher.name": [
        "Designated teacher:",
        "Designated teacher for looked after children",
        "Designated teacher",
        "DT",
        "Designated teacher for CLA",
        "Name of designated teacher",
        "Designated Teacher (DT)",
    ],
    "education.attendance.percent": [
        "Attendance to date (%)",
        "Attendance this year",
        "Attendance",
        "Attendance %",
        "Attendance (%)",
        "Attendance this term (%)",
        "% attendance",
    ],
    "education.sen_provision": [
        "SEN status",
        "SEN provision",
        "SEND status",
        "Special educational needs",
    ],
    "meta.meeting_date": [
        "Date of this PEP meeting",
        "Date of PEP review",
        "Date of meeting",
        "PEP meeting date",
        "Date of PEP meeting",
        "Meeting date",
    ],
    "meta.next_review_date": [
        "Next PEP due",
        "Date of next PEP review",
        "Next PEP date",
        "Date of next review",
        "Date of next PEP meeting",
        "Next review date",
    ],
    "views.child": [
        "What does the child / young person think?",
        "Pupil's views",
        "Child's views",
        "Voice of the child",
        "Pupil voice",
        "Views of the child or young person",
        "The child's views",
    ],
    "child.gender": ["Gender", "Sex"],
    "care.placement_type": ["Placement type", "Type of placement"],
    "education.senco": ["SENCo", "SENCO name"],
    "views.carer": ["Carer's views", "Views of the carer"],
}
SEN_OPTIONS = [
    {"E": "EHCP", "K": "SEN Support", "N": "No SEN"},
    {"E": "EHC plan", "K": "SEN support", "N": "None"},
    {
        "E": "Education, health and care plan",
        "K": "SEN support",
        "N": "No special educational need",
    },
]
TARGET_HEADERS = {
    "description": ["Target", "SMART target", "Target (SMART)", "Targets"],
    "lead": ["Who will do it", "Lead", "Lead person", "Responsible"],
    "due_date": ["By when", "Timescale", "Target date", "Deadline"],
}
ATTENDEE_HEADERS = {
    "name": ["Name", "Attendee"],
    "role": ["Role", "Role / relationship", "Job title"],
}
ATTAINMENT_HEADERS = {
    "subject": ["Subject", "Subject area"],
    "current": ["Current", "Working at", "Current attainment"],
    "target": ["Target", "End of year target", "Expected"],
}
DATE_FORMATS = ["%d/%m/%Y", "%-d %B %Y", "%d %b %Y", "%d.%m.%Y"]

SCALARS = [
    "meta.meeting_date",
    "meta.next_review_date",
    "child.first_name",
    "child.last_name",
    "child.date_of_birth",
    "child.gender",
    "child.upn",
    "care.legal_status",
    "care.date_became_looked_after",
    "care.placement_type",
    "care.carer.name",
    "care.social_worker.name",
    "care.iro.name",
    "education.setting_name",
    "education.urn",
    "education.ncy",
    "education.designated_teacher.name",
    "education.senco",
    "education.attendance.percent",
]
SECTIONS = {
    "meta.": "PEP meeting",
    "child.": "Child details",
    "care.": "Care details",
    "education.": "Education",
}


class Layout:
    """One authority's form: a docxkit body plus the ground-truth mapping entries."""

    def __init__(self, authority: str, rng: random.Random) -> None:
        self.authority = authority
        self.rng = rng
        self.ids = dk.Ids()
        self.body: list[str] = []
        self.fields: list[dict[str, Any]] = []
        self.labels = {path: rng.choice(pool) for path, pool in POOLS.items()}
        self.date_format = rng.choice(DATE_FORMATS)
        self.sen_options = rng.choice(SEN_OPTIONS)

    def label(self, path: str) -> str:
        return self.labels[path]

    def field(self, path: str, anchor: dict[str, Any], **extra: Any) -> None:
        entry: dict[str, Any] = {"path": path, "at": anchor, **extra}
        if path.endswith(("_date", "date_of_birth", "looked_after")) and "type" not in extra:
            entry["type"] = "date"
            entry["format"] = self.date_format
        self.fields.append(entry)

    def heading(self, text: str) -> None:
        self.body.append(dk.para(dk.run(text, bold=True, size=26), keep_next=True))

    def views_box(self, path: str) -> None:
        """A heading paragraph and a one-cell box under it."""
        self.heading(self.label(path))
        self.body.append(dk.table([dk.row(dk.cell(width=dk.TEXT_W))], [dk.TEXT_W]))
        self.body.append(dk.spacer())
        self.field(path, {"heading": self.label(path)}, multiline=True)

    def sen_glyphs(self) -> None:
        options = self.sen_options
        self.body.append(
            dk.para(
                dk.run(f"{self.label('education.sen_provision')}: "),
                *dk.glyph_options(list(options.values())),
            )
        )
        self.field("education.sen_provision", {"checkboxes": dict(options)})

    def repeating(self, path: str, headers: dict[str, list[str]], title: str, rows: int) -> None:
        chosen = {column: self.rng.choice(pool) for column, pool in headers.items()}
        self.heading(title)
        width = dk.TEXT_W // len(chosen)
        head = dk.row(*(dk.label_cell(h, width) for h in chosen.values()), header=True)
        empty = [dk.row(*(dk.cell(width=width) for _ in chosen)) for _ in range(rows)]
        self.body.append(dk.table([head, *empty], [width] * len(chosen)))
        self.body.append(dk.spacer())
        columns = []
        for column, header in chosen.items():
            entry: dict[str, Any] = {"path": column, "header": header}
            if column == "due_date":
                entry.update(type="date", format=self.date_format)
            columns.append(entry)
        self.fields.append(
            {"path": path, "at": {"table": {"header": list(chosen.values())}}, "columns": columns}
        )

    def common_tail(self, rows: int = 3) -> None:
        self.views_box("views.child")
        self.repeating("attainment", ATTAINMENT_HEADERS, "Attainment and progress", 4)
        self.repeating("targets", TARGET_HEADERS, "SMART targets", rows)
        self.repeating("attendees", ATTENDEE_HEADERS, "Attendees", 4)

    def package(self) -> Any:
        package = dk.Package(
            title=f"{self.authority.title()} PEP",
            creator=f"{self.authority.title()} Virtual School",
        )
        package.add(dk.para(dk.run(f"{self.authority.title()} Virtual School", bold=True, size=32)))
        package.add(dk.para(dk.run("Personal Education Plan (school age)", size=24)))
        package.add(*self.body)
        package.logo_png = dk.png_bytes(4, 4, lambda x, y: (40, 80, 160, 255))
        return package


def _label_table(layout: Layout, paths: list[str], *, four: bool = False) -> str:
    width = dk.TEXT_W
    if four:
        cells = [(p, width // 4) for p in paths]
        rows = []
        for first, second in zip(cells[::2], [*cells[1::2], (None, 0)], strict=False):
            parts = [dk.label_cell(layout.label(first[0]), width // 4), dk.cell(width=width // 4)]
            if second[0]:
                parts += [
                    dk.label_cell(layout.label(second[0]), width // 4),
                    dk.cell(width=width // 4),
                ]
            else:
                parts += [dk.cell(width=width // 2, span=2)]
            rows.append(dk.row(*parts))
        return dk.table(rows, [width // 4] * 4)
    rows = [
        dk.row(dk.label_cell(layout.label(p), width // 3), dk.cell(width=2 * width // 3))
        for p in paths
    ]
    return dk.table(rows, [width // 3, 2 * width // 3])


def _scalar_extra(path: str) -> dict[str, Any]:
    if path == "education.ncy":
        return {}
    return {}


def ashcombe(layout: Layout) -> None:
    """Two-column label/value tables, shaded labels, glyph checkboxes."""
    for prefix, title in SECTIONS.items():
        layout.heading(title)
        paths = [p for p in SCALARS if p.startswith(prefix)]
        layout.body.append(_label_table(layout, paths))
        layout.body.append(dk.spacer())
        for path in paths:
            layout.field(path, {"label": layout.label(path)})
    layout.sen_glyphs()
    layout.common_tail()


def brackenfield(layout: Layout) -> None:
    """Four-column tables whose value boxes are content controls with tags and aliases."""
    tags = {p: re.sub(r"[^A-Za-z]", "", layout.label(p).title())[:18] or "Box" for p in SCALARS}
    for prefix, title in SECTIONS.items():
        layout.heading(title)
        paths = [p for p in SCALARS if p.startswith(prefix)]
        width = dk.TEXT_W // 4
        rows = []
        for first, second in zip(paths[::2], [*paths[1::2], None], strict=False):
            parts = [
                dk.label_cell(layout.label(first), width),
                dk.cell(
                    dk.para(dk.sdt_text(layout.ids, "bf" + tags[first], layout.label(first))),
                    width=width,
                ),
            ]
            if second:
                parts += [
                    dk.label_cell(layout.label(second), width),
                    dk.cell(
                        dk.para(dk.sdt_text(layout.ids, "bf" + tags[second], layout.label(second))),
                        width=width,
                    ),
                ]
            else:
                parts += [dk.cell(width=2 * width, span=2)]
            rows.append(dk.row(*parts))
        layout.body.append(dk.table(rows, [width] * 4))
        layout.body.append(dk.spacer())
        for path in paths:
            layout.field(path, {"control": "bf" + tags[path]}, also={"label": layout.label(path)})
    layout.sen_glyphs()
    layout.common_tail()


def coldwater(layout: Layout) -> None:
    """ "Label: value" paragraphs under bold headings; tracked changes are added after filling."""
    for prefix, title in SECTIONS.items():
        layout.heading(title)
        for path in [p for p in SCALARS if p.startswith(prefix)]:
            layout.body.append(dk.para(dk.run(f"{layout.label(path)}: ")))
            layout.field(path, {"label": {"text": layout.label(path), "direction": "after"}})
    layout.sen_glyphs()
    layout.common_tail()


def dunmore(layout: Layout) -> None:
    """Legacy form fields (some meaningfully named, some Text1, Text2...) in label tables."""
    width = dk.TEXT_W
    counter = 0
    for prefix, title in SECTIONS.items():
        layout.heading(title)
        rows = []
        for path in [p for p in SCALARS if p.startswith(prefix)]:
            counter += 1
            name = (
                f"Text{counter}"
                if layout.rng.random() < 0.5
                else re.sub(r"[^A-Za-z]", "", layout.label(path).title())[:20]
            )
            rows.append(
                dk.row(
                    dk.label_cell(layout.label(path), width // 3),
                    dk.cell(dk.para(dk.legacy_text(layout.ids, name)), width=2 * width // 3),
                )
            )
            layout.field(path, {"legacy": name}, also={"label": layout.label(path)})
        layout.body.append(dk.table(rows, [width // 3, 2 * width // 3]))
        layout.body.append(dk.spacer())
    layout.sen_glyphs()
    layout.common_tail()


def elmstead(layout: Layout) -> None:
    """Labels above their values (a shaded header row over a row of boxes); re-saved by
    LibreOffice after filling."""
    for prefix, title in SECTIONS.items():
        layout.heading(title)
        paths = [p for p in SCALARS if p.startswith(prefix)]
        for start in range(0, len(paths), 3):
            chunk = paths[start : start + 3]
            width = dk.TEXT_W // len(chunk)
            head = dk.row(*(dk.label_cell(layout.label(p), width) for p in chunk))
            values = dk.row(*(dk.cell(width=width) for _ in chunk))
            layout.body.append(dk.table([head, values], [width] * len(chunk)))
            layout.body.append(dk.spacer(60))
            for path in chunk:
                layout.field(path, {"label": {"text": layout.label(path), "direction": "below"}})
    layout.sen_glyphs()
    layout.common_tail()


def farrowdale(layout: Layout) -> None:
    """Controls with an alias but no tag beside label cells; a targets table of two rows, so
    the rest are added as a school would."""
    for prefix, title in SECTIONS.items():
        layout.heading(title)
        paths = [p for p in SCALARS if p.startswith(prefix)]
        width = dk.TEXT_W
        rows = [
            dk.row(
                dk.label_cell(layout.label(p), width // 3),
                dk.cell(
                    dk.para(dk.sdt_text(layout.ids, None, f"{layout.label(p)} box")),
                    width=2 * width // 3,
                ),
            )
            for p in paths
        ]
        layout.body.append(dk.table(rows, [width // 3, 2 * width // 3]))
        layout.body.append(dk.spacer())
        for path in paths:
            layout.field(
                path,
                {"control": {"alias": f"{layout.label(path)} box"}},
                also={"label": layout.label(path)},
            )
    layout.sen_glyphs()
    layout.common_tail(rows=2)


AUTHORITIES: dict[str, Callable[[Layout], None]] = {
    "ashcombe": ashcombe,
    "brackenfield": brackenfield,
    "coldwater": coldwater,
    "dunmore": dunmore,
    "elmstead": elmstead,
    "farrowdale": farrowdale,
}
RESAVED = {"elmstead"}
TRACKED = {"coldwater"}


def _yaml(layout: Layout, template: str) -> str:
    lines = [
        f"authority: corpus-{layout.authority}",
        "form: school_age",
        "kind: docx",
        f"template: {json.dumps(template)}",
        "fields:",
    ]
    for entry in layout.fields:
        lines.append("  - " + json.dumps(entry, ensure_ascii=False))
    return "\n".join(lines) + "\n"


_PARA_TEXT = re.compile(r"(<w:p>|<w:p [^>]*>)((?:<w:pPr>.*?</w:pPr>)?)", re.DOTALL)


def add_tracked_changes(data: bytes, rng: random.Random) -> bytes:
    """Revisions as a form that went back and forth would have them: a deleted old note at
    the start of some paragraphs and the last run of others marked as an insertion."""
    source = zipfile.ZipFile(__import__("io").BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    counter = [9000]

    def revise(match: re.Match[str]) -> str:
        counter[0] += 1
        if rng.random() < 0.3:
            return (
                f'{match.group(1)}{match.group(2)}<w:del w:id="{counter[0]}" w:author="School" '
                f'w:date="2025-10-01T09:00:00Z"><w:r><w:delText>To be confirmed </w:delText>'
                "</w:r></w:del>"
            )
        return match.group(0)

    xml = _PARA_TEXT.sub(revise, xml)

    def insert(match: re.Match[str]) -> str:
        counter[0] += 1
        if rng.random() < 0.3:
            return (
                f'<w:ins w:id="{counter[0]}" w:author="School" w:date="2025-10-01T09:00:00Z">'
                f"{match.group(0)}</w:ins>"
            )
        return match.group(0)

    xml = re.sub(
        r"<w:r>(?:(?!</w:r>).)*?<w:t[ >](?:(?!</w:r>).)*?</w:r>(?=</w:p>)",
        insert,
        xml,
        flags=re.DOTALL,
    )
    out = __import__("io").BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = (
                xml.encode("utf-8")
                if info.filename == "word/document.xml"
                else source.read(info.filename)
            )
            target.writestr(info, content)
    return out.getvalue()


def build(
    out_dir: Path, seed: int, per_authority: int, resave: bool = True
) -> list[dict[str, Any]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    forms_dir = Path(tempfile.mkdtemp(prefix="pepdocs-corpus-forms-"))
    manifest: list[dict[str, Any]] = []
    to_resave: list[Path] = []
    try:
        for number, (authority, builder) in enumerate(AUTHORITIES.items()):
            rng = random.Random(f"corpus:{seed}:{authority}")
            layout = Layout(authority, rng)
            builder(layout)
            template = forms_dir / f"{authority}.docx"
            layout.package().write(template)
            mapping = forms_dir / f"{authority}.yaml"
            mapping.write_text(_yaml(layout, template.name), encoding="utf-8")
            peps = generate_peps(per_authority, seed * 100 + number, phase="school_age")
            for index, pep in enumerate(peps, start=1):
                pep["meta"]["authority"] = authority
                document = api.fill(pep, mapping)
                if authority in TRACKED:
                    document = add_tracked_changes(document, rng)
                stem = f"{authority}-{index:02d}"
                path = out_dir / f"{stem}.docx"
                path.write_bytes(document)
                (out_dir / f"{stem}.json").write_text(dump_pep(pep), encoding="utf-8")
                if authority in RESAVED or (resave and rng.random() < 0.15):
                    to_resave.append(path)
                manifest.append(
                    {"document": path.name, "truth": f"{stem}.json", "authority": authority}
                )
        if resave and to_resave:
            from pepdocs.office import convert

            staging = Path(tempfile.mkdtemp(prefix="pepdocs-corpus-resave-"))
            try:
                moved = []
                for path in to_resave:
                    original = staging / "in" / path.name
                    original.parent.mkdir(exist_ok=True)
                    shutil.copy(path, original)
                    moved.append(original)
                for written in convert(moved, "docx", staging / "out"):
                    shutil.copy(written, out_dir / written.name)
                for item in manifest:
                    if out_dir / item["document"] in to_resave:
                        item["resaved"] = True
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    finally:
        shutil.rmtree(forms_dir, ignore_errors=True)
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-authority", type=int, default=6)
    parser.add_argument("--no-resave", action="store_true", help="skip LibreOffice re-saving")
    args = parser.parse_args(argv)
    manifest = build(args.out_dir, args.seed, args.per_authority, resave=not args.no_resave)
    print(f"{len(manifest)} documents written to {args.out_dir}")


if __name__ == "__main__":
    main()
