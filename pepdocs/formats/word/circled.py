"""Options answered by marking one of them: "YES / NO (circle)", "Yes / No (delete as
appropriate)", "Met / Partly met / Not met".

On paper a person circles an option; in Word they highlight it, make it bold, underline it,
put a border round it, or strike the others through. Read as a person reads the box: the one
option marked (or the one left when the others are struck out) is the answer; options none
of which is marked are the form's print, so the box is unanswered. Only boxes whose every
option is a choice word (yes, no, partly, met...) are read this way: "Mr Pike / Mrs Carrow"
is an answer, not a menu.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pepdocs.formats.word._xml import RPR, SDT, Element, P, R, T, first_child, on_off, w
from pepdocs.formats.word.text import _SKIP, showing_placeholder

__all__ = ["Circled", "circled_option", "may_be_circled"]

#: Words an option of a "circle one" box is made of.
CHOICE_WORDS = frozenset(
    {
        "yes",
        "no",
        "y",
        "n",
        "n/a",
        "na",
        "partly",
        "partially",
        "not yet",
        "nearly",
        "nearly there",
        "almost",
        "some progress",
        "in progress",
        "not started",
        "completed",
        "exceeded",
        "working towards",
        "emerging",
        "developing",
        "secure",
        "expected",
        "exceeding",
        "met",
        "not met",
        "partly met",
        "partially met",
        "achieved",
        "not achieved",
        "partially achieved",
        "ongoing",
        "true",
        "false",
        "on track",
        "not on track",
        "male",
        "female",
        "m",
        "f",
        "agreed",
        "not agreed",
        "approved",
        "not approved",
        "attended",
        "did not attend",
        "invited",
        "present",
        "absent",
        "unknown",
        "autumn",
        "spring",
        "summer",
        "red",
        "amber",
        "green",
        "gold",
    }
)
_SEPARATORS = re.compile(r"\s*[/|]\s*|\s{2,}")
#: Year groups as forms print them to circle one ("NCY: 11 / 12 / 13 / 14", "N1 / N2 / R").
_YEAR = re.compile(r"^(?:[1-9]|1[0-4]|r|n[12]|e[12]|y(?:[1-9]|1[0-4])|year (?:[1-9]|1[0-4]))$")


def _choice_word(option: str) -> bool:
    word = " ".join(option.casefold().split()).strip(".?")
    return word in CHOICE_WORDS


def _choice_options(text: str) -> list[str] | None:
    """The options of a "circle one" box's text, or None: choice words ("Yes / No"), or
    three or more year groups set apart by spaced slashes ("11 / 12 / 13 / 14": "20/25" is
    a score, "3 / 4" could be a fraction)."""
    text = text.strip(" /")
    body = _NOTE.sub("", text).strip(" /")
    options = [option for option in _SEPARATORS.split(body) if option.strip()]
    if len(options) < 2:
        return None
    if all(_choice_word(option) for option in options):
        return options
    if _NOTE.search(text) and " / " in body and all(_short_option(o) for o in options):
        # the form says how to answer ("SEN stage: None / SEN Support / EHCP (strike out
        # as appropriate)"): its options are a menu whatever words they are
        return options
    years = [" ".join(option.casefold().split()) for option in options]
    if len(years) >= 3 and " / " in body and all(_YEAR.match(year) for year in years):
        return options
    return None
_NOTE = re.compile(
    r"\s*\((?:circle|delete|tick|please|strike|cross out|underline|highlight)[^)]*\)\s*$",
    re.IGNORECASE,
)


def _short_option(option: str) -> bool:
    """An option of a printed menu: a few words, no sentence."""
    words = option.split()
    return 0 < len(words) <= 4 and len(option.strip()) <= 30 and not option.strip().endswith(".")


@dataclass(frozen=True, slots=True)
class Circled:
    """A "circle one" box: ``answer`` is the option marked, or None when none is."""

    answer: str | None


def _marks(properties: Element | None) -> tuple[bool, bool]:
    """(emphasised, struck) for a run's properties."""
    if properties is None:
        return False, False
    struck = on_off(first_child(properties, w("strike"))) or on_off(
        first_child(properties, w("dstrike"))
    )
    highlight = first_child(properties, w("highlight"))
    shading = first_child(properties, w("shd"))
    underline = first_child(properties, w("u"))
    emphasised = (
        (highlight is not None and (highlight.get(w("val")) or "none") != "none")
        or (
            shading is not None
            and (shading.get(w("fill")) or "auto").lower() not in ("auto", "ffffff", "")
        )
        or first_child(properties, w("bdr")) is not None
        or on_off(first_child(properties, w("b")))
        or (underline is not None and (underline.get(w("val")) or "single") != "none")
    )
    return emphasised, struck


