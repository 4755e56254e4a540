"""LibreOffice runs with no network and no access outside its input (issue 19, cause 2): a
document's linked images (by URL, ``file://``, an ``INCLUDEPICTURE`` field; in .docx and
.odt) are neither fetched nor embedded when ``bundle`` and ``convert`` hand it over."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pypdf
import pytest

from pepdocs import office
from pepdocs.safety.links import without_external_links

from . import corpus
from .bounded import run_pepdocs


class _Counter(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = corpus._png(b"REMOTE")
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A web server on the loopback address that counts the requests it gets."""
    handler = type("Counting", (_Counter,), {"requests": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def _images(pdf: Path) -> int:
    return sum(len(page.images) for page in pypdf.PdfReader(pdf).pages)


@pytest.fixture
def linked(tmp_path: Path, server: tuple[str, list[str]]) -> tuple[Path, Path, Path]:
    url, _ = server
    secret = tmp_path / "private" / "secret.png"
    secret.parent.mkdir()
    secret.write_bytes(corpus._png(b"LOCAL-SECRET"))
    word = tmp_path / "report.docx"
    word.write_bytes(corpus.linked_images_docx(f"{url}/x.png", secret.as_uri()))
    odt = tmp_path / "legacy" / "old-pep.odt"
    odt.parent.mkdir()
    odt.write_bytes(corpus.linked_image_odt(f"{url}/y.png"))
    return word, odt, secret


@pytest.mark.libreoffice
@pytest.mark.slow
def test_bundle_fetches_nothing_and_embeds_no_local_file(
    libreoffice: Path,
    tmp_path: Path,
    server: tuple[str, list[str]],
    linked: tuple[Path, Path, Path],
) -> None:
    word, _, _ = linked
    pep = tmp_path / "pep.pdf"
    pep.write_bytes(corpus.minimal_pdf())
    out = tmp_path / "bundle.pdf"
    run = run_pepdocs("bundle", pep, word, "-o", out)
    assert run.code == 0, run.err
    _, requests = server
    assert requests == []
    assert _images(out) == 0
    assert b"LOCAL-SECRET" not in out.read_bytes()


@pytest.mark.libreoffice
@pytest.mark.slow
def test_convert_fetches_nothing_for_a_linked_odt_image(
    libreoffice: Path,
    tmp_path: Path,
    server: tuple[str, list[str]],
    linked: tuple[Path, Path, Path],
) -> None:
    _, odt, _ = linked
    run = run_pepdocs("convert", odt.parent, "--out", tmp_path / "converted")
    assert "Traceback" not in run.err
    _, requests = server
    assert requests == []


@pytest.mark.libreoffice
@pytest.mark.slow
def test_cutting_the_links_alone_keeps_libreoffice_from_them(
    libreoffice: Path,
    tmp_path: Path,
    server: tuple[str, list[str]],
    linked: tuple[Path, Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without the network namespace (a system that forbids one), the copies' cut links are
    what keep LibreOffice from the server and the disk."""
    monkeypatch.setattr(office, "network_isolation", lambda: ())
    word, odt, _ = linked
    outputs = office.convert([word, odt], "pdf", tmp_path / "pdf")
    _, requests = server
    assert requests == []
    assert [_images(pdf) for pdf in outputs] == [0, 0]


def test_the_copy_keeps_web_hyperlinks_and_drops_every_fetching_link(
    linked: tuple[Path, Path, Path],
) -> None:
    word, odt, _ = linked
    cut = without_external_links(word.read_bytes(), str(word), "docx")
    text = b"".join(corpus._members(cut).values())
    assert b'TargetMode="External"' not in text and b"INCLUDEPICTURE" not in text
    assert b"127.0.0.1" not in text and b"file://" not in text
    odt_cut = without_external_links(odt.read_bytes(), str(odt), "odt")
    assert b"127.0.0.1" not in b"".join(corpus._members(odt_cut).values())


def test_an_rtf_that_links_to_a_file_is_refused_not_converted(tmp_path: Path) -> None:
    from pepdocs import UnsafeDocumentError

    rtf = b'{\\rtf1{\\field{\\*\\fldinst INCLUDEPICTURE "file:///etc/passwd"}}}'
    with pytest.raises(UnsafeDocumentError, match="INCLUDEPICTURE"):
        without_external_links(rtf, "old.rtf", "unknown")
