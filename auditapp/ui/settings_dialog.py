"""Settings: the grading scheme, the CAPA response days per classification, the interface
language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import findings
from auditapp.ui import i18n, labels
from auditapp.ui.widgets import MessageBar, label


class SettingsDialog(QDialog):
    """submit(scheme, days) stores the settings and returns None, or the refusal message."""

    def __init__(self, scheme: str, days: dict[str, int | None], *,
                 submit: Callable[[str, dict[str, int | None]], str | None],
                 language: str = "en", interface_language: str = "system",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._submit = submit
        self.messages = MessageBar()
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(label(self.tr("Grading scheme"), "sectionlabel"))
        self.scheme_group = QButtonGroup(self)
        self.ema = QRadioButton(self.tr("EMA: critical, major, minor, comments"))
        self.mhra = QRadioButton(self.tr("MHRA: critical, major, other"))
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
        layout.addSpacing(8)
        layout.addWidget(label(self.tr("Interface language"), "sectionlabel"))
        self.interface = QComboBox()
        self.interface.setObjectName("interfaceLanguage")
        for text, code in ((self.tr("As the system (%1)").replace(
                "%1", labels.language(i18n.system_language())), "system"),
                (self.tr("English"), "en"), (self.tr("German (Deutsch)"), "de")):
            self.interface.addItem(text, code)
        self.interface.setCurrentIndex(max(0, self.interface.findData(interface_language)))
        layout.addWidget(self.interface)
        layout.addWidget(label(self.tr("Menus, dialogs and help change at the next start. "
                                       "The report language is set per audit."), "muted"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.commit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, dict[str, int | None]]:
        scheme = "mhra" if self.mhra.isChecked() else "ema"
        return scheme, {code: (box.value() or None) for code, box in self.days.items()}

    def interface_language(self) -> str:
        """ "system", "en" or "de": stored in QSettings by the caller, used at the next start."""
        return str(self.interface.currentData())

    def commit(self) -> None:
        error = self._submit(*self.values())
        if error:
            self.messages.show_error(error)
            return
        self.accept()
