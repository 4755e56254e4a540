"""Opening untrusted PDFs with a bound on time and memory.

pypdf has a history of infinite loops and memory blow-ups on crafted files (CVE-2023-36464,
CVE-2023-36810, CVE-2025-55197...), and a thread cannot be stopped once pypdf spins. So a
completed PDF form is first opened in a separate, short-lived worker process
(``_pdf_worker.py``, started with ``python -I``): it caps its own address space and CPU time,
walks the page tree, annotations, form fields (and, if asked, the text layer), and reports a
JSON summary. The parent kills it at the deadline. Only a PDF the worker got through is then
opened in this process, by :func:`open_pdf`; pypdf parses lazily and deterministically, so
touching the same objects again is bounded by the same work.

Also detected here: encryption (a missing or wrong password is one clear line, never the
password), XFA forms (dynamic XFA cannot be read or filled by pypdf), page and field counts
beyond any real PEP form.

The worker costs about 0.15 s per PDF (interpreter start plus pypdf import); batches hide it
by running several files at once.
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader

from pepdocs.errors import ComponentMissingError, DocumentError, UnsafeDocumentError
from pepdocs.formats.safe_open import PDF_MAGIC, sniff_kind
from pepdocs.safety import _pdf_layout

__all__ = [
    "MAX_PDF_FIELDS",
    "MAX_PDF_PAGES",
    "PDF_MEMORY_BYTES",
    "PDF_TIMEOUT_SECONDS",
    "PageText",
    "PdfField",
    "PdfSummary",
    "TextRun",
    "inspect_pdf",
    "open_pdf",
]

#: wall-clock limit for the worker; a 40-page PEP form opens in well under a second
PDF_TIMEOUT_SECONDS = 10.0
#: memory the worker may use beyond its own start-up size
PDF_MEMORY_BYTES = 512 * 1024 * 1024
#: PEP forms run to 10-40 pages; a thousand is not a form
MAX_PDF_PAGES = 1_000
#: the largest real PEP forms have a few hundred fields
MAX_PDF_FIELDS = 5_000
#: a field value longer than this is cut (a whole "child's views" box is a few thousand)
MAX_VALUE_CHARS = 32_000

_WORKER = Path(__file__).with_name("_pdf_worker.py")

# pypdf logs recoverable oddities ("Circular xref chain detected", "Ignoring wrong pointing
# object") through the "pypdf" logger. Without a handler Python's last-resort handler prints
# them on stderr, which would break the CLI's one-line error contract and could quote document
# content. A NullHandler stops that and still lets an application that configures logging see
# them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class PdfField:
    """One AcroForm field as the worker read it (``value`` is text, a list, or None)."""

    name: str
    type: str | None  # /Tx text, /Btn checkbox or radio, /Ch choice, /Sig signature
    value: str | list[Any] | None
    #: on-state names of a checkbox or radio group (``/Yes``, ``/On``, ``/1``...)
    states: tuple[str, ...] = ()
    options: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class TextRun:
    """Text drawn on a page, where it starts (points from the bottom left of the page), its
    estimated width and its font size (``_pdf_layout`` says how they are measured)."""

    x: float
    baseline: float
    width: float
    size: float
    bold: bool
    text: str


@dataclass(frozen=True, slots=True)
class PageText:
    """A page's printed text as runs, and its media box ``(x0, y0, x1, y1)``."""

    box: tuple[float, float, float, float]
    runs: tuple[TextRun, ...]


@dataclass(frozen=True, slots=True)
class PdfSummary:
    """What the worker found in a PDF it opened within its limits."""

    pages: int
    encrypted: bool
    xfa: bool
    dynamic_xfa: bool
    fields: dict[str, PdfField] = field(default_factory=dict)
    #: text of each page, only when asked for (``text=True``)
    text: tuple[str, ...] = ()
    #: printed text of each page with positions, only when asked for (``layout=True``)
    layout: tuple[PageText, ...] = ()


