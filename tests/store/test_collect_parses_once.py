"""collect parses each returned form once: its document id, recognising it (when what was
sent is not known) and reading it all use the one opened document. Counted on the real
openers (``tests.parse_counter``), for Word, Excel and PDF forms alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.batch.returns import ReturnsMade
from pepdocs.store import open_store
from pepdocs.store.collect import collect
from tests.parse_counter import ParseCounter
from tests.store.term import MEETING, record_batch

Term = tuple[Path, Path, ReturnsMade]


def _returned_forms(returned: Path) -> list[str]:
    return sorted(str(p.relative_to(returned)) for p in returned.rglob("*") if p.is_file())


def test_collect_parses_each_returned_form_once_when_its_document_id_says_which_form_it_is(
    term: Term, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, returned, _ = term
    with open_store(f"sqlite:///{tmp_path / 'store.db'}", user="tester") as store:
        record_batch(store, batch, tmp_path / "sent")
        counter = ParseCounter(monkeypatch)
        result = collect(store, returned, as_of=MEETING)
    forms = _returned_forms(returned)
    assert {Path(name).suffix for name in forms} == {".docx", ".xlsx", ".pdf"}
    assert (result.collected, result.failed) == (len(forms) - 1, 0)  # one child is unknown
    assert {name: counter.parses[name] for name in forms} == {name: 1 for name in forms}


def test_collect_parses_each_form_once_when_it_must_recognise_which_form_it_is(
    term: Term, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing was sent from this store: no document id finds a form, so each return is
    # recognised (Word by its fingerprint, Excel and PDF by reading every candidate form).
    _, returned, _ = term
    with open_store(f"sqlite:///{tmp_path / 'store.db'}", user="tester") as store:
        counter = ParseCounter(monkeypatch)
        result = collect(store, returned, as_of=MEETING)
    forms = _returned_forms(returned)
    assert result.failed == 0
    assert {name: counter.parses[name] for name in forms} == {name: 1 for name in forms}
