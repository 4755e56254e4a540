"""The library verbs: fill a form from a PEP, extract a PEP from a form, translate between forms.

Everything here is glue between three layers that do not know each other: the canonical model
(``pepdocs.model``: validation), the mapping (``pepdocs.mapping``: where each model path lives
on one authority's form and how its value is written) and the engines (``pepdocs.formats``:
Word, Excel, PDF). Engines see form values keyed by field, never the PEP; the model never sees
a form. Round trip is the promise: ``extract(fill(pep)).pep`` equals ``pep`` on every field
the form maps.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pepdocs._io import write_atomic
from pepdocs.errors import (
    DocumentError,
    OutputExistsError,
    PepdocsError,
    PepValidationError,
    Problem,
    TransformError,
    UsageError,
)
from pepdocs.formats import get_engine
from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.mapping.registry import FormSummary, list_authorities, load_form, resolve_form
from pepdocs.mapping.spec import ColumnSpec, FieldSpec, FormSpec, FormValue
from pepdocs.mapping.transforms import BoolTransform, cell_for_column
from pepdocs.model import dump_pep, load_pep, load_pep_file, validate_pep
from pepdocs.model.paths import get_path, set_path
from pepdocs.report import AnchorUsed, ExtractionReport, FieldReport, TranslationReport
from pepdocs.safety.package import Kind, check_form_kind, read_input, sniff_kind

__all__ = [
    "Extraction",
    "extract",
    "extract_file",
    "fill",
    "fill_file",
    "form_values",
    "mapped_paths",
    "mapped_view",
    "translate",
    "translate_file",
]

Source = bytes | str | os.PathLike[str]
MappingsDirs = Sequence[str | os.PathLike[str]]

#: Model paths a form implies by being that form; never "unplaced" when translating.
_IMPLIED_BY_FORM = frozenset({"meta.authority", "meta.phase"})
_FILE_KINDS: tuple[Kind, ...] = ("docx", "xlsx", "pdf")


@dataclass(frozen=True, slots=True)
class Extraction:
    """What :func:`extract` returns: the PEP (valid, loadable) and the report on every field."""

    pep: dict[str, Any]
    report: ExtractionReport


# -- dotted paths ------------------------------------------------------------------------------


def _drop(data: Any, path: str) -> bool:
    """Remove the value at ``path``; list items become None (removed later, so that the
    indexes of other problems in the same list stay right). True if something went."""
    *parents, last = path.split(".")
    holder = get_path(data, ".".join(parents)) if parents else data
    if isinstance(holder, dict) and last in holder:
        del holder[last]
        return True
    if isinstance(holder, list) and last.isdigit() and int(last) < len(holder):
        holder[int(last)] = None
        return True
    return False


def _compact(data: Any) -> Any:
    """Drop the None placeholders :func:`_drop` left in lists."""
    if isinstance(data, dict):
        return {key: _compact(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_compact(item) for item in data if item is not None]
    return data


# -- resolving forms ----------------------------------------------------------------------------


def _resolve(
    authority: str | os.PathLike[str] | FormSpec,
    *,
    phase: str | None = None,
    form: str | None = None,
    mappings_dirs: MappingsDirs = (),
) -> FormSpec:
    if isinstance(authority, FormSpec):
        if form is not None and form != authority.form:
            raise UsageError(
                f"{authority.source}: this mapping is the {authority.form} form, not {form}"
            )
        return authority
    return resolve_form(os.fspath(authority), phase=phase, form=form, extra_dirs=mappings_dirs)


def _form_summaries(
    authority: str | os.PathLike[str] | None, mappings_dirs: MappingsDirs
) -> list[FormSummary]:
    """The listed forms of one authority (by name), or of every authority."""
    wanted = os.fspath(authority).strip().lower() if authority is not None else None
    return [
        summary
        for known in list_authorities(mappings_dirs)
        if wanted is None or known.name == wanted
        for summary in known.forms
    ]


def _candidate_forms(
    kind: str,
    authority: str | os.PathLike[str] | None,
    form: str | None,
    mappings_dirs: MappingsDirs,
) -> list[FormSpec]:
    """Every known form of ``kind`` (of one authority, if given) that detection should try."""
    return [
        load_form(summary.source)
        for summary in _form_summaries(authority, mappings_dirs)
        if summary.kind == kind
        and summary.template_found
        and (form is None or form in (summary.form, summary.source.stem))
    ]


# -- fill ---------------------------------------------------------------------------------------


def _cell(value: FormValue, column: ColumnSpec) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise TransformError(f"column {column.header!r} does not write text")


def _field_value(pep: Mapping[str, Any], spec: FieldSpec) -> FormValue:
    """The form value of one field, or None to leave the form's blank as it is."""
    if spec.repeating:
        items = get_path(pep, spec.paths[0])
        if items is None:
            return None
        rows: list[dict[str, str]] = []
        for item in items:
            row: dict[str, str] = {}
            for column in spec.columns:
                value = get_path(item, column.path)
                row[column.header] = _cell(
                    None if value is None else column.transform.to_form(value), column
                )
            rows.append(row)
        return rows
    if len(spec.paths) > 1:
        parts = {path: get_path(pep, path) for path in spec.paths}
        if all(value is None for value in parts.values()):
            return None
        return spec.transform.to_form(parts)
    value = get_path(pep, spec.paths[0])
    if value is None:
        return None
    return spec.transform.to_form(value)


