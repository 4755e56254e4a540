"""Bulk conversion of a folder of legacy PEPs into canonical data.

``convert_folder(src, out)`` reads every document under ``src`` (Word .docx; .doc and .odt
through ONE LibreOffice run into a temporary folder; PDF forms whose fields a known mapping
describes), recognises each form or infers a mapping on the spot (``pepdocs.api.extract``), and
writes:

- ``out/peps/<document id>.json``: the canonical PEP of each document;
- ``out/peps.<fmt>``: one flat row per PEP (dotted-path columns) and, for csv, one file per
  repeating section (``out/targets.csv``...) keyed by document id; for xlsx, one sheet each;
  for json, one ``peps.json`` holding every table;
- ``out/errors.csv``: one row per file that could not be converted, with the reason.

Originals are only ever read. One bad file never stops the run: it becomes an error row,
and the run's ``exit_code`` is 1 (every other file is still converted and written).
Cells are cleaned and formula triggers neutralised (``pepdocs.safety.sanitize``) in CSV and
XLSX, because PEP text comes from people and a spreadsheet would run ``=HYPERLINK(...)``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pepdocs._io import write_atomic
from pepdocs.errors import OutputExistsError, PepdocsError, UsageError
from pepdocs.model import dump_pep
from pepdocs.model.paths import get_path
from pepdocs.safety.package import Kind, check_package, read_input, sniff_kind
from pepdocs.safety.redact import Redactor
from pepdocs.safety.sanitize import export_cell

__all__ = ["ConvertSummary", "convert_folder"]

OutputFormat = Literal["json", "csv", "xlsx"]
FORMATS: tuple[OutputFormat, ...] = ("json", "csv", "xlsx")
_WORD = {".docx"}
_VIA_LIBREOFFICE = {".doc", ".odt", ".rtf"}
_PDF = {".pdf"}
#: zip-based kinds LibreOffice may be handed, and the checks each gets (a zip too damaged to
#: tell is checked as ODF, which is what its .odt name says; the checks then say "damaged")
_PACKAGES: dict[Kind, Kind] = {
    "odt": "odt",
    "ods": "ods",
    "docx": "docx",
    "xlsx": "xlsx",
    "zip": "odt",
}
#: Files a folder of PEPs holds that are not PEPs: skipped without an error row.
_IGNORED = {".json", ".csv", ".txt", ".md", ".ini", ".db", ".ds_store"}
#: Repeating sections written as their own table.
SECTIONS = (
    "targets",
    "previous_targets",
    "attendees",
    "attainment",
    "education.exclusions",
    "pp_plus.items",
    "linked_plans",
)

Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class ConvertSummary:
    """What a conversion did: documents converted, files refused (with why), files written."""

    converted: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    #: documents read with a mapping inferred on the spot (low confidence: check them)
    inferred: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """1 when any file could not be converted (the others were), else 0: a script or a
        scheduler must not take a folder of failures for a finished conversion."""
        return 1 if self.errors else 0

    def summary(self) -> str:
        return (
            f"{len(self.converted)} converted ({len(self.inferred)} from unrecognised forms, "
            f"low confidence), {len(self.errors)} failed"
        )


def convert_folder(
    src_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    fmt: OutputFormat = "json",
    redact: bool = False,
    *,
    force: bool = False,
    redact_key: bytes | str | None = None,
    mappings_dirs: Iterable[str | os.PathLike[str]] = (),
    progress: Progress | None = None,
) -> ConvertSummary:
    """Convert every PEP document under ``src_dir`` into ``out_dir`` (see the module doc).

    ``redact`` pseudonymises names, dates of birth and identifiers (``pepdocs.safety``) with
    ``redact_key``, or a random key for this run (pseudonyms then match within the run only);
    source file and folder names are replaced too (``document-<hash>``), in the tables, the
    JSON file names and ``errors.csv``, since they often hold a child's name, birth date or
    UPN.
    ``progress(done, total, file)`` is called after each document.
    """
    # Deferred: recognition (and the engines behind it) loads when a folder is converted,
    # not when the CLI lists this command's options.
    from pepdocs.api import extract

    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}; use json, csv or xlsx")
    source = Path(src_dir)
    if not source.is_dir():
        raise UsageError(f"{source}: not a folder of documents")
    target = Path(out_dir)
    if target.resolve() == source.resolve() or source.resolve() in target.resolve().parents:
        raise UsageError(f"{target}: write the output outside the folder being converted")
    table_names = _table_files(target, fmt)
    if not force:
        for path in [*table_names, target / "errors.csv"]:
            if path.exists():
                raise OutputExistsError(str(path))
    summary = ConvertSummary()
    files = sorted(p for p in source.rglob("*") if p.is_file() and not p.name.startswith("."))
    documents: list[tuple[str, Path]] = []
    for path in files:
        suffix = path.suffix.lower()
        relative = path.relative_to(source).as_posix()
        if suffix in _IGNORED:
            continue
        if suffix in _WORD | _VIA_LIBREOFFICE | _PDF:
            documents.append((relative, path))
        else:
            summary.errors.append(
                (relative, f"not a PEP document type ({suffix or 'no extension'})")
            )
    # One Redactor for the whole run: a pseudonym is the HMAC's pick from a name pool, moved
    # on when the pick is taken by someone else. A Redactor per file forgets what it handed
    # out, so the same teacher could get another pseudonym in the next file, or two people
    # in different files the same one; one table per run keeps them apart and consistent.
    redactor = (
        Redactor(redact_key if redact_key is not None else os.urandom(32)) if redact else None
    )
    if redactor is not None:
        # file names go into every output: under --redact they are stand-ins from here on
        summary.errors = [
            (redactor.file_label(file), _shown(problem, file, redactor))
            for file, problem in summary.errors
        ]
    rows: list[dict[str, Any]] = []
    sections: dict[str, list[dict[str, Any]]] = {name: [] for name in SECTIONS}
    used_ids: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="pepdocs-convert-") as scratch:
        converted = _via_libreoffice(
            [(rel, path) for rel, path in documents if path.suffix.lower() in _VIA_LIBREOFFICE],
            Path(scratch),
            summary,
            redactor,
        )
        for number, (relative, path) in enumerate(documents, start=1):
            try:
                if path.suffix.lower() in _VIA_LIBREOFFICE:
                    if relative not in converted:
                        continue  # its error row is written already
                    data = converted[relative].read_bytes()
                else:
                    data = read_input(path)
                extraction = extract(data, mappings_dirs=list(mappings_dirs), name=relative)
                pep = extraction.pep
                shown = relative
                if redactor is not None:
                    pep = redactor.redact_pep(pep)
                    shown = redactor.file_label(relative)
                document_id = _document_id(shown, used_ids)
                written = write_atomic(
                    target / "peps" / f"{document_id}.json",
                    dump_pep(pep).encode("utf-8"),
                    force=force,
                )
                summary.outputs.append(written)
                report = extraction.report
                row = {
                    "document": document_id,
                    "source": shown,
                    "authority": report.authority,
                    "form": report.form,
                    "confidence": round(report.confidence, 3),
                }
                row.update(_flatten(pep, skip=SECTIONS))
                rows.append(row)
                for name in SECTIONS:
                    for index, item in enumerate(get_path(pep, name) or [], start=1):
                        sections[name].append(
                            {"document": document_id, "item": index, **_flatten(item)}
                        )
                summary.converted.append(relative)
                if report.inferred:
                    summary.inferred.append(relative)
            except OutputExistsError:
                raise
            except PepdocsError as problem:
                summary.errors.append(_error_row(relative, _reason(problem, relative), redactor))
            except (OSError, ValueError, KeyError, IndexError, RecursionError) as problem:
                # A damaged document can break a parser in ways no check foresaw; it must not
                # stop the other files. The message names the kind of failure, not content.
                summary.errors.append(
                    _error_row(relative, f"could not be read ({type(problem).__name__})", redactor)
                )
            if progress is not None:
                progress(number, len(documents), relative)
    summary.outputs.extend(_write_tables(target, fmt, rows, sections, summary.errors, force))
    return summary


def _table_files(target: Path, fmt: OutputFormat) -> list[Path]:
    if fmt == "csv":
        return [target / "peps.csv"] + [target / f"{name}.csv" for name in SECTIONS]
    return [target / f"peps.{fmt}"]


def _reason(problem: PepdocsError, relative: str) -> str:
    """The error's message without the file name (the row already names it)."""
    text = str(problem)
    for prefix in (f"{relative}: ", "<document>: "):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def _shown(problem: str, relative: str, redactor: Redactor | None) -> str:
    """``problem`` with the file's name and folders replaced under ``--redact``."""
    if redactor is None:
        return problem
    label = redactor.file_label(relative)
    for name in sorted({relative, Path(relative).name, Path(relative).stem}, key=len, reverse=True):
        if name:
            problem = problem.replace(name, label)
    return problem


