"""PDF output: Word and Excel forms as PDF, and a child's PEP bundled with its attachments.

- :func:`to_pdf` converts filled .docx/.xlsx forms to PDF with ONE headless LibreOffice run
  (``pepdocs.office.convert``): LibreOffice takes seconds to start, a form a second to convert.
- :func:`bundle` merges a PEP PDF and attachments (an EHCP, reports: PDFs, or Word/Excel
  files converted on the way) into one PDF with a bookmark per part, optionally encrypted.

A bundle carries no active content: JavaScript, Launch and every other action but page
links and web links are removed from what the parts brought (the document's open action
and additional actions, its JavaScript name tree, pages', annotations' and form fields'
actions), so an attachment cannot run code or start a program in the reader's viewer.

Encryption is AES-256 only (PDF 2.0, ``/V 5 /R 6``). pypdf's default is RC4, which is broken
and which several viewers no longer accept; a PEP is special-category data about a child, so
there is no option to choose a weaker cipher. The password never appears in an error message.
"""

from __future__ import annotations

import io
import os
import secrets
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from pepdocs._io import write_atomic
from pepdocs.errors import (
    ComponentMissingError,
    DocumentError,
    OutputExistsError,
    PepdocsError,
    UsageError,
)
from pepdocs.office import convert
from pepdocs.safety.package import Kind, check_package, open_package, read_input, sniff_kind

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "BundlePart",
    "bundle",
    "bundle_bytes",
    "remove_active_content",
    "to_pdf",
]

#: Shorter passwords are refused: the bundle travels by email and may be attacked offline.
MIN_PASSWORD_LENGTH = 8
#: Kinds LibreOffice converts for a bundle (found by content, not by file extension); each is
#: a zip package that ``check_package`` vets before LibreOffice sees it. (An old binary .doc
#: sniffs as ``ole2`` and is refused: nothing of ours can vet it.)
_CONVERTIBLE: dict[Kind, str] = {"docx": ".docx", "xlsx": ".xlsx", "odt": ".odt", "ods": ".ods"}


def to_pdf(
    paths: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    force: bool = False,
) -> list[Path]:
    """Convert Word/Excel documents to PDF in ``out_dir`` (``form.docx`` -> ``form.pdf``)
    with one LibreOffice start; returns the PDFs in the order of ``paths``.

    An existing PDF is kept (:class:`OutputExistsError`) unless ``force``; a missing
    LibreOffice is one line (:class:`ComponentMissingError`) saying how to install it.
    """
    sources = [Path(path) for path in paths]
    target = Path(out_dir)
    if not force:
        for source in sources:
            planned = target / f"{source.stem}.pdf"
            if planned.exists():
                raise OutputExistsError(str(planned))
    # LibreOffice writes into a private folder first, then each PDF is moved into place
    # atomically: a failed batch leaves no half-written outputs among the user's files.
    with tempfile.TemporaryDirectory(prefix="pepdocs-pdf-") as scratch:
        converted = convert(sources, "pdf", scratch)
        return [
            write_atomic(target / path.name, path.read_bytes(), force=force) for path in converted
        ]


@dataclass(frozen=True, slots=True)
class BundlePart:
    """One part of a bundle: its bookmark title and its PDF bytes."""

    title: str
    data: bytes
    source: str


#: titles PDF producers write when the author set none (reportlab, some printers)
_NO_TITLE = frozenset({"untitled", "untitled document", "(anonymous)", "anonymous"})


def _title(reader: PdfReader, fallback: str) -> str:
    try:
        metadata = reader.metadata
        title = str(metadata.title).strip() if metadata and metadata.title else ""
    except Exception:  # damaged metadata is no reason to refuse a readable document
        title = ""
    if title.casefold() in _NO_TITLE:
        title = ""
    return title or fallback


def _readable(data: bytes, source: str) -> PdfReader:
    from pepdocs.safety.pdf import open_pdf

    # copy=True: the worker also clones the PDF into a writer, as the merge will, so a file
    # built to loop or balloon in that step is stopped within the worker's bounds.
    reader, _summary = open_pdf(data, source, refuse_dynamic_xfa=False, copy=True)
    return reader


