"""The search box of the audit list finds text in every audit and opens the audit at the item."""

from __future__ import annotations

import pytest
from audit_factory import make_audit, make_user
from ui_helpers import OFFSCREEN_NOISE, new_window

from auditapp.core import audits, findings
from auditapp.ui.search_results import HIT_ROLE

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]


def test_search_box_lists_hits_and_opens_the_audit_at_the_finding(qtbot, db, tmp_path):
    make_user(db)
    first = make_audit(db, reference="AUD-2026-001", audit_type="pre_inspection")
    second = make_audit(db, reference="AUD-2026-002", audit_type="pre_inspection")
    with db.session(actor="anna") as s:
        audit = audits.get_audit(s, second)
        findings.add_finding(s, audit, title="Unrelated gap", classification="minor")
        findings.add_finding(
            s,
            audit,
            title="Archive humidity not monitored",
            classification="major",
            observation="No hygrometer",
            impact="Paper decay",
        )
        question = audits.audit_checklist(audit).questions[1].id
        audits.set_response(s, audit, question, result="compliant", notes="Hygrometer calibrated")
        audits.set_response(
            s, audits.get_audit(s, first), question, result="compliant", notes="Fine"
        )
    window = new_window(qtbot, db, tmp_path / "layout.ini")
    page = window.list_page

    qtbot.keyClicks(page.search, "hygro")
    qtbot.waitUntil(lambda: page.hits_model.rowCount() == 2)
    assert page.hits.isVisible()
    found = {page.hits_model.index(r, 0).data(HIT_ROLE) for r in range(2)}
    assert found == {(second, "finding", "F-02"), (second, "answer", question)}

    row = next(r for r in range(2) if page.hits_model.hits[r].kind == "finding")
    page.hits.activated.emit(page.hits_model.index(row, 0))
    ws = window.workspace
    assert ws is not None and window.editor.state.reference == second
    assert ws.tabs.currentWidget() is ws.findings and ws.findings.current_number == 2

    window.show_list()
    page.search.clear()
    qtbot.keyClicks(page.search, "hygrometer calib")
    qtbot.waitUntil(lambda: page.hits_model.rowCount() == 1)
    page.hits.activated.emit(page.hits_model.index(0, 0))
    assert window.workspace.tabs.currentWidget() is window.workspace.walk
    assert window.workspace.walk.current_question == question

    window.show_list()
    page.search.clear()
    qtbot.keyClicks(page.search, "zzzqx")
    qtbot.waitUntil(lambda: page.hits_model.rowCount() == 0 and page.hits_label.isVisible())
    assert not page.hits.isVisible() and "No finding" in page.hits_label.text()
