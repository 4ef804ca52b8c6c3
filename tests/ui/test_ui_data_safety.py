"""The window and other processes: file dialogs, a second window, backup and restore by menu."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog
from ui_helpers import OFFSCREEN_NOISE, audit_window

from auditapp.core import backup, ownership
from auditapp.core.db import open_database
from auditapp.ui import file_dialogs
from auditapp.ui.database_open import DatabaseOpener
from auditapp.ui.safety import SafetyActions

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def _other_process_reads(path: Path) -> list[tuple[str, str]]:
    """Another process opens the database, reads the answers, and closes it."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "[print(q, n, sep='|') for q, n in c.execute("
        "'SELECT question_id, notes FROM response ORDER BY question_id')]; c.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [tuple(line.split("|", 1)) for line in out.splitlines()]  # type: ignore[misc]


def _file_menu_action(window, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == text)


@pytest.fixture
def owned(tmp_path: Path):
    """A database opened as the GUI opens it: owner of the write lock."""
    db = open_database(tmp_path / "data" / "audit.sqlite", writer=True)
    yield db
    db.close()


def test_file_dialog_on_the_data_folder_then_another_process_loses_no_answer(
    qtbot, owned, tmp_path
):
    """The issue's case: Ctrl+I in the data folder, Cancel, another process, three answers."""
    window, _ = audit_window(qtbot, owned, tmp_path)
    editor = window.editor
    assert editor.set_answer("ORG-01", "compliant", "first")
    page = window.workspace.evidence_page
    page._last_folder = str(owned.path.parent)  # the dialog lists the database's own folder
    seen: list[QFileDialog] = []

    from PySide6.QtCore import QTimer

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            seen.append(dialog)
            QTimer.singleShot(1500, dialog.reject)  # long enough to list and show icons
        else:
            QTimer.singleShot(50, step)

    QTimer.singleShot(50, step)
    page.import_dialog()
    assert seen, "the import dialog did not open"
    assert _other_process_reads(owned.path) == [("ORG-01", "first")]
    for question, notes in (("ORG-02", "second"), ("CSV-01", "third"), ("ORG-01", "fourth")):
        assert editor.set_answer(question, "compliant", notes)
    expected = [("CSV-01", "third"), ("ORG-01", "fourth"), ("ORG-02", "second")]
    assert _other_process_reads(owned.path) == expected
    window.close()
    owned.close()
    assert _other_process_reads(owned.path) == expected


def test_dialogs_never_sniff_files_and_refuse_the_database_itself(qtbot, owned, tmp_path):
    provider = file_dialogs.NameOnlyIcons()
    from PySide6.QtCore import QFileInfo

    assert provider.type(QFileInfo(str(owned.path))) == "SQLITE file"
    assert file_dialogs.is_open_database_file(owned.path)
    assert file_dialogs.is_open_database_file(Path(str(owned.path) + "-wal"))
    assert not file_dialogs.is_open_database_file(tmp_path / "other.sqlite")


@pytest.fixture
def other_window(tmp_path: Path):
    """Another process that has the database open for writing, as a first window has."""
    import os

    path = tmp_path / "audit.sqlite"
    open_database(path).close()
    code = (
        "import sys, time; from auditapp.core.db import open_database; "
        "db = open_database(sys.argv[1], writer=True, program='AuditApp window'); "
        "print('open', flush=True); sys.stdin.readline(); db.close()"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    yield path
    child.communicate("\n", timeout=30)


def test_second_window_is_offered_read_only_or_cancel(qtbot, other_window):
    path = other_window
    opener = DatabaseOpener(path)
    asked = []
    opener.ask_read_only = lambda in_use: asked.append(str(in_use)) or False
    assert opener.open() is None  # cancel
    assert "open for writing in AuditApp window" in asked[0]
    opener.ask_read_only = lambda in_use: True
    second = opener.open()
    assert second is not None and second.read_only and second.lock is None
    try:
        from tests.audit_factory import make_user

        with pytest.raises(Exception, match="read-only"):
            make_user(second)
    finally:
        second.close()
    assert ownership.is_held_elsewhere(path)


def test_the_question_names_the_other_window_and_offers_read_only(qtbot, other_window):
    opener = DatabaseOpener(other_window)
    texts = []

    def answer(box) -> None:
        texts.append(box.text())
        read_only = next(b for b in box.buttons() if "read-only" in b.text())
        read_only.click()

    from ui_helpers import run_modal

    opened = []
    run_modal(lambda: opened.append(opener.open()), answer)
    assert "open in another AuditApp window" in texts[0] and "AuditApp window" in texts[0]
    assert opened[0] is not None and opened[0].read_only
    opened[0].close()


def test_read_only_window_says_so_and_cannot_restore(qtbot, tmp_path):
    path = tmp_path / "audit.sqlite"
    with open_database(path) as setup:
        from tests.audit_factory import make_audit, make_user

        make_user(setup)
        reference = make_audit(setup, audit_type="pre_inspection")
    viewer = open_database(path, read_only=True)
    try:
        from ui_helpers import new_window

        window = new_window(qtbot, viewer, tmp_path / "layout.ini")
        safety = SafetyActions(window, viewer, "anna")
        window.open_audit(reference, wait=True)
        assert window.windowTitle().endswith("(read-only)")
        assert window.editor.read_only
        assert not safety.restore_action.isEnabled()
        window.close()
    finally:
        viewer.close()


def test_back_up_now_from_the_menu_writes_a_checked_copy(qtbot, owned, tmp_path, monkeypatch):
    window, _ = audit_window(qtbot, owned, tmp_path)
    safety = SafetyActions(window, owned, "anna")
    target = tmp_path / "copies" / "by-menu.sqlite"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(
        file_dialogs, "save_file", lambda *a, **k: asked.append(a[2]) or str(target)
    )
    progress_seen = []
    original_show = QProgressDialog.show
    monkeypatch.setattr(
        QProgressDialog,
        "show",
        lambda self: progress_seen.append(self.labelText()) or original_show(self),
    )
    _file_menu_action(window, "&Back up now…").trigger()
    assert asked and asked[0].endswith(".sqlite")
    assert progress_seen == ["Writing and checking the backup…"]
    assert target.is_file() and backup.check_file(target)
    box = safety.backups.result_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Backup written" and str(target) in box.text()
    box.close()
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == 1


def test_restore_from_the_menu_checks_replaces_and_records(qtbot, owned, tmp_path, monkeypatch):
    window, _ = audit_window(qtbot, owned, tmp_path)
    safety = SafetyActions(window, owned, "anna")
    good = tmp_path / "good.sqlite"
    backup.backup(owned.path, good)
    assert window.editor.set_answer("ORG-01", "compliant", "after the backup")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(good))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _file_menu_action(window, "&Restore from backup…").trigger()
    assert safety.restored
    box = safety.backups.result_box
    assert box is not None and box.windowTitle() == "Backup restored"
    box.close()
    assert not window.isVisible()
    assert owned.lock is not None and not owned.lock.held  # released after the restore
    with sqlite3.connect(owned.path) as conn:
        assert (
            conn.execute(
                "SELECT count(*) FROM response WHERE notes = 'after the backup'"
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute("SELECT action FROM trail_entry ORDER BY id DESC LIMIT 1").fetchone()[0]
            == "restore"
        )


def test_restore_from_the_menu_refuses_a_tampered_backup(qtbot, owned, tmp_path, monkeypatch):
    window, _ = audit_window(qtbot, owned, tmp_path)
    safety = SafetyActions(window, owned, "anna")
    tampered = tmp_path / "tampered.sqlite"
    backup.backup(owned.path, tampered)
    conn = sqlite3.connect(tampered)
    conn.execute("UPDATE audit SET title = 'edited with sqlite3'")
    conn.commit()
    conn.close()
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(tampered))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: pytest.fail("a tampered backup must not be offered"),
    )
    _file_menu_action(window, "&Restore from backup…").trigger()
    assert not safety.restored and window.isVisible()
    box = safety.backups.result_box
    assert box is not None and box.windowTitle() == "Not restored"
    assert "audit trail does not match" in box.text() and "--accept-damaged" in box.text()
    box.close()
