"""The CAPA view of the open audit: each finding's follow-up state, overdue flags, its history,
an editor for the next step, and the auditee's filled form imported after a preview.

Every step goes through core.capa under the signed-in user (the trail records it); a refused
step shows its one-line reason and changes nothing. Follow-up is allowed on a signed audit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import audits, capa, capa_import, input_limits
from auditapp.errors import AuditAppError
from auditapp.ui.capa_model import CapaTableModel, read_rows
from auditapp.ui.date_field import OptionalDateField

STEPS = ("respond", "assess", "extend", "evidence", "plan", "verify", "close")


def _text() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(64)
    return edit


class StepEditor(QWidget):
    """One form per kind of step; values() gives the arguments of the core function."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for key, label in zip(STEPS, (
                self.tr("CAPA plan received"), self.tr("Assess the plan"),
                self.tr("Extend the deadline"), self.tr("Completion evidence"),
                self.tr("Plan effectiveness check"), self.tr("Effectiveness result"),
                self.tr("Close the finding")), strict=True):
            self.kind.addItem(label, key)
        self.pages = QStackedWidget()
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.root_cause, self.correction = _text(), _text()
        self.corrective, self.preventive = _text(), _text()
        self.owner, self.target = QLineEdit(), OptionalDateField()
        self.decision = QComboBox()
        for key, label in (("accepted", self.tr("Accepted")),
                           ("more_information", self.tr("More information needed")),
                           ("rejected", self.tr("Rejected"))):
            self.decision.addItem(label, key)
        self.assess_reason, self.extend_reason = _text(), _text()
        self.new_date, self.approver = OptionalDateField(), QLineEdit()
        self.evidence_items, self.evidence_text = QLineEdit(), _text()
        self.evidence_items.setPlaceholderText(self.tr("E-001, E-004"))
        self.planned = OptionalDateField()
        self.result = QComboBox()
        self.result.addItem(self.tr("Effective"), "effective")
        self.result.addItem(self.tr("Not effective"), "not_effective")
        self.verify_reason, self.close_reason = _text(), _text()
        for rows in (
            ((self.tr("Root cause"), self.root_cause), (self.tr("Correction"), self.correction),
             (self.tr("Corrective action"), self.corrective),
             (self.tr("Preventive action"), self.preventive), (self.tr("Owner"), self.owner),
             (self.tr("Target date"), self.target)),
            ((self.tr("Decision"), self.decision), (self.tr("Reason"), self.assess_reason)),
            ((self.tr("New date"), self.new_date), (self.tr("Reason"), self.extend_reason),
             (self.tr("Approved by"), self.approver)),
            ((self.tr("Evidence items"), self.evidence_items),
             (self.tr("Reference"), self.evidence_text)),
            ((self.tr("Check on"), self.planned),),
            ((self.tr("Result"), self.result), (self.tr("Reason"), self.verify_reason)),
            ((self.tr("Reason"), self.close_reason),),
        ):
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            for label, widget in rows:
                form.addRow(label, widget)
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.pages)

    def step(self) -> str:
        return str(self.kind.currentData())

    def values(self) -> dict[str, Any]:
        step = self.step()
        if step == "respond":
            return {"root_cause": self.root_cause.toPlainText(),
                    "correction": self.correction.toPlainText(),
                    "corrective_action": self.corrective.toPlainText(),
                    "preventive_action": self.preventive.toPlainText(),
                    "owner": self.owner.text(), "target_date": self.target.value()}
        if step == "assess":
            return {"decision": self.decision.currentData(),
                    "reason": self.assess_reason.toPlainText()}
        if step == "extend":
            return {"new_date": self.new_date.value(), "reason": self.extend_reason.toPlainText(),
                    "approver": self.approver.text()}
        if step == "evidence":
            numbers = []
            for part in self.evidence_items.text().replace(";", ",").split(","):
                digits = part.strip().upper().removeprefix("E-")
                if digits:
                    if not digits.isdigit():
                        raise AuditAppError(self.tr("Evidence items are numbers like E-001."))
                    numbers.append(int(digits))
            return {"evidence": numbers, "text": self.evidence_text.toPlainText()}
        if step == "plan":
            return {"planned": self.planned.value()}
        if step == "verify":
            return {"result": self.result.currentData(),
                    "reason": self.verify_reason.toPlainText()}
        return {"reason": self.close_reason.toPlainText()}

    def clear(self) -> None:
        for edit in (self.root_cause, self.correction, self.corrective, self.preventive,
                     self.assess_reason, self.extend_reason, self.evidence_text,
                     self.verify_reason, self.close_reason):
            edit.clear()
        for line in (self.owner, self.approver, self.evidence_items):
            line.clear()
        for date in (self.target, self.new_date, self.planned):
            date.set_value(None)


CORE_STEP: dict[str, Callable[..., Any]] = {
    "respond": capa.respond, "assess": capa.assess, "extend": capa.extend,
    "evidence": capa.add_evidence, "plan": capa.plan_effectiveness,
    "verify": capa.verify_effectiveness, "close": capa.close,
}


