"""The workbench's pages over a store holding the samples' term: what each shows, the
audit line each view of a child's record leaves, and values shown as text, never markup."""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest
from starlette.testclient import TestClient

from pepdocs.store import Store, parse_term
from pepdocs.store.workbench import children
from pepdocs.web import create_app
from tests.web.conftest import SUMMER, child_id, signed_in

SUMMER_QUERY = {"term": SUMMER}


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_the_dashboard_counts_the_terms_peps_by_state_with_a_table_beside_the_chart(
    officer: TestClient, collected_store: Store
) -> None:
    page = officer.get("/", params=SUMMER_QUERY)
    assert page.status_code == 200
    counts = collected_store.peps_by_state(parse_term(SUMMER))[parse_term(SUMMER)]
    text = _text(page.text)
    assert f"{sum(counts.values())} PEPs this term" in text
    for state, count in counts.items():
        assert f"{state.replace('_', ' ')} {count}" in text
    assert '<svg class="bars" role="img"' in page.text
    assert "<caption>PEPs by state, 2025-26 summer</caption>" in page.text


def test_the_dashboard_changes_when_a_pep_is_approved(
    officer: TestClient, collected_store: Store
) -> None:
    before = _text(officer.get("/", params=SUMMER_QUERY).text)
    assert "0 approved or locked" in before
    collected_store.approve("2018025")
    after = _text(officer.get("/", params=SUMMER_QUERY).text)
    assert "1 approved or locked" in after


def test_the_children_list_searches_names_and_filters_by_school_and_state(
    officer: TestClient, collected_store: Store
) -> None:
    everyone = _text(officer.get("/children", params=SUMMER_QUERY).text)
    assert "Amara Okafor" in everyone and "Oisín O'Brien" in everyone.replace("&#39;", "'")
    found = _text(officer.get("/children", params={**SUMMER_QUERY, "q": "okaf"}).text)
    assert "Amara Okafor" in found and "1 child" in found and "Nowak" not in found
    by_id = _text(officer.get("/children", params={**SUMMER_QUERY, "q": "1004821"}).text)
    assert "Amara Okafor" in by_id
    awaiting = _text(officer.get("/children", params={**SUMMER_QUERY, "state": "prefilled"}).text)
    assert "Amara Okafor" not in awaiting
    amara = next(row for row in children(collected_store, parse_term(SUMMER))
             if row.la_child_id == "1004821")
    school = _text(officer.get("/children", params={**SUMMER_QUERY, "school": amara.urn}).text)
    assert "Amara Okafor" in school and "Lucy Nowak" not in school


def test_a_childs_page_shows_each_version_what_changed_findings_and_documents(
    officer: TestClient, collected_store: Store
) -> None:
    page = officer.get(f"/children/{child_id(collected_store, '1004821')}")
    assert page.status_code == 200
    text = _text(page.text)
    assert "Version 2: return" in text and "Version 1: prefill" in text
    assert "What changed from version 1" in text
    assert "meta.meeting_date" in text
    assert "Every form sent to or received from the school" in text
    assert "sent" in text and "received" in text


def test_each_view_of_a_childs_record_is_in_the_audit_log(
    officer: TestClient, collected_store: Store
) -> None:
    officer.get(f"/children/{child_id(collected_store, '1004821')}")
    officer.get(f"/children/{child_id(collected_store, '1004821')}")
    entries = collected_store.history("1004821").entries
    views = [entry for entry in entries if entry.action == "child.viewed"]
    assert len(views) == 2
    assert {entry.actor for entry in views} == {"Ola Officer"}


def test_a_childs_name_that_looks_like_markup_shows_as_text(
    sent_store: Store,
) -> None:
    stored = sent_store.version_data("1004821")
    data = copy.deepcopy(stored.data)
    data["child"]["first_name"] = "<script>alert(1)</script>"
    data["education"]["setting_name"] = '"><img src=x onerror=alert(2)>'
    sent_store.save_version("1004821", data, expected_version=stored.number)
    client = signed_in(create_app(sent_store))
    for path in ("/children?term=2025-26+summer", f"/children/{child_id(sent_store, '1004821')}"):
        page = client.get(path).text
        assert "<script>alert(1)" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page


def test_an_unknown_child_or_page_is_not_found(officer: TestClient) -> None:
    for path in ("/children/99999", "/returns/not-a-document", "/nowhere"):
        answer = officer.get(path)
        assert answer.status_code == 404, path
        assert "Page not found" in answer.text


def test_a_long_list_of_children_comes_in_pages(
    officer: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pepdocs.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 3)
    first = _text(officer.get("/children", params=SUMMER_QUERY).text)
    assert "10 children: 1 to 3 shown" in first
    last = _text(officer.get("/children", params={**SUMMER_QUERY, "page": "4"}).text)
    assert "10 children: 10 to 10 shown" in last
    beyond = _text(officer.get("/children", params={**SUMMER_QUERY, "page": "99"}).text)
    assert "10 to 10 shown" in beyond


def test_the_overdue_list_is_kept_until_a_pep_gains_a_version(sent_store: Store) -> None:
    workbench = create_app(sent_store).state.workbench
    as_of = dt.date(2026, 4, 20)
    before = {item.la_child_id for item in workbench.overdue(as_of)}
    assert "2018025" in before
    stored = sent_store.version_data("2018025")
    data = copy.deepcopy(stored.data)
    data["meta"]["meeting_date"] = "2026-04-15"
    data["meta"].pop("next_review_date", None)
    sent_store.save_version("2018025", data, expected_version=stored.number)
    after = {item.la_child_id for item in workbench.overdue(as_of)}
    assert after == before - {"2018025"}
