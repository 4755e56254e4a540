"""Mapping files: one YAML file per authority form, tying model paths to anchors on the form.

Public names (docs/mappings.md is the reference for the file format):

- :func:`load_mapping` reads and checks one file into a :class:`FormSpec`;
- :func:`resolve_form` / :func:`list_authorities` find forms by authority and phase;
- :func:`make_transform` and the :class:`Transform` classes convert values both ways;
- :func:`parse_uk_date` / :func:`format_date` are the strict UK date reader and writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pepdocs._lazy import lazy_exports

if TYPE_CHECKING:
    from pepdocs.mapping.dates import format_date, parse_uk_date
    from pepdocs.mapping.loader import load_mapping
    from pepdocs.mapping.registry import (
        ENV_VAR,
        Authority,
        FormSummary,
        clear_cache,
        list_authorities,
        load_form,
        mapping_dirs,
        resolve_form,
    )
    from pepdocs.mapping.spec import (
        Anchor,
        ColumnSpec,
        FieldSpec,
        FillNote,
        FormSpec,
        FormValue,
    )
    from pepdocs.mapping.transforms import (
        BoolTransform,
        ChoiceTransform,
        DateTransform,
        DecimalTransform,
        IntTransform,
        JoinTransform,
        ListTransform,
        MoneyTransform,
        PercentTransform,
        RowsTransform,
        TextTransform,
        Transform,
        TransformConfigError,
        make_transform,
    )

#: public name -> the module that defines it (imported on first use)
_LAZY: dict[str, str] = {
    "format_date": "pepdocs.mapping.dates",
    "parse_uk_date": "pepdocs.mapping.dates",
    "load_mapping": "pepdocs.mapping.loader",
    "ENV_VAR": "pepdocs.mapping.registry",
    "Authority": "pepdocs.mapping.registry",
    "FormSummary": "pepdocs.mapping.registry",
    "clear_cache": "pepdocs.mapping.registry",
    "list_authorities": "pepdocs.mapping.registry",
    "load_form": "pepdocs.mapping.registry",
    "mapping_dirs": "pepdocs.mapping.registry",
    "resolve_form": "pepdocs.mapping.registry",
    "Anchor": "pepdocs.mapping.spec",
    "ColumnSpec": "pepdocs.mapping.spec",
    "FieldSpec": "pepdocs.mapping.spec",
    "FillNote": "pepdocs.mapping.spec",
    "FormSpec": "pepdocs.mapping.spec",
    "FormValue": "pepdocs.mapping.spec",
    "BoolTransform": "pepdocs.mapping.transforms",
    "ChoiceTransform": "pepdocs.mapping.transforms",
    "DateTransform": "pepdocs.mapping.transforms",
    "DecimalTransform": "pepdocs.mapping.transforms",
    "IntTransform": "pepdocs.mapping.transforms",
    "JoinTransform": "pepdocs.mapping.transforms",
    "ListTransform": "pepdocs.mapping.transforms",
    "MoneyTransform": "pepdocs.mapping.transforms",
    "PercentTransform": "pepdocs.mapping.transforms",
    "RowsTransform": "pepdocs.mapping.transforms",
    "TextTransform": "pepdocs.mapping.transforms",
    "Transform": "pepdocs.mapping.transforms",
    "TransformConfigError": "pepdocs.mapping.transforms",
    "make_transform": "pepdocs.mapping.transforms",
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "ENV_VAR",
    "Anchor",
    "Authority",
    "BoolTransform",
    "ChoiceTransform",
    "ColumnSpec",
    "DateTransform",
    "DecimalTransform",
    "FieldSpec",
    "FillNote",
    "FormSpec",
    "FormSummary",
    "FormValue",
    "IntTransform",
    "JoinTransform",
    "ListTransform",
    "MoneyTransform",
    "PercentTransform",
    "RowsTransform",
    "TextTransform",
    "Transform",
    "TransformConfigError",
    "clear_cache",
    "format_date",
    "list_authorities",
    "load_form",
    "load_mapping",
    "make_transform",
    "mapping_dirs",
    "parse_uk_date",
    "resolve_form",
]
