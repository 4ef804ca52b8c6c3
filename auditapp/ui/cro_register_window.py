"""The CRO register window: every CRO with qualification, CAPAs and risk; one CRO's audits,
CAPAs, KPIs, escalations and qualification history; the forms that change them; the
dashboard and the oversight report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import cro_qualification, cro_register, kpi_records, kpis
from auditapp.core.db import Database
from auditapp.errors import AuditAppError
from auditapp.ui import file_dialogs, folders
from auditapp.ui.cro_register_details import CroDetailTabs
from auditapp.ui.cro_register_model import CroTableModel
from auditapp.ui.oversight_dialogs import (
    EscalationDialog,
    KpiDialog,
    NewEscalationDialog,
    QualificationDialog,
)
from auditapp.ui.widgets import MessageBar


class CroRegisterWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        *,
        actor: str,
        language: str = "en",
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._actor, self._language, self._today = db, actor, language, today
        self.dashboard_window: QWidget | None = None
        self.setWindowTitle(self.tr("CRO register"))
        self.model = CroTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.tabs = CroDetailTabs(self.model, language)
        self.overview = self.tabs.overview
        self.message = MessageBar()
        buttons = QHBoxLayout()
        self.qualify_button = QPushButton(self.tr("Record &qualification…"))
        self.kpi_button = QPushButton(self.tr("Record &KPI figure…"))
        self.new_escalation_button = QPushButton(self.tr("Escalate &issue…"))
        self.escalation_button = QPushButton(self.tr("Update &escalation…"))
        self.dashboard_button = QPushButton(self.tr("&Dashboard"))
        self.report_button = QPushButton(self.tr("Oversight &report…"))
        for button in (
            self.qualify_button,
            self.kpi_button,
            self.new_escalation_button,
            self.escalation_button,
            self.dashboard_button,
            self.report_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (
            self.qualify_button,
            self.kpi_button,
            self.new_escalation_button,
            self.escalation_button,
        ):
            button.setEnabled(not db.read_only)
        self.qualify_button.clicked.connect(self.record_qualification)
        self.kpi_button.clicked.connect(self.record_kpi)
        self.new_escalation_button.clicked.connect(self.escalate_issue)
        self.escalation_button.clicked.connect(self.update_escalation)
        self.dashboard_button.clicked.connect(self.show_dashboard)
        self.report_button.clicked.connect(self.choose_report_file)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setSizes([220, 480])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())
        self.reload()

    # --- data ------------------------------------------------------------------------------

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].name if rows else None

    def reload(self, keep: str | None = None) -> None:
        keep = keep or self.selected()
        with self._db.session() as session:
            self.model.set_rows(cro_register.register(session, today=self._today))
        names = [r.name for r in self.model.rows]
        self.table.resizeColumnsToContents()
        if names:
            self.select(keep if keep in names else names[0])
        else:
            self.overview.setText(self.tr("No CROs yet: the auditee of an audit becomes one."))

    def select(self, name: str) -> None:
        row = next(i for i, r in enumerate(self.model.rows) if r.name == name)
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def show_selected(self) -> None:
        name = self.selected()
        if name is None:
            return
        summary = next(r for r in self.model.rows if r.name == name)
        with self._db.session() as session:
            org = cro_register.find_cro(session, name)
            figures = kpi_records.series(session, org)
            entries = [
                (kpi_records.escalation_label(e.number), e)
                for e in kpi_records.escalations(session, org=org)
            ]
            entries_rows = [
                [
                    label,
                    e.status,
                    str(e.level),
                    e.owner,
                    e.issue,
                    e.opened_on.isoformat(),
                    e.due_on.isoformat() if e.due_on else "",
                    e.actions.replace("\n", " | "),
                    e.closure,
                ]
                for label, e in entries
            ]
        self.escalation_numbers = [e.number for _label, e in entries]
        self.escalation_open = [e.status == "open" for _label, e in entries]
        self.tabs.show_cro(summary, figures, entries_rows)
        self.escalations_table = self.tabs.escalations_table
        self.escalation_button.setEnabled(bool(self.escalation_numbers) and not self._db.read_only)

    # --- actions ---------------------------------------------------------------------------

    def _run(self, change) -> bool:  # type: ignore[no-untyped-def]
        """Run one change in a session as the signed-in user; AuditAppError -> form message."""
        with self._db.session(actor=self._actor) as session:
            change(session, cro_register.find_cro(session, self.selected() or ""))
        return True

    def record_qualification(self) -> QualificationDialog | None:
        name = self.selected()
        if name is None:
            return None
        summary = next(r for r in self.model.rows if r.name == name)

        def submit(values: dict[str, object]) -> None:
            self._run(lambda s, org: cro_qualification.qualify(s, org, **values))  # type: ignore[arg-type]
            self.message.show_info(self.tr("Qualification recorded."))
            self.reload(name)

        outcomes = {a.reference: a.outcome for a in summary.audits}
        dialog = QualificationDialog(
            name, [a.reference for a in summary.audits], submit, self, outcomes=outcomes
        )
        dialog.open()
        return dialog

    def record_kpi(self) -> KpiDialog | None:
        name = self.selected()
        if name is None:
            return None

        def submit(values: dict[str, object]) -> None:
            done: list[kpi_records.Recorded] = []
            self._run(lambda s, org: done.append(kpi_records.record(s, org, **values)))  # type: ignore[arg-type]
            result = done[0]
            if result.escalation is not None:
                label = kpi_records.escalation_label(result.escalation)
                text = (
                    self.tr("Breach: %1 raised one level.")
                    if result.raised
                    else self.tr("Breach: %1 opened in the escalation log.")
                )
                self.message.show_error(text.replace("%1", label))
            else:
                self.message.show_info(self.tr("KPI figure recorded."))
            self.reload(name)

        dialog = KpiDialog(name, kpis.shipped(), self._language, submit, self)
        dialog.open()
        return dialog

    def escalate_issue(self) -> NewEscalationDialog | None:
        name = self.selected()
        if name is None:
            return None

        def submit(values: dict[str, object]) -> None:
            opened: list[int] = []
            self._run(
                lambda s, org: opened.append(kpi_records.open_escalation(s, org, **values).number)
            )  # type: ignore[arg-type]
            self.message.show_info(
                self.tr("%1 opened in the escalation log.").replace(
                    "%1", kpi_records.escalation_label(opened[0])
                )
            )
            self.reload(name)

        levels = [lv.label(self._language) for lv in kpis.shipped().levels]
        dialog = NewEscalationDialog(name, levels, submit, self)
        dialog.open()
        return dialog

    def update_escalation(self) -> EscalationDialog | None:
        """The entry selected on the Escalations tab, else the first open one."""
        if not getattr(self, "escalation_numbers", None):
            return None
        rows = self.escalations_table.selectionModel().selectedRows()
        if rows:
            number = self.escalation_numbers[rows[0].row()]
        else:
            number = next(
                (
                    n
                    for n, is_open in zip(
                        self.escalation_numbers, self.escalation_open, strict=True
                    )
                    if is_open
                ),
                self.escalation_numbers[0],
            )
        with self._db.session() as session:
            entry = kpi_records.get_escalation(session, number)
            level, owner = entry.level, entry.owner
        name = self.selected()

        def submit(values: dict[str, object]) -> None:
            with self._db.session(actor=self._actor) as session:
                kpi_records.update_escalation(session, number, **values)  # type: ignore[arg-type]
            self.message.show_info(self.tr("Escalation updated."))
            self.reload(name)

        dialog = EscalationDialog(
            kpi_records.escalation_label(number),
            level,
            kpis.shipped().top_level,
            owner,
            submit,
            self,
        )
        dialog.open()
        return dialog

    def show_dashboard(self) -> QWidget:
        from auditapp.ui.oversight_dashboard import OversightDashboard

        dashboard = OversightDashboard(self._db, language=self._language, today=self._today)
        dashboard.setParent(self, Qt.WindowType.Window)
        dashboard.show_cro(self.selected() or "")
        dashboard.resize(1280, 760)
        dashboard.show()
        self.dashboard_window = dashboard
        return dashboard

    def choose_report_file(self) -> None:
        name = self.selected() or "cro"
        path = file_dialogs.save_file(
            self,
            self.tr("Save oversight report"),
            str(folders.start_folder(folders.REPORT) / f"oversight-{name.split()[0].lower()}.pdf"),
            self.tr("PDF (*.pdf);;Word document (*.docx)"),
        )
        if path:
            folders.remember(folders.REPORT, path)
            self.export_report(Path(path))

    def export_report(self, path: Path) -> Path | None:
        from auditapp.reports import export
        from auditapp.reports.oversight_report import export_oversight

        try:
            data = export_oversight(
                self._db,
                cro=self.selected(),
                fmt=export.format_for(path),
                language=self._language,
                today=self._today,
            )
            written = export.write(path, data)
        except AuditAppError as exc:
            self.message.show_error(str(exc))
            return None
        self.message.show_info(self.tr("Oversight report saved: %1").replace("%1", str(written)))
        return written
