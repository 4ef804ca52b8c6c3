"""Restore: a checked backup replaces the database, only while no other process has it open.

The candidate must pass ``integrity_check``, ``foreign_key_check`` and the audit trail
verification; a tampered or damaged backup is refused with the reason. When a damaged backup
is the only copy left, ``accept_damaged`` (a reason, required) restores it anyway and the
trail of the restored database records who accepted what and why.

The database must be free: restore takes the write lock (or uses the one this process holds,
as the GUI does after closing its connections), and then makes sure no reader is left by
switching the file out of WAL mode, which SQLite allows only to the sole connection. Replacing
a file under a process that still has it open is how 1,317 confirmed edits were lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import shutil
import tempfile
from pathlib import Path

from auditapp import paths
from auditapp.core import checkpoint, ownership, trail, trail_pins
from auditapp.core import db as dbmod
from auditapp.core.db_errors import SQLITE_BUSY, SQLITE_LOCKED, sqlite_code
from auditapp.errors import BadInput, Refused

log = logging.getLogger(__name__)
READER_WAIT_MS = 2_000


class BackupRejected(Refused):
    """The backup failed its checks; nothing was changed."""

    def __init__(self, source: Path, problems: list[str]) -> None:
        super().__init__(f"{source} was not restored: {'; '.join(problems)}. Nothing was changed")
        self.problems = problems


def _trail_problems(candidate: Path, scratch: Path, passphrase: str | None) -> list[str]:
    """Verify the candidate's trail on a copy brought to the current schema."""
    copy = scratch / "trail-check.sqlite"
    shutil.copyfile(candidate, copy)
    try:
        if dbmod.current_revision(copy, passphrase) != dbmod.head_revision():
            dbmod._upgrade(copy, passphrase)
        engine = dbmod._make_engine(copy, passphrase=passphrase, pooled=False)
        try:
            with engine.connect() as connection:
                # Everything `trail verify` checks but this computer's anchor, which names
                # the live database, not a backup.
                found = [str(p) for p in trail.verify(connection)]
                found += [str(p) for p in trail_pins.verify(connection)]
                found += [str(p) for p in checkpoint.verify(connection).problems]
        finally:
            engine.dispose()
    except Exception as exc:  # a damaged candidate may fail before the trail can be read
        return [f"its audit trail cannot be read ({exc})"]
    if not found:
        return []
    first = "; ".join(str(p) for p in found[:3])
    return [f"its audit trail does not match its data ({len(found)} problem(s): {first})"]


def snapshot(source: Path, database: Path, passphrase: str | None, scratch: Path) -> Path:
    """The backup as SQLite sees it (with any -wal beside it), as one file in ``scratch``."""
    if not source.is_file():
        raise BadInput(f"no file at {source}")
    if source.resolve() == database.resolve():
        raise BadInput(f"{source} is the database itself; choose a backup file")
    revision = dbmod.current_revision(source, passphrase)
    if revision is None:
        raise BadInput(f"{source} is not an AuditApp database")
    if revision not in dbmod._known_revisions():
        raise Refused(f"{source} was written by a newer AuditApp (schema {revision})")
    candidate = scratch / "candidate.sqlite"
    try:
        dbmod.backup_copy(source, candidate, passphrase)
    except Exception as exc:  # unreadable pages: copy the bytes and let the checks say why
        log.warning("could not snapshot %s through SQLite (%s); copying its bytes", source, exc)
        candidate.unlink(missing_ok=True)
        shutil.copyfile(source, candidate)
    return candidate


def check_candidate(candidate: Path, scratch: Path, passphrase: str | None) -> list[str]:
    """What is wrong with a snapshot of a backup (empty when it may be restored)."""
    problem = dbmod.integrity_problem(candidate, passphrase)
    if problem:
        return [f"it is damaged ({problem})"]
    return _trail_problems(candidate, scratch, passphrase)


