"""Opening untrusted PDFs with a bound on time and memory.

pypdf has a history of infinite loops and memory blow-ups on crafted files (CVE-2023-36464,
CVE-2023-36810, CVE-2025-55197...), and a thread cannot be stopped once pypdf spins. So a
completed PDF form is opened in a separate process. Each process that reads PDFs starts a
**worker** (``_pdf_worker.py`` with ``python -I``) when it first needs one and keeps it:
the worker imports pypdf once, and for every PDF forks a **child** that caps its own
address space (what it holds at the fork plus ``memory_bytes``) and CPU time, walks the page
tree, the page content budget, annotations and form fields (and, if asked, the text layer,
the printed text with its positions for reading a form's labels, every terminal field as
the PDF engine reads it, or a full copy into a writer), and replies with a JSON summary.
The worker kills the child at the deadline and answers for it; a child killed or crashed
costs that one file. This process waits for the worker's answer a little longer than the
deadline and, failing it, kills and replaces the worker too.

No process outlives the one that started it: the worker ends when its stdin does (the
owner closed it, exited or was killed with -9), ignores Ctrl-C (the owner decides what an
interrupt means, and drops a worker it interrupted mid-request), and each child asks the
kernel to kill it when the worker dies. Workers belong to the process that started them: a
forked process (``batch --jobs``) lets go of its parent's pipes and starts its own worker
when it first reads a PDF. Threads reading PDFs at once each take an idle worker or start
one (a few idle ones are kept).

:func:`inspect_pdf` returns the summary and parses nothing of the PDF in this process; the
PDF engine reads a form from it alone (``form=True``). :func:`open_pdf` also opens the PDF
here for code that works on pypdf objects (inspection of a form's layout, document ids,
bundles): pypdf parses lazily and deterministically, so touching the same objects again is
bounded by the same work the child got through.

Also detected here: encryption (a missing or wrong password is one clear line, never the
password), XFA forms (dynamic XFA cannot be read or filled by pypdf), page and field counts
beyond any real PEP form.
"""

from __future__ import annotations

import hashlib
import io
import logging
import sys
import threading
from dataclasses import dataclass, field, replace
from typing import Any

from pypdf import PasswordType, PdfReader

from pepdocs.errors import ComponentMissingError, DocumentError, UnsafeDocumentError
from pepdocs.safety._pdf_pool import POOL, NoPypdf, WorkerLost
from pepdocs.safety.package import PDF_MAGIC, describe_kind, sniff_kind

__all__ = [
    "MAX_CONTENT_BYTES",
    "MAX_PDF_FIELDS",
    "MAX_PDF_PAGES",
    "PDF_MEMORY_BYTES",
    "PDF_TIMEOUT_SECONDS",
    "PageText",
    "PdfField",
    "PdfFormField",
    "PdfSummary",
    "TextRun",
    "inspect_pdf",
    "open_pdf",
    "page_texts",
    "stop_pdf_workers",
]

#: wall-clock limit for the worker; a 40-page PEP form opens in well under a second
PDF_TIMEOUT_SECONDS = 10.0
#: memory the worker may use beyond its own start-up size
PDF_MEMORY_BYTES = 512 * 1024 * 1024
#: PEP forms run to 10-40 pages; a thousand is not a form
MAX_PDF_PAGES = 1_000
#: the largest real PEP forms have a few hundred fields
MAX_PDF_FIELDS = 5_000
#: decoded content-stream bytes of all pages together (a stream shared by several pages counts
#: once per page): what text extraction would parse (about a megabyte a second); a 40-page
#: form has a few megabytes
MAX_CONTENT_BYTES = 16 * 1024 * 1024
#: a field value longer than this is cut (a whole "child's views" box is a few thousand)
MAX_VALUE_CHARS = 32_000

#: how long past a request's deadline this process waits for the worker's own answer before
#: it kills the worker too
_GRACE_SECONDS = 5.0

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
    #: the value was stored as a stream (read from it, not from a string)
    from_stream: bool = False
    #: the file was updated incrementally and this field's appearance shows something else
    #: than its stored value
    shown_differs: bool = False


@dataclass(frozen=True, slots=True)
class PdfFormField:
    """One terminal AcroForm field (full name, in the order of the field tree) with what
    reading it needs, inherited attributes resolved: ``/FT``, ``/Ff``, the value (text, a
    list or None, at most :data:`MAX_VALUE_CHARS` characters), the ``/Opt`` entries as
    (export value, shown text) and each widget's ``/AS`` (None where a widget has none).
    Terminal fields and widgets are found as ``pepdocs.formats.pdf`` finds them."""

    name: str
    type: str | None
    flags: int
    value: str | list[Any] | None
    options: tuple[tuple[str, str], ...] = ()
    widget_states: tuple[str | None, ...] = ()
    from_stream: bool = False
    shown_differs: bool = False


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
    #: every terminal field as a form engine reads it, only when asked for (``form=True``)
    form: tuple[PdfFormField, ...] = ()
    #: the text of the information dictionary's ``/PepdocsDocumentId`` entry, unchecked
    #: (``pepdocs.formats.pdf.docid`` accepts only an id of the shape pepdocs writes)
    document_id: str | None = None


