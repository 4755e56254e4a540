"""Loading, validating and writing canonical PEPs.

Validation runs in two passes and reports everything it finds at once (marshmallow's habit):
the schema pass checks each field on its own (kind, code list, identifier check digits,
unknown keys), then the rule pass checks fields against each other (dates in order, NCY
against phase, target ids). The rule pass runs on whatever the schema pass accepted, so one
bad field does not hide a broken rule elsewhere. Problems carry dotted paths
(``targets.1.due_date``) and reasons, never the values.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from marshmallow import Schema, ValidationError, fields
from rapidfuzz import fuzz, process

from pepdocs._io import read_json_file, write_atomic
from pepdocs.errors import PepValidationError, Problem
from pepdocs.model.schema import PepSchema
from pepdocs.model.years import academic_year_bounds

__all__ = [
    "NCY_BY_PHASE",
    "dump_pep",
    "dump_pep_file",
    "load_pep",
    "load_pep_file",
    "validate_pep",
    "validate_pep_file",
]

#: The NCY codes each PEP phase covers. Reception is the last EYFS year, so early-years forms
#: cover it, yet it is in school, so many authorities use their school-age form from it: both
#: fit. ``X`` (national curriculum not followed, common in special schools) fits every phase.
NCY_BY_PHASE: Mapping[str, frozenset[str]] = {
    "early_years": frozenset({"E1", "E2", "N1", "N2", "R", "X"}),
    "school_age": frozenset({"R", *map(str, range(1, 12)), "X"}),
    "post16": frozenset({"12", "13", "14", "X"}),
}
_PHASE_WORDS = {
    "early_years": "E1, E2, N1, N2, R or X",
    "school_age": "R, 1 to 11 or X",
    "post16": "12, 13, 14 or X",
}

_MESSAGES = {
    # marshmallow's wording, said the way a PEP author needs to read it
    "Missing data for required field.": "Required: every PEP has this section.",
    "Invalid input type.": "Expected a JSON object here.",
    "Not a valid list.": "Expected a JSON list here.",
    "Not a valid string.": "Expected text here.",
    "Not a valid boolean.": "Expected true or false.",
    "Not a valid integer.": "Expected a whole number.",
}


# -- schema pass ---------------------------------------------------------------------------

#: One schema for every call: building a PepSchema (and, lazily, its nested section schemas)
#: cost about as much as the load itself. Marshmallow 4 keeps no per-call state on a schema
#: (errors go to a per-call store, ``context`` is gone), so loads may share it, across threads
#: too; nothing here mutates it.
_PEP_SCHEMA = PepSchema()


def _child_schema(field: fields.Field[Any]) -> Schema | None:
    if isinstance(field, fields.Nested):
        nested = field.schema
        return nested if isinstance(nested, Schema) else None
    if isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
        return _child_schema(field.inner)
    return None


def _schema_at(parts: list[str]) -> Schema | None:
    """The schema that holds the keys at ``parts`` (list indexes skipped), if any."""
    schema: Schema | None = _PEP_SCHEMA
    for part in parts:
        if part.isdigit():
            continue
        if schema is None or part not in schema.fields:
            return None
        schema = _child_schema(schema.fields[part])
    return schema


def _unknown_field_message(parts: list[str]) -> str:
    *parent, name = parts
    schema = _schema_at(parent)
    siblings = list(schema.fields) if schema is not None else []
    near = process.extractOne(name, siblings, scorer=fuzz.ratio, score_cutoff=70)
    if near is not None:
        return f"Unknown field '{name}'. Did you mean '{near[0]}'?"
    # A known field put in the wrong section ("upn" at the top level): say where it lives.
    from pepdocs.model.catalog import field_catalog

    homes = [path for path in field_catalog() if path.rsplit(".", 1)[-1] == name]
    if homes:
        return f"Unknown field '{name}' here. Did you mean '{homes[0]}'?"
    where = ".".join(p for p in parent if not p.isdigit()) or "the top level"
    return f"Unknown field '{name}': {where} has no such field."


def _flatten(messages: Any, parts: list[str]) -> Iterator[Problem]:
    """marshmallow's nested error dict -> one ``Problem`` per message, with dotted paths."""
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            # ``_schema`` holds errors about the object itself: they belong at its own path.
            yield from _flatten(value, parts if key == "_schema" else [*parts, str(key)])
    elif isinstance(messages, list | tuple):
        for message in messages:
            yield from _flatten(message, parts)
    else:
        text = str(messages)
        if text == "Unknown field.":
            text = _unknown_field_message(parts)
        yield Problem(".".join(parts), _MESSAGES.get(text, text))