def _refuse_non_pdf(data: bytes, source: str) -> None:
    if not data:
        raise DocumentError("is empty (0 bytes)", source)
    if not data[:1024].lstrip().startswith(PDF_MAGIC):
        kind = sniff_kind(data)
        what = {
            "docx": "a Word document",
            "xlsx": "an Excel workbook",
            "ole2": "an old-style Office file",
            "zip": "a zip archive",
        }.get(kind, "not a recognised document")
        raise DocumentError(f"is {what}, not a PDF", source)


def _run_worker(request: dict[str, Any], data: bytes, source: str, timeout: float) -> Any:
    payload = json.dumps(request).encode("ascii") + b"\n" + data
    try:
        process = subprocess.Popen(
            [sys.executable, "-I", str(_WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # kept only to tell a crash from a missing component; never shown (a traceback
            # from deep in pypdf could quote the document)
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise DocumentError(
            f"cannot be opened: the PDF worker did not start ({exc.strerror})", source
        ) from None
    try:
        out, err = process.communicate(payload, timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise UnsafeDocumentError(
            f"took longer than {timeout:g} s to open: refused (damaged or built to hang a reader)",
            source,
        ) from None
    except BaseException:
        process.kill()
        process.communicate()
        raise
    try:
        return json.loads(out.decode("ascii").strip().splitlines()[-1])
    except (ValueError, IndexError, UnicodeDecodeError):
        pass
    # No reply. A worker that could not import pypdf is an installation problem; otherwise
    # it died (killed at its CPU limit, or out of memory somewhere MemoryError is not caught).
    if b"ModuleNotFoundError" in err or b"ImportError" in err:
        raise ComponentMissingError(
            f"{source}: cannot be opened: the PDF worker ({sys.executable}) cannot import "
            "pypdf; reinstall pepdocs"
        )
    if process.returncode > 0 and b"MemoryError" not in err:
        raise DocumentError("is not a readable PDF (the reader failed on it)", source)
    raise UnsafeDocumentError(
        f"needs more than {request['memory_bytes'] // (1024 * 1024)} MB of memory or "
        f"{request['cpu_seconds']} s of CPU to open: refused",
        source,
    )


def _raise_for(reply: dict[str, Any], source: str, request: dict[str, Any]) -> None:
    code = reply.get("code")
    if code == "password_needed":
        raise DocumentError(
            "is password-protected; give its password or ask for a copy without one", source
        )
    if code == "password_wrong":
        raise DocumentError("the password given does not open it", source)
    if code == "too_many_pages":
        raise UnsafeDocumentError(
            f"has more than {request['max_pages']} pages: refused (not a PEP form)", source
        )
    if code == "too_many_fields":
        raise UnsafeDocumentError(
            f"has more than {request['max_fields']} form fields: refused (not a PEP form)",
            source,
        )
    if code in ("memory", "recursion"):
        raise UnsafeDocumentError(
            f"needs more than {request['memory_bytes'] // (1024 * 1024)} MB of memory "
            "or too deep a structure to open: refused",
            source,
        )
    if code == "limit":
        raise UnsafeDocumentError(
            "goes beyond the PDF reader's safety limits (too many objects or too much "
            "compressed data): refused",
            source,
        )
    if code == "dependency":
        raise ComponentMissingError(
            f"{source}: is encrypted with AES; install pypdf[crypto] (the cryptography package)"
        )
    raise DocumentError("is not a readable PDF (damaged or cut short)", source)


def inspect_pdf(
    data: bytes,
    source: str,
    password: str | None = None,
    *,
    text: bool = False,
    copy: bool = False,
    timeout: float = PDF_TIMEOUT_SECONDS,
    memory_bytes: int = PDF_MEMORY_BYTES,
) -> PdfSummary:
    """Open ``data`` (a PDF from ``source``, named in errors) in the bounded worker and return
    what it found: page count, encryption, XFA, every form field's value (and page text if
    ``text``). Nothing of the PDF is parsed in this process. ``copy`` also has the worker
    clone the whole document into a ``PdfWriter`` and write it: ask for it before merging,
    flattening or re-saving an untrusted PDF in this process.

    Raises ``DocumentError`` (not a PDF, damaged, password missing or wrong) or
    ``UnsafeDocumentError`` (too slow, too big, too many pages or fields).
    """
    _refuse_non_pdf(data, source)
    request = {
        "password": password,
        "text": text,
        "copy": copy,
        "max_pages": MAX_PDF_PAGES,
        "max_fields": MAX_PDF_FIELDS,
        "max_value_chars": MAX_VALUE_CHARS,
        "memory_bytes": memory_bytes,
        # a backstop for an orphaned worker; the parent's wall-clock deadline comes first
        "cpu_seconds": max(1, int(timeout) + 1),
    }
    reply = _run_worker(request, data, source, timeout)
    if not isinstance(reply, dict) or not reply.get("ok"):
        _raise_for(reply if isinstance(reply, dict) else {}, source, request)
    found = reply["summary"]
    return PdfSummary(
        pages=int(found["pages"]),
        encrypted=bool(found["encrypted"]),
        xfa=bool(found["xfa"]),
        dynamic_xfa=bool(found["dynamic_xfa"]),
        fields={
            name: PdfField(
                name=name,
                type=item["type"],
                value=item["value"],
                states=tuple(item["states"]),
                options=tuple(item["options"] or ()),
            )
            for name, item in found["fields"].items()
        },
        text=tuple(found["text"]),
    )


def open_pdf(
    data: bytes,
    source: str,
    password: str | None = None,
    *,
    refuse_dynamic_xfa: bool = True,
    text: bool = False,
    layout: bool = False,
    copy: bool = False,
    timeout: float = PDF_TIMEOUT_SECONDS,
    memory_bytes: int = PDF_MEMORY_BYTES,
) -> tuple[PdfReader, PdfSummary]:
    """A decrypted ``PdfReader`` for ``data``, opened here only after the bounded worker got
    through the same file, and the worker's summary.

    A dynamic XFA form is refused (``DocumentError``) unless ``refuse_dynamic_xfa`` is false:
    its fields are not in the PDF's AcroForm, so pypdf can neither read nor fill them.

    The worker walks pages, annotations and fields; pass ``text=True`` if this process will
    call ``extract_text`` (the page texts are then also in ``summary.text``) and
    ``copy=True`` if it will clone the document into a writer (merge, flatten, re-save), so
    that that work, too, was done once within the bounds. ``layout=True`` gives the printed
    text of every page with positions (``summary.layout``): the worker extracts every page's
    text first, so the same parsing done here again is bounded by what it got through.
    """
    summary = inspect_pdf(
        data,
        source,
        password,
        text=text or layout,
        copy=copy,
        timeout=timeout,
        memory_bytes=memory_bytes,
    )
    if refuse_dynamic_xfa and summary.dynamic_xfa:
        raise DocumentError(
            "is a dynamic XFA form (Adobe LiveCycle) that pepdocs cannot read; "
            "ask for the Word version or a flattened PDF",
            source,
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and (reader.decrypt(password or "") == PasswordType.NOT_DECRYPTED):
            raise DocumentError("the password given does not open it", source)
    except DocumentError:
        raise
    except Exception:  # the worker opened it; anything here is still "damaged", not a bug
        raise DocumentError("is not a readable PDF (damaged or cut short)", source) from None
    if layout:
        summary = replace(summary, layout=_page_texts(reader, source))
    return reader, summary


def _page_texts(reader: PdfReader, source: str) -> tuple[PageText, ...]:
    """Printed text with positions (``_pdf_layout.layout_of``), as dataclasses."""
    try:
        pages = _pdf_layout.layout_of(reader)
    except Exception:  # the worker extracted the same text; a failure here is damage
        raise DocumentError("is not a readable PDF (its page text is damaged)", source) from None
    found: list[PageText] = []
    for page in pages:
        x0, y0, x1, y1 = (float(value) for value in (page["box"] + [0.0] * 4)[:4])
        found.append(
            PageText(
                (x0, y0, x1, y1),
                tuple(
                    TextRun(float(x), float(baseline), float(width), float(size), bool(bold), text)
                    for x, baseline, width, size, bold, text in page["runs"]
                ),
            )
        )
    return tuple(found)
