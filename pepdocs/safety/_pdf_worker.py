"""The worker process that opens untrusted PDFs on behalf of ``pepdocs.safety.pdf``.

Started once (per process that reads PDFs) as ``python -I _pdf_worker.py``: it ignores
Ctrl-C (the parent decides), imports pypdf, warms it up on a tiny PDF of its own, says
``{"ready": true}`` on stdout, then serves requests until its stdin ends (the parent closed
it, exited or was killed: the worker never outlives it). A request is one JSON header line
(``size`` bytes of PDF follow, then nothing until the reply) and the reply one JSON line.

The worker itself never parses a PDF. For each request it forks a **child** that caps its
own address space (what it uses now plus ``memory_bytes``) and CPU time, asks the kernel to
kill it if the worker dies (``PR_SET_PDEATHSIG``), opens the PDF with pypdf, walks
everything a reader needs (page tree, content budget, annotations, form fields; on request
the text layer, the printed text with its positions (``_pdf_layout``, loaded by its path),
every terminal field as the form engine reads it, a full copy into a writer) and writes one
JSON reply into a pipe. The worker kills the child at the request's deadline; a child killed
or crashed costs that one file, never the worker. It imports nothing of pepdocs, so
whatever pypdf does on a crafted file (loop, balloon, crash) happens in a child the worker
can kill.

Reply: ``{"ok": true, "summary": {...}, "cpu": s}`` or ``{"ok": false, "code": "..."}``
(``detail`` at most an exception class name: never document content); codes ``timeout``
(killed at the deadline), ``resources`` (killed at its CPU or memory cap) and ``crashed``
(ended without a reply) come from the worker, the others from the child.
"""

from __future__ import annotations

import contextlib
import gc
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


#: a field tree deeper than this is damaged or hostile (as ``pepdocs.formats.pdf._fields``)
_MAX_DEPTH = 32


def _inherited(node: Any, key: str) -> Any:
    """A field attribute, from the nearest ancestor that sets it (ISO 32000-1, 12.7.3.1)."""
    for _ in range(_MAX_DEPTH):
        if node is None or not hasattr(node, "get"):
            break
        if key in node:
            value = node[key]
            return value.get_object() if hasattr(value, "get_object") else value
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return None


def _option_pairs(raw: Any, cap: int) -> list[list[str]]:
    """A choice field's ``/Opt`` as ``[export value, shown text]`` pairs."""
    pairs: list[list[str]] = []
    if not isinstance(raw, list):
        return pairs
    for item in raw[:cap]:
        item = item.get_object() if hasattr(item, "get_object") else item
        if isinstance(item, list) and len(item) >= 2:
            export, shown = (part.get_object() for part in item[:2])
            pairs.append([str(export)[:cap], str(shown)[:cap]])
        else:
            pairs.append([str(item)[:cap]] * 2)
    return pairs


def _form_fields(acro_form: Any, cap: int, limit: int, updated: bool) -> list[dict[str, Any]]:
    """Every terminal field with its full name, as the PDF engine reads a form: type and
    flags, value, options and the state of each widget (inherited attributes resolved), in
    the order of the field tree. Terminal fields and their widgets are found as
    ``pepdocs.formats.pdf._fields.iter_fields`` finds them."""
    found: list[dict[str, Any]] = []
    fields = acro_form.get("/Fields")
    fields = fields.get_object() if fields is not None else None
    if not isinstance(fields, list):
        return found
    seen: set[int] = set()

    def walk(node: Any, parent_name: str, depth: int) -> None:
        if not isinstance(node, dict) or depth > _MAX_DEPTH or id(node) in seen:
            return
        if len(seen) > limit * 4:
            raise _TooManyFields
        seen.add(id(node))
        partial = node.get("/T")
        name = parent_name
        if partial is not None:
            name = f"{parent_name}.{partial}" if parent_name else str(partial)
        kids = node.get("/Kids")
        kids = kids.get_object() if kids is not None else None
        children = [kid.get_object() for kid in kids] if isinstance(kids, list) else []
        named = [kid for kid in children if isinstance(kid, dict) and "/T" in kid]
        if named:
            for kid in named:
                walk(kid, name, depth + 1)
            return
        widgets = [node] if node.get("/Subtype") == "/Widget" else []
        widgets += [kid for kid in children if isinstance(kid, dict) and "/T" not in kid]
        kind = _inherited(node, "/FT")
        raw = _inherited(node, "/V")
        value = _text(raw, cap)
        try:
            flags = int(_inherited(node, "/Ff") or 0)
        except (TypeError, ValueError):
            flags = 0
        differs = False
        if updated and kind == "/Tx" and isinstance(value, str):
            shown = _shown_text(node, cap)
            differs = shown is not None and _words(value) not in _words(shown)
        states = []
        for widget in widgets[:cap]:
            state = widget.get("/AS")
            states.append(str(state)[:cap] if state is not None else None)
        found.append(
            {
                "name": name[:cap],
                "type": str(kind) if kind is not None else None,
                "flags": flags,
                "value": value,
                "options": _option_pairs(_inherited(node, "/Opt"), cap),
                "widget_states": states,
                "from_stream": hasattr(raw, "get_data"),
                "shown_differs": differs,
            }
        )
        if len(found) > limit:
            raise _TooManyFields

    for item in fields:
        walk(item.get_object(), "", 0)
    return found


