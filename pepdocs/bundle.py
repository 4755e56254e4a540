"""PDF output: Word and Excel forms as PDF, and a child's PEP bundled with its attachments.

- :func:`to_pdf` converts filled .docx/.xlsx forms to PDF with ONE headless LibreOffice run
  (``pepdocs.office.convert``): LibreOffice takes seconds to start, a form a second to convert.
  What LibreOffice is given is the copy made for printing (``pepdocs.formats.word.print_copy``:
  prompts such as "Click or tap here to enter text." left blank), and the PDF is tagged for
  screen readers (PDF/UA export options, the document's title and language).
- :func:`bundle` merges a PEP PDF and attachments (an EHCP, reports: PDFs, or Word/Excel
  files converted on the way) into one PDF with a bookmark per part, optionally encrypted.
  The parts' structure trees are merged (each part a ``Part`` of one ``Document``), so the
  bundle of tagged parts is a tagged PDF; a part that came untagged (a scanned letter) is
  named in :attr:`Bundled.untagged`.

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
from typing import cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

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
    "DOCUMENT_LANGUAGE",
    "MIN_PASSWORD_LENGTH",
    "BundlePart",
    "bundle",
    "bundle_bytes",
    "print_to_pdf",
    "remove_active_content",
    "to_pdf",
]

#: The language a bundle is marked as when its first part does not say (forms are UK English)
DOCUMENT_LANGUAGE = "en-GB"

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
        converted = print_to_pdf(sources, scratch)
        return [
            write_atomic(target / path.name, path.read_bytes(), force=force) for path in converted
        ]


def printable(data: bytes, kind: Kind, name: str) -> bytes:
    """What LibreOffice is given to print a document: a Word document's copy with its
    prompts blank and its addresses breakable (``pepdocs.formats.word.print_copy``), a
    workbook's with its addresses breakable (``pepdocs.formats.excel.print_copy``),
    anything else as it is."""
    if kind == "docx":
        from pepdocs.formats import word

        return word.print_copy(data, name)
    if kind == "xlsx":
        from pepdocs.formats import excel

        return excel.print_copy(data, name)
    return data


def print_to_pdf(
    paths: Sequence[str | os.PathLike[str]], out_dir: str | os.PathLike[str]
) -> list[Path]:
    """Tagged PDFs of Word and Excel documents as they should print (prompts blank), made
    into ``out_dir`` (``form.docx`` -> ``out_dir/form.pdf``) with one LibreOffice run and
    written over what is there: for callers that place the results themselves (``to_pdf``,
    the batch)."""
    sources = [Path(path) for path in paths]
    with tempfile.TemporaryDirectory(prefix="pepdocs-print-") as scratch:
        copies = []
        for source in sources:
            data = read_input(source)
            copy = Path(scratch) / source.name
            copy.write_bytes(printable(data, sniff_kind(data), str(source)))
            copies.append(copy)
        return convert(copies, "pdf", out_dir)


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
            source, data, kind = loaded[index]
            copies[index] = folder / f"{index:03d}-part{_CONVERTIBLE[kind]}"
            copies[index].write_bytes(printable(data, kind, str(source)))
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


def bundle_bytes(
    parts: Sequence[BundlePart],
    password: str | None = None,
    *,
    notes: list[str] | None = None,
) -> bytes:
    """Merge ``parts`` in order, one bookmark per part; encrypt with AES-256 if a password.

    The parts' structure trees become one (:func:`_merge_structure`); ``notes`` gets a line
    for each part that brought none (its pages are not tagged for screen readers).
    """
    _check_password(password)
    if not parts:
        raise UsageError("a bundle needs at least the PEP's PDF")
    writer = PdfWriter()
    placed: list[tuple[BundlePart, PdfReader, int]] = []
    for part in parts:
        reader = _readable(part.data, part.source)
        start = len(writer.pages)
        # import_outline=False: each part is one bookmark; its own outline could be huge
        writer.append(reader, outline_item=part.title, import_outline=False)
        placed.append((part, reader, start))
    language = _language(placed[0][1])
    untagged = _merge_structure(writer, placed)
    if notes is not None:
        notes.extend(
            f"{source}: its PDF is not tagged, so screen readers cannot follow its structure"
            for source in untagged
        )
    remove_active_content(writer)
    # only what the catalog reaches: removed actions and the parts' own structure roots
    # (replaced by the merged one) are not written out
    writer = _reachable_only(writer)
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(language)
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )
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


def _language(reader: PdfReader) -> str:
    """The first part's language (``/Lang``), else :data:`DOCUMENT_LANGUAGE`."""
    try:
        catalog = _dictionary(reader.trailer["/Root"])
        found = catalog.get("/Lang") if catalog is not None else None
    except Exception:  # a damaged catalog entry is no reason to refuse the part
        found = None
    text = str(found).strip() if found is not None else ""
    return text if 0 < len(text) <= 35 else DOCUMENT_LANGUAGE


