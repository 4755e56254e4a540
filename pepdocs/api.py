"""The library verbs: fill a form from a PEP, extract a PEP from a form, translate between forms.

The verbs take what people have (an authority's name, a file path, a document that may be any
of an authority's forms) and settle which form is meant: the mapping registry resolves names,
recognition tells which form a document is. The conversion itself, PEP <-> form values
through the mapping and the engine for the form's kind, is the binding layer's
(``pepdocs.binding``); outputs are written here, atomically. Round trip is the promise:
``extract(fill(pep)).pep`` equals ``pep`` on every field the form maps.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pepdocs._io import write_atomic
from pepdocs.binding import Extraction, extract_form, fill_form, unplaced_values
from pepdocs.binding import fill_with_report as fill_with_report_of
from pepdocs.errors import (
    OutputExistsError,
    PepdocsError,
    Problem,
    UsageError,
)
from pepdocs.formats import OpenedDocument, open_document
from pepdocs.mapping.registry import FormSummary, list_authorities, resolve_form
from pepdocs.mapping.spec import FormSpec
from pepdocs.model import dump_pep, load_pep, load_pep_file
from pepdocs.model.paths import get_path
from pepdocs.report import FillReport, TranslationReport
from pepdocs.safety.package import read_input

__all__ = [
    "Extraction",
    "extract",
    "extract_file",
    "extract_with_form",
    "fill",
    "fill_file",
    "fill_with_report",
    "translate",
    "translate_file",
]

Source = bytes | str | os.PathLike[str]
MappingsDirs = Sequence[str | os.PathLike[str]]

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


# -- fill ---------------------------------------------------------------------------------------


def _check_flatten(spec: FormSpec, flatten: bool) -> None:
    if flatten and spec.kind != "pdf":
        raise UsageError(
            f"{spec.source}: --flatten is for PDF forms; a {spec.kind} form has no fields to "
            "flatten (use --pdf for a PDF copy)"
        )


def fill_with_report(
    pep: Mapping[str, Any],
    authority: str | os.PathLike[str] | FormSpec,
    form: str | None = None,
    *,
    mappings_dirs: MappingsDirs = (),
    flatten: bool = False,
    strict: bool = False,
) -> tuple[bytes, FillReport]:
    """:func:`fill`, and the report of what the form has no place for and what needed more
    room (``FillReport.unplaced``, ``FillReport.overflow``)."""
    data = load_pep(pep)
    spec = _resolve(
        authority, phase=get_path(data, "meta.phase"), form=form, mappings_dirs=mappings_dirs
    )
    _check_flatten(spec, flatten)
    return fill_with_report_of(data, spec, strict=strict, flatten=flatten)


def fill(
    pep: Mapping[str, Any],
    authority: str | os.PathLike[str] | FormSpec,
    form: str | None = None,
    *,
    mappings_dirs: MappingsDirs = (),
    flatten: bool = False,
    strict: bool = False,
) -> bytes:
    """Fill an authority's form from a PEP; returns the document's bytes.

    ``authority`` is a name (``northshire``), a mapping file's path or a loaded
    :class:`FormSpec`. The form is the one for the PEP's ``meta.phase`` unless ``form`` names
    another. The PEP is validated first (:class:`PepValidationError` lists every problem).
    ``flatten`` (PDF forms only; :class:`UsageError` otherwise) draws the values into the
    pages and removes every field, so the PDF can no longer be edited. Values the form has
    no place for are left out (:func:`fill_with_report` lists them); with ``strict`` they
    are an :class:`UnplacedValuesError` instead.
    """
    document, _ = fill_with_report(
        pep, authority, form, mappings_dirs=mappings_dirs, flatten=flatten, strict=strict
    )
    return document


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
    strict: bool = False,
) -> FillReport:
    """Read a PEP JSON file, fill the form and write it atomically to ``out_path``.

    ``out_path`` must end in the form's kind (``.docx``, ``.xlsx``, ``.pdf``). ``pdf`` also
    writes a PDF copy of a Word or Excel form beside it (``out_path`` with ``.pdf``) through
    LibreOffice: prompts left blank, tagged for screen readers; ``flatten`` gives a
    non-editable PDF form (see :func:`fill`). Existing outputs (the PDF copy too) are kept
    (:class:`OutputExistsError`) unless ``force``, checked before anything is written. With
    ``strict``, a PEP holding values the form has no place for writes nothing
    (:class:`UnplacedValuesError`). Returns the :class:`FillReport`, whose ``output`` (and
    ``pdf``) are the files written.
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
    document, report = fill_with_report_of(
        data, spec, strict=strict, flatten=flatten, where=os.fspath(pep_path)
    )
    report.output = write_atomic(out, document, force=force)
    if pdf:
        report.pdf = _convert_to_pdf(report.output, force=force)
    return report


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


