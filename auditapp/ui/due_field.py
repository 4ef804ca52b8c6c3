"""When the auditee's CAPA response is due: N days after the report is issued (the grade's rule),
a date of the auditor's own, or none. A part of the finding editor."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QSpinBox, QWidget

from auditapp.ui import formats


class DueField(QWidget):
    """changed: an edit is finished (emit due_fields()); touched: the user changed anything."""

    changed = Signal()
    touched = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Days after the report is issued"), "days")
        self.mode.addItem(self.tr("By a date"), "date")
        self.mode.addItem(self.tr("No due date"), "none")
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setSuffix(self.tr(" days"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(formats.date_pattern())
        self.date.setMinimumDate(QDate(2000, 1, 1))
        self.date.setMaximumDate(QDate(2100, 12, 31))
        self.mode.activated.connect(lambda _i: self._changed())
        self.days.editingFinished.connect(self._changed)
        self.date.editingFinished.connect(self._changed)
        for signal in (self.mode.activated, self.days.valueChanged, self.date.dateChanged):
            signal.connect(lambda *_: self.touched.emit())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode)
        row.addWidget(self.days)
        row.addWidget(self.date)
        row.addStretch(1)
        self._show_mode()

    def set_due(self, date: dt.date | None, days: int | None) -> None:
        mode = "date" if date is not None else "days" if days is not None else "none"
        # Without a date of its own the calendar still opens on today, not on its minimum date.
        shown = date or dt.date.today()
        wanted = QDate(shown.year, shown.month, shown.day)
        if (
            self.mode.currentData() == mode
            and self.date.date() == wanted
            and (days is None or self.days.value() == days)
        ):
            return  # shown already: showing the next finding changes nothing here
        for widget in (self.mode, self.days, self.date):
            widget.blockSignals(True)
        self.mode.setCurrentIndex(self.mode.findData(mode))
        if days is not None:
            self.days.setValue(days)
        self.date.setDate(wanted)
        for widget in (self.mode, self.days, self.date):
            widget.blockSignals(False)
        self._show_mode()

    def _show_mode(self) -> None:
        mode = self.mode.currentData()
        self.days.setVisible(mode == "days")
        self.date.setVisible(mode == "date")

    def _changed(self) -> None:
        self._show_mode()
        self.changed.emit()

    def due_date(self) -> dt.date | None:
        if self.mode.currentData() != "date":
            return None
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    def due_days(self) -> int | None:
        return self.days.value() if self.mode.currentData() == "days" else None

    def due_fields(self) -> dict[str, object]:
        """The due-date fields as the core takes them: days after issue, or a date, or none."""
        mode = self.mode.currentData()
        if mode == "days":
            return {"capa_due_days": self.days.value()}
        if mode == "date":
            return {"capa_due_date": self.due_date()}
        return {"capa_due_days": None, "capa_due_date": None}
