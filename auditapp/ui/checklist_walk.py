"""The checklist walk: the tree on the left, the question on the right, keyboard-first."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.models import ResponseResult
from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.checklist_model import QUESTION_ID_ROLE, ChecklistModel
from auditapp.ui.question_pane import ANSWER_KEYS, RESULTS, QuestionPane
from auditapp.ui.widgets import MessageBar


class ChecklistWalk(QWidget):
    raise_finding_requested = Signal(str)
    progress_changed = Signal(int, int)
    question_changed = Signal(str)

    def __init__(
        self,
        editor: AuditEditor,
        *,
        language: str,
        grade_labels: dict[str, tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._language = language
        self._grade_labels = grade_labels
        self.model = ChecklistModel(
            editor.state.checklist, editor.state.answers, language=language, parent=self
        )

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed "Done" column, sized once for its widest possible text: sized to contents,
        # every answer re-measured all 250 questions (a tenth of a second; benchmarks/run.py).
        from auditapp.ui import labels

        metrics = self.tree.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(text)
            for text in [labels.result_short(r) for r in RESULTS] + ["999/999"]
        )
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().resizeSection(1, widest + 3 * metrics.averageCharWidth())
        self.tree.expandToDepth(0)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)

        self.pane = QuestionPane()
        scroll = QScrollArea()
        scroll.setWidget(self.pane)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("walkSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 640])
        self.messages = MessageBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.messages.float_over(self, top=4)  # never moves the tree or the buttons
        layout.addWidget(self.splitter, 1)

        self.pane.answer_chosen.connect(self.answer)
        self.pane.notes_committed.connect(self._notes_committed)
        self.pane.raise_requested.connect(self.raise_finding)
        self.pane.next_requested.connect(lambda: self.go(1))
        self.pane.previous_requested.connect(lambda: self.go(-1))
        self.pane.next_unanswered_requested.connect(self.go_next_unanswered)
        editor.answer_changed.connect(self._answer_changed)
        editor.findings_changed.connect(self._refresh_findings)
        editor.edit_refused.connect(self._refused)
        self.actions_ = self._make_actions()
        self.pane.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        # The theme's rounded border on item views makes the style sheet turn off the viewport's
        # own background, and Qt then repaints the whole tree on every scroll instead of moving
        # the pixels and painting the one new row: each "next question" near the bottom of the
        # tree cost a full repaint. The viewport paints its background again (after the style
        # sheet has polished it, which happens before the first show).
        self.tree.viewport().setAutoFillBackground(True)
        super().showEvent(event)

    # --- actions -------------------------------------------------------------------------------

    def _make_actions(self) -> list[QAction]:
        from auditapp.ui import labels

        out = []
        for result in RESULTS:
            action = QAction(labels.result(result), self)
            action.setShortcut(QKeySequence(ANSWER_KEYS[result]))
            action.triggered.connect(lambda _=False, r=result: self.answer(r))
            out.append(action)
        for text, key, slot in (
            (self.tr("Next question"), "Alt+Down", lambda: self.go(1)),
            (self.tr("Previous question"), "Alt+Up", lambda: self.go(-1)),
            (self.tr("Next unanswered question"), "F8", self.go_next_unanswered),
            (self.tr("Raise finding…"), "Ctrl+R", self.raise_finding),
            (self.tr("Go to notes"), "Ctrl+Shift+N", self.focus_notes),
            (self.tr("Go to checklist tree"), "Ctrl+Shift+T", self.tree.setFocus),
            (
                self.tr("Answer the rest of this section Compliant…"),
                "Ctrl+Shift+1",
                self.section_compliant,
            ),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            out.append(action)
        # A setting of this computer: after Compliant or Not applicable, go on to the next
        # question; other answers stay, because notes and a finding usually follow.
        self.auto_advance = QAction(self.tr("Go to the next question after Compliant or N/A"), self)
        self.auto_advance.setCheckable(True)
        from auditapp.ui.folders import local_settings

        self.auto_advance.setChecked(
            bool(local_settings().value("walk/auto_advance", False, type=bool))
        )
        self.auto_advance.toggled.connect(
            lambda on: local_settings().setValue("walk/auto_advance", on)
        )
        out.append(self.auto_advance)
        for action in out:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        return out

    def remaining_in_section(self) -> list[str]:
        """The unanswered questions of the current question's section."""
        question_id = self.current_question
        if question_id is None:
            return []
        area = self._editor.state.checklist.area_of(question_id)
        section = next(s for s in area.sections if any(q.id == question_id for q in s.questions))
        return [
            q.id
            for q in section.questions
            if (a := self._editor.answer(q.id)) is None or a.result is None
        ]

    def section_compliant(self) -> bool:
        """Answer every unanswered question of this section Compliant, after a confirmation;
        one undo step takes it back."""
        remaining = self.remaining_in_section()
        if not remaining or self._editor.read_only:
            self.messages.show_info(self.tr("Every question of this section is answered."))
            return False
        question = (
            self.tr(
                "Answer %n unanswered question(s) of this section Compliant?", "", len(remaining)
            )
            + "\n\n"
            + ", ".join(remaining)
            + "\n\n"
            + self.tr("Answers already given stay. Edit › Undo takes all of them back in one step.")
        )
        if not self.confirm(question):
            return False
        done = self._editor.answer_many(
            remaining, "compliant", self.tr("Answer %n question(s) Compliant", "", len(remaining))
        )
        if done:
            self.messages.show_info(
                self.tr("%n question(s) answered Compliant.", "", len(remaining))
            )
        return done

    def confirm(self, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Answer the section"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- navigation ----------------------------------------------------------------------------

    @property
    def current_question(self) -> str | None:
        return self.pane.question_id

    def select_question(self, question_id: str) -> None:
        index = self.model.question_index(question_id)
        if not index.isValid():
            return
        self.tree.expand(index.parent().parent())
        self.tree.expand(index.parent())
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def start(self) -> None:
        """Open on the first unanswered question, with the focus in the tree."""
        first = self.model.next_unanswered(None) or self.model.next_question(None)
        if first:
            self.select_question(first)
        self.tree.setFocus()
        self.progress_changed.emit(*self.model.progress())

    def go(self, step: int) -> None:
        target = self.model.next_question(self.current_question, step)
        if target:
            self.select_question(target)

    def go_next_unanswered(self) -> None:
        target = self.model.next_unanswered(self.current_question)
        if target is None:
            self.messages.show_info(self.tr("Every question has an answer."))
        else:
            self.select_question(target)

    def focus_notes(self) -> None:
        self.pane.notes.setFocus()
        self.pane.notes.moveCursor(self.pane.notes.textCursor().MoveOperation.End)

    def _activated(self, index: QModelIndex) -> None:
        # Enter on a question takes the auditor to where they type.
        if index.data(QUESTION_ID_ROLE):
            self.focus_notes()
        else:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        question_id = current.data(QUESTION_ID_ROLE)
        if not question_id:
            return
        question = self.model.question(question_id)
        assert question is not None
        area, section = self.model.path_of(question_id)
        self.pane.setEnabled(True)
        self.pane.show_question(
            question,
            area=area,
            section=section,
            language=self._language,
            answer=self._editor.answer(question_id),
            raised=self._raised(question_id),
            grade_labels=self._grade_labels,
        )
        self.question_changed.emit(question_id)

    def _raised(self, question_id: str) -> list:
        return sorted(
            (f for f in self._editor.state.findings.values() if question_id in f.question_ids),
            key=lambda f: f.number,
        )

    # --- edits ---------------------------------------------------------------------------------

    def answer(self, result: str) -> None:
        question_id = self.current_question
        if question_id is None:
            return
        self.messages.clear_message()
        if not self._editor.set_answer(question_id, result, self.pane.notes.toPlainText()):
            self.pane.show_answer(self._editor.answer(question_id))
        elif self.auto_advance.isChecked() and result in (
            ResponseResult.COMPLIANT,
            ResponseResult.NOT_APPLICABLE,
        ):
            self.go(1)

    def _notes_committed(self, text: str) -> None:
        question_id = self.current_question
        if question_id is None:
            return
        current = self._editor.answer(question_id)
        self._editor.set_answer(question_id, current.result if current else None, text)

    def raise_finding(self) -> None:
        if self.current_question:
            self.pane.notes.commit()
            self.raise_finding_requested.emit(self.current_question)

    def _answer_changed(self, question_id: str) -> None:
        result_changed = self.model.answer_changed(question_id)
        if question_id == self.current_question:
            self.pane.show_answer(self._editor.answer(question_id))
        if result_changed:  # notes alone change neither the tree nor the progress
            self.progress_changed.emit(*self.model.progress())

    def _refresh_findings(self) -> None:
        if self.current_question:
            self.pane.show_findings(self._raised(self.current_question), self._grade_labels)

    def _refused(self, message: str) -> None:
        if self.isVisible():
            self.messages.show_error(message)
