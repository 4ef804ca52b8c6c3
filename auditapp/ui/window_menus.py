"""The main window's menus and their actions (a mixin of MainWindow, kept apart so that
main_window.py holds the list and the workspace)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


class MenuBar:
    """Its texts are translated in the MainWindow context (what self.tr() gives at run time).

    Needs the MainWindow's menuBar(), tr(), _db, actor, tasks, _language, undo_stack,
    editor, workspace and the slots the menus name."""

    _db: Any
    actor: str
    tasks: Any
    _language: str
    undo_stack: Any
    editor: Any
    workspace: Any

    def _action(self, text: str, shortcut: Any, slot: Any, menu: QMenu) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self._action(
            QCoreApplication.translate("MainWindow", "&New audit…"),
            QKeySequence.StandardKey.New,
            self.new_audit,
            file_menu,
        )
        self.list_action = self._action(
            QCoreApplication.translate("MainWindow", "Audit &list"),
            "Ctrl+L",
            self.show_list,
            file_menu,
        )
        file_menu.addSeparator()
        self._action(
            QCoreApplication.translate("MainWindow", "&Settings…"),
            "Ctrl+,",
            self.open_settings,
            file_menu,
        )
        self._accounts_before = file_menu.addSeparator()  # the account actions go above it
        self._action(
            QCoreApplication.translate("MainWindow", "&Quit"),
            QKeySequence.StandardKey.Quit,
            self.close,
            file_menu,
        )
        self.file_menu = file_menu

        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        # Ctrl+Z in a text field undoes typing; Ctrl+Shift+Z the last saved change (undo_keys).
        from auditapp.ui.undo_keys import install_undo_actions

        self.undo_action, self.redo_action = install_undo_actions(
            self, self.undo_stack, before=self._commit_focused_text
        )
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self._action(
            QCoreApplication.translate("MainWindow", "&Find audit"),
            QKeySequence.StandardKey.Find,
            self._find,
            edit_menu,
        )

        self.audit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Audit"))
        self.details_action = self._action(
            QCoreApplication.translate("MainWindow", "Audit &details…"),
            "Ctrl+Shift+D",
            lambda: self.edit_details(),
            self.audit_menu,
        )
        self.checklist_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Checklist"))
        self.evidence_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "Ev&idence"))
        # "Take photo…" exists only with a camera; look for one when the menu first opens.
        self.evidence_menu.aboutToShow.connect(
            lambda: self.workspace is not None and self.workspace.evidence_page.probe_camera()
        )
        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.help_menu = help_menu
        # F1: the guide's page for the screen in front of the user.
        self.help_action = self._action(
            QCoreApplication.translate("MainWindow", "&User guide"),
            QKeySequence.StandardKey.HelpContents,
            lambda: self.show_help(),
            help_menu,
        )
        self._action(
            QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"),
            "Ctrl+F1",
            self.show_shortcuts,
            help_menu,
        )
        help_menu.addSeparator()
        self._action(
            QCoreApplication.translate("MainWindow", "&About AuditApp"),
            None,
            self.show_about,
            help_menu,
        )
        self._workspace_actions(False)

    def _complete_menus(self) -> None:
        """The menus' second half, whose modules need the ORM and the report stack: built at
        once, or after the audit list's first paint (window_start.py)."""
        from PySide6.QtWidgets import QMenu

        bar = self.menuBar()
        from auditapp.ui.accounts import install_account_actions

        accounts = QMenu(self)  # made apart, then placed above File's last separator
        install_account_actions(self, accounts, self._db, self.actor)
        self.file_menu.insertActions(self._accounts_before, accounts.actions())
        accounts.deleteLater()
        from auditapp.ui.signoff_actions import SignoffActions

        self.signoff = SignoffActions(
            self,
            db=self._db,
            actor=self.actor,
            tasks=self.tasks,
            language=self._language,
            workspace=lambda: self.workspace,
            reload=lambda ref: self.open_audit(ref, wait=True),
            edit_details=self.edit_details,
            show_status=lambda text: self.statusBar().showMessage(text, 10_000),
        )
        self.signoff.install(file_menu=self.file_menu, audit_menu=self.audit_menu)
        from auditapp.ui.team_actions import TeamActions

        self.team = TeamActions(
            self,
            db=self._db,
            actor=self.actor,
            reference=lambda: (
                self.editor.state.reference
                if self.editor is not None and self.workspace is not None
                else None
            ),
            reload=lambda ref: self.open_audit(ref, wait=True),
        )
        self.team.install(audit_menu=self.audit_menu, file_menu=self.file_menu)
        from auditapp.ui.preview_dock import install_preview

        self.preview_dock = install_preview(
            self,
            self.tasks,
            self._db,
            lambda: (
                self.editor.state.reference
                if self.editor is not None and self.workspace is not None
                else None
            ),
            self.audit_menu,
        )
        from auditapp.ui.capa_view import install_capa

        self.capa_action = install_capa(
            self,
            self._db,
            self.actor,
            lambda: (
                self.editor.state.reference
                if self.editor is not None and self.workspace is not None
                else None
            ),
            self.audit_menu,
            language=self._language,
            tasks=self.tasks,
        )
        from auditapp.ui.oversight_actions import OversightActions

        self.oversight = OversightActions(self, self._db, actor=self.actor, language=self._language)
        self.oversight.install(bar)
        # Its menu stands before Help, as when every menu was built at once.
        oversight_menu = bar.actions()[-1]
        bar.removeAction(oversight_menu)
        bar.insertAction(self.help_menu.menuAction(), oversight_menu)
        self.restoreDockWidget(self.preview_dock)  # where the saved layout had it, if restored
        self._workspace_actions(self.workspace is not None)

    def _workspace_actions(self, on: bool) -> None:
        self.details_action.setEnabled(on)
        self.audit_menu.setEnabled(on)
        self.checklist_menu.setEnabled(on)
        self.evidence_menu.setEnabled(on)
        self.list_action.setEnabled(on)
