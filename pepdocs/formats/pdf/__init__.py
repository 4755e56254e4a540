"""The PDF engine: fill an authority's AcroForm PEP, read a completed one back, flatten.

Anchors (docs/excel-pdf.md): ``field`` (a field's full name; a text box gives text, a
checkbox a bool, a radio group or drop-down the chosen option's export value or shown text),
``radio`` (a radio group whose on-states are mapped to codes: ``states: {E: EHCP}``),
``checkboxes`` (several checkboxes, one per option: ``options: {E: EHCPBox}``), ``table`` (a
repeating section printed as a grid of fields: the ``header`` of each column and the field
names of each printed ``rows``; a PDF cannot grow, so items beyond the printed rows go on a
continuation sheet, as fields read back as further rows) and
``label`` (text printed beside a value, read from the page text: for flattened copies and
for PDFs that are not forms at all, see :func:`read_text_layer`). What code outside the
engine may read of a form's layout is in :mod:`pepdocs.formats.pdf.inspect`.

Filling writes values and draws their appearance streams itself (``_appearance``) with an
embedded font that has the glyphs, so every viewer shows every value, Łucja and Siân
included, without clicking; ``NeedAppearances`` is switched off because the appearances are
there and a viewer regenerating them with ``/Helv`` would lose those letters. Text too long
for its box is drawn smaller, down to a readable floor, and beyond that the box shows its
start and "see continuation C1" while a continuation sheet added to the form prints it all
(``_continuation``); the field keeps the whole text as its value. Checkbox and
radio on-states are taken from each widget's own ``/AP /N``. A hybrid form's XFA copy is
dropped: Acrobat would show the XFA data instead of the values written here.

Reading goes through the bounded opener in ``pepdocs.safety.pdf`` (time and memory limits,
password and dynamic-XFA checks) and then uses pypdf's ``get_fields()`` full names.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from pepdocs.errors import DocumentError, MappingError, PepdocsError, TransformError
from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.formats.opened import OpenedDocument
from pepdocs.formats.opened import opened as open_once
from pepdocs.formats.pdf import _appearance
from pepdocs.formats.pdf._continuation import (
    Continuation,
    continued_field_name,
    continued_prefix,
)
from pepdocs.formats.pdf._fields import (
    FF_EDIT,
    FF_MULTILINE,
    OFF,
    FormField,
    field_kind,
    fields_by_name,
    widget_pages,
)
from pepdocs.formats.pdf._flatten import flatten_writer
from pepdocs.formats.pdf._prepared import PreparedForm, check_fillable, prepare
from pepdocs.formats.pdf._textlayer import (
    TEXT_LAYER_CONFIDENCE,
    TextLayer,
    all_labels,
    read_labels,
    read_layer,
)
from pepdocs.formats.pdf.docid import read_document_id, write_document_id
from pepdocs.formats.pdf.once import opened_for_reading, opened_layout, opened_pdf, opened_text
from pepdocs.mapping.spec import Anchor, FieldSpec, FillNote, FormSpec, FormValue
from pepdocs.mapping.transforms import bool_word, normalise_label
from pepdocs.safety.pdf import PdfFormField, PdfSummary
from pepdocs.safety.sanitize import clean_text

__all__ = [
    "READS_OPENED",
    "TEXT_LAYER_CONFIDENCE",
    "OpenedPdf",
    "fill",
    "flatten",
    "open_for_reading",
    "opened_for_reading",
    "opened_pdf",
    "opened_text",
    "read",
    "read_document_id",
    "read_text_layer",
    "write_document_id",
]

_FIELD_ANCHORS = ("field", "radio", "checkboxes", "table")
#: how a table cell that is a checkbox reads: ticked or not, as a box typed in a Word table
_TICKED, _UNTICKED = "\u2612", "\u2610"
_DA_SIZE = re.compile(rb"/[^\s/]+\s+([\d.]+)\s+Tf")
_DA_RGB = re.compile(rb"([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg")
_DA_GREY = re.compile(rb"([\d.]+)\s+g(?:\s|$)")


@dataclass(slots=True)
class _Pending:
    """A text box or drop-down written, its appearance still to draw: the field, the widget,
    the text, and the model path (a table cell's with its row) for the fill report."""

    field: FormField
    widget: DictionaryObject
    text: str
    path: str
    #: what the continuation sheet calls the box (a table cell: its table, row and column)
    label: str = ""


# -- helpers -----------------------------------------------------------------------------------


def _where(form: FormSpec, spec: FieldSpec, anchor: Anchor | None = None) -> str:
    anchor = anchor or spec.anchor
    return f"{form.source}:{anchor.line or spec.line}: {spec.path} ({anchor.describe()})"


def _matches(text: str, candidate: str) -> bool:
    candidate = candidate.lstrip("/")
    if text.strip() == candidate.strip():
        return True
    key = normalise_label(text)
    return bool(key) and key == normalise_label(candidate)


def _numbers(value: Any) -> tuple[float, ...] | None:
    value = value.get_object() if value is not None else None
    if not isinstance(value, ArrayObject) or len(value) not in (1, 3, 4):
        return None
    try:
        return tuple(float(item) for item in value)
    except (TypeError, ValueError):
        return None


def _rect(widget: DictionaryObject) -> tuple[float, float]:
    raw = widget.get("/Rect")
    raw = raw.get_object() if raw is not None else None
    try:
        x1, y1, x2, y2 = (float(item) for item in raw)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return 0.0, 0.0
    return abs(x2 - x1), abs(y2 - y1)


def _box(field: FormField, widget: DictionaryObject, text: str) -> _appearance.Box:
    """How to draw ``text`` into ``widget``: size from /Rect, font size and colour from /DA,
    background and border from /MK and /BS (so a filled box looks like an empty one)."""
    width, height = _rect(widget)
    da = widget.get("/DA") or field.get("/DA") or b""
    da_bytes = str(da).encode("latin-1", "replace")
    size_match = _DA_SIZE.search(da_bytes)
    font_size = float(size_match.group(1)) if size_match else 0.0
    colour: tuple[float, ...] = (0.0, 0.0, 0.0)
    rgb = _DA_RGB.search(da_bytes)
    grey = _DA_GREY.search(da_bytes)
    if rgb:
        colour = tuple(float(value) for value in rgb.groups())
    elif grey:
        colour = (float(grey.group(1)),)
    look = widget.get("/MK")
    look = look.get_object() if look is not None else DictionaryObject()
    border_style = widget.get("/BS")
    border_style = border_style.get_object() if border_style is not None else DictionaryObject()
    try:
        border_width = float(border_style.get("/W", 1))
    except (TypeError, ValueError):
        border_width = 1.0
    try:
        align = int(widget.get("/Q", field.get("/Q", 0)))
    except (TypeError, ValueError):
        align = 0
    return _appearance.Box(
        width=width,
        height=height,
        text=text,
        font_size=font_size,
        multiline=bool(field.flags & FF_MULTILINE),
        align=align,
        text_colour=colour,
        background=_numbers(look.get("/BG")),
        border=_numbers(look.get("/BC")),
        border_width=border_width,
    )


def _set_state(field: FormField, state: str | None) -> None:
    """Tick the widgets whose /AP /N has ``state`` (``/Yes``...), untick the rest."""
    chosen = OFF
    for widget in field.widgets:
        on = state if state is not None and state in field.states(widget) else OFF
        widget[NameObject("/AS")] = NameObject(on)
        if on != OFF:
            chosen = on
    field.node[NameObject("/V")] = NameObject(chosen)


def _radio_state(spec: FieldSpec, anchor: Anchor, field: FormField, value: FormValue) -> str:
    states = field.states()
    options = [option for option, _ in field.options()]  # /Opt of a radio group: export values
    if isinstance(value, bool):
        for state in states:
            if bool_word(state.lstrip("/")) is value:
                return state
        raise PepdocsError(f"has no yes/no on-states ({', '.join(states)})")
    text = str(value)
    mapped: Mapping[str, str] = anchor.options.get("states") or {}
    if mapped:
        try:
            code = spec.transform.from_form(text)
        except TransformError:
            code = text
        wanted = mapped.get(str(code))
        if wanted is not None:
            state = wanted if wanted.startswith("/") else f"/{wanted}"
            if state in states:
                return state
    for state in states:
        if _matches(text, state):
            return state
    for index, option in enumerate(options):
        if _matches(text, option) and index < len(field.widgets):
            widget_states = field.states(field.widgets[index])
            if widget_states:
                return widget_states[0]
    raise PepdocsError("the value is not one of this radio group's options")


def _choice_option(field: FormField, text: str) -> tuple[str, str]:
    options = field.options()
    for export, shown in options:
        if text in (shown, export):
            return export, shown
    for export, shown in options:
        if _matches(text, shown) or _matches(text, export):
            return export, shown
    if field.flags & FF_EDIT:  # an editable combo box takes free text
        return text, text
    raise PepdocsError("the value is not one of this drop-down's options")


# -- fill --------------------------------------------------------------------------------------


def _template(form: FormSpec) -> PdfWriter:
    try:
        reader = PdfReader(str(form.template), strict=False)
    except Exception:
        raise MappingError(
            f"template {form.template} is not a readable PDF", str(form.source)
        ) from None
    check_fillable(reader, form)
    return PdfWriter(clone_from=reader)


def _find(fields: Mapping[str, FormField], anchor: Anchor) -> FormField | None:
    found = fields.get(anchor.key)
    if found is None:  # partial names: a form re-saved under a new parent keeps the leaf
        matches = [f for name, f in fields.items() if name.endswith(f".{anchor.key}")]
        found = matches[0] if len(matches) == 1 else None
    return found


def fill(
    form: FormSpec,
    values: Sequence[tuple[FieldSpec, FormValue]],
    *,
    flatten: bool = False,
    notes: list[FillNote] | None = None,
) -> bytes:
    """The form's template with ``values`` written, each with its appearance stream.

    Text too long for its box is drawn smaller, down to ``_appearance.MIN_FONT_SIZE``;
    beyond that, and for table items beyond the printed rows, a continuation sheet is added
    at the end. ``notes`` gets a :class:`FillNote` for each value that needed either.
    ``flatten`` draws the values into the pages and removes every field (see
    :func:`flatten`).

    The template is prepared once per process (``_prepared``): a record writes only the
    field and widget dictionaries it changes and their appearance streams, the rest of the
    form is copied as it is; a continuation sheet is drawn and added the same way. A
    flattened copy, and a record with a letter beyond the prepared font subsets, are written
    by the full path (the template cloned and written out by pypdf, reportlab drawing).
    """
    if not flatten:
        made = _fill_prepared(form, values, notes)
        if made is not None:
            return made
    return _fill_full(form, values, flatten=flatten, notes=notes)


def _fill_prepared(
    form: FormSpec,
    values: Sequence[tuple[FieldSpec, FormValue]],
    notes: list[FillNote] | None,
) -> bytes | None:
    """The filled form written from the prepared template, or None when the record needs
    the full path (a letter the prepared subsets lack, a page tree it cannot extend)."""
    prepared = prepare(form)
    # one record at a time per template: pypdf parses the prepared objects lazily
    with prepared.lock:
        return _write_record(form, prepared, values, notes)


def _write_record(
    form: FormSpec,
    prepared: PreparedForm,
    values: Sequence[tuple[FieldSpec, FormValue]],
    notes: list[FillNote] | None,
) -> bytes | None:
    record = prepared.record()
    pending: list[_Pending] = []
    continuation = Continuation(form.name)
    found: list[FillNote] = []
    _write_values(form, record.fields, values, pending, continuation, found)
    fitted = _fitted(
        prepared.pages, form, pending, continuation, found, prepared.looks, prepared.font.font
    )
    if continuation:
        added = record.add_continuation(continuation)
        if added is None:
            return None
        for field, widget, text in added:
            pending.append(_Pending(field, widget, text, ""))
            box = _box(field, widget, text)
            fitted.append((box, _appearance.layout(box)))
    draws = prepared.font.can_draw
    for item, (box, fit) in zip(pending, fitted, strict=True):
        if not all(draws(line) for line in fit.lines):
            return None
        item.widget[NameObject("/AP")] = record.appearance(box, fit, _object_number(item.widget))
    if notes is not None:
        notes.extend(found)
    return record.write()


def _smaller(item: _Pending, fit: _appearance.Fit) -> FillNote:
    return FillNote(
        item.path, "smaller", f"drawn at {fit.size:g} pt instead of {fit.start:g} pt to fit its box"
    )


def _write_values(
    form: FormSpec,
    fields: Mapping[str, FormField],
    values: Sequence[tuple[FieldSpec, FormValue]],
    pending: list[_Pending],
    continuation: Continuation,
    found: list[FillNote],
) -> None:
    """Each value written into its fields (text boxes and drop-downs left in ``pending``
    for their appearances), table rows beyond the printed ones into ``continuation``."""
    for spec, value in values:
        if value is None:
            continue
        anchors = [anchor for anchor in spec.anchors if anchor.kind in _FIELD_ANCHORS]
        written = False
        for anchor in anchors:
            try:
                if anchor.kind == "table":
                    written = _fill_table(fields, spec, anchor, value, pending, continuation)
                    if (
                        written
                        and continuation.tables
                        and continuation.tables[-1].table == (spec.path)
                    ):
                        rows = continuation.tables[-1]
                        last = rows.first + len(rows.rows) - 1
                        found.append(
                            FillNote(
                                spec.path,
                                "continued",
                                f"the form prints {rows.first - 1} rows; rows {rows.first} to "
                                f"{last} are on the continuation sheet",
                            )
                        )
                else:
                    written = _fill_one(fields, spec, anchor, value, pending)
            except PepdocsError as problem:
                raise PepdocsError(f"{_where(form, spec, anchor)}: {problem.message}") from None
            if written:
                break
        if not written and anchors:
            raise MappingError(
                f"{spec.path}: no field of this entry is in the template "
                f"({', '.join(anchor.describe() for anchor in anchors)})",
                str(form.source),
                spec.line,
            )


def _fill_full(
    form: FormSpec,
    values: Sequence[tuple[FieldSpec, FormValue]],
    *,
    flatten: bool,
    notes: list[FillNote] | None,
) -> bytes:
    """The filled form as the template cloned into a pypdf writer and written out whole."""
    writer = _template(form)
    root = writer._root_object
    fields = fields_by_name(root)
    pending: list[_Pending] = []
    continuation = Continuation(form.name)
    found: list[FillNote] = []
    _write_values(form, fields, values, pending, continuation, found)
    boxes = [box for box, _ in _fitted(widget_pages(writer), form, pending, continuation, found)]
    if continuation:
        added = [_Pending(f, w, t, "") for f, w, t in continuation.append_to(writer)]
        pending.extend(added)
        boxes.extend(_box(item.field, item.widget, item.text) for item in added)
    for item, appearance in zip(pending, _appearance.add_appearances(writer, boxes), strict=True):
        item.widget[NameObject("/AP")] = DictionaryObject({NameObject("/N"): appearance})
    acroform = root.get("/AcroForm")
    acroform = acroform.get_object() if acroform is not None else None
    if isinstance(acroform, DictionaryObject):
        # the appearances are drawn; a viewer redrawing them with /Helv would lose glyphs
        acroform[NameObject("/NeedAppearances")] = BooleanObject(False)
        if "/XFA" in acroform:
            del acroform["/XFA"]
    if flatten:
        flatten_writer(writer)
    if notes is not None:
        notes.extend(found)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _fitted(
    pages: Mapping[int | None, int],
    form: FormSpec,
    pending: Sequence[_Pending],
    continuation: Continuation,
    found: list[FillNote],
    looks: dict[int, _appearance.Box] | None = None,
    font: str | None = None,
) -> list[tuple[_appearance.Box, _appearance.Fit]]:
    """Each pending box as it will be drawn, and its layout: at the form's size if its text
    fits, smaller if that makes it fit, else cut with a "see continuation" marker and the
    whole text put on the continuation sheet (once per field, however many widgets show
    it). ``pages`` gives each widget's page; ``looks`` caches each widget's look."""
    labels = {spec.path: _label_text(spec) for spec in form.fields}
    markers: dict[int, str] = {}
    boxes: list[tuple[_appearance.Box, _appearance.Fit]] = []
    for item in pending:
        box = _look(item, looks)
        fit = _appearance.layout(box, font)
        if fit.fits:
            if fit.size < fit.start:
                found.append(_smaller(item, fit))
            boxes.append((box, fit))
            continue
        key = id(item.field.node)
        reference = markers.get(key)
        if reference is None:
            tooltip = item.field.get("/TU")
            label = item.label or (str(tooltip) if tooltip else "")
            label = label or labels.get(item.path, "") or item.path
            page = pages.get(_object_number(item.widget))
            reference = markers[key] = continuation.add_text(label, page, item.text)
            found.append(
                FillNote(
                    item.path,
                    "continued",
                    f"too long for its box even at {_appearance.MIN_FONT_SIZE:g} pt: the box "
                    f"shows its start and 'see continuation {reference}', the continuation "
                    "sheet all of it",
                )
            )
        cut = _appearance.cut_to_fit(box, _marker(box, reference))
        boxes.append((cut, _appearance.layout(cut)))
    return boxes


def _look(item: _Pending, looks: dict[int, _appearance.Box] | None) -> _appearance.Box:
    """The box ``item`` is drawn in, its look read once per widget when ``looks`` is kept."""
    key = _object_number(item.widget) if looks is not None else None
    if looks is None or key is None:
        return _box(item.field, item.widget, item.text)
    look = looks.get(key)
    if look is None:
        look = looks[key] = _box(item.field, item.widget, "")
    return replace(look, text=item.text)


def _marker(box: _appearance.Box, reference: str) -> str:
    """What a cut box ends with: the long form where the box is wide enough."""
    return f" … see continuation {reference}" if box.width >= 150 else f" … see {reference}"


def _label_text(spec: FieldSpec) -> str:
    for anchor in spec.anchors:
        if anchor.kind == "label":
            return anchor.key
    return ""


def _object_number(item: DictionaryObject) -> int | None:
    reference = item.indirect_reference
    return reference.idnum if reference is not None else None


def _title(path: str) -> str:
    """A table's name for the continuation sheet: ``previous_targets`` -> Previous targets."""
    return " ".join(path.replace("_", " ").split(".")).capitalize()


def _header_index(anchor: Anchor, names: Sequence[str]) -> int | None:
    """Which of a table anchor's headers a column's header (or an alias) is."""
    wanted = {normalise_label(name) for name in names}
    for index, header in enumerate(anchor.options.get("header") or ()):
        if normalise_label(header) in wanted:
            return index
    return None


def _fill_table(
    fields: Mapping[str, FormField],
    spec: FieldSpec,
    anchor: Anchor,
    value: FormValue,
    pending: list[_Pending],
    continuation: Continuation,
) -> bool:
    """Rows written into the fields of a table anchor's printed rows, cell by cell; rows
    beyond the printed ones go on the continuation sheet."""
    printed: Sequence[Sequence[str | None]] = anchor.options.get("rows") or ()
    names = [name for row in printed for name in row if name]
    if not any(_find(fields, _named(name)) is not None for name in names):
        return False
    rows = [row for row in value or [] if isinstance(row, Mapping)]  # type: ignore[union-attr]
    filled = [row for row in rows if any(str(cell or "").strip() for cell in row.values())]
    positions = {
        column.header: _header_index(anchor, (column.header, *column.aliases))
        for column in spec.columns
    }
    by_header = {column.header: column for column in spec.columns}
    for number, (row, names_in_row) in enumerate(zip(filled, printed, strict=False), start=1):
        for header, cell in row.items():
            index = positions.get(header)
            text = "" if cell is None else str(cell)
            if index is None or not text.strip() or names_in_row[index] is None:
                continue
            field = _find(fields, _named(str(names_in_row[index])))
            if field is None:
                continue
            column = by_header.get(header)
            path = f"{spec.path}.{number}.{column.path if column else header}"
            try:
                _write_cell(field, text, pending, path)
                if pending and pending[-1].path == path:
                    for item in reversed(pending):
                        if item.path != path:
                            break
                        item.label = f"{_title(spec.path)}, row {number}: {header}"
            except PepdocsError as problem:
                raise PepdocsError(f"row {number}, {header!r}: {problem.message}") from None
    if len(filled) > len(printed):
        continuation.add_rows(
            spec.path,
            _title(spec.path),
            [column.header for column in spec.columns],
            len(printed) + 1,
            [
                [str(row.get(column.header) or "") for column in spec.columns]
                for row in filled[len(printed) :]
            ],
        )
    return True


def _named(name: str) -> Anchor:
    return Anchor("field", name)


def _write_cell(field: FormField, text: str, pending: list[_Pending], path: str) -> None:
    """One table cell's text into its field: a checkbox ticked for yes, a radio button or
    drop-down option chosen by its name or text, a text box written."""
    kind = field.kind
    if kind == "checkbox":
        _tick(field, bool_word(text))
        return
    if kind == "radio":
        for state in field.states():
            if _matches(text, state):
                _set_state(field, state)
                return
        raise PepdocsError("the value is not one of this radio group's options")
    _write_text(field, text, pending, path)


def _tick(field: FormField, ticked: bool | None) -> None:
    """A checkbox ticked (with its own on-state) or cleared."""
    if ticked is None:
        raise PepdocsError("a checkbox holds yes or no")
    states = field.states()
    if ticked and not states:
        raise PepdocsError("the checkbox has no on-state appearance to show")
    _set_state(field, states[0] if ticked else None)


def _write_text(field: FormField, text: str, pending: list[_Pending], path: str) -> None:
    """Text into a text box, or the drop-down option it names; appearances drawn later."""
    kind = field.kind
    text = clean_text(text)
    if kind == "choice":
        export, shown = _choice_option(field, text)
        field.node[NameObject("/V")] = TextStringObject(export)
        exports = [option for option, _ in field.options()]
        if export in exports:
            field.node[NameObject("/I")] = ArrayObject([NumberObject(exports.index(export))])
        for widget in field.widgets:
            pending.append(_Pending(field, widget, shown, path))
        return
    if kind == "text":
        field.node[NameObject("/V")] = TextStringObject(text)
        for widget in field.widgets:
            pending.append(_Pending(field, widget, text, path))
        return
    raise PepdocsError(f"a {kind} field cannot be filled")


def _fill_one(
    fields: Mapping[str, FormField],
    spec: FieldSpec,
    anchor: Anchor,
    value: FormValue,
    pending: list[_Pending],
) -> bool:
    if anchor.kind == "checkboxes":
        chosen = {value} if isinstance(value, str) else set(value or [])  # type: ignore[arg-type]
        options: Mapping[str, str] = anchor.options.get("options") or {}
        boxes = {key: fields.get(name) for key, name in options.items()}
        if not any(boxes.values()):
            return False
        for key, box in boxes.items():
            if box is not None:
                states = box.states()
                _set_state(box, states[0] if key in chosen and states else None)
        return True
    field = _find(fields, anchor)
    if field is None:
        return False
    kind = field.kind
    if kind == "checkbox":
        _tick(field, value if isinstance(value, bool) else bool_word(str(value)))
        return True
    if kind == "radio":
        _set_state(field, _radio_state(spec, anchor, field, value))
        return True
    if not isinstance(value, str):
        raise PepdocsError(f"a {kind} field holds text, not a list or yes/no")
    _write_text(field, value, pending, spec.path)
    return True


def flatten(data: bytes, name: str = "<document>") -> bytes:
    """A copy of a (filled) PDF form whose values are page content and that has no fields.

    Only for PDFs pepdocs made or trusts (its own fill output): untrusted input goes
    through :func:`read` and the bounded opener instead.
    """
    try:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data), strict=False))
    except Exception:
        raise DocumentError("is not a readable PDF (damaged or cut short)", name) from None
    flatten_writer(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# -- read --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OpenedPdf:
    """A completed PDF opened for reading within the safety bounds (see
    :func:`open_for_reading`): the worker's summary holds every field the read needs, so
    :func:`read` given this parses nothing more."""

    data: bytes
    name: str
    password: str | None
    summary: PdfSummary


def open_for_reading(data: bytes, name: str, password: str | None = None) -> OpenedPdf:
    """Open a completed PDF once, in the bounded worker (time and memory limits, password,
    dynamic XFA refused), with every terminal field as :func:`read` needs it. Pass the
    result to ``read(..., opened=...)`` to read it by several mappings (recognition then
    reading) without opening it again."""
    from pepdocs.safety.pdf import inspect_pdf

    summary = inspect_pdf(data, name, password, form=True, fields=False)
    if summary.dynamic_xfa:
        raise DocumentError(
            "is a dynamic XFA form (Adobe LiveCycle) that pepdocs cannot read; "
            "ask for the Word version or a flattened PDF",
            name,
        )
    return OpenedPdf(data, name, password, summary)


def _field_named(fields: Mapping[str, PdfFormField], name: str) -> PdfFormField | None:
    """A field by full name, or by a unique last part (a form re-saved under a parent)."""
    field = fields.get(name)
    if field is not None:
        return field
    matches = [key for key in fields if key.endswith(f".{name}")]
    return fields[matches[0]] if len(matches) == 1 else None


def _text_of(field: PdfFormField) -> str:
    value = field.value
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _cell_text(field: PdfFormField) -> str:
    """A table cell's field as text: a checkbox as a ticked or empty box, a radio group as
    its on-state, a drop-down as its shown text."""
    kind = field_kind(field.type, field.flags)
    if kind == "checkbox":
        return _TICKED if _state(field) is not None else _UNTICKED
    if kind == "radio":
        state = _state(field)
        return state.lstrip("/") if state is not None else ""
    text = _text_of(field)
    if kind == "choice":
        text = next((shown for export, shown in field.options if export == text), text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_table(
    fields: Mapping[str, PdfFormField], anchor: Anchor, spec: FieldSpec
) -> Reading | None:
    """The rows of a table of fields, ``{header: text}`` per printed row (every header, so
    a column is found by its header or an alias), then the rows fill put on a continuation
    sheet; None when none of its fields is there."""
    header: Sequence[str] = anchor.options.get("header") or ()
    printed: Sequence[Sequence[str | None]] = anchor.options.get("rows") or ()
    rows: list[dict[str, str]] = []
    present: list[str] = []
    for names in printed:
        row: dict[str, str] = {}
        for title, name in zip(header, names, strict=False):
            found = _field_named(fields, name) if name else None
            if found is None:
                row[title] = ""
                continue
            present.append(found.name)
            row[title] = _cell_text(found)
        rows.append(row)
    if not present:
        return None
    notes: list[str] = []
    number = len(printed) + 1
    while True:
        continued = [
            continued_field_name(spec.path, number, column)
            for column in range(1, len(spec.columns) + 1)
        ]
        if not any(name in fields for name in continued):
            break
        rows.append(
            {
                column.header: _cell_text(fields[name]) if name in fields else ""
                for column, name in zip(spec.columns, continued, strict=True)
            }
        )
        number += 1
    if number > len(printed) + 1:
        notes.append(f"rows {len(printed) + 1} to {number - 1} read from the continuation sheet")
    location = f"table of fields {present[0]!r} to {present[-1]!r}"
    return Reading("found", rows, location, anchor, notes)


def _read_one(
    fields: Mapping[str, PdfFormField], spec: FieldSpec, anchor: Anchor
) -> Reading | None:
    if anchor.kind == "table":
        return _read_table(fields, anchor, spec)
    if anchor.kind == "checkboxes":
        options: Mapping[str, str] = anchor.options.get("options") or {}
        present = [key for key, name in options.items() if name in fields]
        if not present:
            return None
        ticked = [key for key in present if _state(fields[options[key]]) is not None]
        location = f"checkboxes {', '.join(options[key] for key in present)}"
        return Reading("found", ticked, location, anchor)
    field = _field_named(fields, anchor.key)
    if field is None:
        return None
    location = f"field {field.name!r}"
    kind = field_kind(field.type, field.flags)
    if kind == "checkbox":
        return Reading("found", _state(field) is not None, location, anchor)
    if kind == "radio":
        state = _state(field)
        if state is None:
            return Reading("empty", None, location, anchor)
        text = state.lstrip("/")
        mapped: Mapping[str, str] = anchor.options.get("states") or {}
        for code, on in mapped.items():
            if on.lstrip("/") == text:
                written = spec.transform.to_form(code)
                return Reading(
                    "found", written if isinstance(written, str) else code, location, anchor
                )
        exports = [option for option, _ in field.options]
        if text.isdigit() and int(text) < len(exports):
            text = exports[int(text)]  # states named by position, /Opt gives the value
        return Reading("found", text, location, anchor)
    text = _text_of(field)
    if kind == "choice":
        text = next((shown for export, shown in field.options if export == text), text)
    if not text.strip():
        return Reading("empty", None, location, anchor)
    return Reading("found", text.replace("\r\n", "\n").replace("\r", "\n"), location, anchor)


def _state(field: PdfFormField) -> str | None:
    """A checkbox's or radio group's on-state, or None when it is off. Checked is anything
    but ``/Off``: on-state names are the form author's choice (ISO 32000-2); some writers
    set only the widgets' ``/AS``."""
    value = field.value
    if value is not None and str(value) not in (OFF, ""):
        return str(value)
    for state in field.widget_states:
        if state is not None and state != OFF:
            return state
    return None


#: ``read`` takes an opened document too (:func:`pepdocs.formats.read_form`)
READS_OPENED = True


def read(
    form: FormSpec,
    data: bytes | OpenedDocument,
    name: str,
    *,
    password: str | None = None,
    opened: OpenedPdf | None = None,
) -> DocumentReading:
    """Read a completed PDF form. A PDF without fields (flattened, or printed from Word) is
    read from its text by the mapping's label anchors, with lower confidence.

    The PDF is opened once, in the bounded worker, which reports every field with its value
    and states (:func:`open_for_reading`; pass ``opened`` when it already was): nothing of
    the PDF is parsed in this process. Page text (label fallbacks) and printed places
    (fields no entry reads) are asked of the worker only when needed. ``data`` may be the
    document opened once (``pepdocs.formats.open_document``): what the worker gave for it
    is then kept on it and reused (:mod:`.once`)."""
    document = open_once(data, name)
    if opened is None:
        opened = opened_for_reading(document, password)
    password = opened.password
    fields = {field.name: field for field in opened.summary.form}
    if not fields:
        return read_layer(form, opened_text(document, password))
    notes: list[str] = []
    for field in opened.summary.form:
        if field.from_stream and isinstance(field.value, str):
            notes.append(f"field {field.name!r}: its value is stored as a stream; read from it")
        if field.shown_differs:
            notes.append(
                f"field {field.name!r}: the page shows something else than the stored value "
                "(the file was changed after it was filled); check it against the printed form"
            )
    readings: dict[int, Reading] = {}
    wanted_labels: list[int] = []
    used: set[str] = set()
    for index, spec in enumerate(form.fields):
        reading: Reading | None = None
        for anchor in spec.anchors:
            if anchor.kind not in _FIELD_ANCHORS:
                continue
            if anchor.kind == "checkboxes":
                used.update((anchor.options.get("options") or {}).values())
            elif anchor.kind == "table":
                for names in anchor.options.get("rows") or ():
                    used.update(name for name in names if name)
                prefix = continued_prefix(spec.path)
                used.update(name for name in fields if name.startswith(prefix))
            else:
                used.add(anchor.key)
            reading = _read_one(fields, spec, anchor)
            if reading is not None:
                break
        if reading is None and any(anchor.kind == "label" for anchor in spec.anchors):
            wanted_labels.append(index)
        readings[index] = reading or Reading("missing")
    confidence = 1.0
    if wanted_labels:
        layer = TextLayer(opened_text(document, password), all_labels(form))
        found = read_labels(form, layer, wanted_labels)
        if found:
            readings.update(found)
            notes.append("some fields were missing and were read from the page text by label")
            confidence = 0.9
    left_over = {
        field_name: field.value
        for field_name, field in fields.items()
        if field_name not in used and field.value not in (None, "", OFF) and field.type != "/Btn"
    }
    places = _printed_places(document, password) if left_over else {}
    unmapped = [
        f"{places[field_name]} ({field_name}): {value}"
        if field_name in places
        else f"{field_name}: {value}"
        for field_name, value in left_over.items()
    ]
    return DocumentReading(readings, unmapped, notes, confidence)


def _printed_places(document: OpenedDocument, password: str | None) -> dict[str, str]:
    """Each field's printed label, where the page shows one (its column header and row
    label in a table of fields, else the label on its left, else above it, else its
    tooltip), so a field named ``Text20`` is reported as a person would find it."""
    layout = opened_layout(document, password)
    places: dict[str, str] = {}
    for widget in layout.widgets:
        label = (
            widget.column
            or (widget.left.text if widget.left else "")
            or (widget.above.text if widget.above else "")
            or widget.tooltip
        )
        label = " ".join(label.split()).rstrip(":").strip()
        if label and widget.name not in places:
            places[widget.name] = label
    return places


def read_text_layer(
    form: FormSpec, data: bytes | OpenedDocument, name: str, *, password: str | None = None
) -> DocumentReading:
    """Read any PDF's text layer (its bytes, or the document opened once) by the label
    anchors of ``form`` (of any kind: a Word form's mapping reads the same form printed to
    PDF). Confidence is :data:`TEXT_LAYER_CONFIDENCE`; tables are not read."""
    reading = read_layer(form, opened_text(open_once(data, name), password))
    reading.notes[:] = ["read from the PDF's page text by the form's labels (not a form)"]
    return reading
