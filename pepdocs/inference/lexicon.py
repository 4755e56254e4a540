"""The synonym lexicon: which wording on a form names which canonical model path.

The wordings are data (``lexicon.yaml`` beside this module); this module loads them once,
checks every path against the model's field catalogue, and matches a form's text against
them: exactly after folding first, then fuzzily (rapidfuzz) with a margin over the next-best
*different* path, because "Date of last PEP" and "Date of next PEP" are one edit apart and a
wrong value is worse than a blank one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from pepdocs.errors import PepdocsError
from pepdocs.inference.concepts import CONCEPT_SCORE, Concept, concept_match, parse_concepts
from pepdocs.model import FieldInfo, field_catalog

__all__ = [
    "FUZZY_MARGIN",
    "FUZZY_MIN",
    "PERSON_SECTIONS",
    "Lexicon",
    "LexiconMatch",
    "TableSection",
    "fold",
    "load_lexicon",
    "split_identifier",
]

#: Lowest rapidfuzz ratio (0-100) a fuzzy label match may have, and how far it must beat the
#: best match for any other path. Tuned on the benchmark corpus (benchmarks/bench_accuracy.py).
FUZZY_MIN = 88
FUZZY_MARGIN = 6

_POSSESSIVE = re.compile(r"['\u2019]s\b|s['\u2019](?=\s|$)", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w%#£+]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")
#: Words tags start with that say nothing about the field (``txtUPN``, ``cla_legal_status``).
_TAG_PREFIXES = frozenset(
    {"child", "cla", "lac", "pep", "pupil", "yp", "txt", "fld", "cc", "ff", "frm", "cyp"}
)
_NOTE = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")


#: An aside in brackets within a label.
_ASIDE = re.compile(r"\([^()]*\)")


def fold(text: str) -> str:
    """Text reduced for matching: accents, case, possessives and punctuation gone, runs of
    single letters joined (``D.O.B.`` -> ``dob``), ``&`` as ``and``."""
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and "))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _POSSESSIVE.sub(lambda m: "s" if m.group(0)[:1] in "sS" else "", plain)
    words = _NON_WORD.sub(" ", plain.casefold()).split()
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            joined.append("".join(run))
            run = []
        if word:
            joined.append(word)
    return " ".join(joined)


def strip_note(text: str) -> str:
    """``Date of birth (dd/mm/yyyy)`` -> ``Date of birth``: a trailing note in brackets."""
    stripped = _NOTE.sub("", text).strip()
    return stripped or text


def split_identifier(name: str) -> str:
    """A control tag or field name as words: ``ChildDOB`` -> ``Child DOB``,
    ``sw_name`` -> ``sw name``, ``Text12`` -> ``Text 12``."""
    spaced = _CAMEL.sub(" ", name.replace("_", " ").replace("-", " ").replace(".", " "))
    return " ".join(spaced.split())


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    """A model path a text names, and how surely (0-1); ``exact`` when equal after folding."""

    path: str
    score: float
    exact: bool
    wording: str


@dataclass(frozen=True, slots=True)
class TableSection:
    """How a repeating section's table is recognised: its title words, its column headers,
    and per column the *cues*: words whose presence in a header says what the column means
    when no wording matches ("What I want to achieve" holds a target, "Who will help" its
    lead)."""

    path: str
    titles: tuple[str, ...]
    key: tuple[str, ...]
    columns: Mapping[str, tuple[str, ...]]
    cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: a row is an item only when one of these columns holds a value (the mapping's
    #: ``key_columns``): printed rows nobody filled are not items
    item_key: tuple[str, ...] = ()
    #: the column a row gives by ticking one of several columns (a band grid), and the
    #: pattern those columns' headers match (``8-20``, ``22-36 months``, ``ELG``)
    ticked_column: str = ""
    ticked_headers: str = ""
    #: the section written as lines of a minute ("Present: A (role), B (role)"): each line's
    #: label, and what it says of everyone on it (column -> value)
    lines: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


#: The people around a child whose details forms ask for, by their paths' prefix, and how a
#: section about them is headed: a generic label ("Email") read beside one of theirs is theirs.
PERSON_SECTIONS = {
    "care.social_worker.": "social worker",
    "care.carer.": "carer",
    "care.iro.": "iro",
    "education.designated_teacher.": "designated teacher",
}

#: How a box holding a whole name is named among a lexicon's paths: ``name:child`` stands for
#: the paths of ``names.child`` (first, middle, last name), read with ``type: name``.
NAME_PREFIX = "name:"
#: Words a heading naming a person may add ("Carer's section", "Part B: School")
_SECTION_WORDS = frozenset({"section", "part", "page", "box", "a", "b", "c", "d", "e"})

#: How a question asked the other way round is named among a lexicon's paths:
#: ``not:education.part_time_timetable`` is "Is the pupil on a full-time timetable?", a yes/no
#: whose yes is the path's no (read with ``negated: true``).
OPPOSITE_PREFIX = "not:"
#: how surely a stand-in wording names its path: under an exact wording by more than the
#: margin by which two boxes for one path are rivals, so the form's own wording wins
STAND_IN_SCORE = 0.92
#: the prefix of a lexicon path naming one item of a list (``item:pathway_plan_date``)
ITEM_PREFIX = "item:"


@dataclass(frozen=True, slots=True)
class Placement:
    """A lexicon path placed in a mapping (:meth:`Lexicon.placement`); ``kind`` is ``name``
    or ``bool`` for the lexicon's own paths, empty for a plain model path."""

    path: str
    paths: tuple[str, ...]
    options: Mapping[str, Any]
    kind: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    fields: Mapping[str, tuple[str, ...]]
    in_section: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    tables: Mapping[str, TableSection]
    tags: Mapping[str, str]
    #: ``name:<who>`` -> the model paths one full-name box holds (first, middle, last)
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: what labels no wording matches must speak of to name a field (inference.concepts)
    concepts: tuple[Concept, ...] = ()
    #: ``item:<name>`` -> where a box holding one item of a list goes (lexicon ``items:``)
    items: Mapping[str, Placement] = field(default_factory=dict)
    #: (folded wording, path) of the stand-in wordings (lexicon ``stand_ins:``)
    stand_ins: frozenset[tuple[str, str]] = frozenset()
    _folded: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def name_paths(self, path: str) -> tuple[str, ...] | None:
        """The model paths a full-name box holds, when ``path`` is ``name:<who>``."""
        return self.names.get(path) if path.startswith(NAME_PREFIX) else None

    def placement(self, path: str) -> Placement:
        """Where a box named by the lexicon path ``path`` goes in a mapping: the model path
        of the entry, every path the box holds (a whole name's parts) and the entry's options
        (``type: name``; ``negated: true`` for a question asked the other way round)."""
        parts = self.name_paths(path)
        if parts:
            return Placement(parts[0], parts, {"type": "name"}, "name")
        if path.startswith(OPPOSITE_PREFIX):
            return Placement(path[len(OPPOSITE_PREFIX) :], (), {"negated": True}, "bool")
        if path.startswith(ITEM_PREFIX) and path in self.items:
            return self.items[path]
        return Placement(path, (), {}, "")

    def _wordings(self) -> list[tuple[str, str]]:
        """(folded wording, path) for every stand-alone label."""
        if "fields" not in self._folded:
            self._folded["fields"] = [
                (fold(wording), path)
                for path, wordings in self.fields.items()
                for wording in wordings
            ]
        return self._folded["fields"]

    def match(self, text: str, paths: Sequence[str] | None = None) -> LexiconMatch | None:
        """The path a label names on its own, or None when unsure (see :data:`FUZZY_MIN`);
        a stand-in wording (lexicon ``stand_ins:``, "Key person" for the designated teacher)
        names it less surely, so the form's own wording for that path wins where it has
        both."""
        found = self._match(text, paths)
        if found is not None and found.exact and (found.wording, found.path) in self.stand_ins:
            return LexiconMatch(found.path, STAND_IN_SCORE, True, found.wording)
        return found

    def _match(self, text: str, paths: Sequence[str] | None = None) -> LexiconMatch | None:
        candidates = [
            (wording, path) for wording, path in self._wordings() if paths is None or path in paths
        ]
        found = _best(text, candidates)
        question, mark, rest = text.partition("?")
        if found is None and mark and rest.strip():
            # a question with an instruction after it ("Who holds parental responsibility?
            # Name and relationship to child:"): the question names the field
            asked = _best(question, candidates)
            if asked is not None:
                return LexiconMatch(asked.path, asked.score * 0.95, False, asked.wording)
        plain = " ".join(_ASIDE.sub(" ", text).split())
        if found is None and plain and plain != text.strip():
            # a label with an aside in brackets ("Next PEP (before the next LAC review)"):
            # the words outside the brackets name the field
            bare = _best(plain, candidates)
            if bare is not None:
                return LexiconMatch(bare.path, bare.score * 0.95, False, bare.wording)
        if found is not None:
            return found
        # short forms spelt out ("D.O.B.", "PP+ requested", "Host LA"), then the concepts
        # the label speaks of
        expanded = self.expand(strip_note(text))
        if expanded != fold(strip_note(text)):
            spelled = _best(expanded, candidates)
            if spelled is not None:
                return LexiconMatch(spelled.path, spelled.score * 0.95, False, spelled.wording)
        path = concept_match(expanded, self.concepts, _STOP_WORDS, paths)
        return LexiconMatch(path, CONCEPT_SCORE, False, text) if path else None

    def expand(self, text: str) -> str:
        """``text`` folded, its short forms spelt out (``PP+ requested`` -> ``pupil
        premium plus requested``)."""
        return " ".join(self.tags.get(word, word) for word in fold(text).split())

    def match_in_section(self, text: str, heading: str) -> LexiconMatch | None:
        """The path a generic label (``Name``) names under a section heading
        (``Social worker details``), or None."""
        subject = _heading_subject(heading)
        candidates: list[tuple[str, str]] = []
        for path, (labels, sections) in self.in_section.items():
            if not any(_heading_subject(section) == subject for section in sections):
                continue
            candidates.extend((fold(label), path) for label in labels)
        found = _best(text, candidates)
        if found is None:
            return None
        # Two sections in one heading ("Carer and social worker"): ambiguous, so nothing.
        rivals = {path for wording, path in candidates if wording == fold(text)}
        return found if len(rivals) <= 1 else None

    def said_under(self, text: str, heading: str) -> LexiconMatch | None:
        """Whose words a heading that only names a person ("School", "Carer's section",
        "Social Worker") introduces, under a heading about what people say or think ("What
        the adults say", "Views"): the path a rule of ``what`` and ``who`` (views) gives the
        person, or None."""
        words = fold(strip_note(text)).split()
        if not words or len(words) > 4:
            return None
        padded = f" {fold(heading)} "
        for rule in self.concepts:
            if not rule.what or not rule.who:
                continue
            if not any(f" {word} " in padded for word in rule.what):
                continue
            label = f" {' '.join(words)} "
            if any(f" {word} " in label for word in rule.what):
                return None  # the label says what it holds itself: matched on its own
            named = {phrase for phrases in rule.who.values() for phrase in phrases if phrase != "i"}
            if not any(f" {phrase} " in label for phrase in named):
                return None  # it names nobody ("What I enjoy"): another question
            people = {word for phrase in named for word in phrase.split()}
            if any(
                w not in people and w not in _STOP_WORDS and w not in _SECTION_WORDS for w in words
            ):
                return None  # more than a person ("Early Years Pupil Premium")
            path = concept_match(" ".join([*words, rule.what[0]]), (rule,), _STOP_WORDS, None)
            if path is not None:
                return LexiconMatch(path, CONCEPT_SCORE, False, text)
        return None

    def expand_identifier(self, name: str) -> str:
        """A tag or field name as label-like words, short forms expanded (``ChildDOB`` ->
        ``child date of birth``)."""
        words = fold(split_identifier(name)).split()
        return " ".join(self.tags.get(word, word) for word in words)

    def match_identifier(self, name: str) -> LexiconMatch | None:
        """The path a control tag/alias or legacy field name names, if any: as written,
        expanded, and without a leading ``child``/``cla``/``pep`` prefix."""
        spelled = self.expand_identifier(name)
        options = [spelled, split_identifier(name)]
        words = fold(split_identifier(name)).split()
        if len(words) > 1 and (words[0] in _TAG_PREFIXES or len(words[0]) <= 3):
            # a prefix naming the field kind or the authority ("txtUPN", "sv_first_name")
            options.append(self.expand_identifier(" ".join(words[1:])))
        best: LexiconMatch | None = None
        for option in options:
            found = self.match(option)
            if found is not None and (best is None or found.score > best.score):
                best = found
        return best

    def header_match(self, text: str, section: TableSection) -> tuple[str, float] | None:
        """The column of ``section`` a header cell names, and how surely: by its wording
        (exact, then fuzzy), else by the cues its words carry (:func:`cue_match`)."""
        choices = self.header_choices(text, section)
        if not choices or (len(choices) > 1 and choices[1][2] == choices[0][2]):
            return None  # no column, or two columns' cues alike
        return choices[0][0], choices[0][1]

    def header_choices(self, text: str, section: TableSection) -> list[Choice]:
        """Every column of ``section`` a header cell may name, best first, as (column,
        score, weight): the column its wording names (weight :data:`WORDING_WEIGHT`), then
        each column whose cues the header carries, weighted by them (:func:`cue_weights`),
        so that a table's headers can share the columns out between them."""
        named = self._header_wording(text, section)
        cues = self._header_cues(text, section)
        if named is None:
            return cues
        return [(*named, WORDING_WEIGHT), *(cue for cue in cues if cue[0] != named[0])]

    def _header_wording(self, text: str, section: TableSection) -> tuple[str, float] | None:
        """The column a header's wording names (exact, then fuzzy), and how surely."""
        candidates = [
            (fold(wording), column)
            for column, wordings in section.columns.items()
            for wording in wordings
        ]
        found = _best(text, candidates)
        if found is not None:
            return found.path, found.score
        plain = " ".join(_ASIDE.sub(" ", text).split())
        if plain and plain != " ".join(text.split()):
            # an instruction in brackets ("Did I get there? (delete as appropriate)")
            bare = _best(plain, candidates)
            if bare is not None:
                return bare.path, bare.score * 0.95
        # a title printed in the header cell before the header itself ("ATTENDANCE AT THE
        # PEP / Role", on one line or two): the header is what follows the title
        tail = _after_title(text)
        if tail:
            last = _best(tail, candidates)
            if last is not None:
                return last.path, last.score * 0.95
        return None

    @staticmethod
    def _header_cues(text: str, section: TableSection) -> list[Choice]:
        """The columns a header's cues speak of (after a title printed in the cell, when
        that part alone tells one column)."""
        tail = _after_title(text)
        if tail:
            weights = cue_weights(tail, section)
            if weights and (len(weights) == 1 or weights[1][1] != weights[0][1]):
                return [(column, CUE_SCORE, weight) for column, weight in weights]
        return [(column, CUE_SCORE, weight) for column, weight in cue_weights(text, section)]

    def title_match(self, text: str) -> str | None:
        """The repeating section a heading above a table names (``Review of previous
        targets`` -> ``previous_targets``), or None."""
        candidates = [
            (fold(title), path) for path, table in self.tables.items() for title in table.titles
        ]
        found = _best(text, candidates)
        return found.path if found else None


