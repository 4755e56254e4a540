"""Fill direction: a PEP's values as one form holds them, field by field.

Each mapped field's model value goes through the field's transform (dates as the form
writes them, codes as the form's option labels, joins into one box); the engine then writes
those form values without knowing the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pepdocs.binding.unplaced import unplaced_values
from pepdocs.errors import Problem, TransformError, UnplacedValuesError
from pepdocs.formats import get_engine
from pepdocs.mapping.spec import ColumnSpec, FieldSpec, FillNote, FormSpec, FormValue
from pepdocs.model.paths import get_path
from pepdocs.report import FillReport

__all__ = ["field_value", "fill_form", "fill_with_report", "form_values"]


def _cell(value: FormValue, column: ColumnSpec) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise TransformError(f"column {column.header!r} does not write text")


def field_value(pep: Mapping[str, Any], spec: FieldSpec) -> FormValue:
    """The form value of one field, or None to leave the form's blank as it is.

    A repeating section gives its rows (column header -> text); a join gives the one text
    its parts make. Raises :class:`TransformError` when the value has no place on the form.
    """
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
    if spec.item:
        section, field = spec.item_of
        items = get_path(pep, section) or []
        item = spec.item_in(items)
        value = get_path(item, field) if item is not None else None
    else:
        value = get_path(pep, spec.paths[0])
    if value is None:
        return None
    return spec.transform.to_form(value)


def form_values(
    pep: Mapping[str, Any], form: FormSpec, problems: list[Problem] | None = None
) -> list[tuple[FieldSpec, FormValue]]:
    """The (field, form value) pairs an engine fills ``form`` with, from a loaded PEP.

    Fields without a value give ``None`` (leave the blank); an empty list gives ``[]``.
    A value with no place on the form (e.g. a code the form's option list lacks) raises
    :class:`TransformError` naming the mapping line and path, or, when ``problems`` is a
    list, is added to it and left blank (a translation reports what it could not place).
    """
    values: list[tuple[FieldSpec, FormValue]] = []
    for spec in form.fields:
        if not spec.fill:
            continue
        try:
            value = field_value(pep, spec)
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


def fill_form(
    pep: Mapping[str, Any],
    form: FormSpec,
    problems: list[Problem] | None = None,
    notes: list[FillNote] | None = None,
    *,
    document_id: str | None = None,
) -> bytes:
    """``form`` filled from a loaded (validated) PEP by the engine registered for its kind.

    ``problems`` as in :func:`form_values`; ``notes`` gets a :class:`FillNote` for each
    value the engine had to make room for. The PEP is not validated again: callers load it
    once (``load_pep``) and may fill many forms from it. ``document_id`` is written into the
    form where its engine keeps one (:func:`pepdocs.binding.read_document_id` reads it back
    from the returned form).
    """
    data = get_engine(form.kind).fill(form, form_values(pep, form, problems), notes=notes)
    return _with_document_id(form, data, document_id)


def _with_document_id(form: FormSpec, data: bytes, document_id: str | None) -> bytes:
    if document_id is None:
        return data
    from pepdocs.binding.docid import write_document_id

    return write_document_id(form.kind, data, document_id)


def fill_with_report(
    pep: Mapping[str, Any],
    form: FormSpec,
    *,
    strict: bool = False,
    where: str = "",
    flatten: bool = False,
    document_id: str | None = None,
) -> tuple[bytes, FillReport]:
    """``form`` filled from a loaded PEP, and the report of what it left out or had to fit.

    A value the form has no place for (no box for its path, or a code its options lack) is
    left out and listed in ``FillReport.unplaced``; with ``strict`` nothing is filled and
    :class:`UnplacedValuesError` (naming ``where``, the PEP's file) lists the paths instead.
    ``flatten`` (PDF forms) draws the values into the pages and removes the fields;
    ``document_id`` as for :func:`fill_form`.
    """
    problems: list[Problem] = []
    values = form_values(pep, form, problems)
    unplaced = unplaced_values(pep, form, problems)
    if strict and unplaced:
        raise UnplacedValuesError(where, form.label, [item.path for item in unplaced])
    notes: list[FillNote] = []
    if flatten:
        # Flattening is the PDF engine's own option, beyond what every engine offers.
        from pepdocs.formats import pdf as pdf_engine

        document = pdf_engine.fill(form, values, flatten=True, notes=notes)
    else:
        document = get_engine(form.kind).fill(form, values, notes=notes)
    document = _with_document_id(form, document, document_id)
    return document, FillReport(form.authority, form.form, unplaced, notes)
