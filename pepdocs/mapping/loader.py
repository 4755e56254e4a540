"""Load a mapping file (YAML) into a :class:`~pepdocs.mapping.spec.FormSpec`.

Every problem is a :class:`~pepdocs.errors.MappingError` naming ``file:line`` and the fix.
The loader checks the whole file and raises the first problem found; the exception's
``problems`` attribute lists all of them as ``(line, message)`` (marshmallow's lesson: say
everything at once). docs/mappings.md is the reference for every key checked here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent

from pepdocs._io import read_bounded
from pepdocs._resources import data_dir
from pepdocs.errors import DocumentError, MappingError, TransformError
from pepdocs.mapping._suggest import did_you_mean
from pepdocs.mapping.anchors import VALUE_SHAPE, AnchorError, parse_anchor
from pepdocs.mapping.spec import FORM_KINDS, Anchor, ColumnSpec, FieldSpec, FormKind, FormSpec
from pepdocs.mapping.transforms import (
    DEFAULT_TYPE,
    TYPE_NAMES,
    TYPES_FOR_KIND,
    ChoiceTransform,
    Transform,
    TransformConfigError,
    bool_word,
    make_transform,
    model_code_labels,
    normalise_label,
)
from pepdocs.model.catalog import FieldInfo, field_catalog
from pepdocs.model.phases import Phase, list_phases

#: Top-level keys and what each holds (the order docs/mappings.md follows).
TOP_LEVEL_KEYS: dict[str, str] = {
    "authority": "the authority's short name, lowercase (eastborough)",
    "name": "the authority's display name",
    "form": "the phase this form covers: early_years, school_age or post16",
    "phases": "further phases the same form is used for",
    "version": "the form's version, as the authority names it",
    "kind": "docx, xlsx or pdf",
    "template": "the blank form, relative to this file or in templates/<kind>/",
    "description": "free text",
    "fields": "the list of mapping entries",
    "engine": "engine options (owned by the engines)",
    "roster": "roster column mapping (owned by batch)",
    "rules": "compliance rules (owned by compliance)",
    "fingerprint": "how to recognise this form (owned by detection)",
}
REQUIRED_KEYS = ("authority", "form", "kind", "template", "fields")
#: Sections other modules own: stored in ``FormSpec.settings`` as plain data, unchecked here.
FREE_SECTIONS = ("engine", "roster", "rules", "fingerprint")

FIELD_KEYS = (
    "path",
    "at",
    "also",
    "type",
    "format",
    "values",
    "columns",
    "fill",
    "extract",
    "note",
    "confirm",
    "multiline",
    "separator",
    "pattern",
    "threshold",
    "key_columns",
    "negated",
    "each_row",
    "item",
)
COLUMN_KEYS = (
    "path",
    "header",
    "column",
    "ticked",
    "mark",
    "also_headers",
    "type",
    "format",
    "values",
    "multiline",
    "threshold",
    "note",
)
#: Which transform options make sense for which type (anything else is a mistake).
_OPTION_TYPES: dict[str, tuple[str, ...]] = {
    "format": ("date", "decimal", "money", "percent"),
    "values": ("choice", "bool"),
    "multiline": ("text",),
    "separator": ("join", "split", "list"),
    "pattern": ("join", "split"),
    "threshold": ("choice",),
    "negated": ("bool",),
}
_TEMPLATE_SUFFIXES = {"docx": ".docx", "xlsx": ".xlsx", "pdf": ".pdf"}
_KIND_WORDS = {
    "text": "text",
    "date": "a date",
    "int": "a whole number",
    "decimal": "a number",
    "money": "an amount of money",
    "percent": "a percentage",
    "bool": "yes/no",
    "choice": "a code",
    "list": "a repeating section",
    "object": "a section",
}


class _Stop(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def load_mapping(path: str | os.PathLike[str], *, require_template: bool = True) -> FormSpec:
    """Read and check one mapping file. ``require_template=False`` skips looking for the
    template file (for tools that only list or lint mappings)."""
    source = Path(path)
    document = parse_yaml(read_mapping_text(source), str(source))
    return load_parsed(source, document, require_template=require_template)


def load_parsed(
    path: str | os.PathLike[str], document: Any, *, require_template: bool = True
) -> FormSpec:
    """:func:`load_mapping` for a file already read by :func:`parse_yaml` (the registry reads
    a file's top to list it, and need not read it again to load it)."""
    return _Loader(Path(path), document, require_template).load()


#: a mapping file describes one form in a few hundred lines; megabytes are not a mapping
MAX_MAPPING_BYTES = 4 * 1024 * 1024
#: nesting of YAML collections a mapping may use (real ones go five or six deep); ruamel
#: builds a document recursively, so thousands of levels end in a RecursionError
MAX_YAML_DEPTH = 64


def read_mapping_text(path: str | os.PathLike[str]) -> str:
    """The text of a mapping file: a regular file (a named pipe would block), at most
    :data:`MAX_MAPPING_BYTES`, UTF-8; every failure one ``MappingError`` naming the file."""
    name = os.fspath(path)
    try:
        data = read_bounded(path, MAX_MAPPING_BYTES, too_big="not a mapping file")
    except DocumentError as problem:
        message = str(problem).removeprefix(f"{name}: ")
        if message == "no such file":
            message = "mapping file not found; check the path"
        raise MappingError(message, name) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MappingError("not UTF-8 text; save the mapping file as UTF-8", name) from None


def _refuse_anchors(yaml: YAML, text: str, file: str) -> None:
    """Stop at the first anchor (``&name``) or alias (``*name``), before anything is built.

    Aliases let a few lines stand for an exponential tree (YAML's "billion laughs"): ruamel
    builds it shared, but every walk over it (``_plain``, the checks) expands it and hangs.
    A mapping describes one form and has no need to repeat itself by reference, so the
    feature is refused outright rather than bounded. Walking the parser's events is linear
    in the text and builds nothing, so the nesting depth is checked here too, before the
    recursive composer could run out of stack (:data:`MAX_YAML_DEPTH`).
    """
    depth = 0
    for event in yaml.parse(text):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise MappingError(
                    f"nested more than {MAX_YAML_DEPTH} levels deep; a mapping needs a few",
                    file,
                    line,
                )
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            line = event.start_mark.line + 1 if event.start_mark else None
            raise MappingError(
                "anchors and aliases (&/*) are not allowed in mapping files; "
                "write the repeated part out in full",
                file,
                line,
            )


def parse_yaml(text: str, file: str) -> Any:
    """Round-trip YAML (keeps line numbers); any syntax error becomes one ``MappingError``,
    and so does an anchor or alias (:func:`_refuse_anchors`)."""
    yaml = YAML(typ="rt")
    try:
        _refuse_anchors(yaml, text, file)
        return yaml.load(text)
    except DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise MappingError(
            "invalid YAML: a key appears twice in the same mapping; keep one", file, line
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "syntax error"
        raise MappingError(
            f"invalid YAML: {problem}; check the indentation and quoting here or just above",
            file,
            line,
        ) from None
    except YAMLError as exc:
        raise MappingError(f"invalid YAML: {exc}", file) from None


def _line(node: Any, key: Any = None, default: int = 1) -> int:
    """1-based line of ``node[key]`` (or of the node itself) in the YAML file."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return default
    try:
        if key is None:
            return int(lc.line) + 1
        if isinstance(node, Sequence):
            return int(lc.item(key)[0]) + 1
        return int(lc.key(key)[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return default


def _plain(node: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (for ``settings``)."""
    if isinstance(node, Mapping):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(item) for item in node]
    return node


class _Loader:
    def __init__(self, source: Path, document: Any, require_template: bool) -> None:
        self.source = source
        self.file = str(source)
        self.document = document
        self.require_template = require_template
        self.catalog = field_catalog()
        self.problems: list[tuple[int, str]] = []
        self.warnings: list[str] = []
        #: path -> (line, extract) of the entry that maps it, for duplicate detection
        self.mapped: dict[str, tuple[int, bool]] = {}

    # -- problems ------------------------------------------------------------------------

    @contextmanager
    def _collect(self) -> Iterator[None]:
        try:
            yield
        except _Stop as stop:
            self.problems.append((stop.line, stop.message))

    def _raise_problems(self) -> None:
        if not self.problems:
            return
        line, message = self.problems[0]
        more = len(self.problems) - 1
        if more:
            lines = ", ".join(str(other) for other, _ in self.problems[1:6])
            message += f" (and {more} more: line{'s' if more > 1 else ''} {lines})"
        error = MappingError(message, self.file, line)
        error.problems = list(self.problems)  # type: ignore[attr-defined]
        raise error

    # -- top level -----------------------------------------------------------------------

    def load(self) -> FormSpec:
        doc = self.document
        if doc is None:
            raise MappingError("the mapping file is empty; see docs/mappings.md", self.file, 1)
        if not isinstance(doc, Mapping):
            raise MappingError(
                "the top level must be a mapping (authority:, form:, kind:, template:, fields:)",
                self.file,
                1,
            )
        for key in doc:
            with self._collect():
                if key not in TOP_LEVEL_KEYS:
                    raise _Stop(
                        f"unknown top-level key {key!r}.{did_you_mean(str(key), TOP_LEVEL_KEYS)}"
                        f" (keys: {', '.join(TOP_LEVEL_KEYS)})",
                        _line(doc, key),
                    )
        missing = [key for key in REQUIRED_KEYS if key not in doc]
        if missing:
            self.problems.append(
                (
                    1,
                    f"missing {', '.join(missing)}: a mapping file needs "
                    f"{', '.join(REQUIRED_KEYS)} (see docs/mappings.md)",
                )
            )
        kind = self._kind(doc)
        authority = name = form = version = description = ""
        phases: tuple[str, ...] = ()
        template = Path()
        with self._collect():
            authority = self._authority(doc)
        with self._collect():
            name = self._text(doc, "name", default=authority)
        with self._collect():
            form = self._phase(doc.get("form"), _line(doc, "form")) if "form" in doc else ""
        with self._collect():
            phases = self._phases(doc)
        with self._collect():
            version = self._version(doc)
        with self._collect():
            description = self._text(doc, "description", default="")
        with self._collect():
            if "template" in doc:
                template = self._template(doc, kind)
        fields: list[FieldSpec] = []
        with self._collect():
            fields = self._fields(doc, kind)
        self._raise_problems()
        settings = {key: _plain(doc[key]) for key in FREE_SECTIONS if key in doc}
        return FormSpec(
            authority=authority,
            name=name,
            form=cast(Phase, form),
            version=version,
            kind=cast(FormKind, kind),
            template=template,
            fields=tuple(fields),
            source=self.source.resolve(),
            settings=settings,
            description=description,
            phases=phases,
            warnings=tuple(self.warnings),
        )

    def _kind(self, doc: Mapping[str, Any]) -> str:
        # Anchors cannot be checked without the kind: a wrong kind stops here.
        if "kind" not in doc:
            self._raise_problems()
            raise MappingError("missing kind: docx, xlsx or pdf", self.file, 1)
        kind = doc["kind"]
        if kind not in FORM_KINDS:
            self.problems.append(
                (
                    _line(doc, "kind"),
                    f"kind must be docx, xlsx or pdf.{did_you_mean(str(kind), FORM_KINDS)}",
                )
            )
            self._raise_problems()
        return str(kind)

    def _text(self, doc: Mapping[str, Any], key: str, default: str) -> str:
        if key not in doc:
            return default
        value = doc[key]
        if not isinstance(value, str) or not value.strip():
            raise _Stop(f"{key} must be text", _line(doc, key))
        return value.strip()

    def _authority(self, doc: Mapping[str, Any]) -> str:
        if "authority" not in doc:
            return ""
        value = doc["authority"]
        if (
            not isinstance(value, str)
            or not value
            or not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in value)
            or value != value.lower()
        ):
            raise _Stop(
                "authority must be a short lowercase name of letters, digits, '-' and '_' "
                "(eastborough, north-shire); put the full name in name:",
                _line(doc, "authority"),
            )
        return value

    def _phase(self, value: Any, line: int) -> str:
        if value not in list_phases():
            raise _Stop(
                f"form must be one of {', '.join(list_phases())}."
                f"{did_you_mean(str(value), list_phases())}",
                line,
            )
        return str(value)

    def _phases(self, doc: Mapping[str, Any]) -> tuple[str, ...]:
        if "phases" not in doc:
            return ()
        value = doc["phases"]
        line = _line(doc, "phases")
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise _Stop(
                f"phases is a list, e.g. [post16]; each one of {', '.join(list_phases())}", line
            )
        return tuple(
            dict.fromkeys(self._phase(item, _line(value, i, line)) for i, item in enumerate(value))
        )

    def _version(self, doc: Mapping[str, Any]) -> str:
        value = doc.get("version", "")
        if isinstance(value, bool) or not isinstance(value, str | int | float | type(None)):
            # An unquoted 2025-09-01 arrives as a date: take it as its ISO text.
            if hasattr(value, "isoformat"):
                return str(value.isoformat())
            raise _Stop('version must be text, e.g. "2025-09"', _line(doc, "version"))
        return "" if value is None else str(value)

    def _template(self, doc: Mapping[str, Any], kind: str) -> Path:
        line = _line(doc, "template")
        value = doc["template"]
        if not isinstance(value, str) or not value.strip():
            raise _Stop("template must be a file name, e.g. eastborough-school-age.docx", line)
        template = Path(value)
        suffix = _TEMPLATE_SUFFIXES[kind]
        if template.suffix.lower() != suffix:
            raise _Stop(
                f"template must be a {suffix} file for kind: {kind} (wrong kind or wrong file?)",
                line,
            )
        candidates = (
            [template]
            if template.is_absolute()
            else [self.source.parent / template, data_dir("templates") / kind / template]
        )
        for candidate in candidates:
            if candidate.is_file():
                return candidate.resolve()
        if not self.require_template:
            return candidates[0].resolve()
        raise _Stop(
            f"template not found; looked in {' and '.join(str(c.parent) for c in candidates)}; "
            f"put {template.name} beside the mapping file or in templates/{kind}/",
            line,
        )

    # -- fields --------------------------------------------------------------------------

    def _fields(self, doc: Mapping[str, Any], kind: str) -> list[FieldSpec]:
        if "fields" not in doc:
            return []
        entries = doc["fields"]
        line = _line(doc, "fields")
        if not isinstance(entries, list) or not entries:
            raise _Stop("fields must be a list of entries (- path: ...\\n  at: ...)", line)
        found: list[FieldSpec] = []
        for index, entry in enumerate(entries):
            with self._collect():
                found.append(self._field(entry, _line(entries, index, line), kind))
        return found

    def _field(self, node: Any, line: int, kind: str) -> FieldSpec:
        if not isinstance(node, Mapping):
            raise _Stop("each entry of fields is a mapping with path: and at:", line)
        line = _line(node, default=line)
        self._known_keys(node, FIELD_KEYS, "a field entry")
        if "path" not in node:
            raise _Stop("this entry has no path: (the model path it maps)", line)
        if "at" not in node:
            raise _Stop('this entry has no at: (the anchor, e.g. {label: "Date of birth"})', line)
        item: tuple[tuple[str, Any], ...] = ()
        if "item" in node:
            paths, infos, item = self._item(node, line)
        else:
            paths, infos = self._paths(node)
        path_line = _line(node, "path", line)
        label = "+".join(paths)
        joined = len(paths) > 1
        info = infos[0]

        anchors = self._anchors(node, kind, line)
        shape = self._shape(anchors, info, joined, label, path_line, kind)
        type_name = self._type(node, info, joined, label)
        fill = self._flag(node, "fill")
        extract = self._flag(node, "extract")
        if not fill and not extract:
            raise _Stop(
                "fill: false and extract: false together leave nothing to do; remove the entry",
                _line(node, "extract", line),
            )
        note = str(node.get("note") or "")
        confirm = str(node.get("confirm") or "")

        columns: tuple[ColumnSpec, ...] = ()
        if info.kind == "list":
            if "columns" not in node:
                raise _Stop(
                    f"{label} is a repeating section: list its columns "
                    "(columns: - {path: ..., header: ...})",
                    path_line,
                )
            columns = self._columns(node["columns"], info, _line(node, "columns", line))
            self._placed_columns(anchors, columns, kind)
            if kind == "pdf":
                self._pdf_table_columns(anchors, columns)
            self._printed_columns(anchors, columns)
        elif "columns" in node:
            raise _Stop(
                f"columns are only for repeating sections (targets, attendees ...); {label} "
                f"holds {_KIND_WORDS.get(info.kind, info.kind)}",
                _line(node, "columns", line),
            )

        effective = type_name or ("join" if joined else DEFAULT_TYPE.get(info.kind, ""))
        options = self._options(node, effective, line)
        options.update(self._output(anchors, shape, info, node, line))
        if joined:
            options["paths"] = list(paths)
        if columns:
            options["columns"] = columns
        transform = self._transform(type_name, options, None if joined else info, node, line)
        self._check_codes(transform, info, node, line)
        if not transform.reversible and fill and extract:
            self.warnings.append(
                f"{self.file}:{line}: {label}: {transform.caveat}; extract will not give back "
                "what fill wrote"
            )
        claimed = [f"{paths[0]}[{item}]"] if item else paths
        self._claim(claimed, extract, path_line)
        key_columns = self._key_columns(node, columns, line)
        each_row = self._each_row(node, info, columns, line)
        return FieldSpec(
            paths=tuple(paths),
            anchors=anchors,
            transform=transform,
            columns=columns,
            line=line,
            fill=fill,
            extract=extract,
            note=note,
            key_columns=key_columns,
            confirm=confirm,
            each_row=each_row,
            item=item,
        )

    def _item(
        self, node: Mapping[str, Any], line: int
    ) -> tuple[list[str], list[FieldInfo], tuple[tuple[str, Any], ...]]:
        """``path: linked_plans.date`` with ``item: {type: PATHWAY}``: the box holds one
        field of the list's item that the ``item`` values name (a "Date of pathway plan" box is
        the date of the pathway plan among the linked plans); those values are read with the
        item fields' default transforms."""
        where = _line(node, "item", line)
        path = node["path"]
        section, _, name = str(path).rpartition(".") if isinstance(path, str) else ("", "", "")
        info = self.catalog.get(section)
        if info is None or info.kind != "list":
            raise _Stop(
                "item: is for one item of a list: path is <list>.<item field> "
                "(linked_plans.date)",
                _line(node, "path", line),
            )
        items = {field.path: field for field in info.item_fields}
        if name not in items:
            raise _Stop(
                f"{name!r} is not an item field of {section}.{did_you_mean(name, items)}",
                _line(node, "path", line),
            )
        value = node["item"]
        if not isinstance(value, Mapping) or not value:
            raise _Stop('item is {<item field>: <value>}, e.g. {type: "PATHWAY"}', where)
        said: list[tuple[str, Any]] = []
        for key, text in value.items():
            field = items.get(str(key))
            if field is None or key == name:
                raise _Stop(f"item: {key!r} is not another item field of {section}", where)
            try:
                model = make_transform(None, {}, field).from_form(_plain(text))
            except TransformError as problem:
                raise _Stop(f"item: {key}: {problem.message}", where) from None
            except TransformConfigError as problem:
                raise _Stop(f"item: {key}: {problem}", where) from None
            said.append((str(key), model))
        return [f"{section}.{name}"], [items[name]], tuple(said)

    def _each_row(
        self, node: Mapping[str, Any], info: FieldInfo, columns: Sequence[ColumnSpec], line: int
    ) -> tuple[tuple[str, Any], ...]:
        """``each_row: {attended: "Yes"}``: what the table's title says of every row, read
        with the item field's default transform."""
        if "each_row" not in node:
            return ()
        where = _line(node, "each_row", line)
        value = node["each_row"]
        if not columns:
            raise _Stop("each_row is only for repeating sections (with columns:)", where)
        items = {item.path: item for item in info.item_fields}
        if not isinstance(value, Mapping) or not value:
            raise _Stop('each_row is {<item field>: <value>}, e.g. {attended: "Yes"}', where)
        said: list[tuple[str, Any]] = []
        for path, text in value.items():
            item = items.get(str(path))
            if item is None or any(column.path == path for column in columns):
                raise _Stop(
                    f"each_row: {path!r} is not an item field of {info.path} without a column",
                    where,
                )
            try:
                model = make_transform(None, {}, item).from_form(_plain(text))
            except TransformError as problem:
                raise _Stop(f"each_row: {path}: {problem.message}", where) from None
            except TransformConfigError as problem:
                raise _Stop(f"each_row: {path}: {problem}", where) from None
            said.append((str(path), model))
        return tuple(said)

    def _printed_columns(self, anchors: Sequence[Anchor], columns: Sequence[ColumnSpec]) -> None:
        """A records anchor's ``printed`` names one of the section's column headers."""
        headers = [column.header for column in columns]
        for anchor in anchors:
            printed = anchor.options.get("printed") if anchor.kind == "records" else None
            if printed is not None and printed not in headers:
                raise _Stop(
                    f"records anchor: printed {printed!r} is not a column header of this "
                    f"section ({', '.join(headers)})",
                    anchor.line,
                )
            if anchor.kind != "people":
                continue
            named = [anchor.options["name"], anchor.options["role"]]
            for says in anchor.options["lines"].values():
                named.extend(says)
            for header in named:
                if header not in headers:
                    raise _Stop(
                        f"people anchor: {header!r} is not a column header of this section "
                        f"({', '.join(headers)})",
                        anchor.line,
                    )

    def _key_columns(
        self, node: Mapping[str, Any], columns: Sequence[ColumnSpec], line: int
    ) -> tuple[str, ...]:
        if "key_columns" not in node:
            return ()
        where = _line(node, "key_columns", line)
        value = node["key_columns"]
        if not columns:
            raise _Stop("key_columns is only for repeating sections (with columns:)", where)
        if isinstance(value, str):
            value = [value]
        known = [column.path for column in columns]
        if not isinstance(value, list) or not value or not all(v in known for v in value):
            raise _Stop(
                f"key_columns lists column paths of this section ({', '.join(known)})", where
            )
        return tuple(str(v) for v in value)

    def _known_keys(self, node: Mapping[str, Any], allowed: Sequence[str], what: str) -> None:
        for key in node:
            if key not in allowed:
                raise _Stop(
                    f"unknown key {key!r} in {what}.{did_you_mean(str(key), allowed)} "
                    f"(keys: {', '.join(allowed)})",
                    _line(node, key),
                )

    def _paths(self, node: Mapping[str, Any]) -> tuple[list[str], list[FieldInfo]]:
        value = node["path"]
        line = _line(node, "path")
        if isinstance(value, str):
            paths = [value]
        elif isinstance(value, list) and len(value) >= 2 and all(isinstance(p, str) for p in value):
            paths = list(value)
        else:
            raise _Stop(
                "path is a model path (child.date_of_birth) or, for one box holding several "
                "values, a list of two or more",
                line,
            )
        infos = [self._path_info(path, line) for path in paths]
        if len(paths) > 1:
            for path, info in zip(paths, infos, strict=True):
                if info.kind == "list":
                    raise _Stop(f"{path} is a repeating section and cannot be joined", line)
            if len(set(paths)) != len(paths):
                raise _Stop("the same path is listed twice in this join", line)
        return paths, infos

    def _path_info(self, path: str, line: int) -> FieldInfo:
        info = self.catalog.get(path)
        if info is None:
            mappable = [p for p, i in self.catalog.items() if i.kind != "object"]
            raise _Stop(
                f"unknown model path {path!r}.{did_you_mean(path, mappable)} "
                "(model paths: docs/model.md)",
                line,
            )
        if info.kind == "object":
            children = [p for p in self.catalog if p.startswith(f"{path}.")][:2]
            raise _Stop(
                f"{path} is a section, not a value; map its fields ({', '.join(children)} ...)",
                line,
            )
        return info

    def _anchors(self, node: Mapping[str, Any], kind: str, line: int) -> tuple[Anchor, ...]:
        anchors = [self._anchor(node["at"], kind, _line(node, "at", line))]
        if "also" in node:
            also = node["also"]
            also_line = _line(node, "also", line)
            if isinstance(also, list):
                if not also:
                    raise _Stop("also is an anchor or a list of anchors", also_line)
                for index, item in enumerate(also):
                    anchors.append(self._anchor(item, kind, _line(also, index, also_line)))
            else:
                anchors.append(self._anchor(also, kind, also_line))
        return tuple(anchors)

    def _anchor(self, node: Any, kind: str, line: int) -> Anchor:
        try:
            return parse_anchor(node, kind, _line(node, default=line))
        except AnchorError as problem:
            raise _Stop(str(problem), problem.line) from None

    def _shape(
        self,
        anchors: Sequence[Anchor],
        info: FieldInfo,
        joined: bool,
        label: str,
        line: int,
        form_kind: str,
    ) -> str:
        """The form-value shape of the field (its first anchor's); checks every anchor suits
        the path's kind and that fallbacks hold the same kind of value.

        One mix is allowed: a yes/no field may have a checkbox and a text anchor (a checkbox
        content control with a label fallback), because engines write a bool as ``Yes``/``No``
        in a text box and read either back.
        """
        kind = "join" if joined else info.kind
        what = _KIND_WORDS.get(kind, "several values")
        shapes = [VALUE_SHAPE.get(anchor.kind, "text") for anchor in anchors]
        for anchor, shape in zip(anchors, shapes, strict=True):
            if kind == "list" and shape != "rows":
                hint = (
                    "anchor it with {table: {header: [...], rows: [[field, ...], ...]}} "
                    "(the field names of each printed row)"
                    if form_kind == "pdf"
                    else 'anchor it with {table: {header: ["...", "..."]}}'
                )
                raise _Stop(f"{label} is a repeating section: {hint}", anchor.line)
            if shape == "rows" and kind != "list":
                raise _Stop(
                    f"a table anchor needs a repeating section (targets, attendees ...); "
                    f"{label} holds {what}",
                    anchor.line,
                )
            if shape == "bool" and kind != "bool":
                raise _Stop(
                    f"a checkbox anchor holds yes/no but {label} holds {what}; use a label or "
                    "control anchor, or checkboxes for a choice",
                    anchor.line,
                )
            if shape == "keys" and kind not in ("bool", "choice"):
                raise _Stop(
                    f"a checkboxes anchor holds a choice but {label} holds {what}", anchor.line
                )
            if anchor.kind == "radio" and kind not in ("bool", "choice"):
                raise _Stop(f"a radio anchor holds a choice but {label} holds {what}", anchor.line)
        for anchor, shape in zip(anchors[1:], shapes[1:], strict=True):
            if shape != shapes[0] and {shape, shapes[0]} != {"bool", "text"}:
                raise _Stop(
                    f"a {anchor.kind} anchor holds a different kind of value from the "
                    f"{anchors[0].kind} anchor in at:; a fallback must hold the same",
                    anchor.line,
                )
        return shapes[0]

    def _type(
        self, node: Mapping[str, Any], info: FieldInfo, joined: bool, label: str
    ) -> str | None:
        if "type" not in node:
            return "join" if joined else None
        value = node["type"]
        line = _line(node, "type")
        if value not in TYPE_NAMES:
            raise _Stop(
                f"unknown type {value!r}.{did_you_mean(str(value), TYPE_NAMES)} "
                f"(types: {', '.join(TYPE_NAMES)})",
                line,
            )
        if joined:
            if value not in ("join", "split", "name"):
                raise _Stop(
                    "several paths in one box need type: join or name (or leave type out), "
                    f"not {value}",
                    line,
                )
            return str(value)
        if value in ("join", "split", "name"):
            raise _Stop(
                "type: join needs several paths: path: [care.carer.name, care.carer.phone]", line
            )
        allowed = TYPES_FOR_KIND.get(info.kind, ())
        if value not in allowed:
            raise _Stop(
                f"type {value} does not fit {label}, which holds "
                f"{_KIND_WORDS.get(info.kind, info.kind)}; use {' or '.join(allowed)} "
                "(or leave type out)",
                line,
            )
        return str(value)

    def _flag(self, node: Mapping[str, Any], key: str) -> bool:
        value = node.get(key, True)
        if not isinstance(value, bool):
            raise _Stop(f"{key} must be true or false", _line(node, key))
        return value

    def _options(self, node: Mapping[str, Any], type_name: str, line: int) -> dict[str, Any]:
        options: dict[str, Any] = {}
        for key, types in _OPTION_TYPES.items():
            if key not in node:
                continue
            if type_name and type_name not in types:
                raise _Stop(
                    f"{key} applies to type {' or '.join(types)}, not {type_name}",
                    _line(node, key, line),
                )
            options[key] = _plain(node[key])
        return options

    def _output(
        self,
        anchors: Sequence[Anchor],
        shape: str,
        info: FieldInfo,
        node: Mapping[str, Any],
        line: int,
    ) -> dict[str, Any]:
        """How a bool or choice is written, from the anchor it is written to."""
        anchor = anchors[0]
        if shape == "bool" or (
            info.kind == "bool"
            and "values" not in node
            and any(VALUE_SHAPE.get(other.kind) == "bool" for other in anchors)
        ):
            # Engines write a bool as Yes/No where the anchor found turns out to be text.
            return {"output": "bool"}
        if shape == "keys":
            group: dict[str, str] = dict(anchor.options["options"])
            if info.kind == "bool":
                return {"output": "keys", "keys": self._yes_no_keys(group, anchor)}
            output: dict[str, Any] = {"output": "keys"}
            if "values" not in node:
                output["values"] = group  # the group's own labels are the option labels
            return output
        if anchor.kind == "field" and info.kind == "bool" and "values" not in node:
            return {"output": "bool"}  # a PDF checkbox; give values: to write text instead
        return {}

    def _yes_no_keys(self, group: Mapping[str, str], anchor: Anchor) -> tuple[str, str]:
        meaning = {key: bool_word(key) for key in group}
        yes = [key for key, value in meaning.items() if value is True]
        no = [key for key, value in meaning.items() if value is False]
        if len(group) != 2 or len(yes) != 1 or len(no) != 1:
            raise _Stop(
                "a yes/no checkbox group needs two options keyed yes and no (or true and "
                'false), e.g. {yes: "Yes", no: "No"}',
                anchor.line,
            )
        return yes[0], no[0]

    def _transform(
        self,
        type_name: str | None,
        options: Mapping[str, Any],
        info: FieldInfo | None,
        node: Mapping[str, Any],
        line: int,
    ) -> Transform:
        try:
            return make_transform(type_name, options, info)
        except TransformConfigError as problem:
            key = problem.option if problem.option in node else None
            raise _Stop(str(problem), _line(node, key, line) if key else line) from None

    def _check_codes(
        self, transform: Transform, info: FieldInfo, node: Mapping[str, Any], line: int
    ) -> None:
        """Option codes must be codes of the model's code list, and a checkbox group's keys
        codes the choice knows: a typo here would write nothing and read garbage."""
        if not isinstance(transform, ChoiceTransform):
            return
        model = model_code_labels(info.codelist) if info.codelist else None
        if model and "values" in node:
            values = node["values"]
            for code in transform.codes:
                if code not in model:
                    where = _line(values, code, _line(node, "values", line))
                    raise _Stop(
                        f"{code!r} is not a code of the {info.codelist} code list; "
                        f"codes: {', '.join(model)}",
                        where if isinstance(values, Mapping) else _line(node, "values", line),
                    )
        if transform.output != "keys" or "at" not in node:
            return
        at = node["at"]
        group = next(iter(at.values())) if isinstance(at, Mapping) else {}
        options = group.get("options", group) if isinstance(group, Mapping) else {}
        known = set(transform.codes) or set(model or ())
        for key in options:
            code = "true" if key is True else "false" if key is False else str(key)
            if known and code not in known:
                raise _Stop(
                    f"checkbox option {code!r} is not a code of "
                    f"{info.codelist or 'this field'}'s values ({', '.join(sorted(known))})",
                    _line(options, key, line),
                )
            if model and code not in model:
                raise _Stop(
                    f"checkbox option {code!r} is not a code of the {info.codelist} code list; "
                    f"codes: {', '.join(model)}",
                    _line(options, key, line),
                )

    def _claim(self, paths: Sequence[str], extract: bool, line: int) -> None:
        for path in paths:
            earlier = self.mapped.get(path)
            if earlier and earlier[1] and extract:
                raise _Stop(
                    f"{path} is mapped twice (first at line {earlier[0]}); remove one, or set "
                    "extract: false on the one that only repeats it",
                    line,
                )
            if not earlier or extract:
                self.mapped[path] = (line, extract)

    # -- repeating sections --------------------------------------------------------------

    def _columns(self, value: Any, info: FieldInfo, line: int) -> tuple[ColumnSpec, ...]:
        if not isinstance(value, list) or not value:
            raise _Stop("columns is a list of {path: ..., header: ...}", line)
        items = {item.path: item for item in info.item_fields}
        columns: list[ColumnSpec] = []
        paths: dict[str, int] = {}
        headers: dict[str, int] = {}
        for index, node in enumerate(value):
            column_line = _line(value, index, line)
            if not isinstance(node, Mapping):
                raise _Stop("a column is a mapping {path: ..., header: ...}", column_line)
            column_line = _line(node, default=column_line)
            self._known_keys(node, COLUMN_KEYS, "a column")
            position = self._position(node, column_line)
            if "path" not in node or ("header" not in node and not position):
                raise _Stop(
                    "a column needs path: and header: (or column: N when its header cell is blank)",
                    column_line,
                )
            path = node["path"]
            path_line = _line(node, "path", column_line)
            item = items.get(path) if isinstance(path, str) else None
            if item is None:
                raise _Stop(
                    f"{info.path} items have no field {path!r}.{did_you_mean(str(path), items)} "
                    f"(fields: {', '.join(items)})",
                    path_line,
                )
            if path in paths:
                raise _Stop(f"column {path} appears twice (first at line {paths[path]})", path_line)
            paths[path] = path_line
            header = node.get("header", f"column {position}")
            header_line = _line(node, "header", column_line)
            if not isinstance(header, str) or not header.strip():
                raise _Stop("header must be the column's heading text", header_line)
            aliases = self._aliases(node, column_line)
            for name in (header, *aliases):
                if name in headers:
                    raise _Stop(
                        f"header {name!r} names two columns (first at line {headers[name]})",
                        header_line,
                    )
                headers[name] = header_line
            type_name = self._type(node, item, False, f"{info.path}.{path}")
            options = self._options(node, type_name or DEFAULT_TYPE.get(item.kind, ""), column_line)
            transform = self._transform(type_name, options, item, node, column_line)
            self._check_codes(transform, item, node, column_line)
            if not transform.reversible:
                self.warnings.append(
                    f"{self.file}:{column_line}: {info.path}.{path}: {transform.caveat}; "
                    "extract will not give back what fill wrote"
                )
            ticked = self._ticked(node, column_line)
            mark = self._mark(node, ticked, column_line)
            columns.append(
                ColumnSpec(path, header, transform, column_line, aliases, position, ticked, mark)
            )
        return tuple(columns)

    def _mark(self, node: Mapping[str, Any], ticked: Sequence[str], line: int) -> str:
        """A ticked column's ``mark: N``: the letter typed in the chosen column instead of a
        tick."""
        if "mark" not in node:
            return ""
        value = node["mark"]
        where = _line(node, "mark", line)
        if not ticked:
            raise _Stop("mark is for a ticked column: the letter typed instead of a tick", where)
        if not isinstance(value, str) or not value.strip() or " " in value.strip():
            raise _Stop('mark is the letter or word typed in the chosen column ("N")', where)
        return value.strip()

    def _ticked(self, node: Mapping[str, Any], line: int) -> tuple[str, ...]:
        """A column's ``ticked: [...]``: the headers of the columns one of which is ticked."""
        if "ticked" not in node:
            return ()
        value = node["ticked"]
        if (
            not isinstance(value, list)
            or len(value) < 2
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise _Stop(
                "ticked lists the headers of two or more columns, one of which is ticked in "
                "each row",
                _line(node, "ticked", line),
            )
        return tuple(value)

    def _position(self, node: Mapping[str, Any], line: int) -> int:
        """A column's ``column: N`` (its place in the table, 1 = the first), or 0."""
        if "column" not in node:
            return 0
        value = node["column"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise _Stop(
                "column is the column's place in the table: 1 for the first",
                _line(node, "column", line),
            )
        return value

    def _placed_columns(
        self, anchors: Sequence[Anchor], columns: Sequence[ColumnSpec], kind: str
    ) -> None:
        """``column: N`` places a column of a Word table whose header cell is blank, and
        ``ticked:`` one read from which of several columns is ticked; the other columns'
        headers find the table."""
        placed = [column for column in columns if column.position or column.ticked]
        if not placed:
            return
        if kind != "docx" or any(anchor.kind != "table" for anchor in anchors):
            raise _Stop(
                "column: N and ticked: place columns of a Word table anchor; other forms "
                "name each column by its header",
                placed[0].line,
            )
        if len(placed) == len(columns):
            raise _Stop(
                "a table needs at least one column named by its header (column: N alone "
                "cannot find the table)",
                placed[0].line,
            )

    def _pdf_table_columns(self, anchors: Sequence[Anchor], columns: Sequence[ColumnSpec]) -> None:
        """On a PDF a table's cells are fields listed under the anchor's headers: a column
        whose header is none of them would never be filled or read."""
        for anchor in anchors:
            if anchor.kind != "table":
                continue
            printed = {normalise_label(text) for text in anchor.options.get("header") or ()}
            for column in columns:
                names = (column.header, *column.aliases)
                if not any(normalise_label(name) in printed for name in names):
                    raise _Stop(
                        f"column {column.path}: header {column.header!r} is not one of the "
                        f"table anchor's headers ({', '.join(anchor.options['header'])})",
                        column.line,
                    )

    def _aliases(self, node: Mapping[str, Any], line: int) -> tuple[str, ...]:
        if "also_headers" not in node:
            return ()
        value = node["also_headers"]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise _Stop("also_headers is a list of header texts", _line(node, "also_headers", line))
        return tuple(value)
