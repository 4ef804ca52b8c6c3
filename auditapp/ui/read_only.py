"""A signed, locked audit shows every editor read only (text can still be selected and copied),
instead of accepting typing that the core then refuses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from auditapp.ui.workspace import Workspace


def freeze(container: QWidget, locked: bool) -> None:
    """Every editing control inside container: text read only, the rest disabled."""
    for widget in container.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            widget.setReadOnly(locked)
        elif isinstance(widget, QAbstractButton | QComboBox | QDateEdit | QListWidget):
            widget.setEnabled(not locked)


def apply_lock(workspace: Workspace, locked: bool) -> None:
    walk = workspace.walk
    pane = walk.pane
    for button in pane.answer_group.buttons():
        button.setEnabled(not locked)
    pane.notes.setReadOnly(locked)
    pane.raise_button.setEnabled(not locked)
    # The answer keys (Ctrl+1…5) and Ctrl+R; navigation keys stay.
    editing_actions = walk.actions_[:5] + [
        a for a in walk.actions_ if a.shortcut().toString() == "Ctrl+R"
    ]
    for action in editing_actions:
        action.setEnabled(not locked)
    findings = workspace.findings
    freeze(findings.form, locked)
    findings.new_button.setEnabled(not locked)
    if locked:
        for button in (findings.delete_button, findings.up_button, findings.down_button):
            button.setEnabled(False)
    for page in workspace.registers.findChildren(QWidget):
        if hasattr(page, "inputs") and hasattr(page, "add_button"):
            freeze_register(page, locked)


def freeze_register(page: QWidget, locked: bool) -> None:
    for box in page.inputs.values():  # type: ignore[attr-defined]
        box.setReadOnly(locked)
    for button in page.findChildren(QAbstractButton):
        button.setEnabled(not locked)
