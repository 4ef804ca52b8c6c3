"""The deferred start: the audit list first, from plain SQL; the ORM, the audit's screens and the
rest of the menus after the list's first paint, or at once when something needs them."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from audit_factory import make_user
from conftest import run_cli
from PySide6.QtCore import QSettings, Qt
from ui_helpers import OFFSCREEN_NOISE

from auditapp.core import audits, start_open
from auditapp.core.db import DamagedDatabase, open_database
from auditapp.core.vocabulary import Classification
from auditapp.ui.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def _settings(tmp_path):
    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


def _menus(window):
    """Every menu's title and the texts of its actions, in order."""
    shown = []
    for action in window.menuBar().actions():
        menu = action.menu()
        items = [] if menu is None else [a.text() for a in menu.actions()]
        shown.append((action.text(), items))
    return shown


def _deferred_copy(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    deferred = start_open.open_deferred(path, passphrase=None, read_only=True)
    assert isinstance(deferred, start_open.DeferredDatabase)
    return path, deferred


def test_the_list_is_whole_and_filterable_before_the_orm_and_an_audit_opens(
    qtbot, demo_template, tmp_path
):
    path, deferred = _deferred_copy(demo_template, tmp_path)
    with sqlite3.connect(path) as conn:
        references = sorted(r for (r,) in conn.execute("SELECT reference FROM audit"))
    try:
        window = MainWindow(deferred, actor="smoke", settings=_settings(tmp_path), deferred=True)
        qtbot.addWidget(window)
        # Not shown yet, so not painted: nothing but the list and the first menus is built.
        assert not deferred.loaded and not window._preload.finished
        model, proxy = window.list_page.model, window.list_page.proxy
        assert sorted(r.reference for r in model.rows) == references
        assert model.grades[0].classification is Classification.CRITICAL
        assert window.list_page.count.text() == f"{len(references)} of {len(references)} audits"
        window.list_page.search.setText("no audit is called this")
        assert proxy.rowCount() == 0
        window.list_page.search.setText(references[0].lower())
        assert proxy.rowCount() == 1
        window.list_page.search.clear()
        window.list_page.table.sortByColumn(model.REFERENCE, Qt.SortOrder.AscendingOrder)
        assert model.rows[0].reference == references[0]
        assert not hasattr(window, "signoff")  # the late menus wait
        # Opening an audit is a first need: the ORM and the rest load now, then it opens.
        window.open_audit(references[0], wait=True)
        assert deferred.loaded and window._preload.finished
        assert window.workspace is not None
        assert window.editor is not None and window.editor.state.reference == references[0]
        assert window.signoff is not None and window.preview_dock is not None
        # Later refreshes read through the Database: the same rows.
        window.show_list()
        assert sorted(r.reference for r in model.rows) == references
        window.close()
    finally:
        deferred.close()


def test_the_rest_loads_in_the_background_after_the_first_paint(qtbot, demo_template, tmp_path):
    _, deferred = _deferred_copy(demo_template, tmp_path)
    try:
        window = MainWindow(deferred, actor="smoke", settings=_settings(tmp_path), deferred=True)
        qtbot.addWidget(window)
        window.show()
        # Nobody asks for anything: the worker loads and the GUI thread completes the menus.
        qtbot.waitUntil(lambda: window._preload.finished, timeout=60_000)
        assert deferred.loaded
        titles = [title for title, _ in _menus(window)]
        assert titles.index("&Oversight") == titles.index("&Help") - 1
        window.close()
    finally:
        deferred.close()


def test_deferred_menus_are_the_menus_built_at_once(qtbot, db, tmp_path):
    make_user(db)
    at_once = MainWindow(db, actor="anna", settings=_settings(tmp_path))
    qtbot.addWidget(at_once)
    later = MainWindow(db, actor="anna", settings=_settings(tmp_path), deferred=True)
    qtbot.addWidget(later)
    first = _menus(later)
    assert ("&Help", _menus(at_once)[-1][1]) == first[-1]
    assert len(first) < len(_menus(at_once))  # the Oversight menu comes with the rest
    later.ready()
    assert _menus(later) == _menus(at_once)
    # The account actions sit above File's last separator, before Quit, as built at once.
    file_items = _menus(later)[0][1]
    assert file_items.index("Change my &password…") < file_items.index("&Quit")


def test_a_damaged_file_is_refused_before_the_list_and_never_written(demo_template, tmp_path):
    path = tmp_path / "work.sqlite"
    shutil.copyfile(demo_template, path)
    data = bytearray(path.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 3 * 4096, 7):
        data[offset] = (data[offset] + 113) % 256
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DamagedDatabase):
        start_open.open_deferred(path, passphrase=None, read_only=True)
    smoke = run_cli("--smoke", "--db", str(path))
    said = [line for line in smoke.stderr.splitlines() if not line.startswith("This plugin")]
    assert smoke.returncode == 1 and len(said) == 1 and said[0].startswith("error:")
    assert "damaged" in said[0] and "not changed" in said[0]
    assert path.read_bytes() == before


def test_new_files_writers_and_upgrades_take_the_full_open(tmp_path, demo_template):
    fresh = tmp_path / "new.sqlite"
    assert start_open.open_deferred(fresh, passphrase=None, read_only=True) is None
    assert not fresh.exists()
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    assert start_open.open_deferred(copy, passphrase=None, read_only=False) is None


