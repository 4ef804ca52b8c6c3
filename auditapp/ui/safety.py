"""Backups, restore and the idle lock, wired into the main window's File menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from auditapp import paths
from auditapp.core import backup, settings
from auditapp.core.db import Database
from auditapp.errors import AuditAppError
from auditapp.ui.backup_actions import BackupActions
from auditapp.ui.idle_lock import IdleLock
from auditapp.ui.widgets import MessageBar, label

AUTO_BACKUP_CHECK_MS = 60 * 60 * 1000  # the core makes at most one a day


class SecurityDialog(QDialog):
    def __init__(self, idle_minutes: int, kept: int, backup_folder: Path,
                 parent: QWidget | None = None, *, separate_signers: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Security and backups"))
        layout = QVBoxLayout(self)
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setRange(1, settings.MAX_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setValue(idle_minutes)
        self.kept = QSpinBox()
        self.kept.setRange(1, 100)
        self.kept.setValue(kept)
        form.addRow(self.tr("Lock the window after"), self.idle)
        form.addRow(self.tr("Automatic backups kept"), self.kept)
        self.separate_signers = QCheckBox(self.tr(
            "Author, reviewer and approver of a report version must be different people"))
        self.separate_signers.setChecked(separate_signers)
        form.addRow(self.tr("Signatures"), self.separate_signers)
        layout.addLayout(form)
        layout.addWidget(label(self.tr(
            "Automatic backups are made when AuditApp closes and once a day while it is open, "
            "in %1. Copy them to another medium now and then.").replace("%1", str(backup_folder)),
            "muted"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


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
        self.security_action = QAction(self.tr("Security and &backups…"), window)
        self.security_action.triggered.connect(self.edit_security)
        self._add_to_file_menu()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.automatic_backup)
        if not db.read_only:  # the window that owns the database makes the automatic backups
            self._timer.start(AUTO_BACKUP_CHECK_MS)
        self.security_action.setEnabled(not db.read_only)

    def _add_to_file_menu(self) -> None:
        menus = [a.menu() for a in self._window.menuBar().actions() if isinstance(a.menu(), QMenu)]
        if not menus:
            return
        file_menu = menus[0]
        quit_action = next((a for a in file_menu.actions()
                            if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)), None)
        for action in (self.backup_action, self.restore_action, self.security_action):
            file_menu.insertAction(quit_action, action)
        file_menu.insertSeparator(quit_action)

    def _tasks(self):
        return getattr(self._window, "tasks", None)

    def automatic_backup(self) -> None:
        runner = self._tasks()
        if runner is None:
            backup.automatic_backup(self._db)
            return
        runner.run(lambda progress: backup.automatic_backup(self._db), on_done=lambda _: None,
                   on_failed=lambda exc: self._window.statusBar().showMessage(
                       self.tr("Automatic backup failed: %1").replace("%1", str(exc))))

    def back_up_now(self, target: str | None = None) -> Path | None:
        return self.backups.back_up_now(target)

    def restore_from_backup(self, source: str | None = None) -> bool:
        return self.backups.restore_from_backup(source)

    @property
    def restored(self) -> bool:
        return self.backups.restored

    def edit_security(self) -> None:
        with self._db.session() as session:
            minutes, kept = settings.idle_lock_minutes(session), settings.backups_kept(session)
            separate = settings.separate_signers(session)
        dialog = SecurityDialog(minutes, kept, paths.backup_dir(self._db.path), self._window,
                                separate_signers=separate)
        if not dialog.exec():
            return
        try:
            with self._db.session(actor=self._actor) as session:
                settings.set_idle_lock_minutes(session, dialog.idle.value())
                settings.set_backups_kept(session, dialog.kept.value())
                if dialog.separate_signers.isChecked() != separate:
                    settings.set_separate_signers(session, dialog.separate_signers.isChecked())
        except AuditAppError as exc:
            QMessageBox.critical(self._window, "AuditApp", str(exc))
            return
        self.idle_lock.minutes = dialog.idle.value()
