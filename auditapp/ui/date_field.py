"""A date that may be "not set": typed in the locale's format, picked from a calendar that opens
on today, cleared with one click. Replaces QDateEdit's special-value trick, which opened on its
minimum date (1999), appended typed digits to the text "not set" and trapped Tab in its
sections."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from auditapp.ui import formats

MIN_DATE = QDate(1990, 1, 1)
MAX_DATE = QDate(2100, 12, 31)


def parse_date(text: str) -> dt.date | None:
    """The locale's pattern first (01.12.2026 in German), then ISO 8601, which every locale
    accepts; a two-digit year means 20xx. Raises ValueError for anything else."""
    text = text.strip()
    if not text:
        return None
    pattern = formats.date_pattern()
    candidates = [
        pattern,
        pattern.replace("yyyy", "yy"),
        pattern.replace("dd", "d").replace("MM", "M"),
        "yyyy-MM-dd",
    ]
    for candidate in candidates:
        date = QLocale().toDate(text, candidate)
        if date.isValid():
            if "yyyy" not in candidate and date.year() < 2000:
                date = date.addYears(100)
            if MIN_DATE <= date <= MAX_DATE:
                return dt.date(date.year(), date.month(), date.day())
    raise ValueError(text)


class OptionalDateField(QWidget):
    """value() is a date or None; date_changed(date | None) fires when a valid edit is done.
    An unreadable entry keeps the last value and marks the field invalid (is_valid())."""

    date_changed = Signal(object)
    editingFinished = Signal()

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: dt.date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setObjectName("dateText")
        self.edit.setPlaceholderText(self._pattern_hint())
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0000-00-00") + 60)
        self.edit.editingFinished.connect(self._typed)
        self.edit.textChanged.connect(lambda _t: self._mark(True))
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("dateCalendarButton")
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Pick a date from the calendar"))
        # Tab moves from the text to the next field, not into the calendar button.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.show_calendar)
        layout.addWidget(self.edit)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.set_value(value)

    def _pattern_hint(self) -> str:
        pattern = formats.date_pattern()
        return (
            pattern.replace("dd", self.tr("DD"))
            .replace("MM", self.tr("MM"))
            .replace("yyyy", self.tr("YYYY"))
        )

    # --- value ---------------------------------------------------------------------------------

    def value(self) -> dt.date | None:
        return self._value

    def is_valid(self) -> bool:
        return not bool(self.edit.property("invalid"))

    def set_value(self, value: dt.date | None) -> None:
        """Show a stored value (no signal)."""
        self._value = value
        self.edit.blockSignals(True)
        self.edit.setText(formats.date_text(value))
        self.edit.blockSignals(False)
        self._mark(True)

    def setReadOnly(self, on: bool) -> None:
        self.edit.setReadOnly(on)
        self.calendar_button.setEnabled(not on)

    def _mark(self, valid: bool) -> None:
        if self.is_valid() == valid:
            return
        self.edit.setProperty("invalid", not valid)
        self.edit.setToolTip(
            ""
            if valid
            else self.tr(
                "This is not a date. Type it as %1, or pick it from the calendar."
            ).replace("%1", self._pattern_hint())
        )
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)

    def _typed(self) -> None:
        try:
            value = parse_date(self.edit.text())
        except ValueError:
            self._mark(False)
            return
        self._set_from_user(value)

    def _set_from_user(self, value: dt.date | None) -> None:
        changed = value != self._value
        self.set_value(value)  # normalises the text: 1.2.26 -> 01.02.2026
        if changed:
            self.date_changed.emit(value)
        self.editingFinished.emit()

    # --- calendar ------------------------------------------------------------------------------

    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget()
        calendar.setObjectName("datePopupCalendar")
        calendar.setMinimumDate(MIN_DATE)
        calendar.setMaximumDate(MAX_DATE)
        start = self._value or dt.date.today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))

        def picked(date: QDate) -> None:
            menu.close()
            self._set_from_user(dt.date(date.year(), date.month(), date.day()))

        calendar.activated.connect(picked)
        calendar.clicked.connect(picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        clear = menu.addAction(self.tr("Clear the date"))
        clear.triggered.connect(lambda: self._set_from_user(None))
        today = menu.addAction(self.tr("Today"))
        today.triggered.connect(lambda: self._set_from_user(dt.date.today()))
        self.popup = menu  # for tests
        self.popup_calendar = calendar
        menu.popup(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        calendar.setFocus()
