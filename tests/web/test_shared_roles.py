"""Who sees what, in shared mode: the role tests of local mode (tests/web/test_roles.py), run
again with each person signed in with an account and a password instead of a one-time link,
so their role and schools come from the account."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from argon2 import PasswordHasher
from starlette.testclient import TestClient

from pepdocs.store import Store
from pepdocs.store.accounts import Accounts
from pepdocs.web import Principal
from pepdocs.web.auth_app import create_shared_app
from tests.web.conftest import csrf_of
from tests.web.test_roles import (
    test_a_designated_teacher_cannot_reach_another_schools_returned_form_or_download,
    test_a_designated_teacher_sees_only_their_schools_children,
    test_only_officers_approve_send_back_or_upload,
)

__all__ = [
    "test_a_designated_teacher_cannot_reach_another_schools_returned_form_or_download",
    "test_a_designated_teacher_sees_only_their_schools_children",
    "test_only_officers_approve_send_back_or_upload",
]

QUICK = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"


@pytest.fixture
def client_for(collected_store: Store) -> Callable[[Principal], TestClient]:
    """A client signed in with a password, as an account made for ``principal``."""
    app = create_shared_app(collected_store, hasher=QUICK)
    accounts = Accounts(collected_store, QUICK)

    def signed_in(principal: Principal) -> TestClient:
        username = principal.user.lower().replace(" ", ".")
        if accounts.find(username) is None:
            accounts.add(username, name=principal.user, role=principal.role,
                         schools=sorted(principal.schools or ()), password=PASSWORD)
        client = TestClient(app)
        token = csrf_of(client.get("/login").text)
        answer = client.post("/login", data={"csrf": token, "username": username,
                                             "password": PASSWORD}, follow_redirects=False)
        assert answer.status_code == 303
        assert f"{username} ({principal.role.replace('_', ' ')})" in client.get("/").text
        return client

    return signed_in
