"""Roster and other text files are read whatever encoding Excel gave them; binaries are
refused in one line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pepdocs import DocumentError
from pepdocs.safety.textfile import decode_text, read_text_file

from . import corpus

ROSTER = "first_name,last_name,upn,notes\nZoë,O’Neill,B801200005001,£25 “PP+”\n"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (ROSTER.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ROSTER.encode("utf-8"), "utf-8-sig"),
        (ROSTER.encode("cp1252"), "cp1252"),
        (ROSTER.encode("utf-16"), "utf-16"),
    ],
)
def test_a_roster_is_decoded_in_every_encoding_excel_writes(
    tmp_path: Path, encoded: bytes, encoding: str
) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(encoded)
    assert read_text_file(path) == ROSTER
    assert decode_text(encoded, "roster.csv") == (ROSTER, encoding)


def test_the_byte_order_mark_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"first_name,last_name\n")
    assert read_text_file(path).split(",")[0] == "first_name"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (corpus.small_form(), "is a Word document, not a text file"),
        (corpus.minimal_pdf(), "is a PDF, not a text file"),
        (b"name\x00\x01\x02", "binary file"),
        (b"caf\x81 \x8d", "not UTF-8 or Windows-1252"),
    ],
)
def test_a_file_that_is_not_text_is_refused_naming_the_file(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as raised:
        read_text_file(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert problem in str(raised.value)


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        read_text_file(tmp_path / "nope.csv")
