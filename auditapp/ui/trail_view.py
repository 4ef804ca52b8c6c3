"""The audit's trail: who changed what and when, old and new value; filterable."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.trail_query import TrailRow
from auditapp.reports.trail_actions import TrailAction, group_actions
from auditapp.ui import formats, labels
from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.variant import variant_result
from auditapp.ui.widgets import label

Index = QModelIndex | QPersistentModelIndex
MAX_SHOWN = 300  # long values (a whole observation) are cut in the cell; the tooltip has all


def _short(value: str | None) -> str:
    if value is None:
        return ""
    flat = " ".join(value.split())
    return flat if len(flat) <= 120 else flat[:119] + "…"


def display_language() -> str:
    return "de" if QLocale().language() == QLocale.Language.German else "en"


class TrailModel(QAbstractTableModel):
    """One row per user action (a register entry added is one row, not six), with field labels
    and values as the auditor saw them."""

    WHEN, WHO, ACTION, WHAT, CHANGES, REASON = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[TrailAction] = []
        self.entries = 0

    def set_rows(self, rows: list[TrailRow]) -> None:
        self.beginResetModel()
        self.rows = group_actions(rows, display_language())
        self.entries = len(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("When"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("What"),
                self.tr("Changes"),
                self.tr("Reason"),
            )[section]
        return None

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                formats.datetime_text(r.at, seconds=True),
                r.user,
                r.action,
                r.subject,
                r.summary(limit=MAX_SHOWN),
                r.reason,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CHANGES:
            lines = [
                f"{c.field}: {c.old} → {c.new}"
                if c.old and c.new
                else f"{c.field}: {c.new or c.old}"
                for c in r.changes
            ]
            return "\n".join(line[:500] for line in lines)[:5000]
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class TrailFilter(QSortFilterProxyModel):
    """Filters by who, what kind of action, since when, and free text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.user = ""
        self.action = ""
        self.since: dt.date | None = None
        self.text = ""

    def set_filter(
        self, *, user: str = "", action: str = "", since: dt.date | None = None, text: str = ""
    ) -> None:
        self.beginFilterChange()
        self.user, self.action, self.since, self.text = user, action, since, text.lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TrailModel)
        r = model.rows[source_row]
        if self.user and r.user != self.user:
            return False
        if self.action and r.code != self.action:
            return False
        if self.since and r.at.astimezone().date() < self.since:
            return False
        if self.text:
            haystack = " ".join(
                [r.subject, r.reason] + [f"{c.field} {c.old} {c.new}" for c in r.changes]
            ).lower()
            if self.text not in haystack:
                return False
        return True


class TrailPage(QWidget):
    def __init__(self, editor: AuditEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._stale = True
        self.model = TrailModel(self)
        self.proxy = TrailFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search what, field, values, reason…"))
        self.search.setClearButtonEnabled(True)
        self.user = QComboBox()
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for code in ("insert", "update", "delete"):
            self.action.addItem(labels.trail_action(code), code)
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(formats.date_pattern())
        self.since.setSpecialValueText(self.tr("Any date"))
        self.since.setMinimumDate(QDate(2000, 1, 1))
        self.since.setDate(self.since.minimumDate())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.export_csv.setToolTip(
            self.tr("The whole trail of this audit for a spreadsheet, one line per changed field")
        )
        self.export_csv.clicked.connect(lambda: self.export("csv"))
        self.export_pdf = QPushButton(self.tr("Export PDF…"))
        self.export_pdf.setToolTip(
            self.tr(
                "The whole trail of this audit as a PDF for an inspector, with the trail head hash"
            )
        )
        self.export_pdf.clicked.connect(lambda: self.export("pdf"))
        # (suggested path, filter) -> chosen path; tests replace the file dialog.
        self.ask_path: Any = None
        for widget in (self.user, self.action):
            widget.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.since.dateChanged.connect(self._apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.user, 1)
        filters.addWidget(self.action, 1)
        filters.addWidget(label(self.tr("since"), "muted"))
        filters.addWidget(self.since)
        filters.addWidget(refresh)
        filters.addWidget(self.export_csv)
        filters.addWidget(self.export_pdf)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 200), (1, 90), (2, 80), (3, 190), (4, 480)):
            self.table.setColumnWidth(column, width)
        self.count = label("", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        editor.edit_committed.connect(self._edited)

    def _edited(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # read again when shown; no cost while the auditor walks

    def showEvent(self, event: Any) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self._stale = False
        rows = self._editor.trail()
        self.model.set_rows(rows)
        current = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("Everyone"), "")
        for name in sorted({r.user for r in rows}):
            self.user.addItem(name, name)
        self.user.setCurrentIndex(max(0, self.user.findData(current)))
        self.user.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self) -> None:
        since = self.since.date()
        self.proxy.set_filter(
            user=self.user.currentData() or "",
            action=self.action.currentData() or "",
            since=None
            if since == self.since.minimumDate()
            else dt.date(since.year(), since.month(), since.day()),
            text=self.search.text(),
        )
        self.count.setText(
            self.tr("%1 of %n action(s) shown", "", self.model.rowCount()).replace(
                "%1", str(self.proxy.rowCount())
            )
        )

    def export(self, fmt: str) -> str | None:
        """Write the audit's whole trail (not only the filtered rows) as CSV or PDF."""
        from auditapp.errors import AuditAppError
        from auditapp.reports.trail_export import export_trail
        from auditapp.ui.export_dialog import ask_save_path, default_folder

        reference = self._editor.state.reference
        ask = self.ask_path or ask_save_path(self, self.tr("Export the audit trail"), "trail")
        file_filter = (
            self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("PDF documents (*.pdf)")
        )
        chosen = ask(str(default_folder("trail") / f"{reference}_audit_trail.{fmt}"), file_filter)
        if not chosen:
            return None
        try:
            data = export_trail(self._editor.db, reference, fmt=fmt, language=display_language())
            from pathlib import Path

            Path(chosen).write_bytes(data)
        except (AuditAppError, OSError) as exc:
            self.count.setText(self.tr("The export failed: %1").replace("%1", str(exc)))
            return None
        self.count.setText(self.tr("Audit trail written to %1").replace("%1", chosen))
        return chosen
