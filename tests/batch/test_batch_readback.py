"""Reading a batch's forms back on several processes: the PEPs one process reads, in the
manifest's order, and a form that cannot be read is one line, not a stopped job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pepdocs.batch import BatchOptions, run_batch
from pepdocs.batch.manifest import MANIFEST_JSON
from pepdocs.batch.readback import FormToRead, read_batch, read_forms
from pepdocs.errors import UsageError

from .rosters import child, write_roster
from .test_batch_runner import TODAY


def _batch(tmp_path: Path, count: int) -> Path:
    rows = [
        child(number, Authority=("northshire", "eastborough", "westmere")[number % 3])
        for number in range(1, count + 1)
    ]
    out = tmp_path / "out"
    result = run_batch(write_roster(tmp_path / "roster.csv", rows), BatchOptions(out, today=TODAY))
    assert result.counts == {"made": count}
    return out


@pytest.mark.slow
def test_two_jobs_read_the_peps_one_job_reads_in_manifest_order(tmp_path: Path) -> None:
    out = _batch(tmp_path, 24)
    one = list(read_batch(out))
    two = list(read_batch(out, jobs=2))
    listed = [
        row["output"]
        for row in json.loads((out / MANIFEST_JSON).read_text("utf-8"))["rows"]
    ]
    assert [Path(read.path).name for read in two] == listed
    assert [read.pep for read in two] == [read.pep for read in one]
    assert all(read.problem == "" and read.fields_read > 10 for read in two)
    assert {read.authority for read in two} == {"northshire", "eastborough", "westmere"}
    ids = [read.pep["child"]["la_child_id"] for read in two if read.pep]
    assert ids == [f"90{number:05d}" for number in range(1, 25)]


def test_a_form_that_cannot_be_read_is_one_line_and_the_others_are_read(
    tmp_path: Path,
) -> None:
    out = _batch(tmp_path, 2)
    first, second = sorted(out.glob("*.docx"))
    first.write_bytes(b"not a zip")
    found = list(
        read_forms(
            [
                FormToRead(str(first), "eastborough", "school_age"),
                FormToRead(str(second), "westmere", "school_age"),
            ],
            jobs=2,
        )
    )
    assert found[0].pep is None and first.name in found[0].problem
    assert "\n" not in found[0].problem
    assert found[1].problem == "" and found[1].pep is not None


def test_a_folder_without_a_manifest_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="manifest"):
        read_batch(tmp_path)
