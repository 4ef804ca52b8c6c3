"""Trail anchoring: keyed checkpoints and signature pins catch what a recomputed chain hides."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditapp.core import audits, trail, trail_format
from tests.conftest import copy_signed_demo, run_cli

PASSWORD = "demo-password-1"


@pytest.fixture(scope="module")
def final_template(signed_demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo audit signed by its author and approved (final): this module's copy of the
    run's ``signed_demo``."""
    return copy_signed_demo(signed_demo, tmp_path_factory.mktemp("final"))


@contextlib.contextmanager
def _attack(path: Path) -> Iterator[sqlite3.Connection]:
    """The sqlite3 shell: the append-only triggers are the first thing an attacker drops."""
    conn = sqlite3.connect(path)
    try:
        for name in (
            "trail_entry_no_update",
            "trail_entry_no_delete",
            "trail_checkpoint_no_update",
            "trail_checkpoint_no_delete",
        ):
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        yield conn
        conn.commit()
    finally:
        conn.close()


def _copy(source: Path, tmp_path: Path) -> Path:
    path = tmp_path / "work.sqlite"
    shutil.copyfile(source, path)
    return path


def _append(
    conn: sqlite3.Connection,
    entity: str,
    entity_id: str,
    field: str,
    old: str,
    new: str,
    *,
    user: str = "demo.lead",
) -> None:
    """What an attacker with the sqlite3 shell does: one row, chained correctly."""
    prev = conn.execute("SELECT hash FROM trail_entry ORDER BY id DESC LIMIT 1").fetchone()[0]
    at = "2026-11-30T10:00:00.000000+00:00"
    changes = trail_format.encode_update([(field, old, new)])
    digest = trail.entry_hash(prev, at, user, "update", entity, entity_id, changes, "")
    conn.execute(
        "INSERT INTO trail_entry (at, user, action, entity, entity_id, changes, reason,"
        " hash) VALUES (?,?,?,?,?,?,?,?)",
        (at, user, "update", entity, entity_id, changes, "", digest),
    )


def _rechain(conn: sqlite3.Connection, start: int = 1) -> None:
    rows = conn.execute(
        "SELECT id, at, user, action, entity, entity_id, changes, reason "
        "FROM trail_entry WHERE id >= ? ORDER BY id",
        (start,),
    ).fetchall()
    prev = conn.execute(
        "SELECT hash FROM trail_entry WHERE id < ? ORDER BY id DESC LIMIT 1", (start,)
    ).fetchone()
    prev = prev[0] if prev else trail_format.GENESIS
    for row in rows:
        digest = trail.entry_hash(prev, *row[1:])
        conn.execute("UPDATE trail_entry SET hash=? WHERE id=?", (digest, row[0]))
        prev = digest


def _rewrite_title(conn: sqlite3.Connection, entity_id: str, title: str, forged: str) -> None:
    """Replace a finding's title everywhere the trail records it (insert and updates)."""
    for row_id, action, changes in conn.execute(
        "SELECT id, action, changes FROM trail_entry WHERE entity='finding' AND entity_id=?",
        (entity_id,),
    ).fetchall():
        values = json.loads(changes)
        if action == "insert" and values.get("title") == title:
            values["title"] = forged
        elif action == "update" and "title" in values and values["title"][0] == title:
            values["title"][0] = forged
        else:
            continue
        conn.execute(
            "UPDATE trail_entry SET changes=? WHERE id=?",
            (json.dumps(values, ensure_ascii=False, separators=(",", ":")), row_id),
        )


def _chain_and_rows_pass(path: Path) -> None:
    """The old check (chain + rows) is fooled: only the anchoring below catches the attack."""
    from auditapp.core.db import open_database

    with open_database(path) as db, db.engine.connect() as connection:
        assert trail.verify(connection) == []


class _Result:
    def __init__(self, problems: tuple[str, ...]) -> None:
        self.returncode = 1 if problems else 0
        self.stdout = "\n".join(problems)


def _verify(path: Path) -> _Result:
    """`auditapp trail verify` in this process (the CLI is run once, in the first test)."""
    from auditapp.core import trail_pins
    from auditapp.core.db import open_database

    with open_database(path) as db:
        return _Result(trail_pins.check_database(db).problems)


def test_an_honest_trail_verifies_with_its_checkpoints(final_template, tmp_path) -> None:
    result = run_cli("trail", "verify", "--db", str(_copy(final_template, tmp_path)))
    assert result.returncode == 0, result.stdout
    assert "checkpoints:" in result.stdout and "0 checked" not in result.stdout


