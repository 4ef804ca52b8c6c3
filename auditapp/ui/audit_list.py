"""The start screen: every audit with status, progress and findings per grade; search and filter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
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

from auditapp.core.grading import Grade
from auditapp.core.list_rows import STATUS_ORDER, AuditSummary
from auditapp.core.search_hit import Hit
from auditapp.errors import BadInput
from auditapp.ui import labels
from auditapp.ui.audit_list_model import REFERENCE_ROLE as REFERENCE_ROLE
from auditapp.ui.audit_list_model import SORT_ROLE as SORT_ROLE
from auditapp.ui.audit_list_model import AuditFilter as AuditFilter
from auditapp.ui.audit_list_model import AuditListModel as AuditListModel
from auditapp.ui.search_results import SearchHitsModel
from auditapp.ui.widgets import label


class AuditListPage(QWidget):
    open_requested = Signal(str)
    hit_opened = Signal(object)  # the core.search.Hit chosen
    new_requested = Signal()
    SEARCH_FROM = 3  # characters typed before the search across all audits runs

    def __init__(
        self, grades: tuple[Grade, ...], *, language: str, parent: QWidget | None = None
    ) -> None:
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
        # Sized once per set_rows(), not in ResizeToContents mode: that mode measured the
        # columns again at every layout change, four times between building the window and
        # its first paint (12,800 calls of data() on the 1,000-audit list).
        header.setResizeContentsPrecision(40)
        header.setSectionResizeMode(AuditListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(
            lambda index: self.open_requested.emit(index.data(REFERENCE_ROLE))
        )
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
            lambda index: self.hit_opened.emit(self.hits_model.hits[index.row()])
        )
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
        self._fill(
            self.status,
            self.tr("All statuses"),
            [(labels.audit_status(s), s) for s in STATUS_ORDER],
        )
        self._fill(
            self.auditee,
            self.tr("All auditees"),
            [(a, a) for a in sorted({r.auditee for r in rows if r.auditee})],
        )
        years = sorted({r.start.year for r in rows if r.start}, reverse=True)
        self._fill(self.year, self.tr("All years"), [(str(y), y) for y in years])
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._apply()
        self.table.ensurePolished()  # measured in the font the style sheet gives
        self.table.resizeColumnsToContents()
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
            text=self.search.text(),
            status=self.status.currentData() or "",
            auditee=self.auditee.currentData() or "",
            year=self.year.currentData() or 0,
        )
        self.count.setText(
            self.tr("%1 of %2 audits")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

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
            self.tr(
                "Found in findings, notes, captions and registers: %1 (double-click opens)"
            ).replace("%1", str(len(hits)))
            if hits
            else self.tr("No finding, note, caption or register entry contains these words")
        )
        if hits:
            self.hits.resizeColumnToContents(SearchHitsModel.AUDIT)
            self.hits.resizeColumnToContents(SearchHitsModel.WHERE)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_requested.emit(index.data(REFERENCE_ROLE))
