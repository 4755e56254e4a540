"""Anchor shapes of mapping files (``at:``/``also:``) and their normal form, :class:`Anchor`.

Every YAML shape becomes ``Anchor(kind, key, options, line)``; ``key`` is the one string a
person would search the form for (docs/mappings.md, "Anchors", lists each shape):

==============  =======================================  ==========================================
kind            key                                      options
==============  =======================================  ==========================================
control         tag (else alias)                         ``tag``, ``alias`` when given as a mapping
legacy          form field name (``Text12``)             -
bookmark        bookmark name                            -
label           the label text                           ``direction``, ``section``, ``occurrence``,
                                                         ``sheet`` (xlsx), ``page`` (pdf)
checkbox        the label beside the box                 ``section``, ``occurrence``
checkboxes      option labels joined with `` | ``       ``options`` {key: label (pdf: field name)},
                                                         ``section``
table           header cells joined with `` | ``        ``header`` (tuple), ``section``,
                                                         ``occurrence``, ``sheet`` (xlsx),
                                                         ``rows`` (pdf: field names per row)
records         the first line's label (``Target``)      ``section``, ``printed`` (the column the
                                                         words printed around the start label give)
heading         the heading text                         ``occurrence``, ``level``
cell (docx)     ``table 3 row 2 col 1``                  ``table``, ``row``, ``col`` (1-based ints)
cell (xlsx)     ``Sheet1!B4`` as written                 ``sheet`` (None: first sheet), ``ref``
name            the defined name                         -
field, radio    the PDF field's full name                ``states`` {code: on-state} for radio
==============  =======================================  ==========================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pepdocs.mapping._suggest import did_you_mean
from pepdocs.mapping.spec import Anchor

#: Anchor kinds each form kind understands, in the order the docs list them.
ANCHOR_KINDS: dict[str, tuple[str, ...]] = {
    "docx": (
        "control",
        "legacy",
        "bookmark",
        "label",
        "checkbox",
        "checkboxes",
        "table",
        "records",
        "people",
        "heading",
        "cell",
    ),
    "xlsx": ("cell", "name", "label", "table"),
    "pdf": ("field", "radio", "checkboxes", "table", "label"),
}
ALL_ANCHOR_KINDS = tuple(dict.fromkeys(kind for kinds in ANCHOR_KINDS.values() for kind in kinds))

#: What a field's form value looks like through each anchor kind (spec.FormValue):
#: text, a checkbox state, the ticked keys of a group, or table rows.
VALUE_SHAPE: dict[str, str] = {
    "checkbox": "bool",
    "checkboxes": "keys",
    "table": "rows",
    "records": "rows",
    "people": "rows",
}

_LABEL_OPTIONS: dict[str, dict[str, tuple[str, ...] | type]] = {
    "docx": {"direction": ("right", "below", "after"), "section": str, "occurrence": int},
    "xlsx": {"direction": ("right", "below"), "sheet": str, "occurrence": int},
    "pdf": {"direction": ("right", "below", "after"), "page": int, "occurrence": int},
}
_CELL_REF = re.compile(
    r"(?:(?:'(?P<quoted>(?:[^']|'')+)'|(?P<sheet>[^!'\s][^!]*))!)?\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d+)"
)


class AnchorError(ValueError):
    """An anchor is malformed; ``line`` is the YAML line (1-based) to point at."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _line_of(node: Any, key: Any, default: int) -> int:
    lc = getattr(node, "lc", None)
    if lc is None:
        return default
    try:
        return int(lc.key(key)[0]) + 1
    except (KeyError, TypeError, AttributeError):
        return default


def _text(value: Any, what: str, line: int) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise AnchorError(f"{what} must be non-empty text", line)
    return str(value)