def _loaded(path: str | os.PathLike[str]) -> tuple[Path, bytes, Kind]:
    """An input read and vetted by its content, before anything (LibreOffice) parses it."""
    source = Path(path)
    name = str(path)
    data = read_input(source)
    kind = sniff_kind(data)
    if kind == "ole2":
        open_package(data, name, "docx")  # raises the precise reason: encrypted, or old .doc
    if kind == "zip":
        # A zip too damaged to show what it is: if its name says Word/Excel/ODF, the checks
        # for that kind give the real reason ("damaged or cut short"); it is refused anyway.
        hinted = next(
            (k for k, suffix in _CONVERTIBLE.items() if suffix == source.suffix.lower()), None
        )
        if hinted is not None:
            check_package(data, name, hinted)
        raise DocumentError("is a zip archive, not a PDF, Word or Excel document", name)
    if kind != "pdf" and kind not in _CONVERTIBLE:
        raise DocumentError("is not a PDF, Word or Excel document: cannot bundle it", name)
    if kind != "pdf":
        # LibreOffice parses every part with its own parsers: zip bombs, macros, DTDs and
        # damage are refused here, naming the user's file, not the temporary copy.
        check_package(data, name, kind)
    return source, data, kind


def _converted(loaded: list[tuple[Path, bytes, Kind]], indexes: list[int]) -> dict[int, bytes]:
    """The PDFs of ``loaded[index]`` for ``indexes``, made with one LibreOffice run."""
    with tempfile.TemporaryDirectory(prefix="pepdocs-bundle-") as scratch:
        folder = Path(scratch)
        # numbered names: two attachments called report.docx must not collide
        copies: dict[int, Path] = {}
        for index in indexes:
            _, data, kind = loaded[index]
            copies[index] = folder / f"{index:03d}-part{_CONVERTIBLE[kind]}"
            copies[index].write_bytes(data)
        try:
            outputs = convert(list(copies.values()), "pdf", folder / "pdf")
        except ComponentMissingError:
            raise
        except PepdocsError as problem:
            # office.convert speaks of the temporary copies; say it of the user's file (the
            # first that got no PDF) and keep LibreOffice's reason without those paths.
            failed = next(
                (i for i in indexes if not (folder / "pdf" / f"{copies[i].stem}.pdf").is_file()),
                indexes[0],
            )
            reason = str(problem)
            for index, copy in copies.items():
                user = str(loaded[index][0])
                reason = reason.replace(str(folder / "pdf" / f"{copy.stem}.pdf"), user)
                reason = reason.replace(str(copy), user)
            reason = reason.replace(str(folder), "a temporary folder")
            named = str(loaded[failed][0])
            reason = reason.removeprefix(f"{named}: ")
            raise DocumentError(
                f"LibreOffice could not convert it to PDF ({reason})", named
            ) from None
        return {index: output.read_bytes() for index, output in zip(indexes, outputs, strict=True)}


def _parts(paths: Sequence[str | os.PathLike[str]]) -> list[BundlePart]:
    """Read every input; convert the office documents among them with one LibreOffice run."""
    loaded = [_loaded(path) for path in paths]
    # PDFs as sent are opened first: a broken one is refused before LibreOffice starts
    titles = {
        index: _title(_readable(data, str(source)), source.stem)
        for index, (source, data, kind) in enumerate(loaded)
        if kind == "pdf"
    }
    to_convert = [index for index, (_, _, kind) in enumerate(loaded) if kind != "pdf"]
    converted = _converted(loaded, to_convert) if to_convert else {}
    parts: list[BundlePart] = []
    for index, (source, original, _) in enumerate(loaded):
        if index in titles:
            parts.append(BundlePart(titles[index], original, str(source)))
            continue
        pdf = converted[index]
        _readable(pdf, str(source))  # LibreOffice's output, opened within the same bounds
        # a converted document's PDF title is LibreOffice's guess; its file name is better
        parts.append(BundlePart(source.stem, pdf, str(source)))
    return parts


#: actions a bundle keeps: moving within the document, opening a web link (ISO 32000-1, 12.6.4)
_SAFE_ACTIONS = frozenset({"/GoTo", "/URI", "/Named"})
#: form fields and their kids walked at most this deep (a loop in /Kids must end)
_MAX_FIELD_DEPTH = 32


