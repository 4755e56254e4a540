"""Labels matched by what they speak of, when no wording of the lexicon matches.

Authorities word the same question in endless ways: "Carer's contribution", "What my carer
says about me", "What does the parent or carer say?" all ask for the carer's views. The
lexicon's ``concepts`` say what a label must speak of to name a field:

- a rule with ``all``: groups of words or phrases; the label must hold one of each group (on
  word boundaries, after folding and with short forms expanded: ``PP+`` is "pupil premium
  plus", ``DOB`` "date of birth"), none of its ``not`` words, and, with ``only``, no word
  outside that list (and the lexicon's stop words): "College" is the setting's name,
  "College attendance target" is not;
- a rule with ``what`` and ``who``: one thing said of several people ("views", "phone"); the
  label must hold one of the ``what`` words, and its path is that of the first person it names
  (``weak`` words, "my", "I", "me", count only when it names nobody else).

A label matches the rule with the most groups that fits it; two fields' rules that fit
equally well match nothing. A match by concept is never as sure as one by wording.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CONCEPT_SCORE", "Concept", "concept_match", "parse_concepts"]

#: Confidence of a match by concept: enough to read a form with no mapping, less than a
#: wording's.
CONCEPT_SCORE = 0.8
#: Labels longer than this many words are sentences (instructions, answers), not labels.
_MAX_WORDS = 16


@dataclass(frozen=True, slots=True)
class Concept:
    """One rule (see the module docstring); phrases already folded and expanded."""

    path: str = ""
    all: tuple[tuple[str, ...], ...] = ()
    none: tuple[str, ...] = ()
    only: frozenset[str] = frozenset()
    what: tuple[str, ...] = ()
    who: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    weak: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.path,) if self.path else tuple(self.who)


def _has(padded: str, phrase: str) -> bool:
    return f" {phrase} " in padded


def _first_person(words: Sequence[str], people: Mapping[str, tuple[str, ...]]) -> str | None:
    """The path of the first person ``words`` name (the longest phrase at a place wins)."""
    phrases = sorted(
        ((phrase.split(), path) for path, found in people.items() for phrase in found),
        key=lambda item: len(item[0]),
        reverse=True,
    )
    for start in range(len(words)):
        for phrase, path in phrases:
            if words[start : start + len(phrase)] == phrase:
                return path
    return None


def _fits(rule: Concept, words: list[str], stop_words: frozenset[str]) -> tuple[str, int] | None:
    """The path ``rule`` gives a label of ``words``, and how many groups it matched."""
    padded = f" {' '.join(words)} "
    if any(_has(padded, word) for word in rule.none):
        return None
    if rule.only and any(word not in rule.only and word not in stop_words for word in words):
        return None
    if rule.what:
        if not any(_has(padded, word) for word in rule.what):
            return None
        if "and" in words:
            # "The child's views and the adults' views": views of two people are neither's
            halves = " ".join(words).split(" and ")
            named = {_first_person(half.split(), rule.who) for half in halves} - {None}
            if len(named) > 1:
                return None
        path = _first_person(words, rule.who) or _first_person(words, rule.weak)
        return (path, 2) if path else None
    if all(any(_has(padded, phrase) for phrase in group) for group in rule.all):
        return rule.path, len(rule.all)
    return None


def concept_match(
    folded: str,
    concepts: Sequence[Concept],
    stop_words: frozenset[str],
    paths: Sequence[str] | None = None,
) -> str | None:
    """The path a folded, expanded label speaks of, or None when no rule fits it or two
    fields' rules fit it equally well."""
    words = folded.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    best: dict[str, int] = {}
    for rule in concepts:
        if paths is not None and not any(path in paths for path in rule.paths):
            continue
        found = _fits(rule, words, stop_words)
        if found is None or (paths is not None and found[0] not in paths):
            continue
        path, groups = found
        best[path] = max(groups, best.get(path, 0))
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def parse_concepts(
    data: Any, fold_phrase: Any, known: Any, where: str = "lexicon.yaml: concepts"
) -> tuple[Concept, ...]:
    """The ``concepts`` list of the lexicon's YAML data: ``fold_phrase`` folds and expands a
    phrase; ``known(path, where)`` checks a model path (raising when unknown)."""
    if data is None:
        return ()
    if not isinstance(data, list):
        raise ValueError(f"{where}: expected a list of rules")

    def phrases(value: Any, what: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{where}: {what} must be a list of words or phrases")
        return tuple(p for p in (fold_phrase(v) for v in value) if p)

    rules: list[Concept] = []
    for number, entry in enumerate(data, 1):
        if not isinstance(entry, Mapping):
            raise ValueError(f"{where}: rule {number} must be a mapping")
        at = f"rule {number}"
        none = phrases(entry.get("not", []), f"{at} not")
        if "who" in entry:
            who = entry["who"]
            if not isinstance(who, Mapping) or "what" not in entry:
                raise ValueError(f"{where}: {at}: who maps paths to people, with what")
            weak = entry.get("weak") or {}
            people = {known(str(p), at): phrases(v, f"{at} who") for p, v in who.items()}
            only = phrases(entry.get("only", []), f"{at} only")
            if only:  # the people named are allowed words too
                only += tuple(phrase for found in people.values() for phrase in found)
            rules.append(
                Concept(
                    none=none,
                    only=frozenset(word for phrase in only for word in phrase.split()),
                    what=phrases(entry["what"], f"{at} what"),
                    who=people,
                    weak={known(str(p), at): phrases(v, f"{at} weak") for p, v in weak.items()},
                )
            )
            continue
        groups = entry.get("all")
        if "path" not in entry or not isinstance(groups, list) or not groups:
            raise ValueError(f"{where}: {at}: needs path and all (groups of words)")
        only = phrases(entry.get("only", []), f"{at} only")
        rules.append(
            Concept(
                path=known(str(entry["path"]), at),
                all=tuple(phrases(group, f"{at} all") for group in groups),
                none=none,
                only=frozenset(word for phrase in only for word in phrase.split()),
            )
        )
    return tuple(rules)