def _pieces(container: Element) -> list[tuple[str, bool, bool]]:
    """(text, emphasised, struck) of every run of the box in reading order."""
    out: list[tuple[str, bool, bool]] = []

    def walk(node: Element) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == SDT and showing_placeholder(child):
                continue
            if tag == R:
                text = "".join(t.text or "" for t in child if t.tag == T)
                if text:
                    out.append((text, *_marks(first_child(child, RPR))))
                continue
            walk(child)
            if tag == P:
                out.append((" / ", False, False))

    walk(container)
    return out


def _skipped(pieces: list[tuple[str, bool, bool]], skip: int) -> list[tuple[str, bool, bool]]:
    """``pieces`` without their first ``skip`` characters."""
    out: list[tuple[str, bool, bool]] = []
    for text, bold, struck in pieces:
        if skip >= len(text):
            skip -= len(text)
            continue
        out.append((text[skip:], bold, struck))
        skip = 0
    return out


def may_be_circled(text: str) -> bool:
    """A cheap first look: short text whose parts are all choice words."""
    if len(text) > 80 or ("/" not in text and "|" not in text and "  " not in text):
        return False
    return _choice_options(text) is not None


def circled_option(container: Element, skip: int = 0) -> Circled | None:
    """The answer of a "circle one" box (``Circled(None)``: unanswered), or None when the
    box is not one (other text, or an option that is not a choice word); ``skip``: how many
    of the box's first characters are not the box's (a label before the options on the same
    line: ``Term: Autumn / Spring / Summer``)."""
    pieces = _skipped(_pieces(container), skip)
    text = "".join(piece for piece, _, _ in pieces)
    found = _choice_options(text)
    if found is None:
        return None
    options = found
    # each option's marks: every character of it in marked runs
    marked: dict[str, tuple[bool, bool]] = {}
    position = 0
    spans: list[tuple[int, int, bool, bool]] = []
    for piece, bold, struck in pieces:
        spans.append((position, position + len(piece), bold, struck))
        position += len(piece)
    search_from = 0
    for option in options:
        start = text.find(option, search_from)
        if start < 0:
            return None
        end = start + len(option)
        search_from = end
        covering = [span for span in spans if span[0] < end and span[1] > start]
        letters = [
            span for span in covering if text[max(span[0], start) : min(span[1], end)].strip()
        ]
        marked[option] = (
            bool(letters) and all(span[2] for span in letters),
            bool(letters) and all(span[3] for span in letters),
        )
    emphasised: list[str] = [option for option, (bold, _) in marked.items() if bold]
    if len(emphasised) == len(options):
        emphasised = []  # all alike: the form's own print style, not a mark
    unstruck = [option for option, (_, struck) in marked.items() if not struck]
    if len(unstruck) == 1 and len(options) > 1:
        return Circled(unstruck[0].strip())
    if len(emphasised) == 1 and len(emphasised) < len(options):
        return Circled(emphasised[0].strip())
    if not emphasised and len(unstruck) == len(options):
        return Circled(None)  # printed, not answered
    return None  # several marked: a person must look
