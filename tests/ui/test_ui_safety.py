"""Data safety in the window: idle lock, encryption at first start, damaged file, backups."""

from __future__ import annotations

import shutil

import pytest
from audit_factory import PASSWORD, make_user
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, audit_window, run_modal

from auditapp.core import backup, settings
from auditapp.core.db import is_encrypted, open_database
from auditapp.core.models import User
from auditapp.ui.database_open import DatabaseOpener
from auditapp.ui.safety import SafetyActions

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _failed_attempts(db) -> int:
    with db.session() as s:
        return s.scalar(select(User.failed_attempts).where(User.username == "anna"))


def test_idle_window_locks_hides_content_and_needs_the_password(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    from auditapp.ui.idle_lock import IdleLock

    clock = FakeClock()
    lock = IdleLock(window, db, "anna", minutes=5, clock=clock)
    clock.now += 4 * 60
    lock.check()
    assert not lock.is_locked
    clock.now += 61
    lock.check()
    assert lock.is_locked and lock.dialog is not None
    assert not window.centralWidget().isVisible() and not window.menuBar().isVisible()
    lock.dialog.reject()  # Escape does not unlock
    assert lock.is_locked
    lock.dialog.password.setText("wrong-password")
    lock.dialog.commit()
    assert lock.is_locked and "wrong" in lock.dialog.messages.text().lower()
    assert _failed_attempts(db) == 1
    lock.dialog.password.setText(PASSWORD)
    lock.dialog.commit()
    qtbot.waitUntil(lambda: not lock.is_locked)
    assert window.centralWidget().isVisible()


def test_new_database_is_encrypted_when_the_user_chooses_it(qtbot, tmp_path):
    path = tmp_path / "new.sqlite"
    opener = DatabaseOpener(path)
    opener.ask_new = lambda: (True, "a long passphrase")
    db = opener.open()
    assert db is not None and db.encrypted
    db.close()
    assert is_encrypted(path)
    asked: list[str] = []
    again = DatabaseOpener(path)

    def ask(error: str) -> str | None:
        asked.append(error)
        return "wrong passphrase" if len(asked) == 1 else "a long passphrase"

    again.ask_passphrase = ask
    reopened = again.open()
    assert reopened is not None
    reopened.close()
    assert asked[0] == "" and "wrong passphrase" in asked[1]


def test_damaged_database_offers_the_latest_backup_and_keeps_the_damaged_file(
    demo_template, tmp_path, _isolated_home
):
    path = tmp_path / "work.sqlite"
    shutil.copyfile(demo_template, path)
    db = open_database(path)
    made = backup.automatic_backup(db, force=True)
    db.close()
    data = bytearray(path.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 12000, 5):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    damaged_bytes = path.read_bytes()
    opener = DatabaseOpener(path)
    offered = []
    opener.confirm_restore = lambda exc: offered.append(exc.latest_backup) or True
    opener.show_error = lambda message: pytest.fail(message)
    db = opener.open()
    assert offered == [made]
    assert db is not None
    db.close()
    aside = list((_isolated_home / "backups").glob("work-*-replaced-by-restore.sqlite"))
    assert [p.read_bytes() for p in aside] == [damaged_bytes]


def test_backup_now_and_security_settings(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    safety = SafetyActions(window, db, "anna")
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Back up now…" in titles and "&Restore from backup…" in titles
    assert "&Settings…" in titles and not any("Security" in t for t in titles)
    written = safety.back_up_now(str(tmp_path / "copy.sqlite"))
    assert written is not None
    assert backup.check_file(written)


def test_one_settings_dialog_from_the_file_menu_stores_security_and_grading(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    safety = SafetyActions(window, db, "anna")
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "&Settings…")
    assert action.shortcut().toString() == "Ctrl+,"
    seen: list[str] = []

    def fill(dialog):
        seen.append(dialog.windowTitle())
        assert dialog.idle.isEnabled() and dialog.kept.isEnabled()
        dialog.kept.setValue(7)
        dialog.idle.setValue(12)
        dialog.separate_signers.setChecked(False)
        dialog.mhra.setChecked(True)
        dialog.commit()

    run_modal(action.trigger, fill)
    assert seen == ["Settings"]
    with db.session() as s:
        assert settings.backups_kept(s) == 7
        assert settings.idle_lock_minutes(s) == 12
        assert settings.separate_signers(s) is False
        assert settings.grading_scheme_name(s) == "mhra"
    assert safety.idle_lock.minutes == 12


def test_settings_security_section_is_disabled_in_a_read_only_window(qtbot):
    from auditapp.ui.settings_dialog import SecurityValues, SettingsDialog

    calls: list[object] = []
    dialog = SettingsDialog(
        "ema",
        {},
        submit=lambda *a, **k: calls.append(k) or None,
        security=SecurityValues(5, 10, True),
        read_only=True,
    )
    qtbot.addWidget(dialog)
    assert not dialog.idle.isEnabled() and not dialog.kept.isEnabled()
    assert not dialog.separate_signers.isEnabled()
    dialog.commit()
    assert calls == [{"security": None}]


def test_first_account_is_still_created_on_an_encrypted_database(tmp_path):
    path = tmp_path / "enc.sqlite"
    db = open_database(path, passphrase="a long passphrase")
    make_user(db)
    with db.session() as s:
        assert s.scalar(select(User.username)) == "anna"
    db.close()
