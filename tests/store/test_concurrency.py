"""Two people on one PostgreSQL store at once: the second to write a PEP they read before
the first changed it is refused, cleanly, and nothing of theirs is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pepdocs.batch.returns import ReturnsMade
from pepdocs.store import ConcurrentEditError, open_store
from pepdocs.store.records import take_step
from pepdocs.store.schema import Pep
from tests.store.term import MEETING, record_batch


def test_two_connections_editing_one_pep_the_second_is_refused(
    postgres_url: str, term: tuple[Path, Path, ReturnsMade], tmp_path: Path
) -> None:
    batch, returned, _ = term
    from pepdocs.store import collect

    with open_store(postgres_url, user="setup") as setup:
        record_batch(setup, batch, tmp_path / "sent")
        collect(setup, returned, as_of=MEETING)
        [target] = [s for s in setup.peps(states=("returned",))][:1]
    first = open_store(postgres_url, user="asha")
    second = open_store(postgres_url, user="ben")
    try:
        # both read the PEP (revision r) on their own connections
        session_a = first._sessions()
        session_b = second._sessions()
        pep_a = session_a.get(Pep, target.pep_id)
        pep_b = session_b.get(Pep, target.pep_id)
        assert pep_a is not None and pep_b is not None
        # Ben approves and commits first
        take_step(session_b, pep_b, "approve", actor="ben")
        session_b.commit()
        # Asha sends it back on what she read: refused, nothing written
        with (
            pytest.raises(ConcurrentEditError, match="someone else changed this PEP"),
            first.session() as session,
        ):
            stale = session.merge(pep_a, load=False)
            take_step(session, stale, "send_back", actor="asha", reason="x")
        session_a.close()
        session_b.close()
        with first.session() as session:
            pep = session.scalar(select(Pep).where(Pep.id == target.pep_id))
            assert pep is not None and pep.state == "approved"
    finally:
        first.close()
        second.close()


def test_a_step_on_a_version_someone_moved_on_from_is_refused(
    postgres_url: str, term: tuple[Path, Path, ReturnsMade], tmp_path: Path
) -> None:
    batch, returned, _ = term
    from pepdocs.store import collect

    with open_store(postgres_url, user="asha") as asha, open_store(
        postgres_url, user="ben"
    ) as ben:
        record_batch(asha, batch, tmp_path / "sent")
        collect(asha, returned, as_of=MEETING)
        target = asha.peps(states=("returned",))[0]
        seen = asha.version_data(target.child)
        ben.save_version(target.child, seen.data, expected_version=seen.number)
        with pytest.raises(ConcurrentEditError, match="now at version"):
            asha.approve(target.child, expected_version=seen.number)
        assert asha.peps(states=("returned",))[0].version == seen.number + 1
