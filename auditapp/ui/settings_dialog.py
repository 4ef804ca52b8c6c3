"""Settings: the grading scheme and the CAPA response days per classification."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import findings
from auditapp.ui.widgets import MessageBar, label


class SettingsDialog(QDialog):
    """submit(scheme, days) stores the settings and returns None, or the refusal message."""

    def __init__(self, scheme: str, days: dict[str, int | None], *,
                 submit: Callable[[str, dict[str, int | None]], str | None],
                 language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._submit = submit
        self.messages = MessageBar()
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(label(self.tr("Grading scheme"), "sectionlabel"))
        self.scheme_group = QButtonGroup(self)
        self.ema = QRadioButton(self.tr("EMA style: critical, major, minor, recommendation"))
        self.mhra = QRadioButton(self.tr("MHRA style: critical, major, other"))
        for button, name in ((self.ema, "ema"), (self.mhra, "mhra")):
            button.setChecked(scheme == name)
            self.scheme_group.addButton(button)
            layout.addWidget(button)
        layout.addWidget(label(self.tr("Existing findings keep their grade when the scheme "
                                       "changes."), "muted"))
        layout.addSpacing(8)
        layout.addWidget(label(self.tr("CAPA response due (days after the report is issued)"),
                               "sectionlabel"))
        self.practice_note = label(self.tr(
            "Your organisation's practice, not a regulatory requirement: ICH E6 and the GCP "
            "inspectorates set no response times. New findings take these days; the due "
            "dates are fixed when the author signs the report."), "muted")
        self.practice_note.setWordWrap(True)
        layout.addWidget(self.practice_note)
        form = QFormLayout()
        self.days: dict[str, QSpinBox] = {}
        seen: set[str] = set()
        for grade in findings.EMA_SCHEME + findings.MHRA_SCHEME:
            code = grade.classification.value
            if code in seen:
                continue
            seen.add(code)
            box = QSpinBox()
            box.setRange(0, 365)
            box.setSpecialValueText(self.tr("no due date"))
            box.setSuffix(self.tr(" days"))
            box.setValue(days.get(code) or 0)
            self.days[code] = box
            form.addRow(grade.label[language], box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, dict[str, int | None]]:
        scheme = "mhra" if self.mhra.isChecked() else "ema"
        return scheme, {code: (box.value() or None) for code, box in self.days.items()}

    def commit(self) -> None:
        error = self._submit(*self.values())
        if error:
            self.messages.show_error(error)
            return
        self.accept()
