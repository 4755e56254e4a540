"""Follow an authority's template from one revision to the next.

``diff_template(old, new, mapping)`` locates every anchor of the mapping in both revisions
with the Word engine and reports, per anchor:

- ``moved``: found in both, somewhere else (``table 3 row 2`` -> ``table 4 row 5``);
- ``renamed``: gone from the new revision, but a new label, tag, field name or table header
  closely matches it (rapidfuzz) and the anchor finds a box with the new wording;
- ``vanished``: gone, with nothing close enough to take its place.

The updated mapping is the same YAML with renamed anchors rewritten in place (ruamel's
round-trip mode keeps comments, order and quoting); vanished anchors are left for a person.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz
from ruamel.yaml import YAML

from pepdocs.errors import MappingError
from pepdocs.formats.word.inspect import (
    DocumentIndex,
    WordPackage,
    label_texts,
    locate,
    normalise,
)
from pepdocs.inference.lexicon import load_lexicon
from pepdocs.mapping.loader import load_mapping
from pepdocs.mapping.spec import Anchor, FieldSpec, FormSpec
from pepdocs.safety.package import read_input

__all__ = ["AnchorChange", "Drift", "diff_template"]

ChangeKind = Literal["moved", "renamed", "vanished"]

#: How close (rapidfuzz ratio) a new wording must be to the old one to count as a rename.
RENAME_SIMILARITY = 75


@dataclass(frozen=True, slots=True)
class AnchorChange:
    kind: ChangeKind
    path: str
    anchor: str
    line: int
    file: str
    old_where: str = ""
    new_where: str = ""
    new_key: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: {self.path}: {self.anchor}"
        if self.kind == "moved":
            return f"{where} moved: {self.old_where} -> {self.new_where}"
        if self.kind == "renamed":
            return f"{where} renamed to {self.new_key!r} ({self.new_where})"
        return f"{where} vanished from the new template; fix or remove this anchor"


@dataclass(slots=True)
class Drift:
    changes: list[AnchorChange] = field(default_factory=list)
    updated_yaml: str = ""

    def by_kind(self, kind: ChangeKind) -> list[AnchorChange]:
        return [change for change in self.changes if change.kind == kind]


def _index(path: str | os.PathLike[str], form: FormSpec) -> DocumentIndex:
    package = WordPackage.open(read_input(Path(path)), os.fspath(path))
    return DocumentIndex.of_package(package, label_texts(form))


def _texts(index: DocumentIndex) -> set[str]:
    """Label-like texts a revision shows: short cell texts and paragraph heads."""
    found: set[str] = set()
    for _, cell, _ in index.cell_entries:
        text = cell.text().strip()
        if text and len(text) <= 80 and "\n" not in text:
            found.add(text.rstrip(":").strip())
    for _, text in index.paragraph_texts:
        head = text.split(":", 1)[0].strip()
        if head and len(head) <= 80:
            found.add(head)
    return found


def _names(index: DocumentIndex, kind: str) -> set[str]:
    if kind == "control":
        return {n for c in index.controls for n in (c.tag, c.alias) if n}
    return {n for f in index.legacy_fields for n in f.names if n}


def diff_template(
    old: str | os.PathLike[str],
    new: str | os.PathLike[str],
    mapping: str | os.PathLike[str],
) -> Drift:
    """Changes of the mapping's anchors from ``old`` to ``new`` and the updated mapping."""
    form = load_mapping(mapping, require_template=False)
    if form.kind != "docx":
        raise MappingError("diff-template compares Word templates only", str(form.source))
    old_index = _index(old, form)
    new_index = _index(new, form)
    old_texts, new_texts = _texts(old_index), _texts(new_index)
    file = str(form.source)
    drift = Drift()
    renames: list[tuple[int, int, Anchor, str, str]] = []  # field, anchor no., anchor, old, new
    for field_number, spec in enumerate(form.fields):
        for anchor_number, anchor in enumerate(spec.anchors):
            line = anchor.line or spec.line
            before = locate(old_index, anchor, spec, file)
            after = locate(new_index, anchor, spec, file)
            if after is not None:
                if before is not None and before.location != after.location:
                    drift.changes.append(
                        AnchorChange(
                            "moved",
                            spec.path,
                            anchor.describe(),
                            line,
                            file,
                            before.location,
                            after.location,
                        )
                    )
                continue
            renamed = _rename(anchor, spec, new_index, old_index, old_texts, new_texts, file)
            if renamed is None:
                drift.changes.append(
                    AnchorChange(
                        "vanished",
                        spec.path,
                        anchor.describe(),
                        line,
                        file,
                        before.location if before else "",
                    )
                )
                continue
            old_word, new_word, where = renamed
            drift.changes.append(
                AnchorChange(
                    "renamed",
                    spec.path,
                    anchor.describe(),
                    line,
                    file,
                    before.location if before else "",
                    where,
                    new_word,
                )
            )
            renames.append((field_number, anchor_number, anchor, old_word, new_word))
    drift.updated_yaml = _rewrite(Path(mapping), renames, Path(new))
    return drift