def _error_row(relative: str, problem: str, redactor: Redactor | None) -> tuple[str, str]:
    if redactor is None:
        return relative, problem
    return redactor.file_label(relative), _shown(problem, relative, redactor)


def _via_libreoffice(
    documents: list[tuple[str, Path]],
    scratch: Path,
    summary: ConvertSummary,
    redactor: Redactor | None = None,
) -> dict[str, Path]:
    """.doc/.odt -> .docx with one LibreOffice run over copies (the originals are never
    handed to LibreOffice, which may write lock files beside them)."""
    if not documents:
        return {}
    from pepdocs.office import convert

    inbox = scratch / "in"
    outbox = scratch / "out"
    inbox.mkdir()
    copies: dict[str, Path] = {}
    for number, (relative, path) in enumerate(documents):
        try:
            data = read_input(path)
            kind = sniff_kind(data)
            if kind in _PACKAGES:
                # An .odt (or a renamed .docx) is a zip package: vetted as every package
                # handed to LibreOffice is (zip bombs, DTDs, macros) before it parses it.
                # .doc and .rtf are not zips; nothing of ours can vet them.
                check_package(data, relative, _PACKAGES[kind])
        except PepdocsError as problem:
            summary.errors.append(_error_row(relative, _reason(problem, relative), redactor))
            continue
        copy = inbox / f"doc{number:05d}{path.suffix.lower()}"
        copy.write_bytes(data)
        copies[relative] = copy
    if not copies:
        return {}
    try:
        convert(list(copies.values()), "docx", outbox)
    except PepdocsError as problem:
        # Some conversions may have worked; those that did not get an error row below.
        failure = _reason(problem, "")
    else:
        failure = ""
    found: dict[str, Path] = {}
    for relative, copy in copies.items():
        result = outbox / f"{copy.stem}.docx"
        if result.is_file():
            found[relative] = result
        else:
            summary.errors.append(
                _error_row(
                    relative,
                    "LibreOffice could not convert it" + (f" ({failure})" if failure else ""),
                    redactor,
                )
            )
    return found


