"""Making text safe to put somewhere else: into XML (Word, Excel) or a spreadsheet cell.

Two different dangers, two functions:

- ``clean_text``: XML 1.0 (section 2.2, ``Char``) forbids most C0 control characters, lone
  surrogates and U+FFFE/U+FFFF. Text pasted from other systems carries them (a vertical tab from
  a copied Word field, ``\\x0c`` from a PDF, a NUL from a broken export); python-docx, lxml and
  openpyxl then raise deep inside a save. They are dropped; tab and newline are kept and a
  carriage return becomes a newline (XML parsers turn ``\\r\\n`` into ``\\n`` anyway).
- ``neutralise_formula``: a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
  carriage return before one) is run as a formula by Excel and LibreOffice when a CSV is opened,
  and openpyxl stores a string starting with ``=`` as a formula. OWASP "CSV Injection": prefix
  such text with a single quote so it is shown as text.
"""

from __future__ import annotations

import re

__all__ = ["clean_text", "export_cell", "neutralise_formula"]

# Everything XML 1.0 does not allow as a character (tab, LF, CR are allowed; CR is handled
# separately below), written as the complement of the spec's Char production.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CARRIAGE_RETURN = re.compile("\r\n?")

#: OWASP's list of characters that make a spreadsheet treat a cell as a formula or DDE call.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# "+44 7700 900123", "-12.50" and "-3" start with a trigger but hold nothing a spreadsheet can
# call (a function or a cell reference needs letters, a DDE call needs "|"), so they are left
# alone: quoting every phone number and negative amount would corrupt the export for nothing.
_PLAIN_NUMBER = re.compile(r"[+-][\d\s().,]*\d[\d\s().,]*")


def clean_text(text: str) -> str:
    """``text`` without the characters XML cannot hold; tab and newline kept, CR -> newline."""
    if not text:
        return text
    return _XML_ILLEGAL.sub("", _CARRIAGE_RETURN.sub("\n", text))


def neutralise_formula(text: str) -> str:
    """``text`` made safe as a CSV/XLSX cell: a leading formula trigger gets a ``'`` in front.

    >>> neutralise_formula("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise_formula("+44 7700 900123")
    '+44 7700 900123'
    """
    if not text or not text.startswith(FORMULA_TRIGGERS):
        return text
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    return "'" + text


def export_cell(value: object) -> object:
    """A value ready for a CSV/XLSX export cell: strings cleaned and neutralised, numbers,
    booleans, dates and ``None`` unchanged (they cannot carry a formula)."""
    if isinstance(value, str):
        return neutralise_formula(clean_text(value))
    return value
