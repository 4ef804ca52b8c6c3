"""Backups, restore and the idle lock, wired into the main window's File menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from auditapp.core import backup, settings
from auditapp.core.db import Database
from auditapp.ui.backup_actions import BackupActions
from auditapp.ui.idle_lock import IdleLock

AUTO_BACKUP_CHECK_MS = 60 * 60 * 1000  # the core makes at most one a day


class SafetyActions(QObject):
    """Adds the backup entries to the File menu, runs automatic backups, owns the idle lock."""

    def __init__(self, window: QMainWindow, db: Database, actor: str) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._actor = actor
        with db.session() as session:
            minutes = settings.idle_lock_minutes(session)
        self.idle_lock = IdleLock(window, db, actor, minutes)
        self.backups = BackupActions(window, db, actor)
        self.backup_action = self.backups.backup_action
        self.restore_action = self.backups.restore_action
        window.safety = self  # type: ignore[attr-defined]  # Settings updates the idle lock
        self._add_to_file_menu()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.automatic_backup)
        if not db.read_only:  # the window that owns the database makes the automatic backups
            self._timer.start(AUTO_BACKUP_CHECK_MS)

    def _add_to_file_menu(self) -> None:
        menus = [a.menu() for a in self._window.menuBar().actions() if isinstance(a.menu(), QMenu)]
        if not menus:
            return
        file_menu = menus[0]
        quit_action = next(
            (
                a
                for a in file_menu.actions()
                if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
            ),
            None,
        )
        for action in (self.backup_action, self.restore_action):
            file_menu.insertAction(quit_action, action)
        file_menu.insertSeparator(quit_action)

    def _tasks(self):
        return getattr(self._window, "tasks", None)

    def automatic_backup(self) -> None:
        runner = self._tasks()
        if runner is None:
            backup.automatic_backup(self._db)
            return
        runner.run(
            lambda progress: backup.automatic_backup(self._db),
            on_done=lambda _: None,
            on_failed=lambda exc: self._window.statusBar().showMessage(
                self.tr("Automatic backup failed: %1").replace("%1", str(exc))
            ),
        )

    def back_up_now(self, target: str | None = None) -> Path | None:
        return self.backups.back_up_now(target)

    def restore_from_backup(self, source: str | None = None) -> bool:
        return self.backups.restore_from_backup(source)

    @property
    def restored(self) -> bool:
        return self.backups.restored

    def edit_security(self) -> None:
        """Security and backups now live in the one Settings dialog (File › Settings…)."""
        open_settings = getattr(self._window, "open_settings", None)
        if open_settings is not None:
            open_settings(section="security")
