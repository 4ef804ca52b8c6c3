"""The team-work dialogs: whom to hand out to (and what), and the merge conflict dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from auditapp.core.team_merge import Conflict
from auditapp.ui import file_dialogs


class HandOutDialog(QDialog):
    """To whom, which checklist areas and which findings, and where to write the package."""

    def __init__(
        self, parent: QWidget | None, areas: list[tuple[str, str]], findings: list[tuple[int, str]]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand out to a co-auditor"))
        self.resize(620, 480)
        form = QFormLayout(self)
        self.to_edit = QLineEdit()
        self.to_edit.setPlaceholderText(self.tr("the co-auditor's user name"))
        form.addRow(self.tr("Co-auditor:"), self.to_edit)
        self.area_list = QListWidget()
        for area_id, title in areas:
            item = QListWidgetItem(f"{area_id} – {title}")
            item.setData(Qt.ItemDataRole.UserRole, area_id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.area_list.addItem(item)
        form.addRow(self.tr("Checklist areas:"), self.area_list)
        self.finding_list = QListWidget()
        for number, title in findings:
            item = QListWidgetItem(f"F-{number:02d} {title}")
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.finding_list.addItem(item)
        form.addRow(self.tr("Findings to write:"), self.finding_list)
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Package file:"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        name = file_dialogs.save_file(
            self,
            self.tr("Hand out to a co-auditor"),
            self.path_edit.text(),
            self.tr("Team packages (*.teampkg)"),
        )
        if name:
            self.path_edit.setText(name)

    @staticmethod
    def _checked(widget: QListWidget) -> list[object]:
        return [
            widget.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen(self) -> tuple[str, tuple[str, ...], tuple[int, ...], Path]:
        return (
            self.to_edit.text().strip(),
            tuple(map(str, self._checked(self.area_list))),
            tuple(int(str(n)) for n in self._checked(self.finding_list)),
            Path(self.path_edit.text().strip()),
        )


class ConflictDialog(QDialog):
    """Each field both sides changed: both values side by side with who and when; choose or edit."""

    def __init__(self, parent: QWidget | None, conflicts: list[Conflict], signer: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolve merge conflicts"))
        self.resize(980, 600)
        outer = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Both you and %1 changed these fields since the hand out. Nothing "
                "is merged until you choose for each one."
            ).replace("%1", signer)
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        body = QWidget()
        rows = QVBoxLayout(body)
        self.choices: dict[str, tuple[QButtonGroup, QPlainTextEdit, Conflict]] = {}
        for conflict in conflicts:
            rows.addWidget(self._conflict_box(conflict))
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._update()

    def _who(self, change: object) -> str:
        if change is None:
            return self.tr("(not recorded)")
        return f"{change.user}, {change.at.replace('T', ' ').removesuffix('+00:00')} UTC"  # type: ignore[attr-defined]

    def _conflict_box(self, c: Conflict) -> QGroupBox:
        box = QGroupBox(c.label)
        grid = QGridLayout(box)
        group = QButtonGroup(box)
        mine = QRadioButton(self.tr("Keep the value here"))
        theirs = QRadioButton(self.tr("Take the value from the package"))
        edit = QRadioButton(self.tr("Write a new value:"))
        for index, button in enumerate((mine, theirs, edit)):
            group.addButton(button, index)
        for column, (value, who, button) in enumerate(
            ((c.mine, c.mine_by, mine), (c.theirs, c.theirs_by, theirs))
        ):
            grid.setColumnStretch(column, 1)
            grid.addWidget(button, 0, column)
            text = QLabel(value if value is not None else self.tr("(empty)"))
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setFrameShape(QFrame.Shape.StyledPanel)
            text.setMargin(6)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(text, 1, column)
            grid.addWidget(QLabel(f"<i>{self._who(who)}</i>"), 2, column)
        editor = QPlainTextEdit(c.theirs or "")
        editor.setMaximumHeight(70)
        editor.setEnabled(False)
        if c.field == "*":
            edit.setEnabled(False)
        grid.addWidget(edit, 3, 0, 1, 2)
        grid.addWidget(editor, 4, 0, 1, 2)
        group.idToggled.connect(lambda *_: self._update())
        self.choices[c.id] = (group, editor, c)
        return box

    def _update(self) -> None:
        for group, editor, _c in self.choices.values():
            editor.setEnabled(group.checkedId() == 2)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(all(g.checkedId() >= 0 for g, _e, _c in self.choices.values()))

    def choose(self, conflict_id: str, choice: str, text: str | None = None) -> None:
        group, editor, _c = self.choices[conflict_id]
        group.button({"mine": 0, "theirs": 1, "edit": 2}[choice]).setChecked(True)
        if text is not None:
            editor.setPlainText(text)

    def resolutions(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, (group, editor, _c) in self.choices.items():
            chosen = group.checkedId()
            out[key] = ("mine", "theirs", ("edit", editor.toPlainText()))[chosen]
        return out