def _form_values(
    pep: Mapping[str, Any], form: FormSpec, problems: list[Problem] | None
) -> list[tuple[FieldSpec, FormValue]]:
    values: list[tuple[FieldSpec, FormValue]] = []
    for spec in form.fields:
        if not spec.fill:
            continue
        try:
            value = _field_value(pep, spec)
        except TransformError as problem:
            if problems is None:
                raise TransformError(
                    f"{form.source}:{spec.line}: {spec.path}: cannot be written on this "
                    f"form ({problem.message})"
                ) from None
            problems.append(Problem(spec.path, problem.message))
            value = None
        values.append((spec, value))
    return values


def form_values(pep: Mapping[str, Any], form: FormSpec) -> list[tuple[FieldSpec, FormValue]]:
    """The (field, form value) pairs an engine fills ``form`` with, from a loaded PEP.

    Fields without a value give ``None`` (leave the blank); an empty list gives ``[]``.
    Raises :class:`TransformError` (naming the mapping line and path) when a value has no
    place on the form, e.g. a code the form's option list lacks.
    """
    return _form_values(pep, form, None)


def _check_flatten(spec: FormSpec, flatten: bool) -> None:
    if flatten and spec.kind != "pdf":
        raise UsageError(
            f"{spec.source}: --flatten is for PDF forms; a {spec.kind} form has no fields to "
            "flatten (use --pdf for a PDF copy)"
        )


def _fill_form(data: Mapping[str, Any], spec: FormSpec, *, flatten: bool) -> bytes:
    """``spec`` filled from a loaded (validated) PEP."""
    values = form_values(data, spec)
    if flatten:
        from pepdocs.formats import pdf as pdf_engine

        return pdf_engine.fill(spec, values, flatten=True)
    return get_engine(spec.kind).fill(spec, values)


def fill(
    pep: Mapping[str, Any],
    authority: str | os.PathLike[str] | FormSpec,
    form: str | None = None,
    *,
    mappings_dirs: MappingsDirs = (),
    flatten: bool = False,
) -> bytes:
    """Fill an authority's form from a PEP; returns the document's bytes.

    ``authority`` is a name (``northshire``), a mapping file's path or a loaded
    :class:`FormSpec`. The form is the one for the PEP's ``meta.phase`` unless ``form`` names
    another. The PEP is validated first (:class:`PepValidationError` lists every problem).
    ``flatten`` (PDF forms only; :class:`UsageError` otherwise) draws the values into the
    pages and removes every field, so the PDF can no longer be edited.
    """
    data = load_pep(pep)
    spec = _resolve(
        authority, phase=get_path(data, "meta.phase"), form=form, mappings_dirs=mappings_dirs
    )
    _check_flatten(spec, flatten)
    return _fill_form(data, spec, flatten=flatten)