class _TooManyFields(Exception):
    """More terminal fields than any PEP form has."""


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
    # pypdf's own field tree (``get_fields``) is built only when its list is asked for, or
    # for an XFA form (whose AcroForm, empty or not, tells dynamic XFA from static); the
    # engine reads the terminal fields walked below (``form``), which have their own limits
    found: dict[str, Any] = {}
    if request.get("fields", True) or xfa:
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
    form: list[dict[str, Any]] = []
    if request.get("form"):
        try:
            form = _form_fields(acro_form, cap, request["max_fields"], updated)
        except _TooManyFields:
            return {"ok": False, "code": "too_many_fields"}
        except (MemoryError, RecursionError):
            raise
        except Exception:
            return {"ok": False, "code": "damaged_fields"}
    document_id = _document_id(reader, cap)
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
            "fields": fields if request.get("fields", True) else {},
            "text": text,
            "layout": layout,
            "form": form,
            "document_id": document_id,
        },
    }


#: the document information entry a filled form's id is kept in (as
#: ``pepdocs.formats.pdf.docid.INFO_KEY``; the engine checks the id's shape)
_DOCUMENT_ID_KEY = "/PepdocsDocumentId"


def _document_id(reader: Any, cap: int) -> str | None:
    """The text of the document information dictionary's id entry (ISO 32000-1, 14.3.3),
    or None (no dictionary, no entry, or a damaged one): read here, from the parse the
    summary came from, so the parent never opens the PDF for it."""
    try:
        info = reader.metadata
        value = info.get(_DOCUMENT_ID_KEY) if info is not None else None
        return str(value)[:cap] if value is not None else None
    except Exception:  # a damaged information dictionary: the form simply carries no id
        return None


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


def _answer(data: bytes, request: dict[str, Any]) -> dict[str, Any]:
    """The child's reply for one PDF: its summary, or why it was refused."""
    try:
        return _inspect(data, request)
    except MemoryError:
        return {"ok": False, "code": "memory"}
    except RecursionError:
        return {"ok": False, "code": "recursion"}
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
        return {"ok": False, "code": code, "detail": name}


#: a child's exit status when it could not even write its reply
_EXIT_CRASHED, _EXIT_MEMORY = 70, 71
_PR_SET_PDEATHSIG = 1


def _die_with_worker(worker: int) -> None:
    """Have the kernel kill this child if the worker dies (Linux; elsewhere the CPU cap is
    the backstop). The worker is single-threaded, so "the thread that forked us" is it."""
    import signal

    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != worker:  # the worker died before the line above took effect
        os._exit(_EXIT_CRASHED)


