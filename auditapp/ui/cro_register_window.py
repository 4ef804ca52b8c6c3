"""The CRO register window: every CRO with qualification, CAPAs and risk; one CRO's audits,
CAPAs, KPIs, escalations and qualification history; the forms that change them; the
dashboard and the oversight report."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditapp.core import cro_register, kpi_records, kpis
from auditapp.core.db import Database
from auditapp.errors import AuditAppError
from auditapp.reports.oversight_charts import grade_label
from auditapp.reports.oversight_wording import status as status_text
from auditapp.ui import file_dialogs, folders
from auditapp.ui.cro_register_model import CroTableModel
from auditapp.ui.oversight_dialogs import (
    EscalationDialog,
    KpiDialog,
    NewEscalationDialog,
    QualificationDialog,
)
from auditapp.ui.widgets import MessageBar


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CroRegisterWindow(QMainWindow):
    def __init__(self, db: Database, *, actor: str, language: str = "en",
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
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
        self.tabs = QTabWidget()
        self.overview = QLabel()
        self.overview.setWordWrap(True)
        self.overview.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.overview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = MessageBar()
        buttons = QHBoxLayout()
        self.qualify_button = QPushButton(self.tr("Record &qualification…"))
        self.kpi_button = QPushButton(self.tr("Record &KPI figure…"))
        self.new_escalation_button = QPushButton(self.tr("Escalate &issue…"))
        self.escalation_button = QPushButton(self.tr("Update &escalation…"))
        self.dashboard_button = QPushButton(self.tr("&Dashboard"))
        self.report_button = QPushButton(self.tr("Oversight &report…"))
        for button in (self.qualify_button, self.kpi_button, self.new_escalation_button,
                       self.escalation_button, self.dashboard_button, self.report_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.qualify_button, self.kpi_button, self.new_escalation_button,
                       self.escalation_button):
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
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def show_selected(self) -> None:
        name = self.selected()
        if name is None:
            return
        summary = next(r for r in self.model.rows if r.name == name)
        with self._db.session() as session:
            org = cro_register.find_cro(session, name)
            figures = kpi_records.series(session, org)
            entries = [(kpi_records.escalation_label(e.number), e) for e in
                       kpi_records.escalations(session, org=org)]
            entries_rows = [[label, e.status, str(e.level), e.owner, e.issue,
                             e.opened_on.isoformat(), e.due_on.isoformat() if e.due_on else "",
                             e.actions.replace("\n", " | "), e.closure] for label, e in entries]
        self.escalation_numbers = [e.number for _label, e in entries]
        self.escalation_open = [e.status == "open" for _label, e in entries]
        self.overview.setText(self._overview_html(summary))
        index = self.tabs.currentIndex()
        self.tabs.clear()
        self.tabs.addTab(self.overview, self.tr("Overview"))
        lang = self._language  # the register speaks the interface language
        self.tabs.addTab(_table(
            [self.tr("Audit"), self.tr("Type"), self.tr("Date"), self.tr("Status"),
             self.tr("Critical"), self.tr("Major"), self.tr("Minor"), self.tr("Comments")],
            [[a.reference, a.audit_type, a.date.isoformat(), status_text(a.status, lang),
              str(a.grades["critical"]),
              str(a.grades["major"]), str(a.grades["minor"] + a.grades["other"]),
              str(a.grades["recommendation"])] for a in summary.audits]), self.tr("Audits"))
        self.tabs.addTab(_table(
            [self.tr("Audit"), self.tr("Finding"), self.tr("Grade"), self.tr("Status"),
             self.tr("Due"), self.tr("Days overdue"), self.tr("Repeat"), self.tr("Title")],
            [[c.audit, c.finding, grade_label(c.grade, lang), status_text(c.status, lang),
              c.due.isoformat() if c.due else "",
              str(c.overdue_days or ""), "✔" if c.repeat else "", c.title]
             for c in summary.open_capas]), self.tr("Open CAPAs"))
        definitions = kpis.shipped()
        self.tabs.addTab(_table(
            [self.tr("Period"), self.tr("KPI"), self.tr("Study"), self.tr("Value"),
             self.tr("Rating"), self.tr("Recorded by")],
            [[p.period, definitions.get(p.kpi_id).label(self._language)
              if p.rating != "unknown" else p.kpi_id, p.study, f"{p.value:g}",
              self.rating_label(p.rating), p.recorded_by] for p in reversed(figures)]),
            self.tr("KPIs"))
        escalations_table = _table(
            [self.tr("No."), self.tr("Status"), self.tr("Level"), self.tr("Owner"),
             self.tr("Issue"), self.tr("Opened"), self.tr("Due"), self.tr("Actions"),
             self.tr("Closure")], entries_rows)
        self.tabs.addTab(escalations_table, self.tr("Escalations"))
        self.tabs.addTab(_table(
            [self.tr("Effective"), self.tr("Status"), self.tr("Audit"), self.tr("Valid until"),
             self.tr("Conditions"), self.tr("Decided by")],
            [[q.effective_on.isoformat(), self.model.qualification_label(q.status), q.audit,
              q.valid_until.isoformat() if q.valid_until else "", q.conditions, q.decided_by]
             for q in summary.qualification_history]), self.tr("Qualification"))
        self.tabs.setCurrentIndex(max(0, index))
        self.escalations_table = escalations_table
        self.escalation_button.setEnabled(bool(self.escalation_numbers) and not self._db.read_only)

    def rating_label(self, rating: str) -> str:
        return {"ok": self.tr("on target"), "warning": self.tr("warning"),
                "breach": self.tr("breach")}.get(rating, rating)

    def factor_label(self, key: str) -> str:
        return {
            "critical": self.tr("Critical findings"), "major": self.tr("Major findings"),
            "minor": self.tr("Minor findings"), "other": self.tr("Other findings"),
            "recommendation": self.tr("Comments"), "repeat": self.tr("Repeat findings"),
            "overdue_capa": self.tr("Overdue CAPAs"), "open_escalation": self.tr("Open escalations"),
            "per_year_since_audit": self.tr("Years since the last audit"),
            "conditional": self.tr("Approved with conditions"),
            "not_approved": self.tr("Not approved"), "never_audited": self.tr("Never audited"),
        }.get(key, key)

    def _overview_html(self, s: cro_register.CroSummary) -> str:
        r = s.risk
        q = s.qualification
        qual = (self.tr("%1 since %2").replace("%1", self.model.qualification_label(q.status))
                .replace("%2", q.effective_on.isoformat()) if q else self.tr("None recorded"))
        if q and q.audit:
            qual += " " + self.tr("(audit %1)").replace("%1", q.audit)
        if s.qualification_lapsed and q and q.valid_until:
            qual += " · " + self.tr("lapsed on %1").replace("%1", q.valid_until.isoformat())
        parts = "".join(f"<tr><td>{self.factor_label(c.key)}</td><td align='right'>{c.count:g}"
                        f" × {c.weight:g}</td><td align='right'><b>{c.points:g}</b></td></tr>"
                        for c in r.components)
        next_audit = r.proposed_next_audit.isoformat()
        if r.audit_overdue:
            next_audit += " " + self.tr("(overdue)")
        rows = [
            (self.tr("Qualification"), html.escape(qual)),
            (self.tr("Risk score"), f"<b>{r.score:g}</b> ({self.model.band_label(r.band)})"),
            (self.tr("Last audit"), r.last_audit.isoformat() if r.last_audit else "—"),
            (self.tr("Proposed next audit"), f"<b>{next_audit}</b>"),
            (self.tr("Planned audit"), html.escape(
                f"{s.planned_audit.reference}, {s.planned_audit.date.isoformat()}")
             if s.planned_audit else "—"),
            (self.tr("Open CAPAs"), str(len(s.open_capas))),
            (self.tr("Overdue CAPAs"), str(len(s.overdue_capas))),
            (self.tr("Repeat findings"), str(s.repeat_findings)),
            (self.tr("Open escalations"), str(s.open_escalations)),
        ]
        table = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
        name = html.escape(s.name)
        how = self.tr("How the risk score is made")
        return (f"<h3>{name}</h3><table cellpadding='3'>{table}</table>"
                f"<p><b>{how}</b></p>"
                f"<table cellpadding='2'>{parts}</table>")

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
            self._run(lambda s, org: cro_register.qualify(s, org, **values))  # type: ignore[arg-type]
            self.message.show_info(self.tr("Qualification recorded."))
            self.reload(name)

        outcomes = {a.reference: a.outcome for a in summary.audits}
        dialog = QualificationDialog(name, [a.reference for a in summary.audits], submit, self,
                                     outcomes=outcomes)
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
                text = (self.tr("Breach: %1 raised one level.") if result.raised
                        else self.tr("Breach: %1 opened in the escalation log."))
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
            self._run(lambda s, org: opened.append(
                kpi_records.open_escalation(s, org, **values).number))  # type: ignore[arg-type]
            self.message.show_info(self.tr("%1 opened in the escalation log.").replace(
                "%1", kpi_records.escalation_label(opened[0])))
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
            number = next((n for n, is_open in zip(self.escalation_numbers, self.escalation_open,
                                                   strict=True) if is_open),
                          self.escalation_numbers[0])
        with self._db.session() as session:
            entry = kpi_records.get_escalation(session, number)
            level, owner = entry.level, entry.owner
        name = self.selected()

        def submit(values: dict[str, object]) -> None:
            with self._db.session(actor=self._actor) as session:
                kpi_records.update_escalation(session, number, **values)  # type: ignore[arg-type]
            self.message.show_info(self.tr("Escalation updated."))
            self.reload(name)

        dialog = EscalationDialog(kpi_records.escalation_label(number), level,
                                  kpis.shipped().top_level, owner, submit, self)
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
            self, self.tr("Save oversight report"),
            str(folders.start_folder(folders.REPORT) / f"oversight-{name.split()[0].lower()}.pdf"),
            self.tr("PDF (*.pdf);;Word document (*.docx)"))
        if path:
            folders.remember(folders.REPORT, path)
            self.export_report(Path(path))

    def export_report(self, path: Path) -> Path | None:
        from auditapp.reports import export
        from auditapp.reports.oversight_report import export_oversight

        try:
            data = export_oversight(self._db, cro=self.selected(), fmt=export.format_for(path),
                                    language=self._language, today=self._today)
            written = export.write(path, data)
        except AuditAppError as exc:
            self.message.show_error(str(exc))
            return None
        self.message.show_info(self.tr("Oversight report saved: %1").replace("%1", str(written)))
        return written