def _refuse_existing(*paths: str | os.PathLike[str] | None, force: bool) -> None:
    # Checked before any work: a long fill should not end in "already exists".
    given = [Path(path) for path in paths if path is not None]
    resolved = [path.resolve() for path in given]
    for index, where in enumerate(resolved):
        if where in resolved[:index]:
            # -o pep.json --report pep.json: the report would replace the PEP (--force or not)
            raise UsageError(f"{given[index]}: given for two outputs; name each its own file")
    if force:
        return
    for path in paths:
        if path is not None and Path(path).exists():
            raise OutputExistsError(os.fspath(path))


def _check_suffix(out_path: Path, spec: FormSpec) -> None:
    # A workbook saved as "pep.docx" opens in no program (each kind is found by its
    # extension by Word, Excel and the file manager), so a mismatch is refused, not warned.
    wanted = f".{spec.kind}"
    if out_path.suffix.lower() != wanted:
        raise UsageError(
            f"{out_path}: {spec.label} is a {spec.kind} form, so the output must end in "
            f"{wanted} (e.g. {out_path.with_suffix(wanted).name})"
        )


def fill_file(
    pep_path: str | os.PathLike[str],
    authority: str | os.PathLike[str] | FormSpec,
    out_path: str | os.PathLike[str],
    form: str | None = None,
    force: bool = False,
    *,
    mappings_dirs: MappingsDirs = (),
    flatten: bool = False,
    pdf: bool = False,
) -> Path:
    """Read a PEP JSON file, fill the form and write it atomically to ``out_path``.

    ``out_path`` must end in the form's kind (``.docx``, ``.xlsx``, ``.pdf``). ``pdf`` also
    writes a PDF copy of a Word or Excel form beside it (``out_path`` with ``.pdf``) through
    LibreOffice; ``flatten`` gives a non-editable PDF form (see :func:`fill`). Existing
    outputs (the PDF copy too) are kept (:class:`OutputExistsError`) unless ``force``,
    checked before anything is written. Returns the form's path.
    """
    out = Path(out_path)
    data = load_pep_file(pep_path)
    spec = _resolve(
        authority, phase=get_path(data, "meta.phase"), form=form, mappings_dirs=mappings_dirs
    )
    _check_flatten(spec, flatten)
    if pdf and spec.kind == "pdf":
        raise UsageError(
            f"{spec.source}: --pdf is for Word and Excel forms; this form is a PDF already "
            "(use --flatten for a copy that cannot be edited)"
        )
    _check_suffix(out, spec)
    pdf_path = out.with_suffix(".pdf") if pdf else None
    _refuse_existing(out, pdf_path, force=force)
    written = write_atomic(out, _fill_form(data, spec, flatten=flatten), force=force)
    if pdf:
        _convert_to_pdf(written, force=force)
    return written


def _convert_to_pdf(written: Path, *, force: bool) -> Path:
    """The PDF copy of a written form. When the conversion fails the form itself is kept
    (it is complete and correct; only its copy is missing) and the error says so."""
    from pepdocs.bundle import to_pdf

    try:
        (converted,) = to_pdf([written], written.parent, force=force)
    except PepdocsError as problem:
        # Same class (ComponentMissingError stays one), so callers can still tell causes apart.
        error = copy.copy(problem)
        error.message = f"{written}: written, but no PDF copy: {problem.message}"
        error.args = (error.message,)
        raise error from None
    return converted


# -- extract ------------------------------------------------------------------------------------


