"""Restore: checked candidates only, never under another process, overrides on the record."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from auditapp.core import backup, ownership
from auditapp.core.db import open_database
from auditapp.core.restore import BackupRejected
from auditapp.errors import Refused
from tests.audit_factory import PASSWORD, make_audit, make_user
from tests.conftest import run_as


def cli(*args: str, wait: float = 1.0, process: bool = False):
    """The command line as these tests run it: restore is a writing verb, signed in as anna;
    ``process``: in a child process, where another holder of the database is the point."""
    env = {"AUDITAPP_LOCK_WAIT": str(wait)}
    return run_as("anna", *args, password=PASSWORD, env=env, process=process)


@pytest.fixture
def work(tmp_path: Path) -> tuple[Path, Path]:
    """A database with one audit and a good backup of it."""
    path = tmp_path / "work.sqlite"
    with open_database(path) as db:
        make_user(db)
        make_audit(db)
    good = tmp_path / "good.sqlite"
    backup.backup(path, good)
    return path, good


def _titles(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT title FROM audit ORDER BY id")]


def test_tampered_backup_is_refused_with_the_reason_and_changes_nothing(work, tmp_path):
    path, good = work
    tampered = tmp_path / "tampered.sqlite"
    shutil.copyfile(good, tampered)
    with sqlite3.connect(tampered) as conn:
        conn.execute("UPDATE audit SET title = 'edited with sqlite3'")
    before = path.read_bytes()
    result = cli("restore", str(tampered), "--db", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "audit trail does not match" in lines[0] and "title" in lines[0]
    assert "--accept-damaged --reason" in lines[0]
    assert path.read_bytes() == before
    no_reason = cli("restore", str(tampered), "--db", str(path), "--accept-damaged")
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    assert path.read_bytes() == before


def test_damaged_backup_is_refused_and_an_override_is_recorded_in_the_trail(work, tmp_path):
    path, good = work
    damaged = tmp_path / "damaged.sqlite"
    shutil.copyfile(good, damaged)
    with sqlite3.connect(damaged) as conn:
        conn.execute("UPDATE audit SET title = 'edited with sqlite3'")
    with pytest.raises(BackupRejected, match="audit trail does not match"):
        backup.restore(damaged, path)
    backup.restore(
        damaged, path, accept_damaged="the only copy after the laptop died", actor="anna"
    )
    assert _titles(path) == ["edited with sqlite3"]
    with sqlite3.connect(path) as conn:
        user, action, reason, detail = conn.execute(
            "SELECT user, action, reason, changes FROM trail_entry ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert (user, action, reason) == ("anna", "restore", "the only copy after the laptop died")
    assert "accepted_problems" in detail and "title" in detail


def test_corrupt_backup_is_refused_as_damaged(work, tmp_path):
    path, good = work
    corrupt = tmp_path / "corrupt.sqlite"
    data = bytearray(good.read_bytes())
    for offset in range(4096 * 2, len(data), 5):  # scribble over every page after the second
        data[offset] ^= 0x5A
    corrupt.write_bytes(bytes(data))
    result = cli("restore", str(corrupt), "--db", str(path))
    assert result.returncode in (1, 2) and result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr
    assert _titles(path) == ["Routine audit of Example CRO"]


def test_restore_is_refused_while_another_process_writes_and_no_edit_is_lost(work):
    path, good = work
    writer = open_database(path, writer=True)
    try:
        with writer.session(actor="anna") as s:
            from auditapp.core import audits

            audits.get_audit(s, "AUD-2026-001").title = "edit 1 before the restore"
        result = cli("restore", str(good), "--db", str(path), process=True)
        assert result.returncode == 1
        assert "open for writing" in result.stderr and "nothing was changed" in result.stderr
        with writer.session(actor="anna") as s:
            audits.get_audit(s, "AUD-2026-001").title = "edit 2 after the restore"
    finally:
        writer.close()
    assert _titles(path) == ["edit 2 after the restore"]


def test_restore_is_refused_while_a_reader_has_the_database_open(work):
    path, good = work
    reader = sqlite3.connect(path)  # any other connection: a reader, another tool
    try:
        reader.execute("SELECT count(*) FROM audit").fetchone()
        result = cli("restore", str(good), "--db", str(path), process=True)
    finally:
        reader.close()
    assert result.returncode == 1 and "open in another process" in result.stderr


def test_restore_in_this_process_needs_the_database_closed_first(work):
    path, good = work
    db = open_database(path, writer=True)
    try:
        with pytest.raises(Refused, match="still open in this process"):
            backup.restore(good, path)
    finally:
        db.close()
    with ownership.acquire(path) as lock:
        assert backup.restore(good, path, lock=lock) is not None
