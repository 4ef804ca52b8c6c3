"""The idle lock: after the configured idle time the window hides its content and asks for the
signed-in user's password again (21 CFR 11.10(d), EU Annex 11 §12). Wrong passwords count
towards the account lock like any sign-in."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import users
from auditapp.core.db import Database
from auditapp.errors import AuditAppError
from auditapp.ui.widgets import MessageBar, label

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
CHECK_MS = 10_000


class UnlockDialog(QDialog):
    """authenticate(password) returns None when the password is right, else the message."""

    def __init__(
        self,
        username: str,
        authenticate: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("AuditApp — locked"))
        self._authenticate = authenticate
        self.signed_out = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(label(self.tr("Session locked"), "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "AuditApp locked itself after a period without use. Enter the password of %1 to "
                    "continue, or sign out."
                ).replace("%1", username),
                "muted",
            )
        )
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        layout.addWidget(self.password)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_out_button = buttons.addButton(
            self.tr("Sign out"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.unlock_button.clicked.connect(self.commit)
        self.sign_out_button.clicked.connect(self.sign_out)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.password.setFocus()

    def commit(self) -> None:
        error = self._authenticate(self.password.text())
        self.password.clear()
        if error:
            self.messages.show_error(error)
            return
        self.accept()

    def sign_out(self) -> None:
        self.signed_out = True
        self.reject()

    def reject(self) -> None:
        # Escape must not unlock: only the password or signing out ends the dialog.
        if self.signed_out:
            super().reject()


class IdleLock(QObject):
    """Watches user input application-wide and locks the window when idle too long."""

    locked = Signal()
    unlocked = Signal()
    signed_out = Signal()

    def __init__(
        self,
        window: QMainWindow,
        db: Database,
        username: str,
        minutes: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._username = username
        self.minutes = minutes
        self._clock = clock
        self._last = clock()
        self.is_locked = False
        self.dialog: UnlockDialog | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(CHECK_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.is_locked and event.type() in _ACTIVITY:
            self._last = self._clock()
        return False

    def check(self) -> None:
        if not self.is_locked and self._clock() - self._last >= self.minutes * 60:
            self.lock()

    def _authenticate(self, password: str) -> str | None:
        try:
            users.authenticate(self._db, self._username, password)
        except AuditAppError as exc:
            return str(exc)
        return None

    def lock(self) -> None:
        """Hide everything confidential, then ask for the password."""
        self.is_locked = True
        hidden = [w for w in (self._window.centralWidget(), self._window.menuBar()) if w]
        for widget in hidden:
            widget.setVisible(False)
        self.locked.emit()
        self.dialog = UnlockDialog(self._username, self._authenticate, self._window)
        self.dialog.finished.connect(lambda result: self._finish(result, hidden))
        self.dialog.open()

    def _finish(self, result: int, hidden: list[QWidget]) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and dialog.signed_out:
            self.signed_out.emit()
            self._window.close()
            return
        for widget in hidden:
            widget.setVisible(True)
        self.is_locked = False
        self._last = self._clock()
        self.unlocked.emit()
