"""Fill: form values -> a copy of the template with each value written at its anchor.

A template is prepared once (parsed, its package minus ``document.xml`` zipped, its anchors
located); each record deep-copies the parsed body, points the located slots at the copy and
writes. All anchors are resolved before the first write, so a table that grows or a block
that is rewritten cannot move another field's anchor.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lxml import etree

from pepdocs.errors import MappingError
from pepdocs.formats.word._xml import Element
from pepdocs.formats.word.controls import ContentControl, find_controls
from pepdocs.formats.word.document import DocumentIndex
from pepdocs.formats.word.headings import BlockSlot
from pepdocs.formats.word.heights import fixed_rows, let_grow, would_clip
from pepdocs.formats.word.locate import label_texts, locate
from pepdocs.formats.word.package import (
    DOCUMENT_PART,
    STYLES_PART,
    PreparedPackage,
    WordPackage,
    serialise,
)
from pepdocs.formats.word.repeating import TableSlot
from pepdocs.formats.word.slots import ControlSlot, Slot, Where
from pepdocs.formats.word.templated import JinjaTemplate, uses_docxtpl
from pepdocs.mapping.spec import FieldSpec, FillNote, FormSpec, FormValue
from pepdocs.safety.package import read_input


@dataclass(frozen=True)
class _Resolved:
    """One field's slot located on the template, and where its elements are, as child-index
    paths from the root, so a record's copy of the tree can be pointed at directly."""

    slot: Slot
    where: Where
    elements: tuple[Element, ...]
    paths: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class PreparedTemplate:
    """A Word template parsed once, ready to fill any number of records.

    Anchors are located once, on the template (which is never written to); each record
    deep-copies the parsed body, rebinds the located slots to the copy by element paths, and
    writes. Locating is most of the work of a fill, so this is what makes batches fast.
    """

    source: str  # the mapping file, for messages
    template: str
    document: Element
    styles: Element | None
    package: PreparedPackage
    #: the form's label texts (see ``DocumentIndex.label_texts``)
    labels: tuple[str, ...] = ()
    #: headers/footers with tagged controls: copies of a body control there are filled too
    margins: dict[str, Element] = field(default_factory=dict)
    _resolved: dict[str, _Resolved] = field(default_factory=dict)

    @cached_property
    def index(self) -> DocumentIndex:
        return DocumentIndex(self.document, self.styles, self.labels)

    @classmethod
    def from_bytes(
        cls, data: bytes, template: str, source: str = "", labels: tuple[str, ...] = ()
    ) -> PreparedTemplate:
        opened = WordPackage.open(data, template)
        margins = opened.header_footer_parts()
        return cls(
            margins=margins,
            labels=labels,
            source=source,
            template=template,
            document=opened.document(),
            styles=opened.part(STYLES_PART),
            package=opened.prepared(tuple(margins)),
        )

    def fill(
        self,
        values: Sequence[tuple[FieldSpec, FormValue]],
        notes: list[FillNote] | None = None,
    ) -> bytes:
        wanted = [(spec, value) for spec, value in values if value is not None and spec.fill]
        resolved = [(self.resolve(spec), value) for spec, value in wanted]
        root = copy.deepcopy(self.document)
        plan: list[tuple[Slot, FormValue, Where]] = []
        for entry, value in resolved:
            mapping = {
                element: _follow(root, path)
                for element, path in zip(entry.elements, entry.paths, strict=True)
            }
            plan.append((_rebind(entry.slot, mapping, {}), value, entry.where))
        parts = {DOCUMENT_PART: root}
        for name, margin in self.margins.items():
            copied = copy.deepcopy(margin)
            parts[name] = copied
            plan.extend(_margin_copies(copied, resolved))
        write_plan(plan)
        _let_rows_grow(plan, notes)
        return self.package.write({name: serialise(part) for name, part in parts.items()})

    def resolve(self, spec: FieldSpec) -> _Resolved:
        key = f"{spec.line}:{spec.path}:{[a.describe() for a in spec.anchors]}"
        found = self._resolved.get(key)
        if found is None:
            slot, where = resolve_for_fill(self.index, spec, self.source)
            elements = tuple(dict.fromkeys(_elements(slot, set())))
            paths = tuple(_path(self.document, element) for element in elements)
            found = _Resolved(slot, where, elements, paths)
            self._resolved[key] = found
        return found


def _margin_copies(
    margin: Element, resolved: Sequence[tuple[_Resolved, FormValue]]
) -> Iterator[tuple[Slot, FormValue, Where]]:
    """Controls in a header or footer with the tag of a body control being filled."""
    by_tag: dict[str, list[ContentControl]] = {}
    for control in find_controls(margin):
        if control.tag:
            by_tag.setdefault(control.tag, []).append(control)
    for entry, value in resolved:
        if isinstance(entry.slot, ControlSlot) and entry.where.anchor.kind == "control":
            copies = by_tag.get(entry.where.anchor.key)
            if copies:
                yield ControlSlot(copies, entry.slot.location), value, entry.where


