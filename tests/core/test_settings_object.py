"""The application settings: one typed object, one validation table, all-or-nothing saves."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

from auditapp.core import settings
from auditapp.errors import BadInput


def _stored(db) -> dict[str, object]:
    with sqlite3.connect(db.path) as raw:
        return {k: json.loads(v) for k, v in raw.execute("SELECT key, value_json FROM setting")}


def test_every_setting_has_one_rule_and_one_typed_field():
    fields = {f.name for f in dataclasses.fields(settings.Settings)}
    assert fields == set(settings.RULES)
    keys = [rule.key for rule in settings.RULES.values()]
    assert len(keys) == len(set(keys))


def test_defaults_load_typed_and_a_save_stores_under_the_released_keys(db):
    with db.read_session() as s:
        loaded = settings.load(s)
    assert loaded.grading_scheme == "ema" and loaded.idle_lock_minutes == 10
    assert loaded.backups_kept == 10 and loaded.separate_signers is True
    assert loaded.capa_days["critical"] == 15 and loaded.capa_days["major"] == 30
    with db.session(actor="anna") as s:
        saved = settings.save(
            s, idle_lock_minutes=5, separate_signers=False, capa_days={"major": 20}
        )
    assert saved.idle_lock_minutes == 5 and saved.capa_days["major"] == 20
    assert saved.capa_days["critical"] == 15  # the rest keep their defaults
    stored = _stored(db)
    assert stored["idle_lock_minutes"] == 5 and stored["separate_signers"] is False
    assert stored["capa_due_days"]["major"] == 20


def test_one_bad_value_saves_nothing(db):
    with db.session(actor="anna") as s:
        settings.save(s, backups_kept=12)
    with pytest.raises(BadInput, match="idle lock"), db.session(actor="anna") as s:
        settings.save(s, backups_kept=20, idle_lock_minutes=0)
    with pytest.raises(BadInput, match="unknown setting"), db.session(actor="anna") as s:
        settings.save(s, backups_kept=30, colour="red")
    with pytest.raises(BadInput, match="on or off"), db.session(actor="anna") as s:
        settings.save(s, separate_signers="no")
    with pytest.raises(BadInput, match="1-365"), db.session(actor="anna") as s:
        settings.save(s, capa_days={"minor": True})
    assert _stored(db) == {"automatic_backups_kept": 12}


def test_a_stored_value_that_fails_its_rule_reads_as_the_default(db):
    with sqlite3.connect(db.path) as raw:
        raw.execute("INSERT INTO setting(key, value_json) VALUES ('idle_lock_minutes', '9999')")
        raw.execute("INSERT INTO setting(key, value_json) VALUES ('grading_scheme', '\"fda\"')")
    with db.read_session() as s:
        loaded = settings.load(s)
    assert loaded.idle_lock_minutes == settings.DEFAULT_IDLE_MINUTES
    assert loaded.grading_scheme == "ema"
