"""Raise a finding: the editor's fields in one dialog, committed once when accepted."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from auditapp.core.workspace import FindingState
from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.finding_form import FindingForm
from auditapp.ui.widgets import MessageBar


class FindingDialog(QDialog):
    def __init__(self, editor: AuditEditor, draft: FindingState, *, suggested: list[str],
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingDialog")
        self.setWindowTitle(self.tr("Raise finding — %1").replace("%1", editor.state.reference))
        self._editor = editor
        self.number: int | None = None
        self._escalation_prompted = False
        checklist = editor.state.checklist
        self.form = FindingForm(
            editor.state.grades, language=language, area_ids=[a.id for a in checklist.areas],
            question_ids=[q.id for q in checklist.questions], inline=False)
        self.form.set_finding(draft, suggested)
        self.form.set_due(None, editor.default_due_days(draft.classification))
        self.form.classification_chosen.connect(self._grade_chosen)
        self.messages = MessageBar()
        self.form.invalid.connect(self.messages.show_error)

        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Raise finding"))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 680)
        self.form.title.setFocus()

    def _grade_chosen(self, code: str) -> None:
        if not self.form.due_touched:
            self.form.set_due(None, self._editor.default_due_days(code))

    def commit(self) -> None:
        values = self.form.values()
        if not values["classification"]:
            self.messages.show_error(self.tr("Choose a classification."))
            return
        if self.form.question_ids() is None:
            return
        if (values["classification"] == "critical" and self.form.escalation.incomplete()
                and not self._escalation_prompted):
            # Ask once: the auditor may not have reached the sponsor yet and can record it later.
            self._escalation_prompted = True
            self.messages.show_error(self.tr(
                "A critical finding is told to the sponsor at once. Record when and to whom, "
                "and whether it may be a serious breach (EU CTR Art. 52); or press \"Raise "
                "finding\" again to record it later (the report cannot be issued without it)."))
            self.form.escalation.informed_on.setFocus()
            return
        refusals: list[str] = []
        self._editor.edit_refused.connect(refusals.append)
        try:
            self.number = self._editor.add_finding(values)
        finally:
            self._editor.edit_refused.disconnect(refusals.append)
        if self.number is None:
            self.messages.show_error(refusals[-1] if refusals else self.tr("Not saved."))
            return
        self.accept()
