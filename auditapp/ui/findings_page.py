"""The findings tab: the list in report order beside the editor; each field commits at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.findings import number_label
from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.finding_form import FindingForm
from auditapp.ui.findings_model import FindingsModel
from auditapp.ui.widgets import MessageBar, ReservedLabel, label

MIN_TITLE_WIDTH = 180  # px: about 25 characters of a finding's title

# Edits of these are typed text: when refused, the text stays for the auditor to correct.
TEXT_FIELDS = frozenset(
    {
        "title",
        "impact",
        "observation",
        "risk",
        "recommendation",
        "owner",
        "question_ids",
        "sponsor_informed_to",
        "breach_note",
    }
)


class FindingsPage(QWidget):
    new_finding_requested = Signal()
    finding_shown = Signal(object)  # the number shown in the editor, or None

    def __init__(
        self, editor: AuditEditor, *, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self.ask_reason: Callable[[str], str | None] = self._ask_reason
        self.model = FindingsModel(editor.state.grades, language=language, parent=self)
        self.model.set_findings(editor.state.findings)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FindingsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # A narrow list (a small screen, 125 % scaling) drops the columns the editor shows
        # anyway rather than squeeze the title to "…".
        self.table.viewport().installEventFilter(self)
        self.model.modelReset.connect(self._fit_columns)

        new_button = QPushButton(self.tr("New finding…"))
        new_button.setToolTip(self.tr("Raise a finding not tied to a question"))
        new_button.clicked.connect(self.new_finding_requested)
        self.new_button = new_button
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_current)
        # Arrow buttons: the list pane stays narrow enough for the editor beside it.
        self.up_button = QToolButton()
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip(
            self.tr("Move up: earlier in the report (Ctrl+Shift+Up); the number stays")
        )
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QToolButton()
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(
            self.tr("Move down: later in the report (Ctrl+Shift+Down); the number stays")
        )
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button, keys in (
            (self.up_button, "Ctrl+Shift+Up"),
            (self.down_button, "Ctrl+Shift+Down"),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(button.click)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.table, 1)

        checklist = editor.state.checklist
        self.form = FindingForm(
            editor.state.grades,
            language=language,
            area_ids=[a.id for a in checklist.areas],
            question_ids=[q.id for q in checklist.questions],
            inline=True,
        )
        self.form.field_edited.connect(self._field_edited)
        # A long title wraps; unwrapped, its width would push the editor past the window's edge.
        # Two lines are kept for it, so that going from a short title to a longer one does not
        # move (relayout and repaint) the whole editor below it.
        self.heading = ReservedLabel(lines=2, role="subheading")
        # Errors about one field show under that field (the form's error lines); this bar
        # is for the rest (deleting without a reason, a locked audit).
        self.messages = MessageBar()
        self._refusals: list[str] | None = None
        self.empty = label(
            self.tr(
                "No finding selected. Raise one from a checklist question "
                "(Ctrl+R) or with “New finding…”."
            ),
            "muted",
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 8, 16, 8)
        right_layout.addWidget(self.heading)
        self.messages.float_over(right, top=4)  # over the editor, never moving it
        right_layout.addWidget(self.empty)
        right_layout.addWidget(self.form)
        right_layout.addStretch(1)
        self._right_layout = right_layout
        scroll = QScrollArea()
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("findingsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        # The editor needs about 780 px for its labels and grade buttons; the list gets the rest.
        self.splitter.setSizes([380, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

        editor.findings_changed.connect(self._findings_changed)
        editor.edit_refused.connect(self._refused)
        self._show(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """Drop the due date, then the status, then the grade's name (its dot stays) while the
        title would have less than MIN_TITLE_WIDTH."""
        table, header, model = self.table, self.table.horizontalHeader(), self.model

        def width(column: int) -> int:
            return max(header.sectionSizeHint(column), table.sizeHintForColumn(column))

        model.set_compact(False)
        for column in (FindingsModel.STATUS, FindingsModel.DUE):
            table.setColumnHidden(column, False)
        room = table.viewport().width() - width(FindingsModel.NUMBER)
        shown = [FindingsModel.CLASSIFICATION, FindingsModel.STATUS, FindingsModel.DUE]
        for column in (FindingsModel.DUE, FindingsModel.STATUS, FindingsModel.CLASSIFICATION):
            if room - sum(width(c) for c in shown) >= MIN_TITLE_WIDTH:
                break
            shown.remove(column)
            if column == FindingsModel.CLASSIFICATION:
                model.set_compact(True)
            else:
                table.setColumnHidden(column, True)

    def add_editor_section(self, widget: QWidget) -> None:
        """Another section above the editor's fields (the finding's evidence strip)."""
        self._right_layout.insertWidget(self._right_layout.indexOf(self.form), widget)

    @property
    def current_number(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.number_at(index.row()) if index.isValid() else None

    def select(self, number: int) -> None:
        row = self.model.row_of(number)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.form.commit_pending()
        self.messages.clear_message()
        self.form.errors.clear()
        self._show(self.model.number_at(current.row()) if current.isValid() else None)

    def _show(self, number: int | None) -> None:
        finding = self._editor.finding(number) if number is not None else None
        self.form.setVisible(finding is not None)
        self.empty.setVisible(finding is None)
        writable = finding is not None and not self._editor.read_only
        self.delete_button.setEnabled(writable)
        self.up_button.setEnabled(writable)
        self.down_button.setEnabled(writable)
        self.finding_shown.emit(finding.number if finding is not None else None)
        if finding is None:
            self.heading.setText(self.tr("Findings"))
            return
        self.heading.setText(f"{finding.label}  ·  {finding.title}")
        suggested: list[str] = []
        for qid in finding.question_ids:
            try:
                suggested.extend(self._editor.state.checklist.question(qid).references)
            except Exception:  # a linked question outside the scope: nothing to suggest
                continue
        self.form.set_finding(finding, suggested)

    def _findings_changed(self) -> None:
        number = self.current_number
        self.model.set_findings(self._editor.state.findings)
        if number is not None and self.model.row_of(number) >= 0:
            self.table.blockSignals(True)
            self.select(number)
            self.table.blockSignals(False)
            self._show(number)
        else:
            self._show(None)

    def _field_edited(self, name: str, value: object) -> None:
        number = self.current_number
        if number is None:
            return
        self.messages.clear_message()
        old = self._editor.finding(number)
        assert old is not None
        problems = self.form.problems({**old.fields(), name: value})
        if problems:
            self._not_saved(number, name, problems)
            return
        refusals: list[str] = []
        self._refusals = refusals
        try:
            saved = self._editor.update_finding(number, {name: value})
        finally:
            self._refusals = None
        if not saved:
            self._not_saved(
                number,
                name,
                {name: refusals[-1] if refusals else self.tr("This change was not saved.")},
            )
            return
        # Errors that no longer hold go (a lower grade needs no impact); one about text still
        # in a field and not saved stays.
        still = self.form.problems()
        for field in self.form.errors.shown():
            if field not in still:
                self.form.errors.clear(field)
        self.form.errors.clear(name)

    def _not_saved(self, number: int, name: str, problems: dict[str, str]) -> None:
        """Say why beside the field. Typed text stays in its box for the auditor to correct;
        a choice (grade, status, date) shows the stored value again."""
        if not self.form.errors.show(problems, keep_others=True):
            self.messages.show_error(" ".join(problems.values()))
        if name not in TEXT_FIELDS:
            self._show(number)

    def move_current(self, offset: int) -> None:
        number = self.current_number
        if number is None:
            return
        if self._editor.move_finding(number, offset):
            self.select(number)

    def delete_current(self) -> None:
        number = self.current_number
        if number is None:
            return
        reason = self.ask_reason(number_label(number))
        if reason is None:
            return
        if not reason.strip():
            self.messages.show_error(
                self.tr("Deleting a finding needs a reason; it is kept in the audit trail.")
            )
            return
        self._editor.delete_finding(number, reason)

    def _ask_reason(self, label_text: str) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Delete %1").replace("%1", label_text),
            self.tr("Reason for deleting %1 (kept in the audit trail):").replace("%1", label_text),
        )
        return text if ok else None

    def _refused(self, message: str) -> None:
        if self._refusals is not None:  # an edit of this page's own: shown beside its field
            self._refusals.append(message)
        elif self.isVisible():
            self.messages.show_error(message)
