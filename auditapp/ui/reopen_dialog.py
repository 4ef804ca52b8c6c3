"""Reopen a signed audit: the lead auditor, re-authenticated, with a reason for the trail.

The signed versions stay as they are; the audit becomes editable as the next report version.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import signing
from auditapp.core.db import Database
from auditapp.ui.export_dialog import failure_text
from auditapp.ui.tasks import TaskRunner
from auditapp.ui.widgets import MessageBar, label


class ReopenDialog(QDialog):
    reopened = Signal(int)  # the new report version

    def __init__(
        self,
        db: Database,
        reference: str,
        *,
        version: int,
        actor: str,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.reference = reference
        self._tasks = tasks
        self.new_version: int | None = None
        self.setWindowTitle(self.tr("Reopen audit · %1").replace("%1", reference))
        self.setMinimumWidth(520)
        intro = label(
            self.tr(
                "Report version %1 of %2 is signed and locked. Reopening makes the audit editable "
                "as report version %3; the signed version stays unchanged and retrievable. Only "
                "the lead auditor can reopen, and the reason is kept in the audit trail."
            )
            .replace("%1", str(version))
            .replace("%2", reference)
            .replace("%3", str(version + 1))
        )
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why must the signed report change?"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(110)
        self.username = QLineEdit(actor)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("Lead auditor &username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.messages = MessageBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reopen_button = self.buttons.addButton(
            self.tr("Re&open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reopen_button.setEnabled(False)
        self.reason.textChanged.connect(self._reason_changed)
        self.reopen_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.messages)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def _reason_changed(self) -> None:
        self.reopen_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def submit(self) -> None:
        reason = self.reason.toPlainText().strip()
        password = self.password.text()
        self.password.clear()
        if not reason:
            self.messages.show_error(
                self.tr("Give the reason for reopening; it is kept in the audit trail.")
            )
            self.reason.setFocus()
            return
        if not password:
            self.messages.show_error(self.tr("Enter the lead auditor's password."))
            self.password.setFocus()
            return
        db, reference, username = self._db, self.reference, self.username.text().strip()

        def work(_progress: Callable[[int, int, str], None]) -> int:
            return signing.reopen_audit(
                db, reference, username=username, password=password, reason=reason
            )

        self.reopen_button.setEnabled(False)
        self._tasks.run(work, on_done=self._done, on_failed=self._failed)

    def _done(self, version: int) -> None:
        self.new_version = version
        self.reopened.emit(version)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._reason_changed()
        self.messages.show_error(failure_text(exc, self.tr("Reopening")))
        self.password.setFocus()
