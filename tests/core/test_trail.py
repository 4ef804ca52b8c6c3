from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import select

from auditapp.core import trail, trail_format
from auditapp.core.models import Organisation, TrailEntry


def _verify(database) -> list[trail.Problem]:
    with database.engine.connect() as connection:
        return trail.verify(connection)


def _rows(database) -> list[TrailEntry]:
    with database.session() as session:
        return list(session.scalars(select(TrailEntry).order_by(TrailEntry.id)))


def _entries(database) -> list[trail_format.Line]:
    """One line per field, as the trail view and the export read the compact rows."""
    return trail_format.expand_all(_rows(database))


def test_insert_update_delete_are_recorded_with_actor_values_and_reason(db):
    with db.session(actor="anna") as s:
        org = Organisation(kind="cro", legal_name="Northwind")
        s.add(org)
    with db.session(actor="ben") as s:
        s.get(Organisation, org.id).legal_name = "Northwind Ltd."
    with db.session(actor="carla", reason="duplicate entry") as s:
        s.delete(s.get(Organisation, org.id))

    entries = _entries(db)
    inserts = [e for e in entries if e.action == "insert"]
    assert {e.field for e in inserts} >= {"id", "kind", "legal_name"}
    assert all(e.user == "anna" and e.entity == "organisation" for e in inserts)
    update = next(e for e in entries if e.action == "update")
    assert (update.user, update.field, update.old_value, update.new_value) == (
        "ben",
        "legal_name",
        "Northwind",
        "Northwind Ltd.",
    )
    delete = next(e for e in entries if e.action == "delete")
    assert delete.user == "carla" and delete.reason == "duplicate entry"
    assert "Northwind Ltd." in delete.old_value
    assert _verify(db) == []


def test_rolled_back_change_leaves_no_trail(db):
    before = len(_entries(db))
    with pytest.raises(RuntimeError), db.session(actor="x") as s:
        s.add(Organisation(kind="cro", legal_name="Ghost"))
        s.flush()
        raise RuntimeError("crash mid-edit")
    assert len(_entries(db)) == before


def test_each_change_is_one_row_chained_to_the_previous_rows_hash(db):
    with db.session(actor="a") as s:
        s.add(Organisation(kind="cro", legal_name="A"))
        s.add(Organisation(kind="sponsor", legal_name="B"))
    rows = _rows(db)
    assert [r.action for r in rows] == ["insert", "insert"]  # all fields of a row in one entry
    assert json.loads(rows[0].changes)["legal_name"] == "A"
    prev = trail_format.GENESIS
    for row in rows:
        assert isinstance(row.hash, bytes) and len(row.hash) == 32
        assert row.hash == trail_format.entry_hash(
            prev, row.at, row.user, row.action, row.entity, row.entity_id, row.changes, row.reason
        )
        prev = row.hash
    with sqlite3.connect(db.path) as raw:
        columns = {r[1] for r in raw.execute("PRAGMA table_info(trail_entry)")}
    assert "prev_hash" not in columns and "field" not in columns


def _raw_without_triggers(database) -> sqlite3.Connection:
    raw = sqlite3.connect(database.path)
    raw.execute("DROP TRIGGER trail_entry_no_update")
    raw.execute("DROP TRIGGER trail_entry_no_delete")
    return raw


def test_forged_compact_row_is_named_with_its_entity_and_field(demo_db):
    raw = _raw_without_triggers(demo_db)
    row_id, entity_id, changes = raw.execute(
        "SELECT id, entity_id, changes FROM trail_entry WHERE entity = 'finding' "
        "AND action = 'update' ORDER BY id LIMIT 1"
    ).fetchone()
    field = next(iter(json.loads(changes)))
    forged = json.loads(changes)
    forged[field][1] = "forged value"
    raw.execute("UPDATE trail_entry SET changes = ? WHERE id = ?", (json.dumps(forged), row_id))
    raw.commit()
    raw.close()
    broken = [p for p in _verify(demo_db) if "chain broken" in p.message]
    assert len(broken) == 1  # only the forged row: its successor still links to its stored hash
    assert (broken[0].entity, broken[0].entity_id) == ("finding", entity_id)
    assert f"trail entry {row_id} " in broken[0].message and field in broken[0].message


