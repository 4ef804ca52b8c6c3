"""Pre-issue checks: what blocks signing, grouped by kind, with a jump to each problem.

The panel is not modal, so the auditor can jump to a problem, fix it and press "Check again"
without closing it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.preissue import IssueProblem
from auditapp.ui.widgets import MessageBar, label

KINDS = ("field", "question", "finding", "warning")
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


class PreissueModel(QStandardItemModel):
    """Two levels: a row per kind (with its count), the problems under it."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setHorizontalHeaderLabels([self.tr("Where"), self.tr("What is missing")])

    def kind_title(self, kind: str) -> str:
        return {
            "field": self.tr("Report fields"),
            "question": self.tr("Checklist questions"),
            "finding": self.tr("Findings"),
            "warning": self.tr("Warnings, not blocking"),
        }.get(kind, kind)

    def set_problems(self, problems: Sequence[IssueProblem]) -> None:
        self.removeRows(0, self.rowCount())
        for kind in KINDS:
            group = [p for p in problems if p.kind == kind]
            if not group:
                continue
            head = QStandardItem(f"{self.kind_title(kind)} ({len(group)})")
            head.setEditable(False)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            tail = QStandardItem("")
            tail.setEditable(False)
            for problem in group:
                target = QStandardItem(problem.target)
                message = QStandardItem(problem.message)
                for item in (target, message):
                    item.setEditable(False)
                    item.setData(problem, PROBLEM_ROLE)
                    item.setToolTip(str(problem))
                head.appendRow([target, message])
            self.appendRow([head, tail])

    def problem(self, index: QModelIndex) -> IssueProblem | None:
        value = index.data(PROBLEM_ROLE) if index.isValid() else None
        return value if isinstance(value, IssueProblem) else None

    def problems(self) -> list[IssueProblem]:
        found = []
        for row in range(self.rowCount()):
            head = self.item(row, 0)
            for child in range(head.rowCount()):
                problem = head.child(child, 0).data(PROBLEM_ROLE)
                found.append(problem)
        return found


class _Tree(QTreeView):
    activated_by_key = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class PreissuePanel(QDialog):
    jump_requested = Signal(object)  # IssueProblem

    def __init__(
        self, reference: str, check: Callable[[], list[IssueProblem]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(self.tr("Check before issue · %1").replace("%1", reference))
        self.setModal(False)
        self.resize(640, 460)
        self.summary = label("", "subheading")
        self.hint = label(
            self.tr(
                "Double-click a problem or press Enter to go to it. The "
                "report can be signed as author when this list is empty."
            ),
            "muted",
        )
        self.messages = MessageBar()
        self.model = PreissueModel(self)
        self.tree = _Tree()
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.doubleClicked.connect(self._jump)
        self.tree.activated_by_key.connect(self._jump)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.recheck = QPushButton(self.tr("Check &again"))
        buttons.addButton(self.recheck, QDialogButtonBox.ButtonRole.ActionRole)
        self.recheck.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addWidget(self.messages)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        problems = self._check()
        self.model.set_problems(problems)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        blocking = [p for p in problems if p.kind != "warning"]
        if blocking:
            self.summary.setText(
                self.tr("%n problem(s) block issuing the report", "", len(blocking))
            )
            first = self.model.index(0, 0)
            self.tree.setCurrentIndex(self.model.index(0, 0, first))
        else:
            self.summary.setText(self.tr("Nothing blocks issuing the report."))
            if problems:
                first = self.model.index(0, 0)
                self.tree.setCurrentIndex(self.model.index(0, 0, first))
        self.tree.setFocus()

    def _jump(self, index: QModelIndex) -> None:
        problem = self.model.problem(index)
        if problem is not None:
            self.jump_requested.emit(problem)
