"""The ways opening or writing a database can fail, each with a message a user can act on."""

from __future__ import annotations

from pathlib import Path

from auditapp.errors import AuditAppError, Refused


class DatabaseError(AuditAppError):
    exit_code = 2


class PassphraseRequired(DatabaseError):
    """The file is encrypted and no passphrase was given."""

    exit_code = 2


class WrongPassphrase(Refused):
    """An encrypted file did not open with the passphrase given (or is no database at all):
    the caller may ask for the passphrase again."""


class StorageError(AuditAppError):
    """The disk refused a write (full, read-only, I/O error): nothing of the edit was saved."""

    exit_code = 1


_STORAGE_MESSAGES = (
    ("disk is full", "the disk is full"),
    ("readonly database", "the database file or its folder is read-only"),
    ("read-only file system", "the database file or its folder is read-only"),
    (
        "unable to open database file",
        "the database file cannot be opened for writing (read-only or missing folder)",
    ),
    ("disk i/o error", "a disk error occurred"),
    ("database is locked", "the database is busy in another AuditApp window or process"),
)


# SQLite's primary result codes (https://sqlite.org/rescode.html) for the same failures.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = (
    5,
    6,
    8,
    10,
    13,
    14,
)
_STORAGE_CODES = {
    SQLITE_FULL: "the disk is full",
    SQLITE_READONLY: "the database file or its folder is read-only",
    SQLITE_CANTOPEN: "the database file cannot be opened for writing (read-only or missing folder)",
    SQLITE_IOERR: "a disk error occurred",
    SQLITE_BUSY: "the database is busy in another AuditApp window or process",
    SQLITE_LOCKED: "the database is busy in another AuditApp window or process",
}


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an error from sqlite3 or sqlcipher3 (also wrapped by
    SQLAlchemy), or None when the error carries none."""
    code = getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def storage_error(exc: BaseException) -> StorageError | None:
    """A clear StorageError for SQLite's storage failures, None for anything else.

    Decided by SQLite's result code; the message text only for an error without one."""
    code = sqlite_code(exc)
    if code is not None:
        reason = _STORAGE_CODES.get(code)
    else:
        text = str(getattr(exc, "orig", exc)).lower()
        reason = next((r for needle, r in _STORAGE_MESSAGES if needle in text), None)
    if reason is None:
        return None
    return StorageError(f"{reason}: the change was not saved and nothing else changed")


class DamagedDatabase(Refused):
    """The file failed its integrity check; it is never written to."""

    def __init__(self, path: Path, detail: str, latest_backup: Path | None) -> None:
        hint = (
            f"; the latest backup is {latest_backup} (restore it with 'auditapp restore')"
            if latest_backup
            else "; no backup was found"
        )
        super().__init__(f"{path} is damaged ({detail}); it was not changed{hint}")
        self.path = path
        self.latest_backup = latest_backup
