"""Layout memory of the main window: geometry, dock state, the open audit and where in it
(a mixin of MainWindow)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray


class LayoutMemory:
    """Needs the MainWindow's _settings, workspace, editor and open_audit (and QMainWindow's
    saveGeometry/saveState/restoreGeometry/restoreState)."""

    _settings: Any
    workspace: Any
    editor: Any

    def _restore_layout(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(QByteArray(state))

    def _save_layout(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        if self.workspace is not None:
            for name, value in self.workspace.save_state().items():
                self._settings.setValue(f"workspace/{name}", QByteArray(value))
            self._settings.setValue("workspace/tab", self.workspace.tabs.currentIndex())
            self._settings.setValue("workspace/question", self.workspace.walk.current_question)
            self._settings.setValue(
                "workspace/finding", self.workspace.findings.current_number or 0
            )
        self._settings.setValue("session/audit", self.editor.state.reference if self.editor else "")
        self._settings.sync()

    def restore_session(self, *, wait: bool = False) -> None:
        """Reopen the audit that was open when the app was last closed."""
        reference = self._settings.value("session/audit", "")
        if reference:
            self.open_audit(str(reference), wait=wait, quiet=True)
