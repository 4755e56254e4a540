"""Synthetic returned forms: a batch's forms filled in as schools would, with the problems
real returns have, for demonstrations, tests and benchmarks (``pepdocs samples --returns``).

Each form the batch made (its manifest) is read back, filled in (the meeting held, the form
completed, the child's view written, a new target set) and written again with the same
document id, into a folder of returns. Every ``every``-th form (the first, then each
``every`` after it; 0 for none) brings the next of the problems a Virtual School meets, in
turn (``PROBLEMS``): returned as sent, a date typed so it cannot be read, a UPN with a wrong
check letter, retyped into a copy of the form without its document id, and not returned at
all (a problem a form cannot have, a UPN on a form without one, passes to the next form).
``stranger`` adds one form for a child the batch never made (a synthetic child). Everything
is fictional, and the same inputs give the same returns (the same values, the same
problems).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pepdocs._io import write_atomic
from pepdocs.batch.manifest import MANIFEST_JSON, OWNED_STATUSES
from pepdocs.binding import (
    extract_form,
    fill_form,
    form_values,
    read_document_id,
    write_document_id,
)
from pepdocs.errors import PepdocsError, PepValidationError
from pepdocs.formats import get_engine
from pepdocs.mapping.registry import resolve_form
from pepdocs.mapping.spec import FormSpec
from pepdocs.mapping.transforms import DateTransform
from pepdocs.model import load_pep
from pepdocs.safety.package import read_input

__all__ = ["PROBLEMS", "ReturnsMade", "make_returns"]

#: the problems given to every seventh form, in turn (index 0..4 of each seven)
PROBLEMS = ("unchanged", "unreadable_date", "invalid_upn", "no_document_id", "not_returned")

_VIEWS = (
    "I like maths now because I can do the times tables.",
    "I want to stay at this school and do well in my exams.",
    "My carer helps me with reading every night.",
    "I would like more time with the art club at lunch.",
)
_TARGETS = (
    ("academic", "Improve reading fluency to read a full chapter independently."),
    ("attendance", "Keep attendance above 95% for the whole term."),
    ("semh", "Use the quiet room plan when lessons feel too much."),
    ("academic", "Complete every homework task set in maths this term."),
)


@dataclass(slots=True)
class ReturnsMade:
    """What :func:`make_returns` wrote: file names by what was done to them."""

    folder: Path
    returned: list[str] = field(default_factory=list)
    problems: dict[str, list[str]] = field(default_factory=dict)

    def summary(self) -> str:
        shown = ", ".join(f"{len(names)} {what.replace('_', ' ')}" for what, names in
                          self.problems.items() if names)
        return f"{len(self.returned)} returned forms" + (f" ({shown})" if shown else "")


def _outputs(batch_dir: Path) -> list[Mapping[str, Any]]:
    path = batch_dir / MANIFEST_JSON
    try:
        manifest = json.loads(read_input(path))
    except (PepdocsError, ValueError):
        raise PepdocsError(f"{path}: not a batch manifest; give the folder a batch wrote") from None
    rows = manifest.get("rows") if isinstance(manifest, dict) else None
    return [
        row for row in rows or []
        if isinstance(row, dict) and row.get("status") in OWNED_STATUSES and row.get("output")
    ]


def _completed(
    pep: dict[str, Any], rng: random.Random, meeting: dt.date | None
) -> dict[str, Any]:
    done = copy.deepcopy(pep)
    meta = done.setdefault("meta", {})
    meta["status"] = "completed"
    if meeting is not None:
        meta["meeting_date"] = meeting.isoformat()
    held = meta.get("meeting_date")
    teacher = (done.get("education") or {}).get("designated_teacher") or {}
    if isinstance(teacher, dict) and teacher.get("name"):
        meta["completed_by"] = teacher["name"]
    done.setdefault("views", {})["child"] = rng.choice(_VIEWS)
    area, text = rng.choice(_TARGETS)
    targets = done.setdefault("targets", [])
    target = {"id": f"T{len(targets) + 1}", "area": area, "description": text}
    if isinstance(held, str):
        target["due_date"] = (dt.date.fromisoformat(held) + dt.timedelta(days=70)).isoformat()
    targets.append(target)
    return done


def _with_unreadable_date(
    completed: Mapping[str, Any], spec: FormSpec, document_id: str | None
) -> bytes | None:
    """The form filled with one date box holding text nobody can read as a date (None when
    the form has no date box with a value)."""
    values = form_values(completed, spec)
    for index, (field_spec, value) in enumerate(values):
        if (
            not field_spec.repeating
            and isinstance(field_spec.transform, DateTransform)
            and isinstance(value, str)
            and value
        ):
            values[index] = (field_spec, "31st Febtember")
            data = get_engine(spec.kind).fill(spec, values)
            return write_document_id(spec.kind, data, document_id) if document_id else data
    return None


def make_returns(
    batch_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    meeting: dt.date,
    seed: int = 0,
    every: int = 7,
    stranger: bool = True,
    mappings_dirs: tuple[str, ...] = (),
    force: bool = False,
) -> ReturnsMade:
    """Fill in each form in ``batch_dir`` as a school would and write it to ``out_dir`` (see
    the module docstring); ``meeting`` is the day the PEP meetings are held."""
    source, target = Path(batch_dir), Path(out_dir)
    made = ReturnsMade(target, problems={name: [] for name in (*PROBLEMS, "stranger")})
    rng = random.Random(f"returns-{seed}")
    forms: dict[tuple[str, str], FormSpec] = {}
    pending: list[str] = []
    for index, row in enumerate(_outputs(source)):
        name = str(row["output"])
        data = read_input(source / name)
        key = (str(row["authority"]), str(row["form"]))
        if key not in forms:
            forms[key] = resolve_form(key[0], form=key[1], extra_dirs=mappings_dirs)
        spec = forms[key]
        if every and index % every == 0:
            pending.append(PROBLEMS[(index // every) % len(PROBLEMS)])
        problem = pending[0] if pending else None
        if problem == "not_returned":
            pending.pop(0)
            made.problems[problem].append(name)
            continue
        if problem == "unchanged":
            pending.pop(0)
            write_atomic(target / name, data, force=force)
            made.returned.append(name)
            made.problems[problem].append(name)
            continue
        document_id = read_document_id(data, name)
        pep = extract_form(data, spec, name).pep
        pep.pop("unresolved", None)
        try:
            completed = load_pep(_completed(pep, rng, meeting))
        except PepValidationError:  # a PEP of another term: its own meeting date stands
            completed = load_pep(_completed(pep, rng, None))
        filled: bytes | None = None
        if problem == "unreadable_date":
            filled = _with_unreadable_date(completed, spec, document_id)
        elif problem == "invalid_upn" and (completed.get("child") or {}).get("upn"):
            upn = completed["child"]["upn"]
            letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
            completed["child"]["upn"] = letters[(letters.index(upn[0]) + 1) % 23] + upn[1:]
            filled = fill_form(completed, spec, document_id=document_id)
        elif problem == "no_document_id":
            filled = fill_form(completed, spec)
        if filled is None:  # this form cannot have the problem: the next one gets it
            problem = None
            filled = fill_form(completed, spec, document_id=document_id)
        else:
            pending.pop(0)
        write_atomic(target / name, filled, force=force)
        made.returned.append(name)
        if problem is not None:
            made.problems[problem].append(name)
    if stranger and forms:
        made.returned.append(_stranger(target, sorted(forms.values(), key=lambda f: f.label)[0],
                                       meeting, seed, force))
        made.problems["stranger"].append(made.returned[-1])
    return made


def _stranger(target: Path, spec: FormSpec, meeting: dt.date, seed: int, force: bool) -> str:
    """A form for a child no batch made: a synthetic PEP on one of the batch's forms."""
    from pepdocs.samples import generate_peps

    (pep,) = generate_peps(1, seed=seed + 7919, authority=spec.authority, phase=spec.form)
    del meeting  # the synthetic PEP keeps its own dates
    name = f"{spec.authority}-unknown-child.{spec.kind}"
    write_atomic(target / name, fill_form(load_pep(pep), spec), force=force)
    return name