def _document_id(relative: str, used: set[str]) -> str:
    """A file-name-safe id from the document's path, unique within the run."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", str(Path(relative).with_suffix(""))).strip("._")
    stem = stem or "document"
    candidate = stem
    number = 2
    while candidate in used:
        candidate = f"{stem}-{number}"
        number += 1
    used.add(candidate)
    return candidate


def _flatten(data: Mapping[str, Any], prefix: str = "", skip: Iterable[str] = ()) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    skipped = set(skip)
    for key, value in data.items():
        path = f"{prefix}{key}"
        if path in skipped:
            continue
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{path}.", skipped))
        elif isinstance(value, list):
            if all(not isinstance(item, Mapping | list) for item in value):
                flat[path] = "; ".join(str(item) for item in value)
        else:
            flat[path] = value
    return flat


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(key for row in rows for key in row))


def _write_tables(
    target: Path,
    fmt: OutputFormat,
    rows: list[dict[str, Any]],
    sections: Mapping[str, list[dict[str, Any]]],
    errors: list[tuple[str, str]],
    force: bool,
) -> list[Path]:
    written: list[Path] = []
    error_rows = [{"file": file, "problem": problem} for file, problem in errors]
    written.append(
        write_atomic(target / "errors.csv", _csv(error_rows, ["file", "problem"]), force=force)
    )
    if fmt == "csv":
        written.append(write_atomic(target / "peps.csv", _csv(rows), force=force))
        for name, items in sections.items():
            columns = [
                "document",
                "item",
                *[c for c in _columns(items) if c not in ("document", "item")],
            ]
            written.append(write_atomic(target / f"{name}.csv", _csv(items, columns), force=force))
    elif fmt == "xlsx":
        written.append(
            write_atomic(target / "peps.xlsx", _xlsx(rows, sections, error_rows), force=force)
        )
    else:
        tables = {"peps": rows, **{name: items for name, items in sections.items()}}
        text = json.dumps(tables, indent=1, ensure_ascii=False, default=str) + "\n"
        written.append(write_atomic(target / "peps.json", text.encode("utf-8"), force=force))
    return written


def _csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> bytes:
    buffer = io.StringIO()
    names = columns or _columns(rows) or ["document"]
    writer = csv.DictWriter(buffer, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: export_cell(value) for key, value in row.items()})
    # utf-8-sig: Excel opens a BOM-less CSV as ANSI and mangles Łucja and Siân
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx(
    rows: list[dict[str, Any]],
    sections: Mapping[str, list[dict[str, Any]]],
    errors: list[dict[str, Any]],
) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    sheets = [
        ("peps", rows),
        *((name[:31], items) for name, items in sections.items()),
        ("errors", errors),
    ]
    for number, (name, items) in enumerate(sheets):
        sheet = first if number == 0 else book.create_sheet()
        sheet.title = name.replace(".", "_")[:31]
        columns = _columns(items) or ["document"]
        sheet.append(columns)
        for item in items:
            sheet.append([export_cell(item.get(column)) for column in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
