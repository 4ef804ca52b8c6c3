"""Helpers for the GUI tests: a main window on a small audit, modal dialogs driven by a timer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from audit_factory import make_audit, make_user
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from auditapp.core.db import Database
from auditapp.ui.main_window import MainWindow

# The offscreen platform warns about what it cannot do; that says nothing about our code.
OFFSCREEN_NOISE = r"This plugin does not support"


def new_window(
    qtbot: object, db: Database, settings_path: Path, *, actor: str = "anna"
) -> MainWindow:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(db, actor=actor, settings=settings)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # type: ignore[attr-defined]
    return window


def audit_window(qtbot: object, db: Database, tmp_path: Path) -> tuple[MainWindow, str]:
    """A window with an audit open on the mini checklist (3 questions: ORG-01, ORG-02, CSV-01)."""
    make_user(db)
    # Pre-inspection audits take every question, whatever its audit types.
    reference = make_audit(
        db, audit_type="pre_inspection", planned_start="2026-03-02", planned_end="2026-03-04"
    )
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    window.open_audit(reference, wait=True)
    return window, reference


def run_modal(
    trigger: Callable[[], object], handle: Callable[[QWidget], None], delay_ms: int = 50
) -> None:
    """Trigger something that opens a modal dialog and let handle() drive it.

    The dialog is closed whatever happens in handle(), so a failing check cannot hang the run.
    """
    errors: list[BaseException] = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(delay_ms, step)
            return
        try:
            handle(dialog)
        except BaseException as exc:
            errors.append(exc)
        finally:
            if dialog.isVisible():
                dialog.done(0)  # type: ignore[attr-defined]  # not reject(): it may ask first

    QTimer.singleShot(delay_ms, step)
    trigger()
    if errors:
        raise errors[0]
