"""The start screen: every audit with status, progress and findings per grade; search and filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.audits import AuditSummary
from auditapp.core.findings import Grade
from auditapp.core.search import Hit
from auditapp.core.setup import STATUS_ORDER
from auditapp.errors import BadInput
from auditapp.ui import formats, labels, theme
from auditapp.ui.search_results import SearchHitsModel
from auditapp.ui.variant import variant_result
from auditapp.ui.widgets import label

Index = QModelIndex | QPersistentModelIndex
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class AuditListModel(QAbstractTableModel):
    """Named columns; one column per grade of the current scheme."""

    REFERENCE, TITLE, AUDITEE, TYPE, START, STATUS, PROGRESS = range(7)

    def __init__(self, grades: tuple[Grade, ...], *, language: str = "en",
                 parent: Any = None) -> None:
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
        self.haystacks = [f"{r.reference} {r.title} {r.auditee} "
                          f"{labels.audit_type(r.audit_type)}".lower() for r in self.rows]
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
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        grade = self.grade_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if grade:
                return grade.label[self._lang]
            return (self.tr("Reference"), self.tr("Title"), self.tr("Auditee"), self.tr("Type"),
                    self.tr("Start"), self.tr("Status"), self.tr("Answered"))[section]
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
                r.reference, r.title, r.auditee, labels.audit_type(r.audit_type),
                formats.date_text(r.start, "—"), labels.audit_status(r.status),
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

    def set_filter(self, *, text: str = "", status: str = "", auditee: str = "",
                   year: int = 0) -> None:
        self.beginFilterChange()
        self.text, self.status, self.auditee, self.year = text.lower().strip(), status, auditee, year
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


class AuditListPage(QWidget):
    open_requested = Signal(str)
    hit_opened = Signal(object)  # the core.search.Hit chosen
    new_requested = Signal()
    SEARCH_FROM = 3  # characters typed before the search across all audits runs

    def __init__(self, grades: tuple[Grade, ...], *, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AuditListModel(grades, language=language, parent=self)
        self.proxy = AuditFilter(self)
        self.proxy.setSourceModel(self.model)

        heading = label(self.tr("Audits"), "heading")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search reference, title, auditee…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.auditee = QComboBox()
        self.year = QComboBox()
        new_button = QPushButton(self.tr("New audit…"))
        new_button.setDefault(False)
        new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_current)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(new_button)
        top.addWidget(self.open_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.auditee, 1)
        filters.addWidget(self.year)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AuditListModel.REFERENCE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        # Sized from the first rows only: measuring every one of 1,000 rows costs a second.
        header.setResizeContentsPrecision(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_requested.emit(
            index.data(REFERENCE_ROLE)))
        self.empty = label(self.tr("No audits yet. Start with “New audit…” (Ctrl+N)."), "muted")
        self.count = label("", "muted")

        # Search across every audit's findings, notes, captions and registers (full-text index).
        self.search_everything: Callable[[str], list[Hit]] | None = None
        self.hits_model = SearchHitsModel(self)
        self.hits = QTableView()
        self.hits.setModel(self.hits_model)
        self.hits.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hits.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hits.verticalHeader().hide()
        self.hits.setShowGrid(False)
        self.hits.setWordWrap(False)
        self.hits.horizontalHeader().setStretchLastSection(True)
        self.hits.activated.connect(
            lambda index: self.hit_opened.emit(self.hits_model.hits[index.row()]))
        self.hits_label = label("", "muted")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.run_search)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.hits_label)
        layout.addWidget(self.hits, 1)
        self.hits.hide()
        self.hits_label.hide()

        self.search.textChanged.connect(self._apply)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.status, self.auditee, self.year):
            combo.currentIndexChanged.connect(self._apply)

    def set_rows(self, rows: list[AuditSummary]) -> None:
        self.model.set_rows(rows)
        self._fill(self.status, self.tr("All statuses"),
                   [(labels.audit_status(s), s) for s in STATUS_ORDER])
        self._fill(self.auditee, self.tr("All auditees"),
                   [(a, a) for a in sorted({r.auditee for r in rows if r.auditee})])
        years = sorted({r.start.year for r in rows if r.start}, reverse=True)
        self._fill(self.year, self.tr("All years"), [(str(y), y) for y in years])
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._apply()
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _apply(self) -> None:
        self.proxy.set_filter(
            text=self.search.text(), status=self.status.currentData() or "",
            auditee=self.auditee.currentData() or "", year=self.year.currentData() or 0)
        self.count.setText(self.tr("%1 of %2 audits").replace(
            "%1", str(self.proxy.rowCount())).replace("%2", str(self.model.rowCount())))

    def run_search(self) -> None:
        """Find the typed words in every audit; the hits show under the list."""
        text = self.search.text().strip()
        hits: list[Hit] = []
        if self.search_everything is not None and len(text) >= self.SEARCH_FROM:
            try:
                hits = self.search_everything(text)
            except BadInput:
                hits = []
        self.hits_model.set_hits(hits)
        shown = len(text) >= self.SEARCH_FROM and self.search_everything is not None
        self.hits.setVisible(shown and bool(hits))
        self.hits_label.setVisible(shown)
        self.hits_label.setText(
            self.tr("Found in findings, notes, captions and registers: %1 (double-click opens)")
            .replace("%1", str(len(hits))) if hits else self.tr("No finding, note, caption or "
                                                                "register entry contains these words"))
        if hits:
            self.hits.resizeColumnToContents(SearchHitsModel.AUDIT)
            self.hits.resizeColumnToContents(SearchHitsModel.WHERE)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_requested.emit(index.data(REFERENCE_ROLE))