def test_the_list_sql_is_the_cores(demo_db, tmp_path):
    """One SQL: the raw connection at start-up reads what audits.summaries reads."""
    with demo_db.read_session() as session:
        through_orm = audits.summaries(session)
    deferred = start_open.open_deferred(demo_db.path, passphrase=None, read_only=True)
    assert deferred is not None
    try:
        grades, raw = deferred.audit_list()
    finally:
        deferred.close()
    assert raw == through_orm and raw
    assert start_open.audit_list(demo_db) == (grades, through_orm)
    with open_database(demo_db.path, read_only=True) as again:
        assert start_open.audit_list(again)[1] == through_orm


def test_the_sign_in_shows_while_the_orm_loads_then_the_writer_works(
    qtbot, demo_template, tmp_path
):
    from ui_helpers import run_modal

    from auditapp.core import ownership, settings
    from auditapp.ui.app import sign_in
    from auditapp.ui.database_open import DatabaseOpener

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    db = DatabaseOpener(path, deferred=True).open()
    assert isinstance(db, start_open.DeferredDatabase) and not db.read_only
    assert ownership.held_here(path) is not None  # the write lock, taken before anything else
    loading: list[bool] = []

    def fill(dialog):
        loading.append(db._loader is not None)  # the worker runs while the user types
        dialog.user.setText("demo.lead")
        dialog.password.setText("demo-password-1")
        dialog.commit()

    result: list[str | None] = []
    run_modal(lambda: result.append(sign_in(db)), fill)
    assert result == ["demo.lead"] and loading == [True] and db.loaded
    # The Database behind it writes, with its trail, under the lock taken at the start.
    with db.session(actor="demo.lead") as session:
        settings.save(session, grading_scheme="mhra")
    assert start_open.audit_list(db)[0][-1].classification is Classification.OTHER
    db.close()
    assert ownership.held_here(path) is None
    assert run_cli("trail", "verify", "--db", str(path)).returncode == 0


def test_a_damaged_file_is_refused_by_the_deferred_opener_untouched(qtbot, demo_template, tmp_path):
    from auditapp.ui.database_open import DatabaseOpener

    path = tmp_path / "work.sqlite"
    shutil.copyfile(demo_template, path)
    data = bytearray(path.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 3 * 4096, 7):
        data[offset] = (data[offset] + 113) % 256
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    opener = DatabaseOpener(path, deferred=True)
    said: list[str] = []
    opener.show_error = said.append
    assert opener.open() is None
    assert "damaged" in said[0] and path.read_bytes() == before
    from auditapp.core import ownership

    assert ownership.held_here(path) is None  # the lock taken for the check is given back


# The real start in a child process: sign in as a person would, see the list, close the window.
_REAL_START = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from auditapp.ui import app as start

def window():
    for top in QApplication.topLevelWidgets():
        if type(top).__name__ == "MainWindow" and top.isVisible():
            return top
    return None

def sign_in():
    dialog = QApplication.activeModalWidget()
    if dialog is None or not hasattr(dialog, "password"):
        QTimer.singleShot(30, sign_in)
        return
    print("SIGN-IN", flush=True)
    dialog.user.setText("demo.lead")
    dialog.password.setText("demo-password-1")
    dialog.commit()
    QTimer.singleShot(30, listed)

def listed():
    shown = window()
    if shown is None:
        QTimer.singleShot(30, listed)
        return
    shown.ready()
    print("LISTED", shown.list_page.model.rowCount(), type(shown._db).__name__, flush=True)
    shown.close()

QTimer.singleShot(30, sign_in)
sys.exit(start.run(database=Path(sys.argv[1]), language="en", smoke=False))
"""


def test_the_real_start_signs_in_lists_and_closes_with_its_backup(demo_template, tmp_path):
    import os
    import subprocess
    import sys

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    child = subprocess.run(
        [sys.executable, "-c", _REAL_START, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    assert "SIGN-IN" in child.stdout
    assert "LISTED 1 DeferredDatabase" in child.stdout
    # Closing made the automatic backup through the Database behind the deferred one, and
    # gave the write lock back (another writer may open the file now).
    from auditapp import paths

    assert list(paths.backup_dir(path).glob("demo-*.sqlite"))
    with open_database(path, writer=True) as again:
        assert not again.read_only


def test_a_database_that_cannot_open_behind_the_list_is_reported_not_a_crash(
    qtbot, demo_template, tmp_path, monkeypatch
):
    from auditapp.core import db as dbmod
    from auditapp.core.db_errors import DatabaseError

    path, deferred = _deferred_copy(demo_template, tmp_path)

    def refuse(*args, **kwargs):
        raise DatabaseError(f"{path} cannot be opened: disk I/O error")

    monkeypatch.setattr(dbmod, "open_database", refuse)
    try:
        window = MainWindow(deferred, actor="smoke", settings=_settings(tmp_path), deferred=True)
        qtbot.addWidget(window)
        reference = window.list_page.model.rows[0].reference
        window.open_audit(reference, wait=True)
        assert window.workspace is None
        assert "disk I/O error" in window.statusBar().currentMessage()
        monkeypatch.undo()  # the cause is gone: the next try opens it
        window.open_audit(reference, wait=True)
        assert window.workspace is not None and deferred.loaded
        window.close()
    finally:
        deferred.close()
