"""File › Back up now… and Restore from backup…: a file dialog, progress, a clear result.

The slow part (writing and checking a copy, checking a backup's audit trail) runs on a worker
thread behind a busy progress dialog; the result is told in a message box that stays open
until read (``result_box``). Restore checks the backup while the window is still open, then
closes the window and its connections, keeps the write lock, and replaces the file.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog, QWidget

from auditapp import paths
from auditapp.core import backup, restore
from auditapp.core.db import Database
from auditapp.errors import AuditAppError
from auditapp.ui import file_dialogs

DB_FILTER = "AuditApp database (*.sqlite);;All files (*)"


class BackupActions(QObject):
    def __init__(self, window: QMainWindow, db: Database, actor: str) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._actor = actor
        self.restored = False
        self.result_box: QMessageBox | None = None
        self.backup_action = QAction(self.tr("&Back up now…"), window)
        # triggered(bool) would hand its "checked" flag over as the file name.
        self.backup_action.triggered.connect(lambda _checked=False: self.back_up_now())
        self.restore_action = QAction(self.tr("&Restore from backup…"), window)
        self.restore_action.triggered.connect(lambda _checked=False: self.restore_from_backup())
        if db.read_only:
            self.restore_action.setEnabled(False)
            self.restore_action.setToolTip(self.tr("Not in a read-only window"))

    # --- showing work and results --------------------------------------------------------------

    def _run(self, text: str, work: Callable[[], Any], parent: QWidget | None) -> Any:
        """Run work off the GUI thread behind a busy dialog; its exception is raised here."""
        dialog = QProgressDialog(text, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowTitle("AuditApp")
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        outcome: dict[str, Any] = {}

        def target() -> None:
            try:
                outcome["value"] = work()
            except BaseException as exc:  # handed back to the GUI thread
                outcome["error"] = exc

        thread = threading.Thread(target=target, name="auditapp-backup", daemon=True)
        # A local event loop, not processEvents() in a loop: PySide 6.12 loses a reference to
        # None on every processEvents() call (docs/architecture.md, traps).
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(30)
        poll.timeout.connect(lambda: thread.is_alive() or loop.quit())
        thread.start()
        poll.start()
        loop.exec()
        poll.stop()
        thread.join()
        dialog.close()
        dialog.deleteLater()
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("value")

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.result_box = box
        box.open()

    # --- back up -------------------------------------------------------------------------------

    def back_up_now(self, target: str | None = None) -> Path | None:
        if target is None:
            default = Path.home() / f"{self._db.path.stem}-backup-{dt.date.today():%Y%m%d}.sqlite"
            target = file_dialogs.save_file(
                self._window, self.tr("Back up the database"), str(default), self.tr(DB_FILTER)
            )
            if not target:
                return None
        db = self._db
        try:
            written = self._run(
                self.tr("Writing and checking the backup…"),
                lambda: backup.backup(db.path, Path(target), db.passphrase),
                self._window,
            )
        except (AuditAppError, OSError) as exc:
            self._tell(
                QMessageBox.Icon.Critical,
                self.tr("Backup failed"),
                self.tr("No backup was written: %1").replace("%1", str(exc)),
                self._window,
            )
            return None
        size = written.stat().st_size / 1_048_576
        self._tell(
            QMessageBox.Icon.Information,
            self.tr("Backup written"),
            self.tr("The backup was written and checked:\n%1 (%2 MB)")
            .replace("%1", str(written))
            .replace("%2", f"{size:.1f}"),
            self._window,
        )
        self._window.statusBar().showMessage(
            self.tr("Backup written to %1").replace("%1", str(written)), 8000
        )
        return written

    # --- restore -------------------------------------------------------------------------------

    def restore_from_backup(self, source: str | None = None) -> bool:
        if self._db.read_only:
            return False
        if source is None:
            source = file_dialogs.open_file(
                self._window,
                self.tr("Restore a backup"),
                str(paths.backup_dir(self._db.path)),
                self.tr(DB_FILTER),
            )
            if not source:
                return False
        db, chosen = self._db, Path(source)
        try:
            problems = self._run(
                self.tr("Checking the backup and its audit trail…"),
                lambda: restore.inspect_backup(chosen, db.path, db.passphrase),
                self._window,
            )
        except AuditAppError as exc:
            self._tell(QMessageBox.Icon.Critical, self.tr("Not restored"), str(exc), self._window)
            return False
        if problems:
            self._tell(
                QMessageBox.Icon.Critical,
                self.tr("Not restored"),
                self.tr(
                    "This backup failed its checks and was not restored:\n%1\n\nThe database was "
                    "not changed. If it is the only copy left, an administrator can restore it "
                    "with 'auditapp restore FILE --accept-damaged --reason TEXT', which is "
                    "recorded in the audit trail."
                ).replace("%1", "\n".join(problems)),
                self._window,
            )
            return False
        answer = QMessageBox.question(
            self._window,
            "AuditApp",
            self.tr(
                "Replace the current database with %1? The current database is kept aside "
                "in the backup folder. AuditApp closes afterwards; start it again to "
                "continue."
            ).replace("%1", source),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._replace(chosen)

    def _replace(self, source: Path) -> bool:
        db = self._db
        lock, passphrase = db.lock, db.passphrase
        self._window.close()
        db.close(keep_lock=True)
        try:
            aside = self._run(
                self.tr("Restoring the backup…"),
                lambda: restore.restore(source, db.path, passphrase, lock=lock, actor=self._actor),
                None,
            )
        except (AuditAppError, OSError) as exc:
            self._tell(
                QMessageBox.Icon.Critical,
                self.tr("Not restored"),
                self.tr(
                    "The backup was not restored: %1\nStart AuditApp again to continue with the "
                    "database as it was."
                ).replace("%1", str(exc)),
                None,
            )
            return False
        finally:
            if lock is not None:
                lock.release()
        self.restored = True
        kept = (
            self.tr("\nThe previous database is kept at %1.").replace("%1", str(aside))
            if aside
            else ""
        )
        self._tell(
            QMessageBox.Icon.Information,
            self.tr("Backup restored"),
            self.tr("%1 was restored.%2\nStart AuditApp again to continue.")
            .replace("%1", str(source))
            .replace("%2", kept),
            None,
        )
        return True
