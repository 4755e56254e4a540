"""Scoring an extracted PEP against a truth file of the real-forms corpus.

Every leaf value of ``truth["pep"]`` counts once. A value is *correct* when it equals the
truth after normalisation: free text is stripped, its whitespace runs collapsed to one space
and case-folded; codes, dates, numbers, money and booleans compare as canonical values
(``"150"`` and ``"150.00"`` are the same money, ``94.5`` and ``94.50`` the same percent).
Lists (targets, attendees, attainment, previous targets, exclusions, PP+ items, linked plans,
sign-off signatures) are aligned item to item by best match: the pair of items with the most
equal fields is paired first, then the next, greedily; an item left unpaired has all its
values missed (truth) or wrong (extracted). Order on the form never matters.

Recall is correct / truth values. Precision is correct / extracted values, where every value
the extraction holds counts, except those the engine writes without reading them from the
form (:data:`IMPLIED`: the authority and phase a mapping states, generated ids), unless the
truth has one of them. A value extracted where the truth records a deliberate blank ("N/A")
or a month-only date counts against precision like any other value not in the truth, and is
also counted apart (``blank_read``). What extraction keeps as typed because it could not read
it (the PEP's ``unresolved`` list) is not a value claimed for a field: it is not scored.
``unplaced`` truth items are "reported" when their text (normalised as free text) appears
within the extraction report's unmapped entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

#: Written by the engine from the mapping or generated, never read from a form's boxes.
IMPLIED = frozenset({"schema_version", "meta.authority", "meta.phase", "meta.pep_id", "targets.id"})
#: Lists that are not values claimed for a field: what extraction kept as typed because it
#: could not read it (``unresolved``) is neither right nor wrong, only not read.
NOT_VALUES = frozenset({"unresolved"})


@cache
def _catalog() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Kinds of scalar paths, and of each list's item fields, from the model's catalog."""
    from pepdocs.model import field_catalog

    scalars: dict[str, str] = {}
    lists: dict[str, dict[str, str]] = {}
    for path, info in field_catalog().items():
        if info.kind == "list":
            lists[path] = {item.path: item.kind for item in info.item_fields}
        elif info.kind != "object":
            scalars[path] = info.kind
    # list item fields appear in the catalog under the list; keep scalars top-level only
    for list_path in lists:
        for name in list(scalars):
            if name.startswith(list_path + "."):
                del scalars[name]
    return scalars, lists


def normalise(value: Any, kind: str) -> Any:
    """The comparable form of one value (None for an empty one)."""
    if value is None or value == "" or value == []:
        return None
    if kind == "text":
        return " ".join(str(value).split()).casefold() or None
    if kind == "money":
        try:
            return Decimal(str(value)).normalize()
        except InvalidOperation:
            return str(value)
    if kind == "percent":
        try:
            return round(float(value), 2)
        except (TypeError, ValueError):
            return str(value)
    if kind == "int":
        try:
            return int(value)
        except (TypeError, ValueError):
            return str(value)
    if kind == "bool":
        return bool(value) if isinstance(value, bool) else str(value)
    return str(value).strip()


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return data


def group_of(path: str) -> str:
    """The field group a path is reported under (its top-level section)."""
    return path.split(".", 1)[0]


@dataclass
class Tally:
    """Counts for one form, or a sum of forms, per field group."""

    truth: Counter[str] = field(default_factory=Counter)
    extracted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    unplaced: int = 0
    unplaced_reported: int = 0
    blank_read: int = 0
    forms: int = 0
    failures: int = 0

    def add(self, other: Tally) -> None:
        self.truth.update(other.truth)
        self.extracted.update(other.extracted)
        self.correct.update(other.correct)
        self.unplaced += other.unplaced
        self.unplaced_reported += other.unplaced_reported
        self.blank_read += other.blank_read
        self.forms += other.forms
        self.failures += other.failures

    @property
    def recall(self) -> float:
        total = sum(self.truth.values())
        return sum(self.correct.values()) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = sum(self.extracted.values())
        return sum(self.correct.values()) / total if total else 1.0

    def group_recall(self, group: str) -> float:
        return self.correct[group] / self.truth[group] if self.truth[group] else 1.0

    def group_precision(self, group: str) -> float:
        return self.correct[group] / self.extracted[group] if self.extracted[group] else 1.0

    def to_dict(self) -> dict[str, Any]:
        groups = sorted(set(self.truth) | set(self.extracted))
        return {
            "forms": self.forms,
            "failures": self.failures,
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "truth_values": sum(self.truth.values()),
            "extracted_values": sum(self.extracted.values()),
            "correct_values": sum(self.correct.values()),
            "unplaced": self.unplaced,
            "unplaced_reported": self.unplaced_reported,
            "blank_read": self.blank_read,
            "groups": {
                group: {
                    "truth": self.truth[group],
                    "extracted": self.extracted[group],
                    "correct": self.correct[group],
                }
                for group in groups
            },
        }


