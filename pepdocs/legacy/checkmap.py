"""Lint a mapping file against its own template: the checks a person runs before trusting a
new or inferred mapping.

1. The file loads (types, transforms, codes, paths: the loader checks them all and reports
   every problem with its line).
2. Every anchor, fallbacks included, is found in the blank template, and found once: a label
   that occurs twice without ``section``/``occurrence`` reads whichever comes first.
3. Generated PEPs for the form's phase fill the template and extract back to the same values
   on every mapped field (the round trip that is the toolkit's core promise).

Problems carry ``file:line`` (the anchor's or the field's line in the mapping file).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from pepdocs.binding import extract_form, fill_form, mapped_view
from pepdocs.errors import MappingError, PepdocsError
from pepdocs.formats import get_engine
from pepdocs.formats.word.inspect import (
    DocumentIndex,
    Slot,
    WordPackage,
    enclosing,
    label_texts,
    locate,
    match_legacy,
    normalise,
)
from pepdocs.mapping.loader import load_mapping
from pepdocs.mapping.spec import Anchor, FieldSpec, FormSpec
from pepdocs.model import load_pep
from pepdocs.safety.package import read_input

__all__ = ["CheckProblem", "check_form", "check_mapping"]

Severity = Literal["error", "warning"]

#: Generated PEPs filled and read back per check: enough to meet optional sections both
#: present and absent, few enough to keep the check to seconds.
ROUND_TRIP_SAMPLES = 3


@dataclass(frozen=True, slots=True)
class CheckProblem:
    """One finding: where (``file:line``), which field, and what is wrong."""

    file: str
    line: int
    path: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f"{self.path}: " if self.path else ""
        tag = "" if self.severity == "error" else "warning: "
        return f"{where}: {tag}{field}{self.message}"


def check_mapping(
    path: str | os.PathLike[str], *, samples: int = ROUND_TRIP_SAMPLES, seed: int = 0
) -> list[CheckProblem]:
    """Every problem found in the mapping file at ``path`` (empty: the mapping is sound).

    A file that does not load gives its loader problems only (the other checks need it).
    """
    file = os.fspath(path)
    try:
        form = load_mapping(file)
    except MappingError as error:
        problems: Iterable[tuple[int, str]] = getattr(error, "problems", ()) or (
            (error.line or 0, _strip_where(str(error), file, error.line)),
        )
        return [CheckProblem(file, line, "", message) for line, message in problems]
    return check_form(form, samples=samples, seed=seed)


def _strip_where(message: str, file: str, line: int | None) -> str:
    prefix = f"{file}:{line}: " if line else f"{file}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def check_form(
    form: FormSpec, *, samples: int = ROUND_TRIP_SAMPLES, seed: int = 0
) -> list[CheckProblem]:
    """:func:`check_mapping` for a loaded form."""
    problems = list(_anchor_problems(form))
    problems.extend(_round_trip_problems(form, samples, seed))
    problems.sort(key=lambda p: (p.severity != "error", p.line))
    return problems


# --- anchors -----------------------------------------------------------------------------------


def _anchor_problems(form: FormSpec) -> Iterable[CheckProblem]:
    file = str(form.source)
    template = read_input(Path(form.template))
    if form.kind != "docx":
        yield from _engine_anchor_problems(form, template)
        return
    package = WordPackage.open(template, str(form.template))
    index = DocumentIndex.of_package(package, label_texts(form))
    for spec in form.fields:
        if spec.confirm:
            yield CheckProblem(
                file,
                spec.line,
                spec.path,
                f"drafted loosely ({spec.confirm}): check it against the form, then remove "
                "its confirm line",
                "warning",
            )
        for number, anchor in enumerate(spec.anchors):
            role = "anchor" if number == 0 else "fallback anchor"
            line = anchor.line or spec.line
            slot = locate(index, anchor, spec, file)
            if slot is None:
                yield CheckProblem(
                    file,
                    line,
                    spec.path,
                    f"{role} {anchor.describe()} is not in the template "
                    f"{Path(form.template).name}; fix the text or remove the anchor",
                )
                continue
            count = _occurrences(index, anchor, spec, file)
            if count > 1:
                yield CheckProblem(
                    file,
                    line,
                    spec.path,
                    f"{role} {anchor.describe()} is in the template {count} times; add "
                    "section: or occurrence: so it names one place",
                )
            missing = getattr(getattr(slot, "data", None), "missing", None)
            if missing:
                yield CheckProblem(
                    file,
                    line,
                    spec.path,
                    f"table columns not in the template's header row: {', '.join(missing)}",
                )
            if not spec.repeating and _in_signoff_table(index, slot):
                yield CheckProblem(
                    file,
                    line,
                    spec.path,
                    f"{role} {anchor.describe()} lands in a sign-off table (role, name, "
                    "signature, date): a signatory's row, not this field's box; check it",
                    "warning",
                )
            group_notes = [n for n in slot.notes if n.startswith("no checkbox found for")]
            for note in group_notes:
                yield CheckProblem(file, line, spec.path, f"{role} {anchor.describe()}: {note}")


_SIGNATURE_WORDS = ("signature", "signed", "sign")


def _in_signoff_table(index: DocumentIndex, slot: Slot) -> bool:
    """Whether what the slot reads sits in a table whose header row has a signature column."""
    for element in slot.covers():
        cell = enclosing(element, "tc")
        found = index.cell_of_tc.get(cell) if cell is not None else None
        if found is None:
            continue
        grid, _ = found
        header = [normalise(text) for _, text in index.row_texts(grid, 0)]
        return any(word in text.split() for text in header for word in _SIGNATURE_WORDS)
    return False


def _occurrences(index: DocumentIndex, anchor: Anchor, spec: FieldSpec, file: str) -> int:
    """How many places the anchor could mean. An anchor that already says which one
    (``occurrence``) or reads every copy on purpose (controls) counts as one."""
    if "occurrence" in anchor.options:
        return 1
    if anchor.kind == "legacy":
        return max(1, len(match_legacy(index.legacy_fields, anchor.key)))
    if anchor.kind in ("label", "checkbox"):
        return max(1, _same_label_places(index, anchor))
    if anchor.kind in ("heading", "table"):
        count = 1
        while count < 9:
            options: dict[str, Any] = {**anchor.options, "occurrence": count + 1}
            if locate(index, replace(anchor, options=options), spec, file) is None:
                break
            count += 1
        return count
    return 1


def _same_label_places(index: DocumentIndex, anchor: Anchor) -> int:
    """Places that say the label as strongly as the engine's first match does: the engine
    takes cells that say exactly the label first, then cells with the label and a note,
    then "Label: value" paragraphs (checkboxes: boxes beside exactly the label), so only
    places of that first kind compete. A "Label:" cell is one place, not two."""
    wanted = normalise(anchor.key)
    section = anchor.options.get("section")
    scope = index.section_range(str(section)) if section else None
    if section and scope is None:
        return 0
    direction = anchor.options.get("direction")
    cells = [
        cell
        for _, cell, text in index.cell_entries
        if index.in_range(cell.tc, scope) and (text == wanted)
    ]
    if anchor.kind == "checkbox":
        beside = sum(
            1
            for paragraph, pairs in index.mark_paragraphs
            if index.in_range(paragraph, scope)
            for text, _ in pairs
            if normalise(text) == wanted
        )
        return beside + len(cells)
    if direction != "after":
        if cells:
            return len(cells)
        noted = [
            cell
            for _, cell, text in index.cell_entries
            if index.in_range(cell.tc, scope)
            and text.startswith(wanted)
            and text[len(wanted) : len(wanted) + 2] in (" (", " [", ":")
        ]
        if noted or direction in ("right", "below"):
            return len(noted)
    pattern = re.compile(
        r"^\s*"
        + r"\s+".join(re.escape(w) for w in anchor.key.strip().rstrip(":").split())
        + r"\s*[:\-\u2013]",
        re.IGNORECASE,
    )
    return sum(
        1
        for paragraph, text in index.paragraph_texts
        if index.in_range(paragraph, scope) and pattern.match(text)
    )


def _engine_anchor_problems(form: FormSpec, template: bytes) -> Iterable[CheckProblem]:
    """Excel and PDF forms: a field whose every anchor misses in the blank template."""
    reading = get_engine(form.kind).read(form, template, str(form.template))
    for number, spec in enumerate(form.fields):
        if not spec.extract:
            continue
        found = reading.readings.get(number)
        if found is None or found.status == "missing":
            yield CheckProblem(
                str(form.source),
                spec.anchor.line or spec.line,
                spec.path,
                f"anchor {spec.anchor.describe()} is not in the template "
                f"{Path(form.template).name}",
            )


# --- round trip --------------------------------------------------------------------------------


def _round_trip_problems(form: FormSpec, samples: int, seed: int) -> Iterable[CheckProblem]:
    # Deferred: only the round trip needs the sample generator.
    from pepdocs.samples import generate_peps

    file = str(form.source)
    reported: set[tuple[str, str]] = set()
    for pep in generate_peps(samples, seed, phase=form.form):
        try:
            document = fill_form(load_pep(pep), form)
        except PepdocsError as problem:
            line, path = _line_in(form, str(problem))
            key = (path, "fill")
            if key not in reported:
                reported.add(key)
                yield CheckProblem(
                    file,
                    line,
                    path,
                    f"a generated PEP cannot be written: {_tail(problem)}",
                    "warning",
                )
            continue
        try:
            extraction = extract_form(document, form, f"{form.label} round trip")
        except PepdocsError as problem:
            yield CheckProblem(file, 0, "", f"the filled form cannot be read back: {problem}")
            return
        expected = mapped_view(pep, form)
        got = mapped_view(extraction.pep, form)
        for spec in form.fields:
            if not (spec.fill and spec.extract):
                continue
            for path in spec.paths:
                if _same(expected.get(path), got.get(path)):
                    continue
                key = (path, "round trip")
                if key in reported:
                    continue
                reported.add(key)
                yield CheckProblem(
                    file,
                    spec.line,
                    path,
                    "does not read back as written (fill then extract of a generated PEP "
                    f"differs at {_first_difference(expected.get(path), got.get(path))})",
                )


def _same(left: Any, right: Any) -> bool:
    # An unticked box reads as False: on paper "no" and "not answered" look the same
    # (docs/word-engine.md), so None and False are one value here.
    if left in (None, [], "", False) and right in (None, [], "", False):
        return True
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(
            _same(a, b) for a, b in zip(left, right, strict=True)
        )
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        return all(_same(left.get(k), right.get(k)) for k in set(left) | set(right))
    if isinstance(left, float) or isinstance(right, float):
        try:
            return abs(float(left) - float(right)) < 1e-9
        except (TypeError, ValueError):
            return False
    return bool(left == right)


def _first_difference(left: Any, right: Any, where: str = "the value") -> str:
    """Where two values part, as a path (``row 2 due_date``), never the values themselves."""
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return f"the number of rows ({len(left)} written, {len(right)} read)"
        for number, (a, b) in enumerate(zip(left, right, strict=True), start=1):
            if not _same(a, b):
                return _first_difference(a, b, f"row {number}")
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        for key in sorted(set(left) | set(right)):
            if not _same(left.get(key), right.get(key)):
                return f"{where} {key}".strip()
    return where


def _line_in(form: FormSpec, message: str) -> tuple[int, str]:
    """The mapping line and path a fill error names (``file:42: path: ...``)."""
    for spec in form.fields:
        if f":{spec.line}: {spec.path}:" in message:
            return spec.line, spec.path
    return 0, ""


def _tail(problem: PepdocsError) -> str:
    text = str(problem)
    marker = "cannot be written on this form"
    return text[text.index(marker) :] if marker in text else text
