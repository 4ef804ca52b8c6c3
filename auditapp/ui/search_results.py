"""Hits of the search across every audit, shown under the audit list; a hit opens its audit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from auditapp.core.search_hit import Hit
from auditapp.ui.variant import variant_result

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchHitsModel(QAbstractTableModel):
    AUDIT, WHERE, EXCERPT = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def kind_label(self, kind: str) -> str:
        return {
            "finding": self.tr("Finding"),
            "answer": self.tr("Answer note"),
            "evidence": self.tr("Evidence caption"),
            "document": self.tr("Document reviewed"),
            "participant": self.tr("Auditee participant"),
            "team": self.tr("Audit team"),
        }.get(kind, kind)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Audit"), self.tr("Found in"), self.tr("Text"))[section]
        return None

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return (hit.reference, hit.kind, hit.item)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                hit.reference,
                f"{self.kind_label(hit.kind)} {hit.item}",
                hit.excerpt.replace("\n", " "),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        return None
