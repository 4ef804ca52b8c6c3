"""Every released schema upgrades to the newest, keeps its data and its verifiable trail."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from auditapp.core import db as dbmod
from auditapp.core import trail
from auditapp.core.models import Base, is_mapped_schema_name
from auditapp.errors import Refused

FIXTURES = sorted((Path(__file__).parents[1] / "data" / "schemas").glob("*.sqlite"))


def _context(connection) -> MigrationContext:
    # The search index (FTS5 and its shadow tables) is made by the migrations, not the models.
    return MigrationContext.configure(connection, opts={"include_name": is_mapped_schema_name})


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' AND name != 'trail_entry'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_released_schema_upgrades_with_data_and_trail_intact(fixture, tmp_path, _isolated_home):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = _counts(path)
    old_revision = dbmod.current_revision(path)

    database = dbmod.open_database(path)
    try:
        assert dbmod.current_revision(path) == dbmod.head_revision()
        with database.engine.connect() as connection:
            assert trail.verify(connection) == []
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            # The upgraded schema is exactly what the models describe.
            diff = compare_metadata(_context(connection), Base.metadata)
            assert diff == []
        # A trail from before checkpoints is adopted by one checkpoint at the upgrade, so the
        # full check (checkpoints, pins) passes too.
        from auditapp.core import trail_pins

        assert trail_pins.check_database(database).problems == ()
    finally:
        database.close()
    after = _counts(path)
    assert {t: n for t, n in after.items() if t in before} == before
    if old_revision != dbmod.head_revision():
        backups = list((_isolated_home / "backups").glob(f"{path.stem}-*-before-schema-*.sqlite"))
        assert len(backups) == 1
        assert _counts(backups[0]) == before


def test_new_database_matches_models(db):
    with db.engine.connect() as connection:
        assert compare_metadata(_context(connection), Base.metadata) == []


def test_database_from_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    database = dbmod.open_database(path)
    database.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(Refused, match="newer AuditApp"):
        dbmod.open_database(path)
    assert path.read_bytes() == before


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(dbmod.DatabaseError, match="encrypted or not a database"):
        dbmod.open_database(path)


def test_failed_migration_rolls_back_whole(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES[0], path)
    before = _counts(path)
    from alembic.operations import Operations

    def broken(*args, **kwargs):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(Operations, "create_index", broken, raising=False)
    monkeypatch.setattr(
        "alembic.operations.base.BatchOperations.create_index", broken, raising=False
    )
    with pytest.raises(dbmod.DatabaseError, match="left as it was"):
        dbmod.open_database(path)
    assert dbmod.current_revision(path) == "0001"
    assert _counts(path) == before
