"""Opening a database: pragmas, the schema upgrade (backup first), and short sessions."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from auditapp import paths
from auditapp.core import checkpoint, locking, ownership, trail
from auditapp.core import oversight_models as oversight_models  # its tables join Base
from auditapp.core import read_only as read_only_guard
from auditapp.core.db_errors import DamagedDatabase as DamagedDatabase
from auditapp.core.db_errors import DatabaseError as DatabaseError
from auditapp.core.db_errors import PassphraseRequired as PassphraseRequired
from auditapp.core.db_errors import StorageError as StorageError
from auditapp.core.db_errors import WrongPassphrase as WrongPassphrase
from auditapp.core.db_errors import storage_error as storage_error
from auditapp.core.db_files import SQLITE_HEADER as SQLITE_HEADER
from auditapp.core.db_files import _key, _open_here
from auditapp.core.db_files import backup_copy as backup_copy
from auditapp.core.db_files import integrity_problem as integrity_problem
from auditapp.core.db_files import is_encrypted as is_encrypted
from auditapp.core.db_files import is_open_database_file as is_open_database_file
from auditapp.core.db_files import latest_backup as latest_backup
from auditapp.core.db_files import open_here as open_here
from auditapp.core.db_files import raw_connect as raw_connect
from auditapp.core.db_revision import _has_column, _has_table
from auditapp.core.db_revision import current_revision as current_revision
from auditapp.core.db_schema import MIGRATIONS_DIR as MIGRATIONS_DIR
from auditapp.core.db_schema import _alembic_config
from auditapp.core.db_schema import _known_revisions as _known_revisions
from auditapp.core.db_schema import head_revision as head_revision
from auditapp.errors import AuditAppError, BadInput, Refused

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_connection: sqlite3.Connection, foreign_keys: bool) -> None:
    # Autocommit at the driver so SQLAlchemy's "begin" event decides how transactions start
    # (SQLAlchemy's documented pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    if not isinstance(dbapi_connection, sqlite3.Connection):
        cursor.execute("PRAGMA cipher_log_level = NONE")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk when it returns, so a power cut loses no committed edit; the
    # cost is one extra fsync per commit, under a millisecond here (docs/architecture.md).
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    cursor.close()


def _make_engine(
    path: Path,
    *,
    foreign_keys: bool = True,
    passphrase: str | None = None,
    pooled: bool = True,
    read_only: bool = False,
) -> Engine:
    # URL.create escapes the passphrase; a hand-built URL string with special characters
    # silently opens an in-memory database instead.
    if passphrase is None:
        url = URL.create("sqlite", database=str(path))
    else:
        url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    # Pooled: SQLCipher's key derivation costs ~0.1 s per connection, paid once per database.
    # Encrypted: SQL parameters (audit content) never go into exception texts and so never into
    # the plaintext log (log_privacy.py withholds the rest).
    engine = create_engine(
        url, poolclass=None if pooled else NullPool, hide_parameters=passphrase is not None
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        _set_pragmas(dbapi_connection, foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: object) -> None:
        # IMMEDIATE takes the write lock up front, so two processes (GUI and CLI) cannot
        # interleave trail entries and fork the hash chain. A reader (a read-only database, or
        # a read session of any database) begins deferred: it reads a snapshot of the WAL and
        # never holds up the writer. A read session is also query_only, so SQLite itself
        # refuses a write there; a read-only database still counts failed sign-ins.
        session_read = connection.get_execution_options().get(READ_OPTION, False)  # type: ignore[attr-defined]
        connection.exec_driver_sql(f"PRAGMA query_only = {1 if session_read else 0}")  # type: ignore[attr-defined]
        deferred = read_only or session_read
        connection.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")  # type: ignore[attr-defined]

    return engine


# The execution option that marks a read session's connection (see Database.read_session).
READ_OPTION = "auditapp_read_session"


_CHECKPOINT_KEY = "auditapp.checkpoint"


def _seal_commits(factory: sessionmaker[Session], path: Path) -> None:
    """Every commit that added trail entries also writes a keyed checkpoint (checkpoint.py), in
    the same transaction; after the commit this computer remembers it as the newest."""

    @event.listens_for(factory, "before_commit")
    def _seal(session: Session) -> None:
        session.info.pop(_CHECKPOINT_KEY, None)
        if not session.in_transaction():
            return
        session.flush()  # before_commit runs before the commit's own flush
        row = checkpoint.write(session.connection(), session.info.get("actor") or "")
        if row is not None:
            session.info[_CHECKPOINT_KEY] = row

    @event.listens_for(factory, "after_commit")
    def _remember(session: Session) -> None:
        row = session.info.pop(_CHECKPOINT_KEY, None)
        if row is not None:
            checkpoint.remember(path, row)


def _upgrade(path: Path, passphrase: str | None) -> None:
    from alembic import command

    # Foreign keys OFF while tables are rebuilt: with them on, a batch migration deletes the
    # child rows of a rebuilt parent. env.py checks foreign keys before committing.
    engine = _make_engine(path, foreign_keys=False, passphrase=passphrase, pooled=False)
    try:
        with engine.connect() as connection:
            command.upgrade(_alembic_config(connection), "head")  # type: ignore[arg-type]
    finally:
        engine.dispose()


@dataclass
class Database:
    path: Path
    engine: Engine
    encrypted: bool
    _factory: sessionmaker[Session] = field(repr=False)
    # Kept for backups of an encrypted file, which must be keyed like the original.
    _passphrase: str | None = field(default=None, repr=False)
    # Opened without the write lock (another window owns the database): every write refused.
    read_only: bool = False
    # The write lock this Database holds (released on close when it took it itself).
    lock: ownership.WriterLock | None = field(default=None, repr=False)
    _owns_lock: bool = field(default=False, repr=False)

    @contextmanager
    def session(self, actor: str = trail.SYSTEM_ACTOR, reason: str = "") -> Iterator[Session]:
        """One unit of work, committed on exit: every edit reaches the disk at once."""
        session = self._factory()
        session.info["actor"] = actor
        session.info["reason"] = reason
        if self.read_only:
            session.info[read_only_guard.KEY] = str(self.path)
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            mapped = storage_error(exc)
            if mapped is None:
                raise
            log.warning("storage error: %s", exc)
            raise mapped from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self, actor: str = trail.SYSTEM_ACTOR) -> Iterator[Session]:
        """A snapshot to read from, without the write lock: lists, report rendering, previews.

        The transaction begins deferred, so a long read (rendering a report) never holds up a
        writer in this or another process; it sees the database as of its first read. It never
        writes: a change to an object is refused at flush, a raw write by SQLite
        (query_only), and the transaction is rolled back, never committed, at the end. Objects
        read stay loaded after the block (closed, not expired), as after db.session().
        """
        session = Session(
            bind=self.engine.execution_options(**{READ_OPTION: True}), expire_on_commit=False
        )
        session.info["actor"] = actor
        session.info[read_only_guard.READ_SESSION_KEY] = str(self.path)
        try:
            yield session
        finally:
            session.close()  # the pool rolls the transaction back as the connection returns

    @property
    def passphrase(self) -> str | None:
        return self._passphrase

    def backup_to(self, target: Path) -> Path:
        return backup_copy(self.path, target, self._passphrase)

    def close(self, *, keep_lock: bool = False) -> None:
        """Close every pooled connection; the write lock goes too unless keep_lock (restore)."""
        self.engine.dispose()
        opened = _open_here.get(_key(self.path), [])
        if self in opened:
            opened.remove(self)
            if not opened:
                del _open_here[_key(self.path)]
        if self.lock is not None and self._owns_lock and not keep_lock:
            self.lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    passphrase: str | None = None,
    check_integrity: bool = True,
    writer: bool = False,
    read_only: bool = False,
    lock: ownership.WriterLock | None = None,
    lock_wait: float = 0.0,
    purpose: str = "writing",
    program: str = "AuditApp",
) -> Database:
    """Open (or create) a database at the newest schema, upgrading older files after a backup.

    A passphrase opens or creates an SQLCipher-encrypted file. A damaged file is refused and
    never written to.

    ``writer`` takes the database's write lock (waiting up to ``lock_wait`` seconds) and keeps
    it until close; ``lock`` hands over a lock this process already holds. ``read_only`` opens
    without the lock and refuses every write. Plain opens (neither) are for library use and
    tests; the GUI and the command line always say which they are.
    """
    path = Path(path).expanduser()
    if passphrase is not None:
        from auditapp import log_privacy

        log_privacy.withhold_audit_content()
    trail.install()
    locking.install()
    read_only_guard.install()
    if not path.exists() and not create:
        raise DatabaseError(f"no database at {path}")
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if passphrase is not None and path.exists() and path.stat().st_size and not is_encrypted(path):
        raise BadInput(f"{path} is not encrypted; open it without a passphrase")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create the folder for {path}: {exc.strerror}") from None

    owns_lock = False
    if writer and lock is None:
        lock = ownership.held_here(path) or ownership.WriterLock(path, program)
        if not lock.held:
            lock.acquire(wait=lock_wait, purpose=purpose)
            owns_lock = True
    try:
        adopt = _prepare(path, passphrase, check_integrity, lock, lock_wait)
    except BaseException:
        if owns_lock and lock is not None:
            lock.release()
        raise

    engine = _make_engine(path, passphrase=passphrase, read_only=read_only)
    with engine.connect():  # creates the file and its WAL, so both can be made owner-only
        pass
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists():
            paths.restrict(name)
    factory = sessionmaker(engine, expire_on_commit=False)
    _seal_commits(factory, path)
    if adopt and not read_only:
        with factory() as session, session.begin():
            session.info["actor"] = trail.SYSTEM_ACTOR
    database = Database(
        path=path,
        engine=engine,
        encrypted=passphrase is not None,
        _factory=factory,
        _passphrase=passphrase,
        read_only=read_only,
        lock=lock,
        _owns_lock=owns_lock,
    )
    _open_here.setdefault(_key(path), []).append(database)
    return database


def _prepare(
    path: Path,
    passphrase: str | None,
    check_integrity: bool,
    lock: ownership.WriterLock | None,
    lock_wait: float,
) -> bool:
    """The integrity check and the schema upgrade (under the write lock) before opening.

    Returns whether the trail predates checkpoints and must be adopted by one."""
    current = current_revision(path, passphrase)
    # A trail older than checkpoints is adopted by one checkpoint once, right after the upgrade.
    adopt = current is not None and not _has_table(path, passphrase, "trail_checkpoint")
    if current is not None and check_integrity:
        problem = integrity_problem(path, passphrase, quick=True)
        if problem:
            raise DamagedDatabase(path, problem, latest_backup(path))
    head = head_revision()
    if current == head:
        return adopt
    # A per-field trail (before 0011) is converted and re-chained by the upgrade, which checks
    # and removes the old checkpoints: the converted trail is sealed afresh (its record of the
    # conversion keeps what the check found), and this computer's anchor starts again from it.
    legacy_trail = current is not None and _has_column(path, passphrase, "trail_entry", "prev_hash")
    if current is not None and current not in _known_revisions():
        raise Refused(
            f"{path} was written by a newer AuditApp (schema {current}); "
            "update AuditApp to open it. The file was not changed."
        )
    # Only the writer may change the schema: a reader opening an old file takes the lock
    # for the upgrade alone, or is refused while another process writes.
    temporary = None
    if lock is None or not lock.held:
        temporary = ownership.held_here(path) is None and ownership.WriterLock(path)
        if temporary:
            temporary.acquire(wait=lock_wait, purpose="the schema upgrade")
    try:
        if current is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = paths.backup_dir(path) / f"{path.stem}-{stamp}-before-schema-{head}.sqlite"
            backup_copy(path, backup, passphrase)
            log.info(
                "backed up %s to %s before upgrading schema %s -> %s", path, backup, current, head
            )
        try:
            _upgrade(path, passphrase)
        except AuditAppError:
            raise
        except Exception as exc:
            log.exception("schema upgrade failed")
            raise DatabaseError(
                f"could not bring {path} to the current schema ({exc}); the file was left as it was"
            ) from exc
        if legacy_trail:
            checkpoint.forget(path)
            adopt = True
    finally:
        if temporary:
            temporary.release()
    return adopt
