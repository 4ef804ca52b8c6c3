"""The main window: the audit list, with the workspace opening from it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QMainWindow, QTableView

from auditapp.core import audits
from auditapp.core.db import Database

Index = QModelIndex | QPersistentModelIndex


class AuditListModel(QAbstractTableModel):
    COLUMNS = ("Reference", "Title", "Auditee", "Status", "Findings (C/M/m/R)", "Answered")

    def __init__(self, rows: list[audits.AuditSummary]) -> None:
        super().__init__()
        self._rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        f = row.findings
        values = (
            row.reference,
            row.title,
            row.auditee,
            row.status.replace("_", " "),
            f"{f.get('critical', 0)}/{f.get('major', 0)}/{f.get('minor', 0)}/{f.get('recommendation', 0)}",
            f"{row.answered}/{row.questions}",
        )
        return values[index.column()]


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self._db = db
        self.setWindowTitle(f"AuditApp — {db.path.name}")
        self.resize(1100, 700)
        self.table = QTableView(self)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setCentralWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        with self._db.session() as session:
            rows = audits.summaries(session)
        self.table.setModel(AuditListModel(rows))
