"""Moved: the safe-open layer is :mod:`pepdocs.safety.package`.

A thin re-export kept while code written against the old path is merged; new code imports
``pepdocs.safety.package``.
"""

from pepdocs.safety.package import (
    MAX_INPUT_BYTES,
    PDF_MAGIC,
    Kind,
    SafeZip,
    check_form_kind,
    check_package,
    open_package,
    parse_xml,
    read_input,
    sniff_kind,
)

__all__ = [
    "MAX_INPUT_BYTES",
    "PDF_MAGIC",
    "Kind",
    "SafeZip",
    "check_form_kind",
    "check_package",
    "open_package",
    "parse_xml",
    "read_input",
    "sniff_kind",
]
