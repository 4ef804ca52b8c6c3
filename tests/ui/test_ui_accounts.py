"""Accounts in the window: first-run administrator with its recovery code, the Users dialog,
changing one's own password, recovery at sign-in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from audit_factory import PASSWORD, make_user
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import OFFSCREEN_NOISE, new_window

from auditapp.core import users
from auditapp.ui.account_forms import AddUserDialog, NewPasswordDialog
from auditapp.ui.accounts import UsersDialog
from auditapp.ui.app import sign_in

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

NEW = "battery-staple-2"


def drive(trigger: Callable[[], object], *handlers: Callable[[QWidget], None]) -> None:
    """Trigger, then handle each modal dialog that opens in turn (nested or one after another)."""
    pending = list(handlers)
    errors: list[BaseException] = []
    seen: list[QWidget] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not pending:
            return
        if dialog is None or dialog in seen:
            QTimer.singleShot(30, step)
            return
        seen.append(dialog)
        handler = pending.pop(0)
        QTimer.singleShot(30, step)
        try:
            handler(dialog)
        except BaseException as exc:
            errors.append(exc)
            pending.clear()
            if dialog.isVisible():
                dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(30, step)
    trigger()
    if errors:
        raise errors[0]
    assert not pending, "a dialog expected by the test never opened"


def test_first_account_is_admin_and_sees_its_recovery_code_once(qtbot, db):
    shown: list[str] = []

    def create(dialog):
        dialog.user.setText("ria.root")
        dialog.full_name.setText("Ria Root")
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        dialog.commit()

    def code(dialog):
        assert dialog.objectName() == "recoveryCodeDialog"
        shown.append(dialog.code.text())
        dialog.accept()

    result: list[str | None] = []
    drive(lambda: result.append(sign_in(db)), create, code)
    assert result == ["ria.root"]
    with db.session() as s:
        assert users.find_user(s, "ria.root").role == "admin"
    # The code shown is the one that recovers the account.
    assert users.recover_administrator(db, "ria.root", shown[0], NEW)


def test_forgot_password_at_sign_in_recovers_the_administrator(qtbot, db):
    with db.session(actor="root") as s:
        _user, code = users.create_first_administrator(
            s, username="root", full_name="Ria Root", password=PASSWORD
        )
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(users.Refused):
            users.authenticate(db, "root", "wrong-password")

    def signin(dialog):
        dialog.user.setText("root")
        dialog.forgot.click()  # opens the recovery dialog (nested)

    def recovery(dialog):
        assert dialog.user.text() == "root"
        dialog.code.setText("wrong")
        dialog.new.setText(NEW)
        dialog.repeat.setText(NEW)
        dialog._accept()
        assert "recovery code" in dialog.messages.text().lower()
        dialog.code.setText(code)
        dialog._accept()

    def next_code(dialog):
        assert dialog.objectName() == "recoveryCodeDialog" and dialog.code.text() != code
        dialog.accept()
        QTimer.singleShot(0, lambda: finish(QApplication.activeModalWidget()))

    def finish(dialog):
        assert dialog.user.text() == "root"
        dialog.password.setText(NEW)
        dialog.commit()

    result: list[str | None] = []
    drive(lambda: result.append(sign_in(db)), signin, recovery, next_code)
    assert result == ["root"]


def test_users_dialog_adds_sets_role_unlocks_and_resets(qtbot, db, tmp_path):
    with db.session(actor="root") as s:
        users.create_first_administrator(
            s, username="root", full_name="Ria Root", password=PASSWORD
        )
    dialog = UsersDialog(db, "root")
    qtbot.addWidget(dialog)

    def add(form: AddUserDialog):
        form.username.setText("quinn.qa")
        form.full_name.setText("Quinn QA")
        form.role.setCurrentIndex(form.role.findData("reviewer"))
        form.password.setText(PASSWORD)
        form.repeat.setText("different-pass-1")
        form._accept()
        assert "differ" in form.messages.text().lower()
        form.repeat.setText(PASSWORD)
        form._accept()

    drive(dialog.add_button.click, add)
    assert dialog.selected_username() == "quinn.qa"
    with db.session() as s:
        assert users.find_user(s, "quinn.qa").role == "reviewer"
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("lead_auditor"))
    dialog.role_button.click()
    with db.session() as s:
        assert users.find_user(s, "quinn.qa").role == "lead_auditor"
    # The last administrator keeps the role: refused next to the buttons, nothing changes.
    dialog.refresh(select_user="root")
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("auditor"))
    dialog.role_button.click()
    assert "last administrator" in dialog.messages.text().lower()
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(users.Refused):
            users.authenticate(db, "quinn.qa", "wrong-password")
    dialog.refresh(select_user="quinn.qa")
    assert dialog.unlock_button.isEnabled()
    dialog.unlock_button.click()
    assert users.authenticate(db, "quinn.qa", PASSWORD).username == "quinn.qa"

    def reset(form: NewPasswordDialog):
        form.new.setText(NEW)
        form.repeat.setText(NEW)
        form._accept()

    drive(dialog.reset_button.click, reset)
    assert users.authenticate(db, "quinn.qa", NEW).username == "quinn.qa"


def test_everyone_changes_their_own_password_and_only_admins_see_users(qtbot, db, tmp_path):
    make_user(db)
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    users_action = window.findChild(type(window.help_action), "usersAction")
    assert users_action is not None and not users_action.isVisible()
    change = window.findChild(type(window.help_action), "changePasswordAction")

    def fill(form: NewPasswordDialog):
        form.current.setText("wrong-password-1")
        form.new.setText(NEW)
        form.repeat.setText(NEW)
        form._accept()
        assert "wrong" in form.messages.text().lower()
        form.current.setText(PASSWORD)
        form._accept()

    drive(change.trigger, fill)
    assert users.authenticate(db, "anna", NEW).username == "anna"