def test_deleted_compact_row_is_found(demo_db):
    raw = _raw_without_triggers(demo_db)
    raw.execute("DELETE FROM trail_entry WHERE id = 7")
    raw.commit()
    raw.close()
    problems = _verify(demo_db)
    assert any(
        p.entity == "trail_entry" and p.entity_id == "7" and "missing" in p.message
        for p in problems
    )
    assert any("chain broken at trail entry 8 " in p.message for p in problems)


def test_reordered_compact_rows_break_the_chain(demo_db):
    raw = _raw_without_triggers(demo_db)
    columns = "at, user, action, entity, entity_id, changes, reason, hash"
    first = raw.execute(f"SELECT {columns} FROM trail_entry WHERE id = 10").fetchone()
    second = raw.execute(f"SELECT {columns} FROM trail_entry WHERE id = 11").fetchone()
    assignments = ", ".join(f"{c} = ?" for c in columns.split(", "))
    raw.execute(f"UPDATE trail_entry SET {assignments} WHERE id = 10", second)
    raw.execute(f"UPDATE trail_entry SET {assignments} WHERE id = 11", first)
    raw.commit()
    raw.close()
    broken = [p for p in _verify(demo_db) if "chain broken" in p.message]
    assert broken and (broken[0].entity, broken[0].entity_id) == (second[3], second[4])


def test_demo_trail_verifies(demo_db):
    assert _verify(demo_db) == []


def test_finding_title_edited_with_sqlite_shell_is_named(demo_db):
    raw = sqlite3.connect(demo_db.path)
    raw.execute("UPDATE finding SET title = 'harmless' WHERE number = 2")
    raw.commit()
    raw.close()
    problems = _verify(demo_db)
    assert len(problems) == 1
    assert problems[0].entity == "finding" and problems[0].field == "title"


def test_row_deleted_or_inserted_behind_the_app_is_found(demo_db):
    raw = sqlite3.connect(demo_db.path)
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("DELETE FROM document_reviewed WHERE id = (SELECT min(id) FROM document_reviewed)")
    raw.execute(
        "INSERT INTO organisation (kind, legal_name, address, contact_name, contact_email)"
        " VALUES ('cro', 'Sneaky', '', '', '')"
    )
    raw.commit()
    raw.close()
    messages = {(p.entity, p.message) for p in _verify(demo_db)}
    assert ("document_reviewed", "row missing (deleted outside the app)") in messages
    assert ("organisation", "row has no trail record") in messages


def test_trail_rows_cannot_be_updated_and_forged_rows_break_the_chain(demo_db):
    raw = sqlite3.connect(demo_db.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("UPDATE trail_entry SET changes = 'x' WHERE id = 5")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("DELETE FROM trail_entry WHERE id = 5")
    raw.execute("DROP TRIGGER trail_entry_no_update")
    raw.execute("UPDATE trail_entry SET changes = '\"forged\"' WHERE id = 5")
    raw.commit()
    raw.close()
    problems = _verify(demo_db)
    assert any("chain broken at trail entry 5 " in p.message for p in problems)


def test_blob_values_are_recorded_as_digests_not_bytes(db):
    from auditapp.core.models import EvidenceBlob

    with db.session(actor="a") as s:
        s.add(EvidenceBlob(sha256="f" * 64, size=3, data=b"abc"))
    entry = next(e for e in _entries(db) if e.field == "data")
    assert entry.new_value.startswith("sha256:") and "abc" not in entry.new_value
    raw = sqlite3.connect(db.path)
    raw.execute("UPDATE evidence_blob SET data = x'616264'")
    raw.commit()
    raw.close()
    assert [(p.entity, p.field) for p in _verify(db)] == [("evidence_blob", "data")]


def test_deleting_a_finding_records_its_evidence_links(demo_db, tmp_path):
    from PIL import Image

    from auditapp.core import audits, findings
    from auditapp.core.evidence import Target
    from auditapp.core.evidence_import import import_files

    photo = tmp_path / "p.png"
    Image.new("RGB", (64, 48), (1, 2, 3)).save(photo)
    with demo_db.session() as s:
        reference = audits.summaries(s)[0].reference
    result = import_files(demo_db, reference, [photo], actor="demo.lead", target=Target(finding=3))
    assert result.imported
    with demo_db.session(actor="demo.lead") as s:
        findings.delete_finding(s, audits.get_audit(s, reference), 3, reason="raised twice")
    assert _verify(demo_db) == []
