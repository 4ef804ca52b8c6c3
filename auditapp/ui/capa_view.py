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
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import audits, capa, capa_import, input_limits
from auditapp.core.capa_state import CapaState
from auditapp.errors import AuditAppError
from auditapp.ui.capa_model import CapaTableModel, read_rows
from auditapp.ui.capa_step_editor import StepEditor

CORE_STEP: dict[str, Callable[..., Any]] = {
    "respond": capa.respond,
    "assess": capa.assess,
    "extend": capa.extend,
    "evidence": capa.add_evidence,
    "plan": capa.plan_effectiveness,
    "verify": capa.verify_effectiveness,
    "close": capa.close,
}


class ImportPreviewDialog(QDialog):
    """What the filled form would record; nothing changes unless the user confirms."""

    def __init__(self, preview: capa_import.ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import CAPA responses: preview"))
        layout = QVBoxLayout(self)
        count = len(preview.changes)
        layout.addWidget(
            QLabel(
                self.tr("%1 would record %2 change(s) in %3:")
                .replace("%1", preview.source)
                .replace("%2", str(count))
                .replace("%3", preview.reference)
            )
        )
        self.lines = QPlainTextEdit("\n".join(preview.lines()))
        self.lines.setReadOnly(True)
        layout.addWidget(self.lines)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record = buttons.addButton(
            self.tr("Record changes"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record.setEnabled(count > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)


class CapaDialog(QDialog):
    def __init__(
        self,
        db: Any,
        actor: str,
        reference: str,
        *,
        language: str = "en",
        tasks: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("capaView")
        self._tasks = tasks
        # Where a signed closure letter is saved; tests replace the file dialog.
        self.ask_save_path: Callable[[str], str | None] | None = None
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
        self.closure_button = QPushButton(self.tr("Sign closure &letter…"))
        self.closure_button.clicked.connect(self.sign_closure_letter)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.closure_button)
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
        open_count = sum(1 for r in rows if r.state != CapaState.CLOSED)
        overdue = sum(1 for r in rows if r.overdue)
        self.summary.setText(
            self.tr("%1 findings · %2 open · %3 overdue")
            .replace("%1", str(len(rows)))
            .replace("%2", str(open_count))
            .replace("%3", str(overdue))
        )
        self.closure_button.setEnabled(open_count == 0)
        self.closure_button.setToolTip(
            ""
            if open_count == 0
            else self.tr("The closure letter can be signed when every finding is closed.")
        )
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

        path = save_file(
            self,
            self.tr("Export the CAPA response form"),
            f"{self.reference}-CAPA.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
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

        path = open_file(
            self,
            self.tr("Import the filled CAPA response form"),
            "",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.import_path(Path(path))

    def preview_path(self, path: Path) -> capa_import.ImportPreview | None:
        try:
            rows = capa_import.read_form(path)
            with self._db.session(actor=self._actor) as session:
                return capa_import.preview(
                    session,
                    audits.get_audit(session, self.reference),
                    rows,
                    source=input_limits.display_name(path),
                )
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
                again = capa_import.preview(
                    session, audit, capa_import.read_form(path), source=plan.source
                )
                if again.lines() != plan.lines():
                    raise AuditAppError(self.tr("The follow-up changed meanwhile; import again."))
                capa_import.apply(session, audit, again)
        except AuditAppError as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        self.reload(keep=self.current_number())
        return True

    def sign_closure_letter(self) -> QDialog:
        from auditapp.ui.closure_dialog import ClosureLetterDialog

        dialog = ClosureLetterDialog(
            self._db,
            self.reference,
            actor=self._actor,
            language=self._language,
            tasks=self._tasks,
            parent=self,
        )
        dialog.signed.connect(self._save_letter)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _save_letter(self, result: Any) -> None:
        from auditapp.reports import export
        from auditapp.ui.file_dialogs import save_file

        name = f"{self.reference}_closure_letter_signed.pdf"
        chosen = (
            self.ask_save_path(name)
            if self.ask_save_path
            else save_file(
                self, self.tr("Save signed closure letter"), name, self.tr("PDF documents (*.pdf)")
            )
        )
        self.summary.setText(self.tr("Closure letter signed; the audit is closed."))
        if chosen:
            try:
                export.write(chosen, result.pdf_bytes)
            except AuditAppError as exc:
                self.error.setText(str(exc))


def install_capa(
    window: Any,
    db: Any,
    actor: str,
    reference: Callable[[], str | None],
    menu: Any,
    language: str = "en",
    tasks: Any = None,
) -> QAction:
    """Audit ▸ CAPA follow-up… (Ctrl+Shift+F): the view for the open audit."""

    def show() -> None:
        ref = reference()
        if ref is None:
            return
        dialog = CapaDialog(db, actor, ref, language=language, tasks=tasks, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.capa_dialog = dialog
        dialog.show()

    action = QAction(QCoreApplication.translate("CapaDialog", "CAPA &follow-up…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+F"))
    action.triggered.connect(show)
    menu.addAction(action)
    return action