def _read_source(source: Source, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        return bytes(source), name or "<document>"
    return read_input(source), name or os.fspath(source)


def _anchor_used(spec: FieldSpec, reading: Reading) -> AnchorUsed | None:
    if reading.status == "missing":
        return None
    if reading.anchor is None or reading.anchor is spec.anchor or reading.anchor == spec.anchor:
        return "primary"
    return "fallback"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


#: What an unticked box in a table cell reads as: a form's spare rows often carry checkboxes
#: (Invited/Attended), and a row of unticked boxes with no text is a spare row, not an item.
_UNTICKED = frozenset({"\u2610", "\u25a1", "[ ]", "[]", "( )"})


def _spare_cell(column: ColumnSpec, value: Any) -> bool:
    """Nothing in this cell: blank, or an unticked box in a yes/no column (in a text column
    a typed ``☐`` is text)."""
    if isinstance(column.transform, BoolTransform) and (
        value is False or (isinstance(value, str) and " ".join(value.split()) in _UNTICKED)
    ):
        return True
    return _blank(value)


class _Assembler:
    """Builds the PEP and the report from an engine's reading of one form."""

    def __init__(self, form: FormSpec, reading: DocumentReading) -> None:
        self.form = form
        self.reading = reading
        self.pep: dict[str, Any] = {}
        self.fields: list[FieldReport] = []
        #: model path -> report entry, for marking values that fail validation
        self.by_path: dict[str, FieldReport] = {}

    def run(self) -> None:
        for index, spec in enumerate(self.form.fields):
            if not spec.extract:
                continue
            reading = self.reading.readings.get(index) or Reading("missing")
            report = FieldReport(
                path=spec.path,
                status=reading.status,
                location=reading.location,
                anchor_used=_anchor_used(spec, reading),
                notes=list(reading.notes),
            )
            self.fields.append(report)
            for path in spec.paths:
                self.by_path[path] = report
            if reading.status != "found":
                continue
            if spec.repeating:
                self._rows(spec, reading, report)
            else:
                self._value(spec, reading, report)

    def _value(self, spec: FieldSpec, reading: Reading, report: FieldReport) -> None:
        if _blank(reading.raw):
            report.status = "empty"
            return
        try:
            value, notes = spec.transform.from_form_noted(reading.raw)
        except TransformError as problem:
            report.status = "unparseable"
            report.raw = reading.raw
            report.notes.append(problem.message)
            return
        report.notes.extend(notes)
        if len(spec.paths) > 1:
            # A join reads back as {path: value}; a tuple in path order is accepted too.
            parts = (
                value
                if isinstance(value, Mapping)
                else dict(zip(spec.paths, value or (), strict=False))
            )
            for path in spec.paths:
                if not _blank(parts.get(path)):
                    set_path(self.pep, path, parts[path])
            if all(_blank(parts.get(path)) for path in spec.paths):
                report.status = "empty"
        elif _blank(value):
            report.status = "empty"
        else:
            set_path(self.pep, spec.paths[0], value)

    def _rows(self, spec: FieldSpec, reading: Reading, report: FieldReport) -> None:
        rows = reading.raw if isinstance(reading.raw, list) else []
        items: list[dict[str, Any]] = []
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, Mapping):
                continue
            cells = [(column, cell_for_column(row, column)) for column in spec.columns]
            if all(_spare_cell(column, cell) for column, cell in cells):
                continue  # the form's spare rows: nothing typed, no box ticked
            item: dict[str, Any] = {}
            item_path = f"{spec.paths[0]}.{len(items)}"
            where = f"{reading.location} row {number}".strip()
            for column, cell in cells:
                if _blank(cell):
                    continue
                path = f"{item_path}.{column.path}"
                try:
                    value, notes = column.transform.from_form_noted(cell)
                except TransformError as problem:
                    entry = FieldReport(
                        path, "unparseable", where, report.anchor_used, cell, [problem.message]
                    )
                    self.fields.append(entry)
                    continue
                if notes:
                    report.notes.extend(f"{path}: {note}" for note in notes)
                if not _blank(value):
                    set_path(item, column.path, value)
            items.append(item)
            self.by_path[item_path] = report
        if items:
            set_path(self.pep, spec.paths[0], items)
        else:
            report.status = "empty"

    def prune_invalid(self) -> dict[str, Any]:
        """Drop what fails model validation, reporting each value as ``invalid``.

        Extraction must hand back a loadable PEP and lose nothing silently: a value the
        model refuses (an impossible UPN, dates out of order) leaves the PEP and its report
        entry says why.
        """
        pep = self.pep
        # Dropping one value can only remove problems, but rules compare fields: loop until
        # nothing is left, with a bound in case a problem names a path we cannot remove.
        for _ in range(5):
            # One validation pass per round: load_pep gives the normalised PEP or every
            # problem at once (validate_pep then load_pep validated a valid PEP twice, a
            # large share of an extraction's time).
            try:
                return load_pep(pep)
            except PepValidationError as error:
                problems = list(error.problems)
            dropped = False
            for problem in problems:
                dropped |= self._drop_invalid(pep, problem)
            pep = _compact(pep)
            if not dropped:
                break
        first = validate_pep(pep)
        where = first[0].path if first else "?"
        raise PepdocsError(f"{self.form.label}: extracted data could not be made valid at {where}")

    def _drop_invalid(self, pep: dict[str, Any], problem: Problem) -> bool:
        path = problem.path
        candidates = [path]
        while "." in candidates[-1]:
            candidates.append(candidates[-1].rsplit(".", 1)[0])
        target = next((c for c in candidates if get_path(pep, c) is not None), None)
        if target is None or target in ("meta", "child"):
            return False
        _drop(pep, target)
        entry = self.by_path.get(target)
        if entry is not None and entry.path == target:
            entry.status = "invalid"
            entry.notes.append(problem.message)
        else:
            # A cell of a repeating section, or one part of a joined box: its own entry.
            owner = next((self.by_path[c] for c in candidates if c in self.by_path), None)
            self.fields.append(
                FieldReport(
                    target,
                    "invalid",
                    owner.location if owner else "",
                    owner.anchor_used if owner else None,
                    notes=[problem.message],
                )
            )
        return True


