"""Editable table models for the registers (documents reviewed, persons met and interviewed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.variant import variant_result

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = "text"  # text, date, flag


class RegisterModel(QAbstractTableModel):
    """One register; setData is an edit committed through the editor at once."""

    def __init__(
        self, editor: AuditEditor, kind: str, columns: list[Column], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self.kind = kind
        self.columns = columns
        signal = editor.documents_changed if kind == "document" else editor.participants_changed
        signal.connect(self.reload)

    @property
    def rows(self) -> list[Any]:
        state = self._editor.state
        return state.documents if self.kind == "document" else state.participants

    def reload(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def row_id(self, row: int) -> int | None:
        rows = self.rows
        return rows[row].id if 0 <= row < len(rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.columns)

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editor.read_only:
            return base
        if self.columns[index.column()].kind == "flag":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = getattr(self.rows[index.row()], column.field)
        if column.kind == "flag":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if isinstance(value, dt.date):
                return value.isoformat()
            return "" if value is None else str(value)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        row_id = self.row_id(index.row())
        if row_id is None:
            return False
        if column.kind == "flag" and role == Qt.ItemDataRole.CheckStateRole:
            new: object = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            new = str(value)
        else:
            return False
        return self._editor.update_row(self.kind, row_id, {column.field: new})
