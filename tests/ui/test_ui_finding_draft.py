"""Raise finding: Enter in "Add a reference" adds it; closing a draft asks; drafts per question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select
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
    return window


def _findings(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Finding))


def _answer_draft_question(choice: str) -> None:
    """Click choice ('keep', 'discard', 'continue') in the question that comes up."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        names = {"keep": "&Keep draft", "discard": "&Discard", "continue": "&Continue editing"}
        next(b for b in box.buttons() if b.text() == names[choice]).click()

    QTimer.singleShot(20, click)


def test_enter_in_add_a_reference_adds_it_and_does_not_raise(qtbot, db, window):
    workspace = window.workspace

    def fill(dialog):
        form = dialog.form
        qtbot.keyClicks(form.title, "Training records incomplete")
        form.grade_buttons["minor"].setChecked(True)
        form.reference_input.setFocus()
        qtbot.keyClicks(form.reference_input, "ICH E6(R3) 3.9")
        qtbot.keyClick(form.reference_input, Qt.Key.Key_Return)
        assert dialog.isVisible()  # not submitted
        assert "ICH E6(R3) 3.9" in form.chosen_references()
        assert form.reference_input.text() == ""
        assert _findings(db) == 0
        dialog.commit()

    run_modal(lambda: workspace.raise_finding("ORG-01"), fill)
    assert _findings(db) == 1


def test_escape_on_a_draft_asks_and_keeps_it_for_the_question(qtbot, db, window):
    workspace = window.workspace

    def draft(dialog):
        qtbot.keyClicks(dialog.form.title, "Half-written finding")
        _answer_draft_question("continue")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()  # "continue editing" keeps the dialog open
        _answer_draft_question("keep")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()

    run_modal(lambda: workspace.raise_finding("ORG-01"), draft)
    assert _findings(db) == 0

    # Another question starts empty; the first one gets its draft back.
    run_modal(lambda: workspace.raise_finding("ORG-02"), lambda dialog: assert_empty(dialog))

    def restored(dialog):
        assert dialog.form.title.text() == "Half-written finding"
        assert dialog.form.questions.text() == "ORG-01"
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # unchanged since restored: closes, kept
        assert not dialog.isVisible()

    run_modal(lambda: workspace.raise_finding("ORG-01"), restored)

    def discard(dialog):
        assert dialog.form.title.text() == "Half-written finding"
        dialog.form.title.setText("Half-written finding, more")
        _answer_draft_question("discard")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()

    run_modal(lambda: workspace.raise_finding("ORG-01"), discard)
    run_modal(lambda: workspace.raise_finding("ORG-01"), lambda dialog: assert_empty(dialog))
    assert _findings(db) == 0


def assert_empty(dialog) -> None:
    assert dialog.form.title.text() == ""
    qtbot_free_close(dialog)


def qtbot_free_close(dialog) -> None:
    dialog.reject()  # nothing drafted: closes without asking
    assert not dialog.isVisible()
