"""The docked live report preview renders off the GUI thread, debounced after edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import OFFSCREEN_NOISE, audit_window

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.slow
def test_live_preview_follows_edits_debounced(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    dock = window.preview_dock
    assert not dock.isVisible()
    dock._timer.setInterval(100)
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: dock.renderings == 1, timeout=60_000)
    assert dock.preview.document.pageCount() > 0
    walk = window.workspace.walk
    # Three quick edits: one rendering, not three.
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(walk.tree, key, CTRL)
    qtbot.waitUntil(lambda: dock.renderings == 2, timeout=60_000)
    qtbot.wait(600)
    assert dock.renderings == 2
    assert "Updated" in dock.state.text()
    window.tasks.wait(30_000)