def _read(spec: FormSpec, data: bytes, label: str) -> DocumentReading:
    """The engine's reading of ``data`` as ``spec``. A Word or Excel form printed (or saved)
    as PDF keeps its answers as page text only: that is read by the form's own labels, with
    the lower confidence and the note the text layer gives.

    A PDF on which not one of the form's fields or labels is found is refused: it is some
    other PDF (or one renamed ``.docx``), and "read, every field missing" with exit 0 would
    hide that. (A Word document keeps reporting its fields ``missing``: a Jinja form leaves
    whole blocks out, so an all-missing reading can still be the form.)
    """
    if sniff_kind(data) != "pdf":
        return get_engine(spec.kind).read(spec, data, label)
    if spec.kind == "pdf":
        reading = get_engine(spec.kind).read(spec, data, label)
        problem = f"shows none of {spec.label}'s fields or labels (not this form)"
    else:
        from pepdocs.formats.pdf import read_text_layer

        reading = read_text_layer(spec, data, label)
        word = "a Word document" if spec.kind == "docx" else "an Excel workbook"
        problem = (
            f"is a PDF, not {word}, and shows none of {spec.label}'s labels "
            "(not this form printed to PDF)"
        )
    if not any(found.status in ("found", "empty") for found in reading.readings.values()):
        raise DocumentError(problem, label)
    return reading


def _printed_form(
    data: bytes, name: str, candidates: Sequence[FormSpec]
) -> tuple[FormSpec, float] | None:
    """Among an authority's Word/Excel forms, the one a PDF without fields shows the most
    labels of (at least half of its labelled fields), with that share: the form it was
    printed from."""
    from pepdocs.formats.pdf import read_text_layer

    best: tuple[FormSpec, float] | None = None
    for candidate in candidates:
        labelled = [
            number
            for number, spec in enumerate(candidate.fields)
            if spec.extract and not spec.repeating and any(a.kind == "label" for a in spec.anchors)
        ]
        if not labelled:
            continue
        readings = read_text_layer(candidate, data, name).readings
        share = sum(
            1 for number in labelled if number in readings and readings[number].status == "found"
        ) / len(labelled)
        if share >= _PRINTED_SHARE and (best is None or share > best[1]):
            best = (candidate, share)
    return best


