"""The CRO register window's lower half: one CRO's overview and its tables in tabs."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from auditapp.core import cro_register, kpi_records, kpis
from auditapp.reports.oversight_charts import grade_label
from auditapp.reports.oversight_wording import status as status_text
from auditapp.ui.cro_register_model import CroTableModel


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


class CroDetailTabs(QTabWidget):
    """One CRO's tabs: overview, audits, open CAPAs, KPIs, escalations, qualification."""

    def __init__(self, model: CroTableModel, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model, self._language = model, language
        self.overview = QLabel()
        self.overview.setWordWrap(True)
        self.overview.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.overview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.escalations_table: QTableWidget | None = None

    def show_cro(
        self,
        summary: cro_register.CroSummary,
        figures: list[kpi_records.KpiPoint],
        entries_rows: list[list[str]],
    ) -> None:
        self.overview.setText(self._overview_html(summary))
        index = self.currentIndex()
        self.clear()
        self.addTab(self.overview, self.tr("Overview"))
        lang = self._language  # the register speaks the interface language
        self.addTab(
            _table(
                [
                    self.tr("Audit"),
                    self.tr("Type"),
                    self.tr("Date"),
                    self.tr("Status"),
                    self.tr("Critical"),
                    self.tr("Major"),
                    self.tr("Minor"),
                    self.tr("Comments"),
                ],
                [
                    [
                        a.reference,
                        a.audit_type,
                        a.date.isoformat(),
                        status_text(a.status, lang),
                        str(a.grades["critical"]),
                        str(a.grades["major"]),
                        str(a.grades["minor"] + a.grades["other"]),
                        str(a.grades["recommendation"]),
                    ]
                    for a in summary.audits
                ],
            ),
            self.tr("Audits"),
        )
        self.addTab(
            _table(
                [
                    self.tr("Audit"),
                    self.tr("Finding"),
                    self.tr("Grade"),
                    self.tr("Status"),
                    self.tr("Due"),
                    self.tr("Days overdue"),
                    self.tr("Repeat"),
                    self.tr("Title"),
                ],
                [
                    [
                        c.audit,
                        c.finding,
                        grade_label(c.grade, lang),
                        status_text(c.status, lang),
                        c.due.isoformat() if c.due else "",
                        str(c.overdue_days or ""),
                        "✔" if c.repeat else "",
                        c.title,
                    ]
                    for c in summary.open_capas
                ],
            ),
            self.tr("Open CAPAs"),
        )
        definitions = kpis.shipped()
        self.addTab(
            _table(
                [
                    self.tr("Period"),
                    self.tr("KPI"),
                    self.tr("Study"),
                    self.tr("Value"),
                    self.tr("Rating"),
                    self.tr("Recorded by"),
                ],
                [
                    [
                        p.period,
                        definitions.get(p.kpi_id).label(self._language)
                        if p.rating != "unknown"
                        else p.kpi_id,
                        p.study,
                        f"{p.value:g}",
                        self.rating_label(p.rating),
                        p.recorded_by,
                    ]
                    for p in reversed(figures)
                ],
            ),
            self.tr("KPIs"),
        )
        escalations_table = _table(
            [
                self.tr("No."),
                self.tr("Status"),
                self.tr("Level"),
                self.tr("Owner"),
                self.tr("Issue"),
                self.tr("Opened"),
                self.tr("Due"),
                self.tr("Actions"),
                self.tr("Closure"),
            ],
            entries_rows,
        )
        self.addTab(escalations_table, self.tr("Escalations"))
        self.addTab(
            _table(
                [
                    self.tr("Effective"),
                    self.tr("Status"),
                    self.tr("Audit"),
                    self.tr("Valid until"),
                    self.tr("Conditions"),
                    self.tr("Decided by"),
                ],
                [
                    [
                        q.effective_on.isoformat(),
                        self._model.qualification_label(q.status),
                        q.audit,
                        q.valid_until.isoformat() if q.valid_until else "",
                        q.conditions,
                        q.decided_by,
                    ]
                    for q in summary.qualification_history
                ],
            ),
            self.tr("Qualification"),
        )
        self.setCurrentIndex(max(0, index))
        self.escalations_table = escalations_table

    def rating_label(self, rating: str) -> str:
        return {
            "ok": self.tr("on target"),
            "warning": self.tr("warning"),
            "breach": self.tr("breach"),
        }.get(rating, rating)

    def factor_label(self, key: str) -> str:
        return {
            "critical": self.tr("Critical findings"),
            "major": self.tr("Major findings"),
            "minor": self.tr("Minor findings"),
            "other": self.tr("Other findings"),
            "recommendation": self.tr("Comments"),
            "repeat": self.tr("Repeat findings"),
            "overdue_capa": self.tr("Overdue CAPAs"),
            "open_escalation": self.tr("Open escalations"),
            "per_year_since_audit": self.tr("Years since the last audit"),
            "conditional": self.tr("Approved with conditions"),
            "not_approved": self.tr("Not approved"),
            "never_audited": self.tr("Never audited"),
        }.get(key, key)

    def _overview_html(self, s: cro_register.CroSummary) -> str:
        r = s.risk
        q = s.qualification
        qual = (
            self.tr("%1 since %2")
            .replace("%1", self._model.qualification_label(q.status))
            .replace("%2", q.effective_on.isoformat())
            if q
            else self.tr("None recorded")
        )
        if q and q.audit:
            qual += " " + self.tr("(audit %1)").replace("%1", q.audit)
        if s.qualification_lapsed and q and q.valid_until:
            qual += " · " + self.tr("lapsed on %1").replace("%1", q.valid_until.isoformat())
        parts = "".join(
            f"<tr><td>{self.factor_label(c.key)}</td><td align='right'>{c.count:g}"
            f" × {c.weight:g}</td><td align='right'><b>{c.points:g}</b></td></tr>"
            for c in r.components
        )
        next_audit = r.proposed_next_audit.isoformat()
        if r.audit_overdue:
            next_audit += " " + self.tr("(overdue)")
        rows = [
            (self.tr("Qualification"), html.escape(qual)),
            (self.tr("Risk score"), f"<b>{r.score:g}</b> ({self._model.band_label(r.band)})"),
            (self.tr("Last audit"), r.last_audit.isoformat() if r.last_audit else "—"),
            (self.tr("Proposed next audit"), f"<b>{next_audit}</b>"),
            (
                self.tr("Planned audit"),
                html.escape(f"{s.planned_audit.reference}, {s.planned_audit.date.isoformat()}")
                if s.planned_audit
                else "—",
            ),
            (self.tr("Open CAPAs"), str(len(s.open_capas))),
            (self.tr("Overdue CAPAs"), str(len(s.overdue_capas))),
            (self.tr("Repeat findings"), str(s.repeat_findings)),
            (self.tr("Open escalations"), str(s.open_escalations)),
        ]
        table = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
        name = html.escape(s.name)
        how = self.tr("How the risk score is made")
        return (
            f"<h3>{name}</h3><table cellpadding='3'>{table}</table>"
            f"<p><b>{how}</b></p>"
            f"<table cellpadding='2'>{parts}</table>"
        )