def _scalar_leaves(pep: Mapping[str, Any]) -> dict[str, Any]:
    scalars, _ = _catalog()
    found = {}
    for path, kind in scalars.items():
        value = normalise(_get(pep, path), kind)
        if value is not None:
            found[path] = value
    return found


def _items(pep: Mapping[str, Any], list_path: str) -> list[dict[str, Any]]:
    _, lists = _catalog()
    kinds = lists[list_path]
    items = _get(pep, list_path)
    if not isinstance(items, list):
        return []
    out = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        values = {name: normalise(item.get(name), kind) for name, kind in kinds.items()}
        values = {name: value for name, value in values.items() if value is not None}
        if values:
            out.append(values)
    return out


def align(
    want: Sequence[Mapping[str, Any]], have: Sequence[Mapping[str, Any]]
) -> list[tuple[int | None, int | None]]:
    """Pairs of (truth index, extracted index), best matches first; None for an unpaired
    item. Greedy on the number of equal fields; ties go to the earlier items."""
    scores = []
    for i, left in enumerate(want):
        for j, right in enumerate(have):
            equal = sum(1 for name, value in left.items() if right.get(name) == value)
            if equal:
                scores.append((-equal, i, j))
    scores.sort()
    pairs: list[tuple[int | None, int | None]] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _, i, j in scores:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append((i, j))
    pairs += [(i, None) for i in range(len(want)) if i not in used_left]
    pairs += [(None, j) for j in range(len(have)) if j not in used_right]
    return pairs


def score(
    truth: Mapping[str, Any],
    extracted: Mapping[str, Any] | None,
    unmapped: Iterable[str] = (),
) -> Tally:
    """Score one extraction (None: pepdocs failed on the form) against one truth file."""
    tally = Tally(forms=1, failures=0 if extracted is not None else 1)
    want_pep = truth["pep"]
    have_pep = extracted or {}
    want = _scalar_leaves(want_pep)
    have = _scalar_leaves(have_pep)
    for path, value in want.items():
        tally.truth[group_of(path)] += 1
        if have.get(path) == value:
            tally.correct[group_of(path)] += 1
    for path in have:
        if path in IMPLIED and path not in want:
            continue
        tally.extracted[group_of(path)] += 1
    _, lists = _catalog()
    for list_path in lists:
        if list_path in NOT_VALUES:
            continue
        left = _items(want_pep, list_path)
        right = _items(have_pep, list_path)
        group = group_of(list_path)
        for i, j in align(left, right):
            truth_item = left[i] if i is not None else {}
            got_item = right[j] if j is not None else {}
            for name, value in truth_item.items():
                tally.truth[group] += 1
                if got_item.get(name) == value:
                    tally.correct[group] += 1
            for name in got_item:
                if f"{list_path}.{name}" in IMPLIED and name not in truth_item:
                    continue
                tally.extracted[group] += 1
    tally.blank_read = sum(1 for entry in truth.get("not_scored", []) if entry["path"] in have)
    places = truth.get("unplaced", [])
    tally.unplaced = len(places)
    tally.unplaced_reported = sum(1 for entry in places if reported(entry["text"], unmapped))
    return tally


def reported(text: str, unmapped: Iterable[str]) -> bool:
    """Whether ``text`` appears (as free text, normalised) in the report's unmapped list."""
    wanted = normalise(text, "text")
    entries = [normalise(entry, "text") or "" for entry in unmapped]
    if not wanted:
        return True
    return any(wanted in entry for entry in entries) or wanted in " ".join(entries)