def remove_active_content(writer: PdfWriter) -> int:
    """Remove JavaScript, Launch and every action but page and web links from ``writer``'s
    document, wherever the parts put them; returns how many were removed."""
    removed = 0
    root = writer.root_object
    for key in ("/OpenAction", "/AA"):
        if key in root:
            del root[key]
            removed += 1
    names = root.get("/Names")
    names = names.get_object() if names is not None else None
    if isinstance(names, DictionaryObject) and "/JavaScript" in names:
        del names["/JavaScript"]
        removed += 1
    for page in writer.pages:
        removed += _strip_actions(page)
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else None
        if isinstance(annotations, ArrayObject):
            for annotation in annotations:
                item = annotation.get_object()
                if isinstance(item, DictionaryObject):
                    removed += _strip_actions(item)
    form = root.get("/AcroForm")
    form = form.get_object() if form is not None else None
    if isinstance(form, DictionaryObject):
        seen: set[int] = set()
        pending = [(field, 0) for field in form.get("/Fields") or []]
        while pending:
            reference, depth = pending.pop()
            field = reference.get_object()
            if not isinstance(field, DictionaryObject) or id(field) in seen:
                continue
            seen.add(id(field))
            removed += _strip_actions(field)
            if depth < _MAX_FIELD_DEPTH:
                pending.extend((kid, depth + 1) for kid in field.get("/Kids") or [])
    return removed


def _reachable_only(writer: PdfWriter) -> PdfWriter:
    """A copy of ``writer``'s document holding only the objects its catalog reaches: a
    removed action is otherwise still written out, unreferenced but readable."""
    buffer = io.BytesIO()
    writer.write(buffer)
    return PdfWriter(clone_from=PdfReader(buffer))


def _strip_actions(holder: DictionaryObject) -> int:
    """An object's additional actions (/AA) go; its action (/A) stays only if it is a page
    or web link, and then without a /Next chain (which could lead anywhere)."""
    removed = 0
    if "/AA" in holder:
        del holder["/AA"]
        removed += 1
    action = holder.get("/A")
    action = action.get_object() if action is not None else None
    if isinstance(action, DictionaryObject):
        if action.get("/S") not in _SAFE_ACTIONS:
            del holder[NameObject("/A")]
            removed += 1
        elif "/Next" in action:
            del action["/Next"]
            removed += 1
    return removed


def _check_password(password: str | None) -> None:
    if password is None:
        return
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"the bundle password must have at least {MIN_PASSWORD_LENGTH} characters")


def bundle_bytes(parts: Sequence[BundlePart], password: str | None = None) -> bytes:
    """Merge ``parts`` in order, one bookmark per part; encrypt with AES-256 if a password."""
    _check_password(password)
    if not parts:
        raise UsageError("a bundle needs at least the PEP's PDF")
    writer = PdfWriter()
    for part in parts:
        reader = _readable(part.data, part.source)
        # import_outline=False: each part is one bookmark; its own outline could be huge
        writer.append(reader, outline_item=part.title, import_outline=False)
    if remove_active_content(writer):
        writer = _reachable_only(writer)
    # the catalog of the first part decides how the bundle opens: show the bookmarks
    writer.page_mode = "/UseOutlines"
    writer.add_metadata({"/Title": parts[0].title, "/Producer": "pepdocs"})
    if password is not None:
        # a random owner password: knowing the shared password opens the file, it does not
        # make the holder its owner
        writer.encrypt(
            user_password=password,
            owner_password=secrets.token_urlsafe(24),
            algorithm="AES-256",
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def bundle(
    pep_pdf: str | os.PathLike[str],
    attachments: Sequence[str | os.PathLike[str]],
    out_path: str | os.PathLike[str],
    *,
    password: str | None = None,
    force: bool = False,
) -> Path:
    """Merge ``pep_pdf`` and ``attachments`` (PDF, .docx, .xlsx) into ``out_path``.

    Bookmarks are named after each part's PDF title, else its file name. An existing
    ``out_path`` is kept unless ``force``. With ``password`` the bundle is AES-256 encrypted.
    """
    _check_password(password)
    target = Path(out_path)
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    sources = [Path(pep_pdf), *(Path(path) for path in attachments)]
    resolved = [source.resolve() for source in sources]
    if target.resolve() in resolved:
        raise UsageError(f"{target}: the output would overwrite one of the inputs")
    return write_atomic(target, bundle_bytes(_parts(sources), password), force=force)
