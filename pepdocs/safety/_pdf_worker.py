"""The child process that opens an untrusted PDF on behalf of ``pepdocs.safety.pdf``.

Run as ``python -I _pdf_worker.py``: it reads one request from stdin (a JSON header line, then
the PDF's bytes), caps its own memory and CPU time, opens the PDF with pypdf, walks everything
a reader will later touch (page tree, annotations, form fields, optionally the text layer and
a full copy into a writer) and
writes one JSON line to stdout. It imports nothing of pepdocs, so it starts in about a tenth of
a second, and whatever pypdf does on a crafted file (loop, balloon, crash) happens here, where
the parent can kill it, not in the process holding the user's other work.

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


def _text(value: Any, cap: int) -> Any:
    """A field value as JSON: text (capped), a list of texts, or None."""
    if value is None:
        return None
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
    for page in reader.pages:
        annots = page.get("/Annots")
        if annots is not None:
            for annot in list(annots.get_object()):
                annot.get_object()
                annotations += 1
                if annotations > request["max_fields"] * 4:
                    return {"ok": False, "code": "too_many_fields", "detail": str(annotations)}
        if request.get("text"):
            text.append(page.extract_text()[: request["max_value_chars"] * 4])
    root: Any = reader.trailer["/Root"].get_object()
    acro_form: Any = root.get("/AcroForm")
    acro_form = acro_form.get_object() if acro_form is not None else {}
    xfa = "/XFA" in acro_form
    found = reader.get_fields() or {}
    if len(found) > request["max_fields"]:
        return {"ok": False, "code": "too_many_fields", "detail": str(len(found))}
    cap = request["max_value_chars"]
    fields: dict[str, dict[str, Any]] = {}
    for name, field in found.items():
        kind = field.get("/FT")
        fields[str(name)[:cap]] = {
            "type": str(kind) if kind is not None else None,
            "value": _text(field.get("/V"), cap),
            "states": _states(field) if kind in ("/Btn",) else [],
            "options": _text(field.get("/Opt"), cap) if kind == "/Ch" else [],
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
        },
    }


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
            page.extract_text()
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
