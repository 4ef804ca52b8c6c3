"""The findings list: number, classification, title, status, due date; in report order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from auditapp.core.findings import Grade
from auditapp.core.workspace import FindingState
from auditapp.ui import formats, labels, theme
from auditapp.ui.variant import variant_result

Index = QModelIndex | QPersistentModelIndex
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsModel(QAbstractTableModel):
    NUMBER, CLASSIFICATION, TITLE, STATUS, DUE = range(5)

    def __init__(
        self, grades: tuple[Grade, ...], *, language: str = "en", parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._grades = {g.classification.value: g for g in grades}
        self._lang = language
        self._rows: list[FindingState] = []
        self._compact = False

    def set_compact(self, compact: bool) -> None:
        """A narrow list shows each grade by its coloured dot only (the name is in the
        tooltip), so the title keeps the room."""
        if compact == self._compact:
            return
        self._compact = compact
        self.headerDataChanged.emit(
            Qt.Orientation.Horizontal, self.CLASSIFICATION, self.CLASSIFICATION
        )
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.CLASSIFICATION),
                self.index(len(self._rows) - 1, self.CLASSIFICATION),
            )

    def set_findings(self, found: dict[int, FindingState]) -> None:
        self.beginResetModel()
        self._rows = sorted(found.values(), key=lambda f: (f.position, f.number))
        self.endResetModel()

    def grade_label(self, classification: str) -> str:
        grade = self._grades.get(classification)
        return grade.label[self._lang] if grade else classification

    def number_at(self, row: int) -> int | None:
        return self._rows[row].number if 0 <= row < len(self._rows) else None

    def row_of(self, number: int) -> int:
        return next((i for i, f in enumerate(self._rows) if f.number == number), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 5

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self._compact and section == self.CLASSIFICATION:
                return ""
            return (
                self.tr("No."),
                self.tr("Classification"),
                self.tr("Title"),
                self.tr("Status"),
                self.tr("Response due"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.CLASSIFICATION:
            return self.tr("Classification")
        return None

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        column = index.column()
        grade = self._grades.get(f.classification)
        if role == NUMBER_ROLE:
            return f.number
        due = (
            formats.date_text(f.capa_due_date, "—")
            if f.capa_due_date
            else self.tr("%n d after issue", "", f.capa_due_days)
            if f.capa_due_days
            else "—"
        )
        if role == Qt.ItemDataRole.DisplayRole:
            grade_text = "" if self._compact else self.grade_label(f.classification)
            return (f.label, grade_text, f.title, labels.finding_status(f.status), due)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.CLASSIFICATION:
            colour = grade.colour if grade else "#6B7280"
            return theme.dot_icon(colour)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CLASSIFICATION and grade:
            return QColor(grade.colour)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CLASSIFICATION:
            return self.grade_label(f.classification)
        if role == Qt.ItemDataRole.ToolTipRole:
            # A narrow list hides the status and due columns: the tooltip still has them.
            return (
                self.tr("%1\n%2 · response due: %3")
                .replace("%1", f.title)
                .replace("%2", labels.finding_status(f.status))
                .replace("%3", due)
            )
        return None
