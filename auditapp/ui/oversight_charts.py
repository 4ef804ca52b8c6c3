"""The dashboard's charts on screen: the report's chart images (reports/oversight_charts.py),
shown scaled to the space they get.

QtCharts lives in the PySide6-Addons wheel, which the application does not ship (only the
camera extra needs it; the installer leaves it out), so the dashboard shows the same PNG charts
as the oversight report: one look on screen and on paper.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ChartView(QLabel):
    """A chart image that keeps its aspect ratio as the window is resized."""

    def __init__(
        self, png: tuple[bytes, int, int], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.source = QPixmap()
        self.source.loadFromData(png[0], "PNG")
        self.setAccessibleName(title)
        self.setToolTip(title)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(320, 140)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: white; border: 1px solid #D9D9D9;")
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(640, 250)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not self.source.isNull():
            self.setPixmap(
                self.source.scaled(
                    self.size() - QSize(4, 4),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
