"""The finding editor's fields; used inline in the findings tab and in the raise-finding dialog.

In "inline" mode every field reports its edit as it is finished (field_edited) and the page
commits it at once; in "draft" mode the dialog collects values() and commits once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.findings import Grade, escalation_rules
from auditapp.core.models import Classification, FindingStatus
from auditapp.core.workspace import FindingState
from auditapp.ui import labels, theme
from auditapp.ui.due_field import DueField
from auditapp.ui.escalation_box import EscalationBox
from auditapp.ui.field_errors import FieldErrors, framed_row
from auditapp.ui.finding_checks import finding_problems
from auditapp.ui.finding_references import ReferencesField
from auditapp.ui.widgets import CommittingTextEdit, ReservedLabel, label


class FindingForm(QWidget):
    field_edited = Signal(str, object)
    classification_chosen = Signal(str)

    def __init__(
        self,
        grades: tuple[Grade, ...],
        *,
        language: str,
        area_ids: list[str],
        question_ids: list[str],
        inline: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._grades = {g.classification.value: g for g in grades}
        self._lang = language
        self._inline = inline
        self._known_questions = set(question_ids)
        self._loading = False
        # Each error is shown under its field (a line is reserved there), not atop the form.
        self.errors = FieldErrors()
        errors = self.errors
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)  # the error lines under the fields space the rows
        form.setHorizontalSpacing(12)

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("One line that states the deficiency"))
        self.title.editingFinished.connect(lambda: self._edited("title", self.title.text()))
        form.addRow(self.tr("&Title"), errors.row("title", self.title))

        grades_row = QHBoxLayout()
        self.grade_group = QButtonGroup(self)
        self.grade_buttons: dict[str, QRadioButton] = {}
        for code, grade in self._grades.items():
            button = QRadioButton(grade.label[language])
            button.setIcon(theme.dot_icon(grade.colour))
            button.toggled.connect(lambda on, c=code: on and self._grade_chosen(c))
            self.grade_group.addButton(button)
            self.grade_buttons[code] = button
            grades_row.addWidget(button)
        grades_row.addStretch(1)
        self.grades_frame = framed_row(grades_row)
        # The grade's definition under the buttons (and under the line kept for an error). Its
        # height is that of the longest definition: choosing or showing another grade does not
        # move the fields below (a relayout and a repaint of the whole editor).
        self.definition = ReservedLabel(
            [g.definition[language] for g in grades] + [self._no_grade_text()],
            lines=2,
            role="muted",
        )
        self.definition.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grade_cell = QVBoxLayout()
        grade_cell.setSpacing(0)
        grade_cell.addWidget(
            errors.row(
                "classification",
                self.grades_frame,
                focus=next(iter(self.grade_buttons.values()), self.grades_frame),
            )
        )
        grade_cell.addWidget(self.definition)
        form.addRow(self.tr("Classification"), grade_cell)
        # The scheme's upgrade rules stay visible while grading (patterns of findings, fraud).
        self.escalation_rules = label(
            "\n".join(f"• {rule}" for rule in escalation_rules(grades, language)), "muted"
        )
        form.addRow(self.tr("Escalation rules"), self.escalation_rules)

        self.impact_label = QLabel(self.tr("Impact"))
        self.impact = self._text(
            "impact",
            self.tr("Impact on participants' rights, safety or well-being, or on data reliability"),
        )
        form.addRow(self.impact_label, errors.row("impact", self.impact))
        self.observation = self._text(
            "observation", self.tr("Objective evidence: what was seen, where, how many of how many")
        )
        form.addRow(self.tr("Observation"), errors.row("observation", self.observation))

        self.references_field = ReferencesField()
        # The parts by their old names: the dialog and tests use them.
        self.references, self.reference_input = (
            self.references_field.list,
            self.references_field.input,
        )
        self.references_field.edited.connect(lambda refs: self._edited("references", refs))
        self.references_field.refused.connect(lambda text: self.errors.show({"references": text}))
        self.references_field.accepted.connect(lambda: self.errors.clear("references"))
        form.addRow(
            self.tr("References"),
            errors.row("references", self.references_field, framed=self.reference_input),
        )

        self.questions = QLineEdit()
        self.questions.setPlaceholderText(self.tr("Question ids, comma-separated"))
        self.questions.editingFinished.connect(self._questions_edited)
        form.addRow(self.tr("Linked questions"), errors.row("question_ids", self.questions))
        self.area = QComboBox()
        self.area.addItem("—", "")
        for area_id in area_ids:
            self.area.addItem(area_id, area_id)
        self.area.activated.connect(lambda _i: self._edited("area", self.area.currentData()))
        form.addRow(self.tr("Area"), self.area)

        self.risk = self._text("risk", self.tr("Risk if not corrected"))
        form.addRow(self.tr("Risk"), errors.row("risk", self.risk))
        self.recommendation = self._text("recommendation", self.tr("Suggested correction"))
        form.addRow(self.tr("Recommendation"), errors.row("recommendation", self.recommendation))

        self.due_field = DueField()
        # The parts by their old names: the dialog and tests use them.
        self.due_mode, self.due_days, self.due = (
            self.due_field.mode,
            self.due_field.days,
            self.due_field.date,
        )
        self.due_touched = False
        self.due_field.touched.connect(self._due_touched)
        self.due_field.changed.connect(self._due_changed)
        form.addRow(
            self.tr("CAPA response"),
            errors.row(
                "capa_due_days", self.due_field, framed=self.due_days, also=("capa_due_date",)
            ),
        )

        self.escalation = EscalationBox(
            self._text("breach_note", self.tr("Why it may or may not be a serious breach"))
        )
        self.escalation.edited.connect(self._edited)
        self.escalation_cell = errors.row(
            "escalation",
            self.escalation,
            focus=self.escalation.informed_on.edit,
            also=("sponsor_informed_on", "sponsor_informed_to", "breach_assessment", "breach_note"),
        )
        form.addRow(self.escalation_cell)
        self.escalation_cell.setVisible(False)

        self.owner = QLineEdit()
        self.owner.editingFinished.connect(lambda: self._edited("owner", self.owner.text()))
        form.addRow(self.tr("Auditee owner"), errors.row("owner", self.owner))
        status_row = QHBoxLayout()
        self.status = QComboBox()
        for status in FindingStatus:
            self.status.addItem(labels.finding_status(status.value), status.value)
        self.status.activated.connect(lambda _i: self._edited("status", self.status.currentData()))
        self.repeat = QCheckBox(self.tr("Repeat finding"))
        self.repeat.toggled.connect(lambda on: self._edited("repeat_finding", on))
        status_row.addWidget(self.status)
        status_row.addWidget(self.repeat)
        status_row.addStretch(1)
        form.addRow(self.tr("Status"), status_row)

    def _text(self, name: str, placeholder: str) -> CommittingTextEdit:
        box = CommittingTextEdit()
        box.setPlaceholderText(placeholder)
        box.setMinimumHeight(64)
        box.setMaximumHeight(140)
        box.text_committed.connect(lambda text, n=name: self._edited(n, text))
        return box

    # --- showing -------------------------------------------------------------------------------

    def set_finding(self, f: FindingState, suggested_references: list[str] | None = None) -> None:
        """Show a finding. Only the fields whose shown value differs are set: moving to the next
        finding then repaints what changed, and never rebuilds an identical part."""
        self._loading = True
        try:
            if self.title.text() != f.title:
                self.title.setText(f.title)
                self.title.setCursorPosition(0)
            self._show_grade(f.classification)
            self.impact.set_text_quietly(f.impact)
            self.observation.set_text_quietly(f.observation)
            self.risk.set_text_quietly(f.risk)
            self.recommendation.set_text_quietly(f.recommendation)
            self.references_field.show_references(list(f.references), suggested_references or [])
            _set_line(self.questions, ", ".join(f.question_ids))
            self.area.setCurrentIndex(max(0, self.area.findData(f.area)))
            self.set_due(f.capa_due_date, f.capa_due_days)
            self._show_escalation(f)
            _set_line(self.owner, f.owner)
            self.status.setCurrentIndex(max(0, self.status.findData(f.status)))
            self.repeat.setChecked(f.repeat_finding)
            self.due_touched = False
        finally:
            self._loading = False

    def _show_grade(self, code: str) -> None:
        if code and self.classification() == code:
            return  # shown already, with its definition
        self.grade_group.setExclusive(False)
        for c, button in self.grade_buttons.items():
            button.setChecked(c == code)
        self.grade_group.setExclusive(True)
        self._describe_grade(code)

    def _no_grade_text(self) -> str:
        return self.tr("Choose a classification; its definition appears here.")

    def _describe_grade(self, code: str) -> None:
        grade = self._grades.get(code)
        self.definition.setText(grade.definition[self._lang] if grade else self._no_grade_text())
        required = bool(grade and grade.requires_impact)
        self.impact_label.setText(self.tr("Impact *") if required else self.tr("Impact"))
        self.impact_label.setToolTip(
            self.tr("Required for critical and major findings") if required else ""
        )

    def set_due(self, date: dt.date | None, days: int | None) -> None:
        """Show a due date: N days after issue, a date of the auditor's own, or none."""
        self.due_field.set_due(date, days)

    def _show_escalation(self, f: FindingState) -> None:
        self.escalation_cell.setVisible(f.classification == Classification.CRITICAL)
        self.escalation.set_finding(f)

    # --- reading -------------------------------------------------------------------------------

    def classification(self) -> str:
        return next((c for c, b in self.grade_buttons.items() if b.isChecked()), "")

    def due_date(self) -> dt.date | None:
        return self.due_field.due_date()

    def due_days_value(self) -> int | None:
        return self.due_field.due_days()

    def due_fields(self) -> dict[str, object]:
        return self.due_field.due_fields()

    def chosen_references(self) -> list[str]:
        return self.references_field.chosen()

    def _typed_question_ids(self) -> list[str]:
        return [p.strip().upper() for p in self.questions.text().split(",") if p.strip()]

    def question_ids(self) -> list[str] | None:
        """The linked questions, or None when one is not in the checklist (problems() says
        which)."""
        ids = self._typed_question_ids()
        if any(q not in self._known_questions for q in ids):
            return None
        return list(dict.fromkeys(ids))

    def problems(self, finding: Mapping[str, object] | None = None) -> dict[str, str]:
        """What a finding lacks, by field, in sentences in the user's language: what the core
        would refuse, said before it is asked. Without an argument, the finding as shown."""
        shown = {
            "title": self.title.text(),
            "classification": self.classification(),
            "impact": self.impact.toPlainText(),
            "question_ids": self._typed_question_ids(),
        }
        return finding_problems(
            {**shown, **(finding or {})},
            grades=self._grades,
            language=self._lang,
            known_questions=self._known_questions,
        )

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.text(),
            "classification": self.classification(),
            "impact": self.impact.toPlainText(),
            "observation": self.observation.toPlainText(),
            "references": self.chosen_references(),
            "question_ids": self.question_ids() or [],
            "area": self.area.currentData() or "",
            "risk": self.risk.toPlainText(),
            "recommendation": self.recommendation.toPlainText(),
            **self.due_fields(),
            "owner": self.owner.text(),
            "status": self.status.currentData(),
            "repeat_finding": self.repeat.isChecked(),
            **self.escalation.values(),
        }

    def commit_pending(self) -> None:
        """Commit text still being typed (before the selection moves on)."""
        for box in (
            self.impact,
            self.observation,
            self.risk,
            self.recommendation,
            self.escalation.note,
        ):
            box.commit()

    # --- edits ---------------------------------------------------------------------------------

    def _edited(self, name: str, value: object) -> None:
        if self._inline and not self._loading:
            self.field_edited.emit(name, value)

    def _due_changed(self) -> None:
        for name, value in self.due_fields().items():
            self._edited(name, value)

    def _grade_chosen(self, code: str) -> None:
        self._describe_grade(code)
        self.escalation_cell.setVisible(code == Classification.CRITICAL)
        if not self._loading:
            self.classification_chosen.emit(code)
            self._edited("classification", code)

    def _due_touched(self) -> None:
        if not self._loading:
            self.due_touched = True

    def _questions_edited(self) -> None:
        ids = self.question_ids()
        if ids is None:
            self.errors.show({"question_ids": self.problems()["question_ids"]})
            return
        self.errors.clear("question_ids")
        self._edited("question_ids", ids)


def _set_line(edit: QLineEdit, text: str) -> None:
    """setText resets the cursor and the undo history even for the same text."""
    if edit.text() != text:
        edit.setText(text)
