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
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from auditapp import paths
from auditapp.core import trail
from auditapp.errors import AuditAppError, Refused

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(AuditAppError):
    exit_code = 2


def _set_pragmas(dbapi_connection: sqlite3.Connection, foreign_keys: bool) -> None:
    # Autocommit at the driver so SQLAlchemy's "begin" event decides how transactions start
    # (SQLAlchemy's documented pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk when it returns, so a power cut loses no committed edit; the
    # cost is one extra fsync per commit, under a millisecond here (docs/architecture.md).
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    cursor.close()


def _make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)

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


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(path: Path) -> str | None:
    """The schema revision stored in the file, or None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise DatabaseError(f"{path} is not an AuditApp database")
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as a database ({exc})") from exc


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def backup_copy(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while the app has it open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def _upgrade(path: Path) -> None:
    from alembic import command

    # Foreign keys OFF while tables are rebuilt: with them on, a batch migration deletes the
    # child rows of a rebuilt parent. env.py checks foreign keys before committing.
    engine = _make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            command.upgrade(_alembic_config(connection), "head")  # type: ignore[arg-type]
    finally:
        engine.dispose()


@dataclass
class Database:
    path: Path
    engine: Engine
    _factory: sessionmaker[Session] = field(repr=False)

    @contextmanager
    def session(self, actor: str = trail.SYSTEM_ACTOR, reason: str = "") -> Iterator[Session]:
        """One unit of work, committed on exit: every edit reaches the disk at once."""
        session = self._factory()
        session.info["actor"] = actor
        session.info["reason"] = reason
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (or create) a database at the newest schema, upgrading older files after a backup."""
    path = Path(path).expanduser()
    trail.install()
    if not path.exists() and not create:
        raise DatabaseError(f"no database at {path}")
    if path.exists() and path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    path.parent.mkdir(parents=True, exist_ok=True)

    current = current_revision(path)
    head = head_revision()
    if current is not None and current != head:
        if current not in _known_revisions():
            raise Refused(
                f"{path} was written by a newer AuditApp (schema {current}); "
                "update AuditApp to open it. The file was not changed."
            )
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = paths.backup_dir(path) / f"{path.stem}-{stamp}-before-schema-{head}.sqlite"
        backup_copy(path, backup)
        log.info("backed up %s to %s before upgrading schema %s -> %s", path, backup, current, head)
    if current != head:
        try:
            _upgrade(path)
        except AuditAppError:
            raise
        except Exception as exc:
            log.exception("schema upgrade failed")
            raise DatabaseError(
                f"could not bring {path} to the current schema ({exc}); the file was left as it was"
            ) from exc

    engine = _make_engine(path)
    factory = sessionmaker(engine, expire_on_commit=False)
    return Database(path=path, engine=engine, _factory=factory)
