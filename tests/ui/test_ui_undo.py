"""Undo is predictable: Ctrl+Z while typing undoes text; Ctrl+Shift+Z (Edit › Undo last change)
undoes the last saved change, typing included; Ctrl+Shift+Y redoes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, audit_window

from auditapp.core.models import Response

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def response(db, question_id="ORG-01"):
    with db.session() as s:
        return s.scalar(select(Response).where(Response.question_id == question_id))


@pytest.fixture
def window(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    return window


def test_ctrl_z_in_notes_undoes_typing_not_the_answer(qtbot, db, window):
    walk = window.workspace.walk
    qtbot.keyClick(walk.tree, Qt.Key.Key_1, CTRL)
    assert response(db).result == "compliant"
    notes = walk.pane.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, "abc")
    qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL)
    assert notes.toPlainText() != "abc"  # the typing was undone
    assert response(db).result == "compliant"  # the answer was not
    # Nothing to undo in the text any more: Ctrl+Z still does not touch the answer.
    for _ in range(4):
        qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL)
    assert response(db).result == "compliant"


def test_ctrl_shift_z_in_notes_undoes_the_last_saved_change(qtbot, db, window):
    walk = window.workspace.walk
    qtbot.keyClick(walk.tree, Qt.Key.Key_3, CTRL)
    notes = walk.pane.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    qtbot.keyClicks(notes, "Org chart missing")
    assert window.undo_action.isEnabled()
    qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL | SHIFT)
    # The typing was saved and then undone as one change; the answer stays.
    row = response(db)
    assert row.result == "non_compliant" and row.notes == ""
    assert notes.toPlainText() == ""
    qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL | SHIFT)
    assert response(db) is None  # undoing the first answer leaves no row, as before it
    qtbot.keyClick(notes, Qt.Key.Key_Y, CTRL | SHIFT)
    assert response(db).result == "non_compliant"


def test_edit_menu_names_what_undo_will_undo(qtbot, db, window):
    walk = window.workspace.walk
    qtbot.keyClick(walk.tree, Qt.Key.Key_1, CTRL)
    assert window.undo_action.text().startswith("&Undo: ")
    assert window.undo_action.shortcut().toString() == "Ctrl+Shift+Z"
    window.undo_action.trigger()
    assert response(db) is None
    assert window.redo_action.text().startswith("&Redo: ")