def _after_title(text: str) -> str:
    """The header after a title printed in the same cell: the last of several lines, or what
    follows a leading run of capitalised words (``ATTENDANCE AT THE PEP Role`` -> ``Role``);
    empty when there is no such title."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        return lines[-1]
    words = text.split()
    upper = 0
    while upper < len(words) and words[upper].isupper() and any(c.isalpha() for c in words[upper]):
        upper += 1
    if 2 <= upper < len(words) and any(c.islower() for c in " ".join(words[upper:])):
        return " ".join(words[upper:])
    return ""


#: Confidence of a column told by its header's cues rather than by a known wording.
CUE_SCORE = 0.8


#: The weight of a header named by a column's own wording: above any cues' weight.
WORDING_WEIGHT = 1_000


def cue_weights(text: str, section: TableSection) -> list[tuple[str, int]]:
    """Each column whose cues a header carries, with their weight, heaviest first. A cue
    counts its words, so the longer, more particular cue outweighs a word inside it ("who
    they are" is a role, not the "who" of a name); a cue that opens the header counts twice
    ("Who will help" is a lead, "What will help me" an action). Cues in a trailing note
    count too ("Progress made (evidence)"), never first."""
    head = strip_note(text)
    words = fold(head).split()
    if not words or len(words) > 16:
        return []
    padded = f" {' '.join(words)} "
    note = f" {fold(text[len(head) :])} " if text.startswith(head) else "  "
    scores: dict[str, int] = {}
    for column, cues in section.cues.items():
        score = 0
        for cue in cues:
            folded = fold(cue)
            if not folded:
                continue
            weight = len(folded.split())
            if f" {folded} " in padded:
                score += 2 * weight if padded.startswith(f" {folded} ") else weight
            elif f" {folded} " in note:
                score += weight
        if score:
            scores[column] = score
    return sorted(scores.items(), key=lambda item: item[1], reverse=True)


#: A table whose headers leave more ways than this to share the columns out is shared
#: greedily (surest header first) instead of by trying every way.
_MOST_SHARINGS = 20_000

Choice = tuple[str, float, int]


def share_columns(headers: Sequence[Sequence[Choice]]) -> list[tuple[str, float]]:
    """Each header's column, ``("", 0.0)`` for none, from every header's choices
    (:meth:`Lexicon.header_choices`): each column to one header. Headers named by a
    column's wording keep it (the surest first); the others share the columns left so that
    as many headers as possible are placed, then by the most weight ("Target met?" and
    "Progress made (evidence)" are the outcome and the evidence, not one of them the
    outcome and the other nothing). A header placed differently by two equally good
    sharings is left unplaced: a person must say."""
    out: list[tuple[str, float]] = [("", 0.0)] * len(headers)
    taken: set[str] = set()
    named = sorted(
        (
            number
            for number, ranked in enumerate(headers)
            if ranked and ranked[0][2] >= WORDING_WEIGHT
        ),
        key=lambda number: -headers[number][0][1],
    )
    for number in named:
        column, score, _ = headers[number][0]
        if column not in taken:
            taken.add(column)
            out[number] = (column, score)
    cued = [number for number, ranked in enumerate(headers) if ranked and not out[number][0]]
    options = [
        [c for c in headers[number] if c[0] not in taken and c[2] < WORDING_WEIGHT]
        for number in cued
    ]
    ways = 1
    for choices in options:
        ways *= len(choices) + 1
    if ways > _MOST_SHARINGS:
        return _shared_greedily(headers, cued, options, out)
    best: tuple[int, int] = (-1, -1)
    winners: list[tuple[str, ...]] = []

    def search(
        index: int, used: frozenset[str], picked: tuple[str, ...], placed: int, weight: int
    ) -> None:
        nonlocal best, winners
        if index == len(cued):
            if (placed, weight) > best:
                best, winners = (placed, weight), [picked]
            elif (placed, weight) == best:
                winners.append(picked)
            return
        for column, _, cue_weight in options[index]:
            if column not in used:
                search(
                    index + 1, used | {column}, (*picked, column), placed + 1, weight + cue_weight
                )
        search(index + 1, used, (*picked, ""), placed, weight)

    search(0, frozenset(), (), 0, 0)
    for index, number in enumerate(cued):
        columns = {picked[index] for picked in winners}
        if len(columns) == 1 and (column := columns.pop()):
            out[number] = (column, CUE_SCORE)
    return out


def _shared_greedily(
    headers: Sequence[Sequence[Choice]],
    cued: Sequence[int],
    options: Sequence[Sequence[Choice]],
    out: list[tuple[str, float]],
) -> list[tuple[str, float]]:
    """The columns left, surest header first, each to its best free column unless two
    free columns' cues tie."""
    taken = {column for column, _ in out if column}
    order = sorted(range(len(cued)), key=lambda i: -max((c[2] for c in options[i]), default=0))
    for index in order:
        free = [choice for choice in options[index] if choice[0] not in taken]
        if not free or (len(free) > 1 and free[1][2] == free[0][2]):
            continue
        taken.add(free[0][0])
        out[cued[index]] = (free[0][0], free[0][1])
    return out


def cue_match(text: str, section: TableSection) -> tuple[str, float] | None:
    """The column whose cues a header carries the most of (:func:`cue_weights`), or None
    when two columns tie or none has a cue."""
    ranked = cue_weights(text, section)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0], CUE_SCORE