def _ensure_no_reader(database: Path, passphrase: str | None) -> None:
    """Refuse while any other connection is open; merge the WAL into the file when there is none.

    Leaving WAL mode needs the only connection to the file, so success proves nobody else has
    it open, and the file is then complete on its own (no -wal) for the copy kept aside.
    A file SQLite cannot open (damaged, another passphrase) is set aside byte for byte.
    """
    try:
        connection = dbmod.raw_connect(database, passphrase)
    except Exception:
        return
    try:
        connection.execute(f"PRAGMA busy_timeout = {READER_WAIT_MS}")
        connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    except Exception as exc:
        if sqlite_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED):
            raise Refused(
                f"{database} is open in another process (reading); restore was refused and "
                "nothing was changed. Close the other AuditApp windows and commands first"
            ) from None
    finally:
        connection.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _set_aside(database: Path) -> Path | None:
    """The current file byte for byte (with its -wal/-shm): it may be damaged or foreign."""
    if not database.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = paths.backup_dir(database) / f"{database.stem}-{stamp}-replaced-by-restore.sqlite"
    shutil.copyfile(database, aside)
    paths.restrict(aside)
    for suffix in ("-wal", "-shm"):
        side = Path(str(database) + suffix)
        if side.exists():
            shutil.copyfile(side, Path(str(aside) + suffix))
            paths.restrict(Path(str(aside) + suffix))
    return aside


def _discard(aside: Path | None) -> None:
    if aside is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(aside) + suffix).unlink(missing_ok=True)


def _put_in_place(candidate: Path, database: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    incoming = database.with_name(database.name + ".restoring")
    shutil.copyfile(candidate, incoming)
    paths.restrict(incoming)
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    incoming.replace(database)
    # An older state on purpose: this computer's newest-checkpoint anchor starts again here.
    checkpoint.forget(database)


def _record(
    database: Path,
    passphrase: str | None,
    lock: ownership.WriterLock,
    *,
    actor: str,
    detail: dict[str, object],
    reason: str,
) -> None:
    restored = dbmod.open_database(
        database, passphrase=passphrase, lock=lock, check_integrity=False
    )
    try:
        # Through a session, so the entry is sealed by a keyed checkpoint like any other.
        with restored.session(actor=actor) as session:
            trail.record_event(
                session.connection(),
                user=actor,
                action="restore",
                entity="database",
                entity_id=database.name,
                reason=reason,
                detail=json.dumps(detail, sort_keys=True),
            )
    finally:
        restored.close()


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
    """Check the backup, take the database, set the current file aside, put the backup in place.

    Returns where the previous file was kept (None when there was none).
    """
    source, database = Path(source), Path(database)
    if accept_damaged is not None and not accept_damaged.strip():
        raise BadInput("accepting a damaged backup needs a reason")
    if dbmod.open_here(database) is not None:
        raise Refused(f"{database} is still open in this process; close it before restoring")
    taken = None
    if lock is None or not lock.held:
        lock = ownership.held_here(database)
    if lock is None:
        wait = ownership.DEFAULT_WAIT_S if lock_wait is None else lock_wait
        lock = taken = ownership.acquire(
            database, wait=wait, purpose="restore", program="AuditApp restore"
        )
    try:
        with tempfile.TemporaryDirectory(prefix="auditapp-restore-") as folder:
            scratch = Path(folder)
            candidate = snapshot(source, database, passphrase, scratch)
            problems = check_candidate(candidate, scratch, passphrase)
            if problems and accept_damaged is None:
                raise BackupRejected(source, problems)
            aside = _set_aside(database)
            if aside is not None:
                try:
                    _ensure_no_reader(database, passphrase)
                except Refused:
                    _discard(aside)
                    raise
            digest = _sha256(candidate)
            _put_in_place(candidate, database)
        detail: dict[str, object] = {
            "source": str(source),
            "restored_sha256": digest,
            "previous_kept_at": str(aside) if aside else None,
        }
        if problems:
            detail["accepted_problems"] = problems
        log.warning(
            "restored %s over %s (previous kept at %s; problems accepted: %s)",
            source,
            database,
            aside,
            problems or "none",
        )
        try:
            _record(
                database,
                passphrase,
                lock,
                actor=actor,
                detail=detail,
                reason=(accept_damaged or "").strip(),
            )
        except Exception:  # the restore is done; a damaged copy may refuse the entry
            log.exception("could not record the restore in the audit trail")
            if problems:
                raise Refused(
                    f"{source} was restored, but the damaged copy refused the audit trail "
                    "entry recording it; see the log"
                ) from None
        return aside
    finally:
        if taken is not None:
            taken.release()


def inspect_backup(source: Path, database: Path, passphrase: str | None = None) -> list[str]:
    """The checks restore makes, without touching the database (for a dialog to show first)."""
    with tempfile.TemporaryDirectory(prefix="auditapp-restore-check-") as folder:
        scratch = Path(folder)
        candidate = snapshot(Path(source), Path(database), passphrase, scratch)
        return check_candidate(candidate, scratch, passphrase)
