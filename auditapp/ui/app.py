"""Application start: one QApplication, one database, sign-in, the main window."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from auditapp.core.db import Database, is_encrypted, open_database
from auditapp.errors import AuditAppError
from auditapp.process_clock import since_process_start

SMOKE_ACTOR = "smoke"  # a smoke run signs in as nobody and edits nothing


class _FirstPaint(QObject):
    """Quits the event loop after the window's first paint (for --smoke)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self.elapsed: float | None = None
        self.method = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.elapsed is None:
            self.elapsed, self.method = since_process_start()
            QTimer.singleShot(0, self._app.quit)
        return False


def sign_in(db: Database) -> str | None:
    """The signed-in username, or None when the user cancels."""
    from auditapp.core import users
    from auditapp.core.models import Role
    from auditapp.ui.signin import SignInDialog

    with db.session() as session:
        first_run = users.count_users(session) == 0

    def authenticate(username: str, password: str) -> str:
        return users.authenticate(db, username, password).username

    def create(username: str, full_name: str, password: str) -> str:
        with db.session(actor=username.strip().lower() or "unknown") as session:
            user = users.create_user(session, username=username, full_name=full_name,
                                     role=Role.LEAD_AUDITOR, password=password)
            return user.username

    dialog = SignInDialog(first_run=first_run, authenticate=authenticate, create=create,
                          database=str(db.path))
    return dialog.username if dialog.exec() else None


def newest_audit(db: Database) -> str | None:
    from sqlalchemy import select

    from auditapp.core.models import Audit

    with db.session() as session:
        return session.scalar(select(Audit.reference).order_by(Audit.created_at.desc()).limit(1))


def run(*, database: Path, language: str | None, smoke: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AuditApp")
    app.setOrganizationName("AuditApp")
    from auditapp.ui import theme

    theme.apply(app)
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

    lang = language or "en"
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
        print(f"start-up time: {watcher.elapsed:.2f} s {watcher.method} to the first paint "
              f"(database {database}{shown})")
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
        QMessageBox.warning(None, "AuditApp", f"The automatic backup on close failed: {exc}")
