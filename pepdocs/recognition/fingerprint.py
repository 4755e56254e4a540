"""Which known authority's form is this document? By fingerprint.

Each known form has a *fingerprint*: its control tags, legacy field names, label texts,
checkbox labels and table headers (from its mapping file, cached per file), plus the texts of
the mapping's own ``fingerprint:`` list (the authority's name in the header, the form's title).
A document's fingerprint is every text it shows (cells, paragraphs, headers and footers) and
every tag and field name it carries. The score of a form is the weighted share of its items
the document has. Items every PEP form has ("Date of birth", "UPN": any lexicon wording) weigh
little, so an unknown authority's form that asks the same questions does not pass for a known
one; tags, field names and the authority's own texts weigh most. Excel and PDF forms are
scored by the share of their fields whose anchors the document has.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pepdocs.errors import DocumentError, PepdocsError
from pepdocs.formats import OpenedDocument, opened, read_form
from pepdocs.formats.word import inspect as word
from pepdocs.inference.lexicon import fold, load_lexicon, strip_note
from pepdocs.mapping.registry import list_authorities, load_form
from pepdocs.mapping.spec import FormSpec

__all__ = [
    "DETECTION_THRESHOLD",
    "Detection",
    "candidate_forms",
    "detect_form",
    "fingerprint",
]

#: Weighted share of a form's fingerprint a document must show to count as that form.
DETECTION_THRESHOLD = 0.6

_WEIGHT_OWN = 3.0  # the mapping's fingerprint texts: the authority's name, the form's title
_WEIGHT_NAME = 1.0  # control tags, legacy field names, uncommon label texts
_WEIGHT_COMMON = 0.3  # wordings every PEP form uses (any lexicon wording)

Item = tuple[str, float]  # (folded text or name, weight)


@dataclass(frozen=True, slots=True)
class Detection:
    """The best-matching known form (None: no form scored the threshold), its score, and
    the next best for the report."""

    form: FormSpec | None
    score: float
    runner_up: FormSpec | None = None
    runner_up_score: float = 0.0
    best: FormSpec | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def recognised(self) -> bool:
        return self.form is not None


# --- fingerprints ------------------------------------------------------------------------------


def fingerprint(form: FormSpec) -> tuple[Item, ...]:
    """What a document of ``form`` shows, weighted; cached per mapping file and version."""
    try:
        stat = os.stat(form.source)
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, 0)
    key = (str(form.source), stamp, form.version)
    cached = _FINGERPRINTS.get(key)
    if cached is None:
        if len(_FINGERPRINTS) > 128:
            _FINGERPRINTS.clear()
        cached = _FINGERPRINTS[key] = _build_fingerprint(form)
    return cached


#: fingerprints by (mapping file, its mtime and size, version): a form's are built once
_FINGERPRINTS: dict[tuple[str, tuple[int, int], str], tuple[Item, ...]] = {}


def _build_fingerprint(form: FormSpec) -> tuple[Item, ...]:
    lexicon = load_lexicon()
    common = {fold(w) for wordings in lexicon.fields.values() for w in wordings}
    common.update(fold(w) for labels, _ in lexicon.in_section.values() for w in labels)
    common.update(
        fold(w) for table in lexicon.tables.values() for ws in table.columns.values() for w in ws
    )
    items: dict[str, float] = {}

    def text(value: str) -> None:
        folded = fold(strip_note(value))
        if folded:
            weight = _WEIGHT_COMMON if folded in common or fold(value) in common else _WEIGHT_NAME
            items.setdefault(f"t:{folded}", weight)

    for own in form.settings.get("fingerprint") or ():
        if isinstance(own, str) and fold(own):
            items[f"t:{fold(own)}"] = _WEIGHT_OWN
    for spec in form.fields:
        for anchor in spec.anchors:
            if anchor.kind == "control":
                for name in {anchor.key, *(str(v) for v in anchor.options.values())}:
                    items.setdefault(f"n:{name}", _WEIGHT_NAME)
            elif anchor.kind in ("legacy", "bookmark", "name", "field", "radio"):
                items.setdefault(f"n:{anchor.key}", _WEIGHT_NAME)
            elif anchor.kind in ("label", "checkbox", "heading"):
                text(anchor.key)
            elif anchor.kind == "checkboxes":
                options = anchor.options.get("options") or {}
                for label in options.values():
                    text(str(label))
            elif anchor.kind == "table":
                for header in anchor.options.get("header") or ():
                    text(str(header))
    return tuple(items.items())


@dataclass(frozen=True, slots=True)
class _DocumentPrint:
    """A document's texts (folded, ``t:``) and tag/field names (``n:``), and all its text as
    one folded string, where a form's own texts are looked for as phrases ("Northshire
    Virtual School" inside "Prepared by Northshire Virtual School from ...")."""

    items: frozenset[str]
    text: str

    def __contains__(self, key: object) -> bool:
        return key in self.items

    def says(self, key: str) -> bool:
        return key in self.items or f" {key[2:]} " in self.text


