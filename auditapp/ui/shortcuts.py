"""Help > Keyboard shortcuts: the list the user guide also gives."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

# Spelled out at each call (not wrapped) so pyside6-lupdate finds every string.
translate = QCoreApplication.translate


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        (
            "Ctrl+1 … Ctrl+5",
            translate(
                "Shortcuts",
                "Answer: compliant, partially compliant, non-compliant, "
                "not applicable, not assessed",
            ),
        ),
        ("Alt+↓ / Alt+↑", translate("Shortcuts", "Next / previous question")),
        ("F8", translate("Shortcuts", "Next unanswered question")),
        ("Ctrl+R", translate("Shortcuts", "Raise a finding from the current question")),
        (
            "Ctrl+Shift+Up / Ctrl+Shift+Down",
            translate("Shortcuts", "Move the selected finding earlier / later"),
        ),
        ("Enter", translate("Shortcuts", "In the checklist tree: go to the notes of the question")),
        (
            "Ctrl+Shift+N / Ctrl+Shift+T",
            translate("Shortcuts", "Go to notes / go to the checklist tree"),
        ),
        (
            "Ctrl+Shift+Z / Ctrl+Shift+Y",
            translate(
                "Shortcuts",
                "Undo / redo the last saved change, wherever you are (each is a new, "
                "recorded edit)",
            ),
        ),
        (
            "Ctrl+Z / Ctrl+Y",
            translate(
                "Shortcuts",
                "In a text field: undo / redo typing; elsewhere: as Ctrl+Shift+Z / Ctrl+Shift+Y",
            ),
        ),
        (
            translate("Shortcuts", "Alt+C, Alt+F, Alt+V, Alt+D, Alt+R"),
            translate(
                "Shortcuts", "Checklist, Findings, Evidence, Documents and people, Audit trail"
            ),
        ),
        (
            "Ctrl+I",
            translate("Shortcuts", "Import evidence files (to the question or finding you are on)"),
        ),
        (
            "Ctrl+Shift+V",
            translate("Shortcuts", "Paste an image or files from the clipboard as evidence"),
        ),
        (
            "Enter / F2 / Delete",
            translate(
                "Shortcuts",
                "In the evidence gallery: view full size / edit the "
                "caption / remove (with a reason)",
            ),
        ),
        (
            "← → + − 0",
            translate(
                "Shortcuts", "In the evidence viewer: previous, next, zoom in, zoom out, fit"
            ),
        ),
        ("Ctrl+N", translate("Shortcuts", "New audit")),
        ("Ctrl+Shift+D", translate("Shortcuts", "Audit details")),
        ("Ctrl+E / Ctrl+Shift+P", translate("Shortcuts", "Export report / preview report")),
        ("Ctrl+Shift+I", translate("Shortcuts", "Check before issue")),
        ("Ctrl+Shift+F", translate("Shortcuts", "CAPA follow-up of the open audit")),
        ("Ctrl+L", translate("Shortcuts", "Back to the audit list")),
        ("Ctrl+F", translate("Shortcuts", "Find an audit")),
        ("Ctrl+,", translate("Shortcuts", "Settings: grading scheme, CAPA days")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = "".join(
            f"<tr><td style='padding:3px 16px 3px 0'><b>{k}</b></td><td>{v}</td></tr>"
            for k, v in shortcut_rows()
        )
        text = QLabel(f"<table>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
