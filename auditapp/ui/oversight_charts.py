"""QtCharts builders for the oversight dashboard: plain values in, a chart out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen

GRADE_COLOURS = {"critical": "#C62828", "major": "#E8710A", "minor": "#C9A100",
                 "other": "#8E6C00", "recommendation": "#1A73E8"}
RATING_COLOURS = {"ok": "#2E7D32", "warning": "#C77C02", "breach": "#C62828"}
AGEING_COLOURS = ("#2E7D32", "#C77C02", "#E65100", "#C62828")
MONTH_FORMAT = "yyyy-MM"  # a Qt date pattern (ISO year-month), not text to translate
LINE_COLOURS = ("#1F4E79", "#6A1B9A", "#00838F", "#5D4037", "#AD1457")


def view(chart: QChart) -> QChartView:
    widget = QChartView(chart)
    widget.setRenderHint(QPainter.RenderHint.Antialiasing)
    widget.setMinimumSize(320, 220)
    return widget


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


def _value_axis(top: float) -> QValueAxis:
    """Whole-number ticks: counts of findings and CAPAs have no fractions."""
    axis = QValueAxis()
    top = max(1, int(-(-top // 1)))
    if top > 5:
        top = -(-top // 5) * 5
    axis.setRange(0, top)
    axis.setTickCount(top + 1 if top <= 5 else 6)
    axis.setLabelFormat("%d")
    return axis


def stacked_grades(title: str, categories: Sequence[str], counts: Sequence[dict[str, int]],
                   labels: dict[str, str], *, horizontal: bool = False) -> QChart:
    """Findings by grade, one stacked bar per category (an audit, a CRO or an area)."""
    chart = _chart(title)
    series = QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
    for grade, label in labels.items():
        if not any(c.get(grade, 0) for c in counts):
            continue
        bar = QBarSet(label)
        bar.setColor(QColor(GRADE_COLOURS.get(grade, "#777777")))
        bar.append([float(c.get(grade, 0)) for c in counts])
        series.append(bar)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([c[:24] for c in categories] or ["—"])
    values = _value_axis(max([sum(c.values()) for c in counts] or [1]))
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    series.attachAxis(values)
    return chart


def bars(title: str, labels: Sequence[str], values: Sequence[float],
         colours: Sequence[str]) -> QChart:
    """One bar per label, each in its own colour (CAPA ageing, risk per CRO)."""
    chart = _chart(title)
    series = QBarSeries()
    for label, value, colour in zip(labels, values, colours, strict=True):
        bar = QBarSet(label)
        bar.setColor(QColor(colour))
        bar.append([float(value)])
        series.append(bar)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([""])
    values_axis = _value_axis(max([*values, 1]))
    chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    series.attachAxis(values_axis)
    return chart


def _moment(day: dt.date, hour: int = 0) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def _when(day: dt.date) -> float:
    return float(_moment(day, 12).toMSecsSinceEpoch())


def kpi_trend(title: str, lines: dict[str, Sequence[tuple[dt.date, float, str]]], *,
              warning: float, breach: float, warning_label: str, breach_label: str) -> QChart:
    """Figures over time (one line per study or CRO), threshold lines, points by rating."""
    chart = _chart(title)
    days = [p[0] for points in lines.values() for p in points] or [dt.date.today()]
    values = [p[1] for points in lines.values() for p in points]
    first, last = min(days) - dt.timedelta(days=45), max(days) + dt.timedelta(days=45)
    x_axis = QDateTimeAxis()
    x_axis.setFormat(MONTH_FORMAT)
    x_axis.setTickCount(5)
    x_axis.setRange(_moment(first), _moment(last))
    low, high = min([*values, warning, breach]), max([*values, warning, breach])
    pad = max(1.0, (high - low) * 0.15)
    y_axis = QValueAxis()
    y_axis.setRange(low - pad, high + pad)
    y_axis.applyNiceNumbers()
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for limit, colour, label in ((warning, RATING_COLOURS["warning"], warning_label),
                                 (breach, RATING_COLOURS["breach"], breach_label)):
        threshold = QLineSeries()
        threshold.setName(f"{label} {limit:g}")
        pen = QPen(QColor(colour), 2, Qt.PenStyle.DashLine)
        threshold.setPen(pen)
        threshold.append(_when(first), limit)
        threshold.append(_when(last), limit)
        chart.addSeries(threshold)
        threshold.attachAxis(x_axis)
        threshold.attachAxis(y_axis)
    for index, (name, points) in enumerate(lines.items()):
        line = QLineSeries()
        line.setName(name)
        line.setPen(QPen(QColor(LINE_COLOURS[index % len(LINE_COLOURS)]), 2.5))
        for day, value, _rating in points:
            line.append(_when(day), value)
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
        for rating, colour in RATING_COLOURS.items():
            dots = QScatterSeries()
            dots.setMarkerSize(10)
            dots.setColor(QColor(colour))
            dots.setBorderColor(QColor(colour))
            for day, value, point_rating in points:
                if point_rating == rating:
                    dots.append(_when(day), value)
            if dots.count():
                chart.addSeries(dots)
                dots.attachAxis(x_axis)
                dots.attachAxis(y_axis)
                chart.legend().markers(dots)[0].setVisible(False)
    return chart
