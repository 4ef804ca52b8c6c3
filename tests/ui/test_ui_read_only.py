"""A locked audit: a banner says so and no editor accepts input."""

from __future__ import annotations

import pytest
from audit_factory import make_audit, make_user
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit
from sqlalchemy import select
from ui_helpers import OFFSCREEN_NOISE, new_window

from auditapp.core.models import Audit, Response

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

CTRL = Qt.KeyboardModifier.ControlModifier


def test_locked_audit_is_read_only_everywhere(qtbot, db, tmp_path):
    make_user(db)
    reference = make_audit(db, audit_type="pre_inspection")
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    window.open_audit(reference, wait=True)
    workspace = window.workspace
    assert workspace.editor.add_finding({"title": "Old finding", "classification": "minor"})
    with db.session(actor="anna", reason="test: as after the author's signature") as s:
        s.scalar(select(Audit)).locked = True
    window.open_audit(reference, wait=True)
    workspace = window.workspace

    assert workspace.lock_banner.isVisible()
    assert "read only" in workspace.lock_banner.text()
    assert "report version 1" in workspace.subtitle.text()  # in the header
    pane = workspace.walk.pane
    assert all(not b.isEnabled() for b in pane.answer_group.buttons())
    assert pane.notes.isReadOnly() and not pane.raise_button.isEnabled()
    # Typing is not accepted, and the answer keys do nothing (no refused edit either).
    pane.notes.setFocus()
    qtbot.keyClicks(pane.notes, "typed")
    assert pane.notes.toPlainText() == ""
    qtbot.keyClick(workspace.walk.tree, Qt.Key.Key_1, CTRL)
    with db.session() as s:
        assert s.scalar(select(Response)) is None
    assert not workspace.walk.messages.isVisible()

    findings = workspace.findings
    workspace.tabs.setCurrentWidget(findings)
    findings.table.selectRow(0)
    assert findings.form.isVisible()
    assert not findings.new_button.isEnabled() and not findings.delete_button.isEnabled()
    assert all(
        box.isReadOnly()
        for box in [
            *findings.form.findChildren(QLineEdit),
            *findings.form.findChildren(QPlainTextEdit),
        ]
    )
    assert not any(b.isEnabled() for b in findings.form.findChildren(QAbstractButton))
    registers = workspace.registers
    assert not any(b.isEnabled() for b in registers.findChildren(QAbstractButton))
    assert all(box.isReadOnly() for box in registers.findChildren(QLineEdit))
    window.resize(1366, 768)
    workspace.tabs.setCurrentWidget(workspace.walk)
    window.grab().save(str(tmp_path / "locked.png"))