def _open_source(source: Source | OpenedDocument, name: str | None) -> OpenedDocument:
    """The document to read, opened once: recognition, the document id and the reading all
    reuse what is parsed of it."""
    if isinstance(source, OpenedDocument):
        return source
    if isinstance(source, bytes | bytearray):
        return open_document(bytes(source), name or "<document>")
    return open_document(read_input(source), name or os.fspath(source))


def extract(
    source: Source | OpenedDocument,
    authority: str | os.PathLike[str] | FormSpec | None = None,
    form: str | None = None,
    *,
    mappings_dirs: MappingsDirs = (),
    name: str | None = None,
) -> Extraction:
    """Read a completed form back into a PEP, with a report on every mapped field.

    ``source`` is a path or the document's bytes (``name`` then labels it in messages), or
    the document opened once (:func:`pepdocs.formats.open_document`), which is parsed once
    however the form is told.
    Without ``authority`` (or with an authority that has several forms and no ``form``) the
    form is recognised from the document (:func:`pepdocs.recognition.recognise`: a known
    form, a known form printed to PDF, or, with no authority, an unknown form read with a
    mapping inferred from it), and the report says which. Values the form holds but the
    model refuses, and text a transform cannot read, are reported (``invalid``,
    ``unparseable``) and kept as typed in the PEP's ``unresolved`` list.
    """
    return extract_with_form(
        source, authority, form, mappings_dirs=mappings_dirs, name=name
    )[0]


def extract_with_form(
    source: Source | OpenedDocument,
    authority: str | os.PathLike[str] | FormSpec | None = None,
    form: str | None = None,
    *,
    mappings_dirs: MappingsDirs = (),
    name: str | None = None,
) -> tuple[Extraction, FormSpec]:
    """:func:`extract`, and the form it was read as (a known form, or the mapping inferred
    from the document): for callers that go on to compare what the form maps
    (``binding.mapped_view``), as ``collect`` does."""
    data = _open_source(source, name)
    label = data.name
    if isinstance(authority, FormSpec):
        spec = _resolve(authority, form=form)
        return extract_form(data, spec, label), spec
    if authority is not None and (form is not None or _single_form(authority, mappings_dirs)):
        spec = _resolve(authority, form=form, mappings_dirs=mappings_dirs)
        return extract_form(data, spec, label), spec
    # Deferred: recognition loads every engine's reader and the lexicon; a known form need
    # not pay for them (nor ``import pepdocs``).
    from pepdocs.recognition import INFERRED_AUTHORITY, INFERRED_CONFIDENCE, recognise

    found = recognise(data, label, authority=authority, form=form, mappings_dirs=mappings_dirs)
    extraction = extract_form(data, found.form, label)
    report = extraction.report
    report.notes[:0] = found.notes
    report.detected = True
    if found.inferred:
        report.inferred = True
        report.authority = INFERRED_AUTHORITY
        report.confidence = min(report.confidence, INFERRED_CONFIDENCE)
        meta = extraction.pep.get("meta")
        if isinstance(meta, dict) and meta.get("authority") == INFERRED_AUTHORITY:
            del meta["authority"]
    else:
        report.confidence *= found.score
    return extraction, found.form


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


def translate(
    source: Source | OpenedDocument,
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
    document = fill_form(data, target, problems)
    unplaced = [
        f"{item.path} ({item.reason})" if item.reason else item.path
        for item in unplaced_values(data, target, problems)
    ]
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
