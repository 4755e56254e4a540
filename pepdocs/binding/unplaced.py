"""What a form has no place for: the values of a PEP that filling the form leaves out.

A form holds what its mapping maps; anything else the PEP holds (five targets on a form with
no targets table, a linked plan on a form without that section) would vanish from the filled
form without a word. ``fill``, ``batch`` and ``translate`` all list it from here, so they
agree on what counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from pepdocs.binding.views import mapped_paths
from pepdocs.errors import Problem
from pepdocs.mapping.spec import FieldSpec, FormSpec
from pepdocs.model.paths import get_path, value_paths
from pepdocs.report import Unplaced

__all__ = ["IMPLIED_BY_FORM", "unplaced_values"]

#: Model paths a form implies by being that form: never "unplaced".
IMPLIED_BY_FORM = frozenset({"meta.authority", "meta.phase"})


def unplaced_values(
    pep: Mapping[str, Any], form: FormSpec, problems: Iterable[Problem] = ()
) -> list[Unplaced]:
    """The PEP's values ``form`` has no place for, in the PEP's order: paths the mapping does
    not map (one entry per path, counting list items), then the values a transform could
    not write (``problems`` from :func:`pepdocs.binding.form_values`)."""
    placed = mapped_paths(form)
    counts = Counter(
        path
        for path in value_paths(pep)
        if path not in placed and path not in IMPLIED_BY_FORM
    )
    counts.update(_items_without_a_box(pep, form))
    found = [Unplaced(path, count) for path, count in counts.items()]
    found.extend(Unplaced(problem.path, 1, problem.message) for problem in problems)
    return found


def _items_without_a_box(pep: Mapping[str, Any], form: FormSpec) -> Counter[str]:
    """Items of a list the form holds only as boxes of their own ("Date of pathway plan")
    that none of those boxes names (an EHCP among the linked plans): their values, by path."""
    boxes: dict[str, list[FieldSpec]] = {}
    tables = {spec.paths[0] for spec in form.fields if spec.repeating}
    for spec in form.fields:
        if spec.item and spec.item_of[0] not in tables:
            boxes.setdefault(spec.item_of[0], []).append(spec)
    counts: Counter[str] = Counter()
    for section, specs in boxes.items():
        for item in get_path(pep, section) or []:
            if not any(spec.is_item(item) for spec in specs):
                counts.update(value_paths(item, f"{section}.*."))
    return counts
