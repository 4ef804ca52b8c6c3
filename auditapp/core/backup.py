"""Backups and restore through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from auditapp import paths
from auditapp.core import db as dbmod
from auditapp.core import input_limits, ownership, settings
from auditapp.core.db import Database
from auditapp.errors import BadInput, Refused

AUTO_TAG = "auto"
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
        with db.read_session() as session:
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
    if _is_database_file(target, database):
        raise BadInput(f"{target} is the database or one of its own files; choose another name")
    partial = target.with_name(target.name + ".partial")
    try:
        dbmod.backup_copy(database, partial, passphrase)
        check_file(partial, passphrase)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BadInput(f"cannot write backup to {target}: {exc.strerror}") from None
    return target


def _is_database_file(candidate: Path, database: Path) -> bool:
    """The database itself, its -wal/-shm/-journal, or its lock file."""
    resolved = candidate.expanduser().resolve()
    base = database.expanduser().resolve()
    own = {base} | {Path(str(base) + s) for s in ("-wal", "-shm", "-journal", ".lock")}
    return resolved in own


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


def restore(
    source: Path,
    database: Path,
    passphrase: str | None = None,
    *,
    lock: ownership.WriterLock | None = None,
    accept_damaged: str | None = None,
    actor: str = "system",
    lock_wait: float | None = None,
) -> Path | None:
    """Replace the database with a checked backup; the current file is kept aside, not deleted.

    Kept for compatibility; see :func:`auditapp.core.restore.restore`.
    """
    from auditapp.core import restore as restoring

    return restoring.restore(
        source,
        database,
        passphrase,
        lock=lock,
        accept_damaged=accept_damaged,
        actor=actor,
        lock_wait=lock_wait,
    )


def undo_restore(database: Path, aside: Path | None) -> None:
    """Put the file a restore set aside back in place (or remove the restored one when there
    was none): used when the person restoring could not sign in."""
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    if aside is None:
        database.unlink(missing_ok=True)
        return
    shutil.copyfile(aside, database)
    paths.restrict(database)
    for suffix in ("-wal", "-shm"):
        side = Path(str(aside) + suffix)
        if side.exists():
            shutil.copyfile(side, Path(str(database) + suffix))