def _child(data: bytes, request: dict[str, Any], reply_fd: int, worker: int) -> None:
    """In the forked child: bound this process, read the PDF, write the reply, exit (never
    returns, never runs the worker's clean-up)."""
    try:
        _die_with_worker(worker)
        # the objects inherited from the worker (pypdf, warmed up) are left out of this
        # child's garbage collections: walking them would copy their pages for nothing (the
        # child's own objects, the PDF's, are still collected, and the memory cap still holds)
        gc.freeze()
        # nothing of the worker's stdin, stdout or stderr: a stray write from pypdf cannot
        # corrupt the replies or reach the user's terminal
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        _limit_resources(request["memory_bytes"], request["cpu_seconds"])
        try:
            out = json.dumps(_answer(data, request), ensure_ascii=True).encode("ascii")
        except MemoryError:
            out = b'{"ok": false, "code": "memory"}'
        view = memoryview(out)
        while view:
            view = view[os.write(reply_fd, view) :]
    except MemoryError:
        os._exit(_EXIT_MEMORY)
    except BaseException:
        os._exit(_EXIT_CRASHED)
    os._exit(0)


def _serve(data: bytes, request: dict[str, Any]) -> dict[str, Any]:
    """One request: a child forked to read the PDF, killed at the deadline."""
    import select
    import signal
    import time

    read_end, write_end = os.pipe()
    deadline = time.monotonic() + float(request["timeout"])
    worker = os.getpid()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        _child(data, request, write_end, worker)
    os.close(write_end)
    chunks: list[bytes] = []
    try:
        while True:
            left = deadline - time.monotonic()
            ready = select.select([read_end, 0], [], [], max(left, 0))[0] if left > 0 else []
            if not ready:
                os.kill(child, signal.SIGKILL)
                os.waitpid(child, 0)
                return {"ok": False, "code": "timeout"}
            if 0 in ready:  # the parent closed our stdin (or died) mid-request
                os.kill(child, signal.SIGKILL)
                os.waitpid(child, 0)
                os._exit(0)
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
    _, status, usage = os.wait4(child, 0)
    cpu = usage.ru_utime + usage.ru_stime
    if chunks and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        with contextlib.suppress(ValueError):
            reply = json.loads(b"".join(chunks))
            if isinstance(reply, dict):
                reply["cpu"] = cpu
                return reply
    if os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == _EXIT_MEMORY:
        # killed at its CPU cap (SIGXCPU, SIGKILL), or out of memory where MemoryError is
        # not caught
        return {"ok": False, "code": "resources", "cpu": cpu}
    return {"ok": False, "code": "crashed", "cpu": cpu}


def _read_line(buffer: bytearray) -> bytes | None:
    """The next line from stdin (``buffer`` keeps what was read beyond it), None at EOF."""
    while b"\n" not in buffer:
        chunk = os.read(0, 1 << 16)
        if not chunk:
            return None
        buffer += chunk
    line, _, rest = bytes(buffer).partition(b"\n")
    buffer[:] = rest
    return line


def _read_exactly(buffer: bytearray, size: int) -> bytes | None:
    while len(buffer) < size:
        chunk = os.read(0, max(size - len(buffer), 1 << 16))
        if not chunk:
            return None
        buffer += chunk
    data = bytes(buffer[:size])
    buffer[:] = buffer[size:]
    return data


def _send(reply: dict[str, Any]) -> None:
    try:
        out = json.dumps(reply, ensure_ascii=True)
    except MemoryError:
        out = json.dumps({"ok": False, "code": "memory"})
    view = memoryview(out.encode("ascii") + b"\n")
    while view:
        view = view[os.write(1, view) :]


def main() -> None:
    import signal

    # Ctrl-C reaches the whole process group; the parent decides what it means and closes
    # our stdin, which ends this loop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import pypdf  # noqa: F401
    except ImportError:
        _send({"ready": False, "code": "import"})
        return
    # pypdf imports parts of itself on first use (text extraction, filters, the writer);
    # under a child's memory cap those imports could fail and look like a damaged file. So
    # the same steps run once here on a tiny PDF of our own, and a child's cap is counted
    # from what the worker holds: it bounds what THIS PDF takes, not what loading pypdf does.
    _warm_up()
    with contextlib.suppress(Exception):
        import ctypes  # noqa: F401  (for the children's PR_SET_PDEATHSIG)
    _send({"ready": True})
    buffer = bytearray()
    while True:
        header = _read_line(buffer)
        if header is None:
            return
        request = json.loads(header)
        data = _read_exactly(buffer, int(request["size"]))
        if data is None:
            return
        _send(_serve(data, request))


if __name__ == "__main__":
    main()
