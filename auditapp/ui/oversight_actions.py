"""The Oversight menu of the main window: the CRO register and the dashboard."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenuBar

from auditapp.core.db import Database


class OversightActions(QObject):
    def __init__(self, window: QMainWindow, db: Database, *, actor: str, language: str) -> None:
        super().__init__(window)
        self.window, self.db, self.actor, self.language = window, db, actor, language
        self.register_window = None
        self.dashboard = None

    def install(self, bar: QMenuBar) -> None:
        menu = bar.addMenu(self.tr("&Oversight"))
        self.register_action = QAction(self.tr("CRO &register"), self.window)
        self.register_action.triggered.connect(self.show_register)
        self.dashboard_action = QAction(self.tr("Oversight &dashboard"), self.window)
        self.dashboard_action.triggered.connect(self.show_dashboard)
        menu.addAction(self.register_action)
        menu.addAction(self.dashboard_action)

    def show_register(self) -> object:
        from auditapp.ui.cro_register_window import CroRegisterWindow

        self.register_window = CroRegisterWindow(self.db, actor=self.actor,
                                                 language=self.language, parent=self.window)
        self.register_window.resize(1200, 720)
        self._help_key(self.register_window)
        self.register_window.show()
        return self.register_window

    def _help_key(self, widget: object) -> None:
        """F1 in an oversight window opens the guide's oversight page."""
        show_help = getattr(self.window, "show_help", None)
        if show_help is not None:
            shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), widget)
            shortcut.activated.connect(lambda: show_help("oversight"))

    def show_dashboard(self) -> object:
        from auditapp.ui.oversight_dashboard import OversightDashboard

        self.dashboard = OversightDashboard(self.db, language=self.language)
        self.dashboard.setParent(self.window, Qt.WindowType.Window)
        self.dashboard.resize(1280, 760)
        self._help_key(self.dashboard)
        self.dashboard.show()
        return self.dashboard