class ImportPreviewDialog(QDialog):
    """What the filled form would record; nothing changes unless the user confirms."""

    def __init__(self, preview: capa_import.ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import CAPA responses: preview"))
        layout = QVBoxLayout(self)
        count = len(preview.changes)
        layout.addWidget(QLabel(self.tr("%1 would record %2 change(s) in %3:")
                                .replace("%1", preview.source).replace("%2", str(count))
                                .replace("%3", preview.reference)))
        self.lines = QPlainTextEdit("\n".join(preview.lines()))
        self.lines.setReadOnly(True)
        layout.addWidget(self.lines)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record = buttons.addButton(self.tr("Record changes"),
                                        QDialogButtonBox.ButtonRole.AcceptRole)
        self.record.setEnabled(count > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)


class CapaDialog(QDialog):
    def __init__(self, db: Any, actor: str, reference: str, *, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capaView")
        self._db, self._actor, self.reference, self._language = db, actor, reference, language
        self.setWindowTitle(self.tr("CAPA follow-up · %1").replace("%1", reference))
        self.summary = QLabel()
        self.summary.setObjectName("capaSummary")
        self.model = CapaTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setObjectName("capaHistory")
        self.editor = StepEditor()
        self.record = QPushButton(self.tr("&Record step"))
        self.record.clicked.connect(self.record_step)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("History of the selected finding")))
        side.addWidget(self.history, 1)
        side.addWidget(QLabel(self.tr("Next step")))
        side.addWidget(self.editor)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.record)
        side.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.export_button = QPushButton(self.tr("&Export form…"))
        self.export_button.clicked.connect(self.export_form)
        self.import_button = QPushButton(self.tr("&Import filled form…"))
        self.import_button.clicked.connect(self.import_form)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())
        self.resize(1200, 640)
        self.reload()

    # --- reading -------------------------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        with self._db.session(actor=self._actor) as session:
            audit = audits.get_audit(session, self.reference)
            rows = read_rows(session, audit, self._language)
        self.model.set_rows(rows)
        open_count = sum(1 for r in rows if r.state != "closed")
        overdue = sum(1 for r in rows if r.overdue)
        self.summary.setText(self.tr("%1 findings · %2 open · %3 overdue").replace(
            "%1", str(len(rows))).replace("%2", str(open_count)).replace("%3", str(overdue)))
        target = next((i for i, r in enumerate(rows) if r.number == keep), 0)
        if rows:
            self.table.selectRow(target)
        self._show_history()

    def current_number(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()].number if index.isValid() else None

    def _show_history(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.history.setPlainText("")
            return
        row = self.model.rows[index.row()]
        self.history.setPlainText("\n".join(row.history) or self.tr("Nothing recorded yet."))

    # --- writing -------------------------------------------------------------------------------

    def record_step(self) -> bool:
        number = self.current_number()
        if number is None:
            return False
        try:
            values = self.editor.values()
            with self._db.session(actor=self._actor) as session:
                audit = audits.get_audit(session, self.reference)
                CORE_STEP[self.editor.step()](session, audit, number, **values)
        except (AuditAppError, TypeError) as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        self.editor.clear()
        self.reload(keep=number)
        return True

    def export_form(self) -> None:
        from auditapp.ui.file_dialogs import save_file

        path = save_file(self, self.tr("Export the CAPA response form"),
                         f"{self.reference}-CAPA.xlsx", self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.write_form(Path(path))

    def write_form(self, path: Path) -> None:
        from auditapp.reports import capa_form

        try:
            capa_form.write_capa_form(self._db, self.reference, path, fmt="xlsx")
        except AuditAppError as exc:
            self.error.setText(str(exc))

    def import_form(self) -> None:
        from auditapp.ui.file_dialogs import open_file

        path = open_file(self, self.tr("Import the filled CAPA response form"), "",
                         self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.import_path(Path(path))

    def preview_path(self, path: Path) -> capa_import.ImportPreview | None:
        try:
            rows = capa_import.read_form(path)
            with self._db.session(actor=self._actor) as session:
                return capa_import.preview(session, audits.get_audit(session, self.reference),
                                           rows, source=input_limits.display_name(path))
        except AuditAppError as exc:
            self.error.setText(str(exc))
            return None

    def import_path(self, path: Path, *, confirm: Callable[[QDialog], bool] | None = None) -> bool:
        """Preview, ask, record. ``confirm`` replaces the dialog's exec() in tests."""
        plan = self.preview_path(path)
        if plan is None:
            return False
        dialog = ImportPreviewDialog(plan, self)
        self.last_dialog = dialog
        accepted = confirm(dialog) if confirm else dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted or not plan.changes:
            return False
        try:
            with self._db.session(actor=self._actor) as session:
                audit = audits.get_audit(session, self.reference)
                again = capa_import.preview(session, audit, capa_import.read_form(path),
                                            source=plan.source)
                if again.lines() != plan.lines():
                    raise AuditAppError(self.tr("The follow-up changed meanwhile; import again."))
                capa_import.apply(session, audit, again)
        except AuditAppError as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        self.reload(keep=self.current_number())
        return True


def install_capa(window: Any, db: Any, actor: str, reference: Callable[[], str | None],
                 menu: Any, language: str = "en") -> QAction:
    """Audit ▸ CAPA follow-up… (Ctrl+Shift+F): the view for the open audit."""

    def show() -> None:
        ref = reference()
        if ref is None:
            return
        dialog = CapaDialog(db, actor, ref, language=language, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.capa_dialog = dialog
        dialog.show()

    action = QAction(QCoreApplication.translate("CapaDialog", "CAPA &follow-up…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+F"))
    action.triggered.connect(show)
    menu.addAction(action)
    return action
