"""The auditor's judgement, the pre-issue contradictions, critical-finding escalation and the
audit certificate, through the real widgets (issue 14 part A, issue 15)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_helpers import OFFSCREEN_NOISE, new_window, run_modal

from auditapp.core import audits, findings, judgement
from auditapp.core.workspace import FindingState
from auditapp.reports import signed_files, signoff

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

REF = "AUD-2026-001"
PASSWORD = "demo-password-1"
SLOW_MS = 120_000


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    window = new_window(qtbot, demo_db, tmp_path / "layout.ini", actor="demo.lead")
    window.open_audit(REF, wait=True)
    yield window
    window.tasks.wait(SLOW_MS)


def test_the_panel_lists_every_contradiction(qtbot, demo_db, window) -> None:
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, REF)
        first = findings.finding_questions(findings.get_finding(s, audit, 1))[0]
        linked = {q for f in audit.findings for q in findings.finding_questions(f)}
        free = next(q.id for q in audits.audit_checklist(audit).questions if q.id not in linked)
        audits.set_response(s, audit, first, result="compliant", notes="")
        audits.set_response(s, audit, free, result="non_compliant", notes="")
        judgement.set_judgement(s, audit, overall_rating="approved", conclusion="")
        findings.update_finding(s, audit, 3, capa_due_date=dt.date(2026, 1, 2))
        findings.update_finding(s, audit, 2, sponsor_informed_on=None)
        audit.team.remove(next(m for m in audit.team if m.role == "lead"))
    panel = window.signoff.check()
    messages = {(p.target, p.message) for p in panel.model.problems()}
    targets = [t for t, _ in messages]
    assert sorted(targets) == sorted(
        ["team", "overall_rating", "conclusion", first, free, "F-02", "F-03"]
    )
    text = " | ".join(m for _, m in messages)
    assert "answered compliant, but finding F-01" in text
    assert "no finding and no note why" in text
    assert "contradicts the critical finding(s) F-01, F-02" in text
    assert "is before the report date" in text
    assert "the lead auditor Dr. Anna Becker is not in the audit team table" in text
    assert "the overall conclusion is empty" in text
    assert "the date the sponsor was told" in text
    assert "7 problem" in panel.summary.text()  # plural form: test_translations
    panel.close()


def test_the_conclusion_page_edits_the_judgement_and_a_jump_opens_it(
    qtbot, demo_db, window
) -> None:
    seen: dict[str, object] = {}

    def fill(dialog) -> None:
        assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Conclusion"
        assert dialog.focusWidget() is dialog.conclusion
        seen["outcomes"] = [dialog.outcome.itemData(i) for i in range(dialog.outcome.count())]
        dialog.audit_type.setCurrentIndex(dialog.audit_type.findData("for_cause"))
        seen["for_cause"] = [dialog.outcome.itemData(i) for i in range(dialog.outcome.count())]
        dialog.audit_type.setCurrentIndex(dialog.audit_type.findData("vendor_qualification"))
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("not_approved"))
        dialog.conclusion.setPlainText("Not approved: two critical findings stand.")
        dialog.distribution.setPlainText("Sponsor QA\nAudit file")
        dialog.commit()
        assert not dialog.isVisible(), dialog.messages.text()

    run_modal(lambda: window.edit_details("conclusion"), fill)
    assert seen["outcomes"] == ["", "approved", "approved_with_conditions", "not_approved"]
    assert seen["for_cause"] == ["", "acceptable", "acceptable_with_improvements", "not_acceptable"]
    with demo_db.session() as s:
        audit = audits.get_audit(s, REF)
        assert audit.overall_rating == "not_approved"
        assert audit.conclusion == "Not approved: two critical findings stand."
        assert audit.distribution == "Sponsor QA\nAudit file"
        assert audit.sampling.startswith("Risk-based")  # untouched fields stay


def test_raising_a_critical_finding_prompts_for_the_escalation(qtbot, demo_db, window) -> None:
    from auditapp.ui.finding_dialog import FindingDialog

    editor = window.workspace.editor
    dialog = FindingDialog(
        editor, FindingState(0, 0, "", "", area="CSV"), suggested=[], language="en", parent=window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.title.setText("Backups never restore-tested")
    form.grade_buttons["critical"].setChecked(True)
    assert form.escalation.isVisibleTo(dialog)
    assert form.due_days_value() == 15
    form.impact.setPlainText("Trial data may be lost.")
    dialog.commit()
    assert dialog.isVisible() and "told to the sponsor at once" in dialog.form.errors.text(
        "escalation"
    )
    form.escalation.informed_on.edit.setText(dt.date.today().isoformat())
    form.escalation.informed_on.edit.editingFinished.emit()
    form.escalation.informed_to.setText("Dr. Miriam Hoffmann, by phone")
    form.escalation.breach.setCurrentIndex(form.escalation.breach.findData("possible_breach"))
    dialog.commit()
    assert not dialog.isVisible()
    with demo_db.session() as s:
        f = findings.get_finding(s, audits.get_audit(s, REF), dialog.number)
        assert f.classification == "critical" and f.capa_due_days == 15
        assert f.sponsor_informed_to == "Dr. Miriam Hoffmann, by phone"
        assert f.sponsor_informed_on == dt.date.today()
        assert f.breach_assessment == "possible_breach"
        assert findings.missing_escalation(f) == []


@pytest.mark.slow
def test_the_certificate_is_signed_from_the_audit_menu(
    qtbot, demo_db, window, tmp_path: Path
) -> None:
    refused = window.signoff.sign_certificate()
    assert refused is None  # draft report: refused with a message
    signoff.sign_report(demo_db, REF, username="demo.lead", password=PASSWORD, meaning="author")
    signoff.sign_report(demo_db, REF, username="demo.qa", password=PASSWORD, meaning="approver")
    window.open_audit(REF, wait=True)
    target = tmp_path / "certificate.pdf"
    window.signoff.ask_save_path = lambda _suggested, _filter: str(target)
    dialog = window.signoff.sign_certificate()
    assert "took place" in dialog.statement.text()
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=SLOW_MS)
    report = signed_files.verify_file(target, demo_db)  # trusted: a signer this database knows
    assert report.valid and [s.meaning for s in report.signatures] == ["certificate"]
