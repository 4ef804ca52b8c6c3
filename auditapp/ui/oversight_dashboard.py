"""The oversight dashboard: charts per CRO or across all CROs.

Findings by grade (per audit, or per CRO across all), findings by area and grade, CAPA ageing,
and one KPI's trend against its warning and breach thresholds; the charts are the oversight
report's (reports/oversight_charts.py), so screen and paper agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from auditapp.core import cro_register, kpi_records, kpis
from auditapp.core.db import Database
from auditapp.reports import oversight_charts as charts
from auditapp.ui.oversight_charts import ChartView

ALL = ""  # the combo's data for "All CROs"
AGEING_COLOURS = ("#2E7D32", "#C77C02", "#E65100", "#C62828")


class OversightDashboard(QWidget):
    """Four charts for one CRO or for all; reload() after a change."""

    cro_changed = Signal(str)

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        language: str = "en",
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._today = today
        self.setWindowTitle(self.tr("Oversight dashboard"))
        self.cro_box = QComboBox()
        self.cro_box.setAccessibleName(self.tr("CRO"))
        self.kpi_box = QComboBox()
        self.kpi_box.setAccessibleName(self.tr("KPI"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("CRO:")))
        top.addWidget(self.cro_box, 2)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("KPI trend:")))
        top.addWidget(self.kpi_box, 2)
        self.grid = QGridLayout()
        self.views: list[Any] = []
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(self.grid, 1)
        self.definitions = kpis.shipped()
        for kpi in self.definitions.kpis:
            self.kpi_box.addItem(kpi.label(self._lang()), kpi.id)
        self._fill_cros()
        self._pick_kpi()
        self.cro_box.currentIndexChanged.connect(self.reload)
        self.kpi_box.currentIndexChanged.connect(self.reload)
        self.reload()

    def _lang(self) -> str:
        return self._language

    def _fill_cros(self) -> None:
        with self._db.session() as session:
            names = [o.legal_name for o in cro_register.cros(session)]
        self.cro_box.blockSignals(True)
        self.cro_box.clear()
        self.cro_box.addItem(self.tr("All CROs"), ALL)
        for name in names:
            self.cro_box.addItem(name, name)
        self.cro_box.blockSignals(False)

    def _pick_kpi(self) -> None:
        """Start on the KPI that most needs attention: the newest breach, else any figure."""
        with self._db.session() as session:
            points = [
                p for org in cro_register.cros(session) for p in kpi_records.latest(session, org)
            ]
        for wanted in ("breach", "warning", "ok"):
            hit = next((p for p in points if p.rating == wanted), None)
            if hit is not None:
                self.kpi_box.setCurrentIndex(max(0, self.kpi_box.findData(hit.kpi_id)))
                return

    def show_cro(self, name: str) -> None:
        index = self.cro_box.findData(name)
        self.cro_box.setCurrentIndex(max(0, index))

    def reload(self) -> None:
        name = self.cro_box.currentData() or ALL
        kpi = self.definitions.get(self.kpi_box.currentData() or self.definitions.kpis[0].id)
        today = self._today or dt.date.today()
        with self._db.session() as session:
            orgs = [cro_register.find_cro(session, name)] if name else cro_register.cros(session)
            summaries = [cro_register.summarise(session, o, today=today) for o in orgs]
            lines: dict[str, Sequence[tuple[dt.date, float, str]]] = {}
            periods: dict[dt.date, str] = {}
            for org, summary in zip(orgs, summaries, strict=True):
                for point in kpi_records.series(session, org, kpi.id):
                    key = point.study or (summary.name if not name else self.tr("CRO as a whole"))
                    if not name and point.study:
                        key = f"{summary.name[:20]} {point.study}"
                    lines.setdefault(key, []).append(  # type: ignore[attr-defined]
                        (point.period_end, point.value, point.rating)
                    )
                    periods[point.period_end] = point.period
        lang = self._lang()
        if name:
            s = summaries[0]
            first = (
                self.tr("Findings by grade per audit"),
                [a.reference for a in s.audits],
                [a.grades for a in s.audits],
            )
        else:
            first = (
                self.tr("Findings by grade per CRO"),
                [s.name for s in summaries],
                [s.grade_totals() for s in summaries],
            )
        by_area: dict[str, Counter[str]] = {}
        ageing: Counter[str] = Counter()
        for s in summaries:
            for area, counts in s.findings_by_area.items():
                by_area.setdefault(area, Counter()).update(counts)
            ageing.update(s.capa_ageing())
        areas = sorted(by_area)
        buckets = cro_register.AGEING_BUCKETS
        # What each chart shows, kept for tests and for the accessible names.
        self.chart_data = {
            "grades": (first[1], first[2]),
            "areas": (areas, [dict(by_area[a]) for a in areas]),
            "ageing": (list(buckets), [ageing.get(b, 0) for b in buckets]),
            "trend": {key: [(p[0], p[1], p[2]) for p in points] for key, points in lines.items()},
        }
        images = [
            (first[0], charts.stacked_grades(first[0], first[1], first[2], lang)),
            (
                self.tr("Findings by area and grade"),
                charts.stacked_grades(
                    self.tr("Findings by area and grade"),
                    areas,
                    [dict(by_area[a]) for a in areas],
                    lang,
                ),
            ),
            (
                self.tr("Open CAPAs by age (days)"),
                charts.bars(
                    self.tr("Open CAPAs by age (days)"),
                    [self.tr("%1 days").replace("%1", b) for b in buckets],
                    [ageing.get(b, 0) for b in buckets],
                    AGEING_COLOURS,
                ),
            ),
            (
                kpi.label(lang),
                charts.kpi_trends(
                    kpi.label(lang),
                    lines,
                    warning=kpi.warning,
                    breach=kpi.breach,
                    unit=kpi.unit,
                    period_labels=periods,
                    warning_label=self.tr("Warning"),
                    breach_label=self.tr("Breach"),
                ),
            ),
        ]
        for old in self.views:
            old.setParent(None)
            old.deleteLater()
        self.views = [ChartView(png, title) for title, png in images]
        for index, widget in enumerate(self.views):
            self.grid.addWidget(widget, index // 2, index % 2)
        overdue = sum(len(s.overdue_capas) for s in summaries)
        open_capas = sum(len(s.open_capas) for s in summaries)
        repeats = sum(s.repeat_findings for s in summaries)
        escalations = sum(s.open_escalations for s in summaries)
        text = self.tr("Open CAPAs: %1 (%2 overdue) · repeat findings: %3 · open escalations: %4")
        for index, value in enumerate((open_capas, overdue, repeats, escalations), start=1):
            text = text.replace(f"%{index}", str(value))
        if name:
            r = summaries[0].risk
            text += " · " + self.tr("risk score %1 (%2), next audit %3").replace(
                "%1", f"{r.score:g}"
            ).replace("%2", self.band_label(r.band)).replace(
                "%3", r.proposed_next_audit.isoformat()
            )
        self.summary.setText(text)
        self.cro_changed.emit(name)

    def band_label(self, band: str) -> str:
        return {"high": self.tr("high"), "medium": self.tr("medium"), "low": self.tr("low")}[band]
