"""Reading text files people made (roster CSVs, legacy exports) whatever their encoding.

A school's MIS export or an Excel "Save as CSV" arrives as UTF-8, UTF-8 with a byte-order mark
(Excel's "CSV UTF-8"), UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's plain "CSV"
on a UK PC: ``£`` is byte 0xA3, curly quotes 0x91-0x94). All of those are valid input and
are decoded; anything else (a binary file renamed .csv, Latin text with bytes Windows-1252
leaves undefined) is refused with one line naming the file.
"""

from __future__ import annotations

import codecs
import os
from typing import Literal

from pepdocs.errors import DocumentError
from pepdocs.safety.package import describe_kind, read_input, sniff_kind

__all__ = ["MAX_TEXT_BYTES", "decode_text", "read_text_file"]

#: a roster of 10,000 children is about 2 MB; anything near this is not a roster
MAX_TEXT_BYTES = 50 * 1024 * 1024

TextEncoding = Literal["utf-8-sig", "utf-16", "utf-8", "cp1252"]

#: Kinds of file refused by name when text was expected (an old .doc is refused as binary).
_BINARY_KINDS = frozenset({"docx", "xlsx", "pptx", "odt", "ods", "pdf", "ole2", "zip"})


def decode_text(data: bytes, source: str) -> tuple[str, TextEncoding]:
    """Decode ``data`` (from ``source``, named in errors) and say which encoding it was."""
    if data.startswith(codecs.BOM_UTF8):
        encoding: TextEncoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        kind = sniff_kind(data)
        if kind in _BINARY_KINDS:
            raise DocumentError(f"is {describe_kind(kind)}, not a text file", source)
        # Text never holds NUL; UTF-16 without a BOM is too rare to guess at.
        if b"\x00" in data:
            raise DocumentError("is a binary file, not text", source)
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            # Not UTF-8: Windows-1252 is what Excel writes for "CSV" on UK machines. Tried
            # second because almost any byte string decodes as it, while random
            # Windows-1252 text with accents or £ is almost never valid UTF-8.
            encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"is not UTF-8 or Windows-1252 text (undecodable byte at offset {exc.start}); "
            "save it as 'CSV UTF-8'",
            source,
        ) from None


def read_text_file(path: str | os.PathLike[str], limit: int = MAX_TEXT_BYTES) -> str:
    """The text of ``path`` as ``str``: BOM, UTF-8, UTF-16 (with BOM) or Windows-1252 decoded,
    the BOM removed. Raises ``DocumentError`` (naming the file) for missing, empty, binary,
    oversized or undecodable files."""
    data = read_input(path, limit=limit)
    text, _ = decode_text(data, os.fspath(path))
    return text