#: Words section headings add around their subject ("Social worker details", "About the
#: carer"): dropped so that the subject alone is compared.
_HEADING_FILLER = frozenset(
    {
        "details",
        "detail",
        "information",
        "info",
        "contact",
        "contacts",
        "the",
        "about",
        "of",
        "child",
        "young",
        "person",
        "name",
        "names",
        "and",
        "or",
        "current",
        "allocated",
        "a",
    }
)


def _heading_subject(heading: str) -> str:
    """What a section heading is about: ``3. Social worker details`` -> ``social worker``."""
    words = fold(strip_note(heading)).split()
    # "Section 1:", "Part 2a", "1b" before the subject
    while words and (
        words[0].isdigit()
        or re.fullmatch(r"[a-z]?\d+[a-z]?", words[0])
        or (words[0] in ("section", "part", "step") and len(words) > 1)
    ):
        words = words[1:]
    # a heading that is all filler ("Child details") is its own subject; the subject's words
    # in any order ("Education, training or employment", "Education, employment or training")
    kept = [word for word in words if word not in _HEADING_FILLER] or words
    return " ".join(sorted(kept))


#: Words that say whose or which a box is but not what it holds: dropped when comparing
#: wordings by their words ("Pupil UPN" is "UPN", "Name of school" is "School").
_STOP_WORDS = frozenset(
    {
        "of",
        "the",
        "a",
        "an",
        "for",
        "this",
        "child",
        "childs",
        "pupil",
        "pupils",
        "young",
        "person",
        "persons",
        "cyp",
        "yp",
        "name",
        "names",
        "current",
        "s",
        "is",
        "to",
        "be",
        # first-person labels on forms written for the child ("My date of birth", "Date of
        # my PEP meeting", "My carers are")
        "my",
        "i",
        "me",
        "are",
        "am",
    }
)
#: Confidence of a match on the same words (order and stop words aside).
KEYED_SCORE = 0.9