def _document_items(document: OpenedDocument) -> _DocumentPrint:
    """Every text (folded, ``t:``) and tag/field name (``n:``) a Word document shows (its
    package and index are the opened document's: inference and the reading reuse them)."""
    package = word.word_package(document)
    index = word.document_index(document)
    found: set[str] = set()

    def add_text(value: str) -> None:
        for variant in (value, strip_note(value)):
            folded = fold(variant)
            if folded:
                found.add(f"t:{folded}")

    for _, text in index.paragraph_texts:
        add_text(text)
        head = text.split(":", 1)[0]
        if head != text:
            add_text(head)
        for segment in text.replace("\t", "   ").split("   "):
            if segment.strip():
                add_text(segment.split(":", 1)[0])
    for _, cell, _ in index.cell_entries:
        add_text(cell.text())
    for _, pairs in index.mark_paragraphs:
        for label, _ in pairs:
            add_text(label)
    for control in index.controls:
        for key in (control.tag, control.alias):
            if key:
                found.add(f"n:{key}")
    for legacy in index.legacy_fields:
        for key in legacy.names:
            found.add(f"n:{key}")
    for text in word.header_footer_texts(package):
        add_text(text)
    text = " | ".join(sorted(key[2:] for key in found if key.startswith("t:")))
    return _DocumentPrint(frozenset(found), f" {text} ")


def _share(items: Sequence[Item], document: _DocumentPrint) -> float:
    total = sum(weight for _, weight in items)
    if not total:
        return 0.0
    found = sum(
        weight
        for key, weight in items
        if (document.says(key) if weight >= _WEIGHT_OWN else key in document)
    )
    return found / total


def _score(items: Sequence[Item], document: _DocumentPrint) -> float:
    """The weighted share of ``items`` the document shows. A document that shows *all* of
    the form's own texts (its authority's name, its title) may be scored on texts alone:
    an editor that re-saves a form (LibreOffice, an .odt round trip) drops control tags and
    field names, and the labels are then all that is left to recognise it by."""
    combined = _share(items, document)
    own = [key for key, weight in items if weight >= _WEIGHT_OWN]
    if own and all(document.says(key) for key in own):
        texts = [item for item in items if item[0].startswith("t:")]
        return max(combined, _share(texts, document))
    return combined


# --- detection -----------------------------------------------------------------------------------


def candidate_forms(
    kind: str,
    mappings_dirs: Iterable[str | os.PathLike[str]] = (),
    form: str | None = None,
    authority: str | None = None,
) -> list[FormSpec]:
    """Known forms of ``kind`` (of one ``authority``, if given); ``form`` (a phase or a
    mapping file's stem) narrows them."""
    wanted = authority.strip().lower() if authority is not None else None
    forms: list[FormSpec] = []
    for known in list_authorities(mappings_dirs):
        if wanted is not None and known.name != wanted:
            continue
        for summary in known.forms:
            if summary.kind != kind or not summary.template_found:
                continue
            if form is not None and form not in (summary.form, summary.source.stem):
                continue
            forms.append(load_form(summary.source))
    return forms


def detect_form(
    data: bytes | OpenedDocument,
    name: str = "<document>",
    *,
    mappings_dirs: Iterable[str | os.PathLike[str]] = (),
    candidates: Sequence[FormSpec] | None = None,
    form: str | None = None,
) -> Detection:
    """The known form ``data`` was filled from, by fingerprint (see the module docstring).

    ``candidates`` replaces the registry's forms; ``form`` (a phase or a mapping file's
    stem) keeps only the forms of that name. ``data`` is the document's bytes or the
    document opened once (``pepdocs.formats.open_document``): an Excel or PDF document is
    then parsed once for every candidate, and the winner's reading is kept for extraction.
    """
    document = opened(data, name)
    name = document.name
    kind = document.kind
    if kind not in ("docx", "xlsx", "pdf"):
        raise DocumentError("is not a Word, Excel or PDF form", name)
    forms = (
        list(candidates) if candidates is not None else candidate_forms(kind, mappings_dirs, form)
    )
    forms = [candidate for candidate in forms if candidate.kind == kind]
    if not forms:
        return Detection(None, 0.0, notes=(f"no known {kind} form to compare with",))
    if kind != "docx":
        _check_readable(document)
    if kind == "docx":
        shown = _document_items(document)
        scored = [(_score(fingerprint(known), shown), known) for known in forms]
    else:
        scored = [(_engine_score(known, document), known) for known in forms]
    # Highest score first; a bigger form wins a tie (a small form's items can all be found in
    # a bigger form of the same authority).
    scored.sort(key=lambda pair: (pair[0], len(pair[1].fields)), reverse=True)
    score, best = scored[0]
    runner_up, runner_score = (scored[1][1], scored[1][0]) if len(scored) > 1 else (None, 0.0)
    notes = [f"best match {best.label} (score {score:.2f})"]
    if runner_up is not None:
        notes.append(f"next best {runner_up.label} (score {runner_score:.2f})")
    recognised = best if score >= DETECTION_THRESHOLD else None
    return Detection(recognised, score, runner_up, runner_score, best, tuple(notes))


def _check_readable(document: OpenedDocument) -> None:
    """Open an Excel or PDF document through the engines' safe loaders (what they parse is
    kept on the document for the reading), so that a damaged or refused one fails with its
    real reason, not "no form matched"."""
    if document.kind == "xlsx":
        from pepdocs.formats.excel import opened_book  # the engine's parse, kept

        opened_book(document)
    else:
        from pepdocs.formats.pdf import opened_for_reading  # the worker's summary, kept

        opened_for_reading(document)


def _engine_score(form: FormSpec, document: OpenedDocument) -> float:
    """Excel and PDF forms: the share of the form's fields whose anchors the document has
    (the reading is kept on the document: the winner is not read again)."""
    try:
        reading = read_form(form, document)
    except PepdocsError:
        return 0.0
    fields = [number for number, spec in enumerate(form.fields) if spec.extract]
    if not fields:
        return 0.0
    found = [n for n in fields if n in reading.readings and reading.readings[n].status != "missing"]
    return len(found) / len(fields)
