"""A finding's requirement references: the cited ones checked, the linked questions' own offered
unchecked, and a box to add any other clause of the catalogue. A part of the finding editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import references
from auditapp.ui.question_pane import clause_title


class ReferencesField(QWidget):
    """edited(list): the checked references after the user changed them; refused(str): a typed
    reference the catalogue does not know (the form shows it under the field)."""

    edited = Signal(list)
    refused = Signal(str)
    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.itemChanged.connect(lambda _item: self.edited.emit(self.chosen()))
        box.addWidget(self.list)
        add_row = QHBoxLayout()
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("Add a reference, e.g. ICH E6(R3) 3.9"))
        completer = QCompleter(references.all_clauses(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.input.returnPressed.connect(self.add_typed)
        add_button = QPushButton(self.tr("Add"))
        add_button.clicked.connect(self.add_typed)
        add_row.addWidget(self.input, 1)
        add_row.addWidget(add_button)
        box.addLayout(add_row)

    def show_references(self, chosen: list[str], suggested: list[str]) -> None:
        """Show these; the list is built again only when what it shows differs (showing the
        next finding must not rebuild an identical list)."""
        wanted = [(ref, ref in chosen) for ref in dict.fromkeys(chosen + suggested)]
        if wanted == self.shown():
            return
        self.list.blockSignals(True)
        self.list.clear()
        for ref, checked in wanted:
            self._item(ref, checked)
        self.list.blockSignals(False)

    def shown(self) -> list[tuple[str, bool]]:
        """Every reference in the list with whether it is checked, in order."""
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            out.append(
                (
                    str(item.data(Qt.ItemDataRole.UserRole)),
                    item.checkState() == Qt.CheckState.Checked,
                )
            )
        return out

    def chosen(self) -> list[str]:
        return [ref for ref, checked in self.shown() if checked]

    def _item(self, ref: str, checked: bool) -> None:
        title = clause_title(ref)
        item = QListWidgetItem(f"{ref} — {title}" if title else ref)
        item.setData(Qt.ItemDataRole.UserRole, ref)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def add_typed(self) -> None:
        ref = " ".join(self.input.text().split())
        if not ref:
            return
        try:
            references.resolve(ref)
        except ValueError as exc:
            self.refused.emit(
                self.tr("This reference is not recognised: %1.").replace("%1", str(exc))
            )
            self.input.setFocus()
            return
        self.accepted.emit()
        existing = [ref for ref, _checked in self.shown()]
        self.input.clear()
        if ref in existing:
            self.list.item(existing.index(ref)).setCheckState(Qt.CheckState.Checked)
            return
        self.list.blockSignals(True)
        self._item(ref, True)
        self.list.blockSignals(False)
        self.edited.emit(self.chosen())
