"""The lead resolves a real merge conflict in the GUI: both values side by side, who and when."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from ui_helpers import new_window

from auditapp.core import findings
from auditapp.core.trail_query import audit_trail
from auditapp.ui.team_dialogs import ConflictDialog, HandOutDialog
from tests.audit_factory import PASSWORD
from tests.core.test_team import check_final, first_round, make_conflict, three_sites
from tests.team_factory import REFERENCE, make_site

# Set to a folder to refresh the screenshots of docs/team.md.
SHOTS = os.environ.get("AUDITAPP_DOC_SHOTS")


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


@pytest.fixture
def team(tmp_path, empty_template, fast_crypto):
    yield from three_sites(tmp_path, empty_template)


def test_conflict_resolved_in_the_dialog(qtbot, tmp_path, team):
    """The whole day: a lead and two co-auditors on three databases, two rounds of packages,
    and the one real conflict (finding F-01's impact) resolved by the lead in the dialog."""
    lead, bea, carl = team
    first_round(lead, bea, carl)
    back = make_conflict(lead, bea, carl)
    window = new_window(qtbot, lead.db, tmp_path / "layout.ini", actor="lena")
    window.resize(1366, 768)
    window.open_audit(REFERENCE, wait=True)
    team_actions = window.team
    assert team_actions.merge_action in window.audit_menu.actions()
    team_actions.update_actions()  # the lead's copy: handed out, not handed back
    assert team_actions.hand_out_action.isEnabled()
    assert not team_actions.hand_back_action.isEnabled()

    handout = team_actions.hand_out()
    assert isinstance(handout, HandOutDialog)
    handout.to_edit.setText("carl")
    handout.area_list.item(0).setCheckState(Qt.CheckState.Checked)
    handout.path_edit.setText(str(tmp_path / "carl-3.teampkg"))
    shot(handout, "team-hand-out.png")
    team_actions.ask_password = lambda: PASSWORD
    handout.accept()
    assert (tmp_path / "carl-3.teampkg").stat().st_size > 0
    assert "handed out to carl (ORG" in team_actions.summary.text()
    team_actions.summary.done(0)

    dialog = team_actions.merge(back)  # Bea's certificate is known from her first package
    assert isinstance(dialog, ConflictDialog)
    ((conflict_id, _choice),) = dialog.choices.items()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Staff may follow withdrawn SOPs." in texts and "Obsolete procedures in use." in texts
    assert any(t.startswith("<i>bea, ") for t in texts)
    assert any(t.startswith("<i>lena, ") for t in texts)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a decision for each conflict first
    dialog.resize(1000, 520)
    shot(dialog, "team-conflict.png")
    dialog.choose(conflict_id, "edit", "Staff may follow obsolete, withdrawn SOPs.")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: team_actions.summary is not None and team_actions.summary.isVisible())
    text = team_actions.summary.text()
    assert "Changed values: 1" in text and "Your decisions" in text
    shot(team_actions.summary, "team-merge-summary.png")
    team_actions.summary.done(0)
    check_final(lead)
    with lead.session() as s:
        audit = lead.audit(s)
        assert (
            findings.get_finding(s, audit, 1).impact == "Staff may follow obsolete, withdrawn SOPs."
        )
        rows = audit_trail(s, audit.id)
        assert any(r.action == "merge" and r.user == "lena" for r in rows)
    if SHOTS:  # the merged audit's trail in the lead's window: each contributor by name
        window.workspace.tabs.setCurrentWidget(window.workspace.trail)
        qtbot.wait(300)
        shot(window, "team-merged-trail.png")


def test_co_auditor_opens_a_hand_out_from_the_file_menu(
    qtbot, tmp_path, empty_template, fast_crypto
):
    lead = make_site(tmp_path, "lead", "lena", "Lena Lead", template=empty_template, audit=True)
    bea = make_site(tmp_path, "bea", "bea", "Bea Berger", template=empty_template)
    handout = lead.hand_out("bea", areas=("CSV",))
    window = new_window(qtbot, bea.db, tmp_path / "layout.ini", actor="bea")
    actions = window.team
    assert actions.merge_action.isEnabled()  # no audit open yet: File menu
    actions.ask = lambda text: True
    assert actions.merge(handout) is None  # nothing to resolve
    qtbot.waitUntil(lambda: actions.summary is not None and actions.summary.isVisible())
    assert "Your checklist areas: CSV" in actions.summary.text()
    assert window.editor is not None and window.editor.state.reference == REFERENCE
    actions.update_actions()  # a working copy: handed back, not handed out
    assert actions.hand_back_action.isEnabled() and not actions.hand_out_action.isEnabled()
    actions.summary.done(0)
    actions.ask_password = lambda: "wrong password"
    target = tmp_path / "back.teampkg"
    actions.hand_back(target)  # refused: nothing written, the reason shown
    assert not target.exists() and "wrong username or password" in actions.summary.text()
    actions.summary.done(0)
    actions.ask_password = lambda: PASSWORD
    assert actions.hand_back(target) == target and target.stat().st_size > 0
    assert "handed back" in actions.summary.text()
    actions.summary.done(0)
