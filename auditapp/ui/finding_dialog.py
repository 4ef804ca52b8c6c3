"""Raise a finding: the editor's fields in one dialog, committed once when accepted.

Enter in "Add a reference" adds the reference (it does not raise the finding); closing a drafted
finding asks whether to keep the draft (the workspace keeps one per question), discard it, or go
on editing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.models import Classification
from auditapp.core.workspace import FindingState
from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.finding_form import FindingForm
from auditapp.ui.widgets import MessageBar


class FindingDialog(QDialog):
    def __init__(
        self,
        editor: AuditEditor,
        draft: FindingState,
        *,
        suggested: list[str],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findingDialog")
        self.setWindowTitle(self.tr("Raise finding — %1").replace("%1", editor.state.reference))
        self._editor = editor
        self.number: int | None = None
        self._escalation_prompted = False
        self.kept_draft: FindingState | None = None
        self.kept_references: list[str] = []
        self.discarded = False
        checklist = editor.state.checklist
        self.form = FindingForm(
            editor.state.grades,
            language=language,
            area_ids=[a.id for a in checklist.areas],
            question_ids=[q.id for q in checklist.questions],
            inline=False,
        )
        self.form.set_finding(draft, suggested)
        self.form.set_due(None, editor.default_due_days(draft.classification))
        self.form.classification_chosen.connect(self._grade_chosen)
        # For a refusal of the whole finding; errors about one field show under that field.
        self.messages = MessageBar()

        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Raise finding"))
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        # Beside the button just pressed, not at the top of a long, scrolled form.
        layout.addWidget(self.messages)
        layout.addWidget(self.buttons)
        self.resize(760, 680)
        self.form.title.setFocus()
        self._initial = self._snapshot()

    def _snapshot(self) -> dict[str, object]:
        values = dict(self.form.values())
        values.pop("capa_due_date")  # follows the classification by itself
        values["all_references"] = self._all_references()
        values["question_text"] = self.form.questions.text()
        return values

    def _all_references(self) -> list[str]:
        refs = self.form.references
        return [str(refs.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(refs.count())]

    def is_drafted(self) -> bool:
        return self._snapshot() != self._initial

    def keyPressEvent(self, event: QKeyEvent) -> None:  # type: ignore[override]
        # Enter in the reference box belongs to that box (it added the reference already);
        # without this the dialog's default button would raise the half-written finding.
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.focusWidget() is self.form.reference_input
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.focusWidget() is self.form.reference_input
        ):
            event.accept()
        return super().event(event)

    def reject(self) -> None:
        """Esc, Cancel or the window's close button: ask before a drafted finding is lost."""
        if self.number is None and self.is_drafted():
            choice = self.ask_about_draft()
            if choice == "continue":
                return
            if choice == "keep":
                self.kept_draft = self._draft()
                self.kept_references = self._all_references()
            else:
                self.discarded = True
        super().reject()

    def ask_about_draft(self) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close the finding?"),
            self.tr(
                "This finding is not raised yet. Keep the draft for this "
                "question, discard it, or continue editing?"
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("draftQuestion")
        keep = box.addButton(self.tr("&Keep draft"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        go_on = box.addButton(self.tr("&Continue editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(go_on)
        box.exec()
        clicked = box.clickedButton()
        return "keep" if clicked is keep else "discard" if clicked is discard else "continue"

    def _draft(self) -> FindingState:
        v = self.form.values()
        return FindingState(
            number=0,
            position=0,
            title=str(v["title"]),
            classification=str(v["classification"]),
            area=str(v["area"]),
            observation=str(v["observation"]),
            impact=str(v["impact"]),
            references=tuple(v["references"]),  # type: ignore[arg-type]
            question_ids=tuple(v["question_ids"]),  # type: ignore[arg-type]
            risk=str(v["risk"]),
            recommendation=str(v["recommendation"]),
            owner=str(v["owner"]),
            status=str(v["status"]),
            repeat_finding=bool(v["repeat_finding"]),
        )

    def _grade_chosen(self, code: str) -> None:
        if not self.form.due_touched:
            self.form.set_due(None, self._editor.default_due_days(code))

    def commit(self) -> None:
        values = self.form.values()
        problems = self.form.problems()
        self.messages.clear_message()
        self.form.errors.show(problems)  # and clears the ones put right
        if problems:
            return
        if (
            values["classification"] == Classification.CRITICAL
            and self.form.escalation.incomplete()
            and not self._escalation_prompted
        ):
            # Ask once: the auditor may not have reached the sponsor yet and can record it later.
            self._escalation_prompted = True
            self.form.errors.show(
                {
                    "escalation": self.tr(
                        "A critical finding is told to the sponsor at once. Record when and to whom, "
                        'and whether it may be a serious breach (EU CTR Art. 52); or press "Raise '
                        'finding" again to record it later (the report cannot be issued without it).'
                    )
                }
            )
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
