"""Fill direction: a PEP's values as one form holds them, field by field.

Each mapped field's model value goes through the field's transform (dates as the form
writes them, codes as the form's option labels, joins into one box); the engine then writes
those form values without knowing the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pepdocs.errors import Problem, TransformError
from pepdocs.formats import get_engine
from pepdocs.mapping.spec import ColumnSpec, FieldSpec, FormSpec, FormValue
from pepdocs.model.paths import get_path

__all__ = ["field_value", "fill_form", "form_values"]


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
    *,
    document_id: str | None = None,
) -> bytes:
    """``form`` filled from a loaded (validated) PEP by the engine registered for its kind.

    ``problems`` as in :func:`form_values`. The PEP is not validated again: callers load it
    once (``load_pep``) and may fill many forms from it. ``document_id`` is written into the
    form where its engine keeps one (:func:`pepdocs.binding.read_document_id` reads it back
    from the returned form).
    """
    data = get_engine(form.kind).fill(form, form_values(pep, form, problems))
    if document_id is not None:
        from pepdocs.binding.docid import write_document_id

        data = write_document_id(form.kind, data, document_id)
    return data
