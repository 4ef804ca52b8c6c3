"""Sign the audit's closure letter: the certificate's ceremony (password, meaning), offered only
when every finding's follow-up is closed. The signed letter is stored with the audit and the
audit becomes closed; the caller decides where to save a copy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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

from auditapp.core.models import Language, codes
from auditapp.reports.wording_signoff import MEANING_TEXT
from auditapp.ui import labels
from auditapp.ui.export_dialog import failure_text
from auditapp.ui.widgets import MessageBar, label


class ClosureLetterDialog(QDialog):
    signed = Signal(object)  # the SignResult

    def __init__(
        self,
        db: Any,
        reference: str,
        *,
        actor: str,
        language: str,
        tasks: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self.reference, self._tasks = db, reference, tasks
        self.result: object = None
        self.setWindowTitle(self.tr("Sign closure letter · %1").replace("%1", reference))
        self.setMinimumWidth(540)
        intro = label(
            self.tr(
                "The closure letter tells the auditee that the follow-up of every finding is complete "
                "and closes the audit. It is signed by the lead auditor or an auditor of the team. "
                "Your signature means:"
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
        form.addRow(self.tr("Letter &language"), self.language)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.messages = MessageBar()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.addButton(
            self.tr("&Sign closure letter"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.statement)
        layout.addLayout(form)
        layout.addWidget(self.messages)
        layout.addWidget(buttons)
        self.password.setFocus()

    def _show_statement(self) -> None:
        self.statement.setText(MEANING_TEXT[self.language.currentData() or "en"]["closure"])

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
            from auditapp.reports import closure_letter

            return closure_letter.sign_closure_letter(
                db, reference, username=username, password=password, language=language
            )

        self.sign_button.setEnabled(False)
        if self._tasks is None:
            try:
                self._done(work(lambda *_: None))
            except Exception as exc:  # shown as one line; the traceback goes to the log
                self._failed(exc)
            return
        self._tasks.run(work, on_done=self._done, on_failed=self._failed)

    def _done(self, result: object) -> None:
        self.result = result
        self.signed.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.sign_button.setEnabled(True)
        self.messages.show_error(failure_text(exc, self.tr("Signing")))
        self.password.setFocus()
