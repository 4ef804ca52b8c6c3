"""Small editable tables for the set-up dialog: studies, audit team, auditee participants."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.audit_details import PersonEntry, StudyEntry, TeamEntry
from auditapp.core.registers import TEAM_ROLES
from auditapp.ui import labels

ID_ROLE = Qt.ItemDataRole.UserRole + 1


# Spelled out at each call (not wrapped) so pyside6-lupdate finds every string.
translate = QCoreApplication.translate


class EntryTable(QWidget):
    """Rows of text and check columns; the row's stored id rides on the first cell."""

    def __init__(
        self,
        headers: list[str],
        checks: set[int] | None = None,
        combo_column: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._checks = checks or set()
        self._combo_column = combo_column
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if len(headers) > 1 and 1 not in self._checks:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("Add row"))
        add.clicked.connect(lambda: self.add_row())
        remove = QPushButton(self.tr("Remove row"))
        remove.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, values: list[object] | None = None, row_id: int | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = values or [""] * self.table.columnCount()
        for column, value in enumerate(values):
            if column == self._combo_column:
                combo = QComboBox()
                for role in TEAM_ROLES:
                    combo.addItem(labels.team_role(role), role)
                combo.setCurrentIndex(max(0, combo.findData(value or "co_auditor")))
                self.table.setCellWidget(row, column, combo)
                continue
            item = QTableWidgetItem()
            if column in self._checks:
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            else:
                item.setText(str(value))
            self.table.setItem(row, column, item)
        first = self.table.item(row, 0)
        if first is not None:
            first.setData(ID_ROLE, row_id)
        if values == [""] * self.table.columnCount():
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def rows(self) -> list[tuple[int | None, list[object]]]:
        out = []
        for row in range(self.table.rowCount()):
            values: list[object] = []
            for column in range(self.table.columnCount()):
                if column == self._combo_column:
                    combo = self.table.cellWidget(row, column)
                    values.append(combo.currentData() if isinstance(combo, QComboBox) else "")
                    continue
                item = self.table.item(row, column)
                if column in self._checks:
                    values.append(item is not None and item.checkState() == Qt.CheckState.Checked)
                else:
                    values.append(item.text() if item else "")
            first = self.table.item(row, 0)
            out.append((first.data(ID_ROLE) if first else None, values))
        return out


def studies_table(entries: tuple[StudyEntry, ...]) -> EntryTable:
    table = EntryTable(
        [
            translate("SetupTables", "Protocol number"),
            translate("SetupTables", "Title"),
            translate("SetupTables", "Phase"),
        ]
    )
    for e in entries:
        table.add_row([e.protocol_number, e.title, e.phase], e.id)
    return table


def read_studies(table: EntryTable) -> tuple[StudyEntry, ...]:
    return tuple(StudyEntry(str(v[0]), str(v[1]), str(v[2]), row_id) for row_id, v in table.rows())


def team_table(entries: tuple[TeamEntry, ...]) -> EntryTable:
    table = EntryTable(
        [
            translate("SetupTables", "Name"),
            translate("SetupTables", "Role"),
            translate("SetupTables", "Qualification"),
        ],
        combo_column=1,
    )
    for e in entries:
        table.add_row([e.name, e.role, e.qualification], e.id)
    return table


def read_team(table: EntryTable) -> tuple[TeamEntry, ...]:
    return tuple(TeamEntry(str(v[0]), str(v[1]), str(v[2]), row_id) for row_id, v in table.rows())


def people_table(entries: tuple[PersonEntry, ...]) -> EntryTable:
    table = EntryTable(
        [
            translate("SetupTables", "Name"),
            translate("SetupTables", "Function"),
            translate("SetupTables", "Opening"),
            translate("SetupTables", "Closing"),
            translate("SetupTables", "Interviewed"),
        ],
        checks={2, 3, 4},
    )
    for e in entries:
        table.add_row(
            [e.name, e.function, e.opening_meeting, e.closing_meeting, e.interviewed], e.id
        )
    return table


def read_people(table: EntryTable) -> tuple[PersonEntry, ...]:
    return tuple(
        PersonEntry(str(v[0]), str(v[1]), bool(v[2]), bool(v[3]), bool(v[4]), row_id)
        for row_id, v in table.rows()
    )
