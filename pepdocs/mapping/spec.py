"""The in-memory form of a mapping file: what the loader produces and the engines consume.

A mapping file (YAML, documented in docs/mappings.md) describes ONE authority form. Each field
entry ties a model path to one or more anchors (where the value lives on the form: the first
is tried first, the rest are fallbacks) and a transform (how a model value becomes form text
and back). Repeating sections (targets, attendees...) carry columns instead of a single value.

Engines never see the PEP: they see ``FieldSpec`` objects and the form values for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from pepdocs.mapping.transforms import Transform
    from pepdocs.model.phases import Phase

FormKind = Literal["docx", "xlsx", "pdf"]
#: The file kinds a mapping file's ``kind`` may name (one engine each, ``pepdocs.formats``).
FORM_KINDS: tuple[FormKind, ...] = get_args(FormKind)

#: A value as a form holds it: text for boxes, bool for a single checkbox, the chosen option
#: key(s) for a checkbox group, and a list of rows (column header -> text) for a table.
FormValue = str | bool | list[str] | list[dict[str, str]] | None

#: What an engine had to do so that a value shows in full on paper: ``smaller`` (a PDF box's
#: text drawn below its form's font size), ``continued`` (text or rows moved to a
#: continuation sheet, the box saying so), ``taller`` (a fixed-height Word row or Excel row
#: made to grow with its text).
FitKind = Literal["smaller", "continued", "taller"]


@dataclass(frozen=True, slots=True)
class FillNote:
    """One value that did not fit its box as the template drew it, and what fill did.

    ``path`` is the field's model path, a table cell's with its row (``targets.2.actions``),
    or a table's (``targets``) for rows; ``message`` says what was done, never the value.
    Engines add these to the ``notes`` list ``fill`` is given (``FormEngine.fill``).
    """

    path: str
    kind: FitKind
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a value lives on a form.

    ``kind`` is the anchor's YAML key (``control``, ``legacy``, ``label``, ``checkboxes``,
    ``checkbox``, ``table``, ``heading``, ``cell``, ``name``, ``field``...); ``key`` is its main
    argument (a tag, a label text, a field name, a cell reference); ``options`` holds the rest
    (``section``, ``direction``, ``options`` of a checkbox group, a table's ``header``...).
    """

    kind: str
    key: str
    options: Mapping[str, Any] = field(default_factory=dict)
    line: int = 0

    def describe(self) -> str:
        return f"{self.kind} {self.key!r}"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column of a repeating section: an item path and the header it sits under."""

    path: str
    header: str
    transform: Transform
    line: int = 0
    #: extra headers that name the same column on older revisions of the form
    aliases: tuple[str, ...] = ()
    #: the column's place in a Word table (1 = the first) when its header cell is blank (a
    #: column of roles printed down the side); 0 when the header names it
    position: int = 0
    #: headers of the table's columns one of which is ticked in each row, the value being
    #: the ticked one's header (``8-20``, ``16-26``, ... months: a band grid); () otherwise
    ticked: tuple[str, ...] = ()
    #: with ``ticked``: the letter typed in the chosen column's cell instead of a tick ("N"
    #: in the band the child is working within now, "T" in the one expected next), several
    #: columns' letters sharing the same cells; empty for a tick
    mark: str = ""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One mapping entry: model path(s), anchors in order of preference, transform, columns."""

    paths: tuple[str, ...]
    anchors: tuple[Anchor, ...]
    transform: Transform
    columns: tuple[ColumnSpec, ...] = ()
    line: int = 0
    #: fill writes this field; ``False`` for read-only entries (e.g. a computed total)
    fill: bool = True
    #: extract reads this field; ``False`` for boxes that are write-only on this form
    extract: bool = True
    note: str = ""
    #: a repeating section's columns of which a row must fill one to be an item: the form's
    #: printed rows (a role, a subject already written in) with nothing typed are not items
    key_columns: tuple[str, ...] = ()
    #: why a drafted entry needs a person to check it (``infer-mapping``); check-mapping
    #: warns until the line is removed
    confirm: str = ""
    #: what a repeating table's title says of every row it lists, (item path, model value):
    #: under "Who attended" each person listed attended; read into each item that does not
    #: say otherwise, never written
    each_row: tuple[tuple[str, Any], ...] = ()
    #: one item of a list named by a box of its own ("Date of pathway plan"): (item path,
    #: model value) of what says which item it is; ``paths`` is then ``<list>.<item field>``
    item: tuple[tuple[str, Any], ...] = ()

    @property
    def path(self) -> str:
        """The model path (for a join: the paths joined with ``+``; for one item of a list:
        ``linked_plans[type=PATHWAY].date``)."""
        if self.item:
            section, field = self.item_of
            said = ",".join(f"{path}={value}" for path, value in self.item)
            return f"{section}[{said}].{field}"
        return "+".join(self.paths)

    @property
    def item_of(self) -> tuple[str, str]:
        """For one item of a list: the list's path and the item field the box holds."""
        section, _, field = self.paths[0].rpartition(".")
        return section, field

    def item_in(self, items: Any) -> dict[str, Any] | None:
        """The first of a list's ``items`` this entry's ``item`` names, or None."""
        if not isinstance(items, list):
            return None
        return next((found for found in items if self.is_item(found)), None)

    def is_item(self, item: Any) -> bool:
        """Whether a list item is the one this entry's ``item`` names."""
        if not isinstance(item, Mapping):
            return False
        return all(_same(item.get(path), value) for path, value in self.item)

    @property
    def repeating(self) -> bool:
        return bool(self.columns)

    @property
    def anchor(self) -> Anchor:
        return self.anchors[0]


@dataclass(frozen=True, slots=True)
class FormSpec:
    """A loaded mapping file: one authority form."""

    authority: str
    name: str
    form: Phase
    version: str
    kind: FormKind
    template: Path
    fields: tuple[FieldSpec, ...]
    source: Path
    #: mapping-file sections other modules own: ``roster`` (batch), ``rules`` (compliance),
    #: ``fingerprint`` (detection), ``engine`` options (e.g. ``docxtpl`` for Jinja templates)
    settings: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    #: further phases this form is used for besides ``form`` (the mapping's ``phases`` key)
    phases: tuple[str, ...] = ()
    #: what the loader found worth saying but not wrong: transforms that cannot be read back
    #: (``file:line: child.name+care.carer.name: ...``); reports repeat them
    warnings: tuple[str, ...] = ()
    #: a mapping inferred from the very document being read: there is no blank form, so
    #: nothing is known to be printed rather than typed (``pepdocs.recognition``)
    inferred: bool = False

    @property
    def label(self) -> str:
        return f"{self.authority}/{self.form}"

    @property
    def covers(self) -> tuple[str, ...]:
        """Every phase this form serves: ``form`` first, then the extra ``phases``."""
        return (self.form, *(phase for phase in self.phases if phase != self.form))

    def field_for(self, path: str) -> FieldSpec | None:
        for spec in self.fields:
            if path in spec.paths or spec.path == path:
                return spec
        return None


def _same(value: Any, wanted: Any) -> bool:
    if isinstance(value, str) and isinstance(wanted, str):
        return value.strip().casefold() == wanted.strip().casefold()
    return bool(value == wanted)