# -- rule pass -----------------------------------------------------------------------------


def _section(pep: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = pep.get(name)
    return value if isinstance(value, Mapping) else {}


def _date(section: Mapping[str, Any], name: str) -> dt.date | None:
    value = section.get(name)
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _rule_child_dates(pep: Mapping[str, Any]) -> Iterator[Problem]:
    child, care, meta = _section(pep, "child"), _section(pep, "care"), _section(pep, "meta")
    born = _date(child, "date_of_birth")
    looked_after = _date(care, "date_became_looked_after")
    meeting = _date(meta, "meeting_date")
    if born and looked_after and looked_after < born:
        yield Problem("care.date_became_looked_after", "Cannot be before child.date_of_birth.")
    # No upper age here: authorities keep PEPs to the end of the academic year in which the
    # young person turns 18, and later meetings are a compliance finding (TL050, TL051), not
    # a reason to refuse the whole file.
    if born and meeting and born >= meeting:
        yield Problem("child.date_of_birth", "Must be before meta.meeting_date.")


def _rule_meeting_dates(pep: Mapping[str, Any]) -> Iterator[Problem]:
    meta = _section(pep, "meta")
    meeting = _date(meta, "meeting_date")
    if meeting is None:
        return
    year = meta.get("academic_year")
    if isinstance(year, str):
        first, last = academic_year_bounds(year)
        if not first <= meeting <= last:
            yield Problem(
                "meta.meeting_date",
                "Must fall inside meta.academic_year (1 September to 31 August).",
            )
    following = _date(meta, "next_review_date")
    if following and following <= meeting:
        yield Problem("meta.next_review_date", "Must be after meta.meeting_date.")
    previous = _date(meta, "previous_pep_date")
    if previous and previous >= meeting:
        yield Problem("meta.previous_pep_date", "Must be before meta.meeting_date.")


def _rule_phase_fits_ncy(pep: Mapping[str, Any]) -> Iterator[Problem]:
    phase = _section(pep, "meta").get("phase")
    ncy = _section(pep, "education").get("ncy")
    if isinstance(phase, str) and isinstance(ncy, str) and ncy not in NCY_BY_PHASE[phase]:
        yield Problem(
            "education.ncy",
            f"Year group does not fit meta.phase: a {phase} PEP covers {_PHASE_WORDS[phase]}.",
        )


def _rule_attendance(pep: Mapping[str, Any]) -> Iterator[Problem]:
    attendance = _section(_section(pep, "education"), "attendance")
    possible = attendance.get("sessions_possible")
    missed = attendance.get("sessions_missed")
    if isinstance(possible, int) and isinstance(missed, int) and missed > possible:
        yield Problem(
            "education.attendance.sessions_missed",
            "Cannot be more than education.attendance.sessions_possible.",
        )
    start, end = _date(attendance, "period_start"), _date(attendance, "period_end")
    if start and end and end < start:
        yield Problem(
            "education.attendance.period_end",
            "Cannot be before education.attendance.period_start.",
        )


def _items(pep: Mapping[str, Any], raw: Mapping[str, Any], *path: str) -> list[Any]:
    """The loaded list at ``path``, or ``[]`` if the schema pass dropped items from it.

    Index-based messages must point at the same item in the user's file; if the schema
    pass lost an item the indexes would shift, and that list already has problems anyway.
    """
    loaded: Any = pep
    given: Any = raw
    for part in path:
        loaded = loaded.get(part) if isinstance(loaded, Mapping) else None
        given = given.get(part) if isinstance(given, Mapping) else None
    if not isinstance(loaded, list) or not isinstance(given, list) or len(loaded) != len(given):
        return []
    return loaded


def _rule_target_ids(pep: Mapping[str, Any], raw: Mapping[str, Any]) -> Iterator[Problem]:
    first_seen: dict[str, int] = {}
    for index, target in enumerate(_items(pep, raw, "targets")):
        target_id = target.get("id") if isinstance(target, Mapping) else None
        if not isinstance(target_id, str):
            continue
        if target_id in first_seen:
            yield Problem(
                f"targets.{index}.id",
                f"Duplicate target id (also used by targets.{first_seen[target_id]}.id); "
                "give each target its own id.",
            )
        else:
            first_seen[target_id] = index
    if raw.get("targets") and not _items(pep, raw, "targets"):
        return  # targets did not load whole: PP+ links cannot be judged against them
    for index, item in enumerate(_items(pep, raw, "pp_plus", "items")):
        target_id = item.get("target_id") if isinstance(item, Mapping) else None
        if isinstance(target_id, str) and target_id not in first_seen:
            yield Problem(
                f"pp_plus.items.{index}.target_id",
                "Refers to no target: use the id of one of the PEP's targets (targets.N.id).",
            )


_RULES: tuple[Callable[[Mapping[str, Any]], Iterator[Problem]], ...] = (
    _rule_child_dates,
    _rule_meeting_dates,
    _rule_phase_fits_ncy,
    _rule_attendance,
)


def _check(data: Any) -> tuple[dict[str, Any], list[Problem]]:
    if not isinstance(data, Mapping):
        return {}, [Problem("", "A PEP is a JSON object with at least meta and child sections.")]
    try:
        pep: dict[str, Any] = _PEP_SCHEMA.load(data)
        problems: list[Problem] = []
    except ValidationError as error:
        valid = error.valid_data
        pep = dict(valid) if isinstance(valid, Mapping) else {}
        problems = list(_flatten(error.messages, []))
    for rule in _RULES:
        problems.extend(rule(pep))
    problems.extend(_rule_target_ids(pep, data))
    return pep, sorted(problems, key=_schema_order)


def _schema_order(problem: Problem) -> tuple[int, ...]:
    """Sort problems as the fields appear in the model, list items by index."""
    key: list[int] = []
    schema: Schema | None = _PEP_SCHEMA
    for part in problem.path.split(".") if problem.path else []:
        if part.isdigit():
            key.append(int(part))
            continue
        names = list(schema.fields) if schema is not None else []
        key.append(names.index(part) if part in names else len(names))
        schema = _child_schema(schema.fields[part]) if schema and part in names else None
    return tuple(key)


# -- public API ----------------------------------------------------------------------------


def validate_pep(data: Any) -> list[Problem]:
    """Every problem with ``data`` (a decoded JSON PEP), in model order; ``[]`` when valid."""
    return _check(data)[1]


def load_pep(data: Any, source: str | None = None) -> dict[str, Any]:
    """``data`` validated and normalised (codes in official case, money as ``"12.50"``).

    The result holds JSON values only. Any problem raises :class:`PepValidationError`
    listing all of them; ``source`` (a file name) prefixes its message.
    """
    pep, problems = _check(data)
    if problems:
        raise PepValidationError(problems, source)
    return pep


def _read_json(path: str | os.PathLike[str]) -> Any:
    # The shared reader refuses what would hang or crash a plain read: a named pipe or
    # device (blocks), a huge file, nesting deep enough for RecursionError (``[[[[...``).
    return read_json_file(path)


def load_pep_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a PEP JSON file and :func:`load_pep` it; a file that cannot be read or decoded
    raises :class:`PepdocsError` with one line naming the file."""
    return load_pep(_read_json(path), source=os.fspath(path))


def validate_pep_file(path: str | os.PathLike[str]) -> list[Problem]:
    """The problems of a PEP JSON file (``[]`` when valid); unreadable -> ``PepdocsError``."""
    return validate_pep(_read_json(path))


def _in_schema_order(value: Any, schema: Schema | None) -> Any:
    if isinstance(value, Mapping):
        names = list(schema.fields) if schema is not None else []
        ordered = sorted(value, key=lambda k: (names.index(k) if k in names else len(names), k))
        return {
            key: _in_schema_order(
                value[key],
                _child_schema(schema.fields[key]) if schema and key in names else None,
            )
            for key in ordered
        }
    if isinstance(value, list):
        return [_in_schema_order(item, schema) for item in value]
    return value


def dump_pep(pep: Mapping[str, Any], *, validate: bool = True) -> str:
    """The PEP as stable JSON: keys in model order, indent 2, non-ASCII kept, final newline.

    With ``validate`` (the default) the PEP is loaded first, so only a valid, normalised
    PEP is written; ``validate=False`` writes a draft as it is (e.g. for hand-fixing).
    """
    data = load_pep(pep) if validate else pep
    text = json.dumps(_in_schema_order(data, _PEP_SCHEMA), indent=2, ensure_ascii=False)
    return text + "\n"


def dump_pep_file(
    pep: Mapping[str, Any],
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    validate: bool = True,
) -> Path:
    """Write :func:`dump_pep` output to ``path`` atomically (never over a file unless ``force``)."""
    return write_atomic(path, dump_pep(pep, validate=validate).encode("utf-8"), force=force)
