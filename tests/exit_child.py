"""Opens the main window on a database, uses it as a person would, closes it, exits.

Run in a child process by test_exit.py: a crash at exit kills the process, not pytest.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from auditapp.core.db import open_database
from auditapp.ui.main_window import MainWindow


def settle(ms: int = 30) -> None:
    """Let the window paint (a local event loop: processEvents() itself loses None refs)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(database: str) -> int:
    _app = QApplication(sys.argv[:1])  # kept alive until the end
    db = open_database(database)
    scratch = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(scratch.name) / "layout.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, actor="anna", settings=settings)
    window.show()
    table = window.list_page.table
    for _ in range(15):  # scroll the audit list as a reader looking for an audit
        table.scrollToBottom()
        settle()
        table.scrollToTop()
        settle()
    reference = window.list_page.model.rows[-1].reference
    window.open_audit(reference, wait=True)
    window.workspace.tabs.setCurrentIndex(1)  # the findings
    for _ in range(5):
        settle()
    window.show_list()
    settle()
    window.close()
    db.close()
    print(f"closed cleanly after {reference}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
