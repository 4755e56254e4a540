"""Who sees what: a designated teacher sees only their school's children (another school's
child is not found by URL, list, search or review), and only Virtual School officers change
anything (for others the decision and upload answer 404)."""

from __future__ import annotations

import re
from collections.abc import Callable

from starlette.testclient import TestClient

from pepdocs.store import Store, parse_term
from pepdocs.store.workbench import children
from pepdocs.web import Principal
from tests.web.conftest import SUMMER, csrf_of

Client = Callable[[Principal], TestClient]


def _school_of(store: Store, la_child_id: str) -> tuple[int, str]:
    row = next(r for r in children(store, parse_term(SUMMER)) if r.la_child_id == la_child_id)
    return row.child_id, row.urn


def test_a_designated_teacher_sees_only_their_schools_children(
    client_for: Client, collected_store: Store
) -> None:
    own, urn = _school_of(collected_store, "1004821")
    other, _ = _school_of(collected_store, "2015090")
    teacher = client_for(Principal("Dee Teacher", "designated_teacher", frozenset({urn})))
    listing = teacher.get("/children", params={"term": SUMMER}).text
    assert f'href="/children/{own}"' in listing
    assert f'href="/children/{other}"' not in listing
    searched = teacher.get("/children", params={"term": SUMMER, "q": "O"}).text
    assert f'href="/children/{other}"' not in searched
    assert teacher.get(f"/children/{own}").status_code == 200
    assert teacher.get(f"/children/{other}").status_code == 404
    dashboard = teacher.get("/", params={"term": SUMMER}).text
    assert "1 PEPs this term" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dashboard))


def test_a_designated_teacher_cannot_reach_another_schools_returned_form_or_download(
    client_for: Client, collected_store: Store
) -> None:
    officer = client_for(Principal("Ola Officer", "officer"))
    listing = officer.get("/returns", params={"term": SUMMER}).text
    uid = re.search(r'href="/returns/([0-9a-f-]+)">[^<]*2015090', listing)
    assert uid
    _, urn = _school_of(collected_store, "1004821")
    teacher = client_for(Principal("Dee Teacher", "designated_teacher", frozenset({urn})))
    assert uid.group(1) not in teacher.get("/returns", params={"term": SUMMER}).text
    assert teacher.get(f"/returns/{uid.group(1)}").status_code == 404
    assert teacher.get(f"/documents/{uid.group(1)}").status_code == 404
    unmatched = re.search(r'href="/returns/([0-9a-f-]+)">[^<]*unknown-child', listing)
    assert unmatched
    assert teacher.get(f"/returns/{unmatched.group(1)}").status_code == 404
    assert teacher.get(f"/documents/{unmatched.group(1)}").status_code == 404
    assert officer.get(f"/documents/{unmatched.group(1)}").status_code == 200


def test_only_officers_approve_send_back_or_upload(
    client_for: Client, collected_store: Store
) -> None:
    own, urn = _school_of(collected_store, "1004821")
    for person in (
        Principal("Rae Reader", "read_only"),
        Principal("Dee Teacher", "designated_teacher", frozenset({urn})),
    ):
        client = client_for(person)
        page = client.get(f"/children/{own}").text
        assert "Approve version" not in page and "Send back to school" not in page
        token = csrf_of(page)
        answer = client.post(
            f"/children/{own}/decision",
            data={"csrf": token, "action": "approve", "term": SUMMER, "version": "2"},
        )
        assert answer.status_code == 404
        assert 'type="file"' not in client.get("/returns").text
        upload = client.post("/returns", data={"csrf": token},
                             files=[("forms", ("a.docx", b"x"))])
        assert upload.status_code == 404
    assert collected_store.version_data("1004821").summary.state == "returned"
