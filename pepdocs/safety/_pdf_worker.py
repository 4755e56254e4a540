"""The child process that opens an untrusted PDF on behalf of ``pepdocs.safety.pdf``.

Run as ``python -I _pdf_worker.py``: it reads one request from stdin (a JSON header line, then
the PDF's bytes), caps its own memory and CPU time, opens the PDF with pypdf, walks everything
a reader will later touch (page tree, annotations, form fields, optionally the text layer, the
printed text with its positions (``_pdf_layout``, loaded by its path) and a full copy into a
writer) and writes one JSON line to stdout. It imports nothing of pepdocs (``_pdf_layout``
imports only pypdf), so it starts in about a tenth of a second, and whatever pypdf does on a
crafted file (loop, balloon, crash) happens here, where the parent can kill it, not in the
process holding the user's other work.

Reply: ``{"ok": true, "summary": {...}}`` or ``{"ok": false, "code": "...", "detail": "..."}``
with ``detail`` an exception class name only (never document content).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys
from typing import Any

# pypdf reports recoverable oddities through logging; they are not for the user's terminal
# (and could quote document content).
logging.disable(logging.CRITICAL)


def _limit_resources(memory_bytes: int, cpu_seconds: int) -> None:
    """Cap this process: address space at what it uses now plus ``memory_bytes``, and CPU time
    (a backstop in case the parent is gone and nobody kills us)."""
    try:
        import resource
    except ImportError:  # not POSIX: the parent's wall-clock timeout still applies
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        current = 0
    if current:
        limit = current + memory_bytes
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


import re  # noqa: E402 (after the logging switch-off above)

#: a PDF string in a content stream: parentheses with escapes (ISO 32000-1, 7.3.4.2)
_STRING = re.compile(rb"\((?:\\.|[^\\)])*\)", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _stream_text(stream: Any, cap: int) -> str:
    """The text of a value stored as a stream (ISO 32000-1, 12.7.4.3 allows /V to be a text
    stream): decoded, UTF-16 with a byte-order mark or else PDFDocEncoding (~Latin-1)."""
    data = bytes(stream.get_data()[: cap * 4])
    if data.startswith((b"\xfe\xff", b"\xff\xfe")):
        return data.decode("utf-16", "replace")[:cap]
    return data.decode("latin-1")[:cap]


def _shown_text(field: Any, cap: int) -> str | None:
    """The text a text field's appearance stream draws (its strings shown by Tj/TJ), or None
    when there is no single appearance to read."""
    widgets = [field]
    kids = field.get("/Kids")
    if kids is not None:
        widgets = [kid.get_object() for kid in list(kids)[:8]]
    for widget in widgets:
        appearance = widget.get("/AP")
        appearance = appearance.get_object() if appearance is not None else None
        normal = appearance.get("/N") if appearance is not None else None
        normal = normal.get_object() if normal is not None else None
        if normal is None or not hasattr(normal, "get_data"):
            continue
        data = bytes(normal.get_data()[: cap * 8])
        pieces = []
        for match in _STRING.finditer(data):
            body = match.group(0)[1:-1]
            body = re.sub(rb"\\([nrtbf])", lambda m: _ESCAPES[m.group(1)], body)
            body = re.sub(rb"\\(.)", rb"\1", body)
            pieces.append(body.decode("latin-1"))
        return " ".join(pieces)
    return None


def _field_objects(acro_form: Any, limit: int) -> dict[str, Any]:
    """Terminal fields by full name (``parent.child``), as dictionaries with their widget
    keys (pypdf's ``get_fields`` copies leave ``/AP`` out)."""
    found: dict[str, Any] = {}
    pending = [(item, "") for item in list(acro_form.get("/Fields") or [])[:limit]]
    seen: set[int] = set()
    while pending and len(seen) < limit:
        reference, prefix = pending.pop()
        field = reference.get_object()
        if id(field) in seen or not hasattr(field, "get"):
            continue
        seen.add(id(field))
        partial = field.get("/T")
        name = f"{prefix}.{partial}" if prefix and partial else str(partial or prefix)
        kids = [kid for kid in list(field.get("/Kids") or []) if "/T" in kid.get_object()]
        if kids:
            pending.extend((kid, name) for kid in kids)
        else:
            found[name] = field
    return found


def _words(text: str) -> str:
    return " ".join(text.split())


def _text(value: Any, cap: int) -> Any:
    """A field value as JSON: text (capped), a list of texts, or None."""
    if value is None:
        return None
    if hasattr(value, "get_data"):
        return _stream_text(value, cap)
    if isinstance(value, list | tuple):
        return [_text(item, cap) for item in value[:cap]]
    if isinstance(value, bytes):
        return value.decode("latin-1")[:cap]
    return str(value)[:cap]


def _states(field: Any) -> list[str]:
    """A checkbox's or radio group's on-states (``/Yes``, ``/On``, ``/1``...): pypdf collects
    them from the widgets' /AP /N keys into ``/_States_``."""
    states = {str(state) for state in list(field.get("/_States_") or [])[:64]}
    states.discard("/Off")
    return sorted(states)


def _inspect(data: bytes, request: dict[str, Any]) -> dict[str, Any]:
    from pypdf import PasswordType, PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    encrypted = bool(reader.is_encrypted)
    if encrypted:
        password = request.get("password")
        if reader.decrypt(password or "") == PasswordType.NOT_DECRYPTED:
            return {"ok": False, "code": "password_wrong" if password else "password_needed"}
    pages = len(reader.pages)
    if pages > request["max_pages"]:
        return {"ok": False, "code": "too_many_pages", "detail": str(pages)}
    annotations = 0
    text: list[str] = []
    content_left = request.get("max_content_bytes", 64 * 1024 * 1024)
    for page in reader.pages:
        # Every page's content streams decoded and counted (a stream shared by 400 pages
        # counts 400 times: that is the work text extraction would do), before any is parsed
        # for text
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = list(contents) if isinstance(contents, list) else [contents]
        for stream in streams[:1000]:
            stream = stream.get_object() if stream is not None else None
            if stream is not None and hasattr(stream, "get_data"):
                content_left -= len(stream.get_data())
                if content_left < 0:
                    return {"ok": False, "code": "too_much_content"}
        annots = page.get("/Annots")
        if annots is not None:
            for annot in list(annots.get_object()):
                annot.get_object()
                annotations += 1
                if annotations > request["max_fields"] * 4:
                    return {"ok": False, "code": "too_many_fields", "detail": str(annotations)}
    if request.get("text"):
        # only once every page's content is known to be within the budget
        text = [_page_text(page)[: request["max_value_chars"] * 4] for page in reader.pages]
    layout = _layout_module().layout_of(reader) if request.get("layout") else []
    root: Any = reader.trailer["/Root"].get_object()
    acro_form: Any = root.get("/AcroForm")
    acro_form = acro_form.get_object() if acro_form is not None else {}
    xfa = "/XFA" in acro_form
    found = reader.get_fields() or {}
    if len(found) > request["max_fields"]:
        return {"ok": False, "code": "too_many_fields", "detail": str(len(found))}
    cap = request["max_value_chars"]
    # an incremental update appends a new body: more than one end-of-file marker
    updated = data.count(b"%%EOF") > 1
    objects: dict[str, Any] | None = None
    fields: dict[str, dict[str, Any]] = {}
    for name, field in found.items():
        kind = field.get("/FT")
        raw = field.get("/V")
        raw = raw.get_object() if raw is not None and hasattr(raw, "get_object") else raw
        value = _text(raw, cap)
        differs = False
        if updated and kind == "/Tx" and isinstance(value, str):
            objects = objects if objects is not None else _field_objects(acro_form, cap)
            holder = objects.get(str(name))
            shown = _shown_text(holder, cap) if holder is not None else None
            differs = shown is not None and _words(value) not in _words(shown)
        fields[str(name)[:cap]] = {
            "type": str(kind) if kind is not None else None,
            "value": value,
            "states": _states(field) if kind in ("/Btn",) else [],
            "options": _text(field.get("/Opt"), cap) if kind == "/Ch" else [],
            "from_stream": hasattr(raw, "get_data"),
            "shown_differs": differs,
        }
    if request.get("copy"):
        # What merging and flattening do: every object reached and written out again.
        from pypdf import PdfWriter

        writer = PdfWriter(clone_from=reader)
        writer.write(io.BytesIO())
    return {
        "ok": True,
        "summary": {
            "pages": pages,
            "encrypted": encrypted,
            "xfa": xfa,
            # Dynamic XFA (Adobe LiveCycle): the form lives in XFA only; AcroForm is empty
            # or a stub and the page says "please wait..." ([XFA 3.3] NeedsRendering).
            "dynamic_xfa": xfa and (bool(root.get("/NeedsRendering")) or not fields),
            "fields": fields,
            "text": text,
            "layout": layout,
        },
    }


def _layout_module() -> Any:
    """``_pdf_layout`` beside this file (printed text with positions; stdlib and pypdf only),
    loaded by its path: ``python -I`` keeps this folder off ``sys.path``."""
    import importlib.util
    from pathlib import Path

    name = "_pdf_layout"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    if spec is None or spec.loader is None:
        raise ImportError(name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _page_text(page: Any) -> str:
    """A page's text as pypdf lays it out (columns kept apart by spaces), or plain text where
    layout mode fails on a font."""
    try:
        return str(page.extract_text(extraction_mode="layout") or "")
    except Exception:
        try:
            return str(page.extract_text() or "")
        except Exception:
            return ""


def _tiny_pdf() -> bytes:
    """A valid one-page PDF with a compressed text stream and a form field, for warming up."""
    import zlib

    content = zlib.compress(b"BT /F1 9 Tf 1 1 Td (warm) Tj ET")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[5 0 R]>>>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]/Contents 4 0 R/Annots[5 0 R]"
        b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>",
        b"<</Length %d/Filter/FlateDecode>>stream\n" % len(content) + content + b"\nendstream",
        b"<</Type/Annot/Subtype/Widget/FT/Tx/T(w)/V(w)/Rect[0 0 9 9]/P 3 0 R>>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _warm_up() -> None:
    from pypdf import PdfReader, PdfWriter

    with contextlib.suppress(Exception):
        reader = PdfReader(io.BytesIO(_tiny_pdf()), strict=False)
        reader.get_fields()
        for page in reader.pages:
            _page_text(page)
        _layout_module().layout_of(reader)
        PdfWriter(clone_from=reader).write(io.BytesIO())


def main() -> None:
    stdin = sys.stdin.buffer
    request = json.loads(stdin.readline())
    data = stdin.read()
    # pypdf imports parts of itself on first use (text extraction, filters, the writer);
    # under the memory cap those imports could fail and look like a damaged file. So the
    # same steps run once on a tiny PDF of our own before the cap, which is then counted
    # from here: it bounds what THIS PDF takes, not what loading pypdf takes.
    _warm_up()
    _limit_resources(request["memory_bytes"], request["cpu_seconds"])
    try:
        reply = _inspect(data, request)
    except MemoryError:
        reply = {"ok": False, "code": "memory"}
    except RecursionError:
        reply = {"ok": False, "code": "recursion"}
    except Exception as exc:  # any failure of pypdf on a crafted file means "damaged"...
        name = type(exc).__name__
        code = {"DependencyError": "dependency", "LimitReachedError": "limit"}.get(name, "damaged")
        # ...unless it is pypdf re-raising our memory cap or a too-deep structure as one of
        # its own errors: then say what really stopped it
        cause: BaseException | None = exc
        for _ in range(16):
            cause = cause.__cause__ or cause.__context__ if cause is not None else None
            if isinstance(cause, MemoryError):
                code = "memory"
            elif isinstance(cause, RecursionError):
                code = "recursion"
        reply = {"ok": False, "code": code, "detail": name}
    try:
        out = json.dumps(reply, ensure_ascii=True)
    except MemoryError:
        out = json.dumps({"ok": False, "code": "memory"})
    sys.stdout.write(out + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
