"""The audit list's model (one row per audit, a column per grade) and its filter; the page that
shows them is audit_list.py."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from auditapp.core.grading import Grade
from auditapp.core.list_rows import STATUS_ORDER, AuditSummary
from auditapp.ui import formats, labels, theme
from auditapp.ui.variant import variant_result

Index = QModelIndex | QPersistentModelIndex
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class AuditListModel(QAbstractTableModel):
    """Named columns; one column per grade of the current scheme."""

    REFERENCE, TITLE, AUDITEE, TYPE, START, STATUS, PROGRESS = range(7)

    def __init__(
        self, grades: tuple[Grade, ...], *, language: str = "en", parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.grades = grades
        self._lang = language
        self.rows: list[AuditSummary] = []
        self.haystacks: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: list[AuditSummary]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(rows)
        # What the search box matches, made once per row rather than on every key press.
        self.haystacks = [
            f"{r.reference} {r.title} {r.auditee} {labels.audit_type(r.audit_type)}".lower()
            for r in self.rows
        ]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, once per click: a sorting proxy re-sorted 1,000 rows through Python
        comparisons at every key typed in the search box."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = {id(r): i for i, r in enumerate(self.rows)}
        self.rows = self._sorted(self.rows)
        position = {before[id(r)]: i for i, r in enumerate(self.rows)}
        self.haystacks = [self.haystacks[before[id(r)]] for r in self.rows]
        for old in self.persistentIndexList():
            self.changePersistentIndex(old, self.index(position[old.row()], old.column()))
        self.layoutChanged.emit()

    def _sorted(self, rows: list[AuditSummary]) -> list[AuditSummary]:
        column, order = self._sort
        if column < 0:
            return list(rows)

        def key(row: AuditSummary) -> tuple[int, Any]:
            value = self._sort_value(row, column)
            return (0, value.lower()) if isinstance(value, str) else (1, value)

        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def _sort_value(self, r: AuditSummary, column: int) -> Any:
        grade = self.grade_at(column)
        if grade is not None:
            return r.findings.get(grade.classification.value, 0)
        if column == self.STATUS:
            return STATUS_ORDER.index(r.status) if r.status in STATUS_ORDER else 99
        if column == self.PROGRESS:
            return r.answered / r.questions if r.questions else 0.0
        if column == self.START:
            return r.start.isoformat() if r.start else ""
        return (r.reference, r.title, r.auditee, labels.audit_type(r.audit_type))[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 7 + len(self.grades)

    def grade_at(self, column: int) -> Grade | None:
        i = column - 7
        return self.grades[i] if 0 <= i < len(self.grades) else None

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        grade = self.grade_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if grade:
                return grade.label[self._lang]
            return (
                self.tr("Reference"),
                self.tr("Title"),
                self.tr("Auditee"),
                self.tr("Type"),
                self.tr("Start"),
                self.tr("Status"),
                self.tr("Answered"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and grade:
            return self.tr("Findings graded %1").replace("%1", grade.label[self._lang])
        return None

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        grade = self.grade_at(column)
        if role == REFERENCE_ROLE:
            return r.reference
        if grade is not None:
            n = r.findings.get(grade.classification.value, 0)
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return n if role == SORT_ROLE else (str(n) if n else "·")
            if role == Qt.ItemDataRole.ForegroundRole and n:
                return QColor(grade.colour)
            if role == Qt.ItemDataRole.FontRole and n:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if role == SORT_ROLE:
            if column == self.STATUS:
                return STATUS_ORDER.index(r.status) if r.status in STATUS_ORDER else 99
            if column == self.PROGRESS:
                return r.answered / r.questions if r.questions else 0.0
            if column == self.START:
                return r.start.isoformat() if r.start else ""
            role = Qt.ItemDataRole.DisplayRole
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.reference,
                r.title,
                r.auditee,
                labels.audit_type(r.audit_type),
                formats.date_text(r.start, "—"),
                labels.audit_status(r.status),
                f"{r.answered}/{r.questions}",
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return theme.dot_icon(theme.STATUS_COLOURS.get(r.status, "#6B7280"))
        if role == Qt.ItemDataRole.FontRole and column == self.REFERENCE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PROGRESS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.title
        return None


class AuditFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.text = ""
        self.status = ""
        self.auditee = ""
        self.year = 0

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source model sorts itself; the proxy only filters and keeps its order.
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def set_filter(
        self, *, text: str = "", status: str = "", auditee: str = "", year: int = 0
    ) -> None:
        self.beginFilterChange()
        self.text, self.status, self.auditee, self.year = (
            text.lower().strip(),
            status,
            auditee,
            year,
        )
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AuditListModel)
        r = model.rows[source_row]
        if self.status and r.status != self.status:
            return False
        if self.auditee and r.auditee != self.auditee:
            return False
        if self.year and (r.start is None or r.start.year != self.year):
            return False
        if self.text:
            return self.text in model.haystacks[source_row]
        return True
