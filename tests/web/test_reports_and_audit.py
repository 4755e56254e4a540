"""The term's reports downloaded from the workbench (the cohort workbook, the board's PDF),
the audit log page for officers, and the children list filtered by rating and next PEP."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from pepdocs.store import Store, parse_term
from pepdocs.store.workbench import children
from pepdocs.web import Principal, create_app
from pepdocs.web.deadlines import Deadlines
from tests.web.conftest import OFFICER, SUMMER, child_id

Client = Callable[[Principal], TestClient]


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)).replace("&#39;", "'")


def _children_ids(page: str) -> set[int]:
    return {int(found) for found in re.findall(r'href="/children/(\d+)"', page)}


def _workbook_children(content: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(content))["Children"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    column = header.index("LA child id") if "LA child id" in header else 0
    return [str(row[column]) for row in sheet.iter_rows(min_row=2, values_only=True)
            if row[column]]


def test_the_cohort_workbook_downloads_for_the_term_and_is_audited(
    officer: TestClient, collected_store: Store
) -> None:
    page = officer.get("/reports", params={"term": SUMMER})
    assert page.status_code == 200 and "Cohort workbook" in page.text
    answer = officer.get("/reports/workbook", params={"term": SUMMER})
    assert answer.status_code == 200
    assert answer.headers["content-disposition"].startswith('attachment; filename="cohort-peps')
    listed = _workbook_children(answer.content)
    assert len(listed) == len(children(collected_store, parse_term(SUMMER)))
    made = [line for line in collected_store_audit(collected_store) if line[1] == "report.made"]
    assert made and made[0][0] == OFFICER.user


def collected_store_audit(store: Store) -> list[tuple[str, str]]:
    from pepdocs.store.workbench import audit_log

    return [(line.actor, line.action) for line in audit_log(store, limit=1000).lines]


def test_a_designated_teachers_workbook_holds_their_schools_children_only(
    client_for: Client, collected_store: Store
) -> None:
    own = next(r for r in children(collected_store, parse_term(SUMMER))
               if r.la_child_id == "1004821")
    teacher = client_for(Principal("Dee Teacher", "designated_teacher", frozenset({own.urn})))
    answer = teacher.get("/reports/workbook", params={"term": SUMMER})
    assert answer.status_code == 200
    schools = {r.urn for r in children(collected_store, parse_term(SUMMER))
               if r.la_child_id in _workbook_children(answer.content)}
    assert schools == {own.urn}


@pytest.mark.slow
@pytest.mark.libreoffice
def test_the_board_summary_downloads_as_a_pdf(officer: TestClient) -> None:
    answer = officer.get("/reports/board", params={"term": SUMMER})
    assert answer.status_code == 200, _text(answer.text)[:300]
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")


def test_the_audit_log_is_for_officers_filtered_and_viewing_a_childs_lines_is_audited(
    client_for: Client, collected_store: Store
) -> None:
    officer = client_for(OFFICER)
    child = child_id(collected_store, "2015090")
    officer.get(f"/children/{child}")
    whole = officer.get("/audit")
    assert whole.status_code == 200 and "child.viewed" in whole.text
    mine = officer.get("/audit", params={"child": "2015090"})
    rows = re.findall(r"<tr><td>\d{4}-\d\d-\d\d [\d:]+</td>.*?</tr>", mine.text, re.S)
    assert rows and all(">2015090</a>" in row for row in rows)
    by_action = officer.get("/audit", params={"action": "child.viewed", "actor": OFFICER.user})
    assert "1 line," in _text(by_action.text)
    later = officer.get("/audit", params={"since": (dt.date.today() + dt.timedelta(days=1))
                                          .isoformat()})
    assert "0 lines" in _text(later.text)
    bad = officer.get("/audit", params={"since": "31/02/2026"})
    assert 'aria-invalid="true"' in bad.text and "Write the date as YYYY-MM-DD" in bad.text
    seen = [e for e in collected_store.history("2015090").entries if e.action == "audit.viewed"]
    assert seen and seen[-1].actor == OFFICER.user
    for other in (Principal("Rae Reader", "read_only"),
                  Principal("Dee Teacher", "designated_teacher", frozenset({"100000"}))):
        assert client_for(other).get("/audit").status_code == 404


def test_the_audit_log_is_paged(officer: TestClient, collected_store: Store) -> None:
    one = child_id(collected_store, "2015090")
    for _ in range(101):
        officer.get(f"/children/{one}")
    first = officer.get("/audit")
    assert "1 to 100 shown" in _text(first.text) and 'aria-current="page"' in first.text
    second = officer.get("/audit", params={"page": "2"})
    assert "101 to" in _text(second.text)


def test_children_filter_by_rating_and_by_next_pep(
    officer: TestClient, collected_store: Store
) -> None:
    rows = children(collected_store, parse_term(SUMMER))
    rating = next(row.rating for row in rows if row.rating)
    rated = officer.get("/children", params={"term": SUMMER, "rating": rating}).text
    assert _children_ids(rated) == {row.child_id for row in rows if row.rating == rating}
    due = Deadlines().by_child(collected_store, dt.date.today())
    overdue = officer.get("/children", params={"term": SUMMER, "due": "overdue"}).text
    expected = {row.child_id for row in rows
                if row.child_id in due and due[row.child_id].status == "overdue"}
    assert _children_ids(overdue) == expected
    day = min(item.due for item in due.values() if item.due is not None)
    by_day = officer.get("/children", params={"term": SUMMER, "due_by": day.isoformat()}).text
    assert _children_ids(by_day) == {row.child_id for row in rows if row.child_id in due
                                     and due[row.child_id].due == day}
    wrong = officer.get("/children", params={"term": SUMMER, "due_by": "next week"}).text
    assert 'aria-describedby="due_by-error"' in wrong


def test_a_child_leaves_the_overdue_list_when_a_new_version_says_no_pep_is_needed(
    collected_store: Store,
) -> None:
    deadlines = Deadlines()
    today = dt.date.today()
    overdue = dict(deadlines.overdue(collected_store, today))
    assert overdue, "the samples' summer PEPs are overdue by now"
    child = next(iter(overdue))
    row = next(r for r in children(collected_store, parse_term(SUMMER)) if r.child_id == child)
    current = collected_store.version_data(row.ident, term=parse_term(SUMMER))
    data = dict(current.data)
    # a short-break placement (V3): no PEP is needed, so none is overdue
    data["care"] = {**data["care"], "legal_status": "V3"}
    collected_store.save_version(row.ident, data, expected_version=current.number,
                                 term=parse_term(SUMMER))
    after = dict(deadlines.overdue(collected_store, today))
    assert child not in after
    assert set(after) == set(overdue) - {child}
    app = create_app(collected_store)
    assert child not in dict(app.state.workbench.deadlines.overdue(collected_store, today))
