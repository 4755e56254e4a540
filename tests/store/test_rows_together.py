"""What collect writes a batch at a time reads back exactly as written, on both engines: rows
inserted as one statement (their ids in the rows' order), their JSON, dates and NULLs; and
the JSON columns keep what orjson alone would refuse."""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import select

from pepdocs.store import Store
from pepdocs.store.jsontext import dumps, loads
from pepdocs.store.records import audit_line, insert_many, insert_rows
from pepdocs.store.schema import AuditEntry, Run, utcnow


def _run(kind: str, counts: object) -> dict[str, object]:
    return {"kind": kind, "folder": None, "started_at": utcnow(), "finished_at": None,
            "actor": "tester", "counts": counts}


def test_rows_inserted_together_get_their_ids_in_order(store: Store) -> None:
    kinds = ["collect", "batch", "restore", "collect"]
    with store.session() as session:
        ids = insert_rows(session, Run.__table__, [_run(kind, {"n": n}) for n, kind in
                                                   enumerate(kinds)])
    assert len(ids) == 4 and len(set(ids)) == 4
    with store.session() as session:
        rows = {run.id: run for run in session.scalars(select(Run).where(Run.id.in_(ids)))}
    assert [rows[i].kind for i in ids] == kinds
    assert [rows[i].counts for i in ids] == [{"n": 0}, {"n": 1}, {"n": 2}, {"n": 3}]


def test_audit_lines_inserted_together_read_back_as_the_orm_writes_them(store: Store) -> None:
    changes = [{"path": "child.first_name", "change": "changed"},
               {"path": "education.urn", "change": "added"}]
    lines = [
        audit_line("tester", "version.return", version=2, changes=changes),
        audit_line("tester", "state.return", from_state="sent", to_state="returned"),
        audit_line("tester", "document.unmatched", reason="Zoë's form: ünïcode kept"),
    ]
    with store.session() as session:
        insert_many(session, AuditEntry.__table__, lines)
        session.add(AuditEntry(**audit_line("tester", "by.orm", changes=changes)))
    with store.session() as session:
        read = list(session.scalars(
            select(AuditEntry).where(AuditEntry.actor == "tester").order_by(AuditEntry.id)
        ))
    assert [line.action for line in read] == [
        "version.return", "state.return", "document.unmatched", "by.orm"
    ]
    assert read[0].changes == changes == read[3].changes
    assert read[1].changes is None and (read[1].from_state, read[1].to_state) == (
        "sent", "returned"
    )
    assert read[2].reason == "Zoë's form: ünïcode kept"
    assert isinstance(read[0].at, dt.datetime)


def test_json_columns_keep_what_orjson_alone_refuses(store: Store) -> None:
    counts = {"big": 2**70, "text": "Łucja"}
    with store.session() as session:
        (run_id,) = insert_rows(session, Run.__table__, [_run("collect", counts)])
    with store.session() as session:
        run = session.get(Run, run_id)
        assert run is not None
        assert run.counts == counts


def test_json_text_reads_what_the_standard_library_wrote_before() -> None:
    assert loads('{"a": "\\u0141ucja", "b": [1, 2.5, null]}') == {"a": "Łucja", "b": [1, 2.5, None]}
    assert math.isnan(loads('{"x": NaN}')["x"])
    assert loads(dumps({"k": "é", "n": [1, None]})) == {"k": "é", "n": [1, None]}
    assert loads(dumps({1: "a"})) == {"1": "a"}
