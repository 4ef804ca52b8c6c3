"""The database file outside SQLAlchemy: which files this process has open, raw connections,
consistent copies and integrity checks (used by db.py, backups, restore and the checks)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any, Protocol

from auditapp import paths
from auditapp.core.db_errors import DatabaseError


class OpenDatabase(Protocol):
    """What this module needs of a db.Database (which imports this module)."""

    encrypted: bool


SQLITE_HEADER = b"SQLite format 3\x00"


# The databases this process has open, by resolved path. While one is open, nothing in this
# process may open its file outside SQLite: on POSIX, closing any descriptor of the file drops
# all of the process's locks on it, another process then believes it is alone, checkpoints and
# deletes the WAL, and this process goes on "committing" into a deleted file.
_open_here: dict[str, list[OpenDatabase]] = {}


def _key(path: Path) -> str:
    return os.path.normcase(str(Path(path).expanduser().resolve()))


def open_here(path: Path) -> OpenDatabase | None:
    """A Database this process has open on that file, if any."""
    opened = _open_here.get(_key(path))
    return opened[0] if opened else None


def is_open_database_file(path: Path) -> bool:
    """The file, -wal, -shm, -journal or lock file of a database this process has open."""
    resolved = _key(path)
    return any(
        resolved == key + side
        for key in _open_here
        for side in ("", "-wal", "-shm", "-journal", ".lock")
    )


def is_encrypted(path: Path) -> bool:
    """An existing, non-empty file without the plain SQLite header (SQLCipher encrypts page 1).

    For a database this process has open, the answer comes from the open connection's
    settings, never from reading the file (see ``_open_here``).
    """
    opened = open_here(path)
    if opened is not None:
        return opened.encrypted
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with open(path, "rb") as handle:
        return handle.read(16) != SQLITE_HEADER


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def raw_connect(path: Path, passphrase: str | None, *, readonly: bool = False) -> Any:
    """A DB-API connection outside SQLAlchemy (backups, checks), keyed when encrypted."""
    if passphrase is None:
        if readonly:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return sqlite3.connect(path)
    import sqlcipher3

    connection = sqlcipher3.connect(str(path))
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {_quote(passphrase)}")
    return connection


def backup_copy(source: Path, target: Path, passphrase: str | None = None) -> Path:
    """A consistent copy through SQLite's online backup API (safe while the app has it open).

    An encrypted source gives an encrypted copy under the same passphrase.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    src = raw_connect(source, passphrase, readonly=True)
    try:
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        src.close()
        src = _read_only_media(source, passphrase)
    dst = raw_connect(target, passphrase)
    try:
        src.backup(dst)
        # One self-contained file: no -wal/-shm beside a backup, whoever opens it later.
        dst.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        dst.close()
        src.close()
    paths.restrict(target)
    return target


def _read_only_media(source: Path, passphrase: str | None) -> Any:
    """A WAL database on a read-only mount cannot be opened normally (SQLite must create its
    -shm file). With no pending WAL content the file alone is the database, and SQLite's
    ``immutable`` flag reads it as it is; otherwise refuse clearly instead of copying old data."""
    wal = source.with_name(source.name + "-wal")
    if passphrase is not None or (wal.exists() and wal.stat().st_size > 0):
        raise DatabaseError(
            f"{source} cannot be read: its folder is read-only and the database "
            "has unsaved journal content; copy the folder to a writable place first"
        )
    from urllib.parse import quote

    try:
        conn = sqlite3.connect(f"file:{quote(str(source))}?mode=ro&immutable=1", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise DatabaseError(f"{source} cannot be read ({exc})") from None
    return conn


def integrity_problem(
    path: Path, passphrase: str | None = None, *, quick: bool = False
) -> str | None:
    """None when integrity_check (or quick_check) and foreign_key_check pass, else the report.

    quick_check skips matching every index against its table: seconds saved on a large file at
    each open, while page-level damage is still found. The full check runs on demand
    (``auditapp check``) and before a restore.
    """
    conn = raw_connect(path, passphrase, readonly=True)
    try:
        pragma = "quick_check" if quick else "integrity_check"
        result = conn.execute(f"PRAGMA {pragma}").fetchall()
        if [r[0] for r in result] != ["ok"]:
            return "; ".join(r[0] for r in result[:3])
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            return "foreign key check failed"
    except Exception as exc:  # a damaged file may fail before the check can report
        return str(exc)
    finally:
        conn.close()
    return None


def latest_backup(path: Path) -> Path | None:
    candidates = sorted(
        paths.backup_dir(path).glob(f"{path.stem}-*.sqlite"), key=lambda p: p.stat().st_mtime
    )
    return candidates[-1] if candidates else None
