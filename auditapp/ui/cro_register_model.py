"""The CRO register as a Qt table model: one row per CRO, named columns, no logic of its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from auditapp.core.cro_register import CroSummary
from auditapp.ui.variant import variant_result

Index = QModelIndex | QPersistentModelIndex
BAND_COLOURS = {"high": "#FFEBEE", "medium": "#FFF3E0", "low": "#E8F5E9"}
COLUMNS = (
    "name",
    "qualification",
    "audits",
    "open_capas",
    "overdue",
    "repeats",
    "risk",
    "last_audit",
    "next_audit",
)


class CroTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CroSummary] = []
        self.headers = {
            "name": self.tr("CRO"),
            "qualification": self.tr("Qualification"),
            "audits": self.tr("Audits"),
            "open_capas": self.tr("Open CAPAs"),
            "overdue": self.tr("Overdue"),
            "repeats": self.tr("Repeat findings"),
            "risk": self.tr("Risk score"),
            "last_audit": self.tr("Last audit"),
            "next_audit": self.tr("Next audit"),
        }

    def qualification_label(self, status: str | None) -> str:
        return {
            "approved": self.tr("Approved"),
            "conditional": self.tr("Conditional"),
            "not_approved": self.tr("Not approved"),
        }.get(status or "", self.tr("None"))

    def band_label(self, band: str) -> str:
        return {"high": self.tr("high"), "medium": self.tr("medium"), "low": self.tr("low")}[band]

    def set_rows(self, rows: list[CroSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[COLUMNS[section]]
        return None

    def text(self, row: CroSummary, column: str) -> str:
        r = row.risk
        return {
            "name": row.name,
            "qualification": self.qualification_label(
                row.qualification.status if row.qualification else None
            ),
            "audits": str(len(row.audits)),
            "open_capas": str(len(row.open_capas)),
            "overdue": str(len(row.overdue_capas)),
            "repeats": str(row.repeat_findings),
            "risk": f"{r.score:g} ({self.band_label(r.band)})",
            "last_audit": r.last_audit.isoformat() if r.last_audit else "—",
            "next_audit": r.proposed_next_audit.isoformat() + (" ⚠" if r.audit_overdue else ""),
        }[column]

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == "risk":
            return QBrush(QColor(BAND_COLOURS[row.risk.band]))
        if role == Qt.ItemDataRole.BackgroundRole and column == "overdue" and row.overdue_capas:
            return QBrush(QColor(BAND_COLOURS["high"]))
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and column == "next_audit"
            and row.risk.audit_overdue
        ):
            return self.tr("The proposed audit date has passed")
        if role == Qt.ItemDataRole.UserRole:
            return row.name
        return None
