"""Application start: one QApplication, one database, the main window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from auditapp.core.db import open_database
from auditapp.errors import AuditAppError

_started = time.perf_counter()


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


def run(*, database: Path, language: str | None, smoke: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("AuditApp")
    app.setOrganizationName("AuditApp")
    try:
        db = open_database(database)
    except AuditAppError as exc:
        if smoke:
            raise
        QMessageBox.critical(None, "AuditApp", str(exc))
        return exc.exit_code
    from auditapp.ui.main_window import MainWindow

    window = MainWindow(db)
    if smoke:
        watcher = _FirstPaint(app)
        window.installEventFilter(watcher)
        QTimer.singleShot(10_000, app.quit)  # never hang a smoke run
        window.show()
        app.exec()
        window.close()
        db.close()
        if watcher.elapsed is None:
            raise AuditAppError("the main window was not painted within 10 s")
        print(f"start-up time: {watcher.elapsed:.2f} s (database {database})")
        return 0
    window.show()
    code = app.exec()
    db.close()
    return code
