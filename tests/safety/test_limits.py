"""Limits that count the work (issue 19, causes 1, 3, 4, 5): each hostile input through the
real ``pepdocs extract`` ends with one clean line, or a correct result, within 20 s and
600 MB of peak memory, measured from outside the process."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from pepdocs import DocumentError, UnsafeDocumentError
from pepdocs.safety.package import (
    MAX_XML_ELEMENTS,
    open_package,
    sheet_extent,
    unpack_member,
    vet_workbook,
)

from . import corpus
from .bounded import MEMORY_BOUND_MB, run_pepdocs

WORD_FORM = ["-a", "eastborough", "--form", "school_age"]
EXCEL_FORM = ["-a", "southvale"]

#: (name, builder, extension, words the one error line holds)
HOSTILE: list[tuple[str, Callable[[], bytes], str, str]] = [
    ("bzip2-bomb", corpus.bzip2_bomb, "docx", "unpacks to more than it declares"),
    ("lzma-bomb", corpus.lzma_bomb, "docx", "unpacks to more than it declares"),
    ("unknown-compression", corpus.unknown_compression, "docx", "compression method"),
    ("million-paragraphs", corpus.many_paragraphs, "docx", "XML elements"),
    ("half-million-rows", corpus.many_table_rows, "docx", "XML elements"),
    ("two-thousand-headers", corpus.many_header_parts, "docx", "header and footer parts"),
    ("cell-at-XFD1048576", corpus.workbook_far_cell, "xlsx", "reaches row 1,048,576"),
    ("cell-at-A1048576", lambda: corpus.workbook_far_cell("A1048576"), "xlsx", "reaches row"),
    ("whole-sheet-merge", corpus.workbook_whole_sheet_merge, "xlsx", "merges included"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "build", "kind", "problem"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_bomb_that_counts_on_the_wrong_limit_ends_in_one_line_within_the_bounds(
    tmp_path: Path, name: str, build: Callable[[], bytes], kind: str, problem: str
) -> None:
    source = tmp_path / f"{name}.{kind}"
    source.write_bytes(build())
    form = WORD_FORM if kind == "docx" else EXCEL_FORM
    run = run_pepdocs("extract", source, *form, "-o", tmp_path / "out" / "pep.json")
    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    assert len(run.err_lines) == 1, run.err
    assert str(source) in run.err_lines[0] and problem in run.err_lines[0], run.err
    assert not (tmp_path / "out").exists()
    assert not run.hung
    assert run.peak_mb < MEMORY_BOUND_MB, run.peak_mb


@pytest.mark.slow
def test_the_twenty_thousand_row_table_is_still_read_within_the_bounds(tmp_path: Path) -> None:
    source = tmp_path / "big.docx"
    source.write_bytes(corpus.big_table())
    run = run_pepdocs("extract", source, *WORD_FORM, "-o", tmp_path / "pep.json")
    assert run.code == 0, run.err
    assert (tmp_path / "pep.json").is_file()
    assert not run.hung
    assert run.peak_mb < MEMORY_BOUND_MB, run.peak_mb


def _member(data: bytes, name: str) -> zipfile.ZipInfo:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.getinfo(name)


@pytest.mark.parametrize(
    "method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
)
def test_every_compression_method_is_unpacked_exactly(method: int) -> None:
    content = b"<w:p>Zephyrine</w:p>" * 5000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        archive.writestr("part.xml", content)
    data = buffer.getvalue()
    assert unpack_member(data, _member(data, "part.xml"), len(content), "x.docx") == content


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_every_compression_method_stops_at_the_limit(method: int) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        archive.writestr("part.xml", bytes(4 << 20))
    data = buffer.getvalue()
    with pytest.raises(UnsafeDocumentError, match="refused as a zip bomb"):
        unpack_member(data, _member(data, "part.xml"), 1 << 20, "x.docx")


@pytest.mark.slow
def test_a_lying_bzip2_member_is_refused_before_it_expands() -> None:
    data = corpus.bzip2_bomb()
    with pytest.raises(DocumentError, match="unpacks to more than it declares"):
        open_package(data, "bomb.docx", "docx").read("word/document.xml")


def test_the_element_budget_is_shared_by_the_whole_package() -> None:
    package = open_package(corpus.many_header_parts(count=250), "h.docx", "docx")
    package.budget.xml_elements = 200  # as if the document had used nearly all of it
    names = [name for name in package.names() if name.startswith("word/header")]
    with pytest.raises(UnsafeDocumentError, match=f"{MAX_XML_ELEMENTS:,} XML elements"):
        for name in names:
            package.parse(name)


def test_a_sheet_is_measured_from_its_cells_not_its_dimension_claim() -> None:
    xml = (
        b'<worksheet><dimension ref="A1:Z1048576"/><sheetData>'
        b'<row r="1"><c r="A1"/><c r="C1"/></row><row r="7"><c r="B7"/></row></sheetData>'
        b'<mergeCells><mergeCell ref="D2:E4"/></mergeCells></worksheet>'
    )
    extent = sheet_extent(xml)
    assert (extent.cells, extent.rows, extent.last_row, extent.last_column) == (3, 2, 7, 5)
    assert extent.merged_cells == 6


def test_a_roster_claiming_a_million_rows_is_read_as_the_rows_it_has(tmp_path: Path) -> None:
    from pepdocs.batch.roster import estimate_rows, open_roster

    path = tmp_path / "roster.xlsx"
    path.write_bytes(corpus.roster_claiming_every_row())
    assert estimate_rows(path) == 3
    assert len(list(open_roster(path).rows())) == 3
    vetted = vet_workbook(path.read_bytes(), str(path))
    assert b"1048576" not in vetted.data


@pytest.mark.slow
def test_a_roster_reaching_row_1048576_stops_the_batch_fast_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    roster = tmp_path / "roster.xlsx"
    roster.write_bytes(corpus.roster_with_a_far_row())
    out = tmp_path / "out"
    run = run_pepdocs("batch", roster, "--out", out)
    assert run.code != 0
    assert len(run.err_lines) == 1 and "reaches row 1,048,576" in run.err, run.err
    assert not out.exists() or not [p for p in out.iterdir() if p.name.endswith(".part")]
    assert not run.hung
    assert run.peak_mb < MEMORY_BOUND_MB


@pytest.mark.slow
def test_a_convert_folder_holding_a_pdf_built_to_make_text_crawl_finishes_within_bounds(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "shared.pdf").write_bytes(corpus.pdf_shared_content())
    run = run_pepdocs("convert", folder, "--out", tmp_path / "out")
    assert run.code == 1 and "Traceback" not in run.err
    errors = (tmp_path / "out" / "errors.csv").read_text("utf-8-sig")
    assert "shared.pdf" in errors
    assert not run.hung
    assert run.peak_mb < MEMORY_BOUND_MB


def test_a_childs_peak_memory_is_its_own_not_the_test_sessions() -> None:
    """Linux gives a child the parent's high-water mark at exec: a session that has grown
    past the bound must not make a small command look like it went past it."""
    ballast = bytearray(700 * 1024 * 1024)  # the test process, grown past the bound
    ballast[::4096] = b"x" * len(ballast[::4096])  # touched, so it is resident
    run = run_pepdocs("--help")
    assert run.code == 0
    assert run.peak_mb < 200, run.peak_mb
    del ballast
