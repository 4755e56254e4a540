"""Synthetic returns: each form the batch made comes back filled in, with its document id,
and the problems are given in turn (a problem a form cannot have passes to the next)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pepdocs.batch import BatchOptions, run_batch
from pepdocs.batch.returns import make_returns
from pepdocs.binding import read_document_id
from pepdocs.errors import PepdocsError
from pepdocs.store import returned_files

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.slow
def test_returns_are_the_batchs_forms_filled_in_with_problems_in_turn(tmp_path: Path) -> None:
    batch = tmp_path / "term"
    run_batch(
        SAMPLES / "roster.csv",
        BatchOptions(out_dir=batch, previous=(SAMPLES,), today=dt.date(2026, 4, 20),
                     document_ids=True),
    )
    made = make_returns(batch, tmp_path / "a", meeting=dt.date(2026, 5, 11), every=2)
    again = make_returns(batch, tmp_path / "b", meeting=dt.date(2026, 5, 11), every=2)
    assert made.problems == again.problems and made.returned == again.returned
    assert all(len(made.problems[name]) >= 1 for name in made.problems)
    files = {path.name: path for path in returned_files(tmp_path / "a")}
    assert set(files) == set(made.returned)
    (stripped,) = made.problems["no_document_id"]
    (stranger,) = made.problems["stranger"]
    for name, path in files.items():
        carried = read_document_id(path.read_bytes())
        sent = read_document_id((batch / name).read_bytes()) if (batch / name).exists() else None
        assert carried == (None if name in (stripped, stranger) else sent)
    (unchanged, *_) = made.problems["unchanged"]
    assert files[unchanged].read_bytes() == (batch / unchanged).read_bytes()


def test_a_folder_no_batch_wrote_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PepdocsError, match="not a batch manifest"):
        make_returns(tmp_path, tmp_path / "out", meeting=dt.date(2026, 5, 11))