#: Share of a form's labelled fields a PDF's page text must show to be read as that form.
_PRINTED_SHARE = 0.5


def _detect(
    data: bytes,
    name: str,
    authority: str | os.PathLike[str],
    form: str | None,
    mappings_dirs: MappingsDirs,
) -> tuple[FormSpec, float, list[str]]:
    """Recognise which of ``authority``'s forms a document is, by the forms' fingerprints
    (tags, field names, labels, the mapping's own texts: :mod:`pepdocs.legacy.detect`).
    Without an authority, :func:`_extract_any_form` looks among every known form."""
    # Deferred: pepdocs.legacy reads documents through this module (extract_any), and
    # ``import pepdocs`` should not pay for the detector until a form must be recognised.
    from pepdocs.legacy.detect import detect_form

    # By content, not extension; an encrypted or old-style Office file gets its own reason.
    kind = check_form_kind(data, name, _FILE_KINDS)
    candidates = _candidate_forms(kind, authority, form, mappings_dirs)
    if not candidates and kind == "pdf":
        # No PDF form: perhaps one of its Word/Excel forms, printed to PDF.
        printed = _printed_form(
            data,
            name,
            [
                *_candidate_forms("docx", authority, form, mappings_dirs),
                *_candidate_forms("xlsx", authority, form, mappings_dirs),
            ],
        )
        if printed is None:
            raise UsageError(
                f"{name}: is a PDF that shows too few labels of any of "
                f"{os.fspath(authority)}'s forms; pass --form to read its page text with one"
            )
        printed_form, share = printed
        return (
            printed_form,
            share,
            [
                f"form recognised from the page text: {printed_form.label} printed to PDF "
                f"(share of labels found {share:.2f})"
            ],
        )
    if not candidates:
        raise UsageError(f"{name}: {os.fspath(authority)} has no {kind} form to read it with")
    detection = detect_form(data, name, candidates=candidates)
    if detection.form is None:
        raise UsageError(
            f"{name}: could not tell which of {os.fspath(authority)}'s forms this is; pass --form"
        )
    notes = [
        f"form recognised from the document: {detection.form.label} (score {detection.score:.2f})",
        *detection.notes[1:],
    ]
    return detection.form, detection.score, notes


def extract(
    source: Source,
    authority: str | os.PathLike[str] | FormSpec | None = None,
    form: str | None = None,
    *,
    mappings_dirs: MappingsDirs = (),
    name: str | None = None,
) -> Extraction:
    """Read a completed form back into a PEP, with a report on every mapped field.

    ``source`` is a path or the document's bytes (``name`` then labels it in messages).
    Without ``authority`` (or with an authority that has several forms and no ``form``) the
    form is recognised from the document, and the report says which. Values the form holds
    but the model refuses are left out and reported ``invalid``; text a transform cannot read
    is reported ``unparseable`` with the raw text in the report only.
    """
    data, label = _read_source(source, name)
    detected = False
    score = 1.0
    notes: list[str] = []
    spec: FormSpec | None = None
    if isinstance(authority, FormSpec):
        spec = _resolve(authority, form=form)
    elif authority is not None and (form is not None or _single_form(authority, mappings_dirs)):
        spec = _resolve(authority, form=form, mappings_dirs=mappings_dirs)
    if spec is None:
        assert not isinstance(authority, FormSpec)
        if authority is None:
            return _extract_any_form(data, label, form, mappings_dirs)
        spec, score, notes = _detect(data, label, authority, form, mappings_dirs)
        detected = True
    reading = _read(spec, data, label)
    assembler = _Assembler(spec, reading)
    assembler.run()
    meta = assembler.pep.setdefault("meta", {})
    meta.setdefault("authority", spec.authority)
    meta.setdefault("phase", spec.form)
    assembler.pep.setdefault("child", {})
    pep = assembler.prune_invalid()
    report = ExtractionReport(
        source=label,
        authority=spec.authority,
        form=spec.form,
        fields=assembler.fields,
        unmapped=list(reading.unmapped),
        # The loader's warnings (transforms that cannot read back) qualify every reading.
        notes=[*notes, *spec.warnings, *reading.notes],
        confidence=reading.confidence * (score if detected else 1.0),
        detected=detected,
    )
    return Extraction(pep, report)


