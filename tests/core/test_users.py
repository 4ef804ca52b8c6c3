from __future__ import annotations

import pytest
from sqlalchemy import select

from auditapp.core import users
from auditapp.core.models import TrailEntry, User
from auditapp.errors import BadInput, Refused

PASSWORD = "correct-horse-1"


def _make(db, username="anna", role="lead_auditor"):
    with db.session(actor="setup") as s:
        return users.create_user(
            s, username=username, full_name="Anna Becker", role=role, password=PASSWORD
        )


def test_password_is_stored_as_argon2id_hash_only(db):
    user = _make(db)
    assert user.password_hash.startswith("$argon2id$")
    with db.session() as s:
        texts = " ".join(e.changes or "" for e in s.scalars(select(TrailEntry)))
    assert PASSWORD not in texts and user.password_hash not in texts


@pytest.mark.parametrize(
    "bad", ["short1", " leading-space-pw", "aaaaaaaaaaaa", "x" * 300, "tab\there-pass"]
)
def test_password_policy_refuses_weak_passwords(db, bad):
    with pytest.raises(BadInput), db.session() as s:
        users.create_user(s, username="bob", full_name="Bob", role="auditor", password=bad)


def test_new_password_must_differ_from_current(db):
    _make(db)
    with pytest.raises(BadInput, match="differ"):
        users.change_password(db, "anna", PASSWORD, PASSWORD)
    users.change_password(db, "anna", PASSWORD, "another-pass-2")
    assert users.authenticate(db, "anna", "another-pass-2").username == "anna"


def test_account_locks_after_five_failures_and_admin_unlocks(db):
    _make(db)
    admin = _make(db, "root.admin", "admin")
    for attempt in range(1, 6):
        with pytest.raises(Refused):
            users.authenticate(db, "anna", "wrong-password")
        with db.session() as s:
            assert s.scalar(select(User).where(User.username == "anna")).failed_attempts == attempt
    with pytest.raises(Refused, match="locked"):
        users.authenticate(db, "anna", PASSWORD)  # right password, but locked
    with db.session(actor="root.admin") as s:
        users.unlock(s, admin=admin, username="anna")
    assert users.authenticate(db, "anna", PASSWORD).failed_attempts == 0


def test_only_admin_unlocks(db):
    lead = _make(db)
    with pytest.raises(Refused), db.session() as s:
        users.unlock(s, admin=lead, username="anna")


def test_usernames_are_unique_and_well_formed(db):
    _make(db)
    with pytest.raises(BadInput, match="exists"), db.session() as s:
        users.create_user(s, username="ANNA", full_name="A", role="auditor", password=PASSWORD)
    with pytest.raises(BadInput, match="username"), db.session() as s:
        users.create_user(
            s, username="a b'; drop", full_name="A", role="auditor", password=PASSWORD
        )
    with pytest.raises(BadInput, match="role"), db.session() as s:
        users.create_user(s, username="zed", full_name="Z", role="boss", password=PASSWORD)