def _key(folded: str) -> str:
    """A folded wording as its sorted meaningful words."""
    return " ".join(sorted(w for w in folded.split() if w not in _STOP_WORDS))


#: Words that say what kind of value a box holds: a fuzzy match must keep them.
_KIND_WORDS = frozenset({"date", "email", "phone", "telephone", "name", "number", "signature"})


def _has_word(words: set[str], wanted: str) -> bool:
    """``wanted`` is among ``words``, or typed nearly so ("dat" for "date")."""
    return wanted in words or any(fuzz.ratio(word, wanted) >= 80 for word in words)


def _best(text: str, candidates: Sequence[tuple[str, str]]) -> LexiconMatch | None:
    """Exact (after folding, with or without a trailing note) beats fuzzy; a fuzzy winner
    needs :data:`FUZZY_MIN` and a :data:`FUZZY_MARGIN` lead over any other path."""
    if not candidates:
        return None
    for variant in dict.fromkeys((fold(text), fold(strip_note(text)))):
        if not variant:
            continue
        exact = {path for wording, path in candidates if wording == variant}
        if len(exact) == 1:
            path = exact.pop()
            return LexiconMatch(path, 1.0, True, variant)
        if len(exact) > 1:
            return None  # the same wording means two things: only context can tell
    keyed = {path for wording, path in candidates if _key(wording) == _key(fold(strip_note(text)))}
    if len(keyed) == 1 and _key(fold(strip_note(text))):
        # the same words in another order, or with words that name no field ("Pupil UPN",
        # "URN of school", "Name of child's social worker")
        return LexiconMatch(keyed.pop(), KEYED_SCORE, False, text)
    folded = fold(strip_note(text))
    if not folded or len(folded) < 3:
        return None
    best_by_path: dict[str, tuple[float, str]] = {}
    words = set(folded.split())
    for wording, path in candidates:
        if any(kind in wording.split() and not _has_word(words, kind) for kind in _KIND_WORDS):
            # "Social worker signature" is not "Social worker signature date": a word that
            # says what the box holds cannot be missing from a near miss
            continue
        score = fuzz.ratio(folded, wording)
        if score > best_by_path.get(path, (0.0, ""))[0]:
            best_by_path[path] = (score, wording)
    ranked = sorted(best_by_path.items(), key=lambda item: item[1][0], reverse=True)
    if not ranked:
        return None
    top_path, (top_score, top_wording) = ranked[0]
    runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
    if top_score < FUZZY_MIN or top_score - runner_up < FUZZY_MARGIN:
        return None
    # 88 -> 0.70 ... 100 -> 0.95: a fuzzy match is never as sure as an exact one
    confidence = 0.7 + (top_score - FUZZY_MIN) / (100 - FUZZY_MIN) * 0.25
    return LexiconMatch(top_path, round(confidence, 3), False, top_wording)


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PepdocsError(f"lexicon.yaml: {where}: expected a list of texts")
    return tuple(value)


