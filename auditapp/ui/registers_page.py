"""The registers tab: documents reviewed and persons met, as the report will list them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditapp.ui.audit_editor import AuditEditor
from auditapp.ui.registers_model import Column, RegisterModel
from auditapp.ui.widgets import MessageBar, label


class _Register(QWidget):
    def __init__(
        self,
        editor: AuditEditor,
        kind: str,
        title: str,
        columns: list[Column],
        inputs: list[tuple[str, str]],
        messages: MessageBar,
    ) -> None:
        super().__init__()
        self._editor = editor
        self._kind = kind
        self._messages = messages
        self.model = RegisterModel(editor, kind, columns, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.inputs: dict[str, QLineEdit] = {}
        add_row = QHBoxLayout()
        for field, placeholder in inputs:
            box = QLineEdit()
            box.setPlaceholderText(placeholder)
            box.returnPressed.connect(self.add)
            self.inputs[field] = box
            add_row.addWidget(box, 3 if field in ("title", "name", "function") else 1)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_current)
        add_row.addWidget(self.add_button)
        add_row.addWidget(remove)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(title, "subheading"))
        layout.addLayout(add_row)
        layout.addWidget(self.table, 1)

    def add(self) -> None:
        fields = {k: box.text() for k, box in self.inputs.items() if box.text().strip()}
        if not fields:
            return
        self._messages.clear_message()
        if self._editor.add_row(self._kind, fields):
            for box in self.inputs.values():
                box.clear()
            next(iter(self.inputs.values())).setFocus()

    def remove_current(self) -> None:
        index = self.table.currentIndex()
        row_id = self.model.row_id(index.row()) if index.isValid() else None
        if row_id is not None:
            self._editor.delete_row(self._kind, row_id)


class RegistersPage(QWidget):
    def __init__(self, editor: AuditEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = MessageBar()
        self.documents = _Register(
            editor,
            "document",
            self.tr("Documents reviewed"),
            [
                Column("title", self.tr("Title")),
                Column("identifier", self.tr("Identifier")),
                Column("version", self.tr("Version")),
                Column("document_date", self.tr("Date"), "date"),
            ],
            [
                ("title", self.tr("Title")),
                ("identifier", self.tr("Identifier")),
                ("version", self.tr("Version")),
                ("document_date", self.tr("Date (YYYY-MM-DD)")),
            ],
            self.messages,
        )
        self.persons = _Register(
            editor,
            "participant",
            self.tr("Persons met and interviewed"),
            [
                Column("name", self.tr("Name")),
                Column("function", self.tr("Function")),
                Column("opening_meeting", self.tr("Opening"), "flag"),
                Column("closing_meeting", self.tr("Closing"), "flag"),
                Column("interviewed", self.tr("Interviewed"), "flag"),
            ],
            [("name", self.tr("Name")), ("function", self.tr("Function"))],
            self.messages,
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("registersSplitter")
        splitter.addWidget(self.documents)
        splitter.addWidget(self.persons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.messages.float_over(self, top=4)
        layout.addWidget(splitter, 1)
        self.splitter = splitter
        editor.edit_refused.connect(self._refused)

    def _refused(self, message: str) -> None:
        if self.isVisible():
            self.messages.show_error(message)
