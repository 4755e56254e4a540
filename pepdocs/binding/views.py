"""What a form can hold of a PEP: the paths it maps, and the PEP seen through them.

A round trip is judged on these views: a form cannot tell an absent value from an empty
one, so ``mapped_view(extract(fill(pep)))`` equals ``mapped_view(pep)`` is the promise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pepdocs.formats.word.people import as_listed
from pepdocs.mapping.spec import FormSpec
from pepdocs.model.paths import get_path

__all__ = ["mapped_paths", "mapped_view"]


def mapped_paths(form: FormSpec) -> set[str]:
    """The model paths ``form`` holds; columns of a repeating section as ``targets.*.lead``."""
    paths: set[str] = set()
    for spec in form.fields:
        if spec.repeating:
            paths.update(f"{spec.paths[0]}.*.{column.path}" for column in spec.columns)
        elif spec.item:
            section, field = spec.item_of
            paths.update(f"{section}.*.{name}" for name in (field, *(p for p, _ in spec.item)))
        else:
            paths.update(spec.paths)
    return paths


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
            rows = [
                {column.path: get_path(item, column.path) for column in spec.columns}
                for item in items
            ]
            if spec.anchor.kind == "people":
                # people listed on lines of a minute: the lines say who attended
                headers = {column.header: column.path for column in spec.columns}
                rows = as_listed(rows, spec.anchor, headers)
            view[spec.paths[0]] = rows
        elif spec.item:
            section, field = spec.item_of
            item = spec.item_in(get_path(pep, section))
            view[spec.path] = get_path(item, field) if item is not None else None
        else:
            for path in spec.paths:
                view[path] = get_path(pep, path)
    return view
