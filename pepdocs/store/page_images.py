"""A stored form's pages as pictures, for the workbench's review page: Word and Excel forms
printed to PDF by LibreOffice, each PDF page drawn as a PNG by poppler's ``pdftoppm``, with a
time limit on each step.

The pictures are kept in files beside the store's documents (``<documents>-pages/<sha256>/``,
folders 0700, files 0600), by the document's SHA-256: a form is drawn once, whoever opens
it. No schema change: nothing about them is in the database. When LibreOffice or pdftoppm is
missing, or drawing fails or takes too long, :func:`page_images` says why instead, and the
review shows the fields alone. A document whose bytes retention removed has no pictures
(and any kept for it are deleted when it is asked for).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from pepdocs.errors import PepdocsError
from pepdocs.store.errors import NotFoundError
from pepdocs.store.schema import Document
from pepdocs.store.store import Store

__all__ = ["MAX_PAGES", "PageImages", "forget_pages", "page_image", "page_images"]

#: pages drawn of one form (a PEP form runs to 6-15 pages)
MAX_PAGES = 30
#: dots per inch: a page about 600 pixels wide, readable beside the fields
RESOLUTION = 72
#: seconds LibreOffice and pdftoppm may each take for one form
TIMEOUT = 90
_DONE = ".drawn"


@dataclass(frozen=True, slots=True)
class PageImages:
    """The form's pages (PNG files, in order), or why there are none."""

    pages: list[Path] = field(default_factory=list)
    problem: str | None = None


def _cache_root(store: Store) -> Path:
    folder = store.documents.folder
    if folder is not None:
        return folder.with_name(f"{folder.name}-pages")
    return Path(tempfile.gettempdir()) / f"pepdocs-pages-{os.getuid()}"


def _drawn(folder: Path) -> list[Path]:
    return sorted(folder.glob("page-*.png"), key=lambda path: int(path.stem.split("-")[1]))


def page_images(
    store: Store, uid: str, schools: Collection[str] | None = None
) -> PageImages:
    """The pages of the stored form ``uid`` as PNG files (drawn now unless kept from before);
    ``NotFoundError`` as :func:`pepdocs.store.workbench.document` (outside ``schools``, or
    not in the store)."""
    from pepdocs.store.workbench import document

    with store.session() as session:
        stored = session.execute(
            select(Document.sha256, Document.stored_in).where(Document.uid == uid)
        ).first()
    if stored is not None and stored.stored_in == "removed":
        forget_pages(store, stored.sha256)
    found, _child, content = document(store, uid, schools)
    assert stored is not None  # document() found it
    digest = stored.sha256
    root = _cache_root(store)
    folder = root / digest
    if (folder / _DONE).is_file():
        return PageImages(_drawn(folder))
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".drawing-", dir=root) as scratch:
        work = Path(scratch)
        source = work / f"form.{found.kind}"
        descriptor = os.open(source, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(content)
        try:
            pdf = source if found.kind == "pdf" else _print(source, work / "pdf")
            pages = _draw(pdf, work / "pages")
        except _Undrawable as problem:
            return PageImages(problem=str(problem))
        if not pages:
            return PageImages(problem="the form has no page to show")
        (work / "pages" / _DONE).touch(mode=0o600)
        try:
            os.rename(work / "pages", folder)
        except OSError:
            if not (folder / _DONE).is_file():  # not drawn by someone else meanwhile
                raise
    return PageImages(_drawn(folder))


def page_image(
    store: Store, uid: str, number: int, schools: Collection[str] | None = None
) -> bytes:
    """Page ``number`` (from 1) of the form ``uid``, as PNG bytes; ``NotFoundError`` when
    the form, the page or its picture is not there."""
    drawn = page_images(store, uid, schools)
    if not 1 <= number <= len(drawn.pages):
        raise NotFoundError(f"{uid}: no page {number} to show")
    return drawn.pages[number - 1].read_bytes()


def forget_pages(store: Store, sha256: str) -> None:
    """Delete the pictures kept of the document with this SHA-256 (retention removes its
    bytes)."""
    shutil.rmtree(_cache_root(store) / sha256, ignore_errors=True)


class _Undrawable(Exception):
    """Why a form's pages cannot be drawn here (shown on the review page)."""


def _print(source: Path, out_dir: Path) -> Path:
    from pepdocs.office import convert

    try:
        (printed,) = convert([source], "pdf", out_dir, timeout=TIMEOUT)
    except PepdocsError as problem:
        raise _Undrawable(f"the form could not be printed to PDF: {problem.message}") from None
    return printed


def _draw(pdf: Path, out_dir: Path) -> list[Path]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise _Undrawable("pdftoppm (poppler-utils) is not installed here")
    out_dir.mkdir(mode=0o700)
    try:
        subprocess.run(
            [tool, "-png", "-r", str(RESOLUTION), "-l", str(MAX_PAGES), str(pdf),
             str(out_dir / "page")],
            check=True, capture_output=True, timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise _Undrawable(f"drawing the pages took longer than {TIMEOUT} s") from None
    except subprocess.CalledProcessError:
        raise _Undrawable("the form's pages could not be drawn (pdftoppm failed)") from None
    # pdftoppm names pages page-1.png or page-01.png by the page count: make them page-N.png
    pages = []
    for drawn in sorted(out_dir.glob("page-*.png")):
        number = int(drawn.stem.split("-")[1])
        target = out_dir / f"page-{number}.png"
        if drawn != target:
            drawn.rename(target)
        os.chmod(target, 0o600)
        pages.append(target)
    return pages
