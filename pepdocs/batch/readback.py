"""Reading a batch's forms back, on several processes: each form the batch made, read as the
form its manifest names, in manifest order.

This is the reading half of a term at scale (the forms come back from the schools, or a
batch is checked before it goes out): ``read_batch(folder, jobs=2)`` streams one
:class:`FormRead` per form, with the PEP read and the field report's counts, without holding
more than a few forms per worker. The form is the one the batch filled (the manifest's
authority and form), so nothing is recognised; each worker parses each mapping once. Workers
start as the batch's do (:mod:`pepdocs.batch.pool`): forked with the parent's prepared state,
gone when the job ends, is interrupted or loses a worker.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from pepdocs import api
from pepdocs.batch.manifest import MANIFEST_JSON, OWNED_STATUSES, _json_lines
from pepdocs.batch.pool import in_order, pool_context, start_pool, worker_started
from pepdocs.errors import PepdocsError, UsageError
from pepdocs.mapping.registry import resolve_form
from pepdocs.mapping.spec import FormSpec

__all__ = ["FormRead", "FormToRead", "read_batch", "read_forms"]

#: forms sent to a worker at a time: the hand-over is cheap next to reading eight forms
_PER_SUBMIT = 8


@dataclass(frozen=True, slots=True)
class FormToRead:
    """A completed form and the form it is (authority, form name)."""

    path: str
    authority: str
    form: str


@dataclass(slots=True)
class FormRead:
    """One form read back: its PEP and the field report's counts, or why it could not be
    read (``problem``: one line naming the file, never a value)."""

    path: str
    authority: str
    form: str
    pep: dict[str, Any] | None = None
    #: mapped fields read with a value, and those with text that could not be read
    #: (``unparseable`` or ``invalid`` in the field report)
    fields_read: int = 0
    fields_failed: int = 0
    problem: str = ""
    notes: list[str] = field(default_factory=list)


def read_forms(
    forms: Iterable[FormToRead], jobs: int = 1, mappings_dirs: Sequence[str] = ()
) -> Iterator[FormRead]:
    """Each of ``forms`` read (``pepdocs.api.extract`` as the named form), in the given order,
    on ``jobs`` processes. A form that cannot be read is a :class:`FormRead` with its
    ``problem``; only a lost worker process stops the job (``PepdocsError``)."""
    if jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    reader = _Reader(tuple(mappings_dirs))
    if jobs == 1:
        yield from (reader.read(item) for item in forms)
        return
    global _READER
    _READER = reader
    items = iter(forms)
    context = pool_context()
    if context.get_start_method() == "fork":
        # One form of each kind among the first few is read here, before the workers exist:
        # its mapping is parsed and the engine's lookups built once, for every worker.
        first = list(islice(items, _PER_SUBMIT * 4 * jobs))
        for item in {(item.authority, item.form): item for item in first}.values():
            reader.read(item)
        items = chain(first, items)
    executor = start_pool(jobs, context, _init_worker, (reader, os.getpid()))
    yield from in_order(
        executor,
        _read_many,
        items,
        per_submit=_PER_SUBMIT,
        ahead=4 * jobs,
        stopped="a --jobs worker process stopped; the forms were not all read",
    )


def read_batch(
    out_dir: str | os.PathLike[str], jobs: int = 1, mappings_dirs: Sequence[str] = ()
) -> Iterator[FormRead]:
    """Every form a batch made in ``out_dir`` (its manifest's made, updated and unchanged
    rows), read back as the form the manifest names, in manifest order (the manifest is
    streamed, so memory does not grow with the batch)."""
    manifest = Path(out_dir) / MANIFEST_JSON
    if not manifest.is_file():
        raise UsageError(f"{out_dir}: no {MANIFEST_JSON} here; is it a batch's output folder?")
    return read_forms(_manifest_forms(Path(out_dir), manifest), jobs, mappings_dirs)


def _manifest_forms(out_dir: Path, manifest: Path) -> Iterator[FormToRead]:
    for row in _json_lines(manifest, require_manifest=True):
        output = row.get("output")
        if row.get("status") in OWNED_STATUSES and isinstance(output, str) and output:
            yield FormToRead(
                os.path.join(out_dir, output), str(row.get("authority")), str(row.get("form"))
            )


class _Reader:
    """Reads forms in one process; each mapping is resolved once."""

    def __init__(self, mappings_dirs: tuple[str, ...]) -> None:
        self.mappings_dirs = mappings_dirs
        self.specs: dict[tuple[str, str], FormSpec] = {}

    def read(self, item: FormToRead) -> FormRead:
        result = FormRead(item.path, item.authority, item.form)
        try:
            key = (item.authority, item.form)
            spec = self.specs.get(key)
            if spec is None:
                spec = self.specs[key] = resolve_form(
                    item.authority, form=item.form, extra_dirs=self.mappings_dirs
                )
            extraction = api.extract(item.path, spec)
        except PepdocsError as problem:
            result.problem = str(problem)
            return result
        except Exception as problem:  # a bug must not stop the other forms' reading
            result.problem = f"{item.path}: internal error ({type(problem).__name__})"
            return result
        result.pep = extraction.pep
        report = extraction.report
        result.fields_read = sum(1 for one in report.fields if one.status == "found")
        result.fields_failed = sum(1 for one in report.fields if one.status in _NOT_READ)
        result.notes = list(report.notes)
        return result


_READER: _Reader | None = None
#: field statuses of text that was there but could not be read into the PEP
_NOT_READ = ("unparseable", "invalid")


def _init_worker(reader: _Reader, parent: int) -> None:
    global _READER
    worker_started(parent)
    if _READER is not reader:  # spawned: a reader of its own (forked: the parent's)
        _READER = reader


def _read_many(items: list[FormToRead]) -> list[FormRead]:
    assert _READER is not None, "worker not initialised"
    return [_READER.read(item) for item in items]
