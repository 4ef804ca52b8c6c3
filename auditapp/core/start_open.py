"""Opening a database for the first screen without waiting for the ORM.

The file is checked on raw connections first, exactly as ``open_database`` checks it (schema
revision, ``PRAGMA quick_check`` and ``foreign_key_check``); a file that fails is refused here,
before anything is shown. The audit list is then read with plain SQL (list_rows.py) on one
read-only connection, while ``load()`` opens the real Database (SQLAlchemy, the models, the
engine) on a worker thread. Everything else asked of a DeferredDatabase (sessions, the engine,
backups) waits for that Database, so no write can happen before the file passed its check.

No SQLAlchemy is imported by this module; docs/architecture.md, "Start-up", tells the story.
"""

from __future__ import annotations

import importlib
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditapp.core import list_rows, ownership
from auditapp.core.db_errors import DamagedDatabase
from auditapp.core.db_files import (
    _key,
    _open_here,
    integrity_problem,
    is_encrypted,
    latest_backup,
    raw_connect,
)
from auditapp.core.db_revision import current_revision
from auditapp.core.db_schema import head_revision
from auditapp.core.grading import Grade
from auditapp.core.list_rows import AuditSummary

if TYPE_CHECKING:
    from auditapp.core.db import Database

log = logging.getLogger(__name__)


class DeferredDatabase:
    """A checked database file whose audit list can be read at once; the Database behind it is
    opened by ``load()`` (any thread, once) or on the first attribute that needs it."""

    def __init__(
        self,
        path: Path,
        *,
        passphrase: str | None,
        read_only: bool,
        lock: ownership.WriterLock | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.encrypted = passphrase is not None
        self._passphrase = passphrase
        self._writer_lock = lock  # held by this process already; released by close()
        self._lock = threading.Lock()
        self._database: Database | None = None
        self._tries = 0
        self._loader: threading.Thread | None = None
        self._quick: Any = raw_connect(path, passphrase, readonly=True)
        # Registered as open: nothing in this process may now read the file outside SQLite.
        _open_here.setdefault(_key(path), []).append(self)

    @property
    def loaded(self) -> bool:
        return self._database is not None

    def load(self) -> Database:
        """The Database, opened now if nobody opened it yet (imports SQLAlchemy and the models)."""
        with self._lock:
            if self._database is None:  # a failed open is tried again at the next need
                from auditapp.core.db import open_database

                # Checked a moment ago by open_deferred(): the first try does not check again,
                # a later one (after a failure) does.
                self._tries += 1
                self._database = open_database(
                    self.path,
                    create=False,
                    passphrase=self._passphrase,
                    check_integrity=self._tries > 1,
                    read_only=self.read_only,
                    lock=self._writer_lock,
                )
            return self._database

    def start_loading(self, *modules: str) -> None:
        """Import ``modules`` and open the Database on a worker thread (while the sign-in
        dialog waits for the user); whoever needs it first waits in ``load()``."""

        def run() -> None:
            try:
                for name in modules:
                    importlib.import_module(name)
                self.load()
            except BaseException:  # load() tries again, and raises, where it is needed
                log.debug("loading the database failed", exc_info=True)

        if self._loader is None and self._database is None:
            self._loader = threading.Thread(target=run, name="auditapp-orm", daemon=True)
            self._loader.start()

    def wait_loading(self) -> None:
        """Let a worker started by start_loading() end (its imports too)."""
        if self._loader is not None:
            self._loader.join()

    def count_users(self) -> int:
        """How many accounts the file holds (the sign-in asks for a first one when none)."""
        if self._database is None and self._quick is not None:
            return int(self._quick.execute('SELECT count(*) FROM "user"').fetchone()[0])
        from auditapp.core import users

        with self.load().session() as session:
            return users.count_users(session)

    def audit_list(self) -> tuple[tuple[Grade, ...], list[AuditSummary]]:
        """The grades and the list rows: through the Database once loaded, else the raw
        connection (same SQL)."""
        if self._database is not None:
            return audit_list(self._database)
        return list_rows.audit_list(self._quick.execute)

    def __getattr__(self, name: str) -> Any:
        # Only reached for what this class does not hold itself: sessions, engine, backup_to...
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.load(), name)

    def close(self, *, keep_lock: bool = False) -> None:
        self.wait_loading()
        if self._quick is not None:
            self._quick.close()
            self._quick = None
        opened = _open_here.get(_key(self.path), [])
        if self in opened:
            opened.remove(self)
            if not opened:
                del _open_here[_key(self.path)]
        with self._lock:
            database = self._database
        if database is not None:
            database.close(keep_lock=keep_lock)
        if self._writer_lock is not None and not keep_lock:
            self._writer_lock.release()


def audit_list(db: Any) -> tuple[tuple[Grade, ...], list[AuditSummary]]:
    """What the audit list shows, from a Database or a DeferredDatabase, with the same SQL."""
    if isinstance(db, DeferredDatabase):
        return db.audit_list()
    with db.read_session() as session:
        connection = session.connection()
        return list_rows.audit_list(
            lambda sql, params: connection.exec_driver_sql(sql, tuple(params)).fetchall()
        )


def _check(path: Path, passphrase: str | None) -> str | None:
    """ "" when the file passed, the problem found when not, None when the full
    ``open_database`` must decide (a new or empty file, an upgrade, a missing passphrase)."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    if passphrase is None and is_encrypted(path):
        return None  # open_database says what is wrong
    if current_revision(path, passphrase) != head_revision():
        return None
    return integrity_problem(path, passphrase, quick=True) or ""


def open_deferred(
    path: Path, *, passphrase: str | None, read_only: bool, lock: ownership.WriterLock | None = None
) -> DeferredDatabase | None:
    """A DeferredDatabase for an existing file at the current schema that passes its check;
    None when the full ``open_database`` must run,
    which then decides. A damaged file is refused here and never written to. A writer passes
    the write lock it holds, which the DeferredDatabase releases on close."""
    path = Path(path).expanduser()
    if not read_only and (lock is None or not lock.held):
        return None
    outcome = _check(path, passphrase)
    if outcome is None:
        return None
    if outcome:
        raise DamagedDatabase(path, outcome, latest_backup(path))
    return DeferredDatabase(
        path, passphrase=passphrase, read_only=read_only, lock=None if read_only else lock
    )