def test_one_appended_forged_row_with_a_correct_chain_is_detected(demo_template, tmp_path) -> None:
    path = _copy(demo_template, tmp_path)
    with _attack(path) as conn:
        fid, title = conn.execute("SELECT id, title FROM finding ORDER BY id LIMIT 1").fetchone()
        conn.execute("UPDATE finding SET title='Minor issue only' WHERE id=?", (fid,))
        _append(conn, "finding", str(fid), "title", title, "Minor issue only")
    _chain_and_rows_pass(path)
    result = _verify(path)
    assert result.returncode == 1
    assert "not sealed by any checkpoint" in result.stdout


def test_a_full_rechain_is_detected_at_the_next_checkpoint(demo_template, tmp_path) -> None:
    path = _copy(demo_template, tmp_path)
    with _attack(path) as conn:
        fid, title = conn.execute("SELECT id, title FROM finding ORDER BY id LIMIT 1").fetchone()
        _rewrite_title(conn, str(fid), title, "Minor issue only")
        conn.execute("UPDATE finding SET title='Minor issue only' WHERE id=?", (fid,))
        _rechain(conn)
    _chain_and_rows_pass(path)
    result = _verify(path)
    assert result.returncode == 1
    assert "sealed was changed, re-chained or deleted" in result.stdout


def test_a_rechain_is_detected_at_the_pinned_signature_head(final_template, tmp_path) -> None:
    path = _copy(final_template, tmp_path)
    with _attack(path) as conn:
        conn.execute("UPDATE trail_entry SET reason='edited' WHERE id=5")
        _rechain(conn, 5)
        conn.execute("DELETE FROM trail_checkpoint")  # the forger also drops every checkpoint
    _chain_and_rows_pass(path)
    result = _verify(path)
    assert result.returncode == 1
    assert "the trail head this signed report pins is no longer in the trail" in result.stdout


def test_a_change_after_the_final_signature_is_detected(final_template, tmp_path) -> None:
    path = _copy(final_template, tmp_path)
    with _attack(path) as conn:
        fid, title = conn.execute("SELECT id, title FROM finding ORDER BY id LIMIT 1").fetchone()
        conn.execute("UPDATE finding SET title='Changed after approval' WHERE id=?", (fid,))
        _append(conn, "finding", str(fid), "title", title, "Changed after approval")
    result = _verify(path)
    assert result.returncode == 1
    assert "after its final signature" in result.stdout


def test_deleting_the_trail_rows_after_a_signature_is_detected(final_template, tmp_path) -> None:
    from auditapp.core import users
    from auditapp.core.db import open_database
    from auditapp.errors import Refused

    path = _copy(final_template, tmp_path)
    with open_database(path) as db, pytest.raises(Refused):
        users.authenticate(db, "demo.qa", "wrong-password-1")  # a last honest write, anchored here
    with _attack(path) as conn:
        (author_sign,) = conn.execute(
            "SELECT min(id) FROM trail_entry WHERE action='sign'"
        ).fetchone()
        conn.execute("DELETE FROM trail_entry WHERE id > ?", (author_sign,))
        conn.execute("DELETE FROM trail_checkpoint WHERE position > ?", (author_sign,))
    result = _verify(path)
    assert result.returncode == 1
    assert "the newest checkpoint this computer wrote" in result.stdout
    # Elsewhere (no anchor for the copy) the rows the deleted entries described still give it away.
    elsewhere = tmp_path / "elsewhere.sqlite"
    shutil.copyfile(path, elsewhere)
    assert _verify(elsewhere).returncode == 1


def test_capa_follow_up_after_the_final_signature_verifies_but_a_status_edit_around_it_does_not(
    final_template, tmp_path
) -> None:
    import datetime as dt

    from auditapp.core import capa
    from auditapp.core.db import open_database

    path = _copy(final_template, tmp_path)
    with open_database(path) as db, db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, audits.summaries(s)[0].reference)
        capa.respond(
            s,
            audit,
            1,
            root_cause="No SOP",
            corrective_action="Write one",
            target_date=dt.date.today() + dt.timedelta(days=30),
        )
        capa.assess(s, audit, 1, decision="accepted")
    assert _verify(path).returncode == 0
    # The audit's status changed behind the app, as a closure ceremony would, but with no
    # closure signature following it: that is an edit after the final signature.
    with _attack(path) as conn:
        conn.execute("UPDATE audit SET status='closed' WHERE id=1")
        _append(conn, "audit", "1", "status", "final", "closed")
    result = _verify(path)
    assert result.returncode == 1 and "after its final signature" in result.stdout
