"""'Did you mean ...?' hints for names typed into mapping files and on the command line."""

from __future__ import annotations

from collections.abc import Iterable


def _initials(name: str) -> str:
    return "".join(word[:1] for word in name.split("_") if word)


def suggestions(
    word: str, choices: Iterable[str], *, limit: int = 2, cutoff: float = 70
) -> list[str]:
    """The choices closest to ``word``, best first.

    Besides spelling, a last path segment that abbreviates a choice's last segment by its
    initials (``child.dob`` for ``child.date_of_birth``) counts as a match: forms say "DOB".
    """
    from rapidfuzz import fuzz, process  # deferred: only a mistake needs a hint

    options = list(dict.fromkeys(choices))
    found: list[str] = []
    head, _, last = word.rpartition(".")
    for option in options:
        option_head, _, option_last = option.rpartition(".")
        if option_head == head and len(last) > 1 and _initials(option_last) == last.lower():
            found.append(option)
    for option, _score, _ in process.extract(
        word, options, scorer=fuzz.ratio, limit=limit + len(found), score_cutoff=cutoff
    ):
        if option not in found:
            found.append(option)
    return found[:limit]


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 70) -> str:
    """``" Did you mean 'fields'?"`` or ``""``: ready to append to a message."""
    found = suggestions(word, choices, cutoff=cutoff)
    if not found:
        return ""
    return " Did you mean " + " or ".join(repr(option) for option in found) + "?"
