"""A draft mapping: the entries inference proposes, how sure each is, and the YAML a person
confirms (``pepdocs infer-mapping``). Shared by the Word, Excel and PDF inference."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pepdocs.inference.lexicon import fold
from pepdocs.model import field_catalog

__all__ = [
    "CONFIRM_BELOW",
    "DRAFT_MIN_CONFIDENCE",
    "EXTRACT_MIN_CONFIDENCE",
    "Candidate",
    "InferredEntry",
    "InferredMapping",
    "assign",
    "code_prefix",
    "plausible_value",
    "without_dangling_references",
]

#: Entries below this confidence are commented ``# confidence 0.62: confirm`` in the draft.
CONFIRM_BELOW = 0.85
#: Entries below this confidence are left out of the draft altogether.
DRAFT_MIN_CONFIDENCE = 0.6
#: When a mapping is inferred on the spot to extract an unknown form, only entries at least
#: this sure are read: a blank is better than a value in the wrong field.
EXTRACT_MIN_CONFIDENCE = 0.75
#: Table columns that name an item of another repeating section: (table path, column path,
#: the section it refers to). The model reads such a reference only when the item it names
#: was read too (a PP+ item's target must be one of the PEP's targets), so a draft maps the
#: column only when it maps that section.
REFERENCES = (("pp_plus.items", "target_id", "targets"),)


@dataclass(slots=True)
class InferredEntry:
    """One proposed mapping entry: what the form says, where, and how sure inference is."""

    path: str
    anchor: dict[str, Any]
    confidence: float
    evidence: str
    also: list[dict[str, Any]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    columns: list[dict[str, Any]] = field(default_factory=list)
    #: the document element the entry reads (a cell, control, paragraph or table), so one
    #: box is never given to two paths
    element: Any = field(default=None, repr=False, compare=False)
    #: every model path the box holds, when it holds several (a full name: first, middle,
    #: last); empty for the usual one, ``path``
    paths: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """What the entry maps, told apart from every other entry: its path, and for a box
        holding one item of a list the item too (two signatories' signature boxes)."""
        item = self.options.get("item")
        if not item:
            return self.path
        return f"{self.path}[{','.join(f'{k}={v}' for k, v in sorted(item.items()))}]"

    @property
    def all_paths(self) -> list[str]:
        return self.paths or [self.key]

    @property
    def doubtful(self) -> bool:
        return self.confidence < CONFIRM_BELOW


@dataclass(slots=True)
class InferredMapping:
    """A draft mapping: entries best first by model order, and what could not be placed."""

    kind: str
    template: Path
    phase: str
    entries: list[InferredEntry]
    #: label texts the form has that no model path was found for, for the person confirming
    unmatched: list[str] = field(default_factory=list)
    title: str = ""
    #: the authority as the form names itself ("Harrowfield County Council"), and the
    #: mapping name made of it ("harrowfield"); empty when the form does not say
    authority_name: str = ""
    authority: str = ""
    #: table column headers and answer boxes (content controls, form fields) no model path
    #: was found for: with ``unmatched``, what the person confirming must place by hand
    unplaced_columns: list[str] = field(default_factory=list)
    unplaced_boxes: list[str] = field(default_factory=list)

    @property
    def fingerprint(self) -> list[str]:
        """The form's own texts that tell it apart from other authorities' forms (recognition
        weighs them most): the authority's name and the form's title."""
        return [text for text in (self.authority_name, self.title) if text]

    def entry(self, path: str) -> InferredEntry | None:
        return next((e for e in self.entries if e.path == path), None)

    def paths(self) -> list[str]:
        return [entry.path for entry in self.entries]

    def to_yaml(
        self,
        authority: str | None = None,
        *,
        name: str | None = None,
        template: str | None = None,
        min_confidence: float = DRAFT_MIN_CONFIDENCE,
    ) -> str:
        """The draft as mapping-file YAML. ``authority`` defaults to the name the form gives
        itself (else the template's file name). Doubtful entries carry ``confirm:`` (why),
        which check-mapping warns about until a person removes it."""
        authority = authority or self.authority or _slug(self.template.stem)
        display = name or self.authority_name or authority.replace("-", " ").title()
        lines = [
            f"# Draft mapping inferred by `pepdocs infer-mapping` from {self.template.name}.",
            "# Entries with `confirm:` were matched loosely: check each against the form, remove",
            "# its confirm line, then run `pepdocs check-mapping` on this file (it warns about",
            "# every confirm left). docs/legacy.md explains the draft.",
            f"authority: {authority}",
            f"name: {_quote(display)}",
            f"form: {self.phase}",
            'version: "draft"',
            f"kind: {self.kind}",
            f"template: {_quote(template or str(self.template))}",
        ]
        if self.fingerprint:
            lines.append("fingerprint:")
            lines.extend(f"  - {_quote(text)}" for text in self.fingerprint)
        lines.append("fields:")
        for entry in self.entries:
            if entry.confidence < min_confidence:
                continue
            lines.append("")
            if entry.doubtful:
                lines.append(
                    f"  # confidence {entry.confidence:.2f}: confirm ({_comment(entry.evidence)})"
                )
            else:
                lines.append(f"  # confidence {entry.confidence:.2f} ({_comment(entry.evidence)})")
            if len(entry.all_paths) > 1:
                lines.append(f"  - path: [{', '.join(entry.all_paths)}]")
            else:
                lines.append(f"  - path: {entry.path}")
            lines.extend(_at_lines(entry.anchor))
            if entry.doubtful:
                lines.append(f"    confirm: {_quote(entry.evidence)}")
            if entry.also:
                if len(entry.also) == 1:
                    lines.append(f"    also: {_flow(entry.also[0])}")
                else:
                    lines.append("    also:")
                    lines.extend(f"      - {_flow(a)}" for a in entry.also)
            for key, value in entry.options.items():
                lines.append(f"    {key}: {_flow(value)}")
            if entry.columns:
                lines.append("    columns:")
                lines.extend(f"      - {_flow(column)}" for column in entry.columns)
        for heading, texts in (
            ("Labels on the form that no model path was found for:", self.unmatched),
            ("Table columns that no model path was found for:", self.unplaced_columns),
            ("Answer boxes (controls, form fields) no model path was found for:",
             self.unplaced_boxes),
        ):
            if texts:
                lines.append("")
                lines.append(f"# {heading}")
                lines.extend(f"#   {_comment(text)}" for text in texts)
        return "\n".join(lines) + "\n"


def _slug(text: str) -> str:
    """A mapping name from text: lower case words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words) or "new-authority"


def _at_lines(anchor: Mapping[str, Any]) -> list[str]:
    """``at:`` in flow style on one line; a PDF table anchor's rows one per line, as the
    rows of fields are printed on the form."""
    table = anchor.get("table")
    if not isinstance(table, Mapping) or "rows" not in table:
        return [f"    at: {_flow(anchor)}"]
    lines = ["    at:", "      table:"]
    lines.extend(f"        {key}: {_flow(value)}" for key, value in table.items() if key != "rows")
    lines.append("        rows:")
    lines.extend(f"          - {_flow(row)}" for row in table["rows"])
    return lines


def _comment(text: str) -> str:
    """Printed text as one comment line: a line break kept in a label (a ``w:br`` in its
    cell, a vertical tab, U+2028) would end the comment and leave the rest as YAML."""
    return " ".join(text.split())


#: Characters YAML reads as line breaks (YAML 1.1, 5.4) that JSON leaves unescaped.
_YAML_BREAKS = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _quote(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars (escapes included), once the
    # characters only YAML reads as line breaks are escaped too.
    quoted = json.dumps(text, ensure_ascii=False)
    for character, escape in _YAML_BREAKS.items():
        quoted = quoted.replace(character, escape)
    return quoted


def _flow(value: Any) -> str:
    """A value as YAML flow style, keys bare when they are safe names."""
    if isinstance(value, Mapping):
        parts = []
        for key, item in value.items():
            key_text = str(key)
            safe = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key_text) and key_text.lower() not in (
                "y",
                "n",
                "yes",
                "no",
                "on",
                "off",
                "true",
                "false",
                "null",
            )
            if key_text in ("true", "false"):
                safe = True  # a yes/no mapping's keys are YAML booleans (docs/mappings.md)
            parts.append(f"{key_text if safe else _quote(key_text)}: {_flow(item)}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return _quote(str(value))


@dataclass(slots=True)
class Candidate:
    entry: InferredEntry
    #: elements whose use by this entry excludes others (a label cell and its value cell)
    claims: tuple[Any, ...]
    #: on a completed form: whether the box holds an answer (None: not known, or a blank
    #: form). An empty box is no rival to a filled one: the person filled in the other
    filled: bool | None = None


def assign(candidates: Sequence[Candidate]) -> list[InferredEntry]:
    """Best candidates first; each path once, each box once (``claims``). A path that fits
    another place almost as well keeps its entry with its confidence cut: the form is
    ambiguous there and a person should look. Entries come back in model order."""
    ranked = sorted(candidates, key=lambda c: c.entry.confidence, reverse=True)
    taken_paths: set[str] = set()
    taken_elements: set[Any] = set()
    chosen: list[InferredEntry] = []
    by_path: dict[str, list[Candidate]] = {}
    for candidate in ranked:
        by_path.setdefault(candidate.entry.key, []).append(candidate)
    for candidate in ranked:
        entry = candidate.entry
        if any(path in taken_paths for path in entry.all_paths):
            continue
        if any(claim in taken_elements for claim in candidate.claims):
            continue
        rivals = [
            other
            for other in by_path[entry.key]
            if other is not candidate
            and other.entry.confidence >= entry.confidence - 0.02
            and not set(other.claims) & set(candidate.claims)
            and other.entry.element is not entry.element
            and not (candidate.filled and other.filled is False)
        ]
        if rivals and not _same_box(candidate, rivals):
            entry.confidence = round(entry.confidence * 0.7, 3)
            entry.evidence += "; the form has another place that fits"
        taken_paths.update(entry.all_paths)
        taken_elements.update(candidate.claims)
        chosen.append(entry)
    order = {path: number for number, path in enumerate(field_catalog())}
    chosen.sort(key=lambda e: order.get(e.path, len(order)))
    return chosen


def _same_box(candidate: Candidate, rivals: list[Candidate]) -> bool:
    """Rivals that only repeat the same value box (a control and the label beside it)."""
    mine = set(candidate.claims)
    return all(set(r.claims) & mine for r in rivals)


#: A box typed as a glyph or an X, then the word beside it: "☒ came", "X Attended".
_BOX_MARK = re.compile(r"^\s*(?:[\u2610\u2611\u2612\u25a1\u25a0]|[xX](?=\s+\w))")


def plausible_value(path: str, raw: object) -> bool:
    """Whether a form value could be the value of model ``path``: its default transform reads
    it and the model accepts what it reads (a date box holding "Yr 4" could not)."""
    from pepdocs.errors import TransformError
    from pepdocs.mapping.transforms import make_transform
    from pepdocs.model import validate_pep
    from pepdocs.model.paths import set_path

    info = field_catalog().get(path)
    if info is None or info.kind in ("list", "object"):
        return True
    if info.kind == "text" and isinstance(raw, str) and _BOX_MARK.match(raw):
        return False  # "☒ came": a box ticked beside its word answers a question, names nobody
    try:
        value = make_transform(None, {}, info).from_form(raw)  # type: ignore[arg-type]
    except TransformError:
        return False
    if value is None:
        return True
    pep: dict[str, Any] = {"meta": {}, "child": {}}
    set_path(pep, path, value)
    return not any(problem.path == path for problem in validate_pep(pep))


def code_prefix(text: str, codes: Sequence[str]) -> str | None:
    """``U4 Foster care, long-term`` and ``C2 - Full Care Order`` start with their code."""
    head = re.split(r"[\s:\-\u2013()]+", text.strip(), maxsplit=1)[0]
    upper = head.upper()
    return upper if upper in codes and len(head) >= 2 else None


def without_dangling_references(
    entries: Sequence[InferredEntry],
) -> tuple[list[InferredEntry], list[str]]:
    """The entries with every column that refers to a section the draft does not map taken
    out (see ``REFERENCES``: every value read from it would be dropped), and those columns'
    headers, to be listed as not placed."""
    mapped = {path for entry in entries for path in entry.all_paths}
    dropped: list[str] = []
    for table, column, section in REFERENCES:
        if section in mapped:
            continue
        for entry in entries:
            if entry.path != table:
                continue
            for item in [item for item in entry.columns if item.get("path") == column]:
                entry.columns.remove(item)
                dropped.append(f"{item.get('header') or column} (refers to {section}, not found)")
    return list(entries), dropped


#: "Completed by (Designated Teacher):", "Agreed by (social worker)", "Completed by (DT)"
_COMPLETED_BY = re.compile(
    r"^\s*(?:completed|agreed|approved|checked)\s+by\s*\(([^)]{2,60})\)", re.IGNORECASE
)


def signatory(label: str) -> str:
    """The role a signature line names, in the words of the signatory code list's labels
    ("designated teacher"), or empty."""
    from pepdocs.errors import TransformError
    from pepdocs.mapping.transforms import make_transform, model_code_labels

    roles = make_transform("choice", {"values": model_code_labels("pep_role")})
    words = " ".join(w for w in label.split() if fold(w) not in ("signature", "signed", "sign"))
    try:
        code = roles.from_form(words)
    except TransformError:
        return ""
    return str(code).replace("_", " ") if code else ""


def completing_role(label: str) -> str:
    """The role a "Completed by (Designated Teacher):" line names, as the signatory code
    list words it, or empty."""
    found = _COMPLETED_BY.match(label)
    return signatory(found.group(1)) if found else ""