def _extract_any_form(
    data: bytes, label: str, form: str | None, mappings_dirs: MappingsDirs
) -> Extraction:
    """No authority given: a known form recognised by its fingerprint, a known Word form
    printed to PDF, or failing both a mapping inferred from the document on the spot (low
    confidence, ``report.inferred``). A document nothing on which reads as a PEP (a letter)
    is refused: "could not recognise the form; pass --authority"."""
    # Deferred: pepdocs.legacy reads documents through this module, and ``import pepdocs``
    # should not pay for the detector until a form must be recognised.
    from pepdocs.legacy.detect import INFERRED_AUTHORITY, extract_any

    # By content, not extension; an encrypted or old-style Office file gets its own reason
    # (the detector would only say "not a Word, Excel or PDF form").
    check_form_kind(data, label, _FILE_KINDS)
    extraction = extract_any(data, name=label, mappings_dirs=mappings_dirs, form=form)
    extraction.report.inferred = extraction.report.authority == INFERRED_AUTHORITY
    return extraction


def _single_form(authority: str | os.PathLike[str], mappings_dirs: MappingsDirs) -> bool:
    """True when ``authority`` is a mapping file or names an authority with one form (an
    unknown name counts as one, so that resolving it raises the registry's helpful error)."""
    text = os.fspath(authority)
    if text.lower().endswith((".yaml", ".yml")) or "/" in text or os.sep in text:
        return True
    return len(_form_summaries(text, mappings_dirs)) <= 1


def extract_file(
    source: str | os.PathLike[str],
    out_path: str | os.PathLike[str] | None,
    authority: str | os.PathLike[str] | FormSpec | None = None,
    form: str | None = None,
    *,
    report_path: str | os.PathLike[str] | None = None,
    force: bool = False,
    mappings_dirs: MappingsDirs = (),
    redact: bool = False,
    redact_key: bytes | str | None = None,
) -> Extraction:
    """:func:`extract` a document and write the PEP JSON (and the report JSON) atomically.

    ``out_path`` None writes no PEP file (the caller prints :attr:`Extraction.pep`).
    ``redact`` replaces the people in the PEP and in the written report by consistent
    pseudonyms (:mod:`pepdocs.safety.redact`, keyed by ``redact_key``, or a random key for
    this call); the returned PEP is then the redacted one.
    """
    _refuse_existing(out_path, report_path, force=force)
    extraction = extract(source, authority, form, mappings_dirs=mappings_dirs)
    pep, report = extraction.pep, extraction.report.to_dict()
    if redact:
        from pepdocs.safety.redact import redact_pep_and

        key = redact_key if redact_key is not None else os.urandom(32)
        pep, (report,) = redact_pep_and(pep, key, report)
        extraction = Extraction(pep, extraction.report)
    if out_path is not None:
        write_atomic(out_path, dump_pep(pep).encode("utf-8"), force=force)
    if report_path is not None:
        _write_json(report_path, report, force=force)
    return extraction


def _write_json(path: str | os.PathLike[str], data: Mapping[str, Any], *, force: bool) -> None:
    import json

    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"), force=force)


# -- translate ----------------------------------------------------------------------------------


