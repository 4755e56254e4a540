"""Rows of fixed height: Word cuts off what does not fit, on screen and on paper.

A table row whose height rule is ``exact`` (``w:trHeight/@w:hRule``, ECMA-376 17.4.81) keeps
its height whatever the cells hold: a long answer written into it is hidden below the row's
edge, in Word and in every PDF made from it. Forms use exact rows to make a box look big
enough; fill turns such a row into an ``atLeast`` row of the same height once a value is
written into it, so the box looks as designed when short and grows when the answer is long.

Whether the text would have been cut off is estimated (Word's own layout is not at hand):
each cell's lines at an average character width of half an em in the document's body size,
against the row's height.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from pepdocs.formats.word._xml import TBL, TC, TCPR, TR, Element, first_child, w
from pepdocs.formats.word.text import block_text

__all__ = ["fixed_rows", "let_grow", "would_clip"]

_TRPR = w("trPr")
_TR_HEIGHT = w("trHeight")
_H_RULE = w("hRule")
_VAL = w("val")
_TC_W = w("tcW")
_W = w("w")
#: twips per point (ECMA-376 measures rows and cells in twentieths of a point)
_TWIPS = 20
#: what the estimate assumes: body text size, line height, average character width (ems)
_BODY_PT, _LEADING, _CHAR_EM = 10.0, 1.2, 0.5
#: cell margins left and right (Word's default 0.19 cm), taken off a cell's width
_CELL_MARGINS = 216


def _fixed(tr: Element) -> Element | None:
    """The row's ``w:trHeight`` when its rule is ``exact``."""
    properties = first_child(tr, _TRPR)
    height = first_child(properties, _TR_HEIGHT) if properties is not None else None
    if height is not None and height.get(_H_RULE) == "exact":
        return height
    return None


def fixed_rows(elements: Iterable[Element]) -> Iterator[Element]:
    """Rows of exact height that hold text among, or around, ``elements``: the rows of a
    table element, the rows a cell or paragraph sits in (each once, outermost last)."""
    seen: set[Element] = set()
    for element in elements:
        rows = element.iter(TR) if element.tag == TBL else element.iterancestors(TR)
        for tr in rows:
            if tr in seen:
                continue
            seen.add(tr)
            if _fixed(tr) is not None and block_text(tr).strip():
                yield tr


def let_grow(tr: Element) -> None:
    """An exact row becomes an at-least row of the same height."""
    height = _fixed(tr)
    if height is not None:
        height.set(_H_RULE, "atLeast")


def would_clip(tr: Element) -> bool:
    """Estimated: would a cell's text need more than the row's exact height?"""
    height = _fixed(tr)
    if height is None:
        return False
    try:
        limit = int(height.get(_VAL, "0")) / _TWIPS
    except ValueError:
        return False
    for tc in tr.iter(TC):
        properties = first_child(tc, TCPR)
        width = first_child(properties, _TC_W) if properties is not None else None
        try:
            twips = int(width.get(_W, "0")) if width is not None else 0
        except ValueError:
            twips = 0
        if twips <= _CELL_MARGINS:
            continue
        per_line = max(1, int((twips - _CELL_MARGINS) / _TWIPS / (_BODY_PT * _CHAR_EM)))
        lines = sum(
            max(1, math.ceil(len(line) / per_line)) for line in block_text(tc).split("\n")
        )
        if lines * _BODY_PT * _LEADING > limit:
            return True
    return False