def _rename(
    anchor: Anchor,
    spec: FieldSpec,
    new_index: DocumentIndex,
    old_index: DocumentIndex,
    old_texts: set[str],
    new_texts: set[str],
    file: str,
) -> tuple[str, str, str] | None:
    """(old wording, new wording, where) for the closest new wording that finds a box."""
    if anchor.kind in ("control", "legacy", "bookmark"):
        kind = "control" if anchor.kind == "control" else "legacy"
        pool = _names(new_index, kind) - _names(old_index, kind)
        old_words = [anchor.key]
    elif anchor.kind == "table":
        headers = [str(h) for h in anchor.options.get("header") or ()]
        pool = new_texts - old_texts
        for header in headers:
            probe = replace(anchor, key=header, options={**anchor.options, "header": [header]})
            if locate(new_index, probe, _bare(spec, probe), file) is None:
                found = _closest(header, pool)
                if found is None:
                    return None
                headers = [found if h == header else h for h in headers]
                moved = replace(anchor, options={**anchor.options, "header": tuple(headers)})
                slot = locate(new_index, moved, _bare(spec, moved), file)
                if slot is not None:
                    return header, found, slot.location
        return None
    elif anchor.kind in ("label", "checkbox", "heading"):
        pool = new_texts - old_texts
        old_words = [anchor.key]
    else:
        return None
    for word in old_words:
        found = _closest(word, pool)
        if found is None and anchor.kind in ("label", "heading"):
            found = _same_meaning(spec.path, pool)
        if found is None:
            continue
        candidate = replace(anchor, key=found)
        if anchor.kind == "control" and anchor.options:
            option = "tag" if anchor.options.get("tag") == word else "alias"
            candidate = replace(candidate, options={**anchor.options, option: found})
        slot = locate(new_index, candidate, spec, file)
        if slot is not None:
            return word, found, slot.location
    return None


def _same_meaning(path: str, pool: set[str]) -> str | None:
    """The one new wording the lexicon reads as the field's own path ("Surname" became
    "Family name"): a synonym is a rename no spelling distance would see."""
    lexicon = load_lexicon()
    found = [text for text in pool if (match := lexicon.match(text)) and match.path == path]
    return found[0] if len(found) == 1 else None


def _bare(spec: FieldSpec, anchor: Anchor) -> FieldSpec:
    return replace(spec, anchors=(anchor,), columns=())


def _closest(word: str, pool: set[str]) -> str | None:
    wanted = normalise(word)
    scored = sorted(((fuzz.ratio(wanted, normalise(text)), text) for text in pool), reverse=True)
    if not scored or scored[0][0] < RENAME_SIMILARITY:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two equally close candidates: a person must choose
    return scored[0][1]


def _rewrite(
    mapping: Path, renames: list[tuple[int, int, Anchor, str, str]], new_template: Path
) -> str:
    """The mapping text with each renamed anchor's wording replaced and ``template`` pointing
    at the new revision, comments kept."""
    yaml = YAML()  # round-trip: comments, order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    text = mapping.read_text(encoding="utf-8")
    document = yaml.load(text)
    fields = document.get("fields") or []
    for field_number, anchor_number, anchor, old_word, new_word in renames:
        node = fields[field_number]
        holder = node.get("at") if anchor_number == 0 else node.get("also")
        if anchor_number > 0 and isinstance(holder, list):
            holder = holder[anchor_number - 1]
        if holder is None:
            continue
        _replace(holder, old_word, new_word)
        if anchor.kind == "table":
            for column in node.get("columns") or []:
                if column.get("header") == old_word:
                    column["header"] = new_word
    try:
        shown = os.path.relpath(new_template.resolve(), mapping.resolve().parent)
    except ValueError:  # another drive on Windows
        shown = str(new_template.resolve())
    document["template"] = _same_style(document.get("template"), Path(shown).as_posix())
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _replace(node: Any, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` wherever it is a value inside an anchor node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and value == old:
                node[key] = (
                    type(value)(new) if not isinstance(value, str) else _same_style(value, new)
                )
            else:
                _replace(value, old, new)
    elif isinstance(node, list):
        for number, value in enumerate(node):
            if isinstance(value, str) and value == old:
                node[number] = _same_style(value, new)
            else:
                _replace(value, old, new)


def _same_style(old: Any, new: str) -> Any:
    """The new text in the old scalar's quoting style (ruamel keeps the style on the type)."""
    cls = type(old)
    try:
        return cls(new)
    except TypeError:
        return new
