"""Auto-advance after answering (a setting) and a whole section Compliant in one undo step."""

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


def results(db) -> dict[str, str | None]:
    with db.session() as s:
        return {r.question_id: r.result for r in s.scalars(select(Response))}


def test_auto_advance_moves_on_after_compliant_only(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    walk = window.workspace.walk
    assert not walk.auto_advance.isChecked()  # off unless chosen
    walk.auto_advance.setChecked(True)
    assert walk.current_question == "ORG-01"
    qtbot.keyClick(walk.tree, Qt.Key.Key_3, CTRL)  # non-compliant: stays for notes
    assert walk.current_question == "ORG-01"
    qtbot.keyClick(walk.tree, Qt.Key.Key_1, CTRL)  # compliant: next question
    assert walk.current_question == "ORG-02"
    walk.auto_advance.setChecked(False)


def test_rest_of_section_compliant_with_confirmation_and_one_undo(qtbot, db, tmp_path):
    from auditapp.ui import i18n

    i18n.install("en")  # as the app does: English plural forms ("1 question", "2 questions")
    window, _ = audit_window(qtbot, db, tmp_path)
    walk = window.workspace.walk
    walk.select_question("ORG-02")
    walk.answer("non_compliant")  # already answered: stays
    walk.select_question("ORG-01")
    assert walk.remaining_in_section() == ["ORG-01"]
    walk.confirm = lambda _text: False
    assert not walk.section_compliant()
    assert results(db) == {"ORG-02": "non_compliant"}
    asked: list[str] = []
    walk.confirm = lambda text: asked.append(text) or True
    assert walk.section_compliant()
    assert asked[0].startswith("Answer 1 unanswered question of this section Compliant?")
    assert "\n\nORG-01\n\n" in asked[0]  # names the questions it will answer
    assert results(db) == {"ORG-01": "compliant", "ORG-02": "non_compliant"}
    window.undo_action.trigger()  # one step takes the batch back
    assert results(db) == {"ORG-02": "non_compliant"}  # ORG-01 has no answer row again
