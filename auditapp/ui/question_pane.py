"""The right side of the checklist walk: one question, its guidance, references and the answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import references
from auditapp.core.checklists import Question
from auditapp.core.models import ResponseResult
from auditapp.core.workspace import AnswerState, FindingState
from auditapp.ui import formats, labels, theme
from auditapp.ui.widgets import CommittingTextEdit, label

RESULTS = [r.value for r in ResponseResult]
ANSWER_KEYS = {r: f"Ctrl+{i}" for i, r in enumerate(RESULTS, start=1)}


def clause_title(ref: str) -> str:
    try:
        return references.resolve(ref)[1]
    except (ValueError, OSError):
        return ""


class QuestionPane(QWidget):
    answer_chosen = Signal(str)
    notes_committed = Signal(str)
    raise_requested = Signal()
    previous_requested = Signal()
    next_requested = Signal()
    next_unanswered_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question_id: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(10)

        self.path = label("", "muted")
        self.path.setWordWrap(True)
        self.text = label("", "heading")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.path)
        outer.addWidget(self.text)

        outer.addWidget(label(self.tr("Answer"), "sectionlabel"))
        answers = QGridLayout()
        answers.setHorizontalSpacing(6)
        self.answer_group = QButtonGroup(self)
        self.answer_buttons: dict[str, QPushButton] = {}
        for i, result in enumerate(RESULTS):
            button = QPushButton(labels.result(result))
            button.setProperty("answer", True)
            button.setCheckable(True)
            button.setIcon(theme.dot_icon(theme.RESULT_COLOURS[result]))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(
                self.tr("Answer “%1” (%2)")
                .replace("%1", labels.result(result))
                .replace("%2", ANSWER_KEYS[result])
            )
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {theme.RESULT_COLOURS[result]}; }}"
            )
            button.clicked.connect(lambda _=False, r=result: self.answer_chosen.emit(r))
            self.answer_group.addButton(button)
            self.answer_buttons[result] = button
            answers.addWidget(button, i // 3, i % 3)
        outer.addLayout(answers)
        outer.addWidget(
            label(
                self.tr(
                    "Ctrl+1 compliant · Ctrl+2 partially · Ctrl+3 non-compliant · Ctrl+4 not "
                    "applicable · Ctrl+5 not assessed"
                ),
                "muted",
            )
        )

        outer.addWidget(label(self.tr("Notes"), "sectionlabel"))
        self.notes = CommittingTextEdit()
        self.notes.setPlaceholderText(
            self.tr("What you saw, asked and sampled. Saved as you type.")
        )
        self.notes.setMinimumHeight(96)
        self.notes.text_committed.connect(self.notes_committed)
        outer.addWidget(self.notes, 1)
        self.answered = label("", "muted")
        outer.addWidget(self.answered)

        buttons = QHBoxLayout()
        self.raise_button = QPushButton(self.tr("Raise finding…"))
        self.raise_button.setToolTip(self.tr("Raise a finding from this question (Ctrl+R)"))
        self.raise_button.clicked.connect(self.raise_requested)
        buttons.addWidget(self.raise_button)
        buttons.addStretch(1)
        # Keys in the tooltips: with the labels short the row fits beside a docked preview.
        for text, tip, signal in (
            (self.tr("‹ Previous"), self.tr("Previous question (Alt+↑)"), self.previous_requested),
            (self.tr("Next ›"), self.tr("Next question (Alt+↓)"), self.next_requested),
            (
                self.tr("Next unanswered"),
                self.tr("Next unanswered question (F8)"),
                self.next_unanswered_requested,
            ),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        outer.addLayout(buttons)

        # Guidance and references come after the answer and the notes, so that on a small
        # screen (1366×768 at 125 %) what the auditor types into stays in view.
        self.guidance_frame = QFrame()
        self.guidance_frame.setProperty("role", "guidance")
        guidance_layout = QVBoxLayout(self.guidance_frame)
        guidance_layout.setContentsMargins(12, 8, 12, 8)
        guidance_layout.addWidget(label(self.tr("Guidance"), "sectionlabel"))
        self.guidance = label("")
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        guidance_layout.addWidget(self.guidance)
        outer.addWidget(self.guidance_frame)

        outer.addWidget(label(self.tr("References"), "sectionlabel"))
        self.references = label("")
        self.references.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.references)

        outer.addWidget(label(self.tr("Findings raised here"), "sectionlabel"))
        self.findings = QLabel()
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setWordWrap(True)
        outer.addWidget(self.findings)

    def add_section(self, widget: QWidget) -> None:
        """Another section at the end of the pane (the question's evidence strip)."""
        layout = self.layout()
        assert layout is not None
        layout.addWidget(widget)

    def show_question(
        self,
        question: Question,
        *,
        area: str,
        section: str,
        language: str,
        answer: AnswerState | None,
        raised: list[FindingState],
        grade_labels: dict[str, tuple[str, str]],
    ) -> None:
        self.notes.commit()  # never lose typing when the question changes
        self.question_id = question.id
        self.path.setText(f"{area}  ›  {section}  ›  {question.id}")
        self.text.setText(question.text[language])
        guidance = question.guidance[language].strip()
        self.guidance.setText(guidance)
        self.guidance_frame.setVisible(bool(guidance))
        rows = []
        for ref in question.references:
            title = clause_title(ref)
            rows.append(f"<b>{ref}</b>" + (f" — {title}" if title else ""))
        self.references.setText("<br>".join(rows) or self.tr("none"))
        self.show_answer(answer)
        self.show_findings(raised, grade_labels)

    def show_answer(self, answer: AnswerState | None) -> None:
        result = answer.result if answer else None
        self.answer_group.setExclusive(False)
        for code, button in self.answer_buttons.items():
            button.setChecked(code == result)
        self.answer_group.setExclusive(True)
        self.notes.set_text_quietly(answer.notes if answer else "")
        if answer and answer.answered_at and answer.result:
            when = formats.datetime_text(answer.answered_at)
            self.answered.setText(
                self.tr("Answered by %1 at %2")
                .replace("%1", answer.answered_by)
                .replace("%2", when)
            )
        else:
            self.answered.setText(self.tr("Not answered yet"))

    def show_findings(
        self, raised: list[FindingState], grade_labels: dict[str, tuple[str, str]]
    ) -> None:
        if not raised:
            self.findings.setText("<span>" + self.tr("None") + "</span>")
            return
        lines = []
        for f in raised:
            name, colour = grade_labels.get(f.classification, (f.classification, "#666"))
            lines.append(
                f"<b>{f.label}</b> <span style='color:{colour}'>●&nbsp;{name}</span> "
                f"— {f.title.replace('<', '&lt;')}"
            )
        self.findings.setText("<br>".join(lines))
