"""Application start: one QApplication, one database, sign-in, the main window."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QObject,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from auditapp.errors import AuditAppError
from auditapp.process_clock import since_process_start

if TYPE_CHECKING:  # the database layer (SQLAlchemy) loads after the shell is painted
    from auditapp.core.db import Database
    from auditapp.core.start_open import DeferredDatabase

SMOKE_ACTOR = "smoke"  # a smoke run signs in as nobody and edits nothing


class _FirstPaint(QObject):
    """Notes when a window is first painted, counted from the process start (for --smoke)."""

    def __init__(self, app: QApplication, *, quit_after: bool = True) -> None:
        super().__init__()
        self._app = app
        self._quit_after = quit_after
        self.elapsed: float | None = None
        self.method = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.elapsed is None:
            self.elapsed, self.method = since_process_start()
            if self._quit_after:
                QTimer.singleShot(0, self._app.quit)
        return False


class StartupShell(QMainWindow):
    """The window the user sees at once, before the database and the main window load."""

    def __init__(self, database: Path) -> None:
        super().__init__()
        self.setWindowTitle("AuditApp")
        self.resize(1280, 800)
        note = QLabel(self.tr("Opening %1…").replace("%1", database.name))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(note)


def _paint_now(app: QApplication, watcher: _FirstPaint, limit_ms: int = 2000) -> None:
    """Let the shell paint before the slow part of the start begins."""
    clock = QElapsedTimer()
    clock.start()
    while watcher.elapsed is None and clock.elapsed() < limit_ms:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def sign_in(db: Database | DeferredDatabase) -> str | None:
    """The signed-in username, or None when the user cancels.

    With a DeferredDatabase the dialog shows at once: the ORM and the accounts' code load on a
    worker while the user types, and signing in waits for them."""
    from auditapp.core.start_open import DeferredDatabase
    from auditapp.ui.signin import SignInDialog

    if isinstance(db, DeferredDatabase):
        first_run = db.count_users() == 0  # plain SQL: the ORM is not loaded yet
        db.start_loading("auditapp.core.users", "auditapp.ui.accounts")
    else:
        from auditapp.core import users

        with db.session() as session:
            first_run = users.count_users(session) == 0
    codes: list[tuple[str, str]] = []

    def loaded() -> Any:
        if isinstance(db, DeferredDatabase):
            db.wait_loading()  # never import beside the worker
            db.load()  # raises what the loading raised
        from auditapp.core import users

        return users

    def authenticate(username: str, password: str) -> str:
        return str(loaded().authenticate(db, username, password).username)

    def create(username: str, full_name: str, password: str) -> str:
        # The first account is an administrator, with a recovery code shown once.
        users = loaded()
        with db.session(actor=username.strip().lower() or "unknown") as session:
            user, code = users.create_first_administrator(
                session, username=username, full_name=full_name, password=password
            )
            codes.append((user.username, code))
            return str(user.username)

    def recover(username: str, code: str, password: str) -> str:
        return str(loaded().recover_administrator(db, username, code, password))

    dialog = SignInDialog(
        first_run=first_run,
        authenticate=authenticate,
        create=create,
        recover=recover,
        database=str(db.path),
    )
    if not dialog.exec():
        return None  # closing the database waits for the worker
    from auditapp.ui.accounts import RecoveryCodeDialog

    for username, code in codes:
        RecoveryCodeDialog(username, code).exec()
    return dialog.username


def newest_audit(db: Database | DeferredDatabase) -> str | None:
    from sqlalchemy import select

    from auditapp.core.models import Audit

    with db.session() as session:
        return session.scalar(select(Audit.reference).order_by(Audit.created_at.desc()).limit(1))


def run(*, database: Path, language: str | None, smoke: bool, package: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AuditApp")
    app.setOrganizationName("AuditApp")
    from auditapp.ui import i18n, theme

    theme.apply(app)
    from auditapp.ui import screen_fit

    screen_fit.install(app)  # every dialog, the sign-in first, fits the screen
    # Before the first dialog (passphrase, sign-in): everything the user sees is translated.
    lang = i18n.install(i18n.resolve(language, QSettings()), app)
    from auditapp.ui.about import app_icon

    app.setWindowIcon(app_icon())
    # Paint the shell first, then load: the window answers the click at once.
    shell = StartupShell(database)
    shell_painted = _FirstPaint(app, quit_after=False)
    shell.installEventFilter(shell_painted)
    shell.show()
    _paint_now(app, shell_painted)
    db: Database | DeferredDatabase
    if smoke:
        from auditapp.core.db_files import is_encrypted
        from auditapp.core.start_open import open_deferred

        # A smoke run asks nothing: an encrypted file needs AUDITAPP_PASSPHRASE.
        passphrase = os.environ.get("AUDITAPP_PASSPHRASE") if is_encrypted(database) else None
        # Read-only: a smoke run never takes the database from a window that has it open.
        # The file is checked now, after the shell's paint (a check on a worker beside the
        # paint delayed the paint on this 2-core machine and gained nothing measurable);
        # SQLAlchemy loads after the list is painted (start_open.py).
        deferred = open_deferred(database, passphrase=passphrase, read_only=True)
        if deferred is None:  # a new file or an upgrade: the full open decides
            from auditapp.core.db import open_database

            db = open_database(database, passphrase=passphrase, read_only=True)
        else:
            db = deferred
    else:
        from auditapp.ui.database_open import DatabaseOpener

        # A file that passes its check opens deferred: the ORM loads during the sign-in.
        opened = DatabaseOpener(database, deferred=True).open()
        if opened is None:
            shell.close()
            return 1
        db = opened
    if smoke:
        return _smoke(app, db, database, shell, shell_painted, lang)
    actor = sign_in(db)
    if actor is None:
        shell.close()
        db.close()
        return 0
    from auditapp.ui.main_window import MainWindow

    # The list and the first menus now; the rest after the list's first paint (window_start.py).
    window = MainWindow(db, actor=actor, settings=QSettings(), language=lang, deferred=True)
    from auditapp.ui.safety import SafetyActions

    safety = SafetyActions(window, db, actor)
    window.show()
    shell.close()
    # After the list's first paint: reopening the last audit needs the rest of the window.
    QTimer.singleShot(0, window.restore_session)
    if package is not None:
        from auditapp.ui.package_open import offer_import

        def offer() -> None:
            window.ready()  # the rest of the window first: the import opens the audit
            offer_import(window, db, actor, package, opened=window.show_imported)

        QTimer.singleShot(0, offer)
    code = app.exec()
    if not safety.restored:
        if not db.read_only:  # the owning window makes the backup
            _backup_on_close(db)
        db.close()
    return code


def _smoke(
    app: QApplication,
    db: Database | DeferredDatabase,
    database: Path,
    shell: QMainWindow,
    shell_painted: _FirstPaint,
    lang: str,
) -> int:
    """Three moments, each from the process start: shell painted, list usable, audit open."""
    from auditapp.ui.main_window import MainWindow

    # Never touch the user's saved layout from a smoke run.
    scratch = tempfile.TemporaryDirectory(prefix="auditapp-smoke-")
    settings = QSettings(str(Path(scratch.name) / "layout.ini"), QSettings.Format.IniFormat)
    # As the real start after sign-in: the list first, the rest after its first paint.
    window = MainWindow(db, actor=SMOKE_ACTOR, settings=settings, language=lang, deferred=True)
    listed = _FirstPaint(app)
    window.installEventFilter(listed)
    QTimer.singleShot(10_000, app.quit)  # never hang a smoke run
    window.show()
    shell.close()
    app.exec()
    window.ready()  # the ORM and the rest of the window, loading since the list was painted
    reference = newest_audit(db)
    opened_at = None
    if reference:
        window.open_audit(reference, wait=True)  # the last figure includes opening the audit
        app.processEvents()
        opened_at = since_process_start()[0]
    window.close()
    db.close()
    scratch.cleanup()
    if shell_painted.elapsed is None or listed.elapsed is None:
        raise AuditAppError("the main window was not painted within 10 s")
    shown = f", audit {reference} open at {opened_at:.2f} s" if reference and opened_at else ""
    print(
        f"start-up time: {shell_painted.elapsed:.2f} s {shell_painted.method} to the first "
        f"paint; audit list usable at {listed.elapsed:.2f} s{shown} (database {database})"
    )
    return 0


def _backup_on_close(db: Database) -> None:
    from auditapp.core import backup

    try:
        backup.automatic_backup(db, force=True)
    except (AuditAppError, OSError) as exc:
        QMessageBox.warning(
            None,
            "AuditApp",
            QCoreApplication.translate("App", "The automatic backup on close failed: %1").replace(
                "%1", str(exc)
            ),
        )
