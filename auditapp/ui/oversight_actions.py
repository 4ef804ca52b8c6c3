"""The Oversight menu of the main window: the CRO register and the dashboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenuBar, QWidget

from auditapp.core.db import Database

if TYPE_CHECKING:
    from auditapp.ui.cro_register_window import CroRegisterWindow
    from auditapp.ui.oversight_dashboard import OversightDashboard


class OversightActions(QObject):
    def __init__(self, window: QMainWindow, db: Database, *, actor: str, language: str) -> None:
        super().__init__(window)
        self.window, self.db, self.actor, self.language = window, db, actor, language
        self.register_window: QWidget | None = None
        self.dashboard: QWidget | None = None

    def install(self, bar: QMenuBar) -> None:
        menu = bar.addMenu(self.tr("&Oversight"))
        self.register_action = QAction(self.tr("CRO &register"), self.window)
        self.register_action.triggered.connect(self.show_register)
        self.dashboard_action = QAction(self.tr("Oversight &dashboard"), self.window)
        self.dashboard_action.triggered.connect(self.show_dashboard)
        menu.addAction(self.register_action)
        menu.addAction(self.dashboard_action)

    def show_register(self) -> CroRegisterWindow:
        from auditapp.ui.cro_register_window import CroRegisterWindow

        window = CroRegisterWindow(
            self.db, actor=self.actor, language=self.language, parent=self.window
        )
        window.resize(1200, 720)
        self._help_key(window)
        window.show()
        self.register_window = window
        return window

    def _help_key(self, widget: QWidget) -> None:
        """F1 in an oversight window opens the guide's oversight page."""
        show_help = getattr(self.window, "show_help", None)
        if show_help is not None:
            shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), widget)
            shortcut.activated.connect(lambda: show_help("oversight"))

    def show_dashboard(self) -> OversightDashboard:
        from auditapp.ui.oversight_dashboard import OversightDashboard

        dashboard = OversightDashboard(self.db, language=self.language)
        dashboard.setParent(self.window, Qt.WindowType.Window)
        dashboard.resize(1280, 760)
        self._help_key(dashboard)
        dashboard.show()
        self.dashboard = dashboard
        return dashboard