def mapped_paths(form: FormSpec) -> set[str]:
    """The model paths ``form`` holds; columns of a repeating section as ``targets.*.lead``."""
    paths: set[str] = set()
    for spec in form.fields:
        if spec.repeating:
            paths.update(f"{spec.paths[0]}.*.{column.path}" for column in spec.columns)
        else:
            paths.update(spec.paths)
    return paths


def _value_paths(data: Any, prefix: str = "") -> Iterator[str]:
    """Paths holding a value in ``data``; list items collapse to ``*``."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from _value_paths(value, f"{prefix}{key}.")
    elif isinstance(data, list):
        for item in data:
            yield from _value_paths(item, f"{prefix}*.")
    elif data is not None and data != "":
        yield prefix.rstrip(".")


def mapped_view(pep: Mapping[str, Any], form: FormSpec) -> dict[str, Any]:
    """``pep`` projected onto what ``form`` maps: ``{path: value}`` for single fields and
    ``{path: [ {column path: value} ... ]}`` for repeating sections.

    Absent values read as None, an absent list as ``[]``: a form cannot tell them apart,
    so a round trip is judged on this view.
    """
    view: dict[str, Any] = {}
    for spec in form.fields:
        if spec.repeating:
            items = get_path(pep, spec.paths[0]) or []
            view[spec.paths[0]] = [
                {column.path: get_path(item, column.path) for column in spec.columns}
                for item in items
            ]
        else:
            for path in spec.paths:
                view[path] = get_path(pep, path)
    return view


def _unique(paths: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(paths))


def translate(
    source: Source,
    from_authority: str | os.PathLike[str] | FormSpec | None,
    to_authority: str | os.PathLike[str] | FormSpec,
    form: str | None = None,
    *,
    source_form: str | None = None,
    mappings_dirs: MappingsDirs = (),
    name: str | None = None,
) -> tuple[bytes, TranslationReport]:
    """Move a completed form from authority A's format to B's: extract with A, fill with B.

    ``from_authority`` None recognises A's form from the document. B's form is the one for
    the PEP's phase unless ``form`` names another (``source_form`` picks A's). The report
    lists what B's form has no place for and what A's form left empty.
    """
    extraction = extract(
        source, from_authority, source_form, mappings_dirs=mappings_dirs, name=name
    )
    pep = copy.deepcopy(extraction.pep)
    target = _resolve(
        to_authority, phase=get_path(pep, "meta.phase"), form=form, mappings_dirs=mappings_dirs
    )
    pep["meta"]["authority"] = target.authority
    data = load_pep(pep)
    problems: list[Problem] = []
    document = get_engine(target.kind).fill(target, _form_values(data, target, problems))
    placed = mapped_paths(target)
    unplaced = [
        path
        for path in _unique(_value_paths(data))
        if path not in placed and path not in _IMPLIED_BY_FORM
    ]
    unplaced.extend(f"{problem.path} ({problem.message})" for problem in problems)
    report = TranslationReport(
        extraction=extraction.report,
        target_authority=target.authority,
        target_form=target.form,
        unplaced=unplaced,
        empty_in_source=[
            entry.path for entry in extraction.report.fields if entry.status in ("empty", "missing")
        ],
    )
    return document, report


def translate_file(
    source: str | os.PathLike[str],
    from_authority: str | os.PathLike[str] | FormSpec | None,
    to_authority: str | os.PathLike[str] | FormSpec,
    out_path: str | os.PathLike[str],
    form: str | None = None,
    *,
    source_form: str | None = None,
    report_path: str | os.PathLike[str] | None = None,
    force: bool = False,
    mappings_dirs: MappingsDirs = (),
) -> TranslationReport:
    """:func:`translate` a document and write B's form (and the report JSON) atomically."""
    _refuse_existing(out_path, report_path, force=force)
    document, report = translate(
        source,
        from_authority,
        to_authority,
        form,
        source_form=source_form,
        mappings_dirs=mappings_dirs,
    )
    write_atomic(out_path, document, force=force)
    if report_path is not None:
        _write_json(report_path, report.to_dict(), force=force)
    return report
