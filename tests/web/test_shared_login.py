"""Shared mode over HTTP (Starlette's TestClient): signing in with a password (the form's own
CSRF token, generic answers, strict HttpOnly cookies, Secure over https), sessions that
expire and follow the account, throttled guessing, signing out and changing one's password,
each in the audit log; local mode's one-time links do not work here."""

from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from pepdocs.store import Store
from pepdocs.store.accounts import Accounts
from pepdocs.store.schema import AuditEntry
from pepdocs.web import create_app, sign_in_link
from pepdocs.web.auth_app import create_shared_app
from pepdocs.web.security import LoginThrottle, Sessions
from tests.web.conftest import OFFICER, csrf_of

QUICK = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _app(store: Store, clock: Clock | None = None, **options: object) -> Starlette:
    Accounts(store, QUICK).add("ola", name="Ola Officer", role="officer", password=PASSWORD)
    if clock is not None:
        options.setdefault("throttle", LoginThrottle(clock=clock))
        options.setdefault("sessions", Sessions(idle=600, absolute=3600, clock=clock))
    return create_shared_app(store, hasher=QUICK, **options)  # type: ignore[arg-type]


def _sign_in(client: TestClient, username: str = "ola", password: str = PASSWORD,
             **headers: str):  # type: ignore[no-untyped-def]
    page = client.get("/login")
    assert page.status_code == 200
    return client.post("/login", data={"csrf": csrf_of(page.text), "username": username,
                                       "password": password},
                       headers=headers, follow_redirects=False)


def _actions(store: Store) -> list[tuple[str, str]]:
    with store.session() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEntry))]


def test_signing_in_with_a_password_sets_a_strict_http_only_session_cookie(
    sent_store: Store,
) -> None:
    client = TestClient(_app(sent_store))
    assert client.get("/").status_code == 401
    assert 'href="/login"' in client.get("/").text
    answer = _sign_in(client)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert "pepdocs_session=" in cookie and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie and "Secure" not in cookie
    dashboard = client.get("/")
    assert dashboard.status_code == 200 and "ola (officer)" in dashboard.text
    assert 'href="/password"' in dashboard.text
    assert ("ola", "login") in _actions(sent_store)


def test_over_https_the_cookies_are_secure(sent_store: Store) -> None:
    client = TestClient(_app(sent_store), base_url="https://testserver")
    page = client.get("/login")
    assert "Secure" in page.headers["set-cookie"]
    answer = _sign_in(client)
    assert answer.status_code == 303 and "Secure" in answer.headers["set-cookie"]


def test_a_wrong_password_or_unknown_name_gets_the_same_answer_and_no_session(
    sent_store: Store,
) -> None:
    client = TestClient(_app(sent_store))
    wrong = _sign_in(client, password="not the password")
    unknown = _sign_in(client, username="nobody")
    for answer in (wrong, unknown):
        assert answer.status_code == 401
        assert "The username or password is not right." in answer.text
        assert "pepdocs_session" not in answer.headers.get("set-cookie", "")
        assert "not the password" not in answer.text
    assert client.get("/").status_code == 401
    assert _actions(sent_store)[-2:] == [("ola", "login.failed"),
                                         ("(no such account)", "login.failed")]


def test_the_sign_in_form_needs_its_csrf_token_and_this_origin(sent_store: Store) -> None:
    client = TestClient(_app(sent_store))
    client.get("/login")
    forged = client.post("/login", data={"csrf": "forged", "username": "ola",
                                         "password": PASSWORD}, follow_redirects=False)
    assert forged.status_code == 403
    other_site = _sign_in(client, origin="https://evil.example")
    assert other_site.status_code == 403
    fresh = TestClient(_app_again(sent_store))  # no cookie from the form at all
    blind = fresh.post("/login", data={"csrf": "", "username": "ola", "password": PASSWORD})
    assert blind.status_code == 403
    assert ("ola", "login") not in _actions(sent_store)


def _app_again(store: Store) -> Starlette:
    return create_shared_app(store, hasher=QUICK)


def test_five_failures_lock_the_account_for_a_growing_while(sent_store: Store) -> None:
    clock = Clock()
    app = _app(sent_store, clock)
    client = TestClient(app)
    for _ in range(5):
        assert _sign_in(client, password="a wrong guess").status_code == 401
    locked = _sign_in(client)  # the right password, but too soon
    assert locked.status_code == 429 and "Too many failed sign-ins" in locked.text
    assert ("ola", "login.refused") in _actions(sent_store)
    clock.now += 31
    assert _sign_in(client, password="a wrong guess").status_code == 401
    clock.now += 31  # the sixth failure locks for 60 seconds, not 30
    assert _sign_in(client).status_code == 429
    clock.now += 30
    assert _sign_in(client).status_code == 303
    # the count starts over (from another browser: this one is signed in)
    assert _sign_in(TestClient(app), password="wrong again").status_code == 401