def _refuse_non_pdf(data: bytes, source: str) -> None:
    if not data:
        raise DocumentError("is empty (0 bytes)", source)
    if not data[:1024].lstrip().startswith(PDF_MAGIC):
        kind = sniff_kind(data)
        what = describe_kind(kind) if kind in ("docx", "xlsx", "ole2", "zip") else None
        raise DocumentError(f"is {what or 'not a recognised document'}, not a PDF", source)


def stop_pdf_workers() -> None:
    """End this process's PDF workers now (they also end when it exits; a later PDF starts
    a new one) and forget the summaries kept (the next PDF goes to a worker even if it was
    seen before). Benchmarks call it to count the workers' CPU time."""
    POOL.stop()
    _RECENT.clear()


def _run_worker(request: dict[str, Any], data: bytes, source: str, timeout: float) -> Any:
    """The worker's reply for ``data``; a worker lost mid-request is replaced once."""
    for _attempt in range(2):
        try:
            worker = POOL.take()
        except OSError as exc:
            raise DocumentError(
                f"cannot be opened: the PDF worker did not start ({exc.strerror})", source
            ) from None
        except WorkerLost:
            raise DocumentError("cannot be opened: the PDF worker did not start", source) from None
        except NoPypdf:
            raise ComponentMissingError(
                f"{source}: cannot be opened: the PDF worker ({sys.executable}) cannot import "
                "pypdf; reinstall pepdocs"
            ) from None
        try:
            reply = worker.ask(request, data, timeout + _GRACE_SECONDS)
        except WorkerLost as lost:
            POOL.drop(worker)
            if lost.gone:
                continue  # it died (killed from outside, between files): once more
            raise UnsafeDocumentError(
                f"took longer than {timeout:g} s to open: refused (damaged or built to hang "
                "a reader)",
                source,
            ) from None
        except BaseException:  # Ctrl-C or an error mid-request: the worker's state is unknown
            POOL.drop(worker)
            raise
        POOL.give_back(worker)
        return reply
    raise DocumentError("cannot be opened: the PDF worker stopped", source)


