"""Backups, restore and the idle lock, wired into the main window's File menu."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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
        self.restored = False
        with db.session() as session:
            minutes = settings.idle_lock_minutes(session)
        self.idle_lock = IdleLock(window, db, actor, minutes)
        self.backup_action = QAction(self.tr("&Back up now…"), window)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from backup…"), window)
        self.restore_action.triggered.connect(self.restore_from_backup)
        self.security_action = QAction(self.tr("Security and &backups…"), window)
        self.security_action.triggered.connect(self.edit_security)
        self._add_to_file_menu()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.automatic_backup)
        self._timer.start(AUTO_BACKUP_CHECK_MS)

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
        if target is None:
            default = Path.home() / f"{self._db.path.stem}-backup-{dt.date.today():%Y%m%d}.sqlite"
            target, _ = QFileDialog.getSaveFileName(
                self._window, self.tr("Back up the database"), str(default),
                self.tr("AuditApp database (*.sqlite)"))
            if not target:
                return None
        try:
            written = self._db.backup_to(Path(target))
            backup.check_file(written, self._db.passphrase)
        except (AuditAppError, OSError) as exc:
            QMessageBox.critical(self._window, "AuditApp", str(exc))
            return None
        self._window.statusBar().showMessage(self.tr("Backup written to %1").replace(
            "%1", str(written)), 8000)
        return written

    def restore_from_backup(self, source: str | None = None) -> bool:
        if source is None:
            source, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Restore a backup"), str(paths.backup_dir(self._db.path)),
                self.tr("AuditApp database (*.sqlite);;All files (*)"))
            if not source:
                return False
        try:
            backup.check_file(Path(source), self._db.passphrase)
        except AuditAppError as exc:
            QMessageBox.critical(self._window, "AuditApp", str(exc))
            return False
        answer = QMessageBox.question(
            self._window, "AuditApp",
            self.tr("Replace the current database with %1? The current database is kept aside "
                    "in the backup folder. AuditApp closes afterwards; start it again to "
                    "continue.").replace("%1", source))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        passphrase = self._db.passphrase
        self._window.close()
        self._db.close()
        try:
            backup.restore(Path(source), self._db.path, passphrase)
        except AuditAppError as exc:
            QMessageBox.critical(None, "AuditApp", str(exc))
            return False
        self.restored = True
        return True

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
