"""Which known authority's form is this document? And if none: read it anyway, carefully.

Each known form has a *fingerprint*: its control tags, legacy field names, label texts,
checkbox labels and table headers (from its mapping file, cached per file), plus the texts of
the mapping's own ``fingerprint:`` list (the authority's name in the header, the form's title).
A document's fingerprint is every text it shows (cells, paragraphs, headers and footers) and
every tag and field name it carries. The score of a form is the weighted share of its items
the document has. Items every PEP form has ("Date of birth", "UPN": any lexicon wording) weigh
little, so an unknown authority's form that asks the same questions does not pass for a known
one; tags, field names and the authority's own texts weigh most.

When no form scores :data:`DETECTION_THRESHOLD`, :func:`extract_any` infers a mapping from the
document itself and extracts with its surest entries only, marking the report low-confidence.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pepdocs.errors import DocumentError, MappingError, PepdocsError
from pepdocs.formats import get_engine
from pepdocs.formats.word.document import DocumentIndex
from pepdocs.formats.word.package import WordPackage
from pepdocs.formats.word.text import paragraph_text
from pepdocs.legacy.infer import (
    EXTRACT_MIN_CONFIDENCE,
    InferredEntry,
    infer_mapping_from_bytes,
)
from pepdocs.legacy.lexicon import fold, load_lexicon, strip_note
from pepdocs.mapping.loader import load_mapping
from pepdocs.mapping.registry import list_authorities, load_form
from pepdocs.mapping.spec import FormSpec
from pepdocs.safety.package import read_input, sniff_kind

if TYPE_CHECKING:
    from pepdocs.api import Extraction

__all__ = [
    "DETECTION_THRESHOLD",
    "INFERRED_AUTHORITY",
    "INFERRED_CONFIDENCE",
    "Detection",
    "detect_form",
    "extract_any",
    "fingerprint",
    "infer_form",
]

#: Weighted share of a form's fingerprint a document must show to count as that form.
DETECTION_THRESHOLD = 0.6
#: Confidence of a report read with a mapping inferred on the spot: always "check this".
INFERRED_CONFIDENCE = 0.4
#: The ``authority`` of an inferred mapping (never written into the extracted PEP).
INFERRED_AUTHORITY = "unrecognised"

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


def _document_items(data: bytes, name: str) -> _DocumentPrint:
    """Every text (folded, ``t:``) and tag/field name (``n:``) a Word document shows."""
    package = WordPackage.open(data, name)
    index = DocumentIndex.of_package(package)
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
    for part in package.zip.names():
        if part.startswith(("word/header", "word/footer")) and part.endswith(".xml"):
            root = package.part(part)
            if root is None:
                continue
            for paragraph in root.iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
            ):
                add_text(paragraph_text(paragraph))
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


def _candidates(
    kind: str, mappings_dirs: Iterable[str | os.PathLike[str]], form: str | None = None
) -> list[FormSpec]:
    """Known forms of ``kind``; ``form`` (a phase or a mapping file's stem) narrows them."""
    forms: list[FormSpec] = []
    for authority in list_authorities(mappings_dirs):
        for summary in authority.forms:
            if summary.kind != kind or not summary.template_found:
                continue
            if form is not None and form not in (summary.form, summary.source.stem):
                continue
            forms.append(load_form(summary.source))
    return forms


def detect_form(
    data: bytes,
    name: str = "<document>",
    *,
    mappings_dirs: Iterable[str | os.PathLike[str]] = (),
    candidates: Sequence[FormSpec] | None = None,
    form: str | None = None,
) -> Detection:
    """The known form ``data`` was filled from, by fingerprint (see the module docstring).

    ``candidates`` replaces the registry's forms; ``form`` (a phase or a mapping file's
    stem) keeps only the forms of that name.
    """
    kind = sniff_kind(data)
    if kind not in ("docx", "xlsx", "pdf"):
        raise DocumentError("is not a Word, Excel or PDF form", name)
    forms = list(candidates) if candidates is not None else _candidates(kind, mappings_dirs, form)
    forms = [candidate for candidate in forms if candidate.kind == kind]
    if not forms:
        return Detection(None, 0.0, notes=(f"no known {kind} form to compare with",))
    if kind != "docx":
        _check_readable(kind, data, name)
    if kind == "docx":
        document = _document_items(data, name)
        scored = [(_score(fingerprint(known), document), known) for known in forms]
    else:
        scored = [(_engine_score(known, data, name), known) for known in forms]
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


def _check_readable(kind: str, data: bytes, name: str) -> None:
    """Open an Excel or PDF document once through the engines' safe loaders, so that a
    damaged or refused one fails with its real reason, not "no form matched"."""
    if kind == "xlsx":
        from pepdocs.formats.excel import _load  # the engine's safe loader

        _load(data, name)
    else:
        from pepdocs.safety.pdf import open_pdf

        open_pdf(data, name)


def _engine_score(form: FormSpec, data: bytes, name: str) -> float:
    """Excel and PDF forms: the share of the form's fields whose anchors the document has."""
    try:
        reading = get_engine(form.kind).read(form, data, name)
    except PepdocsError:
        return 0.0
    fields = [number for number, spec in enumerate(form.fields) if spec.extract]
    if not fields:
        return 0.0
    found = [n for n in fields if n in reading.readings and reading.readings[n].status != "missing"]
    return len(found) / len(fields)


# --- extracting whatever it is ------------------------------------------------------------


def infer_form(
    data: bytes,
    name: str,
    folder: str | os.PathLike[str],
    *,
    min_confidence: float = EXTRACT_MIN_CONFIDENCE,
) -> FormSpec:
    """A loaded mapping inferred from the document itself (only entries at least
    ``min_confidence`` sure), written to ``folder`` with a copy of the document as its template.
    """
    inferred = infer_mapping_from_bytes(data, name)
    if not any(entry.confidence >= min_confidence for entry in inferred.entries):
        # nothing on it reads as a PEP field either: say it as detection says it
        raise PepdocsError(f"{name}: could not recognise the form; pass --authority")
    target = Path(folder)
    template = target / "inferred-form.docx"
    template.write_bytes(data)
    mapping = target / "inferred-form.yaml"

    def load(entries: list[InferredEntry]) -> FormSpec:
        inferred.entries = entries
        text = inferred.to_yaml(
            INFERRED_AUTHORITY,
            name="Unrecognised form",
            template=template.name,
            min_confidence=min_confidence,
        )
        mapping.write_text(text, encoding="utf-8")
        return load_mapping(mapping)

    entries = list(inferred.entries)
    try:
        return load(entries)
    except MappingError:
        # An entry the loader refuses (an anchor shape that does not fit its path) must
        # not cost the others: keep the entries that load on their own.
        kept = []
        for entry in entries:
            try:
                load([entry])
            except MappingError:
                continue
            kept.append(entry)
        if not kept:
            raise PepdocsError(f"{name}: could not recognise the form; pass --authority") from None
        return load(kept)


#: Share of a Word form's labelled fields a PDF's page text must show to be read as that
#: form printed to PDF.
PRINTED_THRESHOLD = 0.5


def _printed_form(
    data: bytes, name: str, mappings_dirs: Sequence[str | os.PathLike[str]], form: str | None
) -> tuple[FormSpec, float] | None:
    """A known Word form this PDF (no form fields: a Word form printed or saved as PDF)
    shows the labels of, as a PDF-kind copy so that the PDF engine reads its text layer by
    those labels; with the share of labelled fields found."""
    from pepdocs.formats.pdf import read_text_layer

    best: tuple[float, FormSpec] | None = None
    for known in _candidates("docx", mappings_dirs, form):
        labelled = [
            number
            for number, spec in enumerate(known.fields)
            if spec.extract and not spec.repeating and any(a.kind == "label" for a in spec.anchors)
        ]
        if not labelled:
            continue
        as_pdf = replace(known, kind="pdf")
        reading = read_text_layer(as_pdf, data, name)
        found = sum(
            1
            for number in labelled
            if number in reading.readings and reading.readings[number].status == "found"
        )
        share = found / len(labelled)
        if best is None or share > best[0]:
            best = (share, as_pdf)
    if best is None or best[0] < PRINTED_THRESHOLD:
        return None
    return best[1], best[0]


def extract_any(
    source: bytes | str | os.PathLike[str],
    *,
    name: str | None = None,
    mappings_dirs: Iterable[str | os.PathLike[str]] = (),
    form: str | None = None,
) -> Extraction:
    """Extract a PEP from any completed form: a known authority's (recognised by
    fingerprint) or, failing that, with a mapping inferred from the document on the spot.

    The report says which: ``detected`` is true either way; an inferred reading has
    authority ``unrecognised``, confidence at most :data:`INFERRED_CONFIDENCE` and a note
    asking for every value to be checked.
    """
    # Deferred: pepdocs.api calls this module for documents with no authority; importing the
    # api at module load would be circular (api -> legacy -> api).
    from pepdocs import api

    if isinstance(source, bytes | bytearray):
        data, label = bytes(source), name or "<document>"
    else:
        data, label = read_input(source), name or os.fspath(source)
    dirs = list(mappings_dirs)
    detection = detect_form(data, label, mappings_dirs=dirs, form=form)
    if detection.form is not None:
        extraction = api.extract(data, detection.form, name=label, mappings_dirs=dirs)
        report = extraction.report
        report.detected = True
        report.confidence *= detection.score
        report.notes[:0] = [
            f"form recognised from the document: {detection.form.label} "
            f"(score {detection.score:.2f})",
            *detection.notes[1:],
        ]
        return extraction
    kind = sniff_kind(data)
    if kind == "pdf":
        printed = _printed_form(data, label, dirs, form)
        if printed is None:
            raise PepdocsError(
                f"{label}: could not recognise the form (no known form's fields or labels); "
                "pass --authority"
            )
        as_pdf, share = printed
        extraction = api.extract(data, as_pdf, name=label)
        report = extraction.report
        report.detected = True
        report.confidence *= share
        report.notes[:0] = [
            f"form recognised from the page text: {as_pdf.label} printed to PDF "
            f"(share of labels found {share:.2f})"
        ]
        return extraction
    if kind != "docx":
        raise PepdocsError(f"{label}: could not recognise the form; pass --authority")
    with tempfile.TemporaryDirectory(prefix="pepdocs-infer-") as folder:
        inferred = infer_form(data, label, folder)
        extraction = api.extract(data, inferred, name=label)
    report = extraction.report
    report.detected = True
    report.authority = INFERRED_AUTHORITY
    report.confidence = min(report.confidence, INFERRED_CONFIDENCE)
    best = (
        f"best known form {detection.best.label} scored {detection.score:.2f}"
        if detection.best is not None
        else "no known form to compare with"
    )
    report.notes[:0] = [
        f"low confidence: no known form matched ({best}); read with a mapping inferred from "
        "the document itself; check every value",
    ]
    meta = extraction.pep.get("meta")
    if isinstance(meta, dict) and meta.get("authority") == INFERRED_AUTHORITY:
        del meta["authority"]
    return extraction