def _raise_for(reply: dict[str, Any], source: str, request: dict[str, Any]) -> None:
    code = reply.get("code")
    if code == "timeout":
        raise UnsafeDocumentError(
            f"took longer than {request['timeout']:g} s to open: refused (damaged or built to "
            "hang a reader)",
            source,
        )
    if code == "resources":
        raise UnsafeDocumentError(
            f"needs more than {request['memory_bytes'] // (1024 * 1024)} MB of memory or "
            f"{request['cpu_seconds']} s of CPU to open: refused",
            source,
        )
    if code == "crashed":
        raise DocumentError("is not a readable PDF (the reader failed on it)", source)
    if code == "damaged_fields":
        raise DocumentError("is not a readable PDF form (damaged field tree)", source)
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
    if code == "too_much_content":
        raise UnsafeDocumentError(
            f"has more than {MAX_CONTENT_BYTES // (1024 * 1024)} MB of page content to read: "
            "refused (not a PEP form)",
            source,
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


class _Recent:
    """The last few summaries of this process, by the PDF's bytes, password and limits, with
    what each was asked for: the same bytes inspected again (recognising a form, then reading
    it by its mapping) are not sent to the worker again. A summary is deterministic for its
    bytes; only successes are kept, and only for the same limits."""

    SIZE = 4

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: list[tuple[tuple[Any, ...], dict[str, bool], PdfSummary]] = []

    def find(self, key: tuple[Any, ...], asked: dict[str, bool]) -> PdfSummary | None:
        with self.lock:
            for entry_key, had, summary in self.entries:
                if entry_key == key and all(had[flag] for flag, wanted in asked.items() if wanted):
                    # what was not asked for is left out, as the worker would have
                    return replace(
                        summary,
                        text=summary.text if asked["text"] else (),
                        layout=summary.layout if asked["layout"] else (),
                        form=summary.form if asked["form"] else (),
                        fields=summary.fields if asked["fields"] else {},
                    )
        return None

    def clear(self) -> None:
        with self.lock:
            self.entries = []

    def keep(self, key: tuple[Any, ...], asked: dict[str, bool], summary: PdfSummary) -> None:
        with self.lock:
            self.entries = [(key, asked, summary), *self.entries[: self.SIZE - 1]]


_RECENT = _Recent()


def inspect_pdf(
    data: bytes,
    source: str,
    password: str | None = None,
    *,
    text: bool = False,
    layout: bool = False,
    copy: bool = False,
    form: bool = False,
    fields: bool = True,
    timeout: float = PDF_TIMEOUT_SECONDS,
    memory_bytes: int = PDF_MEMORY_BYTES,
) -> PdfSummary:
    """Open ``data`` (a PDF from ``source``, named in errors) in the bounded worker and return
    what it found: page count, encryption, XFA, every form field's value (and page text if
    ``text``, printed text with positions if ``layout``: see ``_pdf_layout``). Nothing of the
    PDF is parsed in this process; the same bytes asked about again (with the same
    password and limits, for no more than was asked before) are answered from the last few
    summaries. ``copy`` also has the worker
    clone the whole document into a ``PdfWriter`` and write it: ask for it before merging,
    flattening or re-saving an untrusted PDF in this process. ``fields=False`` leaves out
    ``summary.fields`` (pypdf's field tree, a seventh of a form's parse): the form engine
    reads ``summary.form``, which is always there.

    Raises ``DocumentError`` (not a PDF, damaged, password missing or wrong) or
    ``UnsafeDocumentError`` (too slow, too big, too many pages or fields).
    """
    _refuse_non_pdf(data, source)
    asked = {"text": text, "layout": layout, "copy": copy, "form": form, "fields": fields}
    key = (
        hashlib.sha256(data).digest(),
        None if password is None else hashlib.sha256(password.encode("utf-8")).digest(),
        timeout,
        memory_bytes,
    )
    known = _RECENT.find(key, asked)
    if known is not None:
        return known
    request = {
        "password": password,
        "text": text,
        "layout": layout,
        "copy": copy,
        "fields": fields,
        "max_pages": MAX_PDF_PAGES,
        "max_fields": MAX_PDF_FIELDS,
        "max_value_chars": MAX_VALUE_CHARS,
        "max_content_bytes": MAX_CONTENT_BYTES,
        # the fields as the engine reads them cost little beside the parse the walk above
        # needs anyway: always asked for, so that a summary kept serves a later read
        "form": True,
        "timeout": timeout,
        "memory_bytes": memory_bytes,
        # a backstop (a child spinning in C code); the wall-clock deadline comes first
        "cpu_seconds": max(1, int(timeout) + 1),
    }
    reply = _run_worker(request, data, source, timeout)
    if not isinstance(reply, dict) or not reply.get("ok"):
        _raise_for(reply if isinstance(reply, dict) else {}, source, request)
    summary = _summary(reply["summary"])
    _RECENT.keep(key, {**asked, "form": True}, summary)
    return summary if form else replace(summary, form=())


def _summary(found: dict[str, Any]) -> PdfSummary:
    """The worker's JSON summary as dataclasses."""
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
                from_stream=bool(item.get("from_stream")),
                shown_differs=bool(item.get("shown_differs")),
            )
            for name, item in found["fields"].items()
        },
        text=tuple(found["text"]),
        layout=_layout(found.get("layout")),
        form=tuple(
            PdfFormField(
                name=str(item["name"]),
                type=item["type"],
                flags=int(item["flags"]),
                value=item["value"],
                options=tuple((str(export), str(shown)) for export, shown in item["options"]),
                widget_states=tuple(item["widget_states"]),
                from_stream=bool(item["from_stream"]),
                shown_differs=bool(item["shown_differs"]),
            )
            for item in found.get("form") or ()
        ),
        document_id=_text_or_none(found.get("document_id")),
    )


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


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
    that that work, too, was done once within the bounds. ``layout=True`` has the worker
    give the printed text of every page with positions (``summary.layout``).
    """
    summary = inspect_pdf(
        data,
        source,
        password,
        text=text,
        layout=layout,
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
    return reader, summary


def page_texts(data: bytes, source: str, password: str | None = None) -> tuple[str, ...]:
    """The text of every page, as pypdf lays it out, extracted in the bounded worker: a page
    built to make text extraction crawl is stopped there, not in this process."""
    return inspect_pdf(data, source, password, text=True, fields=False).text


def _layout(pages: Any) -> tuple[PageText, ...]:
    """The worker's printed text with positions (``_pdf_layout.layout_of``) as dataclasses."""
    found: list[PageText] = []
    for page in pages or ():
        x0, y0, x1, y1 = (float(value) for value in (list(page["box"]) + [0.0] * 4)[:4])
        runs = tuple(
            TextRun(float(x), float(baseline), float(width), float(size), bool(bold), str(text))
            for x, baseline, width, size, bold, text in page["runs"]
        )
        found.append(PageText((x0, y0, x1, y1), runs))
    return tuple(found)
