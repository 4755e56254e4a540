"""The store's side of the workbench's newer pages, on both engines: each child's next
deadline worked out child by child (as the store's own ``due`` does for all), the audit log
filtered and paged, the term's workbook as bytes, and text a form held that no field took
assigned to a field."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pepdocs.batch.returns import ReturnsMade
from pepdocs.store import NotFoundError, Store, collect, parse_term
from pepdocs.store.workbench import (
    assign_text,
    audit_log,
    child_markers,
    children,
    due_by_child,
    record_view,
    returned_forms,
    review,
    term_report,
)
from tests.store.term import AS_OF, SUMMER, record_batch

TERM = parse_term(SUMMER)
Term = tuple[Path, Path, ReturnsMade]


@pytest.fixture
def collected(store: Store, term: Term, tmp_path: Path) -> Store:
    record_batch(store, term[0], tmp_path / "sent")
    collect(store, term[1], as_of=AS_OF)
    return store


def test_deadlines_child_by_child_are_the_stores_own(collected: Store) -> None:
    today = dt.date(2026, 9, 1)
    by_child = due_by_child(collected, None, today)
    assert set(by_child) == set(child_markers(collected))
    whole = {(item.la_child_id, item.status, item.due) for item in collected.due(today)}
    assert {(item.la_child_id, item.status, item.due) for item in by_child.values()} == whole
    some = sorted(by_child)[:2]
    assert due_by_child(collected, some, today) == {child: by_child[child] for child in some}


def test_a_childs_marker_moves_when_their_pep_gains_a_version(collected: Store) -> None:
    before = child_markers(collected)
    row = next(r for r in children(collected, TERM) if r.la_child_id == "2015090")
    current = collected.version_data("2015090", term=TERM)
    data = {**current.data, "child": {**current.data["child"], "preferred_name": "Jo"}}
    collected.save_version("2015090", data, expected_version=current.number, term=TERM)
    after = child_markers(collected)
    assert after[row.child_id] != before[row.child_id]
    assert {c: m for c, m in after.items() if c != row.child_id} == {
        c: m for c, m in before.items() if c != row.child_id
    }


def test_the_audit_log_filters_by_child_person_action_and_day_and_pages(
    collected: Store,
) -> None:
    row = next(r for r in children(collected, TERM) if r.la_child_id == "2015090")
    for _ in range(3):
        record_view(collected, row.child_id, "child.viewed")
    mine = audit_log(collected, child="2015090", action="child.viewed")
    assert mine.total == 3 and {line.child for line in mine.lines} == {"2015090"}
    assert audit_log(collected, child=f"#{row.child_id}", action="child.viewed").total == 3
    assert audit_log(collected, actor="nobody").total == 0
    assert "tester" in mine.actors and "child.viewed" in mine.actions
    today = dt.datetime.now(dt.UTC).date()
    assert audit_log(collected, action="child.viewed", since=today, until=today).total == 3
    assert audit_log(collected, since=today + dt.timedelta(days=1)).total == 0
    everything = audit_log(collected, limit=1000).total
    paged = audit_log(collected, offset=2, limit=2)
    assert len(paged.lines) == 2 and paged.total == everything
    assert paged.lines[0].at <= audit_log(collected, limit=1).lines[0].at


def test_the_terms_workbook_as_bytes_narrowed_to_a_school_and_audited(collected: Store) -> None:
    made = term_report(collected, TERM, as_of=AS_OF)
    sheet = load_workbook(io.BytesIO(made.workbook))["Children"]
    assert made.peps == len(children(collected, TERM)) and made.board is None
    assert sheet.max_row >= made.peps
    narrowed = term_report(collected, TERM, as_of=AS_OF, schools={"991202"})
    assert narrowed.peps == len(children(collected, TERM, schools={"991202"}))
    assert audit_log(collected, action="report.made").total == 2


def test_text_is_assigned_only_from_the_forms_own_unmapped_texts(collected: Store) -> None:
    """The samples' return for 2015090 holds no text outside its fields (the web tests add
    some and assign it): there is nothing to assign, whatever index is asked."""
    uid = next(doc.uid for doc, row, _ in returned_forms(collected, TERM)
               if row is not None and row.la_child_id == "2015090")
    found = review(collected, uid)
    assert found.unmapped == [] and found.child is not None
    for index in (0, -1):
        with pytest.raises(NotFoundError):
            assign_text(collected, uid, index, "child.preferred_name", "Jo",
                        expected_version=found.child.version)
    assert collected.version_data("2015090", term=TERM).number == found.child.version
