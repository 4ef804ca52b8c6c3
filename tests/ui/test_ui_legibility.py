"""What an auditor must be able to read on a small screen: progress, titles, question text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar
from ui_helpers import OFFSCREEN_NOISE, audit_window

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def test_progress_is_said_beside_the_bar_not_over_its_fill(qtbot, db, tmp_path):
    window, _ = audit_window(qtbot, db, tmp_path)
    ws = window.workspace
    assert ws.progress_text.text() == "0 of 3 answered"
    qtbot.keyClick(ws.walk.tree, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert ws.progress.value() == 1
    assert ws.progress_text.text() == "1 of 3 answered"
    export = window.signoff.export()
    export.set_busy(True)
    export._progressed(40, 100, "")
    assert export.progress_text.isVisible() and "40 %" in export.progress_text.text()
    export.set_busy(False)
    bars = window.findChildren(QProgressBar) + export.findChildren(QProgressBar)
    assert len(bars) >= 4  # header, status bar, evidence import, export
    for bar in bars:
        # Text over the fill is half white on blue, half dark on the groove.
        assert not bar.isTextVisible(), bar.parent()
    export.reject()
