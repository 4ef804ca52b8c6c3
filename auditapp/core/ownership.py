"""One writer per database: an OS lock on a lock file beside it (``<db>.lock``).

The GUI, every CLI verb that writes, ``restore`` and ``import`` hold this lock while they may
write; readers never take it and never wait for it. The lock is an OS lock (``flock`` on POSIX,
``msvcrt.locking`` on Windows), so it disappears with the process that held it: a crash never
leaves a stale lock behind, and the file's contents (who holds it) are only informative.

Why ``flock`` and not ``fcntl`` record locks: a POSIX record lock is dropped when the process
closes ANY descriptor of the file, which is exactly the trap that lost edits in SQLite's own
file (docs/security.md). A ``flock`` belongs to the open file description and survives another
descriptor of the same file being opened (to show the owner) and closed.

Within one process, a lock object is held at most once per database: a second acquire of the
same database in the same process is refused like one from another process.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from auditapp.errors import Refused

LOCK_SUFFIX = ".lock"
# CLI writers, restore and import wait this long for a busy database before refusing.
DEFAULT_WAIT_S = float(os.environ.get("AUDITAPP_LOCK_WAIT", "3"))
_POLL_S = 0.1
# Windows locks a byte range; this one lies far past the informative text in the file.
_WINDOWS_OFFSET = 1 << 30


class DatabaseInUse(Refused):
    """Another process holds the database for writing."""

    def __init__(self, database: Path, owner: Owner | None, purpose: str) -> None:
        who = owner.describe() if owner else "another AuditApp process"
        super().__init__(
            f"{database} is open for writing in {who}; {purpose} was refused and nothing "
            "was changed. Close it there (or wait for it to finish) and try again"
        )
        self.database = database
        self.owner = owner


@dataclass(frozen=True)
class Owner:
    """What the holder wrote into the lock file (informative only: the OS lock decides)."""

    program: str
    pid: int
    user: str
    host: str
    since: str

    def describe(self) -> str:
        where = "this computer" if self.host == socket.gethostname() else self.host
        when = self.since[11:16] if len(self.since) >= 16 else self.since
        return f"{self.program} (process {self.pid}, user {self.user} on {where}, since {when})"


def lock_path(database: Path) -> Path:
    database = Path(database)
    return database.with_name(database.name + LOCK_SUFFIX)


def _key(database: Path) -> str:
    return os.path.normcase(str(Path(database).expanduser().resolve()))


_held: dict[str, WriterLock] = {}


def held_here(database: Path) -> WriterLock | None:
    """The lock this process holds on the database, if any."""
    return _held.get(_key(database))


def read_owner(database: Path) -> Owner | None:
    try:
        data = json.loads(lock_path(database).read_text(encoding="utf-8") or "{}")
        return Owner(
            str(data["program"]),
            int(data["pid"]),
            str(data["user"]),
            str(data["host"]),
            str(data["since"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class WriterLock:
    """The write lock of one database, held by this process until released."""

    def __init__(self, database: Path, program: str = "AuditApp") -> None:
        self.database = Path(database).expanduser()
        self.path = lock_path(self.database)
        self.program = program
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, wait: float = 0.0, purpose: str = "writing") -> WriterLock:
        """Take the lock, polling up to ``wait`` seconds; DatabaseInUse when another holds it."""
        if self.held:
            return self
        key = _key(self.database)
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            if key not in _held:
                fd = self._open()
                if _try_lock(fd):
                    self._fd = fd
                    _held[key] = self
                    self._write_owner()
                    return self
                os.close(fd)
            if time.monotonic() >= deadline:
                owner = read_owner(self.database)
                if key in _held:
                    owner = Owner(
                        _held[key].program, os.getpid(), getpass.getuser(), socket.gethostname(), ""
                    )
                raise DatabaseInUse(self.database, owner, purpose)
            time.sleep(_POLL_S)

    def _open(self) -> int:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise Refused(
                f"cannot create the lock file {self.path} ({exc.strerror}); the database "
                "folder must be writable to change the database"
            ) from None

    def _write_owner(self) -> None:
        assert self._fd is not None
        try:
            user = getpass.getuser()
        except Exception:  # no user name in the environment (some services)
            user = "unknown"
        text = json.dumps(
            {
                "program": self.program,
                "pid": os.getpid(),
                "user": user,
                "host": socket.gethostname(),
                "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            }
        )
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, text.encode("utf-8"))

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        _held.pop(_key(self.database), None)
        try:
            # Emptied, not deleted: deleting would let a waiter lock the old inode while a
            # newcomer creates and locks a new file at the same path.
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(
    database: Path, *, wait: float = 0.0, purpose: str = "writing", program: str = "AuditApp"
) -> WriterLock:
    return WriterLock(database, program).acquire(wait=wait, purpose=purpose)


def is_held_elsewhere(database: Path) -> bool:
    """True while another process holds the lock (a probe that takes and drops it at once)."""
    if held_here(database) is not None:
        return False
    if not lock_path(database).exists():
        return False
    probe = WriterLock(database)
    try:
        probe.acquire()
    except DatabaseInUse:
        return True
    except Refused:
        return False
    probe.release()
    return False