@cache
def load_lexicon() -> Lexicon:
    """The shipped lexicon, loaded and checked once."""
    text = resources.files(__package__).joinpath("lexicon.yaml").read_text(encoding="utf-8")
    try:
        data = YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:
        raise PepdocsError(f"lexicon.yaml: not valid YAML ({exc.__class__.__name__})") from exc
    return build_lexicon(data)


def build_lexicon(data: Any) -> Lexicon:
    """A :class:`Lexicon` from its YAML data; unknown model paths are errors."""
    if not isinstance(data, Mapping):
        raise PepdocsError("lexicon.yaml: expected a mapping at the top")
    catalog = field_catalog()

    def check(path: str, where: str) -> str:
        if path not in catalog:
            raise PepdocsError(f"lexicon.yaml: {where}: unknown model path {path!r}")
        return path

    fields = {
        check(str(path), "fields"): _texts(wordings, str(path))
        for path, wordings in (data.get("fields") or {}).items()
    }
    in_section: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for path, entry in (data.get("in_section") or {}).items():
        if not isinstance(entry, Mapping):
            raise PepdocsError(f"lexicon.yaml: in_section: {path}: expected labels and sections")
        in_section[check(str(path), "in_section")] = (
            _texts(entry.get("labels"), f"in_section {path} labels"),
            _texts(entry.get("sections"), f"in_section {path} sections"),
        )
    tables: dict[str, TableSection] = {}
    for path, entry in (data.get("tables") or {}).items():
        info = catalog.get(str(path))
        if info is None or info.kind != "list":
            raise PepdocsError(f"lexicon.yaml: tables: {path!r} is not a repeating section")
        item_paths = {item.path for item in info.item_fields}
        columns = {}
        for column, wordings in (entry.get("columns") or {}).items():
            if column not in item_paths:
                raise PepdocsError(f"lexicon.yaml: tables: {path}: unknown column {column!r}")
            columns[str(column)] = _texts(wordings, f"tables {path} {column}")
        cues = {}
        for column, words in (entry.get("cues") or {}).items():
            if column not in item_paths:
                raise PepdocsError(f"lexicon.yaml: tables: {path}: cues: unknown column {column!r}")
            cues[str(column)] = _texts(words, f"tables {path} cues {column}")
        key = _texts(entry.get("key") or [], f"tables {path} key")
        item_key = _texts(entry.get("item_key") or [], f"tables {path} item_key")
        if any(column not in item_paths for column in item_key):
            raise PepdocsError(f"lexicon.yaml: tables: {path}: item_key names an unknown column")
        ticked = entry.get("ticked") or {}
        ticked_column = str(ticked.get("column") or "")
        if ticked_column and ticked_column not in item_paths:
            raise PepdocsError(f"lexicon.yaml: tables: {path}: ticked names an unknown column")
        lines: dict[str, dict[str, str]] = {}
        for label, says in (entry.get("lines") or {}).items():
            if not isinstance(says, Mapping) or any(c not in item_paths for c in says):
                raise PepdocsError(
                    f"lexicon.yaml: tables: {path}: lines: {label!r}: unknown column"
                )
            lines[str(label)] = {str(c): str(v) for c, v in says.items()}
        tables[str(path)] = TableSection(
            str(path),
            _texts(entry.get("titles") or [], f"tables {path} titles"),
            key,
            columns,
            cues,
            item_key,
            ticked_column,
            str(ticked.get("headers") or ""),
            lines,
        )
    names: dict[str, tuple[str, ...]] = {}
    for who, entry in (data.get("names") or {}).items():
        if not isinstance(entry, Mapping):
            raise PepdocsError(f"lexicon.yaml: names: {who}: expected paths, labels, sections")
        name_key = f"{NAME_PREFIX}{who}"
        names[name_key] = tuple(
            check(str(path), f"names {who}") for path in _texts(entry.get("paths"), name_key)
        )
        fields[name_key] = _texts(entry.get("labels") or [], f"names {who} labels")
        if entry.get("sections"):
            in_section[name_key] = (
                _texts(entry.get("in_section_labels") or ["Name"], f"names {who}"),
                _texts(entry.get("sections"), f"names {who} sections"),
            )
    for path, wordings in (data.get("opposites") or {}).items():
        info = catalog.get(str(path))
        if info is None or info.kind != "bool":
            raise PepdocsError(f"lexicon.yaml: opposites: {path!r} is not a yes/no model path")
        fields[f"{OPPOSITE_PREFIX}{path}"] = _texts(wordings, f"opposites {path}")
    stand_ins: set[tuple[str, str]] = set()
    for path, wordings in (data.get("stand_ins") or {}).items():
        texts = _texts(wordings, f"stand_ins {path}")
        fields[check(str(path), "stand_ins")] = (*fields.get(str(path), ()), *texts)
        stand_ins.update((fold(text), str(path)) for text in texts)
    items: dict[str, Placement] = {}
    for name, entry in (data.get("items") or {}).items():
        item_path = f"{ITEM_PREFIX}{name}"
        items[item_path] = _item_placement(entry, catalog, f"lexicon.yaml: items: {name}")
        fields[item_path] = _texts(entry.get("labels"), f"items {name} labels")
    tags = {fold(str(short)): fold(str(long)) for short, long in (data.get("tags") or {}).items()}

    def spelled(phrase: str) -> str:
        return " ".join(tags.get(word, word) for word in fold(phrase).split())

    try:
        concepts = parse_concepts(data.get("concepts"), spelled, check)
    except ValueError as problem:
        raise PepdocsError(str(problem)) from None
    return Lexicon(
        fields,
        in_section,
        tables,
        tags,
        names,
        concepts,
        items=items,
        stand_ins=frozenset(stand_ins),
    )


def _item_placement(entry: Any, catalog: Mapping[str, FieldInfo], where: str) -> Placement:
    """``{path: linked_plans.date, item: {type: PATHWAY}, labels: [...]}``: a box holding one
    item's field, placed as ``path`` with the ``item`` option."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("item"), Mapping):
        raise PepdocsError(f"{where}: expected path, item and labels")
    section, _, name = str(entry.get("path") or "").rpartition(".")
    info = catalog.get(section)
    fields = {field.path: field for field in info.item_fields} if info is not None else {}
    if name not in fields or any(str(key) not in fields for key in entry["item"]):
        raise PepdocsError(f"{where}: {entry.get('path')!r} is no item field of a list")
    item = {str(key): str(value) for key, value in entry["item"].items()}
    return Placement(f"{section}.{name}", (), {"item": item}, fields[name].kind)
