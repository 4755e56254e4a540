"""The workbench's queries (pepdocs.store.workbench) on both engines: a term's children with
names and schools read from each PEP's latest version, one child's record, a returned
form's review with problems first, a designated teacher's narrowing, the view audit."""

from __future__ import annotations

from pathlib import Path

import pytest

from pepdocs.batch.returns import ReturnsMade
from pepdocs.store import NotFoundError, Store, collect, parse_term
from pepdocs.store.workbench import (
    child_record,
    children,
    record_view,
    returned_forms,
    review,
    versions_marker,
)
from tests.store.term import AS_OF, SUMMER, record_batch

TERM = parse_term(SUMMER)
Term = tuple[Path, Path, ReturnsMade]


@pytest.fixture
def collected(store: Store, term: Term, tmp_path: Path) -> Store:
    record_batch(store, term[0], tmp_path / "sent")
    collect(store, term[1], as_of=AS_OF)
    return store


def test_children_carry_name_school_state_and_rating(collected: Store) -> None:
    rows = {row.la_child_id: row for row in children(collected, TERM)}
    amara = rows["1004821"]
    assert (amara.name, amara.school, amara.urn) == ("Amara Okafor", "St Aldric's CE Academy",
                                                     "991202")
    assert amara.state == "returned" and amara.version == 2 and amara.rating
    assert [row.la_child_id for row in children(collected, TERM, search="OKAFOR")] == ["1004821"]
    only = children(collected, TERM, schools={"991202"})
    assert {row.urn for row in only} == {"991202"}


def test_a_childs_record_shows_what_each_version_changed(collected: Store) -> None:
    row = next(r for r in children(collected, TERM) if r.la_child_id == "2015090")
    record = child_record(collected, row.child_id)
    pep = next(p for p in record.peps if p.term_key == TERM)
    assert [v.origin for v in pep.versions] == ["prefill", "return"]
    assert pep.versions[0].changes == []
    changed = {path: (kind, before, after) for path, kind, before, after in pep.versions[1].changes}
    assert changed, "a return changes what the pre-filled version held"
    assert "meta.meeting_date" not in changed  # unreadable on the form: still not known
    assert {d.direction for d in record.documents} == {"sent", "received"}
    with pytest.raises(NotFoundError):
        child_record(collected, row.child_id, schools={"000000"})


def test_a_review_lists_problems_first_with_the_raw_text(collected: Store) -> None:
    forms = returned_forms(collected, TERM)
    document = next(d for d, row, _ in forms if row and row.la_child_id == "2015090")
    found = review(collected, document.uid)
    assert found.fields[0].path == "meta.meeting_date"
    assert found.fields[0].status == "unparseable" and found.fields[0].raw == "31st Febtember"
    assert [p.path for p in found.problems] == ["meta.meeting_date"]
    with pytest.raises(NotFoundError):
        review(collected, document.uid, schools={"000000"})


def test_a_view_is_an_audit_line_and_versions_mark_changes(collected: Store) -> None:
    row = next(r for r in children(collected, TERM) if r.la_child_id == "1004821")
    marker = versions_marker(collected)
    record_view(collected, row.child_id, "child.viewed")
    assert collected.history("1004821").entries[-1].action == "child.viewed"
    assert versions_marker(collected) == marker
    collected.save_version("1004821", collected.version_data("1004821").data,
                           expected_version=2)
    assert versions_marker(collected) != marker


def test_a_problem_field_typed_again_is_the_next_version(collected: Store) -> None:
    from pepdocs.errors import PepValidationError
    from pepdocs.store.workbench import correct_field

    forms = returned_forms(collected, TERM)
    uid = next(d.uid for d, row, _ in forms if row and row.la_child_id == "2015090")
    with pytest.raises(PepValidationError, match=r"meta\.meeting_date"):
        correct_field(collected, uid, "meta.meeting_date", "31/02/2026", expected_version=2)
    number = correct_field(collected, uid, "meta.meeting_date", "2026-05-11",
                           expected_version=2)
    stored = collected.version_data("2015090")
    assert (number, stored.origin, stored.data["meta"]["meeting_date"]) == (3, "edit",
                                                                          "2026-05-11")
    with pytest.raises(NotFoundError):
        correct_field(collected, uid, "child.first_name", "X", expected_version=3)
