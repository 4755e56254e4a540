"""Deliberate blanks: what people write in a box they mean to leave empty.

"N/A", "n/a", "-", "none", "TBC": on a form these say *nothing to put here*, never an answer,
so the model holds them as no value (``None``) and form readers read them so, with a note.
A choice whose own option is worded "None" (no SEN) reads that option first.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["DELIBERATE_BLANKS", "deliberate_blank"]


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


#: What people write in a box they mean to leave blank ("N/A", "-", "none", "TBC"); read as
#: no value, with a note, never as an invalid one. A choice reads its options first, so a
#: form whose option *is* "None" (no SEN) still gets that option.
DELIBERATE_BLANKS = frozenset(
    {
        "n a",
        "na",
        "not applicable",
        "none",
        "nil",
        "nothing",
        "no comment",
        "no comments",
        "tbc",
        "tba",
        "to be confirmed",
        "to be arranged",
        "not known",
        "unknown",
        "not yet known",
        "awaiting",
    }
)
_DASHES_ONLY = re.compile(r"^[\s\-\u2010-\u2015/\\.]+$")


def deliberate_blank(raw: object) -> bool:
    """True for text a person writes to mean "nothing to put here" (``N/A``, ``-``,
    ``none``, ``TBC``), not for an empty box (that is :func:`_is_blank`)."""
    if not isinstance(raw, str) or not raw.strip():
        return False
    text = raw.strip()
    if len(text) > 40:
        return False
    if _DASHES_ONLY.match(text):
        return True
    return _fold(text) in DELIBERATE_BLANKS
