"""The folder a file dialog starts in, remembered per purpose (evidence, reports, the trail,
verifying), so an auditor importing photos is not sent back to the home folder each time.

Remembered in the user data folder (folders.ini), not in the window layout. A remembered folder
that is the database's own folder is never offered: a file dialog listing that folder opens and
closes descriptors of the database files, which on POSIX drops SQLite's locks (docs/security.md).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from auditapp import paths

EVIDENCE, REPORT, TRAIL, VERIFY = "evidence", "report", "trail", "verify"
PACKAGES = "packages"
_database_folder: Path | None = None


def set_database_folder(folder: Path | None) -> None:
    global _database_folder
    _database_folder = folder.resolve() if folder is not None else None


def local_settings() -> QSettings:
    """Choices of this computer's user kept beside the data (folders, walk options)."""
    return QSettings(str(paths.data_dir() / "folders.ini"), QSettings.Format.IniFormat)


def documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def start_folder(purpose: str) -> Path:
    value = local_settings().value(f"last/{purpose}", "")
    if value:
        folder = Path(str(value))
        if folder.is_dir() and (_database_folder is None or folder.resolve() != _database_folder):
            return folder
    return documents()


def remember(purpose: str, chosen: str | Path) -> None:
    """Remember the folder of a chosen file (or a chosen folder)."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings = local_settings()
    settings.setValue(f"last/{purpose}", str(folder))
    settings.sync()