def _dictionary(item: PdfObject | None) -> DictionaryObject | None:
    found = item.get_object() if item is not None else None
    return found if isinstance(found, DictionaryObject) else None


def _array(item: PdfObject | None) -> ArrayObject | None:
    found = item.get_object() if item is not None else None
    return found if isinstance(found, ArrayObject) else None


def _number_tree(item: PdfObject | None, depth: int = 0) -> list[tuple[int, PdfObject]]:
    """The (key, value) pairs of a number tree (ISO 32000-1, 7.9.7): a ParentTree."""
    node = _dictionary(item)
    if node is None or depth > 32:
        return []
    pairs: list[tuple[int, PdfObject]] = []
    nums = _array(node.get("/Nums"))
    if nums is not None:
        for index in range(0, len(nums) - 1, 2):
            try:
                pairs.append((int(nums[index]), nums[index + 1]))
            except (TypeError, ValueError):
                continue
    for kid in _array(node.get("/Kids")) or []:
        pairs.extend(_number_tree(kid, depth + 1))
    return pairs


def _top_elements(tree: DictionaryObject) -> list[PdfObject]:
    """The elements under a structure tree's root, a part's own ``Document`` element
    unwrapped (the bundle has one ``Document``; each part is a ``Part`` of it)."""
    kids = _array(tree.get("/K"))
    found: list[PdfObject] = []
    for kid in kids if kids is not None else [tree["/K"]]:
        node = _dictionary(kid)
        inner = _array(node.get("/K")) if node is not None else None
        if node is not None and node.get("/S") == "/Document" and inner is not None:
            found.extend(inner)
        else:
            found.append(kid)
    return found


