"""Where AuditApp keeps its data: platformdirs, overridden by --db or AUDITAPP_DB."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME = "AuditApp"
_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    override = os.environ.get("AUDITAPP_HOME")
    if override:
        # A folder someone named may be shared on purpose: made owner-only only when we make it.
        path = Path(override)
        if not path.is_dir():
            path.mkdir(parents=True, exist_ok=True)
            restrict(path, directory=True)
        return path
    import platformdirs

    return _private_folder(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


_tightened: set[str] = set()


def _private_folder(path: Path) -> Path:
    """Create the folder owner-only; a folder made by an older version is tightened once."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True)
    if str(path) not in _tightened:
        restrict(path, directory=True)
        _tightened.add(str(path))
    return path


def restrict(path: Path, *, directory: bool = False) -> None:
    """Owner-only access on POSIX (0700 folders, 0600 files): audit data, keys and backups are
    confidential. Windows keeps its per-user profile ACLs; chmod there means little."""
    if os.name != "posix":
        return
    # A file on a filesystem without modes (FAT stick) stays as it is.
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700 if directory else 0o600)


def default_database() -> Path:
    env = os.environ.get("AUDITAPP_DB")
    if env:
        return Path(env)
    return data_dir() / "auditapp.sqlite"


def backup_dir(database: Path) -> Path:
    """Backups live beside the user data, not beside the database (which may be on a stick)."""
    return _private_folder(data_dir() / "backups")


def log_file() -> Path:
    return _private_folder(data_dir() / "logs") / "auditapp.log"


def _bundled(name: str) -> Path:
    # Installed wheels carry the folder inside the package; a source checkout has it at the top.
    packaged = _PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


def checklists_dir() -> Path:
    return _bundled("checklists")


def resources_dir() -> Path:
    return _bundled("resources")
