"""Migration 0011: a per-field trail (schema 0010) becomes the compact trail, honestly re-chained."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import select

from auditapp.core import checkpoint, trail, trail_format, trail_pins
from auditapp.core import db as dbmod
from auditapp.core.models import TrailEntry

FIXTURE = Path(__file__).parents[1] / "data" / "schemas" / "0001.sqlite"
AT = "2026-11-26T09:00:00.000000+00:00"


def _legacy_database(tmp_path: Path) -> Path:
    """A database at schema 0010 (the last with one trail row per field), with its trail."""
    path = tmp_path / "legacy.sqlite"
    shutil.copyfile(FIXTURE, path)
    engine = dbmod._make_engine(path, foreign_keys=False, passphrase=None, pooled=False)
    try:
        with engine.connect() as connection:
            command.upgrade(dbmod._alembic_config(connection), "0010")  # type: ignore[arg-type]
    finally:
        engine.dispose()
    assert dbmod.current_revision(path) == "0010"
    return path


def _legacy_lines(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT at, user, action, entity, entity_id, field, old_value, "
            "new_value, reason, hash FROM trail_entry ORDER BY id"
        ).fetchall()


def _seal_legacy_head(path: Path) -> None:
    """What the app did at schema 0010: a keyed checkpoint on the head, remembered here."""
    key = checkpoint.installation_key()
    assert key is not None
    with sqlite3.connect(path) as conn:
        position, head = conn.execute(
            "SELECT id, hash FROM trail_entry ORDER BY id DESC LIMIT 1"
        ).fetchone()
        row = {
            "position": position,
            "head": head,
            "at": AT,
            "user": "fixture",
            "key_id": checkpoint.key_id(key),
            "prev_mac": "",
            "mac": checkpoint.seal(
                key, position=position, head=head, at=AT, user="fixture", prev_mac=""
            ),
        }
        conn.execute(
            "INSERT INTO trail_checkpoint (position, head, at, user, key_id, prev_mac, "
            "mac) VALUES (:position, :head, :at, :user, :key_id, :prev_mac, :mac)",
            row,
        )
    checkpoint.remember(path, row)


def _conversion_record(database) -> dict:
    with database.session() as s:
        entry = s.scalars(select(TrailEntry).where(TrailEntry.action == "convert")).one()
        return json.loads(entry.changes)


def test_per_field_trail_is_converted_with_every_value_and_checks_clean(tmp_path, _isolated_home):
    path = _legacy_database(tmp_path)
    _seal_legacy_head(path)
    old = _legacy_lines(path)
    database = dbmod.open_database(path)
    try:
        with database.session() as s:
            rows = list(s.scalars(select(TrailEntry).order_by(TrailEntry.id)))
        assert len(rows) < len(old) / 5  # one row per change, not per field
        lines = [line for line in trail_format.expand_all(rows) if line.action != "convert"]
        assert [
            (
                li.at,
                li.user,
                li.action,
                li.entity,
                li.entity_id,
                li.field,
                li.old_value,
                li.new_value,
                li.reason,
            )
            for li in lines
        ] == [tuple(o[:9]) for o in old]
        record = _conversion_record(database)
        assert record["old_entries"] == len(old) and record["old_head"] == old[-1][9]
        assert record["problems"] == [] and record["old_chain"] == "intact"
        assert record["old_checkpoints"]["checked_with_this_computers_key"] == 1
        # Chain, rows, pins, and a fresh checkpoint over the converted trail (anchored here).
        assert trail_pins.check_database(database).problems == ()
        with database.session(actor="anna") as s:
            s.scalars(select(TrailEntry)).first()
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT count(*) FROM trail_checkpoint").fetchone()[0] == 1
    finally:
        database.close()
    backups = list((_isolated_home / "backups").glob("legacy-*-before-schema-*.sqlite"))
    assert len(backups) == 1 and _legacy_lines(backups[0]) == old  # the old trail, kept as it was


def test_a_tampered_per_field_trail_stays_reported_after_the_conversion(tmp_path, _isolated_home):
    path = _legacy_database(tmp_path)
    _seal_legacy_head(path)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER trail_entry_no_update")
        conn.execute("UPDATE trail_entry SET new_value = 'forged' WHERE id = 20")
        entity, entity_id, field = conn.execute(
            "SELECT entity, entity_id, field FROM trail_entry WHERE id = 20"
        ).fetchone()
    database = dbmod.open_database(path)
    try:
        problems = trail_pins.check_database(database).problems
        assert any(
            "found when the trail was converted" in p
            and "old trail entry 20 " in p
            and f"{entity} {entity_id} field {field!r}" in p
            for p in problems
        )
        assert _conversion_record(database)["old_chain"] == "problems found"
    finally:
        database.close()


def test_a_legacy_checkpoint_forged_or_removed_is_recorded(tmp_path, _isolated_home):
    path = _legacy_database(tmp_path)
    _seal_legacy_head(path)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER trail_checkpoint_no_delete")
        conn.execute("DELETE FROM trail_checkpoint")  # the newest checkpoint this computer wrote
    database = dbmod.open_database(path)
    try:
        problems = trail_pins.check_database(database).problems
        assert any(
            "the newest checkpoint this computer wrote" in p and "converted" in p for p in problems
        )
    finally:
        database.close()


def test_heads_pinned_by_signed_reports_are_mapped_to_the_rows_that_hold_them(
    tmp_path, _isolated_home
):
    path = _legacy_database(tmp_path)
    with sqlite3.connect(path) as conn:
        # A head from the middle of one insert (rows 98-114 are finding 2's fields).
        inner = conn.execute("SELECT hash FROM trail_entry WHERE id = 110").fetchone()[0]
        data = b"%PDF-1.7 signed"
        for number, head in ((1, inner), (2, "ab" * 32)):
            conn.execute(
                "INSERT INTO report_version (audit_id, version, format, language, file_bytes, "
                "sha256, trail_head, created_at, created_by, reopen_reason) "
                "VALUES (1, ?, 'pdf', 'en', ?, ?, ?, '2026-11-26 09:00:00.000000', 'x', '')",
                (number, data, hashlib.sha256(data).hexdigest(), head),
            )
    database = dbmod.open_database(path)
    try:
        record = _conversion_record(database)
        with database.session() as s:
            holder = s.get(TrailEntry, record["pinned_heads"][inner])
            assert holder.action == "insert" and holder.entity == "finding"
            assert holder.entity_id == "2"
        with database.engine.connect() as connection:
            problems = [str(p) for p in trail_pins.verify(connection)]
        # The real pin is found through the conversion record; the made-up one is not.
        assert problems == [
            "report_version 2 field 'trail_head': the trail head this signed "
            "report pins is no longer in the trail (the trail was rewritten)"
        ]
    finally:
        database.close()


def test_a_new_database_has_no_conversion_row(db):
    with db.engine.connect() as connection:
        assert trail.verify(connection) == []
        assert (
            connection.execute(select(TrailEntry).where(TrailEntry.action == "convert")).first()
            is None
        )
