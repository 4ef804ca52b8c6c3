"""Small forms of the CRO register: a qualification decision, a KPI figure, an escalation
update. Each submits to the core in one session; a refused value keeps the form open with the
reason shown, and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import kpis
from auditapp.errors import AuditAppError

Submit = Callable[[dict[str, object]], None]


class _Form(QDialog):
    def __init__(self, title: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, object]:
        raise NotImplementedError

    def submit(self) -> None:
        try:
            self._submit(self.values())
        except AuditAppError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


# An audit's outcome (judgement.py) proposes the status; the user may still change it.
OUTCOME_STATUS = {
    "approved": "approved",
    "approved_with_conditions": "conditional",
    "not_approved": "not_approved",
}


class QualificationDialog(_Form):
    def __init__(
        self,
        cro: str,
        audits: list[str],
        submit: Submit,
        parent: QWidget | None = None,
        *,
        outcomes: dict[str, str] | None = None,
    ) -> None:
        super().__init__(self.tr("Qualification of %1").replace("%1", cro), submit, parent)
        self._outcomes = outcomes or {}
        self.status = QComboBox()
        for value, label in (
            ("approved", self.tr("Approved")),
            ("conditional", self.tr("Approved with conditions")),
            ("not_approved", self.tr("Not approved")),
        ):
            self.status.addItem(label, value)
        self.audit = QComboBox()
        self.audit.addItem(self.tr("(no audit)"), "")
        for reference in reversed(audits):
            self.audit.addItem(reference, reference)
        self.effective = QLineEdit()
        self.effective.setPlaceholderText(self.tr("YYYY-MM-DD (empty: today)"))
        self.valid_until = QLineEdit()
        self.valid_until.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.conditions = QPlainTextEdit()
        self.conditions.setPlaceholderText(self.tr("Conditions of a conditional approval"))
        self.audit.currentIndexChanged.connect(self._propose_status)
        self.form.addRow(self.tr("Status:"), self.status)
        self.form.addRow(self.tr("Set by audit:"), self.audit)
        self.form.addRow(self.tr("Effective from:"), self.effective)
        self.form.addRow(self.tr("Valid until:"), self.valid_until)
        self.form.addRow(self.tr("Conditions:"), self.conditions)

    def _propose_status(self) -> None:
        status = OUTCOME_STATUS.get(self._outcomes.get(self.audit.currentData() or "", ""))
        if status:
            self.status.setCurrentIndex(self.status.findData(status))

    def values(self) -> dict[str, object]:
        return {
            "status": self.status.currentData(),
            "audit_reference": self.audit.currentData(),
            "effective_on": self.effective.text().strip() or None,
            "valid_until": self.valid_until.text().strip() or None,
            "conditions": self.conditions.toPlainText(),
        }


class KpiDialog(_Form):
    def __init__(
        self,
        cro: str,
        definitions: kpis.KpiSet,
        language: str,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("KPI figure for %1").replace("%1", cro), submit, parent)
        self.kpi = QComboBox()
        for kpi in definitions.kpis:
            self.kpi.addItem(f"{kpi.label(language)} ({kpi.unit})", kpi.id)
        self.study = QLineEdit()
        self.study.setPlaceholderText(self.tr("Protocol number (empty: the CRO as a whole)"))
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("2026-03 or 2026-Q1"))
        self.value = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(80)
        self.form.addRow(self.tr("KPI:"), self.kpi)
        self.form.addRow(self.tr("Study:"), self.study)
        self.form.addRow(self.tr("Period:"), self.period)
        self.form.addRow(self.tr("Value:"), self.value)
        self.form.addRow(self.tr("Note:"), self.note)

    def values(self) -> dict[str, object]:
        return {
            "kpi_id": self.kpi.currentData(),
            "study": self.study.text().strip() or None,
            "period": self.period.text(),
            "value": self.value.text(),
            "note": self.note.toPlainText(),
        }


class EscalationDialog(_Form):
    def __init__(
        self,
        label: str,
        level: int,
        top_level: int,
        owner: str,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Update %1").replace("%1", label), submit, parent)
        self._level, self._owner = level, owner
        self.level = QSpinBox()
        self.level.setRange(1, top_level)
        self.level.setValue(level)
        self.owner = QLineEdit(owner)
        self.action = QPlainTextEdit()
        self.action.setPlaceholderText(self.tr("What was done (added with today's date)"))
        self.action.setMaximumHeight(80)
        self.due = QLineEdit()
        self.due.setPlaceholderText(self.tr("YYYY-MM-DD (unchanged when empty)"))
        self.close_box = QCheckBox(self.tr("Close the escalation"))
        self.closure = QPlainTextEdit()
        self.closure.setPlaceholderText(self.tr("How it was resolved"))
        self.closure.setMaximumHeight(80)
        self.form.addRow(self.tr("Level:"), self.level)
        self.form.addRow(self.tr("Owner:"), self.owner)
        self.form.addRow(self.tr("Action:"), self.action)
        self.form.addRow(self.tr("Due:"), self.due)
        self.form.addRow("", self.close_box)
        self.form.addRow(self.tr("Closure:"), self.closure)

    def values(self) -> dict[str, object]:
        level = self.level.value()
        owner = self.owner.text().strip()
        return {
            "level": level if level != self._level else None,
            "owner": owner if owner != self._owner and owner else None,
            "action": self.action.toPlainText().strip() or None,
            "due_on": self.due.text().strip() or None,
            "close": self.closure.toPlainText() if self.close_box.isChecked() else None,
        }


class NewEscalationDialog(_Form):
    """An issue escalated by hand (seen outside the KPIs) on the escalation path."""

    def __init__(
        self, cro: str, levels: list[str], submit: Submit, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Escalate an issue of %1").replace("%1", cro), submit, parent)
        self.issue = QPlainTextEdit()
        self.issue.setMaximumHeight(90)
        self.level = QComboBox()
        for number, name in enumerate(levels, start=1):
            self.level.addItem(f"{number}: {name}", number)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("Empty: the level's owner on the escalation path"))
        self.study = QLineEdit()
        self.study.setPlaceholderText(self.tr("Protocol number (optional)"))
        self.due = QLineEdit()
        self.due.setPlaceholderText(self.tr("YYYY-MM-DD (empty: the level's response time)"))
        self.form.addRow(self.tr("Issue:"), self.issue)
        self.form.addRow(self.tr("Level:"), self.level)
        self.form.addRow(self.tr("Owner:"), self.owner)
        self.form.addRow(self.tr("Study:"), self.study)
        self.form.addRow(self.tr("Due:"), self.due)

    def values(self) -> dict[str, object]:
        return {
            "issue": self.issue.toPlainText(),
            "level": self.level.currentData(),
            "owner": self.owner.text().strip() or None,
            "study": self.study.text().strip() or None,
            "due_on": self.due.text().strip() or None,
        }
