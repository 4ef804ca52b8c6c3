"""Backups and restore through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from auditapp import paths
from auditapp.core import db as dbmod
from auditapp.errors import BadInput, Refused


def backup(database: Path, target: Path, passphrase: str | None = None) -> Path:
    if not database.exists():
        raise BadInput(f"no database at {database}")
    if target.exists() and target.is_dir():
        raise BadInput(f"{target} is a folder; give a file name")
    partial = target.with_name(target.name + ".partial")
    try:
        dbmod.backup_copy(database, partial, passphrase)
        check_file(partial, passphrase)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BadInput(f"cannot write backup to {target}: {exc.strerror}") from None
    return target


def check_file(path: Path, passphrase: str | None = None) -> str:
    """Refuse anything that is not an intact AuditApp database this version can open."""
    if not path.is_file():
        raise BadInput(f"no file at {path}")
    revision = dbmod.current_revision(path, passphrase)
    problem = dbmod.integrity_problem(path, passphrase)
    if problem:
        raise Refused(f"{path} is damaged ({problem})")
    if revision is None:
        raise BadInput(f"{path} is not an AuditApp database")
    if revision not in dbmod._known_revisions():
        raise Refused(f"{path} was written by a newer AuditApp (schema {revision})")
    return revision


def restore(source: Path, database: Path, passphrase: str | None = None) -> Path | None:
    """Replace the database with a checked backup; the current file is kept aside, not deleted.

    The current file is set aside byte for byte (it may be damaged or under another passphrase).
    """
    check_file(source, passphrase)
    aside = None
    database.parent.mkdir(parents=True, exist_ok=True)
    if database.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = paths.backup_dir(database) / f"{database.stem}-{stamp}-replaced-by-restore.sqlite"
        shutil.copyfile(database, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(str(database) + suffix)
            if side.exists():
                shutil.copyfile(side, Path(str(aside) + suffix))
    incoming = database.with_name(database.name + ".restoring")
    shutil.copyfile(source, incoming)
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    incoming.replace(database)
    return aside
