"""Fill: form values -> a copy of the template with each value written at its anchor.

A template is prepared once (parsed, its package minus ``document.xml`` zipped); each record
deep-copies the parsed body, resolves every anchor, then writes. All anchors are resolved
before the first write, so a table that grows or a block that is rewritten cannot move
another field's anchor.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pepdocs.errors import MappingError
from pepdocs.formats.safe_open import read_input
from pepdocs.formats.word._xml import Element
from pepdocs.formats.word.document import DocumentIndex
from pepdocs.formats.word.locate import locate
from pepdocs.formats.word.package import (
    DOCUMENT_PART,
    STYLES_PART,
    PreparedPackage,
    WordPackage,
    serialise,
)
from pepdocs.formats.word.slots import BlockSlot, Slot, TableSlot, Where
from pepdocs.formats.word.templated import JinjaTemplate, uses_docxtpl
from pepdocs.mapping.spec import FieldSpec, FormSpec, FormValue


@dataclass(frozen=True)
class PreparedTemplate:
    """A Word template parsed once, ready to fill any number of records."""

    source: str  # the mapping file, for messages
    template: str
    document: Element
    styles: Element | None
    package: PreparedPackage

    @classmethod
    def from_bytes(cls, data: bytes, template: str, source: str = "") -> PreparedTemplate:
        opened = WordPackage.open(data, template)
        return cls(
            source=source,
            template=template,
            document=opened.document(),
            styles=opened.part(STYLES_PART),
            package=opened.prepared(),
        )

    def fill(self, values: Sequence[tuple[FieldSpec, FormValue]]) -> bytes:
        root = copy.deepcopy(self.document)
        fill_tree(root, self.styles, values, self.source)
        return self.package.write({DOCUMENT_PART: serialise(root)})


def fill_tree(
    root: Element,
    styles: Element | None,
    values: Sequence[tuple[FieldSpec, FormValue]],
    source: str,
) -> None:
    """Write every value into ``root`` (a parsed ``document.xml``) in place."""
    index = DocumentIndex(root, styles)
    plan: list[tuple[Slot, FormValue, Where]] = []
    for spec, value in values:
        if value is None or not spec.fill:
            continue
        slot, where = resolve_for_fill(index, spec, source)
        plan.append((slot, value, where))
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
                data, path, str(form.source) if form.source else ""
            )
        if len(_PREPARED) > 64:
            _PREPARED.clear()
        _PREPARED[key] = prepared
    return prepared
