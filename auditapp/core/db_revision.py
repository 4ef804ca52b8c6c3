"""What a database file holds before it is opened: its schema revision and its tables, read on
a raw connection (no SQLAlchemy, so the start-up can check the file while the ORM loads)."""

from __future__ import annotations

from pathlib import Path

from auditapp.core.db_errors import (
    DamagedDatabase,
    DatabaseError,
    PassphraseRequired,
    WrongPassphrase,
    storage_error,
)
from auditapp.core.db_files import is_encrypted, latest_backup, raw_connect
from auditapp.errors import AuditAppError


def current_revision(path: Path, passphrase: str | None = None) -> str | None:
    """The schema revision stored in the file, or None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    if passphrase is None and is_encrypted(path):
        raise PassphraseRequired(
            f"{path} is encrypted or not a database: give its passphrase "
            "(AUDITAPP_PASSPHRASE or the prompt)"
        )
    try:
        conn = raw_connect(path, passphrase, readonly=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseError(f"{path} is not an AuditApp database")
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except AuditAppError:
        raise
    except Exception as exc:  # sqlite3 and sqlcipher3 raise their own DatabaseError classes
        mapped = storage_error(exc)
        if mapped is not None:
            reason = str(mapped).split(":")[0]
            raise DatabaseError(f"{path} cannot be opened: {reason}") from exc
        if "malformed" in str(exc):  # a damaged schema page: as damaged as any other page
            raise DamagedDatabase(path, str(exc), latest_backup(path)) from exc
        if passphrase is not None:
            raise WrongPassphrase(
                f"wrong passphrase for {path}, or not an AuditApp database"
            ) from exc
        raise DatabaseError(f"{path} cannot be read as a database ({exc})") from exc


def _has_table(path: Path, passphrase: str | None, name: str) -> bool:
    conn = raw_connect(path, passphrase, readonly=True)
    try:
        return (
            conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
            ).fetchone()
            is not None
        )
    finally:
        conn.close()


def _has_column(path: Path, passphrase: str | None, table: str, column: str) -> bool:
    conn = raw_connect(path, passphrase, readonly=True)
    try:
        return any(row[1] == column for row in conn.execute(f'PRAGMA table_info("{table}")'))
    finally:
        conn.close()
