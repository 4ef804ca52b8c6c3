"""The checklist walk driven as an auditor would: keys, notes, undo, raising a finding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from ui_helpers import OFFSCREEN_NOISE, audit_window, run_modal

from auditapp.core.models import Finding, Response, TrailEntry
from auditapp.ui.finding_dialog import FindingDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def response(db, question_id):
    with db.session() as s:
        return s.scalar(select(Response).where(Response.question_id == question_id))


@pytest.fixture
def window(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    return window


def test_answer_with_keys_is_committed_at_once_and_undo_restores_it(qtbot, db, window):
    walk = window.workspace.walk
    assert walk.current_question == "ORG-01"  # opens on the first unanswered question
    assert walk.tree.hasFocus()
    qtbot.keyClick(walk.tree, Qt.Key.Key_3, CTRL)
    row = response(db, "ORG-01")
    assert (row.result, row.answered_by) == ("non_compliant", "anna")
    assert walk.pane.answer_buttons["non_compliant"].isChecked()

    qtbot.keyClick(walk.tree, Qt.Key.Key_1, CTRL)  # change of mind
    assert response(db, "ORG-01").result == "compliant"
    qtbot.keyClick(walk.tree, Qt.Key.Key_Z, CTRL)
    assert response(db, "ORG-01").result == "non_compliant"
    assert walk.pane.answer_buttons["non_compliant"].isChecked()
    qtbot.keyClick(walk.tree, Qt.Key.Key_Y, CTRL)
    assert response(db, "ORG-01").result == "compliant"
    with db.session() as s:
        reasons = s.scalars(
            select(TrailEntry.reason).where(
                TrailEntry.entity == "response",
                TrailEntry.action == "update",
                func.json_extract(TrailEntry.changes, "$.result").is_not(None),
            )
        ).all()
    assert reasons[-2:] == ["undo", "redo"]  # undo and redo are new, recorded edits


def test_navigation_keys_and_progress(qtbot, db, window):
    walk = window.workspace.walk
    qtbot.keyClick(walk.tree, Qt.Key.Key_Down, ALT)
    assert walk.current_question == "ORG-02"
    qtbot.keyClick(walk.tree, Qt.Key.Key_Up, ALT)
    assert walk.current_question == "ORG-01"
    qtbot.keyClick(walk.tree, Qt.Key.Key_4, CTRL)  # ORG-01 not applicable
    qtbot.keyClick(walk.tree, Qt.Key.Key_F8)
    assert walk.current_question == "ORG-02"
    qtbot.keyClick(walk.tree, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(walk.tree, Qt.Key.Key_F8)
    assert walk.current_question == "CSV-01"
    assert window.workspace.progress.value() == 2
    area = walk.model.index(0, 1)
    assert area.data() == "2/2"


def test_notes_are_committed_when_moving_on(qtbot, db, window):
    walk = window.workspace.walk
    qtbot.keyClick(walk.tree, Qt.Key.Key_Return)  # Enter: to the notes
    assert walk.pane.notes.hasFocus()
    qtbot.keyClicks(walk.pane.notes, "Chart v3 seen; ")
    walk.pane.notes.insertPlainText("مراجعة ✅")  # QTest cannot type non-Latin-1 keys
    qtbot.keyClick(walk.pane.notes, Qt.Key.Key_Down, ALT)
    assert walk.current_question == "ORG-02"
    assert walk.pane.notes.hasFocus()  # the focus stays where the auditor types
    assert response(db, "ORG-01").notes == "Chart v3 seen; مراجعة ✅"


def test_notes_autosave_after_a_pause(qtbot, db, window):
    walk = window.workspace.walk
    walk.focus_notes()
    qtbot.keyClicks(walk.pane.notes, "typed")
    qtbot.waitUntil(lambda: response(db, "ORG-01") is not None, timeout=5000)
    assert response(db, "ORG-01").notes == "typed"


def test_bad_notes_are_refused_with_a_message_and_change_nothing(qtbot, db, window):
    walk = window.workspace.walk
    walk.pane.notes.setPlainText("bell \x07 character")
    walk.pane.notes.commit()
    assert "control characters" in walk.messages.text().lower()
    assert response(db, "ORG-01") is None


def test_raise_finding_prefilled_from_the_question(qtbot, db, window):
    walk = window.workspace.walk
    qtbot.keyClick(walk.tree, Qt.Key.Key_3, CTRL)

    def fill(dialog):
        assert isinstance(dialog, FindingDialog)
        form = dialog.form
        qtbot.waitUntil(form.title.hasFocus)  # the dialog may be activated a moment later
        assert form.chosen_references() == ["ICH E6(R2) 5.1.1", "ICH E6(R3) 3.2"]
        assert form.questions.text() == "ORG-01"
        assert form.area.currentData() == "ORG"
        qtbot.keyClicks(form.title, "No approved organisation chart")
        form.grade_buttons["major"].setChecked(True)
        assert "might adversely affect" in form.definition.text()  # definition when grading
        assert form.due_days_value() == 30  # defaulted from the classification
        dialog.commit()  # major without impact: refused
        assert "impact" in form.errors.text("impact").lower()  # beside the field
        assert form.impact.hasFocus()
        with db.session() as s:
            assert s.scalar(select(Finding)) is None
        form.impact.setPlainText("Oversight of delegated tasks cannot be shown.")
        dialog.commit()
        assert not dialog.isVisible()

    run_modal(lambda: qtbot.keyClick(walk.tree, Qt.Key.Key_R, CTRL), fill)
    with db.session() as s:
        finding = s.scalar(select(Finding))
        assert (finding.number, finding.classification, finding.area) == (1, "major", "ORG")
        assert finding.question_ids_json == '["ORG-01"]'
        assert (finding.capa_due_days, finding.capa_due_date) == (30, None)  # after issue
    assert "F-01" in walk.pane.findings.text()
    # Back to where the auditor was (focusWidget: offscreen windows are not re-activated).
    # Focus returns after the dialog's event loop ends, which can take a moment under load.
    qtbot.waitUntil(lambda: window.focusWidget() is walk.pane.notes, timeout=3000)
