"""The CAPA view through the real widgets: status and overdue flags, one step recorded from the
editor (and one refused), the filled form imported only after its preview is confirmed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from ui_helpers import OFFSCREEN_NOISE, new_window

from auditapp.core import audits, capa, findings
from auditapp.reports import capa_form
from auditapp.ui.capa_model import CapaTableModel, read_rows
from auditapp.ui.capa_view import CapaDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

# Screenshots for docs/ only when asked for (AUDITAPP_DOC_SHOTS=folder); a test run changes no
# tracked file.
SHOTS = os.environ.get("AUDITAPP_DOC_SHOTS")


def _reference(db) -> str:
    with db.session() as s:
        return audits.summaries(s)[0].reference


def test_model_shows_state_due_date_and_overdue_flag(demo_db) -> None:
    ref = _reference(demo_db)
    past = dt.date.today() - dt.timedelta(days=3)
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        capa.respond(
            s, audit, 1, root_cause="No SOP", corrective_action="Write one", target_date=past
        )
        capa.assess(s, audit, 1, decision="accepted")
        rows = read_rows(s, audit, "en")
    model = CapaTableModel()
    model.set_rows(rows)
    assert model.rowCount() == len(rows) and model.columnCount() == 6
    first = model.index(0, 3)
    assert model.data(first) == "Accepted: in implementation"
    assert model.data(model.index(0, 5)) == "implementation"
    assert model.data(model.index(1, 3)) == "Awaiting CAPA plan"
    assert "Plan accepted" in rows[0].history[-1] and "demo.lead" in rows[0].history[-1]


def test_capa_view_records_a_step_and_imports_the_form_after_the_preview(
    qtbot, demo_db, tmp_path
) -> None:
    window = new_window(qtbot, demo_db, tmp_path / "layout.ini", actor="demo.lead")
    ref = _reference(demo_db)
    window.open_audit(ref, wait=True)
    assert window.capa_action.isEnabled()
    window.capa_action.trigger()
    dialog: CapaDialog = window.capa_dialog
    qtbot.addWidget(dialog)
    # A refused step: assessing before any plan came in changes nothing and says why.
    dialog.editor.kind.setCurrentIndex(1)
    assert not dialog.record_step()
    assert "cannot assess" in dialog.error.text()
    # A plan typed in the editor.
    dialog.table.selectRow(0)
    dialog.editor.kind.setCurrentIndex(0)
    dialog.editor.root_cause.setPlainText("The SOP did not cover audit trail review")
    dialog.editor.corrective.setPlainText("Revise the SOP and train")
    dialog.editor.owner.setText("Head of data management")
    dialog.editor.target.set_value(dt.date.today() + dt.timedelta(days=45))
    assert dialog.record_step(), dialog.error.text()
    assert dialog.model.rows[0].state == "response_received"
    assert "SOP did not cover" in dialog.history.toPlainText()

    # The filled form: a cancelled preview records nothing; a confirmed one records the rest.
    with demo_db.session() as s:
        data = capa_form.export_capa_form(s, ref, "xlsx", "en")
    form = tmp_path / "back.xlsx"
    form.write_bytes(data)
    book = load_workbook(form)
    sheet = book.worksheets[0]
    for row in range(3, sheet.max_row + 1):
        sheet.cell(row, 6).value = "Root cause"
        sheet.cell(row, 8).value = "Corrective action"
        sheet.cell(row, 11).value = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    book.save(form)
    seen: list[str] = []

    def cancel(d) -> bool:
        seen.append(d.lines.toPlainText())
        return False

    assert not dialog.import_path(form, confirm=cancel)
    assert "new CAPA plan" in seen[0] and "F-01: unchanged" in seen[0]
    assert [r.state for r in dialog.model.rows][1:] == ["awaiting_response"] * (
        len(dialog.model.rows) - 1
    )
    assert dialog.import_path(form, confirm=lambda d: True), dialog.error.text()
    assert {r.state for r in dialog.model.rows} == {"response_received"}

    # Response dates as after issue, one of them past: the rejected plan's revision is overdue.
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        for row in dialog.model.rows:
            days = -2 if row.number == 2 else 14 + row.number
            findings.update_finding(
                s, audit, row.number, capa_due_date=dt.date.today() + dt.timedelta(days=days)
            )
        capa.assess(s, audit, 2, decision="rejected", reason="Root cause not analysed")
        capa.assess(s, audit, 3, decision="accepted")
        capa.extend(
            s,
            audit,
            3,
            new_date=dt.date.today() + dt.timedelta(days=60),
            reason="Supplier delay",
            approver="Sponsor QA",
        )
    dialog.reload(keep=2)
    assert dialog.model.data(dialog.model.index(1, 5)) == "response"
    assert "1 overdue" in dialog.summary.text()
    window.resize(1366, 768)
    dialog.resize(1366, 740)
    dialog.show()
    qtbot.waitExposed(dialog)
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "screenshot-capa-view.png"))


def test_a_finding_is_offered_earlier_findings_of_the_same_cro_and_linked(
    qtbot, demo_db, tmp_path
) -> None:
    from auditapp.core import checklists

    earlier = _reference(demo_db)
    with demo_db.session(actor="demo.lead") as s:
        first = audits.get_audit(s, earlier)
        audit = audits.create_audit(
            s,
            title="Re-qualification",
            audit_type="vendor_qualification",
            checklist=checklists.get(s, first.snapshot.checklist_id),
            auditee=first.auditee,
            reference="AUD-2027-002",
            planned_start=dt.date(2027, 11, 1),
        )
        findings.add_finding(
            s, audit, title="Audit trail of the EDC disabled again", classification="minor"
        )
    window = new_window(qtbot, demo_db, tmp_path / "layout.ini", actor="demo.lead")
    window.open_audit("AUD-2027-002", wait=True)
    page = window.workspace.findings
    window.workspace.tabs.setCurrentWidget(page)
    page.select(1)
    panel = window.workspace.repeat_panel
    qtbot.waitUntil(lambda: not panel.pending)  # looked up once the auditor stops on it
    assert panel.number == 1 and panel.offers.count() >= 1
    assert panel.offers.item(0).data(0x0100) == f"{earlier} F-01"  # Qt.UserRole
    panel.offers.setCurrentRow(0)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "screenshot-repeat-finding.png"))
    assert panel.link_current()
    with demo_db.session() as s:
        linked = findings.get_finding(s, audits.get_audit(s, "AUD-2027-002"), 1)
        assert linked.repeat_finding and linked.repeat_of == f"{earlier} F-01"
    assert "Repeats" in panel.linked.text() and page.form.repeat.isChecked()
    window.undo_stack.undo()
    with demo_db.session() as s:
        unlinked = findings.get_finding(s, audits.get_audit(s, "AUD-2027-002"), 1)
        assert not unlinked.repeat_finding and unlinked.repeat_of is None


@pytest.mark.slow
def test_closure_letter_is_signed_from_the_capa_view_once_every_finding_is_closed(
    qtbot, demo_db, tmp_path
) -> None:
    from auditapp.reports import closure_letter, pades, signoff

    ref = _reference(demo_db)
    password = "demo-password-1"
    signoff.sign_report(demo_db, ref, username="demo.lead", password=password, meaning="author")
    signoff.sign_report(demo_db, ref, username="demo.qa", password=password, meaning="approver")
    dialog = CapaDialog(demo_db, "demo.lead", ref)
    qtbot.addWidget(dialog)
    assert not dialog.closure_button.isEnabled()
    later = dt.date.today() + dt.timedelta(days=30)
    with demo_db.session(actor="demo.lead") as s:
        audit = audits.get_audit(s, ref)
        for row in dialog.model.rows:
            capa.respond(
                s,
                audit,
                row.number,
                root_cause="Cause",
                corrective_action="Action",
                target_date=later,
            )
            capa.assess(s, audit, row.number, decision="accepted")
            capa.add_evidence(s, audit, row.number, text="Records")
            capa.close(s, audit, row.number)
    dialog.reload()
    assert dialog.closure_button.isEnabled()
    target = tmp_path / "letter.pdf"
    dialog.ask_save_path = lambda _name: str(target)
    signer = dialog.sign_closure_letter()
    signer.password.setText("wrong-password")
    signer.submit()
    assert signer.isVisible() and signer.messages.isVisible()
    signer.password.setText(password)
    signer.submit()
    assert signer.result is not None and target.is_file()
    report = pades.verify_pdf(target.read_bytes())
    assert [s.meaning for s in report.signatures] == ["closure"]
    assert closure_letter.signed_closure_letter(demo_db, ref) == target.read_bytes()
    with demo_db.session() as s:
        assert audits.get_audit(s, ref).status == "closed"
