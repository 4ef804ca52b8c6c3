"""Attributable changes from the command line (21 CFR 11.10(d)/(e), 11.300)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests import evidence_files as ef
from tests.audit_factory import mini_checklist
from tests.conftest import DATA, USER_PASSWORD, make_user, run_as, run_cli

REF = "AUD-2026-001"


@pytest.fixture
def dbfile(db) -> str:
    from auditapp.core import audits

    make_user(db, "anna", role="auditor", full_name="Anna Auditor")
    with db.session(actor="anna") as s:
        audits.create_audit(
            s,
            title="CLI",
            audit_type="vendor_qualification",
            checklist=mini_checklist(),
            reference=REF,
        )
    return str(db.path)


def _trail(path: str) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT user, action, entity FROM trail_entry ORDER BY id").fetchall()


@pytest.mark.parametrize(
    "verb",
    [
        ["evidence", "add", REF, "{photo}"],
        ["evidence", "remove", REF, "E-001", "--reason", "wrong audit"],
        ["checklist", "import", str(DATA / "mini-checklist.yaml")],
        ["user", "unlock", "anna"],
        ["user", "cert", "anna", "-o", "{out}"],
    ],
)
def test_writing_verbs_refuse_without_a_sign_in(dbfile, tmp_path: Path, verb) -> None:
    photo = ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())
    args = [a.format(photo=photo, out=tmp_path / "c.pem") for a in verb]
    before = _trail(dbfile)
    result = run_cli("--db", dbfile, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and "--user" in result.stderr
    assert _trail(dbfile) == before  # nothing written


def test_a_write_is_recorded_under_the_signed_in_user_never_cli(dbfile, tmp_path: Path) -> None:
    photo = ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())
    added = run_as("anna", "--db", dbfile, "evidence", "add", REF, str(photo))
    assert added.returncode == 0, added.stderr
    removed = run_as("anna", "--db", dbfile, "evidence", "remove", REF, "E-001", "--reason", "x")
    assert removed.returncode == 0, removed.stderr
    rows = _trail(dbfile)
    assert not any(user == "cli" for user, _a, _e in rows)
    assert ("anna", "insert", "evidence") in rows
    assert ("anna", "update", "evidence") in rows
    wrong = run_as(
        "anna", "--db", dbfile, "evidence", "add", REF, str(photo), password="nope-nope-1"
    )
    assert wrong.returncode == 1 and "wrong username or password" in wrong.stderr


def test_a_failed_sign_in_with_an_unknown_name_is_recorded(dbfile, tmp_path: Path) -> None:
    photo = ef.write(tmp_path, "a.jpg", ef.jpeg_bytes())
    result = run_as("mallory", "--db", dbfile, "evidence", "add", REF, str(photo))
    assert result.returncode == 1 and "wrong username or password" in result.stderr
    assert ("mallory", "sign-in-failed", "user") in _trail(dbfile)
    assert run_cli("--db", dbfile, "trail", "verify").returncode == 0


def test_user_add_and_unlock_need_an_administrator_signed_in(dbfile) -> None:
    from auditapp.core.db import open_database

    with open_database(dbfile) as db:
        make_user(db, "root.admin", role="admin")
    made = run_as(
        "root.admin",
        "--db",
        dbfile,
        "user",
        "add",
        "bert",
        "--full-name",
        "Bert",
        "--role",
        "auditor",
        stdin="bert-password-1\n",
    )
    assert made.returncode == 0, made.stderr
    assert ("root.admin", "insert", "user") in _trail(dbfile)
    not_admin = run_as(
        "anna",
        "--db",
        dbfile,
        "user",
        "add",
        "carl",
        "--full-name",
        "Carl",
        "--role",
        "auditor",
        stdin="carl-password-1\n",
    )
    assert not_admin.returncode == 1 and "not an administrator" in not_admin.stderr
    unlocked = run_as("root.admin", "--db", dbfile, "user", "unlock", "anna")
    assert unlocked.returncode == 0, unlocked.stderr
    assert USER_PASSWORD not in Path(dbfile).read_bytes().decode("latin-1")
