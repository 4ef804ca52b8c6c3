"""The lead resolves a real merge conflict in the GUI: both values side by side, who and when."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from ui_helpers import new_window

from auditapp.core import findings
from auditapp.core.trail_query import audit_trail
from auditapp.ui.team_dialogs import ConflictDialog, HandOutDialog
from tests.team_factory import REFERENCE, make_site

# Set to a folder to refresh the screenshots of docs/team.md.
SHOTS = os.environ.get("AUDITAPP_DOC_SHOTS")


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def test_conflict_resolved_in_the_dialog(qtbot, tmp_path, fast_crypto):
    lead = make_site(tmp_path, "lead", "lena", "Lena Lead", audit=True)
    bea = make_site(tmp_path, "bea", "bea", "Bea Berger")
    with lead.session() as s:
        findings.add_finding(s, lead.audit(s), title="SOP index outdated", classification="minor")
    bea.merge(lead.hand_out("bea", areas=("CSV",), findings=(1,)), accept=lead.fingerprint())
    with bea.session() as s:
        findings.update_finding(s, bea.audit(s), 1, observation="Index v3 lists 4 withdrawn SOPs.")
        findings.add_finding(s, bea.audit(s), title="Audit trail disabled in LIMS",
                             classification="minor")
    with lead.session() as s:
        findings.update_finding(s, lead.audit(s), 1, observation="SOP index not maintained.")
    back = bea.hand_back()
    bea.db.close()

    window = new_window(qtbot, lead.db, tmp_path / "layout.ini", actor="lena")
    window.resize(1366, 768)
    window.open_audit(REFERENCE, wait=True)
    team = window.team
    assert team.merge_action in window.audit_menu.actions()

    handout = team.hand_out()
    assert isinstance(handout, HandOutDialog)
    handout.to_edit.setText("carl")
    handout.area_list.item(0).setCheckState(Qt.CheckState.Checked)
    shot(handout, "team-hand-out.png")
    handout.reject()

    asked: list[str] = []
    team.ask = lambda text: asked.append(text) or True  # compares the fingerprint, accepts
    dialog = team.merge(back)
    assert isinstance(dialog, ConflictDialog) and "Bea Berger" in asked[0]
    ((conflict_id, _choice),) = dialog.choices.items()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "SOP index not maintained." in texts and "Index v3 lists 4 withdrawn SOPs." in texts
    assert any(t.startswith("<i>bea, ") for t in texts) and any(t.startswith("<i>lena, ") for t in texts)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a decision for each conflict first
    dialog.resize(1000, 520)
    shot(dialog, "team-conflict.png")
    dialog.choose(conflict_id, "edit", "SOP index not maintained: v3 lists 4 withdrawn SOPs.")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: team.summary is not None and team.summary.isVisible())
    text = team.summary.text()
    assert "new findings: 1" in text and "Your decisions" in text
    shot(team.summary, "team-merge-summary.png")
    team.summary.done(0)
    if SHOTS:  # the merged audit's trail in the lead's window: each contributor by name
        window.workspace.tabs.setCurrentWidget(window.workspace.trail)
        qtbot.wait(300)
        shot(window, "team-merged-trail.png")
    with lead.session() as s:
        audit = lead.audit(s)
        assert findings.get_finding(s, audit, 1).observation == \
            "SOP index not maintained: v3 lists 4 withdrawn SOPs."
        assert [f.title for f in audit.findings][-1] == "Audit trail disabled in LIMS"
        rows = audit_trail(s, audit.id)
        assert any(r.action == "merge" and r.user == "lena" for r in rows)
        assert any(r.user == "bea" and r.new_value == "Audit trail disabled in LIMS" for r in rows)


def test_co_auditor_opens_a_hand_out_from_the_file_menu(qtbot, tmp_path, fast_crypto):
    lead = make_site(tmp_path, "lead", "lena", "Lena Lead", audit=True)
    bea = make_site(tmp_path, "bea", "bea", "Bea Berger")
    handout = lead.hand_out("bea", areas=("CSV",))
    window = new_window(qtbot, bea.db, tmp_path / "layout.ini", actor="bea")
    team = window.team
    assert team.merge_action.isEnabled()  # no audit open yet: File menu
    team.ask = lambda text: True
    assert team.merge(handout) is None  # nothing to resolve
    qtbot.waitUntil(lambda: team.summary is not None and team.summary.isVisible())
    assert "Your checklist areas: CSV" in team.summary.text()
    assert window.editor is not None and window.editor.state.reference == REFERENCE
    team.summary.done(0)
