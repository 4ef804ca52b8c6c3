"""Sign in, or on the first run create the first account (an administrator); a locked
administrator recovers with the recovery code."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from auditapp.errors import AuditAppError
from auditapp.ui.widgets import MessageBar, label


class SignInDialog(QDialog):
    """authenticate(username, password) returns the username or raises AuditAppError;
    create(username, full_name, password) does the same for a first account."""

    def __init__(
        self,
        *,
        first_run: bool,
        authenticate: Callable[[str, str], str],
        create: Callable[[str, str, str], str],
        recover: Callable[[str, str, str], str] | None = None,
        database: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.first_run = first_run
        self._authenticate = authenticate
        self._create = create
        self._recover = recover
        self.username: str | None = None
        self.setWindowTitle(
            self.tr("AuditApp — create the first account")
            if first_run
            else self.tr("AuditApp — sign in")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(
            label(self.tr("Welcome to AuditApp") if first_run else self.tr("Sign in"), "heading")
        )
        if first_run:
            layout.addWidget(
                label(
                    self.tr(
                        "This database has no accounts yet. Create yours: it signs every edit in the "
                        "audit trail. The first account is the administrator, who adds the other "
                        "users; you will receive a recovery code for it."
                    ),
                    "muted",
                )
            )
        if database:
            layout.addWidget(label(database, "muted"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        form = QFormLayout()
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("e.g. anna.becker"))
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Username"), self.user)
        if first_run:
            form.addRow(self.tr("&Full name"), self.full_name)
        form.addRow(self.tr("&Password"), self.password)
        if first_run:
            form.addRow(self.tr("&Repeat password"), self.repeat)
            self.password.setPlaceholderText(self.tr("at least 10 characters"))
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create account") if first_run else self.tr("Sign in")
        )
        if not first_run and recover is not None:
            self.forgot = buttons.addButton(
                self.tr("&Forgot password…"), QDialogButtonBox.ButtonRole.HelpRole
            )
            self.forgot.clicked.connect(self.recover)
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.user.setFocus()

    def commit(self) -> None:
        try:
            if self.first_run:
                if self.password.text() != self.repeat.text():
                    self.messages.show_error(self.tr("The two passwords differ."))
                    return
                self.username = self._create(
                    self.user.text(), self.full_name.text(), self.password.text()
                )
            else:
                self.username = self._authenticate(self.user.text(), self.password.text())
        except AuditAppError as exc:
            self.messages.show_error(str(exc))
            self.password.clear()
            self.repeat.clear()
            self.password.setFocus()
            return
        self.accept()

    def recover(self) -> None:
        """A locked or forgetful administrator sets a new password with the recovery code."""
        from auditapp.ui.account_forms import RecoveryDialog
        from auditapp.ui.accounts import RecoveryCodeDialog

        assert self._recover is not None
        dialog = RecoveryDialog(self._recover, self.user.text(), self)
        if not dialog.exec():
            return
        RecoveryCodeDialog(dialog.user.text().strip().lower(), dialog.next_code, self).exec()
        self.user.setText(dialog.user.text().strip().lower())
        self.messages.show_info(self.tr("Your password was reset. Sign in with the new one."))
        self.password.setFocus()
