"""The optional date field: opens on today, reads the locale's format, clears, lets Tab go on."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from ui_helpers import OFFSCREEN_NOISE

from auditapp.ui.date_field import OptionalDateField, parse_date

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


@pytest.fixture
def german():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(previous)


def _form(qtbot, value=None):
    host = QWidget()
    layout = QVBoxLayout(host)
    field = OptionalDateField(value)
    after = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(after)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    return host, field, after


def test_unset_date_is_empty_and_the_calendar_opens_on_today(qtbot):
    _host, field, _after = _form(qtbot)
    assert field.value() is None and field.edit.text() == ""
    field.show_calendar()
    today = dt.date.today()
    selected = field.popup_calendar.selectedDate()
    assert (selected.year(), selected.month(), selected.day()) == (
        today.year,
        today.month,
        today.day,
    )
    field.popup.close()


def test_typing_in_the_german_format_then_tab_moves_on(qtbot, german):
    _host, field, after = _form(qtbot)
    seen = []
    field.date_changed.connect(seen.append)
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "4.5.2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.value() == dt.date(2026, 5, 4)
    assert field.edit.text() == "04.05.2026"  # normalised to the locale's form
    assert seen == [dt.date(2026, 5, 4)]
    assert after.hasFocus()  # Tab was not trapped in date sections


def test_iso_is_accepted_everywhere_and_nonsense_keeps_the_value(qtbot, german):
    _host, field, _after = _form(qtbot, dt.date(2026, 1, 2))
    field.edit.setText("2026-03-09")
    field.edit.editingFinished.emit()
    assert field.value() == dt.date(2026, 3, 9)
    field.edit.setText("not set12")
    field.edit.editingFinished.emit()
    assert not field.is_valid() and field.value() == dt.date(2026, 3, 9)
    # German date order (the locale) with the interface's words (no translator installed here)
    assert "Type it as DD.MM.YYYY" in field.edit.toolTip()


def test_clearing_sets_no_date(qtbot):
    _host, field, _after = _form(qtbot, dt.date(2026, 1, 2))
    seen = []
    field.date_changed.connect(seen.append)
    field.edit.clear()
    field.edit.editingFinished.emit()
    assert field.value() is None and seen == [None]
    field.set_value(dt.date(2026, 1, 2))
    field.show_calendar()
    clear = next(a for a in field.popup.actions() if a.text() == "Clear the date")
    clear.trigger()
    assert field.value() is None


def test_parse_date_english_is_iso():
    assert parse_date("2026-12-01") == dt.date(2026, 12, 1)
    assert parse_date("  ") is None
    with pytest.raises(ValueError):
        parse_date("31.02.2026")
