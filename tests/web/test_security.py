"""Signing in and the protections around every page: one-time links, session cookies,
CSRF tokens, origins and hosts, security headers."""

from __future__ import annotations

from starlette.testclient import TestClient

from pepdocs.store import Store
from pepdocs.web import Principal, create_app, sign_in_link
from pepdocs.web.security import LoginLinks, Sessions
from tests.web.conftest import OFFICER, SUMMER, child_id, csrf_of, signed_in


class Clock:
    """A clock the test moves on (the links and sessions read time through it)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_every_page_needs_a_signed_in_session(sent_store: Store) -> None:
    client = TestClient(create_app(sent_store))
    for path in ("/", "/children", "/children/1", "/returns", "/returns/x"):
        answer = client.get(path)
        assert answer.status_code == 401, path
        assert "open the sign-in link" in answer.text


def test_a_sign_in_link_works_once_and_sets_a_strict_http_only_cookie(sent_store: Store) -> None:
    app = create_app(sent_store)
    path = sign_in_link(app, "http://testserver", OFFICER).removeprefix("http://testserver")
    first = TestClient(app).get(path, follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/"
    cookie = first.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    again = TestClient(app).get(path, follow_redirects=False)
    assert again.status_code == 403
    assert "used already or has expired" in again.text
    assert "set-cookie" not in again.headers


def test_the_cookie_is_secure_when_served_over_https(sent_store: Store) -> None:
    app = create_app(sent_store, secure=True)
    path = sign_in_link(app, "https://testserver", OFFICER).removeprefix("https://testserver")
    answer = TestClient(app, base_url="https://testserver").get(path, follow_redirects=False)
    assert "Secure" in answer.headers["set-cookie"]


def test_a_link_expires_and_a_session_ends_when_idle() -> None:
    clock = Clock()
    links = LoginLinks(lifetime=60, clock=clock)
    token = links.issue(OFFICER)
    clock.now += 61
    assert links.redeem(token) is None
    sessions = Sessions(idle=600, absolute=3600, clock=clock)
    sid = sessions.start(OFFICER)
    clock.now += 599
    assert sessions.get(sid) is not None
    clock.now += 601
    assert sessions.get(sid) is None


def test_a_session_ends_at_its_absolute_limit_however_busy() -> None:
    clock = Clock()
    sessions = Sessions(idle=600, absolute=1000, clock=clock)
    sid = sessions.start(OFFICER)
    for _ in range(4):
        clock.now += 300
        seen = sessions.get(sid)
    assert seen is None


def test_an_unknown_or_forged_cookie_is_not_a_session(sent_store: Store) -> None:
    client = TestClient(create_app(sent_store), cookies={"pepdocs_session": "forged"})
    assert client.get("/").status_code == 401


def test_a_post_without_the_sessions_csrf_token_changes_nothing(collected_store: Store) -> None:
    client = signed_in(create_app(collected_store))
    child = child_id(collected_store, "2011648")
    for token in ("", "another-token"):
        answer = client.post(
            f"/children/{child}/decision",
            data={"csrf": token, "action": "approve", "term": SUMMER, "version": "2"},
        )
        assert answer.status_code == 403
    assert collected_store.version_data("2011648").summary.state == "returned"


def test_a_post_from_another_origin_is_refused(collected_store: Store) -> None:
    client = signed_in(create_app(collected_store))
    child = child_id(collected_store, "2011648")
    token = csrf_of(client.get(f"/children/{child}").text)
    answer = client.post(
        f"/children/{child}/decision",
        data={"csrf": token, "action": "approve", "term": SUMMER, "version": "2"},
        headers={"Origin": "http://evil.example"},
    )
    assert answer.status_code == 403
    assert collected_store.version_data("2011648").summary.state == "returned"


def test_a_request_for_another_host_name_is_refused(sent_store: Store) -> None:
    client = TestClient(create_app(sent_store), base_url="http://rebound.example")
    assert client.get("/").status_code == 400


def test_every_page_forbids_framing_sniffing_referrers_caching_and_foreign_scripts(
    sent_store: Store,
) -> None:
    client = signed_in(create_app(sent_store))
    for path in ("/", "/children", "/nowhere"):
        headers = client.get(path).headers
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["cache-control"] == "no-store"
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_signing_out_ends_the_session(sent_store: Store) -> None:
    client = signed_in(create_app(sent_store))
    token = csrf_of(client.get("/").text)
    answer = client.post("/logout", data={"csrf": token})
    assert answer.status_code == 200 and "You are signed out" in answer.text
    assert client.get("/").status_code == 401


def test_a_designated_teacher_needs_a_school() -> None:
    import pytest

    with pytest.raises(ValueError, match="URN"):
        Principal("Dee Teacher", "designated_teacher")
