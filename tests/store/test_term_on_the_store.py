"""A whole term on the store, on SQLite and on PostgreSQL: the batch records what it sends,
collect matches every return to what was sent and lists what needs a person, the workflow
moves each PEP on, and the history says who did what, field by field."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from pepdocs.batch.returns import ReturnsMade
from pepdocs.store import (
    ConcurrentEditError,
    NotFoundError,
    Store,
    TransitionError,
    collect,
    parse_term,
)
from pepdocs.store.audit import leaves
from pepdocs.store.schema import AuditEntry, Document, Extraction, PepVersion
from tests.store.term import MEETING, SUMMER, record_batch

Term = tuple[Path, Path, ReturnsMade]


def _child(name: str) -> str:
    return name.split("-")[1]


def test_the_batch_records_each_form_it_sends_and_pre_fills_its_pep(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, _, _ = term
    recorder = record_batch(store, batch, tmp_path / "sent")
    assert recorder.recorded == 12
    counts = store.counts()
    assert (counts["children"], counts["PEPs"], counts["versions"], counts["documents"]) == (
        12,
        12,
        12,
        12,
    )
    states = store.peps_by_state()
    assert states[parse_term(SUMMER)]["prefilled"] == 10
    with store.session() as session:
        sent = session.scalars(select(Document)).all()
    assert {document.direction for document in sent} == {"sent"}
    assert all(document.form_version and document.template for document in sent)
    # the bytes kept are the bytes sent
    first = sent[0]
    assert store.document_bytes(first.uid) == (tmp_path / "sent" / str(first.name)).read_bytes()


def test_recording_the_same_batch_again_adds_nothing(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, _, _ = term
    record_batch(store, batch, tmp_path / "first")
    again = record_batch(store, batch, tmp_path / "second")
    assert (again.recorded, again.already) == (0, 12)
    assert store.counts()["documents"] == 12


def test_collect_matches_returns_stores_versions_and_lists_what_needs_a_person(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, returned, made = term
    record_batch(store, batch, tmp_path / "sent")
    result = collect(store, returned, as_of=MEETING)
    assert (result.collected, result.unmatched, result.failed) == (11, 1, 0)
    what = {(item.what, item.file) for item in result.attention}
    for name in made.problems["unchanged"]:
        assert ("returned unchanged since pre-fill", name) in what
    (stranger,) = made.problems["stranger"]
    assert ("matching no child", stranger) in what
    (unreadable,) = made.problems["unreadable_date"]
    [bad_date] = [i for i in result.attention if i.file == unreadable and i.what == "unparseable"]
    assert bad_date.text == "31st Febtember" and bad_date.child == _child(unreadable)
    (bad_upn,) = made.problems["invalid_upn"]
    [invalid] = [i for i in result.attention if i.file == bad_upn and i.what == "invalid"]
    assert invalid.path == "child.upn" and "check letter" in invalid.text
    (not_back,) = made.problems["not_returned"]
    assert [summary.child for summary in result.no_return] == [_child(not_back)]
    with store.session() as session:
        matched = dict(
            session.execute(
                select(Document.name, Document.matched_by).where(Document.direction == "received")
            ).all()
        )
        raw = next(
            item["raw"]
            for reports in session.scalars(select(Extraction.field_reports))
            for item in reports
            if item["status"] == "unparseable"
        )
    (retyped,) = made.problems["no_document_id"]
    assert matched[retyped] in ("upn_term", "child_id_term")
    assert matched[stranger] == "none"
    assert {matched[name] for name in made.returned} - {"upn_term", "child_id_term", "none"} == {
        "document_id"
    }
    assert raw == "31st Febtember"  # kept for the person fixing it (never logged)
    states = store.peps_by_state(parse_term(SUMMER))[parse_term(SUMMER)]
    assert states == {"returned": 9, "prefilled": 1}


def test_collecting_the_folder_again_adds_nothing(store: Store, term: Term, tmp_path: Path) -> None:
    batch, returned, _ = term
    record_batch(store, batch, tmp_path / "sent")
    collect(store, returned, as_of=MEETING)
    before = store.counts()
    again = collect(store, returned, as_of=MEETING)
    assert (again.collected, again.already) == (0, 12)
    assert store.counts() == {**before, "audit lines": before["audit lines"]}


def test_a_return_is_the_next_version_merged_with_what_the_form_has_no_place_for(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, returned, made = term
    record_batch(store, batch, tmp_path / "sent")
    collect(store, returned, as_of=MEETING)
    child = next(
        _child(name)
        for name in made.returned
        if name not in {n for names in made.problems.values() for n in names}
    )
    sent, back = (store.version_data(child, number=number) for number in (1, 2))
    assert back.origin == "return" and back.data["meta"]["status"] == "completed"
    assert back.data["meta"]["meeting_date"] == MEETING.isoformat()
    # nothing the school left alone is lost, whether the form has a place for it or not
    assert set(leaves(sent.data)) - set(leaves(back.data)) == set()
    assert len(back.data["targets"]) == len(sent.data.get("targets") or []) + 1
    history = store.history(child)
    [change] = [entry for entry in history.entries if entry.action == "version.return"]
    paths = {item["path"]: item["change"] for item in change.changes}
    assert paths["meta.status"] in ("added", "changed")
    assert all(set(item) == {"path", "change"} for item in change.changes)  # no values


def test_send_back_approve_and_lock_move_the_pep_and_each_step_is_logged(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, returned, made = term
    record_batch(store, batch, tmp_path / "sent")
    collect(store, returned, as_of=MEETING)
    (child_file,) = made.problems["unreadable_date"]
    child = _child(child_file)
    step = store.send_back(child, "The meeting date cannot be read")
    assert (step.before, step.after) == ("returned", "returned_to_school")
    with pytest.raises(TransitionError, match="cannot approve it while it is returned to school"):
        store.approve(child)
    approved = store.step_many("approve", parse_term(SUMMER), ("returned", "in_review"))
    assert len(approved) == 8 and child not in {step.summary.child for step in approved}
    other = approved[0].summary.child
    store.lock(other)
    with pytest.raises(TransitionError, match="locked PEP changes only by a new version"):
        store.send_back(other, "too late")
    log = store.history(child).entries
    [back] = [entry for entry in log if entry.action == "state.send_back"]
    assert back.reason == "The meeting date cannot be read" and back.actor == "tester"


def test_a_locked_pep_changes_only_by_a_new_version_which_goes_back_for_review(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, returned, made = term
    record_batch(store, batch, tmp_path / "sent")
    collect(store, returned, as_of=MEETING)
    child = _child(made.problems["unchanged"][0])
    store.approve(child)
    store.lock(child)
    current = store.version_data(child)
    edited = dict(current.data)
    edited["meta"] = {**edited["meta"], "completed_by": "A Reviewer"}
    number = store.save_version(child, edited, expected_version=current.number)
    assert number == current.number + 1
    summary = store.peps(parse_term(SUMMER))
    [pep] = [s for s in summary if s.child == child]
    assert pep.state == "returned"
    with store.session() as session:
        origins = session.scalars(
            select(PepVersion.origin)
            .where(PepVersion.pep_id == pep.pep_id)
            .order_by(PepVersion.number)
        ).all()
    assert origins[-1] == "amend"


def test_an_edit_based_on_an_old_version_is_refused(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, returned, made = term
    record_batch(store, batch, tmp_path / "sent")
    collect(store, returned, as_of=MEETING)
    child = _child(made.problems["unchanged"][0])
    current = store.version_data(child)
    store.save_version(child, current.data, expected_version=current.number)
    with pytest.raises(ConcurrentEditError, match="someone else"):
        store.save_version(child, current.data, expected_version=current.number)
    with pytest.raises(ConcurrentEditError):
        store.approve(child, expected_version=current.number)


def test_dashboards_count_states_outstanding_returns_and_overdue_peps(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, returned, made = term
    record_batch(store, batch, tmp_path / "sent")
    summer = parse_term(SUMMER)
    assert len(store.returns_outstanding(summer)) == 10
    collect(store, returned, as_of=MEETING)
    outstanding = store.returns_outstanding(summer)
    assert [s.child for s in outstanding] == [_child(made.problems["not_returned"][0])]
    overdue = store.overdue(MEETING)
    assert overdue and all(item.status == "overdue" for item in overdue)
    assert all(item.source.startswith("store:") for item in overdue)
    checked = store.check(MEETING, summer)
    assert len(checked) == 10 and all(result.rating for result in checked)


def test_an_unknown_child_is_one_clear_error(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no child with this LA child id or UPN"):
        store.history("9999999")


def test_findings_and_field_reports_are_kept_with_the_version(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, returned, _ = term
    record_batch(store, batch, tmp_path / "sent")
    collect(store, returned, as_of=MEETING)
    with store.session() as session:
        extractions = session.scalar(select(func.count()).select_from(Extraction))
        fields = sum(len(reports) for reports in session.scalars(select(Extraction.field_reports)))
        rated = session.scalar(
            select(func.count()).select_from(PepVersion).where(PepVersion.rating.is_not(None))
        )
    assert extractions == 12 and fields > 12 * 40 and rated == 11


def test_the_audit_log_cannot_be_changed_or_deleted(
    store: Store, term: Term, tmp_path: Path
) -> None:
    batch, _, _ = term
    record_batch(store, batch, tmp_path / "sent")
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(update(AuditEntry).values(actor="someone else"))
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as connection:
        connection.execute(delete(AuditEntry))
    assert store.counts()["audit lines"] == 36


def test_a_return_with_only_text_typed_where_no_field_is_is_not_unchanged(
    store: Store, term: Term, tmp_path: Path
) -> None:
    import shutil

    from docx import Document as WordDocument

    batch, returned, made = term
    record_batch(store, batch, tmp_path / "sent")
    folder = tmp_path / "returned"
    shutil.copytree(returned, folder)
    name = next(n for n in made.problems["unchanged"] if n.endswith(".docx"))
    form = WordDocument(str(folder / name))
    form.add_paragraph("Favourite subject: Art and design")
    form.save(str(folder / name))
    result = collect(store, folder, as_of=MEETING)
    what = {(item.what, item.file) for item in result.attention}
    assert ("returned unchanged since pre-fill", name) not in what
    assert ("unmapped", name) in what
