"""Administration without the window: the first administrator, recovery code, roles, resets,
and the `user passwd` / `user recover` verbs."""

from __future__ import annotations

import pytest
from conftest import run_cli
from sqlalchemy import select

from auditapp.core import users
from auditapp.core.models import TrailEntry, User
from auditapp.errors import BadInput, Refused

PASSWORD = "correct-horse-1"
NEW = "battery-staple-2"


def _first_admin(db) -> str:
    with db.session(actor="root") as s:
        _user, code = users.create_first_administrator(
            s, username="root", full_name="Ria Root", password=PASSWORD
        )
    return code


def _lock(db, username: str) -> None:
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(Refused):
            users.authenticate(db, username, "wrong-password")


def test_first_account_is_an_administrator_with_a_hashed_recovery_code(db):
    code = _first_admin(db)
    assert len(users._normalise_code(code)) == 25
    with db.session() as s:
        root = users.find_user(s, "root")
        assert root.role == "admin"
        assert root.recovery_hash.startswith("$argon2id$")
        trail = " ".join(e.changes or "" for e in s.scalars(select(TrailEntry)))
    assert code not in trail and users._normalise_code(code) not in trail
    with pytest.raises(Refused), db.session() as s:
        users.create_first_administrator(s, username="eve", full_name="Eve", password=PASSWORD)


def test_locked_single_administrator_recovers_with_the_code_once(db):
    code = _first_admin(db)
    _lock(db, "root")
    with pytest.raises(Refused, match="locked"):
        users.authenticate(db, "root", PASSWORD)
    with pytest.raises(Refused, match="recovery code"):
        users.recover_administrator(db, "root", "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", NEW)
    # Typed in lower case without dashes: still accepted.
    next_code = users.recover_administrator(db, "root", code.lower().replace("-", ""), NEW)
    assert next_code != code
    assert users.authenticate(db, "root", NEW).username == "root"
    with pytest.raises(Refused):  # the old code is spent
        users.recover_administrator(db, "root", code, "third-password-3")


def test_administrator_sets_roles_resets_and_deactivates(db):
    _first_admin(db)
    with db.session(actor="root") as s:
        admin = users.find_user(s, "root")
        users.create_user(s, username="qa", full_name="Quinn QA", role="auditor", password=PASSWORD)
        users.set_role(s, admin=admin, username="qa", role="reviewer")
        with pytest.raises(Refused, match="last administrator"):
            users.set_role(s, admin=admin, username="root", role="auditor")
        with pytest.raises(Refused, match="last administrator"):
            users.set_active(s, admin=admin, username="root", active=False)
    _lock(db, "qa")
    with db.session(actor="root") as s:
        admin = users.find_user(s, "root")
        old_cert = users.find_user(s, "qa").certificate_pem
        with pytest.raises(BadInput):
            users.reset_password(s, admin=admin, username="qa", new_password="short")
    with db.session(actor="root") as s:
        admin = users.find_user(s, "root")
        users.reset_password(s, admin=admin, username="qa", new_password=NEW)
    with db.session() as s:
        qa = users.find_user(s, "qa")
        assert qa.role == "reviewer" and not qa.locked and qa.certificate_pem != old_cert
    assert users.authenticate(db, "qa", NEW).username == "qa"
    with db.session(actor="qa") as s:
        qa = users.find_user(s, "qa")
        with pytest.raises(Refused):
            users.set_role(s, admin=qa, username="root", role="auditor")


def test_cli_passwd_and_recover(tmp_path):
    from auditapp.core.db import open_database

    path = tmp_path / "a.sqlite"
    database = open_database(path)
    code = _first_admin(database)
    database.close()
    done = run_cli(
        "--db",
        str(path),
        "user",
        "passwd",
        "root",
        "--password-stdin",
        stdin=f"{PASSWORD}\n{NEW}\n",
    )
    assert done.returncode == 0, done.stderr
    bad = run_cli(
        "--db",
        str(path),
        "user",
        "recover",
        "root",
        "--password-stdin",
        stdin=f"not-the-code\n{PASSWORD}\n",
    )
    assert bad.returncode == 1 and bad.stderr.startswith("error:") and "Traceback" not in bad.stderr
    done = run_cli(
        "--db",
        str(path),
        "user",
        "recover",
        "root",
        "--password-stdin",
        stdin=f"{code}\n{PASSWORD}\n",
    )
    assert done.returncode == 0, done.stderr
    next_code = done.stdout.strip().splitlines()[-1]
    assert len(users._normalise_code(next_code)) == 25 and next_code != code
    database = open_database(path)
    try:
        assert users.authenticate(database, "root", PASSWORD).username == "root"
        with database.session() as s:
            assert s.scalar(select(User.role).where(User.username == "root")) == "admin"
    finally:
        database.close()