def _path(root: Element, element: Element) -> tuple[int, ...]:
    steps: list[int] = []
    node = element
    parent = node.getparent()
    while parent is not None:
        steps.append(parent.index(node))
        node = parent
        parent = node.getparent()
    if node is not root:
        raise AssertionError("a located element is not in the template tree")
    return tuple(reversed(steps))


def _follow(root: Element, path: tuple[int, ...]) -> Element:
    node = root
    for step in path:
        node = node[step]
    return node


def _elements(value: object, seen: set[int]) -> Iterator[Element]:
    """Every lxml element a slot (and the objects it holds) points at."""
    if isinstance(value, etree._Element):
        yield value
        return
    if isinstance(value, (str, bytes, int, float, bool)) or value is None:
        return
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _elements(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _elements(item, seen)
    elif hasattr(value, "__dict__"):
        for item in vars(value).values():
            yield from _elements(item, seen)


def _rebind(value: Any, mapping: dict[Element, Element], memo: dict[int, Any]) -> Any:
    """A copy of a slot (and what it holds) pointing at the record's elements instead of the
    template's; shared objects stay shared."""
    if isinstance(value, etree._Element):
        return mapping[value]
    if isinstance(value, (str, bytes, int, float, bool)) or value is None:
        return value
    if id(value) in memo:
        return memo[id(value)]
    if isinstance(value, list):
        rebuilt: Any = []
        memo[id(value)] = rebuilt
        rebuilt.extend(_rebind(item, mapping, memo) for item in value)
        return rebuilt
    if isinstance(value, tuple):
        rebuilt = tuple(_rebind(item, mapping, memo) for item in value)
        memo[id(value)] = rebuilt
        return rebuilt
    if isinstance(value, dict):
        rebuilt = {}
        memo[id(value)] = rebuilt
        for key, item in value.items():
            rebuilt[key] = _rebind(item, mapping, memo)
        return rebuilt
    if hasattr(value, "__dict__"):
        rebuilt = copy.copy(value)
        memo[id(value)] = rebuilt
        for name, item in vars(value).items():
            setattr(rebuilt, name, _rebind(item, mapping, memo))
        return rebuilt
    return value


def _let_rows_grow(
    plan: Sequence[tuple[Slot, FormValue, Where]], notes: list[FillNote] | None
) -> None:
    """Rows of exact height that a value was written into grow with it (``heights``); a
    value the row would have cut off is noted."""
    for slot, value, where in plan:
        if value in (None, "", []):
            continue
        clipped = 0
        for tr in list(fixed_rows(_elements(slot, set()))):
            clipped += would_clip(tr)
            let_grow(tr)
        if clipped and notes is not None:
            rows = "a row" if clipped == 1 else f"{clipped} rows"
            notes.append(
                FillNote(
                    where.field.path,
                    "taller",
                    f"{rows} of fixed height would have cut the text off; made to grow with it",
                )
            )


def write_plan(plan: list[tuple[Slot, FormValue, Where]]) -> None:
    # Structure-changing writes last: rows added to a table or a rewritten block must not
    # disturb the elements other slots point at.
    plan.sort(key=lambda item: isinstance(item[0], (TableSlot, BlockSlot)))
    for slot, value, where in plan:
        slot.write(value, where)


def resolve_for_fill(index: DocumentIndex, spec: FieldSpec, source: str) -> tuple[Slot, Where]:
    """The primary anchor's slot, else the first fallback found; a template must carry its
    anchors, so none found is a mapping error."""
    for anchor in spec.anchors:
        slot = locate(index, anchor, spec, source)
        if slot is not None:
            return slot, Where(source, spec, anchor)
    if not spec.anchors:
        raise MappingError(f"field {spec.path!r} has no anchor", source or None, spec.line or None)
    anchor = spec.anchors[0]
    raise MappingError(
        f"field {spec.path!r}: the template has no {anchor.describe()}"
        + (" nor any fallback anchor" if len(spec.anchors) > 1 else "")
        + "; fix the mapping or the template",
        source or None,
        anchor.line or spec.line or None,
    )


Prepared = PreparedTemplate | JinjaTemplate
_PREPARED: dict[tuple[str, int, int, str], Prepared] = {}


def prepare(form: FormSpec) -> Prepared:
    """The prepared template of a form, cached per template file (path, mtime, size) and
    mapping file: a ``PreparedTemplate``, or a ``JinjaTemplate`` for ``engine: docxtpl``."""
    path = str(form.template)
    try:
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size, str(form.source))
    except OSError:
        key = (path, -1, -1, str(form.source))
    prepared = _PREPARED.get(key)
    if prepared is None:
        data = read_input(Path(path))
        if uses_docxtpl(form):
            prepared = JinjaTemplate.from_bytes(data, path, form)
        else:
            prepared = PreparedTemplate.from_bytes(
                data, path, str(form.source) if form.source else "", label_texts(form)
            )
        if len(_PREPARED) > 64:
            _PREPARED.clear()
        _PREPARED[key] = prepared
    return prepared
