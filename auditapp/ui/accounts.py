"""Accounts in the window: the Users dialog (administrators), changing one's own password, the
recovery code shown once, and recovery of a locked administrator with that code."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from auditapp.core import users
from auditapp.core.db import Database
from auditapp.core.models import Role, User
from auditapp.errors import AuditAppError, Refused
from auditapp.ui.account_forms import AddUserDialog, NewPasswordDialog, role_label
from auditapp.ui.widgets import MessageBar, label

translate = QCoreApplication.translate


class RecoveryCodeDialog(QDialog):
    """Shows an administrator's recovery code once; it is never stored in readable form."""

    def __init__(self, username: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCodeDialog")
        self.setWindowTitle(self.tr("Your recovery code"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Recovery code for %1").replace("%1", username), "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "If you forget your password or your account is locked, this code lets you set a "
                    "new password (Sign in › Forgot password). It is shown only now: write it down or "
                    "print it and keep it locked away, apart from this computer. Using it issues a new "
                    "code."
                ),
                "muted",
            )
        )
        self.code = QLineEdit(code)
        self.code.setReadOnly(True)
        self.code.setObjectName("recoveryCode")
        font = self.code.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.code.setFont(font)
        layout.addWidget(self.code)
        copy = QPushButton(self.tr("&Copy to clipboard"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        buttons = QDialogButtonBox()
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        done = buttons.addButton(
            self.tr("I have stored the code"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        done.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


class UsersDialog(QDialog):
    """Administrators: add accounts, set roles, unlock, reset passwords, deactivate."""

    COLUMNS = ("username", "full_name", "role", "state")

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self._db = db
        self._actor = actor
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "Accounts are never deleted, because the audit trail names them; deactivate an "
                    "account instead. Every change here is recorded in the audit trail."
                ),
                "muted",
            )
        )
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Username"), self.tr("Full name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.role_box = QComboBox()
        for role in Role:
            self.role_box.addItem(role_label(role.value), role.value)
        self.role_button = QPushButton(self.tr("Set &role"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.reset_button = QPushButton(self.tr("Reset &password…"))
        self.active_button = QPushButton(self.tr("&Deactivate"))
        for widget in (
            self.add_button,
            self.role_box,
            self.role_button,
            self.unlock_button,
            self.reset_button,
            self.active_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.set_role)
        self.unlock_button.clicked.connect(self.unlock)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.resize(760, 420)
        self.refresh()

    # --- table -------------------------------------------------------------------------------

    def refresh(self, select_user: str | None = None) -> None:
        with self._db.session() as session:
            rows = [
                (u.username, u.full_name, u.role, u.locked, u.active)
                for u in session.scalars(select(User).order_by(User.username))
            ]
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, (username, full_name, role, locked, active) in enumerate(rows):
            state = (
                self.tr("Deactivated")
                if not active
                else self.tr("Locked")
                if locked
                else self.tr("Active")
            )
            for c, text in enumerate((username, full_name, role_label(role), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, username)
                self.table.setItem(r, c, item)
            if username == select_user:
                self.table.selectRow(r)
        self._selection_changed()

    def selected_username(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def _selection_changed(self) -> None:
        username = self.selected_username()
        row = next((r for r in self._rows if r[0] == username), None)
        for button in (
            self.role_button,
            self.unlock_button,
            self.reset_button,
            self.active_button,
            self.role_box,
        ):
            button.setEnabled(row is not None)
        if row is not None:
            self.role_box.setCurrentIndex(self.role_box.findData(row[2]))
            self.unlock_button.setEnabled(bool(row[3]))
            self.active_button.setText(self.tr("&Deactivate") if row[4] else self.tr("Re&activate"))

    # --- actions -------------------------------------------------------------------------------

    def _as_admin(self, reason: str, change: Callable[..., object]) -> bool:
        """Run change(session, admin) in one transaction; show a refusal next to the buttons."""
        try:
            with self._db.session(actor=self._actor, reason=reason) as session:
                admin = users.find_user(session, self._actor)
                change(session, admin)
        except AuditAppError as exc:
            self.messages.show_error(str(exc))
            return False
        self.messages.clear_message()
        return True

    def add_user(self) -> None:
        dialog = AddUserDialog(self)

        def create(form: AddUserDialog) -> None:
            with self._db.session(actor=self._actor, reason="account added by administrator") as s:
                admin = users.find_user(s, self._actor)
                if admin.role != Role.ADMIN.value:
                    raise Refused("only an administrator can add accounts")
                users.create_user(
                    s,
                    username=form.username.text(),
                    full_name=form.full_name.text(),
                    role=str(form.role.currentData()),
                    password=form.password.text(),
                )

        dialog.submit_to = create
        if dialog.exec():
            self.refresh(select_user=dialog.username.text().strip().lower())
            self.messages.show_info(self.tr("The account was added."))

    def set_role(self) -> None:
        username = self.selected_username()
        role = str(self.role_box.currentData())
        if username and self._as_admin(
            "role changed by administrator",
            lambda s, admin: users.set_role(s, admin=admin, username=username, role=role),
        ):
            self.refresh(select_user=username)

    def unlock(self) -> None:
        username = self.selected_username()
        if username and self._as_admin(
            "unlock after failed sign-ins",
            lambda s, admin: users.unlock(s, admin=admin, username=username),
        ):
            self.refresh(select_user=username)
            self.messages.show_info(self.tr("The account is unlocked."))

    def toggle_active(self) -> None:
        username = self.selected_username()
        row = next((r for r in self._rows if r[0] == username), None)
        if row is None:
            return
        active = not row[4]
        if self._as_admin(
            "account activated" if active else "account deactivated",
            lambda s, admin: users.set_active(s, admin=admin, username=row[0], active=active),
        ):
            self.refresh(select_user=username)

    def reset_password(self) -> None:
        username = self.selected_username()
        if not username:
            return

        def apply(_current: str, new: str) -> None:
            with self._db.session(actor=self._actor, reason="password reset by administrator") as s:
                admin = users.find_user(s, self._actor)
                users.reset_password(s, admin=admin, username=username, new_password=new)

        dialog = NewPasswordDialog(
            self.tr("Reset the password of %1").replace("%1", username),
            ask_current=False,
            apply=apply,
            parent=self,
            intro=self.tr(
                "The account gets a new password and a new signing key; reports it signed "
                "before stay verifiable. Give the password to its owner in person and ask them "
                "to change it at their next sign-in."
            ),
        )
        if dialog.exec():
            self.refresh(select_user=username)
            self.messages.show_info(self.tr("The password was reset and the account unlocked."))


def install_account_actions(window: QWidget, menu: object, db: Database, actor: str) -> None:
    """File › Change my password… for everyone, File › Users… for administrators."""
    from PySide6.QtGui import QAction

    with db.session() as session:
        # The smoke run has no account behind its actor: no administration then.
        account = session.scalar(select(User).where(User.username == actor))
        is_admin = account is not None and account.role == Role.ADMIN.value

    def change_password() -> None:
        dialog = NewPasswordDialog(
            translate("Accounts", "Change my password"),
            ask_current=True,
            apply=lambda current, new: users.change_password(db, actor, current, new),
            parent=window,
        )
        if dialog.exec():
            window.statusBar().showMessage(  # type: ignore[attr-defined]
                translate("Accounts", "Your password was changed."), 10_000
            )

    password_action = QAction(translate("Accounts", "Change my &password…"), window)
    password_action.setObjectName("changePasswordAction")
    password_action.triggered.connect(change_password)
    menu.addAction(password_action)  # type: ignore[attr-defined]
    users_action = QAction(translate("Accounts", "&Users…"), window)
    users_action.setObjectName("usersAction")
    users_action.triggered.connect(lambda: UsersDialog(db, actor, window).exec())
    users_action.setVisible(is_admin)
    menu.addAction(users_action)  # type: ignore[attr-defined]
