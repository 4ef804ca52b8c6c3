"""The account forms: add a user, change or reset a password, recover a locked administrator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.models import Role
from auditapp.errors import AuditAppError
from auditapp.ui.widgets import MessageBar, label

translate = QCoreApplication.translate


def role_label(code: str) -> str:
    return {
        "lead_auditor": translate("Accounts", "Lead auditor"),
        "auditor": translate("Accounts", "Auditor"),
        "reviewer": translate("Accounts", "QA reviewer"),
        "admin": translate("Accounts", "Administrator"),
    }.get(code, code)


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _FormDialog(QDialog):
    """A titled form with a message line above OK/Cancel; submit() returns an error or None."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.messages = MessageBar()
        self.layout_.addWidget(self.messages)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def submit(self) -> str | None:  # pragma: no cover - overridden
        return None

    def _accept(self) -> None:
        try:
            error = self.submit()
        except AuditAppError as exc:
            error = str(exc)
        if error:
            self.messages.show_error(error)
            return
        self.accept()


class NewPasswordDialog(_FormDialog):
    """Current password (optional) and the new one twice; apply(current, new) does the work."""

    def __init__(
        self,
        title: str,
        *,
        ask_current: bool,
        apply: Callable[[str, str], None],
        intro: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._apply = apply
        if intro:
            self.layout_.insertWidget(0, label(intro, "muted"))
        self.current = password_field()
        self.new = password_field()
        self.new.setPlaceholderText(self.tr("at least 10 characters"))
        self.repeat = password_field()
        if ask_current:
            self.form.addRow(self.tr("&Current password"), self.current)
        self.form.addRow(self.tr("&New password"), self.new)
        self.form.addRow(self.tr("&Repeat new password"), self.repeat)

    def submit(self) -> str | None:
        if self.new.text() != self.repeat.text():
            return self.tr("The two new passwords differ.")
        self._apply(self.current.text(), self.new.text())
        return None


class RecoveryDialog(_FormDialog):
    """Sign-in help for a locked administrator: username, recovery code, new password twice.
    recover(username, code, password) returns the next recovery code."""

    def __init__(
        self,
        recover: Callable[[str, str, str], str],
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Recover an administrator account"), parent)
        self._recover = recover
        self.layout_.insertWidget(
            0,
            label(
                self.tr(
                    "Enter the recovery code you received when the administrator account was created. "
                    "Your password is replaced, the lock is lifted and a new code is shown."
                ),
                "muted",
            ),
        )
        self.user = QLineEdit(username)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("five groups of five letters and digits"))
        self.new = password_field()
        self.repeat = password_field()
        self.form.addRow(self.tr("&Username"), self.user)
        self.form.addRow(self.tr("Recovery &code"), self.code)
        self.form.addRow(self.tr("&New password"), self.new)
        self.form.addRow(self.tr("&Repeat new password"), self.repeat)
        self.next_code = ""

    def submit(self) -> str | None:
        if self.new.text() != self.repeat.text():
            return self.tr("The two new passwords differ.")
        self.next_code = self._recover(self.user.text(), self.code.text(), self.new.text())
        return None


class AddUserDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a user"), parent)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. anna.becker"))
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.AUDITOR, Role.LEAD_AUDITOR, Role.REVIEWER, Role.ADMIN):
            self.role.addItem(role_label(role.value), role.value)
        self.password = password_field()
        self.password.setPlaceholderText(self.tr("at least 10 characters"))
        self.repeat = password_field()
        self.form.addRow(self.tr("&Username"), self.username)
        self.form.addRow(self.tr("&Full name"), self.full_name)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow(self.tr("Initial &password"), self.password)
        self.form.addRow(self.tr("&Repeat password"), self.repeat)
        self.submit_to: Callable[[AddUserDialog], None] | None = None

    def submit(self) -> str | None:
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        assert self.submit_to is not None
        self.submit_to(self)
        return None
