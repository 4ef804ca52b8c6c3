"""Errors in the finding editor show under their field, in sentences, without moving the form;
the first bad field is scrolled into view and focused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QScrollArea
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, audit_window, run_modal

from auditapp.core.models import Finding

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


@pytest.fixture
def window(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    window.resize(1280, 720)
    editor = window.workspace.editor
    assert editor.add_finding(
        {
            "title": "Organisation chart not approved",
            "classification": "minor",
            "question_ids": ["ORG-01"],
        }
    )
    window.workspace.tabs.setCurrentWidget(window.workspace.findings)
    window.workspace.findings.select(1)
    return window


def stored_finding(db) -> Finding:
    with db.session() as s:
        return s.scalar(select(Finding))


def seen_in_scroll_area(widget) -> bool:
    area = widget.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().intersects(QRect(top_left, widget.size()))


def test_an_inline_error_shows_under_its_field_and_the_form_stays_put(qtbot, db, window):
    page = window.workspace.findings
    form = page.form
    qtbot.waitUntil(lambda: form.owner.isVisible())
    area = form.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    # At the bottom of the long form, the impact box scrolled away.
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    form.owner.setFocus()
    qtbot.waitUntil(lambda: not seen_in_scroll_area(form.impact))
    qtbot.wait(50)  # let the layout settle
    before = {w: w.mapTo(form, QPoint(0, 0)) for w in (form.title, form.impact, form.owner)}

    form.grade_buttons["critical"].click()  # a critical finding needs its impact

    text = form.errors.text("impact")
    assert text == "A “Critical” finding needs its impact on participants or on the data."
    assert text.endswith(".")
    label = form.errors.label("impact")
    assert label.isVisible() and label.mapTo(form, QPoint(0, 0)).y() > before[form.impact].y()
    assert form.impact.property("invalid") is True  # the red frame
    assert form.impact.hasFocus() and seen_in_scroll_area(form.impact)
    assert seen_in_scroll_area(label)
    assert not page.messages.isVisible()  # nothing at the top of the form
    qtbot.wait(50)
    assert {w: w.mapTo(form, QPoint(0, 0)) for w in before} == before  # nothing moved
    assert stored_finding(db).classification == "minor"
    assert form.classification() == "minor"  # the stored grade is shown again

    qtbot.keyClicks(form.impact, "Serious adverse events may be reported late.")
    form.impact.commit()
    form.grade_buttons["critical"].click()
    assert stored_finding(db).classification == "critical"
    assert form.errors.shown() == {}
    assert form.impact.property("invalid") is False


def test_a_cleared_title_keeps_the_box_for_typing_and_says_why(qtbot, db, window):
    form = window.workspace.findings.form
    form.title.clear()
    form.title.editingFinished.emit()
    assert form.errors.text("title").startswith("Give the finding a title")
    assert form.title.property("invalid") is True and form.title.hasFocus()
    assert form.title.text() == ""  # not overwritten while the auditor corrects it
    assert stored_finding(db).title == "Organisation chart not approved"
    qtbot.keyClicks(form.title, "Organisation chart unsigned")
    qtbot.keyClick(form.title, Qt.Key.Key_Return)
    assert stored_finding(db).title == "Organisation chart unsigned"
    assert not form.errors.text("title") and form.title.property("invalid") is False
    form.title.clear()
    form.title.editingFinished.emit()
    form.observation.setPlainText("Chart v3 unsigned.")  # another field still saves
    form.observation.commit()
    assert stored_finding(db).observation == "Chart v3 unsigned."
    # The saved finding is shown again, with its stored title: nothing left to correct.
    assert form.title.text() == "Organisation chart unsigned"
    assert form.errors.shown() == {}


def test_a_refusal_from_the_core_shows_under_the_field_edited(qtbot, db, window):
    form = window.workspace.findings.form
    form.risk.setPlainText("bad \x07 bell")
    form.risk.commit()
    assert "control characters" in form.errors.text("risk").lower()
    assert form.errors.text("risk")[0].isupper()
    assert form.risk.toPlainText() == "bad \x07 bell"
    assert stored_finding(db).risk == ""


def test_raise_finding_marks_every_missing_field_and_focuses_the_first(qtbot, db, window):
    window.workspace.tabs.setCurrentWidget(window.workspace.walk)
    seen = {}

    def fill(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        form = dialog.form
        form.title.clear()
        form.questions.setText("ORG-01, XYZ-9")
        form.owner.setFocus()
        dialog.commit()
        seen.update(form.errors.shown())
        seen["focus"] = form.title.hasFocus()
        seen["messages"] = dialog.messages.isVisible()

    run_modal(lambda: window.workspace.raise_finding("ORG-02"), fill)
    assert seen.pop("focus") is True and seen.pop("messages") is False
    assert set(seen) == {"title", "classification", "question_ids"}
    assert seen["classification"] == "Choose a classification."
    assert seen["question_ids"] == "This audit's checklist has no question XYZ-9."
