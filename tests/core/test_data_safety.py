"""Damaged files are never written to; automatic backups rotate; restore is exact."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from auditapp.core import backup
from auditapp.core.db import DamagedDatabase, open_database
from tests.conftest import run_as, run_cli


def _damage(path):
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over a few pages in the middle: a torn write or a bad sector.
    for offset in range(len(data) // 2, len(data) // 2 + 3 * page, 7):
        data[offset] = (data[offset] + 113) % 256
    path.write_bytes(bytes(data))


def test_damaged_database_is_refused_untouched_and_names_the_latest_backup(demo_template, tmp_path):
    path = tmp_path / "work.sqlite"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    made = backup.automatic_backup(db, force=True)
    db.close()
    _damage(path)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabase) as info:
        open_database(path)
    assert info.value.latest_backup == made
    assert str(made) in str(info.value)
    assert path.read_bytes() == before
    result = run_cli("list", "--db", str(path))
    assert result.returncode == 1 and "damaged" in result.stderr and "restore" in result.stderr
    restored = run_as(
        "demo.lead", "restore", str(made), "--db", str(path), password="demo-password-1"
    )
    assert restored.returncode == 0, restored.stderr
    assert run_cli("trail", "verify", "--db", str(path)).returncode == 0


def test_automatic_backups_rotate_and_run_at_most_daily(demo_template, tmp_path):
    path = tmp_path / "work.sqlite"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    try:
        first = backup.automatic_backup(db)
        assert first is not None
        assert backup.automatic_backup(db) is None  # not again within a day
        for _ in range(4):
            backup.automatic_backup(db, keep=3, force=True)
        kept = backup.automatic_backups(path)
        assert len(kept) == 3 and first not in kept
        with sqlite3.connect(kept[-1]) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


def test_restore_brings_back_exactly_the_backed_up_state(demo_template, tmp_path):
    path = tmp_path / "work.sqlite"
    shutil.copyfile(demo_template, path)
    copy = tmp_path / "copy.sqlite"
    backup.backup(path, copy)
    with sqlite3.connect(copy) as conn:
        expected = list(conn.iterdump())
    db = open_database(path)
    with db.session(actor="x") as s:
        from auditapp.core.models import Finding

        s.query(Finding).first().title = "changed after the backup"
    db.close()
    aside = backup.restore(copy, path)
    assert aside is not None and aside.exists()
    with sqlite3.connect(path) as conn:
        restored = list(conn.iterdump())
        last = conn.execute("SELECT action, entity FROM trail_entry ORDER BY id DESC LIMIT 1")
        assert last.fetchone() == ("restore", "database")  # the restore itself is in the trail
    # The restore's own trail entry and the keyed checkpoint that seals it are the only additions.
    added = [line for line in restored if line not in expected]
    assert len(added) == 2
    assert any("'restore','database'" in line for line in added)
    assert any('INSERT INTO "trail_checkpoint"' in line for line in added)
    assert [line for line in restored if line not in added] == expected