def _options(
    node: Mapping[str, Any],
    allowed: Mapping[str, tuple[str, ...] | type],
    kind: str,
    line: int,
) -> dict[str, Any]:
    """Check a mapping's optional keys against ``allowed`` (a type, or a tuple of choices)."""
    found: dict[str, Any] = {}
    for name, value in node.items():
        where = _line_of(node, name, line)
        rule = allowed.get(name)
        if rule is None:
            raise AnchorError(
                f"{kind} anchor has no option {name!r}.{did_you_mean(str(name), allowed)} "
                f"(options: {', '.join(allowed)})",
                where,
            )
        if isinstance(rule, tuple):
            if value not in rule:
                raise AnchorError(f"{kind} anchor: {name} must be one of {', '.join(rule)}", where)
        elif rule is int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise AnchorError(f"{kind} anchor: {name} must be a whole number from 1", where)
        elif rule is str:
            value = _text(value, f"{kind} anchor: {name}", where)
        elif rule is list:
            if not isinstance(value, list) or not value:
                raise AnchorError(f"{kind} anchor: {name} must be a list of texts", where)
            value = tuple(_text(item, f"{kind} anchor: {name}", where) for item in value)
        elif rule is bool:
            if not isinstance(value, bool):
                raise AnchorError(f"{kind} anchor: {name} must be true or false", where)
        elif rule is dict:
            if not isinstance(value, Mapping) or not value:
                raise AnchorError(f"{kind} anchor: {name} must be a mapping", where)
            value = {_key(k): _text(v, f"{kind} anchor: {name}", where) for k, v in value.items()}
        found[str(name)] = value
    return found


def _key(key: Any) -> str:
    """Option keys as text: YAML's ``true:``/``false:`` become ``"true"``/``"false"``."""
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def parse_anchor(node: Any, form_kind: str, line: int) -> Anchor:
    """Normalise one ``at:``/``also:`` mapping (``{label: "Date of birth"}``) to an Anchor.

    ``line`` is where the mapping starts; errors point at the line of the part at fault.
    """
    if not isinstance(node, Mapping) or len(node) != 1:
        kinds = ", ".join(ANCHOR_KINDS.get(form_kind, ALL_ANCHOR_KINDS))
        raise AnchorError(
            f'an anchor is a mapping with one key, the anchor kind, e.g. {{label: "Date of '
            f'birth"}} (kinds for {form_kind}: {kinds})',
            line,
        )
    ((kind, value),) = node.items()
    kind = str(kind)
    line = _line_of(node, kind, line)
    allowed = ANCHOR_KINDS[form_kind]
    if kind not in allowed:
        hint = did_you_mean(kind, allowed, cutoff=60)
        other = [form for form, kinds in ANCHOR_KINDS.items() if kind in kinds]
        elsewhere = f" ({kind} anchors are for {', '.join(other)} forms)" if other else ""
        raise AnchorError(
            f"unknown anchor kind {kind!r} for a {form_kind} form{elsewhere}.{hint} "
            f"(kinds: {', '.join(allowed)})",
            line,
        )
    key, options = _PARSERS[kind](value, form_kind, line)
    return Anchor(kind, key, options, line)


_Parsed = tuple[str, dict[str, Any]]


def _simple(name_key: str) -> Any:
    def parse(value: Any, form_kind: str, line: int) -> _Parsed:
        if isinstance(value, Mapping):
            options = _options(value, {name_key: str}, "this", line)
            if name_key not in options:
                raise AnchorError(f"this anchor needs {name_key}", line)
            return options[name_key], {}
        return _text(value, "the anchor's name", line), {}

    return parse


def _control(value: Any, form_kind: str, line: int) -> _Parsed:
    if isinstance(value, Mapping):
        options = _options(value, {"tag": str, "alias": str}, "control", line)
        if not options:
            raise AnchorError("control anchor needs tag or alias (or both)", line)
        return options.get("tag") or options["alias"], options
    # A bare name matches a control's tag first, then its alias: some editors drop tags when
    # they re-save (docs/word-engine.md).
    return _text(value, "control anchor: tag", line), {}


def _label(value: Any, form_kind: str, line: int) -> _Parsed:
    if isinstance(value, Mapping):
        allowed = {"text": str, **_LABEL_OPTIONS[form_kind]}
        options = _options(value, allowed, "label", line)
        if "text" not in options:
            raise AnchorError('label anchor needs text, e.g. {text: "Date of birth"}', line)
        return options.pop("text"), options
    return _text(value, "label anchor: text", line), {}