def _merge_structure(
    writer: PdfWriter, placed: Sequence[tuple[BundlePart, PdfReader, int]]
) -> list[str]:
    """One structure tree for the bundle: a ``Document`` whose kids are one ``Part`` per
    tagged part (titled as its bookmark), holding that part's elements; each part's
    ``ParentTree`` keys (the pages' ``/StructParents``, the annotations' ``/StructParent``)
    moved past the keys of the parts before it. pypdf's merge drops ``/StructParents`` and
    the structure tree, so both are rebuilt here (ISO 32000-1, 14.7). ``/MarkInfo`` says
    the document is tagged only when every part is. Returns the untagged parts' sources."""
    untagged: list[str] = []
    document_kids = ArrayObject()
    document = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructElem"),
            NameObject("/S"): NameObject("/Document"),
            NameObject("/K"): document_kids,
        }
    )
    document_ref = writer._add_object(document)
    nums = ArrayObject()
    role_map = DictionaryObject()
    offset = 0
    for part, reader, start in placed:
        source_root = _dictionary(reader.trailer["/Root"])
        found = source_root.get("/StructTreeRoot") if source_root is not None else None
        source_tree = _dictionary(found)
        if not isinstance(found, IndirectObject) or source_tree is None or not source_tree.get(
            "/K"
        ):
            untagged.append(part.source)
            continue
        # cloned whole, so that its pages and annotations map to their copies in the bundle
        tree = _dictionary(found.clone(writer))
        if tree is None:
            untagged.append(part.source)
            continue
        translated = writer._id_translated.get(id(reader), {})
        for index, page in enumerate(reader.pages):
            key = page.get("/StructParents")
            if key is not None:
                target = writer.pages[start + index]
                target[NameObject("/StructParents")] = NumberObject(int(key) + offset)
            for annotation in _array(page.get("/Annots")) or []:
                item = _dictionary(annotation)
                number = getattr(annotation, "idnum", None)
                if item is not None and "/StructParent" in item and number in translated:
                    copy = writer.get_object(translated[number])
                    if isinstance(copy, DictionaryObject):
                        key = cast(NumberObject, item["/StructParent"])
                        copy[NameObject("/StructParent")] = NumberObject(int(key) + offset)
        part_kids = ArrayObject()
        element = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/StructElem"),
                NameObject("/S"): NameObject("/Part"),
                NameObject("/P"): document_ref,
                NameObject("/T"): TextStringObject(part.title),
                NameObject("/K"): part_kids,
            }
        )
        element_ref = writer._add_object(element)
        for kid in _top_elements(tree):
            node = _dictionary(kid)
            if node is not None:
                node[NameObject("/P")] = element_ref
            part_kids.append(kid)
        document_kids.append(element_ref)
        entries = _number_tree(tree.get("/ParentTree"))
        for key, value in sorted(entries, key=lambda pair: pair[0]):
            nums.extend([NumberObject(key + offset), value])
        try:
            following = int(tree.get("/ParentTreeNextKey", 0))
        except (TypeError, ValueError):
            following = 0
        offset += max(following, max((key for key, _ in entries), default=-1) + 1)
        roles = _dictionary(tree.get("/RoleMap"))
        if roles is not None:
            for name, standard in roles.items():
                role_map.setdefault(NameObject(name), standard)
    if len(untagged) == len(placed):
        return untagged
    tree_root = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructTreeRoot"),
            NameObject("/K"): document_ref,
            NameObject("/ParentTree"): writer._add_object(
                DictionaryObject({NameObject("/Nums"): nums})
            ),
            NameObject("/ParentTreeNextKey"): NumberObject(offset),
        }
    )
    if role_map:
        tree_root[NameObject("/RoleMap")] = role_map
    tree_ref = writer._add_object(tree_root)
    document[NameObject("/P")] = tree_ref
    root = writer.root_object
    root[NameObject("/StructTreeRoot")] = tree_ref
    root[NameObject("/MarkInfo")] = DictionaryObject(
        {NameObject("/Marked"): BooleanObject(not untagged)}
    )
    return untagged


def bundle(
    pep_pdf: str | os.PathLike[str],
    attachments: Sequence[str | os.PathLike[str]],
    out_path: str | os.PathLike[str],
    *,
    password: str | None = None,
    force: bool = False,
    notes: list[str] | None = None,
) -> Path:
    """Merge ``pep_pdf`` and ``attachments`` (PDF, .docx, .xlsx) into ``out_path``.

    Bookmarks are named after each part's PDF title, else its file name. An existing
    ``out_path`` is kept unless ``force``. With ``password`` the bundle is AES-256 encrypted.
    ``notes`` gets a line for each part that is not tagged for screen readers.
    """
    _check_password(password)
    target = Path(out_path)
    if target.exists() and not force:
        raise OutputExistsError(str(target))
    sources = [Path(pep_pdf), *(Path(path) for path in attachments)]
    resolved = [source.resolve() for source in sources]
    if target.resolve() in resolved:
        raise UsageError(f"{target}: the output would overwrite one of the inputs")
    data = bundle_bytes(_parts(sources), password, notes=notes)
    return write_atomic(target, data, force=force)
