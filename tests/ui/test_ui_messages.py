"""Messages: in sentences, next to what was pressed, never moving the layout; plural forms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from ui_helpers import OFFSCREEN_NOISE, audit_window

from auditapp.ui import i18n
from auditapp.ui.widgets import as_sentence

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def test_back_end_fragments_become_sentences():
    assert (
        as_sentence("password too short: at least 10 characters")
        == "Password too short: at least 10 characters."
    )
    assert (
        as_sentence("wrong username or password (1 attempt left)")
        == "Wrong username or password (1 attempt left)."
    )
    assert as_sentence("Already a sentence.") == "Already a sentence."


def test_a_message_in_the_walk_does_not_move_the_tree_or_buttons(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    walk = window.workspace.walk
    tree_before = walk.tree.mapTo(window, walk.tree.rect().topLeft())
    button = walk.pane.answer_buttons["compliant"]
    button_before = button.mapTo(window, button.rect().topLeft())
    walk.messages.show_error("control characters are not allowed in notes")
    qtbot.waitUntil(walk.messages.isVisible)
    assert walk.messages.text() == "Control characters are not allowed in notes."
    assert walk.tree.mapTo(window, walk.tree.rect().topLeft()) == tree_before
    assert button.mapTo(window, button.rect().topLeft()) == button_before
    assert walk.messages.geometry().width() > 100  # laid over the page, readable
    walk.messages.clear_message()
    assert walk.tree.mapTo(window, walk.tree.rect().topLeft()) == tree_before


def test_raise_finding_refusal_shows_beside_the_buttons(qtbot, db, tmp_path):
    from ui_helpers import run_modal

    window, _ = audit_window(qtbot, db, tmp_path)

    def fill(dialog):
        dialog.form.title.setText("Organisation chart not approved")
        dialog.form.grade_buttons["minor"].click()
        editor = dialog._editor
        # A refusal of the whole finding (not of one field) from the core.
        editor.add_finding = lambda _values: (
            editor.edit_refused.emit("the audit is locked"),
            None,
        )[1]
        dialog.commit()
        assert dialog.messages.isVisible()
        assert dialog.messages.text() == "The audit is locked."
        assert not dialog.form.errors.shown()
        assert dialog.messages.geometry().bottom() <= dialog.buttons.geometry().top()
        assert dialog.messages.geometry().top() > dialog.height() // 2

    run_modal(lambda: window.workspace.raise_finding("ORG-01"), fill)


@pytest.mark.parametrize(
    ("n", "english"), [(1, "1 of 1 question answered"), (3, "2 of 3 questions answered")]
)
def test_plural_forms_in_english(qtbot, n, english):
    i18n.install("en")
    text = QCoreApplication.translate("ChecklistModel", "%1 of %n question(s) answered", "", n)
    assert text.replace("%1", str(min(n, 2))) == english


def test_no_not_assessed_shorthand_with_a_question_mark():
    from auditapp.ui import labels

    assert "?" not in labels.result_short("not_assessed")