def _checkbox(value: Any, form_kind: str, line: int) -> _Parsed:
    if isinstance(value, Mapping):
        options = _options(
            value, {"text": str, "section": str, "occurrence": int}, "checkbox", line
        )
        if "text" not in options:
            raise AnchorError("checkbox anchor needs text: the label beside the box", line)
        return options.pop("text"), options
    return _text(value, "checkbox anchor: label", line), {}


def _checkboxes(value: Any, form_kind: str, line: int) -> _Parsed:
    if not isinstance(value, Mapping) or not value:
        raise AnchorError(
            'checkboxes anchor maps each option to its label, e.g. {E: "EHCP", K: "SEN Support"}',
            line,
        )
    extended = "options" in value and isinstance(value["options"], Mapping)
    if extended:
        options = _options(value, {"options": dict, "section": str}, "checkboxes", line)
    else:
        options = {
            "options": {
                _key(key): _text(
                    label, "checkboxes anchor: an option's label", _line_of(value, key, line)
                )
                for key, label in value.items()
            }
        }
    choices: dict[str, str] = options["options"]
    if len(choices) < 2:
        raise AnchorError("checkboxes anchor needs two or more options", line)
    return " | ".join(choices.values()), options


def _table(value: Any, form_kind: str, line: int) -> _Parsed:
    if isinstance(value, list):
        value = {"header": value}
    if not isinstance(value, Mapping):
        raise AnchorError(
            'table anchor needs the header row, e.g. {header: ["Target", "Lead person"]}', line
        )
    allowed: dict[str, tuple[str, ...] | type] = {
        "header": list,
        "section": str,
        "occurrence": int,
        "transposed": bool,
    }
    if form_kind == "xlsx":
        allowed = {"header": list, "sheet": str, "occurrence": int}
    if form_kind == "pdf":
        return _field_table(value, line)
    options = _options(value, allowed, "table", line)
    if "header" not in options:
        raise AnchorError('table anchor needs header, e.g. {header: ["Target", "Lead"]}', line)
    return " | ".join(options["header"]), options


def _field_table(value: Mapping[str, Any], line: int) -> _Parsed:
    """A PDF table made of fields: the printed ``header`` of each column and, per printed
    row, the name of the field in each column (``null`` where a row has no field there)."""
    example = 'e.g. {header: ["Target", "By when"], rows: [[Text12, Text13], [Text14, Text15]]}'
    rows_value = value.get("rows")
    options = _options(
        {key: item for key, item in value.items() if key != "rows"},
        {"header": list},
        "table",
        line,
    )
    if "header" not in options or rows_value is None:
        raise AnchorError(
            f"a PDF table anchor needs header and rows (the field names of each row), {example}",
            line,
        )
    header: tuple[str, ...] = options["header"]
    if len({" ".join(text.split()).casefold() for text in header}) != len(header):
        raise AnchorError(
            "table anchor: each header must name one column (a header repeats)",
            _line_of(value, "header", line),
        )
    where = _line_of(value, "rows", line)
    if not isinstance(rows_value, list) or not rows_value:
        raise AnchorError(f"table anchor: rows is a list of rows, {example}", where)
    rows: list[tuple[str | None, ...]] = []
    names: set[str] = set()
    for number, row in enumerate(rows_value, start=1):
        row_line = _line_of(rows_value, number - 1, where)
        if not isinstance(row, list) or len(row) != len(header):
            raise AnchorError(
                f"table anchor: row {number} must list {len(header)} field names, one under "
                "each header (null where the row has no field)",
                row_line,
            )
        cells: list[str | None] = []
        for item in row:
            if item is None:
                cells.append(None)
                continue
            name = _text(item, f"table anchor: row {number}: a field name", row_line)
            if name in names:
                raise AnchorError(f"table anchor: field {name!r} is in the table twice", row_line)
            names.add(name)
            cells.append(name)
        if all(cell is None for cell in cells):
            raise AnchorError(f"table anchor: row {number} names no field", row_line)
        rows.append(tuple(cells))
    options["rows"] = tuple(rows)
    return " | ".join(header), options


def _records(value: Any, form_kind: str, line: int) -> _Parsed:
    if isinstance(value, Mapping):
        options = _options(value, {"start": str, "section": str, "printed": str}, "records", line)
        if "start" not in options:
            raise AnchorError('records anchor needs start, e.g. {start: "Target"}', line)
        return options.pop("start"), options
    return _text(value, "records anchor: start", line), {}


