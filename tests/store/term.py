"""A term on the store, from the shipped samples: the batch's forms (made once per test run,
with document ids) and the schools' returns (``pepdocs samples --returns``), recorded into a
fresh store per test."""

from __future__ import annotations

import datetime as dt
import shutil
from functools import cache
from pathlib import Path

from pepdocs.batch import BatchOptions, run_batch
from pepdocs.batch.returns import ReturnsMade, make_returns
from pepdocs.store import Store, StoreRecorder

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
AS_OF = dt.date(2026, 4, 20)
MEETING = dt.date(2026, 5, 11)
SUMMER = "2025-26 summer"


@cache
def _made(folder: str) -> tuple[Path, Path, ReturnsMade]:
    base = Path(folder)
    batch, returned = base / "term", base / "returned"
    run_batch(
        SAMPLES / "roster.csv",
        BatchOptions(out_dir=batch, previous=(SAMPLES,), today=AS_OF, document_ids=True),
    )
    made = make_returns(batch, returned, meeting=MEETING, every=2)
    return batch, returned, made


def term_forms(cache_dir: Path) -> tuple[Path, Path, ReturnsMade]:
    """(the batch's folder, the folder of returns, what the returns are), made once."""
    return _made(str(cache_dir))


def record_batch(store: Store, batch: Path, into: Path) -> StoreRecorder:
    """The batch run again into a copy of its folder with the store's recorder: every form
    is unchanged, so the recorder records what the batch sent without filling anything."""
    shutil.copytree(batch, into)
    recorder = StoreRecorder(store, folder=str(into))
    run_batch(
        SAMPLES / "roster.csv",
        BatchOptions(out_dir=into, previous=(SAMPLES,), today=AS_OF, document_ids=True),
        recorder=recorder,
    )
    recorder.finish()
    return recorder
