"""What every round-trip test needs: the shipped forms, the PEPs to push through them, and a
comparison that is exact on every mapped field and explicit about what it forgives.

The promise under test (docs/architecture.md): ``extract(fill(pep)).pep`` equals ``pep`` on
every field the form maps. The comparison is made on :func:`comparable_view`, which starts from
:func:`pepdocs.binding.mapped_view` and departs from exact equality only where a form cannot
carry the difference, each case named here:

- transforms the loader marks irreversible (``reversible = False``) and one-way fields
  (``fill: false`` computed totals, ``extract: false``) are excluded;
- a checkbox (in a box or a table cell) has two states, so on a yes/no path "not answered"
  (None) may read back as unticked (False) (:func:`differences`, :func:`yes_no_paths`);
- a list item with nothing in any mapped column becomes a blank row, which reads as no row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from pepdocs import api, binding
from pepdocs.mapping.registry import list_authorities, load_form
from pepdocs.mapping.spec import FormSpec
from pepdocs.mapping.transforms import BoolTransform
from pepdocs.model import load_pep
from pepdocs.samples import AUTHORITIES, generate_peps

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def shipped_forms(kind: str) -> list[FormSpec]:
    """Every form of ``kind`` the registry lists (a new mapping file is picked up as is)."""
    return [
        load_form(summary.source)
        for authority in list_authorities()
        for summary in authority.forms
        if summary.kind == kind
    ]


def sample_peps(form: FormSpec) -> list[dict[str, Any]]:
    """The shipped sample PEPs whose phase the form covers."""
    peps = []
    for path in sorted(SAMPLES.glob("*.json")):
        pep = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(pep, dict) and pep.get("meta", {}).get("phase") in form.covers:
            peps.append(load_pep(pep, source=str(path)))
    return peps


def generated_peps(form: FormSpec, count: int, seed: int) -> Iterator[dict[str, Any]]:
    """``count`` generated PEPs of the form's phase(s), of its authority when the sample
    generator knows it (its identifiers then look like that authority's)."""
    authority = form.authority if form.authority in AUTHORITIES else None
    phases = form.covers
    for number, phase in enumerate(phases):
        share = count // len(phases) + (1 if number < count % len(phases) else 0)
        yield from generate_peps(share, seed=seed + number, authority=authority, phase=phase)


def comparable_view(pep: dict[str, Any], form: FormSpec) -> dict[str, Any]:
    """:func:`pepdocs.binding.mapped_view` without irreversible transforms and without list
    items that have nothing in any mapped column (module docstring)."""
    view = binding.mapped_view(pep, form)
    for spec in form.fields:
        if spec.repeating:
            kept = [c.path for c in spec.columns if c.transform.reversible]
            view[spec.paths[0]] = [
                {path: item[path] for path in kept}
                for item in view[spec.paths[0]]
                if any(value is not None for value in item.values())
            ]
        elif not spec.transform.reversible or not (spec.fill and spec.extract):
            # Irreversible, or one-way by design: a computed total is read, never written
            # (fill: false), a write-only box never read (extract: false).
            for path in spec.paths:
                view.pop(path, None)
    return view


def yes_no_paths(form: FormSpec) -> set[str]:
    """Paths (``care.emergency_entry``, ``attendees.invited``) whose "not answered" may read
    back as "no": a checkbox, in a box or in a table cell, has only two states."""
    paths: set[str] = set()
    for spec in form.fields:
        if isinstance(spec.transform, BoolTransform):
            paths.update(spec.paths)
        for column in spec.columns:
            if isinstance(column.transform, BoolTransform):
                paths.add(f"{spec.paths[0]}.{column.path}")
    return paths


def differences(
    expected: dict[str, Any], actual: dict[str, Any], yes_no: AbstractSet[str] = frozenset()
) -> list[str]:
    """Human-readable differences between two views, list items compared one by one;
    None written and False read is no difference on a ``yes_no`` path."""

    def same(path: str, want: Any, got: Any) -> bool:
        return want == got or (want is None and got is False and path in yes_no)

    found: list[str] = []
    for path in expected.keys() | actual.keys():
        want, got = expected.get(path), actual.get(path)
        if isinstance(want, list) and isinstance(got, list):
            if len(want) != len(got):
                found.append(f"{path}: {len(want)} items written, {len(got)} read")
                continue
            for index, (item, back) in enumerate(zip(want, got, strict=True)):
                for column in item.keys() | back.keys():
                    if not same(f"{path}.{column}", item.get(column), back.get(column)):
                        found.append(
                            f"{path}.{index}.{column}: wrote {item.get(column)!r}, "
                            f"read {back.get(column)!r}"
                        )
        elif not same(path, want, got):
            found.append(f"{path}: wrote {want!r}, read {got!r}")
    return sorted(found)


def round_trip(pep: dict[str, Any], form: FormSpec) -> tuple[list[str], api.Extraction]:
    """Fill ``form`` from ``pep`` and extract it again: the differences and the extraction."""
    extraction = api.extract(api.fill(pep, form), form, name=f"{form.label}.{form.kind}")
    found = differences(
        comparable_view(pep, form), comparable_view(extraction.pep, form), yes_no_paths(form)
    )
    return found, extraction


def assert_round_trips(form: FormSpec, peps: list[dict[str, Any]]) -> None:
    """Every PEP comes back equal on every mapped field, and the report of a freshly filled
    form has no missing anchor, unreadable text or refused value."""
    failures: dict[str, list[str]] = {}
    for number, pep in enumerate(peps):
        found, extraction = round_trip(pep, form)
        problems = [
            f"{entry.path}: {entry.status} {entry.notes}"
            for entry in extraction.report.fields
            if entry.status in ("missing", "unparseable", "invalid")
        ]
        if found or problems:
            failures[pep["meta"].get("pep_id") or f"#{number}"] = [*found, *problems]
    summary = "\n".join(
        f"{pep_id}: {'; '.join(lines[:5])}" for pep_id, lines in list(failures.items())[:10]
    )
    assert not failures, f"{form.label}: {len(failures)} of {len(peps)} PEPs differ:\n{summary}"
