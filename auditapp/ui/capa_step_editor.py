"""The CAPA view's editor for a finding's next follow-up step: one small form per kind of step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from auditapp.errors import AuditAppError
from auditapp.ui.date_field import OptionalDateField

STEPS = ("respond", "assess", "extend", "evidence", "plan", "verify", "close")


def _text() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(64)
    return edit


class StepEditor(QWidget):
    """One form per kind of step; values() gives the arguments of the core function."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for key, label in zip(
            STEPS,
            (
                self.tr("CAPA plan received"),
                self.tr("Assess the plan"),
                self.tr("Extend the deadline"),
                self.tr("Completion evidence"),
                self.tr("Plan effectiveness check"),
                self.tr("Effectiveness result"),
                self.tr("Close the finding"),
            ),
            strict=True,
        ):
            self.kind.addItem(label, key)
        self.pages = QStackedWidget()
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.root_cause, self.correction = _text(), _text()
        self.corrective, self.preventive = _text(), _text()
        self.owner, self.target = QLineEdit(), OptionalDateField()
        self.decision = QComboBox()
        for key, label in (
            ("accepted", self.tr("Accepted")),
            ("more_information", self.tr("More information needed")),
            ("rejected", self.tr("Rejected")),
        ):
            self.decision.addItem(label, key)
        self.assess_reason, self.extend_reason = _text(), _text()
        self.new_date, self.approver = OptionalDateField(), QLineEdit()
        self.evidence_items, self.evidence_text = QLineEdit(), _text()
        self.evidence_items.setPlaceholderText(self.tr("E-001, E-004"))
        self.planned = OptionalDateField()
        self.result = QComboBox()
        self.result.addItem(self.tr("Effective"), "effective")
        self.result.addItem(self.tr("Not effective"), "not_effective")
        self.verify_reason, self.close_reason = _text(), _text()
        for rows in (
            (
                (self.tr("Root cause"), self.root_cause),
                (self.tr("Correction"), self.correction),
                (self.tr("Corrective action"), self.corrective),
                (self.tr("Preventive action"), self.preventive),
                (self.tr("Owner"), self.owner),
                (self.tr("Target date"), self.target),
            ),
            ((self.tr("Decision"), self.decision), (self.tr("Reason"), self.assess_reason)),
            (
                (self.tr("New date"), self.new_date),
                (self.tr("Reason"), self.extend_reason),
                (self.tr("Approved by"), self.approver),
            ),
            (
                (self.tr("Evidence items"), self.evidence_items),
                (self.tr("Reference"), self.evidence_text),
            ),
            ((self.tr("Check on"), self.planned),),
            ((self.tr("Result"), self.result), (self.tr("Reason"), self.verify_reason)),
            ((self.tr("Reason"), self.close_reason),),
        ):
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            for label, widget in rows:
                form.addRow(label, widget)
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.pages)

    def step(self) -> str:
        return str(self.kind.currentData())

    def values(self) -> dict[str, Any]:
        step = self.step()
        if step == "respond":
            return {
                "root_cause": self.root_cause.toPlainText(),
                "correction": self.correction.toPlainText(),
                "corrective_action": self.corrective.toPlainText(),
                "preventive_action": self.preventive.toPlainText(),
                "owner": self.owner.text(),
                "target_date": self.target.value(),
            }
        if step == "assess":
            return {
                "decision": self.decision.currentData(),
                "reason": self.assess_reason.toPlainText(),
            }
        if step == "extend":
            return {
                "new_date": self.new_date.value(),
                "reason": self.extend_reason.toPlainText(),
                "approver": self.approver.text(),
            }
        if step == "evidence":
            numbers = []
            for part in self.evidence_items.text().replace(";", ",").split(","):
                digits = part.strip().upper().removeprefix("E-")
                if digits:
                    if not digits.isdigit():
                        raise AuditAppError(self.tr("Evidence items are numbers like E-001."))
                    numbers.append(int(digits))
            return {"evidence": numbers, "text": self.evidence_text.toPlainText()}
        if step == "plan":
            return {"planned": self.planned.value()}
        if step == "verify":
            return {"result": self.result.currentData(), "reason": self.verify_reason.toPlainText()}
        return {"reason": self.close_reason.toPlainText()}

    def clear(self) -> None:
        for edit in (
            self.root_cause,
            self.correction,
            self.corrective,
            self.preventive,
            self.assess_reason,
            self.extend_reason,
            self.evidence_text,
            self.verify_reason,
            self.close_reason,
        ):
            edit.clear()
        for line in (self.owner, self.approver, self.evidence_items):
            line.clear()
        for date in (self.target, self.new_date, self.planned):
            date.set_value(None)