def test_one_address_guessing_many_accounts_is_slowed_down(sent_store: Store) -> None:
    clock = Clock()
    app = _app(sent_store, clock, throttle=LoginThrottle(clock=clock, free_per_address=8))
    client = TestClient(app)
    for number in range(8):
        assert _sign_in(client, username=f"guess{number}").status_code == 401
    assert _sign_in(client).status_code == 429  # ola's own count is clean: the address is not
    clock.now += 31
    assert _sign_in(client).status_code == 303


def test_a_session_ends_when_idle_and_at_its_absolute_limit(sent_store: Store) -> None:
    clock = Clock()
    client = TestClient(_app(sent_store, clock))
    assert _sign_in(client).status_code == 303
    clock.now += 599
    assert client.get("/").status_code == 200
    clock.now += 601
    assert client.get("/").status_code == 401
    assert _sign_in(client).status_code == 303
    for _ in range(8):
        clock.now += 500
        seen = client.get("/").status_code
    assert seen == 401


def test_a_disabled_account_is_signed_out_and_a_new_role_takes_effect(
    sent_store: Store,
) -> None:
    app = _app(sent_store, sessions=Sessions(recheck=0))
    client = TestClient(app)
    assert _sign_in(client).status_code == 303
    Accounts(sent_store, QUICK).set_role("ola", "read_only")
    assert "ola (read only)" in client.get("/").text
    Accounts(sent_store, QUICK).disable("ola")
    assert client.get("/").status_code == 401
    assert _sign_in(client).status_code == 401


def test_signing_out_ends_the_session_and_is_audited(sent_store: Store) -> None:
    client = TestClient(_app(sent_store))
    _sign_in(client)
    token = csrf_of(client.get("/").text)
    assert client.post("/logout", data={"csrf": token}).status_code == 200
    assert client.get("/").status_code == 401
    assert _actions(sent_store)[-1] == ("ola", "logout")


def test_changing_ones_password_needs_the_current_one_and_ends_other_sessions(
    sent_store: Store,
) -> None:
    app = _app(sent_store)
    here, elsewhere = TestClient(app), TestClient(app)
    _sign_in(here)
    _sign_in(elsewhere)
    form = here.get("/password")
    token = csrf_of(form.text)
    assert 'autocomplete="new-password"' in form.text
    new = "a brand new passphrase"
    forged = here.post("/password", data={"csrf": "x", "current": PASSWORD, "new": new,
                                          "confirm": new})
    assert forged.status_code == 403
    differ = here.post("/password", data={"csrf": token, "current": PASSWORD, "new": new,
                                          "confirm": new + "!"})
    assert differ.status_code == 400 and "not the same" in differ.text
    short = here.post("/password", data={"csrf": token, "current": PASSWORD, "new": "short",
                                         "confirm": "short"})
    assert short.status_code == 400 and "at least 12 characters" in short.text
    assert 'aria-describedby="new-hint new-error"' in short.text
    wrong = here.post("/password", data={"csrf": token, "current": "not it at all",
                                         "new": new, "confirm": new})
    assert wrong.status_code == 400 and "not your current password" in wrong.text
    done = here.post("/password", data={"csrf": token, "current": PASSWORD, "new": new,
                                        "confirm": new})
    assert done.status_code == 200 and "Your password is changed" in done.text
    assert here.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 401
    assert _sign_in(TestClient(app)).status_code == 401
    assert _sign_in(TestClient(app), password=new).status_code == 303
    actions = [action for _, action in _actions(sent_store)]
    assert "password.failed" in actions and "password.changed" in actions


def test_a_one_time_link_signs_nobody_in_in_shared_mode(sent_store: Store) -> None:
    app = _app(sent_store)
    with pytest.raises(ValueError, match="not one-time links"):
        sign_in_link(app, "http://testserver", OFFICER)
    answer = TestClient(app).get("/login/" + "x" * 43, follow_redirects=False)
    assert answer.status_code == 403 and "set-cookie" not in answer.headers
    assert 'href="/login"' in answer.text


def test_local_mode_has_no_password_sign_in(sent_store: Store) -> None:
    client = TestClient(create_app(sent_store))
    assert client.get("/login").status_code == 404
    assert client.get("/password").status_code in (401, 404)
    assert "open the sign-in link" in client.get("/").text


@pytest.mark.parametrize("path", ["/login", "/password"])
def test_the_new_pages_carry_the_security_headers(sent_store: Store, path: str) -> None:
    answer = TestClient(_app(sent_store)).get(path)
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["cache-control"] == "no-store"
    assert re.search(r"<h1>", answer.text)