def _people(value: Any, form_kind: str, line: int) -> _Parsed:
    """``{lines: {"Present": {Attended: "Yes"}, "Apologies": {Attended: "No"}}}``: people
    listed after each label, what each line says of them, and the columns of their name and
    role (``name``, ``role``: headers, "Name" and "Role" unless given)."""
    example = '{people: {lines: {"Present": {Attended: "Yes"}}}}'
    if not isinstance(value, Mapping):
        raise AnchorError(f"a people anchor is {example}", line)
    for key in value:
        if key not in ("lines", "name", "role"):
            raise AnchorError(
                f"people anchor has no option {key!r}."
                f"{did_you_mean(str(key), ('lines', 'name', 'role'))} (options: lines, name, role)",
                _line_of(value, key, line),
            )
    lines = value.get("lines")
    rest = {key: item for key, item in value.items() if key != "lines"}
    options = _options(rest, {"name": str, "role": str}, "people", line)
    where = _line_of(value, "lines", line)
    if not isinstance(lines, Mapping) or not lines:
        raise AnchorError(f"people anchor needs lines, e.g. {example}", where)
    parsed: dict[str, dict[str, str]] = {}
    for label, says in lines.items():
        text = _text(label, "people anchor: a line's label", where)
        if says is None:
            says = {}
        if not isinstance(says, Mapping):
            raise AnchorError(
                f"people anchor: line {text!r} maps column headers to what the line says "
                '({Attended: "Yes"})',
                where,
            )
        parsed[text] = {
            _text(k, "people anchor: a column header", where): _text(
                v, "people anchor: a column's value", where
            )
            for k, v in says.items()
        }
    options["lines"] = parsed
    options.setdefault("name", "Name")
    options.setdefault("role", "Role")
    return next(iter(parsed)), options


def _heading(value: Any, form_kind: str, line: int) -> _Parsed:
    if isinstance(value, Mapping):
        options = _options(value, {"text": str, "level": int, "occurrence": int}, "heading", line)
        if "text" not in options:
            raise AnchorError("heading anchor needs text", line)
        return options.pop("text"), options
    return _text(value, "heading anchor: text", line), {}


def _cell(value: Any, form_kind: str, line: int) -> _Parsed:
    if form_kind == "docx":
        if not isinstance(value, Mapping):
            raise AnchorError(
                "a Word cell anchor is {table: 3, row: 2, col: 1} (counting from 1)", line
            )
        options = _options(value, {"table": int, "row": int, "col": int}, "cell", line)
        missing = [name for name in ("table", "row", "col") if name not in options]
        if missing:
            raise AnchorError(f"cell anchor needs {', '.join(missing)} (counting from 1)", line)
        return f"table {options['table']} row {options['row']} col {options['col']}", options
    text = _text(value, "cell anchor", line).strip()
    match = _CELL_REF.fullmatch(text)
    if not match or int(match.group("row")) < 1:
        raise AnchorError(
            "an Excel cell anchor is a reference like B4 or Sheet1!B4 ('My sheet'!B4)", line
        )
    sheet = match.group("quoted")
    sheet = sheet.replace("''", "'") if sheet else match.group("sheet")
    ref = f"{match.group('col').upper()}{match.group('row')}"
    return text, {"sheet": sheet, "ref": ref}


def _radio(value: Any, form_kind: str, line: int) -> _Parsed:
    if isinstance(value, Mapping):
        options = _options(value, {"name": str, "states": dict}, "radio", line)
        if "name" not in options:
            raise AnchorError("radio anchor needs name: the PDF field's full name", line)
        return options.pop("name"), options
    return _text(value, "radio anchor: field name", line), {}


_PARSERS: dict[str, Any] = {
    "control": _control,
    "legacy": _simple("name"),
    "bookmark": _simple("name"),
    "label": _label,
    "checkbox": _checkbox,
    "checkboxes": _checkboxes,
    "table": _table,
    "records": _records,
    "people": _people,
    "heading": _heading,
    "cell": _cell,
    "name": _simple("name"),
    "field": _simple("name"),
    "radio": _radio,
}
