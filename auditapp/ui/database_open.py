"""Opening the database from the GUI: encryption on first start, the passphrase of an encrypted
file, and a damaged file (never written to; the latest backup is offered instead)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.db_errors import DamagedDatabase, WrongPassphrase
from auditapp.core.db_files import is_encrypted
from auditapp.core.ownership import DatabaseInUse, WriterLock
from auditapp.core.start_open import DeferredDatabase, open_deferred
from auditapp.errors import AuditAppError
from auditapp.ui import formats
from auditapp.ui.widgets import MessageBar, label

if TYPE_CHECKING:
    from auditapp.core.db import Database

MIN_PASSPHRASE = 8


def open_database(*args: Any, **kwargs: Any) -> Database:
    """core.db.open_database, imported when first called: the ORM is not loaded with this
    module, so that the sign-in can show while it loads."""
    from auditapp.core.db import open_database as open_with_orm

    return open_with_orm(*args, **kwargs)


class PassphraseDialog(QDialog):
    """Asks for a passphrase; for a new database, with a choice to encrypt and a repeat field."""

    def __init__(self, path: Path, *, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.new = new
        self.setWindowTitle(
            self.tr("AuditApp — new database") if new else self.tr("AuditApp — encrypted database")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(
            label(
                self.tr("Create a new database") if new else self.tr("This database is encrypted"),
                "heading",
            )
        )
        layout.addWidget(label(str(path), "muted"))
        if new:
            layout.addWidget(
                label(
                    self.tr(
                        "Audit data, names and evidence photos are confidential. Encrypt the database "
                        "so that whoever finds the laptop cannot read it. The passphrase cannot be "
                        "recovered: keep it safe."
                    ),
                    "",
                )
            )
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        self.encrypt = QCheckBox(self.tr("&Encrypt this database (recommended)"))
        self.encrypt.setChecked(True)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        if new:
            layout.addWidget(self.encrypt)
            form.addRow(self.tr("&Repeat"), self.repeat)
            self.passphrase.setPlaceholderText(
                self.tr("at least %1 characters").replace("%1", str(MIN_PASSPHRASE))
            )
            self.encrypt.toggled.connect(self.passphrase.setEnabled)
            self.encrypt.toggled.connect(self.repeat.setEnabled)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.passphrase.setFocus()

    def value(self) -> str | None:
        """The passphrase, or None for a new database the user chose not to encrypt."""
        if self.new and not self.encrypt.isChecked():
            return None
        return self.passphrase.text()

    def commit(self) -> None:
        if self.new and self.encrypt.isChecked():
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                self.messages.show_error(
                    self.tr("The passphrase needs at least %1 characters.").replace(
                        "%1", str(MIN_PASSPHRASE)
                    )
                )
                return
            if self.passphrase.text() != self.repeat.text():
                self.messages.show_error(self.tr("The two passphrases differ."))
                return
        self.accept()


class DatabaseOpener:
    """The GUI's way into open_database(); each question to the user is one overridable method."""

    def __init__(
        self, path: Path, parent: QWidget | None = None, *, deferred: bool = False
    ) -> None:
        """``deferred``: a file that passes its check opens as a DeferredDatabase, whose ORM
        loads while the sign-in waits for the user (the app's start)."""
        self.path = path
        self.parent = parent
        self.deferred = deferred

    def ask_new(self) -> tuple[bool, str | None]:
        dialog = PassphraseDialog(self.path, new=True, parent=self.parent)
        return bool(dialog.exec()), dialog.value()

    def ask_passphrase(self, error: str) -> str | None:
        dialog = PassphraseDialog(self.path, new=False, parent=self.parent)
        if error:
            dialog.messages.show_error(error)
        return dialog.passphrase.text() if dialog.exec() else None

    def confirm_restore(self, damaged: DamagedDatabase) -> bool:
        assert damaged.latest_backup is not None
        when = dt.datetime.fromtimestamp(damaged.latest_backup.stat().st_mtime)
        answer = QMessageBox.question(
            self.parent,
            "AuditApp",
            QDialog.tr(
                "The database is damaged and was not changed:\n%1\n\nRestore the latest "
                "backup from %2? The damaged file is kept aside."
            )
            .replace("%1", str(damaged))
            .replace("%2", formats.datetime_text(when.astimezone())),
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_read_only(self, in_use: DatabaseInUse) -> bool:
        """Another window or process writes to the database: open it read-only, or cancel."""
        who = in_use.owner.describe() if in_use.owner else ""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "AuditApp",
            QDialog.tr(
                "This database is open in another AuditApp window.\n%1\n%2\n\nOnly one window "
                "can change a database at a time. Open it read-only here (you can look, not "
                "change), or cancel and continue in the other window."
            )
            .replace("%1", str(self.path))
            .replace("%2", who),
            parent=self.parent,
        )
        read_only = box.addButton(QDialog.tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        return box.clickedButton() is read_only

    def show_error(self, message: str) -> None:
        QMessageBox.critical(self.parent, "AuditApp", message)

    def open(self) -> Database | DeferredDatabase | None:
        passphrase: str | None = None
        if not self.path.exists() or self.path.stat().st_size == 0:
            accepted, passphrase = self.ask_new()
            if not accepted:
                return None
        elif is_encrypted(self.path):
            passphrase = os.environ.get("AUDITAPP_PASSPHRASE") or None
        error = ""
        while True:
            if passphrase is None and is_encrypted(self.path):
                passphrase = self.ask_passphrase(error)
                if passphrase is None:
                    return None
            try:
                return self._open_as_writer_or_reader(passphrase)
            except DamagedDatabase as damaged:
                if damaged.latest_backup is None:
                    self.show_error(str(damaged))
                    return None
                if not self.confirm_restore(damaged):
                    return None
                from auditapp.core import backup

                try:
                    backup.restore(damaged.latest_backup, self.path, passphrase)
                except AuditAppError as exc:
                    self.show_error(str(exc))
                    return None
            except WrongPassphrase as exc:
                if passphrase is None:
                    self.show_error(str(exc))
                    return None
                error, passphrase = str(exc), None
            except AuditAppError as exc:
                self.show_error(str(exc))
                return None

    def _open_deferred(self, passphrase: str | None) -> DeferredDatabase | None:
        """The file checked and the write lock taken without the ORM, or None (a new file,
        an upgrade: open_database decides). DatabaseInUse when another window writes."""
        lock = WriterLock(self.path, "AuditApp window")
        lock.acquire(purpose="writing")
        try:
            opened = open_deferred(self.path, passphrase=passphrase, read_only=False, lock=lock)
        except BaseException:
            lock.release()
            raise
        if opened is None:
            lock.release()
        return opened

    def _open_as_writer_or_reader(
        self, passphrase: str | None
    ) -> Database | DeferredDatabase | None:
        try:
            if self.deferred:
                opened = self._open_deferred(passphrase)
                if opened is not None:
                    return opened
            return open_database(
                self.path, passphrase=passphrase, writer=True, program="AuditApp window"
            )
        except DatabaseInUse as in_use:
            if not self.ask_read_only(in_use):
                return None
            return open_database(self.path, passphrase=passphrase, read_only=True)
