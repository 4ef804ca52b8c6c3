"""Application start: one QApplication, one database, sign-in, the main window."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from auditapp.core.db import Database, is_encrypted, open_database
from auditapp.errors import AuditAppError

_started = time.perf_counter()
SMOKE_ACTOR = "smoke"  # a smoke run signs in as nobody and edits nothing


class _FirstPaint(QObject):
    """Quits the event loop after the window's first paint (for --smoke)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self.elapsed: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.elapsed is None:
            self.elapsed = time.perf_counter() - _started
            QTimer.singleShot(0, self._app.quit)
        return False


def sign_in(db: Database) -> str | None:
    """The signed-in username, or None when the user cancels."""
    from auditapp.core import users
    from auditapp.ui.accounts import RecoveryCodeDialog
    from auditapp.ui.signin import SignInDialog

    with db.session() as session:
        first_run = users.count_users(session) == 0
    codes: list[tuple[str, str]] = []

    def authenticate(username: str, password: str) -> str:
        return users.authenticate(db, username, password).username

    def create(username: str, full_name: str, password: str) -> str:
        # The first account is an administrator, with a recovery code shown once.
        with db.session(actor=username.strip().lower() or "unknown") as session:
            user, code = users.create_first_administrator(
                session, username=username, full_name=full_name, password=password)
            codes.append((user.username, code))
            return user.username

    def recover(username: str, code: str, password: str) -> str:
        return users.recover_administrator(db, username, code, password)

    dialog = SignInDialog(first_run=first_run, authenticate=authenticate, create=create,
                          recover=recover, database=str(db.path))
    if not dialog.exec():
        return None
    for username, code in codes:
        RecoveryCodeDialog(username, code).exec()
    return dialog.username


def newest_audit(db: Database) -> str | None:
    from sqlalchemy import select

    from auditapp.core.models import Audit

    with db.session() as session:
        return session.scalar(select(Audit.reference).order_by(Audit.created_at.desc()).limit(1))


def run(*, database: Path, language: str | None, smoke: bool,
        package: Path | None = None) -> int:
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
    if smoke:
        # A smoke run asks nothing: an encrypted file needs AUDITAPP_PASSPHRASE.
        passphrase = os.environ.get("AUDITAPP_PASSPHRASE") if is_encrypted(database) else None
        db = open_database(database, passphrase=passphrase)
    else:
        from auditapp.ui.database_open import DatabaseOpener

        opened = DatabaseOpener(database).open()
        if opened is None:
            return 1
        db = opened
    from auditapp.ui.main_window import MainWindow

    if smoke:
        # Never touch the user's saved layout from a smoke run.
        scratch = tempfile.TemporaryDirectory(prefix="auditapp-smoke-")
        settings = QSettings(str(Path(scratch.name) / "layout.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db, actor=SMOKE_ACTOR, settings=settings, language=lang)
        reference = newest_audit(db)
        if reference:
            window.open_audit(reference, wait=True)  # the start-up time includes the audit
        watcher = _FirstPaint(app)
        window.installEventFilter(watcher)
        QTimer.singleShot(10_000, app.quit)  # never hang a smoke run
        window.show()
        app.exec()
        window.close()
        db.close()
        scratch.cleanup()
        if watcher.elapsed is None:
            raise AuditAppError("the main window was not painted within 10 s")
        shown = f", audit {reference}" if reference else ""
        print(f"start-up time: {watcher.elapsed:.2f} s (database {database}{shown})")
        return 0
    actor = sign_in(db)
    if actor is None:
        db.close()
        return 0
    window = MainWindow(db, actor=actor, settings=QSettings(), language=lang)
    from auditapp.ui.safety import SafetyActions

    safety = SafetyActions(window, db, actor)
    window.show()
    window.restore_session()
    if package is not None:
        from auditapp.ui.package_open import offer_import

        QTimer.singleShot(0, lambda: offer_import(window, db, actor, package,
                                                  opened=window.show_imported))
    code = app.exec()
    if not safety.restored:
        _backup_on_close(db)
        db.close()
    return code


def _backup_on_close(db: Database) -> None:
    from auditapp.core import backup

    try:
        backup.automatic_backup(db, force=True)
    except (AuditAppError, OSError) as exc:
        QMessageBox.warning(None, "AuditApp", QCoreApplication.translate(
            "App", "The automatic backup on close failed: %1").replace("%1", str(exc)))
