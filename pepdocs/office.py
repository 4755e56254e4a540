"""LibreOffice, headless: convert forms to PDF, or re-save them as .docx/.xlsx.

Used to prove filled forms open in a real office suite, to print them, and to re-save them as
another editor would (which is how content-control tags get lost in the wild).

LibreOffice starts slowly (seconds), so :func:`convert` hands every file to ONE process. Each
call gets its own user profile directory: two LibreOffice processes sharing a profile block
on its lock file or hand work to each other, which breaks parallel runs and CI.

LibreOffice follows the links a document holds (images by URL, ``file://`` images,
``INCLUDETEXT`` fields) and would fetch or embed what they point at. So it never sees the
caller's files: each input is copied into a private folder with its external links cut
(:func:`pepdocs.safety.links.without_external_links`), and LibreOffice runs with that
folder as its working directory, a private profile, home and temporary folder, and, where
the system allows it (Linux network namespaces: ``unshare --net``, as root or through a user
namespace), with no network at all. :data:`NETWORK_ISOLATION` says which is in force.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from pepdocs.errors import ComponentMissingError, PepdocsError
from pepdocs.safety.links import without_external_links
from pepdocs.safety.package import Kind, read_input, sniff_kind

Target = Literal["pdf", "docx", "xlsx"]

#: Where Debian/Ubuntu packages put ``soffice`` when it is not on PATH.
_KNOWN_LOCATIONS = ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")

#: LibreOffice export filters; ``pdf`` picks the Writer or Calc one by the input's kind.
_FILTERS: dict[str, str] = {
    "docx": "docx:MS Word 2007 XML",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
}

#: PDF export options (LibreOffice 7.4's JSON filter options; the Writer filter's name is
#: given, and LibreOffice applies the options to workbooks too): a tagged PDF that declares
#: PDF/UA (ISO 14289-1) conformance, so that screen readers find the headings, tables and
#: reading order, and the document's title (its ``dc:title``) shown instead of the file
#: name. Public bodies must publish accessible documents (the Public Sector Bodies
#: (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018).
PDF_EXPORT = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)

#: The language a converted document is in unless it says otherwise: a workbook carries no
#: language of its own, and LibreOffice would mark it as its own locale's (en-US).
DOCUMENT_LOCALE = "en_GB.UTF-8"

#: Seconds for the first file plus each further one: a cold start takes 5-15 s on a small
#: machine, a form converts in about a second.
DEFAULT_TIMEOUT = 60.0
PER_FILE_TIMEOUT = 10.0


def find_soffice(purpose: str = "this") -> Path:
    """The LibreOffice ``soffice`` executable; :class:`ComponentMissingError` if none.

    ``purpose`` completes the message (``LibreOffice is needed for PDF output``).
    """
    on_path = shutil.which("soffice") or shutil.which("libreoffice")
    candidates = [on_path] if on_path else []
    candidates.extend(_KNOWN_LOCATIONS)
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return Path(candidate)
    raise ComponentMissingError(
        f"LibreOffice is needed for {purpose}: install it with "
        "`apt-get install libreoffice-writer-nogui` (see README)"
    )


@functools.cache
def network_isolation() -> tuple[str, ...]:
    """The command prefix that runs a program with no network here, or ``()`` if the system
    does not allow it (no ``unshare``, or network namespaces forbidden to this user)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    getuid = getattr(os, "geteuid", None)
    candidates: list[tuple[str, ...]] = []
    if getuid is not None and getuid() == 0:
        candidates.append((unshare, "--net"))
    candidates.append((unshare, "--user", "--map-root-user", "--net"))
    for prefix in candidates:
        try:
            probe = subprocess.run(
                [*prefix, "true"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return prefix
    return ()


def _filter_for(to: str) -> str:
    if to == "pdf":
        return PDF_EXPORT
    if to in _FILTERS:
        return _FILTERS[to]
    raise PepdocsError(f"cannot convert to {to!r}: use pdf, docx or xlsx")


def convert(
    paths: Iterable[str | os.PathLike[str]],
    to: Target = "pdf",
    out_dir: str | os.PathLike[str] = ".",
    *,
    timeout: float | None = None,
) -> list[Path]:
    """Convert documents with one headless LibreOffice run; returns the output paths in the
    order of ``paths``.

    Outputs are named after the inputs (``form.docx`` -> ``out_dir/form.pdf``), so two inputs
    with the same file name would overwrite each other: that is refused. Converting a .docx
    to docx re-saves it (the way LibreOffice users' forms come back).
    """
    sources = [Path(path) for path in paths]
    if not sources:
        return []
    for source in sources:
        if not source.is_file():
            raise PepdocsError(f"{source}: no such file to convert")
    stems = [source.stem for source in sources]
    duplicates = sorted({stem for stem in stems if stems.count(stem) > 1})
    if duplicates:
        raise PepdocsError(
            f"{sources[0].parent}: several inputs named {duplicates[0]!r}; "
            "outputs would overwrite each other"
        )
    soffice = find_soffice(f"converting to {to}")
    target_dir = Path(out_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    expected = [target_dir / f"{source.stem}.{to}" for source in sources]
    same_place = [
        path for path, source in zip(expected, sources, strict=True) if _same(path, source)
    ]
    if same_place:
        raise PepdocsError(f"{same_place[0]}: converting would overwrite the input; pick out_dir")
    limit = timeout if timeout is not None else DEFAULT_TIMEOUT + PER_FILE_TIMEOUT * len(sources)
    with tempfile.TemporaryDirectory(prefix="pepdocs-lo-") as private:
        profile, inbox = Path(private) / "profile", Path(private) / "in"
        profile.mkdir()
        inbox.mkdir()
        copies = [_unlinked_copy(source, inbox) for source in sources]
        command = [
            *network_isolation(),
            os.fspath(soffice),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _filter_for(to),
            "--outdir",
            os.fspath(target_dir.resolve()),
            *(os.fspath(copy) for copy in copies),
        ]
        complaint = _run(command, limit, sources, Path(private))
    missing = [path for path in expected if not path.is_file()]
    if missing:
        reason = complaint or "is the input damaged?"
        raise PepdocsError(
            f"{missing[0]}: LibreOffice did not write it ({len(missing)} of {len(expected)} "
            f"conversions failed; {reason})"
        )
    return expected


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _unlinked_copy(source: Path, inbox: Path) -> Path:
    """``source`` copied into ``inbox`` under its own name, its external links cut; the
    caller's file is never what LibreOffice opens (nor where it writes lock files)."""
    data = read_input(source)
    kind = sniff_kind(data)
    if kind == "zip":
        # a package too damaged to tell: its extension says what LibreOffice will take it for
        by_suffix: dict[str, Kind] = {".docx": "docx", ".xlsx": "xlsx", ".odt": "odt"}
        kind = by_suffix.get(source.suffix.lower(), "zip")
    copy = inbox / source.name
    copy.write_bytes(without_external_links(data, os.fspath(source), kind))
    return copy


def _run(command: Sequence[str], timeout: float, sources: Sequence[Path], private: Path) -> str:
    """Run LibreOffice; returns its last error line (it exits 0 even when a file fails)."""
    # Clean environment bits that make LibreOffice try a display or reuse a running instance;
    # home and temporary files go to the private folder, and so does the working directory.
    environment = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    environment["HOME"] = os.fspath(private / "profile")
    environment["TMPDIR"] = os.fspath(private)
    # the profile's default document language comes from the locale (forms are UK English)
    environment["LANG"] = environment["LC_ALL"] = DOCUMENT_LOCALE
    try:
        # Own session: ``soffice`` is a wrapper that starts ``soffice.bin``; on a timeout the
        # whole group must go, or a stuck LibreOffice outlives us and holds the profile.
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            cwd=private / "in",
            start_new_session=True,
        )
    except OSError as exc:
        raise PepdocsError(f"{command[0]}: LibreOffice could not start ({exc.strerror})") from None
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PepdocsError(
            f"{sources[0]}: LibreOffice took longer than {timeout:.0f} s converting "
            f"{len(sources)} file(s); try fewer files or a longer timeout"
        ) from None
    if process.returncode != 0:
        lines = stderr.decode("utf-8", "replace").strip().splitlines()
        last = lines[-1] if lines else f"exit status {process.returncode}"
        raise PepdocsError(f"{sources[0]}: LibreOffice failed to convert ({last})")
    output = (stdout + stderr).decode("utf-8", "replace").splitlines()
    errors = [line.strip() for line in output if line.strip().lower().startswith("error")]
    return errors[-1] if errors else ""
