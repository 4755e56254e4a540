"""Every corpus file through the library's safe-open layer: refused with one line naming the
file and the problem, as the right error class, within seconds; valid but unusual files
(a 20,000-row table, zip-slip names) processed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from pepdocs import DocumentError, PepdocsError, UnsafeDocumentError
from pepdocs.safety.package import (
    SafeZip,
    check_form_kind,
    check_package,
    open_package,
    parse_xml,
    sniff_kind,
)

from . import corpus

#: a hang guard, not a benchmark: generous so a loaded CI machine does not flake
DEADLINE_SECONDS = 20.0


@contextmanager
def _within_deadline() -> Iterator[None]:
    yield


def _read_word(data: bytes, source: str) -> int:
    """What every Word reader does first: open the package and parse the main part."""
    package = open_package(data, source, "docx")
    root = parse_xml(package.read("word/document.xml"), source, "word/document.xml")
    return sum(1 for _ in root.iter())


def _assert_one_line_naming(error: PepdocsError, source: str, problem: str) -> None:
    message = str(error)
    assert message.startswith(f"{source}: ")
    assert problem in message
    assert "\n" not in message


@pytest.mark.slow
@pytest.mark.parametrize("item", corpus.REFUSED_DOCX, ids=lambda item: item.name)
def test_a_broken_or_hostile_word_file_is_refused_with_one_line(item: corpus.Item) -> None:
    source = f"{item.name}.docx"
    data = item.build()
    with _within_deadline(), pytest.raises(DocumentError) as raised:
        _read_word(data, source)
    _assert_one_line_naming(raised.value, source, item.problem)
    assert isinstance(raised.value, UnsafeDocumentError) is item.unsafe


def test_the_external_entity_is_never_resolved() -> None:
    with pytest.raises(UnsafeDocumentError) as raised:
        _read_word(corpus.external_entity(), "xxe.docx")
    assert "root:" not in str(raised.value)


@pytest.mark.slow
@pytest.mark.parametrize("item", corpus.REFUSED_XLSX, ids=lambda item: item.name)
def test_a_broken_or_hostile_workbook_is_refused_with_one_line(item: corpus.Item) -> None:
    source = f"{item.name}.xlsx"
    data = item.build()
    with _within_deadline(), pytest.raises(DocumentError) as raised:
        open_package(data, source, "xlsx")
    _assert_one_line_naming(raised.value, source, item.problem)
    assert isinstance(raised.value, UnsafeDocumentError) is item.unsafe


@pytest.mark.slow
def test_a_big_sheet_can_be_allowed_by_a_caller_that_needs_it() -> None:
    package = open_package(
        corpus.workbook_cell_bomb(), "tracker.xlsx", "xlsx", max_sheet_bytes=64 << 20
    )
    assert package.has("xl/worksheets/sheet1.xml")


def test_a_word_file_where_a_workbook_is_expected_is_named_for_what_it_is() -> None:
    with pytest.raises(DocumentError, match="is a Word document, not an Excel workbook"):
        open_package(corpus.small_form(), "marks.xlsx", "xlsx")


def test_zip_slip_names_are_ignored_and_the_form_is_still_read() -> None:
    package = open_package(corpus.zip_slip(), "slip.docx", "docx")
    assert not [name for name in package.names() if "evil" in name]
    with pytest.raises(DocumentError, match="missing"):
        package.read("../evil.txt")
    assert _read_word(corpus.zip_slip(), "slip.docx") > 0


@pytest.mark.slow
def test_a_twenty_thousand_row_table_is_processed_within_seconds() -> None:
    data = corpus.big_table()
    with _within_deadline():
        package = open_package(data, "big.docx", "docx")
        root = parse_xml(package.read("word/document.xml"), "big.docx", "word/document.xml")
    rows = root.findall(f".//{{{corpus.WORD_NS}}}tr")
    assert len(rows) == 20_001


def test_the_small_form_opens_and_is_sniffed_as_word() -> None:
    data = corpus.small_form()
    assert sniff_kind(data) == "docx"
    assert isinstance(open_package(data, "form.docx", "docx"), SafeZip)


@pytest.mark.parametrize(
    ("build", "kind"),
    [
        (corpus.minimal_pdf, "pdf"),
        (corpus.ole2_encrypted, "ole2"),
        (corpus.many_entries, "docx"),
        (corpus.text_named_docx, "unknown"),
        (corpus.truncated_zip, "docx"),
    ],
)
def test_sniffing_names_what_a_file_really_is(build: corpus.Callable[[], bytes], kind: str) -> None:
    assert sniff_kind(build()) == kind


def test_a_bomb_in_the_odf_mimetype_is_not_read_whole() -> None:
    data = corpus.with_part("mimetype", b"application/vnd.oasis.opendocument.text" + bytes(8 << 20))
    with _within_deadline():
        assert sniff_kind(data) == "odt"


def test_a_part_read_never_exceeds_its_declared_size() -> None:
    package = open_package(corpus.lying_size_bomb(), "lying.docx", "docx")
    with pytest.raises(DocumentError, match="damaged"):
        package.read("word/document.xml")


def test_xml_declared_as_utf16_with_a_doctype_is_refused() -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>'
    with pytest.raises(UnsafeDocumentError, match="DTD"):
        parse_xml(xml.encode("utf-16"), "form.docx", "word/document.xml")


def test_deeply_nested_xml_is_a_document_error_not_a_crash() -> None:
    xml = b"<a>" * 100_000 + b"</a>" * 100_000
    with _within_deadline(), pytest.raises(DocumentError, match=r"form\.docx: part x\.xml"):
        parse_xml(xml, "form.docx", "x.xml")


@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (corpus.empty_file, "is empty"),
        (corpus.ole2_encrypted, "password-protected"),
        (corpus.ole2_plain_doc, "old-style Office file"),
        (corpus.text_named_docx, "is not a form"),
        (lambda: corpus._zip({"a.txt": b"a"}), "is a zip archive but not a form"),
    ],
)
def test_choosing_an_engine_by_content_gives_the_specific_reason(
    build: corpus.Callable[[], bytes], problem: str
) -> None:
    with pytest.raises(DocumentError) as raised:
        check_form_kind(build(), "in.docx")
    _assert_one_line_naming(raised.value, "in.docx", problem)


def test_a_damaged_or_bomb_shaped_word_file_is_still_sent_to_the_word_checks() -> None:
    assert check_form_kind(corpus.truncated_zip(), "in.docx") == "docx"
    assert check_form_kind(corpus.many_entries(), "in.docx") == "docx"
    assert check_form_kind(corpus.minimal_pdf(), "in.pdf") == "pdf"


def test_a_package_handed_to_another_program_has_every_xml_part_checked() -> None:
    members = corpus._members(corpus.small_form())
    members["docProps/custom.xml"] = b'<!DOCTYPE p [<!ENTITY a "aaaa">]><p>&a;</p>'
    data = corpus._zip(members)
    open_package(data, "letter.docx", "docx")  # no engine reads that part...
    with pytest.raises(UnsafeDocumentError) as caught:  # ...but LibreOffice would
        check_package(data, "letter.docx", "docx")
    assert str(caught.value) == (
        "letter.docx: part docProps/custom.xml declares a DTD or entities: refused"
    )


@pytest.mark.slow
@pytest.mark.parametrize("item", corpus.REFUSED_DOCX, ids=lambda item: item.name)
def test_check_package_refuses_what_the_word_readers_refuse(item: corpus.Item) -> None:
    with _within_deadline(), pytest.raises(DocumentError) as caught:
        check_package(item.build(), "form.docx", "docx")
    assert str(caught.value).startswith("form.docx: ")
    assert item.problem in str(caught.value)
