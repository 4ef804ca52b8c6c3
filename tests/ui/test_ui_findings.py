"""Findings, registers and the trail view, driven through the real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, audit_window

from auditapp.core.models import DocumentReviewed, Finding

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


@pytest.fixture
def window(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    editor = window.workspace.editor
    for title in ("First", "Second", "Third"):
        assert editor.add_finding(
            {"title": title, "classification": "minor", "question_ids": ["ORG-01"]}
        )
    window.workspace.tabs.setCurrentWidget(window.workspace.findings)
    return window


def stored(db):
    with db.session() as s:
        return {f.number: f for f in s.scalars(select(Finding))}


def test_inline_edit_is_committed_at_once_and_undo_restores_it(qtbot, db, window):
    page = window.workspace.findings
    page.select(2)
    assert page.form.title.text() == "Second"
    page.form.title.selectAll()
    qtbot.keyClicks(page.form.title, "Second, reworded")
    qtbot.keyClick(page.form.title, Qt.Key.Key_Return)
    assert stored(db)[2].title == "Second, reworded"
    assert page.model.index(1, page.model.TITLE).data() == "Second, reworded"
    window.undo_action.trigger()
    assert stored(db)[2].title == "Second"
    assert page.form.title.text() == "Second"


def test_critical_without_impact_is_refused_with_a_message(qtbot, db, window):
    page = window.workspace.findings
    page.select(1)
    page.form.grade_buttons["critical"].click()
    assert "impact" in page.form.errors.text("impact").lower() and not page.messages.isVisible()
    assert stored(db)[1].classification == "minor"
    assert page.form.classification() == "minor"  # the stored value is shown again
    # with an impact it is accepted, and the due date follows the grade
    page.form.impact.setPlainText("Participants' safety data may be late.")
    page.form.impact.commit()
    page.form.grade_buttons["critical"].click()
    finding = stored(db)[1]
    assert finding.classification == "critical"
    # due 15 days after the report is issued (the critical default), no date until then
    assert (finding.capa_due_days, finding.capa_due_date) == (15, None)


def test_numbers_stay_stable_when_a_finding_is_deleted(qtbot, db, window):
    page = window.workspace.findings
    page.select(2)
    page.ask_reason = lambda _label: "raised twice"
    page.delete_current()
    assert sorted(stored(db)) == [1, 3]
    assert [page.model.index(r, 0).data() for r in range(2)] == ["F-01", "F-03"]
    new = window.workspace.editor.add_finding({"title": "Fourth", "classification": "minor"})
    assert new == 4  # never reuses F-02
    window.undo_action.trigger()  # undo raising F-04
    window.undo_action.trigger()  # undo deleting F-02: it comes back as F-02
    assert {n: f.title for n, f in stored(db).items()} == {1: "First", 2: "Second", 3: "Third"}


def test_deleting_needs_a_reason(qtbot, db, window):
    page = window.workspace.findings
    page.select(1)
    page.ask_reason = lambda _label: "   "
    page.delete_current()
    assert "reason" in page.messages.text().lower()
    assert 1 in stored(db)


def test_references_from_the_question_and_others(qtbot, db, window):
    page = window.workspace.findings
    page.select(3)
    form = page.form
    assert form.references.count() == 2 and form.chosen_references() == []  # suggested only
    form.references.item(0).setCheckState(Qt.CheckState.Checked)
    form.reference_input.setText("ICH E6(R3) 3.9")
    form.reference_input.returnPressed.emit()
    refs = stored(db)[3].references_json
    assert refs == '["ICH E6(R2) 5.1.1", "ICH E6(R3) 3.9"]'
    form.reference_input.setText("ICH E6(R9) 1.1")
    form.reference_input.returnPressed.emit()
    assert "not recognised" in page.form.errors.text("references").lower()
    assert stored(db)[3].references_json == refs


def test_hundred_thousand_characters_are_refused(qtbot, db, window):
    page = window.workspace.findings
    page.select(1)
    page.form.observation.setPlainText("x" * 100_001)
    page.form.observation.commit()
    assert "too long" in page.form.errors.text("observation").lower()
    assert stored(db)[1].observation == ""


def test_trail_view_lists_the_edit_and_filters(qtbot, db, window):
    ws = window.workspace
    ws.editor.update_finding(1, {"title": "First, clearer"})
    ws.tabs.setCurrentWidget(ws.trail)
    trail = ws.trail
    rows = [
        trail.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(trail.proxy.rowCount())
    ]
    edit = next(r for r in rows if r.code == "update")
    change = next(c for c in edit.changes if c.field == "Title")
    assert (edit.user, edit.subject, change.old, change.new) == (
        "anna",
        "Finding F-01",
        "First",
        "First, clearer",
    )
    trail.search.setText("clearer")
    assert trail.proxy.rowCount() == 1
    trail.search.clear()
    trail.action.setCurrentIndex(trail.action.findData("delete"))
    assert trail.proxy.rowCount() == 0


def test_documents_register(qtbot, db, window):
    ws = window.workspace
    ws.tabs.setCurrentWidget(ws.registers)
    docs = ws.registers.documents
    docs.inputs["title"].setText("SOP index")
    docs.inputs["document_date"].setText("2026-10-01")
    qtbot.keyClick(docs.inputs["title"], Qt.Key.Key_Return)
    with db.session() as s:
        row = s.scalar(select(DocumentReviewed))
        assert (row.title, row.document_date) == ("SOP index", dt.date(2026, 10, 1))
    index = docs.model.index(0, 2)  # version
    assert docs.model.setData(index, "27")
    bad = docs.model.index(0, 3)
    assert not docs.model.setData(bad, "2026-02-30")
    assert "not a date" in ws.registers.messages.text().lower()
    with db.session() as s:
        row = s.scalar(select(DocumentReviewed))
        assert (row.version, row.document_date) == ("27", dt.date(2026, 10, 1))
    persons = ws.registers.persons
    persons.inputs["name"].setText("Sarah Okafor")
    persons.add()
    check = persons.model.index(0, 4)
    assert persons.model.setData(check, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert ws.editor.state.participants[0].interviewed is True
    window.undo_action.trigger()
    assert ws.editor.state.participants[0].interviewed is False


def test_reordering_keeps_numbers_and_is_committed_and_undoable(qtbot, db, window):
    page = window.workspace.findings
    page.select(3)
    page.up_button.click()
    page.up_button.click()
    page.up_button.click()  # already first: nothing more happens
    positions = {n: f.position for n, f in stored(db).items()}
    assert sorted(positions, key=positions.get) == [3, 1, 2]
    assert {n: f.title for n, f in stored(db).items()} == {1: "First", 2: "Second", 3: "Third"}
    assert [page.model.number_at(r) for r in range(3)] == [3, 1, 2]
    assert page.current_number == 3
    window.undo_action.trigger()
    positions = {n: f.position for n, f in stored(db).items()}
    assert sorted(positions, key=positions.get) == [1, 3, 2]
