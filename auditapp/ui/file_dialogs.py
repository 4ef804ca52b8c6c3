"""Every file dialog of the app, built so that it never opens the database's own files.

Qt's file dialog (and the platform's native one, which runs inside this process) reads the
first bytes of each listed file to choose its icon and type. When it lists the folder of the
open database, that read opens and closes the database file, its -wal or its -shm; on POSIX,
closing any descriptor of a file drops all of this process's locks on it, another process
then checkpoints and deletes the WAL, and every later "saved" edit goes into a deleted file.

So the dialogs here are Qt's own (never native), their icons and types come from the file
name alone, and choosing one of the open database's files is refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QMessageBox, QWidget

from auditapp.core import db as dbmod


class NameOnlyIcons(QFileIconProvider):
    """Icons and type names from the file name alone: no file is opened to guess them."""

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            kind = (
                QFileIconProvider.IconType.Folder
                if what.isDir()
                else QFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)  # type: ignore[arg-type]

    def type(self, info: QFileInfo) -> str:  # type: ignore[override]
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


def is_open_database_file(path: Path) -> bool:
    """The file (or a side file) of a database this process has open."""
    return dbmod.is_open_database_file(path)


def _dialog(parent: QWidget | None, title: str, folder: str, file_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(NameOnlyIcons())
    return dialog


def _chosen(parent: QWidget | None, dialog: QFileDialog) -> list[str]:
    if not dialog.exec():
        return []
    files = dialog.selectedFiles()
    refused = [f for f in files if is_open_database_file(Path(f))]
    if refused:
        QMessageBox.warning(
            parent,
            "AuditApp",
            dialog.tr("%1 belongs to the database open in AuditApp; choose another file.").replace(
                "%1", refused[0]
            ),
        )
        return []
    return files


def open_file(parent: QWidget | None, title: str, folder: str, file_filter: str) -> str | None:
    dialog = _dialog(parent, title, folder, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    files = _chosen(parent, dialog)
    return files[0] if files else None


def open_files(parent: QWidget | None, title: str, folder: str, file_filter: str) -> list[str]:
    dialog = _dialog(parent, title, folder, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _chosen(parent, dialog)


def save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    dialog = _dialog(parent, title, suggested, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    files = _chosen(parent, dialog)
    return files[0] if files else None
