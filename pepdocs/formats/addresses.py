"""Email and web addresses that wrap at sensible points on paper.

A long address in a narrow box is broken wherever the line ends: ``tunde.bello@coldwaterpr``
on one line, ``imaryacademy.sch.example`` on the next. The copies pepdocs makes for printing
put a zero-width space (U+200B, a break opportunity that shows nothing) after each ``@``,
``.`` and ``/`` of an address, so a line ends at one of those instead. Only printing copies
get them: an address copied from the form itself must still work.
"""

from __future__ import annotations

import re

__all__ = ["ZERO_WIDTH_SPACE", "breakable", "may_hold_address"]

ZERO_WIDTH_SPACE = "\u200b"
#: an email address or a web address, as one piece of text holds it
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s<>\"]+")
_BREAK_AFTER = re.compile(r"([@./])(?=.)")


def may_hold_address(text: str) -> bool:
    """A cheap test before :func:`breakable`'s search."""
    return "@" in text or "www." in text or "://" in text


def breakable(text: str) -> str:
    """``text`` with a zero-width space after each ``@``, ``.`` and ``/`` inside its
    addresses (not after an address's last character)."""
    if not may_hold_address(text):
        return text
    return _ADDRESS.sub(
        lambda found: _BREAK_AFTER.sub(rf"\1{ZERO_WIDTH_SPACE}", found.group(0)), text
    )
