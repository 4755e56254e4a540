"""PDF output and bundles: Word/Excel forms as PDF through LibreOffice, a PEP merged with its
attachments under bookmarks, and AES-256 protection that only the password opens."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PasswordType, PdfReader
from reportlab.pdfgen.canvas import Canvas

import pepdocs.bundle
from pepdocs import api
from pepdocs.bundle import BundlePart, bundle, bundle_bytes, to_pdf
from pepdocs.cli import main
from pepdocs.errors import DocumentError, OutputExistsError, PepdocsError, UsageError
from pepdocs.samples import generate_peps

# PDFs are opened in the bounded worker process, Office files converted by LibreOffice.
pytestmark = pytest.mark.slow

PASSWORD = "Correct-Horse-42"


def _pdf(title: str | None, pages: int, text: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    if title:
        canvas.setTitle(title)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"{text} page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture()
def inputs(tmp_path: Path) -> tuple[Path, list[Path]]:
    pep = next(generate_peps(1, seed=3, authority="ridgeford", phase="school_age"))
    pep_pdf = tmp_path / "pep.pdf"
    pep_pdf.write_bytes(api.fill(pep, "ridgeford"))
    ehcp = tmp_path / "EHCP 2025.pdf"
    ehcp.write_bytes(_pdf(None, 2, "EHC plan"))
    report = tmp_path / "report.pdf"
    report.write_bytes(_pdf("End of year report", 1, "School report"))
    return pep_pdf, [ehcp, report]


def _outline_titles(reader: PdfReader) -> list[str]:
    return [item.title for item in reader.outline if not isinstance(item, list)]


def test_a_bundle_has_every_page_and_a_bookmark_per_part(
    inputs: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    pep_pdf, attachments = inputs
    written = bundle(pep_pdf, attachments, tmp_path / "bundle.pdf")
    reader = PdfReader(written)
    expected_pages = sum(len(PdfReader(path).pages) for path in [pep_pdf, *attachments])
    assert len(reader.pages) == expected_pages
    assert _outline_titles(reader) == [
        "Ridgeford Personal Education Plan - School Age",  # the PEP PDF's own title
        "EHCP 2025",  # no title: the file name
        "End of year report",
    ]
    destinations = [reader.get_destination_page_number(item) for item in reader.outline]
    form_pages = len(PdfReader(pep_pdf).pages)
    assert destinations == [0, form_pages, form_pages + 2]
    assert "/AcroForm" not in reader.trailer["/Root"] or reader.get_fields()


def test_an_encrypted_bundle_opens_only_with_its_password_and_uses_aes_256(
    inputs: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    pep_pdf, attachments = inputs
    written = bundle(pep_pdf, attachments, tmp_path / "locked.pdf", password=PASSWORD)
    data = written.read_bytes()
    assert PASSWORD.encode() not in data

    wrong = PdfReader(io.BytesIO(data))
    assert wrong.is_encrypted
    assert wrong.decrypt("not the password") == PasswordType.NOT_DECRYPTED

    reader = PdfReader(io.BytesIO(data))
    assert reader.decrypt(PASSWORD) != PasswordType.NOT_DECRYPTED
    encryption = reader._encryption
    assert encryption is not None
    assert (encryption.V, encryption.R) == (5, 6)
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"  # AES-256, never RC4 (/V2)
    form_pages = len(PdfReader(pep_pdf).pages)
    assert "EHC plan page 1" in (reader.pages[form_pages].extract_text() or "")


def test_a_short_password_is_refused_before_anything_is_written(
    inputs: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    pep_pdf, attachments = inputs
    with pytest.raises(UsageError, match="at least 8 characters") as refused:
        bundle(pep_pdf, attachments, tmp_path / "x.pdf", password="short")
    assert "short" not in str(refused.value).replace("at least", "")
    assert not (tmp_path / "x.pdf").exists()


def test_an_existing_output_is_kept_unless_forced(
    inputs: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    pep_pdf, attachments = inputs
    target = tmp_path / "bundle.pdf"
    target.write_bytes(b"keep me")
    with pytest.raises(OutputExistsError):
        bundle(pep_pdf, attachments, target)
    assert target.read_bytes() == b"keep me"
    bundle(pep_pdf, attachments, target, force=True)
    assert len(PdfReader(target).pages) > 1


def test_an_input_that_is_not_a_document_is_one_clear_error(tmp_path: Path) -> None:
    pep_pdf = tmp_path / "pep.pdf"
    pep_pdf.write_bytes(_pdf("PEP", 1, "PEP"))
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"notes\.txt: is not a PDF, Word or Excel"):
        bundle(pep_pdf, [notes], tmp_path / "out.pdf")


def test_bundle_bytes_merges_parts_in_order() -> None:
    parts = [
        BundlePart("First", _pdf(None, 1, "one"), "a"),
        BundlePart("Second", _pdf(None, 2, "two"), "b"),
    ]
    reader = PdfReader(io.BytesIO(bundle_bytes(parts)))
    assert len(reader.pages) == 3
    assert _outline_titles(reader) == ["First", "Second"]


def test_word_and_excel_forms_become_pdfs_with_one_libreoffice_run(
    tmp_path: Path, libreoffice: Path
) -> None:
    pep = next(generate_peps(1, seed=5, authority="southvale", phase="school_age"))
    workbook = tmp_path / "southvale.xlsx"
    workbook.write_bytes(api.fill(pep, "southvale"))
    document = tmp_path / "eastborough.docx"
    eastborough = dict(pep, meta=dict(pep["meta"], authority="eastborough"))
    document.write_bytes(api.fill(eastborough, "eastborough"))
    pdfs = to_pdf([workbook, document], tmp_path / "out")
    assert [path.name for path in pdfs] == ["southvale.pdf", "eastborough.pdf"]
    for path in pdfs:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        assert pep["child"]["last_name"] in text
    with pytest.raises(OutputExistsError):
        to_pdf([workbook], tmp_path / "out")


def test_a_word_attachment_is_converted_into_the_bundle(
    inputs: tuple[Path, list[Path]], tmp_path: Path, libreoffice: Path
) -> None:
    pep_pdf, _ = inputs
    pep = next(generate_peps(1, seed=6, authority="eastborough", phase="school_age"))
    letter = tmp_path / "Annual review letter.docx"
    letter.write_bytes(api.fill(pep, "eastborough"))
    written = bundle(pep_pdf, [letter], tmp_path / "with-word.pdf")
    reader = PdfReader(written)
    assert _outline_titles(reader)[-1] == "Annual review letter"
    assert len(reader.pages) > len(PdfReader(pep_pdf).pages)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _odt(**extra: bytes) -> bytes:
    return _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": b'<?xml version="1.0"?><office:document-content '
            b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
            **extra,
        }
    )


@pytest.fixture()
def no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("LibreOffice was asked to convert a refused attachment")

    monkeypatch.setattr(pepdocs.bundle, "convert", refuse)


@pytest.mark.usefixtures("no_libreoffice")
@pytest.mark.parametrize(
    ("members", "problem"),
    [
        ({"Basic/Standard/Module1.xml": b"<module/>"}, "contains macros (Basic or scripts)"),
        ({"Scripts/python/run.py": b"import os"}, "contains macros (Basic or scripts)"),
        (
            {"meta.xml": b'<!DOCTYPE m [<!ENTITY a "aaaa">]><m>&a;</m>'},
            "part meta.xml declares a DTD or entities: refused",
        ),
        ({"styles.xml": b"<styles><unclosed></styles>"}, "part styles.xml is not well-formed"),
    ],
    ids=["basic-macros", "scripts", "dtd-in-a-part-no-engine-reads", "malformed"],
)
def test_an_opendocument_attachment_is_vetted_before_libreoffice(
    tmp_path: Path, members: dict[str, bytes], problem: str
) -> None:
    pep_pdf = tmp_path / "pep.pdf"
    pep_pdf.write_bytes(_pdf("PEP", 1, "PEP"))
    attachment = tmp_path / "minutes.odt"
    attachment.write_bytes(_odt(**members))
    with pytest.raises(DocumentError) as caught:
        bundle(pep_pdf, [attachment], tmp_path / "out.pdf")
    assert str(caught.value).startswith(f"{attachment}: {problem}")
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.usefixtures("no_libreoffice")
def test_a_damaged_zip_named_docx_is_refused_as_damaged(tmp_path: Path) -> None:
    pep_pdf = tmp_path / "pep.pdf"
    pep_pdf.write_bytes(_pdf("PEP", 1, "PEP"))
    attachment = tmp_path / "letter.docx"
    attachment.write_bytes(_odt()[:60])
    with pytest.raises(DocumentError, match=r"letter\.docx: is not a readable docx file"):
        bundle(pep_pdf, [attachment], tmp_path / "out.pdf")


def test_a_libreoffice_failure_names_the_users_file_not_a_temporary_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(paths: list[Path], to: str, out_dir: Path) -> list[Path]:
        raise PepdocsError(
            f"{Path(out_dir) / (paths[0].stem + '.pdf')}: LibreOffice did not write it "
            "(1 of 1 conversions failed; is the input damaged?)"
        )

    monkeypatch.setattr(pepdocs.bundle, "convert", fails)
    pep_pdf = tmp_path / "pep.pdf"
    pep_pdf.write_bytes(_pdf("PEP", 1, "PEP"))
    letter = tmp_path / "letter.odt"
    letter.write_bytes(_odt())
    with pytest.raises(DocumentError) as caught:
        bundle(pep_pdf, [letter], tmp_path / "out.pdf")
    message = str(caught.value)
    assert message.startswith(f"{letter}: LibreOffice could not convert it to PDF (")
    assert "pepdocs-bundle-" not in message and "part." not in message


def test_every_pdf_is_opened_in_the_bounded_worker_with_the_copy_step(
    inputs: tuple[Path, list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pepdocs.safety.pdf

    opened: list[tuple[str, bool]] = []
    real = pepdocs.safety.pdf.open_pdf

    def spy(data: bytes, source: str, *args: Any, **kwargs: Any) -> Any:
        opened.append((source, kwargs.get("copy", False)))
        return real(data, source, *args, **kwargs)

    monkeypatch.setattr(pepdocs.safety.pdf, "open_pdf", spy)
    pep_pdf, attachments = inputs
    bundle(pep_pdf, attachments, tmp_path / "out.pdf")
    assert {source for source, _ in opened} == {str(path) for path in (pep_pdf, *attachments)}
    assert all(copy for _, copy in opened)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    return int(stopped.value.code or 0), capsys.readouterr().err


def test_the_command_encrypts_with_a_password_from_the_environment(
    inputs: tuple[Path, list[Path]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pep_pdf, attachments = inputs
    monkeypatch.setenv("PEP_BUNDLE_PASSWORD", PASSWORD)
    out = tmp_path / "cli.pdf"
    code, err = _run(
        [
            "bundle",
            str(pep_pdf),
            *map(str, attachments),
            "-o",
            str(out),
            "--password-env",
            "PEP_BUNDLE_PASSWORD",
        ],
        capsys,
    )
    assert code == 0
    assert "AES-256" in err and PASSWORD not in err
    reader = PdfReader(out)
    assert reader.decrypt(PASSWORD) != PasswordType.NOT_DECRYPTED


def test_the_command_reads_the_first_line_of_a_password_file(
    inputs: tuple[Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pep_pdf, attachments = inputs
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    out = tmp_path / "cli.pdf"
    code, _ = _run(
        [
            "bundle",
            str(pep_pdf),
            str(attachments[0]),
            "-o",
            str(out),
            "--password-file",
            str(secret),
        ],
        capsys,
    )
    assert code == 0
    assert PdfReader(out).decrypt(PASSWORD) != PasswordType.NOT_DECRYPTED


def test_the_command_refuses_two_password_sources_and_existing_outputs(
    inputs: tuple[Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pep_pdf, _ = inputs
    out = tmp_path / "cli.pdf"
    code, err = _run(
        ["bundle", str(pep_pdf), "-o", str(out), "--password", PASSWORD, "--password-env", "X"],
        capsys,
    )
    assert code == 2 and err.startswith("error: give one of") and PASSWORD not in err
    out.write_bytes(b"old")
    code, err = _run(["bundle", str(pep_pdf), "-o", str(out)], capsys)
    assert code == 1 and "already exists" in err and err.count("\n") == 1


def test_the_command_is_documented_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    code = 0
    with pytest.raises(SystemExit) as stopped:
        main(["bundle", "--help"])
    code = int(stopped.value.code or 0)
    text = capsys.readouterr().out
    assert code == 0
    assert "Example:" in text and "--password-file" in text and "AES-256" in text


def test_an_attachments_javascript_and_launch_actions_do_not_reach_the_bundle() -> None:
    from pepdocs.bundle import BundlePart, bundle_bytes
    from tests.safety import corpus

    attachment = corpus.pdf_with_actions()
    assert b"/JavaScript" in attachment and b"/Launch" in attachment
    bundled = bundle_bytes(
        [
            BundlePart("PEP", corpus.minimal_pdf(), "pep.pdf"),
            BundlePart("Report", attachment, "report.pdf"),
        ]
    )
    for marker in (b"/JavaScript", b"/JS", b"/Launch", b"/OpenAction", b"/AA"):
        assert marker not in bundled, marker
    assert len(PdfReader(io.BytesIO(bundled)).pages) == 2
