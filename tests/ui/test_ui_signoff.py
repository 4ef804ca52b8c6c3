"""Pre-issue checks, the signature ceremony, verification and reopen, through the real widgets.

The demo audit passes the pre-issue checks; demo.lead is its lead auditor and author, demo.qa
the QA reviewer and approver (DESIGN.md, issue 7).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from ui_helpers import OFFSCREEN_NOISE, new_window

from auditapp.core import audits
from auditapp.core.models import Classification, Finding, Signature, User
from auditapp.reports import pades, signed_files
from tests.conftest import copy_signed_demo

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(OFFSCREEN_NOISE),
]

PASSWORD = "demo-password-1"
SLOW_MS = 120_000


def reference_of(db) -> str:
    with db.session() as s:
        return audits.summaries(s)[0].reference


def open_window(qtbot, db, tmp_path, actor="demo.lead"):
    window = new_window(qtbot, db, tmp_path / "layout.ini", actor=actor)
    window.open_audit(reference_of(db), wait=True)
    return window


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path)
    yield window
    window.tasks.wait(SLOW_MS)


def audit_row(db):
    with db.session() as s:
        audit = audits.get_audit(s, reference_of(db))
        return audit.locked, audit.report_version, audit.status


def signature_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Signature))


def failed_attempts(db, username="demo.lead") -> int:
    with db.session() as s:
        return s.scalar(select(User.failed_attempts).where(User.username == username))


def ready_to_sign(qtbot, dialog) -> None:
    qtbot.waitUntil(
        lambda: dialog.shown is not None or dialog.messages.isVisible(), timeout=SLOW_MS
    )


# --- pre-issue checks ----------------------------------------------------------------------------


def test_preissue_panel_lists_a_blanked_recommendation_and_jumps_to_it(qtbot, demo_db, window):
    workspace = window.workspace
    with demo_db.session() as s:
        number = s.scalar(
            select(Finding.number).where(Finding.classification == Classification.CRITICAL.value)
        )
    panel = window.signoff.check()
    # Warnings (here: no auditing organisation set) are listed but do not block.
    assert [p for p in panel.model.problems() if p.kind != "warning"] == []
    assert "Nothing blocks" in panel.summary.text()

    assert workspace.editor.update_finding(number, {"recommendation": ""})
    question = workspace.editor.state.checklist.questions[0].id
    assert workspace.editor.set_answer(question, None)
    panel.recheck.click()
    problems = panel.model.problems()
    kinds = {p.kind: p for p in problems}
    assert kinds["finding"].finding_number == number
    assert "recommendation" in kinds["finding"].message
    assert kinds["question"].target == question
    assert panel.model.item(0, 0).text().startswith("Checklist questions")

    workspace.tabs.setCurrentWidget(workspace.registers)
    finding_group = next(
        panel.model.item(r, 0)
        for r in range(panel.model.rowCount())
        if panel.model.item(r, 0).text().startswith("Findings")
    )
    panel.tree.setCurrentIndex(finding_group.child(0, 0).index())
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert workspace.tabs.currentWidget() is workspace.findings
    assert workspace.findings.current_number == number

    question_group = panel.model.item(0, 0)
    panel.tree.doubleClicked.emit(question_group.child(0, 1).index())
    assert workspace.tabs.currentWidget() is workspace.walk
    assert workspace.walk.current_question == question
    panel.close()


def test_a_field_problem_opens_the_audit_details(qtbot, window, monkeypatch):
    from auditapp.core.preissue import IssueProblem

    opened: list[str] = []
    monkeypatch.setattr(window.signoff, "_edit_details", opened.append)
    window.signoff.jump(IssueProblem("field", "scope", "the audit scope is empty"))
    assert opened == ["scope"]


# --- the ceremony -------------------------------------------------------------------------------


def test_a_wrong_password_signs_nothing_and_counts_an_attempt(qtbot, demo_db, window):
    before = audit_row(demo_db)
    dialog = window.signoff.sign()
    ready_to_sign(qtbot, dialog)
    assert dialog.shown is not None and dialog.sign_button.isEnabled()
    assert dialog.username.text() == "demo.lead" and dialog.password.text() == ""
    assert dialog.meaning == "author"
    assert "responsible for its content" in dialog.statement.text()
    assert dialog.shown.sha256[:32] in dialog.sha256.text()
    assert dialog.preview.ready and dialog.preview.page_count > 0

    dialog.password.setText("not-the-password")
    dialog.sign_button.click()
    assert dialog.password.text() == ""  # never kept, whatever happens next
    qtbot.waitUntil(lambda: "attempts left" in dialog.messages.text().lower(), timeout=SLOW_MS)
    assert dialog.messages.property("role") == "error"
    assert signature_count(demo_db) == 0
    assert audit_row(demo_db) == before
    assert failed_attempts(demo_db) == 1
    assert dialog.sign_button.isEnabled()
    dialog.reject()


def test_signing_locks_the_audit_and_the_gui_refuses_edits(qtbot, demo_db, window, tmp_path):
    dialog = window.signoff.sign()
    ready_to_sign(qtbot, dialog)
    dialog.docx.setChecked(True)
    dialog.password.setText(PASSWORD)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=SLOW_MS)
    assert "Dr. Anna Becker" in dialog.messages.text()
    with demo_db.session() as s:
        rows = list(s.scalars(select(Signature)))
        assert [(r.meaning, r.printed_name) for r in rows] == [("author", "Dr. Anna Becker")]
    locked, version, _status = audit_row(demo_db)
    assert locked and version == 1
    assert failed_attempts(demo_db) == 0

    # The workspace was reloaded: it says it is read only, and an edit is refused with a message.
    workspace = window.workspace
    assert workspace.editor.state.locked
    assert workspace.lock_banner.isVisible()
    assert not workspace.status.isEnabled()
    question = workspace.walk.current_question
    before = workspace.editor.answer(question)
    workspace.walk.answer("non_compliant")
    assert workspace.walk.messages.isVisible()
    assert "locked" in workspace.walk.messages.text().lower()
    assert workspace.editor.answer(question) == before

    target = tmp_path / "signed.pdf"
    dialog.ask_path = lambda _suggested, _filter: str(target)
    dialog.save_button.click()
    assert target.read_bytes() == dialog.result_.pdf_bytes
    assert (tmp_path / "signed.docx").is_file() and (tmp_path / "signed.docx.p7s").is_file()
    assert signed_files.verify_file(target, demo_db).valid
    assert signed_files.verify_file(tmp_path / "signed.docx", demo_db).valid
    dialog.reject()
    window.signoff.update_actions()
    assert window.signoff.reopen_action.isEnabled()


def test_the_ceremony_refuses_a_signer_without_authority_before_any_password(
    qtbot, demo_db, tmp_path
):
    window = open_window(qtbot, demo_db, tmp_path, actor="demo.qa")
    dialog = window.signoff.sign()
    ready_to_sign(qtbot, dialog)
    # Nothing is signed yet, so demo.qa can sign neither as author nor as approver.
    assert dialog.shown is None and not dialog.sign_button.isEnabled()
    assert "demo.qa" in dialog.messages.text().lower()
    dialog.reject()
    window.tasks.wait(SLOW_MS)


def test_the_approver_countersigns_and_the_audit_becomes_final(
    qtbot, author_signed_db, signed_pdf, tmp_path
):
    window = open_window(qtbot, author_signed_db, tmp_path, actor="demo.qa")
    dialog = window.signoff.sign()
    ready_to_sign(qtbot, dialog)
    assert dialog.meaning == "approver"
    author = next(b for b in dialog.meanings.buttons() if b.property("meaning") == "author")
    assert not author.isEnabled()
    # The countersigner sees the stored signed document, byte for byte.
    assert dialog.shown.pdf_bytes == signed_pdf.read_bytes()
    dialog.password.setText(PASSWORD)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=SLOW_MS)
    assert "final" in dialog.messages.text().lower()
    assert audit_row(author_signed_db) == (True, 1, "final")
    assert not author.isEnabled()
    dialog.reject()
    window.signoff.update_actions()
    assert not window.signoff.sign_action.isEnabled()
    assert window.signoff.reopen_action.isEnabled()
    window.tasks.wait(SLOW_MS)


# --- verification -------------------------------------------------------------------------------


@pytest.fixture
def signed_pdf(signed_demo, tmp_path) -> Path:
    """The demo report signed by demo.lead as author (the run's ``signed_demo``: the same
    accounts and keys as ``demo_db``)."""
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_demo["author"].pdf_bytes)
    return path


@pytest.fixture
def author_signed_db(signed_demo, tmp_path):
    """The demo database that ``signed_pdf`` was signed in: locked, awaiting the approver."""
    from auditapp.core.db import open_database

    db = open_database(copy_signed_demo(signed_demo, tmp_path / "db", which="author_db"))
    yield db
    db.close()


def test_verify_shows_valid_then_invalid_after_a_flipped_byte(
    qtbot, demo_db, window, signed_pdf, tmp_path
):
    dialog = window.signoff.verify()
    dialog.ask_open = lambda: str(signed_pdf)
    dialog.open_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=SLOW_MS)
    assert dialog.report.valid
    assert dialog.banner.text().startswith("VALID")
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, model.MEANING).data() == "author"
    assert model.index(0, model.INTACT).data() == "intact"
    assert model.index(0, model.TRUST).data() == "trusted"
    assert "demo.lead" in model.index(0, model.TRUST).data(Qt.ItemDataRole.ToolTipRole)

    # The same report countersigned by a forger in a real signer's name: intact, NOT trusted.
    from tests.cli.test_trust import _forge

    forged = tmp_path / "forged.pdf"
    forged.write_bytes(_forge(signed_pdf.read_bytes(), "Thomas Keller", "approver"))
    dialog.report = None
    dialog.verify(forged)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=SLOW_MS)
    assert dialog.report.intact and not dialog.report.valid
    assert dialog.banner.text().startswith("NOT TRUSTED: Thomas Keller"), dialog.banner.text()
    assert "unknown certificate for Thomas Keller" in dialog.banner.text()

    data = bytearray(signed_pdf.read_bytes())
    start, length = pades_first_range(bytes(data))
    data[start + length // 2] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    dialog.report = None
    dialog.verify(tampered)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=SLOW_MS)
    assert not dialog.report.valid
    assert dialog.banner.text().startswith("INVALID"), dialog.banner.text()
    assert dialog.banner.property("role") == "error"
    dialog.reject()


def test_verify_without_a_database_trusts_only_what_the_user_trusted(
    qtbot, demo_db, signed_pdf, tmp_path
):
    from auditapp.core import users
    from auditapp.ui.tasks import TaskRunner
    from auditapp.ui.verify_dialog import VerifyDialog

    with demo_db.session() as s:
        pem = users.find_user(s, "demo.lead").certificate_pem
    (tmp_path / "lead.pem").write_text(pem)
    tasks = TaskRunner()
    dialog = VerifyDialog(None, tasks=tasks, ask_certificate=lambda: str(tmp_path / "lead.pem"))
    qtbot.addWidget(dialog)
    dialog.verify(signed_pdf)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=SLOW_MS)
    assert dialog.report.intact and not dialog.report.valid
    assert dialog.banner.text().startswith("NOT TRUSTED"), dialog.banner.text()
    dialog.report = None
    dialog.trust_button.click()  # the sponsor trusts the signer's exported certificate
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=SLOW_MS)
    assert dialog.report.valid
    assert dialog.banner.text().startswith("VALID"), dialog.banner.text()
    tasks.wait(SLOW_MS)


def pades_first_range(data: bytes) -> tuple[int, int]:
    import re

    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)", data)
    assert match is not None
    return int(match.group(1)), int(match.group(2))


def test_verify_says_clearly_when_the_file_is_not_signed(qtbot, window, tmp_path):
    dialog = window.signoff.verify()
    plain = tmp_path / "note.txt"
    plain.write_text("hello")
    dialog.verify(plain)
    qtbot.waitUntil(lambda: dialog.banner.property("role") == "error", timeout=SLOW_MS)
    assert "neither a PDF nor a DOCX" in dialog.banner.text()
    dialog.reject()


# --- reopen -------------------------------------------------------------------------------------


def test_reopen_requires_a_reason_and_the_lead_password(
    qtbot, author_signed_db, signed_pdf, tmp_path
):
    window = open_window(qtbot, author_signed_db, tmp_path)
    assert window.workspace.lock_banner.isVisible()
    window.signoff.update_actions()
    assert window.signoff.save_signed_action.isEnabled()
    window.signoff.ask_save_path = lambda _suggested, _filter: str(tmp_path / "again.pdf")
    assert window.signoff.save_signed() == tmp_path / "again.pdf"
    assert (tmp_path / "again.pdf").read_bytes() == signed_pdf.read_bytes()
    dialog = window.signoff.reopen()
    assert not dialog.reopen_button.isEnabled()
    dialog.password.setText(PASSWORD)
    dialog.submit()
    assert "reason" in dialog.messages.text().lower()
    assert audit_row(author_signed_db)[0]

    dialog.reason.setPlainText("   ")
    assert not dialog.reopen_button.isEnabled()
    dialog.reason.setPlainText("Sponsor asked to correct the CAPA due date of F-02.")
    assert dialog.reopen_button.isEnabled()
    dialog.password.setText("wrong-password")
    dialog.reopen_button.click()
    qtbot.waitUntil(lambda: "attempts left" in dialog.messages.text().lower(), timeout=SLOW_MS)
    assert audit_row(author_signed_db)[0]

    dialog.password.setText(PASSWORD)
    dialog.reopen_button.click()
    qtbot.waitUntil(lambda: dialog.new_version is not None, timeout=SLOW_MS)
    locked, version, status = audit_row(author_signed_db)
    assert not locked and version == 2 and status == "reporting"
    assert not window.workspace.lock_banner.isVisible()
    window.signoff.update_actions()
    assert not window.signoff.reopen_action.isEnabled()
    assert "report version 2" in window.statusBar().currentMessage()
    # The old signed version is still there, unchanged.
    assert (
        signed_files.signed_report(author_signed_db, reference_of(author_signed_db), version=1)[1]
        == signed_pdf.read_bytes()
    )
    assert pades.verify_pdf(signed_pdf.read_bytes()).intact
    window.tasks.wait(SLOW_MS)
