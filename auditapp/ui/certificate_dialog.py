"""Sign the audit certificate: the report's ceremony (password, meaning), for an approved report.

The signed certificate is stored with the report version it certifies; the dialog then offers
to save it (the caller's ask_save_path decides where).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.db import Database
from auditapp.core.models import Language, codes
from auditapp.reports.wording_signoff import MEANING_TEXT
from auditapp.ui import labels
from auditapp.ui.export_dialog import failure_text
from auditapp.ui.tasks import TaskRunner
from auditapp.ui.widgets import MessageBar, label


class CertificateDialog(QDialog):
    signed = Signal(object)  # the SignResult

    def __init__(
        self,
        db: Database,
        reference: str,
        *,
        actor: str,
        language: str,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.reference = reference
        self._tasks = tasks
        self.result: object = None
        self.setWindowTitle(self.tr("Sign audit certificate · %1").replace("%1", reference))
        self.setMinimumWidth(540)
        intro = label(
            self.tr(
                "The audit certificate declares that the audit took place; it names no findings. "
                "It can be signed only for an approved report version, by the lead auditor or an "
                "auditor of the team. Your signature means:"
            )
        )
        intro.setWordWrap(True)
        self.language = QComboBox()
        for code in codes(Language):
            self.language.addItem(labels.language(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.statement = label("", "guidance")
        self.statement.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._show_statement)
        self._show_statement()
        self.username = QLineEdit(actor)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Certificate &language"), self.language)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.messages = MessageBar()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(
            self.tr("&Sign certificate"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.statement)
        layout.addLayout(form)
        layout.addWidget(self.messages)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def _show_statement(self) -> None:
        self.statement.setText(MEANING_TEXT[self.language.currentData() or "en"]["certificate"])

    def submit(self) -> None:
        password = self.password.text()
        self.password.clear()
        if not password:
            self.messages.show_error(self.tr("Enter your password to sign."))
            self.password.setFocus()
            return
        db, reference = self._db, self.reference
        username, language = self.username.text().strip(), self.language.currentData()

        def work(_progress: Callable[[int, int, str], None]) -> object:
            from auditapp.reports import certificate_signing

            return certificate_signing.sign_certificate(
                db, reference, username=username, password=password, language=language
            )

        self.sign_button.setEnabled(False)
        self._tasks.run(work, on_done=self._done, on_failed=self._failed)

    def _done(self, result: object) -> None:
        self.result = result
        self.signed.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.sign_button.setEnabled(True)
        self.messages.show_error(failure_text(exc, self.tr("Signing")))
        self.password.setFocus()
