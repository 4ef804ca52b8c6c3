"""Backups and restore through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from auditapp import paths
from auditapp.core import db as dbmod
from auditapp.core import input_limits
from auditapp.core.db import Database
from auditapp.errors import BadInput, Refused

AUTO_TAG = "auto"
KEEP_SETTING = "automatic_backups_kept"
DEFAULT_KEEP = 10
AUTO_INTERVAL = dt.timedelta(hours=24)


def automatic_backups(database: Path) -> list[Path]:
    folder = paths.backup_dir(database)
    return sorted(folder.glob(f"{database.stem}-{AUTO_TAG}-*.sqlite"))


def automatic_backup(db: Database, *, keep: int | None = None, force: bool = False) -> Path | None:
    """A rotating backup: on close (force) and at most once a day while the app is open."""
    existing = automatic_backups(db.path)
    now = dt.datetime.now()
    if existing and not force:
        newest = dt.datetime.fromtimestamp(existing[-1].stat().st_mtime)
        if now - newest < AUTO_INTERVAL:
            return None
    if keep is None:
        from auditapp.core import settings

        with db.session() as session:
            keep = settings.backups_kept(session)
    keep = max(1, keep)
    target = paths.backup_dir(db.path) / f"{db.path.stem}-{AUTO_TAG}-{now:%Y%m%d-%H%M%S-%f}.sqlite"
    partial = target.with_name(target.name + ".partial")
    db.backup_to(partial)
    partial.replace(target)
    for old in automatic_backups(db.path)[:-keep]:
        old.unlink(missing_ok=True)
    return target


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
        input_limits.check_regular_file(path, kind="backup")  # says what it is instead
        raise BadInput(f"no file at {path}")
    input_limits.check_regular_file(path, kind="backup")
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
