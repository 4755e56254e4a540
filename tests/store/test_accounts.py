"""The workbench's accounts in the store: added with a role (and a designated teacher's
schools), the password kept only as an Argon2id hash, signing in checked and recorded in the
audit log (never the password typed), disabled rather than deleted."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from pepdocs.errors import UsageError
from pepdocs.store import NotFoundError, Store
from pepdocs.store.accounts import UNKNOWN, Accounts
from pepdocs.store.schema import Account, AuditEntry

#: argon2id with small costs, so the tests hash quickly (the server uses the library's
#: defaults); hashes made with either verify with either
QUICK = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"


def _audit(store: Store) -> list[AuditEntry]:
    with store.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


@pytest.fixture
def accounts(store: Store) -> Accounts:
    return Accounts(store, QUICK)


def test_an_account_keeps_an_argon2id_hash_never_the_password(accounts: Accounts) -> None:
    added = accounts.add("Ola.Officer", name="Ola Officer", role="officer", password=PASSWORD)
    assert (added.username, added.name, added.role, added.schools) == (
        "ola.officer", "Ola Officer", "officer", ())
    with accounts.store.session() as session:
        [row] = session.scalars(select(Account)).all()
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
    [entry] = _audit(accounts.store)
    assert (entry.actor, entry.action, entry.reason) == (
        "tester", "account.added", "ola.officer: officer")


def test_a_designated_teacher_needs_a_school_and_nobody_else_has_one(accounts: Accounts) -> None:
    with pytest.raises(UsageError, match="needs the URN of their school"):
        accounts.add("dee", name="Dee", role="designated_teacher", password=PASSWORD)
    with pytest.raises(UsageError, match="only a designated teacher"):
        accounts.add("ola", name="Ola", role="officer", password=PASSWORD, schools=["100001"])
    with pytest.raises(UsageError, match="by its URN"):
        accounts.add("dee", name="Dee", role="designated_teacher", password=PASSWORD,
                     schools=["Ashdown Primary"])
    teacher = accounts.add("dee@school.example", name="Dee", role="designated_teacher",
                           password=PASSWORD, schools=["100002", "100001", "100001"])
    assert teacher.schools == ("100001", "100002")


def test_bad_usernames_short_passwords_and_duplicates_are_refused(accounts: Accounts) -> None:
    with pytest.raises(UsageError, match="a username is"):
        accounts.add("ola officer", name="Ola", role="officer", password=PASSWORD)
    with pytest.raises(UsageError, match="at least 12 characters"):
        accounts.add("ola", name="Ola", role="officer", password="short")
    with pytest.raises(UsageError, match="must not be the username"):
        accounts.add("ola.officer.x", name="Ola", role="officer", password="OLA.OFFICER.X")
    with pytest.raises(UsageError, match="role 'admin'"):
        accounts.add("ola", name="Ola", role="admin", password=PASSWORD)
    accounts.add("ola", name="Ola", role="officer", password=PASSWORD)
    with pytest.raises(UsageError, match="there is one already"):
        accounts.add("OLA", name="Ola again", role="read_only", password=PASSWORD)
    assert [a.username for a in accounts.list_all()] == ["ola"]


def test_signing_in_checks_the_password_and_records_who_from_where(accounts: Accounts) -> None:
    accounts.add("ola", name="Ola Officer", role="officer", password=PASSWORD)
    wrong = accounts.sign_in("ola", "not the password at all", client="192.0.2.7")
    assert wrong.account is None and wrong.problem == "wrong password"
    right = accounts.sign_in(" OLA ", PASSWORD, client="192.0.2.7")
    assert right.account is not None and right.account.username == "ola"
    assert accounts.get("ola").last_login_at is not None
    entries = _audit(accounts.store)[1:]
    assert [(e.actor, e.action, e.reason) for e in entries] == [
        ("ola", "login.failed", "from 192.0.2.7: wrong password"),
        ("ola", "login", "from 192.0.2.7"),
    ]


def test_a_failed_sign_in_never_records_the_password_or_an_unknown_name(
    accounts: Accounts,
) -> None:
    accounts.add("ola", name="Ola Officer", role="officer", password=PASSWORD)
    accounts.sign_in("ola", "typed-secret-1234", client="192.0.2.7")
    unknown = accounts.sign_in("typed-secret-5678", "x", client="192.0.2.8")
    assert unknown.account is None and unknown.problem == "no such account"
    for entry in _audit(accounts.store):
        written = " ".join(str(value) for value in vars(entry).values())
        assert "typed-secret" not in written
    assert _audit(accounts.store)[-1].actor == UNKNOWN


def test_a_disabled_account_cannot_sign_in_until_enabled(accounts: Accounts) -> None:
    accounts.add("ola", name="Ola", role="officer", password=PASSWORD)
    assert accounts.disable("ola").disabled
    refused = accounts.sign_in("ola", PASSWORD, client="192.0.2.7")
    assert refused.account is None and refused.problem == "account disabled"
    assert not accounts.any_enabled()
    accounts.enable("ola")
    assert accounts.sign_in("ola", PASSWORD, client="192.0.2.7").account is not None
    actions = [entry.action for entry in _audit(accounts.store)]
    assert actions == ["account.added", "account.disabled", "login.failed", "account.enabled",
                       "login"]


def test_a_role_and_schools_change_and_a_missing_account_is_not_found(
    accounts: Accounts,
) -> None:
    accounts.add("dee", name="Dee", role="read_only", password=PASSWORD)
    changed = accounts.set_role("dee", "designated_teacher", ["100001"])
    assert (changed.role, changed.schools) == ("designated_teacher", ("100001",))
    assert accounts.set_role("dee", "officer").schools == ()
    with pytest.raises(NotFoundError, match="account nobody: not in the store"):
        accounts.set_role("nobody", "officer")
    assert accounts.find("nobody") is None and accounts.find("not a name!") is None


def test_a_person_changes_their_password_only_knowing_the_current_one(
    accounts: Accounts,
) -> None:
    accounts.add("ola", name="Ola", role="officer", password=PASSWORD)
    assert not accounts.change_password("ola", "a wrong guess here", "a brand new passphrase")
    assert accounts.change_password("ola", PASSWORD, "a brand new passphrase")
    assert accounts.sign_in("ola", PASSWORD, client="x").account is None
    assert accounts.sign_in("ola", "a brand new passphrase", client="x").account is not None
    with pytest.raises(UsageError, match="at least 12"):
        accounts.change_password("ola", "a brand new passphrase", "short")
    accounts.set_password("ola", "set by the administrator")
    assert accounts.sign_in("ola", "set by the administrator", client="x").account is not None


def test_a_hash_made_with_other_costs_is_remade_with_the_current_ones_at_sign_in(
    store: Store,
) -> None:
    Accounts(store, QUICK).add("ola", name="Ola", role="officer", password=PASSWORD)
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    assert Accounts(store, stronger).sign_in("ola", PASSWORD, client="x").account is not None
    with store.session() as session:
        digest = session.scalars(select(Account.password_hash)).one()
    assert "m=16,t=2,p=1" in digest
