"""Mapping files: one YAML file per authority form, tying model paths to anchors on the form.

Public names (docs/mappings.md is the reference for the file format):

- :func:`load_mapping` reads and checks one file into a :class:`FormSpec`;
- :func:`resolve_form` / :func:`list_authorities` find forms by authority and phase;
- :func:`make_transform` and the :class:`Transform` classes convert values both ways;
- :func:`parse_uk_date` / :func:`format_date` are the strict UK date reader and writer.
"""

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
from pepdocs.mapping.spec import Anchor, ColumnSpec, FieldSpec, FormSpec, FormValue
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
