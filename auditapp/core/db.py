"""Opening a database: pragmas, the schema upgrade (backup first), and short sessions."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
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
from auditapp.core import locking, trail
from auditapp.errors import AuditAppError, BadInput, Refused

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(AuditAppError):
    exit_code = 2


class PassphraseRequired(DatabaseError):
    """The file is encrypted and no passphrase was given."""

    exit_code = 2


class StorageError(AuditAppError):
    """The disk refused a write (full, read-only, I/O error): nothing of the edit was saved."""

    exit_code = 1


_STORAGE_MESSAGES = (
    ("disk is full", "the disk is full"),
    ("readonly database", "the database file or its folder is read-only"),
    ("read-only file system", "the database file or its folder is read-only"),
    ("unable to open database file", "the database file cannot be opened for writing (read-only or missing folder)"),
    ("disk i/o error", "a disk error occurred"),
    ("database is locked", "the database is busy in another AuditApp window or process"),
)


def storage_error(exc: BaseException) -> StorageError | None:
    """A clear StorageError for SQLite's storage failures, None for anything else."""
    text = str(getattr(exc, "orig", exc)).lower()
    for needle, reason in _STORAGE_MESSAGES:
        if needle in text:
            return StorageError(f"{reason}: the change was not saved and nothing else changed")
    return None


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


def is_encrypted(path: Path) -> bool:
    """An existing, non-empty file without the plain SQLite header (SQLCipher encrypts page 1)."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with open(path, "rb") as handle:
        return handle.read(16) != SQLITE_HEADER


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def raw_connect(path: Path, passphrase: str | None, *, readonly: bool = False):
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
    path: Path, *, foreign_keys: bool = True, passphrase: str | None = None, pooled: bool = True
) -> Engine:
    # URL.create escapes the passphrase; a hand-built URL string with special characters
    # silently opens an in-memory database instead.
    if passphrase is None:
        url = URL.create("sqlite", database=str(path))
    else:
        url = URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))
    # Pooled: SQLCipher's key derivation costs ~0.1 s per connection, paid once per database.
    engine = create_engine(url, poolclass=None if pooled else NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        _set_pragmas(dbapi_connection, foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: object) -> None:
        # IMMEDIATE takes the write lock up front, so two processes (GUI and CLI) cannot
        # interleave trail entries and fork the hash chain.
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]

    return engine


def _alembic_config(connection: object | None = None) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.*?)\s*$", re.MULTILINE)


@functools.cache
def _revision_graph() -> dict[str, str | None] | None:
    """revision -> down_revision, read from the migration files as text.

    Importing Alembic costs about 0.1 s of every start-up only to learn the head revision; a
    scan of the few files gives the same answer. None when the files cannot be read plainly
    (a frozen build without sources, a merge revision): then Alembic answers.
    """
    graph: dict[str, str | None] = {}
    for source in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(source.read_text(encoding="utf-8")))
        values = {k: v.strip("'\"") for k, v in found.items()}
        if "revision" not in values or "(" in found.get("down_revision", "("):
            return None
        down = values["down_revision"]
        graph[values["revision"]] = None if down == "None" else down
    return graph or None


def head_revision() -> str:
    graph = _revision_graph()
    if graph is not None:
        heads = set(graph) - {down for down in graph.values() if down}
        if len(heads) == 1:
            return heads.pop()
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


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
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
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
        if passphrase is not None:
            raise Refused(f"wrong passphrase for {path}, or not an AuditApp database") from exc
        raise DatabaseError(f"{path} cannot be read as a database ({exc})") from exc


def _known_revisions() -> set[str]:
    graph = _revision_graph()
    if graph is not None:
        return set(graph)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def backup_copy(source: Path, target: Path, passphrase: str | None = None) -> Path:
    """A consistent copy through SQLite's online backup API (safe while the app has it open).

    An encrypted source gives an encrypted copy under the same passphrase.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    src = raw_connect(source, passphrase, readonly=True)
    dst = raw_connect(target, passphrase)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def integrity_problem(path: Path, passphrase: str | None = None, *, quick: bool = False) -> str | None:
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

    @contextmanager
    def session(self, actor: str = trail.SYSTEM_ACTOR, reason: str = "") -> Iterator[Session]:
        """One unit of work, committed on exit: every edit reaches the disk at once."""
        session = self._factory()
        session.info["actor"] = actor
        session.info["reason"] = reason
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

    @property
    def passphrase(self) -> str | None:
        return self._passphrase

    def backup_to(self, target: Path) -> Path:
        return backup_copy(self.path, target, self._passphrase)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(
    path: Path | str, *, create: bool = True, passphrase: str | None = None,
    check_integrity: bool = True,
) -> Database:
    """Open (or create) a database at the newest schema, upgrading older files after a backup.

    A passphrase opens or creates an SQLCipher-encrypted file. A damaged file is refused and
    never written to.
    """
    path = Path(path).expanduser()
    trail.install()
    locking.install()
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

    current = current_revision(path, passphrase)
    if current is not None and check_integrity:
        problem = integrity_problem(path, passphrase, quick=True)
        if problem:
            raise DamagedDatabase(path, problem, latest_backup(path))
    head = head_revision()
    if current is not None and current != head:
        if current not in _known_revisions():
            raise Refused(
                f"{path} was written by a newer AuditApp (schema {current}); "
                "update AuditApp to open it. The file was not changed."
            )
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = paths.backup_dir(path) / f"{path.stem}-{stamp}-before-schema-{head}.sqlite"
        backup_copy(path, backup, passphrase)
        log.info("backed up %s to %s before upgrading schema %s -> %s", path, backup, current, head)
    if current != head:
        try:
            _upgrade(path, passphrase)
        except AuditAppError:
            raise
        except Exception as exc:
            log.exception("schema upgrade failed")
            raise DatabaseError(
                f"could not bring {path} to the current schema ({exc}); the file was left as it was"
            ) from exc

    engine = _make_engine(path, passphrase=passphrase)
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(
        path=path, engine=engine, encrypted=passphrase is not None, _factory=factory,
        _passphrase=passphrase,
    )
