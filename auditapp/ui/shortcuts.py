"""Help > Keyboard shortcuts: the list the user guide also gives."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        ("Ctrl+1 … Ctrl+5", _t("Answer: compliant, partially compliant, non-compliant, "
                              "not applicable, not assessed")),
        ("Alt+↓ / Alt+↑", _t("Next / previous question")),
        ("F8", _t("Next unanswered question")),
        ("Ctrl+R", _t("Raise a finding from the current question")),
        ("Ctrl+Shift+Up / Ctrl+Shift+Down", _t("Move the selected finding earlier / later")),
        ("Enter", _t("In the checklist tree: go to the notes of the question")),
        ("Ctrl+Shift+N / Ctrl+Shift+T", _t("Go to notes / go to the checklist tree")),
        ("Ctrl+Z / Ctrl+Shift+Z", _t("Undo / redo (each is a new, recorded edit)")),
        ("Alt+C, Alt+F, Alt+V, Alt+D, Alt+R", _t("Checklist, Findings, Evidence, Documents "
                                                 "and people, Audit trail")),
        ("Ctrl+I", _t("Import evidence files (to the question or finding you are on)")),
        ("Ctrl+Shift+V", _t("Paste an image or files from the clipboard as evidence")),
        ("Enter / F2 / Delete", _t("In the evidence gallery: view full size / edit the "
                                   "caption / remove (with a reason)")),
        ("← → + − 0", _t("In the evidence viewer: previous, next, zoom in, zoom out, fit")),
        ("Ctrl+N", _t("New audit")),
        ("Ctrl+Shift+D", _t("Audit details")),
        ("Ctrl+E / Ctrl+Shift+P", _t("Export report / preview report")),
        ("Ctrl+Shift+I", _t("Check before issue")),
        ("Ctrl+L", _t("Back to the audit list")),
        ("Ctrl+F", _t("Find an audit")),
        ("Ctrl+,", _t("Settings: grading scheme, CAPA days")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = "".join(f"<tr><td style='padding:3px 16px 3px 0'><b>{k}</b></td><td>{v}</td></tr>"
                       for k, v in shortcut_rows())
        text = QLabel(f"<table>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
