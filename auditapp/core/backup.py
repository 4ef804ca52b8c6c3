"""Backups and restore through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from auditapp import paths
from auditapp.core import db as dbmod
from auditapp.errors import BadInput, Refused


def backup(database: Path, target: Path) -> Path:
    if not database.exists():
        raise BadInput(f"no database at {database}")
    if target.exists() and target.is_dir():
        raise BadInput(f"{target} is a folder; give a file name")
    partial = target.with_name(target.name + ".partial")
    try:
        dbmod.backup_copy(database, partial)
        check_file(partial)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BadInput(f"cannot write backup to {target}: {exc.strerror}") from None
    return target


def check_file(path: Path) -> str:
    """Refuse anything that is not an intact AuditApp database this version can open."""
    if not path.is_file():
        raise BadInput(f"no file at {path}")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise Refused(f"{path} is damaged (integrity check: {result})")
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise Refused(f"{path} is damaged (foreign key check failed)")
    except sqlite3.DatabaseError as exc:
        raise BadInput(f"{path} is not a database ({exc})") from None
    revision = dbmod.current_revision(path)
    if revision is None:
        raise BadInput(f"{path} is not an AuditApp database")
    if revision not in dbmod._known_revisions():
        raise Refused(f"{path} was written by a newer AuditApp (schema {revision})")
    return revision


def restore(source: Path, database: Path) -> Path | None:
    """Replace the database with a checked backup; the current file is kept aside, not deleted."""
    check_file(source)
    aside = None
    database.parent.mkdir(parents=True, exist_ok=True)
    if database.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = paths.backup_dir(database) / f"{database.stem}-{stamp}-replaced-by-restore.sqlite"
        dbmod.backup_copy(database, aside)
    incoming = database.with_name(database.name + ".restoring")
    shutil.copyfile(source, incoming)
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    incoming.replace(database)
    return aside
